"""plan_merge as a plain function: what a merge writes, decided on plain data, no database."""
from __future__ import annotations

from graph.dedupe.merge import NodeState, plan_merge


def rel(rid: str, type: str, other: str, out: bool = True, other_id: str | None = None, **props) -> dict:
    return {"rid": rid, "type": type, "out": out, "other": other, "otherId": other_id or other, "props": props}


SURVIVOR = NodeState(
    eid="e1", labels=["Person"],
    props={"id": "person_1", "name": "张继东", "aliases": ["张继东"], "birthYear": 1971, "gender": "男"},
    relationships=[
        rel("r1", "RECEIVED", "eh", sourceIds=["article_1"], evidence=["张继东获评全国劳动模范"],
            locators=["chars 10-30"], year=2020),
        rel("r2", "WORKS_AT", "eu1", sourceIds=["article_1"], evidence=["在国网嘉兴供电公司"], locators=["chars 1-9"]),
        rel("r9", "CANDIDATE", "ei", out=False),
    ],
    sources=["article_1"],
)
ABSORBED = NodeState(
    eid="e2", labels=["Person"],
    props={"id": "person_2", "name": "張繼東", "aliases": ["張繼東", "全国劳模张继东"], "birthYear": 1970,
           "sector": "匠心传承"},
    relationships=[
        rel("r3", "RECEIVED", "eh", sourceIds=["roster_1"], evidence=["第2行: 姓名=张继东"], locators=["row 2"],
            year=2020),
        rel("r4", "WORKS_AT", "eu2", sourceIds=["article_2"], evidence=["在嘉兴电力局"], locators=["chars 4-9"],
            role="班长"),
        rel("r5", "MENTORS", "e1", out=False, other_id="person_1", sourceIds=["article_2"], evidence=["…"],
            locators=["chars 7-8"]),
        rel("r6", "MENTIONS", "ea2", out=False, spans=["5-8"]),
        rel("r10", "CANDIDATE", "ei", out=False),
    ],
    sources=["article_2", "roster_1"],
)


def test_a_shared_fact_becomes_one_edge_with_both_sources() -> None:
    plan = plan_merge("merge_x", SURVIVOR, [ABSORBED])
    received = [e for e in plan.edges if e.type == "RECEIVED"]
    assert len(received) == 1 and received[0].rid == "r1" and not received[0].created
    assert received[0].props["sourceIds"] == ["article_1", "roster_1"]
    assert received[0].props["locators"] == ["chars 10-30", "row 2"]
    assert received[0].entries == [["roster_1", "第2行: 姓名=张继东", "row 2"]]  # what the undo takes off
    assert plan.united == 1


def test_the_absorbed_records_edges_move_and_staff_edges_stay() -> None:
    plan = plan_merge("merge_x", SURVIVOR, [ABSORBED])
    assert plan.delete == ["r3", "r4", "r5", "r6"]  # CANDIDATE stays pinned to the id staff saw
    created = {(e.type, e.other) for e in plan.edges if e.created}
    assert created == {("WORKS_AT", "eu2"), ("MENTIONS", "ea2")}  # the MENTORS edge would loop: it goes
    works = next(e for e in plan.edges if e.type == "WORKS_AT")
    assert works.rid is None and works.props["role"] == "班长" and works.out
    assert plan.moved == 3


def test_names_become_aliases_and_conflicts_keep_both_values_with_sources() -> None:
    plan = plan_merge("merge_x", SURVIVOR, [ABSORBED])
    assert plan.props["aliases"] == ["张继东", "張繼東", "全国劳模张继东"]
    assert plan.props["sector"] == "匠心传承"  # the survivor lacked it
    assert "birthYear" not in plan.props and "gender" not in plan.props  # kept as the survivor's
    [conflict] = plan.conflicts
    assert conflict["property"] == "birthYear" and conflict["personal"] and conflict["merge"] == "merge_x"
    assert conflict["values"] == [
        {"value": 1971, "record": "person_1", "sources": ["article_1"]},
        {"value": 1970, "record": "person_2", "sources": ["article_2", "roster_1"]},
    ]
    assert '"birthYear"' in plan.props["conflicts"]


def test_the_snapshot_holds_what_the_undo_needs() -> None:
    reviews = [{"id": "review_1", "status": "open"}]
    repointed = [{"eid": "e7", "mergedInto": "person_2"}]
    plan = plan_merge("merge_x", SURVIVOR, [ABSORBED], reviews, repointed)
    snapshot = plan.snapshot()
    assert snapshot["survivor"]["changed"]["sector"] is None  # absent before: removed on undo
    assert snapshot["survivor"]["changed"]["aliases"] == ["张继东"]
    [absorbed] = snapshot["absorbed"]
    assert absorbed["id"] == "person_2" and len(absorbed["relationships"]) == 4
    assert {(e["type"], e["created"]) for e in snapshot["survivorRelationships"]} == {
        ("RECEIVED", False), ("WORKS_AT", True), ("MENTIONS", True)}
    assert snapshot["reviews"] == reviews and snapshot["repointed"] == repointed
    result = plan.result()
    assert (result.id, result.survivor, result.absorbed) == ("merge_x", "person_1", ["person_2"])


def test_two_absorbed_records_with_one_new_fact_make_one_edge() -> None:
    third = NodeState(eid="e3", labels=["Person"], props={"id": "person_3", "name": "张继东"},
                      relationships=[rel("r7", "WORKS_AT", "eu2", sourceIds=["article_3"], evidence=["x"],
                                         locators=["chars 1-2"])])
    plan = plan_merge("merge_x", SURVIVOR, [ABSORBED, third])
    works = [e for e in plan.edges if e.type == "WORKS_AT" and e.other == "eu2"]
    assert len(works) == 1 and works[0].created
    assert works[0].props["sourceIds"] == ["article_2", "article_3"]
