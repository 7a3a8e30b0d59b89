"""Article extraction as plain functions: no Neo4j needed."""
from __future__ import annotations

import json
from pathlib import Path

from graph.honors import canonical_honor, title_forms
from graph.extract import extract_article, extraction_to_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seed" / "jiaxing-model-workers-2023.txt"


def names(ex, type_: str) -> set[str]:
    return {e.name for e in ex.entities if e.type == type_}


def facts(ex, type_: str) -> set[tuple[str, str]]:
    return {(f.subject.name, f.object.name) for f in ex.facts if f.type == type_}


def test_honor_short_forms_resolve_against_the_source_region() -> None:
    assert canonical_honor("全国劳模").name == "全国劳动模范"
    assert canonical_honor("省劳模", province="浙江省").name == "浙江省劳动模范"
    assert canonical_honor("市劳模", city="嘉兴市").name == "嘉兴市劳动模范"
    assert canonical_honor("全國勞模").name == "全国劳动模范"
    assert canonical_honor("优秀员工") is None
    forms = title_forms()
    assert forms.index("全国五一劳动奖章") < forms.index("全国劳模")


def test_titles_glued_to_names_are_stripped_and_received() -> None:
    ex = extract_article("全国劳模张继东的农场迎来了研学的学生。全国五一劳动奖章获得者杨开九拿到了绿通卡。"
                         "来自嘉兴技师学院的学生庞珍妮表示，她将传承劳模精神。")
    assert {"张继东", "杨开九", "庞珍妮"} <= names(ex, "Person")
    assert ("张继东", "全国劳动模范") in facts(ex, "RECEIVED")
    assert ("杨开九", "全国五一劳动奖章") in facts(ex, "RECEIVED")
    assert ("庞珍妮", "嘉兴技师学院") in facts(ex, "WORKS_AT")
    assert not any(n.startswith(("全国", "学生")) for n in names(ex, "Person"))


def test_aggregates_are_counts_not_persons() -> None:
    ex = extract_article("2022年以来，嘉兴共有7人获评全国五一劳动奖章，120人获评嘉兴市劳动模范、37家单位获评嘉兴市先进集体。")
    assert names(ex, "Person") == set()
    assert not facts(ex, "RECEIVED")
    counts = {(a.honor, a.count, a.recipient_kind, a.year) for a in ex.aggregates}
    assert ("全国五一劳动奖章", 7, "person", 2022) in counts
    assert ("嘉兴市劳动模范", 120, "person", 2022) in counts
    assert ("嘉兴市先进集体", 37, "unit", 2022) in counts


def test_traditional_characters_give_simplified_canonical_names() -> None:
    text = "全國勞動模範、浙江嘉興石化有限公司設備主管馬建軍，從業三十年來帶出徒弟二十餘人。其徒弟孫麗華於2019年獲得浙江省五一勞動獎章。"
    ex = extract_article(text)
    assert {"马建军", "孙丽华"} <= names(ex, "Person")
    assert ("马建军", "全国劳动模范") in facts(ex, "RECEIVED")
    assert ("马建军", "孙丽华") in facts(ex, "MENTORS")
    received = {(f.subject.name, f.object.name): f.year for f in ex.facts if f.type == "RECEIVED"}
    assert received[("孙丽华", "浙江省五一劳动奖章")] == 2019
    person = next(e for e in ex.entities if e.name == "马建军")
    start, end = person.spans[0]
    assert text[start:end] == "馬建軍"


def test_mentorship_over_three_generations() -> None:
    text = ("1998年，沈国华开始带徒，第一个徒弟是陆建平。在沈国华的指导下，陆建平2009年获得全国技术能手称号。"
            "陆建平先后带出了14名徒弟，其中徒弟吴晓燕2021年获评嘉兴市五一劳动奖章，徒弟钱磊2022年入选嘉兴良匠。")
    ex = extract_article(text)
    mentors = facts(ex, "MENTORS")
    assert {("沈国华", "陆建平"), ("陆建平", "吴晓燕"), ("陆建平", "钱磊")} <= mentors
    assert ("沈国华", "吴晓燕") not in mentors
    years = {(f.subject.name, f.object.name): f.year for f in ex.facts if f.type == "MENTORS"}
    assert years[("沈国华", "陆建平")] == 1998


def test_studio_leader_members_and_host() -> None:
    ex = extract_article("工作室成立于2015年，名为张海峰劳模创新工作室，由浙江省劳动模范、高级工程师张海峰领衔，"
                         "依托巨石集团有限公司玻纤研究院。工作室成员李婷婷、周志刚、郑凯围绕池窑拉丝工艺开展攻关。")
    assert names(ex, "Studio") == {"张海峰劳模创新工作室"}
    assert ("张海峰", "张海峰劳模创新工作室") in facts(ex, "LEADS")
    assert {("李婷婷", "张海峰劳模创新工作室"), ("郑凯", "张海峰劳模创新工作室")} <= facts(ex, "MEMBER_OF")
    assert ("张海峰劳模创新工作室", "巨石集团有限公司玻纤研究院") in facts(ex, "HOSTED_BY")
    assert ("巨石集团有限公司玻纤研究院", "巨石集团有限公司") in facts(ex, "PART_OF")


def test_assignment_village_and_place_hierarchy() -> None:
    ex = extract_article("2021年3月，浙江省劳动模范徐卫东被选派到贵州省毕节市纳雍县挂职。"
                         "同一年，嘉兴市劳动模范俞佳丽到纳雍县龙场镇营山村挂职第一书记。")
    assigned = {(f.subject.name, f.object.name): f.year for f in ex.facts if f.type == "ASSIGNED_TO"}
    assert assigned == {("徐卫东", "纳雍县"): 2021, ("俞佳丽", "营山村"): 2021}
    assert {("毕节市", "贵州省"), ("纳雍县", "毕节市"), ("龙场镇", "纳雍县")} <= facts(ex, "PART_OF")
    assert ("营山村", "龙场镇") in facts(ex, "LOCATED_IN")
    assert names(ex, "Village") == {"营山村"}


def test_sentences_across_page_breaks_and_offsets_point_into_the_original() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    ex = extract_article(text)
    for ent in ex.entities:
        for start, end in ent.spans:
            assert 0 <= start < end <= len(text)
            surface = text[start:end].replace("\n", "")
            assert surface, ent
    for fact in ex.facts:
        assert fact.start is not None and fact.end is not None
        assert text[fact.start:fact.end].replace("\n", "") == fact.evidence
    # "全国五一劳动奖章获\n\n得者杨开九" spans a page break
    assert ("杨开九", "全国五一劳动奖章") in facts(ex, "RECEIVED")
    person = next(e for e in ex.entities if e.name == "张继东")
    assert all(text[s:e] == "张继东" for s, e in person.spans)


def test_json_shape_for_kg_extract() -> None:
    ex = extract_article("全国先进工作者王金良推广实施“东西协作茵红李全产业链增收”项目。")
    data = json.loads(json.dumps(ex.to_json(), ensure_ascii=False))
    assert set(data) == {"entities", "facts"}
    ent = data["entities"][0]
    assert set(ent) == {"type", "name", "spans"} and isinstance(ent["spans"][0], list)
    fact = next(f for f in data["facts"] if f["type"] == "RECEIVED")
    assert fact == {"type": "RECEIVED", "subject": {"type": "Person", "name": "王金良"},
                    "object": {"type": "Honor", "name": "全国先进工作者"}, "year": None,
                    "evidence": "全国先进工作者王金良推广实施“东西协作茵红李全产业链增收”项目。"}
    assert ("王金良", "东西协作茵红李全产业链增收") in facts(ex, "PARTICIPATES_IN")
    text = extraction_to_text(ex)
    assert "王金良" in text and "RECEIVED" in text


def test_quoted_slogans_and_book_titles_are_not_people_or_places() -> None:
    ex = extract_article("开展“朵朵鲜花送劳模”活动，“秀工惠·红五月”劳模工匠论坛和《漫“话”南湖劳模》出版。")
    assert names(ex, "Person") == set()
    assert names(ex, "Region") == set()


def test_relative_short_forms_follow_the_source_province() -> None:
    ex = extract_article("1994年，刘宏伟从南京工程学院毕业后进入江苏沙钢集团有限公司。他先后获得省劳模、全国五一劳动奖章等荣誉。")
    assert ("刘宏伟", "江苏省劳动模范") in facts(ex, "RECEIVED")
    assert ("刘宏伟", "江苏沙钢集团有限公司") in facts(ex, "WORKS_AT")
    zhejiang = extract_article("嘉兴市实验小学教师沈梦琪被评为省劳模。")
    assert ("沈梦琪", "浙江省劳动模范") in facts(zhejiang, "RECEIVED")


def test_forms_of_address_are_not_names() -> None:
    ex = extract_article("杨师傅今年60岁了，他的徒弟李强如今也成了一名高级技师。")
    assert names(ex, "Person") == {"李强"}
    assert not facts(ex, "MENTORS")
