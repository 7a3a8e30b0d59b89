"""Records: a person or unit as matching sees it, built by one function whatever it comes from.

A record read from the graph and a record of a source's own people (before anything is
written) are the same columns (graph/cypher/people.py: context), turned into a
`PersonRecord` by `person_record` — so a small load, a bulk load, the incremental check and
a scan score a pair on the same evidence.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from graph.cypher import people
from graph.db import Database, Tx
from graph.errors import InvalidRequest
from graph.facts import Extraction, Ref
from graph.names import to_halfwidth

class RecordType(str, Enum):
    """Which records to look for duplicates among."""

    PERSON = "Person"
    UNIT = "Unit"


TYPES = tuple(t.value for t in RecordType)
"""The labels duplicates are looked for among."""


@dataclass
class PersonRecord:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    honors: list[tuple[str, int | None]] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    gender: str | None = None
    birth_year: int | None = None
    birth_month: str | None = None
    """Year and month of birth (1978-05) where a date says them: personal, for matching only."""
    studios: list[str] = field(default_factory=list)
    mentors: list[str] = field(default_factory=list)
    keys: Any = field(default=None, repr=False, compare=False)
    """What the features compare, normalised once (graph/dedupe/features.py: person_keys)."""


@dataclass
class UnitRecord:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    region: str | None = None
    related: list[str] = field(default_factory=list)
    """Ids of the units a PART_OF fact links it to (either way)."""


Record = PersonRecord | UnitRecord

_BIRTH_MONTH = re.compile(r"((?:19|20)\d{2})(?:[-./年]\s*(\d{1,2})|(\d{2}))(?:[-./月]\s*\d{1,2}日?|月|\d{2})?")


def birth_month(written: str | None) -> str | None:
    """1978.05, 1978-05-12, 1978年5月, 197805, 19780512 → 1978-05; a bare year or anything else,
    None. Union lists write 出生年月, registers 出生日期: the month is what both say beyond the
    year."""
    match = _BIRTH_MONTH.fullmatch(to_halfwidth(written or "").strip())
    if match is None:
        return None
    month = int(match.group(2) or match.group(3))
    return f"{match.group(1)}-{month:02d}" if 1 <= month <= 12 else None


def person_record(row: Mapping[str, Any]) -> PersonRecord:
    """The record of a row of context columns (graph/cypher/people.py)."""
    return PersonRecord(
        id=row["id"], name=row["name"], aliases=list(row.get("aliases") or []), units=list(row["units"]),
        honors=[(h[0], h[1]) for h in row["honors"]], regions=list(row["regions"]),
        gender=row.get("gender"), birth_year=row.get("birthYear"), birth_month=birth_month(row.get("birthDate")),
        studios=list(row["studios"]), mentors=list(row["mentors"]),
    )


def unit_record(row: Mapping[str, Any]) -> UnitRecord:
    return UnitRecord(id=row["id"], name=row["name"], aliases=list(row.get("aliases") or []),
                      region=(row["regions"] or [None])[0], related=list(row.get("related") or []))


def source_people(extraction: Extraction) -> dict[Ref, dict[str, Any]]:
    """What a source itself says around each of its people, as context columns (no id yet):
    the same evidence the graph will hold for them once the source is written."""
    rows: dict[Ref, dict[str, Any]] = {}
    for entity in extraction.entities:
        if entity.type == "Person":
            rows[entity.ref] = {
                "id": "", "name": entity.name, "aliases": [], "gender": entity.props.get("gender"),
                "birthYear": entity.props.get("birth_year"), "birthDate": entity.props.get("birth_date"),
                "units": [], "honors": [],
                "regions": [entity.props["region"]] if entity.props.get("region") else [],
                "studios": [], "mentors": [],
            }
    # each row of a roster states its unit's region again: a unit's regions once each, not once
    # per row (a unit named in 300 rows gave each of its people 300 copies to normalise and compare)
    unit_regions: dict[Ref, dict[str, None]] = {}
    for fact in extraction.facts:
        if fact.type == "LOCATED_IN" and fact.subject.type == "Unit":
            unit_regions.setdefault(fact.subject, {})[fact.object.name] = None
    for fact in extraction.facts:
        row = rows.get(fact.subject)
        if fact.type == "MENTORS" and fact.object in rows:
            rows[fact.object]["mentors"].append(fact.subject.name)
        if row is None:
            continue
        if fact.type == "WORKS_AT":
            row["units"].append(fact.object.name)
            row["regions"] += [g for g in unit_regions.get(fact.object, ()) if g not in row["regions"]]
        elif fact.type == "RECEIVED":
            row["honors"].append((fact.object.name, fact.year))
        elif fact.type in ("LEADS", "MEMBER_OF"):
            row["studios"].append(fact.object.name)
        elif fact.type == "ASSIGNED_TO":
            row["regions"].append(fact.object.name)
    return rows


# ---------------------------------------------------------------- from the graph

_UNIT_CONTEXT = (
    "p.id AS id, p.name AS name, p.aliases AS aliases, "
    "[x IN [p.region] WHERE x IS NOT NULL] + [(p)-[:LOCATED_IN]->(g:Region) | g.name] AS regions, "
    "[(p)-[:PART_OF]-(q:Unit) | q.id] AS related"
)


def check_type(label: str) -> None:
    if label not in TYPES:
        raise InvalidRequest(f"duplicates are looked for among {' and '.join(TYPES)}, not {label!r}")


def record(label: str, row: Mapping[str, Any]) -> Record:
    return person_record(row) if label == "Person" else unit_record(row)


def load_records(db: Database | Tx, label: str, ids: Iterable[str] | None = None) -> list[Any]:
    """Every record of the label (or those ids) with its context, in one query."""
    check_type(label)
    columns = people.context("p") if label == "Person" else _UNIT_CONTEXT
    if ids is None:
        rows = db.read(f"MATCH (p:{label}) RETURN {columns} ORDER BY id", timeout=600)
    else:
        rows = db.read(f"UNWIND $ids AS id MATCH (p:{label} {{id: id}}) RETURN {columns}", ids=list(ids), timeout=60)
    return [record(label, r) for r in rows]


# ---------------------------------------------------------------- in full, for staff

_DETAILS = (
    "UNWIND $ids AS asked CALL (asked) {{ {find} }} "
    "RETURN asked, n.id AS id, labels(n)[0] AS label, n.name AS name, n.aliases AS aliases, "
    "  n.gender AS gender, n.birthYear AS birthYear, n.kind AS kind, "
    "  [(n)-[r:WORKS_AT]->(u:Unit) | {{name: u.name, role: r.role}}] AS units, "
    "  [(n)-[r:RECEIVED]->(h:Honor) | {{name: h.name, year: r.year}}] AS honors, "
    "  [x IN [n.region] WHERE x IS NOT NULL] + [(n)-[:WORKS_AT|LOCATED_IN]->(x)-[:LOCATED_IN*0..1]->(g:Region) "
    "    | g.name] + [(n)-[:ASSIGNED_TO]->(g:Region) | g.name] AS regions, "
    "  [(n)-[:LEADS|MEMBER_OF]->(s:Studio) | s.name] AS studios, "
    "  [(m:Person)-[:MENTORS]->(n) | m.name] AS mentors, "
    "  [(n)-[r]-() WHERE r.sourceIds IS NOT NULL | [r.sourceIds, r.locators, r.evidence]] AS entries"
)


def details(db: Database, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each record in full, as staff compare two side by side: names and aliases, gender,
    birth year (personal: for staff only), units with roles, honors with years, regions,
    studios, mentors, and its sources (title with the row or sentence). Absorbed ids give
    their survivor."""
    from graph.cypher import nodes

    wanted = list(dict.fromkeys(ids))
    rows = []
    for label in TYPES:
        mine = [i for i in wanted if i.startswith(label.lower() + "_")]
        if mine:
            rows += db.read(_DETAILS.format(find=nodes.survivor("asked", label)), ids=mine)
    source_ids = {s for r in rows for e in r["entries"] for s in (e[0] or []) if not s.startswith("manual:")}
    titles = {s["id"]: s["title"] for s in db.read(
        "UNWIND $ids AS id CALL (id) { MATCH (s:Article {id: id}) RETURN s UNION MATCH (s:Roster {id: id}) RETURN s } "
        "RETURN s.id AS id, s.title AS title", ids=sorted(source_ids))} if source_ids else {}
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        sources: list[dict[str, str]] = []
        for ids_, locators, evidence in r.pop("entries"):
            for i, sid in enumerate(ids_ or []):
                entry = {"source": sid, "title": titles.get(sid, sid),
                         "at": (locators or [""] * (i + 1))[i] if i < len(locators or []) else "",
                         "evidence": (evidence or [])[i] if i < len(evidence or []) else ""}
                if entry not in sources:
                    sources.append(entry)
        r["sources"] = sources
        r["regions"] = list(dict.fromkeys(r["regions"]))
        out[r.pop("asked")] = r
    return out
