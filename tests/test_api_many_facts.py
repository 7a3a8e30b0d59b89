"""A node with more facts than one read holds (graph/read.py LINKS_PER_NODE): its lists page in
Cypher and say their full size, beside fields that read only a few kinds of its facts."""
from __future__ import annotations

import pytest

from graph.read import LINKS_PER_NODE
from tests.conftest import wipe

PEOPLE = LINKS_PER_NODE + 20


@pytest.fixture(scope="module")
def big_unit(db):
    wipe(db)
    db.write("CREATE (u:Unit:Entity {id: 'unit_big', name: '大厂', aliases: ['大厂']}) "
             "CREATE (h:Honor:Entity {id: 'honor_big', name: '五一劳动奖状', aliases: ['五一劳动奖状'], level: 'national'}) "
             "CREATE (u)-[:RECEIVED {year: 2020, evidence: ['大厂获五一劳动奖状'], sourceIds: []}]->(h) "
             "WITH u UNWIND range(1, $n) AS i "
             "CREATE (p:Person:Entity {id: 'person_big' + i, name: '工人' + i, aliases: [], sortKey: 'gongren' + right('000' + i, 4)}) "
             "CREATE (p)-[:WORKS_AT {evidence: [], sourceIds: []}]->(u)", n=PEOPLE)
    yield db
    wipe(db)


def test_a_list_past_one_read_pages_in_cypher(live_server, big_unit) -> None:
    query = """query($after: String) { unit(id: "unit_big") { honors { year honor { name } }
      people(first: 100, after: $after) { totalCount nodes { person { name } } pageInfo { hasNextPage endCursor } } } }"""
    seen, after = [], None
    while True:
        body = live_server.graphql(query, {"after": after})
        assert "errors" not in body, body
        unit = body["data"]["unit"]
        assert unit["honors"] == [{"year": 2020, "honor": {"name": "五一劳动奖状"}}]
        assert unit["people"]["totalCount"] == PEOPLE
        seen += [n["person"]["name"] for n in unit["people"]["nodes"]]
        if not unit["people"]["pageInfo"]["hasNextPage"]:
            break
        after = unit["people"]["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == PEOPLE
    assert seen[:2] == ["工人1", "工人2"] and seen[-1] == f"工人{PEOPLE}"


def test_a_level_of_nodes_past_one_read_keeps_every_kind_of_fact(live_server, big_unit) -> None:
    """Read in a batch with the types its fields ask together: the unit's workers fill a read of
    WORKS_AT, its one honor still comes, and the workers' list pages in Cypher."""
    body = live_server.graphql('{ nodes(ids: ["unit_big", "person_big7"]) { ... on Unit { honors { year } '
                               'people(first: 3) { totalCount nodes { person { name } } } } '
                               '... on Person { units { unit { name } } } } }')
    assert "errors" not in body, body
    unit, person = body["data"]["nodes"]
    assert unit["honors"] == [{"year": 2020}]
    assert unit["people"]["totalCount"] == PEOPLE
    assert [n["person"]["name"] for n in unit["people"]["nodes"]] == ["工人1", "工人2", "工人3"]
    assert person == {"units": [{"unit": {"name": "大厂"}}]}


def test_links_by_type_and_none(live_server, big_unit) -> None:
    body = live_server.graphql('{ unit(id: "unit_big") { none: links(types: []) { type } '
                               'honors: links(types: [RECEIVED]) { type node { name } } } }')
    assert "errors" not in body, body
    assert body["data"]["unit"] == {"none": [], "honors": [{"type": "RECEIVED", "node": {"name": "五一劳动奖状"}}]}
