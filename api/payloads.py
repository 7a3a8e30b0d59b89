"""Mutation payloads: every mutation returns the changed object and `userErrors`.

A mistake in the input (an unknown id, an empty name, a fact that is not there) is the
client's to show next to the field at fault, so it comes back as a `UserError` in the
payload, with the data it could not change left null. Refusals of the caller (no token, wrong
role), the database being down and bugs stay GraphQL errors: no field of the form is at fault.
"""
from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Optional, TypeVar

import strawberry

from api.described import graphql_type
from api.enums import ErrorCode
from api.errors import code_of
from graph.errors import GraphError

R = TypeVar("R")


@graphql_type
class UserError:
    """A mistake in a mutation's input: which field, what is wrong, a stable code.

    field: The input field at fault, as a path from the argument (`input.name`); null for the whole input.
    message: What is wrong, in one line a person can act on.
    code: Stable, for programs: BAD_INPUT, NOT_FOUND …
    """
    field: Optional[str]
    message: str
    code: ErrorCode


USER_ERRORS = "Mistakes in the input; empty when the mutation was done."
INPUT = "What to do; a mistake in it comes back in the payload's userErrors."

P = TypeVar("P", bound=type)


def graphql_payload(cls: P) -> P:
    """A mutation's payload: the class's own fields (described in its docstring), then `userErrors`."""
    cls.__annotations__["user_errors"] = list[UserError]
    setattr(cls, "user_errors", strawberry.field(description=USER_ERRORS))
    return graphql_type(cls)


def user_error(exc: GraphError, field: Optional[str] = None) -> UserError:
    """The error a client shows next to the field: the core's `field` when it names one."""
    named = exc.field or field
    return UserError(field=f"input.{named}" if named and not named.startswith("input") else named,
                     message=str(exc), code=ErrorCode[code_of(exc)])


async def attempt(work: Callable[[], R], field: Optional[str] = None) -> tuple[Optional[R], list[UserError]]:
    """Runs a write off the event loop; the core's refusal becomes a user error (`field` names the
    input field at fault when the core does not say)."""
    try:
        return await asyncio.to_thread(work), []
    except GraphError as exc:
        if code_of(exc) not in ("BAD_INPUT", "NOT_FOUND"):  # the database down: not the form's fault
            raise
        return None, [user_error(exc, field)]
