"""Quotations: direct (every mark style, split, multi-paragraph, floating), indirect
("X said (that) ...", "X warned ..., saying ...", "according to X, ...") and mixed, each
with its speaker (a resolved actor when the actors stage knows it), cue and channel.

Names, titles and scare quotes in quotation marks ('Coalition of the Willing', an 'X'
post, the so-called "peace plan") are not quotations: a quoted stretch counts when it
reads as speech (four words or more, or a sentence) and is not a capitalised name.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from ..actors.records import Actor
from .records import Quote

DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»", '"': '"'}
DOUBLE_CLOSE = {"”", "»", '"', "“"}
SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass
class _Direct:
    start: int  # first quoted character
    end: int
    open_mark: int
    close_mark: int
    continued: bool = False  # a paragraph of a multi-paragraph quote after the first


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = json.loads(resources.files("communique.quotes").joinpath("data/cues.json").read_text("utf-8"))
    channels = sorted(((p, c["channel"]) for c in data["channels"] for p in c["phrases"]),
                      key=lambda x: -len(x[0]))
    # one alternation, longest phrase first, so a sentence is scanned once
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(p) for p, _ in channels) + r")(?![\w])")
    nouns = {word: kind for kind, words in data["speaker_nouns"].items() if kind != "about"
             for word in words}
    from ..actors import default_kb  # titles name people: "the envoy", "the spokesperson"

    for variant in default_kb().titles:
        nouns.setdefault(variant.split()[-1], "person")
    return {"verbs": frozenset(data["verbs"]), "indirect": frozenset(data["indirect_verbs"]),
            "speaker_nouns": nouns, "channels": channels,
            "channel_re": pattern, "channel_of": dict(channels),
            "channel_fallback": frozenset(data.get("channel_fallback", ()))}


def direct_quotes(doc: Doc) -> list[_Direct]:
    """`find_direct` over a parsed document, once: the events and quotes stages both read it."""
    found = doc.user_data.get("direct_quotes")
    if found is None:
        found = doc.user_data["direct_quotes"] = find_direct(doc.text)
    return found


def find_direct(text: str) -> list[_Direct]:
    """Double-quoted stretches, paragraph by paragraph. An opening mark left open at the end
    of a paragraph continues when the next paragraph opens with a mark (wire style); other
    unbalanced marks are dropped without stopping the rest."""
    found: list[_Direct] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    carry = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        open_at, closer = None, None
        continued = carry
        carry = False
        i = p_start
        while i < p_end:
            ch = text[i]
            if open_at is None and ch in DOUBLE_OPEN:
                open_at, closer = i, DOUBLE_OPEN[ch]
            elif open_at is not None and (ch == closer or (ch in DOUBLE_CLOSE and ch != "“" and closer != '"')
                                          or (closer == '"' and ch == "”")):
                found.append(_Direct(open_at + 1, i, open_at, i, continued))
                open_at, continued = None, False
            i += 1
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if nxt and text[nxt[0]] in DOUBLE_OPEN:
                found.append(_Direct(open_at + 1, p_end, open_at, p_end, continued))
                carry = True
    return [d for d in found if d.end > d.start]


def _is_speech(text: str) -> bool:
    words = text.split()
    if len(words) >= 4:
        capitalised = sum(1 for w in words if w[:1].isupper())
        # 'The Coalition of the Willing': a name, not speech
        return not (len(words) <= 6 and capitalised >= len(words) - 1
                    and not re.search(r"[.!?,]", text))
    return bool(re.search(r"[.!?]$", text.strip().rstrip("\"'”’"))) and len(words) >= 2


class QuoteExtractor:
    def __init__(self) -> None:
        cues = _cues()
        self.verbs = cues["verbs"]
        self.indirect = cues["indirect"]
        self.channel_re = cues["channel_re"]
        self.channel_of = cues["channel_of"]
        self.channel_fallback = cues["channel_fallback"]
        self.nouns: dict[str, str] = cues["speaker_nouns"]

    def __call__(self, doc: Doc, actors: Sequence[Actor], events: Sequence = ()) -> list[Quote]:
        self.doc = doc
        self.text = doc.text  # Doc.text builds a new string on every access
        self.actor_at: dict[int, Actor] = {}
        # places and modifiers too: "a State Department spokesperson", "the G7 statement"
        everyone = doc._.all_actors if Doc.has_extension("all_actors") else ()
        for actor in everyone or actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    for tok in span:
                        self.actor_at.setdefault(tok.i, actor)
        text = self.text
        self._resolved: dict[tuple[int, int], Actor | None] = {}
        self._sentences = list(doc.sents)
        self._sentence_of = [0] * len(doc)
        for n, sent in enumerate(self._sentences):
            for i in range(sent.start, sent.end):
                self._sentence_of[i] = n
        self.quoted = [(d.start, d.end) for d in direct_quotes(doc)]
        self.speech = [(tok, subject) for tok in doc if tok.lemma_.lower() in self.verbs
                       and tok.pos_ == "VERB" and not self._quoted(tok)
                       and (subject := self._speaker_of(tok)) is not None]
        directs: list[_Direct] = []
        quotes: list[Quote] = []
        previous: Quote | None = None
        for d in direct_quotes(doc):
            quote = self._direct(d, previous)
            if d.continued or _is_speech(text[d.start:d.end]):
                directs.append(d)
                quotes.append(quote)
                previous = quote
            elif quote.cue is not None:
                # '"Absolutely not," he said. "..."': too short to count as a quotation,
                # but the next one floats on its attribution
                previous = quote
        # the paragraphs of a long quote are attributed once, often at the end: earlier
        # paragraphs without a speaker take the attribution of the paragraph that follows
        for i in range(len(directs) - 2, -1, -1):
            if directs[i + 1].continued and quotes[i].speaker is None and quotes[i].cue is None:
                later = quotes[i + 1]
                quotes[i] = replace(later, id=quotes[i].id, text=quotes[i].text,
                                    start=quotes[i].start, end=quotes[i].end)
        quotes = _inherit_channels(self._with_indirect(quotes), [x.start_char for x in self._sentences])
        quotes = [self._link(q, events) for q in quotes]
        return sorted(quotes, key=lambda q: q.start)

    # -- direct -----------------------------------------------------------------------------
    def _direct(self, d: _Direct, previous: Quote | None) -> Quote:
        # '..." X said' attributes only a quote that ends in a comma, "?" or "!" (wire style:
        # a quote closed by a full stop is attributed before it, 'X said: "...".')
        closes_sentence = self.text[d.start:d.end].rstrip().endswith(".")
        cue = self._cue_before(d) if closes_sentence else None
        cue = cue or self._cue_after(d) or self._cue_before(d)
        speaker_tok = self._speaker_of(cue) if cue is not None else None
        actor = self._actor_for(speaker_tok)
        speakers = self._all_actors(speaker_tok)
        speaker_text = self._phrase(speaker_tok)
        if cue is None and previous is not None and previous.kind == "direct" and (
                d.continued or self._adjacent(previous, d)):
            return self._quote(d.start, d.end, "direct", previous.speaker, previous.speaker_text,
                               previous.speaker_name, previous.speakers, previous.cue,
                               previous.cue_start, previous.cue_end, previous.channel)
        channel = self._channel(cue, d) if cue is not None else None
        return self._quote(d.start, d.end, "direct", actor.id if actor else None, speaker_text,
                           actor.name if actor else None, tuple(a.id for a in speakers),
                           cue.text if cue is not None else None,
                           cue.idx if cue is not None else None,
                           cue.idx + len(cue) if cue is not None else None, channel)

    def _adjacent(self, previous: Quote, d: _Direct) -> bool:
        """Is only an attribution between the previous quote and this one (split quote, or
        a floating quote in the next paragraph)?"""
        between = self.text[previous.end:d.open_mark].lstrip(",.!?\"”’' ")
        return len(between) < 120 and between.count("\n\n") <= 1 and not re.search(
            r"[\"“”]", between)

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _cue_after(self, d: _Direct) -> Token | None:
        text = self.text
        stop = text.find("\n", d.close_mark)
        stop = len(text) if stop < 0 else stop
        window = self._tokens(d.close_mark + 1, min(stop, d.close_mark + 160))
        for tok in window[:10]:
            if tok.text in DOUBLE_OPEN:
                break
            if tok.lemma_.lower() in self.verbs and tok.pos_ in ("VERB", "AUX"):
                if any(c.dep_ in SUBJECTS and c.idx > d.close_mark for c in tok.children) \
                        and self._reports_anew(tok, d):
                    return None  # '..." Experts say the crisis ...': a new report, not this one's cue
                return tok
        if self.text[d.start:d.end].rstrip().endswith("."):
            return None
        return self._cue_of_subject(window, d)

    @staticmethod
    def _reports_anew(verb: Token, d: _Direct) -> bool:
        """Does the cue verb bring its own reported clause after it ("X said that ...")
        rather than govern the quotation?"""
        children = list(verb.children)
        if any(d.start <= c.idx < d.end for c in children):
            return False
        return any(c.dep_ == "ccomp" and c.i > verb.i for c in children)

    def _cue_of_subject(self, window: list[Token], d: _Direct) -> Token | None:
        """'"...," Jane Doe, a professor of law at the university, told VOA': the name right
        after the quote is the subject of a cue verb further on, past a long apposition."""
        first = next((t for t in window if not (t.is_punct or t.is_space)), None)
        if first is None:
            return None
        head = first
        while head.dep_ in ("compound", "flat", "amod", "det", "poss", "nmod") and head.head.i > head.i:
            head = head.head
        verb = head.head
        if head.dep_ not in SUBJECTS or verb.i <= head.i or verb.sent != head.sent:
            return None
        if verb.lemma_.lower() not in self.verbs or verb.pos_ not in ("VERB", "AUX") \
                or self._reports_anew(verb, d):
            return None
        if any(t.text in DOUBLE_OPEN or t.text in DOUBLE_CLOSE for t in self.doc[first.i:verb.i]):
            return None
        return verb

    def _cue_before(self, d: _Direct) -> Token | None:
        text = self.text
        line_start = text.rfind("\n", 0, d.open_mark) + 1
        if not text[line_start:d.open_mark].strip():
            # the quote opens a paragraph: 'He said:' may end the previous one
            previous = text[:line_start].rstrip()
            if previous.endswith(":"):
                line_start = text.rfind("\n", 0, len(previous)) + 1
        window = self._tokens(line_start, d.open_mark)
        if not window:
            return None
        tail = text[window[-1].idx + len(window[-1]):d.open_mark] if window else ""
        last = window[-1]
        if last.text not in (":", ",") and tail.strip() != "" and last.pos_ != "VERB":
            return None
        for tok in reversed(window[-8:]):
            if tok.lemma_.lower() in self.verbs and tok.pos_ in ("VERB", "AUX"):
                return tok
            if tok.text in (".", "!", "?"):
                break
        return None

    def _speaker_of(self, cue: Token) -> Token | None:
        for child in cue.children:
            if child.dep_ in SUBJECTS:
                return child
        head = cue
        for _ in range(3):
            if head.dep_ in ("advcl", "xcomp", "conj", "ccomp") and head.head is not head:
                head = head.head
                for child in head.children:
                    if child.dep_ in SUBJECTS:
                        return child
            else:
                break
        for tok in cue.doc[cue.i + 1: min(len(cue.doc), cue.i + 8)]:  # "said Rutte" parsed oddly
            if tok.i in self.actor_at or tok.ent_type_ == "PERSON":
                return tok
            if tok.is_punct or tok.pos_ in ("ADP", "VERB", "AUX", "SCONJ"):
                break  # "calling on X to ...", "saying the ship would ...": not the speaker
        return None

    def _actor_for(self, tok: Token | None, depth: int = 0) -> Actor | None:
        """The actor a speaker phrase names, or the one it refers back to."""
        if tok is None:
            return None
        if tok.i in self.actor_at:
            return self.actor_at[tok.i]
        key = (tok.i, depth)
        if key not in self._resolved:
            self._resolved[key] = None  # no cycles
            self._resolved[key] = self._refer(tok, depth) if depth <= 3 else self._named(tok)
        return self._resolved[key]

    def _named(self, tok: Token) -> Actor | None:
        """An actor named inside the phrase: "a State Department spokesperson", "UNICEF's
        director Jane Doe" (the person), "a statement from the ISPR". Only near modifiers
        count: in "many of the inhabitants of the islands" the islands do not speak."""
        found = []
        for inner in tok.subtree:
            if inner.i not in self.actor_at or inner.dep_ not in (
                    "compound", "amod", "poss", "appos", "nmod", "pobj"):
                continue
            path, head = 0, inner
            while head.i != tok.i and path <= 3:
                if head.dep_ in ("conj", "relcl", "advcl", "ccomp"):
                    path = 99
                head, path = head.head, path + 1
            if path <= 3:
                found.append(self.actor_at[inner.i])
        people = [a for a in found if a.kind == "person"]
        best = people or found  # "UNICEF's director Jane Doe": the person
        return best[0] if best else None

    def _refer(self, tok: Token, depth: int) -> Actor | None:
        """A speaker phrase that does not name anyone: a relative pronoun, "it" or "they",
        or a description ("the statement", "the spokesperson", "the trade body") refers to an
        actor named before it."""
        lower, lemma = tok.lower_, tok.lemma_.lower()
        if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            return self._actor_for(tok.head.head, depth + 1)  # "Mauritius, which argues ..."
        if lower in ("it", "they"):
            return self._antecedent(tok, depth, people=lower == "they")
        named = self._named(tok)
        if tok.pos_ not in ("NOUN", "PROPN") or tok.pos_ == "PROPN" and tok.ent_type_:
            return named  # "One of the report's authors, Jane Doe, said"
        dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
        definite = any(d in ("the", "this", "these", "those", "its", "their") for d in dets) \
            or any(c.dep_ == "poss" and c.i in self.actor_at for c in tok.children)  # "China's envoy"
        kind = self.nouns.get(lemma) or self.nouns.get(lower)
        if kind is None:
            return named
        if not definite:
            if named is None and kind == "person" and dets[:1] == ["a"]:
                # "The State Department told VOA ... A spokesperson said": its spokesperson
                return self._recent_speaker(tok, depth, {"organisation", "igo", "group"}, 1)
            return named
        if kind == "document":
            return named or self._same_noun(tok, depth) or self._issuer(tok, depth)
        if kind == "body":
            return named or self._same_noun(tok, depth) or self._recent_mention(tok, 2)
        # a person described: the one described so before, or the last to speak
        if named is not None and named.kind == "person":
            return named
        earlier = self._same_noun(tok, depth, like=named)
        if earlier is not None:
            return earlier
        if tok.tag_ in ("NNS", "NNPS"):
            return named
        person = self._recent_speaker(tok, depth, {"person"}, 3, like=named)
        return person or self._named_next(tok, named) or named

    def _named_next(self, tok: Token, like: Actor | None) -> Actor | None:
        """"The head of MSF told the council ... said Secretary General Jane Doe": a person
        described before being named is the first person to speak in the next sentences
        (of the country or organisation of the description)."""
        here = self._sentence_of[tok.i]
        for verb, subject in self.speech:
            if verb.i <= tok.i or subject.i <= tok.i:
                continue
            if self._sentence_of[verb.i] - here > 1:
                break
            actor = self.actor_at.get(subject.i)
            if actor is None or actor.kind != "person" or not _belongs(actor, like):
                continue
            return actor
        return None

    def _same_noun(self, tok: Token, depth: int, like: Actor | None = None) -> Actor | None:
        """"the officials", "the statement": what the same noun stood for a few sentences
        before ("Iraqi officials said", "a statement from the ISPR"); when the phrase names
        an actor ("China's ambassador"), the earlier one must stand for the same."""
        sents = self._sentence_of
        for other in reversed(self.doc[max(0, tok.sent.start - 400): tok.i]):
            if sents[tok.i] - sents[other.i] > 6:
                break
            if other.lemma_.lower() != tok.lemma_.lower() or other.pos_ != tok.pos_ or self._quoted(other):
                continue
            actor = self._actor_for(other, depth + 1)
            verb = other.head.head if other.dep_ == "pobj" else other.head
            if actor is None and other.dep_ in ("pobj", "dobj") and verb.pos_ == "VERB":
                # "the diplomats said in a joint statement", "the ministers issued a
                # statement": the statement is theirs
                subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
                if subject is not None:
                    actor = self._actor_for(subject, depth + 1)
            if actor is not None and like is not None and actor.id != like.id and not (
                    actor.kind == "person" and like.kind == "country" and actor.country == like.country):
                continue
            if actor is not None:
                return actor
        return None

    def _issuer(self, tok: Token, depth: int) -> Actor | None:
        """"The statement said": the body that spoke last, in this sentence or the one before."""
        return self._recent_speaker(tok, depth, {"organisation", "igo", "group", "country"}, 1)

    def _recent_speaker(self, tok: Token, depth: int, kinds: set[str], sentences: int,
                        like: Actor | None = None) -> Actor | None:
        """The speaker of the last cue verb before `tok` (within `sentences` sentences) whose
        actor is of one of `kinds` (and of the country or organisation of `like`)."""
        here = self._sentence_of[tok.i]
        for verb, subject in reversed(self.speech):
            if verb.i >= tok.i or subject.i == tok.i:
                continue
            if here - self._sentence_of[verb.i] > sentences:
                break
            actor = self._actor_for(subject, depth + 1)
            if actor is None or actor.kind not in kinds or not _belongs(actor, like):
                continue
            return actor
        return None

    def _recent_mention(self, tok: Token, sentences: int) -> Actor | None:
        """"the trade body", "the outfit": the organisation named last, nearby."""
        here = self._sentence_of[tok.i]
        for i in range(tok.i - 1, max(-1, tok.i - 300), -1):
            if here - self._sentence_of[i] > sentences:
                break
            actor = self.actor_at.get(i)
            if actor is not None and actor.kind in ("organisation", "igo", "group"):
                return actor
        return None

    def _antecedent(self, tok: Token, depth: int, people: bool) -> Actor | None:
        """"it said", "they wrote": the speaker of the last cue verb, or the subject of the
        sentence before (the first of several: "X, Y and Z ... They wrote")."""
        kinds = {"organisation", "igo", "group", "country"} | ({"person"} if people else set())
        found = self._recent_speaker(tok, depth, kinds, 1)
        if found is not None:
            return found
        here = self._sentence_of[tok.i]
        if here == 0:
            return None
        previous = self._sentences[here - 1]
        subject = next((c for c in previous.root.children if c.dep_ in SUBJECTS), None)
        actor = self._actor_for(subject, depth + 1) if subject is not None else None
        return actor if actor is not None and actor.kind in kinds else None

    def _quoted(self, tok: Token) -> bool:
        return any(s <= tok.idx < e for s, e in self.quoted)

    def _all_actors(self, tok: Token | None) -> list[Actor]:
        if tok is None:
            return []
        out = []
        for head in [tok, *tok.conjuncts]:
            actor = self._actor_for(head)
            if actor is not None and actor not in out:
                out.append(actor)
        return out

    def _phrase(self, tok: Token | None) -> str | None:
        if tok is None:
            return None
        if tok.i in self.actor_at or tok.pos_ == "PRON":
            if tok.ent_iob_ in ("B", "I"):
                start = tok.i
                while start > 0 and tok.doc[start].ent_iob_ == "I":
                    start -= 1
                end = tok.i + 1
                while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
                    end += 1
                return tok.doc[start:end].text
            return tok.text
        left = tok.left_edge.i
        return tok.doc[left: tok.i + 1].text

    def _channel(self, cue: Token, d: _Direct | None = None) -> str | None:
        sent = cue.sent
        text = sent.text.lower()
        if d is not None:  # leave the quoted words out
            a, b = d.open_mark - sent.start_char, d.close_mark + 1 - sent.start_char
            if 0 <= a < b <= len(text):
                text = text[:a] + " " + text[b:]
        named = [self.channel_of[m.group(1)] for m in self.channel_re.finditer(text)]
        specific = [c for c in named if c not in self.channel_fallback]
        return (specific or named or [None])[0]

    # -- indirect and mixed ---------------------------------------------------------------
    def _with_indirect(self, quotes: list[Quote]) -> list[Quote]:
        doc = self.doc
        inside = [(q.start, q.end) for q in quotes]
        out = list(quotes)
        for tok in doc:
            lemma = tok.lemma_.lower()
            clause = None
            if lemma in self.indirect and tok.pos_ == "VERB":
                clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                clause = tok.head if tok.head is not tok else None
                if clause is not None:
                    quote = self._according(tok, clause)
                    if quote is not None and not _overlaps(quote, inside):
                        out.append(quote)
                        inside.append((quote.start, quote.end))
                continue
            if clause is None or any(s <= tok.idx < e for s, e in inside):
                continue
            left, right = clause.left_edge.i, clause.right_edge.i
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            for child in clause.children:  # "on Monday it was ...": the report starts at "it"
                if subject is not None and child.i < subject.i and child.left_edge.i == left \
                        and child.dep_ in ("prep", "npadvmod", "advmod"):
                    left = child.right_edge.i + 1
            while left < right and doc[left].lower_ in ("that", ",", "\"", "“"):
                left += 1
            while right > left and doc[right].is_punct and doc[right].text not in ("'", "’", "”", '"'):
                right -= 1
            span = doc[left: right + 1]
            start, end = span.start_char, span.end_char
            if "\n" in self.text[min(start, tok.idx):max(end, tok.idx)] or end - start < 8:
                continue  # a reported clause stays in its paragraph (headlines are not speech)
            if end <= tok.idx and not any(t.is_punct and t.text in ".,;!?" for t in
                                          doc[tok.i + 1: tok.i + 4]):
                continue  # "..., Peskov said." ends there; a clause before a cue needs that
            contained = [q for q in out if q.kind == "direct" and start <= q.start and q.end <= end + 1]
            overlapping = [q for q in out if q.start < end and start < q.end and q not in contained]
            if overlapping:
                continue
            if contained and all(q.start - start <= 2 and end - q.end <= 2 for q in contained):
                continue  # the clause is just the direct quote: already there
            marks = re.search(r"['‘\"“][^'’\"”]+['’\"”]", self.text[start:end])
            kind = "mixed" if contained or marks else "indirect"
            for q in contained:
                out.remove(q)
            speaker_tok = self._speaker_of(tok)
            actor = self._actor_for(speaker_tok)
            speakers = self._all_actors(speaker_tok)
            quote = self._quote(start, end, kind, actor.id if actor else None,
                                self._phrase(speaker_tok), actor.name if actor else None,
                                tuple(a.id for a in speakers), tok.text, tok.idx,
                                tok.idx + len(tok), self._channel(tok))
            out.append(quote)
            inside.append((start, end))
        return out

    def _according(self, according: Token, head: Token) -> Quote | None:
        to = next(c for c in according.children if c.lower_ == "to")
        speaker_tok = next((c for c in to.children if c.dep_ == "pobj"), None)
        sent = according.sent
        skip = set(range(according.left_edge.i, according.right_edge.i + 1))
        words = [t for t in sent if t.i not in skip]
        while words and (words[0].is_punct or words[0].is_space):
            words.pop(0)
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        if len(words) < 3:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        actor = self._actor_for(speaker_tok)
        return self._quote(start, end, "indirect", actor.id if actor else None,
                           self._phrase(speaker_tok), actor.name if actor else None,
                           tuple(a.id for a in self._all_actors(speaker_tok)), "according to",
                           according.idx, to.idx + len(to), None)

    def _quote(self, start: int, end: int, kind: str, speaker: str | None,
               speaker_text: str | None, speaker_name: str | None, speakers: tuple[str, ...],
               cue: str | None, cue_start: int | None, cue_end: int | None,
               channel: str | None) -> Quote:
        text = self.text[start:end]
        key = f"{start}:{end}:{kind}:{text[:40]}"
        return Quote(id=hashlib.sha1(key.encode()).hexdigest()[:16], text=text, start=start,
                     end=end, kind=kind, speaker=speaker, speaker_text=speaker_text,
                     speaker_name=speaker_name, speakers=speakers or ((speaker,) if speaker else ()),
                     cue=cue, cue_start=cue_start, cue_end=cue_end, channel=channel)

    @staticmethod
    def _link(quote: Quote, events: Sequence) -> Quote:
        ids = []
        for event in events:
            trigger = event.trigger if hasattr(event, "trigger") else None
            if trigger and quote.start <= trigger[0] < quote.end or quote.cue_start is not None and trigger and \
                    event.evidence[0] <= quote.cue_start < event.evidence[1] and \
                    quote.kind != "direct" and quote.start <= trigger[0] <= quote.end + 1:
                ids.append(event.id)
        return replace(quote, events=tuple(dict.fromkeys(ids))) if ids else quote


def _overlaps(quote: Quote, spans: list[tuple[int, int]]) -> bool:
    return any(quote.start < e and s < quote.end for s, e in spans)


def _inherit_channels(quotes: list[Quote], starts: list[int], reach: int = 4) -> list[Quote]:
    """A speaker quoted again shortly after (within `reach` sentences), with no channel of
    their own, keeps the channel named before ("Kallas said in an interview with CNN ...
    Kallas said")."""
    out: list[Quote] = []
    last: dict[str, Quote] = {}
    for quote in sorted(quotes, key=lambda q: q.start):
        before = last.get(quote.speaker) if quote.speaker else None
        if quote.channel is None and before is not None and before.channel is not None and \
                bisect.bisect_right(starts, quote.start) - bisect.bisect_right(starts, before.end) <= reach:
            quote = replace(quote, channel=before.channel)
        if quote.speaker:
            last[quote.speaker] = quote
        out.append(quote)
    return out


def _belongs(actor: Actor, like: Actor | None) -> bool:
    """Is `actor` of the country (or organisation) that `like` names, as far as known?"""
    if like is None:
        return True
    if like.kind == "country":
        return actor.country in (None, like.country)
    return actor.organisation in (None, like.name)

