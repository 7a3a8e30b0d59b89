"""The records-staff audit log: merges, undos and judgements, newest first.

Nothing is written here: the log is read from the `Merge` and `Judgement` nodes, which
are never deleted (an undone merge keeps its node with `undone`, `undoneBy`, `undoneAt`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.db import Database


@dataclass
class AuditEvent:
    at: str
    who: str
    action: str  # merge | unmerge | judge
    subject: str  # merge id or judgement id
    detail: str

    def line(self) -> str:
        return f"{self.at}  {self.who:<12} {self.action:<8} {self.subject}  {self.detail}"


def _iso(value: Any) -> str:
    return value.iso_format() if hasattr(value, "iso_format") else str(value or "")


def audit_log(db: Database, limit: int = 50, node_id: str | None = None) -> list[AuditEvent]:
    """The latest events, optionally only those about one record id."""
    limit = max(1, min(limit, 1000))
    merges = db.read(
        "MATCH (m:Merge) WHERE $id IS NULL OR m.survivor = $id OR $id IN m.absorbed "
        "RETURN m.id AS id, m.who AS who, m.at AS at, m.survivor AS survivor, m.absorbed AS absorbed, "
        "       m.undone AS undone, m.undoneBy AS undoneBy, m.undoneAt AS undoneAt "
        "ORDER BY m.at DESC LIMIT $limit",
        id=node_id, limit=limit,
    )
    judgements = db.read(
        "MATCH (j:Judgement) WHERE $id IS NULL OR j.a = $id OR j.b = $id "
        "RETURN j.id AS id, j.who AS who, j.at AS at, j.a AS a, j.b AS b, j.verdict AS verdict, j.note AS note, "
        "       j.current AS current ORDER BY j.at DESC LIMIT $limit",
        id=node_id, limit=limit,
    )
    events: list[AuditEvent] = []
    for m in merges:
        events.append(AuditEvent(_iso(m["at"]), m["who"] or "", "merge", m["id"],
                                 f"{', '.join(m['absorbed'] or [])} into {m['survivor']}"))
        if m["undone"]:
            events.append(AuditEvent(_iso(m["undoneAt"]), m["undoneBy"] or "", "unmerge", m["id"],
                                     f"{', '.join(m['absorbed'] or [])} restored beside {m['survivor']}"))
    for j in judgements:
        note = f": {j['note']}" if j["note"] else ""
        events.append(AuditEvent(_iso(j["at"]), j["who"] or "", "judge", j["id"],
                                 f"{j['a']} {j['verdict']} {j['b']}{note}{'' if j['current'] else ' (superseded)'}"))
    events.sort(key=lambda e: e.at, reverse=True)
    return events[:limit]
