"""Event records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..places import Place
from .plover import plover_type


@dataclass(frozen=True, slots=True)
class Participant:
    """The source or target of an event: the actor (when resolved) and the words naming it."""

    actor: str | None
    name: str | None
    party: str | None  # country / organisation / region code at the level events compare
    code: str | None  # CAMEO-style actor code (RUSGOV)
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"actor": self.actor, "name": self.name, "party": self.party, "code": self.code,
                "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    mode: str | None
    cameo: str | None
    cameo_root: str | None
    quad_class: int | None
    intensity: float | None
    source: Participant | None
    target: Participant | None
    polarity: str  # affirmed / negated
    modality: str  # actual / intended / conditional / demanded / hypothetical
    date: str | None
    date_text: str | None
    place: str | None
    place_text: str | None
    evidence: tuple[int, int, str]
    trigger: tuple[int, int, str]
    pattern: str
    confidence: float
    mentions: tuple[tuple[int, int, str], ...] = ()
    located: Place | None = None  # what `place` resolves to: country, coordinates, GeoNames id
    contexts: tuple[str, ...] = ()  # PLOVER contexts: what the event is about (events/contexts.py)

    def key(self) -> tuple[Any, ...]:
        party = lambda p: p.party if p else None  # noqa: E731
        return (self.type, party(self.source), party(self.target), self.polarity, self.modality)

    def to_dict(self) -> dict[str, Any]:
        span = lambda s: {"start": s[0], "end": s[1], "text": s[2]}  # noqa: E731
        return {
            "id": self.id, "type": self.type,
            "plover_type": plover_type(self.type, self.modality, self.polarity),
            "mode": self.mode, "contexts": list(self.contexts), "cameo": self.cameo,
            "cameo_root": self.cameo_root, "quad_class": self.quad_class,
            "intensity": self.intensity,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "polarity": self.polarity, "modality": self.modality, "date": self.date,
            "date_text": self.date_text, "place": self.place, "place_text": self.place_text,
            **_located(self.located),
            "evidence": span(self.evidence), "trigger": span(self.trigger),
            "pattern": self.pattern, "confidence": self.confidence,
            "mentions": [span(m) for m in (self.mentions or (self.evidence,))],
        }


def _located(place: Place | None) -> dict[str, Any]:
    """The structured place fields of the document JSON (all null when unresolved)."""
    return {"place_country": place.country if place else None,
            "place_kind": place.kind if place else None,
            "place_admin1": place.admin1 if place else None,
            "place_lat": place.lat if place else None,
            "place_lon": place.lon if place else None,
            "place_id": place.geonames_id if place else None}
