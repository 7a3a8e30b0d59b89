"""Every read the API makes, as a few batched Cypher statements.

Resolvers never build Cypher: they ask for a page of entities (keyset cursor on
name, id), the links of a batch of nodes (one statement for a whole level of a
nested GraphQL request), the sources of a batch of facts, a search, a path, a
neighborhood. Labels and relationship types are formatted in from the vocabulary's
constants only; everything a client sends travels as a parameter.

Every statement here returns maps, lists and scalars (nodes through `node_map`, temporals as
text), so rows are taken as the driver gives them (`Database.read_values`), not walked again.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Iterable

from graph.cypher.search import escape
from graph.db import Database
from graph.errors import InvalidRequest
from graph.identity import name_key
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES, SOURCE_LABELS
LINKS_PER_NODE = 500
PREFIXES = {label.lower(): label for label in (*ENTITY_LABELS, *SOURCE_LABELS)}


def label_of(node_id: str) -> str | None:
    """Ids carry their label as a prefix (person_3f2a…); None for anything else."""
    return PREFIXES.get(node_id.split("_", 1)[0])


# ---------------------------------------------------------------- cursors


def encode_cursor(*keys: str) -> str:
    """Opaque keyset cursor: the sort keys of the last item (sort key, id; or more)."""
    return base64.urlsafe_b64encode(json.dumps(list(keys), ensure_ascii=False).encode()).decode()


def decode_cursor(cursor: str, size: int = 2) -> tuple[str, ...]:
    try:
        keys = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        if not isinstance(keys, list) or len(keys) != size:
            raise ValueError(cursor)
        return tuple(str(k) for k in keys)
    except Exception as exc:
        raise InvalidRequest("invalid cursor") from exc


# ---------------------------------------------------------------- nodes


SHARED_LABELS = ("Entity", "Source")


# Stored for matching, search and bookkeeping, never shown by the API: left out of every node a
# read returns (an article's text is long, timestamps are slow to decode, keys only repeat the name).
UNSHOWN = ("text", "aliasText", "nameKey", "pinyin", "initials", "surname", "unitKey",
           "createdAt", "updatedAt", "loadedAt")
# Shown, but as ISO text: a temporal value in a row sends the whole row through the driver's
# slow conversion (graph/db.py `_as_dict`), which after `kg analyze` was every row with a person.
AS_TEXT = ("analyzedAt",)


SOURCE_FIELDS = ("s {.id, .title, .date, .url, .path, .publisher, .synthetic, "
                 "kind: [l IN labels(s) WHERE l <> 'Source'][0]}")


def _rel_props(alias: str) -> str:
    """A fact's properties without its timestamps (slow to decode, never shown), with its
    sources (`_sources`: the article or roster of each `sourceIds` entry, one seek each), so
    the API shows a fact's provenance without another statement."""
    return (f"{alias} {{.*, createdAt: null, updatedAt: null, _sources: COLLECT {{ "
            f"UNWIND coalesce({alias}.sourceIds, []) AS sid MATCH (s:Source {{id: sid}}) RETURN {SOURCE_FIELDS} }}}}")


def node_map(alias: str, extra: str = "") -> str:
    """A node as a map, with its own label (not the shared :Entity / :Source) as `label`, and
    the `extra` entries given (`key: expression, …`)."""
    own = f"[l IN labels({alias}) WHERE NOT l IN {list(SHARED_LABELS)!r}][0]"
    entries = [*(f"{k}: null" for k in UNSHOWN), *(f"{k}: toString({alias}.{k})" for k in AS_TEXT), *([extra] if extra else [])]
    return f"{alias} {{.*, label: {own}, {', '.join(entries)}}}"


def nodes_by_id(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Nodes by id (any label), following merges: an absorbed id gives the survivor.
    One statement whatever the labels: each id is one seek on :Entity or :Source."""
    entities = [i for i in dict.fromkeys(ids) if label_of(i) in ENTITY_LABELS]
    sources = [i for i in dict.fromkeys(ids) if label_of(i) in SOURCE_LABELS]
    if not entities and not sources:
        return {}
    rows = db.read_values(
        "CALL () { UNWIND $entities AS id MATCH (n:Entity {id: id}) RETURN id, n "
        "UNION ALL UNWIND $sources AS id MATCH (n:Source {id: id}) RETURN id, n "
        "UNION ALL UNWIND $entities AS id MATCH (a:Absorbed {id: id}) MATCH (n:Entity {id: a.mergedInto}) "
        f"RETURN id, n }} RETURN id, {node_map('n')} AS node",
        entities=entities, sources=sources,
    )
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
    level: str | None = None  # the node's own level (an honor's, a studio's)
    region_given: str | None = None  # the region as written, when it was read as another name (嘉兴 → 嘉兴市)


def _region_of(label: str) -> str:
    """Whether n lies in the filter's region or below it (regionIds, regionNames, regionUnits
    from REGIONS_BELOW)."""
    placed = "EXISTS { MATCH (n)-[:LOCATED_IN]->(g:Region) WHERE g.id IN regionIds }"
    return {
        "Person": "n.region IN regionNames "
                  "OR EXISTS { MATCH (n)-[:WORKS_AT]->(u:Unit) WHERE u IN regionUnits } "
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


def _honor_where(f: EntityFilter, h: str = "h", r: str = "rh") -> list[str]:
    """Conditions on an honor h received as r; only those the filter gives."""
    return [c for c, given in (
        (f"({h}.name = $honor OR $honor IN {h}.aliases)", f.honor is not None),
        (f"{h}.level = $honorLevel", f.honor_level is not None),
        (f"{r}.year >= $yearFrom", f.year_from is not None),
        (f"{r}.year <= $yearTo", f.year_to is not None),
    ) if given]


def _honored(f: EntityFilter) -> bool:
    return any(v is not None for v in (f.honor, f.honor_level, f.year_from, f.year_to))


UNIT_MATCH = "u.id = $unit OR u.name = $unit OR $unit IN u.aliases OR u.unitKey = $unitKey"


def _conditions(label: str, f: EntityFilter, skip: frozenset[str] = frozenset()) -> list[str]:
    """The filter's conditions on n, composed only from what is given (a missing filter adds
    nothing to the statement, so the planner never sees `$x IS NULL OR …`); `skip` leaves
    out the dimensions the statement already starts from."""
    out = []
    if f.name is not None:
        out.append("(n.name CONTAINS $name OR n.nameKey CONTAINS $nameKey OR $name IN n.aliases)")
    if f.sector is not None and "sector" not in skip:
        out.append("n.sector = $sector")
    if _honored(f) and "honor" not in skip:
        out.append(f"EXISTS {{ MATCH (n)-[rh:RECEIVED]->(h:Honor) WHERE {' AND '.join(_honor_where(f))} }}")
    if f.unit is not None and "unit" not in skip:
        out.append(f"EXISTS {{ MATCH (n)-[:WORKS_AT|HOSTED_BY|PART_OF]->(u:Unit) WHERE {UNIT_MATCH} }}")
    if f.has_outcomes is not None:
        out.append("$hasOutcomes = (size(coalesce(n.outcomes, [])) > 0)")
    if f.level is not None:
        out.append("n.level = $level")
    if f.region is not None and "region" not in skip:
        out.append(f"({_region_of(label)})")  # last: the dearest check runs on the fewest rows
    return out


def _where(conditions: list[str]) -> str:
    return " AND ".join(conditions) if conditions else "true"


# The ids and names of the filter's region and every region below it, computed once per statement.
REGIONS_BELOW = (
    "CALL () { OPTIONAL MATCH (r:Region) WHERE r.name = $region OR $region IN r.aliases OR r.id = $region "
    "  OPTIONAL MATCH (s:Region)-[:PART_OF*0..6]->(r) "
    "  WITH collect(DISTINCT s) AS regions "
    "  WITH regions, [g IN regions | g.id] AS ids, [g IN regions | g.name] AS names "
    "  CALL (regions) { UNWIND regions AS g MATCH (g)<-[:LOCATED_IN]-(u:Unit) RETURN collect(DISTINCT u) AS located } "
    "  WITH ids, names, located, COLLECT { MATCH (team:Unit)-[:PART_OF]->(whole:Unit) RETURN [team, whole] } AS parts "
    "  WITH ids, names, located, parts, [p IN parts WHERE p[1] IN located | p[0]] AS below1 "
    "  WITH ids, names, located, parts, below1, [p IN parts WHERE p[1] IN below1 | p[0]] AS below2 "
    "  WITH ids, names, located, below1 + below2 + [p IN parts WHERE p[1] IN below2 | p[0]] AS teams "
    "  RETURN ids AS regionIds, names + [w IN $regionWords WHERE NOT w IN names] AS regionNames, "
    "    located + [t IN teams WHERE NOT t IN located] AS regionUnits } "
)
"""The region subtree, computed once per statement: its ids and names, and the units located
in it with their teams and branches (three levels down), so checking a person is one hop to
their units. The teams are read from the graph's PART_OF relationships between units and kept
where their whole is in the region, not found by walking down from every located unit: a unit's
relationships are mostly its people's, so that walk read them all (83,000 db hits, 20 ms, for a
city of 2,458 units at 100k people). This way costs about 1 ms per 1,000 teams in the whole
graph, whatever the region."""
REGION_SCOPE = "regionIds, regionNames, regionUnits"


def filter_of(label: str, f: EntityFilter) -> tuple[str, str, dict[str, Any]]:
    """(preamble, condition on n, parameters) of a `people`-style filter, for the statements of
    other modules (leads, research views) that filter as the pages do: composed from what is
    given only. The preamble (the region subtree) goes before the statement's first MATCH."""
    return (REGIONS_BELOW if f.region is not None else ""), _where(_conditions(label, f)), _filter_params(f)


def _filter_params(f: EntityFilter) -> dict[str, Any]:
    from graph.names import normalize_text, unit_key

    given = {
        "name": f.name, "nameKey": normalize_text(f.name) if f.name else None,
        "region": f.region, "sector": f.sector, "honor": f.honor, "honorLevel": f.honor_level,
        "yearFrom": f.year_from, "yearTo": f.year_to, "unit": f.unit,
        "unitKey": unit_key(f.unit) if f.unit else None, "hasOutcomes": f.has_outcomes, "level": f.level,
        "regionWords": [w for w in dict.fromkeys((f.region, f.region_given)) if w] if f.region is not None else None,
    }
    return {k: v for k, v in given.items() if v is not None}


@dataclass(frozen=True)
class Candidates:
    """Clauses yielding the distinct n that pass the filter's most selective dimension, starting
    from that side of the graph; the dimensions they already decided; and whether they are
    few enough to sort (a unit's people, a named honor's recipients, a county's people) rather
    than walk the sort-key index and stop at the page's end (an honor level, a span of years,
    a sector, a province)."""

    clauses: str
    decided: frozenset[str]
    few: bool


def _candidates(label: str, f: EntityFilter) -> Candidates | None:
    """The filter's candidates (`Candidates`); None when nothing narrows the label (then only a
    walk or the count store will do)."""
    if label != "Person":
        return None
    if f.unit is not None:
        return Candidates(f"MATCH (u:Unit) WHERE {UNIT_MATCH} MATCH (n:Person)-[:WORKS_AT|HOSTED_BY|PART_OF]->(u) "
                          "WITH DISTINCT n", frozenset({"unit"}), True)
    local = f.region is not None and _local(f.region)
    if _honored(f) and not (local and f.honor is None):  # a level's honorees outnumber a county's people
        honor = [c for c in _honor_where(f) if c.startswith(("h.", "(h."))]
        rel = [c for c in _honor_where(f) if c.startswith("rh.")]
        start = (f"MATCH (h:Honor) WHERE {' AND '.join(honor)} MATCH (n:Person)-[rh:RECEIVED]->(h)" if honor
                 else "MATCH (n:Person)-[rh:RECEIVED]->(h:Honor)")
        return Candidates(f"{start}{' WHERE ' + ' AND '.join(rel) if rel else ''} WITH DISTINCT n",
                          frozenset({"honor"}), f.honor is not None)
    if f.region is not None and (local or f.sector is None):
        # UNION ALL, then DISTINCT on n alone: a UNION inside the scope would keep each row
        # with the region's unit list beside it (184 MB for a county of 12,000 people at 100k,
        # past the transaction memory limit at 1M; 0.4 MB this way)
        return Candidates(f"CALL ({REGION_SCOPE}) {{ "
                          "  UNWIND regionNames AS place MATCH (n:Person {region: place}) RETURN n "
                          "  UNION ALL UNWIND regionUnits AS u MATCH (u)<-[:WORKS_AT]-(n:Person) RETURN n "
                          "  UNION ALL UNWIND regionIds AS rid MATCH (:Region {id: rid})<-[:LOCATED_IN*0..1]-(x)"
                          "<-[:ASSIGNED_TO|SERVES]-(n:Person) RETURN n } WITH DISTINCT n", frozenset({"region"}), local)
    if f.sector is not None:
        return Candidates("MATCH (n:Person) WHERE n.sector = $sector", frozenset({"sector"}), False)
    return None


def _local(region: str) -> bool:
    """Whether a region is a county, district or smaller (or not in the gazetteer): its people
    are few, so a span of years or an honor level starts from them rather than from every award
    of those years (checking where each of 30,000 honorees lives cost 440 ms at 100k people;
    reading a county's people first and checking their honors, 75 ms) or every honoree of the
    level (national honorees of a county: 69–73 ms from the honors, 48–61 ms from the county)."""
    from graph.places import find

    found = find(region)
    return found is None or found.kind not in ("province", "city")


def page(db: Database, label: str, first: int, after: str | None, f: EntityFilter,
         descending: bool = False, with_total: bool = False, before: str | None = None,
         backward: bool = False, parts: frozenset[str] = frozenset(),
         fact_types: Iterable[str] = ()) -> tuple[list[dict[str, Any]], bool, int | None]:
    """A page in sort-key order (pinyin of the name, then id) between the cursors, and the
    exact total only when asked for — one statement either way. `backward`: the last `first`
    before `before` (Relay's `last`/`before`), still returned in the page's order; the flag
    returned says whether more lie beyond the page in the direction walked. With `parts`
    (PAGE_PARTS; facts of the kinds `fact_types`), each node comes with those parts of its own
    page under `_parts`, read in the same statement: a list and what its fields show of each
    node are one round trip.

    The page walks the label's sortKey index in order and checks the filter on each node
    until it has `first + 1`: no sort, and a walk that stops early. A unit, an honor title or
    a county (a few people among many, `Candidates.few`) starts from that side instead, sorting the few.
    The total starts from the filter's most selective side (`_candidates`), or is the label's
    count-store figure when nothing is filtered: it never reads every node of the label to
    count some of them."""
    assert label in (*ENTITY_LABELS, *SOURCE_LABELS)
    walk_desc = descending != backward  # the order the index is walked in
    order = "DESC" if walk_desc else "ASC"
    params: dict[str, Any] = {**_filter_params(f), "limit": first + 1}
    bounds = []  # (cursor keys, comparison in the walk's terms)
    if after:
        key, ident = decode_cursor(after)
        params.update(afterKey=key, afterId=ident)
        bounds.append(("after", "<" if descending else ">"))
    if before:
        key, ident = decode_cursor(before)
        params.update(beforeKey=key, beforeId=ident)
        bounds.append(("before", ">" if descending else "<"))
    cursors = [f"(n.sortKey {op} ${b}Key OR (n.sortKey = ${b}Key AND n.id {op} ${b}Id))" for b, op in bounds]
    # the bound the walk starts from narrows the index seek
    start = next(((b, op) for b, op in bounds if (op == "<") == walk_desc), None)
    preamble = REGIONS_BELOW if f.region is not None else ""
    narrow = _candidates(label, f)
    if narrow is not None and narrow.few:
        source, decided = narrow.clauses, narrow.decided
        conditions = _conditions(label, f, decided)
    else:
        source = (f"MATCH (n:{label}) WHERE n.sortKey {start[1]}= ${start[0]}Key" if start is not None
                  else f"MATCH (n:{label}) WHERE n.sortKey IS NOT NULL")
        conditions = _conditions(label, f)
    conditions = [*cursors, *conditions]
    scope = REGION_SCOPE if preamble else ""
    asked, with_parts, part_params = _parts_read(parts if label in ENTITY_LABELS else (), fact_types)
    node = node_map("n", f"_parts: {{{', '.join(f'{p}: {p}' for p in asked)}}}" if asked else "")
    params.update(part_params)
    counted = narrow if with_total else None
    if counted is not None and counted.few:
        # the total reads the few candidates anyway: the page is the first of them in order
        c_source, decided = counted.clauses, counted.decided
        rows = db.read_values(
            f"{preamble}CALL ({scope}) {{ {c_source} WITH n WHERE {_where(_conditions(label, f, decided))} "
            "  WITH collect(n) AS found "
            f"  CALL (found) {{ UNWIND found AS n WITH n WHERE {_where(cursors)} "
            f"    WITH n ORDER BY n.sortKey {order}, n.id {order} LIMIT $limit {with_parts}"
            f"    RETURN collect({node}) AS nodes }} "
            "  RETURN size(found) AS total, nodes } RETURN nodes, total", **params)
        nodes = _parts_shaped(rows[0]["nodes"]) if rows else []
        return _in_order(nodes, first, backward), len(nodes) > first, rows[0]["total"] if rows else 0
    page_part = (f"CALL ({scope}) {{ {source} WITH n WHERE {_where(conditions)} "
                 f"WITH n ORDER BY n.sortKey {order}, n.id {order} LIMIT $limit {with_parts}"
                 f"RETURN collect({node}) AS nodes }} ")
    total_part, total = "", "null"
    if with_total:
        if counted is None and not _conditions(label, f):
            total_part, total = f"CALL () {{ RETURN COUNT {{ (:{label}) }} AS total }} ", "total"
        else:
            c_source, decided = _counted_from(label, counted)
            total_part = (f"CALL ({scope}) {{ {c_source} "
                          f"WITH n WHERE {_where(_conditions(label, f, decided))} RETURN count(n) AS total }} ")
            total = "total"
    rows = db.read_values(f"{preamble}{total_part}{page_part}RETURN nodes, {total} AS total", **params)
    nodes = _parts_shaped(rows[0]["nodes"]) if rows else []
    return _in_order(nodes, first, backward), len(nodes) > first, rows[0]["total"] if rows and with_total else None


def count(db: Database, label: str, f: EntityFilter) -> int:
    """The exact number of `label` nodes passing the filter, from its most selective side (a
    page's totalCount when the page itself did not count)."""
    preamble = REGIONS_BELOW if f.region is not None else ""
    scope = REGION_SCOPE if preamble else ""
    counted = _candidates(label, f)
    if counted is None and not _conditions(label, f):
        return db.read_values(f"RETURN COUNT {{ (:{label}) }} AS total")[0]["total"]
    c_source, decided = _counted_from(label, counted)
    rows = db.read_values(f"{preamble}CALL ({scope}) {{ {c_source} WITH n WHERE {_where(_conditions(label, f, decided))} "
                   "RETURN count(n) AS total } RETURN total", **_filter_params(f))
    return rows[0]["total"] if rows else 0


def _counted_from(label: str, counted: Candidates | None) -> tuple[str, frozenset[str]]:
    """Where a count starts: the filter's candidates, or every node of the label."""
    return (counted.clauses, counted.decided) if counted else (f"MATCH (n:{label})", frozenset())


def _in_order(rows: list[Any], first: int, backward: bool) -> list[Any]:
    """The page's rows in the page's order: a backward walk read them last first."""
    return rows[:first][::-1] if backward else rows[:first]


# ---------------------------------------------------------------- links


def _match_ids(ids: list[str], labels: tuple[str, ...]) -> tuple[str, dict[str, Any]]:
    """Clauses yielding `id, n` for the given ids: one index seek each, on the one label asked
    for or on the shared :Entity / :Source (ids carry their label as a prefix; unknown
    prefixes are dropped). The statement's text is the same for any mix of labels, so Neo4j
    plans it once."""
    wanted = [i for i in dict.fromkeys(ids) if label_of(i) in labels]
    if not wanted:
        return "", {}
    if len(labels) == 1:
        label = labels[0]
    elif set(labels) <= set(ENTITY_LABELS):
        label = "Entity"
    elif set(labels) <= set(SOURCE_LABELS):
        label = "Source"
    else:
        raise ValueError("entities and sources are matched apart")
    return f"UNWIND $ids AS id MATCH (n:{label} {{id: id}})", {"ids": wanted}


SENTENCE_ENDS = "。！？!?\n；;"
WINDOW = 200  # characters of text on each side of a mention, enough for its sentence

COLLEAGUE_MAP = "c {.id, .name, .aliases, .gender, .sector, .region, label: 'Person'}"
"""A colleague as the Person type's own fields show it (api/types.py Person)."""


def _links(node: str, types: str, part: str) -> str:
    """The page part reading the facts of the kinds `types` lists touching `node` (both bound
    before it) as `part`: PAGE_PARTS["links"], and again for the nodes at their other ends
    (`pages`' facts read ahead), where `n`, `factTypes` and `links` are taken."""
    return (f"CALL ({node}, {types}) {{ UNWIND {types} AS t "
            f"CALL ({node}, t) {{ MATCH ({node})-[r:$(t)]-(o) RETURN r, o LIMIT {LINKS_PER_NODE} }} "
            f"WITH collect({{type: type(r), out: startNode(r) = {node}, "
            f"props: r {{.*, createdAt: null, updatedAt: null}}, other: {node_map('o')}}}) AS facts, "
            "  collect(r.sourceIds) AS cited "
            "CALL (cited) { UNWIND cited AS ids UNWIND ids AS sid WITH DISTINCT sid "
            f"  MATCH (s:Source {{id: sid}}) RETURN collect({SOURCE_FIELDS}) AS sources }} "
            f"RETURN {{facts: facts, sources: sources}} AS {part} }}")


def _colleagues(node: str, part: str) -> str:
    """The page part reading a person's colleagues `c`, each shown as `node`."""
    return ("CALL (n) { MATCH (n:Person)-[:WORKS_AT]->(:Unit)<-[:WORKS_AT]-(c:Person) "
            f"WHERE c <> n WITH DISTINCT c LIMIT {LINKS_PER_NODE} RETURN collect({node}) AS {part} }}")


# What a node's page may ask besides the node itself, each a CALL subquery over `n` giving one
# row (a collect, empty when there is nothing): a batch reader runs one of them over many ids, and
# `pages` runs the ones a request asks over one node, so a person's page is one statement.
PAGE_PARTS: dict[str, str] = {
    # the facts of the types `factTypes` lists (bound beside n) touching the node, both
    # directions, with the other end: at most LINKS_PER_NODE of each type, so a unit's thousand
    # workers never hide its honors; each cited source read once for all the facts citing it
    # (a project's 400 participants usually come from one roster)
    "links": _links("n", "factTypes", "links"),
    # the people of a person's units, as nodes: without the facts that link them (what `links`
    # reads for a unit: hundreds of rows, each with its sources), and with only the properties
    # a Person shows as fields (COLLEAGUE_MAP): a factory's 500 colleagues as whole nodes were
    # half of a profile's statement. `colleaguesWhole` reads them whole, for a selection that
    # shows more of them (personal data, centrality, community).
    "colleagues": _colleagues(COLLEAGUE_MAP, "colleagues"),
    "colleaguesWhole": _colleagues(node_map("c"), "colleaguesWhole"),
    # the sources mentioning the node (the source node itself too), with a window of text around
    # each span, cut in Cypher so that whole articles never travel
    "mentions": ("CALL (n) { MATCH (s:Source)-[m:MENTIONS]->(n) "
                 "WITH s, m, [span IN coalesce(m.spans, []) | "
                 "  [toInteger(split(span, '-')[0]), toInteger(split(span, '-')[1])]] AS spans "
                 "ORDER BY s.date, s.id "
                 f"RETURN collect({{source: s.id, sourceNode: {node_map('s')}, spans: m.spans, "
                 "windows: CASE WHEN s.text IS NULL THEN [] ELSE [x IN spans | {start: x[0], end: x[1], "
                 "  from: CASE WHEN x[0] < $window THEN 0 ELSE x[0] - $window END, "
                 "  text: substring(s.text, CASE WHEN x[0] < $window THEN 0 ELSE x[0] - $window END, "
                 "                  x[1] - x[0] + 2 * $window)}] END}) AS mentions }"),
    # the record ids sources gave for a person
    "externalIds": ("CALL (n) { MATCH (e:ExternalId)-[:IDENTIFIES]->(n) "
                    "RETURN collect(e.key) AS externalIds }"),
}
PART_PARAMS: dict[str, dict[str, Any]] = {"mentions": {"window": WINDOW}}


def _parts_read(parts: Iterable[str], fact_types: Iterable[str]) -> tuple[list[str], str, dict[str, Any]]:
    """The PAGE_PARTS asked (in their order), the clauses reading them over `n`, and their parameters."""
    asked = [p for p in PAGE_PARTS if p in parts]
    if not asked:
        return [], "", {}
    return (asked, f"WITH n, $factTypes AS factTypes {' '.join(PAGE_PARTS[p] for p in asked)} ",
            {"factTypes": _types_in_order(fact_types), **{k: v for p in asked for k, v in PART_PARAMS.get(p, {}).items()}})


def _parts_shaped(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A list page's nodes with the parts read beside them shaped as `pages` gives them."""
    for n in nodes:
        if "_parts" in n:
            n["_parts"] = {p: _shaped(p, v) for p, v in n["_parts"].items()}
    return nodes


def _shaped(part: str, value: list[Any]) -> list[Any]:
    """A part as the API reads it: mentions with their words and sentences, record ids sorted."""
    if part == "mentions":
        return [_mention(m) for m in value]
    if part == "externalIds":
        return sorted(value)
    if part == "links":
        return _with_sources(value["facts"], value["sources"])
    return value


def _with_sources(facts: list[dict[str, Any]], sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each fact with the source of each of its `sourceIds` (`_sources`, as `_rel_props` gives)."""
    by_id = {s["id"]: s for s in sources}
    for fact in facts:
        props = fact["props"]
        props["_sources"] = [by_id[i] for i in props.get("sourceIds") or [] if i in by_id]
    return facts


def _part(db: Database, ids: list[str], labels: tuple[str, ...], part: str) -> dict[str, list[Any]]:
    """One part of the nodes' pages, for a batch of ids (a nested level of a request)."""
    match, params = _match_ids(ids, labels)
    out: dict[str, list[Any]] = {i: [] for i in ids}
    if not params:
        return out
    for r in db.read_values(f"{match} {PAGE_PARTS[part]} RETURN id, {part}", **params, **PART_PARAMS.get(part, {})):
        out[r["id"]] = _shaped(part, r[part])
    return out


def _types_in_order(fact_types: Iterable[str]) -> list[str]:
    """Fact types in FACT_TYPES order: the same kinds give the same parameter, whatever set they came in."""
    kinds = set(fact_types)
    return [t for t in FACT_TYPES if t in kinds]


FACTS_READ_AHEAD = 50
"""A looked-up entity's facts whose other ends' own facts the document shows (a unit's people
and their honors): read with the page when there are at most this many of them, a page's
worth (a unit of 30 people: 22.9 ms p50 in one statement against 34.7 in two, at 100k). More,
and the next level reads the other ends of its page only."""

AheadAsk = tuple[frozenset[str], frozenset[str]]
"""The kinds of a page's facts whose other ends are read ahead, and the kinds read of them."""


def _ahead(ahead: AheadAsk | None) -> tuple[str, dict[str, Any]]:
    """The clause reading the facts of the other ends of a page's `links` ahead (`pages`) as
    `ahead`, and its parameters; nothing when there is nothing to read ahead."""
    if ahead is None:
        return "", {}
    return ("CALL (links) { WITH [f IN links.facts WHERE f.type IN $aheadOf] AS under "
            "WHERE size(under) <= $aheadMax UNWIND under AS f WITH DISTINCT f.other.id AS aheadId "
            "MATCH (m:Entity {id: aheadId}) WITH m, $aheadTypes AS aheadTypes "
            f"{_links('m', 'aheadTypes', 'aheadLinks')} RETURN collect({{id: m.id, links: aheadLinks}}) AS ahead }} ",
            {"aheadOf": _types_in_order(ahead[0]), "aheadTypes": _types_in_order(ahead[1]), "aheadMax": FACTS_READ_AHEAD})


def pages(db: Database, node_id: str, parts: frozenset[str], fact_types: Iterable[str] = FACT_TYPES,
          ahead: AheadAsk | None = None) -> dict[str, Any] | None:
    """One entity with the parts of its page a request asks (PAGE_PARTS; its facts of the kinds
    `fact_types`), in one statement, merges followed; None when the id is unknown. With `ahead`
    (and `links` asked), the facts of the kinds ahead[1] of the other ends of its facts of the
    kinds ahead[0] too, as `ahead` (id → facts), when there are at most FACTS_READ_AHEAD of them."""
    assert label_of(node_id) in ENTITY_LABELS, node_id
    asked, with_parts, params = _parts_read(parts, fact_types)
    read_ahead, ahead_params = _ahead(ahead if "links" in asked else None)
    columns = [node_map("n") + " AS node", *asked, *(["ahead"] if read_ahead else [])]
    rows = db.read_values(
        "CALL () { MATCH (n:Entity {id: $id}) RETURN n "
        "UNION ALL MATCH (a:Absorbed {id: $id}) MATCH (n:Entity {id: a.mergedInto}) RETURN n } "
        f"WITH n LIMIT 1 {with_parts}{read_ahead}RETURN {', '.join(columns)}",
        id=node_id, **params, **ahead_params,
    )
    if not rows:
        return None
    found = {"node": rows[0]["node"], **{p: _shaped(p, rows[0][p]) for p in asked}}
    if read_ahead:
        found["ahead"] = {a["id"]: _shaped("links", a["links"]) for a in rows[0]["ahead"]}
    return found


def colleagues(db: Database, ids: list[str], whole: bool = False) -> dict[str, list[dict[str, Any]]]:
    """The people of each person's units (PAGE_PARTS["colleagues"]), whole nodes when `whole`."""
    return _part(db, ids, ("Person",), "colleaguesWhole" if whole else "colleagues")


def links(db: Database, asks: dict[str, list[str]]) -> dict[str, list[dict[str, Any]]]:
    """The facts of the given types touching each node (id → fact types), both directions, with
    the other end (PAGE_PARTS["links"], at most LINKS_PER_NODE of a type): one statement for a whole
    batch, so a nested request costs one query per level, and reads only the kinds of facts its
    fields show (a page of people asking their honors does not read their employers)."""
    wanted = [{"id": i, "types": sorted(t)} for i, t in asks.items() if label_of(i) in ENTITY_LABELS]
    assert all(set(a["types"]) <= set(FACT_TYPES) for a in wanted)
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in asks}
    if wanted:
        for r in db.read_values("UNWIND $asks AS ask MATCH (n:Entity {id: ask.id}) "
                         f"WITH ask.id AS id, n, ask.types AS factTypes {PAGE_PARTS['links']} RETURN id, links",
                         asks=wanted):
            out[r["id"]] = _shaped("links", r["links"])
    return out


def links_page(db: Database, node_id: str, types: list[str], out: bool | None, other: list[str] | None,
               year: int | None, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    """One kind of a node's facts, for a node with more than LINKS_PER_NODE of them (an honor's
    recipients): the window `offset`..`offset + limit` in the order of the other end's sort key,
    and how many there are. `out`: True for facts the node states, False for facts about it,
    None for both; `other`: the labels of the other end, None for any."""
    label = label_of(node_id)
    assert label in ENTITY_LABELS and set(types) <= set(FACT_TYPES)
    left, right = ("<-", "-") if out is False else ("-", "->" if out else "-")
    rel = f"{left}[r:{'|'.join(types)}]{right}"
    where = " AND ".join(c for c, given in (
        ("any(l IN labels(o) WHERE l IN $other)", other is not None),
        ("r.year = $year", year is not None)) if given) or "true"
    rows = db.read_values(
        f"MATCH (n:{label} {{id: $id}}) "
        f"CALL (n) {{ MATCH (n){rel}(o) WHERE {where} RETURN count(r) AS total }} "
        f"CALL (n) {{ MATCH (n){rel}(o) WHERE {where} "
        "  WITH r, o ORDER BY o.sortKey, o.id SKIP $offset LIMIT $limit "
        f"  RETURN collect({{id: n.id, type: type(r), out: startNode(r) = n, props: {_rel_props('r')}, "
        f"  other: {node_map('o')}}}) AS links }} "
        "RETURN total, links",
        id=node_id, other=other, year=year, offset=offset, limit=limit,
    )
    return (rows[0]["links"], rows[0]["total"]) if rows else ([], 0)


def sources(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Articles and rosters by id (the `sourceIds` of facts)."""
    match, params = _match_ids(ids, SOURCE_LABELS)
    if not params:
        return {}
    rows = db.read_values(
        f"{match} RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Source'][0] AS kind, n.title AS title, n.date AS date, "
        "n.url AS url, n.path AS path, n.publisher AS publisher, coalesce(n.synthetic, false) AS synthetic",
        **params,
    )
    return {r["id"]: r for r in rows}


def sentence_at(window: str, start: int, end: int) -> str:
    """The sentence of `window` holding the characters start..end."""
    left = max((window.rfind(c, 0, start) for c in SENTENCE_ENDS), default=-1)
    rights = [i for i in (window.find(c, end) for c in SENTENCE_ENDS) if i >= 0]
    right = min(rights) if rights else len(window) - 1
    return window[left + 1:right + 1].strip()


def mentions(db: Database, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Sources mentioning each entity, with the words used and the sentences (PAGE_PARTS["mentions"])."""
    return _part(db, ids, ENTITY_LABELS, "mentions")


def _mention(row: dict[str, Any]) -> dict[str, Any]:
    """A mention with the words the source used and the sentence around each, from its windows."""
    words, sentences = [], []
    for w in row.pop("windows"):
        a, b = w["start"] - w["from"], w["end"] - w["from"]
        words.append(w["text"][a:b])
        sentence = sentence_at(w["text"], a, b)
        if sentence not in sentences:
            sentences.append(sentence)
    row["names"], row["sentences"] = words, sentences
    return row


MentionedKey = tuple[str, "tuple[str, ...] | None", int]


# The entities a source `n` mentions (of the labels `$labels`, all when null), in order of
# first mention, at most `$limit`: one row, a collect.
MENTIONED = ("CALL (n) { MATCH (n)-[m:MENTIONS]->(e) "
             "  WHERE $labels IS NULL OR any(l IN labels(e) WHERE l IN $labels) "
             "  WITH m, e, coalesce(toInteger(split(coalesce(m.spans, ['0-0'])[0], '-')[0]), 0) AS at "
             "  ORDER BY at, e.name, e.id LIMIT $limit "
             f"  RETURN collect({{spans: m.spans, node: {node_map('e')}}}) AS mentioned }} ")


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
        for r in db.read_values(f"{match} {MENTIONED}RETURN id, mentioned",
                         labels=list(labels) if labels is not None else None, limit=limit, **params):
            out[(r["id"], labels, limit)] = r["mentioned"]
    return out


def source_mentioning(db: Database, key: MentionedKey) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """A source's node (None when no source has the id) and what it mentions (`mentioned`'s
    key: id, labels, limit), in one statement: an article's contents page."""
    source_id, labels, limit = key
    if label_of(source_id) not in SOURCE_LABELS:
        return None, []
    rows = db.read_values(f"MATCH (n:Source {{id: $id}}) {MENTIONED}RETURN {node_map('n')} AS node, mentioned",
                   id=source_id, labels=list(labels) if labels is not None else None, limit=limit)
    return (rows[0]["node"], rows[0]["mentioned"]) if rows else (None, [])


def mentioned_count(db: Database, source_id: str, labels: "tuple[str, ...] | None") -> int:
    """How many entities (of those labels) a source mentions."""
    match, params = _match_ids([source_id], SOURCE_LABELS)
    if not params:
        return 0
    rows = db.read_values(f"{match} RETURN COUNT {{ MATCH (n)-[:MENTIONS]->(e) "
                   "WHERE $labels IS NULL OR any(l IN labels(e) WHERE l IN $labels) } AS total",
                   labels=list(labels) if labels is not None else None, **params)
    return rows[0]["total"] if rows else 0


def external_ids(db: Database, ids: list[str]) -> dict[str, list[str]]:
    """Record ids the sources gave for each person (PAGE_PARTS["externalIds"])."""
    return _part(db, ids, ("Person",), "externalIds")


LINEAGE_CAP = 2000


def lineage(db: Database, person_id: str, depth: int, fact_types: Iterable[str] = ()
            ) -> tuple[dict[str, Any] | None, list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The person's node (None when no person has the id), the mentorship edges below it down
    to `depth`, for drawing as a tree (at most LINEAGE_CAP edges, nearest generations first),
    each with its mentee's node; and the facts of the kinds `fact_types` of everyone in the
    tree, the person too (id → facts, as `links` gives them): the person, the tree and what
    it shows of its people are one statement."""
    rows = db.read_values(
        "MATCH (root:Person {id: $id}) "
        "CALL (root) { "
        f"  MATCH path = (root)-[:MENTORS*1..{int(depth)}]->(:Person) "
        "  WITH path ORDER BY length(path) LIMIT $cap "
        "  WITH DISTINCT last(relationships(path)) AS r RETURN startNode(r).id AS mentor, endNode(r) AS n "
        "  UNION ALL RETURN null AS mentor, root AS n } "
        f"WITH mentor, n, $factTypes AS factTypes {PAGE_PARTS['links']} "
        f"RETURN mentor, n.id AS mentee, {node_map('n')} AS node, links",
        id=person_id, cap=LINEAGE_CAP, factTypes=_types_in_order(fact_types),
    )
    facts = {r["mentee"]: _shaped("links", r["links"]) for r in rows}
    root = next((r["node"] for r in rows if r["mentor"] is None), None)
    return root, [r for r in rows if r["mentor"] is not None], facts


@dataclass
class MentorshipFilter:
    mentor: str | None = None  # id or name
    mentee: str | None = None  # id or name
    year_from: int | None = None
    year_to: int | None = None
    mentee_honored: bool | None = None  # the mentee received an honor
    honor_level: str | None = None  # … of this level


def _mentorship_conditions(f: MentorshipFilter, skip: frozenset[str] = frozenset()) -> list[str]:
    """Conditions on a pair (a)-[r:MENTORS]->(b), only those the filter gives."""
    honored = ("EXISTS { MATCH (b)-[:RECEIVED]->(h:Honor) WHERE h.level = $honorLevel }"
               if f.honor_level is not None else "EXISTS { (b)-[:RECEIVED]->(:Honor) }")
    return [c for c, given in (
        ("(a.id = $mentor OR a.name = $mentor)", f.mentor is not None and "mentor" not in skip),
        ("(b.id = $mentee OR b.name = $mentee)", f.mentee is not None and "mentee" not in skip),
        ("coalesce(r.since, r.year) >= $yearFrom", f.year_from is not None),
        ("coalesce(r.since, r.year) <= $yearTo", f.year_to is not None),
        (f"$honored = {honored}", f.mentee_honored is not None and "honored" not in skip),
        (honored, f.mentee_honored is None and f.honor_level is not None and "honored" not in skip),
    ) if given]


def _mentorship_start(f: MentorshipFilter, ordered: bool) -> tuple[str, frozenset[str]]:
    """Where the pairs are read from: a named mentor or mentee (two index seeks), the
    honored mentees (from the Honor side), or the mentors in sortKey order (a walk)."""
    if f.mentor is not None:
        return ("CALL () { MATCH (a:Person {id: $mentor}) RETURN a "
                "UNION MATCH (a:Person:Entity {nameKey: $mentorKey}) WHERE a.name = $mentor RETURN a } "
                "MATCH (a)-[r:MENTORS]->(b:Person)", frozenset({"mentor"}))
    if f.mentee is not None:
        return ("CALL () { MATCH (b:Person {id: $mentee}) RETURN b "
                "UNION MATCH (b:Person:Entity {nameKey: $menteeKey}) WHERE b.name = $mentee RETURN b } "
                "MATCH (a:Person)-[r:MENTORS]->(b)", frozenset({"mentee"}))
    if f.mentee_honored and not ordered:
        level = " WHERE h.level = $honorLevel" if f.honor_level is not None else ""
        return (f"MATCH (h:Honor){level} MATCH (b:Person)-[:RECEIVED]->(h) WITH DISTINCT b "
                "MATCH (a:Person)-[r:MENTORS]->(b)", frozenset({"honored"}))
    return "MATCH (a:Person) WHERE a.sortKey IS NOT NULL MATCH (a)-[r:MENTORS]->(b:Person)", frozenset()


def mentorship_page(db: Database, first: int, after: str | None, f: MentorshipFilter | None = None,
                    with_total: bool = False, before: str | None = None,
                    backward: bool = False) -> tuple[list[dict[str, Any]], bool, int | None]:
    """Mentor → mentee pairs in (mentor, mentee) sort-key order between the cursors, and the
    exact total when asked, in one statement: the page walks mentors in index order (from the
    end when `backward`), the total starts from the most selective side (or is the count
    store's figure)."""
    f = f or MentorshipFilter()
    params = _mentorship_params(f)
    filtered = bool(params)
    start, decided = _mentorship_start(f, ordered=True)
    conditions = _mentorship_conditions(f, decided)
    keys = "[a.sortKey, a.id, b.sortKey, b.id]"
    if after:
        params["after"] = list(decode_cursor(after, 4))
        conditions.insert(0, f"{keys} > $after")
    if before:
        params["before"] = list(decode_cursor(before, 4))
        conditions.insert(0, f"{keys} < $before")
    if backward and before:
        start = start.replace("a.sortKey IS NOT NULL", "a.sortKey <= $before[0]")
    elif not backward and after:
        start = start.replace("a.sortKey IS NOT NULL", "a.sortKey >= $after[0]")
    order = "DESC" if backward else "ASC"
    page_part = (f"CALL () {{ {start} WITH a, r, b WHERE {_where(conditions)} "
                 f"WITH a, r, b ORDER BY a.sortKey {order}, a.id {order}, b.sortKey {order}, b.id {order} LIMIT $limit "
                 f"RETURN collect({{keys: {keys}, props: {_rel_props('r')}, "
                 f"mentor: {node_map('a')}, mentee: {node_map('b')}}}) AS pairs }} ")
    total_part, total = "", "null"
    if with_total:
        total_part, total = _mentorship_total(f, filtered), "total"
    rows = db.read_values(f"{total_part}{page_part}RETURN pairs, {total} AS total", limit=first + 1, **params)
    pairs = rows[0]["pairs"] if rows else []
    return _in_order(pairs, first, backward), len(pairs) > first, rows[0]["total"] if rows and with_total else None


def _mentorship_params(f: MentorshipFilter) -> dict[str, Any]:
    """A named mentor or mentee is sought by its name key (a name's node carries the key of
    that name; people's names have no index of their own), then compared exactly."""
    return {k: v for k, v in {
        "mentor": f.mentor, "mentee": f.mentee, "yearFrom": f.year_from, "yearTo": f.year_to,
        "honored": f.mentee_honored, "honorLevel": f.honor_level,
        "mentorKey": f.mentor and name_key("Person", f.mentor),
        "menteeKey": f.mentee and name_key("Person", f.mentee)}.items() if v is not None}


def _mentorship_total(f: MentorshipFilter, filtered: bool) -> str:
    if not filtered:
        return "CALL () { RETURN COUNT { ()-[:MENTORS]->() } AS total } "
    c_start, c_decided = _mentorship_start(f, ordered=False)
    return (f"CALL () {{ {c_start} WITH a, r, b WHERE {_where(_mentorship_conditions(f, c_decided))} "
            "RETURN count(r) AS total } ")


def mentorship_count(db: Database, f: MentorshipFilter | None = None) -> int:
    """The number of mentor → mentee pairs passing the filter."""
    f = f or MentorshipFilter()
    params = _mentorship_params(f)
    return db.read_values(f"{_mentorship_total(f, bool(params))}RETURN total", **params)[0]["total"]


def honor_concentration(db: Database, by: str, level: str | None, first: int, offset: int = 0) -> list[dict[str, Any]]:
    """Units (with their parts) or studios ranked by how many honored people they hold:
    people working there (or leading / belonging to the studio) and the honors they
    received, plus honors the unit or studio received itself; `offset` of them skipped."""
    return db.read_values(
        f"CALL () {{ {_concentration(by)} }} "
        "WITH g, count(DISTINCT p) AS honorees, count(DISTINCT r) AS awards, "
        "     collect(DISTINCT p.name)[..10] AS names "
        "ORDER BY honorees DESC, awards DESC, g.name, g.id SKIP $offset LIMIT $first "
        f"RETURN {node_map('g')} AS node, honorees, awards, names",
        level=level, first=first, offset=offset,
    )


def honor_concentration_count(db: Database, by: str, level: str | None) -> int:
    """How many units or studios `honor_concentration` ranks."""
    return db.read_values(f"CALL () {{ {_concentration(by)} }} RETURN count(DISTINCT g) AS total", level=level)[0]["total"]


def _concentration(by: str) -> str:
    """A subquery body: (g, p, r) for every honored person p of g and every honor r of g itself."""
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
    return f"{people} UNION ALL {own}"


# ---------------------------------------------------------------- search


SEARCH_MAX_CHARS = 80
"""Longer than any name in pinyin; a longer term would make the fuzzy full-text query's work
(and memory in Neo4j) grow with the term, so it is refused before any Cypher runs."""
SEARCH_PREFIX_HITS = 50
"""Names beginning with a short term, at most (as the full-text branch's limit): 张 begins
thousands of names at 100,000 people, and a search box shows the first few."""


def search(db: Database, q: str, labels: list[str], first: int, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """One box across all types: exact name key, pinyin (full, spaced, initials — so a
    homophone typo finds the name), then the cjk full-text index with a fuzzy pinyin term, and
    for a term those miss, names beginning with it (at most SEARCH_PREFIX_HITS: a surname, the
    first syllables in pinyin). Each hit says what it matched on; every branch is an index
    lookup, never a scan. Hits are ranked by score (then name, id); `offset` of them skipped.
    With the page comes how many hits there are in all, from the same statement (a count
    would run the search again)."""
    hits, params = _search_hits(q, labels)
    rows = db.read_values(
        f"{hits}WITH n, matched, best ORDER BY best DESC, n.name, n.id "
        "WITH collect({n: n, matched: matched, best: best}) AS ranked "
        "UNWIND CASE WHEN size(ranked) > $offset THEN ranked[$offset..$offset + $first] ELSE [null] END AS hit "
        "WITH size(ranked) AS total, hit.n AS n, hit.matched AS matched, hit.best AS best "
        f"RETURN total, {node_map('n')} AS node, matched, best",
        first=first, offset=offset, **params,
    )
    total = rows[0]["total"] if rows else 0
    return [r for r in rows if r["node"] is not None], total


def search_count(db: Database, q: str, labels: list[str]) -> int:
    """How many hits `search` ranks for the term."""
    hits, params = _search_hits(q, labels)
    return db.read_values(f"{hits}RETURN count(n) AS total", **params)[0]["total"]


def _search_hits(q: str, labels: list[str]) -> tuple[str, dict[str, Any]]:
    """The clauses yielding `n, matched, best` for every hit of a search term, and their parameters."""
    from graph.names import normalize_text, pinyin_full, pinyin_initials, to_simplified

    if len(q) > SEARCH_MAX_CHARS:
        raise InvalidRequest(f"a search term has at most {SEARCH_MAX_CHARS} characters, not {len(q):,}")
    key = normalize_text(q)
    latin = key.isascii()
    pinyin = key if latin else pinyin_full(key)
    initials = key if latin else pinyin_initials(key)
    simplified = to_simplified(q.strip())
    lucene = " OR ".join(
        [f'name:"{escape(simplified)}"', f'aliasText:"{escape(simplified)}"']
        + ([f"pinyin:{escape(pinyin)}~1"] if pinyin else [])
    )
    assert set(labels) <= set(ENTITY_LABELS)
    only = "" if set(labels) == set(ENTITY_LABELS) else f" WHERE n:{'|'.join(labels)}"
    branches = [  # one seek per key on :Entity, whatever the types asked for
        f"MATCH (n:Entity {{nameKey: $key}}){only} RETURN n, 'name' AS on, 10.0 AS score",
        f"MATCH (n:Entity {{pinyin: $pinyin}}){only} RETURN n, 'pinyin' AS on, 6.0 AS score",
        f"MATCH (n:Entity {{initials: $initials}}){only} RETURN n, 'initials' AS on, 3.0 AS score",
    ]
    branches.append(
        "CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: 50}) YIELD node AS n, score "
        "WHERE any(l IN labels(n) WHERE l IN $labels) RETURN n, 'fulltext' AS on, score"
    )
    prefix = _prefix_key(key)
    if prefix:
        where = f" AND n:{'|'.join(labels)}" if only else ""
        branches.append(
            f"MATCH (n:Entity) WHERE n.{prefix} STARTS WITH $key{where} "
            f"RETURN n, 'prefix' AS on, 2.0 AS score ORDER BY n.{prefix} LIMIT {SEARCH_PREFIX_HITS}"
        )
    clauses = ("CALL () { " + " UNION ".join(branches) + " } "
               "WITH n, on, score ORDER BY score DESC "
               "WITH n, collect(on) AS matched, max(score) AS best ")
    return clauses, {"key": key, "pinyin": pinyin, "initials": initials, "lucene": lucene, "labels": labels}


def _prefix_key(key: str) -> str | None:
    """The property whose beginning a normalized term is looked up in, for a term the other
    branches miss: one Chinese character (a surname; the full-text index holds pairs of
    characters) in the name key, latin letters (the first syllables: `zhang`, `zhangji`) in
    the pinyin, which is the term itself then; None for longer Chinese, which the full-text
    index finds inside names."""
    if key.isascii():
        return "pinyin" if key.isalpha() else None
    return "nameKey" if len(key) == 1 else None


# ---------------------------------------------------------------- paths


def _current(var: str, param: str) -> str:
    """A subquery giving `var`: the entity of that id, or the survivor it was merged into
    (null when unknown), so a question about ids needs no lookup before it."""
    return (f"CALL () {{ OPTIONAL MATCH (n:Entity {{id: {param}}}) OPTIONAL MATCH (x:Absorbed {{id: {param}}}) "
            f"OPTIONAL MATCH (m:Entity {{id: x.mergedInto}}) RETURN coalesce(n, m) AS {var} }} ")


def fact_types(types: Iterable[str] | None = None, except_types: Iterable[str] | None = None) -> list[str]:
    """The relationship types a drawing or path may use: `types` (default every fact type)
    less `except_types`, in vocabulary order; unknown names are refused."""
    wanted = {t.upper() for t in types} if types else set(FACT_TYPES)
    excluded = {t.upper() for t in except_types or ()}
    unknown = sorted((wanted | excluded) - set(FACT_TYPES))
    if unknown:
        raise InvalidRequest(f"unknown relationship type {unknown[0]}; one of {', '.join(FACT_TYPES)}")
    return [t for t in FACT_TYPES if t in wanted and t not in excluded]


def shortest_paths(db: Database, source: str, target: str, max_hops: int,
                   first: int, types: Iterable[str] | None = None,
                   except_types: Iterable[str] | None = None) -> list[dict[str, Any]] | None:
    """Up to `first` shortest paths between two entities (merged ids followed) over the
    allowed relationship types, each edge with its properties; None when either id is
    unknown. One statement."""
    if label_of(source) not in ENTITY_LABELS or label_of(target) not in ENTITY_LABELS:
        return None
    allowed = fact_types(types, except_types)
    if not allowed:
        return []
    types = "|".join(allowed)
    rows = db.read_values(
        f"{_current('a', '$a')}{_current('b', '$b')}"
        "CALL (a, b) { WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b "
        f"  MATCH p = allShortestPaths((a)-[:{types}*..{int(max_hops)}]-(b)) "
        "  WITH p LIMIT $first "
        f"  RETURN collect({{nodes: [n IN nodes(p) | {node_map('n')}], "
        "    edges: [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, "
        f"      props: {_rel_props('r')}}}]}}) AS paths }} "
        "RETURN a IS NOT NULL AND b IS NOT NULL AS found, paths",
        a=source, b=target, first=first,
    )
    return rows[0]["paths"] if rows and rows[0]["found"] else None


def neighborhood(db: Database, node_id: str, depth: int, limit: int, types: Iterable[str] | None = None,
                 except_types: Iterable[str] | None = None) -> dict[str, Any] | None:
    """Nodes and edges around an entity (merged ids followed) over the allowed relationship
    types, to draw; None when unknown. `truncated` says the limit cut the picture (more
    paths or nodes than `limit` were there)."""
    if label_of(node_id) not in ENTITY_LABELS:
        return None
    allowed = fact_types(types, except_types)
    # no type left: only the entity itself (a pattern no relationship can have)
    types = "|".join(allowed) if allowed else "`-NONE-`"
    row = db.read_values(
        f"{_current('c', '$id')}"
        "CALL (c) { WITH c WHERE c IS NOT NULL "
        f"  OPTIONAL MATCH p = (c)-[:{types}*1..{int(depth)}]-(o) "
        "  WITH c, p LIMIT $limit + 1 "
        "  WITH c, collect(p) AS within "
        "  WITH c, within[..$limit] AS paths, size(within) > $limit AS cut "
        "  WITH c, [c] + reduce(acc = [], p IN paths | acc + nodes(p)) AS ns, "
        "       reduce(acc = [], p IN paths | acc + relationships(p)) AS rs, cut "
        "  UNWIND ns AS n WITH c, rs, cut, collect(DISTINCT n) AS ns "
        "  UNWIND (CASE WHEN rs = [] THEN [null] ELSE rs END) AS r "
        "  WITH ns, cut, collect(DISTINCT r) AS rs "
        f"  RETURN [n IN ns[..$limit] | {node_map('n')}] AS nodes, cut OR size(ns) > $limit AS truncated, "
        f"  [r IN rs | {{type: type(r), from: startNode(r).id, to: endNode(r).id, props: {_rel_props('r')}}}] AS edges }} "
        "RETURN c IS NOT NULL AS found, nodes, edges, truncated",
        id=node_id, limit=limit,
    )
    if not row or not row[0]["found"]:
        return None
    nodes = row[0]["nodes"]
    ids = {n["id"] for n in nodes}
    edges = [e for e in row[0]["edges"] if e["from"] in ids and e["to"] in ids]
    return {"nodes": nodes, "edges": edges, "truncated": bool(row[0]["truncated"])}
