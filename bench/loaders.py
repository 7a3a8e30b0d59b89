"""Load speed: a 100,000-row synthetic roster into a graph already holding 100,000 people,
with matching on, in one transaction. Prints rows per second, the Python process's peak
memory and the time split between parsing, matching and writing.

Runs its own Neo4j (own KG_HOME under .kg/bench, a free port), removed afterwards.
    .venv/bin/python bench/loaders.py [--rows 100000]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate_roster_rows, write_csv  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT, load_settings  # noqa: E402
from graph.db import Database  # noqa: E402
from graph.schema.migrations import migrate  # noqa: E402
from graph.writer import load_roster  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    home = CHECKOUT / ".kg" / "bench"
    shutil.rmtree(home, ignore_errors=True)
    os.environ.update({"KG_HOME": str(home), "KG_NEO4J_PORT": str(free_port()),
                       "KG_NEO4J_HEAP": "4g", "KG_NEO4J_PAGECACHE": "2g"})
    for k in ("NEO4J_URI", "NEO4J_PASSWORD"):
        os.environ.pop(k, None)
    settings = load_settings()
    ours = CHECKOUT / ".kg" / f"neo4j-{neo4j_server.NEO4J_VERSION}" / "lib"
    if (ours / ".complete").exists():
        shutil.copytree(ours, neo4j_server.Layout(home).lib, copy_function=os.link)
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    try:
        migrate(db)
        with tempfile.TemporaryDirectory() as tmp:
            existing = Path(tmp) / "existing.csv"
            incoming = Path(tmp) / "incoming.csv"
            write_csv(existing, generate_roster_rows(args.rows, seed=1, id_prefix="A"))
            # the second roster: new people, plus a tenth of the first roster's people again
            again = generate_roster_rows(args.rows // 10, seed=1, id_prefix="A")
            write_csv(incoming, generate_roster_rows(args.rows - len(again), seed=2, id_prefix="B") + again)
            t0 = time.perf_counter()
            load_roster(db, existing, skip_invalid=True)
            prefill = time.perf_counter() - t0
            people = db.read("MATCH (p:Person) RETURN count(p) AS c")[0]["c"]
            t1 = time.perf_counter()
            report = load_roster(db, incoming, skip_invalid=True)
            total = time.perf_counter() - t1
    finally:
        db.close()
        neo4j_server.stop(settings)
        shutil.rmtree(home, ignore_errors=True)
    s = report.seconds
    rows = [
        ("graph before the load", f"{people:,} people (prefilled in {prefill:.1f} s)"),
        ("rows loaded", f"{args.rows:,}"),
        ("total time", f"{total:.1f} s   (goal ≤ 60 s)"),
        ("rows per second", f"{args.rows / total:,.0f}"),
        ("  parsing + validation", f"{s.get('parsing', 0):.1f} s"),
        ("  matching (resolution)", f"{s.get('matching', 0):.1f} s"),
        ("  writing (one transaction)", f"{s.get('writing', 0):.1f} s"),
        ("created / matched / review", f"{sum(report.created.values()):,} / {sum(report.matched.values()):,} / "
                                       f"{report.review:,}"),
        ("rows rejected", f"{report.rejected:,}"),
        ("peak memory, Python process", f"{peak_rss_mb():,.0f} MB   (goal < 1,536 MB)"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"\nbench/loaders.py — {args.rows:,}-row roster into a graph of {people:,} people\n")
    for k, v in rows:
        print(f"  {k.ljust(width)}  {v}")


if __name__ == "__main__":
    main()
