"""Resolution of mentions to canonical actors, as of the article's date.

For each article: knowledge-base names (choosing among people who share a name by who
is already in the article and who held office on the date), people not in the
knowledge base (described by the title and modifiers around their name), titles used
alone ("the Ukrainian leader", "the NATO chief"), surnames after a full name, and
third-person pronouns (to the most salient compatible person, after Lappin and Leass).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from importlib import resources
from itertools import takewhile

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..places import PLACE_NOUNS, SITE_NOUNS, Place, gazetteer
from .kb import Entry, KnowledgeBase, Organisation, Person, Title, _strip_the, fold, slug
from .records import Actor, ActorMention

PERSON_LABELS = {"PERSON"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
OTHER_LABELS = {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
COMPASS = {"east", "west", "north", "south", "eastern", "western", "northern", "southern"}
# the prepositions after which a name the NER took for a person is a place
IN_PLACE = frozenset({"in", "near", "outside", "inside", "around", "across", "throughout"})
LOCATIVE = {"in", "at", "from", "across", "into", "near", "inside", "outside", "throughout",
            "around", "within", "via", "toward", "towards", "through", "between", "among"}
HEAD_ROLES_COUNTRY = ("supreme leader", "president", "prime minister", "chancellor", "king",
                      "queen", "emir", "premier", "crown prince", "emperor")
# "anti-Syria": never that actor; "pro-Russian" stays (supporters are often its proxies)
STANCE_PREFIXES = {"anti"}
# the groups a place alone says are that place's people ("students throughout Indonesia")
LOCAL_GROUP_SECTORS = frozenset({"CVL", "OPP", "REB", "LEG"})
# words for a news outlet before its name ("the newspaper X", "the daily X")
MEDIA_NOUNS = frozenset({"newspaper", "daily", "weekly", "tabloid", "magazine", "broadcaster",
                         "outlet", "agency"})
# a country's representatives to an international body act for the country
REPRESENTATIVE_ROLES = frozenset({"ambassador", "ambassador to the un", "envoy",
                                  "permanent representative", "deputy ambassador"})
# the words inside a description before a name: "Secretary of State", "Planning and
# Investment Minister", "Minister for Foreign Affairs"
TITLE_JOINERS = frozenset({"of", "and", "for", "&"})
# "the younger Lai": of two people sharing a surname, the one introduced later
YOUNGER = frozenset({"younger", "junior"})
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}
OBJECT_DEPS = {"dobj", "obj", "dative", "attr", "oprd"}
ACTING_DEPS = {"nsubj", "nsubjpass", "agent", "dobj", "dative", "poss", "attr", "ROOT", "oprd"}
ACTING_PREPS = {"with", "against", "by", "to", "on", "toward", "towards", "between", "for",
                "of", "over", "upon", "onto"}
ORG_WORDS = {"ministry", "department", "office", "council", "party", "agency", "group", "bank",
             "company", "corp", "inc", "ltd", "association", "institute", "university",
             "center", "centre", "forces", "army", "union", "committee", "commission", "court",
             "assembly", "parliament", "government", "administration", "service", "foundation",
             "fund", "organization", "organisation", "network", "news", "times", "post",
             "journal", "media", "press", "tv", "radio", "front", "movement", "alliance",
             "coalition", "league", "federation", "board", "authority", "bureau", "police",
             "guard", "navy", "corps", "brigade", "house", "senate", "congress", "club",
             "society", "church", "school", "college", "hospital", "airlines", "watch",
             "international", "project", "initiative", "forum", "program"}
SPEAKING_NOUNS = {"statement", "communique", "declaration", "announcement", "delegation",
                  "proposal", "plan", "offer", "demand"}
NOUN_SECTORS = {
    "forces": "MIL", "force": "MIL", "troops": "MIL", "army": "MIL", "military": "MIL",
    "soldiers": "MIL", "navy": "MIL", "officials": "GOV", "official": "GOV",
    "government": "GOV", "authorities": "GOV", "diplomats": "GOV", "ministry": "GOV",
    "leaders": "GOV", "lawmakers": "LEG", "parliament": "LEG", "police": "COP",
    "rebels": "REB", "militants": "REB", "protesters": "CVL", "people": "CVL",
    "citizens": "CVL", "media": "MED", "companies": "BUS", "businesses": "BUS",
}
#: Groups named by what a speaker calls them ("Western warmongers", "Russian occupiers"):
#: the demonym names the actor, the noun is the speaker's label, not a sector.
LABEL_GROUPS = {"instigator", "warmonger", "aggressor", "occupier", "invader", "terrorist",
                "criminal", "puppet", "provocateur", "mercenary", "extremist", "fascist", "nazi",
                "imperialist", "colonizer", "coloniser", "oppressor", "sponsor", "patron"}
# More groups a nationality adjective names as its country's actor ("Kenyan doctors",
# "Syrian tanks", "Chilean and Peruvian warships"): people acting as a group, and the
# weapons and vessels that stand for the armed forces using them.
NOUN_SECTORS |= {
    "soldier": "MIL", "servicemen": "MIL", "officers": "MIL", "commanders": "MIL",
    "tanks": "MIL", "warships": "MIL", "vessels": "MIL", "ships": "MIL", "aircraft": "MIL",
    "warplanes": "MIL", "jets": "MIL", "helicopters": "MIL", "gunships": "MIL",
    "drones": "MIL", "artillery": "MIL", "bulldozers": "MIL", "paratroopers": "MIL",
    "marines": "MIL", "peacekeepers": "MIL",
    "negotiators": "GOV", "delegation": "GOV", "envoys": "GOV", "ministers": "GOV",
    "administration": "GOV", "inspectors": "GOV", "investigators": "GOV",
    "intelligence": "GOV", "agents": "GOV", "guards": "COP", "policemen": "COP",
    "judge": "JUD", "judges": "JUD", "court": "JUD", "prosecutors": "JUD",
    "legislators": "LEG", "deputies": "LEG", "parliamentarians": "LEG",
    "guerrillas": "REB", "guerillas": "REB", "insurgents": "REB", "separatists": "REB",
    "fighters": "REB", "militia": "REB", "militias": "REB", "militiamen": "REB",
    "demonstrators": "CVL", "students": "CVL", "workers": "CVL", "farmers": "CVL",
    "youths": "CVL", "civilians": "CVL", "villagers": "CVL", "doctors": "CVL",
    "prisoners": "CVL", "detainees": "CVL", "refugees": "REF", "immigrants": "CVL",
    "fishermen": "CVL", "nationals": "CVL", "hackers": "CVL", "activists": "CVL",
    "opposition": "OPP", "journalists": "MED", "newspaper": "MED", "firms": "BUS",
}


def _speech_verbs() -> frozenset[str]:
    text = resources.files("communique.actors").joinpath("data/speech_verbs.txt").read_text("utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


SPEECH_VERBS = _speech_verbs()


# mentions kept for the events stage only: a nationality adjective on a thing ("Afghan
# soil") and a capital that is only a place ("in Moscow")
EVENTS_ONLY = ("modifier", "place")


@dataclass
class _Found:
    actor: Actor
    acting: bool = False
    mentions: list[ActorMention] = field(default_factory=list)
    salience_marks: list[tuple[int, int, float]] = field(default_factory=list)  # (sent, tok, weight)


class _DocActors:
    """The actors of one document as they are found, in text order."""

    def __init__(self) -> None:
        self.found: dict[str, _Found] = {}
        self.order: list[str] = []
        self.covered: set[int] = set()  # token indices already part of a mention
        # lower-case words describing a person where he or she is named ("Balochistan
        # Chief Minister X", "X, the divisional railway superintendent"), for "the chief
        # minister" or "the railway official" later on
        self.described: dict[str, set[str]] = {}
        # the countries the article names, which choose among towns of one name (a
        # document prior), and the places resolved, by entity start character
        self.prior: frozenset[str] = frozenset()
        self.places: dict[int, Place] = {}

    def add(self, actor: Actor, span: Span | Token, how: str, weight: float = 0.0,
            acting: bool = True, sector: str | None = None) -> None:
        if isinstance(span, Token):
            start, end, text, sent_start, i = span.idx, span.idx + len(span), span.text, span.sent.start, span.i
            tokens = [span.i]
        else:
            start, end, text, sent_start, i = span.start_char, span.end_char, span.text, span.sent.start, span.root.i
            tokens = list(range(span.start, span.end))
        entry = self.found.get(actor.id)
        if entry is None:
            entry = self.found[actor.id] = _Found(actor)
            self.order.append(actor.id)
        entry.acting = entry.acting or acting
        entry.mentions.append(ActorMention(start=start, end=end, text=text, how=how,
                                           sentence=sent_start, sector=sector))
        entry.salience_marks.append((sent_start, i, weight))
        self.covered.update(tokens)

    def people(self) -> Iterator[_Found]:
        for key in self.order:
            if self.found[key].actor.kind == "person":
                yield self.found[key]

    def actors(self, sentence_index: dict[int, int], acting_only: bool = True) -> list[Actor]:
        out = []
        for key in self.order:
            item = self.found[key]
            if acting_only and not item.acting:
                continue  # only ever a place or a modifier: "in Paris", "Ukraine conflict"
            mentions = tuple(replace(m, sentence=sentence_index.get(m.sentence, -1))
                             for m in sorted(item.mentions, key=lambda m: m.start))
            out.append(replace(item.actor, mentions=mentions))
        return out


class ActorResolver:
    """The `communique_actors` component: sets `doc._.actors`."""

    def __init__(self, kb: KnowledgeBase, vocab: Vocab | None = None) -> None:
        self.kb = kb
        self._acting_ids: set[str] = set()
        self.title_max = max((len(v.split()) for v in kb.titles), default=1)
        self._title_matcher = None
        if vocab is not None:
            from spacy.matcher import PhraseMatcher
            from spacy.tokens import Doc as _Doc

            self._title_matcher = PhraseMatcher(vocab, attr="LOWER")
            self._title_matcher.add("TITLE", [_Doc(vocab, words=v.split()) for v in kb.titles])

    @cached_property
    def _names(self) -> dict[str, str]:
        """Full names and full-name aliases, for names spelled a little otherwise
        ("Francois Mitterand"); an alias two people share is left out."""
        names = {p.name: p.id for p in self.kb.people.values()}
        aliases: dict[str, set[str]] = {}
        for p in self.kb.people.values():
            for alias in p.aliases:
                if len(alias.split()) >= 2 and alias not in names:
                    aliases.setdefault(alias, set()).add(p.id)
        return names | {a: next(iter(ids)) for a, ids in aliases.items() if len(ids) == 1}

    def __call__(self, doc: Doc) -> Doc:
        every = self.resolve(doc, doc._.article_date)
        doc._.all_actors = tuple(every)
        # a nationality adjective on a thing ("Afghan soil") is for the events stage only
        doc._.actors = tuple(replace(a, mentions=tuple(m for m in a.mentions if m.how not in EVENTS_ONLY))
                             for a in every if a.id in self._acting_ids)
        return doc

    # -- actors from the knowledge base ---------------------------------------------------
    def person_actor(self, person: Person, day: dt.date | None, titled: str | None = None) -> Actor:
        """The person as of `day`, in the role the text gives him or her where several
        are held ("Crown Prince Mohammed bin Salman", also prime minister), else the main one."""
        role = next((r for r in person.roles_on(day) if r.role == titled), None) if titled else None
        role = role or person.role_on(day)
        org = self.kb.organisations.get(role.org) if role and role.org else None
        if role is None:
            party = person.citizenship
            return Actor(id=f"person:{person.id}", name=person.name, kind="person",
                         country=person.citizenship, party=party, code=party, qid=person.qid)
        country = role.country or (org.country if org else None)
        party = role.country or (org.country if org and org.kind == "organisation" else None) \
            or (org.code if org else None)
        if country:
            code = country + (role.sector if role.sector not in (None, "IGO") else "")
        elif org:
            code = "IGO" + org.code
        else:
            code = None
        return Actor(id=f"person:{person.id}", name=person.name, kind="person", country=country,
                     sector=role.sector, role=role.role, title=role.title,
                     organisation=org.name if org else None, party=party, code=code,
                     qid=person.qid)

    def org_actor(self, org: Organisation) -> Actor:
        national = org.kind == "organisation" and org.country
        sector = org.sector or ("IGO" if org.kind in ("igo", "group") else None)
        party = org.country if national else org.code
        code = (f"{org.country}{sector or ''}") if national else (
            "IGO" + org.code if org.kind in ("igo", "group") else org.code)
        return Actor(id=f"org:{org.id}", name=org.name, kind=org.kind, country=org.country,
                     sector=sector, organisation=org.name, party=party, code=code, qid=org.qid)

    def country_actor(self, code: str) -> Actor:
        """One actor per country or region; the sector a metonym implies ("the Kremlin":
        GOV) is kept on the mention."""
        country = self.kb.countries[code]
        kind = "region" if country.kind == "region" else "country"
        return Actor(id=f"{kind}:{code}", name=country.name, kind=kind,
                     country=code if kind == "country" else None, party=code, code=code)

    # -- the pass over a document -----------------------------------------------------------
    def resolve(self, doc: Doc, day: dt.date | None) -> list[Actor]:
        found = _DocActors()
        ents = [ent for ent in doc.ents if ent.label_ in ACTOR_LABELS]
        for ent in doc.ents:
            if ent.label_ not in OTHER_LABELS:
                continue
            if self._speaking_name(ent):
                # '"...," Imran Hayat, the railway superintendent, told VOA': a speaking name
                # the statistical NER took for a title or a product is a person
                ents.append(Span(doc, ent.start, ent.end, label="PERSON"))
            elif self._where(ent):
                # "an oil depot near Kursk" (NER: PRODUCT): a name after a preposition of place
                ents.append(Span(doc, ent.start, ent.end, label="GPE"))
        titles = list(self._title_spans(doc))  # the title matcher runs once per document
        ents = self._titled_names(doc, sorted(ents, key=lambda e: e.start), titles)
        ents = self._cut_at_titles(doc, ents, titles)
        found.prior = frozenset(e.id for ent in ents if ent.label_ in ("GPE", "NORP")
                                for e in self.kb.lookup(ent.text) if e.kind == "country")
        doc._.places = found.places
        # every step in text order, so that later mentions can look back at earlier ones
        steps: list[tuple[int, Callable[[], None]]] = []
        steps += [(ent.start, partial(self._entity, ent, found, day)) for ent in ents]
        steps += [(tok.i, partial(self._pronoun, tok, found)) for tok in doc
                  if tok.lower_ in PRONOUNS and tok.pos_ == "PRON"]
        steps += [(tok.i, partial(self._first_person, tok, found)) for tok in doc
                  if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON" and tok.text != "US"]
        steps += [(tok.i, partial(self._it, tok, found)) for tok in doc
                  if tok.lower_ in ("it", "its") and tok.dep_ in ("nsubj", "nsubjpass", "poss")
                  and not _pleonastic(tok)]
        steps += [(start, partial(self._title_only, doc, start, end, title, found, day))
                  for start, end, title in self._bare_titles(doc, titles)]
        for _, step in sorted(steps, key=lambda item: item[0]):
            step()
        self._surnames(doc, found)
        sentence_index = {sent.start: i for i, sent in enumerate(doc.sents)}
        self._acting_ids = {k for k, item in found.found.items() if item.acting}
        return found.actors(sentence_index, acting_only=False)

    @staticmethod
    def _surnames(doc: Doc, found: _DocActors) -> None:
        """Later surnames the NER missed or mis-typed ("Adamu said") join the person named
        in full earlier in the article."""
        first_seen: dict[str, tuple[int, _Found]] = {}
        for item in found.people():
            parts = item.actor.name.split()
            if len(parts) >= 2 and item.mentions:
                start = min(m.start for m in item.mentions)
                # the family name comes last in most names and first in Chinese, Korean
                # and Vietnamese ones ("Fu Cong ... Fu said")
                for key in {parts[0], parts[-1]}:
                    if key in first_seen and first_seen[key][1] is not item:
                        first_seen[key] = (-1, item)  # two people share it: leave it
                    else:
                        first_seen[key] = (start, item)
        for tok in doc:
            if tok.i in found.covered or not (tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and (
                    tok.text[:1].isupper() and tok.i != tok.sent.start)):
                continue  # the tagger takes some surnames for plural nouns ("Creemers said")
            hit = first_seen.get(tok.text)
            if hit and 0 <= hit[0] < tok.idx and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                found.add(hit[1].actor, tok, "surname", ActorResolver._weight(tok))

    def _titled_names(self, doc: Doc, ents: list[Span],
                      titles: list[tuple[int, int, Title]]) -> list[Span]:
        """A capitalised name right after a title ("spokesperson Randhir Jaiswal") is a
        person even where the statistical NER missed it or gave it another label."""
        person_tokens = {i for ent in ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
        added: list[Span] = []
        for _start, end, _title in titles:
            stop = end
            while stop < len(doc) and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper() \
                    and stop - end < 4:
                stop += 1
            if stop - end < 2 or any(i in person_tokens for i in range(end, stop)):
                continue  # one word after a title is often a place or a body, not a name
            if any(e.kind != "person" for e in self.kb.lookup(doc[end:stop].text)):
                continue
            added.append(Span(doc, end, stop, label="PERSON"))
        if not added:
            return ents
        covered = {i for span in added for i in range(span.start, span.end)}
        kept = [ent for ent in ents if not any(i in covered for i in range(ent.start, ent.end))]
        return kept + added

    def _cut_at_titles(self, doc: Doc, ents: list[Span],
                       titles: list[tuple[int, int, Title]]) -> list[Span]:
        """"British Defence Secretary Tom King" (NER: ORG "British Defence"): an
        organisation name the knowledge base does not know that runs into a title is
        the modifier before the title, a country's name or demonym ("U.S. military
        officials" keeps the known "U.S. military")."""
        out = []
        for ent in ents:
            cut = next((start for start, end, _ in titles if ent.start < start < ent.end < end), None)
            if ent.label_ != "ORG" or cut is None or self.kb.lookup(ent.text):
                out.append(ent)
                continue
            kinds = {e.kind: e.how for e in self.kb.lookup(doc[ent.start:cut].text)}
            if "country" in kinds:
                out.append(Span(doc, ent.start, cut, label="NORP" if kinds["country"] == "demonym" else "GPE"))
        return out

    @staticmethod
    def _weight(span: Span | Token) -> float:
        root = span.root if isinstance(span, Span) else span
        weight = 100.0
        if root.dep_ in ("appos", "conj") and root.head.pos_ == "PROPN" and root.head.dep_ == "pobj":
            # "Like Lutnick, Kevin Hassett, director of ..., said": a subject the parser hung
            # on a fronted phrase; the clause has no other subject
            verb = root.head.head.head
            if verb.pos_ in ("VERB", "AUX") and root.head.head.i < verb.i and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                return weight + 130
        if root.dep_ in SUBJECT_DEPS:
            weight += 80
        elif root.dep_ in OBJECT_DEPS:
            weight += 50
        elif root.dep_ == "pobj":
            weight += 40
        if root.head.pos_ in ("VERB", "AUX") or root.dep_ == "ROOT":
            weight += 50  # not embedded in another noun phrase
        return weight

    def _entity(self, ent: Span, found: _DocActors, day: dt.date | None) -> None:
        if _stance_prefixed(ent):
            return  # "an anti-Syria journalist" is no Syrian actor
        owner = next((t for t in ent if t.tag_ == "POS"), None)
        if owner is not None and ent.end - owner.i == 2 and ent.label_ != "PERSON":
            # "Cornell's Casanova": the person named before, by the institution's name
            earlier = self._earlier_by_part(ent[-1].text, found)
            if earlier is not None:
                found.add(earlier.actor, ent[-1:], "surname", self._weight(ent))
                return
        if ent.label_ in ("GPE", "LOC", "NORP", "FAC") and not any(ch.isupper() for ch in ent.text):
            return  # "the west bank of the river": a common phrase, not the West Bank
        entries = self.kb.lookup(ent.text)
        if ent.label_ in PERSON_LABELS and len(ent) == 1 and ent.start == ent.sent.start \
                and not entries and ent.root.dep_ in ("compound", "amod") \
                and ent.root.head.lower_ in NOUN_SECTORS and ent.root.head.is_lower:
            return  # "Riot police fired ...": a capitalised word opening the sentence, not a person
        if ent.label_ not in PERSON_LABELS and len(ent) == 1 and not entries:
            earlier = self._earlier_by_part(ent.text, found)
            if earlier is not None and ent.text[:1].isupper():
                found.add(earlier.actor, ent, "surname", self._weight(ent))  # NER said ORG
                return
        people = [e for e in entries if e.kind == "person"]
        if not entries and ent.label_ in ("ORG", "GPE", "NORP", "FAC") and self._speaking_name(ent):
            self._person(ent, [], found, day)  # "Rogier Creemers said": the NER said ORG
            return
        if ent.label_ in PERSON_LABELS and not entries and self._where(ent, IN_PLACE) and \
                self._town(ent, found):
            return  # "a school in Khan Younis": no one is "in" a person
        if not entries and self._outlet_named(ent):  # "the opposition newspaper La Prensa"
            found.add(self._outlet(ent), ent, "name", self._weight(ent), self._acting(ent))
            return
        if ent.label_ in PERSON_LABELS or (people and len(people) == len(entries)):
            self._person(ent, people, found, day)
            return
        orgs = [e for e in entries if e.kind == "organisation"]
        places = [e for e in entries if e.kind in ("country", "region")]
        acting = self._acting(ent)
        if ent.label_ in ("ORG", "FAC") or (orgs and not places):
            if orgs:
                org = self.kb.organisations[orgs[0].id]
                # "U.N. peacekeepers", "Red Cross officials", "Republika Srpska lawmakers"
                group = None if acting else _named_group(ent)
                if group is not None and NOUN_SECTORS[group.lower_] == org.sector:
                    group = None  # "U.S. military aircraft": the body's own equipment
                if group is not None:
                    found.add(self.org_actor(org), ent, "alias", self._weight(group),
                              self._acting(group), NOUN_SECTORS[group.lower_])
                    return
                found.add(self.org_actor(org), ent, "alias", self._weight(ent), acting)
                return
            seat = next((p for p in places if p.how == "seat"), None)
            if seat:
                sector = self.kb.countries[seat.id].seats_sector.get(ent.text) or \
                    self.kb.countries[seat.id].seats_sector.get("the " + ent.text) or "GOV"
                found.add(self.country_actor(seat.id), ent, "seat", self._weight(ent), acting,
                          sector)
                return
            spelled = self._acronym_of(ent.text, found)
            if spelled is not None:  # "the Baloch Liberation Army, or BLA": the same group
                found.add(spelled.actor, ent, "alias", self._weight(ent), acting)
                return
            if (ent.label_ == "FAC" or self._where(ent)) and self._town(ent, found):
                return  # "civilians in Bucha", whatever label the statistical NER gave it
            if ent.label_ == "ORG" and self._plausible_org(ent):
                local = self._local_org(ent)
                if local.country or local.in_kb or any(ch.isupper() for ch in ent.text):
                    # "the defense ministry" with no country named: no one to act for
                    found.add(local, ent, "name", self._weight(ent), acting)
            return
        if not places:
            if ent.label_ in PLACE_LABELS or self._where(ent):  # NORP: "the Hodeidah port"
                self._town(ent, found)
            return
        place = min(places, key=lambda e: (e.kind != "country", e.how != "name"))
        if place.how in ("name", "capital") and self._compass_place(ent, place.id, found):
            return
        if ent.label_ in PLACE_LABELS and place.kind == "country" and place.how in ("name", "capital"):
            found.places[ent.start_char] = self._located(ent.text, place.id, place.how)
        led = _led_group(ent)
        if led is not None:  # "Vietnamese-led forces", "the Saudi-led coalition"
            found.add(self.country_actor(place.id), ent, place.how, self._weight(led),
                      self._acting(led), NOUN_SECTORS.get(led.lower_))
            return
        if place.how == "demonym" and _modifier_root(ent.root).dep_ in ("amod", "compound", "nmod"):
            head = _group_head(_modifier_root(ent.root))
            group_sector = NOUN_SECTORS.get(head.lower_)
            if group_sector is None and head.lemma_.lower() not in LABEL_GROUPS:
                # "Ukrainian President ...": part of a person's description;
                # "Ukrainian grain": not acting. "Ukrainian officials": a group. The
                # mention is kept, not acting, for the events stage: "demolished
                # Palestinian homes" has a target, "a French minister" a source.
                found.add(self.country_actor(place.id), ent, "modifier", 0.0, acting=False)
                return
            found.add(self.country_actor(place.id), ent, "demonym", self._weight(head),
                      self._acting(head), group_sector)
            return
        group = None if acting or place.how not in ("name", "capital") else (
            _named_group(ent) or _group_located_in(ent))
        if group is not None:
            # "U.S. negotiators", "the Mozambique government", "the Khartoum government":
            # a country's name on a group noun names that country's actor, as a demonym
            # does; so does the place of a people's group ("opposition rebels in Chad")
            found.add(self.country_actor(place.id), ent, place.how, self._weight(group),
                      self._acting(group), NOUN_SECTORS[group.lower_])
            return
        metonym_sector = "GOV" if place.how in ("capital", "seat") else None
        if place.how == "capital" and not acting:
            # "in Moscow" is a place; "Moscow said" is the government. The place is kept,
            # not acting, for the events stage: only a pattern's explicit preposition slot
            # may take it as a target ("arrived in Amman", "opened an embassy in Jerusalem")
            found.add(self.country_actor(place.id), ent, "place", 0.0, acting=False)
            return
        found.add(self.country_actor(place.id), ent, place.how, self._weight(ent), acting,
                  metonym_sector)

    def _town(self, ent: Span, found: _DocActors) -> bool:
        """A town or region the knowledge base does not know ("civilians in Bucha", "an
        assault on Pokrovsk"): its country, as a place only (never acting), which the
        events stage may take as a target; the place record is kept for the events."""
        place = gazetteer().lookup(ent.text, found.prior)
        words = [t for t in ent if t.dep_ != "det"]
        if place is None and len(words) > 1 and words[-1].lemma_.lower() in SITE_NOUNS:
            # "the Zaporizhzhia nuclear plant" (FAC): the name before the common words
            lead = list(takewhile(lambda t: t.text[:1].isupper(), words))
            if 0 < len(lead) < len(words):
                place = gazetteer().lookup(" ".join(t.text for t in lead), found.prior)
        if place is None:
            return False
        found.places[ent.start_char] = place
        if place.country in self.kb.countries:
            found.add(self.country_actor(place.country), ent, "place", 0.0, acting=False)
        return True

    def _compass_place(self, ent: Span, code: str, found: _DocActors) -> bool:
        """"East Jerusalem": a compass word before a known name that makes another
        country's place (the knowledge base matched "Jerusalem" alone)."""
        if ent.start == 0 or ent.doc[ent.start - 1].lower_ not in COMPASS:
            return False
        wider = ent.doc[ent.start - 1:ent.end]
        place = gazetteer().lookup(wider.text, found.prior)
        if place is None or place.country in (None, code) or place.country not in self.kb.countries:
            return False
        found.places[wider.start_char] = found.places[ent.start_char] = place
        found.add(self.country_actor(place.country), wider, "place", 0.0, acting=False)
        return True

    @staticmethod
    def _where(ent: Span, preps: frozenset[str] | set[str] = LOCATIVE) -> bool:
        """Is the name the object of a preposition of place ("in Bucha", "near Kupiansk"),
        what a place noun is called ("the town of Bucha", "the port of Hodeidah"), or the
        name on a site ("the Zaporizhzhia nuclear plant", "the Kerch bridge")?"""
        root = ent.root
        head = root.head
        if root.dep_ in ("compound", "nmod"):
            while head.dep_ in ("compound", "nmod", "amod") and head.head is not head:
                head = head.head  # "the Zaporizhzhia nuclear power plant"
            return head.lemma_.lower() in SITE_NOUNS
        return root.dep_ == "pobj" and (head.lower_ in preps or (
            head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS))

    def _located(self, text: str, code: str, how: str) -> Place:
        """A country or capital the knowledge base knows, as a place record: GeoNames'
        coordinates and id when the gazetteer agrees on the country."""
        place = gazetteer().lookup(text, {code})
        if place is not None and place.country == code:
            return place
        country = self.kb.countries[code]
        return Place(name=country.name if how == "name" else text, country=code,
                     kind="country" if how == "name" else "city")

    def _speaking_name(self, ent: Span) -> bool:
        """A two- or three-word capitalised name without any organisation word, that
        speaks ("said X", "X told") or is described by a title ("X, a professor at ..."),
        is a person, whatever label the statistical NER gave it."""
        words = [t for t in ent if not t.is_punct]
        if not 2 <= len(words) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper()
                                                and t.text[1:].islower() for t in words):
            return False
        if any(t.lower_ in ORG_WORDS for t in words):
            return False
        root = ent.root
        speaks = root.dep_ in ("nsubj",) and root.head.lemma_ in SPEECH_VERBS
        speaks = speaks or words[-1].text in _speaking_words(ent.doc)  # later "Evenor said"
        described = any(c.dep_ == "appos" and self._title_in(c.doc[c.left_edge.i: c.right_edge.i + 1])
                        for c in root.children)
        return speaks or described

    @staticmethod
    def _acting(span: Span | Token) -> bool:
        """Does the country or organisation take part in what the clause says (subject,
        object, agent, possessor, or the object of "with", "against", "to" ...), rather than
        being a place ("in Paris") or a modifier ("the Ukraine conflict")?"""
        root = span.root if isinstance(span, Span) else span
        while root.dep_ in ("conj", "appos") and root.head is not root:
            root = root.head
        if root.dep_ in ACTING_DEPS:
            return True
        if root.dep_ in ("compound", "poss", "amod", "nmod") and root.head.lemma_.lower() in SPEAKING_NOUNS:
            return True  # "the G7 statement", "the NATO spokesman": the body speaks
        return root.dep_ == "pobj" and root.head.lower_ in ACTING_PREPS

    def _plausible_org(self, ent: Span) -> bool:
        """Not every ORG the statistical NER finds is an organisation: drop one-word
        sentence openers and common words, words of a title ("Secretary of State"), and
        names in quotation marks."""
        doc = ent.doc
        if len(ent) == 1 and (ent.start == ent.sent.start or ent[0].is_stop
                              or ent[0].lower_ in _lower_words(doc)):
            return False
        for j in range(max(ent.sent.start, ent.start - 3), ent.start):
            if " ".join(t.lower_ for t in doc[j:ent.end]) in self.kb.titles:
                return False
        return not any(ch in ent.text for ch in '“”"')

    # -- people ---------------------------------------------------------------------------
    def _person(self, ent: Span, people: list[Entry], found: _DocActors,
                day: dt.date | None) -> None:
        before = len(found.order)
        self._person_actor(ent, people, found, day)
        key = found.order[-1] if len(found.order) > before else _actor_at(found, ent.root)
        if key:
            found.described.setdefault(key, set()).update(
                t.lower_ for span in self._description_spans(ent) for t in span
                if t.is_alpha and not t.is_stop)

    def _person_actor(self, ent: Span, people: list[Entry], found: _DocActors,
                      day: dt.date | None) -> None:
        weight = self._weight(ent)
        younger = ent.start > 0 and ent.doc[ent.start - 1].lower_ in YOUNGER
        if len(ent.text.split()) == 1:
            # "Richard Bennett ... Bennett said": the person the article introduced, not
            # the known person of that name (Naftali Bennett)
            earlier = self._earlier_by_part(ent.text, found, younger)
            if earlier is not None and earlier.actor.id not in {f"person:{e.id}" for e in people}:
                found.add(earlier.actor, ent, "surname", weight)
                return
        if people and all(e.how == "surname" for e in people):
            # a bare surname names a known person only after his or her full name
            people = [e for e in people if f"person:{e.id}" in found.found]
        if people:
            person = self._choose(people, found, day)
            how = "surname" if all(e.how == "surname" for e in people) else "name"
            found.add(self.person_actor(person, day, self._titled_role(ent, person, day)), ent, how, weight)
            return
        words = ent.text.split()
        if len(words) == 1:
            earlier = self._earlier_by_part(ent.text, found, younger)
            if earlier is not None:
                found.add(earlier.actor, ent, "surname", weight)
                return
        else:
            match = process.extractOne(ent.text, list(self._names), scorer=fuzz.ratio,
                                       score_cutoff=92)
            if match:
                person = self.kb.people[self._names[match[0]]]
                found.add(self.person_actor(person, day), ent, "name", weight)
                return
        found.add(self._local_person(ent, day, found.prior), ent, "name", weight)

    def _titled_role(self, ent: Span, person: Person, day: dt.date | None) -> str | None:
        """The role the words around a known person's name give, when he or she holds
        several on the date (only then is the description read)."""
        if len(person.roles_on(day)) < 2:
            return None
        title = self._context(ent)[0] or self._title_in(ent)  # NER: "Crown Prince X" is one name
        return title.role if title else None

    def _choose(self, entries: list[Entry], found: _DocActors, day: dt.date | None) -> Person:
        candidates = [self.kb.people[e.id] for e in entries]
        if len(candidates) == 1:
            return candidates[0]
        present = [p for p in candidates if f"person:{p.id}" in found.found]
        if present:
            return present[-1]
        active = [p for p in candidates if p.role_on(day)]
        pool = active or candidates

        def latest(p: Person) -> dt.date:
            ends = [r.end or dt.date.max for r in p.roles if day is None or r.start is None
                    or r.start <= day]
            return max(ends, default=dt.date.min)

        return max(pool, key=latest)

    @staticmethod
    def _acronym_of(text: str, found: _DocActors) -> _Found | None:
        """The organisation named earlier whose initials `text` spells ("BLA")."""
        if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 6):
            return None
        for key in reversed(found.order):
            item = found.found[key]
            if item.actor.kind == "person":
                continue
            words = [w for w in re.split(r"[\s-]+", item.actor.name) if w[:1].isupper()]
            if "".join(w[0] for w in words) == text:
                return item
        return None

    @staticmethod
    def _earlier_by_part(name: str, found: _DocActors, younger: bool = False) -> _Found | None:
        key = fold(name)
        people = list(found.people())
        sharing = [item for item in people if key in (fold(p) for p in item.actor.name.split())]
        if sharing:
            # "Jimmy Lai ... his son Sebastien Lai ... Lai said": a surname two people of
            # the article share names the one introduced first, the article's subject;
            # the other is named in full or as "the younger Lai"
            return sharing[-1] if younger else sharing[0]
        for item in reversed(people):  # "Pederson" for "Pedersen": one vowel spelled otherwise
            parts = [fold(p) for p in item.actor.name.split()]
            if len(parts) >= 2 and _vowel_variant(key, parts[-1]):
                return item
        return None

    def _context(self, ent: Span) -> tuple[Title | None, list[Entry]]:
        """The title and the country/organisation entries around a name."""
        title: Title | None = None
        entries: list[Entry] = []
        for span in self._description_spans(ent):
            title = title or self._title_in(span)
            for sub in span.ents:
                # "British Defence" (NER: ORG): the known words inside an unknown name
                entries.extend(self.kb.lookup(sub.text) or [
                    e for tok in sub for e in self.kb.lookup(tok.text) if e.kind != "person"])
            if not span.ents:
                for tok in span:
                    entries.extend(e for e in self.kb.lookup(tok.text) if e.kind != "person")
        return title, entries

    @staticmethod
    def _description_spans(ent: Span) -> list[Span]:
        """The words before a name ("Balochistan Chief Minister") and its appositions."""
        doc = ent.doc
        i, window = ent.start - 1, list[Token]()
        while i >= ent.sent.start and len(window) < 10:
            tok = doc[i]
            if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.tag_ == "POS" or tok.text in "()" or (
                    # "U.S. Secretary of State X", "Planning and Investment Minister X"
                    # but not "Libyan leader X and Bulgarian President Y"
                    window and tok.lower_ in TITLE_JOINERS and i > ent.sent.start
                    and doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ") and doc[i - 1].ent_type_ != "PERSON"):
                window.insert(0, tok)
                i -= 1
            else:
                break
        spans = [doc[window[0].i: window[-1].i + 1]] if window else []
        if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of" and doc[ent.end + 1].ent_type_ == "GPE":
            after = next(e for e in doc.ents if e.start <= ent.end + 1 < e.end)
            spans.append(doc[ent.end: after.end])  # "King Hassan of Morocco"
        for child in ent.root.children:
            if child.dep_ == "appos":
                spans.append(doc[child.left_edge.i: child.right_edge.i + 1])
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.i < ent.start:  # "Pakistan's envoy, X, said"
            spans.append(doc[head.left_edge.i: ent.start])
        return spans

    def _title_in(self, span: Span) -> Title | None:
        words = [t.lower_ for t in span]
        best = None
        for n in range(min(self.title_max, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                title = self.kb.titles.get(" ".join(words[i:i + n]))
                if title and (best is None or i + n > best[0]):
                    best = (i + n, title)
            if best:
                return best[1]
        return None

    def _local_person(self, ent: Span, day: dt.date | None, prior: frozenset[str]) -> Actor:
        title, entries = self._context(ent)
        if title is None and not entries and ent.root.dep_ == "conj":
            # "members of the U.S. Senate, Chuck Grassley, Jeanne Shaheen and Jim Risch":
            # names listed together share the description of the first
            first = ent.root
            while first.dep_ == "conj" and first.head is not first:
                first = first.head
            lead = next((e for e in ent.doc.ents if e.start <= first.i < e.end), None)
            if lead is not None and lead.start != ent.start:
                bodies = [e for e in self.kb.lookup(lead.text) if e.kind in ("organisation", "country")]
                title, entries = (None, bodies) if bodies else self._context(lead)
        org = next((self.kb.organisations[e.id] for e in entries if e.kind == "organisation"), None)
        # the first country the description names, directly or through a national body
        # ("the commander of Russian forces in Ukraine": RUS)
        country = next((e.id if e.kind == "country" else self.kb.organisations[e.id].country
                        for e in entries if e.kind == "country" or (
                            e.kind == "organisation" and self.kb.organisations[e.id].country)), None)
        representative = title is not None and title.role in REPRESENTATIVE_ROLES
        if org and org.kind in ("igo", "group") and country and not representative and \
                self._igo_first(entries):
            country = None  # "the UN envoy for Syria X" serves the UN, not Syria
        elif country is None:
            # "Balochistan Chief Minister X", "X, the railway superintendent in Quetta": PAK
            country = self._region_country(ent, title is not None, prior) or (
                None if org else self._leaders_country(ent, title))
        sector = (title.sector if title else None) or (org.sector if org else None)
        if org and org.kind in ("igo", "group") and not (country and representative):
            sector = "IGO"  # "Pakistan's U.N. envoy" serves Pakistan, "the UN envoy" the UN
        party = country or (org.code if org else None)
        code = (country + (sector or "")) if country else ("IGO" + org.code if org else None)
        name = re.sub(r"['’]s$", "", ent.text)  # "Robert Mueller's office": the person
        return Actor(id=f"local:person:{slug(name)}", name=name, kind="person",
                     country=country, sector=sector, role=title.role if title else None,
                     organisation=org.name if org else None, party=party, code=code, in_kb=False)

    def _leaders_country(self, ent: Span, title: Title | None) -> str | None:
        """"Ousted President X has agreed not to return to Kyrgyzstan": a head of state or
        government named with no country is the leader of the one country the sentence
        names."""
        if title is None or title.role not in HEAD_ROLES_COUNTRY:
            return None
        countries = {e.id for sub in ent.sent.ents if sub.label_ in ("GPE", "NORP")
                     for e in self.kb.lookup(sub.text) if e.kind == "country"}
        return countries.pop() if len(countries) == 1 else None

    def _igo_first(self, entries: list[Entry]) -> bool:
        """Does the description name an international body before any country?"""
        for e in entries:
            if e.kind == "country":
                return False
            if e.kind == "organisation":
                org = self.kb.organisations[e.id]
                if org.kind in ("igo", "group"):
                    return True
                if org.country:
                    return False
        return False

    def _region_country(self, ent: Span, titled: bool, prior: frozenset[str]) -> str | None:
        """The country of a province or town named in a person's description, from the
        gazetteer: before the name with a title ("Balochistan Chief Minister", where the
        NER often says ORG), or as a place in an apposition ("X, the railway
        superintendent in Quetta")."""
        spans = self._description_spans(ent)
        before = bool(spans) and spans[0].end <= ent.start
        for n, span in enumerate(spans):
            labels = ("GPE", "LOC", "ORG", "NORP") if n == 0 and before and titled else ("GPE", "LOC")
            if n == 0 and before and not titled:
                continue
            for sub in span.ents:
                if sub.label_ in labels:
                    place = gazetteer().lookup(sub.text, prior)
                    if place is not None and place.country in self.kb.countries:
                        return place.country
        return None

    @staticmethod
    def _outlet_named(ent: Span) -> bool:
        """Is the name right after a word for a news outlet ("the newspaper X", "the
        Israeli daily X", "the news agency X")?"""
        if ent.start == 0 or ent.label_ not in ("PERSON", "ORG", "WORK_OF_ART"):
            return False
        before = ent.doc[ent.start - 1]
        return before.lower_ in MEDIA_NOUNS and (before.lower_ != "agency" or (
            ent.start > 1 and ent.doc[ent.start - 2].lower_ == "news"))

    def _outlet(self, ent: Span) -> Actor:
        """A news outlet the knowledge base does not know, with the country the words
        before it name ("the U.S. newspaper X", "the Israeli daily X")."""
        doc = ent.doc
        country = None
        i = ent.start - 1
        while i >= ent.sent.start and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ") or doc[i].tag_ == "POS"):
            country = country or next((e.id for e in self.kb.lookup(doc[i].text)
                                       if e.kind == "country"), None)
            i -= 1
        name = _strip_the(ent.text)
        return Actor(id=f"local:org:{slug(name)}", name=name, kind="organisation", country=country,
                     sector="MED", party=country, code=f"{country}MED" if country else None,
                     in_kb=False)

    def _local_org(self, ent: Span) -> Actor:
        name = _strip_the(ent.text)
        country = None
        # "Russia's defence ministry": the possessor names the country too
        owners = [c for c in ent.root.children if c.dep_ == "poss" and not (ent.start <= c.i < ent.end)]
        for tok in [*ent, *owners]:
            country = next((e.id for e in self.kb.lookup(tok.text) if e.kind == "country"), None)
            if country:
                break
        if country and owners:  # "Russia's defence ministry" is the known Russian Defence Ministry
            for demonym in self.kb.countries[country].demonyms:
                known = [e for e in self.kb.lookup(f"{demonym} {name}") if e.kind == "organisation"]
                if known:
                    return self.org_actor(self.kb.organisations[known[0].id])
        sector = next((NOUN_SECTORS[t.lower_] for t in ent if t.lower_ in NOUN_SECTORS), None)
        return Actor(id=f"local:org:{slug(name)}", name=name, kind="organisation",
                     country=country, sector=sector, party=country,
                     code=(country + (sector or "")) if country else None, in_kb=False)

    # -- titles alone -----------------------------------------------------------------------
    def _title_spans(self, doc: Doc) -> Iterator[tuple[int, int, Title]]:
        """Longest title phrases, left to right, without overlaps."""
        if self._title_matcher is not None:
            spans = [(s, e) for _, s, e in self._title_matcher(doc)]
        else:
            lower = [t.lower_ for t in doc]
            spans = [(i, i + n) for i in range(len(lower)) for n in range(1, self.title_max + 1)
                     if " ".join(lower[i:i + n]) in self.kb.titles]
        last_end = 0
        for start, end in sorted(spans, key=lambda x: (x[0], -x[1])):
            if start < last_end:
                continue
            last_end = end
            yield start, end, self.kb.titles[" ".join(t.lower_ for t in doc[start:end])]

    @staticmethod
    def _bare_titles(doc: Doc, titles: list[tuple[int, int, Title]]) -> Iterator[tuple[int, int, Title]]:
        """Title phrases not followed by a name: "the Ukrainian leader", "the NATO chief"."""
        for start, end, title in titles:
            after = doc[end] if end < len(doc) else None
            head = doc[end - 1]
            if (after is not None and (after.ent_type_ == "PERSON" or after.pos_ == "PROPN")) \
                    or head.tag_ in ("NNS", "NNPS") or head.ent_type_ == "PERSON":
                continue
            yield start, end, title

    def _title_only(self, doc: Doc, start: int, end: int, title: Title, found: _DocActors,
                    day: dt.date | None) -> None:
        if start in found.covered:
            return
        span = doc[start:end]
        last = span[-1]
        if last.dep_ == "appos" and last.head.ent_type_ == "PERSON":
            return  # "Kenji Tanaka, the UN relief coordinator,": describes the name before
        i, window = start - 1, list[Token]()
        while i >= span.sent.start and len(window) < 6:
            tok = doc[i]
            if tok.pos_ in ("PROPN", "NOUN", "ADJ") or tok.tag_ == "POS":
                window.insert(0, tok)
                i -= 1
            else:
                break
        if not window:
            if i >= 0 and doc[i].lower_ == "the" and not title.head:
                # "the spokesperson said": the person with that role named before
                described = self._described(found, title, span, window)
                if described is not None:
                    found.add(described.actor, span, "title", self._weight(span))
            return
        if not (i >= 0 and doc[i].lower_ in ("the", "a", "its", "their")
                or any(t.tag_ == "POS" for t in window)):
            return
        if doc[i].lower_ == "a":
            return  # "a Russian official": someone, not a known office-holder
        org_id = country = None
        for tok in window:
            for entry in self.kb.lookup(tok.text):
                if entry.kind == "organisation" and org_id is None:
                    org_id = entry.id
                elif entry.kind == "country" and country is None:
                    country = entry.id
        for sub in doc[window[0].i: window[-1].i + 1].ents:
            for entry in self.kb.lookup(sub.text):
                if entry.kind == "organisation":
                    org_id = org_id or entry.id
                elif entry.kind == "country":
                    country = country or entry.id
        if org_id is None and country is None:
            described = self._described(found, title, span, window)
            if described is not None:
                found.add(described.actor, span, "title", self._weight(span))
            return
        org = self.kb.organisations.get(org_id) if org_id else None
        if title.head:
            roles: tuple[str, ...] = org.heads if org and org.heads else (
                ("secretary general", "president") if org else HEAD_ROLES_COUNTRY)
        else:
            roles = (title.role,)
        holders = []
        if org is not None:
            holders = self.kb.holders(day, roles, org=org.id)
            if not holders and org.country:
                holders = self.kb.holders(day, roles, country=org.country)
        if not holders and country:
            holders = self.kb.holders(day, roles, country=country)
        people = list(dict.fromkeys(p for p, _ in holders))
        if not people:
            local = self._local_with_role(found, title, country, org) or \
                self._described(found, title, span, window, country)
            if local is not None:
                found.add(local.actor, span, "title", self._weight(span))
            return
        present = [p for p in people if f"person:{p.id}" in found.found]
        if present:
            person = max(present, key=lambda p: found.found[f"person:{p.id}"].mentions[-1].start)
        elif len(people) == 1:
            person = people[0]
        elif title.head:
            person = min(people, key=lambda p: min(HEAD_ROLES_COUNTRY.index(r.role)
                                                   if r.role in HEAD_ROLES_COUNTRY else 99
                                                   for r in p.roles_on(day)))
        else:
            return  # several spokespeople and nothing to choose by: leave it
        found.add(self.person_actor(person, day), span, "title", self._weight(span))

    def _described(self, found: _DocActors, title: Title, span: Span, window: list[Token],
                   country: str | None = None) -> _Found | None:
        """"the chief minister", "the railway official", "the Commerce chief": the person
        named earlier whose description holds the words of the title and around it (a
        country among them only narrows the choice), the most recently mentioned if
        several."""
        # the words that say which one: those around the title and the title's own
        # modifiers ("military" in "the military spokesperson")
        words = {t.lower_ for t in [*window, *span[:-1]] if t.is_alpha and not t.is_stop
                 and not any(e.kind in ("country", "region") for e in self.kb.lookup(t.text))}
        phrase = {t.lower_ for t in span if t.is_alpha and not t.is_stop}
        best = None
        for item in found.people():
            actor = item.actor
            if country and actor.country not in (None, country):
                continue
            described = found.described.get(actor.id, set())
            if not (words and words <= described or not words and phrase <= described):
                continue
            if best is None or item.mentions[-1].start > best.mentions[-1].start:
                best = item
        return best

    @staticmethod
    def _local_with_role(found: _DocActors, title: Title, country: str | None,
                         org: Organisation | str | None) -> _Found | None:
        """"the Pakistani envoy": the person outside the knowledge base named earlier in the
        article with that role and country."""
        match = None
        for item in found.people():
            actor = item.actor
            if actor.in_kb or actor.role != title.role:
                continue
            if country and actor.country not in (None, country):
                continue
            if match is not None:
                return None  # two candidates: leave it
            match = item
        return match

    # -- pronouns ---------------------------------------------------------------------------
    def _pronoun(self, tok: Token, found: _DocActors) -> None:
        gender = PRONOUNS[tok.lower_]
        sents = {s.start: n for n, s in enumerate(tok.doc.sents)}
        here = sents[tok.sent.start]
        excluded = self._excluded(tok, found)
        # a pronoun outside quotation marks refers to someone the narrative mentions: a
        # name inside a quotation ('"... President Putin ...," he added') is the speaker's
        # topic, not the speaker
        narrative = not _inside_quotes(tok)
        best, best_score = None, 0.0
        for item in found.people():
            person_gender = self._gender(item.actor)
            if person_gender and person_gender != gender:
                continue
            if item.actor.id in excluded:
                continue
            score = 0.0
            for sent_start, index, weight in item.salience_marks:
                if index >= tok.i or narrative and _inside_quotes(tok.doc[index]):
                    continue
                distance = here - sents.get(sent_start, here)
                if distance > 5:
                    continue
                # the most salient mention; among equals, the nearer one
                score = max(score, weight * (0.5 ** distance) - 0.01 * (tok.i - index))
            if score > best_score:
                best, best_score = item, score
        if best is not None:
            # a pronoun keeps its referent salient as a name in that position would
            # ("Hecker said ... He added ...": the next "he" is still Hecker)
            found.add(best.actor, tok, "pronoun", self._weight(tok) if tok.dep_ in SUBJECT_DEPS else 0.0)

    def _it(self, tok: Token, found: _DocActors) -> None:
        """"it"/"its" as a subject or possessor: the most salient country or organisation
        of this or the previous sentence ("Russia said it would respond")."""
        clause = tok.head
        if tok.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and \
                clause.head.lemma_ in SPEECH_VERBS:
            # "Moscow said it had targeted ...": the body that says so
            speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
            key = _actor_at(found, speaker) if speaker is not None else ""
            if key and found.found[key].actor.kind != "person":
                found.add(found.found[key].actor, tok, "pronoun", 0.0)
                return
        sents = {s.start: n for n, s in enumerate(tok.doc.sents)}
        here = sents[tok.sent.start]
        best, best_score = None, 0.0
        for key in found.order:
            item = found.found[key]
            if item.actor.kind == "person" or not item.acting:
                continue
            score = 0.0
            for sent_start, index, weight in item.salience_marks:
                distance = here - sents.get(sent_start, here)
                if index < tok.i and distance <= 1:
                    score = max(score, weight * (0.5 ** distance))
            if score > best_score:
                best, best_score = item, score
        if best is not None and best_score >= 150:  # a subject or object of a nearby clause
            found.add(best.actor, tok, "pronoun", 0.0)

    def _first_person(self, tok: Token, found: _DocActors) -> None:
        """"I" and "we" inside a quotation are its speaker: the subject of the speech verb
        next to the quotation ('"We will respond," Peskov said')."""
        if not _inside_quotes(tok):
            return
        speakers = [s for s in _speakers_near(tok, found) if s]
        if len(set(speakers)) == 1:
            item = found.found[speakers[0]]
            if tok.lower_ in ("i", "me", "my") and item.actor.kind != "person":
                return
            found.add(item.actor, tok, "pronoun", 0.0)

    def _gender(self, actor: Actor) -> str | None:
        if actor.id.startswith("person:"):
            person = self.kb.people.get(actor.id.split(":", 1)[1])
            return person.gender if person else None
        return None

    @staticmethod
    def _excluded(tok: Token, found: _DocActors) -> set[str]:
        """Who this pronoun cannot be: the subject of its own clause (for an object
        pronoun), and the speaker of a quotation it stands in."""
        out: set[str] = set()
        heads = [tok.head]
        if tok.dep_ == "pobj":
            heads.append(tok.head.head)
        subjects = [c for h in heads for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ not in SUBJECT_DEPS and tok.lower_ not in ("his", "her", "himself", "herself"):
            out.update(_actor_at(found, s) for s in subjects)
        if _inside_quotes(tok):
            out.update(_speakers_near(tok, found))
        out.discard("")
        return out


def _stance_prefixed(ent: Span) -> bool:
    """Is the name the object of a stance prefix ("anti-Syria")? The words describe
    someone against that actor, who is not the actor."""
    doc = ent.doc
    return ent.start >= 2 and doc[ent.start - 1].text == "-" and \
        doc[ent.start - 2].lower_ in STANCE_PREFIXES


def _modifier_root(tok: Token) -> Token:
    """The first of coordinated modifiers: "Polish" for "Czech" in "Polish and Czech
    officials"."""
    while tok.dep_ == "conj" and tok.head is not tok and tok.head.dep_ in ("amod", "compound", "nmod", "conj"):
        tok = tok.head
    return tok


def _group_located_in(ent: Span) -> Token | None:
    """The group of the country's own people a place is where of ("students throughout
    Indonesia", "demonstrators in Baghdad", "rebels in the Ivory Coast"): civilians,
    the opposition, rebels and lawmakers, unqualified by another nationality or body
    ("Russian troops in Ukraine", "peacekeepers in Lebanon" and "diplomats in Kabul" are
    not the place's)."""
    root = ent.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("in", "throughout", "across") or prep.dep_ != "prep":
        return None
    group = prep.head
    if group.pos_ != "NOUN" or NOUN_SECTORS.get(group.lower_) not in LOCAL_GROUP_SECTORS:
        return None
    if any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ for c in group.children):
        return None
    return group


def _led_group(ent: Span) -> Token | None:
    """The noun after "<country>-led" ("Vietnamese-led forces"): the group the country leads."""
    root = ent.root
    led = root.head
    if root.dep_ == "npadvmod" and led.lower_ == "led" and led.dep_ == "amod" and led.head.pos_ == "NOUN":
        return led.head
    return None


def _named_group(ent: Span) -> Token | None:
    """The group noun a name modifies ("U.S." in "U.S. and Russian negotiators", "U.N." in
    "U.N. helicopters"), when the noun is one of the groups that act for a country or body."""
    modifier = _modifier_root(ent.root)
    if modifier.dep_ not in ("compound", "nmod", "amod") or modifier.head.i < ent.end:
        return None
    head = _group_head(modifier)
    return head if head.lower_ in NOUN_SECTORS and head.pos_ == "NOUN" else None


def _group_head(modifier: Token) -> Token:
    """The noun a nationality adjective describes, through noun compounds ("Israeli
    intelligence officials", "U.S. border patrol agents")."""
    head = modifier.head
    for _ in range(2):
        if head.lower_ in NOUN_SECTORS or head.dep_ != "compound" or head.head is head:
            break
        head = head.head
    return head


def _vowel_variant(a: str, b: str) -> bool:
    """Do two names of six letters or more differ only in one vowel ("Pederson", "Pedersen")?"""
    if len(a) != len(b) or len(a) < 6 or a == b:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in "aeiouy" and diff[0][1] in "aeiouy"


def _pleonastic(tok: Token) -> bool:
    """"it is likely that ...", "it seems", "it was reported": no referent."""
    head = tok.head
    if head.lemma_ in ("be", "seem", "appear", "remain", "become", "take", "rain"):
        return any(c.dep_ in ("acomp", "attr", "ccomp", "xcomp") for c in head.children)
    return head.lemma_ in ("report", "say", "believe", "expect", "understand") and tok.dep_ == "nsubjpass"


def _speaking_words(doc: Doc) -> set[str]:
    """Capitalised single words that are the subject of a speech verb ("Evenor told VOA")."""
    if "speaking_words" not in doc.user_data:
        doc.user_data["speaking_words"] = {
            t.text for t in doc if t.dep_ == "nsubj" and t.head.lemma_ in SPEECH_VERBS
            and t.pos_ == "PROPN" and t.text[:1].isupper()
            and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN")}
    return doc.user_data["speaking_words"]


def _lower_words(doc: Doc) -> set[str]:
    if "lower_words" not in doc.user_data:
        doc.user_data["lower_words"] = {t.text for t in doc if t.is_lower}
    return doc.user_data["lower_words"]


def _speakers_near(tok: Token, found: _DocActors) -> list[str]:
    """Actor ids of the subjects of speech verbs outside the quotation around `tok`, in its
    sentence or the next one ('"... him ...," Trump told reporters')."""
    sent = tok.sent
    tokens = list(sent)
    if sent.end < len(tok.doc) and (sent[-1].text in _CLOSE or sent[-1].is_punct):
        tokens += list(tok.doc[sent.end].sent)
    out = []
    for other in tokens:
        if other.lemma_ in SPEECH_VERBS and other.pos_ == "VERB" and not _inside_quotes(other):
            out += [_actor_at(found, c) for c in other.children if c.dep_ in ("nsubj", "nsubjpass")]
    return out


def _actor_at(found: _DocActors, tok: Token) -> str:
    for key, item in found.found.items():
        if any(m.start <= tok.idx < m.end for m in item.mentions):
            return key
    return ""


_OPEN = {'"', "“", "„", "«"}
_CLOSE = {'"', "”", "»"}


def _inside_quotes(tok: Token) -> bool:
    """Is the token inside a pair of double quotation marks within its paragraph?"""
    doc = tok.doc
    inside = doc.user_data.get("inside_quotes")
    if inside is None:
        inside, state = [], False
        for t in doc:
            if t.is_space and "\n" in t.text:
                state = False  # a new paragraph closes an unbalanced quotation
            if t.text in _OPEN and (t.text != '"' or not state):
                inside.append(state)
                state = True
                continue
            if t.text in _CLOSE and state:
                inside.append(state)
                state = False
                continue
            inside.append(state)
        doc.user_data["inside_quotes"] = inside
    return inside[tok.i]
