"""Curated and discovered vocabulary (issue 8): honors, units and studios first found in an
article carry `curated: false` until staff look at them. Staff confirm one (it becomes
curated, and the decision is remembered, so a later load that meets the name again keeps it
curated), rename it (the old name stays an alias; curated too), or reject it (the node and
every fact and count about it go, in one transaction, and later loads drop the name).

Decisions are `(:VocabDecision {id, label, key, verdict, name, who, at})` keyed by the
label and the name key (graph/identity.py: name_key), so they outlive the node they were
made on. Honors of the taxonomy (graph/data/honors.csv) are curated from the start; nodes
made by rosters and by hand carry no `curated` property and count as curated.
"""
from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

from graph import identity
from graph.cypher import entities
from graph.db import Database, Tx
from graph.errors import InvalidRequest, NotFound
from graph.facts import Extraction, Ref
from graph.names import strip_controls

VOCAB_LABELS = ("Honor", "Unit", "Studio")
VERDICTS = ("confirmed", "rejected")
EVIDENCE_PER_TERM = 3


@dataclass
class Evidence:
    source_id: str
    title: str | None
    sentence: str


@dataclass
class Term:
    """One uncurated node with what the texts say of it."""

    id: str
    label: str
    name: str
    level: str | None = None
    kind: str | None = None
    sources: int = 0
    facts: int = 0
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class TermPage:
    items: list[Term]
    total: int
    cursors: list[str]
    has_next: bool


def decision_id(label: str, key: str) -> str:
    return f"{label}:{key}"


def _label_of(node_id: str) -> str:
    label = identity.label_of(node_id)
    if label not in VOCAB_LABELS:
        raise InvalidRequest(f"{node_id!r} is not an honor, unit or studio")
    return label


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"vocab:{offset}".encode()).decode()


def _offset(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        kind, value = base64.urlsafe_b64decode(cursor.encode()).decode().split(":", 1)
        if kind != "vocab":
            raise ValueError(kind)
        return int(value) + 1
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidRequest("not a cursor of this list") from exc


_LIST = """
WITH $label AS label
CALL (label) {
  MATCH (n:Honor {curated: false}) WHERE label IS NULL OR label = 'Honor' RETURN n
  UNION MATCH (n:Unit {curated: false}) WHERE label IS NULL OR label = 'Unit' RETURN n
  UNION MATCH (n:Studio {curated: false}) WHERE label IS NULL OR label = 'Studio' RETURN n
}
WITH n ORDER BY n.name, n.id
WITH collect({id: n.id, name: n.name, level: n.level, kind: n.kind}) AS terms
RETURN size(terms) AS total, terms[$offset..$offset + $first + 1] AS page
"""

_EVIDENCE = """
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Honor {id: id}) RETURN n UNION MATCH (n:Unit {id: id}) RETURN n UNION MATCH (n:Studio {id: id}) RETURN n
}
OPTIONAL MATCH (s:Article)-[:MENTIONS]->(n)
WITH n, collect(DISTINCT s) AS sources
OPTIONAL MATCH (n)-[r]-(other) WHERE NOT type(r) = 'MENTIONS' AND r.evidence IS NOT NULL
WITH n, sources, collect(r)[..$per] AS rs, count(r) AS facts
RETURN n.id AS id, facts, size(sources) AS sources,
       [s IN sources[..$per] | {id: s.id, title: s.title}] AS titles,
       [r IN rs | {sentence: r.evidence[0], source: r.sourceIds[0]}] AS sentences
"""


def uncurated(db: Database, label: str | None = None, first: int = 20, after: str | None = None) -> TermPage:
    """The uncurated honors, units and studios, by name, each with the sentences of the
    sources that name it (a few per term)."""
    if label is not None and label not in VOCAB_LABELS:
        raise InvalidRequest(f"type must be one of {', '.join(VOCAB_LABELS)}")
    if first < 0 or first > 100:
        raise InvalidRequest("first must be between 0 and 100")
    offset = _offset(after)
    rows = db.read(_LIST, label=label, offset=offset, first=first)
    total = rows[0]["total"] if rows else 0
    nodes = rows[0]["page"] if rows else []
    has_next = len(nodes) > first
    nodes = nodes[:first]
    ev = {r["id"]: r for r in db.read(_EVIDENCE, ids=[n["id"] for n in nodes], per=EVIDENCE_PER_TERM)} if nodes else {}
    items = []
    for n in nodes:
        r = ev.get(n["id"], {})
        titles = {t["id"]: t["title"] for t in r.get("titles", [])}
        evidence = [Evidence(source_id=s["source"] or "", title=titles.get(s["source"]), sentence=s["sentence"] or "")
                    for s in r.get("sentences", []) if s.get("sentence")]
        if not evidence:  # named only: the sources that mention it
            evidence = [Evidence(source_id=t["id"], title=t["title"], sentence="") for t in r.get("titles", [])]
        items.append(Term(id=n["id"], label=identity.label_of(n["id"]) or "", name=n["name"], level=n.get("level"),
                          kind=n.get("kind"), sources=r.get("sources", 0), facts=r.get("facts", 0), evidence=evidence))
    return TermPage(items=items, total=total, cursors=[_cursor(offset + i) for i in range(len(items))],
                    has_next=has_next)


def _remember(tx: Tx, label: str, key: str, verdict: str, name: str, who: str, node_id: str | None) -> None:
    tx.run("MERGE (d:VocabDecision {id: $id}) "
           "SET d.label = $label, d.key = $key, d.verdict = $verdict, d.name = $name, d.who = $who, "
           "    d.nodeId = $node, d.at = datetime()",
           id=decision_id(label, key), label=label, key=key, verdict=verdict, name=name, who=who, node=node_id)


def _log(tx: Tx, who: str, action: str, target: str, detail: str) -> None:
    tx.run("CREATE (:Edit {who: $who, at: datetime(), action: $action, target: $target, detail: $detail})",
           who=who, action=action, target=target, detail=detail)


def confirm(db: Database, node_id: str, who: str) -> Term:
    """The node becomes curated; the decision is remembered for later loads."""
    label = _label_of(node_id)

    def work(tx: Tx) -> dict[str, Any]:
        rows = tx.run(f"MATCH (n:{label} {{id: $id}}) SET n.curated = true, n.updatedAt = datetime(), "
                      "n.updatedBy = $who RETURN n.name AS name, n.nameKey AS key, n.aliases AS aliases",
                      id=node_id, who=who)
        if not rows:
            raise NotFound(f"no {label.lower()} {node_id!r}")
        row = rows[0]
        for alias in {row["name"], *(row["aliases"] or [])}:
            _remember(tx, label, identity.name_key(label, alias), "confirmed", row["name"], who, node_id)
        _log(tx, who, "confirm vocabulary", node_id, row["name"])
        return row

    row = db.write_tx(work)
    return Term(id=node_id, label=label, name=row["name"])


def rename(db: Database, node_id: str, name: str, who: str) -> Term:
    """A new name (the old one stays an alias); the node becomes curated under both."""
    label = _label_of(node_id)
    name = strip_controls(name or "").strip()  # no control or direction characters in a name
    if not name:
        raise InvalidRequest("the new name must not be empty")
    keys = identity.matching_props(label, name)

    def work(tx: Tx) -> None:
        rows = tx.run(
            f"MATCH (n:{label} {{id: $id}}) WITH n, n.name AS old "
            "SET n += $keys, n.name = $name, n.curated = true, n.updatedAt = datetime(), n.updatedBy = $who, "
            "    n.aliases = CASE WHEN $name IN n.aliases THEN n.aliases ELSE n.aliases + $name END "
            f"SET n.aliasText = {entities.alias_text()} RETURN old, n.aliases AS aliases",
            id=node_id, keys=keys, name=name, who=who)
        if not rows:
            raise NotFound(f"no {label.lower()} {node_id!r}")
        for alias in set(rows[0]["aliases"] or []) | {name}:
            _remember(tx, label, identity.name_key(label, alias), "confirmed", name, who, node_id)
        _log(tx, who, "rename vocabulary", node_id, f"{rows[0]['old']} → {name}")

    db.write_tx(work)
    return Term(id=node_id, label=label, name=name)


def reject(db: Database, node_id: str, who: str) -> int:
    """Removes the node, its facts and the counts of it, in one transaction; later loads
    drop the name. Returns how many facts went with it."""
    label = _label_of(node_id)

    def work(tx: Tx) -> int:
        rows = tx.run(
            f"MATCH (n:{label} {{id: $id}}) "
            "OPTIONAL MATCH (n)-[r]-() WHERE NOT type(r) IN ['MENTIONS', 'COUNT_OF'] "
            "WITH n, count(r) AS facts "
            "OPTIONAL MATCH (c:AwardCount)-[:COUNT_OF]->(n) "
            "WITH n, facts, collect(c) AS counts, n.name AS name, n.aliases AS aliases "
            "FOREACH (c IN counts | DETACH DELETE c) "
            "DETACH DELETE n RETURN name, aliases, facts",
            id=node_id)
        if not rows:
            raise NotFound(f"no {label.lower()} {node_id!r}")
        row = rows[0]
        for alias in {row["name"], *(row["aliases"] or [])}:
            _remember(tx, label, identity.name_key(label, alias), "rejected", row["name"], who, None)
        _log(tx, who, "reject vocabulary", node_id, f"{row['name']} ({row['facts']} facts)")
        return row["facts"]

    return db.write_tx(work)


def decisions_for(db: "Database | Tx", extraction: Extraction) -> dict[Ref, str]:
    """The remembered verdicts on the honors, units and studios of an extraction."""
    keys: dict[str, list[Ref]] = {}
    for entity in extraction.entities:
        if entity.type in VOCAB_LABELS:
            keys.setdefault(decision_id(entity.type, identity.name_key(entity.type, entity.name)), []).append(entity.ref)
    if not keys:
        return {}
    rows = db.read("UNWIND $ids AS id MATCH (d:VocabDecision {id: id}) RETURN d.id AS id, d.verdict AS verdict",
                   ids=sorted(keys))
    return {ref: r["verdict"] for r in rows for ref in keys[r["id"]]}


def apply_decisions(db: "Database | Tx", extraction: Extraction, from_text: bool) -> Extraction:
    """Before a load: rejected names are dropped with their facts; confirmed ones are
    curated; the rest of what a text discovered is marked uncurated."""
    verdicts = decisions_for(db, extraction)
    rejected = {ref for ref, v in verdicts.items() if v == "rejected"}
    if not from_text and not rejected:
        return extraction
    kept = []
    for entity in extraction.entities:
        if entity.ref in rejected:
            continue
        if from_text and entity.type in VOCAB_LABELS:
            entity.props["curated"] = verdicts.get(entity.ref) == "confirmed" or bool(entity.props.get("curated"))
        kept.append(entity)
    facts = [f for f in extraction.facts if f.subject not in rejected and f.object not in rejected]
    names = {r.name for r in rejected if r.type == "Honor"}
    aggregates = [a for a in extraction.aggregates if a.honor not in names]
    return Extraction(entities=kept, facts=facts, aggregates=aggregates)
