"""Rosters as records offices write them, and the review queue staff work through
(issue 9), against the real Neo4j: namesakes never merged, abbreviated honors understood,
unit and role split, every undo back in the open queue, merges and the log in GraphQL."""
from __future__ import annotations

import json
from pathlib import Path

from graph.config import CHECKOUT
from graph.dedupe.candidates import list_candidates, scan_graph
from graph.dedupe.judgements import judge, judgements_of
from graph.dedupe.merge import unmerge
from graph.ingest import load_roster
from graph.loaders.seed import load_seed
from graph.tokens import create_token

NOTE = "# 合成数据 synthetic test data — not real people"
HEADER = "编号,姓名,性别,工作单位,职务,荣誉称号,授予年份,地区"


def roster(tmp: Path, name: str, *rows: str, header: str = HEADER) -> Path:
    path = tmp / name
    path.write_text("\n".join([NOTE, header, *rows]) + "\n", encoding="utf-8")
    return path


def people(db, name: str) -> list[str]:
    return [r["id"] for r in db.read("MATCH (p:Person {name: $name}) RETURN p.id AS id ORDER BY id", name=name)]


def namesakes(db, tmp: Path) -> list[str]:
    """王伟 at a hospital in 嘉兴市 and 王伟 at a factory in 平湖市: the same honor, other years."""
    load_roster(db, roster(tmp, "a.csv", "A1,王伟,男,嘉兴市第一医院,主任医师,嘉兴市劳动模范,2019,嘉兴市"))
    load_roster(db, roster(tmp, "b.csv", "B1,王伟,男,平湖市恒达机械有限公司,技师,嘉兴市劳动模范,2021,平湖市"))
    return people(db, "王伟")


def test_namesakes_at_different_units_are_two_nodes_and_one_review_item(empty_db, tmp_path) -> None:
    ids = namesakes(empty_db, tmp_path)
    assert len(ids) == 2, "an exact name with a conflicting unit and no strong agreeing fact is never merged"
    items = empty_db.read("MATCH (i:ReviewItem)-[:CANDIDATE]->(p:Person) WITH i, collect(p.id) AS ids "
                          "RETURN i.status AS status, ids, i.reasons AS reasons")
    assert len(items) == 1 and sorted(items[0]["ids"]) == ids and items[0]["status"] == "open"
    assert "unit_conflict" in {r["feature"] for r in json.loads(items[0]["reasons"])}


def test_abbreviated_honor_resolves_from_the_region_and_keeps_the_written_form(empty_db, tmp_path) -> None:
    load_roster(empty_db, roster(tmp_path, "c.csv", "C1,沈丽萍,女,桐乡市农业农村局,科长,市劳模,2019,桐乡市",
                                 "C2,顾建国,男,嘉兴市自来水有限公司,站长,市劳模,2020,嘉兴"))
    got = empty_db.read("MATCH (p:Person)-[r:RECEIVED]->(h:Honor) RETURN p.name AS name, h.name AS honor, "
                        "h.level AS level, r.evidence AS evidence ORDER BY name")
    assert [(g["name"], g["honor"]) for g in got] == [("沈丽萍", "桐乡市劳动模范"), ("顾建国", "嘉兴市劳动模范")]
    assert all("荣誉称号=市劳模" in g["evidence"][0] for g in got)


def test_unit_and_role_in_one_column_are_split(empty_db, tmp_path) -> None:
    path = roster(tmp_path, "d.csv", "1,D1,钟海峰,男,嘉兴市第一医院主任医师,嘉兴市劳动模范,2018,嘉兴市",
                  header="序号,编号,姓名,性别,工作单位及职务,荣誉称号,授予年份,地区")
    report = load_roster(empty_db, path)
    assert not [p for p in report.problems if "unknown column" in p], report.problems  # 序号 is a row number
    rows = empty_db.read("MATCH (p:Person)-[r:WORKS_AT]->(u:Unit) RETURN u.name AS unit, r.role AS role")
    assert rows == [{"unit": "嘉兴市第一医院", "role": "主任医师"}]


def test_an_undo_puts_the_pair_back_in_the_open_queue_with_its_history(empty_db, tmp_path) -> None:
    db = empty_db
    a, b = namesakes(db, tmp_path)
    judged = judge(db, a, b, "same", "the same doctor, moved to the factory", who="ann", merge=True)
    assert judged.merge_id and people(db, "王伟") == [a]
    assert list_candidates(db, status="open").total == 0
    unmerge(db, judged.merge_id, who="bob")
    assert people(db, "王伟") == [a, b]
    page = list_candidates(db, status="open")
    assert page.total == 1 and {page.items[0].a.id, page.items[0].b.id} == {a, b}
    assert page.items[0].reasons, "re-scored after the undo"
    history = judgements_of(db, a, b)
    assert [(j.verdict, j.current) for j in history] == [("same", False)]  # superseded by the undo, kept
    superseded = db.read("MATCH (j:Judgement) RETURN j.supersededBy AS by")
    assert superseded == [{"by": judged.merge_id}]


def test_merges_and_the_log_list_and_unmerge_undoes_through_graphql(empty_db, tmp_path, live_server) -> None:
    db = empty_db
    a, b = namesakes(db, tmp_path)
    editor = create_token(db, "editor", "ann")
    counter = live_server.app.state.service.db.start_counting()
    try:
        queue = live_server.graphql("{ duplicateCandidates { edges { node { id a { id name ... on Person { "
                                    "units { role unit { name } } honors { year honor { name } } birthYear } } "
                                    "b { id name } } } } }", token=editor)
    finally:
        live_server.app.state.service.db.stop_counting()
    assert queue.get("errors") is None, queue
    reads = [c for c in counter.statements if "ApiToken" not in c]  # the token's own check aside
    assert len(reads) == 2, reads  # the page with both records, then what they show
    [edge] = queue["data"]["duplicateCandidates"]["edges"]
    side = edge["node"]["a"]
    assert side["name"] == "王伟" and side["units"] and side["honors"][0]["year"] in (2019, 2021)
    judged = live_server.graphql('mutation($a: ID!, $b: ID!) { judge(input: {a: $a, b: $b, verdict: SAME, '
                                 'merge: true}) { judgement { verdict mergeId } } }', {"a": a, "b": b}, token=editor)
    assert judged["data"]["judge"]["judgement"]["verdict"] == "SAME"
    merge_id = judged["data"]["judge"]["judgement"]["mergeId"]
    assert merge_id
    merges = live_server.graphql("{ merges(first: 5) { totalCount edges { cursor node { id survivor absorbed undone } } } }")
    assert merges["data"]["merges"]["edges"][0]["node"] == {"id": merge_id, "survivor": a, "absorbed": [b],
                                                            "undone": False}
    undone = live_server.graphql("mutation($m: ID!) { unmerge(input: {mergeId: $m}) { outcome { restored } } }",
                                 {"m": merge_id}, token=editor)
    assert undone["data"]["unmerge"]["outcome"]["restored"] == [b]
    after = live_server.graphql("{ merges { edges { node { id undone undoneBy } } } }")
    assert after["data"]["merges"]["edges"][0]["node"] == {"id": merge_id, "undone": True, "undoneBy": "ann"}
    log = live_server.graphql('query($s: ID) { auditLog(first: 2, subject: $s) { totalCount '
                              "pageInfo { hasNextPage endCursor } edges { node { action subject } } } }", {"s": b})
    page = log["data"]["auditLog"]
    assert page["totalCount"] == 3 and page["pageInfo"]["hasNextPage"]
    assert [e["node"]["action"] for e in page["edges"]] == ["UNMERGE", "MERGE"]
    rest = live_server.graphql('query($s: ID, $after: String) { auditLog(subject: $s, after: $after) '
                               "{ edges { node { action } } } }", {"s": b, "after": page["pageInfo"]["endCursor"]})
    assert [e["node"]["action"] for e in rest["data"]["auditLog"]["edges"]] == ["JUDGE"]
    back = live_server.graphql('query($s: ID) { auditLog(last: 2, subject: $s) { pageInfo { hasPreviousPage '
                               "startCursor } edges { node { action } } } }", {"s": b})["data"]["auditLog"]
    assert [e["node"]["action"] for e in back["edges"]] == ["MERGE", "JUDGE"] and back["pageInfo"]["hasPreviousPage"]
    newer = live_server.graphql('query($s: ID, $before: String) { auditLog(last: 5, subject: $s, before: $before) '
                                "{ pageInfo { hasPreviousPage hasNextPage } edges { node { action } } } }",
                                {"s": b, "before": back["pageInfo"]["startCursor"]})["data"]["auditLog"]
    assert [e["node"]["action"] for e in newer["edges"]] == ["UNMERGE"]
    assert newer["pageInfo"] == {"hasPreviousPage": False, "hasNextPage": True}
    oldest = live_server.graphql("{ merges(last: 1) { edges { node { id } } } }")["data"]["merges"]["edges"]
    assert [e["node"]["id"] for e in oldest] == [merge_id]
    reopened = live_server.graphql("{ duplicateCandidates { totalCount } }")
    assert reopened["data"]["duplicateCandidates"]["totalCount"] == 1


def test_a_unit_scan_of_the_seed_proposes_no_numbered_or_other_place_pair(empty_db) -> None:
    list(load_seed(empty_db, CHECKOUT / "seed"))
    found = scan_graph(empty_db, "Unit")
    assert not [c for c in found if c.kind == "numbered" or any(r["feature"] in ("numbered", "other_place")
                                                               for r in c.reasons)]
    names = {frozenset((c.a.name, c.b.name)) for c in found}
    assert frozenset(("嘉兴市第一医院", "嘉兴市第二医院")) not in names


def test_the_bulk_path_makes_every_row_a_new_person_and_the_check_still_proposes_the_pair(empty_db, tmp_path) -> None:
    """`new_people` (kg load roster --new-people): the same person in a second roster is not
    matched but written as a new node, units and honors still resolved by key; the
    incremental check of a small load puts the pair in the queue for staff."""
    row = "沈丽萍,女,桐乡市农业农村局,科长,桐乡市劳动模范,2019,桐乡市"
    load_roster(empty_db, roster(tmp_path, "a.csv", "A1," + row))
    matched = load_roster(empty_db, roster(tmp_path, "b.csv", "B1," + row))
    assert matched.matched["Person"] == 1 and len(people(empty_db, "沈丽萍")) == 1
    report = load_roster(empty_db, roster(tmp_path, "c.csv", "C1," + row), new_people=True)
    assert report.created["Person"] == 1 and report.matched["Person"] == 0 and report.matched["Unit"] == 1
    ids = people(empty_db, "沈丽萍")
    assert len(ids) == 2
    assert empty_db.read("MATCH (u:Unit) RETURN count(u) AS n")[0]["n"] == 1
    items = empty_db.read("MATCH (i:ReviewItem {status: 'open'})-[:CANDIDATE]->(p:Person) RETURN collect(p.id) AS ids")
    assert sorted(items[0]["ids"]) == ids


def test_a_registers_row_per_honor_is_one_person_and_namesakes_of_one_file_stay_two(empty_db, tmp_path) -> None:
    """A register writes one row per honor: the same name, unit (once shortened) and birth
    date. Rows of one file are never resolved to one node while it loads (namesakes of one
    roster stay apart), so the check after the load merges them, as `load` in the audit log;
    the file's two 李娟 of other units and ages stay two."""
    header = "编号,姓名,性别,出生日期,工作单位,职务,荣誉称号,授予年份,地区"
    path = roster(tmp_path, "register.csv",
                  "R1,翟志华,男,1968-01-14,湖南漳江铝材有限公司,电解车间主任,湖南省劳动模范,2015,桃源县",
                  "R2,翟志华,男,1968-01-14,漳江铝材公司,电解车间主任,全国劳动模范,2020,桃源县",
                  "R3,李娟,女,1975-03-02,常德市第一中学,教师,湖南省劳动模范,2016,武陵区",
                  "R4,李娟,女,1988-09-30,常德市第二中学,教师,湖南省劳动模范,2021,武陵区", header=header)
    report = load_roster(empty_db, path)
    assert report.merged == 1 and "merged 1 repeated rows of one person" in report.summary()
    assert len(people(empty_db, "翟志华")) == 1 and len(people(empty_db, "李娟")) == 2
    honors = empty_db.read("MATCH (:Person {name: '翟志华'})-[r:RECEIVED]->(h:Honor) RETURN h.name AS h ORDER BY h")
    assert [r["h"] for r in honors] == ["全国劳动模范", "湖南省劳动模范"]
    assert empty_db.read("MATCH (m:Merge) RETURN m.who AS who") == [{"who": "load"}]
    assert load_roster(empty_db, path).already_loaded  # loading it again changes nothing


def test_two_rows_of_one_list_with_the_same_name_and_honor_are_two_people_for_staff(empty_db, tmp_path) -> None:
    """合成数据: a visiting list (one row per person, no unit) names 刘芳（女） twice, each 区劳模:
    one list does not give one person one honor twice, so nothing merges them; staff see the
    pair. A row copied again in traditional script (补录), with the same birth year, is its person."""
    path = roster(tmp_path, "播州区走访慰问名单.csv", "1,刘芳（女）,区劳模,,", "2,刘芳（女）,区劳模,,",
                  "3,覃德明,区劳模,1952,", "4,覃德明,區勞模,1952,補錄", header="序号,姓名,荣誉称号,出生年份,备注")
    report = load_roster(empty_db, path)
    assert report.merged == 1 and len(people(empty_db, "刘芳")) == 2 and len(people(empty_db, "覃德明")) == 1
    assert len(list_candidates(empty_db, "Person").items) == 1


def test_a_new_person_is_merged_when_the_written_graph_settles_what_its_row_left_open(empty_db, tmp_path) -> None:
    """The union's list (no region for its row) names 杨晓帆 at 常德柳川纺织有限公司; the studio
    list had a 杨晓帆 at 柳川纺织, its short form, in 鼎城区, and a namesake at another unit. On
    the row alone the pair is a common name, a short unit and an honor: review. Another office
    had placed the company in 鼎城区, so once written the two agree on the region too, and
    the load's check merges them, as `load`."""
    load_roster(empty_db, roster(tmp_path, "a.csv", "S1,杨晓帆,男,柳川纺织,技术员,常德市劳动模范,,鼎城区",
                                 "S2,杨晓帆,女,德盛新材,工艺员,,,鼎城区"))
    load_roster(empty_db, roster(tmp_path, "b.csv", "B1,李志强,男,常德柳川纺织有限公司,车间主任,常德市劳动模范,2021,鼎城区"))
    report = load_roster(empty_db, roster(tmp_path, "c.csv", "1,杨晓帆,男,常德柳川纺织有限公司,技术员,常德市劳动模范,2023,"))
    assert len(people(empty_db, "杨晓帆")) == 2 and report.merged == 1
    assert empty_db.read("MATCH (m:Merge) RETURN m.who AS who") == [{"who": "load"}]
    [merged] = empty_db.read("MATCH (p:Person {name: '杨晓帆', gender: '男'}) "
                             "RETURN [(p)-[:WORKS_AT]->(u) | u.name] AS units")
    assert sorted(merged["units"]) == ["常德柳川纺织有限公司", "柳川纺织"]
    assert list_candidates(empty_db, "Person").items == [], "the pair the load sent to review is settled"


def test_a_pair_in_review_is_merged_once_a_later_roster_gives_one_side_what_settles_it(empty_db, tmp_path) -> None:
    """The association's 张晨 (a county, no unit) and the studio list's 张晨 (a short unit) are
    a name and a county apart: review. The union's list then matches the association's (the
    same honor and year) and gives it the company, of which the studio's unit is the short form:
    the load merges the pair, as `load`."""
    with_birth = HEADER + ",出生年月"
    load_roster(empty_db, roster(tmp_path, "a.csv", "GZLX1,张晨,男,,,赣州市劳动模范,2023,南康区,1991",
                                 header=with_birth))
    load_roster(empty_db, roster(tmp_path, "b.csv", "S1,张晨,男,赣康家具,木工,,,南康区"))
    assert len(people(empty_db, "张晨")) == 2
    assert len(list_candidates(empty_db, "Person").items) == 1
    report = load_roster(empty_db, roster(tmp_path, "c.csv", "1,张晨,男,赣州市赣康家具集团有限公司,木工,"
                                          "赣州市劳动模范,2023,南康区,1991.06", header=with_birth))
    assert len(people(empty_db, "张晨")) == 1 and report.merged == 1
    assert list_candidates(empty_db, "Person").items == []
    assert empty_db.read("MATCH (m:Merge) RETURN m.who AS who") == [{"who": "load"}]
