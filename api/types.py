"""GraphQL types: entities, sources and the facts between them, each fact with its
evidence and sources. Relationship fields load through per-request DataLoaders, so a
nested request costs one Cypher statement per level, not one per row."""
from __future__ import annotations

import json
from enum import Enum
from typing import Annotated, Any, Awaitable, Optional

import strawberry
from strawberry.types import Info

from api.context import Context
from api.loaders import loader
from graph import read
from graph.vocabulary import READING

Ctx = Info[Context, None]


@strawberry.enum(description="The kinds of entity (graph labels).")
class EntityType(Enum):
    PERSON = "Person"
    UNIT = "Unit"
    HONOR = "Honor"
    STUDIO = "Studio"
    PROJECT = "Project"
    VILLAGE = "Village"
    REGION = "Region"


@strawberry.enum(description="The kinds of fact (relationship types).")
class FactType(Enum):
    MENTORS = "MENTORS"
    WORKS_AT = "WORKS_AT"
    RECEIVED = "RECEIVED"
    LEADS = "LEADS"
    MEMBER_OF = "MEMBER_OF"
    HOSTED_BY = "HOSTED_BY"
    PARTICIPATES_IN = "PARTICIPATES_IN"
    SERVES = "SERVES"
    ASSIGNED_TO = "ASSIGNED_TO"
    LOCATED_IN = "LOCATED_IN"
    PART_OF = "PART_OF"


# ---------------------------------------------------------------- provenance


@strawberry.type(description="Where a fact comes from: an article, a roster row or a manual edit.")
class Source:
    id: str
    kind: str
    title: Optional[str]
    date: Optional[str]
    url: Optional[str]
    publisher: Optional[str]
    locator: Optional[str] = strawberry.field(description="chars start-end in an article, or roster row")
    evidence: Optional[str]
    synthetic: bool = strawberry.field(
        default=False, description="the source says its data is synthetic (合成数据): not about real people")


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
    found = await loader(info.context, "sources").load_many(ids)
    return _sources(props, {s["id"]: s for s in found if s})


def _sources(props: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[Source]:
    ids = list(props.get("sourceIds") or [])
    evidence = list(props.get("evidence") or [])
    locators = list(props.get("locators") or [])
    out = []
    for n, sid in enumerate(ids):
        s = by_id.get(sid, {})
        out.append(Source(
            id=sid, kind=s.get("kind", "manual" if sid.startswith("manual:") else "unknown"),
            title=s.get("title"), date=s.get("date"), url=s.get("url"), publisher=s.get("publisher"),
            locator=locators[n] if n < len(locators) else None,
            evidence=evidence[n] if n < len(evidence) else None, synthetic=bool(s.get("synthetic")),
        ))
    return out


@strawberry.interface(description="A relationship between two entities, with its provenance.")
class Fact:
    type: str
    year: Optional[int]
    role: Optional[str]
    evidence: list[str]
    props: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="Article or roster of each evidence entry, in the same order.")
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, self.props)  # type: ignore[return-value]  # a list, or awaited by graphql-core


def fact_fields(link: dict[str, Any]) -> dict[str, Any]:
    props = link["props"]
    return {"type": link["type"], "year": props.get("year"), "role": props.get("role"),
            "evidence": list(props.get("evidence") or []), "props": props}


# ---------------------------------------------------------------- entities


@strawberry.interface(description="Anything with a stable id (Relay).")
class Node:
    id: strawberry.ID


@strawberry.interface(description="A person, unit, honor, studio, project, village or region.")
class Entity(Node):
    name: str
    aliases: list[str]
    raw: strawberry.Private[dict[str, Any]]

    @strawberry.field(description="Every fact of this entity, both directions; filter by type.")
    async def links(self, info: Ctx, types: Optional[list[FactType]] = None) -> list["Link"]:
        rows = await loader(info.context, "links").load(str(self.id))
        wanted = None if types is None else {t.value for t in types}
        return [to_link(r) for r in rows if wanted is None or r["type"] in wanted]

    @strawberry.field(description="Articles and rosters that mention this entity: the sentence, the words used.")
    async def mentions(self, info: Ctx) -> list["Mention"]:
        rows = await loader(info.context, "mentions").load(str(self.id))
        return [Mention(source=to_node(r["sourceNode"]), spans=r["spans"] or [], evidence=r["sentences"],
                        names=r["names"]) for r in rows]


async def _links(entity: Entity, info: Ctx, rel: str, out: bool) -> list[dict[str, Any]]:
    rows = await loader(info.context, "links").load(str(entity.id))
    return [r for r in rows if r["type"] == rel and r["out"] == out]


@strawberry.type(description="A source (article or roster) that mentions an entity.")
class Mention:
    source: Node
    spans: list[str] = strawberry.field(description="character spans (start-end) in the article")
    evidence: list[str] = strawberry.field(description="the sentence of each mention")
    names: list[str] = strawberry.field(description="the words the source used for the entity")

    @strawberry.field(description="The article, when the source is one.")
    def article(self) -> Optional["Article"]:
        return self.source if isinstance(self.source, Article) else None

    @strawberry.field(description="The roster, when the source is one.")
    def roster(self) -> Optional["Roster"]:
        return self.source if isinstance(self.source, Roster) else None


@strawberry.type(description="An entity a source mentions, where.")
class Mentioned:
    node: "Entity"
    spans: list[str]


async def _mentioned(source: Any, info: Ctx, types: Optional[list[EntityType]],
                     first: Optional[int]) -> list[Mentioned]:
    from api.limits import page_size

    key = (str(source.id), tuple(t.value for t in types) if types else None, page_size(first))
    rows = await loader(info.context, "mentioned").load(key)
    return [Mentioned(node=to_entity(r["node"]), spans=r["spans"] or []) for r in rows]


@strawberry.type(description="A fact seen from one end: the other entity and the direction.")
class Link(Fact):
    direction: str = strawberry.field(description="OUT when this entity is the subject, else IN")
    node: Entity

    @strawberry.field(description="The fact read aloud: 张继东 —获评→ 全国劳动模范")
    def reading(self) -> str:
        verb = READING.get(self.type, self.type)
        return f"—{verb}→ {self.node.name}" if self.direction == "OUT" else f"←{verb}— {self.node.name}"


def to_link(row: dict[str, Any]) -> Link:
    return Link(direction="OUT" if row["out"] else "IN", node=to_entity(row["other"]), **fact_fields(row))


@strawberry.type(description="A person received an honor (a unit or team may too).")
class HonorAward(Fact):
    honor: "Honor"
    recipient: Entity


@strawberry.type(description="Who mentors whom (师傅 → 徒弟).")
class Mentorship(Fact):
    mentor: "Person"
    mentee: "Person"

    @strawberry.field
    def since(self) -> Optional[int]:
        return self.props.get("since") or self.props.get("year")


@strawberry.type(description="A person works at a unit, in a role.")
class Employment(Fact):
    person: "Person"
    unit: "Unit"


@strawberry.type(description="A person leads (LEADS) or is a member of (MEMBER_OF) a studio.")
class StudioRole(Fact):
    person: "Person"
    studio: "Studio"


@strawberry.type(description="A dated fact in a person's life, in order.")
class TimelineEvent:
    year: Optional[int]
    date: Optional[str]
    type: str
    description: str
    evidence: list[str]


@strawberry.type(description="A mentorship tree: a person and their mentees, to a depth.")
class LineageNode:
    person: "Person"
    depth: int
    mentees: list["LineageNode"]


def _entity_kwargs(node: dict[str, Any]) -> dict[str, Any]:
    return {"id": strawberry.ID(node["id"]), "name": node.get("name") or "",
            "aliases": list(node.get("aliases") or []), "raw": node}


@strawberry.type(description="A model worker, or anyone linked to one (mentee, student).")
class Person(Entity):
    gender: Optional[str]
    sector: Optional[str]
    region: Optional[str]

    @strawberry.field(description="Record ids the sources gave (source:id); they survive merges.")
    async def external_ids(self, info: Ctx) -> list[str]:
        return await loader(info.context, "external_ids").load(str(self.id))

    def _private(self, info: Ctx, key: str) -> Optional[str]:
        value = self.raw.get(key)
        return str(value) if value is not None and info.context.is_editor else None

    @strawberry.field(description="Personal data: editor and admin only.")
    def phone(self, info: Ctx) -> Optional[str]:
        return self._private(info, "phone")

    @strawberry.field(description="Personal data: editor and admin only.")
    def id_number(self, info: Ctx) -> Optional[str]:
        return self._private(info, "idNumber")

    @strawberry.field(description="Personal data: editor and admin only.")
    def birth_date(self, info: Ctx) -> Optional[str]:
        return self._private(info, "birthDate")

    @strawberry.field(description="Personal data: editor and admin only.")
    def address(self, info: Ctx) -> Optional[str]:
        return self._private(info, "address")

    @strawberry.field(description="Personal data (used for matching): editor and admin only.")
    def birth_year(self, info: Ctx) -> Optional[int]:
        value = self._private(info, "birthYear")
        return int(value) if value is not None else None

    @strawberry.field(description="Personal data: editor and admin only.")
    def email(self, info: Ctx) -> Optional[str]:
        return self._private(info, "email")

    @strawberry.field(description="Personal data (民族): editor and admin only.")
    def ethnicity(self, info: Ctx) -> Optional[str]:
        return self._private(info, "ethnicity")

    @strawberry.field(description="Personal data (政治面貌): editor and admin only.")
    def political_status(self, info: Ctx) -> Optional[str]:
        return self._private(info, "politicalStatus")

    @strawberry.field(description="Personal data (学历): editor and admin only.")
    def education(self, info: Ctx) -> Optional[str]:
        return self._private(info, "education")

    @strawberry.field(description="Free text a roster gave (备注, 事迹): editor and admin only.")
    def note(self, info: Ctx) -> Optional[str]:
        return self._private(info, "note")

    @strawberry.field(description="A roster's columns nobody declared, as JSON: editor and admin only.")
    def extra(self, info: Ctx) -> Optional[str]:
        return self._private(info, "extra")

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
    async def lineage(self, info: Ctx, depth: int = 3) -> LineageNode:
        from api.errors import BadInput

        if not 1 <= depth <= 5:
            raise BadInput("depth must be between 1 and 5")
        rows = read.lineage(info.context.db, str(self.id), depth)
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

    @strawberry.field(description="People of the same unit.")
    async def colleagues(self, info: Ctx) -> list["Person"]:
        units = await _links(self, info, "WORKS_AT", out=True)
        per_unit = await loader(info.context, "links").load_many([u["other"]["id"] for u in units])
        seen, out = {str(self.id)}, []
        for rows in per_unit:
            for r in rows:
                if r["type"] == "WORKS_AT" and not r["out"] and r["other"]["id"] not in seen:
                    seen.add(r["other"]["id"])
                    out.append(to_entity(r["other"]))
        return out

    @strawberry.field(description="Studios this person leads or belongs to.")
    async def studios(self, info: Ctx) -> list[StudioRole]:
        rows = await loader(info.context, "links").load(str(self.id))
        return [StudioRole(person=self, studio=to_entity(r["other"]), **fact_fields(r))
                for r in rows if r["type"] in ("LEADS", "MEMBER_OF") and r["out"]]

    @strawberry.field(description="Projects this person takes part in.")
    async def projects(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PARTICIPATES_IN", out=True)]

    @strawberry.field(description="Villages this person serves or is assigned to.")
    async def villages(self, info: Ctx) -> list[Link]:
        rows = await loader(info.context, "links").load(str(self.id))
        return [to_link(r) for r in rows
                if r["type"] in ("SERVES", "ASSIGNED_TO") and r["out"] and r["other"]["label"] == "Village"]

    @strawberry.field(description="Places this person was assigned to (挂职).")
    async def assignments(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "ASSIGNED_TO", out=True)]

    @strawberry.field(description="Dated facts in order: honors, mentorships, assignments, articles.")
    async def timeline(self, info: Ctx) -> list[TimelineEvent]:
        rows = await loader(info.context, "links").load(str(self.id))
        events = []
        for r in rows:
            year = r["props"].get("year") or r["props"].get("since") or r["props"].get("from")
            if year is None:
                continue
            verb = READING.get(r["type"], r["type"])
            text = f"{self.name} {verb} {r['other'].get('name')}" if r["out"] else \
                f"{r['other'].get('name')} {verb} {self.name}"
            events.append(TimelineEvent(year=int(str(year)[:4]), date=None, type=r["type"], description=text,
                                        evidence=list(r["props"].get("evidence") or [])))
        for m in await self.mentions(info):
            date = getattr(m.source, "date", None)
            if date and str(date)[:4].isdigit():
                events.append(TimelineEvent(year=int(str(date)[:4]), date=str(date), type="MENTIONED",
                                            description=f"《{getattr(m.source, 'title', '')}》提及{self.name}",
                                            evidence=m.evidence))
        return sorted(events, key=lambda e: (e.year or 0, e.date or "", e.type))


@strawberry.type(description="An employer or organisation; a team (班组) is a Unit of kind team.")
class Unit(Entity):
    kind: Optional[str]
    region: Optional[str]

    @strawberry.field(description="People who work here.")
    async def people(self, info: Ctx) -> list[Employment]:
        return [Employment(person=to_entity(r["other"]), unit=self, **fact_fields(r))
                for r in await _links(self, info, "WORKS_AT", out=False)]

    @strawberry.field(description="Honors the unit itself received (奖状, 先锋号).")
    async def honors(self, info: Ctx) -> list[HonorAward]:
        return [HonorAward(honor=to_entity(r["other"]), recipient=self, **fact_fields(r))
                for r in await _links(self, info, "RECEIVED", out=True)]

    @strawberry.field(description="Studios hosted by this unit.")
    async def studios(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "HOSTED_BY", out=False)]

    @strawberry.field(description="Parent unit and place (PART_OF, LOCATED_IN).")
    async def parents(self, info: Ctx) -> list[Link]:
        rows = await loader(info.context, "links").load(str(self.id))
        return [to_link(r) for r in rows if r["type"] in ("PART_OF", "LOCATED_IN") and r["out"]]

    @strawberry.field(description="Child units (分公司, 班组).")
    async def parts(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PART_OF", out=False)]


@strawberry.type(description="An honor title (not an award event).")
class Honor(Entity):
    level: Optional[str]
    issuer: Optional[str]
    recipient_kind: Optional[str]

    @strawberry.field(description="Who received it, with year and sources.")
    async def recipients(self, info: Ctx, year: Optional[int] = None) -> list[HonorAward]:
        return [HonorAward(honor=self, recipient=to_entity(r["other"]), **fact_fields(r))
                for r in await _links(self, info, "RECEIVED", out=False)
                if year is None or r["props"].get("year") == year]


@strawberry.type(description="An innovation studio (劳模创新工作室, 技能大师工作室).")
class Studio(Entity):
    level: Optional[str]

    @strawberry.field
    async def leaders(self, info: Ctx) -> list[StudioRole]:
        return [StudioRole(person=to_entity(r["other"]), studio=self, **fact_fields(r))
                for r in await _links(self, info, "LEADS", out=False)]

    @strawberry.field
    async def members(self, info: Ctx) -> list[StudioRole]:
        return [StudioRole(person=to_entity(r["other"]), studio=self, **fact_fields(r))
                for r in await _links(self, info, "MEMBER_OF", out=False)]

    @strawberry.field(description="The unit hosting the studio.")
    async def units(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "HOSTED_BY", out=True)]


@strawberry.type(description="A programme or project, with outcomes where the source states them.")
class Project(Entity):
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

    @strawberry.field
    async def participants(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "PARTICIPATES_IN", out=False)]

    @strawberry.field
    async def villages(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "SERVES", out=True)]


@strawberry.type(description="A village or community served.")
class Village(Entity):
    @strawberry.field(description="Projects serving the village.")
    async def projects(self, info: Ctx) -> list[Link]:
        rows = await _links(self, info, "SERVES", out=False)
        return [to_link(r) for r in rows if r["other"]["label"] == "Project"]

    @strawberry.field(description="People serving or assigned to the village.")
    async def people(self, info: Ctx) -> list[Link]:
        rows = await loader(info.context, "links").load(str(self.id))
        return [to_link(r) for r in rows
                if r["type"] in ("SERVES", "ASSIGNED_TO") and not r["out"] and r["other"]["label"] == "Person"]

    @strawberry.field
    async def regions(self, info: Ctx) -> list[Link]:
        return [to_link(r) for r in await _links(self, info, "LOCATED_IN", out=True)]


@strawberry.type(description="A province, city, county, district or town; PART_OF forms the hierarchy.")
class Region(Entity):
    kind: Optional[str]

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


@strawberry.type(description="A news article, a source of facts.")
class Article(Node):
    title: Optional[str]
    publisher: Optional[str]
    date: Optional[str]
    url: Optional[str]
    hash: Optional[str]

    @strawberry.field(description="Entities the article mentions, in order of first mention.")
    async def mentioned(self, info: Ctx, types: Optional[list[EntityType]] = None,
                        first: Optional[int] = None) -> list[Mentioned]:
        return await _mentioned(self, info, types, first)


@strawberry.type(description="An honor roster (CSV/XLSX), a source of facts.")
class Roster(Node):
    title: Optional[str]
    path: Optional[str]
    rows: Optional[int]
    hash: Optional[str]

    @strawberry.field(description="Entities the roster names.")
    async def mentioned(self, info: Ctx, types: Optional[list[EntityType]] = None,
                        first: Optional[int] = None) -> list[Mentioned]:
        return await _mentioned(self, info, types, first)


ENTITY_TYPES: dict[str, type] = {"Person": Person, "Unit": Unit, "Honor": Honor, "Studio": Studio,
                                 "Project": Project, "Village": Village, "Region": Region}


def to_entity(node: dict[str, Any]) -> Any:
    label = node.get("label")
    cls = ENTITY_TYPES.get(label)
    if cls is None:
        raise ValueError(f"not an entity: {label}")
    kwargs = _entity_kwargs(node)
    fields = {"Person": ("gender", "sector", "region"), "Unit": ("kind", "region"),
              "Honor": ("level", "issuer", "recipientKind"), "Studio": ("level",), "Region": ("kind",)}
    for key in fields.get(label, ()):
        kwargs[{"recipientKind": "recipient_kind"}.get(key, key)] = node.get(key)
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
