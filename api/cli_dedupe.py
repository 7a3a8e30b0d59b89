"""`kg dedupe …`: duplicate candidates, judgements, merges and undo from the command line.

    kg dedupe scan [--type Person|Unit|all] [--format text|json] [--min-score X] [--dry-run]
    kg dedupe list [--type …] [--status open|unsure|closed|all] [--first N] [--after CURSOR]
                   [--format table|json]     (both records of each pair, in full, side by side)
    kg dedupe explain A B
    kg dedupe judge A B same|different|unsure [--note TEXT] [--merge]
    kg dedupe merge ID ID …
    kg dedupe unmerge MERGE_ID
    kg dedupe log

Registered by api/cli.py. Progress goes to stderr so `--format json` output stays clean.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from typing import TYPE_CHECKING, Any

from api.cli_common import database_command

if TYPE_CHECKING:
    from graph.db import Database


def _who(args: argparse.Namespace) -> str:
    if getattr(args, "who", None):
        return args.who
    try:
        return os.environ.get("KG_USER") or getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "cli"


class ProgressBar:
    """A one-line progress bar on stderr (only when stderr is a terminal, or when forced)."""

    def __init__(self, label: str, stream: Any = None, force: bool = False) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.live = force or self.stream.isatty()
        self.started = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int | None = None, *_: Any) -> None:
        now = time.monotonic()
        if total and done < total and now - self.last < 0.1:
            return
        self.last = now
        elapsed = now - self.started
        if total:
            share = min(1.0, done / total) if total else 1.0
            bar = "#" * int(30 * share) + "-" * (30 - int(30 * share))
            line = f"{self.label} [{bar}] {done}/{total} {elapsed:.1f}s"
        else:
            line = f"{self.label} {done} {elapsed:.1f}s"
        if self.live:
            self.stream.write("\r" + line)
            self.stream.flush()
        elif total and done >= total:
            self.stream.write(line + "\n")

    def done(self, message: str) -> None:
        if self.live:
            self.stream.write("\r" + " " * 70 + "\r")
        self.stream.write(f"{self.label}: {message}\n")
        self.stream.flush()


def _print_candidates(candidates: list[Any]) -> None:
    if not candidates:
        print("no candidates")
        return
    for c in candidates:
        why = "; ".join(f"{r['feature']} {r['contribution']:+.2f}" for r in c.reasons[:6])
        head = f"{c.score:.3f}  {c.type:<6} {c.a.name} ({c.a.id})  ~  {c.b.name} ({c.b.id})"
        extra = f"  [{c.decision}{', ' + c.kind if c.kind else ''}]" if c.decision else ""
        print(head + extra)
        if why:
            print(f"       {why}")


# ---------------------------------------------------------------- commands


@database_command(writes=True)
def cmd_scan(args: argparse.Namespace, db: Database) -> int:
    from graph.dedupe.candidates import scan_graph, store_candidates
    from graph.dedupe.records import TYPES

    found = []
    for label in list(TYPES) if args.type == "all" else [args.type]:
        bar = ProgressBar(f"scanning {label}", force=args.progress)
        candidates = scan_graph(db, label, cap_per_record=args.cap, progress=bar, min_score=args.min_score)
        bar.done(f"{len(candidates)} candidate pair(s)")
        found += candidates
    if not args.dry_run and found:
        counts = store_candidates(db, found)
        print(f"review items: {counts['created']} new, {counts['updated']} updated, "
              f"{counts['kept closed']} already settled", file=sys.stderr)
    if args.format == "json":
        print(json.dumps({"candidates": [c.to_json() for c in found]}, ensure_ascii=False))
    else:
        _print_candidates(found)
    return 0


@database_command
def cmd_list(args: argparse.Namespace, db: Database) -> int:
    from graph.dedupe.candidates import list_candidates
    from graph.dedupe.records import details

    page = list_candidates(db, type=None if args.type == "all" else args.type,
                           status=None if args.status == "all" else args.status,
                           min_score=args.min_score, first=args.first, after=args.after)
    full = details(db, [i for c in page.items for i in (c.a.id, c.b.id) if i])
    if args.format == "json":
        print(json.dumps({"totalCount": page.total, "endCursor": page.end_cursor, "hasNextPage": page.has_next,
                          "candidates": [{**c.to_json(), "id": c.id, "status": c.status,
                                          "a": full.get(c.a.id, {"id": c.a.id, "name": c.a.name}),
                                          "b": full.get(c.b.id, {"id": c.b.id, "name": c.b.name})}
                                         for c in page.items]},
                         ensure_ascii=False, default=str))
        return 0
    for c in page.items:
        print(side_by_side(c, full.get(c.a.id), full.get(c.b.id)))
    print(f"{len(page.items)} of {page.total}" + (f"; next page: --after {page.end_cursor}" if page.has_next else ""))
    return 0


ROWS = (("name", "name"), ("aliases", "aliases"), ("gender", "gender"), ("birth year", "birthYear"),
        ("units", "units"), ("honors", "honors"), ("regions", "regions"), ("studios", "studios"),
        ("mentors", "mentors"), ("sources", "sources"))


def _cell(key: str, value: Any) -> list[str]:
    """A record's field as lines of a table cell."""
    if value in (None, [], ""):
        return ["-"]
    if key == "units":
        return [u["name"] + (f" ({u['role']})" if u.get("role") else "") for u in value]
    if key == "honors":
        return [h["name"] + (f" {h['year']}" if h.get("year") else "") for h in value]
    if key == "sources":
        return [f"{s['title']} {s['at']}".strip() for s in value]
    return [", ".join(map(str, value))] if isinstance(value, list) else [str(value)]


def side_by_side(c: Any, a: dict[str, Any] | None, b: dict[str, Any] | None, width: int = 38) -> str:
    """A candidate as staff compare it: both records in full, field by field, and the score parts."""
    lines = [f"{c.score:.3f}  {c.type}  [{c.decision}{', ' + c.kind if c.kind else ''}]  {c.status}  {c.id}",
             f"  {'':<11} {c.a.id:<{width}} {c.b.id}"]
    for label, key in ROWS:
        left, right = _cell(key, (a or {}).get(key)), _cell(key, (b or {}).get(key))
        for i in range(max(len(left), len(right))):
            lines.append(f"  {label if i == 0 else '':<11} {(left[i] if i < len(left) else ''):<{width}} "
                         f"{right[i] if i < len(right) else ''}")
    lines += [f"  {r['contribution']:+.2f}  {r['feature']}: {r['detail']}" for r in c.reasons]
    return "\n".join(lines) + "\n"


@database_command
def cmd_explain(args: argparse.Namespace, db: Database) -> int:
    from graph.dedupe.candidates import explain

    e = explain(db, args.a, args.b)
    c = e.candidate
    print(f"{c.a.name} ({c.a.id})  ~  {c.b.name} ({c.b.id})")
    print(f"score {c.score:.3f}: {c.decision}" + (f" ({c.kind})" if c.kind else "")
          + ("; already one record" if e.same_record else ""))
    for r in c.reasons:
        print(f"  {r['contribution']:+.3f}  {r['feature']}: {r['detail']}")
    for j in e.judgements:
        print(f"  judged {j.verdict} by {j.who} at {j.at}{'' if j.current else ' (superseded)'}"
              + (f": {j.note}" if j.note else ""))
    for j in e.blocked_by:
        print(f"  merge blocked: {j.who} judged {j.a} and {j.b} different")
    return 0


@database_command(writes=True)
def cmd_judge(args: argparse.Namespace, db: Database) -> int:
    from graph.dedupe.judgements import judge

    j = judge(db, args.a, args.b, args.verdict, args.note, _who(args), merge=args.merge)
    print(f"{j.id}: {j.a} and {j.b} judged {j.verdict} by {j.who}")
    if j.merge_id:
        print(f"{j.merge_id}: merged {j.b} into {j.a}; undo with: kg dedupe unmerge {j.merge_id}")
    return 0


@database_command(writes=True)
def cmd_merge(args: argparse.Namespace, db: Database) -> int:
    from graph.dedupe.merge import merge

    r = merge(db, args.ids, who=_who(args))
    print(f"{r.id}: merged {', '.join(r.absorbed)} into {r.survivor} "
          f"({r.moved} relationship(s) moved, {r.united} united with the survivor's)")
    for c in r.conflicts:
        values = " / ".join("(personal)" if c.get("personal") else str(v["value"]) for v in c["values"])
        print(f"  conflict kept on {r.survivor}: {c['property']}: {values}")
    print(f"undo with: kg dedupe unmerge {r.id}")
    return 0


@database_command(writes=True)
def cmd_unmerge(args: argparse.Namespace, db: Database) -> int:
    from graph.dedupe.merge import unmerge

    r = unmerge(db, args.merge_id, who=_who(args))
    print(f"{r.merge_id} undone: {', '.join(r.restored)} restored beside {r.survivor}")
    return 0


@database_command
def cmd_log(args: argparse.Namespace, db: Database) -> int:
    from graph.dedupe.audit import audit_log

    for event in audit_log(db, limit=args.limit):
        print(event.line())
    return 0


def add_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Adds `kg dedupe …` to the `kg` parser."""
    from graph.dedupe.pairs import Status, Verdict
    from graph.dedupe.records import TYPES

    dedupe = sub.add_parser("dedupe", help="duplicate records: scan, list, judge, merge, undo")
    dsub = dedupe.add_subparsers(dest="dedupe_command", required=True)

    def command(name: str, func: Any, help: str, who: bool = False) -> argparse.ArgumentParser:
        parser = dsub.add_parser(name, help=help)
        parser.set_defaults(func=func)
        if who:
            parser.add_argument("--who", help="name for the audit log (default: $KG_USER or the login name)")
        return parser

    types = [*TYPES, "all"]
    scan = command("scan", cmd_scan, "score the graph for duplicates and queue them for review")
    scan.add_argument("--type", choices=types, default="all")
    scan.add_argument("--format", choices=["text", "json"], default="text")
    scan.add_argument("--min-score", type=float, help="keep pairs at or above this score (default: the review threshold)")
    scan.add_argument("--cap", type=int, default=10, help="candidates per record (default 10)")
    scan.add_argument("--dry-run", action="store_true", help="print, do not queue review items")
    scan.add_argument("--progress", action="store_true", help="draw the progress bar even when stderr is not a terminal")

    lst = command("list", cmd_list, "the review queue, best first")
    lst.add_argument("--type", choices=types, default="all")
    lst.add_argument("--status", choices=[*(s.value for s in Status), "all"], default=Status.OPEN.value)
    lst.add_argument("--min-score", type=float)
    lst.add_argument("--first", type=int, default=20)
    lst.add_argument("--after", help="the cursor a previous page ended with")
    lst.add_argument("--format", choices=["table", "json"], default="table",
                     help="table: both records side by side, in full; json: the same for tools")

    explain = command("explain", cmd_explain, "why two records look alike, and what staff said")
    explain.add_argument("a")
    explain.add_argument("b")

    judge = command("judge", cmd_judge, "record a verdict on a pair (never overwritten)", who=True)
    judge.add_argument("a")
    judge.add_argument("b")
    judge.add_argument("verdict", choices=[v.value for v in Verdict])
    judge.add_argument("--note")
    judge.add_argument("--merge", action="store_true", help="with `same`: merge B into A in the same step")

    command("merge", cmd_merge, "merge records into the first id", who=True).add_argument(
        "ids", nargs="+", metavar="ID")
    command("unmerge", cmd_unmerge, "undo a merge", who=True).add_argument("merge_id")
    command("log", cmd_log, "merges, undos and judgements, newest first").add_argument(
        "--limit", type=int, default=50)
