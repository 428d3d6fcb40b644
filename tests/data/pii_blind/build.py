"""Build records.jsonl from the hand-written marked-up sources.

Markup: <<TAG|literal text>>. The markup is removed and the span offsets are
computed on the resulting plain text, so offsets are exact by construction
(verify.py checks them independently).
"""
import json, re, os
HERE = os.path.dirname(os.path.abspath(__file__))
TAGS = {"P": "PERSON", "PH": "PHONE", "E": "EMAIL", "A": "ADDRESS", "PC": "POSTCODE",
        "IB": "IBAN", "BSN": "BSN", "CID": "CUSTOMER_ID", "DOB": "DATE_OF_BIRTH",
        "LP": "LICENSE_PLATE", "URL": "URL_PERSONAL"}
MARK = re.compile(r"<<([A-Z]+)\|(.*?)>>", re.S)

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
        out.append(lit)
        spans.append({"start": start, "end": start + len(lit), "type": TAGS[tag], "text": lit})
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    assert "<<" not in text.replace("<<<", "") and "|" not in text, text
    return text, spans

def main():
    nl = load("src_nl_a.py", "NL_A") + load("src_nl_b.py", "NL_B") + load("src_extra.py", "NL_C")
    en = load("src_en.py", "EN") + load("src_extra.py", "EN_C")
    recs = []
    for lang, items in (("nl", nl), ("en", en)):
        for i, (kind, src) in enumerate(items, 1):
            text, spans = render(src)
            recs.append({"id": f"{lang}-{i:03d}", "language": lang, "kind": kind, "text": text, "spans": spans})
    with open(os.path.join(HERE, "records.jsonl"), "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(recs), "records written")

if __name__ == "__main__":
    main()
