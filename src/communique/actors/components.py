"""spaCy components of the actors stage, registered by name when this module is imported.

- `communique_actor_ruler`: marks every surface form of the knowledge base as an entity
  (people PERSON, countries and capitals GPE, demonyms NORP, organisations and seats of
  power ORG), so that known actors are never mis-typed by the statistical NER.
- `communique_actors`: resolves entity mentions, titles ("the Ukrainian leader") and
  pronouns to canonical actors as of `doc._.article_date`, and sets `doc._.actors`.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .kb import KnowledgeBase, default_kb

if not Doc.has_extension("article_date"):
    Doc.set_extension("article_date", default=None)
if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=())  # actors that take part in what is told
if not Doc.has_extension("all_actors"):
    Doc.set_extension("all_actors", default=())  # places and modifiers too ("in Moscow")
if not Doc.has_extension("places"):
    Doc.set_extension("places", default=None)  # entity start char -> communique.places.Place

_NER_CONTAINERS = {"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
_PLACE_LABELS = {"GPE", "NORP", "LOC"}


def _stoplist() -> set[str]:
    text = resources.files("communique.actors").joinpath("data/surname_stoplist.txt").read_text("utf-8")
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


class ActorRuler:
    """A phrase matcher over the knowledge base's surface forms (case-sensitive)."""

    def __init__(self, nlp: Language, name: str, kb: KnowledgeBase | None = None) -> None:
        self.name = name
        kb = kb or default_kb()
        self.kb = kb
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        stop = _stoplist()
        by_label: dict[str, set[str]] = {}
        for surface, label, _entry in kb.surfaces():
            if surface in stop:
                continue
            by_label.setdefault(label, set()).add(surface)
        for label, surfaces in by_label.items():
            texts = sorted(surfaces)
            self.matcher.add(label, [nlp.make_doc(text) for text in texts])

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label=match_id)
                 for match_id, start, end in self.matcher(doc)]
        if not found:
            return doc
        known = filter_spans(found)
        keep = []
        for ent in doc.ents:
            inside = [k for k in known if k.start < ent.end and ent.start < k.end]
            if not inside:
                keep.append(ent)
            elif (ent.label_ in _NER_CONTAINERS and all(k.label_ in _PLACE_LABELS for k in inside)
                  and all(ent.start <= k.start and k.end <= ent.end for k in inside)
                  and len(ent) > max(len(k) for k in inside)):
                keep.append(ent)  # "Ukrainian Defense Forces": the organisation, not "Ukrainian"
                known = [k for k in known if k not in inside]
            elif (ent.label_ == "PERSON" and all(k.label_ == "PERSON" for k in inside)
                  and all(ent.start <= k.start and k.end <= ent.end for k in inside)
                  and self._other_person(ent, inside)):
                keep.append(ent)  # "Richard Bennett" is not the known "Bennett" (Naftali)
                known = [k for k in known if k not in inside]
        doc.ents = filter_spans([*keep, *known])
        return doc


    def _other_person(self, ent: Span, inside: list[Span]) -> bool:
        """Whether the NER's longer name names someone else than the known person it
        contains: none of its other words is like a part of that person's names
        ("Richard Bennett" vs Naftali Bennett; but "Sergey Ryabkov" is Sergei Ryabkov)."""
        covered = {t.i for k in inside for t in k}
        extra = [t.text.lower() for t in ent if t.i not in covered and t.is_alpha and t.text[:1].isupper()]
        if not extra:
            return False
        parts = {w.lower() for k in inside for e in self.kb.lookup(k.text) if e.kind == "person"
                 for name in (self.kb.people[e.id].name, *self.kb.people[e.id].aliases)
                 for w in name.split()}
        return not any(fuzz.ratio(word, part) >= 60 for word in extra for part in parts)


@Language.factory("communique_actor_ruler", assigns=["doc.ents"], requires=["doc.ents"])
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


@Language.factory(
    "communique_actors",
    assigns=["doc._.actors", "doc._.all_actors"],
    requires=["doc.ents", "token.dep", "token.pos", "doc.sents", "doc._.article_date"],
)
def make_actor_resolver(nlp: Language, name: str):  # noqa: ANN201 - spaCy factory
    from .resolve import ActorResolver

    return ActorResolver(default_kb(), nlp.vocab)


def set_article_date(doc: Doc, day: dt.date | None) -> Doc:
    doc._.article_date = day
    return doc
