"""Limits on what one request may ask: depth, aliases, tokens, page size and an estimated
cost (each list multiplies what is under it by its `first`, or by LIST_GUESS when the
size is not given), refused before any Cypher runs."""
from __future__ import annotations

from graphql import FieldNode, GraphQLError, IntValueNode, OperationDefinitionNode, ValidationRule
from graphql.language import FragmentSpreadNode, InlineFragmentNode, SelectionSetNode

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
