"""normalise.py: one character in, one out; page breaks dropped with offsets kept."""
from __future__ import annotations

from graph.extract.normalise import flatten, norm_char


def test_each_character_is_normalised_on_its_own() -> None:
    assert norm_char("２") == "2" and norm_char("Ａ") == "A"  # full-width to half-width
    assert [norm_char(c) for c in ",;:()!?"] == list("，；：（）！？")  # ASCII marks to the ones the rules read
    assert "".join(norm_char(c) for c in "全國勞動模範") == "全国劳动模范"  # traditional to simplified
    assert norm_char("。") == "。"


def test_a_page_break_inside_a_sentence_is_dropped_with_offsets_kept() -> None:
    # seed/: "全国五一劳动奖章获\n\n得者杨开九" runs across a page break
    text = "去年，全国五一劳动奖章获得者杨开九和全国先进工作者王金良一起参加了劳模工匠宣讲活动获\n\n得者杨开九发言。"
    flat, to_orig = flatten(text)
    assert "\n" not in flat
    assert len(flat) == len(to_orig)
    assert all(text[to_orig[i]] == flat[i] for i in range(len(flat)))


def test_a_heading_and_a_finished_sentence_keep_their_line_break() -> None:
    flat, _ = flatten("嘉兴劳模风采\n全国劳模张继东在桐乡市。\n他带领农户增收。")
    assert flat == "嘉兴劳模风采\n全国劳模张继东在桐乡市。\n他带领农户增收。"


def test_spaces_go_except_one_between_two_chinese_words() -> None:
    # a byline keeps its separators (记者 陈晨, also the ideographic space); runs and ends go
    flat, to_orig = flatten("记者 陈晨  通讯员　蔡晓雯 ")
    assert flat == "记者 陈晨通讯员　蔡晓雯"
    assert to_orig[3] == 3
    assert flatten("")[0] == "" and flatten("\n")[0] == ""


def test_a_long_list_heading_before_a_blank_line_keeps_its_break() -> None:
    # …工作室名单 (longer than a short heading) / (blank) / 序号…: the table is not glued to its heading
    text = "附件：2023年度（第五批）青川市示范性劳模和工匠人才创新工作室名单\n\n序号工作室名称依托单位1罗志诚劳模创新工作室"
    flat, _ = flatten(text)
    assert "名单\n序号" in flat


def test_a_long_title_before_a_byline_line_ends_there() -> None:
    # the title has no final mark and is long, but the byline line after it starts anew
    from tests.extract.helpers import extract, facts, names
    ex = extract("2024年度青川“最美职工”发布 三位一线劳动者讲述他们的平凡而感人的故事\n青川工人报记者 霍志强\n\n"
                 "12月25日，青川市总工会发布2024年度青川“最美职工”。")
    assert "青川工人报" in names(ex, "Unit") and ("霍志强", "青川工人报") in facts(ex, "WORKS_AT")


def test_a_name_list_set_in_columns_keeps_its_names_and_rows_apart() -> None:
    # 于  洋  U司机: the padded name and its unit stay apart; a long row ends at the next row
    text = ("邵振国  哈尔滨松江重型电机有限公司大电机分厂装配工段工段长\n"
            "于  洋  哈尔滨地铁集团有限公司运营分公司电客车司机\n")
    flat, _ = flatten(text)
    assert "工段长\n于 洋 哈尔滨" in flat
