"""The document: everything communique knows about one article, and its JSON contract.

`Document.to_dict()` is the public JSON contract (see docs/document-json.md and
`schema/document.schema.json`): top-level keys `article`, `sentences`, `mentions`,
`actors`, `events`, `quotes`, `dates` and `pipeline`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Protocol

from .actors.records import Actor
from .records import Article, Mention, Sentence


class Serializable(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Document:
    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Serializable, ...] = ()
    quotes: tuple[Serializable, ...] = ()
    dates: tuple[Serializable, ...] = ()
    pipeline: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        article = self.article.to_dict()
        return {
            "article": {k: article[k] for k in ("id", "date", "title", "dateline", "text")}
            | {"source": article["source"], "url": article["url"]},
            "sentences": [{"index": s.index, "start": s.start, "end": s.end}
                          for s in self.sentences],
            "mentions": [m.to_dict() for m in self.mentions],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "pipeline": dict(self.pipeline),
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def document_schema() -> dict[str, Any]:
    """The JSON Schema of `Document.to_dict()`."""
    text = resources.files("communique").joinpath("schema/document.schema.json").read_text("utf-8")
    return json.loads(text)
