"""`kg export`: the graph, or the part around one entity, as GraphML, GEXF, CSV (zipped
nodes and edges) or JSON on stdout, for Gephi, NetworkX or a spreadsheet (graph/export.py).
Personal data only with an editor's or admin's `--token`, as over HTTP."""
from __future__ import annotations

import argparse
import sys

from api.cli_common import fail, with_database


def _types(values: list[str] | None) -> tuple[str, ...]:
    return tuple(t.strip().upper() for v in values or [] for t in v.split(",") if t.strip())


def cmd_export(args: argparse.Namespace) -> int:
    from graph import export
    from graph.tokens import role_of

    if args.around is None and not args.all:
        return fail("say what to export: --all, or --around ID [--depth N]")
    if sys.stdout.isatty() and args.format in ("csv",) and not args.output:
        return fail("a zip on a terminal is unreadable: redirect it (> kg.zip) or give --output FILE")

    def work(db) -> int:
        personal = False
        if args.token:
            found = role_of(db, args.token)
            if found is None:
                return fail("unknown, revoked or expired token")
            personal = found[0] in ("editor", "admin")
        request = export.ExportRequest(around=args.around, depth=args.depth, types=_types(args.types),
                                       except_types=_types(args.except_types), personal=personal)
        data, result = export.export_bytes(db, request, args.format)
        if args.output:
            with open(args.output, "wb") as f:
                f.write(data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        print(f"exported {result.nodes} node(s) and {result.edges} edge(s) as {args.format}"
              + ("" if personal else " (no personal data: an editor's --token adds it)"), file=sys.stderr)
        return 0

    return with_database(work)


def add_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from graph.export import FORMATS, MAX_DEPTH

    p = sub.add_parser("export", help="the graph as GraphML, GEXF, CSV (zip) or JSON, on stdout",
                       description="Entities and the facts between them, each with id, type, name and "
                                   "sources. GraphML and GEXF open in Gephi and NetworkX.")
    p.add_argument("--format", choices=FORMATS, default="graphml")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="the whole graph")
    which.add_argument("--around", metavar="ID", help="an entity and its neighbourhood")
    p.add_argument("--depth", type=int, default=1, help=f"with --around: hops, 0 to {MAX_DEPTH} (default 1)")
    p.add_argument("--types", nargs="+", metavar="TYPE", help="only these relationship types (MENTORS WORKS_AT …)")
    p.add_argument("--except-types", nargs="+", metavar="TYPE", help="leave these relationship types out")
    p.add_argument("--token", help="an editor's or admin's token: include personal data")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(func=cmd_export)
