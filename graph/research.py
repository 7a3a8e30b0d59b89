"""The researcher's view: aggregations with the counts behind them, and the stored graph
measures (see graph/analyze.py) read back.

Every aggregation takes the filter of `people` (graph.read.EntityFilter: name, region and
everything below it, sector, honor, honor level, year range, unit) and applies it to the
people it counts, so a number here is the size of a list `people` would give.
"""
from __future__ import annotations

import json
from typing import Any

from graph.db import Database
from graph.read import EntityFilter, filter_of, node_map

TIMEOUT: float | None = None  # the settings' KG_TX_TIMEOUT
LEVELS = ("national", "provincial", "city", "county")
DIMENSIONS = ("level", "region", "year")
NAMES_SHOWN = 10


AWARD_PARAMS = {"honor": None, "honorLevel": None, "yearFrom": None, "yearTo": None}
"""_award_filter names every honor parameter; the filter gives only those set."""


def _award_filter() -> str:
    """The honor and year parts of the filter apply to each award counted, not only to
    whether the person has one."""
    return ("($honor IS NULL OR h.name = $honor OR $honor IN h.aliases) "
            "AND ($honorLevel IS NULL OR h.level = $honorLevel) "
            "AND ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)")


def honor_stats(db: Database, f: EntityFilter, by: tuple[str, ...] = DIMENSIONS) -> dict[str, Any]:
    """Awards to people grouped by honor level, the person's region and the year: each row
    with the awards and the distinct people behind it, plus the totals."""
    unknown = [d for d in by if d not in DIMENSIONS]
    if unknown:
        raise ValueError(f"unknown grouping {unknown[0]!r}; one of {', '.join(DIMENSIONS)}")
    preamble, condition, filter_params = filter_of("Person", f)
    params = {**AWARD_PARAMS, **filter_params, "byLevel": "level" in by, "byRegion": "region" in by, "byYear": "year" in by}
    match = (f"{preamble}MATCH (n:Person) WHERE {condition} "
             f"MATCH (n)-[r:RECEIVED]->(h:Honor) WHERE {_award_filter()} ")
    rows = db.read(
        match + "WITH CASE WHEN $byLevel THEN h.level END AS level, CASE WHEN $byRegion THEN n.region END AS region, "
        "CASE WHEN $byYear THEN r.year END AS year, n, r "
        "RETURN level, region, year, count(r) AS awards, count(DISTINCT n) AS people "
        "ORDER BY year DESC, level, region",
        timeout=TIMEOUT, **params)
    totals = db.read(match + "RETURN count(r) AS awards, count(DISTINCT n) AS people", timeout=TIMEOUT,
                     **AWARD_PARAMS, **filter_params)[0]
    rank = {level: i for i, level in enumerate(LEVELS)}
    rows.sort(key=lambda r: (-(r["year"] or 0), rank.get(r["level"] or "", 9), r["region"] or ""))
    return {"rows": rows, "awards": totals["awards"], "people": totals["people"]}


def _honorees(by: str, f: EntityFilter) -> tuple[str, dict[str, Any]]:
    """Clauses yielding (g, n, h, r): the units (with their parts) or studios g holding the honored
    people n who pass the filter, with their awards r of honors h; and the parameters."""
    if by == "Unit":
        hold = "MATCH (n)-[:WORKS_AT]->(:Unit)-[:PART_OF*0..3]->(g:Unit) "
    elif by == "Studio":
        hold = "MATCH (n)-[:LEADS|MEMBER_OF]->(g:Studio) "
    else:
        raise ValueError(f"unknown grouping {by!r}")
    preamble, condition, params = filter_of("Person", f)
    return (f"{preamble}MATCH (n:Person) WHERE {condition} "
            f"MATCH (n)-[r:RECEIVED]->(h:Honor) WHERE {_award_filter()} {hold}"), {**AWARD_PARAMS, **params}


def honoree_ranking(db: Database, by: str, f: EntityFilter, first: int, offset: int = 0) -> list[dict[str, Any]]:
    """Units (with their teams and branches) or studios ranked by the honored people they
    hold (people working there, or leading / belonging to the studio, who pass the filter),
    with the count per honor level and the awards behind it; `offset` of them skipped."""
    clauses, params = _honorees(by, f)
    rows = db.read(
        f"{clauses}"
        "WITH g, n, max(CASE h.level WHEN 'national' THEN 4 WHEN 'provincial' THEN 3 WHEN 'city' THEN 2 "
        "  WHEN 'county' THEN 1 ELSE 0 END) AS best, count(DISTINCT r) AS awards "
        "WITH g, count(n) AS honorees, sum(awards) AS awards, "
        "  sum(CASE best WHEN 4 THEN 1 ELSE 0 END) AS national, sum(CASE best WHEN 3 THEN 1 ELSE 0 END) AS provincial, "
        "  sum(CASE best WHEN 2 THEN 1 ELSE 0 END) AS city, sum(CASE best WHEN 1 THEN 1 ELSE 0 END) AS county, "
        "  collect(n.name) AS names "
        "ORDER BY honorees DESC, national DESC, provincial DESC, awards DESC, g.name, g.id SKIP $offset LIMIT $first "
        f"RETURN {node_map('g')} AS node, honorees, awards, national, provincial, city, "
        "county, names",
        timeout=TIMEOUT, first=first, offset=offset, **params)
    for r in rows:
        r["names"] = sorted(r["names"])[:NAMES_SHOWN]
    return rows


def honoree_ranking_count(db: Database, by: str, f: EntityFilter) -> int:
    """How many units or studios `honoree_ranking` ranks."""
    clauses, params = _honorees(by, f)
    return db.read(f"{clauses}RETURN count(DISTINCT g) AS total", timeout=TIMEOUT, **params)[0]["total"]


MAX_GENERATIONS = 6


def _founders(f: EntityFilter) -> tuple[str, dict[str, Any]]:
    """Clauses yielding the founders n of mentorship lines who pass the filter, and the parameters."""
    preamble, condition, params = filter_of("Person", f)
    return (f"{preamble}MATCH (n:Person) WHERE EXISTS {{ (n)-[:MENTORS]->(:Person) }} "
            f"AND NOT EXISTS {{ (:Person)-[:MENTORS]->(n) }} AND {condition} "), params


def mentorship_lines_count(db: Database, f: EntityFilter) -> int:
    """How many lines (founders) `mentorship_lines` ranks."""
    clauses, params = _founders(f)
    return db.read(f"{clauses}RETURN count(n) AS total", timeout=TIMEOUT, **params)[0]["total"]


def mentorship_lines(db: Database, f: EntityFilter, first: int, offset: int = 0) -> list[dict[str, Any]]:
    """Lineages from their founders (a mentor nobody is recorded as teaching) who pass the
    filter: depth, breadth (the largest generation), descendants and honored descendants in
    all and per generation; most honored descendants first; `offset` of them skipped."""
    clauses, params = _founders(f)
    rows = db.read(
        f"{clauses}"
        "CALL (n) { "
        f"  MATCH path = (n)-[:MENTORS*1..{MAX_GENERATIONS}]->(d:Person) WHERE d <> n "
        "  WITH d, min(length(path)) AS generation "
        "  WITH generation, d, EXISTS { (d)-[:RECEIVED]->(:Honor) } AS honored ORDER BY d.name, d.id "
        "  RETURN generation, count(d) AS people, sum(CASE WHEN honored THEN 1 ELSE 0 END) AS honored, "
        "    [x IN collect(CASE WHEN honored THEN d.name END) WHERE x IS NOT NULL][..$shown] AS names "
        "  ORDER BY generation } "
        "WITH n, collect({generation: generation, people: people, honored: honored, names: names}) AS generations "
        "WITH n, generations, reduce(s = 0, g IN generations | s + g.people) AS descendants, "
        "  reduce(s = 0, g IN generations | s + g.honored) AS honored "
        "ORDER BY honored DESC, descendants DESC, n.name, n.id SKIP $offset LIMIT $first "
        f"RETURN {node_map('n')} AS root, generations, descendants, honored, "
        "  size(generations) AS depth, reduce(m = 0, g IN generations | CASE WHEN g.people > m THEN g.people "
        "  ELSE m END) AS breadth",
        timeout=TIMEOUT, first=first, offset=offset, shown=NAMES_SHOWN, **params)
    return rows


# ---------------------------------------------------------------- graph measures, read back


def _community(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("places", "honors", "regions"):
        out[key] = json.loads(out.get(key) or "[]")
    out["keyMembers"] = list(out.get("keyMembers") or [])
    return out


def communities(db: Database, first: int, after: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Communities of the last analysis, largest first, and how many there are."""
    rows = db.read(
        "MATCH (c:Community) WITH c ORDER BY c.size DESC, c.id SKIP $after LIMIT $first "
        "RETURN c {.*, computedAt: toString(c.computedAt)} AS c", first=first, after=after, timeout=TIMEOUT)
    total = db.read("RETURN COUNT { (:Community) } AS n")[0]["n"]
    return [_community(r["c"]) for r in rows], total


def communities_by_id(db: Database, ids: list[str]) -> dict[str, dict[str, Any]]:
    rows = db.read("UNWIND $ids AS id MATCH (c:Community {id: id}) "
                   "RETURN c {.*, computedAt: toString(c.computedAt)} AS c", ids=ids, timeout=TIMEOUT)
    return {r["c"]["id"]: _community(r["c"]) for r in rows}


def key_people(db: Database, first: int, community: str | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """People by betweenness (who holds the graph, or one community, together); `offset` skipped."""
    if community is not None:
        found = communities_by_id(db, [community]).get(community)
        ids = (found or {}).get("keyMembers", [])[offset:offset + first]
        rows = db.read("UNWIND range(0, size($ids) - 1) AS i MATCH (n:Person {id: $ids[i]}) "
                       f"RETURN {node_map('n')} AS node ORDER BY i", ids=ids, timeout=TIMEOUT)
        return [r["node"] for r in rows]
    rows = db.read("MATCH (n:Person) WHERE n.betweenness IS NOT NULL "
                   "WITH n ORDER BY n.betweenness DESC, n.degree DESC, n.name, n.id SKIP $offset LIMIT $first "
                   f"RETURN {node_map('n')} AS node", first=first, offset=offset, timeout=TIMEOUT)
    return [r["node"] for r in rows]


def key_people_count(db: Database, community: str | None = None) -> int:
    """How many people `key_people` ranks."""
    if community is not None:
        return len((communities_by_id(db, [community]).get(community) or {}).get("keyMembers", []))
    return db.read("MATCH (n:Person) WHERE n.betweenness IS NOT NULL RETURN count(n) AS total",
                   timeout=TIMEOUT)[0]["total"]


def last_analysis(db: Database) -> dict[str, Any] | None:
    rows = db.read("MATCH (a:Analysis) WITH a ORDER BY a.at DESC LIMIT 1 "
                   "RETURN a {.*, at: toString(a.at)} AS a", timeout=TIMEOUT)
    if not rows:
        return None
    out = rows[0]["a"]
    out["steps"] = json.loads(out.get("steps") or "{}")
    return out
