"""`KG_INTROSPECTION=0`: anonymous callers may not ask for the schema (`__schema`, `__type`);
callers with a token still may, so GraphiQL and code generators keep working for them."""
from __future__ import annotations

from collections.abc import Iterator

from graphql import ExecutionResult, FieldNode, GraphQLError, Visitor, visit
from strawberry.extensions import SchemaExtension

from api.errors import Forbidden


class _AsksForSchema(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def enter_field(self, node: FieldNode, *_: object) -> None:
        if node.name.value in ("__schema", "__type"):
            self.found = True


class IntrospectionGate(SchemaExtension):
    """Per request: refuses introspection to anonymous callers when the setting says so."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        context = ctx.context
        service = getattr(context, "service", None)
        closed = service is not None and not service.settings.introspection and context.role is None
        if closed and ctx.graphql_document is not None and ctx.result is None:
            finder = _AsksForSchema()
            visit(ctx.graphql_document, finder)
            if finder.found:
                refused = Forbidden("introspection is switched off for anonymous callers (KG_INTROSPECTION=0); "
                                    "send a token")
                ctx.result = ExecutionResult(data=None, errors=[GraphQLError(str(refused), original_error=refused)])
        yield
