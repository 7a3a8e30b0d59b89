"""User text inside a full-text (Lucene) query: every special character escaped, so a name
is always looked up as words and never read as query syntax."""
from __future__ import annotations

LUCENE_SPECIAL = frozenset('+-&|!(){}[]^"~*?:\\/')


def escape(text: str) -> str:
    """`AC/DC (嘉兴)` → `AC\\/DC \\(嘉兴\\)`."""
    return "".join("\\" + c if c in LUCENE_SPECIAL else c for c in text)


def terms(text: str) -> str:
    """A name as query terms (escaped); a placeholder for an empty one, which Lucene refuses."""
    return escape(text.strip()) or "_"
