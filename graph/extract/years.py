"""The year of a fact (bench/gold/README.md, "Year"): the year written between its subject
and object (of a run of years, the first: 2005年、2015年、2025年三次获评 → 2005), else the
year that opens the sentence (2021年，… / 2022年以来，…) before any name, else 同年 (the last
year the text named), else a relative expression resolved with the publication date
(今年, 去年, 昨日, 近日, 4月28日, 3年前). Years in Chinese numerals count (二〇〇九年)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.extract.document import Mention, Span
from graph.extract.lexicons import SAME_YEAR, alternation
from graph.extract.normalise import CLAUSE_END

if TYPE_CHECKING:
    from graph.extract.discourse import Discourse

_DIGITS = {"〇": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8",
           "九": "9", "○": "0", "Ｏ": "0"}
YEAR = re.compile(r"((?:19|20)\d{2}|[一二][〇零○九一二三四五六七八][〇零○一二三四五六七八九]{2})年")
SAME_YEAR_RE = re.compile(alternation(SAME_YEAR))
_RUN_JOIN = re.compile(r"(?:[、和及与至到—-]|年度?[、和及与])")
_RELATIVE = re.compile(r"今年|本年|今天|今日|日前|近日|近期|昨天|昨日|前天|本月|上月|去年|前年|"
                       r"(\d{1,2}|[一二三四五六七八九十两]{1,3})年前|(?<![\d年])\d{1,2}月\d{1,2}日")
_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _year_value(text: str) -> int:
    return int("".join(_DIGITS.get(c, c) for c in text))


def years(flat: str, s: int, e: int) -> list[tuple[int, int]]:
    """(position, year) of every 19xx年/20xx年 (or 一九八四年, 二〇〇九年) in [s, e)."""
    out = []
    for m in YEAR.finditer(flat, s, e):
        value = _year_value(m.group(1))
        if 1900 <= value <= 2099:
            out.append((m.start(), value))
    return out


def year_between(flat: str, a: int, b: int) -> int | None:
    """The year of the last run of years written in [a, b): its first (1956年、1959年 → 1956)."""
    ys = years(flat, a, b)
    if not ys:
        return None
    i = len(ys) - 1
    while i > 0:
        gap = flat[ys[i - 1][0]:ys[i][0]]
        if not _RUN_JOIN.fullmatch(re.sub(r"^(?:\d{4}|[一二][〇零○一二三四五六七八九]{3})", "", gap)):
            break
        i -= 1
    return ys[i][1]


def date_year(date: str | None) -> int | None:
    """The year of a publication date: 2024-05-17, 2024年5月17日, 2024."""
    if not date:
        return None
    m = re.match(r"\s*((?:19|20)\d{2})", date)
    return int(m.group(1)) if m else None


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in _CN_SMALL:
        return _CN_SMALL[text]
    if text.startswith("十") and text[1:] in _CN_SMALL:
        return 10 + _CN_SMALL[text[1:]]
    return None


def relative_year(flat: str, s: int, e: int, publication: int | None, month: int | None = None) -> int | None:
    """The year a relative expression in [s, e) means, the last one written: 今年/近日/昨日/
    4月28日 → the publication year; 去年 → −1; 前年 → −2; 3年前 → −3. 昨天 and 上月 early in
    January are last year's. None without a publication date."""
    if publication is None:
        return None
    best = None
    for m in _RELATIVE.finditer(flat, s, e):
        word = m.group(0)
        if word == "去年":
            best = publication - 1
        elif word == "前年":
            best = publication - 2
        elif m.group(1):
            n = _cn_number(m.group(1))
            best = publication - n if n is not None else best
        elif word in ("昨天", "昨日", "上月", "前天") and month == 1:
            best = publication - 1 if word == "上月" else publication
        else:
            best = publication
    return best


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


def leading_relative_year(flat: str, sent: Span, mentions: list[Mention], state: Discourse) -> int | None:
    """A relative opener (去年12月，… / 今年，… / 昨日，… / 4月28日，…) resolved with the
    publication date: the year of the events the sentence reports (awards, postings), not
    of every fact in it."""
    s, e = sent
    opener_end = next((i for i in range(s, e) if flat[i] in CLAUSE_END), e)
    first_entity = min([m.start for m in mentions if m.type in ("Person", "Unit", "Studio")] + [opener_end])
    if first_entity - s > 12:
        return None
    return relative_year(flat, s, first_entity, state.publication_year, state.publication_month)
