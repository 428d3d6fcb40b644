"""pii_blind3: independent checks on records.jsonl: offsets, schema, overlaps, checksums,
and a list of suspicious unlabelled strings for manual review."""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON","PHONE","EMAIL","ADDRESS","POSTCODE","IBAN","BSN","CUSTOMER_ID","DATE_OF_BIRTH","LICENSE_PLATE","URL_PERSONAL"}
KINDS = {"interview","survey","agent_note","email","chat","complaint"}
errors, review = [], []

def iban_ok(s):
    s = s.replace(" ", "")
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1

def bsn_ok(s):
    d = [int(c) for c in s]
    return len(d) == 9 and (sum(d[i]*(9-i) for i in range(8)) - d[8]) % 11 == 0

recs = [json.loads(line) for line in open(os.path.join(HERE, "records.jsonl"), encoding="utf-8")]
ids = Counter(r["id"] for r in recs)
errors += [f"duplicate id {k}" for k, v in ids.items() if v > 1]
SUSPECT = [r"[\w.+-]+@[\w-]+\.[\w.]+", r"\b\d{4} ?[A-Z]{2}\b", r"\b[A-Z]{2}\d{2} ?[A-Z]{4}", r"(?<![\w€,.])(?:\+|00)?\d[\d\s\-()]{8,}\d", r"https?://\S+", r"\b\d{9}\b"]
for r in recs:
    t, rid = r["text"], r["id"]
    if set(r) != {"id", "language", "kind", "text", "spans"}:
        errors.append(f"{rid}: keys {set(r)}")
    if r["language"] not in ("nl", "en") or r["kind"] not in KINDS:
        errors.append(f"{rid}: bad lang/kind")
    prev_end = -1
    for s in sorted(r["spans"], key=lambda s: s["start"]):
        if s["type"] not in TYPES:
            errors.append(f"{rid}: bad type {s['type']}")
        if t[s["start"]:s["end"]] != s["text"]:
            errors.append(f"{rid}: offset mismatch {s}")
        if s["text"] != s["text"].strip() or not s["text"]:
            errors.append(f"{rid}: whitespace/empty span {s}")
        if s["start"] < prev_end:
            errors.append(f"{rid}: overlap {s}")
        prev_end = s["end"]
        if s["type"] == "IBAN" and not iban_ok(s["text"]):
            errors.append(f"{rid}: IBAN checksum {s['text']}")
        if s["type"] == "BSN" and not bsn_ok(s["text"]):
            errors.append(f"{rid}: BSN 11-proef {s['text']}")
    covered = [(s["start"], s["end"]) for s in r["spans"]]
    def inside(a, b, covered=covered):
        return any(cs <= a and b <= ce for cs, ce in covered)
    for pat in SUSPECT:
        for m in re.finditer(pat, t):
            if not inside(m.start(), m.end()):
                review.append(f"{rid}: unlabelled {m.group()!r}")
    # a labelled string occurring again unlabelled in the same record
    for s in r["spans"]:
        for m in re.finditer(r"(?<!\w)" + re.escape(s["text"]) + r"(?!\w)", t):
            if not inside(m.start(), m.end()):
                review.append(f"{rid}: '{s['text']}' also occurs unlabelled at {m.start()}")
print(f"{len(recs)} records, {sum(len(r['spans']) for r in recs)} spans")
print("ERRORS:", len(errors))
print("\n".join(errors))
print("REVIEW (expected for deliberate traps):")
print("\n".join(review))
by = Counter((s["type"], r["language"]) for r in recs for s in r["spans"])
for t in sorted(TYPES):
    print(f"{t:14} nl={by[(t, 'nl')]:3} en={by[(t, 'en')]:3}")
print("records without PII:", sum(1 for r in recs if not r["spans"]), "of", len(recs))
sys.exit(1 if errors else 0)
