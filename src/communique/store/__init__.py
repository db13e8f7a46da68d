"""Storage of articles and everything extracted from them.

`open_store(path)` returns the default store (DuckDB). Any object with the methods of
`Store` can stand in for it (a second implementation needs no inheritance).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from ..document import Document
from ..records import Article, Reject
from ._duckdb import DEFAULT_DB, DuckDBStore, reject_id

__all__ = ["DEFAULT_DB", "DuckDBStore", "Store", "open_store", "reject_id"]


class Store(Protocol):
    """What the pipeline and the interfaces need of a store."""

    def start_run(self, command: str, info: dict[str, str]) -> str: ...
    def finish_run(self, run_id: str, status: str, counts: dict[str, int]) -> None: ...
    def known(self, articles: Sequence[Article]) -> dict[str, tuple[str, str]]: ...
    def write_documents(self, docs: Sequence[Document], run_id: str | None = None,
                        near_duplicates: dict[str, str] | None = None) -> int: ...
    def add_rejects(self, rejects: Iterable[Reject], run_id: str | None = None) -> int: ...
    def articles(self, since: dt.date | None = None, until: dt.date | None = None,
                 search: str | None = None, limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]: ...
    def document(self, article_id: str) -> Document: ...
    def stats(self) -> dict[str, Any]: ...
    def close(self) -> None: ...


def open_store(path: str = DEFAULT_DB, read_only: bool = False) -> DuckDBStore:
    """Open (creating and migrating unless `read_only`) the database at `path`."""
    return DuckDBStore(path, read_only=read_only)
