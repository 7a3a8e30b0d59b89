"""Relay connections: the one shape of every list that grows with the graph.

`Connection[T]` (GraphQL `<T>Connection`) has `edges { cursor node }`, the `nodes` shortcut,
`pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`, `totalCount` and the
`appliedFilters` (how filter values were read). Every connection field takes `first`/`after`
(forwards) or `last`/`before` (backwards); `Window` checks them once for all.

Three ways to fill one, by where the list lives:
- `keyset`: a page the graph read in index order between two cursors (root lists: people, …);
- `ranked`: a ranking the graph reads with SKIP/LIMIT (search, rankings): offset cursors;
- `sliced`: a list already in memory (a node's facts, loaded for the whole request level).

Cursors are opaque strings. Resolvers build `Connection` through these functions only.
"""
from __future__ import annotations

import base64
import inspect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Optional, TypeVar

import strawberry

from api.described import graphql_type
from api.errors import BadInput

T = TypeVar("T")
X = TypeVar("X")

DEFAULT_FIRST = 20
MAX_FIRST = 100


# ---------------------------------------------------------------- the types


@graphql_type
class PageInfo:
    """Where a page of a connection lies in the whole list (Relay).

    has_next_page: More items follow the page.
    has_previous_page: More items precede the page (paging forwards with `after`: true when a cursor was given).
    start_cursor: The first edge's cursor; null for an empty page.
    end_cursor: The last edge's cursor; null for an empty page.
    """
    has_next_page: bool
    has_previous_page: bool
    start_cursor: Optional[str]
    end_cursor: Optional[str]


@graphql_type
class AppliedFilter:
    """How a filter value was read: 嘉兴 as the region 嘉兴市, 全国 as the level NATIONAL.

    field: The filter field, as in the filter input (`region`, `honor` …).
    given: The value as it was given.
    value: The value the list was filtered by.
    note: What was done, in one line.
    """
    field: str
    given: str
    value: str
    note: str


@graphql_type
class Edge(Generic[T]):
    """One item of a connection and its cursor.

    node: The item.
    """
    node: T
    key: strawberry.Private[Any]
    encode: strawberry.Private[Callable[[Any], str]]

    @strawberry.field(description="Opaque; give it as `after` (or `before`) to page on from this item.")
    def cursor(self) -> str:
        return self.encode(self.key)


@graphql_type
class Connection(Generic[T]):
    """A page of a list (Relay connection): edges with cursors, the nodes, where the page lies and how many there are in
    all.

    page_info: Where the page lies.
    """
    items: strawberry.Private[Sequence[Any]]
    keys: strawberry.Private[Sequence[Any]]
    encode: strawberry.Private[Callable[[Any], str]]
    page_info: PageInfo
    total: strawberry.Private[Optional[int]] = None
    count: strawberry.Private[Optional[Callable[[], int]]] = None
    applied_filters: list[AppliedFilter] = strawberry.field(
        default_factory=list, description="How each filter value was read; empty without a filter.")

    @strawberry.field(description="The page's items, each with its cursor.")
    def edges(self) -> list[Edge[T]]:
        return [Edge(node=n, key=k, encode=self.encode) for n, k in zip(self.items, self.keys)]

    @strawberry.field(description="The page's items, without cursors.")
    def nodes(self) -> list[T]:
        return list(self.items)

    @strawberry.field(description="How many items the whole list holds (every page, the filter applied).")
    def total_count(self) -> int:
        if self.total is None:
            self.total = self.count() if self.count is not None else len(self.items)
        return self.total


# ---------------------------------------------------------------- the arguments


@dataclass(frozen=True)
class Window:
    """`first`/`after` or `last`/`before`, checked: at most MAX_FIRST, never both sizes."""

    size: int
    after: Optional[str]
    before: Optional[str]
    backward: bool

    @staticmethod
    def of(first: Optional[int], after: Optional[str], last: Optional[int], before: Optional[str],
           default: int = DEFAULT_FIRST) -> "Window":
        if first is not None and last is not None:
            raise BadInput("give first (with after) or last (with before), not both", field="last")
        size = last if last is not None else first
        name = "last" if last is not None else "first"
        if size is None:
            size = default
        elif size < 0:
            raise BadInput(f"{name} must be 0 or more", field=name)
        elif size > MAX_FIRST:
            raise BadInput(f"{name} may be at most {MAX_FIRST}", field=name)
        return Window(size, after, before, last is not None)


FIRST = "How many items from the start (or after `after`): 0 to 100, default 20."
AFTER = "A cursor: the page starts after that item."
LAST = "How many items from the end (or before `before`), paging backwards: 0 to 100."
BEFORE = "A cursor: the page ends before that item."


# ---------------------------------------------------------------- filling one


def keyset(items: Sequence[X], keys: Sequence[Any], more: bool, w: Window, encode: Callable[[Any], str],
           total: Optional[int] = None, count: Optional[Callable[[], int]] = None,
           filters: Optional[list[AppliedFilter]] = None) -> Connection[Any]:
    """A page the graph read between the cursors; `more`: items lie beyond it in the direction read."""
    after_more = w.before is not None if w.backward else more
    before_more = more if w.backward else w.after is not None
    return Connection(items=items, keys=keys, encode=encode, total=total, count=count,
                      applied_filters=filters or [],
                      page_info=_info(after_more, before_more, [encode(k) for k in keys[:1]],
                                      [encode(k) for k in keys[-1:]]))


def _info(has_next: bool, has_previous: bool, start: list[str], end: list[str]) -> PageInfo:
    return PageInfo(has_next_page=has_next, has_previous_page=has_previous,
                    start_cursor=start[0] if start else None, end_cursor=end[0] if end else None)


def page_info(has_next: bool, has_previous: bool, cursors: Sequence[str]) -> PageInfo:
    """Where a page lies, for a list that pages by its own cursors (the core's keysets)."""
    return _info(has_next, has_previous, list(cursors[:1]), list(cursors[-1:]))


def encode_offset(index: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{index}".encode()).decode()


def decode_offset(cursor: str) -> int:
    try:
        kind, _, index = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        if kind != "offset" or not index.isdigit():
            raise ValueError(cursor)
        return int(index)
    except Exception as exc:
        raise BadInput("invalid cursor", field="after") from exc


def _bounds(w: Window) -> tuple[int, Optional[int]]:
    lo = decode_offset(w.after) + 1 if w.after else 0
    hi = decode_offset(w.before) if w.before else None
    return lo, (max(lo, hi) if hi is not None else None)


def sliced(items: Sequence[X], w: Window, make: Optional[Callable[[X], Any]] = None,
           filters: Optional[list[AppliedFilter]] = None) -> Connection[Any]:
    """A page of a list held in memory whole (offset cursors, exact page info and total)."""
    lo, hi = _bounds(w)
    hi = len(items) if hi is None else min(hi, len(items))
    start = max(lo, hi - w.size) if w.backward else lo
    end = min(hi, start + w.size)
    window = items[start:end]
    nodes = [make(x) for x in window] if make is not None else list(window)
    keys = list(range(start, start + len(nodes)))
    return Connection(items=nodes, keys=keys, encode=encode_offset, total=len(items), applied_filters=filters or [],
                      page_info=_info(end < len(items), start > 0, [encode_offset(k) for k in keys[:1]],
                                      [encode_offset(k) for k in keys[-1:]]))


async def ranked(w: Window, fetch: Callable[[int, int], Any], count: Callable[[], int],
                 make: Optional[Callable[[X], Any]] = None,
                 filters: Optional[list[AppliedFilter]] = None) -> Connection[Any]:
    """A page of a ranking the graph reads by offset: `fetch(offset, limit)` gives the rows (or
    an awaitable of them: a DataLoader's), `count()` how many there are (only run when asked
    for, or for `last` without `before`)."""
    lo, hi = _bounds(w)
    total: Optional[int] = None
    if w.backward and hi is None:
        total = count()
        hi = max(lo, total)
    start = max(lo, hi - w.size) if w.backward and hi is not None else lo
    size = w.size if hi is None else min(w.size, hi - start)
    rows: list[Any] = []
    if size > 0:
        found = fetch(start, size + 1)
        rows = list(await found if inspect.isawaitable(found) else found)
    window = rows[:size]
    more = len(rows) > size or (hi is not None and start + size < hi)
    nodes = [make(x) for x in window] if make is not None else window
    keys = list(range(start, start + len(nodes)))
    return Connection(items=nodes, keys=keys, encode=encode_offset, total=total, count=count,
                      applied_filters=filters or [],
                      page_info=_info(more, start > 0, [encode_offset(k) for k in keys[:1]],
                                      [encode_offset(k) for k in keys[-1:]]))
