"""Every read the API makes, as a few batched Cypher statements.

Resolvers never build Cypher: they ask for a page of entities (keyset cursor on
name, id), the links of a batch of nodes (one statement for a whole level of a
nested GraphQL request), the sources of a batch of facts, a search, a path, a
neighborhood. Labels and relationship types are formatted in from the vocabulary's
constants only; everything a client sends travels as a parameter.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from graph.db import Database
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES, SOURCE_LABELS
LINKS_PER_NODE = 500
PREFIXES = {label.lower(): label for label in (*ENTITY_LABELS, *SOURCE_LABELS)}


def label_of(node_id: str) -> str | None:
    """Ids carry their label as a prefix (person_3f2a…); None for anything else."""
    return PREFIXES.get(node_id.split("_", 1)[0])


# ---------------------------------------------------------------- cursors


def encode_cursor(name: str, node_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([name, node_id], ensure_ascii=False).encode()).decode()


def decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        name, node_id = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        return str(name), str(node_id)
    except Exception as exc:
        raise ValueError("invalid cursor") from exc


# ---------------------------------------------------------------- nodes


def _node_props(alias: str) -> str:
    return f"{alias} {{.*, label: labels({alias})[0], text: null}}"


def nodes_by_id(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Nodes by id (any label), following merges: an absorbed id gives the survivor."""
    by_label: dict[str, list[str]] = {}
    for node_id in ids:
        label = label_of(node_id)
        if label:
            by_label.setdefault(label, []).append(node_id)
    if not by_label:
        return {}
    branches = " UNION ALL ".join(
        f"UNWIND $ids_{label} AS id MATCH (n:{label} {{id: id}}) RETURN id, {_node_props('n')} AS node "
        f"UNION ALL UNWIND $ids_{label} AS id MATCH (a:Absorbed {{id: id}}) "
        f"MATCH (n:{label} {{id: a.mergedInto}}) RETURN id, {_node_props('n')} AS node"
        for label in by_label
    )
    params = {f"ids_{label}": v for label, v in by_label.items()}
    rows = db.read(f"CALL () {{ {branches} }} RETURN id, node", **params)
    return {r["id"]: r["node"] for r in rows}


@dataclass
class EntityFilter:
    name: str | None = None
    region: str | None = None
    sector: str | None = None
    honor: str | None = None
    honor_level: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    unit: str | None = None


def _filter_clause(label: str) -> str:
    """WHERE conditions of a filter; each is skipped when its parameter is null."""
    region_of = {
        "Person": "EXISTS { MATCH (n)-[:WORKS_AT|ASSIGNED_TO]->()-[:LOCATED_IN|PART_OF*0..1]->(:Region)"
                  "-[:PART_OF*0..6]->(r:Region) WHERE r.name = $region OR $region IN r.aliases } "
                  "OR n.region = $region",
        "Unit": "EXISTS { MATCH (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..6]->(r:Region) "
                "WHERE r.name = $region OR $region IN r.aliases } OR n.region = $region",
        "Village": "EXISTS { MATCH (n)-[:LOCATED_IN]->(:Region)-[:PART_OF*0..6]->(r:Region) "
                   "WHERE r.name = $region OR $region IN r.aliases }",
        "Region": "EXISTS { MATCH (n)-[:PART_OF*0..6]->(r:Region) WHERE r.name = $region OR $region IN r.aliases }",
    }.get(label, "false")
    honor_cond = (
        "EXISTS { MATCH (n)-[rh:RECEIVED]->(h:Honor) "
        "WHERE ($honor IS NULL OR h.name = $honor OR $honor IN h.aliases) "
        "AND ($honorLevel IS NULL OR h.level = $honorLevel) "
        "AND ($yearFrom IS NULL OR rh.year >= $yearFrom) AND ($yearTo IS NULL OR rh.year <= $yearTo) }"
    )
    unit_cond = ("EXISTS { MATCH (n)-[:WORKS_AT|HOSTED_BY|PART_OF]->(u:Unit) "
                 "WHERE u.id = $unit OR u.name = $unit OR $unit IN u.aliases OR u.unitKey = $unitKey }")
    return (
        "($name IS NULL OR n.name CONTAINS $name OR n.nameKey CONTAINS $nameKey OR $name IN n.aliases) "
        f"AND ($region IS NULL OR {region_of}) "
        "AND ($sector IS NULL OR n.sector = $sector) "
        f"AND (($honor IS NULL AND $honorLevel IS NULL AND $yearFrom IS NULL AND $yearTo IS NULL) OR {honor_cond}) "
        f"AND ($unit IS NULL OR {unit_cond})"
    )


def _filter_params(f: EntityFilter) -> dict[str, Any]:
    from graph.names import normalize_text, unit_key

    return {
        "name": f.name, "nameKey": normalize_text(f.name) if f.name else None,
        "region": f.region, "sector": f.sector, "honor": f.honor, "honorLevel": f.honor_level,
        "yearFrom": f.year_from, "yearTo": f.year_to, "unit": f.unit,
        "unitKey": unit_key(f.unit) if f.unit else None,
    }


def page(db: Database, label: str, first: int, after: str | None, f: EntityFilter,
         descending: bool = False, with_total: bool = False) -> tuple[list[dict[str, Any]], bool, int | None]:
    """A page in (name, id) order after the cursor; the total only when asked for."""
    assert label in (*ENTITY_LABELS, *SOURCE_LABELS)
    after_name, after_id = decode_cursor(after) if after else (None, None)
    op = "<" if descending else ">"
    order = "DESC" if descending else "ASC"
    name_expr = "coalesce(n.name, n.title, '')"
    rows = db.read(
        f"MATCH (n:{label}) WHERE {_filter_clause(label)} "
        f"AND ($afterId IS NULL OR [{name_expr}, n.id] {op} [$afterName, $afterId]) "
        f"WITH n ORDER BY {name_expr} {order}, n.id {order} LIMIT $limit "
        f"RETURN {_node_props('n')} AS node",
        limit=first + 1, afterName=after_name, afterId=after_id, **_filter_params(f),
    )
    nodes = [r["node"] for r in rows]
    total = None
    if with_total:
        total = db.read(f"MATCH (n:{label}) WHERE {_filter_clause(label)} RETURN count(n) AS c",
                        **_filter_params(f))[0]["c"]
    return nodes[:first], len(nodes) > first, total


# ---------------------------------------------------------------- links


def links(db: Database, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every fact touching each node, both directions, with the other end: one statement
    for a whole batch, so a nested request costs one query per level."""
    rows = db.read(
        "UNWIND $ids AS id MATCH (n {id: id}) WHERE NOT n:Absorbed "
        "CALL (n) { MATCH (n)-[r]-(o) WHERE type(r) IN $types "
        f"  RETURN r, o, startNode(r) = n AS out LIMIT {LINKS_PER_NODE} }} "
        "RETURN n.id AS id, type(r) AS type, out, properties(r) AS props, "
        f"{_node_props('o')} AS other",
        ids=list(dict.fromkeys(ids)), types=list(FACT_TYPES),
    )
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for r in rows:
        out.setdefault(r["id"], []).append(r)
    return out


def sources(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = db.read(
        "UNWIND $ids AS id MATCH (s {id: id}) WHERE s:Article OR s:Roster "
        "RETURN s.id AS id, labels(s)[0] AS kind, s.title AS title, s.date AS date, "
        "s.url AS url, s.path AS path, s.publisher AS publisher",
        ids=list(dict.fromkeys(ids)),
    )
    return {r["id"]: r for r in rows}


def mentions(db: Database, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    rows = db.read(
        "UNWIND $ids AS id MATCH (s)-[m:MENTIONS]->(n {id: id}) "
        "RETURN id, s.id AS source, m.spans AS spans, "
        "CASE WHEN s.text IS NULL THEN [] ELSE "
        "[span IN coalesce(m.spans, []) | substring(s.text, "
        "  toInteger(split(span, '-')[0]), toInteger(split(span, '-')[1]) - toInteger(split(span, '-')[0]))] "
        "END AS names",
        ids=list(dict.fromkeys(ids)),
    )
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for r in rows:
        out.setdefault(r["id"], []).append(r)
    return out


def external_ids(db: Database, ids: list[str]) -> dict[str, list[str]]:
    rows = db.read("UNWIND $ids AS id MATCH (e:ExternalId)-[:IDENTIFIES]->(n {id: id}) "
                   "RETURN id, collect(e.key) AS keys", ids=list(dict.fromkeys(ids)))
    return {r["id"]: r["keys"] for r in rows}


def lineage(db: Database, person_id: str, depth: int) -> list[dict[str, Any]]:
    """Mentorship edges below a person down to `depth`, for drawing as a tree."""
    return db.read(
        f"MATCH path = (root:Person {{id: $id}})-[:MENTORS*1..{int(depth)}]->(p:Person) "
        "WITH relationships(path) AS rels UNWIND rels AS r "
        "WITH DISTINCT r RETURN startNode(r).id AS mentor, endNode(r).id AS mentee, "
        "endNode(r).name AS name",
        id=person_id,
    )


def mentorship_page(db: Database, first: int, after: str | None, mentor: str | None,
                    mentee: str | None) -> tuple[list[dict[str, Any]], bool]:
    after_name, after_id = decode_cursor(after) if after else (None, None)
    rows = db.read(
        "MATCH (a:Person)-[r:MENTORS]->(b:Person) "
        "WHERE ($mentor IS NULL OR a.id = $mentor OR a.name = $mentor) "
        "AND ($mentee IS NULL OR b.id = $mentee OR b.name = $mentee) "
        "WITH a, b, r, a.name + '→' + b.name AS key, a.id + '|' + b.id AS kid "
        "WHERE $afterId IS NULL OR [key, kid] > [$afterName, $afterId] "
        "RETURN key, kid, properties(r) AS props, "
        f"{_node_props('a')} AS mentor, {_node_props('b')} AS mentee "
        "ORDER BY key, kid LIMIT $limit",
        mentor=mentor, mentee=mentee, afterName=after_name, afterId=after_id, limit=first + 1,
    )
    return rows[:first], len(rows) > first


# ---------------------------------------------------------------- search


def search(db: Database, q: str, labels: list[str], first: int) -> list[dict[str, Any]]:
    """One box across all types: exact name key, pinyin (full, spaced, initials — so a
    homophone typo finds the name), then the cjk full-text index with a fuzzy pinyin term.
    Each hit says what it matched on; every branch is an index lookup, never a scan."""
    from graph.names import normalize_text, pinyin_full, pinyin_initials, to_simplified

    key = normalize_text(q)
    latin = key.isascii()
    pinyin = key if latin else pinyin_full(key)
    initials = key if latin else pinyin_initials(key)
    simplified = to_simplified(q.strip())
    lucene = " OR ".join(
        [f'name:"{_escape(simplified)}"', f'aliasText:"{_escape(simplified)}"']
        + ([f"pinyin:{_escape(pinyin)}~1"] if pinyin else [])
    )
    branches = []
    for label in labels:
        branches += [
            f"MATCH (n:{label} {{nameKey: $key}}) RETURN n, 'name' AS on, 10.0 AS score",
            f"MATCH (n:{label} {{pinyin: $pinyin}}) RETURN n, 'pinyin' AS on, 6.0 AS score",
            f"MATCH (n:{label} {{initials: $initials}}) RETURN n, 'initials' AS on, 3.0 AS score",
        ]
    branches.append(
        "CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: 50}) YIELD node AS n, score "
        "WHERE any(l IN labels(n) WHERE l IN $labels) RETURN n, 'fulltext' AS on, score"
    )
    rows = db.read(
        "CALL () { " + " UNION ".join(branches) + " } "
        "WITH n, on, score ORDER BY score DESC "
        "WITH n, collect(on) AS matched, max(score) AS best "
        f"RETURN {_node_props('n')} AS node, matched, best ORDER BY best DESC, n.name LIMIT $first",
        key=key, pinyin=pinyin, initials=initials, lucene=lucene, labels=labels, first=first,
    )
    return rows


def _escape(text: str) -> str:
    special = set('+-&|!(){}[]^"~*?:\\/')
    return "".join("\\" + c if c in special else c for c in text)


# ---------------------------------------------------------------- paths


def shortest_paths(db: Database, source: str, target: str, max_hops: int, first: int) -> list[dict[str, Any]]:
    la, lb = label_of(source), label_of(target)
    if not la or not lb:
        return []
    types = "|".join(FACT_TYPES)
    return db.read(
        f"MATCH (a:{la} {{id: $a}}), (b:{lb} {{id: $b}}) "
        f"MATCH p = allShortestPaths((a)-[:{types}*..{int(max_hops)}]-(b)) "
        "WITH p LIMIT $first "
        f"RETURN [n IN nodes(p) | {_node_props('n')}] AS nodes, "
        "[r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, "
        "  props: properties(r)}] AS edges",
        a=source, b=target, first=first,
    )


def neighborhood(db: Database, node_id: str, depth: int, limit: int) -> dict[str, Any]:
    label = label_of(node_id)
    if not label:
        return {"nodes": [], "edges": []}
    types = "|".join(FACT_TYPES)
    row = db.read(
        f"MATCH (c:{label} {{id: $id}}) "
        f"OPTIONAL MATCH p = (c)-[:{types}*1..{int(depth)}]-(o) "
        "WITH c, p LIMIT $limit "
        "WITH c, collect(p) AS paths "
        "WITH c, [c] + reduce(acc = [], p IN paths | acc + nodes(p)) AS ns, "
        "     reduce(acc = [], p IN paths | acc + relationships(p)) AS rs "
        "UNWIND ns AS n WITH c, rs, collect(DISTINCT n) AS ns "
        "UNWIND (CASE WHEN rs = [] THEN [null] ELSE rs END) AS r "
        "WITH ns, collect(DISTINCT r) AS rs "
        f"RETURN [n IN ns[..$limit] | {_node_props('n')}] AS nodes, "
        "[r IN rs | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS edges",
        id=node_id, limit=limit,
    )
    if not row:
        return {"nodes": [], "edges": []}
    nodes = row[0]["nodes"]
    ids = {n["id"] for n in nodes}
    edges = [e for e in row[0]["edges"] if e["from"] in ids and e["to"] in ids]
    return {"nodes": nodes, "edges": edges}


# ---------------------------------------------------------------- story leads

STORY_LEADS = {
    # a national honoree no article has featured yet
    "NEVER_FEATURED": (
        "MATCH (p:Person)-[r:RECEIVED]->(h:Honor {level: 'national'}) "
        "WHERE NOT EXISTS { MATCH (:Article)-[:MENTIONS]->(p) } "
        "WITH p, collect(h.name + coalesce(' ' + toString(r.year), ''))[0] AS what, "
        "     collect(r.evidence[0])[0] AS evidence "
        "RETURN p.id AS id, what AS reason, evidence ORDER BY p.name, p.id LIMIT $first"
    ),
    # a mentor whose mentees became honorees themselves
    "MENTEES_HONORED": (
        "MATCH (m:Person)-[t:MENTORS]->(p:Person)-[r:RECEIVED]->(h:Honor) "
        "WITH m, collect(DISTINCT p.name + '（' + h.name + '）') AS honored, collect(t.evidence[0])[0] AS evidence "
        "RETURN m.id AS id, '徒弟获评: ' + reduce(s = '', x IN honored[..5] | s + x + ' ') AS reason, evidence "
        "ORDER BY size(honored) DESC, m.id LIMIT $first"
    ),
    # a round anniversary of an honor this year (5, 10, 20, 30 … years)
    "ANNIVERSARY": (
        "MATCH (p:Person)-[r:RECEIVED]->(h:Honor) WHERE r.year IS NOT NULL "
        "WITH p, r, h, $year - r.year AS years WHERE years > 0 AND (years % 10 = 0 OR years = 5) "
        "RETURN p.id AS id, h.name + ' ' + toString(r.year) + ' (' + toString(years) + ' 周年)' AS reason, "
        "r.evidence[0] AS evidence ORDER BY years DESC, p.name, p.id LIMIT $first"
    ),
}


def story_leads(db: Database, kind: str, first: int, year: int) -> list[dict[str, Any]]:
    """Leads for the publicity team, each with the evidence of the fact behind it."""
    return db.read(STORY_LEADS[kind], first=first, year=year)
