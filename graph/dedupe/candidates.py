"""Duplicate candidates over the graph: load records with their context, score, remember.

The scoring is the feature table's (features.py), the pairing blocking.py's; this module
feeds them records read from the graph (records.py) and keeps their answers as review items:

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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph import names
from graph.cypher import people, search
from graph.db import Database, Tx
from graph.dedupe import blocking, features
from graph.dedupe.judgements import (
    Judgement,
    blocked_between,
    judged_pairs,
    judgements_of,
    resolve_survivors,
)
from graph.dedupe.pairs import Pair, Status
from graph.dedupe.records import TYPES, check_type, load_records
from graph.errors import GraphError, InvalidRequest
from graph.identity import label_of
from graph.read import node_map

CAP_PER_RECORD = 10


@dataclass
class Side:
    id: str
    name: str
    node: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    """The record as the API reads a node (graph/read.py `node_map`), when a page read it."""


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
    def pair(self) -> Pair:
        return Pair(self.a.id, self.b.id)

    def to_json(self) -> dict[str, Any]:
        """The shape `kg dedupe scan --format json` prints, for other tools."""
        return {
            "type": self.type,
            "a": {"id": self.a.id, "name": self.a.name},
            "b": {"id": self.b.id, "name": self.b.name},
            "score": round(float(self.score), 4),
            "reasons": self.reasons,
        }


# ---------------------------------------------------------------- records from the graph


NameFrequency = Callable[[str], int]


def name_frequencies(db: Database, keys: Iterable[str] | None = None) -> NameFrequency:
    """How many people carry each normalised name, for a pair of records that both carry it
    (features.carriers: the pair counts as one, every other record of the name as another):
    a common name alone is weak evidence. All names, or just these keys (the incremental check)."""
    if keys is None:
        rows = db.read("MATCH (p:Person:Entity) WHERE p.nameKey IS NOT NULL RETURN p.nameKey AS key, count(*) AS n",
                       timeout=600)
    else:
        rows = db.read("UNWIND $keys AS key MATCH (p:Person:Entity {nameKey: key}) RETURN key, count(*) AS n",
                       keys=sorted(set(keys)))
    counts = {r["key"]: r["n"] for r in rows}
    return lambda key: features.carriers(counts.get(key, 0))


def worth_review(candidate: Candidate) -> bool:
    """What staff are shown: a person pair `decide` did not call new; a unit pair at or above
    the review threshold (unit keys alike but not equal are `new` to `decide`, yet worth a look)."""
    if candidate.type == "Unit":
        return candidate.score >= features.REVIEW_THRESHOLD
    return candidate.decision != "new"


def _candidate(label: str, a: Any, b: Any, score: features.MatchScore) -> Candidate:
    return Candidate(type=label, a=Side(a.id, a.name), b=Side(b.id, b.name), score=float(score.score),
                     reasons=[r.to_json() for r in score.reasons], kind=score.kind,
                     decision=features.decide(score))


# ---------------------------------------------------------------- scanning


def scan_graph(db: Database, label: str = "Person", cap_per_record: int = CAP_PER_RECORD,
               progress: Callable[[int, int], None] | None = None,
               min_score: float | None = None) -> list[Candidate]:
    """Every pair of the label worth a look, best first; judged pairs left out."""
    records = load_records(db, label)
    by_id = {r.id: r for r in records}
    if label == "Person":
        pairs = blocking.scan(records, cap_per_record, progress, name_frequencies(db))
    else:
        pairs = blocking.scan_units(records, cap_per_record)
        if progress:
            progress(len(records), len(records))
    judged = judged_pairs(db)
    out = []
    for id_a, id_b, score in pairs:
        if Pair(id_a, id_b).key in judged:
            continue
        candidate = _candidate(label, by_id[id_a], by_id[id_b], score)
        if (candidate.score < min_score) if min_score is not None else not worth_review(candidate):
            continue
        out.append(candidate)
    out.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return out


_NEW_BLOCKS = {
    "Person": f"CALL (q) {{ {people.blocks('q')} }} WITH q, p.id AS id",
    "Unit": ("CALL (q) { MATCH (p:Unit {unitKey: q.nameKey}) RETURN p.id AS id LIMIT 20 "
             "UNION CALL db.index.fulltext.queryNodes('entity_names', q.search, {limit: 20}) YIELD node "
             "WITH node WHERE node:Unit RETURN node.id AS id } WITH q, id"),
}
"""A new record's candidates, through the indexes (never a scan of the label)."""


def check_new(db: Database, ids: list[str], label: str = "Person") -> list[Candidate]:
    """The incremental check: candidates for just these records, found through the indexes."""
    check_type(label)
    if not ids:
        return []
    new_records = load_records(db, label, ids)
    rows = db.read(
        "UNWIND $ids AS id MATCH (p:" + label + " {id: id}) "
        "RETURN p.id AS id, p.nameKey AS nameKey, p.pinyin AS pinyin, p.initials AS initials, "
        "       p.surname AS surname, p.name AS name",
        ids=ids,
    )
    unit_keys = {r.id: sorted(features.person_keys(r).units) for r in new_records} if label == "Person" else {}
    queries = [{**r, "unitKeys": unit_keys.get(r["id"], []), "search": search.terms(r["name"] or "")} for r in rows]
    blocks = db.read(f"UNWIND $rows AS q {_NEW_BLOCKS[label]} WHERE id <> q.id "
                     "RETURN q.id AS new, collect(DISTINCT id) AS ids", rows=queries, timeout=60)
    wanted = {r["new"]: r["ids"] for r in blocks}
    others = {r.id: r for r in load_records(db, label, sorted({i for v in wanted.values() for i in v}))}
    frequency = name_frequencies(db, [r["nameKey"] for r in rows if r["nameKey"]]) if label == "Person" else None
    judged = judged_pairs(db)
    out: list[Candidate] = []
    seen: set[str] = set()
    for record in new_records:
        for other_id in wanted.get(record.id, []):
            other = others.get(other_id)
            key = Pair(record.id, other_id).key
            if other is None or key in judged or key in seen:
                continue
            seen.add(key)
            candidate = _candidate(label, record, other, features.score(label, record, other, frequency))
            if worth_review(candidate):
                out.append(candidate)
    out.sort(key=lambda c: (-c.score, c.a.id, c.b.id))
    return out


def rescore(db: Database, pairs: list[Pair]) -> None:
    """Scores these pairs now and keeps the scores on their open review items (after an undo)."""
    found = scored(db, pairs)
    if found:
        store_candidates(db, found)


def open_pairs_of(db: Database, ids: list[str]) -> list[Pair]:
    """The pairs of the open review items (not those staff marked unsure) that hold one of these records."""
    rows = db.read("UNWIND $ids AS id MATCH (:Person {id: id})<-[:CANDIDATE]-(i:ReviewItem {status: 'open'}) "
                   "MATCH (i)-[:CANDIDATE]->(x) WITH DISTINCT i, collect(x.id) AS ids WHERE size(ids) = 2 "
                   "RETURN ids", ids=ids)
    return list({Pair(*r["ids"]).key: Pair(*r["ids"]) for r in rows}.values())


def scored(db: Database, pairs: list[Pair]) -> list[Candidate]:
    """These pairs as candidates, scored on what their records hold now."""
    by_label: dict[str, list[Pair]] = {}
    for pair in pairs:
        by_label.setdefault(label_of(pair.a) or "Person", []).append(pair)
    found = []
    for label, group in by_label.items():
        records = {r.id: r for r in load_records(db, label, sorted({i for p in group for i in (p.a, p.b)}))}
        frequency = name_frequencies(db, [names.normalize_person_name(r.name) for r in records.values()]) \
            if label == "Person" else None
        for p in group:
            if p.a in records and p.b in records:
                found.append(_candidate(label, records[p.a], records[p.b],
                                        features.score(label, records[p.a], records[p.b], frequency)))
    return found


# ---------------------------------------------------------------- review items


def store_candidates(db: Database, candidates: list[Candidate]) -> dict[str, int]:
    """Keep candidates as review items: new pairs open an item; an open item gets the new
    score and reasons; an item staff closed stays closed. Returns counts."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    for c in candidates:
        by_label.setdefault(c.type, []).append({
            "id": c.pair.review_id, "a": c.a.id, "b": c.b.id, "score": c.score,
            "reasons": json.dumps(c.reasons, ensure_ascii=False), "kind": c.kind, "decision": c.decision,
        })
    counts = {"created": 0, "updated": 0, "kept closed": 0}

    def work(tx: Tx) -> None:
        for label, rows in by_label.items():
            check_type(label)
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
        raise InvalidRequest("invalid cursor: pass the endCursor of the previous page") from exc


@dataclass
class CandidatePage:
    items: list[Candidate]
    cursors: list[str]
    total: int
    has_next: bool
    end_cursor: str | None = None
    start_cursor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def list_candidates(db: Database, type: str | None = None, status: Status | str | None = Status.OPEN,
                    min_score: float | None = None, first: int = 20, after: str | None = None) -> CandidatePage:
    """Review items for staff, best first, with both sides (current ids and names) and reasons."""
    if type is not None:
        check_type(type)
    if status is not None:
        try:
            status = Status(status).value
        except ValueError:
            raise InvalidRequest(f"status must be one of {', '.join(s.value for s in Status)}") from None
    first = max(0, min(int(first), 200))
    offset = offset_of(after)
    given = {"type": type, "status": status, "min": min_score}
    where = " AND ".join(c for c, key in (("i.type = $type", "type"), ("i.status = $status", "status"),
                                          ("i.score >= $min", "min")) if given[key] is not None)
    # the page and the number of items in one reading of the matching items (only what is given filters)
    found = db.read(
        f"MATCH (i:ReviewItem) {'WHERE ' + where if where else ''} "
        "WITH i ORDER BY i.score DESC, i.id WITH collect(i) AS found "
        "CALL (found) { UNWIND found[$offset..$offset + $first] AS i "
        "  CALL (i) { MATCH (i)-[:CANDIDATE]->(n) RETURN n ORDER BY n.id } "
        f"  WITH i, collect({{id: n.id, name: n.name, node: {node_map('n')}}}) AS sides "
        "  RETURN collect({id: i.id, type: i.type, score: i.score, reasons: i.reasons, kind: i.kind, "
        "                  decision: i.decision, status: i.status, sides: sides}) AS rows } "
        "RETURN size(found) AS total, rows",
        offset=offset, first=first, **{k: v for k, v in given.items() if v is not None},
    )[0]
    total, rows = found["total"], found["rows"]
    if not rows:
        return CandidatePage([], [], total, False)
    items = []
    for r in rows:
        sides = r["sides"] + [{"id": "", "name": "", "node": None}] * (2 - len(r["sides"]))
        a, b = (Side(s["id"], s["name"], s["node"]) for s in sides[:2])
        items.append(Candidate(
            type=r["type"] or "Person", a=a, b=b,
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
    label = label_of(sa)
    if label not in TYPES or label_of(sb) != label:
        raise InvalidRequest("explainMatch compares two people or two units")
    records = {r.id: r for r in load_records(db, label, [sa, sb])}
    ra, rb = records[sa], records[sb]
    frequency = (name_frequencies(db, [names.normalize_person_name(r.name) for r in (ra, rb)])
                 if label == "Person" else None)
    candidate = _candidate(label, ra, rb, features.score(label, ra, rb, frequency))
    return Explanation(candidate=candidate, judgements=judgements_of(db, a, b),
                       blocked_by=blocked_between(db, a, b), same_record=sa == sb)


# ---------------------------------------------------------------- automatic merges


def may_merge_automatically(candidate: Candidate) -> bool:
    """Only a match, never a pair that is alike by sound alone or one character apart."""
    if candidate.decision != "match":
        return False
    kind = (candidate.kind or "").lower()
    return kind not in features.NEVER_AUTOMATIC and "homophone" not in kind and "one_char" not in kind


def auto_merge(db: Database, candidates: list[Candidate], who: str = "auto",
               created: Sequence[str] = ()) -> list[Candidate]:
    """Merge the pairs that may be merged without staff; returns those merged. A pair a
    judgement blocks, or already one record through another pair, is skipped (its item stays
    for staff). The older record keeps its id (the one clients hold longest), rather than
    whichever of two random ids sorts first: the survivor keeps its open review items and
    the absorbed record's are closed, so that choice is seen in the queue. `created`: the
    people the merging load created, in its rows' order (the earlier row's is the older)."""
    from graph.dedupe.merge import merge

    chosen = [c for c in candidates if may_merge_automatically(c)]
    order = {person: i for i, person in enumerate(created)}
    made = {r["id"]: r["at"] for r in db.read(
        "UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, n.createdAt.epochMillis AS at",
        ids=sorted({x for c in chosen for x in (c.a.id, c.b.id)}))} if chosen else {}
    merged = []
    for c in chosen:
        ids = sorted([c.a.id, c.b.id], key=lambda x: (order.get(x, -1), made.get(x) or 0, x))
        try:
            merge(db, ids, who=who)
        except GraphError:
            continue
        merged.append(c)
    return merged
