"""GraphQL for curating the vocabulary texts discovered (issue 8): the uncurated honors,
units and studios with their evidence, and the editor's confirm, rename and reject.

`VocabQuery` and `VocabMutation` are merged into the service's root types by api/schema.py
(strawberry.tools.merge_types); graph/vocab.py does the work.
"""
from __future__ import annotations

import asyncio
from enum import Enum

import strawberry
from strawberry.types import Info

from api.context import Context, require_role
from api.errors import BadInput

EDITOR_ROLES = ("editor", "admin")


@strawberry.enum(description="The kinds of vocabulary a text can discover.")
class VocabType(Enum):
    HONOR = "Honor"
    UNIT = "Unit"
    STUDIO = "Studio"


@strawberry.type(description="A sentence of a source that names the term.")
class VocabEvidence:
    source_id: str
    title: str | None
    sentence: str


@strawberry.type(description="An honor, unit or studio first found in a text, not yet curated by staff.")
class VocabTerm:
    id: strawberry.ID
    type: str
    name: str
    level: str | None
    kind: str | None
    sources: int = strawberry.field(description="How many articles mention it")
    facts: int = strawberry.field(description="How many facts it takes part in")
    evidence: list[VocabEvidence]


@strawberry.type
class VocabTermEdge:
    cursor: str
    node: VocabTerm


@strawberry.type
class VocabPageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class VocabTermConnection:
    total_count: int
    edges: list[VocabTermEdge]
    page_info: VocabPageInfo


@strawberry.type(description="A curation done: the term as it is now (a rejected one is gone).")
class VocabOutcome:
    id: strawberry.ID
    name: str | None
    curated: bool
    removed_facts: int = 0


def _term(t: object) -> VocabTerm:
    return VocabTerm(id=strawberry.ID(t.id), type=t.label, name=t.name, level=t.level, kind=t.kind,  # type: ignore[attr-defined]
                     sources=t.sources, facts=t.facts,  # type: ignore[attr-defined]
                     evidence=[VocabEvidence(source_id=e.source_id, title=e.title, sentence=e.sentence)
                               for e in t.evidence])  # type: ignore[attr-defined]


@strawberry.type
class VocabQuery:
    @strawberry.field(description="Honors, units and studios texts discovered that staff have not curated, "
                                  "by name, each with the sentences that name it.")
    async def uncurated_vocabulary(self, info: Info[Context, None], type: VocabType | None = None,
                                   first: int = 20, after: str | None = None) -> VocabTermConnection:
        from graph.vocab import uncurated

        if first < 0 or first > 100:
            raise BadInput("first must be between 0 and 100")
        page = await asyncio.to_thread(uncurated, info.context.db, type.value if type else None, first, after)
        return VocabTermConnection(
            total_count=page.total,
            edges=[VocabTermEdge(cursor=c, node=_term(t)) for t, c in zip(page.items, page.cursors)],
            page_info=VocabPageInfo(has_next_page=page.has_next, has_previous_page=bool(after),
                                    start_cursor=page.cursors[0] if page.cursors else None,
                                    end_cursor=page.cursors[-1] if page.cursors else None),
        )


@strawberry.type
class VocabMutation:
    @strawberry.mutation(description="Confirm a discovered term (editor): curated, and remembered by later loads.")
    async def confirm_vocabulary(self, info: Info[Context, None], id: strawberry.ID) -> VocabOutcome:
        from graph.vocab import confirm

        who = require_role(info.context, *EDITOR_ROLES)
        term = await asyncio.to_thread(confirm, info.context.db, str(id), who)
        return VocabOutcome(id=strawberry.ID(term.id), name=term.name, curated=True)

    @strawberry.mutation(description="Rename a discovered term (editor); the old name stays an alias.")
    async def rename_vocabulary(self, info: Info[Context, None], id: strawberry.ID, name: str) -> VocabOutcome:
        from graph.vocab import rename

        who = require_role(info.context, *EDITOR_ROLES)
        term = await asyncio.to_thread(rename, info.context.db, str(id), name, who)
        return VocabOutcome(id=strawberry.ID(term.id), name=term.name, curated=True)

    @strawberry.mutation(description="Reject a discovered term (editor): it and its facts are removed in one "
                                     "transaction, and later loads leave the name out.")
    async def reject_vocabulary(self, info: Info[Context, None], id: strawberry.ID) -> VocabOutcome:
        from graph.vocab import reject

        who = require_role(info.context, *EDITOR_ROLES)
        removed = await asyncio.to_thread(reject, info.context.db, str(id), who)
        return VocabOutcome(id=id, name=None, curated=False, removed_facts=removed)
