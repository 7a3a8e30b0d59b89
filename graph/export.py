"""The graph (or the part around one entity) as a file for Gephi, NetworkX or a spreadsheet:
GraphML, GEXF, CSV (nodes and edges, zipped) or JSON (NetworkX node-link).

What is exported: entities (nodes) and the facts between them (edges), never the sources'
own MENTIONS links; each node and edge keeps its id, type, name and sources (the articles and
rosters that mention the node, the sources of each fact with their evidence sentences). A
fact is one edge whatever the number of its sources, so the counts are the graph's own:
`networkx.read_graphml` of `--all` gives as many nodes as there are entities and as many
edges as there are facts. Edge ids are `TYPE:from:to` (one fact per type and pair of ends).

Personal data (graph.vocabulary.PERSONAL_PROPERTIES) is exported only when asked for
(`personal=True`: the caller is an editor or admin), like the API shows it. Every CSV cell
goes through graph.spreadsheet.safe_cell. All Cypher of the export is in this module.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx

from graph.cypher.nodes import survivor
from graph.db import Database
from graph.errors import InvalidRequest, NotFound
from graph.read import UNSHOWN, label_of
from graph.spreadsheet import safe_cell
from graph.vocabulary import ENTITY_LABELS, FACT_TYPES, PERSONAL_PROPERTIES, READING

FORMATS = ("graphml", "gexf", "csv", "json")
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
               "csv": "application/zip", "json": "application/json"}
EXTENSIONS = {"graphml": "graphml", "gexf": "gexf", "csv": "zip", "json": "json"}
MAX_DEPTH = 6
EXPORT_TIMEOUT = 300.0
"""An export of a large graph may take longer than one API read (KG_TX_TIMEOUT)."""

# Stored for matching and bookkeeping, never part of what a node says.
NOT_EXPORTED = frozenset(UNSHOWN) | {"sortKey", "label", "analyzedAt"}
NODE_COLUMNS = ("id", "type", "name", "aliases")
EDGE_COLUMNS = ("id", "source", "target", "type", "name", "year", "role", "since", "from", "to")
FACT_NOT_EXPORTED = frozenset({"sourceIds", "evidence", "locators", "createdAt", "updatedAt"})


@dataclass(frozen=True)
class ExportRequest:
    """What to export: everything (`around` None) or the entities within `depth` facts of
    `around`; only facts of `types` (default all), less `except_types`."""

    around: str | None = None
    depth: int = 1
    types: tuple[str, ...] = ()
    except_types: tuple[str, ...] = ()
    personal: bool = False

    def fact_types(self) -> list[str]:
        wanted = [t.upper() for t in self.types] or list(FACT_TYPES)
        unknown = [t for t in [*wanted, *(t.upper() for t in self.except_types)] if t not in FACT_TYPES]
        if unknown:
            raise InvalidRequest(f"unknown relationship type {unknown[0]}; one of {', '.join(FACT_TYPES)}")
        excluded = {t.upper() for t in self.except_types}
        return [t for t in wanted if t not in excluded]


@dataclass
class Export:
    """The exported graph: NetworkX's MultiDiGraph with plain attributes (lists kept as
    lists; the file writers flatten them), and the counts."""

    graph: nx.MultiDiGraph
    request: ExportRequest
    types: list[str] = field(default_factory=list)

    @property
    def nodes(self) -> int:
        return self.graph.number_of_nodes()

    @property
    def edges(self) -> int:
        return self.graph.number_of_edges()


# ---------------------------------------------------------------- reading


def _node_props(alias: str, personal: bool) -> str:
    hidden = sorted(NOT_EXPORTED | (frozenset() if personal else PERSONAL_PROPERTIES))
    own = f"[l IN labels({alias}) WHERE l <> 'Entity'][0]"
    return f"{alias} {{.*, type: {own}, {', '.join(f'`{k}`: null' for k in hidden)}}}"


def _node_sources() -> str:
    return "COLLECT { MATCH (s:Source)-[:MENTIONS]->(n) RETURN s.id ORDER BY s.id }"


def _ids_around(db: Database, request: ExportRequest, types: list[str]) -> list[str]:
    """The entity an id stands for now (merges followed) and those within `depth` facts of
    the allowed types: one statement per ring, each one hop from the last ring."""
    if label_of(request.around or "") not in ENTITY_LABELS:
        raise NotFound(f"no entity with id {request.around}")
    if not 0 <= request.depth <= MAX_DEPTH:
        raise InvalidRequest(f"depth is 0 to {MAX_DEPTH}, not {request.depth}")
    found = db.read(f"CALL () {{ {survivor('$id', 'Entity')} }} RETURN n.id AS id", id=request.around,
                    timeout=EXPORT_TIMEOUT)
    if not found:
        raise NotFound(f"no entity with id {request.around}")
    seen = [found[0]["id"]]
    ring = list(seen)
    rel = "|".join(types)
    for _ in range(request.depth if rel else 0):
        rows = db.read(f"UNWIND $ids AS id MATCH (:Entity {{id: id}})-[:{rel}]-(m:Entity) "
                       "RETURN DISTINCT m.id AS id", ids=ring, timeout=EXPORT_TIMEOUT)
        known = set(seen)
        ring = [r["id"] for r in rows if r["id"] not in known]
        if not ring:
            break
        seen.extend(ring)
    return seen


def read_export(db: Database, request: ExportRequest) -> Export:
    """Reads the nodes and edges asked for (a few statements) into a MultiDiGraph."""
    types = request.fact_types()
    rel = "|".join(types)
    props = _node_props("n", request.personal)
    if request.around is None:
        nodes = db.read(f"MATCH (n:Entity) RETURN {props} AS node, {_node_sources()} AS sources ORDER BY n.id",
                        timeout=EXPORT_TIMEOUT)
        edges = db.read(
            f"MATCH (a:Entity)-[r:{rel}]->(b:Entity) "
            "RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props "
            "ORDER BY a.id, type, b.id", timeout=EXPORT_TIMEOUT) if rel else []
    else:
        ids = _ids_around(db, request, types)
        nodes = db.read(f"UNWIND $ids AS id MATCH (n:Entity {{id: id}}) "
                        f"RETURN {props} AS node, {_node_sources()} AS sources", ids=ids, timeout=EXPORT_TIMEOUT)
        edges = db.read(
            f"UNWIND $ids AS id MATCH (a:Entity {{id: id}})-[r:{rel}]->(b:Entity) WHERE b.id IN $ids "
            "RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props "
            "ORDER BY a.id, type, b.id", ids=ids, timeout=EXPORT_TIMEOUT) if rel else []
    source_ids = sorted({s for n in nodes for s in n["sources"]}
                        | {s for e in edges for s in e["props"].get("sourceIds") or [] if not s.startswith("manual:")})
    sources = {r["id"]: r for r in db.read(
        "UNWIND $ids AS id MATCH (s:Source {id: id}) "
        "RETURN s.id AS id, [l IN labels(s) WHERE l <> 'Source'][0] AS kind, s.title AS title, s.date AS date, "
        "s.url AS url, coalesce(s.synthetic, false) AS synthetic", ids=source_ids, timeout=EXPORT_TIMEOUT)} if source_ids else {}
    return Export(graph=build_graph(nodes, edges, sources), request=request, types=types)


def _source_entry(source_id: str, sources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if source_id.startswith("manual:"):
        return {"id": source_id, "kind": "Manual", "title": f"人工录入（{source_id.split(':', 1)[1]}）"}
    found = sources.get(source_id) or {}
    return {k: v for k, v in {"id": source_id, "kind": found.get("kind"), "title": found.get("title"),
                               "date": found.get("date"), "url": found.get("url"),
                               "synthetic": found.get("synthetic") or None}.items() if v is not None}


def build_graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                sources: dict[str, dict[str, Any]]) -> nx.MultiDiGraph:
    """The rows as a MultiDiGraph: node key = entity id, edge key = `TYPE:from:to`."""
    g = nx.MultiDiGraph(name="劳模知识图谱")
    for row in nodes:
        node = {k: v for k, v in row["node"].items() if v is not None}
        node["sources"] = [_source_entry(s, sources) for s in row["sources"]]
        g.add_node(node["id"], **node)
    for e in edges:
        p = e["props"]
        ids = list(p.get("sourceIds") or [])
        evidence = list(p.get("evidence") or [])
        locators = list(p.get("locators") or [])
        entries = []
        for i, sid in enumerate(ids):
            entry = _source_entry(sid, sources)
            if i < len(locators) and locators[i]:
                entry["locator"] = locators[i]
            if i < len(evidence) and evidence[i]:
                entry["evidence"] = evidence[i]
            entries.append(entry)
        key = f"{e['type']}:{e['source']}:{e['target']}"
        attrs = {k: v for k, v in p.items() if k not in FACT_NOT_EXPORTED and v is not None}
        g.add_edge(e["source"], e["target"], key=key, id=key, type=e["type"], name=READING.get(e["type"], e["type"]),
                   **attrs, evidence=[x for x in evidence if x], sources=entries)
    return g


# ---------------------------------------------------------------- writing


def _flat(value: Any) -> Any:
    """A value GraphML and GEXF can hold: lists joined, maps as JSON."""
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) for v in value):
            return "；".join(value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _source_text(entries: list[dict[str, Any]]) -> str:
    """Sources as a person reads them: title (date), locator; one per `；`."""
    out = []
    for s in entries:
        text = s.get("title") or s["id"]
        if s.get("date"):
            text += f"（{s['date']}）"
        if s.get("locator"):
            text += f" {s['locator']}"
        out.append(text)
    return "；".join(out)


def flat_graph(export: Export) -> nx.MultiDiGraph:
    """The graph with attributes a file format can hold: `sources` as ids, `source_titles` as
    titles, `evidence` joined, `label` for Gephi; lists joined, maps as JSON."""
    g = nx.MultiDiGraph(name=export.graph.graph.get("name", ""))
    for n, data in export.graph.nodes(data=True):
        attrs = {k: _flat(v) for k, v in data.items() if k != "sources"}
        attrs["label"] = data.get("name", n)
        attrs["sources"] = " ".join(s["id"] for s in data.get("sources", []))
        attrs["source_titles"] = _source_text(data.get("sources", []))
        g.add_node(n, **attrs)
    for a, b, key, data in export.graph.edges(keys=True, data=True):
        attrs = {k: _flat(v) for k, v in data.items() if k not in ("sources", "evidence")}
        attrs["label"] = data.get("name", data["type"])
        attrs["sources"] = " ".join(s["id"] for s in data.get("sources", []))
        attrs["source_titles"] = _source_text(data.get("sources", []))
        attrs["evidence"] = " | ".join(data.get("evidence", []))
        g.add_edge(a, b, key=key, **attrs)
    return g


def _unify_types(g: nx.MultiDiGraph) -> None:
    """GraphML and GEXF declare one type per attribute: an attribute that is a number on one
    node and text on another becomes text everywhere."""
    for items in (list(d for _, d in g.nodes(data=True)), list(d for *_, d in g.edges(keys=True, data=True))):
        kinds: dict[str, set[type]] = {}
        for d in items:
            for k, v in d.items():
                kinds.setdefault(k, set()).add(type(v))
        mixed = {k for k, ts in kinds.items() if len(ts) > 1}
        for d in items:
            for k in mixed & d.keys():
                d[k] = str(d[k])


def to_graphml(export: Export) -> bytes:
    g = flat_graph(export)
    _unify_types(g)
    out = io.BytesIO()
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return out.getvalue()


def to_gexf(export: Export) -> bytes:
    g = flat_graph(export)
    _unify_types(g)
    out = io.BytesIO()
    nx.write_gexf(g, out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def to_json(export: Export) -> bytes:
    """NetworkX node-link data (`networkx.node_link_graph(data, edges="edges")` reads it
    back), with lists and sources as they are."""
    data = nx.node_link_data(export.graph, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def _rows(items: Iterable[dict[str, Any]], first: tuple[str, ...]) -> tuple[list[str], list[list[Any]]]:
    items = list(items)
    rest = sorted({k for d in items for k in d} - set(first))
    columns = [*first, *rest]
    return columns, [[safe_cell(_flat(d.get(c))) if d.get(c) is not None else "" for c in columns] for d in items]


def _csv(columns: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM: spreadsheets read it as UTF-8


def to_csv_zip(export: Export) -> bytes:
    """nodes.csv and edges.csv in one zip; every cell safe to open in a spreadsheet."""
    g = flat_graph(export)
    nodes = [d for _, d in g.nodes(data=True)]
    edges = [{"source": a, "target": b, **d} for a, b, d in g.edges(data=True)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("nodes.csv", _csv(*_rows(nodes, NODE_COLUMNS)))
        z.writestr("edges.csv", _csv(*_rows(edges, EDGE_COLUMNS)))
    return out.getvalue()


WRITERS = {"graphml": to_graphml, "gexf": to_gexf, "csv": to_csv_zip, "json": to_json}


def export_bytes(db: Database, request: ExportRequest, fmt: str) -> tuple[bytes, Export]:
    """The file's bytes in the format asked for, and what was exported."""
    if fmt not in WRITERS:
        raise InvalidRequest(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    export = read_export(db, request)
    return WRITERS[fmt](export), export


def filename(request: ExportRequest, fmt: str) -> str:
    what = "all" if request.around is None else f"{request.around}-depth{request.depth}"
    return f"kg-{what}.{EXTENSIONS[fmt]}"
