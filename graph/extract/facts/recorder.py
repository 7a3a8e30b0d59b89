"""Where the fact families put what they find: each fact once (the first year given
wins; a later one fills a missing year), with its evidence sentence and its offsets in
the original text; and the counted awards (aggregates)."""
from __future__ import annotations

from typing import Any

from graph.extract.document import Document, Mention, Span
from graph.facts import Aggregate, Fact, Ref

Key = tuple[str, str]
"""(type, name) of an entity."""


def ref(m: Mention) -> Key:
    return (m.type, m.name)


class FactRecorder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.facts: list[Fact] = []
        self.seen: set[tuple[str, Ref, Ref]] = set()
        self.aggregates: list[Aggregate] = []
        self.unnamed = {("Person", m.name) for m in doc.mentions if m.props.get("unnamed")}
        """杨师傅 and the like: no fact may name them."""

    def evidence(self, s: int, e: int) -> tuple[str, int, int]:
        return self.doc.evidence(s, e)

    def add(self, type_: str, subj: Key, obj: Key, sent: Span, year: int | None = None, **props: Any) -> None:
        """Record a fact unless a side is unnamed or both are the same."""
        if not subj[1] or not obj[1] or subj == obj or subj in self.unnamed or obj in self.unnamed:
            return
        a, b = Ref(*subj), Ref(*obj)
        key = (type_, a, b)
        if key in self.seen:
            if year is not None:
                for f in self.facts:
                    if (f.type, f.subject, f.object) == key and f.year is None:
                        f.year = year
            return
        self.seen.add(key)
        ev, os_, oe = self.evidence(*sent)
        self.facts.append(Fact(type_, a, b, ev, year=year, start=os_, end=oe,
                               props={k: v for k, v in props.items() if v is not None}))

    def narrow(self, type_: str, subj: Key, broad: Key, narrow: Key, sent: Span, year: int | None = None) -> None:
        """Replace subj → broad by subj → narrow, when a later reading finds the more specific
        object of the same statement (an item's unit, then its section in parentheses)."""
        key = (type_, Ref(*subj), Ref(*broad))
        old = next((f for f in self.facts if (f.type, f.subject, f.object) == key), None)
        if old is not None:
            self.facts.remove(old)
            self.seen.discard(key)
            year = year if year is not None else old.year
        self.add(type_, subj, narrow, sent, year=year)

    def derive(self, type_: str, subj: Key, obj: Key, source: Fact) -> None:
        """Record a fact that follows from another one, with that one's evidence and year."""
        a, b = Ref(*subj), Ref(*obj)
        key = (type_, a, b)
        if key in self.seen or not subj[1] or not obj[1] or subj == obj:
            return
        self.seen.add(key)
        self.facts.append(Fact(type_, a, b, source.evidence, year=source.year, start=source.start, end=source.end))

    def add_aggregate(self, honor: str, count: int, recipient_kind: str, region: str | None, year: int | None,
                      sent: Span) -> None:
        ev, os_, oe = self.evidence(*sent)
        self.aggregates.append(Aggregate(honor, count, recipient_kind, region, year, ev, os_, oe))
