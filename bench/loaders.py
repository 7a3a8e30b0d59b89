"""Load speed (issue 3 item 10): a 100,000-row synthetic roster loaded, with matching on,
into a graph already holding 100,000 people. Prints rows per second, the Python
process's peak memory and the split between parsing, matching and writing.

The graph is filled by four rosters of 25,000 rows (each with its own mentors). The
measured roster overlaps them: a share of its rows are people already in the
graph (same name, unit and honors, some in traditional characters, own record ids), the
rest are new people — so the resolver has real matches and real namesakes to tell apart.

Runs its own Neo4j, like the tests: own KG_HOME under .kg/bench, a free port, removed
afterwards.
    .venv/bin/python bench/loaders.py [--rows 100000] [--people 100000] [--overlap 0.3] [--keep]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import generate_roster_rows, write_csv  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT, Settings, load_settings  # noqa: E402
from graph.db import Database  # noqa: E402
from graph.ingest import LoadReport, load_roster  # noqa: E402

BENCH_HOME = CHECKOUT / ".kg" / "bench"
TRADITIONAL = str.maketrans("张陈刘杨黄赵吴孙马郑谢韩冯邓肖东国华建军伟强红丽兰", "張陳劉楊黃趙吳孫馬鄭謝韓馮鄧蕭東國華建軍偉強紅麗蘭")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mb() -> float:
    """VmHWM of this process (reset by reset_peak_rss), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def bench_settings(heap: str, pagecache: str, home: Path = BENCH_HOME) -> Settings:
    """Settings of a bench's own instance (own home under .kg/, a free port), like
    tests/conftest.py builds the tests' one."""
    for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        os.environ.pop(k, None)
    os.environ.update({"KG_HOME": str(home), "KG_NEO4J_PORT": str(free_port()),
                       "KG_NEO4J_HEAP": heap, "KG_NEO4J_PAGECACHE": pagecache,
                       # the resolver's bulk reads use the default 10 s timeout; a loaded 2-core
                       # machine can exceed it on 25,000 external-id lookups
                       "KG_TX_TIMEOUT": os.environ.get("KG_TX_TIMEOUT", "120")})
    settings = load_settings()
    ours = neo4j_server.Layout(CHECKOUT / ".kg").lib
    theirs = neo4j_server.Layout(settings.home).lib
    if (ours / ".complete").exists() and not theirs.exists():  # hard-link the jars, as the tests do
        shutil.copytree(ours, theirs, copy_function=os.link)
    return settings


def rosters(tmp: Path, people: int, rows: int, overlap: float, chunk: int) -> tuple[list[Path], Path, dict[str, str]]:
    """The rosters that fill the graph (chunks of `chunk` rows, each with its own mentors),
    the incoming one (part of it the same people), and the truth: the record id of each
    incoming row that is a known person → the record id it has in the graph."""
    existing: list[tuple[str, dict[str, str]]] = []
    prefill: list[Path] = []
    for i, start in enumerate(range(0, people, chunk)):
        part = generate_roster_rows(min(chunk, people - start), seed=100 + i, id_prefix=f"A{i}-")
        prefill.append(tmp / f"existing-{i}.csv")
        write_csv(prefill[-1], part)
        existing += [(prefill[-1].stem, r) for r in part]
    rng = random.Random(2)
    chosen = rng.sample(existing, int(rows * overlap))
    again = [dict(r, 编号="R" + r["编号"], 师傅="",
                  姓名=r["姓名"].translate(TRADITIONAL) if rng.random() < 0.2 else r["姓名"]) for _, r in chosen]
    truth = {f"incoming:R{r['编号']}": f"{stem}:{r['编号']}" for stem, r in chosen}
    fresh = generate_roster_rows(rows - len(again), seed=2, id_prefix="B")
    incoming = fresh + again
    rng.shuffle(incoming)
    write_csv(tmp / "incoming.csv", incoming)
    return prefill, tmp / "incoming.csv", truth


def matching_quality(db: Database, truth: dict[str, str]) -> dict[str, int]:
    """How the incoming roster's people were decided, read from the graph: a known person
    merged with their record, offered with it for review, or neither; and the incoming rows
    merged into a person of another record. The fresh rows are people the generator drew
    independently, so one of them merged into a graph person is counted wrong, although a
    namesake with the same gender, region, birth year (±1) and national honor would more
    often be the same person in a real roster than in this generator."""
    records = db.read("MATCH (x:ExternalId)-[:IDENTIFIES]->(p:Person) RETURN x.key AS key, p.id AS id", timeout=300)
    node = {r["key"]: r["id"] for r in records}
    others: dict[str, set[str]] = {}
    for r in records:
        if not r["key"].startswith("incoming:"):
            others.setdefault(r["id"], set()).add(r["key"])
    offered = {frozenset(r["ids"]) for r in db.read(
        "MATCH (i:ReviewItem {status: 'open'})-[:CANDIDATE]->(p:Person) WITH i, collect(p.id) AS ids "
        "WHERE size(ids) = 2 RETURN ids", timeout=300)}
    out = {"known": len(truth), "merged": 0, "offered": 0, "missed": 0, "merges": 0, "wrong": 0}
    for key, at in node.items():
        if not key.startswith("incoming:"):
            continue
        known = truth.get(key)
        merged_with = others.get(at, set())
        if merged_with:
            out["merges"] += 1
            out["wrong"] += known not in merged_with
        if known is None:
            continue
        if known in merged_with:
            out["merged"] += 1
        elif frozenset((at, node.get(known))) in offered:
            out["offered"] += 1
        else:
            out["missed"] += 1
    return out


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"  {k.ljust(width)}  {v}" for k, v in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the measured roster")
    parser.add_argument("--people", type=int, default=100_000, help="people in the graph before")
    parser.add_argument("--overlap", type=float, default=0.3, help="share of rows that are known people")
    parser.add_argument("--chunk", type=int, default=25_000, help="rows per prefill roster")
    parser.add_argument("--heap", default="6g", help="Neo4j heap: one 100,000-row transaction needs > 1.4 GB")
    parser.add_argument("--pagecache", default="2g")
    parser.add_argument("--keep", action="store_true", help="keep .kg/bench afterwards")
    args = parser.parse_args()

    shutil.rmtree(BENCH_HOME, ignore_errors=True)
    settings = bench_settings(args.heap, args.pagecache)
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    try:
        from graph.schema.migrations import migrate

        migrate(db)
        with tempfile.TemporaryDirectory() as tmp:
            existing, incoming, truth = rosters(Path(tmp), args.people, args.rows, args.overlap, args.chunk)
            t0 = time.perf_counter()
            prefill_report = LoadReport(source_id="prefill", title="prefill")
            for path in existing:
                part = load_roster(db, path, skip_invalid=True)
                for k, v in part.seconds.items():
                    prefill_report.seconds[k] = prefill_report.seconds.get(k, 0) + v
            prefill = time.perf_counter() - t0
            before = db.read("MATCH (p:Person) RETURN count(p) AS c")[0]["c"]
            prefill_peak = peak_rss_mb()
            reset_peak_rss()
            t1 = time.perf_counter()
            report = load_roster(db, incoming, skip_invalid=True)
            total = time.perf_counter() - t1
            peak = peak_rss_mb()
            after = db.read("MATCH (p:Person) RETURN count(p) AS c")[0]["c"]
            quality = matching_quality(db, truth)
    finally:
        db.close()
        neo4j_server.stop(settings)
        if not args.keep:
            shutil.rmtree(BENCH_HOME, ignore_errors=True)
    print(f"\nbench/loaders.py: a {args.rows:,}-row roster into a graph of {before:,} people "
          f"(2 cores, Neo4j heap {args.heap}, page cache {args.pagecache})\n")
    print(table([
        ("prefill", _split(prefill_report, prefill, args.people) + f" in {len(existing)} rosters"),
        ("  peak memory during prefill", f"{prefill_peak:,.0f} MB"),
        ("people before / after", f"{before:,} / {after:,}"),
        ("rows loaded (known people)", f"{args.rows:,} ({len(truth):,})"),
        ("total time", f"{total:.1f} s   (goal ≤ 60 s)"),
        ("rows per second", f"{args.rows / total:,.0f}"),
        ("  parsing + validation", f"{report.seconds.get('parsing', 0):.1f} s"),
        ("  matching and writing (one transaction)", f"{report.seconds.get('matching and writing', 0):.1f} s"),
        ("    of which matching (beside the write)", f"{report.seconds.get('matching', 0):.1f} s"),
        ("  other (dedupe check …)",
         f"{total - report.seconds.get('parsing', 0) - report.seconds.get('matching and writing', 0):.1f} s"),
        ("Person created / matched", f"{report.created['Person']:,} / {report.matched['Person']:,}"),
        ("sent to review", f"{report.review:,}"),
        ("rows rejected", f"{report.rejected:,}"),
        ("peak memory, Python process", f"{peak:,.0f} MB   (goal < 1,536 MB)"),
        ("known people merged with their record", _share(quality["merged"], quality["known"])),
        ("  offered with it for review", _share(quality["offered"], quality["known"])),
        ("  neither (missed)", _share(quality["missed"], quality["known"])),
        ("merged-or-suggested recall", f"{(quality['merged'] + quality['offered']) / max(1, quality['known']):.3f}"
                                       "   (issue 9's goal ≥ 0.98)"),
        ("automatic merges: precision", f"{1 - quality['wrong'] / max(1, quality['merges']):.3f} "
                                        f"({quality['wrong']:,} wrong of {quality['merges']:,}; see matching_quality)"),
    ]))


def _share(part: int, whole: int) -> str:
    return f"{part:,} of {whole:,} ({part / max(1, whole):.1%})"


def _split(report: LoadReport, total: float, rows: int) -> str:
    s = report.seconds
    return (f"{rows:,} rows in {total:.1f} s (parse {s.get('parsing', 0):.1f}, "
            f"match and write {s.get('matching and writing', 0):.1f}, of which matching {s.get('matching', 0):.1f})")


if __name__ == "__main__":
    main()
