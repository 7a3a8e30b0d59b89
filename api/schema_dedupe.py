"""GraphQL for records staff: duplicate candidates, explanations, judgements, merge, undo.

`DedupeQuery` and `DedupeMutation` are merged into the service's root types by
api/schema.py (strawberry.tools.merge_types). Resolvers stay thin: graph/dedupe/ does the
work. Mutations need the editor role.
"""
from __future__ import annotations

import asyncio
from typing import Any, Generic, TypeVar

import strawberry
from strawberry.types import Info

from api.context import Context, require_role
from api.errors import BadInput
from api.loaders import loader
from api.types import Entity, to_entity
from graph.dedupe.audit import AuditEvent, MergeEntry, audit_page, merge_page
from graph.dedupe.judgements import Judgement, judge
from graph.dedupe.pairs import Status
from graph.dedupe.pairs import Verdict as VerdictEnum
from graph.dedupe.records import RecordType

EDITOR_ROLES = ("editor", "admin")
T = TypeVar("T")


# ---------------------------------------------------------------- errors


def _check_first(first: int) -> None:
    if first < 0 or first > 100:
        raise BadInput("first must be between 0 and 100")


def _require_editor(info: Info[Context, None]) -> str:
    """The caller's name for the audit log; refuses anyone below the editor role."""
    return require_role(info.context, *EDITOR_ROLES)


# ---------------------------------------------------------------- types


# The core's enums, as they are (graph/dedupe/pairs.py, records.py).
DuplicateType = strawberry.enum(RecordType, name="DuplicateType", description=RecordType.__doc__)
CandidateStatus = strawberry.enum(Status, name="CandidateStatus", description=Status.__doc__)
Verdict = strawberry.enum(VerdictEnum, name="Verdict", description=VerdictEnum.__doc__)


@strawberry.type(description="One side of a pair: the record's id and name.")
class RecordRef:
    id: str
    name: str


@strawberry.type(description="One feature's part in a match score, readable by a person.")
class MatchReason:
    feature: str
    contribution: float
    detail: str


async def _record(info: Info[Context, None], record_id: str) -> Entity | None:
    node = await loader(info.context, "nodes").load(record_id)
    return to_entity(node) if node and node.get("label") in ("Person", "Unit") else None


@strawberry.type(description="Two records that may be one, with the score and its reasons; both records "
                             "in full, so staff compare them side by side.")
class DuplicateCandidate:
    id: str | None
    type: str
    a_id: strawberry.Private[str]
    b_id: strawberry.Private[str]
    score: float
    reasons: list[MatchReason]
    kind: str | None = strawberry.field(description="How the names relate (exact, homophone, one character apart …)")
    decision: str | None = strawberry.field(description="match, review or new, by the thresholds")
    status: str

    @strawberry.field(description="One record of the pair, in full: names and aliases, gender, birth year "
                                  "(editor and admin), units, honors with years, regions, studios, mentors, "
                                  "sources. An id merged away since gives its survivor.")
    async def a(self, info: Info[Context, None]) -> Entity | None:
        return await _record(info, self.a_id)

    @strawberry.field(description="The other record of the pair, in full.")
    async def b(self, info: Info[Context, None]) -> Entity | None:
        return await _record(info, self.b_id)


@strawberry.type
class DuplicateCandidatePageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    total_count: int
    edges: list[Edge[T]]
    page_info: DuplicateCandidatePageInfo


def _connection(nodes: list[Any], cursors: list[str], total: int, has_next: bool, after: str | None) -> Any:
    return Connection(
        total_count=total, edges=[Edge(cursor=c, node=n) for n, c in zip(nodes, cursors)],
        page_info=DuplicateCandidatePageInfo(has_next_page=has_next, has_previous_page=bool(after),
                                             start_cursor=cursors[0] if cursors else None,
                                             end_cursor=cursors[-1] if cursors else None))


# The core's records of staff work, as they are (graph/dedupe/judgements.py, audit.py).
JudgementType = strawberry.type(Judgement, name="Judgement",
                                description="Staff's verdict on a pair; a later one supersedes it.")
MergeType = strawberry.type(MergeEntry, name="Merge",
                            description="A merge: who, when, the survivor and the absorbed ids; undo it with unmerge.")
AuditEventType = strawberry.type(AuditEvent, name="AuditEvent",
                                 description="One event of the records-staff log: a merge, an undo or a judgement.")


@strawberry.type(description="Why two records look alike or not, and what staff said of them.")
class MatchExplanation:
    a: RecordRef
    b: RecordRef
    score: float
    reasons: list[MatchReason]
    kind: str | None
    decision: str | None
    same_record: bool = strawberry.field(description="Both ids already resolve to one record")
    judgements: list[JudgementType]
    blocked_by: list[JudgementType] = strawberry.field(
        description="`different` judgements that stop a merge of the two, directly or through merged records")


@strawberry.type
class MergeConflict:
    property: str
    values: list[str]


@strawberry.type(description="A merge done: the survivor keeps its id; absorbed ids resolve to it.")
class MergeOutcome:
    merge_id: str
    survivor: str
    absorbed: list[str]
    moved_relationships: int
    united_relationships: int
    conflicts: list[MergeConflict]


@strawberry.type
class UnmergeOutcome:
    merge_id: str
    survivor: str
    restored: list[str]


def _reasons(reasons: list[dict[str, Any]]) -> list[MatchReason]:
    return [MatchReason(feature=str(r.get("feature", "")), contribution=float(r.get("contribution") or 0.0),
                        detail=str(r.get("detail", ""))) for r in reasons]


def _candidate(c: Any) -> DuplicateCandidate:
    return DuplicateCandidate(
        id=c.id, type=c.type, a_id=c.a.id, b_id=c.b.id, score=c.score, reasons=_reasons(c.reasons),
        kind=c.kind, decision=c.decision, status=c.status,
    )


# ---------------------------------------------------------------- root fields


@strawberry.type
class DedupeQuery:
    @strawberry.field(description="Pairs of records that may be one, best first, with both sides and reasons.")
    async def duplicate_candidates(
        self, info: Info[Context, None], type: DuplicateType | None = None,
        status: CandidateStatus | None = CandidateStatus.OPEN, min_score: float | None = None,
        first: int = 20, after: str | None = None,
    ) -> Connection[DuplicateCandidate]:
        from graph.dedupe.candidates import list_candidates

        _check_first(first)
        page = await asyncio.to_thread(
            list_candidates, info.context.db, type=type.value if type else None,
            status=status.value if status else None, min_score=min_score, first=first, after=after)
        return _connection([_candidate(c) for c in page.items], page.cursors, page.total, page.has_next, after)

    @strawberry.field(description="Merges, newest first, undone ones too (marked): to list and undo them.")
    async def merges(self, info: Info[Context, None], first: int = 20, after: str | None = None,
                     subject: strawberry.ID | None = None) -> Connection[MergeType]:
        _check_first(first)
        page = await asyncio.to_thread(merge_page, info.context.db, first, after, str(subject) if subject else None)
        return _connection(page.items, page.cursors, page.total, page.has_next, after)

    @strawberry.field(description="The records-staff log, newest first: merges, undos and judgements; "
                                  "`subject`: only those about one record (or one merge or judgement).")
    async def audit_log(self, info: Info[Context, None], first: int = 20, after: str | None = None,
                        subject: strawberry.ID | None = None) -> Connection[AuditEventType]:
        _check_first(first)
        page = await asyncio.to_thread(audit_page, info.context.db, first, after, str(subject) if subject else None)
        return _connection(page.items, page.cursors, page.total, page.has_next, after)

    @strawberry.field(description="Score two records now, with each feature's part and staff's judgements.")
    async def explain_match(self, info: Info[Context, None], a: strawberry.ID, b: strawberry.ID) -> MatchExplanation:
        from graph.dedupe.candidates import explain

        e = await asyncio.to_thread(explain, info.context.db, str(a), str(b))
        c = e.candidate
        return MatchExplanation(
            a=RecordRef(id=c.a.id, name=c.a.name), b=RecordRef(id=c.b.id, name=c.b.name), score=c.score,
            reasons=_reasons(c.reasons), kind=c.kind, decision=c.decision, same_record=e.same_record,
            judgements=e.judgements, blocked_by=e.blocked_by,
        )


@strawberry.type
class DedupeMutation:
    @strawberry.mutation(description="Record a verdict on a pair (editor). It never overwrites: it supersedes. "
                                     "`merge: true` with SAME merges b into a in the same step (mergeId).")
    async def judge(self, info: Info[Context, None], a: strawberry.ID, b: strawberry.ID, verdict: Verdict,
                    note: str | None = None, merge: bool = False) -> JudgementType:
        who = _require_editor(info)
        return await asyncio.to_thread(judge, info.context.db, str(a), str(b), verdict, note, who, merge)

    @strawberry.mutation(description="Merge records into the first id (editor); undo with unmerge.")
    async def merge(self, info: Info[Context, None], ids: list[strawberry.ID]) -> MergeOutcome:
        from graph.dedupe.merge import merge

        who = _require_editor(info)
        result = await asyncio.to_thread(merge, info.context.db, [str(i) for i in ids], who)
        return MergeOutcome(
            merge_id=result.id, survivor=result.survivor, absorbed=result.absorbed,
            moved_relationships=result.moved, united_relationships=result.united,
            conflicts=[MergeConflict(property=c["property"],
                                     values=["(personal)" if c.get("personal") else str(v["value"]) for v in c["values"]])
                       for c in result.conflicts],
        )

    @strawberry.mutation(description="Undo a merge (editor): both records come back as they were.")
    async def unmerge(self, info: Info[Context, None], merge_id: strawberry.ID) -> UnmergeOutcome:
        from graph.dedupe.merge import unmerge

        who = _require_editor(info)
        result = await asyncio.to_thread(unmerge, info.context.db, str(merge_id), who)
        return UnmergeOutcome(merge_id=result.merge_id, survivor=result.survivor, restored=result.restored)
