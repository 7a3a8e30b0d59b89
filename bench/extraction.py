"""Extraction quality on the gold set (bench/gold/*.json): precision, recall and F1 per
entity type and per fact type, matching on canonical names (normalised: simplified,
no spaces or punctuation); facts on type + subject + object. Also: year accuracy on
matched facts that have a gold year, aggregate counts, and time per 10k characters.

    .venv/bin/python bench/extraction.py [-v] [gold-name ...]
    (-v lists every miss and false hit; names restrict the set, e.g. school-teacher)
"""
from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.facts import ENTITY_TYPES, FACT_TYPES  # noqa: E402
from graph.extract import extract_article  # noqa: E402
from graph.names import normalize_text  # noqa: E402

GOLD = ROOT / "bench" / "gold"


def _key(name: str) -> str:
    return normalize_text(name)


def load_gold(only: list[str] | None = None) -> list[dict]:
    paths = sorted(GOLD.glob("*.json"))
    if only:
        paths = [p for p in paths if p.stem in only]
    return [json.loads(p.read_text(encoding="utf-8")) | {"file": p.name} for p in paths]


def evaluate(verbose: bool = False, only: list[str] | None = None) -> tuple[dict[str, list[int]], dict[str, list[int]], dict[str, float]]:
    ent_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    fact_counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    extra = {"chars": 0, "seconds": 0.0, "year_ok": 0, "year_total": 0, "agg_tp": 0, "agg_fp": 0, "agg_fn": 0}
    # load the tagger and compile the gazetteer patterns outside the timing
    extract_article("预热：全国劳模张继东在嘉兴市。嘉善县总工会联合该县传媒中心采访。")
    for gold in load_gold(only):
        text = (ROOT / gold["text"]).read_text(encoding="utf-8")
        meta = gold.get("meta", {})
        t0 = time.perf_counter()
        ex = extract_article(text, title=meta.get("title"), date=meta.get("date"))
        extra["seconds"] += time.perf_counter() - t0
        extra["chars"] += len(text)

        g_ents = {(e["type"], _key(e["name"])) for e in gold["entities"]}
        p_ents = {(e.type, _key(e.name)) for e in ex.entities}
        for t in ENTITY_TYPES:
            g = {x for x in g_ents if x[0] == t}
            p = {x for x in p_ents if x[0] == t}
            c = ent_counts[t]
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
            if verbose and (p - g or g - p):
                print(f"  {gold['file']} {t}: missed {sorted(n for _, n in g - p)} false {sorted(n for _, n in p - g)}")

        def fkey(f_type: str, s: str, o: str) -> tuple[str, str, str]:
            return (f_type, _key(s), _key(o))

        g_facts = {fkey(f["type"], f["subject"]["name"], f["object"]["name"]): f.get("year") for f in gold["facts"]}
        p_facts = {}
        for f in ex.facts:
            p_facts.setdefault(fkey(f.type, f.subject.name, f.object.name), f.year)
        for t in FACT_TYPES:
            g = {k for k in g_facts if k[0] == t}
            p = {k for k in p_facts if k[0] == t}
            c = fact_counts[t]
            c[0] += len(g & p)
            c[1] += len(p - g)
            c[2] += len(g - p)
            if verbose and (p - g or g - p):
                print(f"  {gold['file']} {t}: missed {sorted(k[1:] for k in g - p)} false {sorted(k[1:] for k in p - g)}")
        for k in set(g_facts) & set(p_facts):
            if g_facts[k] is not None:
                extra["year_total"] += 1
                extra["year_ok"] += int(g_facts[k] == p_facts[k])

        g_aggs = {(_key(a["honor"]), a["count"], a.get("year")) for a in gold.get("aggregates", [])}
        p_aggs = {(_key(a.honor), a.count, a.year) for a in ex.aggregates}
        extra["agg_tp"] += len(g_aggs & p_aggs)
        extra["agg_fp"] += len(p_aggs - g_aggs)
        extra["agg_fn"] += len(g_aggs - p_aggs)
        if verbose and (p_aggs - g_aggs or g_aggs - p_aggs):
            print(f"  {gold['file']} aggregates: missed {sorted(g_aggs - p_aggs)} false {sorted(p_aggs - g_aggs)}")
    return dict(ent_counts), dict(fact_counts), extra


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


GOALS = {"Person": 0.95, "Unit": 0.9, "Honor": 0.9}


def main() -> None:
    verbose = "-v" in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("-")] or None
    ents, facts, extra = evaluate(verbose, only)
    print(f"\nExtraction quality on {len(load_gold(only))} gold texts ({extra['chars']} characters)\n")
    header = f"{'':18}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}{'goal':>7}"
    for title, table, default_goal in (("Entities", ents, 0.85), ("Facts", facts, 0.8)):
        print(f"{title}\n{header}")
        tot = [0, 0, 0]
        for t, (tp, fp, fn) in table.items():
            tot = [tot[0] + tp, tot[1] + fp, tot[2] + fn]
            p, r, f = prf(tp, fp, fn)
            goal = GOALS.get(t, default_goal)
            mark = "" if f >= goal or tp + fn == 0 else "  <"
            print(f"  {t:16}{tp + fn:>6}{tp + fp:>7}{p:>7.2f}{r:>7.2f}{f:>7.2f}{goal:>7.2f}{mark}")
        p, r, f = prf(*tot)
        print(f"  {'all (micro)':16}{tot[0] + tot[2]:>6}{tot[0] + tot[1]:>7}{p:>7.2f}{r:>7.2f}{f:>7.2f}\n")
    p, r, f = prf(extra["agg_tp"], extra["agg_fp"], extra["agg_fn"])
    print(f"Aggregates (honor+count+year): P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    if extra["year_total"]:
        print(f"Fact years right on matched facts with a gold year: {extra['year_ok']}/{extra['year_total']}")
    per10k = extra["seconds"] / extra["chars"] * 10000
    print(f"Time: {extra['seconds']:.2f} s for {extra['chars']} characters = {per10k:.2f} s per 10k characters")


if __name__ == "__main__":
    main()
