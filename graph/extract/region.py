"""Where the source is: its province, its city and its county (relative honors and units
such as 省劳模, 市总工会, 县劳模 resolve against them) and every gazetteer place it names
(for 该县总工会). The publisher (浏阳日报, 潍坊市总工会) says where a source is more surely
than any one mention in the text, so its place weighs as three mentions."""
from __future__ import annotations

import re
from collections import Counter

from graph.extract.document import Document
from graph.extract.lexicons import gazetteer, local_place_names, place_regex, province_city_regex, set_local_places
from graph.extract.normalise import is_cjk

_PLACE_SHAPE = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:自治区|省|市|县|区|州|盟|旗)$")
_NOT_PLACES = ("社区", "小区", "园区", "景区", "山区", "地区", "市区", "城区", "新区", "开发区", "高新区", "保税区",
               "示范区", "试验区", "辖区", "片区", "街区", "厂区", "校区", "灾区", "牧区", "库区", "林区", "湖区", "都市",
               "城市", "超市", "门市", "夜市", "股市", "楼市", "全市", "全省", "全县", "全区", "本市", "该市", "我市")
_NOT_PLACE_STEMS = ("集体", "单位", "职工", "个人", "先进", "基层", "产业", "系统", "行业", "企业", "直属", "各级")
"""授予20个集体市总工会“工人先锋号”: 集体市 is no place (a bare 市 after a group noun)."""
_BARE_AUTONOMY = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}族)*自治(?:区|州|县|旗)$")
"""自治县, 朝鲜族自治州: the tail of an autonomous place's name, or the kind alone (各区县（自治县）), no place."""
_ORG_PLACE = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:省|市|县))(?=[\u4e00-\u9fff]{2,})")


def local_places(doc: Document) -> None:
    """Stage: the places of this text the gazetteer lacks — invented or new ones (西岭省,
    青川市, 白岩县) — from the tagger's place words and the place opening an organisation's
    name (青川市第二人民医院), each a parent of the next in a chain (西岭省青川市)."""
    by_name, aliases = gazetteer()
    found: dict[str, str] = {}
    previous: tuple[int, str] | None = None
    for t in doc.tokens:
        word = t.word.replace(" ", "")
        candidate = None
        if t.tag == "LOC" and _PLACE_SHAPE.match(word):
            candidate = word
        elif t.tag == "ORG":
            m = _ORG_PLACE.match(word)
            if m and _PLACE_SHAPE.match(m.group(1)):
                candidate = m.group(1)
        if candidate and candidate not in by_name and candidate not in aliases and len(candidate) >= 3 \
                and not candidate.endswith(_NOT_PLACES) and not candidate[:-1].endswith(_NOT_PLACE_STEMS) \
                and all(is_cjk(c) for c in candidate) and candidate[0] not in "全本我该各每此其" \
                and not _BARE_AUTONOMY.match(candidate):
            parent = previous[1] if previous and previous[0] == t.start else ""
            found.setdefault(candidate, parent)
            previous = (t.start + len(candidate), candidate)
        elif t.tag == "LOC" and word in by_name:
            previous = (t.end, word)
    doc.local_token = set_local_places(found)

PUBLISHER_WEIGHT = 3


def _province_of(name: str) -> str | None:
    """The province a place belongs to, following its parents."""
    by_name, _ = gazetteer()
    seen = 0
    while name and seen < 5:
        places = by_name.get(name)
        if not places:
            return None
        place = places[0]
        if place.kind == "province":
            return place.name
        name, seen = place.parent, seen + 1
    return None


def source_places(flat: str, publisher: str | None = None) -> tuple[str | None, str | None, str | None]:
    """The source's province, city and county: the most named place ending in 市 (a city,
    or a county-level city such as 浏阳市: what a bare 市 means to its readers) and its
    province, else the most named province, else 浙江省; the most named county or district.
    Provinces and cities count by full name or short form (嘉兴, 浏阳)."""
    by_name, aliases = gazetteer()
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    counties: Counter[str] = Counter()
    # 常州村, 中山路: a village or street named like a place is no mention of it
    found = Counter(m.group(0) for m in province_city_regex().finditer(flat)
                    if not re.match(r"(?:村|社区|路|街|大道)", flat[m.end():m.end() + 2]))
    for name in local_place_names():  # the text's own places the gazetteer lacks
        if flat.count(name):
            found[name] += flat.count(name)
    if publisher:
        for m in province_city_regex().finditer(publisher):
            found[m.group(0)] += PUBLISHER_WEIGHT
            break  # the publisher's own place is its first one
        for name in local_place_names():
            if publisher.startswith(name):
                found[name] += PUBLISHER_WEIGHT
    for name, count in found.items():
        full = aliases.get(name, name)
        for place in list(by_name.get(full, []))[:1]:
            if place.kind == "city" or (place.kind == "county" and full.endswith("市")):
                cities[full] += count
                province = _province_of(full)
                if province:
                    provinces[province] += count
            elif place.kind == "province":
                provinces[full] += count
                if full.endswith("市"):
                    cities[full] += count  # 天津市: a municipality is the city a bare 市 means too
            if place.kind in ("county", "district"):
                counties[full] += count
    # a tie goes to a prefecture-level city before a county-level one
    city = max(cities, key=lambda c: (cities[c], by_name[c][0].kind == "city")) if cities else None
    province = _province_of(city) if city else None
    if province is None and provinces:
        province = provinces.most_common(1)[0][0]
    county = counties.most_common(1)[0][0] if counties else None
    return province or "浙江省", city, county


def source_region(flat: str, publisher: str | None = None) -> tuple[str | None, str | None]:
    """The source's province and city (see source_places)."""
    province, city, _ = source_places(flat, publisher)
    return province, city


def locate(doc: Document) -> None:
    """Stage: the source's province, city and county, and the places it names by full name."""
    doc.province, doc.city, doc.county = source_places(doc.flat, doc.publisher)
    doc.places = [(m.end(), m.group(0)) for m in place_regex().finditer(doc.flat)]
    local = [n for n in local_place_names() if len(n) >= 3 and n[-1] in "省市县区州盟旗"]
    if local:
        doc.places = sorted(doc.places + [(m.end(), m.group(0)) for m in re.finditer(
            "|".join(re.escape(n) for n in sorted(local, key=len, reverse=True)), doc.flat)])
