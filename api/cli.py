"""The `kg` command line: one entry point for the local Neo4j, migrations, loading and serving.

Every failure ends in one line a user can act on (and, for Neo4j, the log's last lines),
with a non-zero exit status; the wording lives in api/cli_common.py.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from api.cli_common import database_command, with_database
from api.cli_common import fail as _fail
from graph.config import CHECKOUT, load_settings
from graph.errors import GraphError

if TYPE_CHECKING:
    from graph.db import Database

SEED = CHECKOUT / "seed"


# ------------------------------------------------------------------ neo4j


def cmd_neo4j(args: argparse.Namespace) -> int:
    from graph import neo4j_server as server

    settings = load_settings()
    if not settings.managed and args.action != "status":
        return _fail(f"NEO4J_URI is set ({settings.uri}): this service uses that server and manages none")
    try:
        if args.action == "start":
            print(server.start(settings))
        elif args.action == "stop":
            print(server.stop(settings))
        elif args.action == "status":
            if not settings.managed:
                from graph.db import Database

                db = Database(settings)
                print(f"external Neo4j at {settings.uri}: {'reachable' if db.ping() else 'not reachable'}")
                db.close()
                return 0
            st = server.status(settings)
            print(st.describe())
            return 0 if st.running else 3
        elif args.action == "logs":
            print(server.logs(settings, args.lines))
    except GraphError as exc:
        return _fail(str(exc))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from graph import neo4j_server as server

    settings = load_settings()
    if not settings.managed:
        return _fail("NEO4J_URI is set: back that server up with its own tools (neo4j-admin database dump)")
    try:
        print(server.backup(settings, Path(args.to) if args.to else None))
    except GraphError as exc:
        return _fail(str(exc))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from graph import neo4j_server as server

    settings = load_settings()
    if not settings.managed:
        return _fail("NEO4J_URI is set: restore that server with its own tools (neo4j-admin database load)")
    try:
        print(server.restore(settings, Path(args.file)))
    except GraphError as exc:
        return _fail(str(exc))
    return cmd_migrate(args)


# ------------------------------------------------------------------ migrate


@database_command
def cmd_migrate(args: argparse.Namespace, db: Database) -> int:
    from graph.schema import migrations

    applied = migrations.migrate(db)
    for m in applied:
        print(f"applied migration {m.version}: {m.name}")
    print(f"schema at version {migrations.LATEST}" + ("" if applied else " (nothing to do)"))
    return 0


# ------------------------------------------------------------------ serve / run


def cmd_serve(args: argparse.Namespace) -> int:
    """Serves GraphQL with N worker processes: the API keeps no state of its own (the graph,
    tokens and the merge log live in Neo4j), so N processes here, or N machines behind any
    load balancer, answer alike."""
    import os

    import uvicorn

    settings = load_settings()
    workers = getattr(args, "workers", None) or int(os.environ.get("KG_WORKERS") or 1)
    uvicorn.run("api.app:create_app", factory=True, workers=workers, host=settings.api_host,
                port=getattr(args, "port", None) or settings.api_port,
                log_level=getattr(args, "log_level", None) or "info",
                access_log=os.environ.get("KG_ACCESS_LOG", "") in ("1", "true", "yes"))
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Everything the README's first command needs: Neo4j, schema, seed, serve."""
    from graph import neo4j_server as server

    settings = load_settings()
    if settings.managed:
        try:
            print(server.start(settings))
        except GraphError as exc:
            return _fail(str(exc))
    code = cmd_migrate(args)
    if code:
        return code
    code = cmd_load_seed(args)
    if code:
        return code
    watchdog = server.Watchdog(settings).start() if settings.managed else None
    try:
        return cmd_serve(args)
    finally:
        if watchdog:
            watchdog.stop()


# ------------------------------------------------------------------ loading


@database_command(writes=True)
def cmd_load_seed(args: argparse.Namespace, db: Database) -> int:
    from graph.loaders.seed import load_seed

    for line in load_seed(db, SEED):
        print(line)
    return 0


def cmd_load_article(args: argparse.Namespace) -> int:
    from graph.facts import ArticleMeta
    from graph.ingest import check_article_text, load_article

    from graph.errors import InvalidRequest
    from graph.loaders.article import read_article

    path = Path(args.file)
    if not path.exists():
        return _fail(f"{path}: no such file")
    try:  # an unreadable file is one line, before the database is opened
        text = read_article(path)
        check_article_text(text, str(path), args.force)
    except InvalidRequest as refused:
        return _fail(str(refused))
    meta = ArticleMeta(title=args.title or path.stem, publisher=args.publisher, date=args.date, url=args.url, path=str(path))

    def work(db) -> int:
        print(load_article(db, text, meta, dry_run=args.dry_run, force=args.force).summary())
        return 0

    return with_database(work, writes=True)


def cmd_load_roster(args: argparse.Namespace) -> int:
    from graph.ingest import load_roster, load_rosters
    from graph.loaders.roster import RosterRefused, write_template

    if args.template:
        if len(args.file) > 1:
            return _fail("--template writes one template: name one file")
        for written in write_template(Path(args.file[0] if args.file else "roster-template")):
            print(f"wrote {written}")
        return 0
    if not args.file:
        return _fail("name the roster to load (or --template to write an empty one)")
    paths = [Path(f) for f in args.file]
    for path in paths:
        if not path.exists():
            return _fail(f"{path}: no such file")
    options = dict(skip_invalid=args.skip_invalid, dry_run=args.dry_run, region=args.region,
                   new_people=args.new_people, progress=lambda msg: print(msg, file=sys.stderr))

    def work(db) -> int:
        try:
            if len(paths) == 1:
                print(load_roster(db, paths[0], **options).summary())
            else:
                for path, report in load_rosters(db, paths, **options):
                    print(f"{path}:\n{report.summary()}")
        except RosterRefused as refused:
            for problem in refused.problems:
                print(problem, file=sys.stderr)
            which = paths[0] if len(paths) == 1 else f"{len(paths)} rosters"
            return _fail(f"{which}: refused, nothing written ({len(refused.problems)} problem(s); "
                         "--skip-invalid loads the good rows)")
        return 0

    return with_database(work, writes=True)


def cmd_extract(args: argparse.Namespace) -> int:
    from graph.errors import InvalidRequest
    from graph.extract import extract_article, extraction_to_text
    from graph.loaders.article import read_article

    path = Path(args.file)
    if not path.exists():
        return _fail(f"{path}: no such file")
    try:
        text = read_article(path)
    except InvalidRequest as refused:
        return _fail(str(refused))
    extraction = extract_article(text, title=args.title, date=args.date, url=args.url)
    if args.format == "json":
        print(json.dumps(extraction.to_json(), ensure_ascii=False, indent=2))
    else:
        print(extraction_to_text(extraction))
    return 0


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Model-worker knowledge graph")
    sub = parser.add_subparsers(dest="command", required=True)

    neo = sub.add_parser("neo4j", help="the project's local Neo4j")
    neo.add_argument("action", choices=["start", "stop", "status", "logs"])
    neo.add_argument("--lines", type=int, default=50, help="log lines to show")
    neo.set_defaults(func=cmd_neo4j)

    sub.add_parser("migrate", help="apply schema migrations").set_defaults(func=cmd_migrate)

    backup = sub.add_parser("backup", help="dump the graph to a file (Neo4j is stopped meanwhile)")
    backup.add_argument("--to", help="folder for the dump (default $KG_HOME/backups)")
    backup.set_defaults(func=cmd_backup)
    restore = sub.add_parser("restore", help="replace the graph with a dump made by `kg backup`")
    restore.add_argument("file")
    restore.set_defaults(func=cmd_restore)

    serve = sub.add_parser("serve", help="serve GraphQL on KG_PORT (default 8000)")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, help="worker processes (default KG_WORKERS or 1)")
    serve.add_argument("--log-level", choices=["critical", "error", "warning", "info", "debug"])
    serve.set_defaults(func=cmd_serve)

    run = sub.add_parser("run", help="start Neo4j, migrate, load seed/, serve")
    run.add_argument("--port", type=int)
    run.set_defaults(func=cmd_run)

    extract = sub.add_parser("extract", help="print what an article yields, without writing")
    extract.add_argument("file")
    extract.add_argument("--title")
    extract.add_argument("--date")
    extract.add_argument("--url")
    extract.add_argument("--format", choices=["text", "json"], default="text")
    extract.set_defaults(func=cmd_extract)

    load = sub.add_parser("load", help="load a source into the graph")
    load_sub = load.add_subparsers(dest="kind", required=True)
    article = load_sub.add_parser("article", help="a Chinese news article (UTF-8 text)")
    article.add_argument("file")
    article.add_argument("--title")
    article.add_argument("--publisher")
    article.add_argument("--date")
    article.add_argument("--url")
    article.add_argument("--dry-run", action="store_true")
    article.add_argument("--force", action="store_true", help="load it even if it has no Chinese text")
    article.set_defaults(func=cmd_load_article)
    load_sub.add_parser("seed", help="everything under seed/").set_defaults(func=cmd_load_seed)
    from graph.loaders.roster import accepted_columns

    roster = load_sub.add_parser(
        "roster", help="an honor roster (CSV or XLSX)", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Load an honor roster: CSV (UTF-8, GBK, GB18030) or XLSX, one person a row, a header row "
                    "(a title line above it is kept). Every problem of the file is listed before anything is "
                    "written. Several files are one batch (a city's offices' lists): a 师傅 may be a person "
                    "of any of them, every file is checked before any is written, and each loads whole "
                    "after the files its mentors come from.",
        epilog="accepted columns (Chinese or English headers; others are kept as personal `extra`):\n"
               + accepted_columns())
    roster.add_argument("file", nargs="*", help="the roster, or several; with --template, where to write the template")
    roster.add_argument("--skip-invalid", action="store_true", help="load the good rows, report the rest")
    roster.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")
    roster.add_argument("--region", help="the place abbreviated honors (市劳模, 省劳模) name where a row has no "
                                         "地区: e.g. 嘉兴市 or 桐乡市")
    roster.add_argument("--new-people", action="store_true",
                        help="the bulk path of a first import: every row a new person, nobody matched against "
                             "the graph (units, honors and places still are); run `kg dedupe scan` afterwards")
    roster.add_argument("--template", action="store_true",
                        help="write an empty roster with every column, as FILE.csv and FILE.xlsx "
                             "(default roster-template)")
    roster.set_defaults(func=cmd_load_roster)

    from api import cli_api, cli_dedupe, cli_export, cli_leads, cli_vocab

    cli_api.add_commands(sub)
    cli_export.add_commands(sub)
    cli_dedupe.add_commands(sub)
    cli_leads.add_commands(sub)
    cli_vocab.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    import logging

    logging.getLogger("neo4j").setLevel(logging.ERROR)  # retries are ours to report, in one line
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # here, not at exit: a closed pipe is caught below
        return status
    except BrokenPipeError:  # `kg query … | head`: the reader has what it wanted
        return _quiet_after_broken_pipe()
    except GraphError as exc:  # raised outside a database unit of work (reading a file, say)
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)


def _quiet_after_broken_pipe() -> int:
    """Points stdout at /dev/null so the interpreter's last flush does not fail again (Python's
    own advice for SIGPIPE); the reader stopped reading on purpose, so the status is 0."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
