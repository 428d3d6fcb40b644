"""One palette: a notebook picture and its slide use the same colours (copilot/palette.py)."""

from copilot import palette
from copilot.export.matrix import STANCES
from copilot.export.network import NO_STANCE, RING
from copilot.export.tables import HEAT_SCALE
from copilot.export.theme import Style
from copilot.ui.visuals import style as pictures


def test_the_deck_and_the_notebook_pictures_share_the_stance_colours_in_scale_order():
    assert [colour for _names, colour in STANCES] == list(palette.STANCES.values())
    assert list(pictures.STANCE_COLOURS.values()) == [f"#{c}" for c in palette.STANCES.values()]
    assert [names[0] for names, _colour in STANCES] == list(pictures.STANCE_COLOURS)


def test_the_deck_style_heatmap_and_network_take_the_palette():
    style = Style()
    assert (style.ink, style.accent, style.warning) == (palette.INK, palette.ACCENT, palette.WARNING)
    assert f"#{style.accent}" == pictures.ACCENT and f"#{style.ink}" == pictures.INK
    assert HEAT_SCALE == palette.HEAT_SCALE and tuple(f"#{c}" for c in HEAT_SCALE) == pictures.HEAT_SCALE
    assert RING == pictures.ACCENT and f"#{palette.NO_STANCE}" == NO_STANCE
