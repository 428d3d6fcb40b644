"""How research says an idea was stopped, in Dutch and English: the stop verbs, the proposal words, the shapes
that name the idea, and the words that say why and what changed. Tuned on the even half of
tests/data/shelved_blind (see BENCHMARKS.md); widen a list here when research says it another way.
"""

import re

# that something stopped: the verb, not "de bus stopte" — a proposal word must stand before it (see _mentions)
STOPPED = re.compile(
    r"\b(?:stopte|stopten|gestopt|gestaakt|stopgezet|beëindigd|afgebroken|opgeheven|afgeschaft|geschrapt|"
    r"geparkeerd|afgeblazen|afgeschoten|niet doorgegaan|ging niet door|niet doorgezet|nooit van gekomen|"
    r"op de plank|in de ijskast|in de la|doodgebloed|doodgelopen|liep dood|liep op niets uit|verdwenen|strandde|"
    r"gestrand|gesneuveld|sneuvelde|afgewezen|afgevoerd|van tafel|tegengehouden|teruggedraaid|stekker (?:eruit|uit)|"
    r"niet (?:voortgezet|verlengd|uitgerold|opgepakt|doorgezet)|nooit (?:uitgerold|gelanceerd|live gegaan)|"
    r"bleek\b[^.;]{0,40}\bniet (?:mogelijk|haalbaar)|"
    r"stopped|shelved|scrapped|dropped|abandoned|cancel(?:l)?ed|discontinued|removed|withdrawn|axed|mothballed|"
    r"written off|wound down|phased out|put on (?:hold|ice)|on ice|never went ahead|never got (?:past|off)|"
    r"parked|fizzled out|fell through|came to nothing|lapsed?|rejected|(?:was|were) (?:closed|turned down)|"
    r"not to (?:fund|continue|renew|proceed)|terminated|halted|ended|binned|canned|killed(?: off)?|vetoed|"
    r"pulled the plug|off the table|never (?:launched|took off|rolled out|made it)|(?:didn't|did not) go ahead|"
    r"(?:not|never) (?:continued|renewed|extended|taken forward)|(?:didn't|did not) work out|"
    r"no longer (?:available|offered|exists|runs|there)|got rid of|took (?:it|them) away|"
    r"bestaat niet meer|is er niet meer|kan (?:dat|het) niet meer|weggehaald|"
    r"(?:wasn[’']t|was not|weren[’']t|were not) (?:on|running) any ?more|died)\b",
    re.IGNORECASE,
)
PROPOSAL = re.compile(
    r"\b(?:voorstel(?:len)?|idee(?:ën)?|project(?:en)?|proef|proeven|pilots?|plan(?:nen)?|initiatie[fv](?:en)?|"
    r"experiment(?:en)?|businesscase|poging(?:en)?|proposals?|ideas?|projects?|trials?|plans?|initiatives?|"
    r"experiments?|attempts?|programmes?|programs?|schemes?|proof of concept|business case)\b"
    # Dutch compounds: "verbeterinitiatieven", "proefproject"
    r"|\w+(?:project|pilot|initiatie[fv]|voorstel)(?:en|s)?\b"
    # what was tried says it too: "a lounge had been trialled", "in 2019 verkend", "there used to be"
    r"|\b(?:tried|trialled|trialed|piloted|scoped|explored|considered|had a go at|there used to be|"
    r"geprobeerd|uitgeprobeerd|verkend|overwogen|getest)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")
QUOTED = re.compile(r"[\"“„'‘]([^\"“”„'‘’]{3,80})[\"”'’]")
# "this thing called Fix My Street Day", "under the name Pension Planner"
CALLED = re.compile(
    r"(?:\b(?:thing|something|service|scheme|project|pilot|programme|initiative|app|tool|was|were|is)\s+"
    r"(?:called|named)|\b(?:known as|under the name|genaamd|onder de naam|heette))\s+([^,.;:!?()]{3,60})",
    re.IGNORECASE,
)
# "een proef met terugbellen op afspraak", "a proposal for callback slots", "een plan geweest voor …"
NAMED_AFTER = re.compile(
    r"\b(?:voorstel|idee|project|proef|pilot|plan|initiatief|experiment|proposal|idea|project|trial|pilot|plan|"
    r"initiative|experiment)\s+(?:geweest\s+|gedaan\s+|made\s+|put forward\s+)?"
    r"(?:voor|met|om|over|for|with|of|to|on)\s+([^,.:;!?()]{3,80}?)"
    r"(?=\s+(?:was|were|is|are|has|had|got|werd|werden|wordt|lag|ging|stopte|that|which|dat|die)\b|[,.:;!?()]|$)",
    re.IGNORECASE,
)
# "A related idea, a tablet with full customer history, was dropped"
APPOSITION = re.compile(
    r"\b(?:idea|proposal|plan|project|pilot|trial|idee|voorstel|project|proef),\s+(?:a|an|the|een|de|het)\s+([^,]{3,80}),",
    re.IGNORECASE,
)
# "that a nurse-led discharge lounge had been trialled", "Het automatisch verrekenen … is in 2019 verkend"
SUBJECT = re.compile(
    r"(?:^(?:\*\*[^*]*\*\*\s*)?(?:(?:a|an|the|een|het|de)\s+)?|(?:[,:;]\s*|\b(?:that|dat)\s+)(?:a|an|the|een|het|de)\s+)"
    r"((?:(?!\b(?:that|which|dat|die|who)\b)[^,.;:!?()])+?)\s+(?:was|were|had been|has been|is|werd|werden)\s+"
    r"(?:[^,.;:!?()]{0,30}?\s)?(?:considered|trialled|trialed|piloted|tested|scoped|explored|developed|proposed|"
    r"tried|launched|introduced|verkend|getest|onderzocht|voorgesteld|overwogen|ontwikkeld|uitgeprobeerd|geprobeerd|"
    r"ingevoerd|opgezet)\b",
    re.IGNORECASE,
)
# "the self-service kiosk pilot", "our callback scheme": the words before the proposal word name it
BEFORE_WORD = re.compile(
    r"\b(?:the|a|an|our|this|that|their)\s+((?:[\w&'’-]+\s+){1,5}(?:pilot|project|trial|scheme|programme|program|"
    r"initiative|experiment|service|app|tool|portal))\b",
    re.IGNORECASE,
)
# "de pilot Klantreis 2.0", "het project Samen Sterker": a proper name after the word
WORD_THEN_NAME = re.compile(
    r"\b(?:pilot|project|proef|programma|initiatief|experiment|programme|scheme|trial)\s+([A-Z][^,.;:!?()]{2,50})"
)
# "Het terugbellen via de app is in 2020 gestopt": a subject and a stop, where the story has a proposal word
SUBJECT_STOPPED = re.compile(
    r"(?:^|[,:;]\s*|\b(?:that|dat)\s+)(?:a|an|the|een|het|de)\s+"
    r"((?:(?!\b(?:that|which|dat|die|who)\b)[^,.;:!?()])+?)\s+(?:was|were|had been|has been|is|werd|werden)\s+"
    r"(?:[^,.;:!?()]{0,30}?\s)?(?:dropped|shelved|scrapped|stopped|abandoned|discontinued|cancel(?:l)?ed|gestopt|"
    r"stopgezet|beëindigd|geschrapt|afgeblazen|afgewezen|geparkeerd)\b",
    re.IGNORECASE,
)
# "In 2019 we piloted video calls with the council", "we hebben toen een chatbot getest"
WE_TRIED = re.compile(
    r"\b(?:we|wij|they|the team|het team)\s+(?:(?:once|first|briefly|then|toen|ooit|al|eens|in \d{4})\s+)*"
    r"(?:piloted|trialled|trialed|tested|tried|launched|introduced|ran|built|started)\s+"
    r"(?:(?:in \d{4}|toen|ooit|al|eens|a|an|the|een|de|het)\s+)*([^,.;:!?()]{3,60}?)"
    r"(?=\s+(?:in \d{4}|for|at|with|on|bij|met|voor|gepilot|getest|geprobeerd|uitgeprobeerd|ingevoerd|gelanceerd|"
    r"gehad|opgezet|gestart|but|maar|and|en)\b|[,.;:!?()]|$)",
    re.IGNORECASE,
)
# a memo's heading names the idea its paragraph tells about
HEADING = re.compile(r"^#{1,6}\s+(.{3,60})$")
# "There used to be that next-bus text service, where you …"
USED_TO = re.compile(
    r"\b(?:there used to be|we used to have|er was vroeger|vroeger hadden we)\s+(?:this|that|a|an|the|een|de|het|"
    r"dat|die|zo'n)\s+([^,.;:!?()]{3,60}?)(?=\s*(?:[,.;:!?()]|$|\s(?:where|which|that|waar|die|dat)\b))",
    re.IGNORECASE,
)
# "- Click & collect lockers: Priya asked what happened to the trial" (minutes' bullets name their topic)
BULLET = re.compile(r"^[-*•]\s+(?:\*\*)?([^:*]{3,60}?)(?:\*\*)?:\s")
# "**Eerder onderzocht:** een centraal afsprakenbureau voor alle poliklinieken."
HEADED = re.compile(r"^\*\*[^*]{3,40}\*\*:?\s*(?:a|an|the|een|de|het)\s+([^.;:!?]{3,80})[.]?$", re.IGNORECASE)
# last resort, a proper name: "we had a go at Tenant Voice Evenings"
TITLED = re.compile(r"(?<=\s)((?:[A-Z][\w'’&-]+\s+){1,4}[A-Z][\w'’&-]+)")
PERSON = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Mevrouw|Meneer|Dhr|Mw|Prof)\b")
# "a trial for a few months", "three sessions", "in 2019" name how long or how many, not what
DURATION = re.compile(
    r"^(?:a few|a couple of|several|some|een paar|enkele|in|\d+|two|three|four|five|twee|drie|vier|vijf)\b",
    re.IGNORECASE,
)
ARTICLE = re.compile(r"^(?:a|an|the|de|het|een|this|that|dit|dat)\s+", re.IGNORECASE)
# "Idem voor terugbellen op afspraak: de proef uit 2022 …": the idea stands before the colon
NAMED_BEFORE = re.compile(
    r"(?:^|\b(?:voor|for|with|met)\s)([^:.;]{3,60}):\s*(?:de|het|een|the|a|an|this|that)\s+"
    r"(?:proef|pilot|project|voorstel|idee|plan|trial|proposal|idea)",
    re.IGNORECASE,
)
# the surest shapes first; a proper name only when nothing else names the idea
NAMES = (
    QUOTED,
    CALLED,
    NAMED_BEFORE,
    APPOSITION,
    NAMED_AFTER,
    WORD_THEN_NAME,
    SUBJECT,
    SUBJECT_STOPPED,
    BEFORE_WORD,
    WE_TRIED,
    USED_TO,
    BULLET,
    HEADED,
    HEADING,
    TITLED,
)
# names whose shape says something was tried or offered, without a word like "pilot" in the story
TRIED_NAMES = (CALLED, SUBJECT, WE_TRIED, USED_TO)
# why it stopped: what follows these words after the stop verb, else the clause after it ("beëindigd, te duur")
# ("closed after six weeks because …": the reason word wins over the one that says when)
BECAUSE = re.compile(r"\b(?:omdat|vanwege|wegens|want|because(?: of)?|due to)\s+(.+)$", re.IGNORECASE)
UPON = re.compile(r"\b(?:door|bij|after|when)\s+(.+)$", re.IGNORECASE)
AFTER_STOP = re.compile(r"^[^,;:]{0,25}[,;:]\s+(.{10,})$")
# what has changed since: a later sentence in the passage that says so
SINCE = re.compile(
    r"\b(?:nu|inmiddels|tegenwoordig|sindsdien|sinds|opnieuw|niet meer|now|today|nowadays|since|these days|"
    r"no longer|again)\b",
    re.IGNORECASE,
)
