"""Events carried by what people say.

The rule extractor (`extract.py`) codes what sentences report and skips words inside
quotation marks: a quotation is speech, and coding every verb in it would turn opinion into
events. Two kinds of event do live in speech, and this pass codes them from the
quotations (direct, indirect and mixed) whose speaker the quotes stage resolved:

- **the speaker's own announced action**, in their own words: "I'm having a conversation
  with him very shortly", "we will send more air defence". The lexicon's patterns apply,
  but only where the subject is the speaker (I, we, my, our);
- **what the statement itself does** (rules in `data/statements.json`):
  - labelling an actor with a pejorative accuses it: "Western war instigators", "Moscow's
    puppets", "Russia is the aggressor" give ACCUSE speaker -> actor ("regime" and "junta"
    are left out: news uses them as plain descriptions);
  - denying an actor the right to decide rejects its claim: "Russia will not decide", "it
    is not for them to decide", "Moscow has no veto" give REJECT speaker -> actor;
  - saying an actor breaks a rule accuses it: "Iran is defying the Security Council",
    "Russia violated the truce" give ACCUSE speaker -> actor;
  - putting the onus on an actor asks it to act: "it is now for Russia to accept it", "it
    is up to Moscow to respond", "the ball is in Russia's court" give REQUEST speaker ->
    actor.

The source is the speaker, who must be a known party (a speaker outside the knowledge base
or without a country gives opinion, not a party's act); the target must have a party too.
The date and place come from the attribution ("said on
Thursday in Brussels") when it has them; a quotation links to the events it carries.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.records import Actor
from ..dates import DateRef
from ..quotes.records import Quote
from ..records import Article
from .extract import EventExtractor, dedupe
from .lexicon import Lexicon, Pattern, data_json
from .records import Event, Participant

MODIFIERS = ("amod", "compound", "poss", "nmod")


@dataclass(frozen=True)
class StatementRules:
    first_person: frozenset[str]
    label: Pattern
    label_words: frozenset[str]
    authority: Pattern
    authority_verbs: frozenset[str]
    authority_nouns: frozenset[str]
    onus: Pattern
    wrongdoing: Pattern
    wrongdoing_verbs: frozenset[str]
    examples: tuple[Pattern, ...]


def load_rules() -> StatementRules:
    data = data_json("statements.json")
    rules = {r["id"]: r for r in data["rules"]}

    def pattern(rule: dict) -> Pattern:
        return Pattern(id=rule["id"], type=rule["type"], trigger="statement",
                       lemma=rule["id"], target=("statement",), source="speaker",
                       mode=rule.get("mode"), cameo=rule.get("cameo"), example=rule.get("example"),
                       example_source=rule.get("example_source"),
                       example_target=rule.get("example_target"))

    label, authority = rules["statement.ACCUSE.label"], rules["statement.REJECT.authority"]
    onus, wrong = rules["statement.REQUEST.onus"], rules["statement.ACCUSE.wrongdoing"]
    return StatementRules(
        first_person=frozenset(data["first_person"]), label=pattern(label),
        label_words=frozenset(label["words"]), authority=pattern(authority),
        authority_verbs=frozenset(authority["verbs"]),
        authority_nouns=frozenset(authority["nouns"]), onus=pattern(onus),
        wrongdoing=pattern(wrong), wrongdoing_verbs=frozenset(wrong["verbs"]),
        examples=(pattern(label), pattern(authority), pattern(onus), pattern(wrong)))


class StatementExtractor(EventExtractor):
    """Events from quotations with a known speaker; see the module's docstring."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        super().__init__(lexicon)
        self.rules = load_rules()

    def extract(self, doc: Doc, article: Article, actors: Sequence[Actor],
                dates: Sequence[DateRef], quotes: Sequence[Quote]) -> list[Event]:
        if not any(q.speaker for q in quotes):
            return []  # nothing said by anyone known: no need to index the document
        self._prepare(doc, article, actors, dates)
        by_id = {a.id: a for a in actors}
        events: list[Event] = []
        for quote in quotes:
            speaker = by_id.get(quote.speaker) if quote.speaker else None
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if speaker is None or span is None or not (speaker.in_kb and speaker.party):
                continue  # an unknown speaker's words are opinion, not a party's act
            source = self._speaker(speaker, quote)
            cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand") \
                if quote.cue_start is not None and quote.cue_end is not None else None
            when = cue[0] if cue is not None and len(cue) else None
            if quote.kind == "direct":
                events += self._own_actions(span, speaker, source, when)
            for tok in span:
                for pattern, target_tok in self._acts(tok, span):
                    targets = [t for t in self._participants(target_tok, {speaker.id})
                               if t.party and t.party != source.party]
                    if targets:
                        events += self._events(pattern, tok, tok, [source], targets[:1],
                                               "affirmed", "actual", when)
        return dedupe(events)

    # -- the speaker ------------------------------------------------------------------------
    @staticmethod
    def _speaker(speaker: Actor, quote: Quote) -> Participant:
        """The speaker's mention nearest the attribution."""
        at = quote.cue_start if quote.cue_start is not None else quote.start
        m = min(speaker.mentions, key=lambda m: abs(m.start - at))
        return Participant(actor=speaker.id, name=speaker.name, party=speaker.party,
                           code=speaker.code, start=m.start, end=m.end, text=m.text)

    def _own_actions(self, span: Span, speaker: Actor, source: Participant,
                     when: Token | None) -> list[Event]:
        """The lexicon's events inside a direct quotation whose subject is the speaker."""
        first = [t for t in span if t.lower_ in self.rules.first_person and t.i not in self.actor_at]
        for tok in first:
            self.actor_at[tok.i] = (speaker, tok.idx, tok.idx + len(tok))
        events: list[Event] = []
        used: set[int] = set()
        for tok in span:
            for pattern, verb in self._matches(tok, used):
                for event in self._build(pattern, tok, verb):
                    if event.source and event.source.text.lower() in self.rules.first_person \
                            and not (event.target and event.target.party == source.party):
                        events.append(event)
        for tok in first:
            del self.actor_at[tok.i]
        return events

    # -- what the statement does ------------------------------------------------------------
    def _acts(self, tok: Token, span: Span) -> Iterator[tuple[Pattern, Token]]:
        rules = self.rules
        lemma = tok.lemma_.lower()
        if lemma in rules.label_words and tok.pos_ in ("NOUN", "PROPN", "ADJ"):
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                return  # a title before a name ("Cuban dictator Fidel Castro") describes
            for child in tok.children:  # "Western warmongers", "Moscow's puppets"
                if child.dep_ in MODIFIERS and child.i in self.actor_at:
                    yield rules.label, child
                    return
            noun = tok if tok.dep_ == "attr" else tok.head if tok.dep_ in ("amod", "compound") \
                and tok.head.dep_ == "attr" else None
            if noun is not None:  # "Russia is the aggressor", "a terrorist state"
                subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
                if subject is not None and span.start <= subject.i < span.end:
                    yield rules.label, subject
        elif lemma in rules.wrongdoing_verbs and tok.pos_ == "VERB" and self._polarity(tok) == "affirmed":
            subject, passive = self._subject(tok)  # "Iran is defying the Security Council"
            if subject is not None and not passive:
                yield rules.wrongdoing, subject
        elif lemma == "be" and (holder := self._onus(tok)) is not None:
            yield rules.onus, holder
        elif lemma in rules.authority_verbs and tok.pos_ == "VERB" and self._polarity(tok) == "negated":
            subject, passive = self._subject(tok)  # "Russia will not decide", "not for them to decide"
            if subject is not None and not passive:
                yield rules.authority, subject
        elif lemma in rules.authority_nouns and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and \
                tok.head.lemma_ == "have" and (any(c.lower_ == "no" for c in tok.children)
                                                or self._polarity(tok.head) == "negated"):
            subject, _ = self._subject(tok.head)  # "Beijing has no veto", "does not have a say"
            if subject is not None:
                yield rules.authority, subject

    def _onus(self, be: Token) -> Token | None:
        """Whom a statement puts the onus on: "it is (now) for X to act", "it is up to X to
        act", "the ball is in X's court". Not when negated: "it is not for them to decide"
        denies a say (the authority rule)."""
        subject = next((c for c in be.children if c.dep_ == "nsubj"), None)
        if subject is None or self._polarity(be) == "negated":
            return None
        if subject.lower_ == "it":
            for c in be.children:
                if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(
                        g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
                    return next((g for g in c.children if g.dep_ == "nsubj"), None)
                if c.dep_ == "prep" and c.lower_ == "up" and any(
                        k.dep_ in ("xcomp", "advcl") and k.pos_ == "VERB" for k in be.children):
                    return next((h for g in c.children if g.dep_ == "prep" and g.lower_ == "to"
                                 for h in g.children if h.dep_ == "pobj"), None)
        if subject.lemma_.lower() == "ball":  # "the ball is in Russia's court"
            return next((g for c in be.children if c.dep_ == "prep" and c.lower_ == "in"
                         for court in c.children if court.dep_ == "pobj" and court.lemma_ == "court"
                         for g in court.children if g.dep_ == "poss"), None)
        return None

