"""What a loader hands to the writer: typed entities and facts with their evidence.

Articles and rosters both produce an `Extraction`; resolution against the graph and
the write happen later, in one transaction per source (see graph/ingest.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graph.vocabulary import ENTITY_LABELS as ENTITY_TYPES  # noqa: F401 (re-exported)
from graph.vocabulary import FACT_TYPES  # noqa: F401 (re-exported)


class Ref(NamedTuple):
    """A pointer to an entity by type and canonical name (as `kg extract` prints it). A tuple,
    so that the million lookups of a 100,000-row roster's facts hash and compare in C."""

    type: str
    name: str
    key: str | None = None
    """Tells apart two entities of one source that share a name (roster rows); else None."""

    def to_json(self) -> dict[str, str]:
        return {"type": self.type, "name": self.name}


@dataclass
class Entity:
    """One entity of a source. `spans` are [start, end) character offsets in the text;
    `props` holds what the source says of it (gender, region, level, outcomes …);
    `external_id` is a record id the source gave (roster 编号/工号)."""

    type: str
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    external_id: str | None = None
    key: str | None = None
    """See Ref.key: set by a roster for each row's person, so namesakes stay apart."""
    aliases: list[str] = field(default_factory=list)
    """Other spellings the source uses for it (the written form of a roster's name)."""
    named_only: bool = False
    """A person the source only names as someone's 师傅, not one of its rows: a roster checked
    that the graph has that name, and the graph's one person of it is meant."""

    @property
    def ref(self) -> Ref:
        return Ref(self.type, self.name, self.key)

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "name": self.name, "spans": [list(s) for s in self.spans]}


@dataclass
class Fact:
    """A typed relationship with its evidence: the sentence (article) or row (roster).
    `start`/`end` are the evidence's character offsets in the article; `row` is the
    roster row number (1-based, header is row 1)."""

    type: str
    subject: Ref
    object: Ref
    evidence: str
    year: int | None = None
    start: int | None = None
    end: int | None = None
    row: int | None = None
    props: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "subject": self.subject.to_json(),
            "object": self.object.to_json(),
            "year": self.year,
            "evidence": self.evidence,
        }


@dataclass
class Aggregate:
    """A count stated by a source ("120人获评嘉兴市劳动模范"): a fact about an honor
    and a region, never a set of fake persons."""

    honor: str
    count: int
    recipient_kind: str  # person, unit, team
    region: str | None
    year: int | None
    evidence: str
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "honor": self.honor,
            "count": self.count,
            "recipientKind": self.recipient_kind,
            "region": self.region,
            "year": self.year,
            "evidence": self.evidence,
        }


@dataclass
class Extraction:
    """Everything one source says."""

    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "entities": [e.to_json() for e in self.entities],
            "facts": [f.to_json() for f in self.facts],
        }


@dataclass(frozen=True)
class ArticleMeta:
    """What is known of an article besides its text."""

    title: str
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    path: str | None = None
