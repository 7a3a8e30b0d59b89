"""The graph schema as code: ordered, idempotent migrations.

Each migration has a version and statements that are safe to run twice
(`IF NOT EXISTS`), and may have a step written in Python (`run`, idempotent too) for
what Cypher alone cannot compute. The versions applied are recorded in the graph as
`(:SchemaMigration {version, name, appliedAt})`, so `kg migrate` and the service's
start-up apply only what is missing and report what is there.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.db import Database
from graph.schema.rekey import rekey_units
from graph.vocabulary import ENTITY_LABELS, SOURCE_LABELS

ENTITY = "Entity"
SOURCE = "Source"
"""Shared labels: every entity carries `:Entity` and every source `:Source` beside its own
label, so a lookup by id whose label is not known is still one index seek."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]
    run: Callable[[Database], object] | None = None
    """A data step in Python, after the statements (idempotent too)."""


def _id_constraints() -> tuple[str, ...]:
    return tuple(
        f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
        for label in (*ENTITY_LABELS, *SOURCE_LABELS)
    )


def _matching_indexes() -> tuple[str, ...]:
    statements = []
    for label in ENTITY_LABELS:
        for key in ("nameKey", "pinyin", "initials"):
            statements.append(
                f"CREATE INDEX {label.lower()}_{key.lower()} IF NOT EXISTS FOR (n:{label}) ON (n.{key})"
            )
    statements += [
        "CREATE INDEX person_surname IF NOT EXISTS FOR (n:Person) ON (n.surname)",
        "CREATE INDEX unit_unitkey IF NOT EXISTS FOR (n:Unit) ON (n.unitKey)",
        "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
        "CREATE INDEX honor_level IF NOT EXISTS FOR (n:Honor) ON (n.level)",
    ]
    return tuple(statements)


def _fulltext() -> tuple[str, ...]:
    labels = "|".join(ENTITY_LABELS)
    return (
        f"CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:{labels}) "
        "ON EACH [n.name, n.aliasText, n.pinyin, n.initials] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
    )


def _sources() -> tuple[str, ...]:
    return (
        "CREATE CONSTRAINT article_hash IF NOT EXISTS FOR (n:Article) REQUIRE n.hash IS UNIQUE",
        "CREATE CONSTRAINT roster_hash IF NOT EXISTS FOR (n:Roster) REQUIRE n.hash IS UNIQUE",
        "CREATE CONSTRAINT external_id IF NOT EXISTS FOR (n:ExternalId) REQUIRE n.key IS UNIQUE",
    )


def _staff() -> tuple[str, ...]:
    return (
        "CREATE CONSTRAINT review_id IF NOT EXISTS FOR (n:ReviewItem) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (n:Judgement) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (n:Merge) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE",
        "CREATE INDEX judgement_pair IF NOT EXISTS FOR (n:Judgement) ON (n.pairKey)",
        "CREATE INDEX absorbed_id IF NOT EXISTS FOR (n:Absorbed) ON (n.id)",
    )


def _shared_labels() -> tuple[str, ...]:
    """Labels existing nodes in batches (auto-commit `IN TRANSACTIONS`, so a store of millions
    never needs one huge transaction), then constrains and indexes the shared labels."""
    label_them = [
        f"MATCH (n:{label}) WHERE NOT n:{shared} CALL (n) {{ SET n:{shared} }} IN TRANSACTIONS OF 20000 ROWS"
        for shared, labels in ((ENTITY, ENTITY_LABELS), (SOURCE, SOURCE_LABELS)) for label in labels
    ]
    return (
        *label_them,
        f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
        f"CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:{SOURCE}) REQUIRE n.id IS UNIQUE",
        # search looks every key up once across all types, not once per label
        *(f"CREATE INDEX entity_{key.lower()} IF NOT EXISTS FOR (n:{ENTITY}) ON (n.{key})"
          for key in ("nameKey", "pinyin", "initials")),
    )


def _page_indexes() -> tuple[str, ...]:
    """Pages walk a stored sort key in index order; filters start from indexed properties."""
    return (
        *(f"CREATE INDEX {label.lower()}_sortkey IF NOT EXISTS FOR (n:{label}) ON (n.sortKey)"
          for label in (*ENTITY_LABELS, *SOURCE_LABELS)),
        "CREATE INDEX person_region IF NOT EXISTS FOR (n:Person) ON (n.region)",
        "CREATE INDEX person_sector IF NOT EXISTS FOR (n:Person) ON (n.sector)",
        "CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name)",
    )


def _matching_keys_once() -> tuple[str, ...]:
    """Drops the per-type indexes of migration 2 that repeat the shared Entity indexes of
    migration 8: each is one more insert per person a load creates (the commit of a 100,000-row
    load: 27 s -> 23 s, bench/README.md); lookups say `(p:Person:Entity {nameKey: …})`. A surname
    is compared, never looked up; an exact name is sought through its key (graph/read.py)."""
    return (
        *(f"DROP INDEX {label.lower()}_{key.lower()} IF EXISTS"
          for label in ENTITY_LABELS for key in ("nameKey", "pinyin", "initials")),
        "DROP INDEX person_surname IF EXISTS",
        "DROP INDEX person_name IF EXISTS",  # a name is sought by its key, then compared
    )


def _backfill_sort_keys(db: Database, batch: int = 20_000) -> None:
    """Gives every entity and source written before sort keys existed its `sortKey`
    (pinyin needs Python), in id order, one batch per transaction."""
    from graph.identity import sort_key

    for shared, name in ((ENTITY, "n.name"), (SOURCE, "coalesce(n.title, n.id)")):
        after = ""
        while True:
            rows = db.read(f"MATCH (n:{shared}) WHERE n.id > $after RETURN n.id AS id, {name} AS name, "
                           "n.sortKey IS NULL AS missing ORDER BY n.id LIMIT $batch", after=after, batch=batch)
            if not rows:
                break
            todo = [{"id": r["id"], "key": sort_key(r["name"] or "")} for r in rows if r["missing"]]
            if todo:
                db.write(f"UNWIND $rows AS row MATCH (n:{shared} {{id: row.id}}) SET n.sortKey = row.key",
                         rows=todo, timeout=600)
            after = rows[-1]["id"]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "unique ids for every label", _id_constraints()),
    Migration(2, "lookup indexes on the matching keys", _matching_indexes()),
    Migration(3, "full-text index over names and aliases (cjk)", _fulltext()),
    Migration(4, "sources by content hash, external record ids", _sources()),
    Migration(5, "review items, judgements, merges, API tokens", _staff()),
    Migration(6, "merge chains and the review queue", (
        "CREATE INDEX absorbed_merged_into IF NOT EXISTS FOR (n:Absorbed) ON (n.mergedInto)",
        "CREATE INDEX merge_survivor IF NOT EXISTS FOR (n:Merge) ON (n.survivor)",
        "CREATE INDEX review_status IF NOT EXISTS FOR (n:ReviewItem) ON (n.status)",
        # an absorbed record keeps its keys: a later source spelling it that way finds the survivor
        "CREATE INDEX absorbed_namekey IF NOT EXISTS FOR (n:Absorbed) ON (n.nameKey)",
        "CREATE INDEX absorbed_pinyin IF NOT EXISTS FOR (n:Absorbed) ON (n.pinyin)",
    )),
    Migration(7, "units re-keyed to the id policy (random ids of manual edits; collisions merged)", (),
              run=rekey_units),
    Migration(8, "shared :Entity and :Source labels with unique ids: any id is one index seek", _shared_labels()),
    Migration(9, "sort keys (pinyin of the name) for pages in index order; filter indexes", _page_indexes(),
              run=_backfill_sort_keys),
    Migration(10, "curated vocabulary: staff decisions, uncurated honors, units and studios", (
        "CREATE CONSTRAINT vocab_decision_id IF NOT EXISTS FOR (n:VocabDecision) REQUIRE n.id IS UNIQUE",
        "CREATE INDEX honor_curated IF NOT EXISTS FOR (n:Honor) ON (n.curated)",
        "CREATE INDEX unit_curated IF NOT EXISTS FOR (n:Unit) ON (n.curated)",
        "CREATE INDEX studio_curated IF NOT EXISTS FOR (n:Studio) ON (n.curated)",
    )),
    Migration(11, "the graph's write lock: writers take turns (graph/db.py)", (
        "CREATE CONSTRAINT write_lock_id IF NOT EXISTS FOR (n:WriteLock) REQUIRE n.id IS UNIQUE",
    )),
    Migration(12, "the matching keys indexed once, on Entity", _matching_keys_once()),
)

LATEST = MIGRATIONS[-1].version


def applied_versions(db: Database) -> list[int]:
    rows = db.read("MATCH (m:SchemaMigration) RETURN m.version AS version ORDER BY version")
    return [r["version"] for r in rows]


def migrate(db: Database) -> list[Migration]:
    """Apply what is missing, in order; return what was applied now."""
    done = set(applied_versions(db))
    applied = []
    for migration in MIGRATIONS:
        if migration.version in done:
            continue
        for statement in migration.statements:
            db.schema_statement(statement)
        if migration.run is not None:
            migration.run(db)
        db.write(
            "MERGE (m:SchemaMigration {version: $version}) "
            "ON CREATE SET m.name = $name, m.appliedAt = datetime()",
            version=migration.version,
            name=migration.name,
            lock=False,
        )
        applied.append(migration)
    if applied:  # a new index is used only once populated: the first query after must not scan
        db.schema_statement("CALL db.awaitIndexes(600)")
    return applied


def is_current(db: Database) -> bool:
    return set(applied_versions(db)) >= {m.version for m in MIGRATIONS}
