import json
import re
from pathlib import Path

import pytest
from conftest import EXAMPLES

from copilot.research.redaction import Finding, Redactor, find_pii, speaker_names

LABELLED = Path(__file__).parent / "data" / "pii" / "labelled.jsonl"
# The kinds the two older sets label; they count customer numbers and dates of birth as ordinary numbers.
OLD_SET_KINDS = {"email", "phone", "iban", "bsn", "postcode_house", "name"}


def is_correct(finding: Finding, span: dict) -> bool:
    """Same kind, and covering at least 80% of the labelled characters (so "Molenweg 17, 6721 GB" still counts
    when the street is found one word longer). Exact boundaries are reported by bench/pii_redaction.py."""
    overlap = min(finding.end, span["end"]) - max(finding.start, span["start"])
    return finding.kind == span["kind"] and overlap >= 0.8 * (span["end"] - span["start"])


def test_the_labelled_set_is_redacted_with_high_recall_and_precision():
    records = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines() if line.strip()]
    labelled = predicted = correct = 0
    misses, false_alarms = [], []
    for record in records:
        found = [f for f in find_pii(record["text"], record["known_names"]) if f.kind in OLD_SET_KINDS]
        unmatched = list(found)
        for span in record["spans"]:
            match = next((finding for finding in unmatched if is_correct(finding, span)), None)
            if match is None:
                misses.append(f"{record['id']}: {span['kind']} {span['value']!r}")
            else:
                unmatched.remove(match)
                correct += 1
        false_alarms += [f"{record['id']}: {finding.kind} {finding.value!r}" for finding in unmatched]
        labelled += len(record["spans"])
        predicted += len(found)
    assert len(records) > 200 and labelled > 400
    assert correct / labelled >= 0.99, f"missed: {misses}"
    assert correct / predicted >= 0.97, f"not personal data: {false_alarms}"


def test_the_held_out_set_written_without_seeing_the_rules_keeps_its_floor():
    """tests/data/pii/held_out.jsonl was written by someone who never saw the redactor or the first set; no
    names are given up front. Its figures are in BENCHMARKS.md; this keeps them from sliding back."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from pii_redaction import HELD_OUT, as_redactor, score

    records = [json.loads(line) for line in HELD_OUT.read_text(encoding="utf-8").splitlines() if line.strip()]
    for record in records:
        record.setdefault("known_names", [])
    result = score(records, as_redactor)
    assert len(records) >= 250 and result["overall"]["labelled"] >= 350
    assert result["overall"]["recall"] >= 0.85 and result["overall"]["precision"] >= 0.95, result["overall"]
    assert result["name"]["recall"] >= 0.8, result["name"]
    for kind in ("email", "iban", "bsn"):
        assert result[kind]["recall"] == 1.0, (kind, result[kind])


def test_the_blind_set_written_without_seeing_the_rules_or_other_sets_keeps_its_floor():
    """tests/data/pii_blind/ (eleven types, see its README) was written by a helper who saw neither the redactor
    nor the other sets, and was measured once the rules were done (BENCHMARKS.md, issue 19). This keeps the
    redactor from sliding back below what it reached; it is not the target (recall 0.97, precision 0.95)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from pii_redaction import BLIND, as_redactor, score_blind

    records = [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score_blind(records, as_redactor)
    assert len(records) >= 240 and result["labelled"] >= 300
    assert result["redacted_recall"] >= 0.9 and result["redacted_precision"] >= 0.9, result
    for kind in ("PHONE", "EMAIL", "IBAN", "BSN", "ADDRESS", "POSTCODE"):
        assert result["per_type_recall"][kind] == 1.0, (kind, result["per_type_recall"])


def test_the_second_blind_set_keeps_its_floor():
    """tests/data/pii_blind2/ was written by a second helper who opened no code and no other set (session 30).
    Before any tuning the redactor found 0.828 of it; tuned on its even half only, the whole set gives 0.920
    (the held-out odd half 0.849, run once: BENCHMARKS.md, issue 19). A floor against sliding back, not the goal."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
    from pii_redaction import BLIND2, as_redactor, score_blind

    records = [json.loads(line) for line in BLIND2.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score_blind(records, as_redactor)
    assert len(records) >= 280 and result["labelled"] >= 500
    assert result["redacted_recall"] >= 0.91 and result["redacted_precision"] >= 0.97, result


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ik sprak Femke van der Berg aan de telefoon.", "Femke van der Berg"),
        ("Mevrouw Jansen belde voor de derde keer.", "Jansen"),
        ("Kind regards, Sarah Thompson", "Sarah Thompson"),
        ("Dossier van dhr. A.J. Verhoeven doorgestuurd.", "A.J. Verhoeven"),
        ("De monteur, Mehmet Yilmaz, kwam op tijd.", "Mehmet Yilmaz"),
        ("Slechte ervaring. Monteur Ruud was bot.", "Ruud"),
        ("Mr O'Brien called about his daughter Siobhan O'Brien.", "Siobhan O'Brien"),
        ("Hi Tariq,\n\nAs discussed on the phone, here it is.", "Tariq"),
        ("Het werkt weer.\n\nMet vriendelijke groet,\nCor van Wijk", "Cor van Wijk"),
        ("Thanks for sorting it.\n\nCheers, Connor\n\nSent from my phone", "Connor"),
        ("Please update your records.\n\n- Priya Natarajan", "Priya Natarajan"),
        ("Naomi: Ik belde ze vanaf mijn werk.", "Naomi"),
        ("kl. pieter jansen belt ivm verhuizing", "pieter jansen"),
        ("Gesproken met mw van den broek over de meter.", "van den broek"),
        ("Ik heb gesproken met De Jong van de administratie.", "De Jong"),
        ("Zeer ontevreden. Visser van de afdeling incasso dreigde.", "Visser"),
        ("Marieke van de winkel in Zwolle was top.", "Marieke"),
        ("Only that Ben in the Utrecht store was brilliant.", "Ben"),
    ],
)
def test_names_no_speaker_label_announced_are_found_from_name_lists_in_context(text: str, name: str):
    language = "en" if re.search(r"\b(?:the|his|on|for|from|Please)\b", text) else "nl"
    assert name in [f.value for f in find_pii(text, language=language) if f.kind == "name"]
    assert name not in Redactor(language).redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bill was too high in June, so I called on 12 Jan.",
        "May I ask why the German account was charged?",
        "Will the engineer come on Monday?",
        "Beste klantenservice,\n\nMijn factuur klopt niet.",
        "Kind regards,\nBilling Department",
        "Pas toen ik 'medewerker' typte, kreeg ik hulp. De bakker en de visser in Den Haag.",
        "Ben je er morgen? Ik ben er niet.",
    ],
)
def test_ordinary_words_that_are_also_first_names_stay(text: str):
    assert [f for f in find_pii(text) if f.kind == "name"] == []


def test_the_same_value_gets_the_same_placeholder_throughout_a_document():
    redactor = Redactor()
    first = redactor.redact("Bel 06-12345678 of mail jan@example.nl.")
    second = redactor.redact("Nogmaals: 06 1234 5678, JAN@example.nl, of 020-1234567.")
    assert first == "Bel [telefoon 1] of mail [e-mail 1]."
    assert second == "Nogmaals: [telefoon 1], [e-mail 1], of [telefoon 2]."


def test_placeholders_are_dutch_or_english_by_language():
    text = "Mohamed El Amrani: Mijn IBAN is NL91ABNA0417164300, adres 1012 AB 14, tel +31 6 12345678.\nSanne: Dank je."
    dutch = Redactor(language="nl").redact(text)
    english = Redactor(language="en").redact(text)
    assert dutch == "[Persoon 1]: Mijn IBAN is [IBAN 1], adres [adres 1], tel [telefoon 1].\n[Persoon 2]: Dank je."
    assert english == "[Person 1]: Mijn IBAN is [IBAN 1], adres [address 1], tel [phone 1].\n[Person 2]: Dank je."


def test_an_iban_with_wrong_check_digits_is_left_alone():
    assert [f.value for f in find_pii("Goed: NL91ABNA0417164300, fout: NL92ABNA0417164300.")] == ["NL91ABNA0417164300"]
    # Nor are its digits mistaken for a phone number.
    assert find_pii("Eerder verkeerd genoteerd als NL52 ABNA 0612 3400 89.") == []


def test_a_nine_digit_number_failing_the_11_proef_is_not_a_bsn():
    assert [f.value for f in find_pii("BSN 111222333, niet 111222334.")] == ["111222333"]
    assert [f.kind for f in find_pii("BSN 1112.22.333 of 111 222 333")] == ["bsn", "bsn"]


def test_a_number_called_something_else_is_not_a_bsn_even_when_it_passes_the_11_proef():
    assert [(f.kind, f.value) for f in find_pii("Mijn polisnummer is 111222333.")] == [("customer_id", "111222333")]
    assert find_pii("Factuurnummer 111222333 en ordernummer 111222333.") == []


def test_the_mapping_restores_the_original_text():
    text = (
        "Anna de Wit: Mail anna@example.nl of bel 0612345678.\n"
        "Interviewer: En je rekening?\n"
        "Anna de Wit: NL91ABNA0417164300."
    )
    redactor = Redactor(language="en")
    redacted = redactor.redact(text)
    assert "anna" not in redacted.lower() and "0612345678" not in redacted
    assert re.sub(r"\[[^\]]+\]", lambda placeholder: redactor.mapping[placeholder.group()], redacted) == text


def test_a_speaker_name_is_also_redacted_in_running_text_with_its_first_name():
    text = (
        "Sanne de Vries (interviewer): Mohamed, hoe ging het?\n"
        "Mohamed El Amrani: Goed. Mijn vriendin zei: Mohamed El Amrani, bel ze nou gewoon."
    )
    redactor = Redactor()
    assert redactor.redact(text) == (
        "[Persoon 1] (interviewer): [Persoon 2], hoe ging het?\n"
        "[Persoon 2]: Goed. Mijn vriendin zei: [Persoon 2], bel ze nou gewoon."
    )
    assert redactor.mapping == {"[Persoon 1]": "Sanne de Vries", "[Persoon 2]": "Mohamed El Amrani"}


def test_names_learned_from_a_speaker_label_are_redacted_in_later_chunks_of_the_document():
    redactor = Redactor()
    redactor.redact("Fatima Bouzid: Eerlijk? Eén aanspreekpunt.\nOnderzoeker: En verder?")
    assert redactor.redact("Dat zei Fatima ook.") == "Dat zei [Persoon 1] ook."


def test_known_names_are_redacted_even_outside_a_transcript():
    assert (
        Redactor(known_names=["J. de Boer"]).redact("Terugstorten t.n.v. J. de Boer.")
        == "Terugstorten t.n.v. [Persoon 1]."
    )


def test_the_one_letter_turns_of_an_interview_are_not_names():
    text = "I: How did it go?\nR: Well, I called them and I waited.\nI: And then?\nR: Nothing."
    assert speaker_names(text) == []
    assert Redactor("en").redact(text) == text


def test_role_labels_and_one_line_headings_are_not_names():
    assert find_pii("Klant: Ik wil opzeggen.\nAgent: Dat is jammer.\nP1: Ik ook.\nDeelnemer 2: Ik niet.") == []
    assert find_pii("Verhuismelding: oud adres opgezegd.") == []


def test_a_text_without_personal_data_is_unchanged():
    text = (
        "Meternummer E0031-4500-2281. Jaarafrekening € 1.234,56 over 2.871 kWh, factuur 202603132 van "
        "12-03-2026 om 08:15, ordernummer 7012-44-1290. We zitten in postcode 7511. Kenmerk 1000 2345 6789 0123. "
        "Stuur het naar Postbus 8000, 6400 GH Heerlen of bel 0900-1234567. De medewerker van Albert Heijn."
    )
    assert find_pii(text) == []
    assert Redactor().redact(text) == text


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Klantnummer 40012345, graag terugbellen.", "customer_id", "40012345"),
        ("Mijn polisnummer is 184455020.", "customer_id", "184455020"),
        ("Customer ID 40077123 on file.", "customer_id", "40077123"),
        ("Klant (geb. 17-08-1956) belt.", "birth_date", "17-08-1956"),
        ("Geboren op 3 mei 1938 in Zwolle.", "birth_date", "3 mei 1938"),
        ("Caller verified, DOB 04/11/1962.", "birth_date", "04/11/1962"),
        ("Mijn auto met kenteken GZ-481-K staat nog daar.", "licence_plate", "GZ-481-K"),
        ("My car, reg AB12 CDE, was towed.", "licence_plate", "AB12 CDE"),
        ("Zie www.linkedin.com/in/sarah-bishop-77 voor mijn cv.", "profile_url", "www.linkedin.com/in/sarah-bishop-77"),
        ("Wij zitten in 1012 AB, vlak bij het station.", "postcode_house", "1012 AB"),
        ("Send it to 27 Queen's Road, please.", "postcode_house", "27 Queen's Road"),
        ("Nieuw adres: Vondelstraat 88-III in Amsterdam.", "postcode_house", "Vondelstraat 88-III"),
        ("Oxford OX4 2HT is my postcode.", "postcode_house", "OX4 2HT"),
    ],
)
def test_numbers_that_point_at_one_person_are_personal_data(text: str, kind: str, value: str):
    """A customer number opens someone's file; a date of birth, a plate, a profile or a postcode narrows
    a person down to a few. Order and invoice numbers, other dates and an organisation's Postbus stay."""
    assert [(f.kind, f.value) for f in find_pii(text)] == [(kind, value)]


@pytest.mark.parametrize(
    "number",
    [
        "06-12345678", "06 1234 5678", "0612345678", "06 53 12 87 44", "+31 6 12345678", "+31(0)6-12345678",
        "+31 (0)6 41 55 90 23", "0031 6 12345678", "020-1234567", "010 123 4567", "0317-123456", "058-2134567",
        "+31 20 123 4567", "(020) 123 4567", "+32 470 12 34 56", "+49 30 1234567", "+44 20 7946 0958",
        "+44 7700 900123", "+1 415 555 0123",
    ],
)  # fmt: skip
def test_phone_numbers_in_common_formats_are_found(number: str):
    assert find_pii(f"Bel me op {number}, na 17:00.") == [Finding(10, 10 + len(number), "phone", number)]


@pytest.mark.parametrize(
    "text",
    [
        "klantnummer 40012345", "op 01-06-2026 08:00", "06:12 en 06:14", "sinds 06 2025", "code 482 913",
        "3.200 kWh", "stand 48211 kWh", "relatienummer 7012-44-1290", "tel 06-1234567", "versie 6.12.3",
        "https://example.nl/claims?id=0612345678", "RF18 5390 0754 7034", "btw NL001234567B01",
    ],
)  # fmt: skip
def test_ordinary_numbers_are_not_phone_numbers(text: str):
    assert [f for f in find_pii(text) if f.kind in {"phone", "bsn"}] == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Nieuw adres: 1012 AB 14.", "1012 AB 14"),
        ("Nieuw adres: 1012AB 14a.", "1012AB 14a"),
        ("Nieuw adres: 1012 AB 14-2 Amsterdam.", "1012 AB 14-2"),
        ("Nieuw adres: 1012 AB, huisnummer 14.", "1012 AB, huisnummer 14"),
        ("My new address is Keizersgracht 12, 1015 CJ Amsterdam.", "Keizersgracht 12, 1015 CJ"),
        ("Stuur het naar Dorpsstraat 3a 1234 AB Rijssen.", "Dorpsstraat 3a 1234 AB"),
        ("Ik woon aan de Burgemeester de Withstraat 12, 1781 LJ.", "Burgemeester de Withstraat 12, 1781 LJ"),
    ],
)
def test_a_postcode_with_its_house_number_is_an_address(text: str, address: str):
    assert [(f.kind, f.value) for f in find_pii(text)] == [("postcode_house", address)]


def test_findings_are_sorted_and_the_most_specific_wins_an_overlap():
    text = (
        "Mohamed El Amrani: mail mohamed.elamrani@example.nl of NL91 ABNA 0417 1643 00.\nInterviewer: Dank je, Mohamed."
    )
    found = find_pii(text)
    assert [(f.kind, f.value) for f in found] == [
        ("name", "Mohamed El Amrani"),
        ("email", "mohamed.elamrani@example.nl"),
        ("iban", "NL91 ABNA 0417 1643 00"),
        ("name", "Mohamed"),
    ]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_planted_personal_data_in_an_example_interview_is_caught_and_ordinary_numbers_are_kept():
    text = (EXAMPLES / "interviews" / "interview_01_verhuizing_nl.txt").read_text(encoding="utf-8")
    redacted = Redactor().redact(text)
    planted = ["Mohamed", "El Amrani", "Sanne de Vries", "m.elamrani88@gmail.com", "06-41238765", "3581 KJ 22"]
    # "Klantnummer, 40028817": a customer number opens the person's file, so it goes too (it stayed while the
    # customer-number rule wanted the number straight after its label)
    for value in [*planted, "40028817"]:
        assert value not in redacted
    assert "€61" in redacted  # an amount
