# pii_blind2, Dutch part C: complaint e-mails with headers/signatures, web chats, precision-only records.
NL_C = [
("email", """Van: <<P|Marieke Owusu-Ansah>> <<<E|m.owusuansah@gmail.com>>>
Aan: klantenservice@woonstichting-voorbeeld.nl
Onderwerp: Lekkage badkamer - 3e melding

Geachte heer/mevrouw,

Voor de derde keer meld ik de lekkage in onze badkamer op <<A|Van Ostadestraat 241-III>>. De loodgieter zou op 4 maart komen maar is niet verschenen.

Met vriendelijke groet,
<<P|Marieke Owusu-Ansah>>
<<PH|06 - 53 71 20 88>>"""),
("email", """Onderwerp: Opzegging lidmaatschap

Beste mensen,

Hierbij zeg ik mijn lidmaatschap op (lidnummer <<CID|204.771.36>>). Reden: ik verhuis naar Groningen en daar hebben jullie geen vestiging.

Groet,
<<P|Thijs van den Heuvel>>"""),
("email", """Geachte directie,

Op 12 januari heb ik bij uw filiaal in Utrecht een wasmachine gekocht (Bosch Serie 6, €649,-). Deze is na drie weken kapot gegaan. De winkelmedewerker weigert de garantie.

Ik verwacht binnen 14 dagen een reactie.

Hoogachtend,
<<P|C.W. Hoogendijk-Tan>>
<<PH|06-15 48 72 90>>"""),
("email", """Van: <<E|jdewit.1956@kpnmail.nl>>
Onderwerp: RE: uw aanvraag

Goedendag,

Zoals gevraagd mijn gegevens:
naam: <<P|Johannes de Wit>>
geboortedatum: <<DOB|17-08-1956>>
BSN: <<BSN|985115488>>
rekeningnummer: <<IB|NL34RABO1867264284>>

Ik hoop dat het nu eindelijk in orde komt.
<<P|J. de Wit>>"""),
("email", """Beste <<P|Annelies>>,

Dank voor je snelle reactie van gisteren. Zoals besproken stuur ik hierbij de foto's van de schade aan de auto (<<LP|21-HTV-8>>). De andere partij, mevr. <<P|Wiśniewska>>, heeft het schadeformulier ook getekend.

Groetjes,
<<P|Sandra>>
---
Verzonden vanaf mijn iPhone"""),
("email", """Onderwerp: klacht over medewerker

Goedemiddag,

Uw medewerkster <<P|Chantal>> (volgens haar naamkaartje) sprak mij onbeschoft aan bij de balie in de Kalverstraat. Ik wil dat u dit serieus neemt.

<<P|R.A. Lie-A-Ling>>
<<A|Kraaipanstraat 6>>
<<PC|1093 HX>> Amsterdam"""),
("email", """Geachte heer <<P|Jagesar>>,

Naar aanleiding van uw klacht d.d. 3 april hebben wij uw dossier opnieuw bekeken. Wij komen u tegemoet met een vergoeding van € 75,00.

Met vriendelijke groet,

<<P|Petra Schouten>>
Teamleider Klantrelaties
T <<PH|030 - 760 44 19>> (direct)
E <<E|petra.schouten@voorbeeldenergie.nl>>
Klantenservice: 0800-0220 (gratis)"""),
("email", """Onderwerp: Nieuwsbrief afmelden

Hallo, ik wil mij afmelden voor de nieuwsbrief maar de link onderaan werkt niet. Graag handmatig afmelden.

Bvd
<<P|Nienke>>
<<E|nienke.vanommen@xs4all.nl>>"""),
("email", """Onderwerp: FW: incasso onterecht

---------- Doorgestuurd bericht ---------
Van: <<P|Emre Öztürk>> <<<E|emre.ozturk@live.nl>>>
Datum: ma 10 feb 2025 09:14
Onderwerp: incasso onterecht

Jullie hebben twee keer €112,40 afgeschreven van <<IB|NL48 ABNA 8782 6068 70>>. Graag één keer terugstorten.

<<P|Emre>>"""),
("email", """Geachte mevrouw, meneer,

Mijn vader, de heer <<P|H.J.M. (Henk) Kuiper>>, geboren <<DOB|3 februari 1934>>, is op 28 december overleden. Ik verzoek u het contract (klantnummer <<CID|1004 8827 31>>) te beëindigen. Correspondentie graag naar mij: <<P|Wilma Kuiper>>, <<A|Hooftlaan 19>>, <<PC|7311AN>> Apeldoorn.

Met vriendelijke groet,
<<P|W. Kuiper>>"""),
("email", """Hoi,

Kunnen jullie de factuur van februari opnieuw sturen? Die is niet aangekomen.

Dank!
<<P|Lisa>>

<<P|Lisa Hoang>> | Freelance fotograaf | <<URL|https://www.lisahoang-fotografie.nl>> | <<PH|06 11 39 82 45>>"""),
("email", """Onderwerp: Vraag over bezorging

Beste klantenservice,

Wordt er ook op zaterdag bezorgd in Zeeland? En kan het pakket bij een afhaalpunt in Middelburg worden neergelegd?

Groeten,
<<P|Kaoutar Ait Ben Ali>>"""),
("email", """Van: Klantenservice
Aan: <<E|k.baldewsingh@gmail.com>>
Onderwerp: Uw terugbelverzoek

Beste meneer <<P|Baldewsingh>>,

Onze collega <<P|Priya Ramcharan>> heeft geprobeerd u te bellen op <<PH|+31 6 1873 5520>> maar kreeg geen gehoor. Wilt u ons terugbellen op 088 - 123 45 00?

Vriendelijke groet,
Team Klantcontact"""),
("email", """Onderwerp: Sollicitatie stage klantenservice

Beste recruiter,

Bijgaand mijn cv. Mijn LinkedIn: <<URL|linkedin.com/in/sem-bouzid-0a91b2>>.

Met vriendelijke groet,
<<P|Sem Bouzid>>
<<A|Jan Pieterszoon Coenstraat 44>>, <<PC|2595 WP>> Den Haag"""),
("email", """Geachte,

Ik ben het niet eens met de eindafrekening. Het voorschot was €95 per maand, en nu moet ik €612,18 bijbetalen. Dat kan niet kloppen want het huis stond van juni tot en met augustus leeg.

Graag een toelichting.
Klantnummer: <<CID|3300 7718 2561>>
<<P|G. Zwart>>"""),
("email", """Beste <<P|Yvonne>>,

Zoals telefonisch besproken de gegevens van mijn moeder:
<<P|Soekarni Wibowo-Tan>>
<<A|Parkweg 88a>>
<<PC|2271 AJ>> Voorburg
geb. <<DOB|05-11-1946>>

Zij heeft geen e-mail. Bellen kan via mij: <<PH|06-32741866>>.
Dank je wel!
<<P|Ratna>>"""),
("email", """Onderwerp: Re: Re: Re: kapotte koelkast

Nu al de vierde mail. Ik wil gewoon een datum voor de reparatie. Dinsdag of donderdag na 13:00 kan ik.

<<P|Bart>>"""),
("email", """Onderwerp: melding overlast buren

Geachte woonconsulent,

De bewoners van <<A|Wagenaarstraat 12-1>> draaien elke nacht tot 3 uur muziek. Ik heb al met <<P|Kevin>> van de wijkteam-app gesproken. Mijn naam houd ik liever anoniem.

Een buurvrouw"""),
("chat", "Bot: Hoi! Ik ben Sam, de digitale assistent. Waar kan ik je mee helpen?\nKlant: opzeggen\nBot: Wat jammer! Mag ik vragen waarom?\nKlant: te duur\nBot: Ik verbind je door met een collega.\nAgent (<<P|Naima>>): Hoi, je spreekt met <<P|Naima>>. Ik zie dat je wilt opzeggen, klopt dat?"),
("chat", "Klant: ik heb een vraag over mijn pakket\nAgent: Natuurlijk! Heb je de track & trace code?\nKlant: de code eindigt op 789, de rest staat in de mail\nAgent: Dank je. Ik zie dat het pakket in het sorteercentrum in Nieuwegein ligt. Morgen wordt het bezorgd."),
("chat", "Klant: hallo, mijn naam is <<P|Carmen Rosaria>>, ik woon sinds vorige week op <<A|Willem de Zwijgerlaan 301>>\nAgent: Welkom! Wat is je postcode?\nKlant: <<PC|1056 JM>>\nAgent: Top, ik zet de aansluiting voor je over."),
("chat", "Klant: Goedemiddag, ik wil graag weten wanneer de actie met de gratis Ziggo-box afloopt\nAgent (<<P|Ruben>>): Hoi! Die loopt tot 31 maart.\nKlant: Top, dank"),
("chat", "Agent: Hoi, met <<P|Fleur>>! Hoe kan ik helpen?\nKlant: mn vriendin <<P|jasmijn>> heeft haar telefoon verloren en haar abonnement staat op mijn naam. kunnen jullie de simkaart blokkeren?\nAgent: Zeker. Welk nummer is het?\nKlant: <<PH|0647119025>>"),
("chat", "Klant: u heeft mijn gegevens verkeerd, het is <<P|Van Veen>> met een V, niet <<P|Van Ven>>\nAgent: Excuses, ik pas het aan. Klopt de rest? <<A|Stationsweg 17 bis>>?\nKlant: ja"),
("chat", "Klant: wanneer is de storing opgelost???\nAgent (<<P|Merel>>): We verwachten vanavond 20:00. Onze excuses.\nKlant: dat zeiden jullie gisteren ook"),
("chat", "Klant: Hallo, is dit de klantenservice van De Bijenkorf?\nAgent: Nee, dit is de webshop van Van Haren. Voor De Bijenkorf kunt u hun eigen site bekijken.\nKlant: oh sorry haha"),
("chat", "Agent: Hoi, je spreekt met <<P|Stijn>>. Mag ik je klantnummer?\nKlant: <<CID|KN 2210 9935>>\nAgent: Dank je, mevrouw <<P|Dekker>>.\nKlant: <<P|Dekker-Smit>> graag, dat staat er verkeerd in sinds mijn huwelijk"),
("chat", "Klant: ik wil een klacht indienen over de monteur\nAgent: Wat vervelend! Weet u de naam van de monteur?\nKlant: nee, een lange man met een baard, kwam dinsdag\nAgent: Ik zoek het voor u op."),
("chat", "Klant: kan ik de rekening op naam van mijn broer <<P|Youssef>> zetten? hij woont op hetzelfde adres\nAgent: Dat kan, dan heb ik wel zijn toestemming nodig. Kan hij zelf even bellen of mailen?\nKlant: ik vraag het hem, hij mailt vanaf <<E|youssef.benali93@gmail.com>>"),
("chat", "Klant: Ik heb een foto van mijn rijbewijs gestuurd maar mijn kenteken staat er niet op\nAgent: Geen probleem, wat is het kenteken?\nKlant: <<LP|VD-25-LP>>\nAgent: Dank je!"),
("agent_note", "mw <<P|Li Wei>> (achternaam <<P|Li>>) belt ivm pakket Bol.com - niet ons bedrijf. doorverwezen."),
("agent_note", "Klantsituatie: <<P|Henk>> & <<P|Ria Postma>>, beiden 80+, zoon <<P|Arjan>> regelt alles. <<P|Arjan>>'s nr <<PH|06 - 20 44 71 38>>"),
("agent_note", "Verzoek inzage persoonsgegevens (AVG) ontvangen per post. Doorgestuurd naar privacy@ (FG). Termijn 1 maand."),
("agent_note", "dhr <<P|sharma>> belt, nieuwe iban <<IB|NL16ASNB9524497901>>. pas per 1 volgende maand. bev. naar <<E|a.sharma@kpnplanet.nl>>"),
("agent_note", "klant vraagt naar de medewerker met de rode haren die vorige week in de winkel stond. geen idee wie, gezegd dat ik het navraag"),
("agent_note", "Dhr. <<P|Asante>> wilde spreken met 'die aardige <<P|Lotte>>'. <<P|Lotte>> is vandaag vrij, cb morgen."),
("agent_note", "klant heeft winkel Hoog Catharijne gebeld ipv ons. nummer op site klopt niet (030 staat er ipv 088). melden bij web-team"),
("agent_note", "bellijst ma: <<P|van 't zelfde>> (x2), <<P|Statia>>, <<P|ten Hove>>, <<P|M. Isenia>>, <<P|Szymański>>"),
("agent_note", "Geen gegevens klant bekend, anoniem gesprek over tarieven. Uitleg over dal- en piekuren gegeven."),
("agent_note", "dhr belt namens Fam. <<P|Demir>>, <<A|Mauritsweg 54-B>>. Geen machtiging, dus geen info gegeven."),
("agent_note", "<<P|Will>> (collega van planning) zegt dat de monteur pas volgende week kan. klant ingelicht, niet blij."),
("agent_note", "mevrouw belde over de koning (bedoelt de actie 'Koningsdag-korting'). actie was t/m 27-04. uitgelegd."),
("agent_note", "Klant vraagt of Mark (product 'Mark Pro' router) ondersteund wordt. Ja, firmware 2.8 nodig."),
("survey", "Wat kunnen we verbeteren? De kringloopwinkel bij ons in de straat heeft betere openingstijden dan jullie. Gewoon zaterdag tot 17u open."),
("survey", "Wat kunnen we verbeteren? Ik ben weduwe en alles staat nog op naam van mijn man <<P|Piet Schaap>>. Het omzetten kost maanden."),
("survey", "Wat kunnen we verbeteren? Dat jullie medewerkers mijn naam goed spellen. Ik heet <<P|Bakker>>, niet <<P|Backer>>, en de bakker om de hoek krijgt dat ook gewoon goed."),
("survey", "Toelichting: De jonge medewerker was vriendelijk maar wist weinig. De oudere collega wist alles maar was kortaf."),
("survey", "Toelichting: Ik kreeg een mail van noreply@mijnenergie.nl met de verkeerde naam erin: Beste <<P|Gijsbert>>. Ik heet <<P|Gijs>>."),
("survey", "Cijfer 9. De winkel in de Kalverstraat is een voorbeeld voor de rest. Complimenten aan het hele team daar."),
("survey", "Cijfer 3. Bij het afsluiten moest ik mijn BSN, paspoortnummer én loonstrook uploaden. Voor een telefoonabonnement!"),
("complaint", "Al twee maanden geen warm water in de flat aan de Burgemeester de Vlugtlaan. Corporatie reageert niet. Wie heeft dit ook? #Slotermeer"),
("complaint", "ik heb een klacht over de storing van 9 december. niemand kon me vertellen hoe lang het zou duren. compensatie van €2,50 is een grap. groet <<P|ramon esajas>>"),
("complaint", "Klacht: mijn moeder mw. <<P|Jagernath>> (<<P|Indra>>) werd aan de deur benaderd door een verkoper van jullie die haar een contract liet tekenen. Ze is dement. Adres <<A|Zuiderparkweg 190>>. Ik eis ontbinding."),
("agent_note", "toeslagpartner gewijzigd: aanvrager <<P|N. Benali-Haddou>> bsn <<BSN|943730090>>, partner <<P|Karim Haddou>> bsn <<BSN|384106171>>. stukken gescand, origineel retour."),
("agent_note", "dhr. <<P|Soerjadi>> wil terugbetaling op rek. <<IB|NL97 SNSB 5461 1621 41>> ipv op zijn oude ing-rekening. ok, akkoord TL <<P|Ilse>>"),
("email", """Onderwerp: machtiging

Hierbij machtig ik mijn dochter <<P|Joke van der Zanden>> om namens mij contact te hebben over mijn zorgverzekering.

Naam: <<P|Cornelia (Cor) van der Zanden-Mol>>
Geboortedatum: <<DOB|9 november 1931>>
BSN: <<BSN|912537486>>
Polisnummer: <<CID|ZV 0012 8844 7>>

Handtekening: <<P|C. v.d. Zanden>>"""),
("chat", "Klant: ik wil mijn incasso wijzigen naar mijn nieuwe rekening bij bunq\nAgent (<<P|Tamara>>): Dat kan! Wat is het nieuwe rekeningnummer?\nKlant: <<IB|NL89BUNQ7236699274>>\nAgent (<<P|Tamara>>): Genoteerd, per de volgende termijn."),
("survey", "Toelichting: ik heb een Belgische rekening (<<IB|BE05 3549 8686 7525>>) en dat kon niet worden ingevoerd op jullie site. Alleen NL-rekeningen. Erg onhandig voor grensbewoners zoals ik."),
("agent_note", "Klant <<P|Dragan Petrović>> belt ivm boete. auto <<LP|89-KRB-4>> stond volgens hem in garage. garagebon gemaild naar <<E|dragan.p@telfort.nl>>, bezwaar ingediend."),
("interview", "I: En wat deed uw buurvrouw?\nR: <<P|Sien>>? Die heeft meteen de politie gebeld. <<P|Sien>> is zelf ooit opgelicht, dus die herkende het.\nI: Weet u nog wat de beller zei?\nR: Hij zei dat hij <<P|Martin de Bruijn>> van de bank was. Stond nota bene op mijn scherm het nummer van de bank zelf."),
("email", """Van: <<P|Kaan Yıldız>>
Aan: info@voorbeeldverhuur.nl
Onderwerp: borg terug

Goedemiddag,

Ik ben op 30 juni vertrokken uit <<A|Van Speijkstraat 12-huis>>, <<PC|1057GN>> Amsterdam. De borg van €1.450 is nog steeds niet teruggestort op <<IB|NL41KNAB9076110396>>.

Mijn nieuwe adres: <<A|Oudegracht 178 bis>>, <<PC|3511 NP>> Utrecht.
Tel: <<PH|+31 6 45 02 71 33>>

<<P|Kaan Yıldız>>"""),
("agent_note", "mw. <<P|aarts>> geb. <<DOB|28-2-1964>> heeft 2 klantnummers (<<CID|61002233>> en <<CID|61002890>>), samengevoegd onder het eerste."),
("chat", "Klant: goedemiddag, mijn naam is <<P|Sjoerd de Haan>>. Mijn auto (<<LP|XR-512-B>>) is weggesleept terwijl ik een vergunning heb.\nAgent: Wat vervelend meneer <<P|De Haan>>. Welk vergunningnummer heeft u?\nKlant: <<CID|VG-11827>>, maar dat staat op naam van mijn vriendin <<P|Eline Wouters>>"),
("complaint", "Bericht op Facebook-pagina: Ik ben <<P|Brenda>> van <<URL|facebook.com/brenda.koster.1985>> en ik wil even laten weten dat jullie bezorger (<<P|Dennis>>, stond op de app) mijn pakket gewoon op de stoep liet liggen."),
("survey", "Wat kunnen we beter doen? Bij het inschrijven vroeg de website om de geboortedatum van mijn kinderen: <<P|Tess>> (<<DOB|14-06-2015>>) en <<P|Daan>> (<<DOB|02-09-2018>>). Waarom is dat nodig voor een bibliotheekpas?"),
("agent_note", "dhr <<P|hoogeveen>> vraagt jaaropgave 2023. bsn niet nodig, wel geverifieerd op geb.datum + postcode. verstuurd naar <<A|Julianastraat 4>>, <<PC|9351 AR>>."),
("agent_note", "verzoek om BSN te verwijderen uit dossier. klant <<P|Ebru Kılıç>> had per ongeluk <<BSN|310498867>> in de chat gezet. verwijderd, gemeld als datalek-twijfel bij FG"),
]
