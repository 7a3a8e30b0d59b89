"""Every closed set of the API as a GraphQL enum, the same enum for input and output.

GraphQL shows the member names (NATIONAL, PERSON, MENTORS); each member's value is what the
graph stores ("national", "Person", "MENTORS"), so resolvers convert with `Enum(stored)` and
filters with `.value`. Built from graph/vocabulary.py (and the core's own enums where they
exist), so a level, label or fact type added there appears here.
"""
from __future__ import annotations

from enum import Enum
from typing import Any, Optional, TypeVar

import strawberry

from graph import vocabulary as v
from graph.dedupe.pairs import Status, Verdict as CoreVerdict
from graph.dedupe.records import RecordType

E = TypeVar("E", bound=Enum)


def _enum(name: str, description: str, values: dict[str, tuple[str, str]]) -> Any:
    """A GraphQL enum: member name → (stored value, description)."""
    cls = Enum(name, {key: stored for key, (stored, _) in values.items()})  # type: ignore[misc]
    cls.__doc__ = description
    made = strawberry.enum(cls, name=name, description=description)
    for value in made.__strawberry_definition__.values:  # each value's description, as GraphiQL shows it
        value.description = values[value.name][1]
    return made


EntityType = _enum("EntityType", "The kinds of entity (the graph's labels).",
                   {k.label.upper(): (k.label, k.description) for k in v.ENTITY_KINDS})

FactType = _enum("FactType", "The kinds of fact (the graph's relationship types), each read aloud in Chinese.",
                 {t: (t, f"{v.READING[t]}: {about}; {' or '.join(s)} → {' or '.join(o)}")
                  for t, (s, o, about) in v.FACT_KINDS.items()})

SourceKind = _enum("SourceKind", "Where a fact comes from.", {
    "ARTICLE": ("Article", "a news article: the evidence is a sentence, the locator a character span"),
    "ROSTER": ("Roster", "an honor roster: the evidence is the rendered row, the locator its row number"),
    "MANUAL": ("manual", "an edit by staff (the source id names who)"),
    "UNKNOWN": ("unknown", "a source id the graph no longer holds"),
})

HonorLevel = _enum("HonorLevel", "The level of an honor (or studio): who awards it.",
                   {level.upper(): (level, f"{v.HONOR_LEVEL_NAMES[level]} ({'、'.join(words)})")
                    for level, words in v.HONOR_LEVELS.items()})

Direction = _enum("Direction", "Which way a fact points, seen from the entity it is listed on.", {
    "OUT": ("OUT", "this entity is the fact's subject (张继东 —获评→ 全国劳动模范, listed on 张继东)"),
    "IN": ("IN", "this entity is the fact's object (listed on 全国劳动模范)"),
})

RegionKind = _enum("RegionKind", "The rank of a region in the administrative hierarchy.",
                   {k.upper(): (k, word) for k, word in v.REGION_KINDS.items()})
UnitKind = _enum("UnitKind", "What kind of organisation a unit is.",
                 {k.upper(): (k, word) for k, word in v.UNIT_KINDS.items()})
RecipientKind = _enum("RecipientKind", "Who an honor is awarded to.",
                      {k.upper(): (k, word) for k, word in v.RECIPIENT_KINDS.items()})

DuplicateType = _enum("DuplicateType", RecordType.__doc__ or "Which records to look for duplicates among.",
                      {t.name: (t.value, f"{t.value} records") for t in RecordType})
CandidateStatus = _enum("CandidateStatus", Status.__doc__ or "Where a candidate pair stands with staff.", {
    "OPEN": (Status.OPEN.value, "waiting for staff"),
    "UNSURE": (Status.UNSURE.value, "staff looked and could not tell; kept apart from the open queue"),
    "CLOSED": (Status.CLOSED.value, "decided: merged, or judged different"),
})
Verdict = _enum("Verdict", CoreVerdict.__doc__ or "What staff say about a pair of records.", {
    "SAME": (CoreVerdict.SAME.value, "one record: merge them"),
    "DIFFERENT": (CoreVerdict.DIFFERENT.value, "two records: never suggest or merge them again"),
    "UNSURE": (CoreVerdict.UNSURE.value, "cannot tell yet"),
})
MatchDecision = _enum("MatchDecision", "What the thresholds make of a pair's score.", {
    "MATCH": ("match", "above the high threshold: the same record"),
    "REVIEW": ("review", "between the thresholds: for staff to decide"),
    "NEW": ("new", "below the low threshold: different records"),
})

HonorGroup = _enum("HonorGroup", "What honors are concentrated in.", {
    "UNIT": ("Unit", "units, each with its teams and branches"),
    "STUDIO": ("Studio", "innovation studios, by their leaders and members"),
})
HonorDimension = _enum("HonorDimension", "How honors are grouped.", {
    "LEVEL": ("level", "by the honor's level"), "REGION": ("region", "by the person's region"),
    "YEAR": ("year", "by the year of the award"),
})
HonoreeGroup = _enum("HonoreeGroup", "What honorees are counted in.", {
    "UNIT": ("Unit", "units, each with its teams and branches"),
    "STUDIO": ("Studio", "studios, by their leaders and members"),
})

StoryLeadKind = _enum("StoryLeadKind", "What makes a story lead.", {
    "UNSUNG": ("UNSUNG", "a national or provincial honoree no article mentions (or none since `since`)"),
    "LINEAGE": ("LINEAGE", "a mentor whose mentees (and theirs) became honorees"),
    "IMPACT": ("IMPACT", "a person, studio or project whose articles carry numbers"),
    "ANNIVERSARY": ("ANNIVERSARY", "the 5th, 10th, 20th … anniversary of an honor in `year`"),
    "NEW_HONOR": ("NEW_HONOR", "honors of the latest year in the graph"),
    "FAR_FROM_HOME": ("FAR_FROM_HOME", "an assignment (挂职, 援建, 驻村) far from home, and what came of it"),
    "BRIDGE": ("BRIDGE", "a person linking communities that are otherwise apart (after `kg analyze`)"),
})
LeadStatus = _enum("LeadStatus", "What the publicity team did with a lead.", {
    "USED": ("USED", "the team used it (a story, a visit)"),
    "NOT_INTERESTING": ("NOT_INTERESTING", "the team looked and passed"),
})

VocabType = _enum("VocabType", "The kinds of vocabulary a text can discover.", {
    "HONOR": ("Honor", "an honor title (…工匠, …先锋号)"),
    "UNIT": ("Unit", "an employer or organisation"),
    "STUDIO": ("Studio", "an innovation studio"),
})
AuditAction = _enum("AuditAction", "What records staff did.", {
    "MERGE": ("merge", "records merged"),
    "UNMERGE": ("unmerge", "a merge undone"),
    "JUDGE": ("judge", "a verdict on a pair"),
})

TokenRole = _enum("TokenRole", "What a token's holder may do: read, edit (and see personal data), administer.", {
    "READER": ("reader", "reads; no personal data"),
    "EDITOR": ("editor", "edits, curates, merges; sees personal data"),
    "ADMIN": ("admin", "an editor who also issues tokens and runs the analysis"),
})
TokenStatus = _enum("TokenStatus", "Whether a token is still accepted.", {
    "ACTIVE": ("active", "accepted"),
    "EXPIRED": ("expired", "past its expiry"),
    "REVOKED": ("revoked", "ended by an admin"),
})
OrderBy = _enum("OrderBy", "The order of a list of entities: by the pinyin of the name, then the characters, "
                           "then the id (李 李安 连 …), as Chinese readers expect.", {
    "NAME_ASC": ("NAME_ASC", "A to Z by pinyin"), "NAME_DESC": ("NAME_DESC", "Z to A by pinyin"),
})

TimelineEventType = _enum("TimelineEventType", "What a dated event in a person's life is.", {
    **{t: (t, f"a fact: {v.READING[t]}") for t in v.FACT_TYPES},
    "MENTIONED": ("MENTIONED", "an article mentions the person (dated by the article)"),
})

ErrorCode = _enum("ErrorCode", "Why something was refused: the `code` of a userError and the "
                               "`extensions.code` of a GraphQL error.", {
    "BAD_INPUT": ("BAD_INPUT", "the request cannot be done as asked: fix the field named and ask again"),
    "NOT_FOUND": ("NOT_FOUND", "no record with that id"),
    "UNAUTHENTICATED": ("UNAUTHENTICATED", "no token, or an unknown, revoked or expired one"),
    "FORBIDDEN": ("FORBIDDEN", "the token's role may not do this"),
    "TOO_COMPLEX": ("TOO_COMPLEX", "the request asks for too much: depth, aliases, cost or time"),
    "UNAVAILABLE": ("UNAVAILABLE", "the graph database is not reachable; try again shortly"),
    "PERSISTED_QUERY_NOT_FOUND": ("PERSISTED_QUERY_NOT_FOUND",
                                  "the hash names no document yet: send the full text with it once"),
    "INTERNAL": ("INTERNAL", "a bug: the server logged it"),
})


def stored(enum_cls: type[E], value: Any) -> Optional[E]:
    """The member whose value the graph stores (None for a value outside the set)."""
    if value is None:
        return None
    try:
        return enum_cls(value)
    except ValueError:
        return None
