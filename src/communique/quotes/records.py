"""Quotation records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Quote:
    """A quotation: `start`/`end` cover the quoted words (without the marks) for a direct
    quote, or the reported clause for indirect and mixed speech."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # direct, indirect, mixed
    speaker: str | None  # actor id
    speaker_text: str | None
    speaker_name: str | None
    speakers: tuple[str, ...] = ()
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    channel: str | None = None
    events: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "start": self.start, "end": self.end,
                "kind": self.kind, "speaker": self.speaker, "speaker_text": self.speaker_text,
                "speaker_name": self.speaker_name, "speakers": list(self.speakers),
                "cue": self.cue, "cue_start": self.cue_start, "cue_end": self.cue_end,
                "channel": self.channel, "events": list(self.events)}
