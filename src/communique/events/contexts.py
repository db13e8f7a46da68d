"""PLOVER contexts: what an event is about, beside what is done.

PLOVER (and POLECAT) tag events with contexts such as `economic`, `military`, `cbrn`,
`election` or `humanitarian`: "imposed tariffs on steel" is a SANCTION in an economic
context, "imposed sanctions over the nuclear programme" one in a `cbrn` context. An event
gets the contexts its CAMEO code implies and those whose words appear in the trigger's
own phrase (data/contexts.json; docs/events.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from .lexicon import data_json
from .records import Event

#: clauses under a trigger that tell events of their own, not what this one is about
OTHER_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "parataxis", "acl"})


class ContextTagger:
    """Adds `contexts` to events from their CAMEO code and the words of their phrase."""

    def __init__(self, by_cameo: dict[str, list[str]], by_word: dict[str, list[str]]) -> None:
        self.by_cameo = by_cameo
        self.order = {name: i for i, name in enumerate(by_word)}
        self.by_word: dict[str, list[str]] = {}
        for name, words in by_word.items():
            for word in words:
                self.by_word.setdefault(word, []).append(name)

    def for_code(self, cameo: str | None) -> list[str]:
        """The contexts of the longest listed prefix of a CAMEO code ("0331" -> economic)."""
        code = cameo or ""
        while code:
            if code in self.by_cameo:
                return list(self.by_cameo[code])
            code = code[:-1]
        return []

    def for_words(self, tokens: Sequence[Token]) -> list[str]:
        found: list[str] = []
        for tok in tokens:
            for word in (tok.lemma_.lower(), tok.lower_):
                for name in self.by_word.get(word, ()):
                    if name not in found:
                        found.append(name)
        return found

    def __call__(self, doc: Doc, events: Sequence[Event]) -> list[Event]:
        out = []
        for event in events:
            names = self.for_code(event.cameo)
            names += [n for n in self.for_words(_phrase(doc, event)) if n not in names]
            names.sort(key=lambda n: self.order.get(n, len(self.order)))
            out.append(replace(event, contexts=tuple(names)))
        return out


def _phrase(doc: Doc, event: Event) -> list[Token]:
    """The trigger and the words it governs, without the clauses that tell other events
    ("imposed sanctions after Iran enriched uranium": the sanctions are not about the
    uranium as far as this phrase says)."""
    span = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    tokens: list[Token] = []
    stack = [root]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in OTHER_CLAUSES or c.i in
                     range(span.start, span.end))
    return tokens


@lru_cache(maxsize=1)
def default_tagger() -> ContextTagger:
    data = data_json("contexts.json")
    return ContextTagger(data["by_cameo"], data["by_word"])


def tag_contexts(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """The events with their PLOVER contexts."""
    return default_tagger()(doc, events)
