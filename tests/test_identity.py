"""One id policy (graph/identity.py): a unit made by a load and by an edit is one node, and
the migration gives units made before the policy their key-derived ids."""
from __future__ import annotations

from graph import edit, identity
from graph.facts import Entity, Extraction, Fact
from graph.dedupe.merge import resolve_id
from graph.schema.rekey import rekey_units
from graph.ingest import write_source
from graph.writer import Source

UNIT = "国网浙江省电力有限公司嘉兴供电公司"


def test_label_of_and_id_for() -> None:
    assert identity.label_of("person_3f2a9c1b0d4e") == "Person"
    assert identity.label_of("roster_3f2a9c1b0d4e") == "Roster"
    assert identity.label_of("nonsense") is None
    assert identity.id_for("Unit", UNIT) == identity.id_for("Unit", "国网嘉兴供电公司")  # one unit key
    assert identity.id_for("Person", "张继东") != identity.id_for("Person", "张继东")  # namesakes stay apart


def _load_unit(db, name: str, n: int = 1) -> None:
    person = Entity("Person", "张继东")
    unit = Entity("Unit", name)
    fact = Fact("WORKS_AT", person.ref, unit.ref, f"张继东在{name}工作", start=0, end=10)
    write_source(db, Source("Article", f"unit{n}" * 8, f"文章{n}", {"title": f"文章{n}", "text": fact.evidence}),
                 Extraction(entities=[person, unit], facts=[fact]))


def test_a_unit_made_by_a_load_and_by_an_edit_is_one_node(empty_db) -> None:
    db = empty_db
    _load_unit(db, UNIT)
    made = edit.create_entity(db, "Unit", "国网嘉兴供电公司", {"kind": "company"}, who="staff")
    units = db.read("MATCH (u:Unit) RETURN u.id AS id, u.name AS name")
    assert units == [{"id": made, "name": UNIT}]
    # the other way round: an edit first, a load after
    other = edit.create_entity(db, "Unit", "嘉兴市第二医院", {}, who="staff")
    _load_unit(db, "嘉兴市第二医院", n=2)
    assert db.read("MATCH (u:Unit {name: '嘉兴市第二医院'}) RETURN u.id AS id") == [{"id": other}]


def test_the_migration_rekeys_random_unit_ids_and_merges_collisions(empty_db) -> None:
    db = empty_db
    _load_unit(db, UNIT)  # key-derived id
    keyed = identity.id_for("Unit", UNIT)
    props = identity.matching_props("Unit", "国网嘉兴供电公司")
    db.write("CREATE (u:Unit {id: 'unit_0000000000aa', name: '国网嘉兴供电公司', aliases: ['国网嘉兴供电公司']}) "
             "SET u += $props", props=props)  # the same unit, made by an edit before the policy
    db.write("CREATE (u:Unit {id: 'unit_0000000000bb', name: '嘉兴技师学院', aliases: ['嘉兴技师学院']}) SET u += $p",
             p=identity.matching_props("Unit", "嘉兴技师学院"))  # made by an edit, alone
    assert rekey_units(db) == {"renamed": 1, "merged": 1, "kept": 0}
    ids = {r["id"] for r in db.read("MATCH (u:Unit) RETURN u.id AS id")}
    assert ids == {keyed, identity.id_for("Unit", "嘉兴技师学院")}
    assert resolve_id(db, "unit_0000000000aa") == keyed  # old ids still resolve
    assert resolve_id(db, "unit_0000000000bb") == identity.id_for("Unit", "嘉兴技师学院")
    assert rekey_units(db) == {"renamed": 0, "merged": 0, "kept": 0}
