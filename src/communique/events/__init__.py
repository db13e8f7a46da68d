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
from .contexts import tag_contexts
from .extract import EventExtractor, dedupe
from .lexicon import PLOVER_TYPES, Lexicon, Pattern, load_lexicon
from .records import Event, Participant
from .statements import StatementExtractor

__all__ = ["PLOVER_TYPES", "Event", "EventExtractor", "Lexicon", "Participant", "Pattern",
           "StatementExtractor", "extract_events", "extract_statement_events", "load_lexicon",
           "merge_events"]


WRONGDOING = "statement.ACCUSE.wrongdoing"  # the statement rule that accuses of breaking a rule


@lru_cache(maxsize=1)
def _extractor() -> EventExtractor:
    return EventExtractor()


def extract_events(doc: Doc, article: Article, actors: Sequence[Actor],
                   dates: Sequence[DateRef]) -> list[Event]:
    return tag_contexts(doc, _extractor()(doc, article, actors, dates))


@lru_cache(maxsize=1)
def _statements() -> StatementExtractor:
    return StatementExtractor()


def extract_statement_events(doc: Doc, article: Article, actors: Sequence[Actor],
                             dates: Sequence[DateRef], quotes: Sequence[Quote]) -> list[Event]:
    """Events carried by the quotations: see `communique.events.statements`."""
    return tag_contexts(doc, _statements().extract(doc, article, actors, dates, quotes))


def merge_events(events: Sequence[Event], statements: Sequence[Event] = ()) -> list[Event]:
    """Events from several passes as one list; the same event told twice is one event.
    An act a statement says its actor commits wrongly ("Washington said Iran is defying
    the council") is the speaker's allegation, coded as their ACCUSE: the story does not
    tell the alleged act as an event of its own."""
    alleged = {(s.trigger[0], s.target.actor) for s in statements
               if s.pattern == WRONGDOING and s.target is not None}
    kept = [e for e in events if e.source is None or (e.trigger[0], e.source.actor) not in alleged]
    return dedupe([*kept, *statements])
