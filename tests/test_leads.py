"""Story leads and the researcher's view on a graph built for the purpose through the
loaders, where each lead kind has a known answer: the top leads and their evidence, marks
that hide a lead until a new fact arrives, a stable ranking, the aggregations, `kg analyze`
and `kg leads`, and every new queries/ document over HTTP."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from graph import leads
from graph.config import CHECKOUT
from graph.facts import ArticleMeta
from graph.tokens import create_token
from graph.ingest import load_article, load_roster
from tests.conftest import instance_env, wipe

QUERIES = CHECKOUT / "queries"
YEAR = 2025
HEADER = ["编号", "姓名", "性别", "工作单位", "职务", "荣誉称号", "授予年份", "地区", "行业", "创新工作室", "工作室角色",
          "师傅", "项目", "服务村", "挂职", "出生年份", "手机号码"]
BORN, PHONE = "1937", "1397777"  # personal columns: never in a lead
A, B = "嘉兴精工机械有限公司", "海宁恒远纺织有限公司"
ROSTER = [  # 合成数据: none of these people are real
    ["L001", "韩立新", "男", A, "高级技师", "嘉兴市劳动模范、浙江省劳动模范、全国劳动模范", "2006、2010、2015", "南湖区",
     "匠心传承", "韩立新劳模创新工作室", "领衔人", "", "", "", ""],
    ["L002", "许文华", "女", A, "技师", "嘉兴市劳动模范", "2019", "南湖区", "匠心传承", "韩立新劳模创新工作室", "成员",
     "韩立新", "", "", ""],
    ["L003", "曹秀兰", "女", A, "工程师", "浙江省五一劳动奖章", "2021", "南湖区", "匠心传承", "", "", "韩立新", "", "", ""],
    ["L004", "邓志强", "男", A, "技术员", "", "", "南湖区", "匠心传承", "", "", "韩立新", "", "", ""],
    ["L005", "彭海燕", "女", A, "技术员", "嘉兴市五一劳动奖章", "2024", "南湖区", "匠心传承", "", "", "邓志强", "", "", ""],
    ["L006", "钟连山", "男", A, "班组长", "嘉兴市五一劳动奖章", "2013", "南湖区", "匠心传承", "", "", "", "", "", ""],
    ["L007", "魏国平", "男", "平湖立宏电子有限公司", "高级技师", "全国五一劳动奖章", "2020", "平湖市", "匠心传承",
     "", "", "", "", "", ""],
    ["L008", "苏建军", "男", "桐乡华瑞经编有限公司", "技师", "浙江省劳动模范", "2016", "桐乡市", "匠心传承",
     "", "", "", "", "", ""],
    ["L009", "蒋红梅", "女", "嘉善康达光伏科技有限公司", "高级工程师", "全国劳动模范", "2015", "嘉善县", "匠心传承",
     "", "", "", "", "", ""],
    ["L010", "方建国", "男", B, "车间主任", "嘉兴市劳动模范、浙江省劳动模范", "2018、2024", "海宁市", "匠心传承",
     "", "", "", "", "", ""],
    ["L011", "俞春梅", "女", B, "技术员", "", "", "海宁市", "匠心传承", "", "", "钟连山", "", "", ""],
    ["L012", "潘建华", "男", B, "技术员", "", "", "海宁市", "匠心传承", "", "", "钟连山", "", "", ""],
    ["L013", "金晓峰", "男", B, "技术员", "", "", "海宁市", "匠心传承", "", "", "方建国", "", "", ""],
    ["L014", "施丽娟", "女", B, "技术员", "", "", "海宁市", "匠心传承", "", "", "方建国", "", "", ""],
    ["L015", "罗志明", "男", "嘉兴禾丰农业发展有限公司", "高级农艺师", "嘉兴市劳动模范", "2017", "嘉兴市", "乡村振兴",
     "", "", "", "", "", "四川省宜宾市屏山县"],
    ["L016", "何晓东", "男", "桐乡华瑞经编有限公司", "技师", "桐乡市劳动模范", "2012", "桐乡市", "匠心传承",
     "", "", "", "", "", "衢州市"],
]
IMPACT_TEXT = ("嘉善康达光伏科技有限公司高级工程师、全国劳动模范蒋红梅领衔的创新团队，近三年获得国家专利12项，"
               "累计培训技术工人3000人次，为企业创造经济效益1500万元。")
OLD_TEXT = "桐乡华瑞经编有限公司技师苏建军获评浙江省劳动模范。他扎根车间二十年，带领班组攻坚克难。"


def _write_roster(path: Path, rows: list[list[str]]) -> Path:
    rows = [[*r, BORN, f"{PHONE}{n:04d}"] for n, r in enumerate(rows)]
    lines = ["# 合成数据 synthetic test data — not real people", ",".join(HEADER), *(",".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def graph(db, tmp_path_factory):
    wipe(db)
    tmp = tmp_path_factory.mktemp("leads")
    load_roster(db, _write_roster(tmp / "leads-roster.csv", ROSTER))
    load_article(db, IMPACT_TEXT, ArticleMeta(title="光伏车间里的创新团队", publisher="测试日报", date="2024-03-01"))
    load_article(db, OLD_TEXT, ArticleMeta(title="扎根车间二十年", publisher="测试日报", date="2016-05-01"))
    return {"db": db, "tmp": tmp}


def ranked(db, *kinds: str, **kw) -> list[leads.Lead]:
    return leads.rank(db, leads.LeadQuery(kinds=kinds or leads.KINDS, year=YEAR, **kw)).leads


def names(found: list[leads.Lead]) -> list[str]:
    return [lead.subject["name"] for lead in found]


def test_unsung_are_the_unfeatured_national_and_provincial_honorees(graph) -> None:
    found = ranked(graph["db"], "UNSUNG")
    assert names(found) == ["韩立新", "魏国平", "方建国", "曹秀兰"]  # level, then how many honors
    top = found[0]
    assert top.headline.startswith("嘉兴精工机械有限公司的韩立新：全国劳动模范（2015年）")
    assert "从未见报道" in top.headline and "带出2名市级以上荣誉徒弟" in top.headline
    assert "均未提及韩立新" in top.summary
    assert {p.name for p in top.parts} == {"honorLevel", "honors", "honoredMentees", "neverFeatured"}
    assert top.score == sum(p.value for p in top.parts) == 40 + 9 + 4 + 10
    assert top.why_now == "2025年是其获评全国劳动模范10周年"
    assert any(e.text.startswith("第") and "姓名=韩立新" in e.text and e.locator.startswith("row ")
               for e in top.evidence)
    since = ranked(graph["db"], "UNSUNG", since=2020)  # featured in 2016 only: unsung since 2020
    su = next(lead for lead in since if lead.subject["name"] == "苏建军")
    assert "2020年以来未见报道" in su.headline and "neverFeatured" not in {p.name for p in su.parts}


def test_lineage_counts_honored_descendants_once_with_their_years(graph) -> None:
    found = ranked(graph["db"], "LINEAGE")
    assert names(found) == ["韩立新", "邓志强"]
    top = found[0]
    assert "带出3名获得荣誉的徒弟（含徒孙辈1名）" in top.headline
    assert "徒弟许文华（嘉兴市劳动模范（2019年））" in top.summary
    assert "第2代彭海燕（嘉兴市五一劳动奖章（2024年））" in top.summary
    assert top.why_now == "徒弟彭海燕2024年新获嘉兴市五一劳动奖章"
    assert {p["name"] for p in top.people} == {"韩立新", "许文华", "曹秀兰", "彭海燕"}
    assert any("姓名=许文华" in e.text and "师傅=韩立新" in e.text for e in top.evidence)


def test_impact_carries_the_numbers_with_their_article(graph) -> None:
    found = ranked(graph["db"], "IMPACT")
    assert found and found[0].subject["name"] == "蒋红梅"
    top = found[0]
    assert "专利12项" in top.headline
    assert "3000人次" in top.summary and "1500万元" in top.summary
    leads.with_sources(graph["db"], [top])
    assert top.evidence[0].text == IMPACT_TEXT
    assert top.evidence[0].source["title"] == "光伏车间里的创新团队" and top.evidence[0].source["date"] == "2024-03-01"


def test_anniversaries_and_new_honors(graph) -> None:
    found = ranked(graph["db"], "ANNIVERSARY")
    assert names(found) == ["韩立新", "蒋红梅", "魏国平"]  # 10th of a national honor, then 5th
    assert found[0].headline.endswith("2025年是其获评全国劳动模范10周年（2015年获评）")
    assert found[0].id == f"ANNIVERSARY:{YEAR}:{found[0].subject['id']}"
    new = ranked(graph["db"], "NEW_HONOR")
    assert names(new) == ["方建国", "彭海燕"]  # the latest year is 2024; provincial first
    assert "2024年新获浙江省劳动模范" in new[0].headline and "此前已获1项荣誉" in new[0].headline
    assert any(p.name == "levelClimb" for p in new[0].parts)


def test_far_from_home(graph) -> None:
    found = ranked(graph["db"], "FAR_FROM_HOME")
    assert names(found) == ["罗志明", "何晓东"]  # another province before another city
    assert found[0].parts[0].detail == "跨省（浙江省→四川省）"
    assert "从嘉兴市到四川省宜宾市屏山县挂职" in found[0].headline
    assert found[1].parts[0].detail == "跨市（嘉兴市→衢州市）"
    assert any("挂职=四川省宜宾市屏山县" in e.text for e in found[0].evidence)


def test_region_filter_and_stable_ranking(graph) -> None:
    db = graph["db"]
    first, again = ranked(db), ranked(db)
    assert [(x.id, x.score) for x in first] == [(x.id, x.score) for x in again]
    assert [x.sort_key() for x in first] == sorted(x.sort_key() for x in first)
    haining = ranked(db, region="海宁市")
    assert haining and all(any(p["name"] in ("方建国", "俞春梅", "潘建华", "金晓峰", "施丽娟") for p in x.people)
                           for x in haining)
    page1 = leads.story_leads(db, leads.LeadQuery(year=YEAR), first=3)
    page2 = leads.story_leads(db, leads.LeadQuery(year=YEAR), first=3, after=page1.cursors[-1])
    assert [x.id for x in page1.leads + page2.leads] == [x.id for x in first[:6]]


def test_pages_past_the_kept_top_and_a_write_ranks_again(graph, monkeypatch) -> None:
    """The API keeps the top of a ranking per graph version: pages past it rank again, a mark
    takes its lead out of the kept ranking (held or not) without ranking again, and a reopen
    or any other write makes the next request rank the graph anew."""
    db = graph["db"]
    everything = [x.id for x in ranked(db)]
    monkeypatch.setattr(leads, "LEADS_KEPT", 4)
    monkeypatch.setattr(leads, "RANKINGS", leads._Rankings())
    q = leads.LeadQuery(year=YEAR)
    seen, after = [], None
    while True:
        page = leads.story_leads(db, q, first=3, after=after)
        assert page.total == len(everything)
        seen += [x.id for x in page.leads]
        if not page.has_next:
            break
        after = page.cursors[-1]
    assert seen == everything
    last = leads.story_leads(db, q, first=3, backward=True)
    assert [x.id for x in last.leads] == everything[-3:] and last.has_previous
    middle = leads.encode_cursor(ranked(db)[7])
    back = leads.story_leads(db, q, first=3, before=middle, backward=True)
    assert [x.id for x in back.leads] == everything[4:7] and back.has_previous and back.has_next
    between = leads.story_leads(db, q, first=9, after=back.cursors[0], before=middle)
    assert [x.id for x in between.leads] == everything[5:7] and between.has_previous and between.has_next
    calls = []
    real_rank = leads.rank
    monkeypatch.setattr(leads, "rank", lambda *a, **k: calls.append(1) or real_rank(*a, **k))
    leads.story_leads(db, q, first=3)
    assert calls == []  # the kept top serves the first page again
    held, beyond = everything[0], everything[-1]  # inside the kept four, and past them
    try:
        leads.mark(db, held, "USED", "test")
        leads.mark(db, beyond, "NOT_INTERESTING", "test")
        page = leads.story_leads(db, q, first=3)
        assert calls == []  # marks change no fact: the ranking stands
        assert [x.id for x in page.leads] == everything[1:4]
        assert (page.total, page.hidden) == (len(everything) - 2, 2)
        shown = leads.story_leads(db, leads.LeadQuery(year=YEAR, include_marked=True), first=1)
        assert shown.leads[0].id == held and shown.leads[0].mark["status"] == "USED"
        assert calls == [1]  # the question with marked leads is a ranking of its own
        leads.mark(db, everything[2], "NOT_INTERESTING", "test")  # newer than the marks that ranking saw
        shown = leads.story_leads(db, leads.LeadQuery(year=YEAR, include_marked=True), first=3)
        assert [x.mark and x.mark["status"] for x in shown.leads] == ["USED", None, "NOT_INTERESTING"]
        assert calls == [1]
        leads.story_leads(db, q, first=3)
        assert calls == [1] and leads.RANKINGS.get(db, q).leads[0].mark is None  # the kept ranking is untouched
    finally:
        for lead_id in (held, beyond, everything[2]):
            leads.reopen(db, lead_id, "test")
    again = leads.story_leads(db, q, first=3)
    assert calls == [1, 1] and [x.id for x in again.leads] == everything[:3]  # a reopen ranks again
    assert again.total == len(everything) and again.hidden == 0


def test_worker_processes_share_one_ranking(graph, monkeypatch) -> None:
    """One ranking per graph state and question on a machine: a second worker process (here a
    second `_Rankings`) reads the file the first left under KG_HOME instead of ranking again."""
    db = graph["db"]
    q = leads.LeadQuery(year=YEAR, kinds=("LINEAGE", "UNSUNG"))
    calls = []
    real_rank = leads.rank
    monkeypatch.setattr(leads, "rank", lambda *a, **k: calls.append(1) or real_rank(*a, **k))
    first = leads._Rankings().get(db, q)
    second = leads._Rankings().get(db, q)
    assert calls == [1] and first.leads
    assert [x.to_json() for x in second.leads] == [x.to_json() for x in first.leads]
    assert (second.total, second.hidden, second.kinds, second.marks, second.members) == \
        (first.total, first.hidden, first.kinds, first.marks, first.members)
    assert all(second.counts(x.id) for x in first.leads) and not second.counts("UNSUNG:person_nobody")
    assert len(list((Path(db.settings.home) / "story-leads").glob("*.json"))) <= leads.RANKINGS_KEPT
    monkeypatch.setattr(leads, "RANKING_CODE", "another version of the scores")
    leads._Rankings().get(db, q)
    assert calls == [1, 1]  # a ranking left by other code is not read


def test_a_ranking_holds_only_the_leads_it_keeps(graph, monkeypatch) -> None:
    """Leads are built a chunk of people at a time and marks are checked batch by batch:
    keeping the best few gives the top of the full ranking, with the full counts, however
    small the chunks and batches."""
    db = graph["db"]
    full = leads.rank(db, leads.LeadQuery(year=YEAR))
    assert full.complete and full.total == len(full.leads) == sum(full.kinds.values())
    leads.mark(db, full.leads[1].id, "NOT_INTERESTING", "test")
    try:
        marked = leads.rank(db, leads.LeadQuery(year=YEAR))
        monkeypatch.setattr(leads, "MARK_BATCH", 2)
        monkeypatch.setattr(leads, "FAR_BATCH", 1)
        monkeypatch.setattr(leads, "CHUNK", 1)
        assert [x.id for x in leads.rank(db, leads.LeadQuery(year=YEAR)).leads] == [x.id for x in marked.leads]
        top = leads.rank(db, leads.LeadQuery(year=YEAR), keep=3)
        assert [x.id for x in top.leads] == [x.id for x in marked.leads[:3]]
        assert (top.total, top.hidden, top.kinds, top.complete) == (full.total - 1, 1, marked.kinds, False)
        assert full.leads[1].id not in [x.id for x in top.leads]
    finally:
        leads.reopen(db, full.leads[1].id, "test")
    nobody = leads._in_chunks(leads._context(db, leads.LeadQuery(year=YEAR)),
                              "MATCH (p:Person) WHERE p.id = 'nobody' ", "RETURN p.id AS id")
    assert list(nobody) == []  # a kind nobody qualifies for (a graph without mentors has no LINEAGE)


def test_analyze_then_bridge_and_communities(graph) -> None:
    out = subprocess.run([sys.executable, "-m", "api.cli", "analyze"], cwd=CHECKOUT, env=instance_env(),
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "betweenness" in out.stderr and "communities" in out.stderr  # progress
    assert "exact" in out.stdout and "peak memory" in out.stdout
    db = graph["db"]
    found = ranked(db, "BRIDGE")
    assert found and found[0].subject["name"] == "钟连山", names(found)
    assert "连接2个圈子" in found[0].headline
    person = db.read("MATCH (p:Person {name: '钟连山'}) RETURN p.betweenness AS b, p.community AS c, "
                     "p.analyzedAt IS NOT NULL AS dated")[0]
    assert person["b"] > 0 and person["c"] and person["dated"]
    # an analysed person's node, as every read shows it, holds nothing the driver must convert
    # itself (a temporal): rows with people keep the fast path (graph/db.py _as_dict)
    from graph.db import _plain
    from graph.read import node_map

    node = db.read_values(f"MATCH (n:Person {{name: '钟连山'}}) RETURN {node_map('n')} AS node")[0]["node"]
    assert _plain(node)["analyzedAt"] and node["degree"] > 0
    from graph.research import communities, key_people

    groups, total = communities(db, 10)
    assert total >= 2 and groups[0]["keyMembers"] and groups[0]["computedAt"]
    assert key_people(db, 1)[0]["name"] == "钟连山"


def test_marked_leads_leave_and_return_after_a_new_fact(graph, live_server) -> None:
    db = graph["db"]
    editor = create_token(db, "editor", "publicity-wang")
    query = ('query($kinds: [StoryLeadKind!]) { storyLeads(kinds: $kinds, year: 2025, first: 50) { totalCount '
             'hiddenCount edges { node { id mark { status who reopened } } } } }')
    mutation = ('mutation($id: ID!, $s: LeadStatus!) { markStoryLead(input: {id: $id, status: $s}) '
                '{ mark { status who at } userErrors { field message code } } }')

    def listed(kind: str) -> dict:
        body = live_server.graphql(query, {"kinds": [kind]})
        assert "errors" not in body, body
        return {e["node"]["id"]: e["node"]["mark"] for e in body["data"]["storyLeads"]["edges"]}

    han = next(x for x in ranked(db, "UNSUNG") if x.subject["name"] == "韩立新")
    assert live_server.graphql(mutation, {"id": han.id, "s": "USED"})["errors"][0]["extensions"]["code"] \
        == "UNAUTHENTICATED"
    marked = live_server.graphql(mutation, {"id": han.id, "s": "USED"}, token=editor)["data"]["markStoryLead"]["mark"]
    assert marked["status"] == "USED" and marked["who"] == "publicity-wang" and marked["at"]
    assert han.id not in listed("UNSUNG")
    wei = next(x for x in ranked(db, "ANNIVERSARY") if x.subject["name"] == "魏国平")
    live_server.graphql(mutation, {"id": wei.id, "s": "NOT_INTERESTING"}, token=editor)
    lineage = f"LINEAGE:{han.subject['id']}"
    live_server.graphql(mutation, {"id": lineage, "s": "NOT_INTERESTING"}, token=editor)
    assert lineage not in listed("LINEAGE") and wei.id not in listed("ANNIVERSARY")

    # an edit about 韩立新 (a new fact) brings both of his leads back, marked as reopened
    village = live_server.graphql('mutation { createEntity(input: {type: VILLAGE, name: "新丰镇竹林村"}) '
                                  '{ entity { id } } }', token=editor)["data"]["createEntity"]["entity"]["id"]
    fact = ('mutation($a: ID!, $b: ID!) { createFact(input: {type: SERVES, subject: $a, object: $b, '
            'evidence: "韩立新结对帮扶新丰镇竹林村。"}) { fact { type } } }')
    assert live_server.graphql(fact, {"a": han.subject["id"], "b": village}, token=editor)["data"]["createFact"][
        "fact"] == {"type": "SERVES"}
    back = listed("UNSUNG")
    assert back[han.id] == {"status": "USED", "who": "publicity-wang", "reopened": True}
    assert listed("LINEAGE")[lineage]["reopened"] is True
    assert wei.id not in listed("ANNIVERSARY"), "a fact about someone else changes nothing"

    # a roster loaded later naming 魏国平 brings his lead back too
    later = ROSTER[6][:]
    later[0], later[5], later[6] = "L107", "全国五一劳动奖章、浙江工匠", "2020、2025"
    load_roster(db, _write_roster(graph["tmp"] / "later-roster.csv", [later]))
    assert listed("ANNIVERSARY")[wei.id]["reopened"] is True
    history = live_server.graphql('{ storyLeadMarks { nodes { leadId status who current } } }')["data"][
        "storyLeadMarks"]["nodes"]
    assert {(m["leadId"], m["status"]) for m in history} >= {(han.id, "USED"), (wei.id, "NOT_INTERESTING")}
    assert live_server.graphql('mutation($id: ID!) { reopenStoryLead(input: {id: $id}) { reopened } }',
                               {"id": han.id}, token=editor)["data"]["reopenStoryLead"]["reopened"] is True
    assert listed("UNSUNG")[han.id] is None
    bad = live_server.graphql(mutation, {"id": "NOPE:person_x", "s": "USED"}, token=editor)["data"]["markStoryLead"]
    assert bad["mark"] is None and [(e["field"], e["code"]) for e in bad["userErrors"]] == [("input.id", "BAD_INPUT")]


def test_analyze_mutation_is_for_admins(graph, live_server) -> None:
    db = graph["db"]
    mutation = "mutation { analyzeGraph { run { people communities exact method } } }"
    assert live_server.graphql(mutation)["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    editor = create_token(db, "editor", "e")
    assert live_server.graphql(mutation, token=editor)["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    run = live_server.graphql(mutation, token=create_token(db, "admin", "a"))["data"]["analyzeGraph"]["run"]
    assert run["people"] == db.read("MATCH (p:Person) RETURN count(p) AS n")[0]["n"] and run["exact"]


def _doc(name: str) -> str:
    return (QUERIES / f"{name}.graphql").read_text(encoding="utf-8")


def test_research_documents_over_http(graph, live_server) -> None:
    db = graph["db"]
    if not db.read("MATCH (c:Community) RETURN count(c) AS n")[0]["n"]:
        from graph.analyze import analyze

        analyze(db)

    def run(name: str, variables: dict) -> dict:
        body = live_server.graphql(_doc(name), variables)
        assert "errors" not in body, (name, body)
        return body["data"]

    stats = run("honor-stats-by-level-region-year", {"filter": {"region": "嘉兴市"}, "by": ["LEVEL"]})["honorStats"]
    by_level = {r["level"]: r for r in stats["rows"]}
    assert by_level["NATIONAL"]["people"] == 3  # 韩立新, 魏国平, 蒋红梅
    assert sum(r["awards"] for r in stats["rows"]) == stats["awards"]
    ranking = run("units-and-studios-ranked-by-honorees", {})
    units = ranking["units"]["nodes"]
    assert units[0]["node"]["name"] == A and units[0]["honorees"] == 5
    assert units[0]["national"] == 1 and ranking["units"]["totalCount"] >= len(units)
    assert ranking["studios"]["nodes"][0]["node"]["name"] == "韩立新劳模创新工作室"
    lines = run("mentorship-lines", {})["mentorshipLines"]["nodes"]
    top = lines[0]
    assert top["founder"]["name"] == "韩立新" and top["depth"] == 2 and top["honoredDescendants"] == 3
    assert [(g["generation"], g["people"], g["honored"]) for g in top["generations"]] == [(1, 3, 2), (2, 1, 1)]
    groups = run("communities", {"first": 5})
    assert groups["graphAnalysis"]["people"] >= 16 and groups["communities"]["nodes"][0]["members"]
    assert groups["communities"]["nodes"][0]["topUnits"] and groups["communities"]["nodes"][0]["computedAt"]
    assert groups["communities"]["totalCount"] >= 2
    key = run("who-holds-the-community-together", {"first": 3})["keyPeople"]["nodes"]
    assert key[0]["name"] == "钟连山" and key[0]["centrality"]["betweenness"] > 0 and key[0]["community"]["id"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+Z", key[0]["centrality"]["computedAt"])
    in_community = run("who-holds-the-community-together", {"community": key[0]["community"]["id"]})[
        "keyPeople"]["nodes"]
    assert in_community[0]["name"] == "钟连山"
    story = run("story-leads", {"year": YEAR, "kinds": ["UNSUNG", "LINEAGE"], "first": 3})["storyLeads"]
    assert story["totalCount"] >= 3 and story["edges"][0]["node"]["evidence"][0]["title"]
    assert all(e["node"]["headline"] and e["node"]["scoreParts"] for e in story["edges"])
    assert run("story-lead-marks", {})["storyLeadMarks"] is not None


def test_kg_leads_prints_markdown_with_evidence(graph) -> None:
    out = subprocess.run([sys.executable, "-m", "api.cli", "leads", "--format", "md", "--year", str(YEAR)],
                         cwd=CHECKOUT, env=instance_env(), capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "## UNSUNG" in out.stdout and "## LINEAGE" in out.stdout and "## FAR_FROM_HOME" in out.stdout
    assert "证据：“第" in out.stdout and "名单《leads-roster.csv》" in out.stdout
    csv_out = subprocess.run([sys.executable, "-m", "api.cli", "leads", "--format", "csv", "--kind", "lineage",
                              "--year", str(YEAR)], cwd=CHECKOUT, env=instance_env(), capture_output=True, text=True,
                             timeout=300)
    assert csv_out.returncode == 0 and csv_out.stdout.splitlines()[0].startswith("rank,id,kind,score")
    assert "韩立新" in csv_out.stdout.splitlines()[1]
    bad = subprocess.run([sys.executable, "-m", "api.cli", "leads", "--kind", "GOSSIP"], cwd=CHECKOUT,
                         env=instance_env(), capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "unknown kind" in bad.stderr


def test_measures_read_numbers_as_a_journalist_would() -> None:
    found = leads.measures("市级及以上创新工作室年度完成创新项目225项,获得专利239个,取得经济效益19770万元。")
    assert [(m.phrase, m.category) for m in found] == [
        ("完成创新项目225项", "other"), ("获得专利239个", "patents"), ("取得经济效益19770万元", "yuan")]
    assert [m.phrase for m in leads.measures("开发了3个系列26个子项目")] == ["开发了3个系列", "26个子项目"]
    assert [m.phrase for m in leads.measures("今年以来该合作社社员农户数525户")] == ["525户"]  # never half a word
    assert leads.measures("2022年以来,嘉兴共有7人获评全国五一劳动奖章,5个班组获评全国工人先锋号,"
                          "40人入选“浙江工匠”培育工程,300人选“嘉兴良匠”培育工程。") == []  # awards, not effects
    assert [m.key for m in leads.measures("帮助种植茵红李的4000多户贫困户全部脱贫")] == ["4000户"]
    assert leads.locate(["四川省宜宾市屏山县"]) == leads.Where("四川省", "宜宾市", "屏山县")
    assert leads.locate(["桐乡市"]).city == "嘉兴市"


def test_leads_never_show_personal_data(graph) -> None:
    found = ranked(graph["db"])
    leads.with_sources(graph["db"], found)
    text = json.dumps([lead.to_json() for lead in found], ensure_ascii=False)
    assert "姓名=韩立新" in text  # roster rows are there, with their public columns only
    assert BORN not in text and PHONE not in text and "出生" not in text and "手机" not in text


@pytest.fixture(scope="module")
def seed(graph):
    """The seed (runs after the purpose-built graph's tests: it replaces that graph)."""
    from graph.loaders.seed import load_seed

    wipe(graph["db"])
    list(load_seed(graph["db"], CHECKOUT / "seed"))
    return graph["db"]


def test_seed_leads_of_every_kind_carry_evidence(seed) -> None:
    found = ranked(seed)
    leads.with_sources(seed, found)
    for kind in ("UNSUNG", "LINEAGE", "IMPACT", "ANNIVERSARY", "NEW_HONOR", "FAR_FROM_HOME"):
        of_kind = [x for x in found if x.kind == kind]
        assert of_kind, kind
        assert all(x.evidence and all(e.text and e.source.get("title") for e in x.evidence) for x in of_kind), kind
    unsung = {p["name"] for x in found if x.kind == "UNSUNG" for p in x.people}
    assert "张继东" not in unsung, "张继东 is featured by the sample article"
    far = [x for x in found if x.kind == "FAR_FROM_HOME"]
    assert far[0].subject["name"] == "王金良" and "屏山县" in far[0].headline
    assert any("9.3亿元" in x.headline for x in found if x.kind == "IMPACT")
