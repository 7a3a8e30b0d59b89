"""An award the text announces and then names some of its recipients (bench/gold/README.md,
Year rule 2 and "Lists"): "昨日，……表彰今年新评出的西岭省劳动模范" gives that year to the
recipients named later; "我市8人获评…。其中，…", "丁伟、王静等人榜上有名", "A、B和C几位劳模代表",
"作为获评代表上台领奖" name recipients of the award just announced. Who may receive it
follows the title: persons, units (先进集体, 工人先锋号, 文明村) or studios (…工作室)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder, ref
from graph.extract.lexicons import RECEIVE_VERBS, RECIPIENT_GROUPS, alternation
from graph.extract.years import relative_year, year_between
from graph.facts import Aggregate
from graph.honors import canonical_honor

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

_AWARD_CUES = re.compile(r"表彰|授予|命名|公布|发布|评出|评选|获评|获得|荣获|当选|入选|揭晓|颁发|确定|认定|获")
_GROUP = re.compile("(?:" + alternation(RECIPIENT_GROUPS) + ")")
_UNIT_TITLES = ("先进集体", "集体", "先锋号", "奖状", "文明村", "示范村", "示范社", "合作社", "文明单位", "先进单位",
                "文明岗", "班组", "文明号", "示范单位", "示范基地", "模范集体")
_GROUP_TAIL = re.compile(r"[、和与及\s]*(?:等(?:\d+|[一二两三四五六七八九十百]+)?[人名位]?|几位|作为)?[\u4e00-\u9fff]{0,4}")
"""After the last name of a group: 等人, 等45人, 几位劳模代表, 作为获评代表."""
_AWARD_LIFE = 3
"""Sentences an announced award stays open for its recipients to be named."""


_AMONG_THEM = re.compile(r"[^，。；]{0,12}?(?:获评|获奖|受表彰|受到表彰|入选|当选|获此殊荣)的(?:[^，。；]{0,8}?(?:人|名|位|同志)|[\u4e00-\u9fff]{1,6}?)中"
                         r"[，,]?(?:既|也|还)?(?:有|包括)")
"""今年获评的15人中，有A、B… / 在受表彰的工匠中，既有…A、B，也有…C: like 其中, the named are
recipients of the award just announced."""


def recipient_kind(honor: str) -> str:
    """person, unit or studio: who a title goes to."""
    title = canonical_honor(honor)
    if title is not None:
        return title.recipient_kind
    if honor.endswith("工作室"):
        return "studio"
    if honor.endswith(("先锋号", "班组")):
        return "team"
    if honor.endswith(_UNIT_TITLES):
        return "unit"
    return "person"


def _awarded(flat: str, s: int, h: Mention) -> bool:
    return bool(_AWARD_CUES.search(flat, max(s, h.start - 30), h.start))


def _year(flat: str, sent: Span, h: Mention, lead_year: int | None, state: Discourse) -> int | None:
    s, _ = sent
    return year_between(flat, s, h.start) or lead_year \
        or relative_year(flat, s, h.start, state.publication_year, state.publication_month) or state.relative_year


def note_award_years(flat: str, ms: list[Mention], sent: Span, lead_year: int | None, state: Discourse) -> None:
    """The year each honor is announced with (表彰2024年福建省五一劳动奖状、奖章…获得者)."""
    for h in [m for m in ms if m.type == "Honor"]:
        if _awarded(flat, sent[0], h):
            year = _year(flat, sent, h, lead_year, state)
            if year:
                state.award_years.setdefault(h.name, year)


def note_award(flat: str, ms: list[Mention], sent: Span, lead_year: int | None, state: Discourse,
               counted: list[Aggregate]) -> None:
    """After a sentence: the award it announces stays open for the next few sentences."""
    s, _ = sent
    # 入选“浙江工匠”培育工程: a title inside a programme's name is a selection, not an award
    in_programme = {h.name for h in ms if h.type == "Honor" and any(
        p.type == "Project" and p.start <= h.start and h.end <= p.end for p in ms)}
    counted = [c for c in counted if c.honor not in in_programme]
    ms = [m for m in ms if not (m.type == "Honor" and m.name in in_programme)]
    if counted and state.award is not None and "其中" in flat[s:sent[1]] and state.award_age == 0:
        return  # 全省共有500人受到表彰，其中湖北省劳动模范336人: a part of the award announced
    if counted:
        a = counted[-1]
        state.award, state.award_age = (a.honor, a.year or state.award_years.get(a.honor)), 0
        state.award_shared = False
        state.awards = {}
        for c in reversed(counted):  # 授予45名同志…劳动模范称号，授予12个集体…先进集体称号: one per kind
            state.awards.setdefault(recipient_kind(c.honor), (c.honor, c.year or state.award_years.get(c.honor)))
        return
    announced = [h for h in ms if h.type == "Honor" and _awarded(flat, s, h)]
    if announced:
        h = announced[-1]
        state.award = (h.name, _year(flat, sent, h, lead_year, state) or state.award_years.get(h.name))
        state.award_age = 0
        state.award_shared = len({x.name for x in announced}) > 1
        state.awards = {recipient_kind(x.name): (x.name, _year(flat, sent, x, lead_year, state)
                                                 or state.award_years.get(x.name)) for x in reversed(announced)}
        return
    if state.award is not None and any(h.type == "Honor" and h.name == state.award[0] for h in ms):
        state.award_age = 0  # “青川工匠”评选由…开展: the text goes on about the award it announced
        return
    state.award_age += 1
    if state.award_age >= _AWARD_LIFE or "\n\n" in flat[max(0, s - 2):s]:
        state.award = None
        state.awards = {}


def _own_award(flat: str, ms: list[Mention], sent: Span) -> bool:
    """The sentence awards an honor of its own (…曾在2019年获评鞍山市工人先锋号)."""
    s, _ = sent
    for h in ms:
        if h.type == "Honor" and not h.props.get("event"):
            before = flat[s:h.start]
            if any(v in before for v in RECEIVE_VERBS):
                return True
    return False


def recipient_groups(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, state: Discourse) -> None:
    if _named_in_the_same_sentence(flat, b, ms, sent, state) or state.award is None or _own_award(flat, ms, sent):
        return
    s, e = sent
    honor, year = state.award
    kind = recipient_kind(honor)
    text = flat[s:e]
    group = _GROUP.search(text)
    if group and kind != "person" and "person" in state.awards:
        honor, year = state.awards["person"]  # …等45人受到表彰: the persons' award of the two
        kind = "person"
    if text.startswith("其中") or _AMONG_THEM.match(text):
        if kind != "person" and _of_kind(ms, "person", s, e):
            return  # persons named with their units: the units are their employers
        chosen = _of_kind(ms, kind, s, e)
    elif group and kind == "person":
        end = s + group.start()
        people = _of_kind(ms, kind, s, end)
        chosen = []
        for m in reversed(people):  # the list ending right before 等45人受到表彰 / 榜上有名
            tail = flat[m.end:(chosen[0].start if chosen else end)]
            if not chosen and not _GROUP_TAIL.fullmatch(tail) or chosen and re.search(r"[，。；：]", tail):
                break
            chosen.insert(0, m)
    else:
        return
    for m in chosen:
        b.add("RECEIVED", ref(m), ("Honor", honor), sent, year=year)


def _named_in_the_same_sentence(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, state: Discourse) -> bool:
    """…公布2025年H获得者名单，我院心血管内科主任X榜上有名: the persons of the clause that ends on
    榜上有名/上榜/入选 receive the person's honor announced earlier in the sentence."""
    s, e = sent
    group = _GROUP.search(flat, s, e)
    if not group:
        return False
    hs = [m for m in ms if m.type == "Honor" and m.end <= group.start() and recipient_kind(m.name) == "person"]
    clause = max(flat.rfind("，", s, group.start()), flat.rfind("；", s, group.start()))
    if not hs or clause == -1 or hs[-1].end > clause or not _awarded(flat, s, hs[-1]):
        return False
    chosen: list[Mention] = []
    for m in reversed(_of_kind(ms, "person", clause + 1, group.start())):
        tail = flat[m.end:(chosen[0].start if chosen else group.start())]
        if not chosen and not _GROUP_TAIL.fullmatch(tail) or chosen and re.search(r"[，。；：]", tail):
            break
        chosen.insert(0, m)
    h = hs[-1]
    year = year_between(flat, s, h.start) or state.relative_year \
        or relative_year(flat, s, h.start, state.publication_year, state.publication_month)
    for m in chosen:
        b.add("RECEIVED", ref(m), ref(h), sent, year=year)
    return bool(chosen)


def _of_kind(ms: list[Mention], kind: str, s: int, e: int) -> list[Mention]:
    inside = [m for m in ms if s <= m.start and m.end <= e and not m.anaphor and not m.props.get("byline")]
    if kind == "person":
        return [m for m in inside if m.type == "Person"]
    if kind == "studio":
        return [m for m in inside if m.type == "Studio"]
    units = [m for m in inside if m.type == "Unit"]  # unit and team titles
    # the most specific unit of each item: not one whose name another unit's starts with
    return [u for u in units if not any(v is not u and v.name.startswith(u.name) and v.start == u.start for v in units)]
