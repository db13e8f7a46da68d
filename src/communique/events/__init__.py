"""Events: PLOVER types with a CAMEO mapping, source and target actors, polarity,
modality, date, place and evidence.

    >>> from communique.events import extract_events
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Doc

from ..actors.records import Actor
from ..dates import DateRef
from ..quotes.records import Quote
from ..records import Article
from .extract import EventExtractor, dedupe
from .lexicon import PLOVER_TYPES, Lexicon, Pattern, load_lexicon
from .records import Event, Participant
from .statements import StatementExtractor

__all__ = ["PLOVER_TYPES", "Event", "EventExtractor", "Lexicon", "Participant", "Pattern",
           "StatementExtractor", "extract_events", "extract_statement_events", "load_lexicon",
           "merge_events"]


@lru_cache(maxsize=1)
def _extractor() -> EventExtractor:
    return EventExtractor()


def extract_events(doc: Doc, article: Article, actors: Sequence[Actor],
                   dates: Sequence[DateRef]) -> list[Event]:
    return _extractor()(doc, article, actors, dates)


@lru_cache(maxsize=1)
def _statements() -> StatementExtractor:
    return StatementExtractor()


def extract_statement_events(doc: Doc, article: Article, actors: Sequence[Actor],
                             dates: Sequence[DateRef], quotes: Sequence[Quote]) -> list[Event]:
    """Events carried by the quotations: see `communique.events.statements`."""
    return _statements().extract(doc, article, actors, dates, quotes)


def merge_events(*groups: Sequence[Event]) -> list[Event]:
    """Events from several passes as one list; the same event told twice is one event."""
    return dedupe([e for group in groups for e in group])
