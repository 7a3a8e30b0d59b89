"""GraphQL for the publicity team and researchers: ranked story leads with their evidence,
marks on leads, aggregations with the counts behind them, and the graph measures of
`kg analyze` (Person.centrality, Person.community, communities).

`LeadsQuery` and `LeadsMutation` are merged into the root types by api/schema.py like the
records-staff and admin parts. Resolvers stay thin: graph/leads.py, graph/research.py and
graph/analyze.py hold the Cypher and the ranking. Marking a lead needs the editor role,
running the analysis the admin role.
"""
from __future__ import annotations

import asyncio
from enum import Enum
from typing import Annotated, Any, Optional

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from api import limits
from api.context import Context, require_role
from api.errors import BadInput, NotFound
from api.loaders import loader
from api.schema_admin import AdminOnly
from api.types import Entity, Person, Source, Unit, to_entity
from graph import analyze as analysis
from graph import leads as leads_module
from graph import research
from graph.read import EntityFilter as GraphFilter

Ctx = Info[Context, None]
EntityFilterInput = Annotated["EntityFilter", strawberry.lazy("api.schema")]
PageInfoType = Annotated["PageInfo", strawberry.lazy("api.schema")]


# ---------------------------------------------------------------- story leads


@strawberry.enum(description="What makes a story lead.")
class StoryLeadKind(Enum):
    UNSUNG = "UNSUNG"
    LINEAGE = "LINEAGE"
    IMPACT = "IMPACT"
    ANNIVERSARY = "ANNIVERSARY"
    NEW_HONOR = "NEW_HONOR"
    FAR_FROM_HOME = "FAR_FROM_HOME"
    BRIDGE = "BRIDGE"


_KIND_HELP = {
    "UNSUNG": "a national or provincial honoree no article mentions (or none since `since`)",
    "LINEAGE": "a mentor whose mentees (and theirs) became honorees",
    "IMPACT": "a person, studio or project whose articles carry numbers",
    "ANNIVERSARY": "the 5th, 10th, 20th … anniversary of an honor in `year`",
    "NEW_HONOR": "honors of the latest year in the graph",
    "FAR_FROM_HOME": "an assignment (挂职, 援建, 驻村) far from home, and what came of it",
    "BRIDGE": "a person linking communities that are otherwise apart (after `kg analyze`)",
}


@strawberry.enum(description="What the publicity team did with a lead.")
class LeadStatus(Enum):
    USED = "USED"
    NOT_INTERESTING = "NOT_INTERESTING"


@strawberry.type(description="One part of a lead's score, so the ranking can be explained.")
class ScorePart:
    name: str
    value: float
    detail: str = strawberry.field(description="what the points are for, in Chinese")


@strawberry.type(description="A mark staff put on a lead: who, when, what.")
class LeadMark:
    lead_id: strawberry.ID
    status: LeadStatus
    who: str
    at: str
    note: Optional[str]
    reopened: bool = strawberry.field(
        description="a new fact about the lead's people arrived after the mark, so the lead is listed again")
    current: bool = strawberry.field(description="false once a later mark or a reopen superseded it")


@strawberry.type(description="A story lead: ranked, explained and sourced.")
class StoryLead:
    id: strawberry.ID = strawberry.field(description="stable: mark it with markStoryLead")
    kind: StoryLeadKind
    score: float
    score_parts: list[ScorePart]
    headline: str = strawberry.field(description="one line a person could put in a planning meeting")
    summary: str = strawberry.field(description="what the graph holds behind the headline")
    why_now: Optional[str] = strawberry.field(description="an anniversary, a new honor, a recent assignment")
    evidence: list[Source] = strawberry.field(description="sentences and roster rows with their sources")
    mark: Optional[LeadMark] = strawberry.field(description="the current mark, on a lead listed again or asked for")
    subject_id: strawberry.Private[str]
    people_ids: strawberry.Private[list[str]]
    unit_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Whom or what the lead is about: a person, studio or project.")
    async def subject(self, info: Ctx) -> Optional[Entity]:
        node = await loader(info.context, "nodes").load(self.subject_id)
        return to_entity(node) if node else None

    @strawberry.field(description="The people involved, the subject first.")
    async def people(self, info: Ctx) -> list[Person]:
        found = await loader(info.context, "nodes").load_many(self.people_ids)
        return [to_entity(n) for n in found if n and n.get("label") == "Person"]

    @strawberry.field(description="Their units.")
    async def units(self, info: Ctx) -> list[Unit]:
        found = await loader(info.context, "nodes").load_many(self.unit_ids)
        return [to_entity(n) for n in found if n and n.get("label") == "Unit"]

    @strawberry.field(description="The articles and rosters behind the evidence, each once.")
    def sources(self) -> list[Source]:
        seen: dict[str, Source] = {}
        for e in self.evidence:
            if e.id not in seen:
                seen[e.id] = Source(id=e.id, kind=e.kind, title=e.title, date=e.date, url=e.url,
                                    publisher=e.publisher, locator=None, evidence=None, synthetic=e.synthetic)
        return list(seen.values())


@strawberry.type
class StoryLeadEdge:
    cursor: str
    node: StoryLead


@strawberry.type(description="Story leads, best first.")
class StoryLeadConnection:
    edges: list[StoryLeadEdge]
    page_info: PageInfoType
    total_count: int
    hidden_count: int = strawberry.field(description="leads left out because staff marked them")


def _mark(m: dict[str, Any] | None) -> Optional[LeadMark]:
    if not m:
        return None
    return LeadMark(lead_id=strawberry.ID(m.get("leadId") or ""), status=LeadStatus(m["status"]), who=m["who"] or "",
                    at=m["at"], note=m.get("note"), reopened=bool(m.get("reopened")), current=m.get("current", True))


def _lead(lead: leads_module.Lead) -> StoryLead:
    evidence = [Source(id=e.source_id, kind=e.source.get("kind") or "unknown", title=e.source.get("title"),
                       date=e.source.get("date"), url=e.source.get("url"), publisher=None, locator=e.locator,
                       evidence=e.text, synthetic=bool(e.source.get("synthetic"))) for e in lead.evidence if e.source_id]
    mark = dict(lead.mark, leadId=lead.id) if lead.mark else None
    return StoryLead(
        id=strawberry.ID(lead.id), kind=StoryLeadKind(lead.kind), score=lead.score,
        score_parts=[ScorePart(name=p.name, value=p.value, detail=p.detail) for p in lead.parts],
        headline=lead.headline, summary=lead.summary, why_now=lead.why_now, evidence=evidence, mark=_mark(mark),
        subject_id=lead.subject["id"], people_ids=[p["id"] for p in lead.people],
        unit_ids=[u["id"] for u in lead.units],
    )


# ---------------------------------------------------------------- research views


@strawberry.enum(description="How honors are grouped.")
class HonorDimension(Enum):
    LEVEL = "level"
    REGION = "region"
    YEAR = "year"


@strawberry.type(description="Awards of one group (level, the person's region, year) and the people behind them.")
class HonorStatsRow:
    level: Optional[str]
    region: Optional[str]
    year: Optional[int]
    awards: int
    people: int


@strawberry.type(description="Honors by level, region and year, with the totals they add up to.")
class HonorStats:
    awards: int
    people: int
    rows: list[HonorStatsRow]


@strawberry.enum(description="What honorees are counted in.")
class HonoreeGroup(Enum):
    UNIT = "Unit"
    STUDIO = "Studio"


@strawberry.type(description="A unit (with its teams and branches) or studio and the honored people it holds.")
class HonoreeTally:
    node: Entity
    honorees: int = strawberry.field(description="distinct honored people (passing the filter)")
    awards: int
    national: int = strawberry.field(description="honorees whose highest honor is national")
    provincial: int
    city: int
    county: int
    names: list[str] = strawberry.field(description="up to 10 of the honorees")


@strawberry.type(description="One generation of a mentorship line.")
class LineageGeneration:
    generation: int = strawberry.field(description="1: 徒弟, 2: 徒孙 …")
    people: int
    honored: int
    honored_names: list[str] = strawberry.field(description="up to 10")


@strawberry.type(description="A mentorship line from its founder: depth, breadth, honored descendants.")
class MentorshipLine:
    founder: Person
    depth: int
    breadth: int = strawberry.field(description="people in the largest generation")
    descendants: int
    honored_descendants: int
    generations: list[LineageGeneration]


@strawberry.type(description="Graph measures of a person from the last `kg analyze`.")
class Centrality:
    degree: int = strawberry.field(description="links in the projection (people, units, studios, projects, villages)")
    betweenness: float = strawberry.field(description="share of shortest paths through this person (0..1)")
    percentile: Optional[float] = strawberry.field(description="share of people with a lower betweenness")
    computed_at: str


@strawberry.type(description="A place where a community meets: a unit, studio, project or village.")
class CommunityPlace:
    id: strawberry.ID
    name: str
    type: str
    links: int


@strawberry.type
class NameCount:
    name: str
    count: int


@strawberry.type(description="A community found by `kg analyze` (Louvain), largest first.")
class Community:
    id: strawberry.ID
    name: str = strawberry.field(description="after its best-connected unit (else studio, project, village)")
    size: int = strawberry.field(description="nodes: people and the places they meet")
    people: int
    computed_at: str
    top_units: list[CommunityPlace] = strawberry.field(description="best-connected units, studios, projects, villages")
    top_honors: list[NameCount]
    regions: list[NameCount]
    key_member_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Members by betweenness, who holds the community together first (at most 100).")
    async def members(self, info: Ctx, first: Optional[int] = None) -> list[Person]:
        ids = self.key_member_ids[:limits.page_size(first)]
        found = await loader(info.context, "nodes").load_many(ids)
        return [to_entity(n) for n in found if n]


@strawberry.type(description="The last run of `kg analyze`.")
class AnalysisRun:
    at: str
    seconds: float
    people: int
    nodes: int
    links: int
    communities: int
    sources: int = strawberry.field(description="betweenness sources: every node when exact, else a sample")
    exact: bool
    method: str


def _community(c: dict[str, Any]) -> Community:
    return Community(
        id=strawberry.ID(c["id"]), name=c.get("name") or "", size=int(c.get("size") or 0),
        people=int(c.get("people") or 0), computed_at=c.get("computedAt") or "",
        top_units=[CommunityPlace(id=strawberry.ID(p["id"]), name=p["name"], type=p["label"], links=p["links"])
                   for p in c.get("places", [])],
        top_honors=[NameCount(name=h["name"], count=h["count"]) for h in c.get("honors", [])],
        regions=[NameCount(name=r["name"], count=r["count"]) for r in c.get("regions", [])],
        key_member_ids=list(c.get("keyMembers") or []),
    )


def centrality_of(raw: dict[str, Any]) -> Optional[Centrality]:
    """Person.centrality: read from the person's own properties (no extra query)."""
    if raw.get("betweenness") is None:
        return None
    return Centrality(degree=int(raw.get("degree") or 0), betweenness=float(raw["betweenness"]),
                      percentile=raw.get("betweennessPercentile"), computed_at=str(raw.get("analyzedAt") or ""))


async def community_of(info: Ctx, raw: dict[str, Any]) -> Optional[Community]:
    """Person.community: one statement for every person of a request (a DataLoader)."""
    cid = raw.get("community")
    if not cid:
        return None
    ctx = info.context
    if "communities" not in ctx.loaders:
        async def load(ids: list[str]) -> list[Any]:
            found = await asyncio.to_thread(research.communities_by_id, ctx.db, list(ids))
            return [found.get(i) for i in ids]

        ctx.loaders["communities"] = DataLoader(load_fn=load)
    found = await ctx.loaders["communities"].load(str(cid))
    return _community(found) if found else None


def _analysis(a: dict[str, Any]) -> AnalysisRun:
    return AnalysisRun(at=str(a.get("at") or ""), seconds=float(a.get("seconds") or 0), people=int(a.get("people") or 0),
                       nodes=int(a.get("nodes") or 0), links=int(a.get("edges") or 0),
                       communities=int(a.get("communities") or 0), sources=int(a.get("sources") or 0),
                       exact=bool(a.get("exact")), method=a.get("method") or "")


def _filter(f: Any) -> GraphFilter:
    return GraphFilter(**vars(f)) if f is not None else GraphFilter()


# ---------------------------------------------------------------- root fields


@strawberry.type
class LeadsQuery:
    @strawberry.field(description="Story leads ranked by score (deterministic: score, kind, name, id), each "
                                  "with its score parts, headline, why now, people, units and evidence. Kinds: "
                                  + "; ".join(f"{k}: {v}" for k, v in _KIND_HELP.items()) + ". Leads marked USED "
                                  "or NOT_INTERESTING stay out until a new fact about their people arrives.")
    async def story_leads(
        self, info: Ctx, first: Optional[int] = None, after: Optional[str] = None,
        kinds: Optional[list[StoryLeadKind]] = None,
        region: Annotated[Optional[str], strawberry.argument(
            description="the lead's people live or work there (or below)")] = None,
        unit: Annotated[Optional[str], strawberry.argument(description="id or name of their unit")] = None,
        since: Annotated[Optional[int], strawberry.argument(
            description="UNSUNG: no article dated this year or later (default: no article at all)")] = None,
        year: Annotated[Optional[int], strawberry.argument(
            description="the year anniversaries and why-now are about (default: this year)")] = None,
        include_marked: bool = False,
    ) -> StoryLeadConnection:
        from api.schema import PageInfo

        q = leads_module.LeadQuery(kinds=tuple(k.value for k in kinds) if kinds else leads_module.KINDS,
                                   year=year, since=since, region=region, unit=unit, include_marked=include_marked)
        try:
            page = await asyncio.to_thread(leads_module.story_leads, info.context.db, q, limits.page_size(first), after)
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
        edges = [StoryLeadEdge(cursor=c, node=_lead(lead)) for lead, c in zip(page.leads, page.cursors)]
        return StoryLeadConnection(
            edges=edges, page_info=PageInfo(has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None),
            total_count=page.total, hidden_count=page.hidden)

    @strawberry.field(description="Marks on story leads, newest first: who marked what, when (kept after a reopen).")
    async def story_lead_marks(self, info: Ctx, lead: Optional[strawberry.ID] = None,
                               first: Optional[int] = None) -> list[LeadMark]:
        rows = await asyncio.to_thread(leads_module.marks, info.context.db, str(lead) if lead else None)
        return [_mark(dict(r, reopened=False)) for r in rows[:limits.page_size(first)]]

    @strawberry.field(description="Honors by level, the person's region and year, with awards and people per "
                                  "group and in all; the filter is the one of `people`.")
    async def honor_stats(self, info: Ctx, filter: Optional[EntityFilterInput] = None,
                          by: Optional[list[HonorDimension]] = None) -> HonorStats:
        dims = tuple(d.value for d in by) if by else research.DIMENSIONS
        try:
            found = await asyncio.to_thread(research.honor_stats, info.context.db, _filter(filter), dims)
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
        return HonorStats(awards=found["awards"], people=found["people"],
                          rows=[HonorStatsRow(level=r["level"], region=r["region"], year=r["year"], awards=r["awards"],
                                              people=r["people"]) for r in found["rows"]])

    @strawberry.field(description="Units (with their parts) or studios ranked by the honored people they hold, "
                                  "with the count per level; the filter (of `people`) picks the honorees.")
    async def honoree_ranking(self, info: Ctx, by: HonoreeGroup = HonoreeGroup.UNIT,
                              filter: Optional[EntityFilterInput] = None,
                              first: Optional[int] = None) -> list[HonoreeTally]:
        rows = await asyncio.to_thread(research.honoree_ranking, info.context.db, by.value, _filter(filter),
                                       limits.page_size(first))
        return [HonoreeTally(node=to_entity(r["node"]), honorees=r["honorees"], awards=r["awards"],
                             national=r["national"], provincial=r["provincial"], city=r["city"], county=r["county"],
                             names=r["names"]) for r in rows]

    @strawberry.field(description="Mentorship lines from their founders (the filter of `people` picks founders): "
                                  "depth, breadth, honored descendants per generation; most honored first.")
    async def mentorship_lines(self, info: Ctx, filter: Optional[EntityFilterInput] = None,
                               first: Optional[int] = None) -> list[MentorshipLine]:
        rows = await asyncio.to_thread(research.mentorship_lines, info.context.db, _filter(filter),
                                       limits.page_size(first))
        return [MentorshipLine(
            founder=to_entity(r["root"]), depth=r["depth"], breadth=r["breadth"], descendants=r["descendants"],
            honored_descendants=r["honored"],
            generations=[LineageGeneration(generation=g["generation"], people=g["people"], honored=g["honored"],
                                           honored_names=g["names"]) for g in r["generations"]],
        ) for r in rows]

    @strawberry.field(description="Communities of the last `kg analyze`, largest first, with their members, "
                                  "top units and honors (empty before an analysis).")
    async def communities(self, info: Ctx, first: Optional[int] = None, offset: int = 0) -> list[Community]:
        if offset < 0:
            raise BadInput("offset must be 0 or more")
        rows, _total = await asyncio.to_thread(research.communities, info.context.db, limits.page_size(first), offset)
        return [_community(c) for c in rows]

    @strawberry.field(description="People by betweenness: who holds the graph (or one community) together.")
    async def key_people(self, info: Ctx, first: Optional[int] = None,
                         community: Optional[strawberry.ID] = None) -> list[Person]:
        rows = await asyncio.to_thread(research.key_people, info.context.db, limits.page_size(first),
                                       str(community) if community else None)
        return [to_entity(n) for n in rows]

    @strawberry.field(description="When the graph measures were last computed, how, and in how long.")
    async def graph_analysis(self, info: Ctx) -> Optional[AnalysisRun]:
        found = await asyncio.to_thread(research.last_analysis, info.context.db)
        return _analysis(found) if found else None


@strawberry.type
class LeadsMutation:
    @strawberry.mutation(description="Mark a story lead USED or NOT_INTERESTING (editor); it leaves the list "
                                     "until a new fact about its people arrives. Kept with who and when.")
    async def mark_story_lead(self, info: Ctx, id: strawberry.ID, status: LeadStatus,
                              note: Optional[str] = None) -> LeadMark:
        who = require_role(info.context, "editor", "admin")
        try:
            row = await asyncio.to_thread(leads_module.mark, info.context.db, str(id), status.value, who, note)
        except leads_module.LeadError as exc:
            raise (NotFound(str(exc)) if "no such" in str(exc) else BadInput(str(exc))) from exc
        return _mark(dict(row, reopened=False, current=True))

    @strawberry.mutation(description="Take the current mark off a lead (editor): it is listed again.")
    async def reopen_story_lead(self, info: Ctx, id: strawberry.ID) -> bool:
        who = require_role(info.context, "editor", "admin")
        try:
            return await asyncio.to_thread(leads_module.reopen, info.context.db, str(id), who)
        except leads_module.LeadError as exc:
            raise BadInput(str(exc)) from exc

    @strawberry.mutation(description="Compute degree, betweenness and communities now (admin); minutes on a "
                                     "large graph, where `kg analyze` shows progress.",
                         permission_classes=[AdminOnly])
    async def analyze_graph(self, info: Ctx, samples: int = analysis.DEFAULT_SAMPLES) -> AnalysisRun:
        if not 1 <= samples <= 5000:
            raise BadInput("samples must be between 1 and 5000")
        report = await asyncio.to_thread(analysis.analyze, info.context.db, samples)
        found = await asyncio.to_thread(research.last_analysis, info.context.db)
        return _analysis(found or {**report.to_json(), "edges": report.edges})
