"""API speed (issue 11): every queries/ document asked three ways against the same Neo4j in
one interleaved run — this API over HTTP, the floor (minimal hand-written Cypher through the
Python driver) and the peer (@neo4j/graphql 7 on @apollo/server, Node.js) — on a seeded
synthetic graph of 10k, 100k or 1M people.

    .venv/bin/python bench/api.py --size 100k            # builds the graph once, then measures
    .venv/bin/python bench/api.py --size 10k --size 100k  # several sizes, one table each
    .venv/bin/python bench/api.py --size 100k --build-only
    .venv/bin/python bench/api.py --size 1M --bulk --build-only   # the bulk path of a first import

The graph lives in its own Neo4j under .kg/bench-api-<size>/ (own KG_HOME, a free port),
kept between runs (`--rebuild` starts it anew); the Neo4j is stopped at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph import neo4j_server  # noqa: E402
from graph.config import CHECKOUT, Settings, load_settings  # noqa: E402
from graph.db import Database  # noqa: E402

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000, "1M": 1_000_000}
CHUNK = 25_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def home_of(size: str) -> Path:
    return CHECKOUT / ".kg" / f"bench-api-{size.lower()}"


def bench_settings(size: str, heap: str, pagecache: str) -> Settings:
    """Settings of this size's own instance (like tests/conftest.py builds the tests' one)."""
    for k in ("NEO4J_URI", "NEO4J_PASSWORD", "NEO4J_USER", "NEO4J_DATABASE"):
        os.environ.pop(k, None)
    os.environ.update({"KG_HOME": str(home_of(size)), "KG_NEO4J_PORT": str(free_port()),
                       "KG_NEO4J_HEAP": heap, "KG_NEO4J_PAGECACHE": pagecache,
                       "KG_TX_TIMEOUT": os.environ.get("KG_TX_TIMEOUT", "600")})
    settings = load_settings()
    ours = neo4j_server.Layout(CHECKOUT / ".kg").lib
    theirs = neo4j_server.Layout(settings.home).lib
    if (ours / ".complete").exists() and not theirs.exists():  # hard-link the jars, as the tests do
        shutil.copytree(ours, theirs, copy_function=os.link)
    return settings


def build(db: Database, people: int, log=print, bulk: bool = False) -> float:
    """Loads `people` synthetic roster rows through the project's own roster loader, in
    rosters of 25,000 rows (each its own seed and record ids, mentors within it); returns
    the seconds it took. Matching runs as in any load; with `bulk`, through the bulk path of
    a first import (`kg load roster --new-people`: every row a new person, units, honors and
    places resolved by key)."""
    from bench.synthetic import generate_roster_rows, write_csv
    from graph.schema.migrations import migrate
    from graph.ingest import load_roster

    migrate(db)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i, start in enumerate(range(0, people, CHUNK)):
            rows = generate_roster_rows(min(CHUNK, people - start), seed=1000 + i, id_prefix=f"P{i:03d}-")
            path = Path(tmp) / f"bench-roster-{i:03d}.csv"
            write_csv(path, rows)
            t1 = time.perf_counter()
            report = load_roster(db, path, skip_invalid=True, new_people=bulk)
            log(f"  roster {i + 1}/{-(-people // CHUNK)}: {sum(report.created.values()):,} created, "
                f"{sum(report.matched.values()):,} matched in {time.perf_counter() - t1:.0f} s")
    return time.perf_counter() - t0


def ensure_graph(size: str, heap: str, pagecache: str, rebuild: bool = False,
                 bulk: bool = False) -> tuple[Settings, Database]:
    """Starts this size's Neo4j, building the graph when it is not there yet (the seed's
    article and roster are loaded too, so every queries/ document has something to find)."""
    from graph.loaders.seed import load_seed
    from graph.schema.migrations import migrate

    home = home_of(size)
    if rebuild:
        shutil.rmtree(home, ignore_errors=True)
    settings = bench_settings(size, heap, pagecache)
    neo4j_server.start(settings, progress=False)
    db = Database(settings)
    done = home / "built"
    if not done.exists():
        print(f"building the {size} graph under {home} …", flush=True)
        seconds = build(db, SIZES[size], bulk=bulk)
        done.write_text(f"{seconds:.0f}{' (bulk path)' if bulk else ''}\n")
        print(f"built in {seconds:.0f} s", flush=True)
    t0 = time.perf_counter()
    applied = migrate(db)  # an older store gets the newer migrations, as a service start would
    if applied:
        print(f"migrated ({', '.join(str(m.version) for m in applied)}) in {time.perf_counter() - t0:.0f} s", flush=True)
    if not db.read("MATCH (a:Article) RETURN a.id LIMIT 1"):
        list(load_seed(db, CHECKOUT / "seed"))
    return settings, db


# ---------------------------------------------------------------- the three ways

QUERIES = CHECKOUT / "queries"
FACTS = "MENTORS|WORKS_AT|RECEIVED|LEADS|MEMBER_OF|HOSTED_BY|PARTICIPATES_IN|SERVES|ASSIGNED_TO|LOCATED_IN|PART_OF"


@dataclass
class Question:
    """One queries/ document, asked three ways with the same sampled variables."""

    doc: str
    variables: Callable[[random.Random], dict[str, Any]]
    floor: str  # the minimal hand-written Cypher for the same answer
    peer: str | None = None  # the peer's GraphQL, or None when it cannot express the question
    peer_note: str = ""
    peer_vars: Callable[[dict[str, Any]], dict[str, Any]] = lambda v: v
    floor_vars: Callable[[dict[str, Any]], dict[str, Any]] = lambda v: v


SOURCES = "COLLECT { UNWIND r.sourceIds AS sid MATCH (s:Source {id: sid}) RETURN s {.title, .date} }"
HONORS = "[(x)-[r:RECEIVED]->(h:Honor) | {name: h.name, level: h.level, year: r.year}]"


def questions(sample: "Sample") -> list[Question]:
    """Every queries/ document: its variables, the floor, the peer (where it can)."""
    person = lambda rng: {"id": rng.choice(sample.people)}  # noqa: E731
    return [
        Question("person-profile", person,
                 "MATCH (p:Person {id: $id}) RETURN p {.id, .name, .aliases, .gender, .sector, "
                 " externalIds: [(e:ExternalId)-[:IDENTIFIES]->(p) | e.key], "
                 f" mentors: [(m:Person)-[r:MENTORS]->(p) | {{id: m.id, name: m.name, evidence: r.evidence, sources: {SOURCES}}}], "
                 " mentees: [(p)-[:MENTORS]->(m:Person) | m {.id, .name}], "
                 f" honors: [(p)-[r:RECEIVED]->(h:Honor) | {{name: h.name, level: h.level, year: r.year, evidence: r.evidence, sources: {SOURCES}}}], "
                 " units: [(p)-[r:WORKS_AT]->(u:Unit) | {id: u.id, name: u.name, role: r.role}], "
                 " colleagues: [(p)-[:WORKS_AT]->(:Unit)<-[:WORKS_AT]-(c:Person) WHERE c <> p | c {.id, .name}], "
                 " studios: [(p)-[r:LEADS|MEMBER_OF]->(s:Studio) | {type: type(r), name: s.name}], "
                 " projects: [(p)-[:PARTICIPATES_IN]->(x:Project) | x.name], "
                 " villages: [(p)-[:SERVES|ASSIGNED_TO]->(v:Village) | v.name], "
                 " assignments: [(p)-[r:ASSIGNED_TO]->(x) | {name: x.name, evidence: r.evidence}], "
                 " mentions: [(s:Source)-[m:MENTIONS]->(p) | {id: s.id, title: s.title, date: s.date, spans: m.spans}]} AS person",
                 peer="query($id: ID!) { people(where: {id: {eq: $id}}) { id name aliases gender sector "
                      "mentorsConnection { edges { properties { evidence sourceIds } node { id name } } } "
                      "mentees { id name } "
                      "honorsConnection { edges { properties { year evidence sourceIds locators } node { name level } } } "
                      "unitsConnection { edges { properties { role } node { id name people { id name } } } } "
                      "leads { name } memberOf { name } projects { name } villages { name } "
                      "assignedToConnection { edges { properties { evidence } node { name } } } "
                      "articlesConnection { edges { properties { spans } node { id title date } } } "
                      "rosters { id title } } }",
                 peer_note="sources as ids (no join to the source nodes), no external ids"),
        Question("lineage", lambda rng: {"id": rng.choice(sample.mentors), "depth": 3},
                 "MATCH (root:Person {id: $id}) "
                 "OPTIONAL MATCH path = (root)-[:MENTORS*1..3]->(p:Person) "
                 f"WITH root, collect(DISTINCT p) AS tree "
                 f"RETURN root.name AS name, [x IN [root] + tree | {{id: x.id, name: x.name, "
                 f"  mentees: [(x)-[:MENTORS]->(m) | m.id], honors: {HONORS}}}] AS people",
                 peer="query($id: ID!) { people(where: {id: {eq: $id}}) { name id "
                      "honorsConnection { edges { properties { year } node { name level } } } "
                      "mentees { id name honorsConnection { edges { properties { year } node { name level } } } "
                      "mentees { id name honorsConnection { edges { properties { year } node { name level } } } "
                      "mentees { id name } } } } }",
                 peer_vars=lambda v: {"id": v["id"]}),
        Question("people-by-filters", lambda rng: {"region": rng.choice(sample.regions), "level": "NATIONAL", "first": 20},
                 "CALL () { OPTIONAL MATCH (r:Region {name: $region}) OPTIONAL MATCH (s:Region)-[:PART_OF*0..6]->(r) "
                 "  RETURN collect(s.name) + [$region] AS places } "
                 "MATCH (h:Honor {level: $level})<-[:RECEIVED]-(p:Person) WHERE p.region IN places "
                 "WITH DISTINCT p WITH collect(p) AS found "
                 "UNWIND found AS p WITH size(found) AS total, p ORDER BY p.sortKey, p.id LIMIT 21 "
                 "RETURN total, collect(p {.id, .name, .gender, .sector, .region, "
                 "  honors: [(p)-[r:RECEIVED]->(h:Honor) | {name: h.name, level: h.level, year: r.year}]}) AS page",
                 peer="query($places: [String!], $level: String!) { peopleConnection(first: 20, sort: [{sortKey: ASC}], "
                      "where: {region: {in: $places}, honors: {some: {level: {eq: $level}}}}) { totalCount "
                      "edges { cursor node { id name gender sector region "
                      "honorsConnection { edges { properties { year } node { name level } } } } } "
                      "pageInfo { hasNextPage endCursor } } }",
                 peer_note="region as the person's own region (no subtree through units)",
                 peer_vars=lambda v: {"places": sample.places_below[v["region"]], "level": v["level"].lower()},
                 floor_vars=lambda v: {**v, "level": v["level"].lower()}),  # the API's enum, the graph's value
        Question("honors-by-region-and-year",
                 lambda rng: {"region": rng.choice(sample.regions), "yearFrom": 2010, "yearTo": 2015, "first": 50},
                 "CALL () { OPTIONAL MATCH (r:Region {name: $region}) OPTIONAL MATCH (s:Region)-[:PART_OF*0..6]->(r) "
                 "  RETURN collect(s.name) + [$region] AS places } "
                 "MATCH (p:Person)-[r:RECEIVED]->(:Honor) WHERE r.year >= $yearFrom AND r.year <= $yearTo "
                 "  AND p.region IN places WITH DISTINCT p WITH collect(p) AS found "
                 "UNWIND found AS p WITH size(found) AS total, p ORDER BY p.sortKey, p.id LIMIT 51 "
                 f"RETURN total, collect(p {{.id, .name, honors: [(p)-[r:RECEIVED]->(h:Honor) | {{name: h.name, year: r.year}}], "
                 "  units: [(p)-[:WORKS_AT]->(u:Unit) | u.name]}) AS page",
                 peer="query($places: [String!], $from: Int!, $to: Int!) { peopleConnection(first: 50, sort: [{sortKey: ASC}], "
                      "where: {region: {in: $places}, honorsConnection: {some: {edge: {year: {gte: $from, lte: $to}}}}}) "
                      "{ totalCount edges { node { id name honorsConnection { edges { properties { year } node { name level } } } "
                      "units { name } } } pageInfo { hasNextPage endCursor } } }",
                 peer_note="region as the person's own region",
                 peer_vars=lambda v: {"places": sample.places_below[v["region"]], "from": v["yearFrom"], "to": v["yearTo"]}),
        Question("search-by-pinyin", lambda rng: {"q": rng.choice(sample.names)},
                 "CALL () { MATCH (n:Entity {nameKey: $q}) RETURN n, 10.0 AS score "
                 "  UNION MATCH (n:Entity {pinyin: $q}) RETURN n, 6.0 AS score "
                 "  UNION CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: 50}) YIELD node AS n, score "
                 "  RETURN n, score } "
                 "WITH n, max(score) AS best ORDER BY best DESC LIMIT 10 RETURN n.id AS id, n.name AS name, best",
                 peer="query($q: String!) { people(where: {name: {eq: $q}}, limit: 10) { id name } }",
                 peer_note="exact name only (no pinyin, initials, fuzzy or full-text)",
                 floor_vars=lambda v: {"q": v["q"], "lucene": f'name:"{v["q"]}" OR aliasText:"{v["q"]}"'}),
        Question("shortest-connection", lambda rng: dict(zip(("from", "to"), rng.sample(sample.people, 2)), maxHops=6),
                 "MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) "
                 f"MATCH p = allShortestPaths((a)-[:{FACTS}*..6]-(b)) WITH p LIMIT 3 "
                 "RETURN [n IN nodes(p) | n {.id, .name}] AS nodes, "
                 f"[r IN relationships(p) | {{type: type(r), year: r.year, evidence: r.evidence, sources: COLLECT {{ UNWIND r.sourceIds AS sid MATCH (s:Source {{id: sid}}) RETURN s.title }}}}] AS edges",
                 peer="query($from: ID!, $to: ID!) { connection(from: $from, to: $to, maxHops: 6) { id name } }",
                 peer_note="a @cypher field (the library has no paths); nodes only",
                 peer_vars=lambda v: {"from": v["from"], "to": v["to"]}),
        Question("person-neighborhood", lambda rng: {"id": rng.choice(sample.people), "depth": 1},
                 f"MATCH (c:Person {{id: $id}}) OPTIONAL MATCH (c)-[r:{FACTS}]-(o) WITH c, r, o LIMIT 200 "
                 "RETURN c.id AS id, collect(o {.id, .name}) AS nodes, "
                 "collect({type: type(r), source: startNode(r).id, target: endNode(r).id, year: r.year, evidence: r.evidence}) AS edges"),
        Question("person-timeline", person,
                 f"MATCH (p:Person {{id: $id}}) OPTIONAL MATCH (p)-[r:{FACTS}]-(o) "
                 "WHERE coalesce(r.year, r.since, r.from) IS NOT NULL "
                 "WITH p, collect({year: coalesce(r.year, r.since, r.from), type: type(r), name: o.name, evidence: r.evidence}) AS facts "
                 "RETURN p.name AS name, facts, [(s:Article)-[:MENTIONS]->(p) | {date: s.date, title: s.title}] AS mentions"),
        Question("unit-people-with-honors", lambda rng: {"id": rng.choice(sample.units)},
                 "MATCH (u:Unit {id: $id}) RETURN u.name AS name, u.aliases AS aliases, "
                 f"[(u)<-[w:WORKS_AT]-(x:Person) | {{role: w.role, id: x.id, name: x.name, honors: "
                 f"[(x)-[r:RECEIVED]->(h:Honor) | {{name: h.name, level: h.level, year: r.year, sources: {SOURCES}}}]}}] AS people, "
                 "[(u)-[r:RECEIVED]->(h:Honor) | {name: h.name, year: r.year}] AS honors",
                 peer="query($id: ID!) { units(where: {id: {eq: $id}}) { name aliases "
                      "peopleConnection { edges { properties { role } node { id name "
                      "honorsConnection { edges { properties { year sourceIds locators } node { name level } } } } } } "
                      "honorsConnection { edges { properties { year } node { name } } } } }",
                 peer_note="sources as ids"),
        Question("who-mentors-whom", lambda rng: {"first": 50},
                 "CALL () { MATCH ()-[r:MENTORS]->() RETURN count(r) AS total } "
                 "MATCH (a:Person) WHERE a.sortKey IS NOT NULL MATCH (a)-[r:MENTORS]->(b:Person) "
                 "WITH total, a, r, b ORDER BY a.sortKey, a.id, b.sortKey, b.id LIMIT 51 "
                 f"RETURN total, a.id, a.name, b.id, b.name, r.since, r.evidence, r.locators, {SOURCES} AS sources"),
        Question("mentees-who-became-model-workers", lambda rng: {"level": "NATIONAL", "first": 50},
                 "CALL () { MATCH (h:Honor {level: $level})<-[:RECEIVED]-(b:Person) WITH DISTINCT b "
                 "  MATCH (:Person)-[r:MENTORS]->(b) RETURN count(r) AS total } "
                 "MATCH (a:Person) WHERE a.sortKey IS NOT NULL MATCH (a)-[r:MENTORS]->(b:Person) "
                 "WHERE EXISTS { (b)-[:RECEIVED]->(:Honor {level: $level}) } "
                 "WITH total, a, r, b ORDER BY a.sortKey, a.id, b.sortKey, b.id LIMIT 51 "
                 f"RETURN total, a.name, b.name, r.evidence, {SOURCES} AS sources, "
                 "[(a)-[x:RECEIVED]->(h:Honor) | h.name] AS mentorHonors, [(b)-[x:RECEIVED]->(h:Honor) | h.name] AS menteeHonors",
                 floor_vars=lambda v: {**v, "level": v["level"].lower()}),
        Question("story-leads", lambda rng: {"kind": "NEVER_FEATURED", "first": 20},
                 "MATCH (p:Person)-[r:RECEIVED]->(h:Honor {level: 'national'}) "
                 "WHERE NOT EXISTS { MATCH (:Article)-[:MENTIONS]->(p) } "
                 "WITH p, collect(h.name)[0] AS what, collect(r.evidence[0])[0] AS evidence "
                 "WITH p, what, evidence ORDER BY p.name, p.id LIMIT 20 "
                 "RETURN p.id, p.name, what, evidence, [(p)-[x:RECEIVED]->(h:Honor) | h.name] AS honors"),
        Question("units-and-studios-concentrating-honors", lambda rng: {"first": 10},
                 "CALL () { MATCH (p:Person)-[:WORKS_AT]->(:Unit)-[:PART_OF*0..3]->(g:Unit) MATCH (p)-[r:RECEIVED]->(:Honor) "
                 "  WITH g, count(DISTINCT p) AS honorees, count(DISTINCT r) AS awards, collect(DISTINCT p.name)[..10] AS names "
                 "  ORDER BY honorees DESC LIMIT 10 RETURN collect({name: g.name, honorees: honorees, names: names}) AS units } "
                 "CALL () { MATCH (p:Person)-[:LEADS|MEMBER_OF]->(g:Studio) MATCH (p)-[r:RECEIVED]->(:Honor) "
                 "  WITH g, count(DISTINCT p) AS honorees, count(DISTINCT r) AS awards, collect(DISTINCT p.name)[..10] AS names "
                 "  ORDER BY honorees DESC LIMIT 10 RETURN collect({name: g.name, honorees: honorees, "
                 "  leaders: [(l)-[:LEADS]->(g) | l.name]}) AS studios } RETURN units, studios"),
        Question("projects-with-measurable-results", lambda rng: {"first": 20},
                 "MATCH (n:Project) WHERE size(coalesce(n.outcomes, [])) > 0 WITH collect(n) AS found "
                 "UNWIND found AS n WITH size(found) AS total, n ORDER BY n.sortKey LIMIT 21 "
                 "RETURN total, n.id, n.name, n.outcomes, [(p)-[r:PARTICIPATES_IN]->(n) | {id: p.id, name: p.name, "
                 f"  labels: labels(p), role: r.role, evidence: r.evidence, locators: r.locators, sources: {SOURCES}}}] AS who, "
                 "[(n)-[:SERVES]->(v) | v.name] AS villages, "
                 "[(a:Article)-[m:MENTIONS]->(n) | {title: a.title, date: a.date, "
                 "  evidence: [x IN m.spans | substring(a.text, toInteger(split(x, '-')[0]), 200)]}] AS mentions"),
        Question("article-contents", lambda rng: {"id": sample.article, "first": 100},
                 "MATCH (a:Article {id: $id}) CALL (a) { MATCH (a)-[m:MENTIONS]->(e) "
                 "  RETURN m.spans AS spans, e {.id, .name} AS node ORDER BY toInteger(split(m.spans[0], '-')[0]) LIMIT 100 } "
                 "RETURN a.title, a.date, collect({spans: spans, node: node}) AS mentioned"),
        Question("duplicate-candidates", lambda rng: {"first": 20},
                 "CALL () { MATCH (i:ReviewItem {status: 'open'}) WHERE i.type = 'Person' RETURN count(i) AS total } "
                 "MATCH (i:ReviewItem {status: 'open'}) WHERE i.type = 'Person' WITH total, i ORDER BY i.score DESC, i.id LIMIT 21 "
                 "RETURN total, i.id, i.status, i.score, i.reasons, [(i)-[:CANDIDATE]->(n) | n {.id, .name, .aliases, .gender, "
                 "  .region, .birthYear, "
                 f"  units: [(n)-[r:WORKS_AT]->(u:Unit) | {{role: r.role, name: u.name, locators: r.locators, sources: {SOURCES}}}], "
                 f"  honors: [(n)-[r:RECEIVED]->(h:Honor) | {{year: r.year, name: h.name, locators: r.locators, sources: {SOURCES}}}], "
                 "  studios: [(n)-[:LEADS|MEMBER_OF]->(s:Studio) | s.name], mentors: [(m:Person)-[:MENTORS]->(n) | m.name]}] AS pair"),
    ]


@dataclass
class Sample:
    """Ids and values drawn once, with a fixed seed, from the graph being measured."""

    people: list[str]
    mentors: list[str]
    units: list[str]
    names: list[str]
    regions: list[str]
    places_below: dict[str, list[str]]
    article: str


def draw_sample(db: Database, seed: int = 11, n: int = 500) -> Sample:
    rng = random.Random(seed)

    def some(cypher: str, key: str = "id") -> list[str]:
        rows = [r[key] for r in db.read(cypher)]
        return sorted(rng.sample(rows, min(n, len(rows))))

    # every 97th person by id, so the sample spreads over the whole store
    people = db.read("MATCH (p:Person) WITH p ORDER BY p.id WITH collect(p.id) AS ids "
                     "RETURN [i IN range(0, size(ids) - 1, 97) | ids[i]] AS ids")[0]["ids"]
    people = sorted(rng.sample(people, min(n, len(people))))
    mentors = db.read("MATCH (p:Person) WHERE p.id IN $ids AND EXISTS { (p)-[:MENTORS]->() } RETURN p.id AS id",
                      ids=people)
    mentors = [r["id"] for r in mentors] or people
    units = some("MATCH (u:Unit) WHERE EXISTS { (u)<-[:WORKS_AT]-() } RETURN u.id AS id")
    names = [r["name"] for r in db.read("MATCH (p:Person) WHERE p.id IN $ids RETURN p.name AS name", ids=people)]
    regions = ["嘉兴市", "桐乡市", "海宁市", "南湖区", "嘉善县"]
    below = {r: [x["name"] for x in db.read(
        "MATCH (s:Region)-[:PART_OF*0..6]->(:Region {name: $r}) RETURN DISTINCT s.name AS name", r=r)] + [r]
        for r in regions}
    article = db.read("MATCH (a:Article) RETURN a.id AS id ORDER BY a.id LIMIT 1")[0]["id"]
    return Sample(people, mentors, units, names, regions, below, article)
# ---------------------------------------------------------------- servers

PEER_HOME = CHECKOUT / ".kg" / "bench-peer"
PEER_SRC = Path(__file__).resolve().parent / "peer"


def _wait_http(url: str, proc: subprocess.Popen, what: str, timeout: float = 120) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit(f"{what} did not answer at {url}")


class Server:
    """A server process of the bench (the API or the peer), stopped by `close`."""

    def __init__(self, argv: list[str], env: dict[str, str], url: str, health: str, what: str,
                 cwd: Path | None = None) -> None:
        self.url, self.what = url, what
        self.log = open(CHECKOUT / ".kg" / f"bench-{what.split()[0]}.log", "ab")
        self.proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        _wait_http(health, self.proc, what)

    def rss_mb(self) -> float:
        import psutil

        proc = psutil.Process(self.proc.pid)
        return sum(p.memory_info().rss for p in [proc, *proc.children(recursive=True)]) / 2**20

    def close(self) -> None:
        os.killpg(self.proc.pid, 15)
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
        self.log.close()


def start_api(settings: Settings, workers: int) -> Server:
    port = free_port()
    env = dict(os.environ, KG_HOME=str(settings.home), KG_NEO4J_PORT=str(settings.neo4j_port),
               KG_PORT=str(port), KG_TX_TIMEOUT="60")
    kg = str(Path(sys.executable).parent / "kg")
    return Server([kg, "serve", "--workers", str(workers), "--log-level", "warning"], env,
                  f"http://127.0.0.1:{port}/graphql", f"http://127.0.0.1:{port}/healthz", f"api ({workers} workers)")


def start_peer(settings: Settings) -> Server:
    """npm-installs the pinned peer (bench/peer/package-lock.json) into .kg/bench-peer once."""
    PEER_HOME.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json", "server.mjs"):
        shutil.copy(PEER_SRC / name, PEER_HOME / name)
    stamp = PEER_HOME / "node_modules" / ".bench-lock"
    lock = (PEER_SRC / "package-lock.json").read_text()
    if not stamp.exists() or stamp.read_text() != lock:
        print("installing the peer (@neo4j/graphql, @apollo/server) with npm ci …", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=PEER_HOME, check=True)
        stamp.write_text(lock)
    port = free_port()
    env = dict(os.environ, NEO4J_URI=settings.uri, NEO4J_USER=settings.user, NEO4J_PASSWORD=settings.password(),
               PORT=str(port))
    url = f"http://127.0.0.1:{port}/"
    return Server(["node", "server.mjs"], env, url, url + "?query=%7B__typename%7D", "peer (@neo4j/graphql)",
                  cwd=PEER_HOME)


# ---------------------------------------------------------------- asking


class Ways:
    """The three ways of asking, each usable from any thread (one HTTP client or driver
    session per thread)."""

    def __init__(self, api: Server, peer: Server | None, settings: Settings) -> None:
        from neo4j import GraphDatabase

        self.api, self.peer = api, peer
        self.driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password()),
                                           notifications_min_severity="OFF")
        self.local = threading.local()
        self.docs = {p.stem: p.read_text(encoding="utf-8") for p in QUERIES.glob("*.graphql")}

    def _client(self) -> Any:
        import httpx

        client = getattr(self.local, "client", None)
        if client is None:
            client = self.local.client = httpx.Client(timeout=120, headers={"content-type": "application/json"})
        return client

    def ask(self, way: str, q: Question, variables: dict[str, Any]) -> None:
        if way == "floor":
            from neo4j import RoutingControl

            self.driver.execute_query(q.floor, q.floor_vars(variables), routing_=RoutingControl.READ)
            return
        if way == "api":
            url, body = self.api.url, {"query": self.docs[q.doc], "variables": variables}
        else:
            assert self.peer is not None and q.peer is not None
            url, body = self.peer.url, {"query": q.peer, "variables": q.peer_vars(variables)}
        answer = self._client().post(url, content=json.dumps(body)).json()
        if answer.get("errors"):
            raise RuntimeError(f"{way} {q.doc}: {answer['errors'][0].get('message')}")

    def close(self) -> None:
        self.driver.close()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def latencies(ways: Ways, qs: list[Question], rounds: int, budget_s: float, min_rounds: int = 20
              ) -> tuple[dict[tuple[str, str], list[float]], dict[str, str], dict[tuple[str, str], float]]:
    """Concurrency 1, interleaved: each round asks every question once each way, the ways in a
    rotating order, so a busy moment of the machine falls on all three alike. A question one
    way cannot answer in its warm-up (an error, or no answer within the client's 120 s) is left
    out of the rounds; the second dict says which and why, for the table; the third holds each
    way's first answer in seconds (the warm-up), which the rounds do not see."""
    rng = random.Random(7)
    out: dict[tuple[str, str], list[float]] = {}
    spent: dict[str, float] = {}
    failed: dict[str, str] = {}
    first: dict[tuple[str, str], float] = {}
    for q in qs:  # warm-up: caches, plans, JIT of both servers
        for _ in range(3):
            v = q.variables(rng)
            for way in _ways(q, ways):
                if q.doc in failed:
                    break
                t0 = time.perf_counter()
                try:
                    ways.ask(way, q, v)
                    first.setdefault((q.doc, way), time.perf_counter() - t0)
                except Exception as e:  # noqa: BLE001 - the table says what failed
                    failed[q.doc] = f"{way} failed after {time.perf_counter() - t0:.0f} s: {type(e).__name__} {e}"[:200]
                    print(f"  {q.doc}: {failed[q.doc]}", flush=True)
    qs = [q for q in qs if q.doc not in failed]
    for n in range(rounds):
        for q in qs:
            if spent.get(q.doc, 0) > budget_s and n >= min_rounds:
                continue
            v = q.variables(rng)
            order = _ways(q, ways)
            order = order[n % len(order):] + order[:n % len(order)]
            for way in order:
                t0 = time.perf_counter()
                ways.ask(way, q, v)
                dt = time.perf_counter() - t0
                out.setdefault((q.doc, way), []).append(dt * 1000)
                spent[q.doc] = spent.get(q.doc, 0) + dt
    return out, failed, first


def _ways(q: Question, ways: Ways) -> list[str]:
    return ["api", "floor"] + (["peer"] if q.peer and ways.peer is not None else [])


def throughput(ways: Ways, q: Question, way: str, concurrency: int, seconds: float) -> float:
    """Requests per second with `concurrency` clients asking without pause."""
    done = [0] * concurrency
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        rng = random.Random(100 + i)
        while time.monotonic() < stop:
            ways.ask(way, q, q.variables(rng))
            done[i] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.monotonic() - t0)


def statements_and_hits(settings: Settings, qs: list[Question], sample_vars: dict[str, dict[str, Any]]
                        ) -> dict[str, tuple[int, int, int, float]]:
    """Per question: the API's statements per request and their db hits (each statement
    PROFILEd with its parameters), the floor's db hits, and the seconds of this first run of
    the document (in-process, before the API starts: what a cold question costs)."""
    import asyncio

    from api.context import Context
    from api.schema import schema
    from api.service import Service
    from graph.db import QueryCounter

    shutil.rmtree(Path(settings.home) / "story-leads", ignore_errors=True)  # rank here, cold, and leave it to the API
    service = Service(settings)
    out = {}
    try:
        for q in qs:
            v = sample_vars[q.doc]
            Database.recorder = QueryCounter()
            started = time.perf_counter()
            try:
                with service.db.one_session():
                    result = asyncio.run(schema.execute((QUERIES / f"{q.doc}.graphql").read_text(encoding="utf-8"),
                                                        variable_values=v, context_value=Context(service=service)))
                assert not result.errors, result.errors
                took = time.perf_counter() - started
                recorded = Database.recorder
            finally:
                Database.recorder = None
            hits = sum(_db_hits(service.db, c, p) for c, p in zip(recorded.statements, recorded.params))
            out[q.doc] = (recorded.count, hits, _db_hits(service.db, q.floor, q.floor_vars(v)), took)
    finally:
        service.close()
    return out


def _db_hits(db: Database, cypher: str, params: dict[str, Any]) -> int:
    def total(plan: Any) -> int:
        return plan.get("dbHits", 0) + sum(total(c) for c in plan.get("children", []))

    with db.driver.session(database=db.database) as session:
        result = session.run("PROFILE " + cypher, params)
        for _ in result:  # a profile is complete only once every row was read
            pass
        return total(result.consume().profile or {})


# ---------------------------------------------------------------- the table


def measure(size: str, settings: Settings, db: Database, args: argparse.Namespace) -> str:
    import platform

    import psutil

    load_before = os.getloadavg()[0]  # the machine's own, before this bench's servers and clients

    sample = draw_sample(db)
    qs = [q for q in questions(sample) if not args.only or q.doc in args.only]
    people = db.read("RETURN COUNT { (:Person) } AS p, COUNT { () } AS n, COUNT { ()-->() } AS r")[0]
    rng = random.Random(3)
    sample_vars = {q.doc: q.variables(rng) for q in qs}
    counts = statements_and_hits(settings, qs, sample_vars)
    api = start_api(settings, args.workers)
    peer = None if args.no_peer else start_peer(settings)
    ways = Ways(api, peer, settings)
    lines = []
    try:
        lat, failed, first = latencies(ways, qs, args.rounds, args.budget, args.min_rounds)
        thr = {(q.doc, way): throughput(ways, q, way, 8, args.seconds)
               for q in qs if q.doc not in failed for way in _ways(q, ways)}
        rss = {"api": api.rss_mb(), "peer": peer.rss_mb() if peer else 0.0}
    finally:
        ways.close()
        api.close()
        if peer:
            peer.close()
    scaling = {}
    if args.scaling:
        for n in (1, 2, 4):
            server = start_api(settings, n)
            w = Ways(server, None, settings)
            try:
                scaling[n] = {q.doc: throughput(w, q, "api", 8, args.seconds) for q in qs if q.doc in SCALING_DOCS}
            finally:
                w.close()
                server.close()
    neo4j_rss = _neo4j_rss(settings)
    load = os.getloadavg()
    lines.append(f"### {size}: {people['p']:,} people, {people['n']:,} nodes, {people['r']:,} relationships\n")
    lines.append(f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.node() or 'this machine'}: "
                 f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; load average "
                 f"{load_before:.1f} at the start, {load[0]:.1f} at the end (the bench's own clients count); API with "
                 f"{args.workers} worker(s); ms at concurrency 1 ({args.min_rounds} to {args.rounds} interleaved "
                 f"rounds, {args.budget:.0f} s per question), "
                 f"requests/s at concurrency 8 ({args.seconds:.0f} s each)\n")
    lines.append("| question | API p50 / p95 / p99 | floor p50 / p95 / p99 | peer p50 / p95 / p99 | API/floor p50 | "
                 "API/peer p50 | req/s at 8: API / floor / peer | API statements | db hits API / floor |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for q in qs:
        stmts, hits, floor_hits, _ = counts[q.doc]
        if q.doc in failed:
            lines.append(f"| {q.doc} | **not measured**: {failed[q.doc]} | | | | | | {stmts} | {hits:,} / {floor_hits:,} |")
            continue
        a, f, pr = lat[(q.doc, "api")], lat[(q.doc, "floor")], lat.get((q.doc, "peer"))
        peer_cell = (f"{percentile(pr, 50):.1f} / {percentile(pr, 95):.1f} / {percentile(pr, 99):.1f}"
                     + (f" ({q.peer_note})" if q.peer_note else "")) if pr else "cannot express it"
        lines.append(
            f"| {q.doc} | {percentile(a, 50):.1f} / {percentile(a, 95):.1f} / {percentile(a, 99):.1f} "
            f"| {percentile(f, 50):.1f} / {percentile(f, 95):.1f} / {percentile(f, 99):.1f} | {peer_cell} "
            f"| {percentile(a, 50) / percentile(f, 50):.2f} "
            f"| {percentile(a, 50) / percentile(pr, 50):.2f} | " if pr else
            f"| {q.doc} | {percentile(a, 50):.1f} / {percentile(a, 95):.1f} / {percentile(a, 99):.1f} "
            f"| {percentile(f, 50):.1f} / {percentile(f, 95):.1f} / {percentile(f, 99):.1f} | {peer_cell} "
            f"| {percentile(a, 50) / percentile(f, 50):.2f} | — | ")
        lines[-1] += (f"{thr[(q.doc, 'api')]:.0f} / {thr[(q.doc, 'floor')]:.0f} / "
                      f"{thr[(q.doc, 'peer')]:.0f} |" if (q.doc, "peer") in thr else
                      f"{thr[(q.doc, 'api')]:.0f} / {thr[(q.doc, 'floor')]:.0f} / — |")
        lines[-1] += f" {stmts} | {hits:,} / {floor_hits:,} |"
    lines.append("")
    cold = [f"{doc} {counts[doc][3]:.1f} s" for doc in counts if counts[doc][3] >= 1]
    slow = [f"{doc} ({way}) {seconds:.1f} s" for (doc, way), seconds in first.items() if seconds >= 1]
    lines.append("First runs of 1 s or more, which the rounds do not see: in-process before the API started "
                 f"(it counts the statements): {', '.join(cold) or 'none'}; the first answer of each way in "
                 f"the warm-up: {', '.join(slow) or 'none'}.")
    lines.append("")
    lines.append(f"RSS: API {rss['api']:.0f} MB ({args.workers} worker(s), all processes), "
                 + (f"peer {rss['peer']:.0f} MB, " if peer else "") + f"Neo4j {neo4j_rss:.0f} MB (shared by all three).")
    if scaling:
        lines.append("")
        lines.append("API requests/s at concurrency 8 by worker processes: " + "; ".join(
            f"{doc}: " + " / ".join(f"{scaling[n][doc]:.0f}" for n in (1, 2, 4)) for doc in SCALING_DOCS
            if all(doc in scaling[n] for n in (1, 2, 4))) + " (1 / 2 / 4 workers)")
    return "\n".join(lines)


SCALING_DOCS = ("person-profile", "search-by-pinyin", "people-by-filters")


def _neo4j_rss(settings: Settings) -> float:
    import psutil

    pid = neo4j_server.running_pid(neo4j_server.Layout(settings.home))
    return psutil.Process(pid).memory_info().rss / 2**20 if pid else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", action="append", choices=sorted(SIZES), help="10k, 100k or 1M (repeatable)")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--bulk", action="store_true", help="build through the bulk path (kg load roster --new-people)")
    parser.add_argument("--heap", default="3g")
    parser.add_argument("--pagecache", default="3g")
    parser.add_argument("--workers", type=int, default=2, help="API worker processes for the main table")
    parser.add_argument("--rounds", type=int, default=200, help="interleaved rounds at concurrency 1 (at most)")
    parser.add_argument("--budget", type=float, default=20, help="seconds per question at concurrency 1 (after 20 rounds)")
    parser.add_argument("--min-rounds", type=int, default=20, help="rounds every question gets, budget or not")
    parser.add_argument("--seconds", type=float, default=4, help="seconds per throughput measurement")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--no-scaling", dest="scaling", action="store_false", help="skip 1/2/4-worker throughput")
    parser.add_argument("--only", action="append", help="only this queries/ document (repeatable)")
    args = parser.parse_args()
    tables = []
    for size in args.size or ["100k"]:
        settings, db = ensure_graph(size, args.heap, args.pagecache, args.rebuild, args.bulk)
        try:
            if not args.build_only:
                table = measure(size, settings, db, args)
                print("\n" + table + "\n", flush=True)
                tables.append(table)
        finally:
            db.close()
            neo4j_server.stop(settings)
    if tables:
        print("command: .venv/bin/python bench/api.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
