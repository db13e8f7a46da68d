"""The actor records a document carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    how: str  # name, alias, surname, demonym, capital, seat, title, pronoun, modifier
    sentence: int
    sector: str | None = None  # for a country named by a seat or group: "the Kremlin" GOV

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "how": self.how,
                "sentence": self.sentence, "sector": self.sector}


@dataclass(frozen=True)
class Actor:
    """A canonical actor as of the article's date, with every mention of it in the article.

    `party` is the country, organisation or region the actor acts for, at the level event
    data compares (ISO alpha-3 `RUS`, IGO code `NATO`, region `WST`); `code` is the
    CAMEO-style code (`RUSGOV`, `IGONATO`).
    """

    id: str
    name: str
    kind: str  # person, organisation, country, igo, group, region
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    title: str | None = None
    organisation: str | None = None
    party: str | None = None
    code: str | None = None
    qid: str | None = None
    in_kb: bool = True
    mentions: tuple[ActorMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                "sector": self.sector, "role": self.role, "title": self.title,
                "organisation": self.organisation, "party": self.party, "code": self.code,
                "qid": self.qid, "in_kb": self.in_kb,
                "mentions": [m.to_dict() for m in self.mentions]}
