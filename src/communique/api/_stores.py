"""One store per application, read through a fresh DuckDB cursor per request.

A DuckDB connection must not be used by two threads at once, and FastAPI runs each
request in a worker thread; a cursor is a connection of its own to the same database
(it sees the same data and the same loaded extensions) and costs a fraction of a
millisecond to open.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager

from ..store import DuckDBStore, open_store
from ..store._explore import _ensure_fts


class StorePool:
    def __init__(self, path: str, read_only: bool = True) -> None:
        self.root = open_store(path, read_only=read_only)
        _ensure_fts(self.root)  # once, so that every cursor can search

    @contextmanager
    def store(self) -> Iterator[DuckDBStore]:
        """A store for this request only, on its own cursor."""
        store = copy.copy(self.root)
        store.con = self.root.con.cursor()
        try:
            yield store
        finally:
            store.con.close()

    def close(self) -> None:
        self.root.close()
