"""Counts by label and relationship type, for `stats` and the README's first query."""
from __future__ import annotations

from graph.db import Database
from graph.vocabulary import ENTITY_LABELS, RELATIONSHIP_TYPES, SOURCE_LABELS

# Labels and types are the vocabulary's constants, never user text; each COUNT
# below is answered from Neo4j's count store, so the query is constant-time.
_STATS_QUERY = "RETURN " + ", ".join(
    [f"COUNT {{ (:{label}) }} AS {label}" for label in (*ENTITY_LABELS, *SOURCE_LABELS)]
    + [f"COUNT {{ ()-[:{rel}]->() }} AS {rel}" for rel in RELATIONSHIP_TYPES]
)


def graph_stats(db: Database) -> dict[str, dict[str, int]]:
    row = db.read(_STATS_QUERY)[0]
    return {
        "nodes": {label: row[label] for label in (*ENTITY_LABELS, *SOURCE_LABELS)},
        "relationships": {rel: row[rel] for rel in RELATIONSHIP_TYPES},
    }
