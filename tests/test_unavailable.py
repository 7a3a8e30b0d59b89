"""Many requests at once while Neo4j is unreachable: every answer carries a code and none
shows driver text (error masking and limits are built per request, never shared)."""
from __future__ import annotations

import asyncio

import httpx

from tests.conftest import LiveServer, free_port, instance_settings

QUERIES = [
    "{ stats { people } }",
    '{ search(q: "zjd") { nodes { node { id } } } }',
    "{ people(first: 5) { edges { node { name honors { year } } } } }",
    'mutation { createEntity(input: {type: PERSON, name: "无库"}) { entity { id } } }',
]
DRIVER_WORDS = ("neo4j", "bolt", "7687", "serviceunavailable", "couldn't connect", "failed to establish", "driver")


async def _all_at_once(url: str, n: int) -> list[dict]:
    async with httpx.AsyncClient(timeout=60) as client:
        responses = await asyncio.gather(*[
            client.post(f"{url}/graphql", json={"query": QUERIES[i % len(QUERIES)]},
                        headers={"Authorization": "Bearer kg_unknown"} if i % 5 == 4 else {})
            for i in range(n)])
    return [r.json() for r in responses]


def test_sixteen_requests_at_once_with_neo4j_down_all_carry_a_code() -> None:
    # nothing listens on this port: the state of a stopped Neo4j
    with LiveServer(instance_settings(KG_NEO4J_PORT=str(free_port()), NEO4J_PASSWORD="unused")) as down:
        for _ in range(2):  # the first burst meets the driver's retries, the second the breaker
            bodies = asyncio.run(_all_at_once(down.url, 16))
            for body in bodies:
                assert body.get("errors"), body
                for error in body["errors"]:
                    assert error.get("extensions", {}).get("code") in ("UNAVAILABLE", "UNAUTHENTICATED"), body
                    assert not any(w in error["message"].lower() for w in DRIVER_WORDS), error["message"]
