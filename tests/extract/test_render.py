"""render.py: the Extraction `kg extract` prints and the writer takes."""
from __future__ import annotations

import json

from graph.extract import extraction_to_text
from tests.extract.helpers import extract


def test_one_entity_per_name_with_every_span_and_its_kind() -> None:
    text = "长城汽车股份有限公司平湖分公司总装车间获评嘉兴市工人先锋号。总装车间的张建华说，张建华很自豪。"
    ex = extract(text)
    team = next(e for e in ex.entities if e.name == "长城汽车股份有限公司平湖分公司总装车间")
    assert team.props == {"kind": "team"}  # a team is a Unit of kind team
    person = next(e for e in ex.entities if e.name == "张建华")
    assert [text[s:e] for s, e in person.spans] == ["张建华", "张建华"]
    honor = next(e for e in ex.entities if e.type == "Honor")
    assert honor.props == {"level": "city", "recipient_kind": "team", "curated": True}


def test_a_unit_only_a_fact_names_is_listed_too() -> None:
    ex = extract("长城汽车股份有限公司平湖分公司总装车间获奖。")
    implied = next(e for e in ex.entities if e.name == "长城汽车股份有限公司")
    assert implied.spans == []


def test_the_json_shape_and_the_listing() -> None:
    ex = extract("2019年，全国先进工作者王金良推广实施“茵红李增收”项目，惠及1200户、增收300万元。")
    data = json.loads(json.dumps(ex.to_json(), ensure_ascii=False))
    assert set(data) == {"entities", "facts"}
    assert all(set(e) == {"type", "name", "spans"} for e in data["entities"])
    assert all(set(f) == {"type", "subject", "object", "year", "evidence"} for f in data["facts"])
    project = next(e for e in ex.entities if e.type == "Project")
    assert project.props["outcomes"] == ["1200户", "300万元"]
    listing = extraction_to_text(ex)
    assert listing.splitlines()[0] == "Person (1): 王金良"
    assert "  PARTICIPATES_IN  王金良 → 茵红李增收 [2019]" in listing
