# pii_blind2, English part A: contact-centre agent notes, note tables, speech-to-text call transcripts, web chats.
EN_A = [
("agent_note", "cust called re double charge on Jan bill. Mrs <<P|Okafor>> v upset, refund raised £42.10. cb tmrw am - <<P|Jas>> to call"),
("agent_note", "Spoke to Mr <<P|D. O'Connor>> - wants paper bills again. Updated. acct <<CID|5512-0098-3311>>"),
("agent_note", "Cust asked whether the Oxford Street store does repairs. Told him only Westfield does. No further action."),
("agent_note", "<<P|bill>> (cust, not the invoice lol) says the bill is wrong by £12. checked, it isn't. explained standing charge."),
("agent_note", "Caller: <<P|Summer Hayes>>. DOB <<DOB|23/09/1994>>. Passed ID&V. New mob <<PH|07700 900482>>. Wants SMS only."),
("agent_note", "Vulnerable customer flag added - hearing impaired. Daughter <<P|Hope>> handles calls. <<P|Hope>>'s number <<PH|+44 7700 900137>>."),
("agent_note", "ESCALATED TO <<P|GRACE>> (TL). CUSTOMER THREATENING OMBUDSMAN. SEE PREV NOTES."),
("agent_note", "Outage postcode sector LS6 - mass incident INC-20931. No individual follow-up required."),
("agent_note", "Mr <<P|Patel>> moving home. New addr <<A|Flat 2, 41 Mayfield Road>>, <<PC|M14 5RB>>. Final read booked for 14 Feb, new account to start same day."),
("agent_note", "Note from <<P|Kelly-Ann>>: cust <<P|Tomasz Nowak>> couldn't hear me, line breaking up. Will try email <<E|tnowak88@outlook.com>>."),
("agent_note", "policy <<CID|HX-4471902>> - claim for cracked windscreen, reg <<LP|LP19 XKW>>. handed to claims team (<<P|Callum>>)."),
("agent_note", "Customer wanted to speak to 'the manager who sorted it last time'. Could not identify. Offered callback from any TL."),
("agent_note", "Cust said 'I will not pay this until someone calls me back'. Anonymous enquiry re tariffs, no details given. Closed."),
("agent_note", "<<P|will>> from the engineering team confirmed the visit for Thurs 8-1. cust Mrs <<P|Adebayo>> informed by text."),
("agent_note", "spoke w/ cust's son <<P|Mark>> (POA on file). <<P|Mark>> wants all post to <<A|17b Harrow Lane>>, <<PC|SE15 4JF>>"),
("agent_note", "Bereavement: Mr <<P|Harold Jenkins>>, DOB <<DOB|02.11.1939>>, passed away 20/01. Wife <<P|Maureen>> to remain on account. Sent bereavement pack."),
("agent_note", """Date | Agent | Customer | Reason | Outcome
03/03 | <<P|Priya S>> | <<P|J. MacLeod>> | complaint | resolved FCR
03/03 | <<P|Dom>> | <<P|A. Hussain>> | direct debit | cb booked
04/03 | <<P|Priya S>> | (withheld) | store query | info given"""),
("agent_note", """queue,calls,aht,abandon%
Billing,412,06:31,4.2
Moves,188,09:10,7.9
Tech,530,11:45,12.1"""),
("agent_note", """name,phone,notes
<<P|Rose Whitfield>>,<<PH|0113 496 0127>>,prefers mornings
<<P|Faisal Rahman>>,<<PH|(312) 555-0144>>,US number - time diff
<<P|Jack Brennan>>,,no phone - email only"""),
("agent_note", "Cust quoted account number <<CID|000381922>> but it belongs to his ex-partner <<P|Leanne>>. Did not discuss. Advised <<P|Leanne>> must call herself."),
("agent_note", "Caller asked for our postal address for complaints - gave Freepost RTXX-1234, not a personal address."),
("agent_note", "<<P|Sarah>> in billing (<<P|Sarah Mitchell>>) approved the goodwill credit. Code GOODWILL-30 applied."),
("agent_note", "cust wants refund to new acct, sort code 60-83-71 acc no. on file. IBAN given for intl transfer <<IB|GB61NWBK08476548028022>>"),
("agent_note", "Customer complained about the Boots and John Lewis vouchers not arriving. Reissued by email. No personal data captured."),
("agent_note", "Ms <<P|Amber Lewis>> (not John Lewis lol) - wants to cancel. Cooling-off, so no fee."),
("chat", "agent thank you for calling my name is <<P|chloe>> how can i help\ncaller hi yeah it's <<P|darren white>> i'm ringing about my broadband it's been down since tuesday\nagent sorry to hear that <<P|darren>> can i take the postcode\ncaller <<PC|b twenty nine six n e>>"),
("chat", "agent can you confirm your date of birth for me\ncaller yeah it's the <<DOB|fifth of june eighty eight>>\nagent lovely and the first line of the address\ncaller <<A|forty two st mary's close>>"),
("chat", "agent you're through to the moves team my name's <<P|kirsty>> how can i help\ncaller hi i'm moving in march and i wanted to know if i can take my contract with me\nagent yes you can as long as we cover the new area\ncaller brilliant thanks"),
("chat", "caller yeah so the engineer <<P|gary>> or was it <<P|barry>> anyway he said he'd come back on friday and he never did\nagent i'm really sorry about that let me check the job notes"),
("chat", "agent and is there a contact number\ncaller yeah <<PH|oh seven seven double oh nine double oh four six one>>\nagent so that's <<PH|07700 900461>>\ncaller that's it"),
("chat", "agent what's the email address on the account\ncaller it's <<E|hopejenkins at yahoo dot co dot uk>> <<P|hope>> like the word\nagent perfect thank you"),
("chat", "caller hi there i'm calling on behalf of my mum mrs <<P|o'sullivan>> she's on the line she's given permission\nagent hello mrs <<P|o'sullivan>> are you happy for your son to speak for you\ncaller2 yes that's fine\nagent and your son's name\ncaller <<P|kieran>>"),
("chat", "agent good afternoon you're speaking with <<P|marcus>>\ncaller yeah hi i'm phoning about the price increase in april\nagent okay so from the first of april the unit rate goes up by about four percent\ncaller right okay"),
("chat", "Customer: Hi, I ordered a sofa from your Leeds store and it still hasn't arrived\nAgent (<<P|Bethany>>): Hi there! I'm sorry to hear that. Could I take your postcode please?\nCustomer: <<PC|LS6 2QT>>\nAgent (<<P|Bethany>>): Thank you. I can see it's due Thursday."),
("chat", "Bot: Hi! I'm Max, your virtual assistant. What can I help with?\nCustomer: talk to human\nBot: Connecting you now...\nAgent: Hi, you're chatting with <<P|Aisha>>. How can I help today?"),
("chat", "Customer: My husband <<P|Bill>> set up the account but he's in hospital. Can I pay the bill on his behalf?\nAgent: Of course, anyone can make a payment. You don't need to be the account holder for that."),
("chat", "Customer: is the summer sale still on?\nAgent: It ends Sunday at midnight!\nCustomer: great, does it include Ted Baker?\nAgent: Yes, selected lines."),
("chat", "Customer: I'm messaging for my neighbour Mrs <<P|Edna Clarke>> at <<A|9 Willow Court>>. Her boiler broke and she's 91.\nAgent: Thank you for letting us know. Is there a number we can reach her on?\nCustomer: <<PH|020 7946 0381>>"),
("chat", "Customer: Why was I charged twice? It's <<P|Dean Sutherland>> btw\nAgent: Let me look. I can see two payments of £29.99 on 3 June. One will be refunded within 5 working days.\nCustomer: ok ta"),
("chat", "Customer: can you update my name? I got married. It's <<P|Megan Price-Adeyemi>> now, used to be <<P|Megan Price>>\nAgent: Congratulations! I'll need a copy of the marriage certificate."),
("chat", "Customer: Hello, Dr <<P|Nkemelu>> here, I need to change the appointment for my patient... actually for myself sorry\nAgent: No problem Dr <<P|Nkemelu>>. What date works?"),
("chat", "Agent: Hey! This is <<P|Hunter>> with support. What's up?\nCustomer: Hey <<P|Hunter>>, my card got declined at Target\nAgent: Let me check that for you."),
("agent_note", "SMS to cust returned undeliverable. Number on file ends 482 - partial only. Need to verify."),
("agent_note", "ms <<P|chen>> called again (4th time). <<P|Chen Jing>> on account. wants written apology. TL <<P|Rob>> to draft."),
("agent_note", "Customer's car reg <<LP|YK70 HBN>> incorrectly flagged for unpaid parking charge. Cancelled PCN. Customer is Mr <<P|Rhys Evans>>."),
("agent_note", "Customer asked about Dr. Martens boots in the sale. Stock check done at Manchester Arndale. In stock."),
]
