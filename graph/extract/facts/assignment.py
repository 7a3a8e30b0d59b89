"""ASSIGNED_TO for postings (挂职, 援疆, 第一书记 …): a person before a move verb (选派到,
派往, 到, 在 …) goes to the last place of the chain right after it (贵州省毕节市纳雍县 →
纳雍县, 纳雍县龙场镇营山村 → 营山村), when the posting cue is in the same sentence around it.
The year is the one written before the destination, else the sentence's, else 同年."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import (
    ASSIGNMENT_CUES,
    ASSIGNMENT_MOVES,
    POSTED_ROLES,
    VILLAGE_ROLES,
    alternation,
    place_of,
)
from graph.extract.years import SAME_YEAR_RE, relative_year, year_between

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
    if not chain:  # 到白岩县人民医院挂职: a unit named with its county
        unit = next((x for x in ms if x.type == "Unit" and x.start == pos), None)
        place = place_of(unit.name) if unit is not None else None
        if unit is not None and place and place.endswith(("县", "旗", "区", "市", "州")):
            return Mention("Unit", unit.name, unit.start, unit.end, {"place": place})
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
        if dest.type == "Unit":  # 到白岩县人民医院挂职副院长: the county of the unit, and a post at the unit
            narrower = any(f.type == "WORKS_AT" and f.subject.name == subj[-1].name and f.object.name != dest.name
                           and f.object.name.startswith(dest.name) for f in b.facts)
            if not narrower:  # …担任护理部副主任: the post's section was read already
                b.add("WORKS_AT", ref(subj[-1]), ref(dest), sent, year=year)
            dest = Mention("Region", dest.props["place"], dest.start, dest.start)
        if year is None and SAME_YEAR_RE.search(text) and state.last_year:
            year = state.last_year
        if year is None:  # 3年前 / 去年 counted from the publication date
            year = relative_year(flat, s, dest.start, state.publication_year, state.publication_month)
        b.add("ASSIGNED_TO", ref(subj[-1]), ref(dest), sent, year=year)


_POSTED = re.compile("(?:" + alternation(POSTED_ROLES) + ")$")
_FORMER_VILLAGE_ROLES = tuple(r.replace("村", "村原", 1).replace("社区", "社区原", 1) for r in VILLAGE_ROLES)
_VILLAGE_ROLE = re.compile("(?:(?<![\u4e00-\u9fff])|(?<=[的是、和与同及]))(?:"
                           + alternation(VILLAGE_ROLES + _FORMER_VILLAGE_ROLES) + ")$")
"""村党支部书记P, 他和村党支部书记P一道, 村原党支部书记P (former posts count): a role of the
village the text is about."""
_SENT_FROM = re.compile(r"从$|由$")
_ASSIGNMENT_AFTER = re.compile(r"(?:到|赴|前往|去|为|担任|任|挂职|驻)")
_SENT_VERBS = re.compile(r"^(?:选派|派驻|派往|抽调|选调|下派|派出|派)")


def village_roles(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, lead_year: int | None,
                  state: Discourse) -> None:
    """A role that names no village is the village the text is about (the last one named):
    驻村第一书记杨帆 → ASSIGNED_TO, with the year the sentence gives; 村党支部书记黄秀英 →
    SERVES. A person sent from a unit (从…供电局选派来的…杨帆) works there."""
    s, e = sent
    for p in [m for m in ms if m.type == "Person" and not m.anaphor]:
        before = flat[max(s, p.start - 10):p.start]
        named = [v for v in ms if v.type == "Village" and not v.anaphor and v.end <= p.start]
        here = named[-1].name if named else state.village  # 在柳树村，村党支部书记赵刚…
        if here and not _POSTED.search(before) and _VILLAGE_ROLE.search(before):
            b.add("SERVES", ref(p), ("Village", here), sent)
            continue
        if state.village and _POSTED.search(before) and not any(
                v.type == "Village" and v.end <= p.start and p.start - v.end <= 8 for v in ms):
            year = year_between(flat, s, p.start) or lead_year or state.relative_year
            b.add("ASSIGNED_TO", ref(p), ("Village", state.village), sent, year=year)
        elif state.village and _VILLAGE_ROLE.search(before):
            b.add("SERVES", ref(p), ("Village", state.village), sent)
        # U选派P到…: the unit that sends the person employs them
        sender = next((u for u in ms if u.type == "Unit" and u.end <= p.start
                       and re.fullmatch(r"(?:先后|再次|又|还)?(?:选派|派出|派驻|抽调|选调|下派|派)(?:了)?(?:[" "\u4e00-\u9fff" r"]{0,6}?)?",
                                        flat[u.end:p.start])
                       and _ASSIGNMENT_AFTER.match(flat, p.end)), None)
        if sender is not None:
            b.add("WORKS_AT", ref(p), ref(sender), sent)
        # 从U选派来的…P / 由U派驻的P
        for u in [m for m in ms if m.type == "Unit" and m.end <= p.start]:
            if _SENT_FROM.search(flat[max(s, u.start - 1):u.start]) and _SENT_VERBS.match(flat[u.end:u.end + 3]) \
                    and not re.search(r"[，。；]", flat[u.end:p.start]):
                b.add("WORKS_AT", ref(p), ref(u), sent)
    # P（作为…，）从U选派到…: the unit the person is sent from employs them (no year: the
    # year dates the posting)
    for u in [m for m in ms if m.type == "Unit" and not m.anaphor]:
        if flat[u.start - 1:u.start] != "从" or not _SENT_VERBS.match(flat[u.end:u.end + 3]):
            continue
        sent_one = next((p for p in reversed(ms) if p.type == "Person" and p.end <= u.start
                         and not re.search(r"[。；]", flat[p.end:u.start])), None)
        if sent_one is not None:
            b.add("WORKS_AT", ref(sent_one), ref(u), sent)


_COMMITTEES = ("村民委员会", "居民委员会")


def committee_members_serve(b: FactRecorder) -> None:
    """Whoever works at a village's committee (乐园村村民委员会主任冯立新) serves that village."""
    for f in list(b.facts):
        if f.type == "WORKS_AT" and f.subject.type == "Person" and f.object.name.endswith(_COMMITTEES):
            village = f.object.name[:-5]
            if len(village) >= 2 and village.endswith(("村", "社区")):
                b.derive("SERVES", (f.subject.type, f.subject.name), ("Village", village), f)
