"""Limits on what one request may ask: depth, aliases, tokens, page size and an estimated
cost (each list multiplies what is under it by its `first` or `last`, by the cost declared
with the field, or by a default for its kind), refused before any Cypher runs."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from graphql import (
    ArgumentNode, DocumentNode, FieldNode, GraphQLError, GraphQLInputObjectType, GraphQLList, GraphQLNonNull,
    GraphQLSchema, IntValueNode,
    OperationDefinitionNode, TypeInfo, TypeInfoVisitor, ValidationRule, Visitor, get_named_type, value_from_ast,
    visit,
)
from graphql.language import FragmentSpreadNode, InlineFragmentNode, SelectionSetNode
from strawberry.extensions import SchemaExtension

from graph.read import SEARCH_MAX_CHARS
from graph.vocabulary import ENTITY_KINDS

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 2000
MAX_COST = 60_000
DEFAULT_FIRST = 20
MAX_FIRST = 100
LIST_GUESS = 5
COST = "cost"
"""The key of a field's declared cost in its Strawberry metadata, set where the field is declared:
`strawberry.field(metadata=limits.cost(20))` for a list that grows with the graph (a person's
colleagues). Without one, a connection costs its `first`/`last` (default DEFAULT_FIRST), a
plain list its `first` or LIST_GUESS, anything else 1."""


def cost(many: int) -> dict[str, int]:
    """The metadata declaring how many items a field's list holds at most, for the cost estimate."""
    return {COST: many}


def page_size(first: int | None) -> int:
    from api.errors import BadInput

    if first is None:
        return DEFAULT_FIRST
    if first < 0:
        raise BadInput("first must be 0 or more")
    if first > MAX_FIRST:
        raise BadInput(f"first may be at most {MAX_FIRST}")
    return first


class CostLimit(ValidationRule):
    def enter_operation_definition(self, node: OperationDefinitionNode, *_args: object) -> None:
        fragments = {f.name.value: f for f in self.context.document.definitions
                     if f.__class__.__name__ == "FragmentDefinitionNode"}
        schema = self.context.schema
        root = schema.mutation_type if node.operation.value == "mutation" else schema.query_type
        cost = _cost(node.selection_set, root, fragments, 0, schema)
        if cost > MAX_COST:
            self.report_error(GraphQLError(
                f"query too complex: estimated cost {cost} exceeds {MAX_COST}; ask for fewer or smaller lists",
                node))


def _many(field: FieldNode, definition: Any, parent: Any) -> int:
    """How many items the field multiplies what is under it by (a connection's `edges` and
    `nodes` by 1: the connection field has counted its page)."""
    for arg in field.arguments or ():
        if arg.name.value in ("first", "last", "limit") and isinstance(arg.value, IntValueNode):
            return int(arg.value.value)
    if definition is None or getattr(parent, "name", "").endswith("Connection"):
        return 1
    declared = getattr((definition.extensions or {}).get("strawberry-definition"), "metadata", None) or {}
    if COST in declared:
        return int(declared[COST])
    named = get_named_type(definition.type)
    if named.name.endswith("Connection") and "first" in definition.args:
        return DEFAULT_FIRST
    inner = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
    return LIST_GUESS if isinstance(inner, GraphQLList) else 1


def _cost(selection_set: SelectionSetNode | None, parent: Any, fragments: dict, depth: int,
          schema: GraphQLSchema) -> int:
    """The estimated cost of a selection: each field 1, plus what is under it times `_many`."""
    if selection_set is None or depth > 50:
        return 0
    total = 0
    for sel in selection_set.selections:
        if isinstance(sel, FieldNode):
            fields = getattr(parent, "fields", None) or {}
            definition = fields.get(sel.name.value)
            below = get_named_type(definition.type) if definition is not None else None
            total += 1 + _many(sel, definition, parent) * _cost(sel.selection_set, below, fragments, depth + 1, schema)
        elif isinstance(sel, InlineFragmentNode):
            condition = schema.get_type(sel.type_condition.name.value) if sel.type_condition else parent
            total += _cost(sel.selection_set, condition, fragments, depth + 1, schema)
        elif isinstance(sel, FragmentSpreadNode) and sel.name.value in fragments:
            fragment = fragments[sel.name.value]
            total += _cost(fragment.selection_set, schema.get_type(fragment.type_condition.name.value),
                           fragments, depth + 1, schema)
    return total


# ---------------------------------------------------------------- string arguments

MAX_STRING_CHARS = 200
"""Any string argument, literal or variable, nested in inputs or not, unless STRING_LIMITS says
otherwise: ids, names, filters and cursors are all far shorter."""
STRING_LIMITS: dict[str, int] = {
    "Query.search(q)": SEARCH_MAX_CHARS,
    "EntityFilter.name": SEARCH_MAX_CHARS,
    **{f"{kind.label}Filter.name": SEARCH_MAX_CHARS for kind in ENTITY_KINDS},  # each list's own filter
    "ArticleInput.text": 200_000,
    "ArticleInput.title": 500,
    "ArticleInput.url": 2_000,
    "FactInput.evidence": 2_000,
    "Mutation.judge(note)": 2_000,
}
WHY = {SEARCH_MAX_CHARS: "a name search needs at most a few dozen characters"}


def check_strings(document: DocumentNode, schema: GraphQLSchema, variables: dict[str, Any] | None) -> None:
    """Refuses (BadInput) the first string argument longer than its limit, before anything runs:
    a megabyte-long search term would otherwise reach the full-text index."""
    type_info = TypeInfo(schema)
    visit(document, TypeInfoVisitor(type_info, _Arguments(type_info, variables or {})))


class _Arguments(Visitor):
    """Checks each argument's value (literal, variable or both, nested) against its type."""

    def __init__(self, type_info: TypeInfo, variables: dict[str, Any]) -> None:
        super().__init__()
        self.type_info = type_info
        self.variables = variables

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        arg, parent = self.type_info.get_argument(), self.type_info.get_parent_type()
        field = self.type_info.get_field_def()
        if arg is None or parent is None or field is None:
            return
        field_name = next((n for n, f in parent.fields.items() if f is field), "?")
        value = value_from_ast(node.value, arg.type, self.variables)
        _check(value, arg.type, f"{parent.name}.{field_name}({node.name.value})")


def _check(value: Any, gql_type: Any, where: str) -> None:
    from api.errors import BadInput

    named = get_named_type(gql_type)
    if isinstance(value, str):
        limit = STRING_LIMITS.get(where, MAX_STRING_CHARS)
        if len(value) > limit:
            why = WHY.get(limit, "")
            raise BadInput(f"{where} is {len(value):,} characters long; at most {limit:,} are accepted"
                           + (f" ({why})" if why else ""))
    elif isinstance(value, list):
        for item in value:
            _check(item, named, where)
    elif isinstance(value, dict) and isinstance(named, GraphQLInputObjectType):
        for key, item in value.items():
            field = named.fields.get(key)
            if field is not None:
                _check(item, field.type, f"{named.name}.{key}")


SHORTEST_LIMIT = min(MAX_STRING_CHARS, *STRING_LIMITS.values())


def _may_be_too_long(query: str | None, variables: dict[str, Any] | None) -> bool:
    """Whether any string of the request could exceed its limit: walking the document with
    type information costs more than most requests, so it runs only when the query text or a
    variable holds a string longer than the shortest limit."""
    if query is not None and len(query) > SHORTEST_LIMIT and _long_literal(query):
        return True
    return _long_value(variables)


@lru_cache(maxsize=512)
def _long_literal(query: str) -> bool:
    from graphql import StringValueNode, parse

    found = []

    class _Find(Visitor):
        def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
            if len(node.value) > SHORTEST_LIMIT:
                found.append(node)

    try:
        visit(parse(query), _Find())
    except GraphQLError:
        return True
    return bool(found)


def _long_value(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) > SHORTEST_LIMIT
    if isinstance(value, dict):
        return any(_long_value(v) for v in value.values())
    if isinstance(value, list):
        return any(_long_value(v) for v in value)
    return False


class StringLimits(SchemaExtension):
    """Per request: runs check_strings before execution; a refusal means nothing is executed."""

    def on_execute(self) -> Iterator[None]:
        from graphql import ExecutionResult

        from api.errors import BadInput

        ctx = self.execution_context
        if ctx.graphql_document is not None and ctx.result is None and _may_be_too_long(ctx.query, ctx.variables):
            try:
                check_strings(ctx.graphql_document, ctx.schema._schema, ctx.variables)
            except BadInput as refused:
                ctx.result = ExecutionResult(data=None, errors=[GraphQLError(str(refused), original_error=refused)])
        yield
