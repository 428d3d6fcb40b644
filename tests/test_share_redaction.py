"""A shared deck carries no personal data: research full of names, phone numbers, e-mail, addresses, IBANs and
BSNs is ingested without --redact, cited by themes and personas, and the shared .pptx (every XML part) and
Markdown export are searched for each of them."""

import re
import zipfile
from pathlib import Path

import pytest

from copilot.export.from_session import build_deck
from copilot.export.markdown import to_markdown
from copilot.export.render import render
from copilot.research.ingest import ingest
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps.schemas import Persona, Personas, ResearchSynthesis, Theme

TRANSCRIPT_NL = """# Interview — betalingsachterstand

Sanne de Vries (interviewer): Kunt u vertellen wat er gebeurde?

Fatima Bouzid: Ik belde vanaf 06-12345678 en mailde naar fatima.bouzid@example.nl, niemand reageerde.

Fatima Bouzid: Mevrouw Jansen zei dat rekening NL91ABNA0417164300 niet klopte en vroeg om mijn BSN 111222333.

Fatima Bouzid: We wonen op Keizersgracht 12, 1015 CJ Amsterdam; de brief over de afsluiting kwam niet aan.
"""

TRANSCRIPT_EN = """# Interview — instalment

Claire Jansen (interviewer): What happened with your instalment?

Tom Baker: I phoned from +44 20 7946 0958 three times and Mr Patel promised to call back, which never happened.

Tom Baker: My neighbour Sarah Thompson had the same problem with her instalment going up without any explanation.
"""

PERSONAL_DATA = [
    "Fatima", "Bouzid", "06-12345678", "12345678", "fatima.bouzid@example.nl", "Keizersgracht", "1015 CJ",
    "NL91ABNA0417164300", "111222333", "Jansen", "Sanne", "Tom Baker", "Baker", "7946 0958", "Patel",
    "Sarah", "Thompson",
]  # fmt: skip


@pytest.fixture
def personal_session(tmp_path: Path) -> Session:
    research = tmp_path / "research"
    research.mkdir()
    (research / "interview_nl.txt").write_text(TRANSCRIPT_NL, encoding="utf-8")
    (research / "interview_en.txt").write_text(TRANSCRIPT_EN, encoding="utf-8")
    store = ResearchStore.open(tmp_path / "store")
    ingest(research, store)  # without --redact: the store holds the personal data
    chunks = [c for c in store.chunks() if c.is_evidence]
    assert any("Bouzid" in c.text or "Bouzid" in c.speaker for c in chunks)
    fatima = [c for c in chunks if c.speaker == "Fatima Bouzid"]
    tom = [c for c in chunks if c.speaker == "Tom Baker"]
    session = Session.create(tmp_path / "s.cxsession", "Klantreis", "nl", "journey_pain_points_90")
    session.keep_evidence(chunks)
    themes = [
        Theme(id="t1", label="Niemand belt terug", insight="Bel Fatima Bouzid terug op 06-12345678.",
              evidence=[c.id for c in fatima], n_sources=1),
        Theme(id="t2", label="Termijn stijgt zonder uitleg", insight="Tom Baker en Sarah Thompson snapten het niet.",
              evidence=[c.id for c in tom], n_sources=1),
    ]  # fmt: skip
    session.save_draft("SD-02", ResearchSynthesis(themes=themes))
    persona = Persona(
        id="p1",
        name="Ria, achterstand",
        description="Wil met een mens praten, zoals Fatima Bouzid.",
        human_contact_need=5,
        quote="Ik belde vanaf 06-12345678 en mailde naar fatima.bouzid@example.nl",
        evidence=[fatima[0].id],
    )
    session.save_draft("SD-03", Personas(personas=[persona]))
    return session


def pptx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "\n".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xml"))


def test_a_shared_deck_and_its_markdown_carry_none_of_the_personal_data_in_the_research(
    personal_session: Session, tmp_path: Path
):
    deck = build_deck(personal_session, share=True)
    out = render(deck, tmp_path / "shared.pptx")
    xml, markdown = pptx_xml(out), to_markdown(deck)
    for value in PERSONAL_DATA:
        assert value not in xml, f"{value!r} is in the shared .pptx"
        assert value not in markdown, f"{value!r} is in the shared Markdown"
    # the quotes are still there, with placeholders where people were
    assert "[Persoon" in xml and "[telefoon" in xml and "achterstand" in markdown
    assert "Ria" in markdown  # a persona's made-up name is nobody's personal data


def test_the_same_person_has_the_same_placeholder_in_notes_appendix_and_cards(personal_session: Session):
    markdown = to_markdown(build_deck(personal_session, share=True))
    phones = set(re.findall(r"\[telefoon \d+\]", markdown))
    assert len(phones) == 2  # Fatima's number (cited three times) and Tom's
    insight = re.search(r"Bel (\[Persoon \d+\]) terug op (\[telefoon \d+\])", markdown)
    assert insight, "the insight a person wrote is redacted too"
    # Fatima's quotes in the notes and the appendix use the placeholder of the insight
    assert markdown.count(insight[2]) >= 3


def test_a_deck_that_is_not_shared_keeps_the_research_as_it_is(personal_session: Session, tmp_path: Path):
    xml = pptx_xml(render(build_deck(personal_session), tmp_path / "team.pptx"))
    assert "fatima.bouzid@example.nl" in xml and "Fatima Bouzid" in xml
