"""facts/studios.py: a studio's leader, members and host."""
from __future__ import annotations

from tests.extract.helpers import extract, facts

TEXT = ("工作室成立于2015年，名为张海峰劳模创新工作室，由浙江省劳动模范、高级工程师张海峰领衔，"
        "依托巨石集团有限公司玻纤研究院。工作室成员李婷婷、周志刚、郑凯围绕池窑拉丝工艺开展攻关。")


def test_led_by_hosted_by_and_members() -> None:
    ex = extract(TEXT)
    assert facts(ex, "LEADS") == {("张海峰", "张海峰劳模创新工作室")}
    assert facts(ex, "HOSTED_BY") == {("张海峰劳模创新工作室", "巨石集团有限公司玻纤研究院")}  # 依托U
    assert facts(ex, "MEMBER_OF") == {(p, "张海峰劳模创新工作室") for p in ("李婷婷", "周志刚", "郑凯")}  # 成员P1、P2、P3


def test_the_person_in_charge() -> None:
    # 负责人X
    assert facts(extract("李明技能大师工作室负责人李明介绍了经验。"), "LEADS") == {("李明", "李明技能大师工作室")}
    ex = extract("张海峰劳模创新工作室成立于2015年。工作室负责人王建强介绍了经验。")
    assert ("王建强", "张海峰劳模创新工作室") in facts(ex, "LEADS")


def test_a_host_glued_before_the_studio() -> None:
    # 巨石集团有限公司的张海峰劳模创新工作室
    ex = extract("巨石集团有限公司的张海峰劳模创新工作室获评示范。")
    assert facts(ex, "HOSTED_BY") == {("张海峰劳模创新工作室", "巨石集团有限公司")}


def test_设在_a_unit_through_the_anaphor() -> None:
    ex = extract("张海峰劳模创新工作室成立于2015年。该工作室设在巨石集团有限公司。")
    assert facts(ex, "HOSTED_BY") == {("张海峰劳模创新工作室", "巨石集团有限公司")}
