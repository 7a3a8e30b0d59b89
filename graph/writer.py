"""Writing one resolved source inside the transaction it is given: nothing else.

graph/ingest.py decides what to write (it resolves every entity, reading only, a stage at a
time) and opens one transaction per source; `write_in_stages` puts everything in it as the
stages come — the source node, entity nodes, mentions, facts with their evidence, external
ids, review items, aggregate counts — so a source lands whole or not at all. A fact already
in the graph gains this source in its parallel lists (`sourceIds`, `evidence`, `locators`)
instead of a second edge.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph import identity
from graph.cypher import entities
from graph.db import Tx
from graph.dedupe.features import reasons_json
from graph.dedupe.pairs import Pair
from graph.facts import Entity, Extraction, Fact
from graph.honors import canonical_honor
from graph.resolve import Resolved
from graph.vocab import VOCAB_LABELS
from graph.vocabulary import ENTITY_LABELS


@dataclass
class Source:
    """The source node to write: its label, id, content hash and properties."""

    label: str  # Article | Roster
    hash: str
    name: str  # what external record ids are scoped by
    props: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.label.lower()}_{self.hash[:12]}"


def write(tx: Tx, source: Source, extraction: Extraction, resolved: dict[Any, Resolved]) -> None:
    """Writes the source and everything resolved from it, in `tx`."""
    write_in_stages(tx, source, extraction, [resolved])


def write_in_stages(tx: Tx, source: Source, extraction: Extraction,
                    stages: Iterable[dict[Any, Resolved]]) -> dict[Any, Resolved]:
    """`write`, a stage of resolution at a time (graph/resolve.py `resolve_in_stages`): each
    stage's nodes with their mentions, external ids and review items, and the facts whose two
    ends are now resolved; the counts last. An entity is in one stage and a node is one
    stage's (a person is matched once per source), so this writes what one `write` does,
    in the same transaction; returns everything resolved."""
    create_source(tx, source)
    written = Written(waiting=extraction.facts)
    for stage in stages:
        write_stage(tx, source, extraction, stage, written)
    _write_aggregates(tx, source, extraction)
    return written.resolved


@dataclass
class Written:
    """A source's stages written so far: what they resolved, the facts still waiting for one
    of their ends, and the facts written as (type, subject id, object id)."""

    waiting: list[Fact]
    resolved: dict[Any, Resolved] = field(default_factory=dict)
    facts: set[tuple[str, str, str]] = field(default_factory=set)
    positions: dict[Any, list[int]] | None = None
    """Where each ref's entities are in the extraction: a stage's entities are found without
    reading all of them again (a 100,000-row roster has six stages)."""

    def entities_of(self, extraction: Extraction, stage: dict[Any, Resolved]) -> list[Entity]:
        """The extraction's entities of `stage`, in the extraction's order."""
        if self.positions is None:
            self.positions = defaultdict(list)
            for i, entity in enumerate(extraction.entities):
                self.positions[entity.ref].append(i)
        return [extraction.entities[i] for i in sorted(i for ref in stage for i in self.positions.get(ref, ()))]


def create_source(tx: Tx, source: Source) -> None:
    tx.run(
        f"CREATE (s:{source.label}:Source {{id: $id, hash: $hash}}) SET s += $props, s.loadedAt = datetime(), "
        "s.sortKey = $sortKey",
        id=source.id, hash=source.hash, props=source.props,
        sortKey=identity.sort_key(source.props.get("title") or source.name),
    )


def write_stage(tx: Tx, source: Source, extraction: Extraction, stage: dict[Any, Resolved], written: Written) -> None:
    """One stage of `write_in_stages`: its nodes, mentions, external ids and review items, and
    every fact whose ends are now both resolved."""
    written.resolved.update(stage)
    resolved = written.resolved
    part = Extraction(entities=written.entities_of(extraction, stage))
    mentions = _mention_rows(part, stage)
    external = _external_id_rows(source, part, stage)
    created = _write_nodes(tx, source, part, stage, mentions, external, from_text=source.label == "Article")
    ready: list[Fact] = []
    still: list[Fact] = []
    for fact in written.waiting:
        (ready if fact.subject in resolved and fact.object in resolved else still).append(fact)
    written.waiting = still
    _write_mentions(tx, source, [m for m in mentions if m["id"] not in created])
    _write_facts(tx, source, ready, resolved, written.facts)
    _write_external_ids(tx, source, [x for x in external if x["id"] not in created])
    _write_reviews(tx, source, stage)


def _node_rows(extraction: Extraction, resolved: dict[Any, Resolved],
               from_text: bool = False) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for entity in extraction.entities:
        r = resolved.get(entity.ref)
        if r is None:
            continue
        row = rows[r.label].get(r.node_id)
        if row is None:
            props = {k: v for k, v in _entity_props(entity.type, entity.name, entity.props).items() if v is not None}
            # curated: false marks what a text discovered, on the node it creates only (graph/vocab.py)
            if r.outcome == "matched" or not from_text or r.label not in VOCAB_LABELS:
                props.pop("curated", None)
            else:
                props["curated"] = bool(entity.props.get("curated"))
            row = {"id": r.node_id, "name": entity.name, "aliases": [], "props": props,
                   "create": r.outcome != "matched"}
            rows[r.label][r.node_id] = row
        for alias in (entity.name, *entity.aliases):
            if alias not in row["aliases"]:
                row["aliases"].append(alias)
    return {label: list(by_id.values()) for label, by_id in rows.items()}


_PROP_NAMES = {
    "birth_year": "birthYear", "id_number": "idNumber", "birth_date": "birthDate",
    "recipient_kind": "recipientKind", "political_status": "politicalStatus",
}


def _entity_props(label: str, name: str, props: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in props.items():
        if key == "evidence":
            continue
        storable = isinstance(value, (str, int, float, bool)) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value))
        out[_PROP_NAMES.get(key, key)] = value if storable else json.dumps(value, ensure_ascii=False)
    if label == "Honor":
        title = canonical_honor(name)
        if title:
            out.setdefault("level", title.level)
            out.setdefault("issuer", title.issuer)
            out.setdefault("recipientKind", title.recipient_kind)
    out.update(identity.matching_props(label, name))
    return out


def _write_nodes(tx: Tx, source: Source, extraction: Extraction, resolved: dict[Any, Resolved],
                 mentions: list[dict[str, Any]], external: list[dict[str, Any]], from_text: bool = False) -> set[str]:
    """The nodes of a stage; the people this source creates together with their mention and
    record ids, in one statement (a new id needs no lookup; three statements finding each new
    person again by id were 2.5 s of a 100,000-row load). Returns the ids of those people."""
    created: set[str] = set()
    for label, rows in _node_rows(extraction, resolved, from_text).items():
        assert label in ENTITY_LABELS
        fresh = [r for r in rows if r["create"] and label == "Person"]
        rows = [r for r in rows if not (r["create"] and label == "Person")]
        if fresh:
            created = {r["id"] for r in fresh}
            spans = {m["id"]: m["spans"] for m in mentions if m["id"] in created}
            ids: dict[str, dict[str, str]] = defaultdict(dict)
            for x in external:
                if x["id"] in created:
                    ids[x["id"]][x["key"]] = x["value"]
            for r in fresh:
                r["spans"] = spans.get(r["id"], [])
                r["external"] = [{"key": k, "value": v} for k, v in ids.get(r["id"], {}).items()]
            tx.run(
                f"MATCH (s:{source.label} {{id: $source}}) " + entities.create(label) +
                " CREATE (s)-[:MENTIONS {spans: row.spans}]->(n) "
                "WITH n, row UNWIND row.external AS x "
                "MERGE (e:ExternalId {key: x.key}) ON CREATE SET e.source = $sourceName, e.value = x.value "
                "CREATE (e)-[:IDENTIFIES]->(n)",
                rows=fresh, source=source.id, sourceName=source.name,
            )
        if rows:
            tx.run("UNWIND $rows AS row " + entities.upsert(label), rows=rows)
    return created


def _mention_rows(extraction: Extraction, resolved: dict[Any, Resolved]) -> list[dict[str, Any]]:
    """One mention per node: spans of the same node (two roster rows, say) together."""
    by_id: dict[str, dict[str, Any]] = {}
    for entity in extraction.entities:
        r = resolved.get(entity.ref)
        if r is None:
            continue
        spans = [f"{s}-{e}" for s, e in entity.spans]
        if r.node_id in by_id:
            by_id[r.node_id]["spans"] += spans
        else:
            by_id[r.node_id] = {"label": r.label, "id": r.node_id, "spans": spans}
    return list(by_id.values())


def _write_mentions(tx: Tx, source: Source, mentions: list[dict[str, Any]]) -> None:
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in mentions:
        by_label[row["label"]].append(row)
    for label, items in by_label.items():
        tx.run(  # the source is new, so its mentions are too: CREATE, no MERGE needed
            f"MATCH (s:{source.label} {{id: $source}}) "
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
            "CREATE (s)-[:MENTIONS {spans: row.spans}]->(n)",
            source=source.id, rows=items,
        )


def _locator(fact: Fact) -> str:
    if fact.row is not None:
        return f"row {fact.row}"
    if fact.start is not None:
        return f"chars {fact.start}-{fact.end}"
    return ""


def _write_facts(tx: Tx, source: Source, facts: list[Fact], resolved: dict[Any, Resolved],
                 written: set[tuple[str, str, str]]) -> None:
    """`written`: the facts this source wrote already, (type, subject id, object id); the same
    fact twice in one source is one entry."""
    groups: dict[tuple[str, str, str], dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    for fact in facts:
        a, b = resolved.get(fact.subject), resolved.get(fact.object)
        if a is None or b is None or a.node_id == b.node_id:
            continue
        group = groups[(fact.type, a.label, b.label)]
        key = (a.node_id, b.node_id)
        if (fact.type, *key) in written:
            continue
        written.add((fact.type, *key))
        props = {k: v for k, v in fact.props.items() if isinstance(v, (str, int, float, bool))}
        group[key] = {
            "a": a.node_id, "b": b.node_id, "year": fact.year, "props": props,
            "evidence": fact.evidence, "locator": _locator(fact),
            "new": a.outcome != "matched" or b.outcome != "matched",
        }
    for (rel, la, lb), rows in groups.items():
        fresh = [r for r in rows.values() if r["new"]]
        known = [r for r in rows.values() if not r["new"]]
        if fresh:  # an end was created by this source: the fact cannot exist yet
            tx.run(
                f"UNWIND $rows AS row "
                f"MATCH (a:{la} {{id: row.a}}) MATCH (b:{lb} {{id: row.b}}) "
                f"CREATE (a)-[r:{rel} {{sourceIds: [$source], evidence: [row.evidence], "
                "  locators: [row.locator], year: row.year, createdAt: datetime()}]->(b) "
                "SET r += row.props",
                rows=fresh, source=source.id,
            )
        if known:
            tx.run(
                f"UNWIND $rows AS row "
                f"MATCH (a:{la} {{id: row.a}}) MATCH (b:{lb} {{id: row.b}}) "
                f"MERGE (a)-[r:{rel}]->(b) "
                "ON CREATE SET r.sourceIds = [], r.evidence = [], r.locators = [], r.createdAt = datetime() "
                "SET r.sourceIds = r.sourceIds + $source, r.evidence = r.evidence + row.evidence, "
                "    r.locators = r.locators + row.locator, r.year = coalesce(r.year, row.year) "
                "SET r += row.props",
                rows=known, source=source.id,
            )


def _external_id_rows(source: Source, extraction: Extraction, resolved: dict[Any, Resolved]) -> list[dict[str, Any]]:
    rows = []
    for entity in extraction.entities:
        r = resolved.get(entity.ref)
        if entity.external_id and r is not None:
            rows.append({"key": f"{source.name}:{entity.external_id}", "value": entity.external_id,
                         "label": r.label, "id": r.node_id})
    return rows


def _write_external_ids(tx: Tx, source: Source, rows: list[dict[str, Any]]) -> None:
    for label in {row["label"] for row in rows}:
        tx.run(
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
            "MERGE (e:ExternalId {key: row.key}) ON CREATE SET e.source = $source, e.value = row.value "
            "MERGE (e)-[:IDENTIFIES]->(n)",
            rows=[row for row in rows if row["label"] == label], source=source.name,
        )


def _write_reviews(tx: Tx, source: Source, resolved: dict[Any, Resolved]) -> None:
    rows = [
        {"id": Pair(r.node_id, r.review_with).review_id, "a": r.node_id, "b": r.review_with,
         "score": r.score, "reasons": reasons_json(r.reasons), "label": r.label}
        for r in resolved.values() if r.outcome == "review" and r.review_with
    ]
    if rows:
        tx.run(
            "UNWIND $rows AS row MATCH (a:Person {id: row.a}) MATCH (b:Person {id: row.b}) "
            "MERGE (i:ReviewItem {id: row.id}) "
            "ON CREATE SET i.type = row.label, i.score = row.score, i.reasons = row.reasons, "
            "  i.status = 'open', i.sourceId = $source, i.createdAt = datetime() "
            "MERGE (i)-[:CANDIDATE]->(a) MERGE (i)-[:CANDIDATE]->(b)",
            rows=rows, source=source.id,
        )


def _write_aggregates(tx: Tx, source: Source, extraction: Extraction) -> None:
    rows = []
    for agg in extraction.aggregates:
        title = canonical_honor(agg.honor)
        honor = title.name if title else agg.honor
        region = agg.region or ""
        rows.append({
            "honor": {"id": identity.id_for("Honor", honor), "name": honor, "aliases": [honor],
                      "props": _entity_props("Honor", honor, {})},
            "curated": title is not None or source.label != "Article",
            "region": {"id": identity.id_for("Region", region), "name": region, "aliases": [region],
                       "props": identity.matching_props("Region", region)} if region else None,
            "count": agg.count, "year": agg.year, "kind": agg.recipient_kind, "evidence": agg.evidence,
            "regionName": region,
        })
    if rows:
        tx.run(
            "UNWIND $rows AS agg WITH agg, agg.honor AS row "
            + entities.upsert("Honor", keep=("agg",)) +
            # a node made now (createdAt is the transaction's clock) takes the count's curated flag
            "SET n.curated = CASE WHEN n.createdAt = datetime() THEN agg.curated ELSE n.curated END "
            "CREATE (c:AwardCount {count: agg.count, year: agg.year, recipientKind: agg.kind, "
            "  region: agg.regionName, evidence: agg.evidence, sourceId: $source}) "
            "CREATE (c)-[:COUNT_OF]->(n) "
            "WITH c, agg.region AS row WHERE row IS NOT NULL "
            + entities.upsert("Region", keep=("c",)) +
            "CREATE (c)-[:IN_REGION]->(n)",
            rows=rows, source=source.id,
        )
