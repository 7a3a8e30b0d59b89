"""facts/teaching.py: MENTORS told as teaching (credit, pairing scheme, a roll of apprentices)."""
from __future__ import annotations

from tests.extract.helpers import extract, facts


def test_credit_to_the_teacher_after_a_copula() -> None:
    # A、B都是X一手带出来的 / A是他手把手带出来的“新农人”
    ex = extract("法官助理冯晓宇、书记员郭蕾，都是岳淑芬一手带出来的。")
    assert facts(ex, "MENTORS") == {("岳淑芬", "冯晓宇"), ("岳淑芬", "郭蕾")}
    ex = extract("谢德山种了三十年小麦。返乡青年刘金宝是他手把手带出来的“新农人”。")
    assert facts(ex, "MENTORS") == {("谢德山", "刘金宝")}


def test_a_pronoun_teacher_is_not_a_fellow_apprentice() -> None:
    # 他 after a fellow apprentice named in the same sentence is the master of the sentences before
    ex = extract("余春生是青花大师。鄢晓雨2009年拜他为师；学徒郑丽芳，则是他手把手教会分水技法的。")
    assert ("余春生", "郑丽芳") in facts(ex, "MENTORS")
    assert ("鄢晓雨", "郑丽芳") not in facts(ex, "MENTORS")


def test_pairs_in_a_pairing_scheme() -> None:
    # 师徒结对：X带A，Y带女徒弟B
    ex = extract("班里实行师徒结对：欧阳明远带黎俊峰，老机械员苟建国带女徒弟景雯雯。")
    assert facts(ex, "MENTORS") == {("欧阳明远", "黎俊峰"), ("苟建国", "景雯雯")}


def test_named_after_a_count_of_apprentices() -> None:
    # X带出了徒弟四十多名，A、B都是其中的佼佼者
    ex = extract("三十年来，熊国强带出了徒弟四十多名，谭晓兵、雷婷婷都是其中的佼佼者。")
    assert facts(ex, "MENTORS") == {("熊国强", "谭晓兵"), ("熊国强", "雷婷婷")}
    # 徒弟中有…的A，也有…的B
    ex = extract("缪秀芬带出了30多名值车工，徒弟中有后来当上班长的陆燕飞，也有从贵州来的姑娘杨再芳。")
    assert facts(ex, "MENTORS") == {("缪秀芬", "陆燕飞"), ("缪秀芬", "杨再芳")}
    # 他带出的徒弟中，有3人…，民警A、B就是其中的代表
    ex = extract("梁振华是中队长。他带出的徒弟中，有3人已走上领导岗位，民警林浩宇、吴俊峰就是其中的代表。")
    assert facts(ex, "MENTORS") == {("梁振华", "林浩宇"), ("梁振华", "吴俊峰")}


def test_learning_from_a_pronoun() -> None:
    # A跟着他学了两年: 他 the master named before
    ex = extract("向志强在山里送了三十年邮件。姑娘龙秀芳跟着他学了两年。")
    assert facts(ex, "MENTORS") == {("向志强", "龙秀芳")}


def test_my_master_without_de() -> None:
    # 我师傅是X, said by the speaker
    ex = extract("展宏亮说：“我师傅是戚振华，他教会我看风。”")
    assert ("戚振华", "展宏亮") in facts(ex, "MENTORS")


def test_the_apprentice_of_so_many_years() -> None:
    # A是X带了8年的徒弟 / A是她最近带的徒弟 / A是他的关门弟子
    assert facts(extract("骨干易晓川是何啸天带了8年的徒弟。"), "MENTORS") == {("何啸天", "易晓川")}
    assert facts(extract("林婉清是护士长。杨欣然是她最近带的徒弟。"), "MENTORS") == {("林婉清", "杨欣然")}


def test_a_surname_and_address_credited_with_teaching() -> None:
    # P说，自己…，是林老师手把手教出来的: 林老师 is the one 林 the text names; 自己 the speaker
    ex = extract("林婉清是护士长。年轻护士蒙丽芳说，自己刚进科时什么都不懂，是林老师一步一步手把手教出来的。")
    assert facts(ex, "MENTORS") == {("林婉清", "蒙丽芳")}


def test_who_taught_him_after_a_description() -> None:
    # 当年带他的，是公司第一代机械员、如今已退休的X
    ex = extract("欧阳明远是班长。他自己也是跟着老师傅学出来的——当年带他的，是公司第一代机械员、如今已退休的滕家富。")
    assert facts(ex, "MENTORS") == {("滕家富", "欧阳明远")}


def test_an_answer_that_drops_its_subject_counts_the_speakers_apprentices() -> None:
    # 林德旺：…这些年前后带了四十多个徒弟，像A、B，现在都能独立制茶了。
    text = "记者：您带了多少徒弟？\n林德旺：这些年前后带了四十多个徒弟，像谢雅琴、陈志鸿，现在都能独立制茶了。"
    assert facts(extract(text), "MENTORS") == {("林德旺", "谢雅琴"), ("林德旺", "陈志鸿")}
