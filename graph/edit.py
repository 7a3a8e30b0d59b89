"""Manual edits by staff: create, update and delete entities and facts, each recording
who made it and when — on the node or fact itself, and as an `(:Edit)` node in the same
transaction, which outlives a deletion. Facts made by hand carry the source entry
`manual:<who>`."""
from __future__ import annotations

from typing import Any

from graph import identity
from graph.db import Database, Tx
from graph.read import FACT_TYPES, label_of
from graph.vocabulary import ENTITY_LABELS

EDITABLE = ("gender", "birthYear", "sector", "region", "kind", "level", "issuer", "recipientKind",
            "phone", "idNumber", "birthDate", "address")


class EditError(ValueError):
    """An edit that cannot be made, worded for the client."""


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
        raise EditError(f"unknown type {label!r}")
    if not name.strip():
        raise EditError("name must not be empty")
    node_id = identity.new_id(label) if label in ("Person", "Unit") else \
        identity.keyed_id(label, identity.name_key(label, name))
    clean = {k: v for k, v in props.items() if k in EDITABLE and v is not None}

    def work(tx: Tx) -> None:
        tx.run(
            f"MERGE (n:{label} {{id: $id}}) ON CREATE SET n:Entity, n += $props, n += $keys, n.name = $name, "
            "n.aliases = [$name], n.aliasText = $name, n.createdAt = datetime(), n.createdBy = $who "
            "SET n.updatedAt = datetime(), n.updatedBy = $who",
            id=node_id, props=clean, keys=identity.matching_props(label, name), name=name, who=who,
        )
        _record(tx, who, "create", node_id, name)

    db.write_tx(work)
    return node_id


def update_entity(db: Database, node_id: str, name: str | None, props: dict[str, Any], who: str) -> None:
    label = label_of(node_id)
    if label not in ENTITY_LABELS:
        raise EditError(f"no entity {node_id!r}")
    clean = {k: v for k, v in props.items() if k in EDITABLE}
    keys = identity.matching_props(label, name) if name else {}

    def work(tx: Tx) -> None:
        rows = tx.run(
            f"MATCH (n:{label} {{id: $id}}) SET n += $props, n += $keys, n.updatedAt = datetime(), "
            "n.updatedBy = $who "
            "FOREACH (_ IN CASE WHEN $name IS NULL THEN [] ELSE [1] END | SET n.name = $name, "
            "  n.aliases = CASE WHEN $name IN n.aliases THEN n.aliases ELSE n.aliases + $name END) "
            "SET n.aliasText = reduce(t = '', a IN n.aliases | t + ' ' + a) RETURN n.id AS id",
            id=node_id, props=clean, keys=keys, name=name, who=who,
        )
        if not rows:
            raise EditError(f"no entity {node_id!r}")
        _record(tx, who, "update", node_id, ", ".join(sorted([*clean, *(["name"] if name else [])])))

    db.write_tx(work)


def delete_entity(db: Database, node_id: str, who: str) -> None:
    label = label_of(node_id)
    if label not in ENTITY_LABELS:
        raise EditError(f"no entity {node_id!r}")

    def work(tx: Tx) -> None:
        rows = tx.run(f"MATCH (n:{label} {{id: $id}}) WITH n, n.name AS name DETACH DELETE n RETURN name",
                      id=node_id)
        if not rows:
            raise EditError(f"no entity {node_id!r}")
        _record(tx, who, "delete", node_id, rows[0]["name"] or "")

    db.write_tx(work)


def create_fact(db: Database, rel: str, subject: str, obj: str, year: int | None, role: str | None,
                evidence: str, who: str) -> None:
    la, lb = label_of(subject), label_of(obj)
    if rel not in FACT_TYPES:
        raise EditError(f"unknown fact type {rel!r}")
    if la not in ENTITY_LABELS or lb not in ENTITY_LABELS:
        raise EditError("subject and object must be entity ids")

    def work(tx: Tx) -> None:
        rows = tx.run(
            f"MATCH (a:{la} {{id: $a}}) MATCH (b:{lb} {{id: $b}}) MERGE (a)-[r:{rel}]->(b) "
            "ON CREATE SET r.sourceIds = [], r.evidence = [], r.locators = [], r.createdAt = datetime() "
            "SET r.sourceIds = r.sourceIds + ('manual:' + $who), r.evidence = r.evidence + $evidence, "
            "r.locators = r.locators + toString(datetime()), r.year = coalesce($year, r.year), "
            "r.role = coalesce($role, r.role), r.updatedBy = $who, r.updatedAt = datetime() RETURN 1 AS ok",
            a=subject, b=obj, year=year, role=role, evidence=evidence, who=who,
        )
        if not rows:
            raise EditError("subject or object not found")
        _record(tx, who, "create fact", f"{subject} {rel} {obj}", evidence)

    db.write_tx(work)


def update_fact(db: Database, rel: str, subject: str, obj: str, year: int | None, role: str | None,
                evidence: str, who: str) -> None:
    """Sets year or role of an existing fact; evidence, if given, is added as a manual source entry."""
    la, lb = label_of(subject), label_of(obj)
    if rel not in FACT_TYPES or la not in ENTITY_LABELS or lb not in ENTITY_LABELS:
        raise EditError("unknown fact")
    if year is None and role is None and not evidence:
        raise EditError("nothing to change: give year, role or evidence")

    def work(tx: Tx) -> None:
        rows = tx.run(
            f"MATCH (:{la} {{id: $a}})-[r:{rel}]->(:{lb} {{id: $b}}) "
            "SET r.year = coalesce($year, r.year), r.role = coalesce($role, r.role), "
            "r.updatedBy = $who, r.updatedAt = datetime() "
            "FOREACH (_ IN CASE WHEN $evidence = '' THEN [] ELSE [1] END | "
            "  SET r.sourceIds = coalesce(r.sourceIds, []) + ('manual:' + $who), "
            "      r.evidence = coalesce(r.evidence, []) + $evidence, "
            "      r.locators = coalesce(r.locators, []) + toString(datetime())) "
            "RETURN count(r) AS c",
            a=subject, b=obj, year=year, role=role, evidence=evidence or "", who=who,
        )
        if not rows or rows[0]["c"] == 0:
            raise EditError("no such fact")
        changed = ", ".join(k for k, v in (("year", year), ("role", role), ("evidence", evidence)) if v)
        _record(tx, who, "update fact", f"{subject} {rel} {obj}", changed)

    db.write_tx(work)


def delete_fact(db: Database, rel: str, subject: str, obj: str, who: str) -> None:
    la, lb = label_of(subject), label_of(obj)
    if rel not in FACT_TYPES or la not in ENTITY_LABELS or lb not in ENTITY_LABELS:
        raise EditError("unknown fact")

    def work(tx: Tx) -> None:
        rows = tx.run(f"MATCH (:{la} {{id: $a}})-[r:{rel}]->(:{lb} {{id: $b}}) DELETE r RETURN count(*) AS c",
                      a=subject, b=obj)
        if not rows or rows[0]["c"] == 0:
            raise EditError("no such fact")
        _record(tx, who, "delete fact", f"{subject} {rel} {obj}")

    db.write_tx(work)
