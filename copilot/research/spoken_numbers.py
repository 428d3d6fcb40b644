"""Phone numbers spoken out in speech-to-text transcripts (issue 19): "nul zes een twee vijf …", "oh seven seven
double oh nine …". A run of digit words is read as digits; it is a phone number when those digits are one: a
Dutch 06 or area number (ten digits from a 0) or a British one (eleven from 01, 02, 03 or 07).
"""

from __future__ import annotations

import re

DIGITS = {
    "nul": "0", "een": "1", "één": "1", "twee": "2", "drie": "3", "vier": "4", "vijf": "5", "zes": "6",
    "zeven": "7", "acht": "8", "negen": "9", "oh": "0", "o": "0", "zero": "0", "nought": "0", "one": "1",
    "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
REPEATS = {"double": 2, "triple": 3, "dubbel": 2}
# "nine hundred" is 900 in a British number read out ("oh seven seven double oh nine hundred …"); "honderd" too
HUNDREDS = {"hundred": "00", "honderd": "00"}
TOKEN = re.compile(r"[^\W\d_]+")
_WORD = (
    rf"(?:(?:double|triple|dubbel) )?(?:{'|'.join(sorted(DIGITS, key=len, reverse=True))})"
    rf"(?: (?:{'|'.join(HUNDREDS)}))?"
)
# seven digit words or more in a row, separated by spaces or commas (a phone number has ten or eleven digits)
RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:[ ,]+{_WORD}){{6,}}(?![\w'’-])", re.IGNORECASE)


def spoken_phones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each phone number spoken out as digit words."""
    spans = []
    for run in RUN.finditer(text):
        digits, repeat = "", 1
        for token in TOKEN.finditer(run.group()):
            word = token.group().lower()
            if word in REPEATS:
                repeat = REPEATS[word]
            elif word in HUNDREDS:
                digits += HUNDREDS[word]
            else:
                digits, repeat = digits + DIGITS[word] * repeat, 1
        if _phone_like(digits):
            spans.append(run.span())
    return spans


def _phone_like(digits: str) -> bool:
    if len(digits) == 10:
        return digits[0] == "0" and digits[1] != "0" and digits[:3] not in {"088", "085"}
    return len(digits) == 11 and digits[:2] in {"01", "02", "03", "07"}
