# pii_blind2, Dutch part A: contact-centre agent notes, note tables, speech-to-text call transcripts.
# Markup: <<TAG|literal>>. Tags: P PH E A PC IB BSN CID DOB LP URL (see build.py).
NL_A = [
("agent_note", "klant belt ivm dubbele afschrijving. mw. <<P|jansen>> wil geld terug, <<IB|NL52INGB2024441852>> gecheckt. cb 14:00 door <<P|Sanne>>"),
("agent_note", "dhr <<P|El Idrissi>> (<<P|A. el Idrissi>> op contract) belt voor 3e keer ivm storing. monteur komt do tussen 8-12. tel <<PH|06-41 27 93 08>>"),
("agent_note", "klantnr <<CID|40029187>> - adreswijziging doorgevoerd naar <<A|Bilderdijkkade 4a>>, <<PC|1053VX>> Amsterdam. oude adres vervallen."),
("agent_note", "mw. <<P|Tilburg>> (woont in Breda) heeft meterstanden doorgegeven (E1 04512, E2 03987). Geen verdere actie. Klant tevreden."),
("agent_note", "mw belt namens haar vader dhr. <<P|J.P. de Vries>>, geb <<DOB|12-03-1941>>, woont sinds kort in verpleeghuis. machtiging volgt per post. dochter = <<P|Ingrid>>, <<PH|0612 345 678>>"),
("agent_note", "KLANT (<<P|R. ALBERTS>>) ZEER BOOS!! wil leidinggevende spreken. doorgezet naar TL. geen cb nodig volgens TL."),
("agent_note", "<<P|fatma>> belde terug, betaalregeling akkoord 6x €84,50. bevestiging naar <<E|f.yilmaz1979@hotmail.com>>"),
("agent_note", "storing glasvezel hele wijk Lombok, Utrecht. massale melding, ref MM-2291. klanten verwijzen naar storingspagina."),
("agent_note", "dhr. <<P|van 't Hek>> boos over monteur die niet kwam opdagen (afspraak 14 mei). excuses gemaakt, tegoed €15 toegekend. klantnr <<CID|7730 4412 09>>"),
("agent_note", "Gesprek overgenomen van <<P|Mark>> (ziek naar huis). mw <<P|Roos>> wilde weten of het merk van de router uitmaakt - nee."),
("agent_note", "mevr <<P|Jansen-de Boer>> wil opzeggen ivm verhuizing naar Spanje. retentie-aanbod afgewezen. einddatum 31-01. contractnr <<CID|C-2024-118734>>"),
("agent_note", "BSN gevraagd voor toeslag-vraag, klant wilde niet geven. terecht, hoeven we niet. verwezen naar Belastingdienst."),
("agent_note", "cb gepland 16:30 voor dhr. <<P|Baldewsingh>>, nr <<PH|+31 6 1873 5520>>. graag <<P|Priya>> laten bellen want die had hem eerder"),
("agent_note", "bezorger heeft pakket bij de buren gelegd (nr 14), klant weet niet welke buren. PostNL-claim gestart."),
("agent_note", "mw <<P|Wijnaldum>> heeft <<P|Kofi>> (zoon) gemachtigd. zoon belt terug op <<PH|06 28 19 44 70>> na 18u"),
("agent_note", "klant geeft bsn <<BSN|225935466>> door ivm huurtoeslag-verklaring. ingevoerd, niet opgeslagen in notitie... (oeps, wel dus). melden bij TL"),
("agent_note", "mw <<P|rijkaard>> 3x gebeld geen gehoor, vm ingesproken. morgen nogmaals. 06-nummer klopt niet volgens klant zelf via mail"),
("agent_note", "dhr <<P|DE GROOT>> WIL SCHRIFTELIJKE BEVESTIGING. ADRES <<A|LAAN VAN NOI 112>> <<PC|2593 CH>> DEN HAAG"),
("agent_note", "Ticket doorgezet naar 2e lijn. Fout 0x80070005 bij inloggen app versie 7.3.2, Android 14. Geen klantgegevens nodig."),
("agent_note", "mw. <<P|Tjon-A-Fong>> belt ivm aanmaning. betaling staat wel op onze rekening, fout aan onze kant. aanmaning ingetrokken, <<P|Wendy>> van debiteuren op de hoogte"),
("agent_note", "klant (<<P|Piotr Kowalczyk>>) spreekt weinig NL, gesprek in EN gedaan. wil contract op naam van zijn vrouw <<P|Agnieszka>> zetten. formulier gestuurd naar <<E|piotr.kowalczyk@wp.pl>>"),
("agent_note", "Klant vroeg naar de bakker op de hoek die pakketten aanneemt - is geen officieel PostNL-punt. Advies: Primera Oudwijk."),
("agent_note", "dhr. <<P|Hoekstra>> belt over nota. zegt dat mijn collega <<P|Bram>> hem vorige week iets anders beloofde. notitie van <<P|Bram>> niet terug te vinden"),
("agent_note", "leaseauto <<LP|KL-709-V>> schade linkervoorportier. bestuurder <<P|Marloes Verbeek>>, verzekeringspolis <<CID|POL884120537>>. Carglass ingeschakeld voor ruit apart"),
("agent_note", "Vraag van dhr. <<P|Bosman>> over factuur van maart. Uitgelegd dat de eindafrekening later komt. Klant begreep het."),
("agent_note", "klant belt ivm overlijden echtgenoot dhr <<P|Sardjoe>>, geb. <<DOB|03/07/1952>>. condoleance. contract omzetten naar mw <<P|Sardjoe-Ramdin>>, klantnr <<CID|50118342>>"),
("agent_note", """datum | klant | onderwerp | status
12-02 | <<P|h. bulut>> | dubbele incasso | opgelost
12-02 | <<P|M. van der Linden>> | verhuizing | wacht op klant
13-02 | anoniem | klacht winkel Hoog Catharijne | doorgezet
13-02 | <<P|Siu Ling Chan>> | opzegging | retentie"""),
("agent_note", """agent;kanaal;wachttijd;nps
Team Noord;telefoon;04:12;7
Team Noord;chat;00:45;9
Team Zuid;telefoon;11:03;3
Team Zuid;mail;n.v.t.;6"""),
("agent_note", """klantnr;naam;tel;notitie
<<CID|88120045>>;<<P|Y. Çelik>>;<<PH|0031 6 40 55 18 27>>;wil papieren factuur
<<CID|88120317>>;<<P|R. Ramautar>>;<<PH|010-4661290>>;verhuist per 1 april
<<CID|88120402>>;<<P|D. Boateng>>;;geen tel bekend"""),
("agent_note", """| week | contacten | top-reden | escalaties |
| 06 | 1.204 | factuur | 12 |
| 07 | 1.388 | storing Ziggo-regio | 31 |
| 08 | 990 | verhuizing | 8 |"""),
("agent_note", "wachtwoord reset gedaan voor <<E|bloemjm@ziggo.nl>>. klant heet <<P|Bloem>> zegt ze, maar account staat op <<P|J.M. Bloem-Visser>>. ok na 3 controlevragen"),
("agent_note", "mw zegt dat de visser op de markt geen pin heeft, daarom contant. n.v.t. voor ons. gesprek beëindigd."),
("agent_note", "klant <<P|Wim>> (achternaam niet gegeven) klaagt over Jan Linders bezorging. niet onze klant, doorverwezen."),
("agent_note", "dhr <<P|Nguyen>> vraagt kopie van identiteitsbewijs terug. uitgelegd dat we die niet bewaren. rustig gesprek"),
("agent_note", "betaalachterstand 3 mnd. klant geeft aan schuldhulp te hebben via gemeente, contactpersoon mevr. <<P|Oosterhuis>>"),
("agent_note", "Klant vraagt of er een vestiging in Zwolle is. Ja, Grote Markt. Openingstijden gegeven."),
("agent_note", "terugbelverzoek: <<P|ANOUK VAN DAM>> <<PH|06-18837462>> ivm <<LP|7-ZGN-34>> apk-herinnering klopt niet, auto is al verkocht"),
("agent_note", "mw. <<P|Kartosen>> heeft nieuwe iban <<IB|NL04 TRIO 7097 2449 44>>, oude rekening opgeheven. incasso aangepast per volgende maand"),
("chat", "agent goedemiddag u spreekt met <<P|dennis>> waarmee kan ik u helpen\nklant ja goedemiddag met <<P|bakker>> ik bel over mijn rekening die is veel te hoog\nagent mag ik uw postcode en huisnummer\nklant <<PC|3512 jk>> nummer <<A|19>>\nagent dank u wel meneer <<P|bakker>> ik zie het"),
("chat", "klant hallo ik bel namens mijn moeder mevrouw <<P|de jong>> die is zelf slechthorend\nagent geen probleem wat is de geboortedatum van uw moeder\nklant <<DOB|veertien oktober negentienzevenendertig>>\nagent en uw naam\nklant <<P|marco>> <<P|marco de jong>>"),
("chat", "agent u spreekt met <<P|yasmina>> van de klantenservice\nklant ja hoi ik heb een vraag over de storing in amersfoort is dat al opgelost\nagent ja sinds vanochtend half negen zou alles weer moeten werken\nklant oke top dank je"),
("chat", "agent goedemorgen met <<P|kees>>\nklant goedemorgen u spreekt met <<P|hendrik-jan ten brinke>> ik heb een brief gehad over een achterstand maar ik heb gewoon betaald\nagent ik ga het voor u na kunt u het klantnummer noemen\nklant ja dat is <<CID|vier nul nul twee negen een acht zeven>>"),
("chat", "klant ja ik wil graag mijn telefoonnummer wijzigen het nieuwe is <<PH|nul zes een twee vijf vijf acht drie zeven een>>\nagent ik herhaal <<PH|06 12 55 83 71>> klopt dat\nklant ja klopt"),
("chat", "agent fijn dat u belt mevrouw u belt over de verhuizing\nklant ja we gaan naar de kerkstraat in haarlem\nagent en het huisnummer\nklant <<A|kerkstraat achtendertig a>> postcode weet ik even niet\nagent geeft niks ik zoek het op"),
("chat", "agent goedemiddag klantenservice\nklant ja dag ik heb een vraag over jullie nieuwe tarief van januari wordt het nou duurder of niet\nagent het vaste leveringstarief gaat omhoog van zes naar zeven euro per maand\nklant nou mooi is dat"),
("chat", "klant mijn naam is <<P|suzanne bloem>> met een b\nagent bloem zoals de bloem\nklant ja precies\nagent en uw e-mailadres\nklant <<E|suzannebloem at gmail punt com>>"),
("chat", "agent ik verbind u door met mijn collega <<P|rachid>> van de afdeling schade\nklant goed\nagent fijne dag nog\n[wachtmuziek]\nagent2 ja met <<P|rachid>> ik heb de notitie van <<P|lotte>> gelezen"),
("chat", "klant ja die meneer van jullie die monteur <<P|erik>> of zo die was echt heel vriendelijk dat wil ik even kwijt\nagent oh wat leuk dat geef ik door"),
("chat", "agent kunt u uw geboortedatum noemen ter verificatie\nklant <<DOB|twaalf drie eenenzestig>>\nagent dank u en de eerste letters van uw iban\nklant nl vijftig\nagent prima"),
("chat", "klant ja met <<P|ellen ruiters>> ik heb gisteren om tien uur gebeld en toen werd er gezegd dat ik binnen twee werkdagen bericht zou krijgen dat is nu vijf dagen geleden\nagent dat spijt me ik zie een open verzoek ik zet er een spoed op"),
("chat", "agent mag ik de naam van de contracthouder\nklant dat is mijn man <<P|orhan>> <<P|orhan aydın>>\nagent en is meneer <<P|aydın>> erbij\nklant nee die is aan het werk"),
]
