"""Judgements, merge and unmerge against the real Neo4j (the tests' own instance)."""
from __future__ import annotations

import json
import threading
from typing import Any

import pytest

from graph.errors import GraphError
from graph.dedupe.judgements import MergeBlocked, judge, judgements_of
from graph.dedupe.merge import merge, resolve_id, unmerge

# Staff's own records: an undo keeps their history (a merge stays, undone; the pair's review
# item is reopened), so a graph "restored exactly" is the graph without them.
AUDIT_LABELS = ("Merge", "Judgement", "ReviewItem", "SchemaMigration", "WriteLock")  # WriteLock counts writes


# ---------------------------------------------------------------- helpers


def dump(db) -> tuple[list[str], list[str]]:
    """Every node and relationship of the graph (audit nodes aside), as comparable text."""
    nodes = db.read(
        "MATCH (n) WHERE none(l IN labels(n) WHERE l IN $skip) "
        "RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props",
        skip=list(AUDIT_LABELS),
    )
    rels = db.read(
        "MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l IN $skip) "
        "RETURN elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS props",
        skip=list(AUDIT_LABELS),
    )
    text = lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)  # noqa: E731
    node_rows = sorted(text({**n, "labels": sorted(n["labels"])}) for n in nodes)
    return node_rows, sorted(text(r) for r in rels)


def facts_of(db, ids: list[str], as_id: str | None = None) -> set[tuple[Any, ...]]:
    """(type, direction, other end, sourceId, evidence, locator) of every fact of these nodes;
    with `as_id`, the nodes themselves read as that id (to compare with a survivor)."""
    rows = db.read(
        "MATCH (n) WHERE n.id IN $ids AND NOT n:Absorbed MATCH (n)-[r]-(o) WHERE type(r) <> 'MENTIONS' "
        "AND NOT o:Judgement AND NOT o:ReviewItem "
        "RETURN n.id AS id, type(r) AS type, startNode(r) = n AS out, o.id AS other, o.key AS otherKey, "
        "       r.sourceIds AS s, r.evidence AS e, r.locators AS l",
        ids=ids,
    )
    out = set()
    for r in rows:
        entries = list(zip(r["s"] or [None], r["e"] or [None], r["l"] or [None]))
        other = r["other"] or r["otherKey"]
        if as_id and other in ids:
            other = as_id
        for entry in entries:
            out.add((r["type"], r["out"], other, *entry))
    return out


def mentions_of(db, ids: list[str]) -> set[tuple[str, str]]:
    rows = db.read("MATCH (s)-[m:MENTIONS]->(n) WHERE n.id IN $ids AND NOT n:Absorbed "
                   "UNWIND m.spans AS span RETURN s.id AS s, span", ids=ids)
    return {(r["s"], r["span"]) for r in rows}


SAMPLE = """
CREATE (a1:Article:Source {id: 'article_000000000001', hash: 'h1', title: '一', loadedAt: datetime()})
CREATE (a2:Article:Source {id: 'article_000000000002', hash: 'h2', title: '二', loadedAt: datetime()})
CREATE (r1:Roster:Source {id: 'roster_000000000001', hash: 'h3', title: '名单', rows: 3})
CREATE (p1:Person:Entity {id: 'person_000000000001', name: '张继东', aliases: ['张继东'], aliasText: ' 张继东',
                   nameKey: '张继东', pinyin: 'zhangjidong', initials: 'zjd', surname: '张',
                   gender: '男', birthYear: 1971, createdAt: datetime()})
CREATE (p2:Person:Entity {id: 'person_000000000002', name: '張繼東', aliases: ['張繼東', '全国劳模张继东'],
                   aliasText: ' 張繼東 全国劳模张继东', nameKey: '张继东', pinyin: 'zhangjidong', initials: 'zjd',
                   surname: '张', birthYear: 1970, sector: '匠心传承', phone: '13800000000', createdAt: datetime()})
CREATE (p3:Person:Entity {id: 'person_000000000003', name: '李师傅', aliases: ['李师傅'], aliasText: ' 李师傅',
                   nameKey: '李师傅', createdAt: datetime()})
CREATE (p4:Person:Entity {id: 'person_000000000004', name: '张继栋', aliases: ['张继栋'], aliasText: ' 张继栋',
                   nameKey: '张继栋', createdAt: datetime()})
CREATE (h:Honor:Entity {id: 'honor_000000000001', name: '全国劳动模范', aliases: ['全国劳动模范'], level: 'national'})
CREATE (u1:Unit:Entity {id: 'unit_000000000001', name: '国网嘉兴供电公司', aliases: ['国网嘉兴供电公司']})
CREATE (u2:Unit:Entity {id: 'unit_000000000002', name: '嘉兴电力局', aliases: ['嘉兴电力局']})
CREATE (a1)-[:MENTIONS {spans: ['10-13']}]->(p1)
CREATE (a2)-[:MENTIONS {spans: ['5-8', '40-43']}]->(p2)
CREATE (r1)-[:MENTIONS {spans: []}]->(p2)
CREATE (a2)-[:MENTIONS {spans: ['60-63']}]->(p3)
CREATE (p1)-[:RECEIVED {sourceIds: ['article_000000000001'], evidence: ['张继东获评全国劳动模范'],
                        locators: ['chars 10-30'], year: 2020, createdAt: datetime()}]->(h)
CREATE (p2)-[:RECEIVED {sourceIds: ['article_000000000002', 'roster_000000000001'],
                        evidence: ['全国劳模张继东', '张继东,全国劳动模范,2020'], locators: ['chars 5-12', 'row 2'],
                        year: 2020, createdAt: datetime()}]->(h)
CREATE (p1)-[:WORKS_AT {sourceIds: ['article_000000000001'], evidence: ['张继东在国网嘉兴供电公司'],
                        locators: ['chars 31-45'], role: '班长'}]->(u1)
CREATE (p2)-[:WORKS_AT {sourceIds: ['article_000000000002'], evidence: ['張繼東在嘉兴电力局'],
                        locators: ['chars 44-50']}]->(u2)
CREATE (p3)-[:MENTORS {sourceIds: ['article_000000000002'], evidence: ['李师傅带出了張繼東'],
                       locators: ['chars 60-70']}]->(p2)
CREATE (p2)-[:MENTORS {sourceIds: ['article_000000000002'], evidence: ['張繼東又带张继东'],
                       locators: ['chars 70-80']}]->(p1)
CREATE (x:ExternalId {key: '名单:7', source: '名单', value: '7'})-[:IDENTIFIES]->(p2)
CREATE (i:ReviewItem {id: 'review_p1_p2', type: 'Person', score: 0.8, reasons: '[]', status: 'open',
                      createdAt: datetime()})
CREATE (i)-[:CANDIDATE]->(p1), (i)-[:CANDIDATE]->(p2)
"""
P1, P2, P3, P4 = (f"person_00000000000{i}" for i in range(1, 5))


@pytest.fixture()
def sample(empty_db):
    empty_db.write(SAMPLE)
    return empty_db


# ---------------------------------------------------------------- merge


def test_merge_keeps_every_fact_and_source_and_the_absorbed_id_resolves(sample):
    db = sample
    before_facts = facts_of(db, [P1, P2], as_id=P1)
    before_mentions = mentions_of(db, [P1, P2])

    result = merge(db, [P1, P2], who="tester")

    assert result.survivor == P1 and result.absorbed == [P2]
    after_facts = facts_of(db, [P1])
    # the MENTORS edge between the two records would be a loop on one person: it goes
    missing = {f for f in before_facts if f[2] != P1 or f[0] != "MENTORS"} - after_facts
    assert not missing
    assert before_mentions == mentions_of(db, [P1])
    # one RECEIVED edge with the union of the three sources
    received = db.read("MATCH (:Person {id: $id})-[r:RECEIVED]->(h:Honor) RETURN properties(r) AS r", id=P1)
    assert len(received) == 1
    assert sorted(received[0]["r"]["sourceIds"]) == [
        "article_000000000001", "article_000000000002", "roster_000000000001"]
    # the absorbed id resolves; names are aliases; the conflict is recorded with sources
    assert resolve_id(db, P2) == P1
    node = db.read("MATCH (n:Person {id: $id}) RETURN n", id=P1)[0]["n"]
    assert {"张继东", "張繼東", "全国劳模张继东"} <= set(node["aliases"])
    assert node["sector"] == "匠心传承" and node["birthYear"] == 1971
    conflicts = json.loads(node["conflicts"])
    birth = [c for c in conflicts if c["property"] == "birthYear"][0]
    assert {v["value"] for v in birth["values"]} == {1970, 1971}
    assert any("article_000000000002" in v["sources"] for v in birth["values"])
    absorbed = db.read("MATCH (n {id: $id}) RETURN labels(n) AS labels, n.mergedInto AS into", id=P2)[0]
    assert absorbed == {"labels": ["Absorbed"], "into": P1}
    assert db.read("MATCH (:ExternalId {key: '名单:7'})-[:IDENTIFIES]->(p) RETURN p.id AS id") == [{"id": P1}]
    assert db.read("MATCH (i:ReviewItem) RETURN i.status AS s") == [{"s": "closed"}]
    assert db.read("MATCH (m:Merge) RETURN m.who AS who, m.survivor AS s") == [{"who": "tester", "s": P1}]


def test_unmerge_restores_the_graph_exactly(sample):
    db = sample
    before = dump(db)
    result = merge(db, [P1, P2], who="tester")
    assert dump(db) != before
    unmerge(db, result.id, who="tester")
    assert dump(db) == before
    assert db.read("MATCH (m:Merge) RETURN m.undone AS undone, m.undoneBy AS by") == [
        {"undone": True, "by": "tester"}]
    with pytest.raises(GraphError):
        unmerge(db, result.id, who="tester")


def test_three_records_at_once_and_back(sample):
    db = sample
    before = dump(db)
    facts = facts_of(db, [P1, P2, P3, P4], as_id="X")
    result = merge(db, [P4, P3, P2, P1], who="t")
    assert result.survivor == P4 and result.absorbed == [P3, P2, P1]
    assert {f for f in facts if f[2] != "X"} <= facts_of(db, [P4], as_id="X")
    assert {resolve_id(db, p) for p in (P1, P2, P3)} == {P4}
    unmerge(db, result.id, who="t")
    assert dump(db) == before


def test_unmerge_of_a_chain_goes_last_first(sample):
    db = sample
    before = dump(db)
    first = merge(db, [P1, P2], who="t")
    second = merge(db, [P4, P1], who="t")  # P1 (with P2) into P4
    assert resolve_id(db, P2) == P4
    # every absorbed id resolves in one hop
    assert db.read("MATCH (x:Absorbed) RETURN x.id AS id, x.mergedInto AS into ORDER BY id") == [
        {"id": P1, "into": P4}, {"id": P2, "into": P4}]
    with pytest.raises(GraphError, match="undo it first"):
        unmerge(db, first.id, who="t")
    unmerge(db, second.id, who="t")
    unmerge(db, first.id, who="t")
    assert dump(db) == before


def test_unmerge_keeps_what_a_later_load_added(sample):
    db = sample
    result = merge(db, [P1, P2], who="t")
    db.write("MATCH (p:Person {id: $id})-[r:RECEIVED]->() "
             "SET r.sourceIds = r.sourceIds + 'article_9', r.evidence = r.evidence + 'later', "
             "r.locators = r.locators + 'chars 1-2'", id=P1)
    unmerge(db, result.id, who="t")
    rows = db.read("MATCH (p:Person)-[r:RECEIVED]->() WHERE p.id IN [$a, $b] "
                   "RETURN p.id AS id, r.sourceIds AS s ORDER BY id", a=P1, b=P2)
    assert rows == [{"id": P1, "s": ["article_000000000001", "article_9"]},
                    {"id": P2, "s": ["article_000000000002", "roster_000000000001"]}]


def test_units_merge_but_a_unit_and_its_parent_never_do(sample):
    db = sample
    db.write("CREATE (:Unit {id: 'unit_000000000003', name: '国网嘉兴供电公司运检班', aliases: ['国网嘉兴供电公司运检班']})"
             "-[:PART_OF {sourceIds: ['article_000000000001'], evidence: ['…'], locators: ['chars 1-2']}]->"
             "(:Unit {id: 'unit_000000000004', name: '国网浙江省电力有限公司嘉兴供电公司', aliases: []})")
    with pytest.raises(GraphError, match="PART_OF"):
        merge(db, ["unit_000000000003", "unit_000000000004"], who="t")
    before = dump(db)
    result = merge(db, ["unit_000000000004", "unit_000000000001"], who="t")
    rows = db.read("MATCH (p:Person)-[:WORKS_AT]->(u:Unit {id: 'unit_000000000004'}) RETURN p.id AS id")
    assert rows == [{"id": P1}]
    assert db.read("MATCH (:Unit {id: 'unit_000000000003'})-[:PART_OF]->(u) RETURN u.id AS id") == [
        {"id": "unit_000000000004"}]
    unmerge(db, result.id, who="t")
    assert dump(db) == before


def test_merge_refuses_records_of_different_kinds_and_unknown_ids(sample):
    with pytest.raises(GraphError, match="one kind"):
        merge(sample, [P1, "unit_000000000001"], who="t")
    with pytest.raises(GraphError, match="no record"):
        merge(sample, [P1, "person_ffffffffffff"], who="t")
    merge(sample, [P1, P2], who="t")
    with pytest.raises(GraphError, match="already one record"):
        merge(sample, [P2, P1], who="t")


# ---------------------------------------------------------------- judgements


def test_judgements_are_never_overwritten(sample):
    db = sample
    first = judge(db, P1, P4, "unsure", "王金良/王金亮?", who="ann")
    second = judge(db, P4, P1, "different", "different birth years", who="bob")
    history = judgements_of(db, P1, P4)
    assert [j.id for j in history] == [second.id, first.id]
    assert [j.current for j in history] == [True, False]
    assert history[1].note == "王金良/王金亮?" and history[1].who == "ann"
    about = db.read("MATCH (j:Judgement {id: $id})-[:ABOUT]->(n) RETURN n.id AS id ORDER BY id", id=second.id)
    assert [r["id"] for r in about] == [P1, P4]
    with pytest.raises(GraphError):
        judge(db, P1, P4, "maybe", None, who="x")


def test_different_stops_the_pair_and_any_chain_through_it(sample):
    db = sample
    judge(db, P1, P4, "different", None, who="ann")
    with pytest.raises(MergeBlocked):
        merge(db, [P1, P4], who="t")
    # P4 absorbs P2; P1 + P2 now means P1 + P4: blocked through the chain
    merge(db, [P4, P2], who="t")
    with pytest.raises(MergeBlocked, match="through merged records"):
        merge(db, [P1, P2], who="t")
    # and the other way round: P3 absorbs P1, P3 + P4 is blocked
    merge(db, [P3, P1], who="t")
    with pytest.raises(MergeBlocked):
        merge(db, [P4, P3], who="t")
    # a later `same` judgement supersedes and lifts the block
    judge(db, P1, P4, "same", "checked the roster", who="bob")
    assert merge(db, [P4, P3], who="t").survivor == P4


def test_judging_settles_review_items(sample):
    judge(sample, P1, P2, "different", None, who="ann")
    assert sample.read("MATCH (i:ReviewItem) RETURN i.status AS s, i.verdict AS v") == [{"s": "closed", "v": "different"}]


# ---------------------------------------------------------------- concurrency


@pytest.mark.parametrize("pairs", [([P1, P2], [P3, P2]), ([P1, P2], [P2, P3]), ([P2, P1], [P3, P2])] * 2)
def test_two_overlapping_merges_at_once_lose_nothing(sample, pairs):
    db = sample
    all_ids = [P1, P2, P3]
    graph_before = dump(db)
    facts_before = facts_of(db, all_ids, as_id="X")
    mentions_before = mentions_of(db, all_ids)
    barrier = threading.Barrier(2)
    outcomes: list[Any] = []

    def run(ids: list[str]) -> None:
        barrier.wait()
        try:
            outcomes.append(merge(db, ids, who="thread"))
        except Exception as exc:  # noqa: BLE001 - recorded for the assertion below
            outcomes.append(exc)

    threads = [threading.Thread(target=run, args=(ids,)) for ids in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    survivor = resolve_id(db, P2)
    assert resolve_id(db, P1) == resolve_id(db, P3) == survivor
    assert db.read("MATCH (p:Person) WHERE p.id IN $ids RETURN count(p) AS n", ids=all_ids) == [{"n": 1}]
    # every fact stays, except the mentor edges among the three, which would loop on one person
    kept = {f for f in facts_before if f[2] != "X"}
    assert kept <= facts_of(db, [survivor], as_id="X")
    assert mentions_of(db, [survivor]) == mentions_before
    # both merges are in the audit log and can be undone last-first
    merges = db.read("MATCH (m:Merge) RETURN m.id AS id ORDER BY m.at DESC")
    assert len(merges) == 2
    for m in merges:
        unmerge(db, m["id"], who="t")
    assert dump(db) == graph_before


# ---------------------------------------------------------------- reload


def test_reload_of_a_source_after_a_merge_does_not_recreate_the_absorbed_node(empty_db):
    from graph.facts import Entity, Extraction, Fact
    from graph.ingest import write_source
    from graph.writer import Source

    db = empty_db

    def source(n: int, name: str) -> tuple[Source, Extraction]:
        person = Entity("Person", name, spans=[(0, len(name))])
        honor = Entity("Honor", "全国劳动模范")
        fact = Fact("RECEIVED", person.ref, honor.ref, f"{name}获评全国劳动模范", year=2020, start=0, end=10)
        text = f"{name}获评全国劳动模范。第{n}篇"
        return (Source("Article", f"hash{n}" * 4, f"文章{n}", {"title": f"文章{n}", "text": text}),
                Extraction(entities=[person, honor], facts=[fact]))

    s1, e1 = source(1, "王金良")
    s2, e2 = source(2, "王金亮")
    write_source(db, s1, e1)
    write_source(db, s2, e2)
    people = db.read("MATCH (p:Person) RETURN p.id AS id, p.name AS name ORDER BY name")
    assert len(people) == 2, people  # one character apart: two people until staff say otherwise
    by_name = {p["name"]: p["id"] for p in people}
    merge(db, [by_name["王金良"], by_name["王金亮"]], who="t")
    before = dump(db)
    report = write_source(db, s2, e2)
    assert report.already_loaded
    assert dump(db) == before
    assert db.read("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 1}]


# ---------------------------------------------------------------- review items from scans


def test_stored_candidates_open_items_once_and_never_reopen_settled_ones(sample):
    from graph.dedupe.candidates import Candidate, Side, store_candidates

    db = sample
    known = Candidate("Person", Side(P1, "张继东"), Side(P2, "張繼東"), 0.9, [], "exact", "match")
    new = Candidate("Person", Side(P4, "张继栋"), Side(P1, "张继东"), 0.7,
                    [{"feature": "given_name", "contribution": 0.2, "detail": "one character apart"}], "one_char", "review")
    # the load's item for P1/P2 is updated, not doubled; P1/P4 opens a new one
    assert store_candidates(db, [known, new]) == {"created": 1, "updated": 1, "kept closed": 0}
    assert store_candidates(db, [known, new]) == {"created": 0, "updated": 2, "kept closed": 0}
    judge(db, P1, P4, "different", None, who="ann")
    assert store_candidates(db, [known, new]) == {"created": 0, "updated": 1, "kept closed": 1}
    rows = db.read("MATCH (i:ReviewItem)-[:CANDIDATE]->(n) WITH i, collect(n.id) AS ids "
                   "RETURN i.status AS status, i.score AS score, ids ORDER BY score DESC")
    assert [(r["status"], r["score"], sorted(r["ids"])) for r in rows] == [
        ("open", 0.9, [P1, P2]), ("closed", 0.7, [P1, P4])]


# ---------------------------------------------------------------- candidates over the graph


SAME_UNIT_AS_P1 = ("MATCH (p:Person {id: 'person_000000000004'}), (u:Unit {id: 'unit_000000000001'}) "
                   "CREATE (p)-[:WORKS_AT {sourceIds: ['article_000000000002'], evidence: ['张继栋在国网嘉兴供电公司'], "
                   "locators: ['chars 90-99']}]->(u)")


def test_scan_suggests_pairs_with_reasons_and_forgets_judged_ones(sample):
    from graph.dedupe.candidates import scan_graph

    db = sample
    db.write(SAME_UNIT_AS_P1)
    found = {frozenset((c.a.id, c.b.id)): c for c in scan_graph(db, "Person")}
    pair = found[frozenset((P1, P2))]
    assert pair.decision == "match" and pair.kind == "exact"
    assert {r["feature"] for r in pair.reasons} >= {"name", "honor_year"}
    homophone = found[frozenset((P1, P4))]  # 张继东 / 张继栋 at one unit: staff decide
    assert homophone.kind == "homophone" and homophone.decision == "review" and homophone.score >= 0.85
    judge(db, P1, P2, "different", None, who="ann")
    assert frozenset((P1, P2)) not in {frozenset((c.a.id, c.b.id)) for c in scan_graph(db, "Person")}


def test_check_new_scores_only_the_new_records_against_the_graph(sample):
    from graph import identity
    from graph.dedupe.candidates import check_new

    db = sample
    db.write("CREATE (p:Person {id: 'person_00000000000a', name: '张继东', aliases: ['张继东']}) SET p += $props",
             props=identity.matching_props("Person", "张继东"))
    found = check_new(db, ["person_00000000000a"])
    assert found and all("person_00000000000a" in (c.a.id, c.b.id) for c in found)
    assert {P1, P2} <= {c.b.id for c in found}
    judge(db, "person_00000000000a", P1, "different", None, who="ann")
    assert P1 not in {c.b.id for c in check_new(db, ["person_00000000000a"])}


def test_auto_merge_never_merges_homophones_or_one_character_apart(sample):
    from graph.dedupe.candidates import auto_merge, scan_graph

    db = sample
    db.write(SAME_UNIT_AS_P1)
    candidates = scan_graph(db, "Person", min_score=0.0)
    assert any(c.kind == "homophone" and c.score >= 0.85 for c in candidates)
    merged = auto_merge(db, candidates)
    assert len(merged) == 1
    assert resolve_id(db, P2) == P1 and resolve_id(db, P4) == P4


def test_units_are_scanned_by_unit_key_and_parent_child_pairs_never_match(sample):
    from graph.dedupe.candidates import auto_merge, scan_graph

    db = sample
    db.write("CREATE (:Unit {id: 'unit_000000000005', name: '国网浙江省电力有限公司嘉兴供电公司', "
             "aliases: ['国网浙江省电力有限公司嘉兴供电公司']})")
    found = {frozenset((c.a.id, c.b.id)): c for c in scan_graph(db, "Unit")}
    pair = found[frozenset(("unit_000000000001", "unit_000000000005"))]
    assert pair.type == "Unit" and pair.decision == "match" and pair.reasons
    assert all(c.decision != "match" for c in found.values() if c.kind == "parent_child")
    assert len(auto_merge(db, list(found.values()))) == 1
    assert resolve_id(db, "unit_000000000005") == "unit_000000000001"
