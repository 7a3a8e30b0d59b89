"""years.py: the year written with a fact, the year opening its sentence, or 同年."""
from __future__ import annotations

from graph.extract.discourse import Discourse
from graph.extract.document import Mention
from graph.extract.years import leading_year, year_between, years
from tests.extract.helpers import extract, years as fact_years


def test_years_and_the_last_between_two_points() -> None:
    flat = "1998年入厂，2009年获奖，20年来"
    assert years(flat, 0, len(flat)) == [(0, 1998), (8, 2009)]
    assert year_between(flat, 0, 13) == 2009 and year_between(flat, 0, 6) == 1998 and year_between(flat, 14, 19) is None


def test_a_year_that_opens_the_sentence() -> None:
    # 2021年，… / 2022年以来，… / 近日，2023年…
    state = Discourse()
    for flat in ("2021年，张建华获奖。", "2022年以来，张建华获奖。", "近日，2023年张建华获奖。"):
        person = Mention("Person", "张建华", flat.index("张"), flat.index("张") + 3)
        assert leading_year(flat, (0, len(flat)), [person], state) == int(flat[flat.index("20"):][:4])
    flat = "张建华2019年获奖。"
    assert leading_year(flat, (0, len(flat)), [Mention("Person", "张建华", 0, 3)], state) is None


def test_同年_is_the_last_year_named() -> None:
    state = Discourse(last_year=2021)
    flat = "同一年，俞佳丽到营山村挂职。"
    assert leading_year(flat, (0, len(flat)), [], state) == 2021
    ex = extract("2021年3月，徐卫东被选派到纳雍县挂职。同一年，俞佳丽到纳雍县龙场镇营山村挂职第一书记。")
    assert fact_years(ex, "ASSIGNED_TO") == {("徐卫东", "纳雍县"): 2021, ("俞佳丽", "营山村"): 2021}
