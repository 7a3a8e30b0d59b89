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
    has_outcomes: bool | None = None


def _filter_clause(label: str) -> str:
    """WHERE conditions of a filter; each is skipped when its parameter is null."""
    placed = "EXISTS { MATCH (n)-[:LOCATED_IN]->(g:Region) WHERE g.id IN regionIds }"
    region_of = {
        "Person": "n.region IN regionNames "
                  "OR EXISTS { MATCH (n)-[:WORKS_AT]->(:Unit)-[:PART_OF*0..3]->(:Unit)-[:LOCATED_IN]->(g:Region) "
                  "            WHERE g.id IN regionIds } "
                  "OR EXISTS { MATCH (n)-[:ASSIGNED_TO|SERVES]->(x) WHERE x.id IN regionIds "
                  "            OR EXISTS { MATCH (x)-[:LOCATED_IN]->(g:Region) WHERE g.id IN regionIds } }",
        "Unit": f"n.region IN regionNames OR {placed} "
                "OR EXISTS { MATCH (n)-[:PART_OF*1..3]->(:Unit)-[:LOCATED_IN]->(g:Region) WHERE g.id IN regionIds }",
        "Village": placed,
        "Region": "n.id IN regionIds",
        "Studio": "EXISTS { MATCH (n)-[:HOSTED_BY]->(:Unit)-[:PART_OF*0..3]->(:Unit)-[:LOCATED_IN]->(g:Region) "
                  "WHERE g.id IN regionIds }",
        "Project": "EXISTS { MATCH (n)-[:SERVES]->(:Village)-[:LOCATED_IN]->(g:Region) WHERE g.id IN regionIds }",
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
        f"AND ($unit IS NULL OR {unit_cond}) "
        "AND ($hasOutcomes IS NULL OR $hasOutcomes = (size(coalesce(n.outcomes, [])) > 0))"
    )


# The ids and names of the filter's region and every region below it, computed once per statement.
REGIONS_BELOW = (
    "CALL () { OPTIONAL MATCH (r:Region) WHERE $region IS NOT NULL AND (r.name = $region OR $region IN r.aliases "
    "  OR r.id = $region) "
    "  OPTIONAL MATCH (s:Region)-[:PART_OF*0..6]->(r) "
    "  RETURN collect(DISTINCT s.id) AS regionIds, collect(DISTINCT s.name) + [$region] AS regionNames } "
)


def _filter_params(f: EntityFilter) -> dict[str, Any]:
    from graph.names import normalize_text, unit_key

    return {
        "name": f.name, "nameKey": normalize_text(f.name) if f.name else None,
        "region": f.region, "sector": f.sector, "honor": f.honor, "honorLevel": f.honor_level,
        "yearFrom": f.year_from, "yearTo": f.year_to, "unit": f.unit,
        "unitKey": unit_key(f.unit) if f.unit else None, "hasOutcomes": f.has_outcomes,
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
        f"{REGIONS_BELOW} MATCH (n:{label}) WHERE {_filter_clause(label)} "
        f"AND ($afterId IS NULL OR [{name_expr}, n.id] {op} [$afterName, $afterId]) "
        f"WITH n ORDER BY {name_expr} {order}, n.id {order} LIMIT $limit "
        f"RETURN {_node_props('n')} AS node",
        limit=first + 1, afterName=after_name, afterId=after_id, **_filter_params(f),
    )
    nodes = [r["node"] for r in rows]
    total = None
    if with_total:
        total = db.read(f"{REGIONS_BELOW} MATCH (n:{label}) WHERE {_filter_clause(label)} RETURN count(n) AS c",
                        **_filter_params(f))[0]["c"]
    return nodes[:first], len(nodes) > first, total


# ---------------------------------------------------------------- links


def _match_ids(ids: list[str], labels: tuple[str, ...] = (*ENTITY_LABELS, *SOURCE_LABELS)) -> tuple[str, dict[str, Any]]:
    """A subquery yielding `id, n` for the given ids, one index seek per label (ids carry their
    label as a prefix), never a label-less scan. Unknown prefixes are dropped."""
    by_label: dict[str, list[str]] = {}
    for node_id in dict.fromkeys(ids):
        label = label_of(node_id)
        if label in labels:
            by_label.setdefault(label, []).append(node_id)
    if not by_label:
        return "CALL () { RETURN null AS id, null AS n LIMIT 0 }", {}
    branches = " UNION ALL ".join(f"UNWIND $ids_{label} AS id MATCH (n:{label} {{id: id}}) RETURN id, n"
                                  for label in by_label)
    return f"CALL () {{ {branches} }}", {f"ids_{label}": v for label, v in by_label.items()}


def links(db: Database, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Every fact touching each node, both directions, with the other end: one statement
    for a whole batch, so a nested request costs one query per level."""
    match, params = _match_ids(ids, ENTITY_LABELS)
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if not params:
        return out
    rows = db.read(
        f"{match} "
        "CALL (n) { MATCH (n)-[r]-(o) WHERE type(r) IN $types "
        f"  RETURN r, o, startNode(r) = n AS out LIMIT {LINKS_PER_NODE} }} "
        "RETURN id, type(r) AS type, out, properties(r) AS props, "
        f"{_node_props('o')} AS other",
        types=list(FACT_TYPES), **params,
    )
    for r in rows:
        out.setdefault(r["id"], []).append(r)
    return out


def sources(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Articles and rosters by id (the `sourceIds` of facts)."""
    match, params = _match_ids(ids, SOURCE_LABELS)
    if not params:
        return {}
    rows = db.read(
        f"{match} RETURN n.id AS id, labels(n)[0] AS kind, n.title AS title, n.date AS date, "
        "n.url AS url, n.path AS path, n.publisher AS publisher",
        **params,
    )
    return {r["id"]: r for r in rows}


SENTENCE_ENDS = "。！？!?\n；;"
WINDOW = 200


def sentence_at(window: str, start: int, end: int) -> str:
    """The sentence of `window` holding the characters start..end."""
    left = max((window.rfind(c, 0, start) for c in SENTENCE_ENDS), default=-1)
    rights = [i for i in (window.find(c, end) for c in SENTENCE_ENDS) if i >= 0]
    right = min(rights) if rights else len(window) - 1
    return window[left + 1:right + 1].strip()


def mentions(db: Database, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Sources mentioning each entity, with the words used and the sentence around them
    (cut in Cypher to a window around each span, so whole articles never travel)."""
    match, params = _match_ids(ids, ENTITY_LABELS)
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if not params:
        return out
    rows = db.read(
        f"{match} MATCH (s)-[m:MENTIONS]->(n) "
        "WITH id, s, m, [span IN coalesce(m.spans, []) | "
        "  [toInteger(split(span, '-')[0]), toInteger(split(span, '-')[1])]] AS spans "
        "RETURN id, s.id AS source, m.spans AS spans, "
        "CASE WHEN s.text IS NULL THEN [] ELSE [x IN spans | {start: x[0], end: x[1], "
        "  from: CASE WHEN x[0] < $window THEN 0 ELSE x[0] - $window END, "
        "  text: substring(s.text, CASE WHEN x[0] < $window THEN 0 ELSE x[0] - $window END, "
        "                  x[1] - x[0] + 2 * $window)}] END AS windows "
        "ORDER BY s.date, s.id",
        window=WINDOW, **params,
    )
    for r in rows:
        words, sentences = [], []
        for w in r.pop("windows"):
            a, b = w["start"] - w["from"], w["end"] - w["from"]
            words.append(w["text"][a:b])
            sentence = sentence_at(w["text"], a, b)
            if sentence not in sentences:
                sentences.append(sentence)
        r["names"], r["sentences"] = words, sentences
        out.setdefault(r["id"], []).append(r)
    return out


MentionedKey = tuple[str, "tuple[str, ...] | None", int]


def mentioned(db: Database, keys: list[MentionedKey]) -> dict[MentionedKey, list[dict[str, Any]]]:
    """The entities each source (article or roster) mentions, in order of first mention;
    keys are (source id, labels or None, limit). One statement per distinct (labels, limit)."""
    out: dict[MentionedKey, list[dict[str, Any]]] = {k: [] for k in keys}
    groups: dict[tuple[Any, int], list[str]] = {}
    for source_id, labels, limit in dict.fromkeys(keys):
        groups.setdefault((labels, limit), []).append(source_id)
    for (labels, limit), ids in groups.items():
        match, params = _match_ids(ids, SOURCE_LABELS)
        if not params:
            continue
        rows = db.read(
            f"{match} CALL (n) {{ MATCH (n)-[m:MENTIONS]->(e) "
            "  WHERE $labels IS NULL OR labels(e)[0] IN $labels "
            "  WITH m, e, coalesce(toInteger(split(coalesce(m.spans, ['0-0'])[0], '-')[0]), 0) AS at "
            "  ORDER BY at, e.name, e.id LIMIT $limit "
            f"  RETURN m.spans AS spans, {_node_props('e')} AS node }} "
            "RETURN id, spans, node",
            labels=list(labels) if labels is not None else None, limit=limit, **params,
        )
        for r in rows:
            out.setdefault((r["id"], labels, limit), []).append(r)
    return out


def external_ids(db: Database, ids: list[str]) -> dict[str, list[str]]:
    match, params = _match_ids(ids, ("Person",))
    if not params:
        return {}
    rows = db.read(f"{match} MATCH (e:ExternalId)-[:IDENTIFIES]->(n) "
                   "RETURN id, collect(e.key) AS keys", **params)
    return {r["id"]: sorted(r["keys"]) for r in rows}


LINEAGE_CAP = 2000


def lineage(db: Database, person_id: str, depth: int) -> list[dict[str, Any]]:
    """Mentorship edges below a person down to `depth`, for drawing as a tree (at most
    LINEAGE_CAP edges, nearest generations first)."""
    return db.read(
        f"MATCH path = (root:Person {{id: $id}})-[:MENTORS*1..{int(depth)}]->(p:Person) "
        "WITH path ORDER BY length(path) LIMIT $cap "
        "WITH last(relationships(path)) AS r "
        "WITH DISTINCT r RETURN startNode(r).id AS mentor, endNode(r).id AS mentee, "
        "endNode(r).name AS name",
        id=person_id, cap=LINEAGE_CAP,
    )


@dataclass
class MentorshipFilter:
    mentor: str | None = None  # id or name
    mentee: str | None = None  # id or name
    year_from: int | None = None
    year_to: int | None = None
    mentee_honored: bool | None = None  # the mentee received an honor
    honor_level: str | None = None  # … of this level


MENTORSHIP_WHERE = (
    "($mentor IS NULL OR a.id = $mentor OR a.name = $mentor) "
    "AND ($mentee IS NULL OR b.id = $mentee OR b.name = $mentee) "
    "AND ($yearFrom IS NULL OR coalesce(r.since, r.year) >= $yearFrom) "
    "AND ($yearTo IS NULL OR coalesce(r.since, r.year) <= $yearTo) "
    "AND ($honored IS NULL OR $honored = EXISTS { MATCH (b)-[:RECEIVED]->(h:Honor) "
    "     WHERE $honorLevel IS NULL OR h.level = $honorLevel }) "
    "AND ($honored IS NOT NULL OR $honorLevel IS NULL "
    "     OR EXISTS { MATCH (b)-[:RECEIVED]->(h:Honor {level: $honorLevel}) }) "
)


def mentorship_page(db: Database, first: int, after: str | None, f: MentorshipFilter | None = None,
                    with_total: bool = False) -> tuple[list[dict[str, Any]], bool, int | None]:
    """Mentor → mentee pairs in (mentor name → mentee name, ids) order after the cursor."""
    f = f or MentorshipFilter()
    after_name, after_id = decode_cursor(after) if after else (None, None)
    params = {"mentor": f.mentor, "mentee": f.mentee, "yearFrom": f.year_from, "yearTo": f.year_to,
              "honored": f.mentee_honored, "honorLevel": f.honor_level}
    rows = db.read(
        f"MATCH (a:Person)-[r:MENTORS]->(b:Person) WHERE {MENTORSHIP_WHERE}"
        "WITH a, b, r, a.name + '→' + b.name AS key, a.id + '|' + b.id AS kid "
        "WHERE $afterId IS NULL OR [key, kid] > [$afterName, $afterId] "
        "RETURN key, kid, properties(r) AS props, "
        f"{_node_props('a')} AS mentor, {_node_props('b')} AS mentee "
        "ORDER BY key, kid LIMIT $limit",
        afterName=after_name, afterId=after_id, limit=first + 1, **params,
    )
    total = None
    if with_total:
        total = db.read(f"MATCH (a:Person)-[r:MENTORS]->(b:Person) WHERE {MENTORSHIP_WHERE}"
                        "RETURN count(r) AS c", **params)[0]["c"]
    return rows[:first], len(rows) > first, total


def honor_concentration(db: Database, by: str, level: str | None, first: int) -> list[dict[str, Any]]:
    """Units (with their parts) or studios ranked by how many honored people they hold:
    people working there (or leading / belonging to the studio) and the honors they
    received, plus honors the unit or studio received itself."""
    if by == "Unit":
        people = ("MATCH (p:Person)-[:WORKS_AT]->(:Unit)-[:PART_OF*0..3]->(g:Unit) "
                  "MATCH (p)-[r:RECEIVED]->(h:Honor) WHERE $level IS NULL OR h.level = $level "
                  "RETURN g, p, r")
    elif by == "Studio":
        people = ("MATCH (p:Person)-[:LEADS|MEMBER_OF]->(g:Studio) "
                  "MATCH (p)-[r:RECEIVED]->(h:Honor) WHERE $level IS NULL OR h.level = $level "
                  "RETURN g, p, r")
    else:
        raise ValueError(f"unknown grouping {by!r}")
    own = (f"MATCH (g:{by})-[r:RECEIVED]->(h:Honor) WHERE $level IS NULL OR h.level = $level "
           "RETURN g, null AS p, r")
    return db.read(
        f"CALL () {{ {people} UNION ALL {own} }} "
        "WITH g, count(DISTINCT p) AS honorees, count(DISTINCT r) AS awards, "
        "     collect(DISTINCT p.name)[..10] AS names "
        "ORDER BY honorees DESC, awards DESC, g.name, g.id LIMIT $first "
        f"RETURN {_node_props('g')} AS node, honorees, awards, names",
        level=level, first=first,
    )


# ---------------------------------------------------------------- search


SEARCH_MAX_CHARS = 80
"""Longer than any name in pinyin; a longer term would make the fuzzy full-text query's work
(and memory in Neo4j) grow with the term, so it is refused before any Cypher runs."""


def search(db: Database, q: str, labels: list[str], first: int) -> list[dict[str, Any]]:
    """One box across all types: exact name key, pinyin (full, spaced, initials — so a
    homophone typo finds the name), then the cjk full-text index with a fuzzy pinyin term.
    Each hit says what it matched on; every branch is an index lookup, never a scan."""
    from graph.names import normalize_text, pinyin_full, pinyin_initials, to_simplified

    if len(q) > SEARCH_MAX_CHARS:
        raise ValueError(f"a search term has at most {SEARCH_MAX_CHARS} characters, not {len(q):,}")
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
