from copilot.export.fit import fit, height, wrap
from copilot.export.text import numbered, pages, shorten


def test_a_long_dutch_compound_word_is_broken_rather_than_running_off_the_frame():
    lines = wrap("arbeidsongeschiktheidsverzekeringsmaatschappijvoorwaarden", 14, 1.5)
    assert len(lines) > 1
    assert "".join(lines) == "arbeidsongeschiktheidsverzekeringsmaatschappijvoorwaarden"


def test_text_that_fits_keeps_its_size_and_words():
    assert fit("Klanten willen een mens", 15, 3.0, 1.0) == ("Klanten willen een mens", 15)


def test_too_much_text_first_shrinks_then_is_shortened_at_a_sentence_end():
    text = "Het termijnbedrag ging omhoog zonder uitleg. " * 20
    fitted, size = fit(text, 12, 3.0, 1.0, min_size=9)
    assert size == 9
    assert fitted.endswith(". …") and len(fitted) < len(text)
    assert height(fitted, size, 3.0) <= 1.0
    assert text.startswith(fitted[: -len(" …")])


def test_text_without_a_sentence_end_nearby_is_shortened_at_a_word_boundary():
    text = "Het termijnbedrag ging omhoog zonder uitleg en " * 20
    fitted, _ = fit(text, 12, 3.0, 1.0, min_size=9)
    assert fitted.endswith("…") and not fitted.endswith(" …")
    assert fitted[:-1] == text[: len(fitted) - 1].rstrip(" ,;:.-–")


def test_shorten_cuts_at_a_word_and_pages_number_their_titles():
    assert shorten("een twee drie vier", 12) == "een twee…"
    assert pages(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert numbered("Bewijs", 2, 3) == "Bewijs (2/3)"
    assert numbered("Bewijs", 1, 1) == "Bewijs"
