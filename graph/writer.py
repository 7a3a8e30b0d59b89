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
    _write_nodes(tx, source, part, stage)
    ready: list[Fact] = []
    still: list[Fact] = []
    for fact in written.waiting:
        (ready if fact.subject in resolved and fact.object in resolved else still).append(fact)
    written.waiting = still
    _write_facts(tx, source, ready, resolved, written.facts)
    _write_reviews(tx, source, stage)


def _node_rows(source: Source, extraction: Extraction,
               resolved: dict[Any, Resolved]) -> dict[str, list[dict[str, Any]]]:
    """A row per node: its name, aliases and properties, the spans of its mention (those of the
    same node together: two roster rows, say) and its record ids in this source."""
    from_text = source.label == "Article"
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
                   "create": r.outcome != "matched", "spans": [], "external": {}}
            rows[r.label][r.node_id] = row
        for alias in (entity.name, *entity.aliases):
            if alias not in row["aliases"]:
                row["aliases"].append(alias)
        row["spans"] += [f"{s}-{e}" for s, e in entity.spans]
        if entity.external_id:
            row["external"][f"{source.name}:{entity.external_id}"] = entity.external_id
    for by_id in rows.values():
        for row in by_id.values():
            row["external"] = [{"key": k, "value": v} for k, v in row["external"].items()]
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


def _write_nodes(tx: Tx, source: Source, extraction: Extraction, resolved: dict[Any, Resolved]) -> None:
    """The nodes of a stage, each in the statement that also writes the source's mention of it
    and its record ids (finding each node again by id for its mention and its ids was two more
    statements, 2.5 s of a 100,000-row load). The people this source creates are new ids:
    CREATE, no MERGE's lookup, and their IDENTIFIES edges cannot exist yet."""
    mention_and_ids = (
        "CREATE (s)-[:MENTIONS {{spans: row.spans}}]->(n) "  # the source is new, so its mentions are too
        "WITH n, row UNWIND row.external AS x "
        "MERGE (e:ExternalId {{key: x.key}}) ON CREATE SET e.source = $sourceName, e.value = x.value "
        "{identifies} (e)-[:IDENTIFIES]->(n)"
    )
    for label, rows in _node_rows(source, extraction, resolved).items():
        assert label in ENTITY_LABELS
        fresh = [r for r in rows if r["create"] and label == "Person"]
        rows = [r for r in rows if not (r["create"] and label == "Person")]
        source_node = f"MATCH (s:{source.label} {{id: $source}}) "
        if fresh:
            tx.run(source_node + entities.create(label) + " " + mention_and_ids.format(identifies="CREATE"),
                   rows=fresh, source=source.id, sourceName=source.name)
        if rows:
            tx.run(source_node + "UNWIND $rows AS row " + entities.upsert(label, keep=("s",))
                   + mention_and_ids.format(identifies="MERGE"),
                   rows=rows, source=source.id, sourceName=source.name)


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
