"""Documents that walk the whole GraphQL schema from every root field: every field of every
type, two levels below the root field, every implementing type of an interface. Used to
check that no field of the schema shows a reader what it must not (personal data).

Generated from the schema itself, so a field added later is walked without anyone
remembering to add it here."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from graphql import (
    GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLInterfaceType, GraphQLNonNull,
    GraphQLObjectType, GraphQLSchema, GraphQLUnionType, get_named_type,
)

ArgFiller = Callable[[str, str, Any], Any]
"""(field name, argument name, argument type) → a GraphQL literal as text, or None to leave it out."""


def _leaves(t: Any, schema: GraphQLSchema) -> str:
    """Every scalar and enum field of t (of every possible type if t is abstract)."""
    if isinstance(t, (GraphQLInterfaceType, GraphQLUnionType)):
        parts = ["__typename"] + [f"... on {p.name} {{ {_leaves(p, schema)} }}"
                                  for p in schema.get_possible_types(t)]
        return " ".join(parts)
    names = [n for n, f in t.fields.items()
             if not isinstance(get_named_type(f.type), (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType))
             and not _required_args(f)]
    return " ".join(names or ["__typename"])


def _required_args(field: GraphQLField) -> list[str]:
    return [n for n, a in field.args.items() if isinstance(a.type, GraphQLNonNull) and a.default_value is None]


def _object_fields(t: Any, schema: GraphQLSchema) -> Iterator[tuple[str, str, Any]]:
    """(type condition or '', field name, field) of every object-valued field of t."""
    types = schema.get_possible_types(t) if isinstance(t, (GraphQLInterfaceType, GraphQLUnionType)) else [t]
    abstract = len(types) > 1 or t is not types[0]
    for possible in types:
        for name, field in possible.fields.items():
            if isinstance(get_named_type(field.type), (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)) \
                    and not _required_args(field):
                yield (possible.name if abstract else ""), name, field


def _wrap(condition: str, text: str) -> str:
    return f"... on {condition} {{ {text} }}" if condition else text


def root_documents(schema: GraphQLSchema, fill: ArgFiller) -> Iterator[tuple[str, str]]:
    """(root field, document) pairs: for each root field, one document per object-valued field
    below it, each selecting that field's leaves and its own object fields' leaves."""
    query = schema.query_type
    assert query is not None
    for root_name, root in query.fields.items():
        for args in _root_argument_sets(root_name, root, fill):
            head = f"{root_name}{args}"
            t = get_named_type(root.type)
            if not isinstance(t, (GraphQLObjectType, GraphQLInterfaceType, GraphQLUnionType)):
                yield root_name, f"{{ {head} }}"
                continue
            yield root_name, f"{{ {head} {{ {_leaves(t, schema)} }} }}"
            for condition, name, field in _object_fields(t, schema):
                below = get_named_type(field.type)
                inner = [_leaves(below, schema)]
                for cond2, name2, field2 in _object_fields(below, schema):
                    inner.append(_wrap(cond2, f"{name2} {{ {_leaves(get_named_type(field2.type), schema)} }}"))
                yield root_name, f"{{ {head} {{ {_wrap(condition, name + ' { ' + ' '.join(inner) + ' }')} }} }}"


def _root_argument_sets(name: str, field: GraphQLField, fill: ArgFiller) -> Iterator[str]:
    """One argument list per value of a required enum argument (story lead kinds), else one."""
    fixed: list[str] = []
    enum_arg: tuple[str, list[str]] | None = None
    for arg_name, arg in field.args.items():
        named = get_named_type(arg.type)
        required = isinstance(arg.type, GraphQLNonNull) and arg.default_value is None
        if required and isinstance(named, GraphQLEnumType):
            enum_arg = (arg_name, list(named.values))
            continue
        value = fill(name, arg_name, arg.type)
        if value is not None:
            fixed.append(f"{arg_name}: {value}")
        elif required and not isinstance(named, GraphQLInputObjectType):
            raise AssertionError(f"no value for required argument {name}({arg_name})")
    for enum_value in (enum_arg[1] if enum_arg else [None]):
        args = fixed + ([f"{enum_arg[0]}: {enum_value}"] if enum_arg else [])
        yield f"({', '.join(args)})" if args else ""
