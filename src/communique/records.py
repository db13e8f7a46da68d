"""Typed records passed between the pipeline's stages.

Every span is given as `start`/`end` character offsets into `Article.text` (Python string
indices, end exclusive) together with its `text`, so that each record can be traced back
to the exact characters it came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, normalised, as read from an input."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    dateline: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # "FILE:LINE" it was read from
    content_hash: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "dateline": self.dateline,
            "source": self.source,
            "url": self.url,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Reject:
    """A record that could not be read; kept with its raw content, never dropped."""

    origin: str  # file path or "<stdin>"
    line: int  # 1-based line (or row, or 0 for a whole file)
    reason: str
    raw: bytes

    def __str__(self) -> str:
        return f"{self.origin}:{self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention found by the NLP stage."""

    start: int
    end: int
    text: str
    label: str
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "sentence": self.sentence,
        }
