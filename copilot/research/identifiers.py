"""Numbers and links that point at one person, found by what stands next to them.

- customer_id    the number after "klantnummer", "polisnummer", "contract ref", "customer no." and the like:
                 it opens the person's file in the organisation's own systems. Order, invoice, case and
                 ticket numbers name an event, not a person, and stay.
- birth_date     a date after "geboren", "geb.", "geboortedatum", "DOB", "date of birth", "born"; other
                 dates (a call, an appointment, a bill) stay
- licence_plate  a Dutch registration in one of its side codes ("GZ-481-K", "4-TXR-21", "89-KRB-4") or a
                 British one ("AB12 CDE") after a word for a car
- profile_url    a link to someone's LinkedIn, Facebook, Instagram, X or GitHub profile
"""

from __future__ import annotations

import re

CUSTOMER_ID = re.compile(
    r"(?i:klant|lid|leden|contract|polis|abonnement|abonnee|relatie|account|cliënt|client|customer|"
    r"member(?:ship)?|policy|subscriber)(?i:[ -]?(?:nummer|nr\.?|number|no\.?|num\.?|ref(?:erence|erentie)?|id|code))"
    r"(?: (?i:is|was|blijft|staat|remains))?(?: ?[:#])? ?(?P<id>[A-Z]{0,4}[-/]?\d[\dA-Z]*(?:[-/.]\d[\dA-Z]*){0,3})"
    r"(?![\w-]|[.,]\d)"
)
MONTHS = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|march|mar|apr(?:il)?|mei|may|jun[ie]?|june|jul[iy]?|"
    r"aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = (
    rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|\d{{1,2}}(?:e|st|nd|rd|th)? {MONTHS},? (?:19|20)\d{{2}}|"
    rf"{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})"
)
BIRTH_DATE = re.compile(
    rf"(?<!\w)(?:geboren|geb\.?|geboortedatum|geboortedag|d\.?o\.?b\.?|date of birth|born|birthday|birth date)"
    rf"(?: (?:op|on|in|is|was|:))?[: ]*(?:\([^)]{{0,20}}\) ?)?(?P<date>{DATE})(?!\d)",
    re.IGNORECASE,
)
# The Dutch side codes in use since 1951, each group of letters or digits separated by dashes.
SIDE_CODES = [
    r"[A-Z]{2}-\d{2}-\d{2}", r"\d{2}-\d{2}-[A-Z]{2}", r"\d{2}-[A-Z]{2}-\d{2}", r"[A-Z]{2}-\d{2}-[A-Z]{2}",
    r"[A-Z]{2}-[A-Z]{2}-\d{2}", r"\d{2}-[A-Z]{2}-[A-Z]{2}", r"\d{2}-[A-Z]{3}-\d", r"\d-[A-Z]{3}-\d{2}",
    r"[A-Z]{2}-\d{3}-[A-Z]", r"[A-Z]-\d{3}-[A-Z]{2}", r"[A-Z]{3}-\d{2}-[A-Z]", r"[A-Z]-\d{2}-[A-Z]{3}",
    r"\d-[A-Z]{2}-\d{3}", r"\d{3}-[A-Z]{2}-\d",
]  # fmt: skip
DUTCH_PLATE = re.compile(rf"(?<![\w-])(?:{'|'.join(SIDE_CODES)})(?![\w-])")
BRITISH_PLATE = re.compile(
    r"(?:kenteken|registration|reg\.?|number plate|plate|car|auto|van|vehicle)\b[^.\n]{0,25}?"
    r"(?<![\w-])(?P<plate>[A-Z]{2}\d{2} ?[A-Z]{3})(?![\w-])",
    re.IGNORECASE,
)
PROFILE_URL = re.compile(
    r"(?<![\w/])(?:https?://)?(?:[a-z]{2,3}\.)?(?:linkedin\.com/in|facebook\.com|fb\.com|instagram\.com|"
    r"twitter\.com|x\.com|github\.com|tiktok\.com/@?)/?[\w.%-]+/?(?![\w/])",
    re.IGNORECASE,
)


def identifiers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each customer number, date of birth, licence plate and profile link."""
    found = [(*m.span("id"), "customer_id") for m in CUSTOMER_ID.finditer(text) if _digits(m["id"]) >= 4]
    found += [(*m.span("date"), "birth_date") for m in BIRTH_DATE.finditer(text)]
    found += [(*m.span(), "licence_plate") for m in DUTCH_PLATE.finditer(text) if _plate_like(m.group())]
    found += [(*m.span("plate"), "licence_plate") for m in BRITISH_PLATE.finditer(text)]
    found += [(*m.span(), "profile_url") for m in PROFILE_URL.finditer(text)]
    return found


def _digits(value: str) -> int:
    return sum(char.isdigit() for char in value)


def _plate_like(value: str) -> bool:
    """Dutch plates issued since 1978 have no vowels, so "AB-12-CD"-like codes made of words stay."""
    return not any(char in "AEIOU" for char in value)
