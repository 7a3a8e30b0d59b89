"""Place mentions: Regions (province … town) and Villages (…村, …社区). The tagger's
places are looked up in the gazetteer by full name or unambiguous short form
(嘉兴 → 嘉兴市, 屏山 → 屏山县); towns and villages go by their suffix. Villages the
tagger cut are found glued behind a town (崇福镇上莫村) or in a list (建林村、南梅村)."""
from __future__ import annotations

import re

from graph.extract.document import Document, Mention
from graph.extract.lexicons import (
    JOINERS,
    LAKE_SHORES,
    TOWN_SUFFIXES,
    VILLAGE_STOP,
    VILLAGE_SUFFIXES,
    alternation,
    gazetteer,
)
from graph.extract.segment import inside

CJK = r"\u4e00-\u9fff"
_PREDICATE = re.compile(r"(?:是|成为|成了|称为|被誉为|变成)[^，。；：]{0,12}的$")
"""是远近闻名的茶叶村: a kind of village, not one named."""
_LAKE_SHORE = re.compile(r"之?(" + alternation(LAKE_SHORES) + ")")
_VILLAGE = "(?:" + alternation(VILLAGE_SUFFIXES) + ")"
_GLUED_VILLAGE = re.compile(r"([" + CJK + r"]{1,4}?" + _VILLAGE + ")")
_LISTED_VILLAGE = re.compile(r"[" + "".join(JOINERS) + r"]([" + CJK + r"]{2,4}?" + _VILLAGE + ")")


def tagged_places(doc: Document) -> None:
    """Stage: the tagger's places outside quotes and book titles. A short form followed
    by 之畔/湖畔 is a lake (南湖之畔), not the district."""
    by_name, aliases = gazetteer()
    flat = doc.flat
    tokens = doc.tokens
    skip_to = -1
    for i, (word, tag, s, e) in enumerate(tokens):
        if tag != "LOC" or s < skip_to:
            continue
        if inside(s, e, doc.short_quotes) or inside(s, e, doc.books):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.start == e and nxt.tag == "LOC" and word + nxt.word in by_name:
            word, e = word + nxt.word, nxt.end  # 延边|朝鲜族自治州: the tagger cut an autonomous prefecture's name
            skip_to = e
        chain = _split_chain(word, by_name, aliases)
        if chain:  # 北京市朝阳区, 果洛州久治县: the tagger's one word names two levels
            (upper, upper_full), (lower, lower_full) = chain
            doc.candidates.append(Mention("Region", upper_full, s, s + len(upper), {"kind": _kind(by_name, upper_full)}))
            doc.candidates.append(Mention("Region", lower_full, s + len(upper), e, {"kind": _kind(by_name, lower_full)}))
            continue
        full = word if word in by_name else aliases.get(word)
        if full and word not in by_name and _LAKE_SHORE.match(flat[e:e + 3]):
            continue
        if full:
            kinds = {p.kind for p in by_name[full]}
            doc.candidates.append(Mention("Region", full, s, e, {"kind": sorted(kinds)[0]}))
        elif word.endswith(TOWN_SUFFIXES) and len(word) >= 3:
            doc.candidates.append(Mention("Region", word, s, e, {"kind": "town"}))
        elif word.endswith(VILLAGE_SUFFIXES) and len(word) >= 3 and word not in VILLAGE_STOP \
                and not _PREDICATE.search(flat[max(0, s - 16):s]):
            prev = tokens[i - 1] if i else None
            if prev is not None and prev.end == s and re.fullmatch(r"[" + CJK + r"]*[镇乡][" + CJK + r"]{1,2}", prev.word) \
                    and prev.tag not in ("LOC", "ORG"):
                # 土家族|乡曲|尺河村: the tagger cut the village's first character off after its town's suffix
                cut = prev.start + max(prev.word.rfind("镇"), prev.word.rfind("乡")) + 1
                word, s = flat[cut:e], cut
                region_end = max((c.end for c in doc.candidates if c.type == "Region" and c.end <= cut), default=-1)
                town = flat[region_end:cut] if region_end >= 0 else ""
                if 3 <= len(town) <= 8 and all("\u4e00" <= c <= "\u9fff" for c in town):
                    doc.candidates.append(Mention("Region", town, region_end, cut, {"kind": "town"}))
            town = _TOWN_IN_VILLAGE.fullmatch(word)
            if town:  # 舜耕镇山王村: the tagger's one word is a town and its village
                doc.candidates.append(Mention("Region", town.group(1), s, s + len(town.group(1)), {"kind": "town"}))
                doc.candidates.append(Mention("Village", town.group(2), s + len(town.group(1)), e))
            else:
                doc.candidates.append(Mention("Village", word, s, e))


def _kind(by_name: dict, name: str) -> str:
    return sorted({p.kind for p in by_name[name]})[0] if name in by_name else "city"


def _split_chain(word: str, by_name: dict, aliases: dict) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """A place word that is two places written together, the upper level first: each part
    a known place (or its short form), the upper one maybe an abbreviated prefecture
    (果洛州, kept as written); the lower one a county, district or county-level city."""
    if len(word) < 5:
        return None
    for k in range(2, len(word) - 1):
        upper, lower = word[:k], word[k:]
        lower_full = lower if lower in by_name else None
        if not lower_full or not lower.endswith(("县", "区", "旗", "市")) or len(lower) < 2:
            continue
        upper_full = upper if upper in by_name else aliases.get(upper)
        if upper_full is None and upper.endswith(("州", "盟")) and len(upper) >= 3:
            upper_full = upper  # 果洛州: an abbreviated prefecture stays as written
        if upper_full and upper.endswith(("省", "市", "州", "盟", "自治区", "地区")):
            return (upper, upper_full), (lower, lower_full)
    return None


_TOWN_IN_VILLAGE = re.compile(r"([" + CJK + r"]{2,6}?(?:" + alternation(TOWN_SUFFIXES) + r"))([" + CJK + r"]{2,5}"
                              + _VILLAGE + ")")
"""A town and its village in one word of the tagger (舜耕镇山王村, 江热乡班觉伦布村)."""
_TOWN_AFTER = re.compile(r"([" + CJK + r"]{2,4}?(?:" + alternation(TOWN_SUFFIXES) + r"))")


_COUNTY_AFTER = re.compile(r"([" + CJK + r"]{2,5}?(?:县|旗))(?![" + CJK + r"]{0,2}(?:人民|委|政府|医院|中学|小学))")


def _counties_after(doc: Document) -> None:
    """A county glued behind its province or prefecture where the gazetteer lacks it
    (西藏阿里地区改则县挂职 → 改则县, 拉萨市墨竹工卡县 → 墨竹工卡县): a chain names its levels."""
    flat = doc.flat
    for r in [c for c in doc.of_type("Region") if c.props.get("kind") in ("province", "city")]:
        pos = r.end
        if any(c.start == pos and c.type in ("Region", "Village", "Unit") for c in doc.candidates):
            continue
        m = _COUNTY_AFTER.match(flat, pos)
        if m and m.group(1)[0] not in "的和与及在为是等各全本该" and not inside(pos, m.end(), doc.short_quotes):
            doc.candidates.append(Mention("Region", m.group(1), pos, m.end(), {"kind": "county"}))


def _chained_places(doc: Document) -> None:
    """Towns and villages glued behind a county or district where the tagger made one word
    of them (南京市江宁区|秣陵街道殷巷社区党委书记 → 秣陵街道, 殷巷社区)."""
    _counties_after(doc)
    flat = doc.flat
    for r in [c for c in doc.of_type("Region") if c.props.get("kind") in ("county", "district", "city")]:
        pos = r.end
        if any(c.start == pos and c.type in ("Region", "Village", "Unit") for c in doc.candidates):
            continue
        town = _TOWN_AFTER.match(flat, pos)
        if town and town.group(1)[0] not in "的和与及在为是等" and not flat.startswith(("街道办", "乡村"), town.end() - 2):
            doc.candidates.append(Mention("Region", town.group(1), pos, town.end(), {"kind": "town"}))
            pos = town.end()
            village = _GLUED_VILLAGE.match(flat[pos:pos + 6])
            if village and village.group(1) not in VILLAGE_STOP and village.group(1)[0] not in "的和与及在为是等":
                doc.candidates.append(Mention("Village", village.group(1), pos, pos + village.end()))


def glued_villages(doc: Document) -> None:
    """Stage: towns and villages glued behind a county the tagger missed, a village glued
    behind a town (崇福镇上莫村) where nothing else was found, and villages listed after a
    village (新安社区、竹林社区 / 建林村、南梅村)."""
    _chained_places(doc)
    flat = doc.flat
    for r in [c for c in doc.of_type("Region") if c.props.get("kind") == "town"]:
        m = _GLUED_VILLAGE.match(flat[r.end:r.end + 5])
        if m and m.group(1) not in VILLAGE_STOP and m.group(1)[0] not in "的和与及在为是等" \
                and not any(c.start < r.end + m.end() and r.end < c.end for c in doc.candidates if c is not r):
            doc.candidates.append(Mention("Village", m.group(1), r.end, r.end + m.end()))
    _villages_before_their_leaders(doc)
    _villages_served(doc)
    for v in doc.of_type("Village"):
        pos = v.end
        while True:
            m = _LISTED_VILLAGE.match(flat[pos:pos + 8])
            if not m or m.group(1) in VILLAGE_STOP:
                break
            doc.candidates.append(Mention("Village", m.group(1), pos + 1, pos + m.end()))
            pos += m.end()


_SERVED_VILLAGES = re.compile(r"(?:覆盖|惠及|辐射|带动|帮扶|结对|服务|驻点|在)(?:了|到)?((?:[" + CJK + r"]{2,5}?" + _VILLAGE
                              + r"(?:[、和与及]|以及))*[" + CJK + r"]{2,5}?" + _VILLAGE + r")(?![" + CJK + r"])")
"""覆盖巴音乌拉嘎查和宝力根嘎查, 在昊苑村、园林村推广: the villages a project or person serves,
named after the serving verb (a list of them, each ending its clause or joined)."""


def _villages_served(doc: Document) -> None:
    flat = doc.flat
    for m in _SERVED_VILLAGES.finditer(flat):
        pos = m.start(1)
        for part in re.finditer(r"([" + CJK + r"]{2,5}?" + _VILLAGE + r")(?:[、和与及]|以及|$)", m.group(1)):
            name, start = part.group(1), pos + part.start(1)
            if name in VILLAGE_STOP or any(c in _NOT_IN_STEM for c in name[:-1]) or inside(start, start + len(name), doc.short_quotes):
                break
            if not any(c.start < start + len(name) and start < c.end for c in doc.candidates if c.type in ("Village", "Region", "Unit")):
                doc.candidates.append(Mention("Village", name, start, start + len(name)))


_LEADER_AFTER = re.compile(r"(?:村|社区|嘎查)(?=(?:党总支|党支部|党委|党组织|村委会|村民委员会|居委会|居民委员会|支部)"
                           r"?(?:副?书记|副?主任|委员|主任)|(?:党总支|党支部|党委|村委会|村民委员会|居委会|居民委员会))")
_NOT_IN_STEM = set("和与及的是在了他她我你们也有两各每本该全这那其村")
"""他和村…, 两村村委会, 龙江村村委会: no village is named so."""
_VILLAGE_BOUNDARY = set("，。；、：:（()“”「」 \u3000\n是在的任为和与及到")


def _villages_before_their_leaders(doc: Document) -> None:
    """龙广村党支部书记, 巴音乌拉嘎查党支部书记, 海岸社区党委书记: a village named by the office of
    its leaders or committee after it, where nothing else was found. Its name starts after a
    place, a punctuation mark or a function word (同时是柳树村… → 柳树村), a district or county
    suffix (包河区锦绣湾社区) or a feature title's ——记, 2 to 4 characters before the suffix."""
    flat = doc.flat
    region_ends = {c.end for c in doc.candidates if c.type == "Region"}
    for m in _LEADER_AFTER.finditer(flat):
        end = m.end()
        if m.group(0) == "社区":  # …海岸社|区: 社 was taken for an organisation's head (报社, 合作社)
            for c in [c for c in doc.candidates if c.type == "Unit" and c.end == m.start() + 1]:
                doc.candidates.remove(c)
        if any(c.start < end and m.start() < c.end for c in doc.candidates if c.type in ("Village", "Region")):
            continue
        for n in (4, 3, 2):
            start = m.start() - n
            if start < 0:
                continue
            name = flat[start:end]
            stem = flat[start:m.start()]
            if not all("\u4e00" <= c <= "\u9fff" for c in stem) or name in VILLAGE_STOP or any(c in _NOT_IN_STEM for c in stem):
                continue
            if start == 0 or start in region_ends or flat[start - 1] in _VILLAGE_BOUNDARY \
                    or n == 2 and flat[start - 1] in "区县市镇乡旗" or flat[start - 1] in "区县旗" \
                    or flat[max(0, start - 3):start] == "——记" \
                    or flat[start - 1] in "镇乡" and not flat[start - 2:start].startswith(("城", "家", "老")):
                # …土家族乡曲尺河村: a village's name starts after its town's suffix
                if name[0] not in "本该全各每这那其区县市镇乡旗州省" and not inside(start, end, doc.short_quotes):
                    doc.candidates.append(Mention("Village", name, start, end))
                    for c in [c for c in doc.candidates if c.type == "Unit" and c.start == start
                              and re.fullmatch(r"(?:党总支|党支部|党委|支部)", flat[end:c.end])]:
                        doc.candidates.remove(c)  # the village's party branch is no Unit (its secretary SERVES it)
                break
