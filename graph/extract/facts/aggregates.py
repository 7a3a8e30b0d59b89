"""Counted awards are aggregates, never persons: "120人获评嘉兴市劳动模范",
"37家单位获评嘉兴市先进集体", "市劳模3名". The region is the first place named before
the honor (or the source's city/province for 全市/全省, or the issuer of a city or county
title); the year as for facts. "40人入选“浙江工匠”培育工程" is a selection, not an award."""
from __future__ import annotations

import re

from graph.extract.document import Mention, Span
from graph.extract.facts.recorder import FactRecorder
from graph.extract.lexicons import COUNTED_RECEIVE_VERBS, COUNTERS, PERSON_COUNTERS, alternation
from graph.extract.years import year_between
from graph.honors import canonical_honor

CJK = r"\u4e00-\u9fff"
_COUNT_BEFORE = re.compile(r"(\d+)(?:多)?(" + alternation(COUNTERS) + r")([" + CJK + r"]{0,4}?)(?:"
                           + alternation(COUNTED_RECEIVE_VERBS) + r")[“「]?$")
_COUNT_AFTER = re.compile(r"(?:获得者|得主|称号)?(\d+)(?:多)?(" + alternation(COUNTERS) + ")")


def counted_recipients(before: str) -> re.Match[str] | None:
    """A count, a counter and a receiving verb right before an honor: 120人获评, 37家单位获评."""
    return _COUNT_BEFORE.search(before)


def _kind(honor: str, counter: str) -> str:
    title = canonical_honor(honor)
    return title.recipient_kind if title else ("person" if counter in PERSON_COUNTERS else "unit")


def count_facts(flat: str, b: FactRecorder, cms: list[Mention], sent: Span, clause: Span,
                lead_year: int | None, ms: list[Mention]) -> None:
    cs, ce = clause
    for h in [m for m in cms if m.type == "Honor"]:
        m = counted_recipients(flat[cs:h.start])
        if not m:
            continue
        if re.match(r"[”」]?(培育|培养)", flat[h.end:h.end + 3]):
            continue  # 40人入选“浙江工匠”培育工程
        title = canonical_honor(h.name)
        year = year_between(flat, cs, h.start) or lead_year
        regions = [r for r in ms if r.type == "Region" and r.end <= h.start]
        region = regions[0].name if regions else None
        if region is None and "全市" in flat[sent[0]:h.start]:
            region = b.doc.city
        elif region is None and "全省" in flat[sent[0]:h.start]:
            region = b.doc.province
        if region is None and title and title.level in ("city", "county"):
            region = title.issuer.removesuffix("人民政府").removesuffix("总工会")
        b.add_aggregate(h.name, int(m.group(1)), _kind(h.name, m.group(2)), region, year, sent)
    # a count after the honor: 市劳模3名, 全国五一劳动奖章获得者2名
    for h in [m for m in cms if m.type == "Honor"]:
        m = _COUNT_AFTER.match(flat[h.end:ce])
        if not m:
            continue
        b.add_aggregate(h.name, int(m.group(1)), _kind(h.name, m.group(2)), None,
                        year_between(flat, cs, h.start) or lead_year, sent)
