"""What the API costs around a question's own statements: p50/p99 of an empty query, a
one-statement question and the person profile over HTTP against a running service, beside
that one statement run directly (through graph/db.py and through the driver).

    KG_PORT=8000 .venv/bin/python bench/api_overhead.py [--requests 400] [--name 曹卫涛]

Uses the service on KG_HOST:KG_PORT and the Neo4j of the same settings (e.g. after `make run`
on the seed); one keep-alive client, each request after a warm-up of 30.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import percentile  # noqa: E402
from graph.config import CHECKOUT, load_settings  # noqa: E402
from graph.db import Database  # noqa: E402

ONE_STATEMENT = "MATCH (n:Entity {id: $id}) RETURN n.name AS name"


def percentiles(call: Callable[[], object], n: int) -> str:
    for _ in range(30):
        call()
    times = []
    for _ in range(n):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    return f"{percentile(times, 50):.2f} ms | {percentile(times, 99):.2f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--name", default="曹卫涛", help="a person of the graph (the seed has this one)")
    args = parser.parse_args()
    settings = load_settings()
    url = f"http://{settings.api_host}:{settings.api_port}/graphql"
    profile = (CHECKOUT / "queries" / "person-profile.graphql").read_text(encoding="utf-8")
    db = Database(settings)
    with httpx.Client(timeout=30) as client:
        def ask(query: str, variables: dict[str, str] | None = None) -> Callable[[], object]:
            def call() -> object:
                answer = client.post(url, json={"query": query, "variables": variables or {}}).json()
                if answer.get("errors"):
                    raise SystemExit(f"{url}: {answer['errors'][0]['message']}")
                return answer
            return call

        found = ask('query($q: String!) { search(q: $q, first: 1) { nodes { node { id } } } }', {"q": args.name})()
        person = found["data"]["search"]["nodes"][0]["node"]["id"]
        rows = [
            ("`{ __typename }` over HTTP (no statement)", percentiles(ask("{ __typename }"), args.requests)),
            ("`person(id:) { name }` over HTTP (one statement)",
             percentiles(ask("query($id: ID!) { person(id: $id) { name } }", {"id": person}), args.requests)),
            ("that statement alone, `Database.read`", percentiles(lambda: db.read(ONE_STATEMENT, id=person), args.requests)),
            ("that statement alone, `driver.execute_query` (read routing)",
             percentiles(lambda: db.driver.execute_query(ONE_STATEMENT, id=person, routing_="r",
                                                         database_=db.database), args.requests)),
            ("`queries/person-profile.graphql` over HTTP", percentiles(ask(profile, {"id": person}), args.requests)),
        ]
    db.close()
    print(f"\nbench/api_overhead.py: {url}, {args.requests} requests each\n")
    print("| request | p50 | p99 |\n|---|---|---|")
    for name, figures in rows:
        print(f"| {name} | {figures} |")


if __name__ == "__main__":
    main()
