"""Personal data found by the words around it (issue 19, part 2, second round): each rule with an example of
our own, and an ordinary sentence the rule must leave alone. None is copied from the blind set."""

import json
import sys
from pathlib import Path

import pytest

from copilot.research.redaction import find_pii

BENCH = Path(__file__).parents[1] / "bench"


def found(text: str, language: str | None = None) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in find_pii(text, language=language)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Notitie: knr 5518203 belt terug over de jaarnota.", "5518203"),
        ("kl.nr. 88120045 gecheckt, adres klopt.", "88120045"),
        ("Cust no 20417788 called twice.", "20417788"),
        ("Ik moest eerst mijn klantnummer opzoeken, 6620193847, en toen pas verder.", "6620193847"),
        ("Klantnummer, 71200456, en daarna nog mijn postcode.", "71200456"),
    ],
)
def test_a_customer_number_is_found_after_short_labels_and_a_few_words_after_its_label(text: str, value: str):
    assert found(text) == [("customer_id", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Klantnummer gevraagd, factuur 20260311 klopt volgens haar niet.",
        "Ik heb mijn klantnummer niet bij de hand, bel ik 17 maart terug.",
        "The customer number field rejected everything, error 50300211.",
    ],
)
def test_a_number_near_a_customer_number_label_that_is_another_number_stays(text: str):
    assert [f for f in find_pii(text) if f.kind == "customer_id"] == []


def test_an_error_code_a_few_words_after_the_label_is_only_taken_when_it_is_long_like_a_customer_number():
    # the rule takes 6-12 digits a few words after the label: a short code stays
    assert found("Bij klantnummer invullen kreeg ik foutcode 503.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Wat is uw geboortedatum?\nBeller: 14-11-1975", "14-11-1975"),
        ("Could you confirm your date of birth please?\nCustomer: yes, 5 June 1980.", "5 June 1980"),
        ("Mevr. belt, geb.datum 2-7-1949, over haar pensioen.", "2-7-1949"),
        ("He was born on the 2nd of May 1970 in Leeds.", "2nd of May 1970"),
        ("Vader (geb. 3 mei '41) woont bij ons in.", "3 mei '41"),
    ],
)
def test_a_date_of_birth_is_found_in_the_forms_people_write_and_as_the_answer_to_a_question(text: str, value: str):
    assert found(text) == [("birth_date", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Geboortedatum gecontroleerd. Afspraak staat op 14-11-2026.",
        "Geboortedatum geverifieerd, klant sinds 3 april 1999.",
        "Date of birth checked; the meter was replaced on 12 March 2015.",
        "They ask for my date of birth every single time, since 2019.",
    ],
)
def test_other_dates_near_a_date_of_birth_label_stay(text: str):
    assert [f for f in find_pii(text) if f.kind == "birth_date"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mijn werk staat op https://www.behance.net/jdevries_ontwerp als je wilt kijken.", None),
        ("See https://dribbble.com/kwame.o for the icons.", None),
        ("Check my website: https://www.petravisser-fotografie.nl.", "https://www.petravisser-fotografie.nl"),
        ("Mijn portfolio staat op www.studio-okkerse.nl, kijk maar.", "www.studio-okkerse.nl"),
        ("Het staat op annavdberg.github.io/cv sinds gisteren.", "annavdberg.github.io/cv"),
    ],
)
def test_personal_profiles_portfolios_and_own_websites_are_profile_links(text: str, value: str | None):
    links = [f.value for f in find_pii(text) if f.kind == "profile_url"]
    assert len(links) == 1 and (value is None or links == [value])


@pytest.mark.parametrize(
    "text",
    [
        "Kijk op www.eneco.nl voor de tarieven.",
        "Our website www.example-energie.nl has the form, see https://www.example-energie.nl/contact.",
        "De website van de gemeente, www.denhaag.nl, werkt niet.",
    ],
)
def test_an_organisations_website_is_not_a_profile_link(text: str):
    assert find_pii(text) == []


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Dhr. Oei-A-Sam belde terug over de aanmaning.", "Oei-A-Sam", "nl"),
        ("notitie: klant v.d. Wiel belt ivm storing", "v.d. Wiel", "nl"),
        ("His name was Jovanko, I think.", "Jovanko", "en"),
        ("Ze heette Ilse, geloof ik, of Elise.", "Ilse", "nl"),
        ("Mark from the billing team called me back.", "Mark", "en"),
        ("Visser, de monteur, kwam pas om vier uur.", "Visser", "nl"),
        ("De Vries van de klantenservice belde terug.", "De Vries", "nl"),
        ("My neighbour Mei helped me fill it in.", "Mei", "en"),
    ],
)
def test_names_in_more_contexts_are_found(text: str, name: str, language: str):
    assert ("name", name) in found(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We verkopen A-merk producten en het T-shirt is gratis.", "nl"),
        ("het hoofd v/d afdeling belt morgen terug", "nl"),
        ("The plan was named Flex Plus and the name was Basic.", "en"),
        ("In June of the same year the bill rose again.", "en"),
        ("De bakker, de visser en de slager zitten om de hoek.", "nl"),
        ("Ik woon in Den Bosch sinds 2019 en werk in Den Haag.", "nl"),
        ("Sinds Mei betaal ik meer. In mei van dit jaar ook.", "nl"),
        ("Since May I pay more.", "en"),
        ("Het werkt weer.\n\nMet vriendelijke groet,\nGemeentebelastingdienst/Invordering", "nl"),
        ("Het werkt weer.\n\nMet vriendelijke groet,\nKlantcentrum", "nl"),
        ("Staat het op de juiste pagina?\n\nBedankt", "nl"),
        ("Bezoeker: Hoi\nAgent: Hallo, waarmee kan ik helpen?\nBezoeker: Mijn pakket", "nl"),
        ("Visitor: Hi\nAgent: Hello, how can I help?\nVisitor: My parcel", "en"),
    ],
)
def test_ordinary_words_places_organisations_and_roles_near_those_contexts_stay(text: str, language: str):
    assert [f for f in find_pii(text, language=language) if f.kind == "name"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mijn abonnementsnummer is 55120987.", "55120987"),
        ("Debiteurnummer 20031188 staat op de brief.", "20031188"),
        ("Lidmaatschapsnummer 7781204 is verlopen.", "7781204"),
        ("NHS number 943 476 5919 was on the letter.", "943 476 5919"),
        ("Klantnummer: 1234 5678 90, graag terugbellen.", "1234 5678 90"),
        ("Passport number 533380006 was checked at the desk.", "533380006"),
    ],
)
def test_more_numbers_issued_to_one_person_are_customer_numbers(text: str, value: str):
    assert found(text) == [("customer_id", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Klantnummer 4471 2 keer opgegeven.",
        "Abonnementskosten 1200 per jaar, pasfoto 35 euro.",
        "Het abonnementsnummer en het polisnummer staan op de eerste pagina.",
    ],
)
def test_amounts_and_counts_near_those_labels_are_not_customer_numbers_in_groups(text: str):
    assert [f.value for f in find_pii(text) if f.kind == "customer_id" and " " in f.value] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("De klant (° 12/03/1961) belde over zijn pensioen.", "12/03/1961"),
        ("Date of birth (DD/MM/YYYY): 03/04/1958", "03/04/1958"),
        ("DOB 4 July 75, verified by phone.", "4 July 75"),
        ("Geb.dat. 3-4-1958, klant geverifieerd.", "3-4-1958"),
    ],
)
def test_dates_of_birth_after_a_birth_sign_a_format_hint_or_with_a_two_digit_year_are_found(text: str, value: str):
    assert found(text) == [("birth_date", value)]


def test_a_two_digit_year_after_a_month_is_not_a_date_of_birth_without_a_birth_word():
    assert found("We spoke on 4 July 25 minutes after opening.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("See https://www.facebook.com/profile.php?id=100012345678 for it.", "https://www.facebook.com/profile.php?id=100012345678"),
        ("Book a slot via calendly.com/joris-de-wit please.", "calendly.com/joris-de-wit"),
        ("Kijk op www.petravisser.nl voor mijn foto's.", "www.petravisser.nl"),
        ("Het staat op https://kees-bakker.com/werk, zie daar.", "https://kees-bakker.com/werk"),
    ],
)  # fmt: skip
def test_profile_pages_and_sites_named_after_a_person_are_profile_links(text: str, value: str):
    assert found(text) == [("profile_url", value)]


@pytest.mark.parametrize(
    "text", ["www.johnlewis.com", "www.rosewood.com", "www.albertheijn.nl", "www.marktplaats.nl", "www.coolblue.nl"]
)
def test_shops_and_ordinary_domains_are_not_sites_named_after_a_person(text: str):
    assert find_pii(f"Ik bestelde het via {text} gisteren.") == []


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Sarah's manager never called back.", "Sarah", "en"),
        ("Het contract staat op naam van Anna van Dam-de Groot.", "Anna van Dam-de Groot", "nl"),
        ("Mohammed al-Hassan called about his bill.", "Mohammed al-Hassan", "en"),
        ("Ik sprak met Jovanko van de klantenservice.", "Jovanko", "nl"),
        ("I spoke to Taduesz twice, and he was helpful.", "Taduesz", "en"),
        ("Yesterday Oriella from the billing team rang me.", "Oriella", "en"),
    ],
)
def test_names_with_possessives_joined_particles_and_at_a_desk_are_found(text: str, name: str, language: str):
    assert ("name", name) in found(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Medewerkers van de klantenservice waren aardig.", "nl"),
        ("I spoke to Vodafone twice and to Octopus Energy once.", "en"),
        ("Someone from the billing team called; the lady from the Leeds store was kind.", "en"),
        ("Ik heb gebeld met Ziggo en gesproken met de helpdesk.", "nl"),
        ("The people at the Oxford Street store were rude.", "en"),
        ("I talked to Customer Services about the John Lewis order.", "en"),
    ],
)
def test_organisations_and_people_without_names_at_a_desk_stay(text: str, language: str):
    assert [f for f in find_pii(text, language=language) if f.kind == "name"] == []


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("cb gehad met collega ruud, hij belt terug", "ruud", "nl"),
        ("gesproken met sanne over de nota", "sanne", "nl"),
        ("hoi femke, ik heb het gevonden", "femke", "nl"),
        ("thanks for the help!\ncheers, joe", "joe", "en"),
        ("De zaak ligt bij mr. De Wit, advocaat.", "De Wit", "nl"),
        ("Mijn schoonmoeder Gerda woont bij ons.", "Gerda", "nl"),
        ("Mijn bewindvoerder Henk-Jan regelt dat.", "Henk-Jan", "nl"),
        ("Brief t.a.v. Ilse Veltkamp, afdeling debiteuren.", "Ilse Veltkamp", "nl"),
    ],
)
def test_names_in_lower_case_notes_after_more_roles_and_addressed_to_someone_are_found(
    text: str, name: str, language: str
):
    assert ("name", name) in found(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("collega gaat terugbellen, gesproken met de monteur", "nl"),
        ("hoi allemaal, wie weet dit? groetjes, team noord", "nl"),
        ("Mijn huisarts Utrecht Centrum belde terug.", "nl"),
        ("spoke with mark about it, then rose to leave", "en"),
        ("Hi team, see below. Thanks, all", "en"),
    ],
)
def test_lower_case_words_and_places_after_those_contexts_stay(text: str, language: str):
    assert [f for f in find_pii(text, language=language) if f.kind == "name"] == []


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Agent: Hi, I'm Dev from the Leeds store, how can I help?", "Dev", "en"),
        ("this is Lerato, how can I help?", "Lerato", "en"),
        ("Goedemiddag, u spreekt met Bram van Eneco.", "Bram", "nl"),
    ],
)
def test_a_name_introducing_itself_is_found_without_the_organisation(text: str, name: str, language: str):
    assert [f.value for f in find_pii(text, language=language) if f.kind == "name"] == [name]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I'm Dutch, so sorry. I am Happy, with the service.", "en"),
        ("Ik ben Nederlander, dus ja. Ik ben Blij, van harte.", "nl"),
        ("Hallo, met Eneco, waarmee kan ik helpen?", "nl"),
    ],
)
def test_everyday_words_and_organisations_after_im_stay(text: str, language: str):
    assert [f for f in find_pii(text, language=language) if f.kind == "name"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("klant 40012345 belt over zijn nota", "40012345"), ("Account 55123456 was closed by mistake.", "55123456")],
)
def test_a_long_number_after_a_bare_customer_word_is_a_customer_number(text: str, value: str):
    assert found(text) == [("customer_id", value)]


def test_a_masked_account_or_a_year_after_a_bare_customer_word_stays():
    assert found("acc ending 4471, contract 2025 verlengd, klant 12 jaar") == []


def test_the_sender_and_addressee_in_a_pasted_email_header_are_names_and_organisations_are_not():
    text = "From: Oluwadamilare Adeyemi <o.adeyemi@example.com>\nTo: Customer Services\nSubject: my bill"
    assert [f.value for f in find_pii(text, language="en")] == ["Oluwadamilare Adeyemi", "o.adeyemi@example.com"]
    text = "Van: Klantenservice\nAan: Gerrit-Jan Dijkstra\nCc: Belastingdienst/Toeslagen"
    assert [f.value for f in find_pii(text, language="nl")] == ["Gerrit-Jan Dijkstra"]
    assert find_pii("From: British Gas\nTo: Support Team", language="en") == []


def test_a_name_found_once_is_found_where_it_comes_back_in_the_same_text():
    text = "Mevrouw Dekker belde om tien uur. Dekker zei toen dat de meter al weg was."
    assert [f.value for f in find_pii(text, language="nl")] == ["Dekker", "Dekker"]
    text = "Ik sprak Sanne de Vries. De Vries zei nee."
    assert [f.value for f in find_pii(text, language="nl")] == ["Sanne de Vries", "De Vries"]


def test_a_returning_surname_that_is_an_everyday_word_stays_at_a_sentence_start():
    text = "Mr Young in billing was helpful. Young people in the queue were not."
    assert [(f.start, f.value) for f in find_pii(text, language="en")] == [(3, "Young")]


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Mevr. Van der Linden vraagt naar haar factuur.", "Van der Linden", "nl"),
        ("Klant (Roshni Ramdin) wil haar abonnement opzeggen.", "Roshni Ramdin", "nl"),
        ("Ik werd doorverbonden met Jovanka, die het meteen snapte.", "Jovanka", "nl"),
        ("Met vriendelijke groet,\n\nAnouk Verbeek\nTeamleider Klantenservice", "Anouk Verbeek", "nl"),
        ("Regards,\n\nFiona McAllister\nCustomer Relations", "Fiona McAllister", "en"),
        ("cust mrs khan rang re direct debit", "khan", "en"),
        ("Ik heb Esra gesproken, zij zou terugbellen.", "Esra", "nl"),
        ("Mw. Wongsoredjo en dhr. Soekhai belden allebei.", "Soekhai", "nl"),
    ],
)
def test_capital_particles_brackets_after_klant_signatures_after_a_blank_line_and_more_listed_names_are_found(
    text: str, name: str, language: str
):
    assert ("name", name) in found(text, language)


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Jansen zei dat het vandaag nog geregeld zou worden.", "Jansen", "nl"),
        ("Van Dijk vertelde dat de storing voorbij was.", "Van Dijk", "nl"),
        ("Okafor came round at ten and fixed it.", "Okafor", "en"),
        ("Bishop never called back.", "Bishop", "en"),
        ("Will you call me? Will said he would.", "Will", "en"),
        ("Mark was really helpful on the phone.", "Mark", "en"),
        ("Toen belde Sevda terug met een oplossing.", "Sevda", "nl"),
        ("Vorige week kreeg ik Dilara aan de telefoon.", "Dilara", "nl"),
        ("Er kwam ene Jovanko langs voor de meter.", "Jovanko", "nl"),
        ("R: Het was Orlando, geloof ik, of iets met een O.", "Orlando", "nl"),
        ("Someone called Tunde rang me back.", "Tunde", "en"),
        ("She was called Imogen, I think.", "Imogen", "en"),
        ("klant Soekhai belt ivm nota", "Soekhai", "nl"),
        ("Agent: Thanks for waiting, Oluwaseun. Let me check.", "Oluwaseun", "en"),
        ("Please pass my thanks to Okoro on the night shift.", "Okoro", "en"),
        ("Tjitske (buurvrouw) heeft de meterstand doorgegeven.", "Tjitske", "nl"),
        ("Volgens Jorinde (klant) was de monteur te laat.", "Jorinde", "nl"),
        ("Cllr Adebayo never replied to my letter.", "Adebayo", "en"),
        ("I'm Tunde.", "Tunde", "en"),
        ("Hallo, met Jurre.", "Jurre", "nl"),
    ],
)
def test_names_are_found_by_what_a_person_does_or_is_called_or_is_thanked_for(text: str, name: str, language: str):
    assert ("name", name) in found(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Toen belde Enexis terug, en ik heb Enexis gesproken.", "nl"),
        ("Page was blank. Bill was too high. May was busy.", "en"),
        ("I'm Vegan. I'm Dutch.", "en"),
        ("Thanks, Great service.", "en"),
        ("Escalated to Complaints team, handed over to Billing.", "en"),
        ("We shopped at Tesco and Marks and Spencer in Leeds.", "en"),
        ("Namens Stichting Welzijn dank.", "nl"),
        ("Eerst werd ik doorverbonden naar Burgerzaken.", "nl"),
        ("Thanks to Brexit the prices went up. Shout out to Octopus Energy!", "en"),
        ("De wethouder Zorg en de wethouder Dienstverlening zitten niet altijd op één lijn.", "nl"),
        ("Compliment voor de Monteur! Klant Service was dicht.", "nl"),
        ("Collega belt terug, sprak de monteur ook.", "nl"),
    ],
)
def test_organisations_everyday_words_and_portfolios_in_those_contexts_stay(text: str, language: str):
    assert [f for f in find_pii(text, language=language) if f.kind == "name"] == []


@pytest.mark.parametrize(
    ("text", "value", "language"),
    [
        ("klant t. bakker belt ivm storing", "t. bakker", "nl"),
        ("cust j. patel called re refund", "j. patel", "en"),
    ],
)
def test_lower_case_initials_before_a_listed_surname_are_a_name(text: str, value: str, language: str):
    assert ("name", value) in found(text, language)


def test_a_surname_in_capitals_after_a_title_is_a_name_and_an_acronym_is_not():
    assert found("Dhr. P. JANSEN belt terug over de nota.", "nl") == [("name", "P. JANSEN")]  # with its initial
    assert found("Mevr. DE VRIES belt.", "nl") == [("name", "DE VRIES")]
    assert found("Dhr. BSN gecheckt, Mr KPN ook.", "nl") == []


def test_a_name_after_an_appointment_with_is_found_and_a_chatbot_that_says_something_is_not():
    assert found("I had an appointment with Tunde at three.", "en") == [("name", "Tunde")]
    assert found("Chatbot zei 'ik begrijp je vraag niet'. Netbeheerder zegt: bel uw leverancier.", "nl") == []


def test_a_listed_surname_in_lower_case_after_the_word_for_the_customer_is_a_name_and_other_words_are_not():
    assert found("kl. soekhai belt ivm achterstand", "nl") == [("name", "soekhai")]
    assert found("cust okafor rang re bill", "en") == [("name", "okafor")]
    assert found("klant belt ivm storing, klant heeft betaald; cust wants refund", "nl") == []


def test_abbreviations_that_look_like_lower_case_initials_stay():
    assert found("klant belt i.v.m. storing, t.a.v. betaling, o.a. bakker en slager", "nl") == []


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Gerrit Smit, 06-12345678", "Gerrit Smit", "nl"),
        ("Klacht van Roshni Soekhai, Molenweg 3A, 5271 RD", "Roshni Soekhai", "nl"),
        ("Thanks\nKeisha Barnaby-Holt\n07700 900123", "Keisha Barnaby-Holt", "en"),
        ("P.J. Smeets (06-28193304) belt terug.", "P.J. Smeets", "nl"),
    ],
)
def test_a_name_right_before_someones_contact_data_is_found_without_the_words_before_it(
    text: str, name: str, language: str
):
    assert ("name", name) in found(text, language)


@pytest.mark.parametrize(
    "text",
    ["Jubbega, 06-28193304", "Den Helder, 06-28193304", "Groene Energie, tel. 06-28193304", "Adres: Molenweg 3A"],
)
def test_a_town_an_organisation_or_a_label_before_contact_data_is_not_a_name(text: str):
    assert [f for f in find_pii(text, language="nl") if f.kind == "name"] == []


@pytest.mark.parametrize(
    ("text", "name", "language"),
    [
        ("Gisteren belde Maria José Fernandes da Silva over de rekening.", "Maria José Fernandes da Silva", "nl"),
        ("I spoke to John P. Smith yesterday.", "John P. Smith", "en"),
        ("Afgelopen dinsdag is Gert-Jan Wolters bij ons geweest.", "Gert-Jan Wolters", "nl"),
        ("Ik heb met Sarah-Jane O'Neill-Brown gesproken.", "Sarah-Jane O'Neill-Brown", "nl"),
    ],
)
def test_a_name_is_widened_over_the_name_words_beside_it(text: str, name: str, language: str):
    assert [f.value for f in find_pii(text, language=language) if f.kind == "name"] == [name]


def test_a_name_does_not_take_in_a_weekday_or_a_town_after_it_but_keeps_a_town_that_is_a_surname():
    assert [f.value for f in find_pii("Ik sprak Jansen Maandag nog.", language="nl")] == ["Jansen"]
    assert [f.value for f in find_pii("Dhr. de Vries belde, en Esther van Beek ook.", language="nl")] == [
        "de Vries",
        "Esther van Beek",
    ]


def test_the_blind_sets_held_out_half_keeps_its_floor():
    """The odd records of tests/data/pii_blind/ were held out while the rules above were written from the even
    ones and from examples of our own; their errors were never read. The floor is what they measured after the
    third round (BENCHMARKS.md, issue 19: 0.9600) minus 0.02."""
    sys.path.insert(0, str(BENCH))
    from pii_redaction import BLIND, as_redactor, blind_half, score_blind

    records = [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score_blind(blind_half(records, "odd"), as_redactor)
    assert len(blind_half(records, "odd")) == 120 and result["labelled"] >= 150
    assert result["redacted_recall"] >= 0.9600 - 0.02, result
    assert result["redacted_precision"] >= 0.95, result
