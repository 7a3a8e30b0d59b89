"""Cells the project writes into CSV and XLSX files: a value a spreadsheet would run as a
formula (=HYPERLINK(…), +cmd, -2+3, @SUM) is written as text, with a leading apostrophe, so
opening an export never runs what a source contained. The stored value stays as written."""
from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value to write in a cell: text that would start a formula gets a leading '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
