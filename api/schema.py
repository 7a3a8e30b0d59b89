"""The GraphQL schema, readable top to bottom: root queries, mutations, limits.
Resolvers stay thin: they call graph/ and shape what it returns."""
from __future__ import annotations

import asyncio
from enum import Enum
from typing import Annotated, Any, Generic, Optional, TypeVar

import strawberry
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, ParserCache, ValidationCache
from strawberry.extensions.max_aliases import create_validator as aliases_validator
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator
from strawberry.file_uploads import Upload
from strawberry.tools import merge_types

from api import limits
from api.availability import Availability
from api.context import require_role
from api.introspection import IntrospectionGate
from api.errors import BadInput, ErrorCodes, NotFound
from api.loaders import loader
from api.types import (
    ALL_TYPES, Article, Ctx, Entity, EntityType, FactType, Source, Honor, Mentorship, Node, Person, Project, Region, Roster, Studio,
    Unit, Village, fact_fields, sources_of, to_entity, to_node,
)
from graph import edit, read
from graph.stats import graph_stats
from graph.vocabulary import ENTITY_LABELS, READING

T = TypeVar("T")


# ---------------------------------------------------------------- connections


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: Optional[str]


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total: strawberry.Private[Optional[int]]

    @strawberry.field(description="Counted only when asked for.")
    def total_count(self) -> Optional[int]:
        return self.total


@strawberry.input(description="Filters combine with AND; region includes everything below it.")
class EntityFilter:
    name: Optional[str] = None
    region: Optional[str] = None
    sector: Optional[str] = None
    honor: Optional[str] = None
    honor_level: Optional[str] = None
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    unit: Optional[str] = None
    has_outcomes: Optional[bool] = strawberry.field(
        default=None, description="Projects: only those with (true) or without (false) measurable results.")


@strawberry.input(description="Filters of mentorship pairs; combine with AND.")
class MentorshipFilter:
    mentor: Optional[str] = strawberry.field(default=None, description="id or exact name")
    mentee: Optional[str] = strawberry.field(default=None, description="id or exact name")
    year_from: Optional[int] = None
    year_to: Optional[int] = None
    mentee_honored: Optional[bool] = strawberry.field(
        default=None, description="true: only mentees who received an honor themselves (of honorLevel if given)")
    honor_level: Optional[str] = None


@strawberry.enum(description="What honors are concentrated in.")
class HonorGroup(Enum):
    UNIT = "Unit"
    STUDIO = "Studio"


@strawberry.enum(description="Lists are ordered by the pinyin of the name (then the characters, then id).")
class OrderBy(Enum):
    NAME_ASC = "NAME_ASC"
    NAME_DESC = "NAME_DESC"


def _wants_total(info: Ctx) -> bool:
    return any(f.name == "totalCount" for f in info.selected_fields[0].selections
               if hasattr(f, "name"))


async def _page(info: Ctx, label: str, first: Optional[int], after: Optional[str],
                filter: Optional[EntityFilter], order_by: OrderBy) -> Connection[Any]:
    size = limits.page_size(first)
    f = read.EntityFilter(**vars(filter)) if filter else read.EntityFilter()
    try:
        nodes, more, total = read.page(info.context.db, label, size, after, f, order_by == OrderBy.NAME_DESC,
                                       _wants_total(info))
    except ValueError as exc:
        raise BadInput(str(exc)) from exc
    edges = [Edge(cursor=read.encode_cursor(n.get("sortKey") or "", n["id"]), node=to_node(n))
             for n in nodes]
    return Connection(edges=edges, page_info=PageInfo(has_next_page=more,
                                                      end_cursor=edges[-1].cursor if edges else None),
                      total=total)


async def _one(info: Ctx, node_id: str, cls: type | tuple[type, ...]) -> Any:
    node = await loader(info.context, "nodes").load(node_id)
    if node is None:
        return None
    value = to_node(node)
    return value if isinstance(value, cls) else None


# ---------------------------------------------------------------- results


@strawberry.type(description="One search hit and what it matched on.")
class SearchHit:
    node: Entity
    score: float
    matched_on: list[str]


@strawberry.type(description="An edge of a drawn graph, with its evidence.")
class GraphEdge:
    type: str
    source: str
    target: str
    year: Optional[int]
    evidence: list[str]
    props: strawberry.Private[dict[str, Any]]

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, self.props)  # type: ignore[return-value]  # a list, or awaited by graphql-core


@strawberry.type(description="A shortest path between two entities.")
class Path:
    nodes: list[Entity]
    edges: list[GraphEdge]
    reading: str = strawberry.field(description="The path in one line: 张继东 —获评→ 全国劳动模范 ←获评— 王金良")


@strawberry.type(description="Nodes and edges around an entity, ready to draw.")
class Neighborhood:
    nodes: list[Entity]
    edges: list[GraphEdge]
    truncated: bool = strawberry.field(
        default=False, description="true when `limit` cut the picture: there is more around the entity")


@strawberry.type
class Count:
    name: str
    count: int


@strawberry.type
class Stats:
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


@strawberry.type(description="A unit or studio and the honors concentrated in it.")
class HonorTally:
    node: Entity
    honorees: int = strawberry.field(description="distinct honored people working there (or in the studio)")
    awards: int = strawberry.field(description="honors received by them and by the unit or studio itself")
    names: list[str] = strawberry.field(description="up to 10 of the honorees")


@strawberry.type(description="What a loader did with one source.")
class LoadReport:
    source_id: str
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
    return GraphEdge(type=e["type"], source=e["from"], target=e["to"], year=e["props"].get("year"),
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


def _require(info: Ctx, *roles: str) -> str:
    return require_role(info.context, *roles)


# ---------------------------------------------------------------- queries


def _labels(types: Optional[list[EntityType]]) -> list[str]:
    return [t.value for t in types] if types else list(ENTITY_LABELS)


@strawberry.type
class Query:
    @strawberry.field(description="Any node by id; an id absorbed by a merge gives the survivor.")
    async def node(self, info: Ctx, id: strawberry.ID) -> Optional[Node]:
        return await _one(info, str(id), object)

    @strawberry.field(description="Nodes by id, in the order asked (null where unknown); merges followed.")
    async def nodes(self, info: Ctx, ids: list[strawberry.ID]) -> list[Optional[Node]]:
        if len(ids) > limits.MAX_FIRST:
            raise BadInput(f"at most {limits.MAX_FIRST} ids")
        found = await loader(info.context, "nodes").load_many([str(i) for i in ids])
        return [to_node(n) if n else None for n in found]

    @strawberry.field
    async def person(self, info: Ctx, id: strawberry.ID) -> Optional[Person]:
        return await _one(info, str(id), Person)

    @strawberry.field
    async def unit(self, info: Ctx, id: strawberry.ID) -> Optional[Unit]:
        return await _one(info, str(id), Unit)

    @strawberry.field
    async def honor(self, info: Ctx, id: strawberry.ID) -> Optional[Honor]:
        return await _one(info, str(id), Honor)

    @strawberry.field
    async def studio(self, info: Ctx, id: strawberry.ID) -> Optional[Studio]:
        return await _one(info, str(id), Studio)

    @strawberry.field
    async def project(self, info: Ctx, id: strawberry.ID) -> Optional[Project]:
        return await _one(info, str(id), Project)

    @strawberry.field
    async def village(self, info: Ctx, id: strawberry.ID) -> Optional[Village]:
        return await _one(info, str(id), Village)

    @strawberry.field
    async def region(self, info: Ctx, id: strawberry.ID) -> Optional[Region]:
        return await _one(info, str(id), Region)

    @strawberry.field
    async def article(self, info: Ctx, id: strawberry.ID) -> Optional[Article]:
        return await _one(info, str(id), Article)

    @strawberry.field
    async def roster(self, info: Ctx, id: strawberry.ID) -> Optional[Roster]:
        return await _one(info, str(id), Roster)

    @strawberry.field(description="People in pinyin order of their names (李 李安 连 …), keyset-paginated.")
    async def people(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                     filter: Optional[EntityFilter] = None, order_by: OrderBy = OrderBy.NAME_ASC
                     ) -> Connection[Person]:
        return await _page(info, "Person", first, after, filter, order_by)

    @strawberry.field
    async def units(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                    filter: Optional[EntityFilter] = None, order_by: OrderBy = OrderBy.NAME_ASC) -> Connection[Unit]:
        return await _page(info, "Unit", first, after, filter, order_by)

    @strawberry.field
    async def honors(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                     filter: Optional[EntityFilter] = None, order_by: OrderBy = OrderBy.NAME_ASC
                     ) -> Connection[Honor]:
        return await _page(info, "Honor", first, after, filter, order_by)

    @strawberry.field
    async def studios(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                      filter: Optional[EntityFilter] = None, order_by: OrderBy = OrderBy.NAME_ASC
                      ) -> Connection[Studio]:
        return await _page(info, "Studio", first, after, filter, order_by)

    @strawberry.field
    async def projects(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                       filter: Optional[EntityFilter] = None, order_by: OrderBy = OrderBy.NAME_ASC
                       ) -> Connection[Project]:
        return await _page(info, "Project", first, after, filter, order_by)

    @strawberry.field
    async def villages(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                       filter: Optional[EntityFilter] = None, order_by: OrderBy = OrderBy.NAME_ASC
                       ) -> Connection[Village]:
        return await _page(info, "Village", first, after, filter, order_by)

    @strawberry.field
    async def regions(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                      filter: Optional[EntityFilter] = None, order_by: OrderBy = OrderBy.NAME_ASC
                      ) -> Connection[Region]:
        return await _page(info, "Region", first, after, filter, order_by)

    @strawberry.field
    async def articles(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None
                       ) -> Connection[Article]:
        return await _page(info, "Article", first, after, None, OrderBy.NAME_ASC)

    @strawberry.field
    async def rosters(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None
                      ) -> Connection[Roster]:
        return await _page(info, "Roster", first, after, None, OrderBy.NAME_ASC)

    @strawberry.field(description="One box across all types: Chinese, traditional, pinyin, initials, typos.")
    async def search(self, info: Ctx, q: str, types: Optional[list[EntityType]] = None,
                     first: Optional[int] = None) -> list[SearchHit]:
        if not q.strip():
            raise BadInput("q must not be empty")
        rows = read.search(info.context.db, q, _labels(types), limits.page_size(first))
        return [SearchHit(node=to_entity(r["node"]), score=r["best"], matched_on=r["matched"]) for r in rows]

    @strawberry.field(description="Who mentors whom, as pairs with their sources.")
    async def mentorships(self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
                          filter: Optional[MentorshipFilter] = None) -> Connection[Mentorship]:
        f = read.MentorshipFilter(**vars(filter)) if filter else None
        try:
            rows, more, total = read.mentorship_page(info.context.db, limits.page_size(first), after, f,
                                                     _wants_total(info))
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
        edges = [Edge(cursor=read.encode_cursor(*r["keys"]),
                      node=Mentorship(mentor=to_entity(r["mentor"]), mentee=to_entity(r["mentee"]),
                                      **fact_fields({"type": "MENTORS", "props": r["props"]})))
                 for r in rows]
        return Connection(edges=edges, page_info=PageInfo(has_next_page=more,
                                                          end_cursor=edges[-1].cursor if edges else None), total=total)

    @strawberry.field(description="Units (with their parts) or studios ranked by the honored people they hold.")
    async def honor_concentration(self, info: Ctx, by: HonorGroup = HonorGroup.UNIT, level: Optional[str] = None,
                                  first: Optional[int] = None) -> list[HonorTally]:
        rows = read.honor_concentration(info.context.db, by.value, level, limits.page_size(first))
        return [HonorTally(node=to_entity(r["node"]), honorees=r["honorees"], awards=r["awards"], names=r["names"])
                for r in rows]

    @strawberry.field(description="Shortest paths between two entities, each edge with evidence.")
    async def connection(self, info: Ctx, from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
                         to: strawberry.ID, max_hops: int = 4, first: int = 3,
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
    async def neighborhood(self, info: Ctx, id: strawberry.ID, depth: int = 1, limit: int = 200,
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


@strawberry.input
class ArticleInput:
    text: str
    title: str
    publisher: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None


@strawberry.input
class EntityInput:
    type: Optional[EntityType] = None
    name: Optional[str] = None
    gender: Optional[str] = None
    birth_year: Optional[int] = None
    sector: Optional[str] = None
    region: Optional[str] = None
    kind: Optional[str] = None
    level: Optional[str] = None
    phone: Optional[str] = None
    address: Optional[str] = None


@strawberry.input
class FactInput:
    type: FactType
    subject: strawberry.ID
    object: strawberry.ID
    year: Optional[int] = None
    role: Optional[str] = None
    evidence: str = ""


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


def _props(data: EntityInput) -> dict[str, Any]:
    names = {"birth_year": "birthYear"}
    return {names.get(k, k): v for k, v in vars(data).items() if k not in ("type", "name") and v is not None}


@strawberry.type
class Mutation:
    @strawberry.mutation(description="Extract and load one article (idempotent by content hash). An article "
                                     "with no Chinese text is refused unless `force` is true.")
    async def ingest_article(self, info: Ctx, input: ArticleInput, force: bool = False) -> LoadReport:
        from graph.facts import ArticleMeta
        from graph.ingest import load_article

        who = _require(info, "editor", "admin")
        if not input.text.strip():
            raise BadInput("text must not be empty")
        meta = ArticleMeta(title=input.title, publisher=input.publisher, date=input.date, url=input.url)
        report = _report(await asyncio.to_thread(load_article, info.context.db, input.text, meta, False, None, force))
        await _log_ingest(info, who, "ingest article", report)
        return report

    @strawberry.mutation(description="Load an honor roster (CSV or XLSX); refused whole if any row is bad.")
    async def ingest_roster(self, info: Ctx, file: Upload, skip_invalid: bool = False) -> LoadReport:
        import tempfile
        from pathlib import Path as FsPath

        from graph.ingest import RosterRefused, load_roster

        who = _require(info, "editor", "admin")
        name = FsPath(getattr(file, "filename", None) or "roster.csv").name
        if not name.lower().endswith((".csv", ".xlsx")):
            raise BadInput("a roster must be a .csv or .xlsx file")
        with tempfile.TemporaryDirectory() as tmp:
            path = FsPath(tmp) / name
            await asyncio.to_thread(_save_upload, file, path)  # streamed: never whole in memory
            try:
                report = await asyncio.to_thread(load_roster, info.context.db, path, skip_invalid)
            except RosterRefused as refused:
                raise BadInput("roster refused, nothing written: " + "; ".join(refused.problems[:50])) from refused
        result = _report(report)
        await _log_ingest(info, who, "ingest roster", result)
        return result

    @strawberry.mutation
    async def create_entity(self, info: Ctx, input: EntityInput) -> Entity:
        who = _require(info, "editor", "admin")
        if not input.type or not input.name:
            raise BadInput("type and name are required")
        node_id = await asyncio.to_thread(edit.create_entity, info.context.db, input.type.value, input.name,
                                          _props(input), who)
        return await _one(info, node_id, object)

    @strawberry.mutation
    async def update_entity(self, info: Ctx, id: strawberry.ID, input: EntityInput) -> Entity:
        who = _require(info, "editor", "admin")
        await asyncio.to_thread(edit.update_entity, info.context.db, str(id), input.name, _props(input), who)
        info.context.loaders.clear()
        return await _one(info, str(id), object)

    @strawberry.mutation
    async def delete_entity(self, info: Ctx, id: strawberry.ID) -> bool:
        who = _require(info, "editor", "admin")
        await asyncio.to_thread(edit.delete_entity, info.context.db, str(id), who)
        return True

    @strawberry.mutation
    async def create_fact(self, info: Ctx, input: FactInput) -> bool:
        who = _require(info, "editor", "admin")
        await asyncio.to_thread(edit.create_fact, info.context.db, input.type.value, str(input.subject),
                                str(input.object), input.year, input.role, input.evidence, who)
        return True

    @strawberry.mutation(description="Sets year or role of a fact; evidence given is added as a manual source.")
    async def update_fact(self, info: Ctx, input: FactInput) -> bool:
        who = _require(info, "editor", "admin")
        await asyncio.to_thread(edit.update_fact, info.context.db, input.type.value, str(input.subject),
                                str(input.object), input.year, input.role, input.evidence, who)
        return True

    @strawberry.mutation
    async def delete_fact(self, info: Ctx, type: FactType, subject: strawberry.ID, object: strawberry.ID) -> bool:
        who = _require(info, "editor", "admin")
        await asyncio.to_thread(edit.delete_fact, info.context.db, type.value, str(subject), str(object), who)
        return True


# ---------------------------------------------------------------- assembly


def _root_types() -> tuple[type, type]:
    from api.schema_admin import AdminMutation, AdminQuery
    from api.schema_dedupe import DedupeMutation, DedupeQuery
    from api.schema_leads import LeadsMutation, LeadsQuery
    from api.schema_vocab import VocabMutation, VocabQuery

    return (merge_types("Query", (Query, DedupeQuery, AdminQuery, LeadsQuery, VocabQuery)),
            merge_types("Mutation", (Mutation, DedupeMutation, AdminMutation, LeadsMutation, VocabMutation)))


RootQuery, RootMutation = _root_types()

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
