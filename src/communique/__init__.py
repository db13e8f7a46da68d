"""communique: who did what to whom, who said what, from international-politics news.

    >>> import communique
    >>> doc = communique.process(text, date="2025-09-04")
    >>> doc.to_dict()            # the document JSON contract (docs/document-json.md)
    >>> store = communique.open_store("communique.duckdb")
"""

from __future__ import annotations

import logging

from ._version import __version__
from .document import Document
from .errors import CommuniqueError
from .records import Article, Mention, Reject, Sentence

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Article",
    "CommuniqueError",
    "Document",
    "Mention",
    "Reject",
    "Sentence",
    "__version__",
    "ingest_paths",
    "open_store",
    "process",
    "read_articles",
]


def __getattr__(name: str):  # noqa: ANN202 - lazy imports keep `import communique` fast
    if name == "process":
        from .pipeline import process

        return process
    if name == "open_store":
        from .store import open_store

        return open_store
    if name == "ingest_paths":
        from .batch import ingest

        return ingest
    if name == "read_articles":
        from .ingest import read_articles

        return read_articles
    raise AttributeError(f"module 'communique' has no attribute {name!r}")
