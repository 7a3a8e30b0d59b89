"""The GraphQL schema, readable top to bottom. Resolvers stay thin: they call graph/."""
from __future__ import annotations

import strawberry
from strawberry.types import Info

from api.context import Context
from graph.stats import graph_stats


@strawberry.type
class Count:
    name: str
    count: int


@strawberry.type
class Stats:
    people: int
    units: int
    honors: int
    studios: int
    projects: int
    villages: int
    regions: int
    articles: int
    rosters: int
    nodes: list[Count]
    relationships: list[Count]


@strawberry.type
class Query:
    @strawberry.field(description="Counts by label and relationship type.")
    def stats(self, info: Info[Context, None]) -> Stats:
        counts = graph_stats(info.context.db)
        nodes = counts["nodes"]
        return Stats(
            people=nodes["Person"],
            units=nodes["Unit"],
            honors=nodes["Honor"],
            studios=nodes["Studio"],
            projects=nodes["Project"],
            villages=nodes["Village"],
            regions=nodes["Region"],
            articles=nodes["Article"],
            rosters=nodes["Roster"],
            nodes=[Count(name=k, count=v) for k, v in nodes.items()],
            relationships=[Count(name=k, count=v) for k, v in counts["relationships"].items()],
        )


schema = strawberry.Schema(query=Query)
