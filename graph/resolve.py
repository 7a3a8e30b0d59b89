"""Resolution: which node of the graph each entity of a source is, or that it is new.

Persons are found through blocking keys (normalised name, toneless pinyin, initials,
external record id), scored with context (unit, honor and year, region, studio, mentor)
by the feature table (graph/dedupe/features.py) on the same records a scan reads
(graph/dedupe/records.py), and decided with two thresholds: above the high one the entity
is that node (its spelling becomes an alias); below the low one it is new; between,
it becomes a new node *and* a review item for staff — nothing is guessed. Staff
judgements are respected: a `different` pair is never matched, a `same` one always.
Units are matched on their unit key; honors, regions, villages, studios and projects
on their normalised name; a key an absorbed record carried finds its survivor.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graph import identity, names
from graph.cypher import nodes, people
from graph.db import Database, Tx

Reader = Database | Tx
"""Resolution only reads: through the database, or inside a write transaction that holds the
write lock (graph/ingest.py resolves again there when another writer landed meanwhile)."""
from graph.dedupe import features
from graph.dedupe.features import Reason
from graph.dedupe.records import PersonRecord, load_records, person_record, source_people
from graph.facts import Entity, Extraction, Ref


@dataclass
class Resolved:
    ref: Ref
    label: str
    node_id: str
    outcome: str  # created | matched | review
    name: str
    score: float | None = None
    review_with: str | None = None
    reasons: list[Reason] = field(default_factory=list)


BULK_THRESHOLD = 2000
"""Above this many people in one source, the people sharing an exact name key or a toneless
pinyin with any of them are read in one statement and blocked in memory: one pass instead
of one blocking subquery (and its rows) per person."""

_SHARING_PEOPLE = f"""
CALL () {{
  UNWIND $nameKeys AS key MATCH (p:Person:Entity {{nameKey: key}}) USING INDEX SEEK p:Entity(nameKey) RETURN p
  UNION UNWIND $pinyins AS key MATCH (p:Person:Entity {{pinyin: key}}) USING INDEX SEEK p:Entity(pinyin) RETURN p
  UNION UNWIND $ids AS id MATCH (p:Person {{id: id}}) USING INDEX SEEK p:Person(id) RETURN p
}}
RETURN id(p) AS seq, p.nameKey AS nameKey, p.pinyin AS pinyin, {people.context('p')}
"""
"""Each person once (UNION), with its node number: blocks keep the graph's node order, the
order a scan of every person read them in, so the first CANDIDATES_PER_KEY of a common
name are the same people however many others the graph holds."""

_EXTERNAL_IDS = """
UNWIND $keys AS key
MATCH (x:ExternalId {key: key}) USING INDEX SEEK x:ExternalId(key)
MATCH (x)-[:IDENTIFIES]->(p:Person)
RETURN key, p.id AS id
"""
"""The bulk reads name their index: planned on an empty graph (the first load of a new store),
Neo4j chose to scan the whole ExternalId index once per key, and kept that plan for the next
loads until its statistics moved far enough (bench/loaders.py: a 25,000-row roster's matching
17 s or 78 s depending on when the plan was replaced)."""

_PERSON_CANDIDATES = f"""
UNWIND $queries AS q
CALL (q) {{
  OPTIONAL MATCH (x:ExternalId {{key: q.externalKey}}) USING INDEX SEEK x:ExternalId(key)
  OPTIONAL MATCH (x)-[:IDENTIFIES]->(e:Person)
  WITH e WHERE e IS NOT NULL
  RETURN e AS p, true AS byExternalId
  UNION {people.blocks('q', also=', false AS byExternalId')}
}}
WITH q, p, byExternalId
RETURN q.ref AS ref, byExternalId, {people.context('p')}
"""


def resolve(db: Reader, extraction: Extraction, source_name: str, new_people: bool = False) -> dict[Ref, Resolved]:
    """Decide a node for every entity of the source (reads only; the writer writes).
    `new_people`: every person of the source is a new node, unmatched (the bulk path of a
    first import, `kg load roster --new-people`; `kg dedupe scan` afterwards finds duplicates)."""
    result: dict[Ref, Resolved] = {}
    for stage in resolve_in_stages(db, extraction, source_name, new_people):
        result.update(stage)
    return result


def resolve_in_stages(db: Reader, extraction: Extraction, source_name: str, new_people: bool = False,
                      people_per_stage: int | None = None) -> Iterator[dict[Ref, Resolved]]:
    """`resolve`, a part at a time: first every entity but the people, then the people in
    stages of `people_per_stage` (all at once by default), each decided exactly as in one
    pass, so that a writer can write one stage while the next is resolved."""
    by_label: dict[str, list[Entity]] = defaultdict(list)
    seen: set[Ref] = set()
    for entity in extraction.entities:
        if entity.ref not in seen:
            seen.add(entity.ref)
            by_label[entity.type].append(entity)
    others: dict[Ref, Resolved] = {}
    for label, entities in by_label.items():
        if label != "Person":
            others.update(_resolve_by_key(db, label, entities))
    yield others
    persons = by_label.get("Person", [])
    if new_people:
        yield {e.ref: Resolved(e.ref, "Person", identity.id_for("Person", e.name), "created", e.name)
               for e in persons}
    else:
        yield from _resolve_people(db, persons, extraction, source_name, people_per_stage or len(persons) or 1)


def _resolve_by_key(db: Reader, label: str, entities: list[Entity]) -> dict[Ref, Resolved]:
    keys = {e.ref: identity.name_key(label, e.name) for e in entities}
    rows = db.read(f"UNWIND $keys AS k CALL (k) {{ {nodes.survivor_by_key('k', label)} }} "
                   "RETURN k AS key, n.id AS id, n.name AS name", keys=sorted(set(keys.values())))
    found = {r["key"]: r for r in rows}
    out: dict[Ref, Resolved] = {}
    for entity in entities:
        key = keys[entity.ref]
        if key in found:
            out[entity.ref] = Resolved(entity.ref, label, found[key]["id"], "matched", entity.name)
        else:
            out[entity.ref] = Resolved(entity.ref, label, identity.id_for(label, entity.name), "created", entity.name)
    return out


def _resolve_people(db: Reader, persons: list[Entity], extraction: Extraction,
                    source_name: str, per_stage: int) -> Iterator[dict[Ref, Resolved]]:
    if not persons:
        return
    context = source_people(extraction)
    queries = []
    for i, entity in enumerate(persons):
        props = identity.matching_props("Person", entity.name)
        queries.append({
            "ref": i,
            "nameKey": props["nameKey"], "pinyin": props["pinyin"],
            "initials": props["initials"], "surname": props["surname"],
            "unitKeys": sorted({names.unit_key(u) for u in context[entity.ref]["units"] if u}),
            "externalKey": f"{source_name}:{entity.external_id}" if entity.external_id else None,
        })
    in_source = Counter(identity.name_key("Person", e.name) for e in persons)
    claimed: dict[str, Ref] = {}  # one node per person of this source
    records: dict[str, PersonRecord] = {}  # a graph person's record, built (and normalised) once
    blocks = _Blocks(records) if len(queries) > BULK_THRESHOLD else None
    for start in range(0, len(queries), per_stage):
        # a stage's candidates are those of its people in one pass: a key's block is every
        # person sharing it, whichever stage reads it
        stage = queries[start:start + per_stage]
        candidates: dict[int, list[dict[str, Any]]] = defaultdict(list)
        if blocks is not None:
            candidates = _bulk_candidates(db, stage, blocks)
        else:
            for row in db.read(_PERSON_CANDIDATES, queries=stage, timeout=120):
                candidates[row["ref"]].append(row)
        out: dict[Ref, Resolved] = {}
        for q in stage:
            entity = persons[q["ref"]]
            decided = _decide_person(entity, person_record(context[entity.ref]), candidates[q["ref"]], claimed,
                                     in_source[identity.name_key("Person", entity.name)], records)
            out[entity.ref] = decided
            if decided.outcome == "matched":
                claimed[decided.node_id] = entity.ref
        yield out


class _Blocks:
    """The graph people sharing each blocking key read so far in one source's resolution, the
    first CANDIDATES_PER_KEY of each block in the graph's node order, as slim rows whose records
    are built once into `records`. A key is read once, by the first stage that needs it: the
    source's own writes are not visible to these reads, so a block is the same for every stage
    (bench/loaders.py, 100,000 rows in stages of 20,000: 161,914 rows of context read, where
    each stage reading its names again read about 290,000).

    The rest of a larger pinyin block is kept by unit key only (`beyond`), without records: a
    person is also offered the carriers of their name's sound at one of their units
    (graph/cypher/people.py), whose records are read when first offered."""

    def __init__(self, records: dict[str, PersonRecord]) -> None:
        self.records = records
        self.by_key: dict[str, list[dict[str, Any]]] = {}
        self.beyond: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def at_units(self, q: dict[str, Any]) -> list[dict[str, Any]]:
        """The people of q's pinyin block beyond its first CANDIDATES_PER_KEY who work at one of
        q's units; at most CANDIDATES_PER_KEY."""
        beyond = self.beyond.get("p:" + q["pinyin"], {})
        found = {row["id"]: row for unit in q["unitKeys"] for row in beyond.get(unit, ())}
        return list(found.values())[:people.CANDIDATES_PER_KEY]

    def missing(self, kind: str, keys: Iterable[str]) -> list[str]:
        return sorted({k for k in keys if f"{kind}:{k}" not in self.by_key})

    def add(self, rows: list[dict[str, Any]], name_keys: list[str], pinyins: list[str]) -> dict[str, dict[str, Any]]:
        """Files a read's rows (every person sharing one of the keys it asked, and those its
        record ids name) under the keys it asked; returns the slim rows by id."""
        asked = {f"n:{k}" for k in name_keys} | {f"p:{k}" for k in pinyins}
        for key in asked:
            self.by_key[key] = []
        rows.sort(key=lambda row: row["seq"])
        by_id: dict[str, dict[str, Any]] = {}
        for row in rows:
            slim = by_id[row["id"]] = {"id": row["id"], "name": row["name"], "byExternalId": False}
            for key in ("n:" + (row["nameKey"] or ""), "p:" + (row["pinyin"] or "")):
                if key not in asked:
                    continue
                if len(self.by_key[key]) < people.CANDIDATES_PER_KEY:
                    self.by_key[key].append(slim)
                    if row["id"] not in self.records:
                        self.records[row["id"]] = person_record(row)
                elif key.startswith("p:"):
                    beyond = self.beyond.setdefault(key, defaultdict(list))
                    for unit in {names.unit_key(u) for u in row["units"] if u}:
                        beyond[unit].append(slim)
        return by_id


def _bulk_candidates(db: Reader, queries: list[dict[str, Any]], blocks: _Blocks) -> dict[int, list[dict[str, Any]]]:
    """Blocks on exact name key and toneless pinyin, in memory, over the people of the graph
    that share one of them with the source (and those its record ids name), and offers the
    carriers of a row's pinyin at its units beyond each block's cap (`_Blocks.at_units`)."""
    external_keys = [q["externalKey"] for q in queries if q["externalKey"]]
    external = {r["key"]: r["id"] for r in db.read(_EXTERNAL_IDS, keys=external_keys, timeout=120)} \
        if external_keys else {}
    name_keys = blocks.missing("n", (q["nameKey"] for q in queries))
    pinyins = blocks.missing("p", (q["pinyin"] for q in queries))
    sharing = db.read_values(_SHARING_PEOPLE, nameKeys=name_keys, pinyins=pinyins,
                             ids=sorted(set(external.values())), timeout=300)
    by_id = blocks.add(sharing, name_keys, pinyins)
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    offered: set[str] = set()  # people beyond a block's cap, whose records are not built yet
    for q in queries:
        if q["externalKey"] in external and external[q["externalKey"]] in by_id:
            out[q["ref"]].append(dict(by_id[external[q["externalKey"]]], byExternalId=True))
            continue
        seen: set[str] = set()
        for key in ("n:" + q["nameKey"], "p:" + q["pinyin"]):
            for row in blocks.by_key[key]:
                if row["id"] not in seen:
                    seen.add(row["id"])
                    out[q["ref"]].append(row)
        near = [row for row in blocks.at_units(q) if row["id"] not in seen]
        out[q["ref"]] += near
        offered.update(row["id"] for row in near)
    unread = sorted(offered - blocks.records.keys())
    if unread:
        blocks.records.update((r.id, r) for r in load_records(db, "Person", unread))
    return out


def _decide_person(entity: Entity, new: PersonRecord, rows: list[dict[str, Any]],
                   claimed: dict[str, Ref], in_source: int = 1,
                   records: dict[str, PersonRecord] | None = None) -> Resolved:
    """`in_source`: how many people of this source carry the same name (namesakes a roster
    keeps apart): with the graph's namesakes, how common the name is. `records`: the graph
    people's records by id, kept across the source's people (a common name's candidates are
    the same rows for each of its carriers)."""
    records = {} if records is None else records
    external = [r for r in rows if r["byExternalId"]]
    if external:
        return Resolved(entity.ref, "Person", external[0]["id"], "matched", entity.name, 1.0,
                        reasons=[Reason("external_id", 1.0, "same record id in the same source")])
    key = identity.name_key("Person", entity.name)
    carrying = [r for r in rows if identity.name_key("Person", r["name"]) == key]
    if entity.named_only and len(carrying) == 1 and carrying[0]["id"] not in claimed:
        return Resolved(entity.ref, "Person", carrying[0]["id"], "matched", entity.name, 1.0,
                        reasons=[Reason("named_mentor", 1.0, "the 师傅 a roster names: the graph's one person "
                                                               "of that name")])
    carriers = features.carriers(len(carrying) + in_source)
    best: tuple[features.MatchScore, dict[str, Any]] | None = None
    best_claimed: tuple[features.MatchScore, dict[str, Any]] | None = None
    for row in rows:
        record = records.get(row["id"])
        if record is None:
            record = records[row["id"]] = person_record(row)
        score = features.score_person(new, record, lambda _: carriers)
        if row["id"] in claimed:
            if best_claimed is None or score.score > best_claimed[0].score:
                best_claimed = (score, row)
        elif best is None or score.score > best[0].score:
            best = (score, row)
    decision = features.decide(best[0]) if best else "new"
    if best and decision == "match":
        return Resolved(entity.ref, "Person", best[1]["id"], "matched", entity.name, best[0].score,
                        reasons=best[0].reasons)
    if (best_claimed and features.decide(best_claimed[0]) != "new"
            and (best is None or best_claimed[0].score > best[0].score)):
        return _beside_claimed(entity, *best_claimed, claimed)
    if best is None:
        return Resolved(entity.ref, "Person", identity.id_for("Person", entity.name), "created", entity.name)
    score, row = best
    if decision == "review":
        return Resolved(entity.ref, "Person", identity.id_for("Person", entity.name), "review", entity.name,
                        score.score, review_with=row["id"], reasons=score.reasons)
    return Resolved(entity.ref, "Person", identity.id_for("Person", entity.name), "created", entity.name)


def _beside_claimed(entity: Entity, score: features.MatchScore, row: dict[str, Any],
                    claimed: dict[str, Ref]) -> Resolved:
    """A row whose best candidate another row of this source already took: two rows are two
    people of this source, so the graph person is one of them or was merged from both. Staff
    see the row beside that person (review) instead of a new node nobody is shown: a large
    load runs no check afterwards (bench/loaders.py: 76 of 30,000 known people were so lost)."""
    other = claimed[row["id"]]
    note = Reason("same_source", 0.0, f"another row of this source ({other.name}, record {other.key}) "
                                      "was matched to this person")
    return Resolved(entity.ref, "Person", identity.id_for("Person", entity.name), "review", entity.name,
                    score.score, review_with=row["id"], reasons=[*score.reasons, note])
