"""Nodes by id, following merges.

An absorbed record keeps its id on an `(:Absorbed {id, mergedInto})` node whose
`mergedInto` is always the final survivor (graph/dedupe/merge.py re-points chains), so one hop
reaches the record an id stands for today. Lookups go through a label so that the id
constraints are used: a bare `{id: …}` would scan every node.
"""
from __future__ import annotations

from collections.abc import Iterable


def node_or_absorbed(var: str, labels: Iterable[str | None]) -> str:
    """A subquery body returning `n`: the node whose id is `var`, under one of its entity
    labels or as Absorbed (to lock it, or to read where it went)."""
    parts = [f"MATCH (n:{label} {{id: {var}}}) RETURN n" for label in sorted({l for l in labels if l})]
    parts.append(f"MATCH (n:Absorbed {{id: {var}}}) RETURN n")
    return " UNION ".join(parts)


def survivor(var: str, label: str) -> str:
    """A subquery body returning `n`, the `label` node that the id `var` stands for now:
    itself, or the survivor it was merged into."""
    return (f"MATCH (n:{label} {{id: {var}}}) RETURN n "
            f"UNION MATCH (x:Absorbed {{id: {var}}}) MATCH (n:{label} {{id: x.mergedInto}}) RETURN n")


def survivor_by_key(var: str, label: str, key: str = "nameKey") -> str:
    """A subquery body returning `n`, the `label` nodes carrying the key `var`, or the
    survivors of absorbed records that carried it (a spelling merged away still finds its record)."""
    return (f"MATCH (n:{label}:Entity {{{key}: {var}}}) RETURN n "
            f"UNION MATCH (x:Absorbed {{{key}: {var}}}) MATCH (n:{label} {{id: x.mergedInto}}) RETURN n")


def region_named() -> str:
    """A statement: the region whose name (an index seek) or one of whose aliases is `$name`."""
    return ("CALL () { MATCH (r:Region {name: $name}) RETURN r UNION "
            "MATCH (r:Region) WHERE $name IN r.aliases RETURN r } RETURN r.name AS name LIMIT 1")


def honor_named() -> str:
    """A statement: the honor whose name (an index seek) or one of whose aliases is `$name`."""
    return ("CALL () { MATCH (h:Honor {name: $name}) RETURN h UNION "
            "MATCH (h:Honor) WHERE $name IN h.aliases RETURN h } RETURN h.name AS name LIMIT 1")


def all_names(label: str) -> str:
    """A statement: every name (and alias) the nodes of `label` carry, for suggestions."""
    return f"MATCH (n:{label}) UNWIND [n.name] + coalesce(n.aliases, []) AS name RETURN DISTINCT name LIMIT 20000"
