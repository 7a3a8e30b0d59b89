"""Honor mentions: an open vocabulary, recognised by shape and named as the annotation
rules name it (bench/gold/README.md, "Honor").

- The taxonomy's forms (graph/data/honors.csv) and relative short forms (省劳模 in a
  Zhejiang source → 浙江省劳动模范).
- Region prefix + title head, unquoted: 湖北省劳动模范, 湖北荆楚工匠, 新乡市巾帼文明岗,
  国家级技能大师工作室, 徐州市职工优秀技术创新成果一等奖. The prefix is a place (full name,
  short form or nickname: 南粤, 蓉城), 全国/中国/国家级, a level word (省级劳模 → the source's
  province), or a bare 省/市/县 (the source's own place); between prefix and head stand only
  the words of a title (no verb, no organisation: see title_mid_stop).
- A quoted title: the quoted object of an award verb (获评“潍坊工匠”), a quote followed by
  称号/荣誉/获得者 (授予…“十佳护士”称号), or a quote ending with a title head. A region or
  issuer written just before the quotes is part of the title (盐城市“十佳护士” → 盐城市十佳护士,
  中华全国总工会“工人先锋号” → 全国工人先锋号); a year, edition or batch before it is not
  (第三届“天府工匠” → 天府工匠); a level word is dropped when the title names a place
  (市级“蓉城工匠” → 蓉城工匠).
- Titles coordinated under one prefix are each completed with it: 湖北省劳动模范和先进工作者
  → 湖北省先进工作者; 福建省五一劳动奖状、奖章 → 福建省五一劳动奖章.

The level follows from the prefix; a title outside the taxonomy is marked `curated: False`
(staff confirm it later). A title followed by 名单, 评选, 发布 … is mentioned, not awarded
(`event`); one followed by 协会, 精神, 月 … is no title at all (劳模协会, 工匠精神)."""
from __future__ import annotations

import re
from functools import lru_cache

from graph.extract.document import Document, Mention
from graph.extract.lexicons import (
    AWARD_VERBS,
    HONOR_BLOCKERS,
    HONOR_EVENT_AFTER,
    HONOR_HEAD_STOP_AFTER,
    HONOR_HEADS,
    HONOR_MODIFIERS,
    HONOR_TAILS,
    LEVEL_WORDS,
    LIST_HEADINGS,
    NATIONAL_PREFIXES,
    STRONG_TITLE_HEADS,
    STUDIO_TITLE_HEADS,
    STUDIO_TITLE_MIDS,
    TITLE_VERBS,
    TITLE_MID_STOP,
    Prefix,
    alternation,
    honor_regex,
    _title_prefixes,
    local_place_names,
    surnames,
    title_prefixes,
)
from graph.extract.normalise import is_cjk
from graph.honors import canonical_honor

CJK = r"\u4e00-\u9fff"
MAX_MID = 14
_HEAD = re.compile("(?:" + alternation(HONOR_HEADS) + ")")
_QUOTE = re.compile(r"[“「『]((?:[^“”「」『』\n]|‘[^’\n]*’){2,24}?)[”」』]")
_YEAR_OR_EDITION = re.compile(r"(?:(?:19|20)\d{2}年(?:度)?(?:\d{1,2}月(?:份)?)?|第[一二三四五六七八九十百\d]+(?:届|批|次)|首届|首批|本届|新一届|年度)$")
_DATED_MID = re.compile(r"(?:19|20)\d{2}年度?(?:第[一二三四五六七八九十\d]+届)?|第[一二三四五六七八九十\d]+届")
"""A year or an edition written between a title's place and the rest (X市2024年度劳动模范)."""
_ISSUER = re.compile(r"(总工会|人民政府|政府)$")
_COORDINATED = re.compile(r"(?:、|和|及|与|以及)")
_SINGLE_PREFIXES = {"省": "province", "市": "city", "县": "county", "区": "county"}
_BOUNDARY_BEFORE_SINGLE = set("获评为是、和及与的了被授予得选称任曾系原及") | {""}
"""A bare 省/市/县 opens a title only after these (获评市劳模, 、省劳模), not inside a word
(全市, 城市, 该县)."""
_MODIFIER_TITLE = re.compile(r"(?:" + alternation(HONOR_MODIFIERS) + r")[" + CJK + r"]{1,6}$")
_EXPANSIONS = (("劳模", "劳动模范"),)
"""Contracted heads written out in a title's name: 青川市劳模 → 青川市劳动模范."""


def _source_place(kind: str, province: str | None, city: str | None, county: str | None) -> str | None:
    return {"province": province, "city": city, "county": county}[kind]


def _mid_ok(mid: str) -> bool:
    mid = re.sub(r"[一二三特]等", "", mid)  # 一等奖
    return all(is_cjk(c) and c not in TITLE_MID_STOP for c in mid)


def _looks_like_a_person(mid: str) -> bool:
    """A name before a studio head makes a studio (罗志诚劳模创新工作室), not a studio title
    (示范性劳模创新工作室, 省级技能大师工作室)."""
    if not mid or mid.endswith(STUDIO_TITLE_MIDS):
        return False
    single, double = surnames()
    return any(len(mid) >= k and (mid[-k] in single or mid[-k:-k + 2] in double) for k in (2, 3))


@lru_cache(maxsize=1)
def _global_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in _title_prefixes()}, reverse=True))


def _prefix_lengths() -> tuple[int, ...]:
    local = local_place_names()
    if not local:
        return _global_lengths()
    return tuple(sorted(set(_global_lengths()) | {len(n) for n in local}, reverse=True))


def _prefix_ending_at(flat: str, k: int) -> tuple[int, str] | None:
    """The longest title prefix that ends at k: (start, word)."""
    prefixes = title_prefixes()
    for n in _prefix_lengths():
        if n <= k and flat[k - n:k] in prefixes:
            return k - n, flat[k - n:k]
    return None


def _open_at(flat: str, head_start: int, studio_head: bool, province: str | None, city: str | None,
             county: str | None) -> tuple[int, str, Prefix | None] | None:
    """Where the title whose head starts at head_start opens, the title's words before the
    head (prefix resolved), and the prefix's place and level: the nearest prefix before the
    head (with the prefixes glued before it: 湖北荆楚, 嘉兴市南湖区). None when none opens it."""
    k = head_start
    while k >= max(0, head_start - MAX_MID - 15):
        mid = flat[k:head_start]
        dated = _DATED_MID.match(mid)
        if dated and _mid_ok(mid[dated.end():]):
            mid = mid[dated.end():]  # 六盘水市2024年度劳动模范: the year between place and title is no part of it
        elif re.match(r"\d{1,3}年度?", mid) and _mid_ok(re.sub(r"^\d{1,3}年度?", "", mid)):
            k -= 1  # inside the digits of such a year
            continue
        elif not _mid_ok(mid) and not (mid.startswith("等") and k > 0 and _mid_ok(flat[k - 1:head_start])):
            break
        if len(mid) > MAX_MID:
            break
        hit = _prefix_ending_at(flat, k)
        words: list[tuple[int, str]] = []
        while hit:  # chains of prefixes: 湖北荆楚, 嘉兴市南湖区
            words.insert(0, hit)
            hit = _prefix_ending_at(flat, hit[0])
        if words:
            start = words[0][0]
            prefix = title_prefixes()[words[-1][1]]
            first = title_prefixes()[words[0][1]]
            if first.level == "national":
                prefix = first
            text = "".join(w for _, w in words)
            if words[0][1] in ("中华全国总工会", "全国总工会"):
                text = "全国" + "".join(w for _, w in words[1:])
            if studio_head and _looks_like_a_person(mid):
                return None
            if studio_head and not mid and len(text) == 2 and start > 0 and flat[start - 1] in surnames()[0] \
                    and not is_cjk(flat[start - 2:start - 1] or "“"):
                return None  # “杨金华劳模创新工作室”: 金华 is the person's given name, not the place
            return start, text + mid, prefix
        # a level word or a bare 省/市/县 opening the title
        for word in LEVEL_WORDS:
            if k - len(word) >= 0 and flat.startswith(word, k - len(word)):
                if word == "国家级":
                    return k - len(word), word + mid, Prefix(None, "national")
                kind = {"省": "province", "市": "city", "县": "county", "区": "county"}[word[0]]
                place = _source_place(kind, province, city, county)
                if place and not (studio_head and _looks_like_a_person(mid)):
                    return k - len(word), place + mid, Prefix(place, _level(kind))
                return None
        single = flat[k - 1:k] if k > 0 else ""
        if single in _SINGLE_PREFIXES and (k == 1 or flat[k - 2:k - 1] in _BOUNDARY_BEFORE_SINGLE):
            kind = _SINGLE_PREFIXES[single]
            place = _source_place(kind, province, city, county)
            if place and not (studio_head and _looks_like_a_person(mid)):
                return k - 1, place + mid, Prefix(place, _level(kind))
            return None
        k -= 1
    return None


def _level(kind: str) -> str:
    return {"province": "provincial", "city": "city", "county": "county"}[kind]


def _expand(name: str) -> str:
    for short, full in _EXPANSIONS:
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def named(form: str, level: str | None, province: str | None, city: str | None) -> tuple[str, dict]:
    """The canonical name and properties of a title as written: the taxonomy's title when
    the text names it by a short form (全国劳模 → 全国劳动模范), the text's own form when it
    differs from the taxonomy's only in how the region is written (辽宁工人先锋号 stays), else
    the form itself, marked uncurated."""
    bare = next((w for w in ("自治区", "省") if form.startswith(w) and not form.startswith(("省级", "省委", "省直"))
                 and province and province.endswith(w) and len(form) > len(w) + 2), None)
    if bare:  # “自治区农民合作社示范社” in a Xinjiang text: a bare level word is the source's province
        form = province + form[len(bare):].removeprefix("级")  # 自治区级X: the level word's place, as 省级
    title = canonical_honor(form, province=province, city=city)
    if title is None:
        expanded = _expand(form)
        title = canonical_honor(expanded, province=province, city=city)
        form = expanded
    if title is None:
        return form, {"level": level, "curated": False}
    props = {"level": title.level, "recipient_kind": title.recipient_kind, "curated": True}
    if _rest(form) == _rest(title.name) and form != title.name:
        return form, props
    return title.name, props


def _rest(name: str) -> str:
    """A title without its region prefix."""
    prefixes = title_prefixes()
    for n in _prefix_lengths():
        if len(name) > n and name[:n] in prefixes:
            return _rest(name[n:])
    return name


def title_place(name: str) -> str | None:
    """The place a title's prefix names: 浏阳市劳动模范 → 浏阳市, 南粤工匠 → 广东省, 全国… → None."""
    prefixes = title_prefixes()
    for n in _prefix_lengths():
        if len(name) > n and name[:n] in prefixes:
            return prefixes[name[:n]].place
    return None


def _after_tails(flat: str, end: int) -> int:
    for tail in HONOR_TAILS:
        if flat.startswith(tail, end):
            return end + len(tail)
    return end


def _blocked(flat: str, end: int) -> bool:
    return flat.startswith(HONOR_BLOCKERS, end)


def _event(flat: str, end: int) -> bool:
    return flat.startswith(HONOR_EVENT_AFTER, end)


def _mention(flat: str, name: str, start: int, end: int, props: dict) -> Mention:
    props = dict(props)
    if _event(flat, end):
        props["event"] = True
    return Mention("Honor", name, start, _after_tails(flat, end), props)


def taxonomy_honors(flat: str, province: str | None, city: str | None) -> list[Mention]:
    """Every form of the taxonomy and the relative short forms (省劳模, 市劳模)."""
    out = []
    for m in honor_regex().finditer(flat):
        form = m.group(0)
        if _blocked(flat, m.end()):
            continue
        if form.endswith("劳模") and flat.startswith(("工匠", "们"), m.end()):
            continue  # 劳模工匠, 劳模们
        title = canonical_honor(form, province=province, city=city)
        if title is None:
            continue
        name, props = named(form, title.level, province, city)
        out.append(_mention(flat, name, m.start(), m.end(), props))
    return out


def shaped_honors(flat: str, province: str | None, city: str | None, county: str | None) -> list[Mention]:
    """Region prefix + title head, unquoted (湖北省劳动模范, 广东省工艺美术大师)."""
    out = []
    for m in _HEAD.finditer(flat):
        head = m.group(0)
        if head == "奖" and flat[m.end():m.end() + 1] in HONOR_HEAD_STOP_AFTER:
            continue
        if _blocked(flat, m.end()):
            continue
        if head == "劳模" and flat.startswith(("工匠", "们", "和工匠", "创新"), m.end()):
            continue
        opened = _open_at(flat, m.start(), head in STUDIO_TITLE_HEADS, province, city, county)
        if opened is None:
            continue
        start, words, prefix = opened
        if (words + head).endswith("劳模工匠"):
            continue  # 劳模工匠: model workers and craftsmen, a group of people
        name, props = named(words + head, prefix.level if prefix else None, province, city)
        out.append(_mention(flat, name, start, m.end(), props))
    return out


_AFTER_AWARD = re.compile(r"(?:" + alternation(TITLE_VERBS) + r")(?:了)?"
                          r"(?:(?:19|20)\d{2}年(?:度)?|第[一二三四五六七八九十\d]+届|首届)?"
                          r"([" + CJK + r"]{2,8}?(?:" + alternation(STRONG_TITLE_HEADS) + r"))(?=称号|荣誉|[，。；、和及等]|$)")


def awarded_titles(flat: str, province: str | None, city: str | None, taken: list[Mention]) -> list[Mention]:
    """获评青川工匠: a title after an award verb whose place the gazetteer does not know (an
    invented or a new place, a sector): words and a title head, named as written."""
    out = []
    spans = [(m.start, m.end) for m in taken]
    for m in _AFTER_AWARD.finditer(flat):
        s, e = m.start(1), m.end(1)
        if any(a < e and s < b for a, b in spans) or not _mid_ok(m.group(1)[:-2]) or _blocked(flat, e):
            continue
        name, props = named(m.group(1), None, province, city)
        out.append(_mention(flat, name, s, e, props))
    return out


def _quote_prefix(flat: str, qs: int, inner: str, province: str | None, city: str | None,
                  county: str | None) -> tuple[int, str, Prefix | None]:
    """What stands just before a quoted title and belongs to it: a region or an issuer
    (kept), a level word (the source's place, or nothing when the title names one), before
    or after a year or edition (dropped). Returns where the mention starts and the words
    to prepend."""
    found = _prefix_before(flat, qs, inner, province, city, county)
    if found:
        return found
    y = _YEAR_OR_EDITION.search(flat[max(0, qs - 16):qs])
    if y:
        pos = qs - (min(qs, 16) - y.start())
        y2 = _YEAR_OR_EDITION.search(flat[max(0, pos - 16):pos])  # 2023年第三届
        if y2:
            pos -= min(pos, 16) - y2.start()
        found = _prefix_before(flat, pos, inner, province, city, county)
        if found:
            return found
    return qs, "", None


def _prefix_before(flat: str, pos: int, inner: str, province: str | None, city: str | None,
                   county: str | None) -> tuple[int, str, Prefix | None] | None:
    names_place = _has_place(inner)
    for word in LEVEL_WORDS:
        if pos - len(word) >= 0 and flat.startswith(word, pos - len(word)):
            if word == "国家级":
                return pos - len(word), word, Prefix(None, "national")
            if names_place:
                return pos - len(word), "", None
            kind = {"省": "province", "市": "city", "县": "county", "区": "county"}[word[0]]
            place = _source_place(kind, province, city, county)
            return pos - len(word), place or "", Prefix(place, _level(kind)) if place else None
    issuer = _ISSUER.search(flat[max(0, pos - 16):pos])
    if issuer:
        body = pos - len(issuer.group(1))
        hit = _longest_prefix_suffix(flat[max(0, body - 12):body])
        if hit:
            word, prefix = hit
            return body - len(word), ("全国" if prefix.level == "national" else word), prefix
        bare = flat[body - 1:body] if body else ""
        if bare in _SINGLE_PREFIXES:  # no place ends at the bare 省/市/县/区 before the issuer
            place = _source_place(_SINGLE_PREFIXES[bare], province, city, county)  # 市总工会“工人先锋号”
            if place:
                return body - 1, place, Prefix(place, _level(_SINGLE_PREFIXES[bare]))
    if names_place:
        return None
    hit = _longest_prefix_suffix(flat[max(0, pos - 12):pos])
    if hit:
        word, prefix = hit
        return pos - len(word), ("全国" if prefix.level == "national" else word), prefix
    return None


def _has_place(text: str) -> bool:
    """A title that names its place itself (蓉城工匠, 西岭省最美职工)."""
    prefixes = title_prefixes()
    return any(text[:n] in prefixes for n in _prefix_lengths() if n < len(text))


def _longest_prefix_suffix(text: str) -> tuple[str, Prefix] | None:
    """The longest title prefix that ends the text (chains allowed: 湖北荆楚)."""
    hit = _prefix_ending_at(text, len(text))
    if not hit:
        return None
    start, word = hit
    words = word
    prefix = title_prefixes()[word]
    more = _prefix_ending_at(text, start)
    while more:
        words = more[1] + words
        more = _prefix_ending_at(text, more[0])
    return words, prefix


def _award_context(flat: str, qs: int, qe: int, run_start: int) -> bool:
    """A quote names an awarded title: after an award verb (possibly with a year or region
    between), in a run of quotes after one, or followed by 称号/荣誉/获得者."""
    if flat.startswith(HONOR_TAILS, qe) or flat.startswith(("等称号", "等荣誉"), qe):
        return True
    before = flat[max(0, run_start - 24):run_start]
    run = re.search(r"[" + CJK + r"\d]*$", before).group(0)
    return bool(run) and _strip_to_verb(run).endswith(AWARD_VERBS)


def _strip_to_verb(run: str) -> str:
    """The text up to the last award verb in a run before a quote (获评2024年, 命名郭立新等
    30人为2024年): the verb must end the text once year, region and count are taken away."""
    best = -1
    for v in AWARD_VERBS:
        i = run.rfind(v)
        if i != -1 and i + len(v) > best:
            rest = run[i + len(v):]
            if re.fullmatch(r"(?:了|其|他|她)?(?:(?:19|20)\d{2}年(?:度)?(?:\d{1,2}月)?|第[一二三四五六七八九十\d]+届|首届|省级|市级|县级|国家级)?[" + CJK + r"]{0,8}", rest):
                if v == "为" and not re.search(r"命名|评|选|授|确定|认定", run[:i]):
                    continue
                best = i + len(v)
    return run[:best] if best != -1 else run + "#"


def quoted_honors(flat: str, province: str | None, city: str | None, county: str | None) -> list[Mention]:
    """Titles in quotes: awarded (after a verb, before 称号) or shaped like a title; then
    the quotes that repeat a title found so (一、盐城市“十佳护士” as a section heading)."""
    out = _quoted(flat, province, city, county)
    known = {_rest(m.name) for m in out} | {m.name for m in out}
    taken = {m.start for m in out} | {m.end for m in out}
    for m in _QUOTE.finditer(flat):
        inner = re.sub(r"[‘’'\"“”「」『』\s]", "", m.group(1))
        if inner in known and m.end() not in taken:
            start, words, prefix = _quote_prefix(flat, m.start(), inner, province, city, county)
            name, props = named(words + inner, prefix.level if prefix else None, province, city)
            mention = _mention(flat, name, start if words else m.start(), m.end(), props)
            mention.props["quoted"] = True
            out.append(mention)
    return out


_LISTED_TITLES = re.compile(r"(?:[、和及与][“「『][^“”「」『』\n]{2,24}[”」』])*(?:表彰|拟表彰|推荐|候选|获奖|获得者)?名单")


def _quoted(flat: str, province: str | None, city: str | None, county: str | None) -> list[Mention]:
    out = []
    run_start = None
    run_words = None
    last_end = -1
    for m in _QUOTE.finditer(flat):
        qs, qe = m.start(), m.end()
        inner = re.sub(r"[‘’'\"“”「」『』\s]", "", m.group(1))
        if run_start is None or flat[last_end:qs] not in ("", "、", "和", "及", "与"):
            run_start = qs
            run_words = None
        last_end = qe
        if not inner or not all(is_cjk(c) or c in "·" for c in inner):
            continue
        if "·" in inner or re.search(r"培育|工程$|计划$|项目$|课题$", inner):
            continue  # 最美浙江人·最美工匠 (an event), programmes
        if re.match(r"[”」』]?(?:培育工程|培育计划|工程|计划|项目|课题|培育对象|培养对象)", flat[qe:qe + 6]):
            continue
        if re.match(r"[”」』]?(?:系列|主题)?(?:活动|行动)", flat[qe:qe + 6]) \
                and re.search(r"(?:开展|举办|组织|启动|发起|参加|参与)$", flat[max(0, qs - 4):qs]):
            continue  # 开展“工匠进校园”活动: an activity named after a title, no honor (bench/gold/README.md)
        head = _HEAD.search(inner)
        titled = head is not None and head.end() == len(inner) and inner != head.group(0)
        shaped = titled and (any(h.start == 0 and h.end >= len(inner) for h in shaped_honors(inner, None, None, None))
                             or flat.startswith(LIST_HEADINGS, qe)  # 2024年“青川工匠”名单
                             or bool(_YEAR_OR_EDITION.search(flat[max(0, qs - 12):qs])))
        # 公布…“十佳护士”和“优秀护士”名单: quotes a list of names is headed by are titles, whatever their head
        shaped = shaped or bool(_LISTED_TITLES.match(flat, qe)) and not _looks_like_a_person(inner)
        if inner.endswith(tuple(STUDIO_TITLE_HEADS)):
            h = next(h for h in STUDIO_TITLE_HEADS if inner.endswith(h))
            if _looks_like_a_person(inner[: -len(h)]):
                continue  # a studio named after a person
        awarded = _award_context(flat, qs, qe, run_start)
        modifier = _MODIFIER_TITLE.match(inner) is not None and flat.startswith(HONOR_TAILS, qe)
        if not (awarded or shaped or modifier):
            continue
        if not awarded and _blocked(flat, qe):
            continue
        start, words, prefix = _quote_prefix(flat, qs, inner, province, city, county)
        if words and prefix and prefix.place and run_start == qs:
            run_words = (words, prefix)
        elif not words and run_words and run_start != qs and not _has_place(inner):
            words, prefix = run_words  # 闵行区“十佳护士”和“优秀护士”: one prefix for the run
        level = prefix.level if prefix else _inner_level(inner)
        name, props = named(words + inner, level, province, city)
        mention = _mention(flat, name, start if words and start < qs else qs, qe, props)
        if awarded:
            mention.props.pop("event", None)
        mention.props["quoted"] = True
        out.append(mention)
    return out


def _inner_level(inner: str) -> str | None:
    hit = next((title_prefixes()[inner[:n]] for n in _prefix_lengths() if n < len(inner) and inner[:n] in title_prefixes()), None)
    return hit.level if hit else None


def coordinated(flat: str, found: list[Mention], province: str | None, city: str | None) -> list[Mention]:
    """湖北省劳动模范和先进工作者 → 湖北省先进工作者; 福建省五一劳动奖状、奖章 → 福建省五一劳动奖章."""
    out = []
    for h in found:
        prev, end = h, h.end
        while True:
            j = _COORDINATED.match(flat, end)
            if not j:
                break
            m = _HEAD.match(flat, j.end())
            if not m or m.group(0) in ("奖", "劳模", "大师", "能手") or _blocked(flat, m.end()):
                break
            if len(m.group(0)) <= 2 and is_cjk(flat[m.end():m.end() + 1]) \
                    and not flat.startswith(HONOR_TAILS + HONOR_EVENT_AFTER + ("和", "、", "及", "等", "的"), m.end()):
                break
            head = m.group(0)
            prefix_words = prev.name[: len(prev.name) - len(_rest(prev.name))]
            if not prefix_words:
                break
            if len(head) == 2 and head.startswith("奖") and prev.name.endswith(("奖章", "奖状")):
                form = prev.name[:-2] + head
            else:
                form = prefix_words + head
            name, props = named(form, prev.props.get("level"), province, city)
            nxt = _mention(flat, name, m.start(), m.end(), props)
            out.append(nxt)
            prev, end = nxt, m.end()
    return out


_LISTED_END = re.compile(r"等(?:荣誉称号|荣誉|称号|奖项)")
_LISTED_HEAD = re.compile(r"(?:" + alternation(STRONG_TITLE_HEADS) + r"|工作者|红旗手|共产党员|党务工作者|奖章|奖状)$")


def listed_titles(flat: str, found: list[Mention], province: str | None, city: str | None) -> list[Mention]:
    """先后获得山东省劳动模范、全国优秀党务工作者等荣誉: in a 、-list of titles closed by 等荣誉
    with one title already known, every item with a title's head is a title too (as written)."""
    out = []
    for end in _LISTED_END.finditer(flat):
        stop = max(flat.rfind(c, 0, end.start()) for c in "，。；：\n")
        items, pos = [], end.start()
        while pos > stop + 1:
            cut = max(flat.rfind("、", stop + 1, pos), flat.rfind("和", stop + 1, pos), stop)
            items.append((cut + 1, pos))
            if cut == stop:
                break
            pos = cut
        spans = [(m.start, m.end) for m in found]
        if len(items) < 2 or not any(s <= a and b == e for s, e in items for a, b in spans):
            continue  # no item ends with a title already known
        for s, e in items:
            word = flat[s:e].strip("“”「」")
            if any(a < e and s < b for a, b in spans) or not _LISTED_HEAD.search(word) or not 3 <= len(word) <= 12 \
                    or not all(is_cjk(c) for c in word):
                continue
            name, props = named(word, None, province, city)
            out.append(_mention(flat, name, s, e, props))
    return out


def find_honors(flat: str, province: str | None, city: str | None, county: str | None = None) -> list[Mention]:
    found = taxonomy_honors(flat, province, city)
    found += shaped_honors(flat, province, city, county)
    found += quoted_honors(flat, province, city, county)
    found += awarded_titles(flat, province, city, found)
    found += coordinated(flat, found, province, city)
    found += listed_titles(flat, found, province, city)
    # one mention per span and name
    seen: set[tuple[int, int, str]] = set()
    out = []
    for m in found:
        key = (m.start, m.end, m.name)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


_BARE_CONTEXT = re.compile(r"(?:" + alternation(TITLE_VERBS) + r"|受表彰的|受到表彰的|获奖的|新评出的|当选的)(?:了)?$")


def bare_titles(flat: str, found: list[Mention]) -> list[Mention]:
    """获评先进集体的是…, 受表彰的劳动模范中…: a title head written alone in an award context
    is the title of the text that ends with it, when there is exactly one (延河能源集团先进集体)."""
    out = []
    spans = [(m.start, m.end) for m in found]
    names = {m.name for m in found}
    for m in re.finditer("(?:" + alternation(STRONG_TITLE_HEADS) + ")", flat):
        if any(a < m.end() and m.start() < b for a, b in spans) or not _BARE_CONTEXT.search(flat[max(0, m.start() - 6):m.start()]):
            continue
        if re.match(r"[\u4e00-\u9fff]", flat[m.end():m.end() + 1]) and not flat.startswith(("称号", "的", "中"), m.end()):
            continue
        full = sorted(n for n in names if n.endswith(m.group(0)) and n != m.group(0))
        if len(full) == 1:
            mention = next(x for x in found if x.name == full[0])
            out.append(Mention("Honor", full[0], m.start(), _after_tails(flat, m.end()), dict(mention.props)))
    return out


def one_form_per_title(found: list[Mention]) -> None:
    """A title written bare after its full form (盐城市“十佳护士” … 获评“十佳护士”的张婷) is
    the full form: one text, one name per title."""
    full = {m.name for m in found}
    for m in found:
        if _rest(m.name) != m.name:
            continue
        longer = sorted({n for n in full if n != m.name and _rest(n) == m.name})
        if len(longer) == 1:
            m.name = longer[0]


def honors(doc: Document) -> None:
    """Stage: honor mentions."""
    found = find_honors(doc.flat, doc.province, doc.city, doc.county)
    one_form_per_title(found)
    found += bare_titles(doc.flat, found)
    doc.candidates += found
