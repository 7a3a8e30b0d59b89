"""Counted awards are aggregates, never persons: "120人获评嘉兴市劳动模范",
"37家单位获评嘉兴市先进集体", "市劳模3名". The region is the first place named before
the honor (or the source's city/province for 全市/全省, or the issuer of a city or county
title); the year as for facts. "40人入选“浙江工匠”培育工程" is a selection, not an award."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder
from graph.extract.mentions.honors import title_place
from graph.facts import Aggregate
from graph.extract.lexicons import COUNTED_RECEIVE_VERBS, COUNTERS, GROUP_COUNT_VERBS, PERSON_COUNTERS, alternation
from graph.extract.years import relative_year, year_between

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse
from graph.honors import canonical_honor

CJK = r"\u4e00-\u9fff"
_NUM = r"(\d+|[一二两三四五六七八九十百]{1,4})"
_EDITION = r"(?:(?:19|20)\d{2}年(?:度)?|第[一二三四五六七八九十\d]+届|首届)?"
_COUNT_BEFORE = re.compile(_NUM + r"(?:多|余)?(" + alternation(COUNTERS) + r")([" + CJK + r"]{0,4}?)(?:"
                           + alternation(COUNTED_RECEIVE_VERBS) + r")" + _EDITION + r"[“「]?$")
_COUNT_GIVEN = re.compile(r"(?:授予|命名|表彰)[^，。；“”]{0,12}?" + _NUM + r"(?:多|余)?(" + alternation(COUNTERS)
                          + r")([" + CJK + r"]{0,4}?)(?:为)?" + _EDITION + r"[“「]?$")
"""授予28人“浏阳市劳动模范”称号, 命名郭立新等30人为2024年“潍坊工匠”: the count after the verb."""
_COUNT_IN_GROUP = re.compile(r"(?<![\d一二两三四五六七八九十百第])" + _NUM + r"(?:多|余)?(" + alternation(COUNTERS)
                             + r")([" + CJK + r"]{0,4}?)(?:" + alternation(GROUP_COUNT_VERBS) + r")(?=[，。；、]|$)")
"""我市28个集体榜上有名, 6家工作室入选: a count of the award just named."""
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "百": 100}
_COUNT_AFTER = re.compile(r"(?:获得者|得主|称号)?(\d+)(?:多)?(" + alternation(COUNTERS) + ")")


def counted_recipients(before: str) -> re.Match[str] | None:
    """A count, a counter and a receiving verb right before an honor: 120人获评, 37家单位获评,
    10人获评2023年“南粤工匠”; or a verb and a count: 授予28人“…”称号."""
    return _COUNT_BEFORE.search(before) or _COUNT_GIVEN.search(before)


def number(text: str) -> int | None:
    """12, 五, 十二, 二十, 一百 → int."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for c in text:
        v = _CN.get(c)
        if v is None:
            return None
        if v >= 10:
            total += (current or 1) * v
            current = 0
        else:
            current = v
    return total + current


def _kind(honor: str, counter: str) -> str:
    """person, unit, team or studio: the taxonomy's, else the title's head, else the counter."""
    from graph.extract.facts.awards import recipient_kind

    kind = recipient_kind(honor)
    if canonical_honor(honor) is None and kind == "person" and counter not in PERSON_COUNTERS:
        return "unit"
    return kind


def count_facts(flat: str, b: FactRecorder, cms: list[Mention], sent: Span, clause: Span,
                lead_year: int | None, ms: list[Mention], state: Discourse) -> None:
    cs, ce = clause
    for h in [m for m in cms if m.type == "Honor"]:
        m = counted_recipients(flat[cs:h.start])
        if not m:
            continue
        if re.match(r"[”」]?(培育|培养)", flat[h.end:h.end + 3]):
            continue  # 40人入选“浙江工匠”培育工程
        title = canonical_honor(h.name)
        count = number(m.group(1))
        if count is None or _coordinated(flat, h, ms):
            continue  # 宜昌七人获评湖北省劳动模范和先进工作者: one count for two titles
        year = year_between(flat, cs, h.start) or lead_year or year_between(flat, sent[0], h.start) \
            or relative_year(flat, sent[0], h.start, state.publication_year, state.publication_month) \
            or state.relative_year or state.award_years.get(h.name)
        regions = [r for r in ms if r.type == "Region" and r.end <= h.start]
        region = regions[0].name if regions else None
        region = region or _own_region(flat, sent[0], h.start, b)
        if region is None and title and title.level in ("city", "county"):
            region = title.issuer.removesuffix("人民政府").removesuffix("总工会")
        region = region or title_place(h.name)
        b.add_aggregate(h.name, count, _kind(h.name, m.group(2)), region, year, sent)
    # a count after the honor: 市劳模3名, 全国五一劳动奖章获得者2名
    for h in [m for m in cms if m.type == "Honor"]:
        m = _COUNT_AFTER.match(flat[h.end:ce])
        if not m:
            continue
        b.add_aggregate(h.name, int(m.group(1)), _kind(h.name, m.group(2)), None,
                        year_between(flat, cs, h.start) or lead_year or state.award_years.get(h.name), sent)


def _own_region(flat: str, s: int, e: int, b: FactRecorder) -> str | None:
    """全市/我市/本市 → the source's city; 全省/我省/本省 → its province."""
    text = flat[s:e]
    if any(w in text for w in ("全市", "我市", "本市")):
        return b.doc.city
    if any(w in text for w in ("全省", "我省", "本省")):
        return b.doc.province
    return None


def _coordinated(flat: str, h: Mention, ms: list[Mention]) -> bool:
    return any(o.type == "Honor" and o is not h and flat[h.end:o.start] in ("和", "、", "及", "与", "以及") for o in ms)


def group_counts(flat: str, b: FactRecorder, ms: list[Mention], sent: Span, state: Discourse) -> None:
    """我市28个集体榜上有名, 6家工作室入选, 佛山有两人入选: a count of the recipients of the
    award just named — earlier in the sentence, else in the sentences before (not when that
    award was announced together with another: the count is theirs together)."""
    s, e = sent
    for m in _COUNT_IN_GROUP.finditer(flat, s, e):
        clause_start = max([i + 1 for i in range(s, m.start()) if flat[i] in "，；。"] + [s])
        if any(h.type == "Honor" and clause_start <= h.start < m.end() for h in ms):
            continue
        earlier = [h for h in ms if h.type == "Honor" and h.end <= clause_start]
        if earlier:
            honor, year = earlier[-1].name, state.award_years.get(earlier[-1].name) or state.relative_year
        elif state.award is not None and not state.award_shared:
            honor, year = state.award
            wanted = "person" if m.group(2) in PERSON_COUNTERS else None
            if wanted and _kind(honor, m.group(2)) != wanted and wanted in state.awards:
                honor, year = state.awards[wanted]  # 等45人受到表彰: the persons' award
        else:
            continue
        count = number(m.group(1))
        if count:
            region = _own_region(flat, clause_start, m.start(), b) or title_place(honor)
            b.add_aggregate(honor, count, _kind(honor, m.group(2)), region, year, sent)


def one_count_each(aggregates: list[Aggregate]) -> list[Aggregate]:
    """A count told twice (the headline's 泉州12人获评…, the report's 我市12名职工获评…) is one,
    with the year one of them gives."""
    dated = {(a.honor, a.count) for a in aggregates if a.year is not None}
    out, seen = [], set()
    for a in aggregates:
        key = (a.honor, a.count, a.year)
        if (a.year is None and (a.honor, a.count) in dated) or key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out
