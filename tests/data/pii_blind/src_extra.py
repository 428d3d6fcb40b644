NL_C = [
("survey", "Als jong gezin hebben we weinig tijd om te bellen. De medewerker van Vattenfall begreep dat gelukkig en stuurde alles per mail."),
("agent_note", "kl mw. <<P|van den broek>> belt terug ivm meterstand, <<PH|06-19283746>> , wil bevestiging per post"),
("agent_note", "fam. <<P|Mahabier>>, adreswijziging naar <<A|2e Hugo de Grootstraat 17-2hg>>, <<PC|1052 LB>> Amsterdam. Ingangsdatum 1e vd maand."),
("chat", "Klant: geldt de actie van Jumbo ook in Den Helder?\nAgent: De actie geldt in alle filialen in Nederland.\nKlant: ook online?\nAgent: Ja, ook online."),
("email", "Van: <<P|Sevda Arslan>> <<<E|sevda.arslan@live.nl>>>\nOnderwerp: opzegging abonnement\n\nGoedemiddag,\n\nIk wil mijn abonnement per 1 juli opzeggen. Graag een bevestiging.\n\nGroet,\n<<P|Sevda>>"),
("interview", "I: Hoe mag ik u noemen?\nR: Zeg maar <<P|Noor>>. Nou ja, officieel <<P|Noor van Dam>>, maar zo noemt niemand me.\nI: Prima. Wat was uw ervaring met de verzekeraar?\nR: Goed, tot ik moest claimen."),
("complaint", "Maandag om 14:30 een afspraak gemaakt, om 16:00 nog niemand gezien. Is dit de service van KPN anno 2024? Ik betaal € 65 per maand! Bel mij terug: <<PH|+31 20 794 3312>>, vraag naar <<P|Maarten>>."),
("agent_note", "BSN en geb.datum gecheckt. Klant vraagt naar aanslag 2023, bedrag € 2.118. Doorverbonden naar 2e lijn."),
("survey", "Via www.ing.nl/zakelijk kon ik niks vinden over de nieuwe voorwaarden. Graag duidelijker."),
("email", "Hallo,\n\nMijn verhaal staat ook op mijn Facebook: <<URL|https://www.facebook.com/marleen.vanvliet.39>>. Veel mensen herkennen zich erin.\n\nGroet,\n<<P|Marleen van Vliet>>\nIBAN voor de vergoeding: <<IB|NL91 ABNA 0417 1643 00>>"),
("interview", "I: Wie was uw aanspreekpunt?\nR: Meneer <<P|C.W. ter Beek>>, en later zijn collega mevrouw <<P|Sutrisno>>. Allebei heel correct.\nI: En het resultaat?\nR: Binnen een week geregeld."),
("chat", "Klant: goeiemorgen, ik bel namens mijn oma <<P|Riet>>, ze is geboren op <<DOB|9 januari 1932>> en ze wil haar telefoonabonnement opzeggen\nAgent: Goedemorgen! Heeft u een machtiging?\nKlant: ja die heb ik gemaild"),
]
EN_C = [
("survey", "March was a bad month for your service. May was better, June was great."),
("survey", "<<P|Will>> from the Bristol store was amazing - he will definitely get my vote for employee of the month."),
("agent_note", "cust <<P|hannah o'brien>>, DOB <<DOB|5 Jun 1988>>, wants paper bills again. Updated prefs."),
("chat", "Customer: Does Tesco accept your gift cards?\nAgent: Unfortunately not, our gift cards can only be used in our own stores and online.\nCustomer: shame"),
("email", "Hi,\n\nPlease ship the replacement to my new address:\n<<A|1420 Maple Ave, Apt 5B>>\nSpringfield, IL <<PC|62704>>\n\nThanks,\n<<P|Tyler Jensen>>\n<<PH|(217) 555-0143>>"),
("complaint", "Your website says the Bath branch is open until 8, but it was closed at 7:30 when I arrived. Wasted trip."),
("interview", "I: What should I call you?\nR: I'm <<P|Joe>>. Well, <<P|Giuseppe>> really, but everyone says <<P|Joe>>.\nI: Thanks. How was the onboarding?\nR: Smooth, to be fair."),
("agent_note", "Cust asked for a manager; explained complaints process. No personal details given. Call ended 11:42."),
]
