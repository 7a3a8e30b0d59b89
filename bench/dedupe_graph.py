"""Benchmark of dedupe over the graph: incremental check, merge and undo at 100,000 people.

    .venv/bin/python bench/dedupe_graph.py [--people 100000] [--article-names 40] [--no-scan]

Runs its own Neo4j (own KG_HOME under .kg/bench-dedupe and a free port, never the
user's data), fills it with generated people, units and honors in the shape of
docs/graph-model.md, then times:
- the incremental check of one new article's names (graph/dedupe/candidates.py: check_new): goal < 1 s;
- a merge and its undo on the big graph;
- the whole-graph scan (load records with context + blocking.scan): goal 60 s, 2 GB.
Prints a table. Deterministic (seeded).
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import secrets
import shutil
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.config import CHECKOUT, load_settings  # noqa: E402

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉力斌海波宁春林云峰东良亮金福德荣新宝宏庆晓燕鹏飞雪梅松健彬瑞凯浩")
REGIONS = ["南湖区", "秀洲区", "嘉善县", "平湖市", "海盐县", "海宁市", "桐乡市"]
HONORS = ["全国劳动模范", "浙江省劳动模范", "嘉兴市劳动模范", "全国五一劳动奖章", "浙江工匠", "嘉兴良匠"]
TRADES = ["供电公司", "人民医院", "实验学校", "化纤有限公司", "机械制造有限公司", "农业合作社", "建设集团"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_settings():
    home = CHECKOUT / ".kg" / "bench-dedupe"
    os.environ.update({"KG_HOME": str(home), "KG_NEO4J_PORT": str(_free_port()),
                       "KG_NEO4J_HEAP": "2g", "KG_NEO4J_PAGECACHE": "1g"})
    for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        os.environ.pop(k, None)
    settings = load_settings()
    if not settings.password_file.exists():
        # hex, never a leading "-" (which neo4j-admin would read as an option)
        settings.home.mkdir(parents=True, exist_ok=True)
        fd = os.open(settings.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(16) + "\n")
    from graph.neo4j_server import Layout

    ours, theirs = Layout(CHECKOUT / ".kg").lib, Layout(settings.home).lib
    if (ours / ".complete").exists() and not theirs.exists():
        shutil.copytree(ours, theirs, copy_function=os.link)
    return settings


def generate(rng: random.Random, people: int) -> tuple[list[dict], list[dict], list[dict]]:
    """People (with the derived matching keys), units, and each person's facts."""
    from graph import identity

    units = []
    for i in range(max(50, people // 100)):
        name = f"嘉兴{rng.choice(['南湖', '秀洲', '海宁', '桐乡', '平湖'])}{rng.choice(TRADES)}{i}"
        units.append({"id": f"unit_{i:012x}", "name": name, "props": identity.matching_props("Unit", name)})
    persons, facts = [], []
    cache: dict[str, dict] = {}
    for i in range(people):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
        props = cache.get(name)
        if props is None:
            props = cache[name] = identity.matching_props("Person", name)
        pid = f"person_{i:012x}"
        persons.append({"id": pid, "name": name, "props": {
            **props, "gender": rng.choice("男女"), "birthYear": rng.randint(1950, 2000),
            "region": rng.choice(REGIONS)}})
        facts.append({"p": pid, "u": rng.choice(units)["id"], "h": rng.randrange(len(HONORS)),
                      "year": rng.randint(1990, 2024)})
    return persons, units, facts


def load(db, persons: list[dict], units: list[dict], facts: list[dict]) -> None:
    from graph import identity

    db.write("CREATE (:Article:Source {id: 'article_bench00000000', hash: 'bench', title: 'bench'})")
    honors = [{"id": identity.keyed_id("Honor", h), "name": h} for h in HONORS]
    db.write("UNWIND $rows AS r CREATE (h:Honor:Entity {id: r.id, name: r.name, aliases: [r.name]})", rows=honors)
    db.write("UNWIND $rows AS r CREATE (u:Unit:Entity {id: r.id, name: r.name, aliases: [r.name], aliasText: r.name}) "
             "SET u += r.props", rows=units)
    step = 10_000
    for start in range(0, len(persons), step):
        db.write(
            "UNWIND $rows AS r CREATE (p:Person:Entity {id: r.id, name: r.name, aliases: [r.name], aliasText: ' ' + r.name}) "
            "SET p += r.props, p.createdAt = datetime()",
            rows=persons[start:start + step], timeout=300)
        rows = [{**f, "h": honors[f["h"]]["id"]} for f in facts[start:start + step]]
        db.write(
            "UNWIND $rows AS r MATCH (p:Person {id: r.p}) MATCH (u:Unit {id: r.u}) MATCH (h:Honor {id: r.h}) "
            "CREATE (p)-[:WORKS_AT {sourceIds: ['article_bench00000000'], evidence: ['generated'], locators: ['']}]->(u) "
            "CREATE (p)-[:RECEIVED {sourceIds: ['article_bench00000000'], evidence: ['generated'], locators: [''], "
            "  year: r.year}]->(h)",
            rows=rows, timeout=300)


def article_people(rng: random.Random, persons: list[dict], count: int) -> list[dict]:
    """One article's names: half spellings of people already in the graph, half new people."""
    from graph import identity

    out = []
    for i in range(count):
        if i % 2 == 0:
            base = rng.choice(persons)["name"]
            name = base if i % 4 == 0 else base[:-1] + rng.choice(GIVEN)  # same, or one character apart
        else:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        out.append({"id": f"person_new{i:08x}", "name": name, "props": identity.matching_props("Person", name)})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--article-names", type=int, default=40)
    parser.add_argument("--no-scan", action="store_true", help="skip the whole-graph scan")
    parser.add_argument("--keep", action="store_true", help="leave the bench Neo4j running and its data")
    args = parser.parse_args(argv)

    from graph import neo4j_server
    from graph.db import Database
    from graph.dedupe.candidates import check_new, scan_graph
    from graph.dedupe.records import load_records
    from graph.dedupe.merge import merge, unmerge
    from graph.schema.migrations import migrate

    settings = bench_settings()
    print(neo4j_server.start(settings, progress=False), file=sys.stderr)
    db = Database(settings)
    table: list[tuple[str, str, str]] = []
    try:
        migrate(db)
        with db.driver.session(database=db.database) as session:
            session.run("MATCH (n) WHERE NOT n:SchemaMigration "
                        "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        rng = random.Random(5)
        t0 = time.perf_counter()
        persons, units, facts = generate(rng, args.people)
        t1 = time.perf_counter()
        load(db, persons, units, facts)
        t2 = time.perf_counter()
        table.append(("generate people (names, pinyin keys)", f"{t1 - t0:.1f} s", f"{args.people:,} people"))
        table.append(("load into Neo4j", f"{t2 - t1:.1f} s", f"{len(units):,} units, {2 * len(facts):,} facts"))

        new = article_people(rng, persons, args.article_names)
        db.write("UNWIND $rows AS r CREATE (p:Person:Entity {id: r.id, name: r.name, aliases: [r.name]}) SET p += r.props",
                 rows=new)
        ids = [p["id"] for p in new]
        check_new(db, ids[:2])  # warm the driver, plans and caches as a running service would be
        times = []
        found = []
        for _ in range(5):
            t = time.perf_counter()
            found = check_new(db, ids)
            times.append(time.perf_counter() - t)
        times.sort()
        goal = "ok" if times[len(times) // 2] < 1.0 else "MISSED"
        table.append((f"incremental check, one article ({len(ids)} names)",
                      f"{1000 * times[len(times) // 2]:.0f} ms", f"median of 5, max {1000 * times[-1]:.0f} ms; "
                      f"{len(found)} candidates; goal < 1 s: {goal}"))

        merges, undos, moved = [], [], 0
        for k in range(5):  # the first pays for planning the statements; a service is warm
            a, b = persons[10 + 2 * k]["id"], persons[11 + 2 * k]["id"]
            t = time.perf_counter()
            result = merge(db, [a, b], who="bench")
            merges.append(time.perf_counter() - t)
            moved += result.moved
            t = time.perf_counter()
            unmerge(db, result.id, who="bench")
            undos.append(time.perf_counter() - t)
        table.append(("merge of two people", f"{1000 * sorted(merges)[2]:.0f} ms",
                      f"median of 5 (first {1000 * merges[0]:.0f} ms); {moved} relationships moved in all"))
        table.append(("unmerge", f"{1000 * sorted(undos)[2]:.0f} ms", f"median of 5 (first {1000 * undos[0]:.0f} ms)"))

        if not args.no_scan:
            t = time.perf_counter()
            records = load_records(db, "Person")
            t_load = time.perf_counter() - t
            table.append(("load records with context", f"{t_load:.1f} s", f"{len(records):,} records"))
            t = time.perf_counter()
            pairs = scan_graph(db, "Person")
            took = time.perf_counter() - t
            table.append(("whole-graph scan (load + score)", f"{took:.1f} s",
                          f"{len(pairs):,} candidate pairs; goal 60 s: {'ok' if took <= 60 else 'MISSED'}"))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        table.append(("peak memory of this process", f"{peak_mb:.0f} MB",
                      f"generator data included; Neo4j heap {settings.neo4j_heap} apart; "
                      f"goal < 2 GB: {'ok' if peak_mb < 2048 else 'MISSED'}"))
    finally:
        db.close()
        if not args.keep:
            print(neo4j_server.stop(settings), file=sys.stderr)

    width = max(len(r[0]) for r in table)
    print(f"{'step':<{width}}  {'time':>9}  notes")
    print("-" * (width + 40))
    for step, took, note in table:
        print(f"{step:<{width}}  {took:>9}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
