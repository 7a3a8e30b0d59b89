"""GraphQL types: entities, sources and the facts between them, each fact with its
evidence and sources. Relationship fields load through per-request DataLoaders, so a
nested request costs one Cypher statement per level, not one per row."""
from __future__ import annotations

import json
from typing import Annotated, Any, Awaitable, Optional

import strawberry
from strawberry.types import Info

from api.context import Context
from api.described import graphql_interface, graphql_type
from api.limits import cost
from api.loaders import LINEAGE_DEPTH, mentioned_key, tree_facts_asked, whole_people_asked
from api.relay import AFTER, BEFORE, FIRST, LAST, Connection, Window, ranked, sliced
from api.enums import (
    Direction, EntityType, FactType, HonorLevel, RecipientKind, RegionKind, SourceKind, TimelineEventType, stored,
)
from graph import read
from graph.vocabulary import FACT_TYPES, READING

Ctx = Info[Context, None]


# ---------------------------------------------------------------- provenance


@graphql_type
class Source:
    """Where a fact comes from: an article, a roster row or a manual edit.

    id: The article's or roster's id (`manual:<who>` for an edit).
    kind: Article, roster or manual edit.
    title: The article's or roster's title.
    date: The article's date (ISO).
    url: Where the article was published.
    publisher: Who published the article.
    locator: chars start-end in an article, or roster row
    evidence: The sentence or roster row stating the fact.
    synthetic: the source says its data is synthetic (合成数据): not about real people
    """
    id: strawberry.ID
    kind: SourceKind
    title: Optional[str]
    date: Optional[str]
    url: Optional[str]
    publisher: Optional[str]
    locator: Optional[str]
    evidence: Optional[str]
    synthetic: bool = False


def sources_of(info: Ctx, props: dict[str, Any]) -> list[Source] | Awaitable[list[Source]]:
    """A fact's sources: at once when its statement brought them (`_sources`, see
    graph/read.py), else through the request's loader. Not a coroutine in the first case, so
    a list of hundreds of facts costs no awaits."""
    embedded = props.get("_sources")
    if embedded is not None:
        return _sources(props, {s["id"]: s for s in embedded})
    return _load_sources(info, props)


async def _load_sources(info: Ctx, props: dict[str, Any]) -> list[Source]:
    ids = [i for i in props.get("sourceIds") or [] if not i.startswith("manual:")]
    found = await info.context.loaders.sources.load_many(ids)
    return _sources(props, {s["id"]: s for s in found if s})


def _sources(props: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[Source]:
    ids = list(props.get("sourceIds") or [])
    evidence = list(props.get("evidence") or [])
    locators = list(props.get("locators") or [])
    out = []
    for n, sid in enumerate(ids):
        s = by_id.get(sid, {})
        out.append(Source(
            id=strawberry.ID(sid),
            kind=stored(SourceKind, s.get("kind", "manual" if sid.startswith("manual:") else "unknown"))
            or SourceKind.UNKNOWN,
            title=s.get("title"), date=s.get("date"), url=s.get("url"), publisher=s.get("publisher"),
            locator=locators[n] if n < len(locators) else None,
            evidence=evidence[n] if n < len(evidence) else None, synthetic=bool(s.get("synthetic")),
        ))
    return out


def evidence_sources(root: Any, info: Ctx) -> list[Source]:
    """The `sources` of a fact or a drawn edge (anything holding a fact's `props`): one resolver
    for both, so they read their sources alike."""
    return sources_of(info, root.props)  # type: ignore[return-value]  # a list, or awaited by graphql-core


@graphql_interface
class Fact:
    """A relationship between two entities, with its provenance.

    type: The relationship type.
    year: The year the fact holds from (an award's, a mentorship's).
    role: The role stated with it (职务, studio role …).
    evidence: The sentences and rows stating it, one per source.
    """
    type: FactType
    year: Optional[int]
    role: Optional[str]
    evidence: list[str]
    props: strawberry.Private[dict[str, Any]]
    sources: list[Source] = strawberry.field(resolver=evidence_sources,
                                             description="Article or roster of each evidence entry, in the same order.")


def fact_fields(link: dict[str, Any]) -> dict[str, Any]:
    props = link["props"]
    return {"type": FactType(link["type"]), "year": props.get("year"), "role": props.get("role"),
            "evidence": list(props.get("evidence") or []), "props": props}


# ---------------------------------------------------------------- entities


@graphql_interface
class Node:
    """Anything with a stable id (Relay).

    id: Stable and opaque; an id absorbed by a merge still answers.
    """
    id: strawberry.ID


@graphql_interface
class Entity(Node):
    """A person, unit, honor, studio, project, village or region.

    name: The name as the graph keeps it (simplified characters).
    aliases: Other names: short forms, spellings merged away.
    """
    name: str
    aliases: list[str]
    raw: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="Every fact of this entity, both directions; filter by type.")
    async def links(self, info: Ctx, types: Annotated[Optional[list[FactType]], strawberry.argument(
            description="Only facts of these types (default: all).")] = None) -> list["Link"]:
        if types == []:  # no type asked for: no facts (null or absent means every type)
            return []
        return [to_link(r) for r in await facts_of(info, str(self.id), *(t.value for t in types or []))]

    @strawberry.field(description="Articles and rosters that mention this entity: the sentence, the words used.")
    async def mentions(self, info: Ctx) -> list["Mention"]:
        rows = await info.context.loaders.mentions.load(str(self.id))
        return [Mention(source=to_node(r["sourceNode"]), spans=r["spans"] or [], evidence=r["sentences"],
                        names=r["names"]) for r in rows]


async def facts_of(info: Ctx, entity_id: str, *types: str) -> Any:
    """An entity's facts of these types (all types when none are named), with the other end:
    through the request's loader, which reads each level's facts in one statement
    (api/loaders.py `Facts`)."""
    return await info.context.loaders.links.load((entity_id, frozenset(types or FACT_TYPES)))


async def _links(entity: Entity, info: Ctx, rel: str, out: bool) -> list[dict[str, Any]]:
    return [r for r in await facts_of(info, str(entity.id), rel) if r["out"] == out]


FirstArg = Annotated[Optional[int], strawberry.argument(description=FIRST)]
AfterArg = Annotated[Optional[str], strawberry.argument(description=AFTER)]
LastArg = Annotated[Optional[int], strawberry.argument(description=LAST)]
BeforeArg = Annotated[Optional[str], strawberry.argument(description=BEFORE)]


async def nested(info: Ctx, entity: Entity, rel: str, out: bool, w: Window, make: Any,
                 year: Optional[int] = None) -> Connection[Any]:
    """A page of one kind of an entity's facts (an honor's recipients, a unit's people), in the
    order of the other end's sort key. The request's links loader holds them for the whole
    level; a node with more than it holds (LINKS_PER_NODE) pages in Cypher instead."""
    rows = await facts_of(info, str(entity.id), rel)
    if rows.complete:
        chosen = [r for r in rows if r["out"] == out
                  and (year is None or r["props"].get("year") == year)]
        chosen.sort(key=lambda r: (r["other"].get("sortKey") or "", r["other"]["id"]))
        return sliced(chosen, w, make)
    db = info.context.db

    def fetch(offset: int, limit: int) -> list[dict[str, Any]]:
        return read.links_page(db, str(entity.id), [rel], out, None, year, offset, limit)[0]

    return await ranked(w, fetch, lambda: read.links_page(db, str(entity.id), [rel], out, None, year, 0, 0)[1], make)


@graphql_type
class Mention:
    """A source (article or roster) that mentions an entity.

    source: The article or roster.
    spans: character spans (start-end) in the article
    evidence: the sentence of each mention
    names: the words the source used for the entity
    """
    source: Node
    spans: list[str]
    evidence: list[str]
    names: list[str]

    @strawberry.field(description="The article, when the source is one.")
    def article(self) -> Optional["Article"]:
        return self.source if isinstance(self.source, Article) else None

    @strawberry.field(description="The roster, when the source is one.")
    def roster(self) -> Optional["Roster"]:
        return self.source if isinstance(self.source, Roster) else None


@graphql_type
class Mentioned:
    """An entity a source mentions, where.

    node: The entity mentioned.
    spans: Character spans (start-end) of each mention.
    """
    node: "Entity"
    spans: list[str]


async def _mentioned(source: Any, info: Ctx, types: Optional[list[EntityType]],
                     first: Optional[int]) -> list[Mentioned]:
    key = mentioned_key(str(source.id), tuple(t.value for t in types) if types else None, first)
    rows = await info.context.loaders.mentioned.load(key)
    return [Mentioned(node=to_entity(r["node"]), spans=r["spans"] or []) for r in rows]


@graphql_type
class Link(Fact):
    """A fact seen from one end: the other entity and the direction.

    direction: OUT when this entity is the subject, else IN
    node: The entity at the other end.
    """
    direction: Direction
    node: Entity

    @strawberry.field(description="The fact read aloud: 张继东 —获评→ 全国劳动模范")
    def reading(self) -> str:
        verb = READING.get(self.type.value, self.type.value)
        return f"—{verb}→ {self.node.name}" if self.direction == Direction.OUT else f"←{verb}— {self.node.name}"


def to_link(row: dict[str, Any]) -> Link:
    return Link(direction=Direction.OUT if row["out"] else Direction.IN, node=to_entity(row["other"]), **fact_fields(row))


@graphql_type
class HonorAward(Fact):
    """A person received an honor (a unit or team may too).

    honor: The honor title.
    recipient: The person, unit or team that received it.
    """
    honor: "Honor"
    recipient: Entity


@graphql_type
class Mentorship(Fact):
    """Who mentors whom (师傅 → 徒弟).

    mentor: The master (师傅).
    mentee: The apprentice (徒弟).
    """
    mentor: "Person"
    mentee: "Person"

    @strawberry.field(description="The year the mentorship began, where a source says.")
    def since(self) -> Optional[int]:
        return self.props.get("since") or self.props.get("year")


@graphql_type
class Employment(Fact):
    """A person works at a unit, in a role.

    person: Who works there.
    unit: Where.
    """
    person: "Person"
    unit: "Unit"


@graphql_type
class StudioRole(Fact):
    """A person leads (LEADS) or is a member of (MEMBER_OF) a studio.

    person: The leader or member.
    studio: The studio.
    """
    person: "Person"
    studio: "Studio"


@graphql_type
class TimelineEvent:
    """A dated fact in a person's life, in order.

    year: The year of the event.
    date: The exact date, where the source gives one.
    type: A fact's type, or MENTIONED for an article.
    description: The event in one line.
    evidence: The sentences behind it.
    """
    year: Optional[int]
    date: Optional[str]
    type: TimelineEventType
    description: str
    evidence: list[str]


@graphql_type
class LineageNode:
    """A mentorship tree: a person and their mentees, to a depth.

    person: The person at this place of the tree.
    depth: 0 for the root, 1 for 徒弟, 2 for 徒孙 …
    mentees: Their mentees, one level down.
    """
    person: "Person"
    depth: int
    mentees: list["LineageNode"]


def _entity_kwargs(node: dict[str, Any]) -> dict[str, Any]:
    return {"id": strawberry.ID(node["id"]), "name": node.get("name") or "",
            "aliases": list(node.get("aliases") or []), "raw": node}


def personal(key: str, description: str, kind: type = str) -> Any:
    """A field of personal data (graph/vocabulary.py PERSONAL_PROPERTIES): its value for editors
    and admins, null for anyone else — the SeesPersonalData permission class decides, nowhere else."""
    from api.permissions import personal_extensions

    def resolve(root: Any) -> Any:
        value = root.raw.get(key)
        return kind(value) if value is not None else None

    resolve.__annotations__ = {"root": strawberry.Parent[Any], "return": Optional[kind]}
    return strawberry.field(resolver=resolve, description=description, extensions=personal_extensions())


@graphql_type
class Person(Entity):
    """A model worker, or anyone linked to one (mentee, student).

    gender: 男 or 女, as the sources state it.
    sector: The sector of the person's work (乡村振兴, 匠心传承 …).
    region: The region the person lives or works in.
    """
    gender: Optional[str]
    sector: Optional[str]
    region: Optional[str]

    @strawberry.field(description="Record ids the sources gave (source:id); they survive merges.")
    async def external_ids(self, info: Ctx) -> list[str]:
        return await info.context.loaders.external_ids.load(str(self.id))

    phone: Optional[str] = personal("phone", "Personal data: editor and admin only.")
    id_number: Optional[str] = personal("idNumber", "Personal data: editor and admin only.")
    birth_date: Optional[str] = personal("birthDate", "Personal data: editor and admin only.")
    address: Optional[str] = personal("address", "Personal data: editor and admin only.")
    birth_year: Optional[int] = personal("birthYear", "Personal data (used for matching): editor and admin only.",
                                         int)
    email: Optional[str] = personal("email", "Personal data: editor and admin only.")
    ethnicity: Optional[str] = personal("ethnicity", "Personal data (民族): editor and admin only.")
    political_status: Optional[str] = personal("politicalStatus", "Personal data (政治面貌): editor and admin only.")
    education: Optional[str] = personal("education", "Personal data (学历): editor and admin only.")
    note: Optional[str] = personal("note", "Free text a roster gave (备注, 事迹): editor and admin only.")
    extra: Optional[str] = personal("extra", "A roster's columns nobody declared, as JSON: editor and admin only.")

    @strawberry.field(description="Degree and betweenness from the last `kg analyze` (null before one).")
    def centrality(self) -> Optional[Annotated["Centrality", strawberry.lazy("api.schema_leads")]]:
        from api.schema_leads import centrality_of

        return centrality_of(self.raw)

    @strawberry.field(description="The community the last `kg analyze` placed this person in.")
    async def community(self, info: Ctx) -> Optional[Annotated["Community", strawberry.lazy("api.schema_leads")]]:
        from api.schema_leads import community_of

        return await community_of(info, self.raw)

    @strawberry.field(description="Who taught this person (师傅).")
    async def mentors(self, info: Ctx) -> list[Mentorship]:
        return [Mentorship(mentor=to_entity(r["other"]), mentee=self, **fact_fields(r))
                for r in await _links(self, info, "MENTORS", out=False)]

    @strawberry.field(description="Whom this person taught (徒弟).")
    async def mentees(self, info: Ctx) -> list[Mentorship]:
        return [Mentorship(mentor=self, mentee=to_entity(r["other"]), **fact_fields(r))
                for r in await _links(self, info, "MENTORS", out=True)]

    @strawberry.field(description="The mentorship tree below this person, depth 1 to 5.")
    async def lineage(self, info: Ctx, depth: Annotated[int, strawberry.argument(
            description="Generations below: 1 (徒弟) to 5.")] = LINEAGE_DEPTH) -> LineageNode:
        from api.errors import BadInput

        if not 1 <= depth <= 5:
            raise BadInput("depth must be between 1 and 5")
        kinds = tree_facts_asked(info.selected_fields[0].selections)
        _, rows = info.context.loaders.lineage(str(self.id), depth, kinds)
        children: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            children.setdefault(r["mentor"], []).append(r)
        by_id = {r["mentee"]: r["node"] for r in rows}

        def build(person: Person, level: int, seen: frozenset[str]) -> LineageNode:
            kids = [] if level >= depth else [
                build(to_entity(by_id[r["mentee"]]), level + 1, seen | {r["mentee"]})
                for r in children.get(str(person.id), []) if r["mentee"] in by_id and r["mentee"] not in seen
            ]
            return LineageNode(person=person, depth=level, mentees=kids)

        return build(self, 0, frozenset({str(self.id)}))

    @strawberry.field(description="Honors received, with year and sources, in year order (undated last).")
    async def honors(self, info: Ctx) -> list[HonorAward]:
        rows = sorted(await _links(self, info, "RECEIVED", out=True),
                      key=lambda r: (r["props"].get("year") is None, r["props"].get("year") or 0,
                                     r["other"].get("name") or ""))
        return [HonorAward(honor=to_entity(r["other"]), recipient=self, **fact_fields(r)) for r in rows]

    @strawberry.field(description="Units this person works or worked at.")
    async def units(self, info: Ctx) -> list[Employment]:
        return [Employment(person=self, unit=to_entity(r["other"]), **fact_fields(r))
                for r in await _links(self, info, "WORKS_AT", out=True)]

    @strawberry.field(description="People of the same unit.", metadata=cost(20))
    async def colleagues(self, info: Ctx) -> list["Person"]:
        loaders = info.context.loaders
        whole = whole_people_asked(info.selected_fields[0].selections)
        return [to_entity(r) for r in await (loaders.colleagues_whole if whole else loaders.colleagues).load(str(self.id))]

    @strawberry.field(description="Studios this person leads or belongs to.")
    async def studios(self, info: Ctx) -> list[StudioRole]:
        return [StudioRole(person=self, studio=to_entity(r["other"]), **fact_fields(r))
                for r in await facts_of(info, str(self.id), "LEADS", "MEMBER_OF") if r["out"]]

    @strawberry.field(description="Projects this person takes part in.")
    async def projects(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PARTICIPATES_IN", out=True)]

    @strawberry.field(description="Villages this person serves or is assigned to.")
    async def villages(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await facts_of(info, str(self.id), "SERVES", "ASSIGNED_TO")
                if r["out"] and r["other"]["label"] == "Village"]

    @strawberry.field(description="Places this person was assigned to (挂职).")
    async def assignments(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "ASSIGNED_TO", out=True)]

    @strawberry.field(description="Dated facts in order: honors, mentorships, assignments, articles.")
    async def timeline(self, info: Ctx) -> list[TimelineEvent]:
        rows = await facts_of(info, str(self.id))
        events = []
        for r in rows:
            year = r["props"].get("year") or r["props"].get("since") or r["props"].get("from")
            if year is None:
                continue
            verb = READING.get(r["type"], r["type"])
            text = f"{self.name} {verb} {r['other'].get('name')}" if r["out"] else \
                f"{r['other'].get('name')} {verb} {self.name}"
            events.append(TimelineEvent(year=int(str(year)[:4]), date=None, type=TimelineEventType(r["type"]), description=text,
                                        evidence=list(r["props"].get("evidence") or [])))
        for m in await self.mentions(info):
            date = getattr(m.source, "date", None)
            if date and str(date)[:4].isdigit():
                events.append(TimelineEvent(year=int(str(date)[:4]), date=str(date), type=TimelineEventType.MENTIONED,
                                            description=f"《{getattr(m.source, 'title', '')}》提及{self.name}",
                                            evidence=m.evidence))
        return sorted(events, key=lambda e: (e.year or 0, e.date or "", e.type.value))


@graphql_type
class Unit(Entity):
    """An employer or organisation; a team (班组) is a Unit of kind team.

    kind: company, hospital, school, union, association, team …
    region: The region the unit is in.
    """
    kind: Optional[str]
    region: Optional[str]

    @strawberry.field(description="People who work here, in pinyin order of their names (a Relay connection).")
    async def people(self, info: Ctx, first: FirstArg = None, after: AfterArg = None, last: LastArg = None,
                     before: BeforeArg = None) -> Connection[Employment]:
        return await nested(info, self, "WORKS_AT", False, Window.of(first, after, last, before),
                            lambda r: Employment(person=to_entity(r["other"]), unit=self, **fact_fields(r)))

    @strawberry.field(description="Honors the unit itself received (奖状, 先锋号).")
    async def honors(self, info: Ctx) -> list[HonorAward]:
        return [HonorAward(honor=to_entity(r["other"]), recipient=self, **fact_fields(r))
                for r in await _links(self, info, "RECEIVED", out=True)]

    @strawberry.field(description="Studios hosted by this unit.")
    async def studios(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "HOSTED_BY", out=False)]

    @strawberry.field(description="Parent unit and place (PART_OF, LOCATED_IN).")
    async def parents(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await facts_of(info, str(self.id), "PART_OF", "LOCATED_IN") if r["out"]]

    @strawberry.field(description="Child units (分公司, 班组).")
    async def parts(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PART_OF", out=False)]


@graphql_type
class Honor(Entity):
    """An honor title (not an award event).

    level: Who awards it: national, provincial, city, county.
    issuer: The awarding body.
    recipient_kind: Awarded to people, units or teams.
    """
    level: Optional[HonorLevel]
    issuer: Optional[str]
    recipient_kind: Optional[RecipientKind]

    @strawberry.field(description="Who received it, with year and sources, in pinyin order of the recipients' "
                                  "names (a Relay connection).")
    async def recipients(self, info: Ctx, year: Annotated[Optional[int], strawberry.argument(
                             description="Only the awards of this year.")] = None,
                         first: FirstArg = None, after: AfterArg = None, last: LastArg = None,
                         before: BeforeArg = None) -> Connection[HonorAward]:
        return await nested(info, self, "RECEIVED", False, Window.of(first, after, last, before),
                            lambda r: HonorAward(honor=self, recipient=to_entity(r["other"]), **fact_fields(r)),
                            year=year)


@graphql_type
class Studio(Entity):
    """An innovation studio (劳模创新工作室, 技能大师工作室).

    level: The level of the studio's title.
    """
    level: Optional[HonorLevel]

    @strawberry.field(description="Who leads the studio (LEADS).")
    async def leaders(self, info: Ctx) -> list[StudioRole]:
        return [StudioRole(person=to_entity(r["other"]), studio=self, **fact_fields(r))
                for r in await _links(self, info, "LEADS", out=False)]

    @strawberry.field(description="Its members (MEMBER_OF).")
    async def members(self, info: Ctx) -> list[StudioRole]:
        return [StudioRole(person=to_entity(r["other"]), studio=self, **fact_fields(r))
                for r in await _links(self, info, "MEMBER_OF", out=False)]

    @strawberry.field(description="The unit hosting the studio.")
    async def units(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "HOSTED_BY", out=True)]


@graphql_type
class Project(Entity):
    """A programme or project, with outcomes where the source states them."""
    @strawberry.field(description="Measurable results as the source states them (户, 人次, 元 …).")
    def outcomes(self) -> list[str]:
        value = self.raw.get("outcomes")
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                value = [value]
        if isinstance(value, dict):
            value = [value]
        return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value or []]

    @strawberry.field(description="People and units taking part (PARTICIPATES_IN), with their roles.")
    async def participants(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PARTICIPATES_IN", out=False)]

    @strawberry.field(description="Villages the project serves (SERVES).")
    async def villages(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "SERVES", out=True)]


@graphql_type
class Village(Entity):
    """A village or community served."""
    @strawberry.field(description="Projects serving the village.")
    async def projects(self, info: Ctx) -> list[Link]:
        rows = await _links(self, info, "SERVES", out=False)
        return [to_link(r) for r in rows if r["other"]["label"] == "Project"]

    @strawberry.field(description="People serving or assigned to the village.")
    async def people(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await facts_of(info, str(self.id), "SERVES", "ASSIGNED_TO")
                if not r["out"] and r["other"]["label"] == "Person"]

    @strawberry.field(description="The regions the village lies in (LOCATED_IN).")
    async def regions(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "LOCATED_IN", out=True)]


@graphql_type
class Region(Entity):
    """A province, city, county, district or town; PART_OF forms the hierarchy.

    kind: Province, city, county, district or town.
    """
    kind: Optional[RegionKind]

    @strawberry.field(description="The region above (PART_OF).")
    async def parents(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PART_OF", out=True)]

    @strawberry.field(description="Regions directly below.")
    async def children(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PART_OF", out=False)]

    @strawberry.field(description="Units and villages located here.")
    async def located(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "LOCATED_IN", out=False)]

    @strawberry.field(description="People assigned here (挂职).")
    async def assigned(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "ASSIGNED_TO", out=False)]


MentionedTypes = Annotated[Optional[list[EntityType]], strawberry.argument(description="Only these types (default all).")]
MentionedFirst = Annotated[Optional[int], strawberry.argument(description="At most this many (default 20, at most 100).")]


@graphql_type
class Article(Node):
    """A news article, a source of facts.

    title: The article's title.
    publisher: Who published it.
    date: Its date (ISO).
    url: Where it was published.
    hash: sha256 of its text: the same text loads once.
    """
    title: Optional[str]
    publisher: Optional[str]
    date: Optional[str]
    url: Optional[str]
    hash: Optional[str]

    @strawberry.field(description="Entities the article mentions, in order of first mention.")
    async def mentioned(self, info: Ctx, types: MentionedTypes = None, first: MentionedFirst = None
                        ) -> list[Mentioned]:
        return await _mentioned(self, info, types, first)


@graphql_type
class Roster(Node):
    """An honor roster (CSV/XLSX), a source of facts.

    title: The roster's title (its title line, else the file name).
    path: The file it was loaded from.
    rows: How many rows it has.
    hash: sha256 of the file: the same file loads once.
    """
    title: Optional[str]
    path: Optional[str]
    rows: Optional[int]
    hash: Optional[str]

    @strawberry.field(description="Entities the roster names.")
    async def mentioned(self, info: Ctx, types: MentionedTypes = None, first: MentionedFirst = None
                        ) -> list[Mentioned]:
        return await _mentioned(self, info, types, first)


ENTITY_TYPES: dict[str, type] = {"Person": Person, "Unit": Unit, "Honor": Honor, "Studio": Studio,
                                 "Project": Project, "Village": Village, "Region": Region}


ENUM_PROPERTIES: dict[tuple[str, str], Any] = {
    ("Honor", "level"): HonorLevel, ("Honor", "recipientKind"): RecipientKind, ("Studio", "level"): HonorLevel,
    ("Region", "kind"): RegionKind,
}
"""Stored properties shown as enums (a value outside the set shows as null)."""


def to_entity(node: dict[str, Any]) -> Any:
    label = node.get("label")
    cls = ENTITY_TYPES.get(label)
    if cls is None:
        raise ValueError(f"not an entity: {label}")
    kwargs = _entity_kwargs(node)
    fields = {"Person": ("gender", "sector", "region"), "Unit": ("kind", "region"),
              "Honor": ("level", "issuer", "recipientKind"), "Studio": ("level",), "Region": ("kind",)}
    for key in fields.get(label, ()):
        value = node.get(key)
        kind = ENUM_PROPERTIES.get((label, key))
        kwargs[{"recipientKind": "recipient_kind"}.get(key, key)] = stored(kind, value) if kind else value
    return cls(**kwargs)


def to_node(node: dict[str, Any]) -> Any:
    label = node.get("label")
    if label == "Article":
        return Article(id=strawberry.ID(node["id"]), title=node.get("title"), publisher=node.get("publisher"),
                       date=node.get("date"), url=node.get("url"), hash=node.get("hash"))
    if label == "Roster":
        return Roster(id=strawberry.ID(node["id"]), title=node.get("title"), path=node.get("path"),
                      rows=node.get("rows"), hash=node.get("hash"))
    return to_entity(node)


ALL_TYPES = [Person, Unit, Honor, Studio, Project, Village, Region, Article, Roster, Link, HonorAward,
             Mentorship, Employment, StudioRole]
