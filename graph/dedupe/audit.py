"""The records-staff audit log: merges, undos and judgements, newest first, a page at a time.

Nothing is written here: the log is read from the `Merge` and `Judgement` nodes, which
are never deleted (an undone merge keeps its node with `undone`, `undoneBy`, `undoneAt`;
a superseded judgement keeps its node with `current = false`).

Pages are keyset pages on (time, event key), newest first: a cursor is an event's time and
key, so a page never repeats or skips an event while staff keep working. Forwards (`first`
after a cursor) goes to older events, backwards (`last` before a cursor) to newer ones.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from graph.db import Database
from graph.errors import InvalidRequest

T = TypeVar("T")
MAX_PAGE = 200


@dataclass
class AuditEvent:
    at: str
    who: str
    action: str  # merge | unmerge | judge
    subject: str  # merge id or judgement id
    detail: str

    @property
    def key(self) -> str:
        return f"{self.action}:{self.subject}"

    def line(self) -> str:
        return f"{self.at}  {self.who:<12} {self.action:<8} {self.subject}  {self.detail}"


@dataclass
class MergeEntry:
    """A merge as staff list it: who, when, into which survivor, and whether it was undone."""

    id: str
    who: str
    at: str
    survivor: str
    absorbed: list[str]
    undone: bool
    undone_by: str | None
    undone_at: str | None

    @property
    def key(self) -> str:
        return self.id


@dataclass
class Page(Generic[T]):
    items: list[T]
    cursors: list[str]
    has_next: bool
    total: int = 0
    has_previous: bool = False


def _iso(value: Any) -> str:
    return value.iso_format() if hasattr(value, "iso_format") else str(value or "")


def _cursor(at: str, key: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([at, key]).encode()).decode()


def _after(cursor: str | None) -> tuple[str, str] | None:
    if not cursor:
        return None
    try:
        at, key = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        return str(at), str(key)
    except Exception:  # noqa: BLE001 - any garbage is the same mistake
        raise InvalidRequest("invalid cursor: pass the endCursor of the previous page") from None


@dataclass
class Bounds:
    """Where a page lies: older than `after`, newer than `before`; `backward`: the `first`
    newest-first events nearest `before` (the oldest ones without it)."""

    first: int = 20
    after: str | None = None
    before: str | None = None
    backward: bool = False

    def at(self) -> str | None:
        """The time the statements read from: back from `after`, or up from `before`."""
        cut = _after(self.before if self.backward else self.after)
        return cut[0] if cut else None


def _page(items: list[Any], bounds: Bounds, total: int) -> Page[Any]:
    """Newest first by (at, key); those between the cursors; `first` of them from the
    front (forwards) or from the back (backwards)."""
    first = max(0, min(int(bounds.first), MAX_PAGE))
    items.sort(key=lambda e: (e.at, e.key), reverse=True)
    older, newer = _after(bounds.after), _after(bounds.before)
    items = [e for e in items if (older is None or (e.at, e.key) < older) and (newer is None or (e.at, e.key) > newer)]
    if bounds.backward:
        chosen = items[max(0, len(items) - first):]
        has_next, has_previous = newer is not None, len(items) > first
    else:
        chosen = items[:first]
        has_next, has_previous = len(items) > first, older is not None
    return Page(chosen, [_cursor(e.at, e.key) for e in chosen], has_next, total, has_previous)


_ABOUT_MERGE = "($id IS NULL OR m.survivor = $id OR $id IN m.absorbed OR $id IN m.requested OR m.id = $id)"
_ABOUT_JUDGEMENT = "($id IS NULL OR j.a = $id OR j.b = $id OR j.id = $id)"
_MERGES = (
    "MATCH (m:Merge) WHERE " + _ABOUT_MERGE + " AND ($at IS NULL OR {time} {cmp} datetime($at)) {extra} "
    "RETURN m.id AS id, m.who AS who, m.at AS at, m.survivor AS survivor, m.absorbed AS absorbed, "
    "       m.undone AS undone, m.undoneBy AS undoneBy, m.undoneAt AS undoneAt "
    "ORDER BY {time} {order} LIMIT $limit"
)


def _direction(bounds: Bounds) -> dict[str, str]:
    """Forwards reads back in time from `after`; backwards reads up in time from `before`."""
    return {"cmp": ">=", "order": "ASC"} if bounds.backward else {"cmp": "<=", "order": "DESC"}


def _merges(db: Database, subject: str | None, bounds: Bounds, undone: bool = False) -> list[dict]:
    time = "m.undoneAt" if undone else "m.at"
    extra = "AND m.undone" if undone else ""
    return db.read(_MERGES.format(time=time, extra=extra, **_direction(bounds)), id=subject, at=bounds.at(),
                   limit=bounds.first + 50)


def merge_page(db: Database, bounds: Bounds, subject: str | None = None) -> Page[MergeEntry]:
    """Merges, newest first (undone ones too, marked), optionally those of one record."""
    rows = _merges(db, subject, bounds)
    total = db.read(f"MATCH (m:Merge) WHERE {_ABOUT_MERGE} RETURN count(m) AS n", id=subject)[0]["n"]
    return _page([MergeEntry(r["id"], r["who"] or "", _iso(r["at"]), r["survivor"], list(r["absorbed"] or []),
                             bool(r["undone"]), r["undoneBy"], _iso(r["undoneAt"]) if r["undoneAt"] else None)
                  for r in rows], bounds, total)


def audit_page(db: Database, bounds: Bounds, subject: str | None = None) -> Page[AuditEvent]:
    """The latest events, optionally only those about one record (or one merge or judgement)."""
    events: list[AuditEvent] = []
    for m in _merges(db, subject, bounds):
        events.append(AuditEvent(_iso(m["at"]), m["who"] or "", "merge", m["id"],
                                 f"{', '.join(m['absorbed'] or [])} into {m['survivor']}"))
    for m in _merges(db, subject, bounds, undone=True):
        events.append(AuditEvent(_iso(m["undoneAt"]), m["undoneBy"] or "", "unmerge", m["id"],
                                 f"{', '.join(m['absorbed'] or [])} restored beside {m['survivor']}"))
    judgements = db.read(
        f"MATCH (j:Judgement) WHERE {_ABOUT_JUDGEMENT} AND ($at IS NULL OR j.at {{cmp}} datetime($at)) "
        "RETURN j.id AS id, j.who AS who, j.at AS at, j.a AS a, j.b AS b, j.verdict AS verdict, j.note AS note, "
        "       j.current AS current, j.supersededBy AS supersededBy ORDER BY j.at {order} LIMIT $limit"
        .format(**_direction(bounds)),
        id=subject, at=bounds.at(), limit=bounds.first + 50,
    )
    for j in judgements:
        note = f": {j['note']}" if j["note"] else ""
        state = "" if j["current"] else (f" (superseded by undoing {j['supersededBy']})" if j["supersededBy"]
                                         else " (superseded)")
        events.append(AuditEvent(_iso(j["at"]), j["who"] or "", "judge", j["id"],
                                 f"{j['a']} {j['verdict']} {j['b']}{note}{state}"))
    total = db.read(
        f"CALL () {{ MATCH (m:Merge) WHERE {_ABOUT_MERGE} RETURN CASE WHEN m.undone THEN 2 ELSE 1 END AS n "
        f"UNION ALL MATCH (j:Judgement) WHERE {_ABOUT_JUDGEMENT} RETURN 1 AS n }} RETURN sum(n) AS n",
        id=subject)[0]["n"]
    return _page(events, bounds, total)


def audit_log(db: Database, limit: int = 50, node_id: str | None = None) -> list[AuditEvent]:
    """The latest events, optionally only those about one record id."""
    return audit_page(db, Bounds(first=max(1, min(limit, MAX_PAGE))), subject=node_id).items
