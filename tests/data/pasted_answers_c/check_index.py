#!/usr/bin/env python3
"""Checks answers/index.jsonl against the schema embedded in each prompt. Generates nothing."""
import json, re, sys, os
B = os.path.dirname(os.path.abspath(__file__))
HERE = os.path.dirname(os.path.abspath(__file__))
P, A = os.path.join(HERE, "..", "rendered_prompts_c"), HERE
ID = re.compile(r"q[0-9a-f]{10}")

def schema_of(txt):
    for line in txt.splitlines():
        if line.startswith('{"$defs"') or line.startswith('{"properties"'):
            return json.loads(line)
    raise ValueError("no schema")

def resolve(s, root):
    if "$ref" in s:
        return root["$defs"][s["$ref"].split("/")[-1]]
    if "anyOf" in s:
        return s
    return s

def val(x, s, root, path, errs):
    s = resolve(s, root)
    if "anyOf" in s:
        sub = []
        for alt in s["anyOf"]:
            e = []; val(x, alt, root, path, e)
            if not e: return
            sub.append(e)
        errs.append(f"{path}: no anyOf branch matches ({sub[0][:1]})"); return
    t = s.get("type")
    if "enum" in s and x not in s["enum"]:
        errs.append(f"{path}: {x!r} not in enum {s['enum']}")
    if t == "object":
        if not isinstance(x, dict): errs.append(f"{path}: not object"); return
        props = s.get("properties", {})
        for r in s.get("required", []):
            if r not in x: errs.append(f"{path}: missing required {r}")
        for k, v in x.items():
            if k not in props:
                if s.get("additionalProperties", True) is False: errs.append(f"{path}: extra key {k}")
            else: val(v, props[k], root, f"{path}.{k}", errs)
    elif t == "array":
        if not isinstance(x, list): errs.append(f"{path}: not array"); return
        for i, v in enumerate(x): val(v, s.get("items", {}), root, f"{path}[{i}]", errs)
        if "maxItems" in s and len(x) > s["maxItems"]: errs.append(f"{path}: too many items")
        if "minItems" in s and len(x) < s["minItems"]: errs.append(f"{path}: too few items")
    elif t == "string":
        if not isinstance(x, str): errs.append(f"{path}: not string")
    elif t == "integer":
        if not isinstance(x, int) or isinstance(x, bool): errs.append(f"{path}: not integer")
        else:
            if "minimum" in s and x < s["minimum"]: errs.append(f"{path}: {x} < min")
            if "maximum" in s and x > s["maximum"]: errs.append(f"{path}: {x} > max")
    elif t == "number":
        if not isinstance(x, (int, float)) or isinstance(x, bool): errs.append(f"{path}: not number")
        else:
            if "minimum" in s and x < s["minimum"]: errs.append(f"{path}: {x} < min")
            if "maximum" in s and x > s["maximum"]: errs.append(f"{path}: {x} > max")
    elif t == "null":
        if x is not None: errs.append(f"{path}: not null")
    elif t == "boolean":
        if not isinstance(x, bool): errs.append(f"{path}: not boolean")
    elif isinstance(t, list):
        pass

def ids_in(o):
    return set(ID.findall(json.dumps(o)))

bad = 0; n = 0; seen = set()
for ln, line in enumerate(open(os.path.join(A, "index.jsonl"), encoding="utf-8"), 1):
    if not line.strip(): continue
    n += 1; rec = json.loads(line); errs = []; notes = []
    for k in ("file", "step", "lang", "style", "expected"):
        if k not in rec: errs.append(f"missing {k}")
    f = rec["file"]
    if f in seen: errs.append("duplicate file")
    seen.add(f)
    m = re.match(r"(\d{3})-([A-Z]{2}-\d{2})-(nl|en)\.txt$", f)
    if not m or m.group(2) != rec["step"] or m.group(3) != rec["lang"]: errs.append("file name / step / lang mismatch")
    ptxt = open(os.path.join(P, f"{rec['step']}-{rec['lang']}.txt"), encoding="utf-8").read()
    pids = set(re.findall(r"^\[(q[0-9a-f]{10})\]", ptxt, re.M))
    root = schema_of(ptxt)
    val(rec["expected"], root, root, "$", errs)
    atxt = open(os.path.join(A, f), encoding="utf-8").read()
    for i in ids_in(rec["expected"]) - pids: errs.append(f"expected id {i} not in prompt")
    for i in set(ID.findall(atxt)) - pids: errs.append(f"answer id {i} not in prompt")
    for i in ids_in(rec["expected"]) - set(ID.findall(atxt)): errs.append(f"expected id {i} not in answer text")
    for i in set(ID.findall(atxt)) - ids_in(rec["expected"]): notes.append(f"answer id {i} not in expected")
    def walk(o, path="$"):
        if isinstance(o, dict):
            if o.get("evidence") == [] and not o.get("assumption"):
                notes.append(f"{path}: empty evidence without assumption flag")
            for k, v in o.items(): walk(v, f"{path}.{k}")
        elif isinstance(o, list):
            for i, v in enumerate(o): walk(v, f"{path}[{i}]")
    walk(rec["expected"])
    status = "OK " if not errs else "ERR"
    if errs: bad += 1
    print(f"{status} {f} {'; '.join(errs)} {'(note: ' + '; '.join(notes) + ')' if notes else ''}")
print(f"{n} records, {bad} with errors")
sys.exit(1 if bad else 0)
