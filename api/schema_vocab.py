"""GraphQL for curating the vocabulary texts discovered (issue 8): the uncurated honors,
units and studios with their evidence, and the editor's confirm, rename and reject.

`VocabQuery` and `VocabMutation` are merged into the service's root types by api/schema.py
(strawberry.tools.merge_types); graph/vocab.py does the work. The API's conventions hold here
too (docs/api.md): enums in and out, a Relay connection, one `input` and `userErrors` per
mutation, the editor check as a permission class.
"""
from __future__ import annotations

from typing import Annotated, Any, Optional

import strawberry
from strawberry.types import Info

from api.context import Context
from api.described import graphql_input, graphql_type
from api.enums import HonorLevel, VocabType, stored
from api.payloads import INPUT, attempt, graphql_payload
from api.permissions import IsEditor
from api.relay import AFTER, BEFORE, FIRST, LAST, Connection, Window, ranked

Ctx = Info[Context, None]


@graphql_type
class VocabEvidence:
    """A sentence of a source that names the term.

    source_id: The article or roster.
    title: Its title.
    sentence: The sentence naming the term (empty when only named).
    """
    source_id: strawberry.ID
    title: Optional[str]
    sentence: str


@graphql_type
class VocabTerm:
    """An honor, unit or studio first found in a text, not yet curated by staff.

    id: The node's id.
    type: Honor, unit or studio.
    name: The name as found.
    level: An honor's level, where the text implies one.
    kind: A unit's kind, where the text implies one.
    sources: How many articles mention it
    facts: How many facts it takes part in
    evidence: A few sentences naming it, with their sources.
    """
    id: strawberry.ID
    type: VocabType
    name: str
    level: Optional[HonorLevel]
    kind: Optional[str]
    sources: int
    facts: int
    evidence: list[VocabEvidence]


@graphql_type
class VocabOutcome:
    """A curation done: the term as it is now (a rejected one is gone).

    id: The term's id.
    name: Its name now; null once rejected.
    curated: True once confirmed or renamed.
    removed_facts: Facts removed with a rejected term.
    """
    id: strawberry.ID
    name: Optional[str]
    curated: bool
    removed_facts: int = 0


@graphql_input
class VocabTermInput:
    """The term to confirm or reject.

    id: The term's id (VocabTerm.id).
    """
    id: strawberry.ID


@graphql_input
class RenameVocabularyInput:
    """The term to rename, and its new name.

    id: The term's id (VocabTerm.id).
    name: The new name; the old one stays an alias.
    """
    id: strawberry.ID
    name: str


@graphql_payload
class VocabPayload:
    """What a curation did, and the mistakes in the input.

    outcome: The term as it is now; null when refused.
    """
    outcome: Optional[VocabOutcome]


def _term(t: Any) -> VocabTerm:
    return VocabTerm(id=strawberry.ID(t.id), type=VocabType(t.label), name=t.name, level=stored(HonorLevel, t.level),
                     kind=t.kind, sources=t.sources, facts=t.facts,
                     evidence=[VocabEvidence(source_id=strawberry.ID(e.source_id), title=e.title, sentence=e.sentence)
                               for e in t.evidence])


@strawberry.type
class VocabQuery:
    @strawberry.field(description="Honors, units and studios texts discovered that staff have not curated, "
                                  "by name, each with the sentences that name it (a Relay connection).")
    async def uncurated_vocabulary(
        self, info: Ctx, type: Annotated[Optional[VocabType], strawberry.argument(
            description="Only terms of this kind (default: all).")] = None,
        first: Annotated[Optional[int], strawberry.argument(description=FIRST)] = None,
        after: Annotated[Optional[str], strawberry.argument(description=AFTER)] = None,
        last: Annotated[Optional[int], strawberry.argument(description=LAST)] = None,
        before: Annotated[Optional[str], strawberry.argument(description=BEFORE)] = None,
    ) -> Connection[VocabTerm]:
        from graph import vocab

        db, label = info.context.db, type.value if type else None

        def fetch(offset: int, size: int) -> list[Any]:
            """`size` terms from `offset` (graph/vocab.py pages by its own offset cursors), and
            one more stand-in when more follow: `ranked` reads that as "more"."""
            page = vocab.uncurated(db, label, min(size, 100), vocab._cursor(offset - 1) if offset else None)
            return page.items + ([None] if page.has_next else [])

        return await ranked(Window.of(first, after, last, before), fetch,
                            lambda: vocab.uncurated(db, label, 0).total, _term)


@strawberry.type
class VocabMutation:
    @strawberry.mutation(description="Confirm a discovered term (editor): curated, and remembered by later loads.",
                         permission_classes=[IsEditor])
    async def confirm_vocabulary(self, info: Ctx, input: Annotated[
            VocabTermInput, strawberry.argument(description=INPUT)]) -> VocabPayload:
        from graph.vocab import confirm

        who = info.context.user or info.context.role or "?"
        term, errors = await attempt(lambda: confirm(info.context.db, str(input.id), who), "id")
        return VocabPayload(outcome=VocabOutcome(id=strawberry.ID(term.id), name=term.name, curated=True)
                            if term else None, user_errors=errors)

    @strawberry.mutation(description="Rename a discovered term (editor); the old name stays an alias.",
                         permission_classes=[IsEditor])
    async def rename_vocabulary(self, info: Ctx, input: Annotated[
            RenameVocabularyInput, strawberry.argument(description=INPUT)]) -> VocabPayload:
        from graph.vocab import rename

        who = info.context.user or info.context.role or "?"
        term, errors = await attempt(lambda: rename(info.context.db, str(input.id), input.name, who), "name")
        return VocabPayload(outcome=VocabOutcome(id=strawberry.ID(term.id), name=term.name, curated=True)
                            if term else None, user_errors=errors)

    @strawberry.mutation(description="Reject a discovered term (editor): it and its facts are removed in one "
                                     "transaction, and later loads leave the name out.",
                         permission_classes=[IsEditor])
    async def reject_vocabulary(self, info: Ctx, input: Annotated[
            VocabTermInput, strawberry.argument(description=INPUT)]) -> VocabPayload:
        from graph.vocab import reject

        who = info.context.user or info.context.role or "?"
        removed, errors = await attempt(lambda: reject(info.context.db, str(input.id), who), "id")
        return VocabPayload(outcome=VocabOutcome(id=input.id, name=None, curated=False, removed_facts=removed)
                            if removed is not None else None, user_errors=errors)
