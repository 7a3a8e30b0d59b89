"""Manual edits by staff: create, update and delete entities and facts, each recording
who made it and when — on the node or fact itself, and as an `(:Edit)` node in the same
transaction, which outlives a deletion. Facts made by hand carry the source entry
`manual:<who>`."""
from __future__ import annotations

from typing import Any

from graph import identity
from graph.cypher import entities
from graph.db import Database, Tx
from graph.errors import InvalidRequest
from graph.identity import label_of
from graph.names import strip_controls
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES

EDITABLE = ("gender", "birthYear", "sector", "region", "kind", "level", "issuer", "recipientKind",
            "phone", "idNumber", "birthDate", "address")


def _record(tx: Tx, who: str, action: str, target: str, detail: str = "") -> None:
    tx.run("CREATE (:Edit {who: $who, at: datetime(), action: $action, target: $target, detail: $detail})",
           who=who, action=action, target=target, detail=detail)


def record(db: Database, who: str, action: str, target: str, detail: str = "") -> None:
    """Logs an action made outside this module (an ingest through the API) as an (:Edit)."""
    db.write_tx(lambda tx: _record(tx, who, action, target, detail))


def edits(db: Database, target: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """The edit log, newest first, optionally for one id."""
    return db.read("MATCH (e:Edit) WHERE $target IS NULL OR e.target CONTAINS $target "
                   "RETURN e.who AS who, toString(e.at) AS at, e.action AS action, e.target AS target, "
                   "e.detail AS detail ORDER BY e.at DESC LIMIT $limit", target=target, limit=limit)


def create_entity(db: Database, label: str, name: str, props: dict[str, Any], who: str) -> str:
    if label not in ENTITY_LABELS:
        raise InvalidRequest(f"unknown type {label!r}")
    name = strip_controls(name).strip()  # no control or direction characters in a name
    if not name:
        raise InvalidRequest("name must not be empty")
    node_id = identity.id_for(label, name)
    clean = {k: v for k, v in props.items() if k in EDITABLE and v is not None}
    row = {"id": node_id, "name": name, "aliases": [name],
           "props": {**clean, **identity.matching_props(label, name)}}

    def work(tx: Tx) -> None:
        # a unit (or honor …) the graph already has is that node: the id policy makes it one.
        # datetime() is the transaction's clock: createdAt equals it only for a node made now.
        tx.run("WITH $row AS row " + entities.upsert(label) +
               "SET n.createdBy = CASE WHEN n.createdAt = datetime() THEN $who ELSE n.createdBy END, "
               "n.updatedBy = $who",
               row=row, who=who)
        _record(tx, who, "create", node_id, name)

    db.write_tx(work)
    return node_id


def update_entity(db: Database, node_id: str, name: str | None, props: dict[str, Any], who: str) -> None:
    label = label_of(node_id)
    if label not in ENTITY_LABELS:
        raise InvalidRequest(f"no entity {node_id!r}")
    clean = {k: v for k, v in props.items() if k in EDITABLE}
    name = strip_controls(name).strip() or None if name is not None else None
    keys = identity.matching_props(label, name) if name else {}

    def work(tx: Tx) -> None:
        rows = tx.run(
            f"MATCH (n:{label} {{id: $id}}) SET n += $props, n += $keys, n.updatedAt = datetime(), "
            "n.updatedBy = $who "
            "FOREACH (_ IN CASE WHEN $name IS NULL THEN [] ELSE [1] END | SET n.name = $name, "
            "  n.aliases = CASE WHEN $name IN n.aliases THEN n.aliases ELSE n.aliases + $name END) "
            f"SET n.aliasText = {entities.alias_text()} RETURN n.id AS id",
            id=node_id, props=clean, keys=keys, name=name, who=who,
        )
        if not rows:
            raise InvalidRequest(f"no entity {node_id!r}")
        _record(tx, who, "update", node_id, ", ".join(sorted([*clean, *(["name"] if name else [])])))

    db.write_tx(work)


def delete_entity(db: Database, node_id: str, who: str) -> None:
    label = label_of(node_id)
    if label not in ENTITY_LABELS:
        raise InvalidRequest(f"no entity {node_id!r}")

    def work(tx: Tx) -> None:
        rows = tx.run(f"MATCH (n:{label} {{id: $id}}) WITH n, n.name AS name DETACH DELETE n RETURN name",
                      id=node_id)
        if not rows:
            raise InvalidRequest(f"no entity {node_id!r}")
        _record(tx, who, "delete", node_id, rows[0]["name"] or "")

    db.write_tx(work)


def _fact_ends(rel: str, subject: str, obj: str) -> tuple[str, str]:
    """The labels of a fact's two ends; refuses an unknown type or ids that are not entities."""
    if rel not in FACT_TYPES:
        raise InvalidRequest(f"unknown fact type {rel!r}")
    la, lb = label_of(subject), label_of(obj)
    if la not in ENTITY_LABELS or lb not in ENTITY_LABELS:
        raise InvalidRequest("subject and object must be entity ids")
    return la, lb


def _edit_fact(db: Database, who: str, action: str, rel: str, subject: str, obj: str, statement: str,
               missing: str, detail: str = "", **params: Any) -> None:
    """Runs one fact statement (`{la}`, `{lb}`, `{rel}` formatted in; it returns `c`, the facts
    it touched) and logs the edit, in one transaction; `missing` is the refusal when c is 0."""
    la, lb = _fact_ends(rel, subject, obj)

    def work(tx: Tx) -> None:
        rows = tx.run(statement.format(la=la, lb=lb, rel=rel), a=subject, b=obj, who=who, **params)
        if not rows or rows[0]["c"] == 0:
            raise InvalidRequest(missing)
        _record(tx, who, action, f"{subject} {rel} {obj}", detail)

    db.write_tx(work)


def create_fact(db: Database, rel: str, subject: str, obj: str, year: int | None, role: str | None,
                evidence: str, who: str) -> None:
    _edit_fact(
        db, who, "create fact", rel, subject, obj,
        "MATCH (a:{la} {{id: $a}}) MATCH (b:{lb} {{id: $b}}) MERGE (a)-[r:{rel}]->(b) "
        "ON CREATE SET r.sourceIds = [], r.evidence = [], r.locators = [], r.createdAt = datetime() "
        "SET r.sourceIds = r.sourceIds + ('manual:' + $who), r.evidence = r.evidence + $evidence, "
        "r.locators = r.locators + toString(datetime()), r.year = coalesce($year, r.year), "
        "r.role = coalesce($role, r.role), r.updatedBy = $who, r.updatedAt = datetime() RETURN count(r) AS c",
        "subject or object not found", evidence, year=year, role=role, evidence=evidence,
    )


def update_fact(db: Database, rel: str, subject: str, obj: str, year: int | None, role: str | None,
                evidence: str, who: str) -> None:
    """Sets year or role of an existing fact; evidence, if given, is added as a manual source entry."""
    if year is None and role is None and not evidence:
        raise InvalidRequest("nothing to change: give year, role or evidence")
    _edit_fact(
        db, who, "update fact", rel, subject, obj,
        "MATCH (:{la} {{id: $a}})-[r:{rel}]->(:{lb} {{id: $b}}) "
        "SET r.year = coalesce($year, r.year), r.role = coalesce($role, r.role), "
        "r.updatedBy = $who, r.updatedAt = datetime() "
        "FOREACH (_ IN CASE WHEN $evidence = '' THEN [] ELSE [1] END | "
        "  SET r.sourceIds = coalesce(r.sourceIds, []) + ('manual:' + $who), "
        "      r.evidence = coalesce(r.evidence, []) + $evidence, "
        "      r.locators = coalesce(r.locators, []) + toString(datetime())) "
        "RETURN count(r) AS c",
        "no such fact", ", ".join(k for k, v in (("year", year), ("role", role), ("evidence", evidence)) if v),
        year=year, role=role, evidence=evidence or "",
    )


def delete_fact(db: Database, rel: str, subject: str, obj: str, who: str) -> None:
    _edit_fact(db, who, "delete fact", rel, subject, obj,
               "MATCH (:{la} {{id: $a}})-[r:{rel}]->(:{lb} {{id: $b}}) DELETE r RETURN count(*) AS c",
               "no such fact")
