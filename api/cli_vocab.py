"""`kg vocab …`: the honors, units and studios texts discovered, for staff to curate.

    kg vocab list --uncurated [--type Honor|Unit|Studio] [--first N] [--after CURSOR] [--format text|json]
    kg vocab confirm ID
    kg vocab rename ID NAME
    kg vocab reject ID

Registered by api/cli.py; graph/vocab.py does the work (a rejection removes the node and its
facts in one transaction; confirmations and rejections are remembered by later loads).
"""
from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from api.cli_common import database_command, fail

if TYPE_CHECKING:
    from graph.db import Database


def _who(args: argparse.Namespace) -> str:
    from api.cli_dedupe import _who as who

    return who(args)


@database_command
def cmd_list(args: argparse.Namespace, db: Database) -> int:
    from graph.vocab import uncurated

    if not args.uncurated:
        return fail("only the uncurated vocabulary is listed: add --uncurated")
    page = uncurated(db, label=args.type, first=args.first, after=args.after)
    if args.format == "json":
        print(json.dumps({
            "totalCount": page.total,
            "items": [{"id": t.id, "type": t.label, "name": t.name, "level": t.level, "kind": t.kind,
                       "sources": t.sources, "facts": t.facts,
                       "evidence": [{"sourceId": e.source_id, "title": e.title, "sentence": e.sentence}
                                    for e in t.evidence]} for t in page.items],
            "endCursor": page.cursors[-1] if page.cursors else None, "hasNextPage": page.has_next,
        }, ensure_ascii=False, indent=2))
        return 0
    if not page.items:
        print("no uncurated vocabulary")
        return 0
    for t in page.items:
        extra = ", ".join(x for x in (t.level, t.kind) if x)
        print(f"{t.label:<6} {t.name}  ({t.id}){'  [' + extra + ']' if extra else ''}  "
              f"{t.sources} source(s), {t.facts} fact(s)")
        for e in t.evidence:
            print(f"         «{e.sentence}»  — {e.title or e.source_id}" if e.sentence else f"         in {e.title or e.source_id}")
    more = f"; next page: --after {page.cursors[-1]}" if page.has_next and page.cursors else ""
    print(f"{len(page.items)} of {page.total} uncurated{more}")
    return 0


@database_command(writes=True)
def cmd_curate(args: argparse.Namespace, db: Database) -> int:
    """`confirm`, `rename` or `reject` one term: the same edit by the same person, each with
    its own line saying what later loads will do."""
    from graph import vocab

    who = _who(args)
    if args.vocab_command == "confirm":
        term = vocab.confirm(db, args.id, who)
        print(f"confirmed {term.label} {term.name} ({term.id}); later loads keep it curated")
    elif args.vocab_command == "rename":
        term = vocab.rename(db, args.id, args.name, who)
        print(f"renamed {term.label} {term.id} to {term.name}; the old name stays an alias")
    else:
        facts = vocab.reject(db, args.id, who)
        print(f"rejected {args.id}: removed with {facts} fact(s); later loads leave the name out")
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:
    vocab = sub.add_parser("vocab", help="curate the honors, units and studios texts discovered")
    vs = vocab.add_subparsers(dest="vocab_command", required=True)
    listing = vs.add_parser("list", help="list vocabulary with its evidence")
    listing.add_argument("--uncurated", action="store_true", help="what staff have not confirmed yet")
    listing.add_argument("--type", choices=["Honor", "Unit", "Studio"])
    listing.add_argument("--first", type=int, default=50)
    listing.add_argument("--after")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    listing.set_defaults(func=cmd_list)
    for name, help_ in (("confirm", "make it curated (remembered by later loads)"),
                        ("reject", "remove it and its facts (later loads leave it out)"),
                        ("rename", "give it another name (the old one stays an alias; curated)")):
        p = vs.add_parser(name, help=help_)
        p.add_argument("id")
        if name == "rename":
            p.add_argument("name")
        p.add_argument("--who", help="name for the edit log (default $KG_USER or the login name)")
        p.set_defaults(func=cmd_curate)
