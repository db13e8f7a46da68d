"""Actors: the knowledge base and the resolution of mentions to canonical actors.

    >>> from communique.actors import default_kb
    >>> kb = default_kb()
    >>> kb.lookup("Zelensky")
"""

from __future__ import annotations

from functools import lru_cache

from .kb import (
    Country,
    Entry,
    KnowledgeBase,
    Organisation,
    Person,
    Role,
    Title,
    default_kb,
    load_kb,
)
from .records import Actor, ActorMention

__all__ = [
    "Actor",
    "ActorMention",
    "Country",
    "Entry",
    "KnowledgeBase",
    "Organisation",
    "Person",
    "Role",
    "Title",
    "add_actor_components",
    "default_kb",
    "igo_codes",
    "load_kb",
    "resolver_for_eval",
]


def add_actor_components(nlp):  # noqa: ANN001, ANN201 - spaCy Language in, same out
    """Add the entity ruler (after the NER) and the resolver (last) to a pipeline."""
    from . import components  # noqa: F401  (registers the factories)

    if "communique_actor_ruler" not in nlp.pipe_names:
        nlp.add_pipe("communique_actor_ruler", after="ner" if "ner" in nlp.pipe_names else None)
    if "communique_actors" not in nlp.pipe_names:
        nlp.add_pipe("communique_actors", last=True)
    return nlp


def resolver_for_eval():  # noqa: ANN201
    """Name -> actor id through the knowledge base (None when unknown or ambiguous)."""
    kb = default_kb()

    @lru_cache(maxsize=4096)
    def resolve(name: str) -> str | None:
        entries = kb.lookup(name)
        kinds = {(e.kind, e.id) for e in entries if e.how != "demonym"}
        if len(kinds) != 1:
            return None
        kind, key = next(iter(kinds))
        prefix = {"person": "person", "organisation": "org", "country": "country",
                  "region": "region"}[kind]
        return f"{prefix}:{key}"

    return resolve


def igo_codes() -> set[str]:
    kb = default_kb()
    return {o.code for o in kb.organisations.values() if o.kind in ("igo", "group")}
