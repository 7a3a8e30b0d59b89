"""GraphQL for records staff: duplicate candidates, explanations, judgements, merge, undo.

`DedupeQuery` and `DedupeMutation` are merged into the service's root types by
api/schema.py (strawberry.tools.merge_types). Resolvers stay thin: graph/dedupe/ does the
work. Mutations need the editor role.
"""
from __future__ import annotations

import asyncio
from typing import Any

import strawberry
from strawberry.types import Info

from api.context import Context, require_role
from api.errors import BadInput
from graph.dedupe.judgements import Judgement, judge
from graph.dedupe.pairs import Status
from graph.dedupe.pairs import Verdict as VerdictEnum
from graph.dedupe.records import RecordType

EDITOR_ROLES = ("editor", "admin")


# ---------------------------------------------------------------- errors


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


@strawberry.type(description="Two records that may be one, with the score and its reasons.")
class DuplicateCandidate:
    id: str | None
    type: str
    a: RecordRef
    b: RecordRef
    score: float
    reasons: list[MatchReason]
    kind: str | None = strawberry.field(description="How the names relate (exact, homophone, one character apart …)")
    decision: str | None = strawberry.field(description="match, review or new, by the thresholds")
    status: str


@strawberry.type
class DuplicateCandidateEdge:
    cursor: str
    node: DuplicateCandidate


@strawberry.type
class DuplicateCandidatePageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class DuplicateCandidateConnection:
    total_count: int
    edges: list[DuplicateCandidateEdge]
    page_info: DuplicateCandidatePageInfo


JudgementType = strawberry.type(Judgement, name="Judgement",
                                description="Staff's verdict on a pair; a later one supersedes it.")


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
        id=c.id, type=c.type, a=RecordRef(id=c.a.id, name=c.a.name), b=RecordRef(id=c.b.id, name=c.b.name),
        score=c.score, reasons=_reasons(c.reasons), kind=c.kind, decision=c.decision, status=c.status,
    )


# ---------------------------------------------------------------- root fields


@strawberry.type
class DedupeQuery:
    @strawberry.field(description="Pairs of records that may be one, best first, with both sides and reasons.")
    async def duplicate_candidates(
        self, info: Info[Context, None], type: DuplicateType | None = None,
        status: CandidateStatus | None = CandidateStatus.OPEN, min_score: float | None = None,
        first: int = 20, after: str | None = None,
    ) -> DuplicateCandidateConnection:
        from graph.dedupe.candidates import list_candidates

        if first < 0 or first > 100:
            raise BadInput("first must be between 0 and 100")
        page = await asyncio.to_thread(
            list_candidates, info.context.db, type=type.value if type else None,
            status=status.value if status else None, min_score=min_score, first=first, after=after)
        return DuplicateCandidateConnection(
            total_count=page.total,
            edges=[DuplicateCandidateEdge(cursor=cur, node=_candidate(c)) for c, cur in zip(page.items, page.cursors)],
            page_info=DuplicateCandidatePageInfo(has_next_page=page.has_next, has_previous_page=bool(after),
                                                 start_cursor=page.start_cursor, end_cursor=page.end_cursor),
        )

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
    @strawberry.mutation(description="Record a verdict on a pair (editor). It never overwrites: it supersedes.")
    async def judge(self, info: Info[Context, None], a: strawberry.ID, b: strawberry.ID, verdict: Verdict,
              note: str | None = None) -> JudgementType:
        who = _require_editor(info)
        return await asyncio.to_thread(judge, info.context.db, str(a), str(b), verdict, note, who)

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
