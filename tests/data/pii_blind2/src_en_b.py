# pii_blind2, English part B: survey free text, app-store reviews, social posts, interview transcripts, e-mails, complaints.
EN_B = [
("survey", "Q5. Anything else you'd like to tell us?\nThe lady on the phone, <<P|Tanya>>, was brilliant. Please pass on my thanks."),
("survey", "Q5. Anything else you'd like to tell us?\nNo."),
("survey", "Why did you give this score? Waited 25 mins in the queue on a Monday morning. The hold music is awful. Eventually got <<P|Precious>> who fixed it in two minutes."),
("survey", "Why did you give this score? Because <<P|Will>> actually listened. Most agents don't. <<P|Will>>, if you read this, you're a star."),
("survey", "Why did you give this score? I will be leaving when my contract ends in June. Prices are too high and the app is buggy."),
("survey", "What could we do better? Stop sending letters addressed to my late husband, Mr <<P|Derek Haines>>. I've told you four times."),
("survey", "What could we do better? Honestly the store manager at the Bristol branch was rude, the baker at the in-store bakery was lovely though."),
("survey", "Comments: Happy for you to contact me about this. <<P|Nadia Kowalski>>, <<E|nadia.k@protonmail.com>>, <<PH|07700 900915>>"),
("survey", "Comments: great service from start to finish, engineer (<<P|Kofi>>) arrived on time and cleaned up after himself"),
("survey", "Comments: my daughter <<P|Grace>> (she's 14) set up the account using her own email and now I can't get in. Please help!!!"),
("survey", "Rating 2/10 - you changed my direct debit without asking. I want it back to the 28th of each month. - <<P|T. Wainwright>>"),
("survey", "Rating 9/10. Summer deals were good this year. Keep it up."),
("survey", "What's the main reason for your score?\ni rang about my mums account (<<P|june baxter>>) and they wouldnt talk to me even though im on the POA"),
("survey", "What's the main reason for your score? The website is confusing. I couldn't find where to update my address at all."),
("survey", "What's the main reason for your score? <<P|Ravi>> and <<P|Deepa>> at the Croydon store went above and beyond to find my size."),
("survey", "May we contact you? Yes - <<P|Kwabena Asante>>, <<PH|+44 (0)161 496 0732>>"),
("survey", "May we contact you? Only by email please: <<E|r.okonkwo@gmail.com>>"),
("survey", "Anything else? The form asked for my date of birth, my NI number AND my mother's maiden name. Why does a gym need that?"),
("complaint", "★☆☆☆☆ Worst banking app I've used. Face ID fails every time since 4.12 update. Customer service chat bot 'Ellie' just loops."),
("complaint", "★☆☆☆☆ by <<P|Jordan Fitzgerald>>\nCharged me twice and then blocked my card. Still waiting on a reply from anyone."),
("survey", "★★★★★ Finally an energy app that works. Meter readings take 10 seconds. Love it."),
("survey", "★★★★☆ Good app, but please add dark mode. Also the Hope Street branch shows the wrong opening times."),
("complaint", "@AcmeBroadband 3rd day without internet. Working from home impossible. Ref number given by your agent <<P|Liam>> doesn't even exist #fail"),
("complaint", "Huge thanks to <<P|Destiny>> at the Birmingham Bullring store for sorting my phone out in 10 minutes 🙌 that's how it should be done"),
("complaint", "Can someone at Octopus Energy explain why my bill doubled in January? No, I won't DM you my account number."),
("complaint", "Update: my neighbour <<P|Gladys>> (87!) still has no heating. Engineer was meant to come Friday. This is a disgrace."),
("complaint", "Posted in Residents' Group: Anyone else's bins not collected on Rose Avenue this week? Council says it's the contractor."),
("interview", "I: Could you tell me a bit about yourself?\nR: Sure. I'm <<P|Olu>>, I'm 34, I live in Peckham with my partner <<P|Jess>>. I work in logistics.\nI: And how long have you been with your current provider?\nR: About five years."),
("interview", "I: Walk me through what happened.\nR: So I called, got someone called <<P|Nathan>>, really nice, said he'd sort it. Then nothing. Then I called again and got a <<P|Brandon>> who said there was no record of <<P|Nathan>>'s note."),
("interview", "I: How did that make you feel?\nR: Honestly? Like a number. Like I was just a ticket in a queue. Even <<P|Joanne>>, who was nice, had to read from a script."),
("interview", "I: Who helps you with things like bills?\nR: My granddaughter, <<P|Aaliyah>>. She's very good with the computer. <<P|Aaliyah>>'s mum used to do it but she moved to Leicester."),
("interview", "I: Did you ever speak to the same person twice?\nR: Once. A lady called <<P|Bernadette>> - she remembered me! She said, \"Oh, Mr <<P|Whitaker>>, the one with the dog.\" That made my day."),
("interview", "Moderator: What would the ideal experience look like?\nParticipant 2: One app, one login. No passwords over the phone.\nParticipant 5 (<<P|Harpreet>>): And a real human when things go wrong.\nModerator: Great."),
("interview", "I: What do you do for work?\nR: I'm a nurse at the Royal Free. Night shifts mostly, which is why I can never call during office hours."),
("interview", "I: Where did you hear about the switch?\nR: My brother-in-law, <<P|Sanjay Mehta>>. He switched first and kept going on about it."),
("interview", "I: And the letter, what did it say?\nR: It said 'Dear Ms <<P|Rahima Begum>>' - which is me - 'your account <<CID|77-301-4492>> is in arrears'. But I'd paid!\nI: Do you still have it?\nR: Somewhere."),
("interview", "I: Can you describe the branch?\nR: The one on the High Street? It's small. Two desks. Usually just the manager and one other person."),
("interview", "I: Any last thoughts?\nR: Tell the people upstairs, Mr <<P|Hargreaves>> and co, to try calling their own number. That's it."),
("email", """From: <<P|Eleanor Hughes>> <<<E|eleanor.hughes@btinternet.com>>>
To: complaints@examplewater.co.uk
Subject: Formal complaint - account <<CID|4400918273>>

Dear Sir or Madam,

I am writing to complain about the repeated estimated bills sent to <<A|27 Kingsley Avenue>>, <<PC|OX4 2HT>>. I have submitted meter readings every quarter.

Yours faithfully,
<<P|Eleanor Hughes>>
<<PH|01632 960214>>"""),
("email", """Subject: Cancel my membership

Hi,

Please cancel membership no. <<CID|GYM-0048821>>. I've moved to Glasgow and there's no club near me.

Thanks,
<<P|Connor>>"""),
("email", """Dear Mr <<P|Abiola>>,

Thank you for contacting us. We have reviewed your complaint and are pleased to offer a refund of £85.00.

Kind regards,

<<P|Hannah Gill>>
Customer Resolution Specialist
Direct line: <<PH|020 7946 0955>>
Customer service: 0800 555 0199"""),
("email", """Subject: Wrong delivery

Hello,

I received someone else's parcel today. It's addressed to a <<P|K. Delacroix>>, <<A|14 Elm Grove>>, but it's a different street altogether. I'll leave it at the reception desk of our building.

Regards"""),
("email", """Subject: Feedback

Just wanted to say thanks to <<P|Lewis>> and the team at the London Bridge branch. Quick, friendly, sorted everything. Keep it up."""),
("email", """From: <<E|mike.t.1979@gmail.com>>
Subject: RE: Your recent order

Hi <<P|Stacey>>,

Sorry, forgot to add my details:
Name: <<P|Michael Thompson>>
DOB: <<DOB|1979-04-11>>
Address: <<A|1420 Maple Ave, Apt 5B>>, Springfield, IL <<PC|62704>>
Phone: <<PH|(217) 555-0172>>

Thanks,
<<P|Mike>>"""),
("email", """Subject: My late mother's account

To whom it may concern,

My mother, <<P|Patricia Anne Dunmore>> (born <<DOB|14 July 1941>>), passed away last month. Her account number is <<CID|DUN-5539021>>. Please close it and send the final statement to me at <<A|Flat 6, 3 Regent Terrace>>, <<PC|EH7 5BN>>.

<<P|Graham Dunmore>>"""),
("email", """Subject: Re: complaint ref

Hi,

Still no response to my complaint from March. Your website says 8 weeks. It's now June.

Regards,
<<P|Imran Qureshi>>
Account: <<CID|AC-20931177>>"""),
("email", """Hi team,

Quick one - can you add my wife <<P|Faith>> as a second account holder? Her email is <<E|faith.obi@icloud.com>> and mobile <<PH|+44 7700 900 228>>.

Cheers,
<<P|Chidi Obi>>
<<URL|https://www.linkedin.com/in/chidi-obi-pm>>"""),
("email", """Subject: Complaint about delivery driver

The driver who delivered on Tuesday threw my parcel over the gate. The van registration was <<LP|BD51 SMR>>. I have it on my doorbell camera.

<<P|Natalie Brooks>>"""),
("email", """Subject: Photography booking

Hi,

I found you via my friend's portfolio site <<URL|www.sophielaurent.photo>>. Is the Saturday slot still available?

Best,
<<P|Ama Boateng>>"""),
("complaint", "I am complaining on behalf of my elderly father, Mr <<P|Joseph Agyeman>>. Your salesman pressured him into signing a 24-month contract at his home, <<A|58 Clarendon Road>>. He has dementia. I want it cancelled."),
("complaint", "Complaint: Store in Oxford Street had no staff on the tills at 5pm on a Saturday. Queue of 30 people. Unacceptable."),
("complaint", "I've been a loyal customer for 12 years and this is how you treat me? Cancelling today. You can keep your 'loyalty discount'."),
("complaint", "To whoever reads this: the engineer, <<P|Pawel>>, did an excellent job. It's the booking system that's the problem, not your staff."),
("complaint", "Complaint re: <<P|SHARON MCBRIDE>> acct <<CID|3318 2290 04>> - DIRECT DEBIT TAKEN TWICE. I WANT MY MONEY BACK TODAY."),
("survey", "Anything else? My grandson <<P|Tyler>> set this up for me, I'm 78, so please keep things simple."),
("survey", "Anything else? Marks & Spencer do this so much better. Just saying."),
("survey", "Any other feedback? I spoke with Mr. <<P|Li>> in the Manchester office and he was very patient. Also the McDonald's next to your store is handy while you wait haha"),
("agent_note", "Cust <<P|Maria Gonzalez>> paying from a German account, IBAN <<IB|DE28 5399 0198 7021 5170 29>>. Allowed as one-off. Ref to fin team (<<P|Stuart>>)."),
("email", """Subject: Change of bank details

Hello,

Please update my bank details. I've moved from Barclays to Monzo. New details attached. Account holder: <<P|Zainab Oyelaran-Smith>>, date of birth <<DOB|12/01/1987>>.

Kind regards,
<<P|Zainab>>
<<PH|07700 900 644>>"""),
("chat", "Customer: Hi, my name is <<P|Siobhán Ní Bhriain>>, I'm trying to update my address\nAgent: Hi <<P|Siobhán>>! What's the new address?\nCustomer: <<A|3/2, 114 Byres Road>>, <<PC|G12 8TD>>\nAgent: Thanks, updated!"),
("interview", "I: Had you used the service before?\nR: No, my mate <<P|Dev>> told me about it. <<P|Devendra Pillai>>, proper name. He works for a bank in Canary Wharf.\nI: And what did he say?\nR: That it was cheaper than the high street."),
("complaint", "★★☆☆☆ by <<P|Summer>>\nThe summer collection looked nothing like the photos. Returns took three weeks. At least <<P|Amelia>> on the chat was helpful."),
("agent_note", "Cust Mr <<P|Bill Hope>> - yes that's his real name - query re his bill. Explained tiered pricing. DOB <<DOB|5 Jun 1958>> confirmed."),
("email", """Subject: Portfolio + availability

Hi <<P|Rachel>>,

As promised, here's my portfolio: <<URL|https://jamesokafor.design>>. I'm available from 3 March.

Best,
<<P|James Okafor>>
<<PH|+1 415-555-0138>>"""),
("survey", "Anything else? The guy at the Hammersmith store, name badge said <<P|Mateusz>>, let me use the staff toilet with my toddler. Small thing but it mattered. Car reg for the parking refund: <<LP|WN68 RFK>>"),
]
