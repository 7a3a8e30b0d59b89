"""Faults (issue 13): what a careful operator does to the service, and what must survive it.
Prints one table: per scenario, the runs, facts lost (must be 0), duplicates (0), requests
answered without an `extensions.code` (0), error rate, p99 latency and the API's memory
before and after.

    .venv/bin/python bench/faults.py                          # 10k people, readers for 60 s
    .venv/bin/python bench/faults.py --people 100000 --seconds 300 --readers 16   # the issue's size

Scenarios, against a synthetic graph built once under .kg/bench-faults-<people>/ (own
Neo4j, own port; the seed's articles and rosters loaded too, so every queries/ document
has something to find):

- kill -9 of the loader mid-load / of Neo4j mid-load: `kg load roster` is killed (or its
  Neo4j is) once it prints that it is writing; then nothing may be half-written (the
  source whole or absent), no fact that was committed before may be missing, and loading
  the roster again must work and give it whole.
- kill -9 of the merger mid-merge / of Neo4j mid-merge: `kg dedupe merge` of two records
  killed at a random moment (or Neo4j under it): the merge landed whole or not at all.
- concurrent overlapping loads: two `kg load roster` processes at once, rosters sharing
  half their people: every shared person must be one node (duplicates count those that
  became two), no fact doubled.
- load + merge race: a roster of people already in the graph loads while another process
  merges pairs of exactly those people: no ghost (a live record under an absorbed id), no
  two nodes with one id.
- Neo4j down under 16 clients: every answer carries a code and no driver text.
- readers: N clients for S seconds on the queries/ mix (sampled variables, as bench/api.py).

The integrity checks count the whole graph once at the end of each scenario (not per run).
"Facts lost" compares the fact entries (type, both ends followed to their survivors,
source, locator) present before a fault with those after recovery. "Duplicates" adds the
integrity checks of graph/integrity.py (ids on two nodes, ghosts, parallel facts, doubled
entries, doubled sources) to what the scenario itself counts.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.api import Server, bench_settings, build, draw_sample, percentile, questions, start_api  # noqa: E402
from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT, Settings  # noqa: E402
from graph.db import Database  # noqa: E402
from graph.integrity import violations  # noqa: E402

KG = [sys.executable, "-m", "api.cli"]
START_TIMEOUT = 900  # a restart after kill -9 recovers the store; on a busy 2-core machine that takes minutes
DRIVER_TEXT = ("neo4j", "bolt", "Neo.", "ServiceUnavailable", "Couldn't connect", "Connection refused", "Traceback")


@dataclass
class Row:
    scenario: str
    runs: int = 0
    lost: int = 0
    duplicates: int = 0
    uncoded: int | None = None
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    mem: tuple[float, float] | None = None
    notes: list[str] = field(default_factory=list)

    def cells(self) -> list[str]:
        rate = f"{self.errors / self.requests:.1%}" if self.requests else "—"
        p99 = f"{percentile(self.latencies, 99) * 1000:.0f} ms" if self.latencies else "—"
        mem = f"{self.mem[0]:.0f} → {self.mem[1]:.0f} MB" if self.mem else "—"
        uncoded = "—" if self.uncoded is None else str(self.uncoded)
        return [self.scenario, str(self.runs), str(self.lost), str(self.duplicates), uncoded, rate, p99, mem]


# ---------------------------------------------------------------- the graph and its checks


def ensure(people: int, heap: str, pagecache: str, rebuild: bool) -> tuple[Settings, Database]:
    import shutil

    from graph.loaders.seed import load_seed
    from graph.schema.migrations import migrate

    size = f"faults-{people}"
    settings = bench_settings(size, heap, pagecache)
    home = settings.home
    if rebuild:
        neo4j_server.stop(settings)
        shutil.rmtree(home, ignore_errors=True)
        settings = bench_settings(size, heap, pagecache)
    neo4j_server.start(settings, timeout_s=START_TIMEOUT, progress=False)
    db = Database(settings)
    migrate(db)
    done = home / "built"
    if not done.exists():
        print(f"building {people:,} people under {home} …", flush=True)
        build(db, people)
        list(load_seed(db, CHECKOUT / "seed"))
        done.write_text("built\n")
    return settings, db


_ENTRIES = """
MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) <> 'MENTIONS'
UNWIND range(0, size(coalesce(r.sourceIds, [])) - 1) AS i
RETURN type(r) AS t, a.id AS a, b.id AS b, r.sourceIds[i] AS s, coalesce(r.locators[i], '') AS l
"""
_SURVIVORS = "MATCH (x:Absorbed) RETURN x.id AS id, x.mergedInto AS into"


def entries(db: Database) -> set[tuple[str, str, str, str, str]]:
    """Every fact entry, its ends followed to the records they are now."""
    into = {r["id"]: r["into"] for r in db.read(_SURVIVORS, timeout=300)}
    return {(r["t"], into.get(r["a"], r["a"]), into.get(r["b"], r["b"]), r["s"], r["l"])
            for r in db.read(_ENTRIES, timeout=300)}


def lost(db: Database, before: set[tuple[str, str, str, str, str]]) -> int:
    into = {r["id"]: r["into"] for r in db.read(_SURVIVORS, timeout=300)}
    now = entries(db)
    return sum(1 for t, a, b, s, l in before if (t, into.get(a, a), into.get(b, b), s, l) not in now)


def broken(db: Database) -> int:
    return sum(violations(db).values())


def source_state(db: Database, source_id: str) -> int:
    """How many fact entries carry this source (0 when it is absent)."""
    rows = db.read("MATCH (:Entity)-[r]->(:Entity) WHERE $s IN r.sourceIds RETURN count(r) AS n", s=source_id)
    return rows[0]["n"]


def kg(settings: Settings, *args: str, **popen: Any) -> subprocess.Popen:
    env = dict(os.environ, KG_HOME=str(settings.home), KG_NEO4J_PORT=str(settings.neo4j_port))
    return subprocess.Popen([*KG, *args], env=env, cwd=CHECKOUT, text=True, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def kg_done(settings: Settings, *args: str, timeout: float = 1200) -> subprocess.CompletedProcess[str]:
    proc = kg(settings, *args)
    out, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def wait_for(proc: subprocess.Popen, marker: str, timeout: float = 600) -> bool:
    """Reads the process's stderr until a line contains `marker` (True) or it ends (False)."""
    assert proc.stderr is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            return False
        if marker in line:
            return True
    return False


def restart_neo4j(settings: Settings) -> None:
    pid = neo4j_server.running_pid(neo4j_server.Layout(settings.home))
    if pid:
        os.kill(pid, signal.SIGKILL)
        for _ in range(100):
            try:
                os.kill(pid, 0)
                time.sleep(0.1)
            except ProcessLookupError:
                break
    neo4j_server.start(settings, timeout_s=START_TIMEOUT, progress=False)


RUN_STAMP = f"{int(time.time()) % 1_000_000:06d}-"
"""Part of every record id this run writes: a roster's record id names one person for good
(the loader matches a row by `file:id` before its name), so a second run on the same store
must not reuse the first run's ids for its new people."""


def fresh_roster(path: Path, rows: int, seed: int, taken: set[str], prefix: str) -> list[dict[str, str]]:
    """A roster of people the graph does not hold: generated rows given unique names made
    of characters the generator never uses, mentors dropped."""
    from bench.synthetic import HEADER, generate_roster_rows, write_csv

    rng = random.Random(seed)
    prefix += RUN_STAMP  # record ids a store kept from an earlier run would match these rows by id
    pool = "".join(sorted(set("岚泓珩琰璟瑾骁翊昶煜暄炜珂玥琪瑶璇曦昀晗澄沅泠汐淇湉滢潆濯熠烨焜炘燊琛珏瑜璋瑄琨珺琬瑗璐玹珞瑭")))
    out = []
    for row in generate_roster_rows(rows, seed=seed, id_prefix=prefix):
        while True:
            name = rng.choice(["欧阳", "司马", "上官", "诸葛", "东方"]) + rng.choice(pool) + rng.choice(pool)
            if name not in taken:
                taken.add(name)
                break
        out.append(dict(row, 姓名=name, 师傅=""))
    write_csv(path, out, header=HEADER)
    return out


# ---------------------------------------------------------------- scenarios


def kill_mid_load(settings: Settings, db: Database, tmp: Path, rows: int, runs: int, victim: str,
                  taken: set[str]) -> Row:
    from graph import identity

    row = Row(f"kill -9 {victim} mid-load ({rows:,} rows)")
    for run in range(runs):
        path = tmp / f"killed-load-{victim}-{run}.csv"
        fresh_roster(path, rows, seed=500 + run + (100 if victim == "Neo4j" else 0), taken=taken,
                     prefix=f"K{run}{victim[0]}-")
        source_id = f"roster_{identity.content_hash(path.read_bytes())[:12]}"
        before = entries(db)
        proc = kg(settings, "load", "roster", str(path))
        writing = wait_for(proc, "writing")
        time.sleep(random.Random(run).uniform(0.05, 0.6))  # somewhere in the write transaction
        if victim == "loader":
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        else:
            restart_neo4j(settings)
            proc.wait(timeout=300)
        row.runs += 1
        if not writing:
            row.notes.append(f"run {run}: the load ended before it wrote")
        # whole or absent: a source with some but not all of its facts would be half-written
        landed = source_state(db, source_id)
        again = kg_done(settings, "load", "roster", str(path))
        if again.returncode != 0:
            row.notes.append(f"run {run}: reload failed: {again.stderr.strip()[-200:]}")
            row.lost += 1
        whole = source_state(db, source_id)
        if landed not in (0, whole):
            row.notes.append(f"run {run}: half-written ({landed} of {whole} facts)")
            row.lost += whole - landed
        row.lost += lost(db, before)
    row.duplicates += broken(db)
    return row


def _merge_groups(db: Database, n: int, size: int, seed: int) -> list[list[str]]:
    """n groups of `size` people to merge at once (a larger merge holds its transaction longer,
    so a kill lands inside it more often)."""
    ids = db.read("MATCH (p:Person) WHERE p.id STARTS WITH 'person_' WITH p ORDER BY p.id "
                  "RETURN collect(p.id)[..4000] AS ids")[0]["ids"]
    rng = random.Random(seed)
    rng.shuffle(ids)
    return [ids[i * size:(i + 1) * size] for i in range(min(n, len(ids) // size))]


def kill_mid_merge(settings: Settings, db: Database, runs: int, victim: str, seed: int, size: int = 20) -> Row:
    """Times one whole `kg dedupe merge` first, then kills runs at moments spread over the
    last half of that time (the first half is the interpreter starting)."""
    row = Row(f"kill -9 {victim} mid-merge ({size} records a merge)")
    groups = _merge_groups(db, runs + 1, size, seed)
    t = time.perf_counter()
    timed = kg_done(settings, "dedupe", "merge", *groups[0])
    whole = time.perf_counter() - t
    row.notes.append(f"a whole merge takes {whole:.1f} s here (exit {timed.returncode})")
    for run, group in enumerate(groups[1:]):
        before = entries(db)
        proc = kg(settings, "dedupe", "merge", *group)
        time.sleep(random.Random(seed + run).uniform(0.5, 1.0) * whole)
        if victim == "merger":
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        else:
            restart_neo4j(settings)
            proc.wait(timeout=300)
        row.runs += 1
        state = db.read("UNWIND $ids AS id OPTIONAL MATCH (x:Absorbed {id: id}) OPTIONAL MATCH (p:Person {id: id}) "
                        "RETURN sum(CASE WHEN x IS NULL THEN 0 ELSE 1 END) AS absorbed, "
                        "sum(CASE WHEN p IS NULL THEN 0 ELSE 1 END) AS alive", ids=group[1:])[0]
        if state["absorbed"] not in (0, len(group) - 1) or state["absorbed"] + state["alive"] != len(group) - 1:
            row.notes.append(f"run {run}: half a merge ({state['absorbed']} absorbed, {state['alive']} alive)")
            row.duplicates += 1
        row.notes.append(f"run {run}: merge {'landed' if state['absorbed'] else 'did not land'}")
        row.lost += lost(db, before)
    row.duplicates += broken(db)
    return row


def concurrent_loads(settings: Settings, db: Database, tmp: Path, rows: int, runs: int, taken: set[str]) -> Row:
    from bench.synthetic import HEADER, write_csv

    row = Row(f"2 overlapping loads at once ({rows:,} rows each, half shared)")
    for run in range(runs):
        people = fresh_roster(tmp / f"all-{run}.csv", rows + rows // 2, seed=700 + run, taken=taken,
                              prefix=f"C{run}-")
        a, b = people[:rows], people[rows // 2:]
        paths = [tmp / f"office-a-{run}.csv", tmp / f"office-b-{run}.csv"]
        for path, part in zip(paths, (a, b)):
            write_csv(path, part, header=HEADER)
        before = entries(db)
        procs = [kg(settings, "load", "roster", str(p)) for p in paths]
        for proc in procs:
            out, err = proc.communicate(timeout=1200)
            if proc.returncode != 0:
                row.notes.append(f"run {run}: a load failed: {err.strip()[-200:]}")
        row.runs += 1
        shared = [r["姓名"] for r in people[rows // 2: rows]]
        counts = db.read("UNWIND $names AS name MATCH (p:Person {name: name}) "
                         "RETURN name, count(p) AS n", names=shared)
        row.duplicates += sum(r["n"] - 1 for r in counts) + (len(shared) - len(counts))
        row.lost += lost(db, before)
    row.duplicates += broken(db)
    return row


def load_merge_race(settings: Settings, db: Database, tmp: Path, rows: int, runs: int, taken: set[str]) -> Row:
    from bench.synthetic import HEADER, write_csv

    row = Row(f"load + merges racing ({rows:,} rows)")
    for run in range(runs):
        first = tmp / f"race-{run}" / "office.csv"
        first.parent.mkdir()
        people = fresh_roster(first, rows, seed=900 + run, taken=taken, prefix=f"R{run}-")
        done = kg_done(settings, "load", "roster", str(first))
        if done.returncode != 0:
            row.notes.append(f"run {run}: first load failed: {done.stderr.strip()[-200:]}")
            continue
        ids = [r["id"] for r in db.read(
            "MATCH (e:ExternalId)-[:IDENTIFIES]->(p:Person) WHERE e.key STARTS WITH 'office:' "
            "AND e.value STARTS WITH $prefix RETURN p.id AS id ORDER BY e.value", prefix=f"R{run}-")]
        # the office's next roster (same file name: its record ids find the same people), each row amended
        second = tmp / f"race-{run}-next" / "office.csv"
        second.parent.mkdir()
        write_csv(second, [dict(r, 行业=(r["行业"] or "") + "·复核") for r in people], header=HEADER)
        before = entries(db)
        stop = threading.Event()
        merged = []

        def merge_meanwhile() -> None:
            from graph.dedupe.merge import merge

            pairs = [(ids[i], ids[i + 1]) for i in range(0, len(ids) - 1, 2)]
            random.Random(run).shuffle(pairs)
            for a, b in pairs:
                if stop.is_set():
                    return
                try:
                    merge(db, [a, b], "bench-faults")
                    merged.append((a, b))
                except Exception as exc:  # noqa: BLE001 - a refused merge is an outcome, counted
                    row.notes.append(f"merge refused: {type(exc).__name__}")
                time.sleep(0.05)

        proc = kg(settings, "load", "roster", str(second))
        merger = threading.Thread(target=merge_meanwhile)
        merger.start()
        out, err = proc.communicate(timeout=1200)
        stop.set()
        merger.join()
        row.runs += 1
        if proc.returncode != 0:
            row.notes.append(f"run {run}: racing load failed: {err.strip()[-200:]}")
        row.notes.append(f"run {run}: {len(merged)} merges landed during the load")
        row.lost += lost(db, before)
    row.duplicates += broken(db)
    return row


def _post(client: Any, url: str, body: dict[str, Any]) -> tuple[float, dict[str, Any] | None, str]:
    t = time.perf_counter()
    try:
        response = client.post(url, content=json.dumps(body))
        text = response.text
        try:
            return time.perf_counter() - t, response.json(), text
        except ValueError:
            return time.perf_counter() - t, None, text
    except Exception as exc:  # noqa: BLE001 - a failed request is counted, not raised
        return time.perf_counter() - t, None, str(exc)


def _uncoded(answer: dict[str, Any] | None, text: str) -> bool:
    """An answer a client cannot act on: no JSON, or an error without a code, or driver text."""
    if answer is None:
        return True
    errors = answer.get("errors") or []
    for error in errors:
        if not (error.get("extensions") or {}).get("code"):
            return True
        if any(marker in error.get("message", "") for marker in DRIVER_TEXT):
            return True
    return False


def clients(api: Server, n: int, seconds: float | None, requests: int | None,
            ask: Callable[[random.Random], dict[str, Any]], row: Row, seed: int) -> None:
    """n threads asking until the time (or the number of requests each) is up."""
    import httpx

    lock = threading.Lock()
    deadline = time.monotonic() + (seconds or 1e9)

    def run(i: int) -> None:
        rng = random.Random(seed + i)
        with httpx.Client(timeout=120, headers={"content-type": "application/json"}) as client:
            done = 0
            while time.monotonic() < deadline and (requests is None or done < requests):
                seconds_taken, answer, text = _post(client, api.url, ask(rng))
                done += 1
                with lock:
                    row.requests += 1
                    row.latencies.append(seconds_taken)
                    if answer is None or answer.get("errors"):
                        row.errors += 1
                    if _uncoded(answer, text):
                        row.uncoded = (row.uncoded or 0) + 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    row.uncoded = row.uncoded or 0


def neo4j_down(settings: Settings, api: Server, n: int) -> Row:
    row = Row(f"Neo4j down, {n} clients at once")
    docs = {p.stem: p.read_text(encoding="utf-8") for p in (CHECKOUT / "queries").glob("*.graphql")}
    body = {"query": docs.get("search-by-pinyin") or next(iter(docs.values())), "variables": {"q": "zhang"}}
    before = api.rss_mb()
    pid = neo4j_server.running_pid(neo4j_server.Layout(settings.home))
    if pid:
        os.kill(pid, signal.SIGKILL)
        time.sleep(1)
    for _ in range(3):  # three waves of n simultaneous requests
        clients(api, n, None, 1, lambda rng: body, row, seed=1)
    row.runs = 3
    neo4j_server.start(settings, timeout_s=START_TIMEOUT, progress=False)
    row.mem = (before, api.rss_mb())
    return row


def readers(db: Database, api: Server, n: int, seconds: float) -> Row:
    row = Row(f"{n} readers for {seconds:.0f} s, queries/ mix")
    sample = draw_sample(db)
    qs = questions(sample)
    docs = {p.stem: p.read_text(encoding="utf-8") for p in (CHECKOUT / "queries").glob("*.graphql")}
    qs = [q for q in qs if q.doc in docs]

    def ask(rng: random.Random) -> dict[str, Any]:
        q = rng.choice(qs)
        return {"query": docs[q.doc], "variables": q.variables(rng)}

    before = api.rss_mb()
    clients(api, n, seconds, None, ask, row, seed=7)
    row.mem = (before, api.rss_mb())
    row.runs = 1
    return row


# ---------------------------------------------------------------- main


def table(rows: list[Row]) -> str:
    header = ["scenario", "runs", "facts lost", "duplicates", "requests without a code", "error rate", "p99",
              "API memory before → after"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=10_000, help="people in the synthetic graph")
    parser.add_argument("--seconds", type=float, default=60, help="how long the readers read")
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--rows", type=int, default=1000, help="rows of each roster the fault scenarios load")
    parser.add_argument("--runs", type=int, default=1, help="runs of each kill scenario")
    parser.add_argument("--heap", default="1g")
    parser.add_argument("--pagecache", default="1g")
    parser.add_argument("--workers", type=int, default=2, help="API worker processes")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", action="append", help="only scenarios whose name contains this (repeatable)")
    args = parser.parse_args()

    settings, db = ensure(args.people, args.heap, args.pagecache, args.rebuild)
    taken = {r["name"] for r in db.read("MATCH (p:Person) RETURN p.name AS name")}
    rows: list[Row] = []
    wanted = lambda name: not args.only or any(o in name for o in args.only)  # noqa: E731
    started = time.time()
    load = os.getloadavg()
    try:
        with tempfile.TemporaryDirectory() as tmp_name:
            tmp = Path(tmp_name)
            steps: list[tuple[str, Callable[[], Row]]] = [
                ("loader mid-load", lambda: kill_mid_load(settings, db, tmp, args.rows, args.runs, "loader", taken)),
                ("Neo4j mid-load", lambda: kill_mid_load(settings, db, tmp, args.rows, args.runs, "Neo4j", taken)),
                ("merger mid-merge", lambda: kill_mid_merge(settings, db, max(args.runs, 3), "merger", 41)),
                ("Neo4j mid-merge", lambda: kill_mid_merge(settings, db, args.runs, "Neo4j", 43)),
                ("overlapping loads", lambda: concurrent_loads(settings, db, tmp, args.rows, args.runs, taken)),
                ("load + merge", lambda: load_merge_race(settings, db, tmp, args.rows, args.runs, taken)),
            ]
            for name, step in steps:
                if wanted(name):
                    print(f"… {name}", flush=True)
                    try:
                        rows.append(step())
                    except Exception as exc:  # noqa: BLE001 - the table says which scenario could not run
                        rows.append(Row(f"{name}: could not run ({type(exc).__name__}: {str(exc).splitlines()[0]})"))
                        if not neo4j_server.status(settings).running:
                            neo4j_server.start(settings, timeout_s=START_TIMEOUT, progress=False)
                    print("  " + " | ".join(rows[-1].cells()), *rows[-1].notes[:6], sep="\n  ", flush=True)
            if wanted("readers") or wanted("Neo4j down"):
                api = start_api(settings, args.workers)
                try:
                    if wanted("readers"):
                        print(f"… {args.readers} readers for {args.seconds:.0f} s", flush=True)
                        rows.append(readers(db, api, args.readers, args.seconds))
                    if wanted("Neo4j down"):
                        print("… Neo4j down under 16 clients", flush=True)
                        rows.append(neo4j_down(settings, api, 16))
                finally:
                    api.close()
    finally:
        db.close()
        neo4j_server.stop(settings)
    print()
    print(table(rows))
    print(f"\n{args.people:,} people, {args.readers} readers for {args.seconds:.0f} s, rosters of {args.rows:,} "
          f"rows, {args.runs} run(s) per kill; {os.cpu_count()} CPUs, load average {load[0]:.1f} at the start; "
          f"{(time.time() - started) / 60:.0f} min")
    print("command: .venv/bin/python bench/faults.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
