"""Migration 7: every unit gets the id the id policy gives it (graph/identity.py: id_for).

Before the policy was one, a manual edit gave a new unit a random id while a load gave it
one derived from its key, so the same unit made both ways was two nodes. Here:

- a unit whose id is derived from its name or one of its aliases keeps it (a renamed or
  merged unit keeps the id it was made with);
- any other unit takes its key-derived id. Its old id keeps resolving: a stub
  `(:Absorbed {id: old, mergedInto: new, rekeyed: true})` stands where it was, so clients,
  judgements and review items that hold it reach the unit, as for an absorbed record;
- when that key-derived id is taken (the same unit made both ways), the two are merged
  the usual way (graph/dedupe/merge.py, by `migration`): reversible, every fact and source kept.
  A pair staff judged different is left as it is, and said so.

Idempotent: a second run finds nothing to do.
"""
from __future__ import annotations

import logging
from typing import Any

from graph import identity
from graph.db import Database, Tx
from graph.errors import Blocked

log = logging.getLogger("kg.migrate")
WHO = "migration 7 (unit ids)"


def _keyed_ids(row: dict[str, Any]) -> set[str]:
    return {identity.id_for("Unit", n) for n in [row["name"], *(row["aliases"] or [])] if n}


def rekey_units(db: Database) -> dict[str, int]:
    """Re-keys units with ids outside the policy; returns counts (renamed, merged, kept)."""
    from graph.dedupe.merge import merge

    rows = db.read("MATCH (u:Unit) RETURN u.id AS id, u.name AS name, u.aliases AS aliases ORDER BY u.id",
                   timeout=600)
    existing = {r["id"] for r in rows}
    counts = {"renamed": 0, "merged": 0, "kept": 0}
    for row in rows:
        if not row["name"] or row["id"] in _keyed_ids(row):
            continue
        target = identity.id_for("Unit", row["name"])
        if target not in existing:
            db.write_tx(lambda tx: _rename(tx, row["id"], target))
            existing.add(target)
            counts["renamed"] += 1
            continue
        try:
            merge(db, [target, row["id"]], who=WHO)
            counts["merged"] += 1
        except Blocked as exc:
            log.warning("unit %s kept its id: %s", row["id"], exc)
            counts["kept"] += 1
    return counts


def _rename(tx: Tx, old: str, new: str) -> None:
    tx.run(
        "MATCH (u:Unit {id: $old}) SET u.id = $new "
        "CREATE (:Absorbed {id: $old, mergedInto: $new, rekeyed: true, name: u.name})",
        old=old, new=new,
    )
    # what pointed at the unit as a current node now points at its new id
    tx.run("MATCH (x:Absorbed {mergedInto: $old}) SET x.mergedInto = $new", old=old, new=new)
    tx.run("MATCH (m:Merge {survivor: $old}) SET m.survivor = $new", old=old, new=new)
