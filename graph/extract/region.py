"""Where the source is: its province and city (relative honors such as 省劳模 and 全市
resolve against them) and every gazetteer place it names (for 该县总工会, 市总工会)."""
from __future__ import annotations

from collections import Counter

from graph.extract.document import Document
from graph.extract.lexicons import gazetteer, place_regex, province_city_regex


def source_region(flat: str) -> tuple[str | None, str | None]:
    """The source's province and city: the most named city (and its province), else
    the most named province, else 浙江省."""
    by_name, aliases = gazetteer()
    cities: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    for name, count in Counter(m.group(0) for m in province_city_regex().finditer(flat)).items():
        full = aliases.get(name, name)
        for place in by_name.get(full, []):
            if place.kind == "city":
                cities[full] += count
                provinces[place.parent] += count
            elif place.kind == "province":
                provinces[full] += count
    city = cities.most_common(1)[0][0] if cities else None
    province = None
    if city:
        province = by_name[city][0].parent
    elif provinces:
        province = provinces.most_common(1)[0][0]
    return province or "浙江省", city


def locate(doc: Document) -> None:
    """Stage: the source's province and city, and the places it names by full name."""
    doc.province, doc.city = source_region(doc.flat)
    doc.places = [(m.end(), m.group(0)) for m in place_regex().finditer(doc.flat)]
