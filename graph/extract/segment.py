"""The pieces of the flat text the rules read: sentences, clauses inside a sentence, and
quoted stretches where no place, unit or person is looked for."""
from __future__ import annotations

import re

from graph.extract.document import Document, Span
from graph.extract.normalise import CLAUSE_END, CLOSE_QUOTES, OPEN_QUOTES, SENTENCE_END


def sentences(flat: str) -> list[Span]:
    """[start, end) of each sentence: up to 。！？ or a kept line break (a heading);
    a closing quote after the end mark stays with its sentence."""
    spans = []
    start = 0
    i = 0
    n = len(flat)
    while i < n:
        c = flat[i]
        if c == "\n" or c in SENTENCE_END:
            end = i + 1
            while end < n and flat[end] in CLOSE_QUOTES:
                end += 1
            if c == "\n":
                end = i
            if flat[start:end].strip():
                spans.append((start, end))
            start = end if c != "\n" else i + 1
            i = max(i + 1, start)
            continue
        i += 1
    if flat[start:].strip():
        spans.append((start, n))
    out = []
    for s, e in spans:  # trim leading and trailing whitespace and line breaks
        while s < e and flat[s] in "\n ":
            s += 1
        while e > s and flat[e - 1] in "\n ":
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def clauses(flat: str, s: int, e: int) -> list[Span]:
    """The clauses of a sentence: split at ，；： outside quotes, brackets and 《》."""
    out = []
    start = s
    depth = 0
    for i in range(s, e):
        c = flat[i]
        if c in OPEN_QUOTES or c in "（(《":
            depth += 1
        elif c in CLOSE_QUOTES or c in "）)》":
            depth = max(0, depth - 1)
        elif c in CLAUSE_END and depth == 0:
            out.append((start, i))
            start = i + 1
    out.append((start, e))
    return [(a, b) for a, b in out if a < b]


def quote_regions(flat: str) -> tuple[list[Span], list[Span]]:
    """Short quotes (names, slogans: “朵朵鲜花送劳模”; not speech, which has its commas and
    stops) and book titles 《…》."""
    short = [(m.start(), m.end()) for m in re.finditer(r"[“「『]([^“”「」『』\n，。！？；]{1,24})[”」』]", flat)]
    books = [(m.start(), m.end()) for m in re.finditer(r"《[^《》\n]{1,40}》", flat)]
    return short, books


def inside(pos: int, end: int, regions: list[Span]) -> bool:
    return any(s <= pos and end <= e for s, e in regions)


def segment(doc: Document) -> None:
    """Stage: sentences and quoted stretches of the flat text."""
    doc.sentences = sentences(doc.flat)
    doc.short_quotes, doc.books = quote_regions(doc.flat)
