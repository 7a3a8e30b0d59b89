"""region.py: the source's province and city, which relative honors resolve against."""
from __future__ import annotations

from graph.extract.region import source_region


def test_the_most_named_city_and_its_province() -> None:
    assert source_region("嘉兴市南湖区召开会议，嘉兴劳模代表参加，杭州嘉宾出席。") == ("浙江省", "嘉兴市")
    assert source_region("江苏沙钢集团有限公司位于张家港，苏州市总工会表彰。") == ("江苏省", "苏州市")


def test_a_province_alone_and_nothing_at_all() -> None:
    assert source_region("四川省劳动模范座谈会召开。") == ("四川省", None)
    assert source_region("劳模座谈会召开。") == ("浙江省", None)
