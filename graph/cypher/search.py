"""User text inside a full-text (Lucene) query: every special character escaped, so a name
is always looked up as words and never read as query syntax."""
from __future__ import annotations

SEARCHABLE = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh() "
"""First in every statement that asks the full-text index: it is updated behind each commit
(migration 13), and this waits until it holds every write committed before the statement
(0.3 ms when it already does)."""

LUCENE_SPECIAL = frozenset('+-&|!(){}[]^"~*?:\\/')


def escape(text: str) -> str:
    """`AC/DC (嘉兴)` → `AC\\/DC \\(嘉兴\\)`."""
    return "".join("\\" + c if c in LUCENE_SPECIAL else c for c in text)


def terms(text: str) -> str:
    """A name as query terms (escaped); a placeholder for an empty one, which Lucene refuses."""
    return escape(text.strip()) or "_"
