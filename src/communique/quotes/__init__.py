"""Quotations with speaker, cue and channel; linked to the events they report.

    >>> from communique.quotes import extract_quotes
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from ..actors.records import Actor
from .extract import QuoteExtractor, direct_quotes, find_direct
from .records import Quote

__all__ = ["Quote", "QuoteExtractor", "direct_quotes", "extract_quotes", "find_direct", "link_events"]


@lru_cache(maxsize=1)
def _extractor() -> QuoteExtractor:
    return QuoteExtractor()


def extract_quotes(doc: Doc, actors: Sequence[Actor], events: Sequence = ()) -> list[Quote]:
    return _extractor()(doc, actors, events)


def link_events(quotes: Sequence[Quote], events: Sequence) -> list[Quote]:
    """Each quotation with the ids of the events it reports."""
    return [QuoteExtractor._link(q, events) for q in quotes]
