"""English all the way (issue 14): an English deck speaks English in every word of ours — titles, labels,
computed sentences, placeholders — while research quotes stay as written, in whatever language they are. Also
when the session was begun in Dutch: what the copilot computes from then on is in the language of the run."""

from __future__ import annotations

from collections import Counter

from deck_words import as_written, foreign, slide_texts, word_list

from copilot.workbench import Workbench

DUTCH = word_list("dutch_in_english.txt")


def test_the_word_scan_finds_dutch_of_ours_and_leaves_dutch_research_alone():
    written = as_written(["De chatbot snapte niet dat ik ging verhuizen."])
    assert foreign("“De chatbot snapte niet dat ik ging verhuizen.” — 3 fragmenten uit 2 bronnen", written, DUTCH) == (
        Counter(fragmenten=1, uit=1, bronnen=1)
    )
    assert foreign("[q0123456789] “De chatbot snapte niet dat ik ging verhuizen.”", written, DUTCH) == {}


def test_an_english_deck_of_a_session_begun_in_dutch_speaks_english(workspace, small_research):
    Workbench(workspace, language="nl").session.close()  # the quick start's default: the session begins in Dutch
    bench = Workbench(workspace, language="en")  # the person works in English from now on
    bench.ingest(small_research)
    bench.draft_synthesis()
    written = as_written(chunk.text for chunk in bench.store.chunks())
    found = Counter()
    for text in slide_texts(bench.export()):
        found += foreign(text, written, DUTCH)
    assert not found, f"Dutch in the English deck: {dict(found)}"


def test_the_quick_start_in_english_opens_the_app_in_english_and_a_reopened_session_keeps_its_language(
    workspace, monkeypatch
):
    monkeypatch.setenv("CX_COPILOT_LANG", "en")  # scripts/start.sh with CX_COPILOT_LANG=en; the app asks no language
    bench = Workbench(workspace)
    assert (bench.language, bench.session.language, bench.session.title) == ("en", "en", "Journey pain points (90 min)")
    bench.set_language("nl")  # the app's language switch
    bench.session.close()
    reopened = Workbench(workspace)
    assert reopened.language == "nl"  # the session's own, not the environment's
    reopened.session.close()
    assert Workbench(workspace, language="en").session.language == "en"
