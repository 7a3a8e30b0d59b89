"""The one object every stage of the extractor reads and writes, as spaCy's `Doc`: the
original text and its flat, normalised view with the map back, the sentences, the
tagger's tokens, the mentions and, at the end, the facts.

Stages work on the flat view; every span they keep is turned back into offsets of the
ORIGINAL text through `to_orig`, so evidence and entity spans point into what the user
gave, also across page breaks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graph.facts import Aggregate, Fact

Span = tuple[int, int]
"""[start, end) character offsets."""


class Token(NamedTuple):
    """One word of the tagger, with its tag (PER, ORG, LOC, n, nz, vn …) and flat offsets."""

    word: str
    tag: str
    start: int
    end: int


@dataclass
class Mention:
    """A typed name found in the flat text: Person, Unit, Honor, Studio, Project, Village
    or Region. An anaphor (工作室, 该公司, 他) stands for a named one and starts unnamed."""

    type: str
    name: str
    start: int  # flat offsets
    end: int
    props: dict[str, Any] = field(default_factory=dict)
    anaphor: bool = False


@dataclass
class Document:
    """An article on its way through the pipeline. Metadata is context only: the date's
    year is no fact's year unless the text says so."""

    original: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None

    flat: str = ""
    """The normalised text with line breaks inside sentences and spaces dropped."""
    to_orig: list[int] = field(default_factory=list)
    """Flat offset → original offset, one entry per flat character."""
    sentences: list[Span] = field(default_factory=list)
    short_quotes: list[Span] = field(default_factory=list)
    """Short quoted stretches (names, slogans): no person, place or unit inside."""
    books: list[Span] = field(default_factory=list)
    """Book and programme titles in 《》: no place or unit inside."""

    province: str | None = None
    """The source's province (relative honors like 省劳模 resolve against it)."""
    city: str | None = None
    """The source's city: the place a bare 市 means (a county-level city such as 浏阳市 too)."""
    county: str | None = None
    """The source's most named county or district (a bare 县/区)."""
    places: list[tuple[int, str]] = field(default_factory=list)
    """Every gazetteer place named in the flat text, as (end, name), in text order."""

    tokens: list[Token] = field(default_factory=list)
    candidates: list[Mention] = field(default_factory=list)
    """What the mention finders propose, overlaps included."""
    mentions: list[Mention] = field(default_factory=list)
    """The named mentions that survive overlap resolution, in text order."""
    anaphors: list[Mention] = field(default_factory=list)

    facts: list[Fact] = field(default_factory=list)
    aggregates: list[Aggregate] = field(default_factory=list)
    local_token: Any = None
    """The undo token of the text's own places (lexicons.set_local_places), reset at the end."""

    def orig_span(self, start: int, end: int) -> Span:
        """The original offsets of a flat span."""
        return self.to_orig[start], self.to_orig[end - 1] + 1

    def evidence(self, start: int, end: int) -> tuple[str, int, int]:
        """The original text of a flat span without its line breaks, and its original offsets."""
        os_, oe = self.orig_span(start, end)
        raw = self.original[os_:oe]
        return re.sub(r"\s*\n\s*", "", raw), os_, oe

    def of_type(self, type_: str) -> list[Mention]:
        """The candidates of one type found so far (finders build on each other's results)."""
        return [c for c in self.candidates if c.type == type_]
