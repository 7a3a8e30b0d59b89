"""Breaking changes are visible: `schema.graphql` against the last released schema
(docs/schema-released.graphql). A change that would break a client (a field removed, a type
changed, a required argument added …) fails here unless CHANGELOG.md names it, by its
coordinate in backticks (`Type.field`). No database needed."""
from __future__ import annotations

import re

from graphql import BreakingChange, build_schema, find_breaking_changes

from graph.config import CHECKOUT

RELEASED = CHECKOUT / "docs" / "schema-released.graphql"
CURRENT = CHECKOUT / "schema.graphql"
CHANGELOG = CHECKOUT / "CHANGELOG.md"


def coordinate(change: BreakingChange) -> str:
    """The schema coordinate a change is about: `Type.field` (an argument's field), else the type."""
    found = re.search(r"\b([A-Z]\w*\.\w+)", change.description)
    if found:
        return found.group(1)
    enum = re.search(r"enum type (\w+)", change.description)
    if enum:
        return enum.group(1)
    return re.findall(r"\b([A-Z]\w*)\b", change.description)[-1] if change.description.startswith(("Type", "A")) \
        else change.description.split()[0]


def breaking_changes() -> list[BreakingChange]:
    return find_breaking_changes(build_schema(RELEASED.read_text(encoding="utf-8")),
                                 build_schema(CURRENT.read_text(encoding="utf-8")))


def test_every_breaking_change_is_named_in_the_changelog() -> None:
    changelog = CHANGELOG.read_text(encoding="utf-8")
    unnamed = [c.description for c in breaking_changes() if f"`{coordinate(c)}`" not in changelog]
    assert not unnamed, ("breaking changes against docs/schema-released.graphql that CHANGELOG.md does not name "
                         "(name each coordinate in backticks, or keep the old field):\n" + "\n".join(unnamed))


def test_the_check_catches_a_removed_field() -> None:
    released = build_schema("type Query { people: [String!]! search(q: String!): [String!]! }")
    current = build_schema("type Query { people: [String!]! }")
    (change,) = find_breaking_changes(released, current)
    assert coordinate(change) == "Query.search"
    assert "`Query.search`" not in "## Unreleased\n- `Query.people` is faster"


# ---------------------------------------------------------------- descriptions

UNDESCRIBED = CHECKOUT / "tests" / "data" / "undescribed.txt"
"""Coordinates that still lack a description (from before the rule): the list may only shrink."""


def undescribed() -> list[str]:
    """Every type, field, argument and enum value of schema.graphql without a description."""
    from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLObjectType

    schema = build_schema(CURRENT.read_text(encoding="utf-8"))
    missing: list[str] = []
    for name, t in sorted(schema.type_map.items()):
        if name.startswith("__") or name in ("String", "Int", "Float", "Boolean", "ID"):
            continue
        if not t.description:
            missing.append(name)
        if isinstance(t, (GraphQLObjectType, GraphQLInterfaceType, GraphQLInputObjectType)):
            for field_name, field in t.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if not arg.description:
                        missing.append(f"{name}.{field_name}({arg_name}:)")
        if isinstance(t, GraphQLEnumType):
            missing += [f"{name}.{v}" for v, value in t.values.items() if not value.description]
    return missing


def test_every_new_type_field_and_argument_is_described() -> None:
    known = set(UNDESCRIBED.read_text(encoding="utf-8").split())
    missing = undescribed()
    new = [m for m in missing if m not in known]
    assert not new, "describe these in the code (description=…), GraphiQL shows it:\n" + "\n".join(new)
    done = sorted(known - set(missing))
    assert not done, ("described or gone now: take them off tests/data/undescribed.txt so the list only "
                      "shrinks:\n" + "\n".join(done))
