"""The 100,000-row load of bench/loaders.py on copies of one prefilled store, every statement
of the measured load timed: to compare two versions of the code on the same data. (bench/
loaders.py fills a new graph each run, so its totals carry the prefill's variation too.)

    .venv/bin/python bench/load_ab.py prefill [--store DIR]        # once: a store of 100,000 people
    .venv/bin/python bench/load_ab.py run [--store DIR] [--label L] [--commit-per-stage]

`run` copies the store, starts Neo4j on the copy, warms it with a 20,000-row roster, then
loads the measured 100,000-row roster and prints the total, when its last statement ended
(what follows is the commit), the CPU this process and Neo4j's threads used (statements,
garbage collection, JIT) and the statements that took longest. Run it from two checkouts
in turn with the same --store: the migrations of the newer one apply to its copy only.

`--commit-per-stage` is a probe of batched commits, not a way to load: the measured roster is
written one transaction per stage of resolution, with nothing hiding the stages already
committed from readers (a real design would need a pending mark), to see what overlapping the
commits with matching gives on this machine (bench/README.md, issue 9, stop 26).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.loaders import bench_settings, rosters  # noqa: E402
from bench.synthetic import generate_roster_rows, write_csv  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT  # noqa: E402
from graph.db import Database, Tx  # noqa: E402
from graph import ingest, writer  # noqa: E402
from graph.facts import Extraction  # noqa: E402
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


def _commit_per_stage(measured: str) -> None:
    """Makes the load of the source named `measured` commit each stage of its resolution in a
    transaction of its own (the probe behind `--commit-per-stage`: the write lock per stage, not
    across them; no pending mark; a retried stage would find its resolution and facts already
    marked written by its failed attempt)."""
    one_transaction = ingest.write_source

    def write_source(db: Database, source: Any, extraction: Extraction, *args: Any, **kwargs: Any) -> Any:
        if source.name != measured:
            return one_transaction(db, source, extraction, *args, **kwargs)
        report = ingest.LoadReport(source_id=source.id, title=source.name)
        t0 = time.perf_counter()
        with ingest._cycle_collection_paused():
            resolving = ingest._Resolving(db, source, extraction, None, False)
            written = writer.Written(waiting=resolving.extraction.facts)
            db.write_tx(lambda tx: writer.create_source(tx, source), timeout=600)
            for stage in resolving:
                db.write_tx(lambda tx, stage=stage: writer.write_stage(tx, source, resolving.extraction, stage, written),
                            timeout=600)
            db.write_tx(lambda tx: writer._write_aggregates(tx, source, resolving.extraction), timeout=600)
        report.seconds["matching"] = resolving.seconds
        report.seconds["matching and writing"] = time.perf_counter() - t0
        ingest._count(report, ingest._Resolution(resolving.extraction, written.resolved))
        return report

    ingest.write_source = write_source


NEO4J_THREADS = {"neo4j.Bolt": "Bolt (statements, commit)", "GC Thread": "garbage collection",
                 "G1 ": "garbage collection", "C1 Compiler": "JIT compilers", "C2 Compiler": "JIT compilers"}
"""Neo4j's threads by what their names begin with (Linux shows the first 15 characters)."""


def _neo4j_cpu(pid: int) -> Counter[str]:
    """User and system CPU seconds Neo4j's threads have used so far, by what they do (NEO4J_THREADS)."""
    out: Counter[str] = Counter()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:  # the thread ended meanwhile
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 1:].split()
        kind = next((v for k, v in NEO4J_THREADS.items() if name.startswith(k)), "other")
        out[kind] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def run(store: Path, label: str, commit_per_stage: bool = False) -> None:
    if commit_per_stage:
        _commit_per_stage("incoming")
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
        neo4j_pid = neo4j_server.running_pid(neo4j_server.Layout(settings.home))
        assert neo4j_pid is not None
        cpu0 = time.process_time(), _neo4j_cpu(neo4j_pid)
        t0 = time.perf_counter()
        report = load_roster(db, store / "incoming.csv", skip_invalid=True)
        total = time.perf_counter() - t0
        python_cpu, neo4j_cpu = time.process_time() - cpu0[0], _neo4j_cpu(neo4j_pid) - cpu0[1]
    finally:
        db.close()
        neo4j_server.stop(settings)
        shutil.rmtree(copy, ignore_errors=True)
    seconds = ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items())
    print(f"{label}: total {total:.1f} s ({seconds}); last statement ended at {timer.last_end - t0:.1f} s, "
          f"then {t0 + total - timer.last_end:.1f} s (the commit); Person created {report.created.get('Person', 0):,}, "
          f"sent to review {report.review:,}")
    print(f"  CPU: this process {python_cpu:.1f} s; Neo4j {neo4j_cpu.total():.1f} s ("
          + ", ".join(f"{k} {v:.1f}" for k, v in neo4j_cpu.most_common()) + ")")
    for key, s in sorted(timer.seconds.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {s:6.2f} s  x{timer.count[key]:<3} {key}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["prefill", "run"])
    parser.add_argument("--store", type=Path, default=CHECKOUT / ".kg" / "bench-ab",
                        help="the prefilled store (give the same one from two checkouts)")
    parser.add_argument("--label", default=CHECKOUT.name)
    parser.add_argument("--commit-per-stage", action="store_true",
                        help="probe: one transaction per stage of the measured load (see the docstring)")
    args = parser.parse_args()
    if args.step == "prefill":
        prefill(args.store)
    else:
        run(args.store, args.label, args.commit_per_stage)


if __name__ == "__main__":
    main()
