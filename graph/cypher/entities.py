"""Writing entity nodes: one statement shape for a load, an edit and a count's honor, and
one formula for `aliasText` (every alias after a space: what the full-text index reads).

Every entity also carries the shared label `Entity` (a lookup by id is one index seek).
Rows are `{id, name, aliases, props}`; `props` holds the matching keys (graph/identity.py:
matching_props) and what the source says. A node that exists keeps its name and every
property it has; it gains the aliases and the properties it lacked.
"""
from __future__ import annotations


def alias_text(n: str = "n") -> str:
    """The Cypher expression of `aliasText` from `n.aliases`."""
    return f"reduce(t = '', a IN {n}.aliases | t + ' ' + a)"


def create(label: str) -> str:
    """CREATE one node per row of `$rows` (ids known to be new: people a source creates)."""
    return (
        f"UNWIND $rows AS row CREATE (n:{label}:Entity) "
        "SET n = row.props, n.id = row.id, n.name = row.name, n.aliases = row.aliases, "
        f"n.createdAt = datetime(), n.updatedAt = datetime(), n.aliasText = {alias_text()}"
    )


def upsert(label: str, row: str = "row", keep: tuple[str, ...] = ()) -> str:
    """MERGE the node of `row.id`: created with the row's name and properties, or given the
    aliases and properties it lacked. Leaves `n`, `row` and the `keep` variables in scope."""
    carried = "".join(f", {k}" for k in keep)
    return (
        f"MERGE (n:{label} {{id: {row}.id}}) "
        f"ON CREATE SET n:Entity, n += {row}.props, n.name = {row}.name, n.aliases = [], n.createdAt = datetime() "
        f"SET n.aliases = n.aliases + [a IN {row}.aliases WHERE NOT a IN n.aliases], n.updatedAt = datetime() "
        f"SET n.aliasText = {alias_text()} "
        f"WITH n, {row}{carried} "
        f"CALL (n, {row}) {{ UNWIND keys({row}.props) AS k WITH n, {row}, k WHERE n[k] IS NULL "
        f"SET n[k] = {row}.props[k] }} "
    )
