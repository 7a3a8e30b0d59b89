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
from typing import Annotated, Any, Optional

import strawberry
from strawberry.types import Info

from api import limits
from api.context import Context
from api.described import graphql_input, graphql_type
from api.enums import (ErrorCode, HonorDimension, HonoreeGroup, HonorLevel, LeadStatus, SourceKind, StoryLeadKind,
                       stored)
from api.errors import BadInput, NotFound
from api.payloads import INPUT, UserError, attempt, graphql_payload
from api.permissions import IsEditor
from api.schema_admin import AdminOnly
from api.relay import AFTER, BEFORE, FIRST, LAST, Connection, PageInfo, Window, page_info, ranked, sliced
from api.types import Entity, Person, Source, Unit, to_entity
from graph import leads as leads_module
from graph import research
from graph.read import EntityFilter as GraphFilter

Ctx = Info[Context, None]
ANALYSIS_SAMPLES = 256
"""graph/analyze.py DEFAULT_SAMPLES, repeated so the schema loads without numpy (a test keeps them equal)."""
EntityFilterInput = Annotated["EntityFilter", strawberry.lazy("api.schema")]


# ---------------------------------------------------------------- story leads



@graphql_type
class ScorePart:
    """One part of a lead's score, so the ranking can be explained.

    name: The part (honor level, lineage, recency …).
    value: Its points.
    detail: what the points are for, in Chinese
    """
    name: str
    value: float
    detail: str


@graphql_type
class LeadMark:
    """A mark staff put on a lead: who, when, what.

    lead_id: The lead marked.
    status: What the team did with it.
    who: Who marked it.
    at: When (ISO).
    note: Why, in their words.
    reopened: a new fact about the lead's people arrived after the mark, so the lead is listed again
    current: false once a later mark or a reopen superseded it
    """
    lead_id: strawberry.ID
    status: LeadStatus
    who: str
    at: str
    note: Optional[str]
    reopened: bool
    current: bool


@graphql_type
class StoryLead:
    """A story lead: ranked, explained and sourced.

    id: stable: mark it with markStoryLead
    kind: What makes it a lead.
    score: The sum of its score parts: higher first.
    score_parts: Each part of the score, so the ranking can be explained.
    headline: one line a person could put in a planning meeting
    summary: what the graph holds behind the headline
    why_now: an anniversary, a new honor, a recent assignment
    evidence: sentences and roster rows with their sources
    mark: the current mark, on a lead listed again or asked for
    """
    id: strawberry.ID
    kind: StoryLeadKind
    score: float
    score_parts: list[ScorePart]
    headline: str
    summary: str
    why_now: Optional[str]
    evidence: list[Source]
    mark: Optional[LeadMark]
    subject_id: strawberry.Private[str]
    people_ids: strawberry.Private[list[str]]
    unit_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Whom or what the lead is about: a person, studio or project.")
    async def subject(self, info: Ctx) -> Optional[Entity]:
        node = await info.context.loaders.nodes.load(self.subject_id)
        return to_entity(node) if node else None

    @strawberry.field(description="The people involved, the subject first.")
    async def people(self, info: Ctx) -> list[Person]:
        found = await info.context.loaders.nodes.load_many(self.people_ids)
        return [to_entity(n) for n in found if n and n.get("label") == "Person"]

    @strawberry.field(description="Their units.")
    async def units(self, info: Ctx) -> list[Unit]:
        found = await info.context.loaders.nodes.load_many(self.unit_ids)
        return [to_entity(n) for n in found if n and n.get("label") == "Unit"]

    @strawberry.field(description="The articles and rosters behind the evidence, each once.")
    def sources(self) -> list[Source]:
        seen: dict[str, Source] = {}
        for e in self.evidence:
            if e.id not in seen:
                seen[e.id] = Source(id=e.id, kind=e.kind, title=e.title, date=e.date, url=e.url,
                                    publisher=e.publisher, locator=None, evidence=None, synthetic=e.synthetic)
        return list(seen.values())


@graphql_type
class StoryLeadEdge:
    """One lead and its cursor.

    cursor: Opaque; give it as `after` (or `before`).
    node: The lead.
    """
    cursor: str
    node: StoryLead


@graphql_type
class StoryLeadConnection:
    """Story leads, best first.

    edges: The page's leads, each with its cursor.
    page_info: Where the page lies.
    total_count: How many leads the list holds (every page).
    hidden_count: leads left out because staff marked them
    """
    edges: list[StoryLeadEdge]
    page_info: PageInfo
    total_count: int
    hidden_count: int


def _mark(m: dict[str, Any] | None) -> Optional[LeadMark]:
    if not m:
        return None
    return LeadMark(lead_id=strawberry.ID(m.get("leadId") or ""), status=LeadStatus(m["status"]), who=m["who"] or "",
                    at=m["at"], note=m.get("note"), reopened=bool(m.get("reopened")), current=m.get("current", True))


def _lead(lead: leads_module.Lead) -> StoryLead:
    evidence = [Source(id=e.source_id, kind=stored(SourceKind, e.source.get("kind")) or SourceKind.UNKNOWN,
                       title=e.source.get("title"),
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


@graphql_type
class HonorStatsRow:
    """Awards of one group (level, the person's region, year) and the people behind them.

    level: The honors' level (null when not grouped by it).
    region: The people's region (null when not grouped by it).
    year: The year of the awards (null when not grouped by it).
    awards: Awards in the group.
    people: Distinct people behind them.
    """
    level: Optional[HonorLevel]
    region: Optional[str]
    year: Optional[int]
    awards: int
    people: int


@graphql_type
class HonorStats:
    """Honors by level, region and year, with the totals they add up to.

    awards: Awards in all.
    people: Distinct people in all.
    rows: One row per group.
    """
    awards: int
    people: int
    rows: list[HonorStatsRow]


@graphql_type
class HonoreeTally:
    """A unit (with its teams and branches) or studio and the honored people it holds.

    node: The unit or studio.
    honorees: distinct honored people (passing the filter)
    awards: Their awards.
    national: honorees whose highest honor is national
    provincial: honorees whose highest honor is provincial
    city: honorees whose highest honor is of a city
    county: honorees whose highest honor is of a county
    names: up to 10 of the honorees
    """
    node: Entity
    honorees: int
    awards: int
    national: int
    provincial: int
    city: int
    county: int
    names: list[str]


@graphql_type
class LineageGeneration:
    """One generation of a mentorship line.

    generation: 1: 徒弟, 2: 徒孙 …
    people: People in the generation.
    honored: Those of them who received an honor.
    honored_names: up to 10
    """
    generation: int
    people: int
    honored: int
    honored_names: list[str]


@graphql_type
class MentorshipLine:
    """A mentorship line from its founder: depth, breadth, honored descendants.

    founder: The mentor nobody is recorded as teaching.
    depth: Generations below the founder.
    breadth: people in the largest generation
    descendants: People below the founder.
    honored_descendants: Those of them who received an honor.
    generations: Each generation, 徒弟 first.
    """
    founder: Person
    depth: int
    breadth: int
    descendants: int
    honored_descendants: int
    generations: list[LineageGeneration]


@graphql_type
class Centrality:
    """Graph measures of a person from the last `kg analyze`.

    degree: links in the projection (people, units, studios, projects, villages)
    betweenness: share of shortest paths through this person (0..1)
    percentile: share of people with a lower betweenness
    computed_at: When `kg analyze` computed it.
    """
    degree: int
    betweenness: float
    percentile: Optional[float]
    computed_at: str


@graphql_type
class CommunityPlace:
    """A place where a community meets: a unit, studio, project or village.

    id: The place's id.
    name: Its name.
    type: Unit, Studio, Project or Village.
    links: Its links inside the community.
    """
    id: strawberry.ID
    name: str
    type: str
    links: int


@graphql_type
class NameCount:
    """A name and how often it occurs.

    name: The name.
    count: How often.
    """
    name: str
    count: int


@graphql_type
class Community:
    """A community found by `kg analyze` (Louvain), largest first.

    id: The community's id (from the last analysis).
    name: after its best-connected unit (else studio, project, village)
    size: nodes: people and the places they meet
    people: People in it.
    computed_at: When `kg analyze` found it.
    top_units: best-connected units, studios, projects, villages
    top_honors: The honors its people hold most.
    regions: Where its people are.
    """
    id: strawberry.ID
    name: str
    size: int
    people: int
    computed_at: str
    top_units: list[CommunityPlace]
    top_honors: list[NameCount]
    regions: list[NameCount]
    key_member_ids: strawberry.Private[list[str]]

    @strawberry.field(description="Members by betweenness, who holds the community together first (at most 100).")
    async def members(self, info: Ctx, first: Annotated[Optional[int], strawberry.argument(
            description="At most this many (default 20, at most 100).")] = None) -> list[Person]:
        ids = self.key_member_ids[:limits.page_size(first)]
        found = await info.context.loaders.nodes.load_many(ids)
        return [to_entity(n) for n in found if n]


@graphql_type
class AnalysisRun:
    """The last run of `kg analyze`.

    at: When it ran (ISO).
    seconds: How long it took.
    people: People measured.
    nodes: Nodes of the projection.
    links: Links of the projection.
    communities: Communities found.
    sources: betweenness sources: every node when exact, else a sample
    exact: True when every node was a betweenness source.
    method: How betweenness and communities were computed.
    """
    at: str
    seconds: float
    people: int
    nodes: int
    links: int
    communities: int
    sources: int
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
    found = await info.context.loaders.communities.load(str(cid))
    return _community(found) if found else None


def _analysis(a: dict[str, Any]) -> AnalysisRun:
    return AnalysisRun(at=str(a.get("at") or ""), seconds=float(a.get("seconds") or 0), people=int(a.get("people") or 0),
                       nodes=int(a.get("nodes") or 0), links=int(a.get("edges") or 0),
                       communities=int(a.get("communities") or 0), sources=int(a.get("sources") or 0),
                       exact=bool(a.get("exact")), method=a.get("method") or "")


def _filter(info: Ctx, f: Any) -> GraphFilter:
    """The filter of `people`, its values read as the graph stores them (api/schema.py graph_filter)."""
    from api.schema import graph_filter

    return graph_filter(info, f)[0]


First = Annotated[Optional[int], strawberry.argument(description=FIRST)]
After = Annotated[Optional[str], strawberry.argument(description=AFTER)]
Last = Annotated[Optional[int], strawberry.argument(description=LAST)]
Before = Annotated[Optional[str], strawberry.argument(description=BEFORE)]


# ---------------------------------------------------------------- root fields


_LEAD_KINDS = StoryLeadKind.__strawberry_definition__.values  # each kind with its meaning


@strawberry.type
class LeadsQuery:
    @strawberry.field(description="Story leads ranked by score (deterministic: score, kind, name, id), each "
                                  "with its score parts, headline, why now, people, units and evidence. Kinds: "
                                  + "; ".join(f"{k.name}: {k.description}" for k in _LEAD_KINDS) + ". Leads marked "
                                  "USED or NOT_INTERESTING stay out until a new fact about their people arrives.")
    async def story_leads(
        self, info: Ctx, first: First = None, after: After = None, last: Last = None, before: Before = None,
        kinds: Annotated[Optional[list[StoryLeadKind]], strawberry.argument(
            description="Only these kinds (default: all).")] = None,
        region: Annotated[Optional[str], strawberry.argument(
            description="the lead's people live or work there (or below)")] = None,
        unit: Annotated[Optional[str], strawberry.argument(description="id or name of their unit")] = None,
        since: Annotated[Optional[int], strawberry.argument(
            description="UNSUNG: no article dated this year or later (default: no article at all)")] = None,
        year: Annotated[Optional[int], strawberry.argument(
            description="the year anniversaries and why-now are about (default: this year)")] = None,
        include_marked: Annotated[bool, strawberry.argument(
            description="List leads staff marked too (with their mark).")] = False,
    ) -> StoryLeadConnection:
        from graph.filters import read_region

        w = Window.of(first, after, last, before)
        if region is not None:
            region = read_region(info.context.db, region).value
        q = leads_module.LeadQuery(kinds=tuple(k.value for k in kinds) if kinds else leads_module.KINDS,
                                   year=year, since=since, region=region, unit=unit, include_marked=include_marked)
        try:
            page = await asyncio.to_thread(leads_module.story_leads, info.context.db, q, w.size, w.after, w.before,
                                           w.backward)
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
        edges = [StoryLeadEdge(cursor=c, node=_lead(lead)) for lead, c in zip(page.leads, page.cursors)]
        return StoryLeadConnection(
            edges=edges, page_info=page_info(page.has_next, page.has_previous, page.cursors),
            total_count=page.total, hidden_count=page.hidden)

    @strawberry.field(description="Marks on story leads, newest first: who marked what, when (kept after a reopen).")
    async def story_lead_marks(self, info: Ctx, lead: Annotated[Optional[strawberry.ID], strawberry.argument(
                                   description="Only the marks of this lead.")] = None, first: First = None,
                               after: After = None, last: Last = None, before: Before = None) -> Connection[LeadMark]:
        rows = await asyncio.to_thread(leads_module.marks, info.context.db, str(lead) if lead else None)
        return sliced(rows, Window.of(first, after, last, before), lambda r: _mark(dict(r, reopened=False)))

    @strawberry.field(description="Honors by level, the person's region and year, with awards and people per "
                                  "group and in all; the filter is the one of `people`.")
    async def honor_stats(self, info: Ctx, filter: Optional[EntityFilterInput] = None,
                          by: Annotated[Optional[list[HonorDimension]], strawberry.argument(
                              description="Group by these (default: level, region and year).")] = None
                          ) -> HonorStats:
        dims = tuple(d.value for d in by) if by else research.DIMENSIONS
        try:
            found = await asyncio.to_thread(research.honor_stats, info.context.db, _filter(info, filter), dims)
        except ValueError as exc:
            raise BadInput(str(exc)) from exc
        return HonorStats(awards=found["awards"], people=found["people"],
                          rows=[HonorStatsRow(level=stored(HonorLevel, r["level"]), region=r["region"], year=r["year"], awards=r["awards"],
                                              people=r["people"]) for r in found["rows"]])

    @strawberry.field(description="Units (with their parts) or studios ranked by the honored people they hold, "
                                  "with the count per level; the filter (of `people`) picks the honorees.")
    async def honoree_ranking(self, info: Ctx, by: Annotated[HonoreeGroup, strawberry.argument(
                                  description="Units or studios.")] = HonoreeGroup.UNIT,
                              filter: Optional[EntityFilterInput] = None, first: First = None, after: After = None,
                              last: Last = None, before: Before = None) -> Connection[HonoreeTally]:
        db, f = info.context.db, _filter(info, filter)
        return await ranked(
            Window.of(first, after, last, before),
            lambda offset, size: research.honoree_ranking(db, by.value, f, size, offset),
            lambda: research.honoree_ranking_count(db, by.value, f),
            lambda r: HonoreeTally(node=to_entity(r["node"]), honorees=r["honorees"], awards=r["awards"],
                                   national=r["national"], provincial=r["provincial"], city=r["city"],
                                   county=r["county"], names=r["names"]))

    @strawberry.field(description="Mentorship lines from their founders (the filter of `people` picks founders): "
                                  "depth, breadth, honored descendants per generation; most honored first.")
    async def mentorship_lines(self, info: Ctx, filter: Optional[EntityFilterInput] = None, first: First = None,
                               after: After = None, last: Last = None,
                               before: Before = None) -> Connection[MentorshipLine]:
        db, f = info.context.db, _filter(info, filter)
        return await ranked(
            Window.of(first, after, last, before),
            lambda offset, size: research.mentorship_lines(db, f, size, offset),
            lambda: research.mentorship_lines_count(db, f),
            lambda r: MentorshipLine(
                founder=to_entity(r["root"]), depth=r["depth"], breadth=r["breadth"], descendants=r["descendants"],
                honored_descendants=r["honored"],
                generations=[LineageGeneration(generation=g["generation"], people=g["people"], honored=g["honored"],
                                               honored_names=g["names"]) for g in r["generations"]]))

    @strawberry.field(description="Communities of the last `kg analyze`, largest first, with their members, "
                                  "top units and honors (empty before an analysis).")
    async def communities(self, info: Ctx, first: First = None, after: After = None, last: Last = None,
                          before: Before = None) -> Connection[Community]:
        db = info.context.db
        return await ranked(
            Window.of(first, after, last, before),
            lambda offset, size: research.communities(db, size, offset)[0],
            lambda: research.communities(db, 0, 0)[1], _community)

    @strawberry.field(description="People by betweenness: who holds the graph (or one community) together.")
    async def key_people(self, info: Ctx, first: First = None, after: After = None, last: Last = None,
                         before: Before = None, community: Annotated[Optional[strawberry.ID], strawberry.argument(
                             description="Only this community's people.")] = None) -> Connection[Person]:
        db, cid = info.context.db, str(community) if community else None
        return await ranked(
            Window.of(first, after, last, before),
            lambda offset, size: research.key_people(db, size, cid, offset),
            lambda: research.key_people_count(db, cid), to_entity)

    @strawberry.field(description="When the graph measures were last computed, how, and in how long.")
    async def graph_analysis(self, info: Ctx) -> Optional[AnalysisRun]:
        found = await asyncio.to_thread(research.last_analysis, info.context.db)
        return _analysis(found) if found else None


@graphql_input
class MarkStoryLeadInput:
    """A mark to put on a story lead.

    id: The lead (StoryLead.id).
    status: What the team did with it.
    note: Why, for the colleagues.
    """
    id: strawberry.ID
    status: LeadStatus
    note: Optional[str] = None


@graphql_payload
class MarkStoryLeadPayload:
    """The mark put, and the mistakes in the input.

    mark: The mark; null when refused.
    """
    mark: Optional[LeadMark]


@graphql_input
class ReopenStoryLeadInput:
    """The lead to list again.

    id: The lead (StoryLead.id).
    """
    id: strawberry.ID


@graphql_payload
class ReopenStoryLeadPayload:
    """Whether a mark was taken off, and the mistakes in the input.

    reopened: True when a current mark was taken off.
    lead_id: The lead.
    """
    reopened: bool
    lead_id: strawberry.ID


@graphql_input
class AnalyzeGraphInput:
    """How to analyse the graph.

    samples: Betweenness sources sampled (1 to 5000); every node when the graph is smaller.
    """
    samples: int = ANALYSIS_SAMPLES


@graphql_payload
class AnalyzeGraphPayload:
    """The analysis run, and the mistakes in the input.

    run: What was computed, how and in how long.
    """
    run: Optional[AnalysisRun]


def _lead_call(fn: Any, *args: Any) -> Any:
    """The core's lead errors as the API's: an unknown lead is NOT_FOUND, anything else BAD_INPUT."""
    try:
        return fn(*args)
    except leads_module.LeadError as exc:
        raise (NotFound(str(exc)) if "no such" in str(exc) else BadInput(str(exc))) from exc


@strawberry.type
class LeadsMutation:
    @strawberry.mutation(description="Mark a story lead USED or NOT_INTERESTING (editor); it leaves the list "
                                     "until a new fact about its people arrives. Kept with who and when.",
                         permission_classes=[IsEditor])
    async def mark_story_lead(self, info: Ctx, input: Annotated[MarkStoryLeadInput, strawberry.argument(description=INPUT)]) -> MarkStoryLeadPayload:
        who = info.context.user or info.context.role or "?"
        row, errors = await attempt(lambda: _lead_call(leads_module.mark, info.context.db, str(input.id),
                                                       input.status.value, who, input.note), "id")
        return MarkStoryLeadPayload(mark=_mark(dict(row, reopened=False, current=True)) if row else None,
                                    user_errors=errors)

    @strawberry.mutation(description="Take the current mark off a lead (editor): it is listed again.",
                         permission_classes=[IsEditor])
    async def reopen_story_lead(self, info: Ctx, input: Annotated[ReopenStoryLeadInput, strawberry.argument(description=INPUT)]) -> ReopenStoryLeadPayload:
        who = info.context.user or info.context.role or "?"
        done, errors = await attempt(lambda: _lead_call(leads_module.reopen, info.context.db, str(input.id), who),
                                     "id")
        return ReopenStoryLeadPayload(reopened=bool(done), lead_id=input.id, user_errors=errors)

    @strawberry.mutation(description="Compute degree, betweenness and communities now (admin); minutes on a "
                                     "large graph, where `kg analyze` shows progress.",
                         permission_classes=[AdminOnly])
    async def analyze_graph(self, info: Ctx, input: Annotated[Optional[AnalyzeGraphInput], strawberry.argument(
            description="How (optional: the defaults suit most graphs).")] = None) -> AnalyzeGraphPayload:
        samples = input.samples if input is not None else ANALYSIS_SAMPLES
        if not 1 <= samples <= 5000:
            return AnalyzeGraphPayload(run=None, user_errors=[UserError(
                field="input.samples", message="samples must be between 1 and 5000", code=ErrorCode.BAD_INPUT)])
        from graph import analyze as analysis  # numpy: loaded for the analysis only

        report = await asyncio.to_thread(analysis.analyze, info.context.db, samples)
        found = await asyncio.to_thread(research.last_analysis, info.context.db)
        return AnalyzeGraphPayload(run=_analysis(found or {**report.to_json(), "edges": report.edges}), user_errors=[])
