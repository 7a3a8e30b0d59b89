"""ASSIGNED_TO for postings (挂职, 援疆, 第一书记 …): a person before a move verb (选派到,
派往, 到, 在 …) goes to the last place of the chain right after it (贵州省毕节市纳雍县 →
纳雍县, 纳雍县龙场镇营山村 → 营山村), when the posting cue is in the same sentence around it.
The year is the one written before the destination, else the sentence's, else 同年."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import ASSIGNMENT_CUES, ASSIGNMENT_MOVES, alternation
from graph.extract.years import SAME_YEAR_RE, year_between

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

_CUE = re.compile(alternation(ASSIGNMENT_CUES))
_MOVE = re.compile(r"(?:" + alternation(ASSIGNMENT_MOVES) + ")")


def destination(ms: list[Mention], pos: int) -> Mention | None:
    """The last place of the chain of Regions and Villages that starts right at pos."""
    chain: list[Mention] = []
    for x in ms:
        if x.start < pos or x.type not in ("Region", "Village"):
            continue
        if chain and x.start != chain[-1].end:
            break
        if not chain and x.start - pos > 0:
            break
        chain.append(x)
    return chain[-1] if chain else None


def assignment(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, lead_year: int | None,
               state: Discourse) -> None:
    s, e = sent
    text = flat[s:e]
    if not _CUE.search(text):
        return
    persons = [m for m in ms if m.type == "Person"]
    for m in _MOVE.finditer(text):
        pos = s + m.end()
        dest = destination(ms, pos)
        if dest is None:
            continue
        # only if the posting cue belongs to this destination's run of clauses
        if not _CUE.search(flat[dest.end:e]) and not _CUE.search(flat[s:pos]):
            continue
        subj = [p for p in persons if p.end <= s + m.start()]
        if not subj:
            continue
        year = year_between(flat, s, dest.start) or lead_year
        if year is None and SAME_YEAR_RE.search(text) and state.last_year:
            year = state.last_year
        b.add("ASSIGNED_TO", ref(subj[-1]), ref(dest), sent, year=year)
