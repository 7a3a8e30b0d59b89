"""What must hold of the graph whatever writers did, however they interleaved or crashed:
the census the concurrency tests and bench/faults.py compare and check.

    census(db)       counts that two runs of the same loads must share (people, facts by
                     type, source entries of facts, sources, mentions)
    violations(db)   what must be zero: ids carried by two nodes, a live record under an
                     absorbed id (a ghost), one fact as two parallel edges, one source twice
                     in a fact's entries
"""
from __future__ import annotations

from typing import Any

from graph.db import Database
from graph.vocabulary import FACT_TYPES

_CENSUS = (
    "RETURN COUNT { (:Person) } AS people, COUNT { (:Entity) } AS entities, COUNT { (:Source) } AS sources, "
    "COUNT { (:Absorbed) } AS absorbed, COUNT { ()-[:MENTIONS]->() } AS mentions"
)

_FACTS = (
    "MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types "
    "RETURN type(r) AS type, count(r) AS facts, sum(size(coalesce(r.sourceIds, []))) AS entries"
)

_DUPLICATE_IDS = (
    "CALL () { MATCH (n:Entity) RETURN n.id AS id UNION ALL MATCH (n:Absorbed) RETURN n.id AS id "
    "  UNION ALL MATCH (n:Source) RETURN n.id AS id } "
    "WITH id, count(*) AS c WHERE c > 1 RETURN count(id) AS n"
)

_GHOSTS = "MATCH (x:Absorbed) MATCH (n:Entity {id: x.id}) RETURN count(n) AS n"

_PARALLEL = (
    "MATCH (a:Entity)-[r]->(b:Entity) WHERE type(r) IN $types "
    "WITH a, b, type(r) AS t, count(r) AS c WHERE c > 1 RETURN coalesce(sum(c - 1), 0) AS n"
)

_DOUBLED_ENTRIES = (  # one source at one place twice in a fact (two rows of one roster merged are two entries)
    "MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types AND size(coalesce(r.sourceIds, [])) > 1 "
    "AND any(i IN range(0, size(r.sourceIds) - 2) WHERE NOT r.sourceIds[i] STARTS WITH 'manual:' "
    "  AND any(j IN range(i + 1, size(r.sourceIds) - 1) WHERE r.sourceIds[j] = r.sourceIds[i] "
    "    AND coalesce(r.locators[j], '') = coalesce(r.locators[i], ''))) "
    "RETURN count(r) AS n"
)

_DOUBLED_SOURCES = (
    "MATCH (s:Source) WITH s.hash AS hash, count(s) AS c WHERE c > 1 RETURN coalesce(sum(c - 1), 0) AS n"
)


def census(db: Database) -> dict[str, Any]:
    """Counts two equivalent histories of writes must agree on."""
    out: dict[str, Any] = dict(db.read(_CENSUS)[0])
    facts = {r["type"]: (r["facts"], r["entries"]) for r in db.read(_FACTS, types=list(FACT_TYPES))}
    out["facts"] = sum(f for f, _ in facts.values())
    out["entries"] = sum(e for _, e in facts.values())
    out["by type"] = {t: facts[t] for t in sorted(facts)}
    return out


def violations(db: Database) -> dict[str, int]:
    """Each must be 0: a graph where one is not was damaged by interleaved or broken writes."""
    types = list(FACT_TYPES)
    return {
        "duplicate ids": db.read(_DUPLICATE_IDS)[0]["n"],
        "ghosts": db.read(_GHOSTS)[0]["n"],
        "parallel facts": db.read(_PARALLEL, types=types)[0]["n"],
        "doubled entries": db.read(_DOUBLED_ENTRIES, types=types)[0]["n"],
        "doubled sources": db.read(_DOUBLED_SOURCES)[0]["n"],
    }

