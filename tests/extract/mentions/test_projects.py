"""mentions/projects.py: a quoted name followed by 项目, 工程 or 计划."""
from __future__ import annotations

from graph.extract.mentions.projects import find_projects


def found(flat: str) -> list[str]:
    return [m.name for m in find_projects(flat)]


def test_a_project_is_named_by_its_quote() -> None:
    assert found("推广实施“东西协作茵红李全产业链增收”项目") == ["东西协作茵红李全产业链增收"]
    assert found("开展「劳模入网格」项目") == ["劳模入网格"]


def test_a_programme_keeps_its_head() -> None:
    # “浙江工匠”培育工程 → 浙江工匠培育工程
    assert found("40人入选“浙江工匠”培育工程") == ["浙江工匠培育工程"]
    assert found("实施“春泥”计划") == ["春泥计划"]


def test_a_quote_that_is_not_the_name() -> None:
    assert found("“劳模精神”的工程") == []
    assert found("开展“朵朵鲜花送劳模”活动") == []
