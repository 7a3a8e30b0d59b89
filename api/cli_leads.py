"""`kg leads` and `kg analyze`: the story leads the GraphQL `storyLeads` gives, printed as a
table, CSV or Markdown; the graph measures computed and stored, with progress."""
from __future__ import annotations

import argparse
import csv
import io
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from api.cli_common import with_database
from graph.spreadsheet import safe_cell

if TYPE_CHECKING:
    from graph.analyze import AnalysisReport
    from graph.leads import LeadQuery, Ranking

LEADS_TIMEOUT = 300.0
"""A command may take longer than a request (KG_TX_TIMEOUT) on a large graph."""


def cmd_leads(args: argparse.Namespace) -> int:
    from graph import leads

    kinds = tuple(k.upper() for k in args.kind) if args.kind else leads.KINDS
    unknown = [k for k in kinds if k not in leads.KINDS]
    if unknown:
        print(f"kg: unknown kind {unknown[0]}; one of {', '.join(leads.KINDS)}", file=sys.stderr)
        return 1
    q = leads.LeadQuery(kinds=kinds, year=args.year, since=args.since, region=args.region, unit=args.unit,
                        include_marked=args.include_marked, timeout=LEADS_TIMEOUT)
    def work(db) -> int:
        if args.format == "md":  # the top of each kind, kind by kind
            rankings = [leads.rank(db, replace(q, kinds=(kind,)), args.first) for kind in leads.KINDS if kind in kinds]
        else:
            rankings = [leads.rank(db, q, args.first)]
        shown = [lead for ranking in rankings for lead in ranking.leads]
        leads.with_sources(db, shown)
        _print_leads(args, q, rankings, shown, kinds)
        return 0

    return with_database(work)


def _print_leads(args: argparse.Namespace, q: "LeadQuery", rankings: list["Ranking"], shown: list,
                 kinds: tuple[str, ...]) -> None:
    from graph import leads

    if args.format == "md":
        year = q.year or __import__("datetime").date.today().year
        print(leads.as_markdown(shown, title=f"选题线索（{year}年，每类前{args.first}条）"), end="")
    elif args.format == "csv":
        print(_csv(shown), end="")
    else:
        print(leads.as_table(shown))
    hidden = sum(r.hidden for r in rankings)
    note = f"{len(shown)} of {sum(r.total for r in rankings)} lead(s)"
    if hidden:
        note += f"; {hidden} marked USED or NOT_INTERESTING left out (--include-marked shows them)"
    if "BRIDGE" in kinds and not any(r.kinds.get("BRIDGE") for r in rankings):
        note += "; no BRIDGE leads: run `kg analyze` first"
    print(note, file=sys.stderr)


def _csv(shown: list) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["rank", "id", "kind", "score", "score parts", "headline", "why now", "people", "units",
                     "evidence", "sources"])
    for n, lead in enumerate(shown, 1):
        writer.writerow([safe_cell(cell) for cell in [
            n, lead.id, lead.kind, f"{lead.score:g}", "; ".join(f"{p.name}={p.value:g} ({p.detail})" for p in lead.parts),
            lead.headline, lead.why_now or "", "、".join(p["name"] for p in lead.people),
            "、".join(u["name"] for u in lead.units), " | ".join(e.text for e in lead.evidence),
            " | ".join(f"{e.source.get('title') or e.source_id}" + (f" {e.locator}" if e.locator else "")
                       for e in lead.evidence),
        ]])
    return out.getvalue()


def cmd_analyze(args: argparse.Namespace) -> int:
    import time

    from graph.analyze import analyze

    t0 = time.perf_counter()

    def work(db) -> int:
        report = analyze(db, samples=args.samples, seed=args.seed,
                         progress=lambda msg: print(msg, file=sys.stderr, flush=True))
        _print_analysis(report, time.perf_counter() - t0)
        return 0

    return with_database(work, writes=True)


def _print_analysis(report: "AnalysisReport", total_s: float) -> None:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("people / nodes / links", f"{report.people:,} / {report.nodes:,} / {report.edges:,}"),
        ("betweenness", ("exact" if report.exact else "sampled") + f", {report.sources:,} sources, seed {report.seed}"),
        ("communities (3 or more)", f"{report.communities:,}"),
        *[(f"  {step}", f"{seconds:.1f} s") for step, seconds in report.steps.items()],
        ("total", f"{total_s:.1f} s"),
        ("peak memory (this process)", f"{peak:,.0f} MB"),
        ("computed at", report.at),
    ]
    width = max(len(k) for k, _ in rows)
    print("\n".join(f"{k.ljust(width)}  {v}" for k, v in rows))


def add_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    leads = sub.add_parser("leads", help="story leads, ranked, with their evidence")
    leads.add_argument("--kind", action="append", help="UNSUNG, LINEAGE, IMPACT, ANNIVERSARY, NEW_HONOR, "
                                                       "FAR_FROM_HOME, BRIDGE (repeatable; default all)")
    leads.add_argument("--region", help="the leads' people live or work there (or below)")
    leads.add_argument("--unit", help="id or name of their unit")
    leads.add_argument("--since", type=int, help="UNSUNG: no article dated this year or later")
    leads.add_argument("--year", type=int, help="the year of anniversaries and why-now (default this year)")
    leads.add_argument("--first", type=int, default=None, help="leads to print (md: per kind); default 20, md 5")
    leads.add_argument("--format", choices=["table", "csv", "md"], default="table")
    leads.add_argument("--include-marked", action="store_true", help="also leads marked USED or NOT_INTERESTING")
    leads.set_defaults(func=lambda a: cmd_leads(_with_first(a)))

    analyze = sub.add_parser("analyze", help="compute degree, betweenness and communities; store them")
    analyze.add_argument("--samples", type=int, default=256,
                         help="betweenness sources on a graph above 5,000 nodes (exact below)")
    analyze.add_argument("--seed", type=int, default=42, help="sampling and Louvain seed (same graph, same result)")
    analyze.set_defaults(func=cmd_analyze)


def _with_first(args: argparse.Namespace) -> argparse.Namespace:
    if args.first is None:
        args.first = 5 if args.format == "md" else 20
    return args
