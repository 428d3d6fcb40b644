"""The real Dutch user-research reports (nl_gebruikersonderzoeken, CC0) read in place from ../shared/data: they
stay documents (no report is mistaken for interview notes or a survey), and a search finds their quotes."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, SHARED_DATA


def _shared_data() -> Path:
    """../shared/data beside the clone; from a git worktree, beside the main checkout it belongs to."""
    candidates = [SHARED_DATA]
    try:
        common = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute", "--git-common-dir"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        if common:
            candidates.append(Path(common).parent.parent / "shared" / "data")
    except (OSError, subprocess.SubprocessError):
        pass
    return next((path for path in candidates if path.is_dir()), SHARED_DATA)


REPORTS = _shared_data() / "nl_gebruikersonderzoeken" / "docs"
pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not REPORTS.is_dir(), reason="../shared/data/nl_gebruikersonderzoeken is not beside the clone"),
]


def test_every_dutch_report_reads_as_a_document_with_its_sections():
    from copilot.research.loaders import load_file

    kinds: Counter[str] = Counter()
    for path in sorted(REPORTS.rglob("*.md")):
        chunks = load_file(path, REPORTS)
        assert chunks, path
        kinds.update(chunk.kind for chunk in chunks)
        for chunk in chunks:  # the site's front matter, licence comments and images are not findings
            assert not chunk.text.startswith(("---", "<!--", "![", "title:")), (path.name, chunk.text[:80])
            assert chunk.metadata.get("section") and chunk.metadata["title"], (path.name, chunk.text[:80])
    # the reports' research questions, test tasks and interview questions are kept as plans, not evidence
    assert set(kinds) == {"document", "plan"} and kinds["document"] > 1500
    assert 0.03 * kinds.total() < kinds["plan"] < 0.12 * kinds.total()


def test_a_search_over_the_dutch_reports_finds_what_participants_said(tmp_path: Path):
    from copilot.research.ingest import ingest
    from copilot.research.retrieval import Retriever
    from copilot.research.store import ResearchStore

    store = ResearchStore.open(tmp_path / "store")
    report = ingest(REPORTS, store)
    assert not report.failed and not report.skipped and report.counts()["added"] == 51
    hits = Retriever(store).search("inloggen met DigiD lukt niet", k=8)
    assert len(hits) == 8 and any("DigiD" in hit.chunk.text for hit in hits)
    one = hits[0].chunk.source
    assert len(Retriever(store).search("formulier", k=6, where={"source": one})) == 6


def test_what_participants_propose_in_real_reports_is_found_and_what_they_do_is_not():
    """SD-06 offline on four real reports: researchers write "gebruikers zien het liefst …" (a proposal) and
    "ze moeten klikken" or "een slecht idee om …" (no proposal) in the same prose."""
    from copilot.research.loaders import load_file
    from copilot.steps.heard_ideas import heard_ideas

    names = ("vng-mijn-plan.md", "rvo-navigatie.md", "1-valsplat-corona-mijn-vraag-over-corona.md")
    paths = [path for path in REPORTS.rglob("*.md") if path.name in names] + [
        REPORTS / "3-iconen" / "utrecht-februari-2023.md"
    ]
    chunks = [chunk for path in paths for chunk in load_file(path, REPORTS) if chunk.is_evidence]
    phrases = [idea.phrase for idea in heard_ideas(chunks)]
    assert "één integraal plan per inwoner" in phrases
    assert any(phrase.startswith("RVO aan kan geven wanneer regelingen") for phrase in phrases)
    taken = " | ".join(phrases)
    for not_proposed in ("klikken en durven", "vuilniszak", "zo snel mogelijk door"):
        assert not_proposed not in taken, taken
