"""An article file read as text, or refused in one line naming the file (and the line).

Articles are Chinese text: UTF-8 (with or without BOM) or GB18030/GBK. A file of zero
bytes, a binary file, a file too large to be one article, or bytes no such encoding reads
is refused with what to do; nothing is extracted or written. Control and direction
characters are taken out of the text before extraction (graph/names.py: strip_controls),
so no name found in it can carry them.
"""
from __future__ import annotations

import os
from pathlib import Path

from graph.errors import InvalidRequest
from graph.names import strip_controls

MAX_ARTICLE_BYTES = int(os.environ.get("KG_ARTICLE_MAX_BYTES") or 2_000_000)
"""One article, however long, is well under this; the API's own limit on `text` is
200,000 characters (api/limits.py)."""


class ArticleError(InvalidRequest):
    """A file that cannot be read as an article."""


def read_article(path: str | Path) -> str:
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(f"{name}: {size:,} bytes, over the limit of {MAX_ARTICLE_BYTES:,} for one article "
                               "(KG_ARTICLE_MAX_BYTES)")
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{name}: cannot be read ({exc.strerror or type(exc).__name__})") from exc
    if not data:
        raise ArticleError(f"{name}: empty file (0 bytes): nothing to load")
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(f"{name}: a binary file, not text: save the article as UTF-8 text")
    return clean_text(decode_article(data, name))


def decode_article(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first = exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        line = data.count(b"\n", 0, first.start) + 1
        raise ArticleError(f"{name}:{line}: byte 0x{data[first.start]:02x} is neither UTF-8 nor GBK/GB18030: "
                           "save the article as UTF-8 text") from None


def clean_text(text: str) -> str:
    """The text as extraction reads it: no control or direction characters."""
    return strip_controls(text)
