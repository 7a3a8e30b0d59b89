"""A pair of records, and what staff say of it.

A `Pair` is order-free: `Pair("person_b", "person_a") == Pair("person_a", "person_b")`, so
the pair a load suggests, the pair a scan finds and the pair staff judge are one pair, with
one key (judgements are found by it) and one review item id.

`Verdict` is the one vocabulary of judgements, in the graph (`Judgement.verdict` holds its
value), in the API (the GraphQL enum `Verdict` is this class) and on the command line;
`Status` says where a pair's review item stands (GraphQL `CandidateStatus`).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from graph.errors import InvalidRequest


class Verdict(str, Enum):
    """What staff say about a pair of records."""

    SAME = "same"
    DIFFERENT = "different"
    UNSURE = "unsure"

    @classmethod
    def of(cls, value: "Verdict | str") -> "Verdict":
        """The verdict named by `value` (`"same"`, `Verdict.SAME`); InvalidRequest otherwise."""
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(v.value for v in cls)
            raise InvalidRequest(f"verdict must be one of {names}, not {value!r}") from None


class Status(str, Enum):
    """Where a candidate pair stands with staff."""

    OPEN = "open"
    UNSURE = "unsure"
    CLOSED = "closed"


@dataclass(frozen=True)
class Pair:
    """Two record ids, kept in id order."""

    a: str
    b: str

    def __post_init__(self) -> None:
        if self.b < self.a:
            x, y = self.b, self.a
            object.__setattr__(self, "a", x)
            object.__setattr__(self, "b", y)

    @property
    def key(self) -> str:
        """`a|b`: how judgements find the pair (`Judgement.pairKey`)."""
        return f"{self.a}|{self.b}"

    @property
    def review_id(self) -> str:
        """The id of the pair's review item."""
        return f"review_{self.a}_{self.b}"
