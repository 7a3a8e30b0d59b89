"""GraphQL types described in their docstrings, the way a dataclass documents its fields.

The first paragraph of a class's docstring is the type's description; each later line
`name: text` describes the field `name`, and lines indented below it go on with the text:

    @graphql_type
    class Count:
        \"\"\"How many of one label or relationship type.

        name: The label or relationship type.
        count: How many the graph holds.
        \"\"\"
        name: str
        count: int

A field the docstring does not name keeps what its own `strawberry.field` says (a resolver, a
default factory, a shared description). Naming a field twice, or a name that is no field of
the class, is a mistake in the code and refused at import, so a description cannot drift
away from its field unnoticed.
"""
from __future__ import annotations

import dataclasses
import inspect
import re
from typing import Any, Callable, TypeVar

import strawberry
from strawberry.types.field import StrawberryField

C = TypeVar("C", bound=type)

_ENTRY = re.compile(r"(\w+): (.+)")


def described(cls: type) -> tuple[str, dict[str, str]]:
    """The type's description and each described field's, from the class's docstring."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    head, _, rest = doc.partition("\n\n")
    if not head:
        raise TypeError(f"{cls.__qualname__}: a GraphQL type needs a docstring to describe it")
    fields: dict[str, list[str]] = {}
    for line in rest.splitlines():
        entry = _ENTRY.fullmatch(line)
        if entry and entry[1] not in fields:
            fields[entry[1]] = [entry[2]]
        elif line[:1].isspace() and fields:
            fields[list(fields)[-1]].append(line.strip())
        elif line.strip():
            raise TypeError(f"{cls.__qualname__}: docstring line {line!r} is not `field: description` "
                            "(or a field named twice)")
    return " ".join(head.split("\n")), {name: " ".join(parts) for name, parts in fields.items()}


def _with_field_descriptions(cls: C, fields: dict[str, str]) -> C:
    own = cls.__dict__.get("__annotations__", {})
    for name, text in fields.items():
        if name not in own:
            raise TypeError(f"{cls.__qualname__}: the docstring describes {name!r}, which is no field of the class")
        value = cls.__dict__.get(name, dataclasses.MISSING)
        if isinstance(value, StrawberryField):
            raise TypeError(f"{cls.__qualname__}.{name} is described in the docstring and in strawberry.field")
        setattr(cls, name, strawberry.field(default=value, description=text))
    return cls


def _declare(make: Callable[..., Any]) -> Callable[[C], C]:
    def declare(cls: C) -> C:
        head, fields = described(cls)
        return make(_with_field_descriptions(cls, fields), description=head)
    declare.__doc__ = f"`{make.__module__}.{make.__name__}` with descriptions from the class's docstring."
    return declare


graphql_type = _declare(strawberry.type)
graphql_input = _declare(strawberry.input)
graphql_interface = _declare(strawberry.interface)
