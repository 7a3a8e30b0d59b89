"""Where the source is: its province, its city and its county (relative honors and units
such as 省劳模, 市总工会, 县劳模 resolve against them) and every gazetteer place it names
(for 该县总工会). The publisher (浏阳日报, 潍坊市总工会) says where a source is more surely
than any one mention in the text, so its place weighs as three mentions."""
from __future__ import annotations

from collections import Counter

from graph.extract.document import Document
from graph.extract.lexicons import gazetteer, place_regex, province_city_regex

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
    found = Counter(m.group(0) for m in province_city_regex().finditer(flat))
    if publisher:
        for m in province_city_regex().finditer(publisher):
            found[m.group(0)] += PUBLISHER_WEIGHT
            break  # the publisher's own place is its first one
    for name, count in found.items():
        full = aliases.get(name, name)
        for place in by_name.get(full, [])[:1]:
            if place.kind == "city" or (place.kind == "county" and full.endswith("市")):
                cities[full] += count
                province = _province_of(full)
                if province:
                    provinces[province] += count
            elif place.kind == "province":
                provinces[full] += count
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
