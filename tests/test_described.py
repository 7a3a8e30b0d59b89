"""GraphQL types described in their docstrings (api/described.py): what GraphQL shows, and the
mistakes refused at import. No database."""
from __future__ import annotations

from typing import Optional

import pytest
import strawberry

from api.described import graphql_input, graphql_type
from api.enums import ErrorCode
from api.payloads import UserError, graphql_payload


def test_the_docstring_describes_the_type_and_each_field_and_keeps_defaults() -> None:
    @graphql_input
    class Tally:
        """How many of one kind,
        counted once.

        kind: The kind counted, a longer text
            that goes on in an indented line.
        count: How many.
        """
        kind: str
        count: int = 0
        note: Optional[str] = strawberry.field(default=None, description="Its own description.")

    assert Tally(kind="a").count == 0
    definition = Tally.__strawberry_definition__
    assert definition.description == "How many of one kind, counted once."
    described = {f.python_name: f.description for f in definition.fields}
    assert described == {"kind": "The kind counted, a longer text that goes on in an indented line.",
                         "count": "How many.", "note": "Its own description."}


def test_a_payload_ends_with_user_errors() -> None:
    @graphql_payload
    class ThingPayload:
        """The thing done.

        done: Whether it was done.
        """
        done: bool

    fields = ThingPayload.__strawberry_definition__.fields
    assert [f.python_name for f in fields] == ["done", "user_errors"]
    assert fields[1].description == "Mistakes in the input; empty when the mutation was done."
    assert ThingPayload(done=True, user_errors=[UserError(field=None, message="m", code=ErrorCode.BAD_INPUT)])


@pytest.mark.parametrize("doc, message", [
    (None, "needs a docstring"),
    ("A thing.\n\ncolour: Its colour.", "'colour', which is no field"),
    ("A thing.\n\nname: Its name.\nname: Again.", "not `field: description`"),
    ("A thing.\n\nSee the README.", "not `field: description`"),
])
def test_a_description_that_cannot_be_placed_is_refused(doc: Optional[str], message: str) -> None:
    class Thing:
        name: str
    Thing.__doc__ = doc
    with pytest.raises(TypeError, match=message):
        graphql_type(Thing)


def test_a_field_described_twice_is_refused() -> None:
    class Thing:
        """A thing.

        name: Its name.
        """
        name: str = strawberry.field(description="Its name, again.")
    with pytest.raises(TypeError, match="described in the docstring and in strawberry.field"):
        graphql_type(Thing)
