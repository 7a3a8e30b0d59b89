"""Graph measures at scale (issue 15): `kg analyze` on a graph of 100,000 people must finish
in under 5 minutes on this 2-core machine. Prints the time of each step, the command's
peak memory, the size of the projection, and how long `kg leads` then takes.

The graph is built like bench/loaders.py builds its prefill: synthetic rosters of 25,000
rows (bench/synthetic.py: units, mentors, studios, projects, villages) loaded through the
project's own roster loader. Runs its own Neo4j (own KG_HOME under .kg/, a free port),
stopped and removed afterwards unless --keep.
    .venv/bin/python bench/analyze.py [--people 100000] [--samples 256] [--keep] [--reuse]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loaders import free_port, table  # noqa: E402
from bench.synthetic import generate_roster_rows, write_csv  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT, Settings, load_settings  # noqa: E402
from graph.db import Database  # noqa: E402

BENCH_HOME = CHECKOUT / ".kg" / "bench-analyze"


def bench_settings(heap: str, pagecache: str, port: int) -> Settings:
    for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        os.environ.pop(k, None)
    os.environ.update({"KG_HOME": str(BENCH_HOME), "KG_NEO4J_PORT": str(port), "KG_NEO4J_HEAP": heap,
                       "KG_NEO4J_PAGECACHE": pagecache, "KG_TX_TIMEOUT": os.environ.get("KG_TX_TIMEOUT", "120")})
    settings = load_settings()
    ours = neo4j_server.Layout(CHECKOUT / ".kg").lib
    theirs = neo4j_server.Layout(settings.home).lib
    if (ours / ".complete").exists() and not theirs.exists():  # hard-link the jars, as the tests do
        shutil.copytree(ours, theirs, copy_function=os.link)
    return settings


def count_people(db: Database) -> int:
    return db.read("MATCH (p:Person) RETURN count(p) AS c")[0]["c"]


def fill(db: Database, target: int, chunk: int) -> float:
    """Rosters of `chunk` rows until the graph holds `target` people (a few rows of each
    roster match people already there: namesakes at the same unit)."""
    from graph.ingest import load_roster

    t0 = time.perf_counter()
    people = count_people(db)
    first_seed = 100 if people == 0 else 5000  # a top-up of a kept graph: people not yet in it
    with tempfile.TemporaryDirectory() as tmp:
        i = 0
        while people < target:
            seed = first_seed + i
            path = Path(tmp) / f"people-{seed}.csv"
            rows = min(chunk, int((target - people) * 1.05) + 10)
            write_csv(path, generate_roster_rows(rows, seed=seed, id_prefix=f"A{seed}-"))
            load_roster(db, path, skip_invalid=True)
            people = count_people(db)
            print(f"  {people:,} people ({time.perf_counter() - t0:.0f} s)", flush=True)
            i += 1
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=25_000, help="rows per roster")
    parser.add_argument("--samples", type=int, default=256, help="betweenness sources (kg analyze --samples)")
    parser.add_argument("--heap", default="4g")
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--port", type=int, default=0, help="Bolt port (default: a free one)")
    parser.add_argument("--keep", action="store_true", help="keep the instance and its graph afterwards")
    parser.add_argument("--reuse", action="store_true", help="use the graph a --keep run left")
    args = parser.parse_args()

    if not args.reuse:
        shutil.rmtree(BENCH_HOME, ignore_errors=True)
    port = args.port or free_port()
    settings = bench_settings(args.heap, args.pagecache, port)
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    try:
        from graph.schema.migrations import migrate

        migrate(db)
        loading = 0.0
        if count_people(db) < args.people:
            print(f"building a graph of {args.people:,} people …", flush=True)
            loading = fill(db, args.people, args.chunk)
        people = count_people(db)
        env = {**os.environ, "KG_HOME": str(BENCH_HOME), "KG_NEO4J_PORT": str(port)}
        print("kg analyze …", flush=True)
        t0 = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "api.cli", "analyze", "--samples", str(args.samples)],
                             cwd=CHECKOUT, env=env, capture_output=True, text=True)
        analyze_s = time.perf_counter() - t0
        sys.stderr.write(run.stderr)
        if run.returncode:
            raise SystemExit(f"kg analyze failed: {run.stderr.strip().splitlines()[-1:]}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        steps = dict(line.split(None, 1) for line in run.stdout.splitlines() if line.startswith("  "))
        t1 = time.perf_counter()
        leads = subprocess.run([sys.executable, "-m", "api.cli", "leads", "--format", "md", "--year", "2025"],
                               cwd=CHECKOUT, env=env, capture_output=True, text=True)
        leads_s = time.perf_counter() - t1
        counted = leads.stderr.strip().splitlines()[-1] if leads.stderr.strip() else ""
        links = db.read("MATCH (a:Analysis) WITH a ORDER BY a.at DESC LIMIT 1 "
                        "RETURN a.nodes AS n, a.edges AS e, a.communities AS c, a.sources AS s")[0]
    finally:
        db.close()
        if not args.keep:
            neo4j_server.stop(settings)
            shutil.rmtree(BENCH_HOME, ignore_errors=True)
    load = os.getloadavg()
    print(f"\nbench/analyze.py: kg analyze on a graph of {people:,} people "
          f"(2 cores, Neo4j heap {args.heap}, page cache {args.pagecache}; load average {load[0]:.1f})\n")
    print(table([
        ("graph built in", f"{loading:.0f} s" if loading else "reused"),
        ("projection", f"{links['n']:,} nodes, {links['e']:,} links (honors and regions left out)"),
        ("betweenness sources", f"{links['s']:,} (sampled, seed 42)"),
        ("communities (3 or more)", f"{links['c']:,}"),
        *[(f"  {k.strip()}", v.strip()) for k, v in steps.items()],
        ("kg analyze, total", f"{analyze_s:.1f} s   (goal < 300 s)"),
        ("kg analyze, peak memory", f"{peak:,.0f} MB (the command's process)"),
        ("kg leads --format md, total", f"{leads_s:.1f} s ({counted})"),
    ]))


if __name__ == "__main__":
    main()
