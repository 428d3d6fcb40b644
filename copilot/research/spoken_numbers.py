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
TOKEN = re.compile(r"[^\W\d_]+", re.IGNORECASE)
MIN_DIGITS = 10


def spoken_phones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each phone number spoken out as digit words."""
    spans, run, digits, repeat = [], [], "", 1
    for token in [*TOKEN.finditer(text), None]:
        word = token.group().lower() if token else ""
        gap = token and run and text[run[-1].end() : token.start()].strip(" ,") == ""
        if token and word in REPEATS and (not run or gap):
            repeat = REPEATS[word]
            run.append(token)
            continue
        if token and word in DIGITS and (not run or gap):
            digits += DIGITS[word] * repeat
            repeat = 1
            run.append(token)
            continue
        if len(digits) >= MIN_DIGITS and _phone_like(digits):
            spans.append((run[0].start(), run[-1].end()))
        run, digits, repeat = [], "", 1
        if token and word in DIGITS | REPEATS:  # a digit word after a gap starts the next run
            digits = DIGITS.get(word, "")
            repeat = REPEATS.get(word, 1)
            run = [token]
    return spans


def _phone_like(digits: str) -> bool:
    if len(digits) == 10:
        return digits[0] == "0" and digits[1] != "0" and digits[:3] not in {"088", "085"}
    return len(digits) == 11 and digits[:2] in {"01", "02", "03", "07"}
