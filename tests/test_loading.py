"""Loading sources into the real Neo4j: rosters in several encodings and formats,
refusal of bad files as a whole, idempotent reloads, resolution of spellings, evidence."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.config import CHECKOUT
from graph.facts import ArticleMeta
from graph.loaders.roster import RosterRefused
from graph.ingest import load_article, load_roster

DATA = Path(__file__).parent / "data"
SAMPLE = CHECKOUT / "seed" / "jiaxing-model-workers-2023.txt"


def counts(db) -> tuple[int, int]:
    row = db.read("MATCH (n) WHERE NOT n:SchemaMigration WITH count(n) AS nodes "
                  "OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels")[0]
    return row["nodes"], row["rels"]


def people_named(db, name: str) -> list[dict]:
    return db.read("MATCH (p:Person) WHERE p.name = $name OR $name IN p.aliases "
                   "RETURN p.id AS id, p.name AS name, p.aliases AS aliases", name=name)


def load_sample(db):
    return load_article(db, SAMPLE.read_text(encoding="utf-8"),
                        ArticleMeta(title="深刻领悟红船精神 释放劳模引领力量", publisher="嘉兴市劳模协会", date="2023"))


def test_gbk_roster_with_chinese_headers_loads(empty_db) -> None:
    path = next(DATA.glob("*gbk*.csv"))
    report = load_roster(empty_db, path)
    assert sum(report.created.values()) > 0
    assert empty_db.read("MATCH (p:Person)-[:RECEIVED]->(:Honor) RETURN count(p) AS c")[0]["c"] > 0


def test_xlsx_roster_with_english_headers_loads(empty_db) -> None:
    path = next(DATA.glob("*.xlsx"))
    report = load_roster(empty_db, path)
    assert report.created["Person"] > 0
    assert empty_db.read("MATCH (p:Person)-[:WORKS_AT]->(:Unit) RETURN count(p) AS c")[0]["c"] > 0


def test_roster_with_bad_rows_is_refused_whole(empty_db) -> None:
    path = next(DATA.glob("*bad*.csv"))
    with pytest.raises(RosterRefused) as refused:
        load_roster(empty_db, path)
    problems = refused.value.problems
    assert len(problems) >= 3
    assert all(p.startswith(f"{path.name}:") or p.startswith(f"{path}:") for p in problems)
    assert all(len(p.split(":")) >= 4 for p in problems), problems
    assert counts(empty_db) == (0, 0), "nothing may be written"


def test_a_write_that_fails_after_people_and_facts_were_sent_leaves_nothing(empty_db, monkeypatch) -> None:
    from neo4j.exceptions import Neo4jError

    from graph import writer

    monkeypatch.setattr(writer, "_write_reviews", lambda tx, *args: tx.run("RETURN 1/0 AS never"))
    path = next(DATA.glob("*gbk*.csv"))
    with pytest.raises(Neo4jError):
        load_roster(empty_db, path)
    assert counts(empty_db) == (0, 0), "nothing may be written"
    monkeypatch.undo()
    assert load_roster(empty_db, path).created["Person"] > 0


def test_skip_invalid_loads_the_good_rows(empty_db) -> None:
    path = next(DATA.glob("*bad*.csv"))
    report = load_roster(empty_db, path, skip_invalid=True)
    assert report.rejected >= 3
    assert report.problems


def test_second_load_changes_nothing(empty_db) -> None:
    first = load_sample(empty_db)
    assert not first.already_loaded
    before = counts(empty_db)
    again = load_sample(empty_db)
    assert again.already_loaded
    assert counts(empty_db) == before
    roster = next(DATA.glob("*gbk*.csv"))
    load_roster(empty_db, roster)
    before = counts(empty_db)
    assert load_roster(empty_db, roster).already_loaded
    assert counts(empty_db) == before


def test_traditional_glued_title_resolves_to_existing_person(empty_db) -> None:
    load_sample(empty_db)
    existing = people_named(empty_db, "张继东")
    assert len(existing) == 1
    later = "桐乡市召开劳模座谈会。全国劳模张继東介绍了农场带动周边农户增收的经验。"
    report = load_article(empty_db, later, ArticleMeta(title="桐乡劳模座谈会", date="2024-05-01"))
    assert report.matched["Person"] >= 1
    after = people_named(empty_db, "张继东")
    assert [p["id"] for p in after] == [existing[0]["id"]]
    assert "张继東" in after[0]["aliases"] or "张继东" in after[0]["aliases"]
    sources = empty_db.read("MATCH (s)-[:MENTIONS]->(p:Person {id: $id}) RETURN count(s) AS c", id=existing[0]["id"])
    assert sources[0]["c"] == 2


def test_one_character_apart_at_another_unit_is_not_merged(empty_db) -> None:
    load_sample(empty_db)
    original = people_named(empty_db, "王金良")
    assert len(original) == 1
    text = "嘉兴市某机械厂高级技师王金亮获评嘉兴市劳动模范。王金亮在嘉兴市恒达机械有限公司工作二十年。"
    load_article(empty_db, text, ArticleMeta(title="王金亮的故事", date="2024-03-01"))
    other = people_named(empty_db, "王金亮")
    assert len(other) == 1 and other[0]["id"] != original[0]["id"]
    assert "王金亮" not in (original[0]["aliases"] or [])
    review = empty_db.read("MATCH (i:ReviewItem)-[:CANDIDATE]->(p:Person) WHERE p.id IN $ids "
                           "RETURN count(DISTINCT i) AS c", ids=[original[0]["id"], other[0]["id"]])
    assert review[0]["c"] in (0, 1)


def test_every_fact_has_a_source_and_evidence(empty_db) -> None:
    load_sample(empty_db)
    load_roster(empty_db, next(DATA.glob("*gbk*.csv")))
    rows = empty_db.read(
        "MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONS', 'CANDIDATE', 'IDENTIFIES', 'COUNT_OF', 'IN_REGION'] "
        "RETURN type(r) AS type, r.sourceIds AS sources, r.evidence AS evidence")
    assert rows
    for row in rows:
        assert row["sources"], row
        assert len(row["evidence"]) == len(row["sources"]) and all(row["evidence"]), row


def test_aggregates_are_counts_not_people(empty_db) -> None:
    load_sample(empty_db)
    fake = empty_db.read("MATCH (p:Person) WHERE p.name =~ '.*[0-9]+人.*' RETURN p.name AS name")
    assert fake == []
    counted = empty_db.read("MATCH (c:AwardCount)-[:COUNT_OF]->(h:Honor {name: '嘉兴市劳动模范'}) "
                            "RETURN c.count AS count")
    assert {"count": 120} in counted


def test_a_load_pauses_cycle_collection_only_while_it_resolves_and_writes(empty_db, monkeypatch) -> None:
    """The collector is back on after a load, even one whose resolution fails (in its thread),
    and stays off for a caller that had turned it off itself."""
    import gc

    from graph import ingest
    from graph.facts import Extraction
    from graph.writer import Source

    seen: list[bool] = []

    def failing_resolution(*args: object) -> Iterator[dict]:
        seen.append(gc.isenabled())
        raise RuntimeError("resolution failed")
        yield {}  # a generator, like the real one: it fails in the resolving thread

    monkeypatch.setattr(ingest, "resolve_in_stages", failing_resolution)
    source = Source(label="Roster", hash="0" * 64, name="r", props={})
    with pytest.raises(RuntimeError, match="resolution failed"):
        ingest.write_source(empty_db, source, Extraction())
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        with pytest.raises(RuntimeError):
            ingest.write_source(empty_db, source, Extraction())
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert counts(empty_db) == (0, 0)


def test_list_parameters_reach_neo4j_whole_and_print_as_their_length(db, caplog) -> None:
    """The driver formats a statement's parameters for its debug log whether or not anything
    logs them; a roster's rows would be printed whole (seconds of a large load)."""
    import logging

    rows = [{"n": i, "text": f"第{i}行"} for i in range(3)]
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        written = db.write_tx(lambda tx: tx.run("UNWIND $rows AS row RETURN row.n AS n, row.text AS text",
                                                rows=rows), lock=False)
        read = db.read_values("UNWIND $keys AS k RETURN k", keys=["a", "b"])
    assert written == rows and read == [{"k": "a"}, {"k": "b"}]
    runs = [r.getMessage() for r in caplog.records if "C: RUN" in r.getMessage()]
    assert any("<3 items>" in m for m in runs) and any("<2 items>" in m for m in runs)
    assert not any("第1行" in m for m in runs)


def test_rows_taken_as_they_come_refuse_a_whole_node(db) -> None:
    """graph/read.py takes rows as the driver gives them (`read_values`): a statement there
    returning a node rather than its map would hand the API a driver object, so it fails
    loudly instead; `read` still converts such a row."""
    statement = "MATCH (n:SchemaMigration) RETURN n LIMIT 1"  # there after any migration
    with pytest.raises(TypeError, match="node, relationship or path"):
        db.read_values(statement)
    assert isinstance(db.read(statement)[0]["n"], dict)


def _graph_shape(db) -> tuple[list[str], list[str]]:
    """Every node and relationship as text, without the random ids of people (a review item's
    id is made of two) and the clock."""
    named = "coalesce({0}.name, {0}.title, {0}.key, CASE WHEN {0}:ReviewItem THEN '' ELSE {0}.id END)"
    nodes = db.read("MATCH (n) WHERE NOT n:SchemaMigration AND NOT n:WriteLock "
                    f"RETURN labels(n) AS labels, {named.format('n')} AS name, n.aliases AS aliases, "
                    "n.status AS status, n.score AS score")
    rels = db.read("MATCH (a)-[r]->(b) RETURN type(r) AS type, "
                   f"labels(a)[0] + ':' + {named.format('a')} AS a, "
                   f"labels(b)[0] + ':' + {named.format('b')} AS b, "
                   "r.evidence AS evidence, r.locators AS locators, r.spans AS spans, r.year AS year")
    return sorted(map(repr, nodes)), sorted(map(repr, rels))


def test_a_roster_resolved_in_stages_writes_what_one_pass_writes(empty_db, monkeypatch, tmp_path) -> None:
    """A large source is written a stage of people at a time while the next is resolved
    (graph/ingest.py): with stages of 7 people, two rosters (the second naming people of the
    first, with mentors across stages) give the same graph and reports as in one stage. So
    do the bulk reads of a large source, which read each name's block once for all stages."""
    from bench.synthetic import generate_roster_rows, write_csv
    from graph import ingest, resolve
    from tests.conftest import wipe

    first = generate_roster_rows(60, seed=7, id_prefix="S")
    mentors = {r["师傅"] for r in first}
    for stage in (range(8, 14), range(15, 21)):  # namesakes at other units: one name asked in three stages
        first[next(i for i in stage if first[i]["姓名"] not in mentors)]["姓名"] = first[0]["姓名"]
    again = [dict(r, 编号="R" + r["编号"]) for r in first[:25]] + generate_roster_rows(35, seed=8, id_prefix="T")
    write_csv(tmp_path / "first.csv", first)
    write_csv(tmp_path / "again.csv", again)
    for bulk_above in (2000, 0):
        monkeypatch.setattr(resolve, "BULK_THRESHOLD", bulk_above)
        outcomes = []
        for per_stage in (1000, 7):
            wipe(empty_db)
            monkeypatch.setattr(ingest, "PEOPLE_PER_STAGE", per_stage)
            reports = [load_roster(empty_db, tmp_path / name) for name in ("first.csv", "again.csv")]
            outcomes.append(([(r.created, r.matched, r.review, r.facts) for r in reports], _graph_shape(empty_db)))
        assert outcomes[0][0][1][1]["Person"] >= 20, "the second roster matches people of the first"
        assert outcomes[1] == outcomes[0], f"bulk reads above {bulk_above} people"


def test_a_common_name_beyond_the_block_cap_is_found_at_its_unit(empty_db, monkeypatch, tmp_path) -> None:
    """合成数据: 25 张伟 at 25 units, more than a block's CANDIDATES_PER_KEY. A second roster
    lists them again under new record ids, each at his unit with his birth year and honor
    (two years apart, as the first listed them):
    each is matched to himself, in a small load (the blocks' Cypher) and in a bulk one
    (blocks in memory). Those beyond the first twenty of the name were created again."""
    from graph import resolve
    from graph.cypher.people import CANDIDATES_PER_KEY
    from tests.conftest import wipe

    brands = "华立 远达 博华 宏瑞 振天 鸿运 金桥 新安 丰源 瑞丰 明珠 天成 永达 恒通 锦程 东方 银河 蓝天 春晖 华兴 长风 广源 信达 泰和 凯盛"
    units = [f"嘉兴{b}机械有限公司" for b in brands.split()]
    assert len(units) > CANDIDATES_PER_KEY
    header = "编号,姓名,性别,出生年份,工作单位,荣誉称号,授予年份,地区\n"
    for name, prefix in (("first.csv", "A"), ("second.csv", "B")):
        (tmp_path / name).write_text(header + "".join(
            f"{prefix}{i},张伟,男,{1950 + 2 * i},{unit},嘉兴市劳动模范,{2000 + i},嘉兴市\n" for i, unit in enumerate(units)),
            encoding="utf-8")
    for bulk_above in (2000, 0):
        monkeypatch.setattr(resolve, "BULK_THRESHOLD", bulk_above)
        wipe(empty_db)
        load_roster(empty_db, tmp_path / "first.csv")
        report = load_roster(empty_db, tmp_path / "second.csv")
        assert report.matched.get("Person") == len(units), (bulk_above, report.summary())
        same = empty_db.read("MATCH (a:ExternalId)-[:IDENTIFIES]->(p:Person)<-[:IDENTIFIES]-(b:ExternalId) "
                             "WHERE a.key STARTS WITH 'first:A' AND b.key = 'second:B' + substring(a.key, 7) "
                             "RETURN count(*) AS n")
        assert same[0]["n"] == len(units), bulk_above


def _one_person_listed_twice(tmp_path: Path) -> None:
    """合成数据: first.csv lists 陈立辉 once; second.csv twice (B1 and B2: the same unit and
    birth year, another honor)."""
    header = "编号,姓名,性别,出生年份,工作单位,荣誉称号,授予年份,地区\n"
    row = "陈立辉,男,1968,嘉兴盛博紧固件有限公司,{},嘉兴市\n"
    (tmp_path / "first.csv").write_text(header + "A1," + row.format("嘉兴市劳动模范,2013"), encoding="utf-8")
    (tmp_path / "second.csv").write_text(header + "B1," + row.format("嘉兴市劳动模范,2013")
                                         + "B2," + row.format("浙江省劳动模范,2016"), encoding="utf-8")


def test_a_row_whose_person_another_row_took_goes_to_review_beside_that_person(empty_db, monkeypatch, tmp_path) -> None:
    """合成数据: the graph holds one 陈立辉; a new roster lists him twice under two record ids
    (the same unit and birth year, another honor). The first row is matched to him; the
    second cannot be (rows of one source are never one node), and is not left a new person
    nobody is shown either: it goes to review beside him, in a small load and a bulk one."""
    from graph import resolve
    from graph.loaders.roster import read_roster

    _one_person_listed_twice(tmp_path)
    load_roster(empty_db, tmp_path / "first.csv")
    known = empty_db.read("MATCH (p:Person {name: '陈立辉'}) RETURN p.id AS id")[0]["id"]
    extraction = read_roster(tmp_path / "second.csv").extraction
    for bulk_above in (2000, 0):
        monkeypatch.setattr(resolve, "BULK_THRESHOLD", bulk_above)
        decided = {ref.key: r for ref, r in resolve.resolve(empty_db, extraction, "second").items()
                   if ref.type == "Person"}
        first, second = decided["B1"], decided["B2"]
        assert (first.outcome, first.node_id) == ("matched", known), bulk_above
        assert (second.outcome, second.review_with) == ("review", known), (bulk_above, second)
        assert any(r.feature == "same_source" and "B1" in r.detail for r in second.reasons), second.reasons


def test_a_person_listed_again_keeps_the_id_the_graph_gave_them(empty_db, tmp_path) -> None:
    """合成数据: a roster lists the graph's 陈立辉 twice; the second row joins the first after
    the load (merge_repeated_rows). The person the graph held keeps their id, whichever of the
    two random ids sorts first, so clients keep theirs. Eight tries: a survivor chosen by id
    order would pass in one of 2**8 runs only."""
    from tests.conftest import wipe

    _one_person_listed_twice(tmp_path)
    for _ in range(8):
        wipe(empty_db)
        load_roster(empty_db, tmp_path / "first.csv")
        known = empty_db.read("MATCH (p:Person {name: '陈立辉'}) RETURN p.id AS id")[0]["id"]
        report = load_roster(empty_db, tmp_path / "second.csv")
        assert report.merged == 1, report.summary()
        assert [r["id"] for r in empty_db.read("MATCH (p:Person {name: '陈立辉'}) RETURN p.id AS id")] == [known]


def test_the_bulk_reads_of_matching_seek_even_when_planned_on_a_small_graph(empty_db) -> None:
    """Neo4j plans a statement once and keeps the plan; planned on a small store (a new
    install's first loads), the external-id lookup scanned the whole index for every key."""
    from graph.resolve import _EXTERNAL_IDS, _PERSON_CANDIDATES, _SHARING_PEOPLE

    def operators(plan: dict) -> list[str]:
        here = plan["operatorType"].split("@")[0] + " " + plan["args"].get("Details", "")
        return [here] + [o for c in plan.get("children") or [] for o in operators(c)]

    load_roster(empty_db, next(DATA.glob("*gbk*.csv")))  # a few people, record ids and units
    with empty_db.driver.session(database=empty_db.database) as session:
        session.run("CALL db.clearQueryCaches()").consume()
        for cypher, params in ((_EXTERNAL_IDS, {"keys": ["r.csv:1"]}),
                               (_SHARING_PEOPLE, {"nameKeys": ["张三"], "pinyins": ["zhangsan"], "ids": ["person_1"]}),
                               (_PERSON_CANDIDATES, {"queries": [{"ref": 0, "nameKey": "张三", "pinyin": "zhangsan",
                                                                  "initials": "zs", "surname": "张",
                                                                  "unitKeys": ["嘉兴华立机械"],
                                                                  "externalKey": "r.csv:1"}]})):
            used = operators(session.run("EXPLAIN " + cypher, params).consume().plan)
            assert not [o for o in used if "Scan" in o], used
            assert [o for o in used if "Seek" in o], used


def test_a_batch_of_rosters_finds_a_mentor_in_a_later_file_and_refuses_whole(empty_db, tmp_path) -> None:
    """合成数据: the studio list (loaded first by name) names a 师傅 listed only in the union's
    register: as a batch, the register loads first and the mentorship joins the two. A batch
    with one bad file writes nothing."""
    from graph.ingest import load_rosters

    studios = tmp_path / "a_studios.csv"
    studios.write_text("姓名,单位,师傅\n甲徒弟,包头北辰特钢有限责任公司,乙师傅\n", encoding="utf-8")
    register = tmp_path / "b_register.csv"
    register.write_text("姓名,工作单位,荣誉称号,授予年份\n乙师傅,包头北辰特钢有限责任公司,包头市劳动模范,2012\n",
                        encoding="utf-8")
    with pytest.raises(RosterRefused):
        load_roster(empty_db, studios)
    bad = tmp_path / "c_bad.csv"
    bad.write_text("姓名,荣誉称号\n丙三,宇宙劳动模范\n", encoding="utf-8")
    with pytest.raises(RosterRefused) as refused:
        load_rosters(empty_db, [studios, register, bad])
    assert refused.value.problems == ['c_bad.csv:2:荣誉称号: unknown honor "宇宙劳动模范"']
    assert counts(empty_db) == (0, 0), "nothing may be written"
    loaded = load_rosters(empty_db, [studios, register])
    assert [path.name for path, _ in loaded] == ["b_register.csv", "a_studios.csv"]
    assert empty_db.read("MATCH (m:Person)-[:MENTORS]->(p:Person) RETURN m.name AS m, p.name AS p") == [
        {"m": "乙师傅", "p": "甲徒弟"}]
    assert len(people_named(empty_db, "乙师傅")) == 1
