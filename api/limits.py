"""Limits on what one request may ask: depth, aliases, tokens, page size and an estimated
cost (each list multiplies what is under it by its `first`, or by LIST_GUESS when the
size is not given), refused before any Cypher runs."""
from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from graphql import (
    ArgumentNode, DocumentNode, FieldNode, GraphQLError, GraphQLInputObjectType, GraphQLSchema, IntValueNode,
    OperationDefinitionNode, TypeInfo, TypeInfoVisitor, ValidationRule, Visitor, get_named_type, value_from_ast,
    visit,
)
from graphql.language import FragmentSpreadNode, InlineFragmentNode, SelectionSetNode
from strawberry.extensions import SchemaExtension

from graph.read import SEARCH_MAX_CHARS

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 2000
MAX_COST = 60_000
DEFAULT_FIRST = 20
MAX_FIRST = 100
LIST_GUESS = 5
LIST_FIELDS = {
    "mentors", "mentees", "honors", "units", "studios", "projects", "villages", "assignments",
    "mentions", "timeline", "members", "leaders", "sources", "regions", "children", "parents",
    "participants", "located", "assigned", "links", "parts", "mentioned", "leaders", "nodes",
}
# Lists that grow with the graph (a unit's people, an honor's recipients) weigh more.
BIG_LIST_FIELDS = {"colleagues": 20, "people": 20, "recipients": 50}


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
        cost = _cost(node.selection_set, fragments, 0)
        if cost > MAX_COST:
            self.report_error(GraphQLError(
                f"query too complex: estimated cost {cost} exceeds {MAX_COST}; ask for fewer or smaller lists",
                node))


def _cost(selection_set: SelectionSetNode | None, fragments: dict, depth: int) -> int:
    if selection_set is None or depth > 50:
        return 0
    total = 0
    for sel in selection_set.selections:
        if isinstance(sel, FieldNode):
            first = None
            for arg in sel.arguments or ():
                if arg.name.value in ("first", "limit") and isinstance(arg.value, IntValueNode):
                    first = int(arg.value.value)
            inner = _cost(sel.selection_set, fragments, depth + 1)
            name = sel.name.value
            many = first if first is not None else (
                BIG_LIST_FIELDS.get(name) or (LIST_GUESS if name in LIST_FIELDS else 1))
            total += 1 + many * inner
        elif isinstance(sel, InlineFragmentNode):
            total += _cost(sel.selection_set, fragments, depth + 1)
        elif isinstance(sel, FragmentSpreadNode) and sel.name.value in fragments:
            total += _cost(fragments[sel.name.value].selection_set, fragments, depth + 1)
    return total


# ---------------------------------------------------------------- string arguments

MAX_STRING_CHARS = 200
"""Any string argument, literal or variable, nested in inputs or not, unless STRING_LIMITS says
otherwise: ids, names, filters and cursors are all far shorter."""
STRING_LIMITS: dict[str, int] = {
    "Query.search(q)": SEARCH_MAX_CHARS,
    "EntityFilter.name": SEARCH_MAX_CHARS,
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
