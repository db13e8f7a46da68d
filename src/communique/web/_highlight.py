"""Mark actor mentions, quotes and event triggers in an article's text, safely.

The text is split at every span boundary in Python; each piece is escaped and wrapped
in the elements of the spans that cover it. Nothing from the article reaches the page
unescaped, whatever it contains (`<script>`, quotes, ampersands).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

#: Nesting order, outermost first: a quote holds triggers, which may hold a mention.
_LAYERS = ("quote", "event", "actor")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # quote, event, actor
    title: str  # shown on hover
    href: str | None = None  # a link (actor pages)
    anchor: str | None = None  # an id for the first piece, to jump to
    css: str = ""  # extra classes (quad class of an event, ...)


def _open(span: Span, first: bool) -> str:
    attrs = f' title="{escape(span.title)}"'
    if span.anchor and first:
        attrs += f' id="{escape(span.anchor)}"'
    classes = escape(f"hl {span.kind} {span.css}".strip())
    if span.kind == "actor" and span.href:
        return f'<a class="{classes}" href="{escape(span.href)}"{attrs}>'
    tag = "mark" if span.kind == "event" else "span"
    return f'<{tag} class="{classes}"{attrs}>'


def _close(span: Span) -> str:
    if span.kind == "actor" and span.href:
        return "</a>"
    return "</mark>" if span.kind == "event" else "</span>"


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """`text` as HTML with every span marked; spans may overlap and nest."""
    usable = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    points = sorted({0, len(text)} | {s.start for s in usable} | {s.end for s in usable})
    out: list[str] = []
    for left, right in zip(points, points[1:], strict=False):
        active = [s for s in usable if s.start <= left and s.end >= right]
        active.sort(key=lambda s: (_LAYERS.index(s.kind) if s.kind in _LAYERS else 9, s.start))
        piece = str(escape(text[left:right]))
        for span in reversed(active):
            piece = _open(span, span.start == left) + piece + _close(span)
        out.append(piece)
    return Markup("".join(out))


QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def _side(part: dict[str, Any] | None) -> str:
    if not part:
        return "?"
    name = part.get("name") or part.get("text") or "?"
    return f"{name} ({part['party']})" if part.get("party") else str(name)


def event_title(event: dict[str, Any]) -> str:
    quad = QUAD_NAMES.get(event.get("quad_class") or 0, "")
    bits = [f"{event['type']}: {_side(event.get('source'))} → {_side(event.get('target'))}",
            f"{event.get('polarity')}, {event.get('modality')}"]
    if quad:
        bits.append(f"{quad}, intensity {event.get('intensity')}")
    if event.get("date"):
        bits.append(f"date {event['date']}")
    return " · ".join(bits)


def document_spans(document: dict[str, Any], actor_url: Any) -> list[Span]:
    """The spans of a document JSON: actor mentions, quotes and event triggers."""
    spans: list[Span] = []
    for actor in document.get("actors", []):
        what = actor.get("title") or actor.get("kind") or ""
        for mention in actor.get("mentions", []):
            spans.append(Span(mention["start"], mention["end"], "actor",
                              f"{actor['name']} — {what} ({mention.get('how') or 'named'})",
                              href=actor_url(actor["id"]), css=f"kind-{actor.get('kind')}"))
    for i, quote in enumerate(document.get("quotes", [])):
        speaker = quote.get("speaker_name") or quote.get("speaker_text") or "unknown speaker"
        bits = [f"{quote.get('kind')} quote by {speaker}"]
        if quote.get("cue"):
            bits.append(f"cue “{quote['cue']}”")
        if quote.get("channel"):
            bits.append(f"via {quote['channel']}")
        spans.append(Span(quote["start"], quote["end"], "quote", " · ".join(bits),
                          anchor=f"q-{i}", css=f"kind-{quote.get('kind')}"))
    for i, event in enumerate(document.get("events", [])):
        trigger = event.get("trigger") or {}
        if "start" in trigger:
            spans.append(Span(trigger["start"], trigger["end"], "event", event_title(event),
                              anchor=f"t-{i}", css=f"quad-{event.get('quad_class') or 0}"))
    return spans


def legend_counts(spans: Sequence[Span]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.kind] = counts.get(span.kind, 0) + 1
    return counts
