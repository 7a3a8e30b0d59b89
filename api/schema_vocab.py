"""GraphQL for curating the vocabulary texts discovered (issue 8): the uncurated honors,
units and studios with their evidence, and the editor's confirm, rename and reject.

`VocabQuery` and `VocabMutation` are merged into the service's root types by api/schema.py
(strawberry.tools.merge_types); graph/vocab.py does the work. The API's conventions hold here
too (docs/api.md): enums in and out, a Relay connection, one `input` and `userErrors` per
mutation, the editor check as a permission class.
"""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Optional

import strawberry
from strawberry.types import Info

from api.context import Context
from api.enums import HonorLevel, stored
from api.payloads import INPUT, USER_ERRORS, UserError, attempt
from api.permissions import IsEditor
from api.relay import AFTER, BEFORE, FIRST, LAST, Connection, Window, ranked

Ctx = Info[Context, None]


@strawberry.enum(description="The kinds of vocabulary a text can discover.")
class VocabType(Enum):
    HONOR = strawberry.enum_value("Honor", description="an honor title (…工匠, …先锋号)")
    UNIT = strawberry.enum_value("Unit", description="an employer or organisation")
    STUDIO = strawberry.enum_value("Studio", description="an innovation studio")


@strawberry.type(description="A sentence of a source that names the term.")
class VocabEvidence:
    source_id: strawberry.ID = strawberry.field(description="The article or roster.")
    title: Optional[str] = strawberry.field(description="Its title.")
    sentence: str = strawberry.field(description="The sentence naming the term (empty when only named).")


@strawberry.type(description="An honor, unit or studio first found in a text, not yet curated by staff.")
class VocabTerm:
    id: strawberry.ID = strawberry.field(description="The node's id.")
    type: VocabType = strawberry.field(description="Honor, unit or studio.")
    name: str = strawberry.field(description="The name as found.")
    level: Optional[HonorLevel] = strawberry.field(description="An honor's level, where the text implies one.")
    kind: Optional[str] = strawberry.field(description="A unit's kind, where the text implies one.")
    sources: int = strawberry.field(description="How many articles mention it")
    facts: int = strawberry.field(description="How many facts it takes part in")
    evidence: list[VocabEvidence] = strawberry.field(description="A few sentences naming it, with their sources.")


@strawberry.type(description="A curation done: the term as it is now (a rejected one is gone).")
class VocabOutcome:
    id: strawberry.ID = strawberry.field(description="The term's id.")
    name: Optional[str] = strawberry.field(description="Its name now; null once rejected.")
    curated: bool = strawberry.field(description="True once confirmed or renamed.")
    removed_facts: int = strawberry.field(default=0, description="Facts removed with a rejected term.")


@strawberry.input(description="The term to confirm or reject.")
class VocabTermInput:
    id: strawberry.ID = strawberry.field(description="The term's id (VocabTerm.id).")


@strawberry.input(description="The term to rename, and its new name.")
class RenameVocabularyInput:
    id: strawberry.ID = strawberry.field(description="The term's id (VocabTerm.id).")
    name: str = strawberry.field(description="The new name; the old one stays an alias.")


@strawberry.type(description="What a curation did, and the mistakes in the input.")
class VocabPayload:
    outcome: Optional[VocabOutcome] = strawberry.field(description="The term as it is now; null when refused.")
    user_errors: list[UserError] = strawberry.field(description=USER_ERRORS)


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
