"""mentions/studios.py: a person's name glued before a studio head."""
from __future__ import annotations

from tests.extract.helpers import extract, facts, mentions, names


def test_a_studio_named_after_a_person_found_before() -> None:
    ex = extract("工作室名为张海峰劳模创新工作室，由高级工程师张海峰领衔。")
    assert names(ex, "Studio") == {"张海峰劳模创新工作室"}
    assert ("张海峰", "张海峰劳模创新工作室") in facts(ex, "LEADS")


def test_a_new_three_character_owner_starting_a_phrase() -> None:
    # 是王晓芳劳模创新工作室: the owner becomes a person and the leader
    ex = extract("这里是王晓芳劳模创新工作室。")
    assert names(ex, "Studio") == {"王晓芳劳模创新工作室"} and names(ex, "Person") == {"王晓芳"}
    assert ("王晓芳", "王晓芳劳模创新工作室") in facts(ex, "LEADS")


def test_the_longest_studio_head_is_taken() -> None:
    assert ("Studio", "李明技能大师工作室") in mentions("李明技能大师工作室负责人李明介绍经验。", {"李明": "PER"})
    assert ("Studio", "王晓芳劳模工匠创新工作室") in mentions("参观了王晓芳劳模工匠创新工作室。", {})
    assert mentions("走进王晓芳劳模工匠创新工作室。", {}) == []  # 进 starts no phrase: 走进王|晓芳…


def test_a_generic_studio_is_no_mention() -> None:
    assert names(extract("创新工作室成立于2015年。"), "Studio") == set()
    assert names(extract("这里是她的工作室。"), "Studio") == set()


def test_a_craft_word_between_a_named_owner_and_the_head() -> None:
    # 林德旺制茶技能大师工作室 / 张秀英苗绣技能大师工作室: the owner is a person the text names
    ex = extract("林德旺是全国劳动模范。二〇一二年成立了林德旺制茶技能大师工作室，设在安溪铁观音茶业有限公司。")
    assert facts(ex, "LEADS") == {("林德旺", "林德旺制茶技能大师工作室")}
    assert facts(ex, "HOSTED_BY") == {("林德旺制茶技能大师工作室", "安溪铁观音茶业有限公司")}
    ex = extract("镇里支持其领办创新工作室。")
    assert facts(ex, "LEADS") == set()
