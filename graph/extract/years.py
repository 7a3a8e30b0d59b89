"""The year of a fact: the year written between its subject and object, else the year
that opens the sentence (2021年，… / 2022年以来，…) before any name, else 同年 (the
last year the text named)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.lexicons import SAME_YEAR, alternation
from graph.extract.normalise import CLAUSE_END

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

YEAR = re.compile(r"((?:19|20)\d{2})年")
SAME_YEAR_RE = re.compile(alternation(SAME_YEAR))


def years(flat: str, s: int, e: int) -> list[tuple[int, int]]:
    """(position, year) of every 19xx年/20xx年 in [s, e)."""
    return [(m.start(), int(m.group(1))) for m in YEAR.finditer(flat, s, e)]


def year_between(flat: str, a: int, b: int) -> int | None:
    """The last year written in [a, b)."""
    ys = years(flat, a, b)
    return ys[-1][1] if ys else None


def leading_year(flat: str, sent: Span, mentions: list[Mention], state: Discourse) -> int | None:
    """A year that opens the sentence (2021年，… / 2022年以来，…) before any person, unit
    or studio and within the first clause (the second, after a short opener: 近日，2023年…),
    or 同年/同一年/当年 at its head."""
    s, e = sent
    first_clause_end = next((i for i in range(s, e) if flat[i] in CLAUSE_END), e)
    if first_clause_end - s <= 4:  # 近日，2023年… / 今年，…
        first_clause_end = next((i for i in range(first_clause_end + 1, e) if flat[i] in CLAUSE_END), e)
    first_entity = min([m.start for m in mentions if m.type in ("Person", "Unit", "Studio")] + [first_clause_end])
    for pos, year in years(flat, s, e):
        if pos < first_entity:
            return year
    head = flat[s:min(e, s + 8)]
    if SAME_YEAR_RE.search(head) and state.last_year:
        return state.last_year
    return None
