"""Two versions of the API on one graph, over HTTP, requests alternating between them: to see
what a change does to one `queries/` document when the machine's drift is larger than the
change (bench/api.py runs one version at a time, minutes apart).

    git worktree add /tmp/wt-base <base rev>
    .venv/bin/python bench/api_ab.py lineage /tmp/wt-base [--requests 2000] [--size 100k]
    .venv/bin/python bench/api_ab.py article-contents /tmp/wt-base --subject Article
    .venv/bin/python bench/api_ab.py people-by-filters /tmp/wt-base \
        --variables '{"region": ["嘉兴市", "桐乡市"], "level": "NATIONAL", "first": 20}'

Both servers run one worker each from their own checkout (this one's and the base's, with this
checkout's virtualenv) against bench/api.py's graph of that size (build it first with
`bench/api.py --size 100k --build-only`); ids are people with mentees (or nodes of
`--subject`), drawn with a fixed seed; or, with `--variables`, those variables (a list is a
choice, drawn the same way);
one client at concurrency 1 asks each id of both, in alternating order; the first 10% of the
requests are warm-up. Prints p50 / p90 / p99 / mean per version.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402

from bench.api import QUERIES, Server, bench_settings, free_port  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT, Settings  # noqa: E402
from graph.db import Database  # noqa: E402


def start(settings: Settings, checkout: Path, label: str) -> Server:
    """`kg serve` with one worker, the code of `checkout` first on the path."""
    port = free_port()
    env = dict(os.environ, KG_HOME=str(settings.home), KG_NEO4J_PORT=str(settings.neo4j_port),
               KG_PORT=str(port), KG_TX_TIMEOUT="60")
    code = f"import sys; sys.path[:1] = [{str(checkout)!r}]; from api.cli import main; sys.exit(main())"
    return Server([sys.executable, "-c", code, "serve", "--workers", "1", "--log-level", "warning"], env,
                  f"http://127.0.0.1:{port}/graphql", f"http://127.0.0.1:{port}/healthz", label)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("document", help="a queries/ document taking $id")
    parser.add_argument("--subject", default="Person", help="whose ids $id takes: Person (people with mentees), "
                                                            "Article, Unit …")
    parser.add_argument("base", type=Path, help="the checkout of the base version")
    parser.add_argument("--requests", type=int, default=2000, help="per version")
    parser.add_argument("--size", default="100k")
    parser.add_argument("--variables", type=json.loads, help="the document's variables as JSON, instead of $id; "
                                                             "a list is a choice drawn for each request")
    args = parser.parse_args()
    settings = bench_settings(args.size, "3g", "3g")
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    try:
        among = "(n:Person)-[:MENTORS]->()" if args.subject == "Person" else f"(n:{args.subject})"
        ids = [r["id"] for r in db.read(f"MATCH {among} WITH DISTINCT n LIMIT 400 RETURN n.id AS id")]
    finally:
        db.close()
    servers = {"this checkout": start(settings, CHECKOUT, "this checkout"),
               "base": start(settings, args.base.resolve(), "base")}
    document = (QUERIES / f"{args.document}.graphql").read_text(encoding="utf-8")
    seconds: dict[str, list[float]] = {k: [] for k in servers}
    rng = random.Random(5)
    try:
        with httpx.Client(timeout=120) as client:  # a cold first request may take seconds
            for n in range(args.requests):
                variables = ({k: rng.choice(v) if isinstance(v, list) else v for k, v in args.variables.items()}
                             if args.variables else {"id": rng.choice(ids)})
                for label in (list(servers) if n % 2 else list(reversed(servers))):
                    t = time.perf_counter()
                    answer = client.post(servers[label].url, json={"query": document, "variables": variables})
                    seconds[label].append(time.perf_counter() - t)
                    assert answer.status_code == 200 and "errors" not in answer.json(), answer.text[:300]
    finally:
        for server in servers.values():
            server.close()
        neo4j_server.stop(settings)
    print(f"{args.document}, {args.size}, {args.requests} requests each, alternating, concurrency 1:")
    for label, times in seconds.items():
        kept = [t * 1000 for t in times[len(times) // 10:]]
        q = statistics.quantiles(kept, n=100)
        print(f"  {label:14s} p50 {statistics.median(kept):6.2f} ms   p90 {q[89]:6.2f}   p99 {q[98]:6.2f}   "
              f"mean {statistics.mean(kept):6.2f}")


if __name__ == "__main__":
    main()
