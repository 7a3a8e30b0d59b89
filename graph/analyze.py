"""Graph measures for the researcher's view: degree, betweenness and communities.

The graph is projected out of Neo4j into memory (no Neo4j plugin needed): people and the
places where people meet — units, studios, projects, villages — joined by the facts
between them. Honors and regions are left out on purpose: they are hubs (one honor has
thousands of recipients, one city holds every unit), and sharing an honor or a city is
not a social link. Each fact type has a weight (a mentorship binds more than a shared
project) used by the community search.

- degree: the facts of each node in the projection;
- betweenness: Brandes' algorithm on the unweighted projection, vectorised with numpy
  (one breadth-first search per source as a few array operations per level); exact up to
  EXACT_BELOW nodes, above it estimated from `samples` sources drawn with a fixed seed
  (Brandes & Pich's pivot sampling), so the same graph gives the same numbers;
- communities: Louvain (networkx) on the weighted projection with a fixed seed.

Results land on the nodes (`degree`, `betweenness`, `betweennessPercentile`, `community`,
`analyzedAt`), in `(:Community)` nodes (name, size, key members, top units and honors) and
in one `(:Analysis)` node per run (when, how long, what was measured).
"""
from __future__ import annotations

import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from graph.db import Database

# (relationship type, start label, end label, weight): what the projection keeps.
PROJECTION: tuple[tuple[str, str, str, float], ...] = (
    ("MENTORS", "Person", "Person", 3.0),
    ("LEADS", "Person", "Studio", 2.0),
    ("MEMBER_OF", "Person", "Studio", 2.0),
    ("WORKS_AT", "Person", "Unit", 1.0),
    ("PARTICIPATES_IN", "Person", "Project", 1.0),
    ("PARTICIPATES_IN", "Unit", "Project", 1.0),
    ("SERVES", "Person", "Village", 1.0),
    ("SERVES", "Project", "Village", 1.0),
    ("ASSIGNED_TO", "Person", "Village", 1.0),
    ("HOSTED_BY", "Studio", "Unit", 1.0),
    ("PART_OF", "Unit", "Unit", 1.0),
)
PROJECTED_LABELS: tuple[str, ...] = ("Person", "Unit", "Studio", "Project", "Village")
LEFT_OUT: tuple[str, ...] = ("Honor", "Region")
"""Hubs: a shared honor or a shared region is not a social link."""

EXACT_BELOW = 5000
"""Nodes up to which betweenness is exact (every node a source); above, sampled."""
DEFAULT_SAMPLES = 256
DEFAULT_SEED = 42
MIN_COMMUNITY = 3
"""Smaller groups (an isolated person, a pair) are not stored as communities."""
KEY_MEMBERS = 100
BATCH = 25_000
TIMEOUT = 900.0

Progress = Callable[[str], None]


@dataclass
class AnalysisReport:
    at: str = ""
    seconds: float = 0.0
    people: int = 0
    nodes: int = 0
    edges: int = 0
    communities: int = 0
    sources: int = 0
    exact: bool = True
    seed: int = DEFAULT_SEED
    method: str = ""
    steps: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# ---------------------------------------------------------------- projection


@dataclass
class Projection:
    ids: list[str]  # index → node id, sorted (so the same graph gives the same indexes)
    labels: list[str]
    names: list[str]
    extra: list[dict[str, Any]]  # what community labels need: kind of unit, region
    edges: np.ndarray  # (m, 2) int64, i < j, each undirected pair once
    weights: np.ndarray  # (m,) float64, summed over parallel facts

    @property
    def n(self) -> int:
        return len(self.ids)


def project(db: Database, progress: Progress | None = None) -> Projection:
    """Reads the projected nodes and facts: one statement per label and per fact type."""
    say = progress or (lambda _msg: None)
    ids: list[str] = []
    labels: list[str] = []
    names: list[str] = []
    extra: list[dict[str, Any]] = []
    for label in PROJECTED_LABELS:
        rows = db.read(f"MATCH (n:{label}) RETURN n.id AS id, n.name AS name, n.kind AS kind, n.region AS region",
                       timeout=TIMEOUT)
        for r in rows:
            ids.append(r["id"])
            labels.append(label)
            names.append(r["name"] or "")
            extra.append({"kind": r["kind"], "region": r["region"]})
        say(f"  read {len(rows):,} {label} nodes")
    order = sorted(range(len(ids)), key=ids.__getitem__)
    ids = [ids[i] for i in order]
    labels = [labels[i] for i in order]
    names = [names[i] for i in order]
    extra = [extra[i] for i in order]
    index = {node_id: i for i, node_id in enumerate(ids)}
    pairs: dict[tuple[int, int], float] = defaultdict(float)
    for rel, start, end, weight in PROJECTION:
        rows = db.read(f"MATCH (a:{start})-[:{rel}]->(b:{end}) RETURN a.id AS a, b.id AS b", timeout=TIMEOUT)
        kept = 0
        for r in rows:
            i, j = index.get(r["a"]), index.get(r["b"])
            if i is None or j is None or i == j:
                continue
            pairs[(i, j) if i < j else (j, i)] += weight
            kept += 1
        say(f"  read {kept:,} {rel} facts ({start}→{end})")
    keys = sorted(pairs)
    edges = np.array(keys, dtype=np.int64).reshape(-1, 2)
    weights = np.array([pairs[k] for k in keys], dtype=np.float64)
    return Projection(ids, labels, names, extra, edges, weights)


# ---------------------------------------------------------------- betweenness


def _csr(n: int, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Adjacency of the undirected graph as compressed rows (indptr, indices)."""
    a = np.concatenate([edges[:, 0], edges[:, 1]]) if len(edges) else np.empty(0, np.int64)
    b = np.concatenate([edges[:, 1], edges[:, 0]]) if len(edges) else np.empty(0, np.int64)
    order = np.argsort(a, kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(a, minlength=n), out=indptr[1:])
    return indptr, b[order]


def _expand(indptr: np.ndarray, indices: np.ndarray, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Every (node of the frontier, neighbour) pair, as two arrays."""
    starts = indptr[frontier]
    lens = indptr[frontier + 1] - starts
    total = int(lens.sum())
    if total == 0:
        empty = np.empty(0, np.int64)
        return empty, empty
    offsets = np.arange(total) - np.repeat(np.cumsum(lens) - lens, lens)
    return np.repeat(frontier, lens), indices[np.repeat(starts, lens) + offsets]


def betweenness(n: int, edges: np.ndarray, sources: list[int], progress: Progress | None = None) -> np.ndarray:
    """Brandes' dependency accumulation from each source, unnormalised (each unordered pair
    counted from both ends when every node is a source). One BFS is a handful of array
    operations per level, so it runs at numpy speed, not Python's."""
    indptr, indices = _csr(n, edges)
    bc = np.zeros(n)
    step = max(1, len(sources) // 10)
    t0 = time.perf_counter()
    for done, s in enumerate(sources, 1):
        dist = np.full(n, -1, dtype=np.int64)
        dist[s] = 0
        sigma = np.zeros(n)
        sigma[s] = 1.0
        levels = [np.array([s], dtype=np.int64)]
        while True:
            u, v = _expand(indptr, indices, levels[-1])
            if len(v) == 0:
                break
            d = len(levels)
            new = np.unique(v[dist[v] == -1])
            if len(new) == 0:
                break
            dist[new] = d
            on = dist[v] == d
            sigma += np.bincount(v[on], weights=sigma[u[on]], minlength=n)
            levels.append(new)
        delta = np.zeros(n)
        for depth in range(len(levels) - 1, 0, -1):
            w, v = _expand(indptr, indices, levels[depth])
            back = dist[v] == depth - 1
            w, v = w[back], v[back]
            delta += np.bincount(v, weights=sigma[v] / sigma[w] * (1.0 + delta[w]), minlength=n)
        delta[s] = 0.0
        bc += delta
        if progress and (done % step == 0 or done == len(sources)):
            elapsed = time.perf_counter() - t0
            progress(f"  betweenness: {done:,}/{len(sources):,} sources ({elapsed:.0f} s)")
    return bc


def normalized_betweenness(n: int, raw: np.ndarray, sources: int) -> np.ndarray:
    """Raw sums → the share of shortest paths between other pairs through each node (0..1),
    scaled up by n/sources when sources were sampled."""
    if n < 3 or sources == 0:
        return np.zeros(n)
    return raw * (n / sources) / ((n - 1) * (n - 2))


def sample_sources(n: int, samples: int, seed: int) -> tuple[list[int], bool]:
    """Every node up to EXACT_BELOW nodes (exact); else `samples` of them drawn with `seed`."""
    if n <= EXACT_BELOW or samples >= n:
        return list(range(n)), True
    return sorted(random.Random(seed).sample(range(n), samples)), False


# ---------------------------------------------------------------- communities


def communities(p: Projection, seed: int) -> list[list[int]]:
    """Louvain on the weighted projection; communities of MIN_COMMUNITY nodes or more with
    at least one person, largest first (ties by their first node id), members sorted."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(p.n))
    graph.add_weighted_edges_from((int(a), int(b), float(w)) for (a, b), w in zip(p.edges, p.weights))
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    kept = [sorted(c) for c in found
            if len(c) >= MIN_COMMUNITY and any(p.labels[i] == "Person" for i in c)]
    kept.sort(key=lambda c: (-len(c), p.ids[c[0]]))
    return kept


def _community_name(p: Projection, members: list[int], degree: np.ndarray) -> str:
    """The community's best-connected unit (else studio, project, village, person)."""
    pool = next((found for found in ([i for i in members if p.labels[i] == label]
                                     for label in ("Unit", "Studio", "Project", "Village")) if found), members)
    best = min(pool, key=lambda i: (-degree[i], p.names[i], p.ids[i]))
    return p.names[best]


# ---------------------------------------------------------------- the run


def analyze(db: Database, samples: int = DEFAULT_SAMPLES, seed: int = DEFAULT_SEED,
            progress: Progress | None = None) -> AnalysisReport:
    """Projects the graph, measures it and stores the results; prints progress as it goes."""
    say = progress or (lambda _msg: None)
    report = AnalysisReport(seed=seed)
    t0 = time.perf_counter()

    say("projecting the graph (people, units, studios, projects, villages; honors and regions left out) …")
    p = project(db, say)
    report.steps["projection"] = time.perf_counter() - t0
    report.nodes, report.edges = p.n, len(p.edges)
    report.people = sum(1 for label in p.labels if label == "Person")
    say(f"  {p.n:,} nodes, {len(p.edges):,} links ({report.people:,} people)")

    t1 = time.perf_counter()
    degree = np.bincount(p.edges.ravel(), minlength=p.n) if len(p.edges) else np.zeros(p.n, dtype=np.int64)
    sources, exact = sample_sources(p.n, samples, seed)
    report.sources, report.exact = len(sources), exact
    say(f"betweenness: {'exact' if exact else 'estimated'} from {len(sources):,} source(s) …")
    between = normalized_betweenness(p.n, betweenness(p.n, p.edges, sources, say), len(sources))
    report.steps["betweenness"] = time.perf_counter() - t1

    t2 = time.perf_counter()
    say("communities: Louvain …")
    groups = communities(p, seed)
    report.communities = len(groups)
    report.steps["communities"] = time.perf_counter() - t2
    say(f"  {len(groups):,} communities of {MIN_COMMUNITY} or more")

    t3 = time.perf_counter()
    say("storing the measures on the nodes …")
    report.at = _now()
    _store(db, p, degree, between, groups, report.at, say)
    report.steps["storing"] = time.perf_counter() - t3
    report.seconds = round(time.perf_counter() - t0, 2)
    report.method = (f"projection of {', '.join(PROJECTED_LABELS)} without {', '.join(LEFT_OUT)}; "
                     f"betweenness {'exact' if exact else f'sampled from {len(sources)} sources (seed {seed})'}; "
                     f"Louvain communities (seed {seed})")
    _record_run(db, report)
    say(f"done in {report.seconds:.1f} s")
    return report


def _percentiles(values: np.ndarray) -> np.ndarray:
    """Share of the values strictly below each (0 for the lowest, ties equal)."""
    if len(values) == 0:
        return values
    ordered = np.sort(values)
    return np.searchsorted(ordered, values, side="left") / len(values)


def _store(db: Database, p: Projection, degree: np.ndarray, between: np.ndarray,
           groups: list[list[int]], at: str, say: Progress) -> None:
    community_of: dict[int, str] = {}
    records = []
    for rank, members in enumerate(groups, 1):
        cid = f"community_{rank}"
        for i in members:
            community_of[i] = cid
        records.append((cid, members))
    people = [i for i, label in enumerate(p.labels) if label == "Person"]
    percentile = dict(zip(people, _percentiles(between[people]).tolist()))

    db.write("MATCH (c:Community) DETACH DELETE c", timeout=TIMEOUT)
    for label in PROJECTED_LABELS:
        rows = [{"id": p.ids[i], "degree": int(degree[i]), "betweenness": float(between[i]),
                 "percentile": percentile.get(i), "community": community_of.get(i)}
                for i, lab in enumerate(p.labels) if lab == label]
        for start in range(0, len(rows), BATCH):
            db.write(
                f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
                "SET n.degree = row.degree, n.betweenness = row.betweenness, "
                "n.betweennessPercentile = row.percentile, n.community = row.community, "
                "n.analyzedAt = datetime($at)",
                rows=rows[start:start + BATCH], at=at, timeout=TIMEOUT,
            )
        say(f"  stored {len(rows):,} {label} nodes")

    honors = _honors_by_person(db)
    community_rows = []
    for cid, members in records:
        persons = [i for i in members if p.labels[i] == "Person"]
        key = sorted(persons, key=lambda i: (-between[i], -degree[i], p.names[i], p.ids[i]))[:KEY_MEMBERS]
        units = Counter()
        for i in members:
            if p.labels[i] in ("Unit", "Studio", "Project", "Village"):
                units[i] = int(degree[i])
        top_places = sorted(units, key=lambda i: (-units[i], p.names[i], p.ids[i]))[:10]
        honor_counts: Counter[str] = Counter()
        for i in persons:
            honor_counts.update(honors.get(p.ids[i], ()))
        regions = Counter(p.extra[i].get("region") for i in persons if p.extra[i].get("region"))
        community_rows.append({
            "id": cid, "name": _community_name(p, members, degree), "size": len(members),
            "people": len(persons), "keyMembers": [p.ids[i] for i in key],
            "places": json.dumps([{"id": p.ids[i], "name": p.names[i], "label": p.labels[i], "links": units[i]}
                                  for i in top_places], ensure_ascii=False),
            "honors": json.dumps([{"name": h, "count": c}
                                  for h, c in sorted(honor_counts.items(), key=lambda x: (-x[1], x[0]))[:10]],
                                 ensure_ascii=False),
            "regions": json.dumps([{"name": r, "count": c}
                                   for r, c in sorted(regions.items(), key=lambda x: (-x[1], x[0]))[:10]],
                                  ensure_ascii=False),
        })
    for start in range(0, len(community_rows), BATCH):
        db.write("UNWIND $rows AS row CREATE (c:Community) SET c = row, c.computedAt = datetime($at)",
                 rows=community_rows[start:start + BATCH], at=at, timeout=TIMEOUT)
    say(f"  stored {len(community_rows):,} communities")


def _honors_by_person(db: Database) -> dict[str, list[str]]:
    """Each person's honors (distinct titles), for the communities' top honors."""
    rows = db.read("MATCH (p:Person)-[:RECEIVED]->(h:Honor) RETURN p.id AS id, collect(DISTINCT h.name) AS honors",
                   timeout=TIMEOUT)
    return {r["id"]: r["honors"] for r in rows}


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat()


def _record_run(db: Database, report: AnalysisReport) -> None:
    db.write(
        "CREATE (a:Analysis) SET a.at = datetime($at), a.seconds = $seconds, a.people = $people, a.nodes = $nodes, "
        "a.edges = $edges, a.communities = $communities, a.sources = $sources, a.exact = $exact, a.seed = $seed, "
        "a.method = $method, a.steps = $steps",
        at=report.at, seconds=report.seconds, people=report.people, nodes=report.nodes, edges=report.edges,
        communities=report.communities, sources=report.sources, exact=report.exact, seed=report.seed,
        method=report.method, steps=json.dumps({k: round(v, 2) for k, v in report.steps.items()}),
    )
