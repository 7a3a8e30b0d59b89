# python3 bench/gold/check_gold.py
"""Sanity check of bench/gold/*.json: parses, facts point at entities of the file (same type),
no duplicate entities or facts, aggregates well-formed; persons of simplified-character
texts occur in their text."""
import json, glob, sys, re
from pathlib import Path
root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
bad = 0
for p in sorted(root.glob("bench/gold/*.json")):
    g = json.loads(p.read_text(encoding="utf-8"))
    assert set(g) == {"text", "meta", "entities", "facts", "aggregates"}, p
    text = (root / g["text"]).read_text(encoding="utf-8")
    ents = {(e["type"], e["name"]) for e in g["entities"]}
    if len(ents) != len(g["entities"]):
        print(p.name, "duplicate entity"); bad += 1
    seen = set()
    for f in g["facts"]:
        for side in ("subject", "object"):
            if (f[side]["type"], f[side]["name"]) not in ents:
                print(p.name, "fact", f["type"], side, f[side], "not an entity"); bad += 1
        k = (f["type"], f["subject"]["name"], f["object"]["name"])
        if k in seen:
            print(p.name, "duplicate fact", k); bad += 1
        seen.add(k)
        if f["year"] is not None and not (1900 <= f["year"] <= 2030):
            print(p.name, "odd year", f); bad += 1
    for a in g["aggregates"]:
        assert set(a) == {"honor", "count", "recipientKind", "region", "year"}, (p, a)
        if a["recipientKind"] not in ("person", "unit", "team", "studio"):
            print(p.name, "recipientKind", a); bad += 1
        if ("Honor", a["honor"]) not in ents:
            print(p.name, "aggregate honor not an entity", a["honor"]); bad += 1
    flat = re.sub(r"\s", "", text)
    trad = any(c in flat for c in "這們來勞獎會書記導")
    if not trad:
        for t, n in ents:
            if t == "Person" and n not in flat:
                print(p.name, "person not in text", n); bad += 1
print("files:", len(list(root.glob("bench/gold/*.json"))), "problems:", bad)
sys.exit(1 if bad else 0)
