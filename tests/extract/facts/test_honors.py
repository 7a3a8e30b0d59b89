"""facts/honors.py: RECEIVED from a clause's verb, copula or list."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, years


def test_the_subject_before_a_receiving_verb_with_its_year() -> None:
    # 张建华2019年获评全国劳动模范
    assert years(extract("张建华2019年获评全国劳动模范。"), "RECEIVED") == {("张建华", "全国劳动模范"): 2019}
    assert years(extract("陆建平2009年获得全国技术能手称号。"), "RECEIVED") == {("陆建平", "全国技术能手"): 2009}


def test_the_clause_subject_carries_over() -> None:
    ex = extract("张建华扎根一线三十年，2019年被评为全国劳动模范。")
    assert years(ex, "RECEIVED") == {("张建华", "全国劳动模范"): 2019}


def test_the_recipient_after_授予() -> None:
    # 授予其/授予张三……
    assert facts(extract("市总工会授予张建华“嘉兴工匠”称号。"), "RECEIVED") == {("张建华", "嘉兴工匠")}


def test_a_copula() -> None:
    # 他是全国劳动模范
    assert years(extract("张建华是全国劳动模范。"), "RECEIVED") == {("张建华", "全国劳动模范"): None}


def test_the_recipients_listed_after_the_honor() -> None:
    # 获评全国劳动模范的有张三、李四
    ex = extract("获评全国劳动模范的有张建华、李晓红等。")
    assert facts(ex, "RECEIVED") == {("张建华", "全国劳动模范"), ("李晓红", "全国劳动模范")}


def test_其中_names_some_of_the_counted() -> None:
    ex = extract("2023年，嘉兴市有120人获评嘉兴市劳动模范。其中，南湖区有王建国、刘晓梅。")
    assert years(ex, "RECEIVED") == {("王建国", "嘉兴市劳动模范"): 2023, ("刘晓梅", "嘉兴市劳动模范"): 2023}


def test_a_counted_award_is_not_a_persons_honor() -> None:
    assert facts(extract("张建华说，今年120人获评嘉兴市劳动模范。"), "RECEIVED") == set()


def test_a_mention_without_verb_or_copula_gives_nothing() -> None:
    assert facts(extract("张建华学习全国劳动模范的事迹。"), "RECEIVED") == set()
