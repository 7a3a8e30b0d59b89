"""The GraphQL schema, readable top to bottom: root queries, mutations, limits.
Resolvers stay thin: they call graph/ and shape what it returns."""
from __future__ import annotations

import asyncio
from enum import Enum
from typing import Annotated, Any, Optional

import strawberry
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.extensions.max_aliases import create_validator as aliases_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator
from strawberry.file_uploads import Upload
from strawberry.tools import merge_types

from api import limits
from api.availability import Availability
from api.described import graphql_input, graphql_type
from api.enums import ErrorCode
from api.payloads import INPUT, UserError, attempt, graphql_payload, user_error
from api.permissions import IsEditor
from api.introspection import IntrospectionGate
from api.loaders import ahead_asked, facts_asked, lineage_asked, mentioned_asked, mentioned_key, node_selections, parts_asked
from api.errors import BadInput, ErrorCodes, NotFound
from api.enums import EntityType, FactType, HonorGroup, HonorLevel, OrderBy
from api.relay import AFTER, BEFORE, FIRST, LAST, AppliedFilter, Connection, Window, keyset, ranked
from api.types import (
    AfterArg, BeforeArg, FirstArg, LastArg, ALL_TYPES, Article, Ctx, Entity, Source, Honor, Mentorship, Node, Person, Project, Region, Roster, Studio,
    Link, Unit, Village, evidence_sources, fact_fields, facts_of, to_entity, to_link, to_node,
)
from graph import edit, read
from graph.filters import read_filter
from graph.stats import graph_stats
from graph.vocabulary import ENTITY_KINDS, ENTITY_LABELS, READING, SOURCE_KINDS, SOURCE_LABELS, EntityKind

# ---------------------------------------------------------------- filters


FORGIVING = ("Region and honor accept short forms and aliases (嘉兴 → 嘉兴市, 全国劳模 → 全国劳动模范, 全国 → NATIONAL); "
             "a value nothing knows is refused with suggestions (extensions.suggestions), never answered with an "
             "empty list.")


@strawberry.input(description="Filters combine with AND; region includes everything below it. " + FORGIVING)
class EntityFilter:
    name: Optional[str] = strawberry.field(default=None, description="Part of the name (or an alias), any script.")
    region: Optional[str] = strawberry.field(
        default=None, description="A region's id, name or short form (嘉兴); includes everything below it.")
    sector: Optional[str] = strawberry.field(default=None, description="People: the sector (乡村振兴, 匠心传承 …).")
    honor: Optional[str] = strawberry.field(
        default=None, description="An honor's id, title or short form (全国劳模), or a level word (全国, 省级).")
    honor_level: Optional[HonorLevel] = strawberry.field(
        default=None, description="Only holders of an honor of this level.")
    year_from: Optional[int] = strawberry.field(default=None, description="Honors received in this year or later.")
    year_to: Optional[int] = strawberry.field(default=None, description="Honors received in this year or earlier.")
    unit: Optional[str] = strawberry.field(default=None, description="A unit's id or name (its teams included).")
    has_outcomes: Optional[bool] = strawberry.field(
        default=None, description="Projects: only those with (true) or without (false) measurable results.")
    level: Optional[HonorLevel] = strawberry.field(
        default=None, description="Honors and studios: their own level.")


def _kind_filter(kind: EntityKind) -> type:
    """`PersonFilter`, `ProjectFilter` …: the fields of EntityFilter that mean something for the
    kind (graph/vocabulary.py's ENTITY_KINDS says which), with EntityFilter's types, defaults and
    descriptions, so a list refuses (at validation) a filter it would otherwise ignore."""
    given = {f.python_name: f for f in EntityFilter.__strawberry_definition__.fields}
    unknown = set(kind.filters) - set(given)
    assert not unknown, f"{kind.label}: no EntityFilter field {unknown}"
    names = [n for n in given if n in kind.filters]  # EntityFilter's order
    namespace: dict[str, Any] = {
        "__module__": __name__,
        "__annotations__": {n: EntityFilter.__annotations__[n] for n in names},
        **{n: strawberry.field(default=given[n].default, description=given[n].description) for n in names},
    }
    cls = type(f"{kind.label}Filter", (), namespace)
    forgiving = f" {FORGIVING}" if {"region", "honor"} & set(names) else ""
    return strawberry.input(cls, description=f"Filters of `{kind.plural}`, only those that mean something for "
                                             f"this type; they combine with AND.{forgiving}")


KIND_FILTERS: dict[str, type] = {kind.label: _kind_filter(kind) for kind in ENTITY_KINDS}
"""Each entity type's filter input (`PersonFilter` …), by label."""
assert {n for k in ENTITY_KINDS for n in k.filters} == {f.python_name for f in
                                                         EntityFilter.__strawberry_definition__.fields}, \
    "every EntityFilter field means something for some type"


@graphql_input
class MentorshipFilter:
    """Filters of mentorship pairs; combine with AND.

    mentor: id or exact name
    mentee: id or exact name
    year_from: Mentorships since this year or later.
    year_to: Mentorships since this year or earlier.
    mentee_honored: true: only mentees who received an honor themselves (of honorLevel if given)
    honor_level: The level of the mentee's honor.
    """
    mentor: Optional[str] = None
    mentee: Optional[str] = None
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    mentee_honored: Optional[bool] = None
    honor_level: Optional[HonorLevel] = None


def _value(x: Any) -> Any:
    return x.value if isinstance(x, Enum) else x


def graph_filter(info: Ctx, given: Any) -> tuple[read.EntityFilter, list[AppliedFilter]]:
    """The filter as graph/ reads it, region and honor values read as the graph stores them
    (嘉兴 → 嘉兴市); refuses a value nothing knows, with suggestions (graph/filters.py)."""
    if given is None:
        return read.EntityFilter(), []
    f = read.EntityFilter(**{k: _value(v) for k, v in vars(given).items()})
    f, readings = read_filter(info.context.db, f)
    return f, [AppliedFilter(field=r.field, given=r.given, value=r.value, note=r.note) for r in readings]


def _wants_total(info: Ctx) -> bool:
    return any(f.name == "totalCount" for f in info.selected_fields[0].selections
               if hasattr(f, "name"))


async def _page(info: Ctx, label: str, first: Optional[int], after: Optional[str], last: Optional[int],
                before: Optional[str], filter: Any, order_by: "OrderBy") -> Connection[Any]:
    """A page of one label between two keyset cursors, forwards or backwards."""
    w = Window.of(first, after, last, before)
    f, applied = graph_filter(info, filter)
    db = info.context.db
    asked = node_selections(info.selected_fields[0].selections)
    fact_types = facts_asked(asked)
    nodes, more, total = read.page(db, label, w.size, w.after, f, order_by == OrderBy.NAME_DESC,
                                   _wants_total(info), before=w.before, backward=w.backward,
                                   parts=parts_asked(asked), fact_types=fact_types)
    for n in nodes:
        info.context.loaders.prime_parts(n["id"], n.pop("_parts", {}), fact_types)
    return keyset([to_node(n) for n in nodes], [(n.get("sortKey") or "", n["id"]) for n in nodes], more, w,
                  lambda k: read.encode_cursor(*k), total=total, count=lambda: read.count(db, label, f),
                  filters=applied)


def _with_its_one_list(info: Ctx, node_id: str, selections: list[Any]) -> dict[str, Any] | None:
    """A looked-up node whose page asks nothing but a person's mentorship tree or a source's
    `mentioned` list, read with that list in one statement (the list put in its loader);
    None when the selection asks something else or the id is not found that way."""
    loaders = info.context.loaders
    label = read.label_of(node_id)
    node = None
    if label == "Person" and (tree := lineage_asked(selections)) is not None:
        node = loaders.lineage(node_id, *tree)[0]
    elif label in SOURCE_LABELS and (asked := mentioned_asked(selections)) is not None:
        try:
            key = mentioned_key(node_id, *asked)
        except BadInput:  # the list's own field says what is wrong
            return None
        node, mentioned = read.source_mentioning(info.context.db, key)
        if node is not None:
            loaders.mentioned.prime(key, mentioned)
    if node is not None:
        loaders.nodes.prime(node_id, node)
    return node


async def _one(info: Ctx, node_id: str, cls: type | tuple[type, ...], looked_up: bool = False) -> Any:
    """The node of an id as its GraphQL type (None when unknown or of another type). With
    `looked_up` (the field returns the node itself), what the document asks of it is read in
    the same statement (api/loaders.py `Loaders.page`)."""
    selections = info.selected_fields[0].selections if looked_up else []
    parts = parts_asked(selections)
    node = _with_its_one_list(info, node_id, selections) if looked_up and not parts else None
    if node is None:
        node = await info.context.loaders.page(node_id, parts, facts_asked(selections), ahead_asked(selections))
    if node is None:
        return None
    value = to_node(node)
    return value if isinstance(value, cls) else None


# ---------------------------------------------------------------- results


@graphql_type
class SearchHit:
    """One search hit and what it matched on.

    node: The entity found.
    score: Higher is better: exact name 10, pinyin 6 …, full text below, a name's beginning 2.
    matched_on: What matched: name, pinyin, initials, fulltext, prefix.
    """
    node: Entity
    score: float
    matched_on: list[str]


@graphql_type
class GraphEdge:
    """An edge of a drawn graph, with its evidence.

    type: The relationship type.
    source: The subject's id.
    target: The object's id.
    year: The year it holds from.
    evidence: The sentences and rows stating it.
    """
    type: FactType
    source: strawberry.ID
    target: strawberry.ID
    year: Optional[int]
    evidence: list[str]
    props: strawberry.Private[dict[str, Any]]
    sources: list[Source] = strawberry.field(resolver=evidence_sources,
                                             description="Article or roster of each evidence entry, in the same order.")


@graphql_type
class Path:
    """A shortest path between two entities.

    nodes: The entities along the path, from `from` to `to`.
    edges: The facts between them, in order.
    reading: The path in one line: 张继东 —获评→ 全国劳动模范 ←获评— 王金良
    """
    nodes: list[Entity]
    edges: list[GraphEdge]
    reading: str


@graphql_type
class Neighborhood:
    """Nodes and edges around an entity, ready to draw.

    nodes: The entity and those around it.
    edges: The facts between them.
    truncated: true when `limit` cut the picture: there is more around the entity
    """
    nodes: list[Entity]
    edges: list[GraphEdge]
    truncated: bool = False


@graphql_type
class Count:
    """How many of one label or relationship type.

    name: The label or relationship type.
    count: How many the graph holds.
    """
    name: str
    count: int


@graphql_type
class Stats:
    """How much the graph holds.

    people: Person nodes.
    units: Unit nodes (teams included).
    honors: Honor titles.
    studios: Studios.
    projects: Projects.
    villages: Villages.
    regions: Regions.
    articles: Articles loaded.
    rosters: Rosters loaded.
    nodes: Every label with its count.
    relationships: Every relationship type with its count.
    """
    people: int
    units: int
    honors: int
    studios: int
    projects: int
    villages: int
    regions: int
    articles: int
    rosters: int
    nodes: list[Count]
    relationships: list[Count]


@graphql_type
class HonorTally:
    """A unit or studio and the honors concentrated in it.

    node: The unit or studio.
    honorees: distinct honored people working there (or in the studio)
    awards: honors received by them and by the unit or studio itself
    names: up to 10 of the honorees
    """
    node: Entity
    honorees: int
    awards: int
    names: list[str]


@graphql_type
class LoadReport:
    """What a loader did with one source.

    source_id: The article or roster node.
    title: Its title.
    already_loaded: True when the same content was loaded before: nothing changed.
    dry_run: True when nothing was written.
    created: New entities.
    matched: Entities matched to ones the graph held.
    review: Pairs left for staff to decide (duplicateCandidates).
    rejected: Rows or names refused.
    facts: Facts written.
    problems: What was refused or doubtful, one line each.
    """
    source_id: strawberry.ID
    title: str
    already_loaded: bool
    dry_run: bool
    created: int
    matched: int
    review: int
    rejected: int
    facts: int
    problems: list[str]


def _edge(e: dict[str, Any]) -> GraphEdge:
    return GraphEdge(type=FactType(e["type"]), source=strawberry.ID(e["from"]), target=strawberry.ID(e["to"]), year=e["props"].get("year"),
                     evidence=list(e["props"].get("evidence") or []), props=e["props"])


def _type_names(types: Optional[list[Any]]) -> Optional[list[str]]:
    """FactType values as relationship type names (None: no filter)."""
    return None if types is None else [t.value if isinstance(t, Enum) else str(t) for t in types]


def _reading(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> str:
    parts = [nodes[0].get("name", "")]
    for i, e in enumerate(edges):
        verb = READING.get(e["type"], e["type"])
        forward = e["from"] == nodes[i]["id"]
        parts.append(f"—{verb}→" if forward else f"←{verb}—")
        parts.append(nodes[i + 1].get("name", ""))
    return " ".join(parts)


def _save_upload(upload: Any, path: Any) -> None:
    import shutil

    upload.file.seek(0)
    with open(path, "wb") as out:
        shutil.copyfileobj(upload.file, out, 1 << 20)


# ---------------------------------------------------------------- queries


def _labels(types: Optional[list[EntityType]]) -> list[str]:
    return [t.value for t in types] if types else list(ENTITY_LABELS)


# ---------------------------------------------------------------- generated per entity type


NODE_TYPES: dict[str, type] = {"Person": Person, "Unit": Unit, "Honor": Honor, "Studio": Studio,
                               "Project": Project, "Village": Village, "Region": Region,
                               "Article": Article, "Roster": Roster}


def _by_id(label: str, cls: type) -> Any:
    """`person(id)`, `unit(id)` …: one node of the type, merges followed (null for another type)."""
    async def resolve(info: Ctx, id: strawberry.ID) -> Any:
        return await _one(info, str(id), cls, looked_up=True)

    resolve.__annotations__ = {"info": Ctx, "id": Annotated[strawberry.ID, strawberry.argument(
        description=f"The {label}'s id.")], "return": Optional[cls]}
    return strawberry.field(resolver=resolve, description=f"The {label} with this id (null if none); "
                                                          "an id absorbed by a merge gives the survivor.")


def _list(label: str, cls: type, description: str, filter_type: Optional[type], plural: str = "") -> Any:
    """`people`, `units` …: a Relay connection in pinyin order of the names, keyset-paginated,
    filtered by the type's own filter (`PersonFilter` …; none for sources)."""
    async def resolve(info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                      last: Optional[int] = None, before: Optional[str] = None,
                      filter: Any = None, order_by: OrderBy = OrderBy.NAME_ASC) -> Any:
        return await _page(info, label, first, after, last, before, filter, order_by)

    async def resolve_sources(info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                              last: Optional[int] = None, before: Optional[str] = None) -> Any:
        return await _page(info, label, first, after, last, before, None, OrderBy.NAME_ASC)

    fn = resolve if filter_type is not None else resolve_sources
    fn.__annotations__ = {
        "info": Ctx,
        "first": Annotated[Optional[int], strawberry.argument(description=FIRST)],
        "after": Annotated[Optional[str], strawberry.argument(description=AFTER)],
        "last": Annotated[Optional[int], strawberry.argument(description=LAST)],
        "before": Annotated[Optional[str], strawberry.argument(description=BEFORE)],
        **({"filter": Annotated[Optional[filter_type], strawberry.argument(  # type: ignore[valid-type]
                description=f"Which {plural}: the filters of this type, combined with AND.")],
            "order_by": Annotated[OrderBy, strawberry.argument(description="Pinyin order, either way.")]}
           if filter_type is not None else {}),
        "return": Connection[cls],
    }
    return strawberry.field(resolver=fn, description=f"{description} In pinyin order of the names "
                                                     "(李 李安 连 …), keyset-paginated both ways.")


def _entity_query() -> type:
    """The by-id fields and the lists of every entity and source type, from graph/vocabulary.py."""
    fields: dict[str, Any] = {}
    for kind in ENTITY_KINDS:
        cls = NODE_TYPES[kind.label]
        fields[kind.label.lower()] = _by_id(kind.label, cls)
        fields[kind.plural] = _list(kind.label, cls, kind.description, KIND_FILTERS[kind.label], kind.plural)
    for label, description in SOURCE_KINDS.items():
        cls = NODE_TYPES[label]
        fields[label.lower()] = _by_id(label, cls)
        fields[f"{label.lower()}s"] = _list(label, cls, description, None)
    return strawberry.type(type("EntityQuery", (), fields))


EntityQuery = _entity_query()


@graphql_type
class Query:
    """What the graph answers: entities by id, lists, search, paths, statistics."""
    @strawberry.field(description="Any node by id; an id absorbed by a merge gives the survivor.")
    async def node(self, info: Ctx, id: Annotated[strawberry.ID, strawberry.argument(
            description="Any entity's or source's id.")]) -> Optional[Node]:
        return await _one(info, str(id), object, looked_up=True)

    @strawberry.field(description="Nodes by id, in the order asked (null where unknown); merges followed.")
    async def nodes(self, info: Ctx, ids: Annotated[list[strawberry.ID], strawberry.argument(
            description="At most 100 ids.")]) -> list[Optional[Node]]:
        if len(ids) > limits.MAX_FIRST:
            raise BadInput(f"at most {limits.MAX_FIRST} ids")
        found = await info.context.loaders.nodes.load_many([str(i) for i in ids])
        return [to_node(n) if n else None for n in found]

    @strawberry.field(description="One box across all types: Chinese, traditional, pinyin, initials, typos; "
                                  "best first (a Relay connection).")
    async def search(self, info: Ctx, q: Annotated[str, strawberry.argument(description="The search term.")],
                     types: Annotated[Optional[list[EntityType]], strawberry.argument(
                         description="Only these types (default: all).")] = None,
                     first: FirstArg = None, after: AfterArg = None, last: LastArg = None,
                     before: BeforeArg = None) -> Connection[SearchHit]:
        if not q.strip():
            raise BadInput("q must not be empty", field="q")
        db, labels = info.context.db, _labels(types)
        counted: dict[str, int] = {}

        def fetch(offset: int, size: int) -> list[Any]:
            rows, counted["total"] = read.search(db, q, labels, size, offset)
            return rows

        return await ranked(
            Window.of(first, after, last, before), fetch,
            lambda: counted["total"] if "total" in counted else read.search_count(db, q, labels),
            lambda r: SearchHit(node=to_entity(r["node"]), score=r["best"], matched_on=r["matched"]))

    @strawberry.field(description="Who mentors whom, as pairs with their sources, in pinyin order of mentor "
                                  "then mentee (a Relay connection).")
    async def mentorships(self, info: Ctx, first: FirstArg = None, after: AfterArg = None, last: LastArg = None,
                          before: BeforeArg = None, filter: Annotated[Optional[MentorshipFilter], strawberry.argument(
                              description="Which pairs.")] = None) -> Connection[Mentorship]:
        w = Window.of(first, after, last, before)
        f = read.MentorshipFilter(**{k: _value(v) for k, v in vars(filter).items()}) if filter else None
        db = info.context.db
        rows, more, total = read.mentorship_page(db, w.size, w.after, f, _wants_total(info), w.before, w.backward)
        return keyset([Mentorship(mentor=to_entity(r["mentor"]), mentee=to_entity(r["mentee"]),
                                  **fact_fields({"type": "MENTORS", "props": r["props"]})) for r in rows],
                      [r["keys"] for r in rows], more, w, lambda k: read.encode_cursor(*k), total=total,
                      count=lambda: read.mentorship_count(db, f))

    @strawberry.field(description="Units (with their parts) or studios ranked by the honored people they hold.")
    async def honor_concentration(self, info: Ctx, by: Annotated[HonorGroup, strawberry.argument(
                                      description="Units or studios.")] = HonorGroup.UNIT,
                                  level: Annotated[Optional[HonorLevel], strawberry.argument(
                                      description="Only honors of this level.")] = None,
                                  first: FirstArg = None, after: AfterArg = None, last: LastArg = None,
                                  before: BeforeArg = None) -> Connection[HonorTally]:
        db, lv = info.context.db, _value(level)
        return await ranked(
            Window.of(first, after, last, before),
            lambda offset, size: read.honor_concentration(db, by.value, lv, size, offset),
            lambda: read.honor_concentration_count(db, by.value, lv),
            lambda r: HonorTally(node=to_entity(r["node"]), honorees=r["honorees"], awards=r["awards"],
                                 names=r["names"]))

    @strawberry.field(description="Shortest paths between two entities, each edge with evidence.")
    async def connection(self, info: Ctx,
                         from_: Annotated[strawberry.ID, strawberry.argument(name="from", description="One end.")],
                         to: Annotated[strawberry.ID, strawberry.argument(description="The other end.")],
                         max_hops: Annotated[int, strawberry.argument(description="Longest path: 1 to 6.")] = 4,
                         first: Annotated[int, strawberry.argument(description="How many paths: 1 to 10.")] = 3,
                         types: Annotated[Optional[list[FactType]], strawberry.argument(
                             description="only these relationship types")] = None,
                         except_types: Annotated[Optional[list[FactType]], strawberry.argument(
                             description="not these (e.g. RECEIVED: no paths through a shared honor)")] = None,
                         ) -> list[Path]:
        if not 1 <= max_hops <= 6:
            raise BadInput("maxHops must be between 1 and 6")
        if not 1 <= first <= 10:
            raise BadInput("first must be between 1 and 10")
        rows = read.shortest_paths(info.context.db, str(from_), str(to), max_hops, first,
                                   _type_names(types), _type_names(except_types))
        if rows is None:
            raise NotFound("from or to is not a known id")
        return [Path(nodes=[to_entity(n) for n in r["nodes"]], edges=[_edge(e) for e in r["edges"]],
                     reading=_reading(r["nodes"], r["edges"])) for r in rows]

    @strawberry.field(description="Nodes and edges around an entity.")
    async def neighborhood(self, info: Ctx,
                           id: Annotated[strawberry.ID, strawberry.argument(description="The entity in the middle.")],
                           depth: Annotated[int, strawberry.argument(description="Hops out: 1 to 3.")] = 1,
                           limit: Annotated[int, strawberry.argument(description="At most this many nodes: 1 to 500.")]
                           = 200,
                           types: Annotated[Optional[list[FactType]], strawberry.argument(
                               description="only these relationship types")] = None,
                           except_types: Annotated[Optional[list[FactType]], strawberry.argument(
                               description="not these (e.g. RECEIVED, which links everyone of one honor)")] = None,
                           ) -> Neighborhood:
        if not 1 <= depth <= 3:
            raise BadInput("depth must be between 1 and 3")
        if not 1 <= limit <= 500:
            raise BadInput("limit must be between 1 and 500")
        data = read.neighborhood(info.context.db, str(id), depth, limit, _type_names(types), _type_names(except_types))
        if data is None:
            raise NotFound(f"no node {id}")
        return Neighborhood(nodes=[to_entity(n) for n in data["nodes"] if n.get("label") in ENTITY_LABELS],
                            edges=[_edge(e) for e in data["edges"]], truncated=data["truncated"])

    @strawberry.field(description="Counts by label and relationship type.")
    async def stats(self, info: Ctx) -> Stats:
        counts = graph_stats(info.context.db)
        nodes = counts["nodes"]
        return Stats(
            people=nodes["Person"], units=nodes["Unit"], honors=nodes["Honor"], studios=nodes["Studio"],
            projects=nodes["Project"], villages=nodes["Village"], regions=nodes["Region"],
            articles=nodes["Article"], rosters=nodes["Roster"],
            nodes=[Count(name=k, count=v) for k, v in nodes.items()],
            relationships=[Count(name=k, count=v) for k, v in counts["relationships"].items()],
        )


# ---------------------------------------------------------------- mutations


@graphql_input
class ArticleInput:
    """An article to extract and load.

    text: The article's full text (Chinese).
    title: Its title.
    publisher: Who published it.
    date: Its date (ISO, 2023-05-01).
    url: Where it was published.
    force: Load it even if it holds no Chinese text.
    """
    text: str
    title: str
    publisher: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    force: bool = False


@graphql_input
class RosterInput:
    """An honor roster to load.

    file: A .csv or .xlsx file (multipart upload).
    skip_invalid: Load the good rows and report the bad ones, instead of refusing the whole file.
    """
    file: Upload
    skip_invalid: bool = False


@graphql_input
class EntityProperties:
    """The properties an entity may carry; null leaves a property as it is.

    gender: People: 男 or 女.
    birth_year: People: personal data.
    sector: People: the sector (乡村振兴 …).
    region: People and units: the region's name.
    kind: Units and regions: their kind.
    level: Honors and studios: their level.
    phone: People: personal data.
    address: People: personal data.
    """
    gender: Optional[str] = None
    birth_year: Optional[int] = None
    sector: Optional[str] = None
    region: Optional[str] = None
    kind: Optional[str] = None
    level: Optional[HonorLevel] = None
    phone: Optional[str] = None
    address: Optional[str] = None


@graphql_input
class EntityInput(EntityProperties):
    """The properties of an entity; null leaves a property as it is.

    type: Required to create; ignored to update.
    name: Required to create.
    """
    type: Optional[EntityType] = None
    name: Optional[str] = None


@graphql_input
class UpdateEntityInput(EntityProperties):
    """Which entity to change, and how.

    id: The entity to change.
    name: A new name (the old one stays an alias).
    """
    id: strawberry.ID
    name: Optional[str] = None


@graphql_input
class DeleteEntityInput:
    """The entity to delete.

    id: The entity to delete, with its facts.
    """
    id: strawberry.ID


@graphql_input
class FactInput:
    """A fact between two entities.

    type: The relationship type.
    subject: The entity the fact is about (张继东 of 张继东 —获评→ …).
    object: The other end.
    year: The year it holds from.
    role: The role stated with it.
    evidence: A sentence stating it (kept as a manual source).
    """
    type: FactType
    subject: strawberry.ID
    object: strawberry.ID
    year: Optional[int] = None
    role: Optional[str] = None
    evidence: str = ""


@graphql_input
class DeleteFactInput:
    """The fact to delete.

    type: The relationship type.
    subject: The fact's subject.
    object: The fact's object.
    """
    type: FactType
    subject: strawberry.ID
    object: strawberry.ID


@graphql_payload
class IngestPayload:
    """What a load did, and the mistakes in the input.

    report: What was loaded; null when refused.
    """
    report: Optional[LoadReport]


@graphql_payload
class EntityPayload:
    """The entity as it is now, and the mistakes in the input.

    entity: The entity after the change; null when refused.
    """
    entity: Optional[Entity]


@graphql_payload
class DeleteEntityPayload:
    """The id deleted, and the mistakes in the input.

    deleted_id: The entity deleted; null when refused.
    """
    deleted_id: Optional[strawberry.ID]


@graphql_payload
class FactPayload:
    """The fact as it is now, seen from its subject, and the mistakes in the input.

    fact: The fact, seen from the subject; null when refused.
    subject: The subject, with its facts as they are now.
    """
    fact: Optional[Link]
    subject: Optional[Entity]


@graphql_payload
class DeleteFactPayload:
    """The ends of the fact deleted, and the mistakes in the input.

    deleted: Whether the fact was deleted.
    subject: The subject, with its facts as they are now.
    object: The object, with its facts as they are now.
    """
    deleted: bool
    subject: Optional[Entity]
    object: Optional[Entity]


def _report(r: Any) -> LoadReport:
    j = r.to_json()
    return LoadReport(source_id=j["sourceId"], title=j["title"], already_loaded=j["alreadyLoaded"],
                      dry_run=j["dryRun"], created=j["created"], matched=j["matched"], review=j["review"],
                      rejected=j["rejected"], facts=j["facts"], problems=j["problems"])


async def _log_ingest(info: Ctx, who: str, action: str, report: LoadReport) -> None:
    """Who loaded which source and when, in the edit log (not for dry runs or repeats)."""
    if not report.dry_run and not report.already_loaded:
        await asyncio.to_thread(edit.record, info.context.db, who, action, report.source_id,
                                f"{report.title}: {report.created} created, {report.matched} matched, "
                                f"{report.facts} facts")


def _props(data: Any) -> dict[str, Any]:
    names = {"birth_year": "birthYear"}
    return {names.get(k, k): _value(v) for k, v in vars(data).items()
            if k not in ("type", "name", "id") and v is not None}


def _who(info: Ctx) -> str:
    """The caller's name for the edit log (the permission class has checked the role)."""
    return info.context.user or info.context.role or "?"


async def _state_fact(info: Ctx, input: FactInput, change: Any) -> FactPayload:
    """createFact and updateFact: the change (graph/edit.py), then the fact as it now stands."""
    _, errors = await attempt(lambda: change(
        info.context.db, input.type.value, str(input.subject), str(input.object), input.year, input.role,
        input.evidence, _who(info)), "subject")
    if errors:
        return FactPayload(fact=None, subject=None, user_errors=errors)
    fact, subject = await _fact(info, input)
    return FactPayload(fact=fact, subject=subject, user_errors=[])


async def _fact(info: Ctx, input: Any) -> tuple[Optional[Link], Optional[Entity]]:
    """The fact as the graph now holds it, seen from its subject (read anew after the write)."""
    info.context.forget()
    subject = await _one(info, str(input.subject), object)
    rows = await facts_of(info, str(input.subject), input.type.value)
    row = next((r for r in rows if r["out"]
                and r["other"]["id"] == str(input.object)), None)
    return (to_link(row) if row else None), subject


@graphql_type
class Mutation:
    """What editors and admins change; every change takes one input and answers a payload with userErrors."""
    @strawberry.mutation(description="Extract and load one article (idempotent by content hash); editor. An "
                                     "article with no Chinese text is refused unless `input.force` is true.",
                         permission_classes=[IsEditor])
    async def ingest_article(self, info: Ctx, input: Annotated[ArticleInput, strawberry.argument(description=INPUT)]) -> IngestPayload:
        from graph.facts import ArticleMeta
        from graph.ingest import load_article

        if not input.text.strip():
            return IngestPayload(report=None, user_errors=[user_error(BadInput("text must not be empty"), "text")])
        meta = ArticleMeta(title=input.title, publisher=input.publisher, date=input.date, url=input.url)
        done, errors = await attempt(lambda: load_article(info.context.db, input.text, meta, False, None, input.force),
                                     "text")
        report = _report(done) if done is not None else None
        if report is not None:
            await _log_ingest(info, _who(info), "ingest article", report)
        return IngestPayload(report=report, user_errors=errors)

    @strawberry.mutation(description="Load an honor roster (CSV or XLSX); refused whole if any row is bad, "
                                     "unless skipInvalid; editor.", permission_classes=[IsEditor])
    async def ingest_roster(self, info: Ctx, input: Annotated[RosterInput, strawberry.argument(description=INPUT)]) -> IngestPayload:
        import tempfile
        from pathlib import Path as FsPath

        from graph.ingest import RosterRefused, load_roster

        name = FsPath(getattr(input.file, "filename", None) or "roster.csv").name
        if not name.lower().endswith((".csv", ".xlsx")):
            return IngestPayload(report=None, user_errors=[
                user_error(BadInput("a roster must be a .csv or .xlsx file"), "file")])
        with tempfile.TemporaryDirectory() as tmp:
            path = FsPath(tmp) / name
            await asyncio.to_thread(_save_upload, input.file, path)  # streamed: never whole in memory
            try:
                done, errors = await attempt(lambda: load_roster(info.context.db, path, input.skip_invalid), "file")
            except RosterRefused as refused:
                return IngestPayload(report=None, user_errors=[user_error(BadInput(
                    "roster refused, nothing written: " + "; ".join(refused.problems[:50])), "file")])
        report = _report(done) if done is not None else None
        if report is not None:
            await _log_ingest(info, _who(info), "ingest roster", report)
        return IngestPayload(report=report, user_errors=errors)

    @strawberry.mutation(description="Create an entity (editor); the edit log keeps who and when.",
                         permission_classes=[IsEditor])
    async def create_entity(self, info: Ctx, input: Annotated[EntityInput, strawberry.argument(description=INPUT)]) -> EntityPayload:
        missing = [UserError(field=f"input.{k}", message=f"{k} is required to create", code=ErrorCode.BAD_INPUT)
                   for k in ("type", "name") if not getattr(input, k)]
        if missing:
            return EntityPayload(entity=None, user_errors=missing)
        node_id, errors = await attempt(lambda: edit.create_entity(
            info.context.db, input.type.value, input.name, _props(input), _who(info)), "name")
        return EntityPayload(entity=await _one(info, node_id, object) if node_id else None, user_errors=errors)

    @strawberry.mutation(description="Change an entity's name or properties (editor).", permission_classes=[IsEditor])
    async def update_entity(self, info: Ctx, input: Annotated[UpdateEntityInput, strawberry.argument(description=INPUT)]) -> EntityPayload:
        _, errors = await attempt(lambda: edit.update_entity(
            info.context.db, str(input.id), input.name, _props(input), _who(info)), "id")
        info.context.forget()
        return EntityPayload(entity=None if errors else await _one(info, str(input.id), object), user_errors=errors)

    @strawberry.mutation(description="Delete an entity and its facts (editor).", permission_classes=[IsEditor])
    async def delete_entity(self, info: Ctx, input: Annotated[DeleteEntityInput, strawberry.argument(description=INPUT)]) -> DeleteEntityPayload:
        _, errors = await attempt(lambda: edit.delete_entity(info.context.db, str(input.id), _who(info)), "id")
        info.context.forget()
        return DeleteEntityPayload(deleted_id=None if errors else input.id, user_errors=errors)

    @strawberry.mutation(description="State a fact between two entities (editor).", permission_classes=[IsEditor])
    async def create_fact(self, info: Ctx, input: Annotated[FactInput, strawberry.argument(description=INPUT)]) -> FactPayload:
        return await _state_fact(info, input, edit.create_fact)

    @strawberry.mutation(description="Sets year or role of a fact; evidence given is added as a manual source "
                                     "(editor).", permission_classes=[IsEditor])
    async def update_fact(self, info: Ctx, input: Annotated[FactInput, strawberry.argument(description=INPUT)]) -> FactPayload:
        return await _state_fact(info, input, edit.update_fact)

    @strawberry.mutation(description="Delete a fact (editor); the entities stay.", permission_classes=[IsEditor])
    async def delete_fact(self, info: Ctx, input: Annotated[DeleteFactInput, strawberry.argument(description=INPUT)]) -> DeleteFactPayload:
        _, errors = await attempt(lambda: edit.delete_fact(
            info.context.db, input.type.value, str(input.subject), str(input.object), _who(info)), "subject")
        info.context.forget()
        return DeleteFactPayload(deleted=not errors, subject=await _one(info, str(input.subject), object),
                                 object=await _one(info, str(input.object), object), user_errors=errors)


# ---------------------------------------------------------------- assembly


def _root_types() -> tuple[type, type]:
    from api.schema_admin import AdminMutation, AdminQuery
    from api.schema_dedupe import DedupeMutation, DedupeQuery
    from api.schema_leads import LeadsMutation, LeadsQuery
    from api.schema_vocab import VocabMutation, VocabQuery

    return (merge_types("Query", (Query, EntityQuery, DedupeQuery, AdminQuery, LeadsQuery, VocabQuery)),
            merge_types("Mutation", (Mutation, DedupeMutation, AdminMutation, LeadsMutation, VocabMutation)))


RootQuery, RootMutation = _root_types()
RootQuery.__strawberry_definition__.description = Query.__strawberry_definition__.description
RootMutation.__strawberry_definition__.description = Mutation.__strawberry_definition__.description

class KgSchema(strawberry.Schema):
    """Logs unexpected errors with their stack, expected ones (bad input, no token, Neo4j
    down) in one line; trips the availability breaker when Neo4j is unreachable."""

    def process_errors(self, errors: list[Any], execution_context: Any = None) -> None:
        import logging

        from api.availability import note_errors
        from api.errors import classify

        codes = [classify(e)[0] for e in errors]
        context = getattr(execution_context, "context", None)
        note_errors(getattr(context, "service", None), iter(codes))
        unexpected = [e for e, code in zip(errors, codes) if code == "INTERNAL"]
        if unexpected:
            super().process_errors(unexpected, execution_context)
        log = logging.getLogger("kg.api")
        for error, code in zip(errors, codes):
            if code != "INTERNAL":
                log.info("%s: %s", code, classify(error)[1])


# The validation rules are classes made once, so the validation cache (keyed on the document
# and the rules) answers a document it has seen without validating it again: the documents of
# queries/ are parsed and validated once per process, not once per request.
VALIDATION_RULES = [
    depth_validator(limits.MAX_DEPTH, None, None),
    aliases_validator(limits.MAX_ALIASES),
    limits.CostLimit,
]
CACHED_DOCUMENTS = 512

schema = KgSchema(
    query=RootQuery,
    mutation=RootMutation,
    types=ALL_TYPES,
    extensions=[
        Availability,
        lambda: MaxTokensLimiter(max_token_count=limits.MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHED_DOCUMENTS),
        lambda: AddValidationRules(VALIDATION_RULES),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
        limits.StringLimits,
        IntrospectionGate,
        ErrorCodes,
    ],
)
