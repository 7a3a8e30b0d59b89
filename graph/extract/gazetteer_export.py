"""Development tool, not used at run time: writes graph/data/places.csv from jionlp's
china_location.txt (省/市/县区 nationwide, 乡镇街道 for Zhejiang), so the product carries
the gazetteer as plain data and never depends on jionlp.

    python -m graph.extract.gazetteer_export /path/to/china_location.txt
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from graph.spreadsheet import safe_cell

OUT = Path(__file__).resolve().parent.parent / "data" / "places.csv"
TOWN_PROVINCES = ("浙江省",)


def _county_kind(name: str) -> str:
    return "district" if name.endswith("区") else "county"


def export(source: Path, out: Path = OUT) -> int:
    rows: list[tuple[str, str, str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    province = city = county = ""

    def add(name: str, kind: str, parent: str, code: str = "", alias: str = "") -> None:
        if (name, parent) not in seen:
            seen.add((name, parent))
            rows.append((name, kind, parent, code, alias))

    for line in source.read_text(encoding="utf-8").splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip().split("\t")
        if not parts or not parts[0]:
            continue
        if depth == 0:
            province = parts[0]
            add(province, "province", "", parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "")
        elif depth == 1:
            city = parts[0]
            if city != province:  # municipalities repeat themselves as their own city
                add(city, "city", province, parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "")
        elif depth == 2:
            county = parts[0]
            parent = city if city != province else province
            add(county, _county_kind(county), parent, parts[1] if len(parts) > 1 else "", parts[2] if len(parts) > 2 else "")
        elif depth == 3 and province in TOWN_PROVINCES:
            add(parts[0], "town", county)
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "kind", "parent", "code", "alias"])
        writer.writerows([[safe_cell(cell) for cell in row] for row in rows])  # never a formula
    return len(rows)


if __name__ == "__main__":
    print(export(Path(sys.argv[1])))
