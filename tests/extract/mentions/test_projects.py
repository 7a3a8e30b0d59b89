"""mentions/projects.py: a quoted name followed by 项目, 工程 or 计划."""
from __future__ import annotations

from graph.extract.mentions.projects import find_projects
from tests.extract.helpers import extract, facts, names


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


def test_a_research_topic_keeps_only_its_quote() -> None:
    # “…”课题 / “…”建设项目 → the quoted name
    assert found("该工作室牵头研发“大型箱体焊接变形控制”课题") == ["大型箱体焊接变形控制"]
    assert found("承担学院“五轴数控加工实训平台”建设项目") == ["五轴数控加工实训平台"]


def test_a_technique_or_system_someone_develops() -> None:
    # (b) a quoted work after a development verb, or 围绕“…”开展攻关
    assert found("他牵头研发的“汽车覆盖件模具快速修复”技术") == ["汽车覆盖件模具快速修复"]
    assert found("班组围绕“总装一次合格率提升”开展攻关") == ["总装一次合格率提升"]
    # a nickname, a slogan or an activity is no project
    assert found("被码头工友称为“绣花手”") == [] and found("她发起的“邻里议事厅”让小区有了商量的地方") == []


def test_a_named_work_without_quotes() -> None:
    # 参与了青川地铁2号线车辆段建设 → 青川地铁2号线车辆段
    from graph.extract.mentions.projects import named_works

    assert [m.name for m in named_works("并参与了青川地铁2号线车辆段建设。", [])] == ["青川地铁2号线车辆段"]
    assert named_works("他在地铁公司工作。", []) == []


def test_the_head_inside_the_quotes() -> None:
    # “安居富民工程” keeps 工程; “肉羊良种繁育项目” drops only the final 项目
    assert [m.name for m in find_projects("他负责的“安居富民工程”覆盖3个村")] == ["安居富民工程"]
    assert [m.name for m in find_projects("启动实施“苹果示范园建设项目”")] == ["苹果示范园建设"]


def test_a_work_named_without_quotes_after_a_participation_verb() -> None:
    # 工作室又参与了青川盐湖老卤综合利用工程: a named 工程; 技术改造工程, 多项重点工程 are kinds, no names
    ex = extract("2018年，青川重锻罗志诚创新工作室成立。去年，工作室又参与了青川盐湖老卤综合利用工程，负责提锂工段。"
                 "他还参与了技术改造工程和多项重点工程。")
    assert names(ex, "Project") == {"青川盐湖老卤综合利用工程"}
    assert ("罗志诚创新工作室", "青川盐湖老卤综合利用工程") in facts(ex, "PARTICIPATES_IN")


def test_a_named_line_followed_by_another() -> None:
    # 参与了青川地铁19号线和…的信号系统调试: the line is named before 和 as before 的
    ex = extract("2018年，青川重锻罗志诚创新工作室成立。工作室先后参与了青川地铁19号线和东湖线的信号系统调试。")
    assert ("罗志诚创新工作室", "青川地铁19号线") in facts(ex, "PARTICIPATES_IN")


def test_a_quoted_name_right_after_a_verb_of_carrying_out() -> None:
    # 建成了“X”, 开设了“X”, 牵头编写的“X” — but not a title, a brand or a way of working
    ex = extract("齐保民建成了“宁渠猕猴桃数字果园”，果农用手机就能查看墒情。齐保民说。")
    assert names(ex, "Project") == {"宁渠猕猴桃数字果园"}
    assert facts(ex, "PARTICIPATES_IN") == {("齐保民", "宁渠猕猴桃数字果园")}
    assert names(extract("罗志诚主持打造了“青川锻造”品牌。罗志诚说。"), "Project") == set()


def test_every_quoted_name_of_a_run_before_one_head() -> None:
    # “A”“B”等课题 / “A”、“B”两个课题
    from tests.extract.helpers import extract, names
    ex = extract("工作室先后完成“高墩液压爬模智能控制”“大跨钢箱梁顶推纠偏”等课题。")
    assert names(ex, "Project") == {"高墩液压爬模智能控制", "大跨钢箱梁顶推纠偏"}
    ex = extract("工作室完成了“高墩液压爬模智能控制”、“大跨钢箱梁顶推纠偏”两个课题。")
    assert names(ex, "Project") == {"高墩液压爬模智能控制", "大跨钢箱梁顶推纠偏"}
