"""Build records.jsonl for pii_blind3 from the hand-written marked-up sources.

Markup: <<TAG|literal text>>. The markup is removed and the span offsets are
computed on the resulting plain text, so offsets are exact by construction
(verify.py checks them independently).

Same tooling as pii_blind2: plain text may contain "|" (pipe tables in agent
notes), so the sanity check only forbids leftover "<<" / ">>" markup.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
TAGS = {"P": "PERSON", "PH": "PHONE", "E": "EMAIL", "A": "ADDRESS", "PC": "POSTCODE",
        "IB": "IBAN", "BSN": "BSN", "CID": "CUSTOMER_ID", "DOB": "DATE_OF_BIRTH",
        "LP": "LICENSE_PLATE", "URL": "URL_PERSONAL"}
MARK = re.compile(r"<<([A-Z]+)\|(.*?)>>", re.S)
SOURCES = {
    "nl": [("src_nl_a.py", "NL_A"), ("src_nl_b.py", "NL_B"), ("src_nl_c.py", "NL_C")],
    "en": [("src_en_a.py", "EN_A"), ("src_en_b.py", "EN_B")],
}


def load(fn, name):
    ns = {}
    exec(open(os.path.join(HERE, fn), encoding="utf-8").read(), ns)
    return ns[name]


def render(src):
    out, spans, pos = [], [], 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()])
        start = sum(len(x) for x in out)
        tag, lit = m.group(1), m.group(2)
        assert "<<" not in lit and ">>" not in lit, lit
        out.append(lit)
        spans.append({"start": start, "end": start + len(lit), "type": TAGS[tag], "text": lit})
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    assert "<<" not in text and ">>" not in text, text
    return text, spans


def main():
    recs = []
    for lang, files in SOURCES.items():
        items = []
        for fn, name in files:
            items += load(fn, name)
        for i, (kind, src) in enumerate(items, 1):
            text, spans = render(src)
            recs.append({"id": f"{lang}-{i:03d}", "language": lang, "kind": kind, "text": text, "spans": spans})
    with open(os.path.join(HERE, "records.jsonl"), "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "records written")


if __name__ == "__main__":
    main()
