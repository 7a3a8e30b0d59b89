"""The 100,000-row load of bench/loaders.py on copies of one prefilled store, every statement
of the measured load timed: to compare two versions of the code on the same data. (bench/
loaders.py fills a new graph each run, so its totals carry the prefill's variation too.)

    .venv/bin/python bench/load_ab.py prefill [--store DIR]        # once: a store of 100,000 people
    .venv/bin/python bench/load_ab.py run [--store DIR] [--label L]

`run` copies the store, starts Neo4j on the copy, warms it with a 20,000-row roster, then
loads the measured 100,000-row roster and prints the total, when its last statement ended
(what follows is the commit) and the statements that took longest. Run it from two checkouts
in turn with the same --store: the migrations of the newer one apply to its copy only.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loaders import bench_settings, rosters  # noqa: E402
from bench.synthetic import generate_roster_rows, write_csv  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT  # noqa: E402
from graph.db import Database, Tx  # noqa: E402
from graph.ingest import load_roster  # noqa: E402
from graph.schema.migrations import migrate  # noqa: E402


def prefill(store: Path) -> None:
    shutil.rmtree(store, ignore_errors=True)
    settings = bench_settings("6g", "2g", store / "home")
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    try:
        migrate(db)
        existing, _, _ = rosters(store, 100_000, 100_000, 0.3, 25_000)
        for path in existing:
            load_roster(db, path, skip_invalid=True)
        write_csv(store / "warm.csv", generate_roster_rows(20_000, seed=999, id_prefix="W"))
    finally:
        db.close()
        neo4j_server.stop(settings)


class StatementTimer:
    """Wraps `Tx.run` and `Tx.run_values` (each consumes its result) to sum the time of each
    statement, keyed by its first words."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        self.last_end = 0.0

    def install(self) -> None:
        for name in ("run", "run_values"):
            setattr(Tx, name, self._timed(getattr(Tx, name)))

    def _timed(self, original: Any) -> Any:
        def timed(tx: Tx, cypher: str, **params: Any) -> Any:
            t = time.perf_counter()
            try:
                return original(tx, cypher, **params)
            finally:
                self.last_end = time.perf_counter()
                key = " ".join(cypher.split())[:100]
                self.seconds[key] += self.last_end - t
                self.count[key] += 1
        return timed


def run(store: Path, label: str) -> None:
    copy = store.with_name(store.name + "-run")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store / "home", copy / "home", symlinks=True)
    settings = bench_settings("6g", "2g", copy / "home")
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    try:
        migrate(db)
        load_roster(db, store / "warm.csv", skip_invalid=True)
        timer = StatementTimer()
        timer.install()
        t0 = time.perf_counter()
        report = load_roster(db, store / "incoming.csv", skip_invalid=True)
        total = time.perf_counter() - t0
    finally:
        db.close()
        neo4j_server.stop(settings)
        shutil.rmtree(copy, ignore_errors=True)
    seconds = ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items())
    print(f"{label}: total {total:.1f} s ({seconds}); last statement ended at {timer.last_end - t0:.1f} s, "
          f"then {t0 + total - timer.last_end:.1f} s (the commit); Person created {report.created.get('Person', 0):,}, "
          f"sent to review {report.review:,}")
    for key, s in sorted(timer.seconds.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {s:6.2f} s  x{timer.count[key]:<3} {key}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["prefill", "run"])
    parser.add_argument("--store", type=Path, default=CHECKOUT / ".kg" / "bench-ab",
                        help="the prefilled store (give the same one from two checkouts)")
    parser.add_argument("--label", default=CHECKOUT.name)
    args = parser.parse_args()
    if args.step == "prefill":
        prefill(args.store)
    else:
        run(args.store, args.label)


if __name__ == "__main__":
    main()
