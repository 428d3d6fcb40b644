"""Words too common to name a theme, in Dutch and English."""

from __future__ import annotations

from functools import cache

DUTCH = frozenset(
    """aan al alle alles als altijd ben bij daar dan dat de der deze die dit doch doen door dus een eens en er
    ge geen geweest gewoon had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je jij jullie
    kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat ons ook op over
    reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wezen wie wil worden
    wordt zal ze zei zelf zich zij zijn zo zonder zou echt even keer heel erg best beetje nou nee oke oké
    gaat gaan ging kwam komt krijg krijgen kreeg gedaan zeggen zegt zeg weet weten denk vind vond moest
    moeten mag kunt bent hebt dacht waar wanneer waarom welke zoals elke ieder onze jouw hen dingen ding
    eigenlijk natuurlijk daarna daarom daardoor steeds weer alleen allemaal graag wij jou hoor haar goed staat
    zeker precies inderdaad soort iedereen misschien gehad laten zien wilde zitten zit twee drie""".split()
)
SPOKEN_ENGLISH = frozenset("don t s ve ll m re d yeah okay oh well just really said know think like got".split())


@cache
def words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return DUTCH | ENGLISH_STOP_WORDS | SPOKEN_ENGLISH
