"""Who may do what, as Strawberry permission classes on the fields they guard.

    @strawberry.mutation(permission_classes=[IsEditor])      # mutations: refused with an error
    phone: Optional[str] = personal("phone", "…")              # personal data: null for others (api/types.py)

The one role check is `require_role` (api/context.py); a refusal is UNAUTHENTICATED (no token,
a bad one) or FORBIDDEN (another role), and UNAVAILABLE when the token could not be checked.
"""
from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission, PermissionExtension
from strawberry.types import Info

from api.context import EDITORS, require_role


class IsEditor(BasePermission):
    """Editors and admins: they change the graph and see personal data."""

    roles = EDITORS

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        require_role(info.context, *self.roles)  # raises the refusal with its code
        return True


class IsAdmin(IsEditor):
    """Admins only: tokens and the graph analysis."""

    roles = ("admin",)


class SeesPersonalData(BasePermission):
    """Personal data (graph/vocabulary.py PERSONAL_PROPERTIES): editor and admin only; anyone
    else gets null, not an error, so a page showing a person works for every reader."""

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return bool(info.context.is_editor)


def personal_extensions() -> list[PermissionExtension]:
    """The field extensions of a personal-data field (one per field: an extension belongs to its field)."""
    return [PermissionExtension(permissions=[SeesPersonalData()], fail_silently=True, use_directives=False)]
