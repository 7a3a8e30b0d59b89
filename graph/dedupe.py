"""Duplicate candidates over the graph: load records with their context, score, remember.

The scoring (blocking, features, thresholds) is graph/matching.py's; this module feeds it
records read from the graph in a few queries and keeps its answers as review items:

- `scan_graph` scores every Person (or Unit) against its blocks; `store_candidates` keeps
  each pair as an open `ReviewItem` (an item staff already closed is never reopened);
- `check_new` is the incremental check for the records a load just created: their
  candidates come from the graph's indexes (name key, pinyin, initials, unit key, the
  full-text index for units), so it costs the same on 100 or 100,000 people;
- `list_candidates` pages through review items for staff, with both sides and reasons;
- `explain` scores one pair on demand, with the judgements made about it.

Pairs with a current `same` or `different` judgement are never suggested again.
`auto_merge` merges only what `decide` calls a match and never a homophone-only or
one-character-apart pair: those always go to staff.
"""
from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graph import matching, names
from graph.db import Database, Tx
from graph.judgements import (
    DedupeError,
    Judgement,
    blocked_between,
    judged_pairs,
    judgements_of,
    pair_key,
    resolve_survivors,
)

TYPES = ("Person", "Unit")
STATUSES = ("open", "unsure", "closed")
CAP_PER_RECORD = 10
# Match kinds that only ever go to staff (see matching.MatchScore.kind).
NEVER_AUTOMATIC = frozenset({"homophone", "one_char", "parent_child"})


@dataclass
class Side:
    id: str
    name: str


@dataclass
class Candidate:
    """A pair that may be one record, with the score and the reasons for it."""

    type: str
    a: Side
    b: Side
    score: float
    reasons: list[dict[str, Any]]
    kind: str | None = None
    decision: str | None = None
    status: str = "open"
    id: str | None = None

    @property
    def pair_key(self) -> str:
        return pair_key(self.a.id, self.b.id)

    def to_json(self) -> dict[str, Any]:
        """The shape `kg dedupe scan --format json` prints, for other tools."""
        return {
            "type": self.type,
            "a": {"id": self.a.id, "name": self.a.name},
            "b": {"id": self.b.id, "name": self.b.name},
            "score": round(float(self.score), 4),
            "reasons": self.reasons,
        }


def reasons_of(score: matching.MatchScore) -> list[dict[str, Any]]:
    return [{"feature": r.feature, "contribution": round(float(r.contribution), 4), "detail": r.detail}
            for r in score.reasons]


# ---------------------------------------------------------------- records from the graph

_PERSON_RETURN = """
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.gender AS gender, p.birthYear AS birthYear,
       [(p)-[:WORKS_AT]->(u:Unit) | u.name] AS units,
       [(p)-[r:RECEIVED]->(h:Honor) | [h.name, r.year]] AS honors,
       [x IN [p.region] WHERE x IS NOT NULL] + [(p)-[:WORKS_AT]->(:Unit)-[:LOCATED_IN]->(g:Region) | g.name]
         + [(p)-[:ASSIGNED_TO]->(g:Region) | g.name] AS regions,
       [(p)-[:LEADS|MEMBER_OF]->(s:Studio) | s.name] AS studios,
       [(m:Person)-[:MENTORS]->(p) | m.name] AS mentors
"""

_UNIT_RETURN = """
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.kind AS kind,
       [x IN [p.region] WHERE x IS NOT NULL] + [(p)-[:LOCATED_IN]->(g:Region) | g.name] AS regions,
       [(p)-[:PART_OF]->(q:Unit) | q.id] + [(q:Unit)-[:PART_OF]->(p) | q.id] AS related,
       [(p)-[:PART_OF]->(q:Unit) | q.name] AS parents
"""


def _person_record(row: dict[str, Any]) -> matching.PersonRecord:
    return matching.PersonRecord(
        id=row["id"], name=row["name"], aliases=row["aliases"] or [], units=row["units"],
        honors=[(h[0], h[1]) for h in row["honors"]], regions=row["regions"],
        gender=row["gender"], birth_year=row["birthYear"], studios=row["studios"], mentors=row["mentors"],
    )


def _unit_record(row: dict[str, Any]) -> matching.UnitRecord:
    return matching.UnitRecord(id=row["id"], name=row["name"], aliases=row["aliases"] or [],
                               region=(row["regions"] or [None])[0])


def _record(label: str, row: dict[str, Any]) -> Any:
    return _person_record(row) if label == "Person" else _unit_record(row)


def load_records(db: Database, label: str, ids: Iterable[str] | None = None) -> list[Any]:
    """Every record of the label (or those ids) with its context, in one query."""
    _check_type(label)
    body = _PERSON_RETURN if label == "Person" else _UNIT_RETURN
    if ids is None:
        rows = db.read(f"MATCH (p:{label}) {body} ORDER BY id", timeout=600)
    else:
        rows = db.read(f"UNWIND $ids AS id MATCH (p:{label} {{id: id}}) {body}", ids=list(ids), timeout=60)
    return [_record(label, r) for r in rows]


def _check_type(label: str) -> None:
    if label not in TYPES:
        raise DedupeError(f"duplicates are looked for among {' and '.join(TYPES)}, not {label!r}")


NameFrequency = Callable[[str], int]


def _score(label: str, a: Any, b: Any, name_frequency: NameFrequency | None = None) -> matching.MatchScore:
    if label == "Person":
        return matching.score_person(a, b, name_frequency)
    return matching.score_unit(a, b)


def name_frequencies(db: Database, keys: Iterable[str] | None = None) -> NameFrequency:
    """How many records of the graph carry each normalised name: a common name alone is weak
    evidence (matching weighs it). All names, or just these keys (the incremental check)."""
    if keys is None:
        rows = db.read("MATCH (p:Person) WHERE p.nameKey IS NOT NULL RETURN p.nameKey AS key, count(*) AS n",
                       timeout=600)
    else:
        rows = db.read("UNWIND $keys AS key MATCH (p:Person {nameKey: key}) RETURN key, count(*) AS n",
                       keys=sorted(set(keys)))
    counts = {r["key"]: r["n"] for r in rows}
    return lambda key: counts.get(key, 0)


def worth_review(candidate: Candidate) -> bool:
    """What staff are shown: a person pair `decide` did not call new; a unit pair at or above
    the review threshold (unit keys alike but not equal are `new` to `decide`, yet worth a look)."""
    if candidate.type == "Unit":
        return candidate.score >= matching.REVIEW_THRESHOLD
    return candidate.decision != "new"


def _candidate(label: str, a: Any, b: Any, score: matching.MatchScore) -> Candidate:
    return Candidate(type=label, a=Side(a.id, a.name), b=Side(b.id, b.name), score=float(score.score),
                     reasons=reasons_of(score), kind=getattr(score, "kind", None),
                     decision=matching.decide(score))


# ---------------------------------------------------------------- scanning


def scan_graph(db: Database, label: str = "Person", cap_per_record: int = CAP_PER_RECORD,
               progress: Callable[[int, int], None] | None = None,
               min_score: float | None = None) -> list[Candidate]:
    """Every pair of the label worth a look, best first; judged pairs left out."""
    records = load_records(db, label)
    by_id = {r.id: r for r in records}
    if label == "Person":
        pairs = matching.scan(records, cap_per_record, progress, name_frequencies(db))
    else:
        pairs = matching.scan_units(records, cap_per_record)
        if progress:
            progress(len(records), len(records))
    judged = judged_pairs(db)
    out = []
    for id_a, id_b, score in pairs:
        if pair_key(id_a, id_b) in judged:
            continue
        candidate = _candidate(label, by_id[id_a], by_id[id_b], score)
        if (candidate.score < min_score) if min_score is not None else not worth_review(candidate):
            continue
        out.append(candidate)
    out.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return out


_NEW_PERSON_BLOCKS = """
UNWIND $rows AS q
CALL (q) {
  MATCH (p:Person {nameKey: q.nameKey}) RETURN p.id AS id LIMIT 20
  UNION
  MATCH (p:Person {pinyin: q.pinyin}) RETURN p.id AS id LIMIT 20
  UNION
  MATCH (p:Person {initials: q.initials}) WHERE p.surname = q.surname RETURN p.id AS id LIMIT 20
}
WITH q, id WHERE id <> q.id
RETURN q.id AS new, collect(DISTINCT id) AS ids
"""

_NEW_UNIT_BLOCKS = """
UNWIND $rows AS q
CALL (q) {
  MATCH (p:Unit {unitKey: q.nameKey}) RETURN p.id AS id LIMIT 20
  UNION
  CALL db.index.fulltext.queryNodes('entity_names', q.search, {limit: 20}) YIELD node
  WITH node WHERE node:Unit RETURN node.id AS id
}
WITH q, id WHERE id <> q.id
RETURN q.id AS new, collect(DISTINCT id) AS ids
"""

_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


def _lucene_terms(name: str) -> str:
    """A name as a full-text query, special characters dropped (user text is never query syntax)."""
    return "".join(ch if ch not in _LUCENE_SPECIAL else " " for ch in name).strip() or "_"


def check_new(db: Database, ids: list[str], label: str = "Person") -> list[Candidate]:
    """The incremental check: candidates for just these records, found through the indexes."""
    _check_type(label)
    if not ids:
        return []
    new_records = load_records(db, label, ids)
    rows = db.read(
        "UNWIND $ids AS id MATCH (p:" + label + " {id: id}) "
        "RETURN p.id AS id, p.nameKey AS nameKey, p.pinyin AS pinyin, p.initials AS initials, "
        "       p.surname AS surname, p.name AS name",
        ids=ids,
    )
    queries = [{**r, "search": _lucene_terms(r["name"] or "")} for r in rows]
    blocks = db.read(_NEW_PERSON_BLOCKS if label == "Person" else _NEW_UNIT_BLOCKS, rows=queries, timeout=60)
    wanted = {r["new"]: r["ids"] for r in blocks}
    others = {r.id: r for r in load_records(db, label, sorted({i for v in wanted.values() for i in v}))}
    frequency = name_frequencies(db, [r["nameKey"] for r in rows if r["nameKey"]]) if label == "Person" else None
    judged = judged_pairs(db)
    out: list[Candidate] = []
    seen: set[str] = set()
    for record in new_records:
        for other_id in wanted.get(record.id, []):
            other = others.get(other_id)
            key = pair_key(record.id, other_id)
            if other is None or key in judged or key in seen:
                continue
            seen.add(key)
            candidate = _candidate(label, record, other, _score(label, record, other, frequency))
            if worth_review(candidate):
                out.append(candidate)
    out.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return out


# ---------------------------------------------------------------- review items


def review_id(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return f"review_{x}_{y}"


def store_candidates(db: Database, candidates: list[Candidate]) -> dict[str, int]:
    """Keep candidates as review items: new pairs open an item; an open item gets the new
    score and reasons; an item staff closed stays closed. Returns counts."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    for c in candidates:
        by_label.setdefault(c.type, []).append({
            "id": review_id(c.a.id, c.b.id), "a": c.a.id, "b": c.b.id, "score": c.score,
            "reasons": json.dumps(c.reasons, ensure_ascii=False), "kind": c.kind, "decision": c.decision,
        })
    counts = {"created": 0, "updated": 0, "kept closed": 0}

    def work(tx: Tx) -> None:
        for label, rows in by_label.items():
            _check_type(label)
            for start in range(0, len(rows), 2000):
                result = tx.run(
                    f"UNWIND $rows AS row MATCH (a:{label} {{id: row.a}}) MATCH (b:{label} {{id: row.b}}) "
                    "OPTIONAL MATCH (old:ReviewItem)-[:CANDIDATE]->(a) WHERE (old)-[:CANDIDATE]->(b) "
                    "WITH row, a, b, collect(old) AS olds "
                    "CALL (row, a, b, olds) { "
                    "  WITH row, a, b, olds WHERE size(olds) = 0 "
                    "  MERGE (i:ReviewItem {id: row.id}) "
                    "  ON CREATE SET i.type = $label, i.status = 'open', i.createdAt = datetime(), i.origin = 'scan' "
                    "  SET i.score = row.score, i.reasons = row.reasons, i.kind = row.kind, i.decision = row.decision "
                    "  MERGE (i)-[:CANDIDATE]->(a) MERGE (i)-[:CANDIDATE]->(b) "
                    "  RETURN 'created' AS outcome "
                    "  UNION "
                    "  WITH row, olds WHERE size(olds) > 0 "
                    "  UNWIND olds AS i "
                    "  WITH row, i, i.status IN ['open', 'unsure'] AS live "
                    "  FOREACH (_ IN CASE WHEN live THEN [1] ELSE [] END | "
                    "    SET i.score = row.score, i.reasons = row.reasons, i.kind = row.kind, "
                    "        i.decision = row.decision, i.updatedAt = datetime()) "
                    "  RETURN CASE WHEN live THEN 'updated' ELSE 'kept closed' END AS outcome "
                    "} "
                    "RETURN outcome, count(*) AS n",
                    rows=rows[start:start + 2000], label=label,
                )
                for r in result:
                    counts[r["outcome"]] += r["n"]

    db.write_tx(work, timeout=600)
    return counts


def _cursor(offset: int) -> str:
    return base64.b64encode(f"candidate:{offset}".encode()).decode()


def offset_of(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        text = base64.b64decode(cursor.encode()).decode()
        prefix, number = text.split(":", 1)
        if prefix != "candidate":
            raise ValueError(prefix)
        return int(number) + 1
    except ValueError as exc:
        raise DedupeError("invalid cursor: pass the endCursor of the previous page") from exc


@dataclass
class CandidatePage:
    items: list[Candidate]
    cursors: list[str]
    total: int
    has_next: bool
    end_cursor: str | None = None
    start_cursor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def list_candidates(db: Database, type: str | None = None, status: str | None = "open",
                    min_score: float | None = None, first: int = 20, after: str | None = None) -> CandidatePage:
    """Review items for staff, best first, with both sides (current ids and names) and reasons."""
    if type is not None:
        _check_type(type)
    if status is not None and status not in STATUSES:
        raise DedupeError(f"status must be one of {', '.join(STATUSES)}")
    first = max(0, min(int(first), 200))
    offset = offset_of(after)
    where = ("WHERE ($type IS NULL OR i.type = $type) AND ($status IS NULL OR i.status = $status) "
             "AND ($min IS NULL OR i.score >= $min) ")
    params = {"type": type, "status": status, "min": min_score}
    total = db.read("MATCH (i:ReviewItem) " + where + "RETURN count(i) AS n", **params)[0]["n"]
    rows = db.read(
        "MATCH (i:ReviewItem) " + where +
        "WITH i ORDER BY i.score DESC, i.id SKIP $offset LIMIT $first "
        "CALL (i) { MATCH (i)-[:CANDIDATE]->(n) RETURN n ORDER BY n.id } "
        "WITH i, collect({id: n.id, name: n.name}) AS sides "
        "RETURN i.id AS id, i.type AS type, i.score AS score, i.reasons AS reasons, "
        "       i.kind AS kind, i.decision AS decision, i.status AS status, sides "
        "ORDER BY score DESC, id",
        offset=offset, first=first, **params,
    )
    if not rows:
        return CandidatePage([], [], total, False)
    items = []
    for r in rows:
        sides = r["sides"] + [{"id": "", "name": ""}] * (2 - len(r["sides"]))
        items.append(Candidate(
            type=r["type"] or "Person", a=Side(sides[0]["id"], sides[0]["name"]), b=Side(sides[1]["id"], sides[1]["name"]),
            score=float(r["score"] or 0.0), reasons=json.loads(r["reasons"] or "[]"), kind=r["kind"],
            decision=r["decision"], status=r["status"], id=r["id"],
        ))
    cursors = [_cursor(offset + i) for i in range(len(items))]
    return CandidatePage(items, cursors, total, offset + len(items) < total,
                         end_cursor=cursors[-1], start_cursor=cursors[0])


# ---------------------------------------------------------------- explaining one pair


@dataclass
class Explanation:
    candidate: Candidate
    judgements: list[Judgement]
    blocked_by: list[Judgement]
    same_record: bool


def explain(db: Database, a: str, b: str) -> Explanation:
    """Why the two records look alike or not: the score, each feature's share, and what
    staff said about the pair (ids already absorbed are read as their survivors)."""
    survivors = db.read_tx(lambda tx: resolve_survivors(tx, [a, b]))
    sa, sb = survivors[a], survivors[b]
    from graph.judgements import label_of

    label = label_of(sa)
    if label not in TYPES or label_of(sb) != label:
        raise DedupeError("explainMatch compares two people or two units")
    records = {r.id: r for r in load_records(db, label, [sa, sb])}
    ra, rb = records[sa], records[sb]
    frequency = (name_frequencies(db, [names.normalize_person_name(r.name) for r in (ra, rb)])
                 if label == "Person" else None)
    candidate = _candidate(label, ra, rb, _score(label, ra, rb, frequency))
    return Explanation(candidate=candidate, judgements=judgements_of(db, a, b),
                       blocked_by=blocked_between(db, a, b), same_record=sa == sb)


# ---------------------------------------------------------------- automatic merges


def may_merge_automatically(candidate: Candidate) -> bool:
    """Only a match, never a pair that is alike by sound alone or one character apart."""
    if candidate.decision != "match":
        return False
    kind = (candidate.kind or "").lower()
    return kind not in NEVER_AUTOMATIC and "homophone" not in kind and "one_char" not in kind


def auto_merge(db: Database, candidates: list[Candidate], who: str = "auto") -> list[str]:
    """Merge the pairs that may be merged without staff; returns the merge ids. A pair a
    judgement blocks is skipped (its item stays for staff)."""
    from graph.merge import merge

    merged = []
    for c in candidates:
        if not may_merge_automatically(c):
            continue
        try:
            merged.append(merge(db, [c.a.id, c.b.id], who=who).id)
        except DedupeError:
            continue
    return merged
