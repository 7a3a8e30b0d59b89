"""`kg query` (any GraphQL document: asked of the running service when one answers on
KG_HOST:KG_PORT, otherwise executed in this process with the same schema, limits and roles)
and `kg token create | list | revoke` (tokens: shown once, stored as a hash, with expiry)."""
from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from api.cli_common import fail

if TYPE_CHECKING:
    from graph.config import Settings


def cmd_query(args: argparse.Namespace) -> int:
    from graph.config import load_settings

    path = Path(args.document)
    if not path.exists():
        return fail(f"{path}: no such file")
    variables: dict[str, object] = {}
    for item in args.var or []:
        name, sep, value = item.partition("=")
        if not sep:
            return fail(f"--var {item!r}: expected name=value")
        try:
            variables[name] = json.loads(value)
        except json.JSONDecodeError:
            variables[name] = value
    settings = load_settings()
    document = path.read_text(encoding="utf-8")
    out = None if args.local else ask_service(settings, document, variables, args.token)
    if out is None:
        out = execute_here(settings, document, variables, args.token)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 1 if out.get("errors") else 0


def ask_service(settings: "Settings", document: str, variables: dict[str, object],
                token: str | None) -> dict[str, object] | None:
    """The running service's answer, or None when no service of ours answers. Asking it costs
    a tenth of building the schema here (most of a cold `kg query`)."""
    import socket
    import urllib.error
    import urllib.request

    host = "127.0.0.1" if settings.api_host in ("0.0.0.0", "::", "") else settings.api_host
    try:
        socket.create_connection((host, settings.api_port), timeout=0.2).close()
    except OSError:
        return None
    request = urllib.request.Request(
        f"http://{host}:{settings.api_port}/graphql",
        data=json.dumps({"query": document, "variables": variables}).encode("utf-8"),
        headers={"content-type": "application/json", **({"authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(request, timeout=settings.tx_timeout_s * 10) as response:
            body = response.read()
    except urllib.error.HTTPError as refused:  # refusals come as GraphQL errors too
        body = refused.read()
    except (urllib.error.URLError, OSError):
        return None
    try:
        answer = json.loads(body)
    except ValueError:  # something else listens on that port
        return None
    if not isinstance(answer, dict) or not ("data" in answer or "errors" in answer):
        return None
    if any((e.get("extensions") or {}).get("code") == "FORBIDDEN" and "persisted" in e.get("message", "")
           for e in answer.get("errors") or []):
        return None  # a service answering queries/ only; the operator's command may ask anything
    return answer


def execute_here(settings: "Settings", document: str, variables: dict[str, object],
                 token: str | None) -> dict[str, object]:
    from api.context import build_context
    from api.schema import schema
    from api.service import Service

    service = Service(settings)
    try:
        context = build_context(service, f"Bearer {token}" if token else None)
        if service.settings.require_read_token and context.role is None:
            return {"data": None, "errors": [{"message": "this API needs a token (--token)",
                                              "extensions": {"code": "UNAUTHENTICATED"}}]}
        result = asyncio.run(schema.execute(document, variable_values=variables, context_value=context))
    finally:
        service.close()
    out: dict[str, object] = {"data": result.data}
    if result.errors:
        out["errors"] = [e.formatted for e in result.errors]
    return out


def cmd_token(args: argparse.Namespace) -> int:
    """kg token create | list | revoke: the token itself is printed once, on stdout alone."""
    from api.cli_common import with_database
    from graph import tokens

    def work(db) -> int:
        if args.action == "create":
            token = tokens.create_token(db, args.role, args.name, tokens.parse_lifetime(args.expires))
            print(token)
            print(f"{tokens.token_id(token)}: {args.role}, expires in {args.expires}; "
                  "`kg token revoke` with this id ends it", file=sys.stderr)
        elif args.action == "list":
            rows = tokens.list_tokens(db)
            if args.format == "json":
                print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
            for r in rows if args.format == "table" else ():
                used = r["lastUsed"].strftime("%Y-%m-%d %H:%M") if r["lastUsed"] else "never used"
                print(f"{r['id']}  {r['role']:<6}  {r['status']:<7}  expires {r['expires']:%Y-%m-%d}  "
                      f"{used:<16}  {r['name']}")
        else:
            tokens.revoke_token(db, args.id)
            print(f"{args.id} revoked")
        return 0

    return with_database(work, writes=True)


def cmd_schema(args: argparse.Namespace) -> int:
    from api.schema import schema

    print(str(schema))
    return 0


def add_commands(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    query = sub.add_parser("query", help="run a GraphQL document against the graph, print JSON (through the "
                                         "running service when one answers, else in this process)")
    query.add_argument("document")
    query.add_argument("--var", action="append", help="name=value (JSON or text); repeatable")
    query.add_argument("--token", help="a bearer token, for mutations and personal data")
    query.add_argument("--local", action="store_true",
                       help="execute here even when a service answers on KG_HOST:KG_PORT")
    query.set_defaults(func=cmd_query)

    sub.add_parser("schema", help="print the GraphQL SDL (kept in schema.graphql)").set_defaults(func=cmd_schema)

    token = sub.add_parser("token", help="API tokens: create, list, revoke")
    token_sub = token.add_subparsers(dest="action", required=True)
    create = token_sub.add_parser("create", help="issue a token (printed once, stored hashed)")
    create.add_argument("--role", required=True, choices=["reader", "editor", "admin"])
    create.add_argument("--name", help="who the token is for")
    create.add_argument("--expires", default="1y", help="lifetime: 90d, 12w, 1y (default 1y)")
    listing = token_sub.add_parser("list", help="every token: id, role, status, expiry, last use")
    listing.add_argument("--format", choices=["table", "json"], default="table")
    revoke = token_sub.add_parser("revoke", help="end a token at once")
    revoke.add_argument("id", help="the token's id (tok_…), from `kg token list`")
    token.set_defaults(func=cmd_token)
