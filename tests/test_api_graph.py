"""The GraphQL API over a small graph written by hand with Cypher exactly as
docs/graph-model.md describes it: relay ids and merges, keyset pages, filters, both ends
of every relationship with sources and evidence, lineage, mentorship filters, honor
concentration, article contents, totalCount only when asked."""
from __future__ import annotations

import pytest

from graph.identity import matching_props, sort_key
from tests.conftest import wipe

ART = "article_000000000001"
ROS = "roster_000000000001"


def _entity(db, label: str, node_id: str, name: str, **props) -> None:
    db.write(f"CREATE (n:{label}:Entity) SET n = $props",
             props={"id": node_id, "name": name, "aliases": [name], "aliasText": name,
                    **matching_props(label, name), **props})


def _fact(db, rel: str, a: str, b: str, evidence: str, source: str = ART, locator: str = "chars 0-10",
          **props) -> None:
    db.write(f"MATCH (a {{id: $a}}), (b {{id: $b}}) CREATE (a)-[r:{rel}]->(b) "
             "SET r = $props", a=a, b=b,
             props={"sourceIds": [source], "evidence": [evidence], "locators": [locator], **props})


@pytest.fixture(scope="module")
def graph(db):
    """师傅 甲 → 乙 → 丙 → 丁 (a lineage of four generations), 乙 and 丙 honored; units and
    a team, regions 浙江省 > 嘉兴市 > 桐乡市, a studio, a project serving a village; one
    absorbed duplicate of 甲; an article and a roster as sources."""
    wipe(db)
    db.write("CREATE (:Article:Source {id: $a, title: '劳模报道', publisher: '嘉兴日报', date: '2023-05-01', "
             "url: 'http://example.org/a', hash: 'h1', text: $text})", a=ART,
             text="全国劳模钱师傅带出了徒弟孙乙。孙乙后来获评浙江省劳动模范。")
    db.write("CREATE (:Roster:Source {id: $r, title: '名单', path: 'r.csv', hash: 'h2', rows: 4})", r=ROS)
    for rid, name, kind in [("region_zj", "浙江省", "province"), ("region_jx", "嘉兴市", "city"),
                            ("region_tx", "桐乡市", "county"), ("region_sc", "四川省", "province")]:
        _entity(db, "Region", rid, name, kind=kind)
    _fact(db, "PART_OF", "region_jx", "region_zj", "嘉兴市隶属浙江省")
    _fact(db, "PART_OF", "region_tx", "region_jx", "桐乡市隶属嘉兴市")
    people = [("person_a", "钱师傅", "匠心传承"), ("person_b", "孙乙", "匠心传承"), ("person_c", "李丙", "乡村振兴"),
              ("person_d", "周丁", "乡村振兴"), ("person_e", "吴戊", "社会治理")]
    for pid, name, sector in people:
        _entity(db, "Person", pid, name, sector=sector, phone="13900000000")
    db.write("CREATE (:Absorbed {id: 'person_a_old', name: '钱师付', mergedInto: 'person_a', mergeId: 'merge_1'})")
    _entity(db, "Unit", "unit_factory", "桐乡机械厂", kind="company")
    _entity(db, "Unit", "unit_team", "桐乡机械厂焊接班", kind="team")
    _entity(db, "Unit", "unit_other", "宜宾纸业", kind="company")
    _fact(db, "PART_OF", "unit_team", "unit_factory", "焊接班隶属机械厂")
    _fact(db, "LOCATED_IN", "unit_factory", "region_tx", "机械厂位于桐乡市")
    _fact(db, "LOCATED_IN", "unit_other", "region_sc", "纸业位于四川")
    _fact(db, "WORKS_AT", "person_a", "unit_factory", "钱师傅是机械厂高级技师", role="高级技师")
    _fact(db, "WORKS_AT", "person_b", "unit_team", "孙乙是焊接班班长", role="班长")
    _fact(db, "WORKS_AT", "person_c", "unit_team", "李丙在焊接班", source=ROS, locator="row 3")
    _fact(db, "WORKS_AT", "person_d", "unit_other", "周丁在宜宾纸业", source=ROS, locator="row 4")
    _fact(db, "MENTORS", "person_a", "person_b", "全国劳模钱师傅带出了徒弟孙乙。", since=1998)
    _fact(db, "MENTORS", "person_b", "person_c", "孙乙带徒李丙", since=2008)
    _fact(db, "MENTORS", "person_c", "person_d", "李丙带徒周丁", source=ROS, locator="row 4", since=2018)
    _entity(db, "Honor", "honor_national", "全国劳动模范", level="national")
    _entity(db, "Honor", "honor_zj", "浙江省劳动模范", level="provincial")
    _fact(db, "RECEIVED", "person_a", "honor_national", "全国劳模钱师傅", year=2005)
    _fact(db, "RECEIVED", "person_b", "honor_zj", "孙乙后来获评浙江省劳动模范。", year=2015)
    db.write("MATCH (a {id: 'person_b'})-[r:RECEIVED]->() SET r.sourceIds = r.sourceIds + $ros, "
             "r.evidence = r.evidence + '孙乙,浙江省劳动模范,2015', r.locators = r.locators + 'row 2'", ros=ROS)
    _fact(db, "RECEIVED", "person_c", "honor_zj", "李丙获评浙江省劳动模范", source=ROS, locator="row 3", year=2021)
    _entity(db, "Studio", "studio_a", "钱师傅劳模创新工作室", level="city")
    _fact(db, "LEADS", "person_a", "studio_a", "钱师傅领衔工作室")
    _fact(db, "MEMBER_OF", "person_b", "studio_a", "孙乙是工作室成员")
    _fact(db, "HOSTED_BY", "studio_a", "unit_factory", "工作室依托机械厂")
    _entity(db, "Project", "project_a", "劳模结对帮扶", outcomes=["525户", "9.3亿元"])
    _entity(db, "Project", "project_b", "劳模进校园")
    _entity(db, "Village", "village_a", "陈庄村")
    _fact(db, "PARTICIPATES_IN", "person_b", "project_a", "孙乙参与结对帮扶", role="牵头人")
    _fact(db, "SERVES", "project_a", "village_a", "结对帮扶服务陈庄村")
    _fact(db, "LOCATED_IN", "village_a", "region_tx", "陈庄村位于桐乡市")
    _fact(db, "ASSIGNED_TO", "person_e", "region_sc", "吴戊挂职四川", year=2021)
    db.write("MATCH (s {id: $a}), (p {id: 'person_a'}) CREATE (s)-[:MENTIONS {spans: ['4-7']}]->(p)", a=ART)
    db.write("MATCH (s {id: $a}), (p {id: 'person_b'}) CREATE (s)-[:MENTIONS {spans: ['12-14', '15-17']}]->(p)",
             a=ART)
    db.write("MATCH (p:Person {id: 'person_c'}) "
             "CREATE (:ExternalId {key: 'r.csv:R3', source: 'r.csv', value: 'R3'})-[:IDENTIFIES]->(p)")
    return db


@pytest.fixture(scope="module")
def api(live_server, graph):
    return live_server


def ok(body: dict) -> dict:
    assert "errors" not in body, body
    return body["data"]


def test_node_follows_merges_and_typed_lookups(api) -> None:
    data = ok(api.graphql('{ node(id: "person_a_old") { id __typename ... on Person { name } } '
                          'person(id: "person_a_old") { id } unit(id: "person_a") { id } '
                          'honor(id: "honor_zj") { name level } region(id: "region_jx") { name kind } '
                          'studio(id: "studio_a") { name } village(id: "village_a") { name } '
                          f'article(id: "{ART}") {{ title }} roster(id: "{ROS}") {{ title rows }} '
                          'missing: node(id: "person_nobody") { id } }'))
    assert data["node"] == {"id": "person_a", "__typename": "Person", "name": "钱师傅"}
    assert data["person"] == {"id": "person_a"}
    assert data["unit"] is None and data["missing"] is None
    assert data["honor"]["level"] == "PROVINCIAL" and data["region"]["kind"] == "CITY"
    assert data["article"]["title"] == "劳模报道" and data["roster"]["rows"] == 4
    many = ok(api.graphql('{ nodes(ids: ["honor_zj", "person_nobody", "person_a_old"]) { id } }'))["nodes"]
    assert many == [{"id": "honor_zj"}, None, {"id": "person_a"}]


PAGE = """ id name externalIds colleagues { name } honors { honor { name } year sources { title locator } }
  mentors { mentor { name } evidence } mentees { mentee { name } } units { unit { name } role }
  studios { type studio { name } } projects { node { name } } mentions { names evidence article { title } }
  ...dated """
DATED = "fragment dated on Person { timeline { year description } }"


@pytest.mark.parametrize("pid", ["person_b", "person_c", "person_a_old", "person_e"])
def test_a_looked_up_person_page_is_one_statement(api, pid: str) -> None:
    """`person(id)` reads the person with every part its fields ask (facts, colleagues,
    mentions, record ids) in one statement, and says what the per-level readers say."""
    server_db = api.app.state.service.db
    counter = server_db.start_counting()
    try:
        page = ok(api.graphql(f'{{ person(id: "{pid}") {{ {PAGE} }} }} {DATED}'))["person"]
    finally:
        server_db.stop_counting()
    assert counter.count == 1, counter.statements
    batched = ok(api.graphql(f'{{ nodes(ids: ["{pid}"]) {{ ... on Person {{ {PAGE} }} }} }} {DATED}'))["nodes"][0]
    assert page == batched
    assert page["id"] != "person_a_old" and (pid != "person_c" or page["externalIds"] == ["r.csv:R3"])


def test_a_page_reads_the_kinds_of_facts_its_fields_show(api, monkeypatch) -> None:
    """A looked-up entity's page reads only the facts its fields show (a person asking honors
    does not read its mentors); a field showing a kind the page did not read reads it itself,
    so a gap in FIELD_FACTS costs a statement and never a fact."""
    from api import loaders

    server_db = api.app.state.service.db
    query = '{ person(id: "person_b") { honors { year } mentees { mentee { id } } } }'
    expected = ok(api.graphql('{ nodes(ids: ["person_b"]) { ... on Person { honors { year } '
                              'mentees { mentee { id } } } } }'))["nodes"][0]
    assert expected["honors"] and expected["mentees"]
    counter = server_db.start_counting()
    try:
        assert ok(api.graphql(query))["person"] == expected
        assert counter.count == 1 and counter.params[0]["factTypes"] == ["MENTORS", "RECEIVED"]
        monkeypatch.setitem(loaders.FIELD_FACTS, "mentees", ())
        assert ok(api.graphql(query))["person"] == expected
        assert counter.count == 3, counter.statements  # the page, then the mentees' own read
    finally:
        server_db.stop_counting()


def test_a_node_looked_up_with_person_fields_can_be_a_source(api) -> None:
    data = ok(api.graphql(f'{{ node(id: "{ART}") {{ id ... on Article {{ title }} ... on Person {{ honors {{ year }} }} }} '
                          '  unit(id: "person_b") { people { totalCount } } }'))
    assert data == {"node": {"id": ART, "title": "劳模报道"}, "unit": None}


def test_keyset_pages_walk_everyone_once_in_both_orders(api) -> None:
    query = 'query($after: String, $order: OrderBy!) { people(first: 2, after: $after, orderBy: $order) ' \
            '{ edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }'
    for order in ("NAME_ASC", "NAME_DESC"):
        seen, after = [], None
        while True:
            page = ok(api.graphql(query, {"after": after, "order": order}))["people"]
            seen += [e["node"]["name"] for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert len(seen) == 5 and len(set(seen)) == 5
        # in pinyin order, as Chinese readers expect: 李丙 钱师傅 孙乙 吴戊 周丁
        assert seen == sorted(seen, key=sort_key, reverse=order == "NAME_DESC")
        assert seen[::1 if order == "NAME_ASC" else -1] == ["李丙", "钱师傅", "孙乙", "吴戊", "周丁"]


def test_keyset_pages_walk_backwards_in_both_orders(api) -> None:
    query = 'query($before: String, $order: OrderBy!, $f: PersonFilter) { people(last: 2, before: $before, ' \
            'orderBy: $order, filter: $f) { edges { node { name } } pageInfo { hasPreviousPage startCursor } } }'
    for order in ("NAME_ASC", "NAME_DESC"):
        for flt in (None, {"region": "浙江省"}, {"honor": "浙江省劳动模范"}, {"region": "桐乡市"}):  # a walk, a region, candidates, a county
            forward = ok(api.graphql('query($order: OrderBy!, $f: PersonFilter) { people(first: 100, orderBy: $order, '
                                     'filter: $f) { nodes { name } } }', {"order": order, "f": flt}))["people"]
            seen, before = [], None
            while True:
                page = ok(api.graphql(query, {"before": before, "order": order, "f": flt}))["people"]
                seen = [e["node"]["name"] for e in page["edges"]] + seen
                if not page["pageInfo"]["hasPreviousPage"]:
                    break
                before = page["pageInfo"]["startCursor"]
            assert seen == [n["name"] for n in forward["nodes"]], (order, flt)


def test_a_page_and_its_total_count_are_one_statement(api) -> None:
    server_db = api.app.state.service.db  # the server's own driver, which runs the request's Cypher
    counts = []
    for fields in ("edges { node { id } }", "totalCount edges { node { id } }"):
        counter = server_db.start_counting()
        try:
            data = ok(api.graphql("{ people(first: 2, filter: {sector: \"乡村振兴\"}) { " + fields + " } }"))
        finally:
            server_db.stop_counting()
        counts.append(counter.count)
    assert data["people"]["totalCount"] == 2
    assert counts == [1, 1], "the total is counted in the page's own statement, only when asked"
    assert ok(api.graphql("{ people(first: 2) { totalCount } }"))["people"]["totalCount"] == 5


@pytest.mark.parametrize("flt, expected", [
    ({"region": "浙江省"}, {"钱师傅", "孙乙", "李丙"}),  # through units in 桐乡市 < 嘉兴市 < 浙江省
    ({"region": "四川省"}, {"周丁", "吴戊"}),  # a unit there, an assignment (挂职) there
    ({"sector": "乡村振兴"}, {"李丙", "周丁"}),
    ({"honor": "浙江省劳动模范"}, {"孙乙", "李丙"}),
    ({"honorLevel": "NATIONAL"}, {"钱师傅"}),
    ({"honor": "全国"}, {"钱师傅"}),  # a level word read as honorLevel
    ({"yearFrom": 2010, "yearTo": 2016}, {"孙乙"}),
    ({"honorLevel": "PROVINCIAL", "yearFrom": 2020}, {"李丙"}),
    ({"honor": "省劳模", "yearFrom": 2020}, {"李丙"}),  # the taxonomy's short form of 浙江省劳动模范
    ({"unit": "桐乡机械厂焊接班"}, {"孙乙", "李丙"}),
    ({"unit": "unit_factory"}, {"钱师傅"}),
    ({"name": "孙"}, {"孙乙"}),
    # a county starts from its people (graph/read.py _local), a province from the honors
    ({"region": "桐乡市", "yearFrom": 2010}, {"孙乙", "李丙"}),
    ({"region": "桐乡市", "yearTo": 2010}, {"钱师傅"}),
    ({"region": "桐乡市", "honorLevel": "PROVINCIAL", "sector": "乡村振兴"}, {"李丙"}),
    ({"region": "浙江省", "yearFrom": 2010}, {"孙乙", "李丙"}),
    ({"region": "四川省", "sector": "社会治理"}, {"吴戊"}),
])
def test_people_filters(api, flt: dict, expected: set) -> None:
    query = "query($f: PersonFilter) { people(first: 100, filter: $f) { totalCount edges { node { name } } } }"
    people = ok(api.graphql(query, {"f": flt}))["people"]
    assert {e["node"]["name"] for e in people["edges"]} == expected
    assert people["totalCount"] == len(expected)


def test_a_regions_units_include_their_teams(db, graph) -> None:
    """REGIONS_BELOW reads the graph's teams from their PART_OF relationships: a region's units
    are every unit located in it or below it, with their teams three levels down, as a walk
    down from each located unit finds them."""
    from graph.read import REGIONS_BELOW

    def units(region: str) -> list[str]:
        rows = db.read(REGIONS_BELOW + "RETURN [u IN regionUnits | u.id] AS units", region=region, regionWords=[region])
        return sorted(rows[0]["units"])

    def expected(region: str) -> list[str]:
        return sorted(db.read("MATCH (:Region {name: $region})<-[:PART_OF*0..6]-(:Region)<-[:LOCATED_IN]-(:Unit)"
                              "<-[:PART_OF*0..3]-(u:Unit) RETURN collect(DISTINCT u.id) AS units", region=region)[0]["units"])

    assert units("浙江省") == ["unit_factory", "unit_team"]
    teams = [f"unit_extra_{i}" for i in range(4)]
    try:
        for i, team in enumerate(teams):  # under 宜宾纸业 (in 四川省): a chain three levels deep, and one more
            _entity(db, "Unit", team, f"宜宾纸业{i}班", kind="team")
            _fact(db, "PART_OF", team, teams[i - 1] if 0 < i < 3 else "unit_other", "班组隶属")
        regions = ("浙江省", "桐乡市", "四川省", "嘉兴市")
        assert {r: units(r) for r in regions} == {r: expected(r) for r in regions}
        assert set(teams) < set(units("四川省"))
    finally:
        db.write("MATCH (u:Unit) WHERE u.id IN $ids DETACH DELETE u", ids=teams)


def test_projects_with_outcomes(api) -> None:
    data = ok(api.graphql('{ projects(filter: {hasOutcomes: true}) { edges { node { name outcomes } } } }'))
    assert data["projects"]["edges"] == [{"node": {"name": "劳模结对帮扶", "outcomes": ["525户", "9.3亿元"]}}]


def test_every_relationship_from_both_ends_with_sources_and_evidence(api) -> None:
    src = "sources { kind title date url locator evidence } evidence"
    data = ok(api.graphql("""{
      b: person(id: "person_b") {
        mentors { mentor { name } since SRC } mentees { mentee { name } SRC }
        honors { honor { name } year SRC } units { unit { name } role SRC }
        studios { type studio { name } SRC } projects { node { name } role SRC }
        colleagues { name } externalIds
        mentions { article { title } evidence names }
      }
      c: person(id: "person_c") { externalIds }
      e: person(id: "person_e") { assignments { node { name } year SRC } }
      unit(id: "unit_team") { people { nodes { person { name } role SRC } } parents { type node { name } } }
      factory: unit(id: "unit_factory") { parts { node { name } } studios { node { name } } parents { node { name } } }
      honor(id: "honor_zj") { recipients { nodes { recipient { name } year SRC } }
                              y: recipients(year: 2021) { nodes { recipient { name } } } }
      studio(id: "studio_a") { leaders { person { name } SRC } members { person { name } } units { node { name } } }
      project(id: "project_a") { participants { node { name } role } villages { node { name } SRC } }
      village(id: "village_a") { projects { node { name } } regions { node { name } } }
      region(id: "region_jx") { parents { node { name } } children { node { name } } }
      sc: region(id: "region_sc") { located { node { name } } assigned { node { name } } }
    }""".replace("SRC", src)))
    b = data["b"]
    assert [m["mentor"]["name"] for m in b["mentors"]] == ["钱师傅"] and b["mentors"][0]["since"] == 1998
    assert b["mentors"][0]["sources"][0] == {"kind": "ARTICLE", "title": "劳模报道", "date": "2023-05-01",
                                             "url": "http://example.org/a", "locator": "chars 0-10",
                                             "evidence": "全国劳模钱师傅带出了徒弟孙乙。"}
    assert [m["mentee"]["name"] for m in b["mentees"]] == ["李丙"]
    honor = b["honors"][0]
    assert honor["honor"]["name"] == "浙江省劳动模范" and honor["year"] == 2015
    assert [s["kind"] for s in honor["sources"]] == ["ARTICLE", "ROSTER"]
    assert honor["sources"][1]["locator"] == "row 2" and len(honor["evidence"]) == 2
    assert b["units"][0] == {"unit": {"name": "桐乡机械厂焊接班"}, "role": "班长",
                             "sources": b["units"][0]["sources"], "evidence": ["孙乙是焊接班班长"]}
    assert b["studios"][0]["type"] == "MEMBER_OF" and b["projects"][0]["role"] == "牵头人"
    assert [c["name"] for c in b["colleagues"]] == ["李丙"]
    assert data["c"]["externalIds"] == ["r.csv:R3"]
    mention = b["mentions"][0]
    assert mention["article"]["title"] == "劳模报道" and mention["names"] == ["孙乙", "孙乙"]
    assert mention["evidence"] == ["全国劳模钱师傅带出了徒弟孙乙。", "孙乙后来获评浙江省劳动模范。"]
    assert data["e"]["assignments"][0]["node"]["name"] == "四川省"
    assert {p["person"]["name"] for p in data["unit"]["people"]["nodes"]} == {"孙乙", "李丙"}
    assert {p["node"]["name"] for p in data["unit"]["parents"]} == {"桐乡机械厂"}
    factory = data["factory"]
    assert [p["node"]["name"] for p in factory["parts"]] == ["桐乡机械厂焊接班"]
    assert [s["node"]["name"] for s in factory["studios"]] == ["钱师傅劳模创新工作室"]
    assert [p["node"]["name"] for p in factory["parents"]] == ["桐乡市"]
    assert {r["recipient"]["name"] for r in data["honor"]["recipients"]["nodes"]} == {"孙乙", "李丙"}
    assert [r["recipient"]["name"] for r in data["honor"]["y"]["nodes"]] == ["李丙"]
    assert data["studio"]["leaders"][0]["person"]["name"] == "钱师傅"
    assert data["studio"]["members"][0]["person"]["name"] == "孙乙"
    assert data["studio"]["units"][0]["node"]["name"] == "桐乡机械厂"
    assert data["project"]["participants"][0]["node"]["name"] == "孙乙"
    assert data["project"]["villages"][0]["sources"][0]["kind"] == "ARTICLE"
    assert data["village"]["projects"][0]["node"]["name"] == "劳模结对帮扶"
    assert data["village"]["regions"][0]["node"]["name"] == "桐乡市"
    assert data["region"]["parents"][0]["node"]["name"] == "浙江省"
    assert data["region"]["children"][0]["node"]["name"] == "桐乡市"
    assert {x["node"]["name"] for x in data["sc"]["located"]} == {"宜宾纸业"}
    assert {x["node"]["name"] for x in data["sc"]["assigned"]} == {"吴戊"}


def test_lineage_is_a_tree_cut_at_depth(api) -> None:
    query = """query($d: Int!) { person(id: "person_a") { lineage(depth: $d) {
      depth person { name } mentees { depth person { name } mentees { depth person { name }
      mentees { depth person { name } mentees { person { name } } } } } } } }"""
    tree = ok(api.graphql(query, {"d": 3}))["person"]["lineage"]
    assert tree["person"]["name"] == "钱师傅" and tree["depth"] == 0
    level3 = tree["mentees"][0]["mentees"][0]["mentees"][0]
    assert level3["person"]["name"] == "周丁" and level3["depth"] == 3 and level3["mentees"] == []
    short = ok(api.graphql(query, {"d": 1}))["person"]["lineage"]
    assert short["mentees"][0]["person"]["name"] == "孙乙" and short["mentees"][0]["mentees"] == []
    too_deep = api.graphql(query, {"d": 6})
    assert too_deep["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_a_lineage_and_what_it_shows_of_its_people_is_one_statement(api) -> None:
    """The person looked up, the tree below them and the facts its fields show of everyone in
    it (honors at every level, the person's own too) come in one statement: the same answer as
    each person read on their own."""
    server_db = api.app.state.service.db
    honors = "honors { honor { name } year sources { kind } }"
    query = f"""{{ person(id: "person_a") {{ name lineage(depth: 3) {{ person {{ name {honors} }}
      mentees {{ person {{ id {honors} units {{ unit {{ name }} }} }} mentees {{ person {{ id {honors} }} }} }} }} }} }}"""
    counter = server_db.start_counting()
    try:
        tree = ok(api.graphql(query))["person"]["lineage"]
    finally:
        server_db.stop_counting()
    assert counter.count == 1, counter.statements  # the person, the tree and its people's facts
    people = [m["person"] for m in tree["mentees"]] + [g["person"] for m in tree["mentees"] for g in m["mentees"]]
    assert people and any(p["honors"] for p in people)
    for p in people:
        alone = ok(api.graphql(f'{{ person(id: "{p["id"]}") {{ id {honors} }} }}'))["person"]
        assert p["honors"] == alone["honors"], p["id"]
    own = ok(api.graphql(f'{{ person(id: "person_a") {{ name {honors} }} }}'))["person"]
    assert tree["person"] == own


def test_a_lineage_asked_by_an_absorbed_id_or_of_nobody(api) -> None:
    """The one-statement tree of a looked-up person follows merges like any lookup (an absorbed
    id gives the survivor's tree) and an unknown id is null."""
    query = "query($id: ID!) { person(id: $id) { id name lineage { person { name } mentees { person { name } } } } }"
    direct = ok(api.graphql(query, {"id": "person_a"}))["person"]
    assert direct["lineage"]["mentees"] and direct["id"] == "person_a"
    assert ok(api.graphql(query, {"id": "person_a_old"}))["person"] == direct
    assert ok(api.graphql(query, {"id": "person_nobody"}))["person"] is None
    server_db = api.app.state.service.db
    counter = server_db.start_counting()
    try:  # a depth given as a variable is read the same way
        deep = ok(api.graphql("query($d: Int) { person(id: \"person_a\") { name lineage(depth: $d) { depth } } }",
                              {"d": 2}))["person"]
    finally:
        server_db.stop_counting()
    assert deep["lineage"]["depth"] == 0 and counter.count == 1, counter.statements


def test_a_list_page_and_what_it_shows_of_its_nodes_is_one_statement(api) -> None:
    """A page of people with what its fields show of each (facts with their sources, mentions),
    asked through edges, nodes and a fragment, is one statement: the same answer as each person
    read on their own."""
    server_db = api.app.state.service.db
    shown = "id name honors { honor { name } year sources { kind } } units { unit { name } } mentions { evidence }"
    query = f"""{{ people(first: 4) {{ totalCount edges {{ node {{ ...P }} }} nodes {{ id mentors {{ mentor {{ id }} }} }} }} }}
      fragment P on Person {{ {shown} }}"""
    counter = server_db.start_counting()
    try:
        found = ok(api.graphql(query))["people"]
    finally:
        server_db.stop_counting()
    assert counter.count == 1, counter.statements
    assert set(counter.params[0]["factTypes"]) == {"WORKS_AT", "HOSTED_BY", "MENTORS", "RECEIVED"}
    people = [e["node"] for e in found["edges"]]
    assert len(people) == 4 and any(p["honors"] for p in people) and any(p["mentions"] for p in people)
    for p, n in zip(people, found["nodes"]):
        assert ok(api.graphql(f'{{ person(id: "{p["id"]}") {{ {shown} }} }}'))["person"] == p
        alone = ok(api.graphql(f'{{ person(id: "{p["id"]}") {{ id mentors {{ mentor {{ id }} }} }} }}'))["person"]
        assert n == alone
    later = ok(api.graphql("query($a: String) { people(first: 2, after: $a) { edges { node { id honors { year } } } } }",
                           {"a": None}))["people"]["edges"]
    assert [e["node"]["id"] for e in later] == [p["id"] for p in people[:2]]


def test_mentorships_filters_and_total(api) -> None:
    query = "query($f: MentorshipFilter) { mentorships(filter: $f) { totalCount " \
            "edges { node { mentor { name } mentee { name } since sources { kind } } } } }"
    everyone = ok(api.graphql(query))["mentorships"]
    assert everyone["totalCount"] == 3
    honored = ok(api.graphql(query, {"f": {"menteeHonored": True}}))["mentorships"]["edges"]
    assert {e["node"]["mentee"]["name"] for e in honored} == {"孙乙", "李丙"}
    assert [e["node"]["mentee"]["name"] for e in
            ok(api.graphql(query, {"f": {"menteeHonored": False}}))["mentorships"]["edges"]] == ["周丁"]
    recent = ok(api.graphql(query, {"f": {"yearFrom": 2005, "mentor": "孙乙"}}))["mentorships"]["edges"]
    assert [e["node"]["mentee"]["name"] for e in recent] == ["李丙"]


def test_timeline_in_order_with_evidence(api) -> None:
    events = ok(api.graphql('{ person(id: "person_b") { timeline { year type description evidence } } }'))
    events = events["person"]["timeline"]
    assert [e["year"] for e in events] == sorted(e["year"] for e in events)
    assert {"MENTORS", "RECEIVED", "MENTIONED"} <= {e["type"] for e in events}
    assert all(e["evidence"] for e in events)


def test_connection_reading_and_evidence(api) -> None:
    paths = ok(api.graphql('{ connection(from: "person_a", to: "person_c") { reading nodes { id } '
                           'edges { type evidence sources { kind locator } } } }'))["connection"]
    readings = {p["reading"] for p in paths}
    assert "钱师傅 —带徒→ 孙乙 —带徒→ 李丙" in readings
    assert all(e["evidence"] and e["sources"] for p in paths for e in p["edges"])
    reverse = ok(api.graphql('{ connection(from: "honor_national", to: "person_b") { reading } }'))["connection"]
    assert reverse[0]["reading"] == "全国劳动模范 ←获评— 钱师傅 —带徒→ 孙乙"
    far = ok(api.graphql('{ connection(from: "person_a", to: "person_d", maxHops: 2) { reading } }'))
    assert all(len(p["reading"].split("→")) <= 3 for p in far["connection"])
    bad = api.graphql('{ connection(from: "person_a", to: "person_d", maxHops: 7) { reading } }')
    assert bad["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_neighborhood_is_drawable(api) -> None:
    hood = ok(api.graphql('{ neighborhood(id: "person_b") { nodes { id } edges { type source target evidence } } }'))
    hood = hood["neighborhood"]
    ids = {n["id"] for n in hood["nodes"]}
    assert {"person_b", "person_a", "person_c", "honor_zj", "unit_team", "studio_a", "project_a"} <= ids
    assert all(e["source"] in ids and e["target"] in ids and e["evidence"] for e in hood["edges"])
    two = ok(api.graphql('{ neighborhood(id: "person_b", depth: 2, limit: 3) { nodes { id } } }'))
    assert len(two["neighborhood"]["nodes"]) <= 3


def test_neighborhood_filters_types_and_says_when_cut(api) -> None:
    full = ok(api.graphql('{ neighborhood(id: "person_b") { truncated nodes { id } edges { type } } }'))
    assert full["neighborhood"]["truncated"] is False
    no_honor = ok(api.graphql('{ neighborhood(id: "person_b", depth: 2, exceptTypes: [RECEIVED]) '
                              '{ nodes { id } edges { type } } }'))["neighborhood"]
    assert "RECEIVED" not in {e["type"] for e in no_honor["edges"]}
    assert "honor_zj" not in {n["id"] for n in no_honor["nodes"]} and "person_c" in {n["id"] for n in no_honor["nodes"]}
    mentors = ok(api.graphql('{ neighborhood(id: "person_b", depth: 3, types: [MENTORS]) '
                             '{ nodes { id } edges { type } } }'))["neighborhood"]
    assert {e["type"] for e in mentors["edges"]} == {"MENTORS"}
    assert {n["id"] for n in mentors["nodes"]} == {"person_a", "person_b", "person_c", "person_d"}
    nothing = ok(api.graphql('{ neighborhood(id: "person_b", types: [MENTORS], exceptTypes: [MENTORS]) '
                             '{ nodes { id } edges { type } truncated } }'))["neighborhood"]
    assert nothing == {"nodes": [{"id": "person_b"}], "edges": [], "truncated": False}
    cut = ok(api.graphql('{ neighborhood(id: "person_b", depth: 2, limit: 3) { truncated nodes { id } } }'))
    assert cut["neighborhood"]["truncated"] is True and len(cut["neighborhood"]["nodes"]) <= 3


def test_connection_with_type_filters(api) -> None:
    via_honor = ok(api.graphql('{ connection(from: "person_b", to: "person_c", types: [RECEIVED]) { reading } }'))
    assert [p["reading"] for p in via_honor["connection"]] == ["孙乙 —获评→ 浙江省劳动模范 ←获评— 李丙"]
    without = ok(api.graphql('{ connection(from: "person_b", to: "person_c", exceptTypes: [RECEIVED, WORKS_AT]) '
                             '{ reading edges { type } } }'))["connection"]
    assert without and all(e["type"] not in ("RECEIVED", "WORKS_AT") for p in without for e in p["edges"])
    assert ok(api.graphql('{ connection(from: "person_a", to: "person_e", types: [MENTORS]) { reading } }')) \
        == {"connection": []}


def test_honors_in_year_order(api, graph) -> None:
    graph.write("MATCH (p:Person {id: 'person_b'}), (h:Honor {id: 'honor_national'}) "
                "CREATE (p)-[:RECEIVED {year: 2001, sourceIds: [$a], evidence: ['孙乙早年获评'], locators: ['x']}]->(h)",
                a=ART)
    try:
        honors = ok(api.graphql('{ person(id: "person_b") { honors { year honor { name } } } }'))["person"]["honors"]
        assert [h["year"] for h in honors] == [2001, 2015]
    finally:
        graph.write("MATCH (:Person {id: 'person_b'})-[r:RECEIVED]->(:Honor {id: 'honor_national'}) DELETE r")


def test_honor_concentration(api) -> None:
    data = ok(api.graphql('{ u: honorConcentration(by: UNIT) { nodes { node { name } honorees awards } } '
                          's: honorConcentration(by: STUDIO, level: NATIONAL) { totalCount nodes { node { name } '
                          'honorees } } }'))
    top = data["u"]["nodes"][0]
    assert top["node"]["name"] == "桐乡机械厂" and top["honorees"] == 3  # its team counts too
    assert data["s"] == {"totalCount": 1, "nodes": [{"node": {"name": "钱师傅劳模创新工作室"}, "honorees": 1}]}


def test_article_contents_in_order(api) -> None:
    data = ok(api.graphql('query($id: ID!) { article(id: $id) { mentioned { node { name } spans } '
                          'people: mentioned(types: [PERSON], first: 1) { node { name } } } }', {"id": ART}))
    assert [m["node"]["name"] for m in data["article"]["mentioned"]] == ["钱师傅", "孙乙"]
    assert data["article"]["people"] == [{"node": {"name": "钱师傅"}}]


def test_an_articles_contents_page_is_one_statement(api) -> None:
    """An article looked up for what it mentions is read with that list in one statement,
    however the list's arguments are written; the same answer as the list read on its own."""
    server_db = api.app.state.service.db
    query = ('query($id: ID!, $types: [EntityType!], $first: Int) { article(id: $id) { id title '
             'mentioned(types: $types, first: $first) { spans node { id name } } } }')
    for variables in ({"id": ART}, {"id": ART, "types": ["PERSON"], "first": 1}):
        counter = server_db.start_counting()
        try:
            one = ok(api.graphql(query, variables))["article"]
        finally:
            server_db.stop_counting()
        assert counter.count == 1, counter.statements
        apart = ok(api.graphql(query.replace("id title", "id title aliases: mentioned { spans }"), variables))["article"]
        assert one["mentioned"] == apart["mentioned"] and one["title"] == apart["title"]
    literal = ok(api.graphql(f'{{ article(id: "{ART}") {{ mentioned(types: [PERSON], first: 1) {{ node {{ name }} }} }} }}'))
    assert literal["article"]["mentioned"] == [{"node": {"name": "钱师傅"}}]
    assert ok(api.graphql('{ article(id: "article_nothere") { mentioned { spans } } }'))["article"] is None
    too_many = api.graphql(f'{{ article(id: "{ART}") {{ title mentioned(first: 101) {{ spans }} }} }}')
    assert too_many["errors"][0]["path"] == ["article", "mentioned"], too_many  # the list says what is wrong


def test_search_says_what_it_matched_on(api) -> None:
    hits = ok(api.graphql('{ search(q: "sunyi", types: [PERSON]) { nodes { node { id } matchedOn score } } }'))[
        "search"]["nodes"]
    assert hits[0]["node"]["id"] == "person_b" and "pinyin" in hits[0]["matchedOn"]
    bad = api.graphql('{ search(q: "x", types: [NOPE]) { totalCount } }')
    assert bad["errors"][0]["extensions"]["code"] == "BAD_INPUT"
    empty = api.graphql('{ search(q: "  ") { totalCount } }')
    assert empty["errors"][0]["extensions"]["code"] == "BAD_INPUT"


def test_search_finds_names_by_their_beginning(api) -> None:
    """A surname alone (one character, traditional too) and the first syllables in pinyin find
    the names they begin, below every closer match; the types asked still hold."""
    def hits(q: str, types: str = "") -> list[tuple[str, list[str]]]:
        found = ok(api.graphql(f'{{ search(q: "{q}"{types}) {{ totalCount nodes {{ node {{ name }} matchedOn }} }} }}'))
        assert found["search"]["totalCount"] == len(found["search"]["nodes"])
        return [(h["node"]["name"], h["matchedOn"]) for h in found["search"]["nodes"]]

    assert hits("孙") == hits("孫") == [("孙乙", ["prefix"])]
    assert hits("sun") == [("孙乙", ["prefix"])]
    assert hits("qianshi", ", types: [PERSON]") == [("钱师傅", ["prefix"])]
    assert {name for name, _ in hits("桐")} == {"桐乡市", "桐乡机械厂", "桐乡机械厂焊接班"}
    assert [name for name, _ in hits("桐", ", types: [UNIT]")] == ["桐乡机械厂", "桐乡机械厂焊接班"]
    assert hits("桐", ", types: [PERSON]") == [] and hits("乙") == []  # a name's beginning only
    sunyi = hits("sunyi")
    assert sunyi[0][0] == "孙乙" and "pinyin" in sunyi[0][1] and "prefix" in sunyi[0][1]


def test_a_unit_page_reads_its_peoples_facts_with_it(api, monkeypatch) -> None:
    """A looked-up unit whose people show their own facts (honors, units) reads them in the
    page's statement while it has at most FACTS_READ_AHEAD people; more, and the people of
    the page are read in a second one. The answer is the same either way."""
    from graph import read

    server_db = api.app.state.service.db
    query = ('{ unit(id: "unit_team") { name people { totalCount nodes { role person { name '
             'honors { honor { name } year sources { title } } units { unit { name } } } } } '
             'honors { honor { name } } } }')
    answers = []
    for most, statements in ((read.FACTS_READ_AHEAD, 1), (0, 2)):
        monkeypatch.setattr(read, "FACTS_READ_AHEAD", most)
        counter = server_db.start_counting()
        try:
            answers.append(ok(api.graphql(query))["unit"])
        finally:
            server_db.stop_counting()
        assert counter.count == statements, counter.statements
    assert answers[0] == answers[1]
    people = {n["person"]["name"]: n["person"] for n in answers[0]["people"]["nodes"]}
    assert [h["year"] for h in people["孙乙"]["honors"]] == [2015]
    assert people["孙乙"]["honors"][0]["sources"] and people["孙乙"]["units"]
