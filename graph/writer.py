"""Writing a source into the graph: one source, one transaction, loaded once.

The source node (Article or Roster) is keyed by the content hash, so loading the same
text or file again changes nothing. Entities are resolved first (graph/resolve.py, reads
only); then everything is written in one transaction — nodes, mentions, facts with their
evidence, external ids, review items, aggregate counts — so a source lands whole or not
at all. A fact already in the graph gains this source in its parallel lists
(`sourceIds`, `evidence`, `locators`) instead of a second edge.
"""
from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from graph import identity
from graph.db import Database, Tx
from graph.dedupe import check_new, review_id, store_candidates
from graph.facts import ArticleMeta, Extraction, Fact
from graph.honors import canonical_honor
from graph.places import with_region_hierarchy
from graph.resolve import Resolved, reasons_json, resolve
from graph.vocabulary import ENTITY_LABELS


INCREMENTAL_LIMIT = 2000
"""Up to this many new people, a load checks them for duplicates at once; larger loads
leave it to `kg dedupe scan`, which blocks the whole graph in one pass."""


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


@dataclass
class LoadReport:
    source_id: str
    title: str
    already_loaded: bool = False
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    matched: Counter = field(default_factory=Counter)
    review: int = 0
    rejected: int = 0
    facts: Counter = field(default_factory=Counter)
    aggregates: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        if self.already_loaded:
            return f"{self.title}: already loaded ({self.source_id}); nothing changed"
        verb = "would load" if self.dry_run else "loaded"
        created = sum(self.created.values())
        matched = sum(self.matched.values())
        lines = [
            f"{self.title}: {verb} as {self.source_id}",
            f"  created {created}, matched {matched}, sent to review {self.review}, rejected {self.rejected}",
            "  entities created: " + (", ".join(f"{k} {v}" for k, v in sorted(self.created.items())) or "none"),
            "  entities matched: " + (", ".join(f"{k} {v}" for k, v in sorted(self.matched.items())) or "none"),
            "  facts: " + (", ".join(f"{k} {v}" for k, v in sorted(self.facts.items())) or "none"),
        ]
        if self.aggregates:
            lines.append(f"  aggregate counts: {self.aggregates}")
        lines += [f"  {p}" for p in self.problems]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "sourceId": self.source_id,
            "title": self.title,
            "alreadyLoaded": self.already_loaded,
            "dryRun": self.dry_run,
            "created": sum(self.created.values()),
            "matched": sum(self.matched.values()),
            "review": self.review,
            "rejected": self.rejected,
            "facts": sum(self.facts.values()),
            "problems": self.problems,
        }


def source_exists(db: Database, source: Source) -> bool:
    rows = db.read(f"MATCH (s:{source.label} {{hash: $hash}}) RETURN s.id AS id", hash=source.hash)
    return bool(rows)


def write_source(db: Database, source: Source, extraction: Extraction, dry_run: bool = False,
                 progress: Callable[[str], None] | None = None) -> LoadReport:
    """Resolve and write one source; a second call with the same content changes nothing."""
    report = LoadReport(source_id=source.id, title=source.props.get("title") or source.name, dry_run=dry_run)
    if source_exists(db, source):
        report.already_loaded = True
        return report
    t0 = time.perf_counter()
    extraction = with_region_hierarchy(extraction)
    resolved = resolve(db, extraction, source.name)
    report.seconds["matching"] = time.perf_counter() - t0
    for r in resolved.values():
        if r.outcome == "matched":
            report.matched[r.label] += 1
        else:
            report.created[r.label] += 1
            if r.outcome == "review":
                report.review += 1
    for fact in extraction.facts:
        if fact.subject in resolved and fact.object in resolved:
            report.facts[fact.type] += 1
    report.aggregates = len(extraction.aggregates)
    if dry_run:
        return report
    if progress:
        progress(f"writing {len(resolved)} entities and {sum(report.facts.values())} facts")
    t1 = time.perf_counter()
    db.write_tx(lambda tx: _write(tx, source, extraction, resolved), timeout=600)
    report.seconds["writing"] = time.perf_counter() - t1
    created = [r.node_id for r in resolved.values() if r.label == "Person" and r.outcome != "matched"]
    if 0 < len(created) <= INCREMENTAL_LIMIT:
        # the incremental dedupe check: new people against the graph, as review items
        stored = store_candidates(db, check_new(db, created))
        report.review += stored.get("created", 0)
    return report


# ---------------------------------------------------------------- the transaction


def _write(tx: Tx, source: Source, extraction: Extraction, resolved: dict[Any, Resolved]) -> None:
    now = datetime.now(timezone.utc).isoformat()
    tx.run(
        f"CREATE (s:{source.label}:Source {{id: $id, hash: $hash}}) SET s += $props, s.loadedAt = datetime(), "
        "s.sortKey = $sortKey",
        id=source.id, hash=source.hash, props=source.props,
        sortKey=identity.sort_key(source.props.get("title") or source.name),
    )
    _write_nodes(tx, extraction, resolved)
    _write_mentions(tx, source, extraction, resolved)
    _write_facts(tx, source, extraction.facts, resolved)
    _write_external_ids(tx, source, extraction, resolved)
    _write_reviews(tx, source, resolved, now)
    _write_aggregates(tx, source, extraction)


def _node_rows(extraction: Extraction, resolved: dict[Any, Resolved]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for entity in extraction.entities:
        r = resolved.get(entity.ref)
        if r is None:
            continue
        row = rows[r.label].get(r.node_id)
        if row is None:
            props = {k: v for k, v in _entity_props(entity.type, entity.name, entity.props).items() if v is not None}
            row = {"id": r.node_id, "name": entity.name, "aliases": [entity.name], "props": props,
                   "create": r.outcome != "matched"}
            rows[r.label][r.node_id] = row
        elif entity.name not in row["aliases"]:
            row["aliases"].append(entity.name)
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


def _write_nodes(tx: Tx, extraction: Extraction, resolved: dict[Any, Resolved]) -> None:
    for label, rows in _node_rows(extraction, resolved).items():
        assert label in ENTITY_LABELS
        # people created by this source are new ids: CREATE them without MERGE's lookup
        fresh = [r for r in rows if r["create"] and label == "Person"]
        rows = [r for r in rows if not (r["create"] and label == "Person")]
        if fresh:
            tx.run(
                f"UNWIND $rows AS row CREATE (n:{label}:Entity) SET n = row.props, n.id = row.id, n.name = row.name, "
                "n.aliases = row.aliases, n.createdAt = datetime(), n.updatedAt = datetime(), "
                "n.aliasText = reduce(t = '', a IN row.aliases | t + ' ' + a)",
                rows=fresh,
            )
        if not rows:
            continue
        tx.run(
            f"UNWIND $rows AS row "
            f"MERGE (n:{label} {{id: row.id}}) "
            "ON CREATE SET n:Entity, n += row.props, n.name = row.name, n.aliases = [], n.createdAt = datetime() "
            "WITH n, row "
            "SET n.aliases = n.aliases + [a IN row.aliases WHERE NOT a IN n.aliases], "
            "    n.updatedAt = datetime() "
            "SET n.aliasText = reduce(t = '', a IN n.aliases | t + ' ' + a) "
            "WITH n, row "
            "UNWIND keys(row.props) AS k "
            "WITH n, row, k WHERE n[k] IS NULL "
            "SET n[k] = row.props[k]",
            rows=rows,
        )


def _write_mentions(tx: Tx, source: Source, extraction: Extraction, resolved: dict[Any, Resolved]) -> None:
    rows = []
    for entity in extraction.entities:
        r = resolved.get(entity.ref)
        if r is None:
            continue
        rows.append({
            "label": r.label, "id": r.node_id,
            "spans": [f"{s}-{e}" for s, e in entity.spans],
            "evidence": entity.props.get("evidence"),
        })
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_label[row["label"]].append(row)
    for label, items in by_label.items():
        tx.run(  # the source is new, so its mentions are too: CREATE, no MERGE needed
            f"MATCH (s:{source.label} {{id: $source}}) "
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
            "CREATE (s)-[:MENTIONS {spans: row.spans}]->(n)",
            source=source.id, rows=_merge_spans(items),
        )


def _merge_spans(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One mention per node: spans of the same node (two roster rows, say) together."""
    by_id: dict[str, dict[str, Any]] = {}
    for item in items:
        if item["id"] in by_id:
            by_id[item["id"]]["spans"] += item["spans"]
        else:
            by_id[item["id"]] = dict(item, spans=list(item["spans"]))
    return list(by_id.values())


def _locator(fact: Fact) -> str:
    if fact.row is not None:
        return f"row {fact.row}"
    if fact.start is not None:
        return f"chars {fact.start}-{fact.end}"
    return ""


def _write_facts(tx: Tx, source: Source, facts: list[Fact], resolved: dict[Any, Resolved]) -> None:
    groups: dict[tuple[str, str, str], dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    for fact in facts:
        a, b = resolved.get(fact.subject), resolved.get(fact.object)
        if a is None or b is None or a.node_id == b.node_id:
            continue
        group = groups[(fact.type, a.label, b.label)]
        key = (a.node_id, b.node_id)
        if key in group:  # the same fact twice in one source: one entry
            continue
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


def _write_external_ids(tx: Tx, source: Source, extraction: Extraction, resolved: dict[Any, Resolved]) -> None:
    rows = []
    for entity in extraction.entities:
        r = resolved.get(entity.ref)
        if entity.external_id and r is not None:
            rows.append({"key": f"{source.name}:{entity.external_id}", "value": entity.external_id,
                         "label": r.label, "id": r.node_id})
    for label in {row["label"] for row in rows}:
        tx.run(
            f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
            "MERGE (e:ExternalId {key: row.key}) ON CREATE SET e.source = $source, e.value = row.value "
            "MERGE (e)-[:IDENTIFIES]->(n)",
            rows=[row for row in rows if row["label"] == label], source=source.name,
        )


def _write_reviews(tx: Tx, source: Source, resolved: dict[Any, Resolved], now: str) -> None:
    rows = [
        {"id": review_id(r.node_id, r.review_with), "a": r.node_id, "b": r.review_with,
         "score": r.score, "reasons": reasons_json(r), "label": r.label}
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
        honor_name = title.name if title else agg.honor
        region = agg.region or ""
        rows.append({
            "honorId": identity.keyed_id("Honor", identity.name_key("Honor", honor_name)),
            "honor": honor_name, "honorProps": _entity_props("Honor", honor_name, {}),
            "regionId": identity.keyed_id("Region", identity.name_key("Region", region)) if region else None,
            "region": region, "regionProps": identity.matching_props("Region", region) if region else {},
            "count": agg.count, "year": agg.year, "kind": agg.recipient_kind, "evidence": agg.evidence,
        })
    if rows:
        tx.run(
            "UNWIND $rows AS row "
            "MERGE (h:Honor {nameKey: row.honorProps.nameKey}) "
            "ON CREATE SET h:Entity, h += row.honorProps, h.id = row.honorId, h.name = row.honor, "
            "  h.aliases = [row.honor], h.aliasText = row.honor, h.createdAt = datetime() "
            "CREATE (c:AwardCount {count: row.count, year: row.year, recipientKind: row.kind, "
            "  region: row.region, evidence: row.evidence, sourceId: $source}) "
            "CREATE (c)-[:COUNT_OF]->(h) "
            "WITH c, row WHERE row.regionId IS NOT NULL "
            "MERGE (g:Region {nameKey: row.regionProps.nameKey}) "
            "ON CREATE SET g:Entity, g += row.regionProps, g.id = row.regionId, g.name = row.region, "
            "  g.aliases = [row.region], g.aliasText = row.region, g.createdAt = datetime() "
            "CREATE (c)-[:IN_REGION]->(g)",
            rows=rows, source=source.id,
        )


# ---------------------------------------------------------------- entry points


def article_source(text: str, meta: ArticleMeta) -> Source:
    digest = identity.content_hash(text)
    props = {k: v for k, v in {
        "title": meta.title, "publisher": meta.publisher, "date": meta.date, "url": meta.url,
        "path": meta.path, "text": text,
    }.items() if v is not None}
    return Source(label="Article", hash=digest, name=meta.title, props=props)


def load_article(db: Database, text: str, meta: ArticleMeta, dry_run: bool = False,
                 progress: Callable[[str], None] | None = None) -> LoadReport:
    """Extract and write one article."""
    from graph.loaders.article import extract_article

    t0 = time.perf_counter()
    extraction = extract_article(text, title=meta.title, date=meta.date, url=meta.url, publisher=meta.publisher)
    parsing = time.perf_counter() - t0
    report = write_source(db, article_source(text, meta), extraction, dry_run=dry_run, progress=progress)
    report.seconds["parsing"] = parsing
    return report


class RosterRefused(Exception):
    """A roster with invalid rows, refused whole; `problems` lists each as file:row:column: problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"roster refused: {len(problems)} problem(s)")
        self.problems = problems


def load_roster(db: Database, path: Path, skip_invalid: bool = False, dry_run: bool = False,
                progress: Callable[[str], None] | None = None) -> LoadReport:
    """Validate the whole file, then write its valid rows in one transaction.

    With problems and without `skip_invalid`, nothing is written and RosterRefused lists them.
    """
    from graph.loaders.roster import read_roster

    t0 = time.perf_counter()
    read = read_roster(path, known_people=lambda name: _person_known(db, name))
    parsing = time.perf_counter() - t0
    problems = [str(p) for p in read.problems]
    if problems and not skip_invalid:
        raise RosterRefused(problems)
    source = Source(
        label="Roster", hash=read.content_hash, name=Path(path).stem,
        props={"title": Path(path).name, "path": str(path), "rows": read.rows_total},
    )
    report = write_source(db, source, read.extraction, dry_run=dry_run, progress=progress)
    report.seconds["parsing"] = parsing
    report.rejected = read.rows_total - read.rows_valid
    report.problems = problems + [f"{Path(path).name}: unknown column kept as property: {c}"
                                  for c in read.unknown_columns]
    return report


def _person_known(db: Database, name: str) -> bool:
    key = identity.name_key("Person", name)
    return bool(db.read("MATCH (p:Person {nameKey: $key}) RETURN p.id LIMIT 1", key=key))
