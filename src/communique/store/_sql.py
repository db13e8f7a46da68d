"""Small SQL builders shared by the store's queries."""

from __future__ import annotations

import datetime as dt
from typing import Any


def like(text: str) -> str:
    """`text` for an ILIKE ... ESCAPE '\\' pattern, with its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def date_range(column: str, since: dt.date | None, until: dt.date | None,
               where: list[str], params: list[Any]) -> None:
    """Append `column >= since` / `column <= until` conditions (those given)."""
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until)
