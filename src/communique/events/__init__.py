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
from ..records import Article
from .extract import EventExtractor
from .lexicon import PLOVER_TYPES, Lexicon, Pattern, load_lexicon
from .records import Event, Participant

__all__ = ["PLOVER_TYPES", "Event", "EventExtractor", "Lexicon", "Participant", "Pattern",
           "extract_events", "load_lexicon"]


@lru_cache(maxsize=1)
def _extractor() -> EventExtractor:
    return EventExtractor()


def extract_events(doc: Doc, article: Article, actors: Sequence[Actor],
                   dates: Sequence[DateRef]) -> list[Event]:
    return _extractor()(doc, article, actors, dates)
