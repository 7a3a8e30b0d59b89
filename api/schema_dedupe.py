"""GraphQL for records staff: duplicate candidates, explanations, judgements, merge, undo,
the merges and the records-staff log.

`DedupeQuery` and `DedupeMutation` are merged into the service's root types by
api/schema.py (strawberry.tools.merge_types). Resolvers stay thin: graph/dedupe/ does the
work. The API's conventions hold here too (docs/api.md): the core's lowercase values shown as
uppercase enums (`CLOSED`, `SAME`), the one generic Relay connection, mutations with one
`input` and `userErrors`, the editor check as a permission class.
"""
from __future__ import annotations

from typing import Annotated, Any, Optional

import strawberry
from strawberry.types import Info

from api.context import Context
from api.described import graphql_input, graphql_type
from api.enums import AuditAction, CandidateStatus, DuplicateType, MatchDecision, Verdict, stored
from api.payloads import INPUT, attempt, graphql_payload
from api.permissions import IsEditor
from api.relay import AFTER, BEFORE, FIRST, LAST, Connection, Window, page_info, ranked
from api.types import Entity, to_entity
from graph.dedupe.audit import AuditEvent as CoreAuditEvent
from graph.dedupe.audit import MergeEntry
from graph.dedupe.judgements import Judgement as CoreJudgement
from graph.dedupe.pairs import Verdict as CoreVerdict

Ctx = Info[Context, None]
First = Annotated[Optional[int], strawberry.argument(description=FIRST)]
After = Annotated[Optional[str], strawberry.argument(description=AFTER)]
Last = Annotated[Optional[int], strawberry.argument(description=LAST)]
Before = Annotated[Optional[str], strawberry.argument(description=BEFORE)]


# ---------------------------------------------------------------- types


@graphql_type
class RecordRef:
    """One side of a pair: the record's id and name.

    id: The record's id.
    name: Its name.
    """
    id: strawberry.ID
    name: str


@graphql_type
class MatchReason:
    """One feature's part in a match score, readable by a person.

    feature: The feature (name, pinyin, unit, honor and year …).
    contribution: Its part of the score (negative: against).
    detail: What was compared, in words.
    """
    feature: str
    contribution: float
    detail: str


async def _record(info: Ctx, record_id: str) -> Entity | None:
    node = await info.context.loaders.nodes.load(record_id)
    return to_entity(node) if node and node.get("label") in ("Person", "Unit") else None


@graphql_type
class DuplicateCandidate:
    """Two records that may be one, with the score and its reasons; both records in full, so staff compare them side by
    side.

    id: The review item (null for a pair scored now).
    type: People or units.
    score: 0 to 1: how alike the two are.
    reasons: Each feature's part in the score.
    kind: How the names relate (exact, homophone, one character apart …)
    decision: MATCH, REVIEW or NEW, by the thresholds
    status: Where the pair stands with staff.
    """
    id: Optional[strawberry.ID]
    type: Optional[DuplicateType]
    a_id: strawberry.Private[str]
    b_id: strawberry.Private[str]
    score: float
    reasons: list[MatchReason]
    kind: Optional[str]
    decision: Optional[MatchDecision]
    status: Optional[CandidateStatus]

    @strawberry.field(description="One record of the pair, in full: names and aliases, gender, birth year "
                                  "(editor and admin), units, honors with years, regions, studios, mentors, "
                                  "sources. An id merged away since gives its survivor.")
    async def a(self, info: Ctx) -> Entity | None:
        return await _record(info, self.a_id)

    @strawberry.field(description="The other record of the pair, in full.")
    async def b(self, info: Ctx) -> Entity | None:
        return await _record(info, self.b_id)


@graphql_type
class Judgement:
    """Staff's verdict on a pair; a later one supersedes it.

    id: The judgement.
    a: One record.
    b: The other.
    verdict: SAME, DIFFERENT or UNSURE.
    note: Why, in staff's words.
    who: Who judged.
    at: When (ISO).
    current: False once a later judgement of the pair superseded it.
    merge_id: The merge made in the same step (judge SAME with merge), if any.
    """
    id: strawberry.ID
    a: strawberry.ID
    b: strawberry.ID
    verdict: Optional[Verdict]
    note: Optional[str]
    who: str
    at: str
    current: bool
    merge_id: Optional[strawberry.ID]


def _judgement(j: CoreJudgement) -> Judgement:
    return Judgement(id=strawberry.ID(j.id), a=strawberry.ID(j.a), b=strawberry.ID(j.b),
                     verdict=stored(Verdict, j.verdict), note=j.note, who=j.who, at=j.at, current=j.current,
                     merge_id=strawberry.ID(j.merge_id) if j.merge_id else None)


@graphql_type
class Merge:
    """A merge: who, when, the survivor and the absorbed ids; undo it with unmerge.

    id: The merge (give it to unmerge).
    who: Who merged.
    at: When (ISO).
    survivor: The record that kept its id.
    absorbed: The ids merged into it (they resolve to it).
    undone: True once unmerged.
    undone_by: Who undid it.
    undone_at: When it was undone.
    """
    id: strawberry.ID
    who: str
    at: str
    survivor: strawberry.ID
    absorbed: list[strawberry.ID]
    undone: bool
    undone_by: Optional[str]
    undone_at: Optional[str]


def _merge(m: MergeEntry) -> Merge:
    return Merge(id=strawberry.ID(m.id), who=m.who, at=m.at, survivor=strawberry.ID(m.survivor),
                 absorbed=[strawberry.ID(a) for a in m.absorbed], undone=m.undone, undone_by=m.undone_by,
                 undone_at=m.undone_at)


@graphql_type
class AuditEvent:
    """One event of the records-staff log: a merge, an undo or a judgement.

    at: When (ISO).
    who: Who.
    action: What was done.
    subject: The merge or judgement.
    detail: What it was about, in one line.
    """
    at: str
    who: str
    action: Optional[AuditAction]
    subject: strawberry.ID
    detail: str


def _event(e: CoreAuditEvent) -> AuditEvent:
    return AuditEvent(at=e.at, who=e.who, action=stored(AuditAction, e.action), subject=strawberry.ID(e.subject),
                      detail=e.detail)


@graphql_type
class MatchExplanation:
    """Why two records look alike or not, and what staff said of them.

    a: One record.
    b: The other.
    score: 0 to 1: how alike the two are.
    reasons: Each feature's part in the score.
    kind: How the names relate.
    decision: MATCH, REVIEW or NEW, by the thresholds.
    same_record: Both ids already resolve to one record
    judgements: Staff's verdicts on the pair, newest first.
    blocked_by: DIFFERENT judgements that stop a merge of the two, directly or through merged records
    """
    a: RecordRef
    b: RecordRef
    score: float
    reasons: list[MatchReason]
    kind: Optional[str]
    decision: Optional[MatchDecision]
    same_record: bool
    judgements: list[Judgement]
    blocked_by: list[Judgement]


@graphql_type
class MergeConflict:
    """A property the merged records disagree on (the survivor's value is kept).

    property: The property.
    values: The values the records held ((personal) for personal data).
    """
    property: str
    values: list[str]


@graphql_type
class MergeOutcome:
    """A merge done: the survivor keeps its id; absorbed ids resolve to it.

    merge_id: The merge (give it to unmerge).
    survivor: The record that kept its id.
    absorbed: The ids merged into it.
    moved_relationships: Facts moved to the survivor.
    united_relationships: Facts both held, united with their sources.
    conflicts: Properties the records disagreed on.
    """
    merge_id: strawberry.ID
    survivor: strawberry.ID
    absorbed: list[strawberry.ID]
    moved_relationships: int
    united_relationships: int
    conflicts: list[MergeConflict]


@graphql_type
class UnmergeOutcome:
    """A merge undone: the records as they were.

    merge_id: The merge undone.
    survivor: The record that had kept its id.
    restored: The records back on their own.
    """
    merge_id: strawberry.ID
    survivor: strawberry.ID
    restored: list[strawberry.ID]


def _reasons(reasons: list[dict[str, Any]]) -> list[MatchReason]:
    return [MatchReason(feature=str(r.get("feature", "")), contribution=float(r.get("contribution") or 0.0),
                        detail=str(r.get("detail", ""))) for r in reasons]


def _candidate(c: Any) -> DuplicateCandidate:
    return DuplicateCandidate(
        id=strawberry.ID(c.id) if c.id else None, type=stored(DuplicateType, c.type), a_id=c.a.id, b_id=c.b.id,
        score=c.score, reasons=_reasons(c.reasons), kind=c.kind, decision=stored(MatchDecision, c.decision),
        status=stored(CandidateStatus, c.status),
    )


def _keyset(page: Any, make: Any) -> Connection[Any]:
    """A page the core read by its own keyset cursors (merges, the log)."""
    return Connection(items=[make(x) for x in page.items], keys=list(page.cursors), encode=str, total=page.total,
                      page_info=page_info(page.has_next, page.has_previous, page.cursors))


def _bounds(first: Optional[int], after: Optional[str], last: Optional[int], before: Optional[str]) -> Any:
    from graph.dedupe.audit import Bounds

    w = Window.of(first, after, last, before)
    return Bounds(first=w.size, after=w.after, before=w.before, backward=w.backward)


# ---------------------------------------------------------------- root fields


@strawberry.type
class DedupeQuery:
    @strawberry.field(description="Pairs of records that may be one, best first, with both sides and reasons "
                                  "(a Relay connection).")
    async def duplicate_candidates(
        self, info: Ctx,
        type: Annotated[Optional[DuplicateType], strawberry.argument(description="People or units (default both).")]
        = None,
        status: Annotated[Optional[CandidateStatus], strawberry.argument(
            description="Where the pairs stand (default OPEN; null: any).")] = CandidateStatus.OPEN,
        min_score: Annotated[Optional[float], strawberry.argument(description="Only pairs at least this alike.")]
        = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[DuplicateCandidate]:
        from graph.dedupe.candidates import _cursor, list_candidates

        db = info.context.db
        kind, state = (type.value if type else None), (status.value if status else None)

        counted: list[int] = []  # the page's statement counts the items too

        def fetch(offset: int, size: int) -> list[Any]:
            page = list_candidates(db, type=kind, status=state, min_score=min_score, first=size,
                                   after=_cursor(offset - 1) if offset else None)
            counted.append(page.total)
            for side in (s for c in page.items for s in (c.a, c.b) if s.node is not None):
                info.context.loaders.nodes.prime(side.id, side.node)  # both records came with the page
            return page.items

        def count() -> int:
            return counted[-1] if counted else list_candidates(db, type=kind, status=state, min_score=min_score,
                                                               first=0).total

        return await ranked(Window.of(first, after, last, before), fetch, count, _candidate)

    @strawberry.field(description="Merges, newest first, undone ones too (marked): to list and undo them. "
                                  "`first`/`after` page to older merges, `last`/`before` to newer ones.")
    async def merges(self, info: Ctx, first: First = None, after: After = None, last: Last = None,
                     before: Before = None, subject: Annotated[Optional[strawberry.ID], strawberry.argument(
                         description="Only the merges of this record.")] = None) -> Connection[Merge]:
        from graph.dedupe.audit import merge_page

        page = merge_page(info.context.db, _bounds(first, after, last, before), str(subject) if subject else None)
        return _keyset(page, _merge)

    @strawberry.field(description="The records-staff log, newest first: merges, undos and judgements; "
                                  "`subject`: only those about one record (or one merge or judgement). "
                                  "`first`/`after` page to older events, `last`/`before` to newer ones.")
    async def audit_log(self, info: Ctx, first: First = None, after: After = None, last: Last = None,
                        before: Before = None, subject: Annotated[Optional[strawberry.ID], strawberry.argument(
                            description="Only the events about this record, merge or judgement.")] = None
                        ) -> Connection[AuditEvent]:
        from graph.dedupe.audit import audit_page

        page = audit_page(info.context.db, _bounds(first, after, last, before), str(subject) if subject else None)
        return _keyset(page, _event)

    @strawberry.field(description="Score two records now, with each feature's part and staff's judgements.")
    async def explain_match(self, info: Ctx,
                            a: Annotated[strawberry.ID, strawberry.argument(description="One record.")],
                            b: Annotated[strawberry.ID, strawberry.argument(description="The other.")]
                            ) -> MatchExplanation:
        from graph.dedupe.candidates import explain

        e = explain(info.context.db, str(a), str(b))
        c = e.candidate
        return MatchExplanation(
            a=RecordRef(id=strawberry.ID(c.a.id), name=c.a.name), b=RecordRef(id=strawberry.ID(c.b.id), name=c.b.name),
            score=c.score, reasons=_reasons(c.reasons), kind=c.kind, decision=stored(MatchDecision, c.decision),
            same_record=e.same_record, judgements=[_judgement(j) for j in e.judgements],
            blocked_by=[_judgement(j) for j in e.blocked_by],
        )


# ---------------------------------------------------------------- mutations


@graphql_input
class JudgeInput:
    """A verdict on a pair of records.

    a: One record (the survivor, with merge).
    b: The other.
    verdict: SAME, DIFFERENT or UNSURE.
    note: Why, for colleagues.
    merge: With SAME: merge b into a in the same step.
    """
    a: strawberry.ID
    b: strawberry.ID
    verdict: Verdict
    note: Optional[str] = None
    merge: bool = False


@graphql_payload
class JudgePayload:
    """The judgement recorded, and the mistakes in the input.

    judgement: The judgement; null when refused.
    """
    judgement: Optional[Judgement]


@graphql_input
class MergeInput:
    """Records to merge.

    ids: The survivor first, then the records merged into it.
    """
    ids: list[strawberry.ID]


@graphql_payload
class MergePayload:
    """The merge done, the survivor as it is now, and the mistakes in the input.

    outcome: What the merge did; null when refused.
    survivor: The survivor, with every fact of the merged records.
    """
    outcome: Optional[MergeOutcome]
    survivor: Optional[Entity]


@graphql_input
class UnmergeInput:
    """The merge to undo.

    merge_id: Merge.id or MergeOutcome.mergeId.
    """
    merge_id: strawberry.ID


@graphql_payload
class UnmergePayload:
    """The merge undone, and the mistakes in the input.

    outcome: What came back; null when refused.
    """
    outcome: Optional[UnmergeOutcome]


def _who(info: Ctx) -> str:
    return info.context.user or info.context.role or "?"


@strawberry.type
class DedupeMutation:
    @strawberry.mutation(description="Record a verdict on a pair (editor). It never overwrites: it supersedes. "
                                     "`merge: true` with SAME merges b into a in the same step (mergeId).",
                         permission_classes=[IsEditor])
    async def judge(self, info: Ctx, input: Annotated[JudgeInput, strawberry.argument(description=INPUT)]
                    ) -> JudgePayload:
        from graph.dedupe.judgements import judge

        made, errors = await attempt(lambda: judge(info.context.db, str(input.a), str(input.b),
                                                   CoreVerdict(input.verdict.value), input.note, _who(info),
                                                   input.merge), "b")
        info.context.forget()
        return JudgePayload(judgement=_judgement(made) if made else None, user_errors=errors)

    @strawberry.mutation(description="Merge records into the first id (editor); undo with unmerge.",
                         permission_classes=[IsEditor])
    async def merge(self, info: Ctx, input: Annotated[MergeInput, strawberry.argument(description=INPUT)]
                    ) -> MergePayload:
        from graph.dedupe.merge import merge

        result, errors = await attempt(lambda: merge(info.context.db, [str(i) for i in input.ids], _who(info)), "ids")
        if result is None:
            return MergePayload(outcome=None, survivor=None, user_errors=errors)
        info.context.forget()
        outcome = MergeOutcome(
            merge_id=strawberry.ID(result.id), survivor=strawberry.ID(result.survivor),
            absorbed=[strawberry.ID(a) for a in result.absorbed],
            moved_relationships=result.moved, united_relationships=result.united,
            conflicts=[MergeConflict(property=c["property"],
                                     values=["(personal)" if c.get("personal") else str(v["value"]) for v in c["values"]])
                       for c in result.conflicts],
        )
        return MergePayload(outcome=outcome, survivor=await _record(info, result.survivor), user_errors=[])

    @strawberry.mutation(description="Undo a merge (editor): both records come back as they were.",
                         permission_classes=[IsEditor])
    async def unmerge(self, info: Ctx, input: Annotated[UnmergeInput, strawberry.argument(description=INPUT)]
                      ) -> UnmergePayload:
        from graph.dedupe.merge import unmerge

        result, errors = await attempt(lambda: unmerge(info.context.db, str(input.merge_id), _who(info)), "mergeId")
        info.context.forget()
        return UnmergePayload(outcome=UnmergeOutcome(
            merge_id=strawberry.ID(result.merge_id), survivor=strawberry.ID(result.survivor),
            restored=[strawberry.ID(r) for r in result.restored]) if result else None, user_errors=errors)
