"""Events over the dependency parse: who did what to whom, with polarity and modality.

Sentence by sentence, a trigger is a verb whose lemma is in the lexicon (checked against
the pattern's object noun, when it has one), or a noun governed by one of its light verbs
("held talks with", "imposed sanctions on"), or a noun standing alone with a possessor or
a target ("Russia's attack on Kyiv"). The source is the subject (inherited through
infinitives, conjoined verbs and reported clauses), or the by-agent of a passive; the
target comes from the places the pattern names. Both must be actors found by the actors
stage: an event with no known source is not reported.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..actors.kb import default_kb
from ..actors.records import Actor
from ..actors.resolve import NOUN_SECTORS
from ..dates import DateRef
from ..places import Place, dateline_place
from ..records import Article
from .lexicon import Lexicon, Pattern, load_lexicon
from .plover import plover_type
from .records import Event, Participant

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
CLIMB = {"xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "pobj", "ccomp", "relcl_no"}
CONTROL = {"urge", "ask", "press", "call", "tell", "force", "persuade", "allow", "invite",
           "encourage", "pressure", "order", "instruct", "help", "push", "implore", "beg"}
# "accused X of doing", "blamed X for doing": X is the one doing it
BLAMING = {"accuse", "suspect", "blame", "charge", "criticize", "criticise", "condemn",
           "fault", "convict"}
PLACE_PREPS = {"in", "at"}
# "a state of emergency", "a state of siege": the light verb governs the noun "state"
STATE_NOUNS = {"state"}
DEADLINE = {"until", "till"}  # prepositions whose date is the point ("gave X until Friday")
QUANTITIES = {"thousand", "hundred", "dozen", "million", "number", "group", "batch", "unit",
              "contingent", "battalion", "squadron", "convoy", "shipment", "package", "tranche",
              "wave", "barrage", "salvo", "series", "round", "team", "fleet", "pair", "couple",
              "mission", "delegation",  # "a mission of observers"
              # measures and sums ("25,000 tons of food aid", "five million dollars of aid")
              "ton", "tonne", "kilogram", "kg", "barrel", "dollar", "euro", "worth", "part"}
# particles of phrasal verbs that spaCy's small model often tags as adverbs
PARTICLE_ADVERBS = {"back", "away", "down", "off", "out", "up", "over"}
# time spans an act is counted in ("launched five days of war games")
DURATIONS = {"day", "week", "month", "hour"}
# people who protest as a crowd, never a state acting ("demonstrators in Baghdad")
CROWDS = {"protester", "demonstrator", "student", "worker", "farmer", "people", "youth",
          "supporter", "activist", "resident", "villager", "rioter", "crowd", "refugee",
          "prisoner", "inhabitant", "trader", "teacher", "doctor", "miner", "driver"}
COUNTS = {"tens", "hundreds", "thousands", "millions", "dozens", "scores"}  # "tens of thousands of"
# the nouns a nationality adjective can make an acting party of ("a French minister",
# "Syrian tanks"); on any other noun it only places the thing ("an Iranian vessel")
AGENT_NOUNS = set(NOUN_SECTORS) | {
    "minister", "leader", "president", "premier", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "envoy", "diplomat", "general", "commander", "negotiator", "official",
    "businessman", "lawyer", "newspaper", "agency", "embassy", "side", "sides", "team",
    "state", "regime", "junta", "cabinet", "chief", "head", "prosecutor", "soldier",
    "officer", "pilot", "unit", "delegate", "mediator", "jet", "warplane", "aircraft",
    "helicopter", "tank", "drone", "warship", "gunboat", "submarine", "bomber", "fighter",
    "supporter", "supporters", "party", "parties", "union", "unions", "crowd", "crowds",
    "resident", "residents", "inhabitants", "guard"}
MUTUAL = {"CONSULT", "AGREE", "COOPERATE"}  # "Russia and Ukraine agreed": sources are parties
# a relation or a document two parties make together ("Greece and Egypt upgraded their
# ties", "... signed a treaty"): mutual when the pattern's object matched, not praise
MUTUAL_OBJECTS = {"SUPPORT"}
REQUIRE_TARGET = True
SKIP_QUOTED = True  # speech in quotation marks is a statement; precision first
DEFINITE = {"the", "this", "that", "these", "those", "such"}
# a government's own opposition, protesters or critics: the target is its own country
DOMESTIC_TYPES = {"COERCE", "ASSAULT", "THREATEN", "CONCEDE", "PROTEST", "MOBILIZE"}
DOMESTIC_GROUPS = {"protester", "demonstrator", "rioter", "opposition", "dissident", "critic",
                   "activist", "protest", "demonstration", "riot", "rally", "unrest", "political"}
# what a government restricts at home: its media, organisations, parties, rights and
# networks ("disbanded the rights group", "blocked access to social media")
DOMESTIC_SOCIETY = {"media", "press", "newspaper", "outlet", "broadcaster", "journalist",
                    "reporter", "group", "organisation", "organization", "ngo", "party",
                    "movement", "union", "internet", "access", "right", "freedom", "report",
                    "website", "election", "vote", "voting", "candidate", "lawyer", "organiser",
                    "organizer", "blogger", "society"}
# protesters with no nationality named, against the government or parliament: their own
DOMESTIC_AUTHORITIES = {"government", "parliament", "authority", "regime", "cabinet", "police",
                        "president", "ruling", "junta"}
# acts whose target may be the country of the place where the people or things they hit
# are ("tortured civilians in Bucha"): a place in the target phrase, never beating an actor
PLACE_TARGET_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN"}
# what a noun is about is no party to the act on it ("dismissed concerns about the tariffs")
PHRASE_DEPTH = 6  # measured: 5 loses "blamed the Afghan Taliban for ..." style targets
TOPIC_PREPS = {"about", "over", "regarding", "concerning"}
# relational nouns: "America's allies", "Iran's neighbours" are others than the possessor
RELATIONS = {"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "adversary",
             "foe", "proxy"}
CALL_WORDS = {"phone", "telephone", "call", "video", "videoconference", "line"}
LABOUR_MODES = {"strike", "hunger"}  # PROTEST modes no state acts in
LOCATIVE = {"in", "at", "inside", "across", "near", "within", "throughout", "around"}


class EventExtractor:
    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        cues = self.lex.cues
        self.negators = cues.get("negators", frozenset())
        self.negating = cues.get("negating_verbs", frozenset())
        self.request = cues.get("request_verbs", frozenset())
        self.intent = cues.get("intent_words", frozenset())
        self.agreement = cues.get("agreement_verbs", frozenset())
        self.future = cues.get("future_aux", frozenset())
        self.would = cues.get("conditional_aux", frozenset())
        self.conditional = cues.get("conditional_words", frozenset())
        self.maybe = cues.get("hypothetical_aux", frozenset())
        self.if_marks = cues.get("hypothetical_marks", frozenset())
        self.soon = cues.get("future_adverbs", frozenset())
        self.denial = cues.get("denial_verbs", frozenset())
        self.opinion = cues.get("opinion_verbs", frozenset())
        self.opinion_nouns = cues.get("opinion_nouns", frozenset())
        self.naming = cues.get("naming_verbs", frozenset())
        self.press = cues.get("press_objects", frozenset())
        self.background = cues.get("background_marks", frozenset())
        self.own_clause = cues.get("own_clause_marks", frozenset())
        self.body_nouns = cues.get("body_nouns", frozenset())
        self.stative = cues.get("stative_passives", frozenset())
        self.stative_in = cues.get("stative_in_passives", frozenset())
        self.speech = cues.get("speech_verbs", frozenset())
        self.frames = cues.get("frame_nouns", frozenset())
        self.force_nouns = cues.get("force_nouns", frozenset())
        self.goods = cues.get("goods_nouns", frozenset())
        self.movement = cues.get("movement_nouns", frozenset())
        self.generic_heads = cues.get("generic_heads", frozenset())
        self.repairs = self.lex.repairs
        self.loose = self.lex.unattributed

    # -- entry point ------------------------------------------------------------------------
    def __call__(self, doc: Doc, article: Article, actors: Sequence[Actor],
                 dates: Sequence[DateRef]) -> list[Event]:
        self._prepare(doc, article, actors, dates)
        from ..quotes import direct_quotes

        quoted = [(d.start, d.end) for d in direct_quotes(doc) if d.end - d.start > 30] \
            if SKIP_QUOTED else []
        events: list[Event] = []
        self.so_far = events  # the events told before: "condemned the strike" looks back
        used: set[int] = set()
        anchored: dict[int, list[Event]] = {}  # anchor token -> the events it told
        for tok in doc:
            if quoted and any(s <= tok.idx < e for s, e in quoted):
                continue  # what a speaker says in quotation marks is speech, not a reported event
            # the candidates in rank order: the first that gives an event is reported
            for pattern, verb in self._matches(tok, used):
                built = self._build(pattern, tok, verb)
                if built:
                    events.extend(built)
                    anchored.setdefault((verb if verb is not None else tok).i, []).extend(built)
                    break
        dropped = self._agreed_content(anchored) | self._protest_aims(anchored)
        return dedupe([e for e in events if id(e) not in dropped])

    def _protest_aims(self, anchored: dict[int, list[Event]]) -> set[int]:
        """"students rallied in Belgrade to demand the government's resignation": the
        demand in a protest's purpose clause is what the protest is for, not a second
        event (the guidelines' PROTEST example; PLOVER and the team gold code the protest
        only). The protesters' own demand only: another party's is kept."""
        dropped: set[int] = set()
        for i, outer in anchored.items():
            protesters = {e.source.party for e in outer if e.type == "PROTEST" and e.source}
            if not protesters:
                continue
            for child in self.doc[i].children:
                purpose = child.dep_ in ("advcl", "xcomp") and _to_infinitive(child)
                for event in anchored.get(child.i, []) if purpose else []:
                    if event.type == "REQUEST" and event.source and event.source.party in protesters:
                        dropped.add(id(event))
        return dropped

    def _agreed_content(self, anchored: dict[int, list[Event]]) -> set[int]:
        """One act told twice by an agreement and its content ("agreed to provide aid",
        "offered to mediate"): both are the same AGREE in PLOVER's terms (an intended act
        is AGREE). An agreement verb's content is not coded again (`agreement_verbs`:
        "agreed to provide aid" is AGREE); a promise or an offer is its content, intended
        ("offered to mediate" is CONSULT, intended). Only events whose parties the kept
        events repeat are dropped: nothing the sentence says is lost."""
        dropped: set[int] = set()
        for i, outer in anchored.items():
            if not any(e.type == "AGREE" for e in outer):
                continue
            for child in self.doc[i].children:
                inner = anchored.get(child.i) if child.dep_ == "xcomp" else None
                if not inner:
                    continue
                agreeing = self._lemma(self.doc[i]) in self.agreement
                keep, drop = (outer, inner) if agreeing else (inner, outer)
                kept = {_plover_key(e) for e in keep}
                dropped.update(id(e) for e in drop if _plover_key(e) in kept)
        return dropped

    def _prepare(self, doc: Doc, article: Article, actors: Sequence[Actor],
                 dates: Sequence[DateRef]) -> None:
        """Index the actor mentions and dates of the document by token."""
        self.doc, self.article = doc, article
        self.text = doc.text
        self.sent_starts = [s.start_char for s in doc.sents]
        self.so_far = []
        self.actor_at: dict[int, tuple[Actor, int, int]] = {}
        self.how_at: dict[int, str] = {}  # mention start -> how it names its actor
        self.kind_of = {a.id: a.kind for a in actors}
        # a nationality adjective on a noun that names no group or person ("Iranian
        # vessel", "Palestinian homes") can give a target, never a source; a capital that
        # is only a place (how "place": "arrived in Amman") is a target through a
        # pattern's explicit preposition slot, nothing else
        self.modifier_only: set[int] = set()
        for actor in actors:
            for m in actor.mentions:
                self.how_at[m.start] = m.how
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    self.actor_at.setdefault(tok.i, (actor, m.start, m.end))
                if m.how in ("demonym", "modifier") and _thing_modifier(span):
                    self.modifier_only.add(m.start)
        self.place_at: dict[int, Place] = {}  # token -> the place its entity names
        places = doc._.places
        if places:
            for ent in doc.ents:
                place = places.get(ent.start_char)
                if place is not None:
                    self.place_at.update((i, place) for i in range(ent.start, ent.end))
        self.dateline = dateline_place(article.dateline, frozenset(
            a.party for a in actors if a.kind == "country" and a.party)) if article.dateline else None
        # the international bodies named, in text order: "the bloc" refers back to one
        self.bodies = sorted((m.start, actor) for actor in actors if actor.kind == "igo"
                             for m in actor.mentions)
        self.date_at: dict[int, DateRef] = {}
        for ref in dates:
            span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self.date_at[tok.i] = ref

    # -- triggers ---------------------------------------------------------------------------
    def _lemma(self, tok: Token) -> str:
        if tok.pos_ in ("VERB", "AUX") and tok.lower_ in self.repairs:
            return self.repairs[tok.lower_]
        return tok.lemma_.lower()

    def _object_lemmas(self, heads: list[Token]) -> set[str]:
        """Lemmas of objects, looking through conjunctions, quantities ("thousands of
        troops", "a batch of missiles") and movements (`movement_nouns`: "allowed the
        return of inspectors" lets inspectors in). An object naming an international organisation
        also counts as `igo` ("withdrew from ECOWAS" is leaving a body, as "withdrew from
        the bloc" is)."""
        out = set()
        for head in heads:
            for tok in [head, *head.conjuncts]:
                out.add(tok.lemma_.lower())
                if tok.i in self.actor_at and self.actor_at[tok.i][0].kind == "igo":
                    out.add("igo")
                # "aid deliveries", "mediation efforts": the noun that says what it is
                out |= {c.lemma_.lower() for c in tok.children if c.dep_ == "compound"}
                if tok.lemma_.lower() in QUANTITIES | self.movement or tok.pos_ == "NUM":
                    # "part of a military aid programme": the counted noun and its compound
                    counted = [g for c in tok.children if c.lower_ == "of"
                               for g in c.children if g.dep_ == "pobj"]
                    out |= {g.lemma_.lower() for g in counted}
                    out |= {c.lemma_.lower() for g in counted for c in g.children
                            if c.dep_ == "compound"}
        return out

    def _matches(self, tok: Token, used: set[int]) -> Iterator[tuple[Pattern, Token | None]]:
        lemma = self._lemma(tok)
        if tok.dep_ == "aux" and tok.tag_ == "MD" and tok.lower_ in self.lex.verbs:
            # "Berlin said Belgrade must hand over the suspects": the speaker demands it
            clause = tok.head
            if clause.dep_ == "ccomp" and self._lemma(clause.head) in self.speech and \
                    any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                yield self.lex.verbs[tok.lower_][0], clause.head
            return
        if tok.pos_ == "VERB" and lemma in self.lex.verbs:
            direct = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr")] + [
                # "allowed Afghan refugees to stay", parsed refugees <- stay <- allowed
                g for c in tok.children if c.dep_ == "ccomp" and _to_infinitive(c)
                for g in c.children if g.dep_ == "nsubj"]
            # a pattern without a particle matches its object as the direct object or the
            # "with" of "provide Ukraine with tanks", never in another phrase ("hosted
            # Putin at a military base" is no hosting of a base)
            direct_lemmas = self._object_lemmas(direct + [
                g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children if g.dep_ == "pobj"])
            # a pattern with a particle matches its object there or as the direct object
            # ("called for the disarmament ... after the ceasefire" is no call for a ceasefire)
            by_particle = {c.lower_: self._object_lemmas(
                direct + [g for g in c.children if g.dep_ == "pobj"]) for c in tok.children
                if c.dep_ in ("prt", "prep", "dative", "agent") or _adverb_particle(tok, c)}
            particles = {c.lower_ for c in tok.children if c.dep_ == "prt" or _adverb_particle(tok, c) or (
                c.dep_ in ("prep", "dative", "agent") and (c.lower_ in DEADLINE or not any(
                    # not "on Tuesday"; but "gave Hamas until Saturday" is a deadline
                    g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)))}
            candidates = [p for p in self.lex.verbs[lemma]
                          if (not p.particle or p.particle in particles)]
            # a pattern whose particle is there ("called for") beats one without ("called")
            candidates.sort(key=lambda p: not (p.particle and p.particle in particles))
            specific = [p for p in candidates if p.object and set(p.object) & (
                by_particle.get(p.particle, set()) if p.particle else direct_lemmas)]
            # the object's own noun beats a noun compounded with it: "sent chemical
            # weapons inspectors" sends inspectors (ACCUSE), not weapons (AID)
            # a generic head ("force") is named by its compound: "a peacekeeping force"
            # is peacekeepers, whose withdrawal cuts aid, not troops retreating
            named = {n for h in direct for t in (h, *h.conjuncts) for n in (
                {c.lemma_.lower() for c in t.children if c.dep_ == "compound"}
                if t.lemma_.lower() in self.generic_heads else {t.lemma_.lower()})}
            specific.sort(key=lambda p: not (p.particle or set(p.object or ()) & named))
            # "released a statement", "demonstrated that point": an object of another sense
            general = [p for p in candidates if not p.object and not set(p.not_object) & direct_lemmas]
            if (lemma in self.naming and _names_something(tok)) or (
                    any(p.particle for p in candidates)
                    and not any(c.dep_ == "dobj" for c in tok.children)):
                # "called the allegations baseless", "called Zelenskyy a dictator": naming;
                # "called for an inventory of the stockpile": a call for something that
                # names no party, even when two callers make it mutual. Neither is a phone
                # call: only a pattern with its particle ("called for") stays, and "branded
                # Russia a terrorist state" is still the accusation it names
                general = [p for p in general if p.particle or p.mode != "phone"]
            if self._refusal_of_action(tok, lemma):
                return
            if any(lemma in (p.light or ()) for c in direct for p in self.lex.nouns.get(
                    c.lemma_.lower(), ())):
                # "ordered the arrest of ...": the noun's pattern with this light verb is
                # the event; the verb alone would add a second one ("ordered" a REQUEST)
                general = [p for p in general if p.particle]
            # object match > particle present > lexicon order; the first candidate whose
            # participants are found is the event ("called Putin on Sunday for the first
            # time": no call for anything, a phone call)
            chosen = specific + general
            if chosen:
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in chosen[0].object:
                        used.add(c.i)
                for pattern in chosen:
                    yield pattern, tok
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in self.lex.nouns and tok.i not in used:
            slot = self._noun_slot(tok)
            head = slot.head
            if slot.dep_ == "pobj" and head.dep_ in ("prep", "dative") and \
                    head.head.pos_ in ("VERB", "AUX"):
                head = head.head  # "went on strike", "called for a boycott"
            modifiers = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
            fitting = [p for p in self.lex.nouns[lemma] if not p.modifier or set(p.modifier) & modifiers]
            for p in fitting:
                if p.light and slot.dep_ in ("dobj", "attr", "nsubjpass", "pobj", "conj") \
                        and self._lemma(head) in p.light:
                    yield p, head
                    return
            # a noun naming the kind of another ("riot police", "attack helicopters") is
            # no event of its own
            standalone = [p for p in fitting if not p.light] if tok.dep_ != "compound" else []
            if standalone and (self._nominal_has_parties(tok) or (
                    standalone[0].type in MUTUAL and self._between(tok) is not None
                    and not self._told_by_verb(tok, standalone[0].type))) \
                    and not self._topic_of_act(tok):
                yield standalone[0], None

    def _noun_slot(self, tok: Token) -> Token:
        """Where a noun trigger stands for its light verb: the generic head it modifies ("launched
        a mediation **effort**", `frame_nouns`) or the measure it is counted in ("began five
        **days** of war games")."""
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.frames:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in QUANTITIES | DURATIONS | STATE_NOUNS:
            tok = tok.head.head
        return tok

    def _topic_of_act(self, tok: Token) -> bool:
        """"has never condemned Russia's invasion of Ukraine": a nominal event that is
        the object of a verb act about events (condemning, welcoming, rejecting), or what
        something is about ("a row over U.S. aid to Ukraine"), is the topic, told as
        background, not a new event."""
        verb = tok.head
        if tok.dep_ in ("attr", "dobj") and verb.lemma_.lower() in ("be", "mark") and any(
                c.dep_ == "nsubj" and c.lower_ in ("this", "it", "that") for c in verb.children):
            return True  # "This marks Rubio's second visit to ...": the visit told already
        if tok.dep_ == "pobj" and verb.lower_ in TOPIC_PREPS:
            return True  # "disagreed over U.S. aid to Ukraine": what a dispute is about
        if tok.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if tok.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB":
            return False
        return any(p.type in self.lex.acts_about_events
                   for p in self.lex.verbs.get(self._lemma(verb), ()))

    def _refusal_of_action(self, tok: Token, lemma: str) -> bool:
        """"refused to meet": the refused action carries the negation, not a REJECT. An
        infinitive that is no event of the lexicon ("refused to respond to Washington's
        demand", "declined to comply with the ruling") leaves the refusal a REJECT."""
        return lemma in self.negating and any(
            c.dep_ == "xcomp" and self._lemma(c) in self.lex.verbs for c in tok.children) \
            and not any(c.dep_ == "dobj" for c in tok.children)

    def _told_by_verb(self, tok: Token, kind: str) -> bool:
        """Is this noun the object of a verb of the same type ("would host a meeting between
        A and B" is the hosting, already an event)?"""
        return tok.dep_ == "dobj" and any(p.type == kind for p in self.lex.verbs.get(self._lemma(tok.head), ()))

    @staticmethod
    def _between(tok: Token) -> Token | None:
        """The first of two parties a mutual act is "between" ("talks between Britain and
        Mauritius", "a meeting between Putin and Zelenskyy"), when a second is named."""
        return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                     for g in c.children if g.dep_ == "pobj" and g.conjuncts), None)

    def _nominal_has_parties(self, tok: Token) -> bool:
        return self._nominal_source(tok) is not None

    def _nominal_source(self, tok: Token) -> Token | None:
        """The possessor ("Russia's attack") or nationality ("Russian attack", "EU
        sanctions") of a nominal event, when it is an actor."""
        for child in tok.children:
            if child.dep_ in ("poss", "amod", "compound", "nmod") and child.i in self.actor_at:
                return child
        return None

    # -- participants -----------------------------------------------------------------------
    def _actor_in(self, tok: Token, depth: int = 2) -> tuple[Actor, int, int] | None:
        if tok.i in self.actor_at:
            return self.actor_at[tok.i]
        if depth == 0:
            return None
        unplaced = None  # "bin Laden's al-Qaeda network": a possessor of no known party
        for child in tok.children:  # gives way to the noun's own modifier naming a party
            if child.dep_ in ("compound", "amod", "poss", "nmod", "appos", "npadvmod") or (
                    child.dep_ == "prep" and child.lower_ in ("including", "of", "from")):
                inner = child if child.dep_ != "prep" else next(
                    (g for g in child.children if g.dep_ == "pobj"), None)
                if inner is not None:
                    found = self._actor_in(inner, depth - 1)
                    if found and child.dep_ == "poss" and found[0].party is None:
                        unplaced = unplaced or found
                    elif found:
                        return found
        return unplaced

    def _participants(self, tok: Token | None,
                      exclude: set[str | None] | frozenset[str | None] = frozenset(),
                      source: bool = False, places: bool = False,
                      inside: bool = False, agentive: bool = False,
                      shallow: bool = False) -> list[Participant]:
        """The actors `tok` names (with its conjuncts). A capital that is only a place is
        taken only through a pattern's preposition slot (`places`: "arrived in Amman");
        a place inside a non-actor phrase only when `inside` ("a truce in the war in
        Ukraine"). A nationality adjective on a thing is no source unless `agentive`: on
        a noun naming an act ("the Russian attack") it names the one who acts. `shallow`
        takes only the phrase's head and its modifiers ("three Iraqi civilians"), never
        an actor deeper inside ("a train in Pakistan's Balochistan province")."""
        if tok is None:
            return []
        out, seen = [], set(exclude)
        tok = self._counted(tok)  # "tens of thousands of students": the students
        heads = [tok, *tok.conjuncts]
        for head in list(heads):  # "leaders, including Macron and Starmer": each one named
            if head.i not in self.actor_at:
                heads += [m for c in head.children if c.dep_ == "prep" and c.lower_ == "including"
                          for g in c.children if g.dep_ == "pobj" for m in (g, *g.conjuncts)]
        for head in heads:
            found = self._actor_in(head) or self._body_named_before(head)
            if found is not None and found[0].party is None:
                found = self._possessor_state(head) or found
            if found is not None and found[0].id in seen and not source and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
                # "backed down on its objection to Sweden's membership": not its own party;
                # an actor of its own country below may still be the target ("reneged on
                # his commitment to the Zambian people": PLOVER codes X -> X)
                found = None
            located = False
            if found is None and head.dep_ not in ("conj",) and not shallow:
                found = self._first_actor_below(head, seen, inside)
                if found is None and source and _agent_noun(head):
                    # "demonstrators in Baghdad", "opposition groups in Harare": people
                    # acting as a group where they are
                    found = self._first_actor_below(head, seen, inside=True)
                    located = True
            if found is None or (source and not agentive and found[1] in self.modifier_only) or (
                    self.how_at.get(found[1]) == "place" and not located and (source or not places)):
                continue
            for actor, start, end in [found, *self._coordinated_modifiers(head, found)]:
                if actor.id in seen:
                    continue
                seen.add(actor.id)
                out.append(self._participant((actor, start, end)))
        return out

    def _possessor_state(self, head: Token) -> tuple[Actor, int, int] | None:
        """"Jordan's visiting King Abdullah II", "Argentina's former president X": a person
        the knowledge base gives no country, named as a state's, acts for that state (the
        guidelines code officials by the state they serve)."""
        for child in head.children:
            if child.dep_ == "poss" and child.i in self.actor_at:
                owner = self.actor_at[child.i]
                if owner[0].kind == "country" and owner[0].party:
                    return owner
        return None

    def _participant(self, found: tuple[Actor, int, int]) -> Participant:
        actor, start, end = found
        return Participant(actor=actor.id, name=actor.name, party=actor.party, code=actor.code,
                           start=start, end=end, text=self.text[start:end])

    def _paired_modifiers(self, noun: Token) -> list[Participant]:
        """"Russia-Ukraine talks", "US-China trade talks": the parties named in a noun's
        modifiers, in the order named (the first is the source, the second the target)."""
        out: dict[str, Participant] = {}
        for left in noun.lefts:
            for tok in left.subtree:
                if tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.i in self.actor_at:
                    found = self.actor_at[tok.i]
                    if self.how_at.get(found[1]) != "place":
                        out.setdefault(found[0].id, self._participant(found))
        return list(out.values())

    def _body_named_before(self, head: Token) -> tuple[Actor, int, int] | None:
        """"accused the regional body of ...", "the bloc said": a definite description of
        an international body is the one named last, within the sentences an event noun
        looks back (`body_nouns` in `data/modality.json`)."""
        if head.lemma_.lower() not in self.body_nouns or not any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children):
            return None
        before = [(start, actor) for start, actor in self.bodies if start < head.idx]
        if not before or self._sentences_between(before[-1][0], head.idx) > self.lex.event_noun_window:
            return None
        start = head.left_edge.idx
        return before[-1][1], start, head.idx + len(head)

    def _crowd(self, tok: Token | None) -> bool:
        """Is the subject a crowd that is no actor itself, placed by where it is
        ("demonstrators in Baghdad", "tens of thousands of students throughout Serbia")?"""
        if tok is None:
            return False
        tok = self._counted(tok)
        return tok.i not in self.actor_at and tok.lemma_.lower() in CROWDS

    def _crowd_place(self, verb: Token, particle: str | None = None) -> list[Participant]:
        """Where a crowd protests stands for its country: the place on the verb, after
        the pattern's particle ("descended on Brussels") or in its object ("thousands of
        protesters rallied outside parliament in Tbilisi", "filled the streets of Minsk").
        Crowds only: "European leaders will gather in Paris" is no French protest."""
        place = self._located(verb, None)
        if place is None and particle:
            found = [p for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == particle
                     for g in c.children if g.dep_ == "pobj"
                     for p in self._participants(g, places=True, inside=True) if p.party]
            place = found[0] if found else None
        if place is None:
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                # a place, not the one protested ("booed Macron")
                found = [p for p in self._participants(obj, places=True, inside=True)
                         if p.party and self.kind_of.get(p.actor or "") == "country"]
                if found:
                    return found[:1]
        return [place] if place is not None else []

    def _crowd_home(self, pattern: Pattern, trigger: Token, verb: Token,
                    crowd: Token | None) -> list[Participant]:
        """"Crowds booed Macron", "activists heckled Blinken": a crowd placed nowhere that
        protests a state's leader or body is that state's people (PLOVER codes such a
        protest X -> X, as it does protesters against their own government)."""
        if crowd is None:
            return []
        for _, tokens in self._target_tokens(pattern, trigger, verb):
            for tok in tokens:
                for found in self._participants(tok):
                    if self._is_state(found.party):
                        end = crowd.right_edge.idx + len(crowd.right_edge)
                        return [self._country(found, crowd.left_edge.idx, end)]
        return []

    def _counted(self, tok: Token) -> Token:
        """What a quantity counts: "tens of thousands of students" -> students, "a group
        of refugees" -> refugees (not when the quantity is itself an actor)."""
        for _ in range(3):
            if tok.i in self.actor_at or not (tok.lemma_.lower() in QUANTITIES or tok.pos_ == "NUM"
                                              or tok.lower_ in COUNTS):
                break
            inner = next(iter(_of_objects(tok)), None)
            if inner is None:
                break
            tok = inner
        return tok

    def _coordinated_modifiers(self, head: Token, found: tuple[Actor, int, int]) -> list[tuple[Actor, int, int]]:
        """"Polish and Czech officials": the actors of the adjectives coordinated with the
        one that named the group."""
        out = []
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i in self.actor_at \
                    and self.actor_at[child.i] == found:
                out += [self.actor_at[c.i] for c in child.conjuncts if c.i in self.actor_at]
        return out

    def _first_actor_below(self, tok: Token, exclude: set[str | None],
                           inside: bool = False) -> tuple[Actor, int, int] | None:
        """For a non-actor noun ("proposals that Western countries would deploy ..."): the
        first actor inside its phrase; a place ("in Ukraine") only when `inside`."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        # nor, inside a clause on the noun, an actor of a party already taken ("delayed a
        # tariff on products exported to the United States": where the goods go)
        taken = {a.party for a, _, _ in self.actor_at.values() if a.id in exclude and a.party}
        for inner in _phrase(tok, self.opinion_nouns):
            if inner.i != tok.i and inner.i in self.actor_at and \
                    self.actor_at[inner.i][0].id not in exclude and not (
                        self.actor_at[inner.i][0].party in taken and _in_clause(inner, tok)) and (
                        inside or not (
                        inner.dep_ == "pobj" and inner.head.lower_ in LOCATIVE)):
                return self.actor_at[inner.i]
        return None

    def _subject(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject of `verb` (climbing infinitives, conjuncts, adverbial clauses) and
        whether `verb` is passive. A passive governor's subject is the active subject of
        its infinitive ("Rubio is expected to meet Iwaya", "Iran was urged to withdraw")."""
        cur, raised = verb, False
        for _ in range(6):
            subjects = [c for c in cur.children if c.dep_ in SUBJECTS]
            # the small model sometimes hangs the subject on the auxiliary ("Iran is defying",
            # "Hungary is opposed to ...": Hungary <- is)
            subjects += [g for c in cur.children if c.dep_ in ("aux", "auxpass")
                         for g in c.children if g.dep_ in SUBJECTS]
            if subjects:
                passive = not raised and (subjects[0].dep_ == "nsubjpass" or (
                    subjects[0].head.dep_ == "auxpass"))
                return subjects[0], passive
            if cur.dep_ == "xcomp" and cur.head.lemma_.lower() in CONTROL:
                objects = [c for c in cur.head.children if c.dep_ == "dobj"]
                if objects:
                    return objects[0], False
            if cur.dep_ == "pcomp" and cur.head.lower_ in ("of", "for") and \
                    cur.head.head.lemma_.lower() in BLAMING:
                # "accused India of providing support to militants": India provides it
                objects = [c for c in cur.head.head.children if c.dep_ == "dobj"]
                if objects:
                    return objects[0], False
            if cur.dep_ in CLIMB and cur.head is not cur and cur.dep_ != "ccomp":
                raised = raised or cur.dep_ == "xcomp"
                cur = cur.head
                continue
            break
        return None, False

    @staticmethod
    def _late_agent(verb: Token) -> Token | None:
        """"was accused of looting state funds by South African prosecutors": the small model
        hangs a passive's late "by" phrase on the gerund of its "of" phrase."""
        if not any(c.dep_ == "auxpass" for c in verb.children):
            return None
        return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pcomp"
                     for b in p.children if b.dep_ in ("agent", "prep") and b.lower_ == "by"
                     for g in b.children if g.dep_ == "pobj"), None)

    def _forces(self, tok: Token | None) -> bool:
        """Is this subject troops or military craft (`force_nouns`), itself or counted
        ("a first batch of troops", "the deployment of NATO troops")?"""
        if tok is None:
            return False
        heads = [tok, *_of_objects(tok)]
        return any(h.lemma_.lower() in self.force_nouns for h in heads)

    def _reporter(self, verb: Token) -> Token | None:
        """The subject of the speech verb that reports this clause ("X insisted that ...")."""
        cur = verb
        for _ in range(5):
            # "Syria says it is willing to withdraw": through the adjective of readiness
            if cur.dep_ in ("ccomp", "advcl", "xcomp", "conj", "acomp") and cur.head is not cur:
                cur = cur.head
                if cur.lemma_.lower() in self.speech:
                    subject, _ = self._subject(cur)
                    return subject
            else:
                return None
        return None

    def _target_tokens(self, pattern: Pattern, trigger: Token,
                       verb: Token | None) -> Iterator[tuple[str, list[Token]]]:
        """For each of the pattern's target places, in order, the tokens found there."""
        holders = [h for h in (verb, trigger) if h is not None]
        objects = [c for h in holders for c in h.children if c.dep_ == "dobj"]
        # "killed up to 30 Ukrainian civilians": the small model reads "up" as a particle
        # and the object as the object of "to"
        objects += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                    and c.i > 0 and self.doc[c.i - 1].lower_ == "up" and self.doc[c.i - 1].head.i == h.i
                    for g in c.children if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)]
        if not objects:  # "denounced as a crime Serbia's crackdown": the object after "as ..."
            objects = [a for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
                       for g in c.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"]
        if pattern.particle:  # "agreed to talks with Israel": the particle's object
            objects += [g for h in holders for c in h.children if c.lower_ == pattern.particle
                        for g in c.children if g.dep_ == "pobj"]
        for spec in pattern.target:
            out: list[Token] = []
            if spec == "dobj":
                out += [c for c in objects if c.i != trigger.i]
                # "released 24 hostages on Friday, including 13 Israelis": the small
                # model hangs the object's members on the verb
                out += [g for h in holders for c in h.children if c.dep_ == "prep"
                        and c.lower_ == "including" and any(o.i < c.i for o in out)
                        for g in c.children if g.dep_ == "pobj"]
            elif spec == "dative":
                for h in holders:
                    for c in h.children:
                        if c.dep_ == "dative":
                            pobj = [g for g in c.children if g.dep_ == "pobj"]
                            out += pobj or ([c] if c.pos_ != "ADP" else [])
                        elif c.dep_ == "prep" and c.lower_ == "to":
                            out += [g for g in c.children if g.dep_ == "pobj"]
            elif spec.startswith("prep:"):
                word = spec[5:]
                # on the trigger, the particle's object, the matched object, or a noun in
                # the "of" phrase of one ("held a round of talks with the United States")
                nested = [g for h in [trigger, *objects] for g in _of_objects(h)]
                # the particle too: "pulled out of the OAS" parsed as pulled > out > of
                particle = [c for h in holders for c in h.children
                            if pattern.particle and c.lower_ == pattern.particle]
                for h in [*holders, *particle, *objects, *nested]:
                    for c in h.children:
                        # spaCy labels some "to" phrases dative rather than prep
                        if c.dep_ in ("prep", "dative") and c.lower_ == word:
                            out += [g for g in c.children if g.dep_ == "pobj"] or \
                                _stranded_object(h, c)
            elif spec == "poss":  # "would require Washington's backing"
                out += [g for o in objects for g in o.children if g.dep_ == "poss"]
            elif spec == "ccomp_subj":  # "demanded that Washington cancel the sale"
                # or a noun's "that" clause ("reiterated its demand that Israel ease ...")
                out += [g for h in holders for c in h.children if c.dep_ == "ccomp" or _content_clause(c)
                        for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
            elif spec == "xcomp_obj":
                # "threatened to attack Taiwan"; "threatened on Monday to attack Taiwan"
                # (the small model hangs the infinitive as an adverbial clause)
                clauses = [c for h in holders for c in h.children if c.dep_ == "xcomp" or (
                    c.dep_ == "advcl" and c.tag_ == "VB" and _to_infinitive(c))]
                out += [g for c in clauses for g in c.children if g.dep_ == "dobj"]
                if out:
                    yield spec, out
                # failing an actor there, the objects of its prepositions or of its
                # object's ("threatened to deliver blows to the United States", "to
                # resume attacks on Israel")
                heads = [*clauses, *(g for c in clauses for g in c.children if g.dep_ == "dobj")]
                out = [g for c in heads for p in c.children if p.dep_ in ("prep", "dative")
                       and not any(g.ent_type_ in ("DATE", "TIME") for g in p.children)
                       for g in p.children if g.dep_ == "pobj"]
            if out:
                yield spec, out

    # -- building ---------------------------------------------------------------------------
    def _build(self, pattern: Pattern, trigger: Token, verb: Token | None) -> list[Event]:
        anchor = verb if verb is not None else trigger
        between = None
        if verb is None:  # a nominal event: possessor or nationality is the source
            source_tok = self._nominal_source(trigger)
            if source_tok is None:  # "talks between Britain and Mauritius": the first named
                source_tok = between = self._between(trigger)
            passive = False
        else:
            agent = next((g for c in verb.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"), None) or self._late_agent(verb)
            source_tok, passive = self._subject(verb)
            if passive and agent is None and any(
                    c.dep_ in ("prep", "dative") and (c.lower_ == "to" and self._lemma(verb) in self.stative
                                                      or c.lower_ == "in" and self._lemma(verb) in self.stative_in)
                    for c in verb.children):
                # "Israel is opposed to French mediation": a stance; "forces were engaged
                # in ethnic cleansing": what the subject does
                passive = False
            if passive and (agent is None or (agent.pos_ != "PRON" and not self._participants(
                    agent, source=True))):
                # "was killed in a car bombing", "were killed by a roadside bomb": no
                # attacker named, only the victims and the means
                return self._unattributed(pattern, trigger, verb, source_tok, agent)
            if passive:
                target_tok: Token | None = _antecedent(source_tok)
                source_tok = agent
            elif source_tok is not None and not self._participants(source_tok, source=True) \
                    and source_tok.lemma_.lower() in self.loose.means | self.loose.unknown_agents:
                # "a roadside bombing killed one U.S. soldier", "gunmen kidnapped two
                # Chinese engineers": the means or an unnamed attacker as the subject
                victim = next((c for c in verb.children if c.dep_ == "dobj"), None)
                return self._unattributed(pattern, trigger, verb, victim, source_tok)
        sources = []
        if pattern.source == "reporter" and verb is not None:
            # "X insisted that any role would require Y's backing": the one who says what
            # is required is the one requesting it, not the thing that requires it
            sources = self._participants(self._reporter(verb), source=True)
        sources = sources or self._participants(source_tok, source=True, agentive=verb is None)
        if between is not None:
            sources = sources[:1]  # the other side is the target, from the "between" slot
        if not sources and verb is not None and (source_tok is None or source_tok.pos_ == "PRON" or any(
                c.dep_ == "poss" and c.pos_ == "PRON" for c in source_tok.children)):
            # "Russia said it would ...", "the Serbs said their forces withdrew": the
            # reporter; but "Mueller said the evidence supports ...": a thing that is no
            # actor is not the reporter acting
            sources = self._participants(self._reporter(verb), source=True)
        if pattern.type == "CONSULT" and pattern.mode == "visit" and self._forces(source_tok):
            return []  # "peacekeeping troops arrived in Bosnia": a deployment, not a visit
        if trigger.tag_ == "MD":  # a demand read from "must" needs a speaker of known party
            sources = [s for s in sources if s.party]
        if not sources and verb is not None and pattern.type == "PROTEST" and self._crowd(source_tok):
            sources = self._crowd_place(verb, pattern.particle) or \
                self._crowd_home(pattern, trigger, verb, source_tok)
        if not sources:
            return []
        slots = list(self._target_tokens(pattern, trigger, verb))  # read once, tried in turn
        if verb is not None and passive:
            targets = self._participants(target_tok, {s.actor for s in sources})
        else:
            targets = []
            # the first slot that names an actor gives the target; failing all, a place
            # inside a slot's phrase ("declared a truce in the war in Ukraine"), which
            # must not beat a named actor ("warned Russia against an intervention in Ukraine")
            # a place's country is a target only against a source of known country: for
            # a group of unknown allegiance it cannot tell a foreign from a home target
            placed = any(s.party for s in sources)
            for inside in (False, True):
                for spec, tokens in slots:
                    # "rejected the deployment of troops in Ukraine": a place; but force
                    # and protest hit the people and things of a place ("tortured
                    # civilians in Bucha", "bombed the port of Hodeidah"): its country
                    located = inside and placed and pattern.type in PLACE_TARGET_TYPES
                    if inside and not (spec.startswith("prep:") or located):
                        continue
                    for tok in tokens:
                        if inside and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                            continue  # "agreed to his proposal ... in Ukraine": its owner, unknown
                        if spec == "dobj" and targets:
                            break  # "granted Ukraine the status ..., a decision X called ...": one object
                        targets += self._participants(
                            tok, {s.actor for s in sources} | {t.actor for t in targets},
                            places=spec.startswith("prep:") or located, inside=inside)
                    if targets:
                        break
                if targets:
                    break
            if not targets and slots and placed and pattern.type in PLACE_TARGET_TYPES:
                targets = self._hit_where(anchor, sources)
            if not targets:
                targets = self._antecedent_targets(pattern, slots, verb, trigger, sources)
            if not targets and pattern.type == "THREATEN":
                targets = self._condition_party(anchor, sources)
            if not targets and pattern.type == "PROTEST":
                targets = self._purpose_party(anchor, sources)
        if not targets and verb is None and pattern.type in MUTUAL and between is None:
            paired = self._paired_modifiers(trigger)
            if len(paired) > 1:
                sources, targets = paired[:1], paired[1:2]
        if pattern.igo_target and targets and all(
                self.kind_of.get(t.actor or "") in ("igo", "group") for t in targets):
            # "Mali, Burkina Faso and Niger withdrew from ECOWAS": leaving a body, not
            # a battlefield (the guidelines' SANCTION)
            pattern = self.lex.by_id[pattern.igo_target]
        pattern = self._switched(pattern, trigger, verb, slots)
        if not targets and "own" in pattern.target and len(sources) == 1 and \
                (sources[0].actor or "").startswith("country:"):
            # "Turkish authorities imposed a curfew in the town of Cizre": a curfew,
            # martial law or a state of emergency placed nowhere foreign is the source's
            # own country's (PLOVER codes X -> X)
            targets = [sources[0]]
        # "police broke up the demonstration at Ankara University": a name of no party
        # in the phrase does not hide the protest the act is on
        domestic = pattern.type in DOMESTIC_TYPES and not any(t.party for t in targets)
        if domestic:
            targets = self._domestic(pattern, slots, sources) or targets
        if not targets and slots and pattern.type in DOMESTIC_TYPES & PLACE_TARGET_TYPES:
            targets = self._home_place(anchor, slots, sources)
        if not targets and pattern.type == "PROTEST" and len(sources) == 1 and \
                (sources[0].actor or "").startswith("country:") and \
                (self.how_at.get(sources[0].start) == "demonym" or pattern.mode in LABOUR_MODES
                 or self._crowd(source_tok)):
            # "Georgian students rallied outside parliament": people protesting with no
            # target named protest against their own government (PLOVER and our gold code
            # X -> X); a state that protests ("Manila summoned the envoy to protest") is
            # diplomacy, not this, but a strike is never a state's ("Israel's labour
            # federation launched a general strike"), nor a crowd's where it is
            # ("students throughout Serbia staged demonstrations")
            targets = [sources[0]]
        if pattern.mode == "visit" and verb is not None:
            # "travelled to Canada for meetings with G7 ministers": whom the visit meets
            # is its counterpart, before the place it goes to
            targets = self._met_on_visit(verb, sources) or targets
        at_home = pattern.type == "MOBILIZE" and bool(targets) and not domestic and \
            {t.party for t in targets} <= {s.party for s in sources}
        if at_home:
            # "Sheinbaum sent 10,000 troops to Mexico's northern border": force moved
            # within one's own country is a mobilisation with no target (guidelines)
            targets = []
        if not targets and REQUIRE_TARGET and "none" not in pattern.target and not at_home and \
                not (len(sources) > 1 and (pattern.type in MUTUAL or (
                    pattern.type in MUTUAL_OBJECTS and pattern.object))):
            return []  # a pattern that names a target found none: too weak to report
        return self._finish(pattern, anchor, trigger, verb, sources, targets)

    def _finish(self, pattern: Pattern, anchor: Token, trigger: Token, verb: Token | None,
                sources: Sequence[Participant], targets: Sequence[Participant]) -> list[Event]:
        """The events of a trigger whose participants are found, unless the clause tells
        no event of theirs (an opinion, a speech's audience, a question, background)."""
        if self._anothers_opinion(anchor, sources) or self._speech_setting(pattern, verb) or \
                self._not_a_request(pattern, verb) or self._warning_about(pattern, verb) or \
                self._shared_view(pattern, verb) or \
                self._background_clause(anchor) or \
                self._no_visit(pattern, verb, sources, targets):
            return []
        if pattern.type == "CONSULT" and not targets and len({s.party for s in sources}) == 1 \
                and self._is_state(sources[0].party):
            # "U.S. officials will convene this weekend": one state's people meeting among
            # themselves consult no one (a coalition or a bloc that meets still counts)
            return []
        if pattern.type == "CONSULT" and not targets and len(sources) == 1 and sources[0].party:
            # "G7 ministers gathered in Quebec": a bloc meeting within itself consults
            # its own members (coded X -> X, as a state's domestic events are)
            targets = [sources[0]]
        if targets and not any(p.party for p in (*sources, *targets)):
            # no party on either side ("the train was travelling to Peshawar"); an act
            # that needs no target keeps its unplaced source ("the general resigned")
            return []
        if any(t.party for t in targets):
            # "tariffs on wines and champagne from France": the placed target is the one
            # the act is on; the unplaced words beside it add a partyless duplicate
            targets = [t for t in targets if t.party]
        if any(s.party for s in sources):
            # "she and an aid group's director urged the council": the unplaced co-source
            # adds a partyless duplicate of the placed one's event
            sources = [s for s in sources if s.party]
        return self._events(pattern, anchor, trigger, sources, targets,
                            self._polarity(anchor), self._modality(anchor))

    def _met_on_visit(self, verb: Token, sources: Sequence[Participant]) -> list[Participant]:
        """The actors a visit is "for" meeting: the "with" phrase of a meeting noun in
        the verb's "for" phrase ("for talks with Saudi officials")."""
        meetings = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                    for g in c.children if g.dep_ == "pobj" and any(
                        p.type == "CONSULT" for p in self.lex.nouns.get(g.lemma_.lower(), ()))]
        partners = [g for m in meetings for c in m.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"]
        mine = {s.actor for s in sources}
        return [p for g in partners for p in self._participants(g, mine)]

    def _switched(self, pattern: Pattern, trigger: Token, verb: Token | None,
                  slots: list[tuple[str, list[Token]]]) -> Pattern:
        """The reading a pattern's `switch` names when its condition holds: "dismissed
        the reply as stalling the talks" attacks conduct (ACCUSE, not REJECT, by the
        guidelines' borderline cases); restrictions on goods or trade ("on the Chinese
        AI model", "on steel imports") punish a state's economy (SANCTION), while
        restrictions on people stay coercion."""
        for condition, other in pattern.switch:
            if condition == "as_act" and verb is not None and self._as_act(verb):
                return self.lex.by_id[other]
            if condition == "goods" and any(
                    self._lemma(tok) in self.goods or self.goods & {
                        c.lemma_.lower() for c in tok.children if c.dep_ == "compound"}
                    for spec, tokens in slots if spec.startswith("prep:") for tok in tokens):
                return self.lex.by_id[other]
            if condition == "issue" and verb is not None and self._over_issue(verb):
                return self.lex.by_id[other]
        return pattern

    def _over_issue(self, verb: Token) -> bool:
        """"The Philippines clashed with China over the islands": states, bodies or
        leaders at odds over an issue, with no forces or crowd on either side, clash in
        words ("Indian troops clashed with Chinese soldiers" and "protesters clashed with
        police over the law" stay physical)."""
        issue = any(c.dep_ == "prep" and c.lower_ in ("over", "about") and any(
            g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children)
            for c in verb.children)
        subject, _ = self._subject(verb)
        sides = [subject, *(g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                            for g in c.children if g.dep_ == "pobj")]
        if not issue or subject is None or any(self._forces(t) or self._crowd(t) for t in sides):
            return False
        parties = self._participants(subject, source=True)
        return bool(parties) and all(
            self.kind_of.get(p.actor or "") in ("country", "person", "igo") for p in parties)

    @staticmethod
    def _as_act(verb: Token) -> bool:
        """Does an "as" phrase on the verb or its object hold a gerund ("as deliberately
        setting conditions"), an act ascribed to the other side?"""
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        return any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.dep_ in ("pcomp", "pobj") and g.tag_ == "VBG" for g in c.children)
            for h in holders for c in h.children)

    @staticmethod
    def _is_state(party: str | None) -> bool:
        return party is not None and default_kb().country(party) is not None

    def _country(self, member: Participant, start: int, end: int) -> Participant:
        """The country of a state's actor, named by the words at `start:end` ("Belarus
        jailed **the opposition leader**": the target is Belarus itself)."""
        text = self.text[start:end]
        if (member.actor or "").startswith("country:"):
            return replace(member, start=start, end=end, text=text)
        country = default_kb().country(member.party)
        name = country.name if country is not None else member.party
        return Participant(actor=f"country:{member.party}", name=name, party=member.party,
                           code=member.party, start=start, end=end, text=text)

    @staticmethod
    def _no_visit(pattern: Pattern, verb: Token | None, sources: Sequence[Participant],
                  targets: Sequence[Participant]) -> bool:
        """"flew the migrants to Louisiana": moving others is no visit; "officials
        travelled to Texas": a trip within one's own country meets no other party."""
        if pattern.type != "CONSULT" or pattern.mode != "visit":
            return False
        moved = pattern.particle is not None and verb is not None and \
            any(c.dep_ == "dobj" for c in verb.children)
        home = bool(targets) and all(t.party in {s.party for s in sources} for t in targets)
        return moved or home

    def _background_clause(self, anchor: Token) -> bool:
        """"... than before Russia invaded Ukraine", "since Moscow annexed Crimea": an act
        named only to place another in time is background, not an event the story reports."""
        return anchor.dep_ in ("advcl", "pcomp") and any(
            c.dep_ in ("mark", "prep") and c.lower_ in self.background for c in anchor.children) \
            or anchor.dep_ == "pcomp" and anchor.head.lower_ in self.background

    def _not_a_request(self, pattern: Pattern, verb: Token | None) -> bool:
        """"asked the defendant if he agreed", "asked whether Kyiv would accept": a
        question; "an email requesting comment", "asked for an interview": the press at
        work. Neither is a REQUEST between parties."""
        if pattern.type != "REQUEST" or verb is None:
            return False
        asked = {g.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "prep")
                 for g in (c, *c.children) if g.dep_ in ("dobj", "pobj")}
        return self._question(verb) or bool(asked & self.press)

    def _warning_about(self, pattern: Pattern, verb: Token | None) -> bool:
        """"warned the Congress about Chinese cyber activity", "warned the ministry about
        meddling in the audit": a warning about a risk or about another's conduct announces no harm
        of the warner's own, so it is no THREATEN (guidelines §3); "warned of retaliation"
        and "warned Moscow against an invasion" stay threats."""
        return pattern.type == "THREATEN" and verb is not None and \
            self._lemma(verb) == "warn" and any(
                c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)

    def _shared_view(self, pattern: Pattern, verb: Token | None) -> bool:
        """"Britain and France agree that the vote was not free": agreeing, in the
        present, that something is so is a view both hold, not an agreement made (PLOVER
        AGREE is a commitment); "agreed that talks would resume" stays an agreement."""
        return pattern.type == "AGREE" and verb is not None and self._lemma(verb) == "agree" \
            and verb.tag_ in ("VBP", "VBZ") and any(c.dep_ == "ccomp" for c in verb.children)

    def _speech_setting(self, pattern: Pattern, verb: Token | None) -> bool:
        """"Speaking to lawmakers, the minister stressed ...": a participle that sets the
        scene of a statement names its audience, and a speech to an audience is no
        meeting; "speaking with" a partner, or to one by phone, stays a conversation."""
        if pattern.type != "CONSULT" or verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl":
            return False
        head = verb.head
        if head.dep_ == "advcl" and head.lemma_.lower() not in self.speech:
            head = head.head  # the small model hangs it on a participle in between
        if head.lemma_.lower() not in self.speech:
            return False
        words = {t.lower_ for t in verb.subtree}
        return "to" in words and "with" not in words and not words & CALL_WORDS

    def _unattributed(self, pattern: Pattern, trigger: Token, verb: Token,
                      victim: Token | None, means: Token | None) -> list[Event]:
        """Violence with no attacker named: "three Iraqi civilians were killed in a car
        bombing", "a roadside bomb killed a U.S. soldier". The victims, when they resolve
        to an actor, are the target; the source is the actor a nationality on the means
        names ("killed in a Russian drone attack"), else unknown (`None`, with a lower
        confidence), as GDELT keeps such events. Only for the patterns the data allows
        (violence and arrests): "the bill was killed" names no victim anyway."""
        if not self.loose.allows(pattern) or victim is None:
            return []
        victim = _antecedent(victim)  # "Soleimani, who was killed by an American drone"
        if victim is None or any(c.dep_ == "det" and c.lower_ in self.negators for c in victim.children):
            return []  # "no soldiers were wounded"
        if means is None:  # "killed in a suicide bombing", "died in an air strike"
            means = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                          for g in c.children if g.dep_ == "pobj"
                          and g.lemma_.lower() in self.loose.means), None)
        attacker = self._nominal_source(means) if means is not None and \
            means.lemma_.lower() in self.loose.means else None
        sources: list[Participant | None] = [
            *self._participants(attacker, source=True, agentive=True)] or [None]
        inferred = False
        mine = {s.actor for s in sources if s}
        targets = [t for t in self._participants(victim, mine, shallow=True)
                   if t.party]  # "al-Rufay'i was killed": an unplaced victim is too weak alone
        if sources == [None] and targets:
            # "U.S. soldiers were killed outside the Iraqi city of Basra": attackers unnamed
            # in a country not the victims' are coded with that country (PLOVER's and our
            # guidelines' convention for domestic armed groups); in the victims' own
            # country the place says nothing about who attacked
            place = self._located(verb, means)
            if place is not None and place.party not in {t.party for t in targets}:
                sources, inferred = [place], True
        modality, polarity = self._modality(verb), self._polarity(verb)
        if not targets or (sources == [None] and (modality, polarity) != ("actual", "affirmed")) \
                or self._anothers_opinion(verb, [s for s in sources if s]):
            return []  # "if it is attacked", "no soldier was hurt": no attack to report
        return self._events(pattern, verb, trigger, sources, targets, polarity, modality,
                            inferred=inferred)

    def _located(self, verb: Token, means: Token | None) -> Participant | None:
        """The country of the place named on the verb or on the means of an attack ("in
        central Baghdad", "near the Iraqi city of Basra")."""
        for holder in (verb, means):
            if holder is None:
                continue
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in LOCATIVE | {"outside"}:
                    # "outside of the city": the object of the inner "of"
                    inner = [g for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
                             for g in o.children]
                    for g in [*c.children, *inner]:
                        if g.dep_ == "pobj" and g.lemma_.lower() not in self.loose.means:
                            found = self._participants(g, places=True, inside=True, agentive=True)
                            if found and found[0].party:
                                return found[0]
        return None

    def _anothers_opinion(self, anchor: Token, sources: Sequence[Participant]) -> bool:
        """"Critics suggest Europe can't afford to defend Ukraine", "she hopes the United
        States can help": what someone hopes or believes others will do is an opinion, not
        an event of theirs (a speaker's hope for their own side's act still counts)."""
        governor = anchor
        for _ in range(6):
            if governor.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acomp", "pcomp", "acl") or \
                    governor.head is governor:
                break
            noun_clause = governor.dep_ == "acl"
            governor = governor.head
            holder: Token | None = None
            if noun_clause and governor.pos_ == "NOUN" and governor.lemma_.lower() in self.opinion_nouns:
                # "travelled to Washington in hopes that the United States can help": the
                # hope is held by the subject of the clause the noun is in
                clause = governor.head.head if governor.dep_ == "pobj" else governor.head
                holder = self._subject(clause)[0] if clause.pos_ in ("VERB", "AUX") else None
            elif noun_clause:
                break
            elif not (governor.pos_ == "VERB" and self._lemma(governor) in self.opinion):
                continue
            else:
                holder, _ = self._subject(governor)
            held = self._participants(holder) if holder is not None else []
            mine = {s.party for s in sources}
            return not any(p.party in mine for p in held)
        return False

    def _hit_where(self, anchor: Token, sources: Sequence[Participant]) -> list[Participant]:
        """"tortured civilians in Bucha": the small model hangs the place on the verb as
        often as on the people. When an act of force or protest names whom or what it hit
        but no country for them, the place where it happened ("in", "near", ...) gives the
        target; a pattern with no target slot filled never takes its place as a target."""
        mine = {s.actor for s in sources}
        for prep in anchor.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found = self._participants(obj, mine, places=True, inside=True)
                        if found:
                            return found
        return []

    def _home_place(self, anchor: Token, slots: list[tuple[str, list[Token]]],
                    sources: Sequence[Participant]) -> list[Participant]:
        """"Georgian police raided offices in Tbilisi": force or coercion on people or
        things in a town of the source's own country is domestic (PLOVER codes it X -> X).
        Only a town or region (a `place` mention), never the country's own name."""
        own = {s.actor: s for s in sources if s.actor and s.actor.startswith("country:")}
        if not own:
            return []
        found = [p for _, tokens in slots for tok in tokens
                 for p in self._participants(tok, places=True, inside=True)]
        found += self._hit_where(anchor, [])
        for place in found:
            if place.actor in own and self.how_at.get(place.start) == "place":
                return [place]
        return []

    def _antecedent_targets(self, pattern: Pattern, slots: list[tuple[str, list[Token]]],
                            verb: Token | None, trigger: Token,
                            sources: Sequence[Participant]) -> list[Participant]:
        """"Romania condemned the strike", "Putin rejected the proposal": when the target
        slot holds a definite noun naming an event told shortly before, the target is the
        actor responsible for that event (its source). For a gift ("has not committed to
        providing such assistance") the thing given is read too: what was asked for before
        goes to the one who asked."""
        if pattern.type not in self.lex.acts_about_events:
            return []
        places = [tokens for _spec, tokens in slots][:1]
        if pattern.object and verb is not None:
            places.append([c for c in verb.children if c.dep_ == "dobj"])
        mine = {s.actor for s in sources}
        for tokens in places:
            for tok in tokens:
                kinds = self.lex.event_nouns.get(tok.lemma_.lower())
                if not kinds or not any(c.dep_ in ("det", "amod", "predet") and c.lower_ in DEFINITE
                                        for c in tok.children):
                    continue
                for event in reversed(self.so_far):
                    if self._sentences_between(event.evidence[0], trigger.idx) > self.lex.event_noun_window:
                        break
                    if event.type in kinds and event.source and event.source.actor not in mine:
                        # every source of that event ("Macron and Starmer insisted ...")
                        return list({e.source.actor: e.source for e in self.so_far
                                     if e.trigger == event.trigger and e.type == event.type
                                     and e.source and e.source.actor not in mine}.values())
        return []

    def _purpose_party(self, anchor: Token, sources: Sequence[Participant]) -> list[Participant]:
        """"blocked a road to show their anger at the United States' policies", "went on
        strike to protest against Sweden's decision": a protest whose own words name no
        one is against the actor its purpose clause names (before the protesters' own
        country is taken as the default)."""
        mine = {s.actor for s in sources}
        for clause in anchor.children:
            if clause.dep_ not in ("advcl", "xcomp") or not _to_infinitive(clause):
                continue
            for obj in clause.children:
                heads = [obj] if obj.dep_ == "dobj" else [
                    g for g in obj.children if g.dep_ == "pobj"] if obj.dep_ == "prep" else []
                for head in heads:
                    # a party only: an unplaced name must not beat the own-country default
                    found = [p for p in self._participants(head, mine) if p.party]
                    if found:
                        return found
        return []

    def _condition_party(self, anchor: Token, sources: Sequence[Participant]) -> list[Participant]:
        """"threatened to halt the talks if Washington deploys the missiles": a threat
        whose own words name no one is aimed at whoever must meet its condition, the
        subject of the if/unless clause on the threat or on the threatened act."""
        clauses = [anchor, *(c for c in anchor.children if c.dep_ == "xcomp")]
        mine = {s.actor for s in sources}
        for clause in clauses:
            for cond in clause.children:
                if cond.dep_ != "advcl" or not any(
                        m.dep_ == "mark" and m.lower_ in self.if_marks and m.lower_ != "whether"
                        for m in cond.children):
                    continue
                subject = next((c for c in cond.children if c.dep_ in SUBJECTS), None)
                found = self._participants(subject, mine) if subject is not None else []
                if found:
                    return found
        return []

    def _sentences_between(self, start: int, end: int) -> int:
        return bisect.bisect_right(self.sent_starts, end) - bisect.bisect_right(self.sent_starts, start)

    def _domestic(self, pattern: Pattern, slots: list[tuple[str, list[Token]]],
                  sources: Sequence[Participant]) -> list[Participant]:
        """"Belarus jailed the opposition leader", "police dispersed protesters": a
        government acting on its own opposition, protesters or critics, named by no
        country, acts on its own country (PLOVER codes such events X -> X)."""
        for _, tokens in slots:
            for tok in tokens:
                tok = self._counted(tok)  # "hundreds of protesters"
                # the noun, its modifiers and what it is of ("the offices of opposition parties")
                nouns = [tok, *_of_objects(tok)]
                # form and lemma: the small model lemmatises "media" as "medium"
                words = {w for n in nouns for m in (n, *(c for c in n.children if c.dep_ in (
                    "compound", "amod", "nmod"))) for w in (m.lemma_.lower(), m.lower_)}
                groups = DOMESTIC_AUTHORITIES if pattern.type == "PROTEST" else DOMESTIC_GROUPS | (
                    DOMESTIC_SOCIETY if pattern.type in ("COERCE", "THREATEN") else set())
                if not words & groups:
                    continue
                # one source of a state: the country itself ("Belarus", "Belarusian
                # police") or one of its people or bodies ("Lukashenko", "Russia's
                # Supreme Court"), whose country is the target
                if len(sources) != 1 or not self._is_state(sources[0].party):
                    return []
                start, end = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
                return [self._country(sources[0], start, end)]
        return []

    def _events(self, pattern: Pattern, anchor: Token, trigger: Token,
                sources: Sequence[Participant | None], targets: Sequence[Participant],
                polarity: str, modality: str, when: Token | None = None,
                inferred: bool = False) -> list[Event]:
        """One event a (source, target) pair, dated and placed from `when` (default: the
        anchor), with the sentence as evidence and the trigger's characters. A source
        unknown or `inferred` (from the place of an attack) lowers the confidence."""
        date_ref = self._date(when or anchor) or (self._date(anchor) if when is not None else None)
        place, place_text, located = self._place(when or anchor)
        if place_text is None:  # "fired on crowds near an aid site in Rafah": the target's town
            place, place_text, located = self._target_place(targets) or (place, place_text, located)
        sent = trigger.sent
        trig_start = min(anchor.idx, trigger.idx)
        trig_end = max(anchor.idx + len(anchor), trigger.idx + len(trigger))
        if abs(anchor.i - trigger.i) > 3:
            trig_start, trig_end = trigger.idx, trigger.idx + len(trigger)
        info = self.lex.types.get(pattern.type)
        events = []
        for source in sources:
            options: list[Participant | None] = [*targets] or [None]
            for target in options:
                confidence = (self.loose.confidence if source is None or inferred else 0.5 + (
                    0.2 if source.actor and not source.actor.startswith("local:") else 0.1)) \
                    + (0.2 if target else 0.0) + (0.1 if date_ref else 0.0)
                key = f"{self.article.id}:{trigger.idx}:{pattern.type}:" \
                      f"{source.actor if source else ''}:{target.actor if target else ''}"
                events.append(Event(
                    id=hashlib.sha1(key.encode()).hexdigest()[:16], type=pattern.type,
                    mode=pattern.mode, cameo=pattern.cameo or (info.cameo_root if info else None),
                    cameo_root=info.cameo_root if info else None,
                    quad_class=info.quad_class if info else None,
                    intensity=info.intensity if info else None, source=source, target=target,
                    polarity=polarity, modality=modality,
                    date=date_ref.value if date_ref else _iso(self.article.date),
                    date_text=date_ref.text if date_ref else None, place=place,
                    place_text=place_text, located=located,
                    evidence=(sent.start_char, sent.end_char, sent.text),
                    trigger=(trig_start, trig_end, self.text[trig_start:trig_end]),
                    pattern=pattern.id, confidence=round(min(confidence, 1.0), 2)))
        return events

    def _governors(self, tok: Token) -> list[Token]:
        chain, cur = [], tok
        for _ in range(5):
            if (cur.dep_ in ("xcomp", "ccomp", "advcl", "acomp", "pcomp", "prep", "pobj", "dobj",
                             "relcl_no") or _content_clause(cur)) and cur.head is not cur:
                cur = cur.head
                chain.append(cur)
            else:
                break
        return chain

    def _denied(self, tok: Token) -> bool:
        """"The Kremlin denied that Russia had attacked", "dismissed suggestions that Russia
        would attack": a denial negates the clause it governs (a plain report does not)."""
        node = tok
        while node.dep_ == "xcomp" and node.head is not node:  # "suggestions that Russia planned to attack"
            node = node.head
        if node.dep_ == "acl" and node.head.pos_ == "NOUN":  # "reports that ...": the noun
            node = node.head
            if node.dep_ == "pobj" and node.head.dep_ == "prep":
                node = node.head
        elif node.dep_ != "ccomp":
            return False
        return node.head.lemma_.lower() in self.denial

    def _polarity(self, tok: Token) -> str:
        if self._denied(tok):
            return "negated"
        nodes = [tok, *self._governors(tok)]
        for node in nodes:
            if node.pos_ not in ("VERB", "AUX", "ADJ", "NOUN") and node is not tok:
                continue
            if any(c.dep_ == "neg" or c.lower_ in self.negators and c.dep_ in ("neg", "advmod", "det")
                   for c in node.children):
                return "negated"
            if node is not tok and node.lemma_.lower() in self.negating:
                return "negated"
            if node.pos_ == "VERB" and node.dep_ == "ccomp":
                break  # a reporting verb's negation does not reach the reported event
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.own_clause
                                            for c in node.children):
                break  # "is not limited to chips, because Washington could impose ...": the
                # main clause's negation does not reach the clause that gives its reason
        return "affirmed"

    def _modality(self, tok: Token) -> str:
        if self._unconfirmed(tok):
            return "hypothetical"
        governors = self._governors(tok)
        nodes = [tok, *governors]
        clause = []
        for node in nodes:
            clause.append(node)
            if node.dep_ == "ccomp":
                break
        aux = {c.lower_ for n in clause for c in n.children if c.dep_ in ("aux", "auxpass")}
        for node in clause:
            marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
            if marks & self.if_marks and node.dep_ in ("advcl", "ccomp", "pcomp"):
                return "hypothetical"
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.if_marks
                                         for m in c.children) for c in tok.children):
            # "if Europe goes ahead, he will impose the tariff"; "may halt the talks if
            # the fighting goes on" is a warning on a condition, not a mere possibility
            return "conditional"
        if aux & self.maybe:
            return "hypothetical"
        lemmas = {g.lemma_.lower() for g in governors if not self._question(g)}
        if lemmas & self.request:
            return "demanded"
        if aux & self.would or lemmas & self.conditional or self._on_condition(clause):
            return "conditional"
        if aux & self.future or lemmas & self.intent or (
                "going" in {n.lower_ for n in governors}) or self._progressive_future(tok):
            return "intended"
        return "actual"

    def _on_condition(self, clause: list[Token]) -> bool:
        """"Nigeria will withdraw its force unless ...", "if the talks fail, we will
        impose ...": an act its clause makes depend on a condition (guidelines:
        conditional)."""
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.if_marks
                                             and m.lower_ != "whether" for m in c.children)
                   for node in clause for c in node.children)

    def _unconfirmed(self, tok: Token) -> bool:
        """"He avoided confirming that Putin had agreed", "did not confirm that ...": a
        report its reporter would not confirm is uncertain."""
        node = tok
        while node.dep_ in ("xcomp", "conj") and node.head is not node:
            node = node.head
        verb = node.head
        if node.dep_ != "ccomp" or verb.lemma_.lower() not in ("confirm", "verify"):
            return False
        return any(c.dep_ == "neg" for c in verb.children) or (
            verb.dep_ in ("xcomp", "pcomp") and (verb.head.lemma_.lower() in self.negating
                                                 or any(c.dep_ == "neg" for c in verb.head.children)))

    @staticmethod
    def _question(verb: Token) -> bool:
        """"asked why Russia was violating ...", "asked whether": a question, not a request."""
        return verb.lemma_.lower() in ("ask", "wonder", "question") and any(
            c.dep_ in ("ccomp", "advcl") and any(g.tag_ in ("WRB", "WP", "WDT") or (
                g.dep_ == "mark" and g.lower_ in ("if", "whether")) for g in c.children)
            for c in verb.children)

    def _progressive_future(self, tok: Token) -> bool:
        """"We are meeting them tomorrow", "I'm having a conversation with him shortly"."""
        if tok.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children):
            return False
        times = [c for c in tok.children if c.dep_ in ("advmod", "npadvmod")]
        return any(w.lower_ in self.soon for t in times for w in (t, *t.children))

    def _date(self, tok: Token) -> DateRef | None:
        sent = tok.sent
        best, best_distance = None, 99
        for i in range(sent.start, sent.end):
            ref = self.date_at.get(i)
            if ref is None:
                continue
            node, steps = self.doc[i], 0
            while node.i != tok.i and node.head is not node and steps < 4:
                node, steps = node.head, steps + 1
            if node.i == tok.i and steps < best_distance:
                best, best_distance = ref, steps
        return best

    def _target_place(self, targets: Sequence[Participant]) -> tuple[str, str, Place] | None:
        """A target that is a town or region the event hit is also where it happened."""
        for target in targets:
            if self.how_at.get(target.start) == "place":
                span = self.doc.char_span(target.start, target.end, alignment_mode="expand")
                if span is not None and span.start in self.place_at:
                    return target.text, target.text, self.place_at[span.start]
        return None

    def _place(self, tok: Token) -> tuple[str | None, str | None, Place | None]:
        """Where the event happened: the place named by "in"/"at" on its clause (text,
        text, record), else the article's dateline (text, None, record)."""
        objects = [c for c in tok.children if c.dep_ in ("dobj", "attr")]
        for head in [tok, tok.head, *objects]:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for g in c.children:
                        if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "FAC")
                                                 or g.i in self.place_at):
                            ent = next((e for e in self.doc.ents if e.start <= g.i < e.end), None)
                            text = ent.text if ent is not None else g.text
                            return text, text, self.place_at.get(g.i)
        if self.article.dateline:
            return self.article.dateline, None, self.dateline
        return None, None, None


def _phrase(tok: Token, opinions: frozenset[str] = frozenset()) -> list[Token]:
    """The words of a noun's phrase that can name who it concerns, in text order: within
    PHRASE_DEPTH steps of the noun ("proposals that Western countries would deploy"), not
    deep inside modifiers of modifiers ("targets in areas abandoned by forces loyal to the
    former Syrian president"), nor in what it is about ("concerns about Trump's threat")
    or what an opinion holds ("rebuffed fears that Trump's tariffs would ..."), nor the
    possessor of a relation ("America's allies" are not America)."""
    out, todo = [], [(tok, 0)]
    while todo:
        node, depth = todo.pop()
        out.append(node)
        if depth < PHRASE_DEPTH:
            todo += [(c, depth + 1) for c in node.children if not _aside(node, c) and not (
                c.dep_ == "acl" and node.lemma_.lower() in opinions)]
    return sorted(out, key=lambda t: t.i)


def _in_clause(inner: Token, top: Token) -> bool:
    """Is `inner` inside a participle or relative clause on a noun below `top`, or a
    clause that is a preposition's object ("the imposition of what Beijing calls
    sanctions": the one who names the thing, not the one it is done by)?"""
    node = inner
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in ("VBN", "VBG")) or (
                node.dep_ == "pcomp" and node.pos_ in ("VERB", "AUX")):
            return True
        node = node.head
    return False


def _aside(node: Token, child: Token) -> bool:
    """Is `child` a topic ("about the tariffs") or a relation's possessor ("Iran's allies")
    rather than a party of the act on `node`?"""
    return (child.dep_ == "prep" and child.lower_ in TOPIC_PREPS) or (
        child.dep_ == "poss" and node.lemma_.lower() in RELATIONS)


def _antecedent(tok: Token | None) -> Token | None:
    """The noun a relative pronoun stands for ("Soleimani, who was killed ...")."""
    if tok is not None and tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _of_objects(tok: Token) -> list[Token]:
    """The objects of a word's "of" phrase ("thousands **of troops**", "the offices **of
    opposition parties**")."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]


def _to_infinitive(clause: Token) -> bool:
    """Is this clause a "to" infinitive ("rallied **to demand** ...")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _thing_modifier(span: Span) -> bool:
    """Does this nationality adjective modify a thing ("an Iranian vessel") rather than a
    group or a person ("Algerian landowners", "a French minister")?"""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i and \
            root.head.dep_ in ("amod", "compound", "nmod", "conj"):
        root = root.head  # "Polish and Czech officials"
    if root.dep_ not in ("amod", "compound", "nmod"):
        return False
    head = root.head
    for _ in range(2):  # "Israeli intelligence officials"
        if _agent_noun(head) or head.dep_ != "compound" or head.head.i == head.i:
            break
        head = head.head
    # a plural names people or weapons ("Algerian landowners", "Russian drones"); a
    # singular that is no title or unit is a thing ("an Iranian vessel")
    # nor is the craft of a force ("a Chinese coast guard ship", "an Iranian navy vessel")
    return not _agent_noun(head) and head.tag_ not in ("NNS", "NNPS") and not any(
        c.dep_ == "compound" and _agent_noun(c) for c in head.children)


def _stranded_object(head: Token, prep: Token) -> list[Token]:
    """"granted asylum to five officers holed up in ...": the small model leaves the
    preposition without an object and makes its noun the subject of a clause on the verb;
    that subject, when it starts right after the preposition, is the object."""
    return [g for c in head.children if c.dep_ in ("advcl", "ccomp") and c.i > prep.i
            for g in c.children if g.dep_ in ("nsubj", "nsubjpass") and g.left_edge.i == prep.i + 1]


def _adverb_particle(verb: Token, child: Token) -> bool:
    """A particle the small model tags as an adverb ("pushed **back** against", "turned
    **away** the ship", "climbed **down** on"): after its verb, one of `PARTICLE_ADVERBS`."""
    return child.dep_ == "advmod" and child.i > verb.i and child.lower_ in PARTICLE_ADVERBS


def _content_clause(tok: Token) -> bool:
    """A "that" clause of a noun, which tells what the noun says ("its demand that Israel
    ease ...", "a reminder that it must ..."), unlike a relative clause."""
    return tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _agent_noun(tok: Token) -> bool:
    return tok.lower_ in AGENT_NOUNS or tok.lemma_.lower() in AGENT_NOUNS


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _plover_key(event: Event) -> tuple[str, str | None, str | None]:
    party = lambda p: p.party if p else None  # noqa: E731
    return (plover_type(event.type, event.modality, event.polarity), party(event.source),
            party(event.target))


def dedupe(events: Sequence[Event]) -> list[Event]:
    """The same event told twice (lead and body) is one event with two mentions."""
    merged: dict[tuple, Event] = {}
    order = []
    for event in events:
        key = event.key()
        if key in merged:
            first = merged[key]
            mentions = first.mentions or (first.evidence,)
            extra = tuple(m for m in event.mentions or (event.evidence,) if m not in mentions)
            if extra:
                merged[key] = replace(first, mentions=(*mentions, *extra),
                                      confidence=max(first.confidence, event.confidence))
            continue
        merged[key] = replace(event, mentions=event.mentions or (event.evidence,))
        order.append(key)
    return [merged[k] for k in order]


def _names_something(verb: Token) -> bool:
    """"called the allegations baseless", "called Zelenskyy a dictator": an object and a
    predicate about it (spaCy gives `oprd`, or an indefinite apposition)."""
    deps = {c.dep_ for c in verb.children}
    if {"dobj", "oprd"} <= deps:
        return True
    return any(c.dep_ == "dobj" and any(a.dep_ == "appos" and any(
        d.dep_ == "det" and d.lower_ in ("a", "an") for d in a.children) for a in c.children)
        for c in verb.children)

