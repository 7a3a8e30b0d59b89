"""facts/employment.py: WORKS_AT from a person's verbs."""
from __future__ import annotations

from tests.extract.helpers import extract, props, years


def test_joining_a_unit_with_the_year() -> None:
    # 1994年……进入江苏沙钢集团有限公司 (南京工程学院 is where he studied, not worked)
    ex = extract("1994年，刘宏伟从南京工程学院毕业后进入江苏沙钢集团有限公司。")
    assert years(ex, "WORKS_AT") == {("刘宏伟", "江苏沙钢集团有限公司"): 1994}
    assert years(extract("张建华2001年入职嘉兴市恒达机械有限公司。"), "WORKS_AT") == {
        ("张建华", "嘉兴市恒达机械有限公司"): 2001}


def test_holding_a_role_at_a_unit() -> None:
    # 现任嘉兴市第一医院急诊科护士长
    ex = extract("周丽萍现任嘉兴市第一医院急诊科护士长。")
    assert props(ex, "WORKS_AT") == {("周丽萍", "嘉兴市第一医院急诊科"): {"role": "护士长"}}


def test_working_at_a_unit() -> None:
    ex = extract("王建强在嘉兴市恒达机械有限公司工作二十年。")
    assert ("王建强", "嘉兴市恒达机械有限公司") in props(ex, "WORKS_AT")


def test_a_unit_visited_is_no_employer() -> None:
    assert props(extract("王建强在嘉兴市恒达机械有限公司参观。"), "WORKS_AT") == {}
