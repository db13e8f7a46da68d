"""Date expressions, resolved against the article's date.

Weekday names are resolved by the tense of the clause: in past-tense reporting "on
Wednesday" is the most recent Wednesday on or before the article date, in future tense
("will meet on Friday") the next one. Other expressions go through dateparser with the
article date as the base, preferring past dates unless the clause is in the future.
Month-level expressions ("earlier this month", "last month", "in March") give a month
(`2025-03`), year-level ones a year; durations ("three years") are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
_DURATION = re.compile(r"^(?:the\s+)?(?:past\s+|next\s+|last\s+|first\s+)?(?:\d+|a|an|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|several|few|many|\d+-)\s*-?(?:day|week|month|year|hour|decade)s?$", re.I)
_SKIP = re.compile(r"\b\d{2,4}s\b|\b(?:annual|daily|weekly|monthly|yearly|decades?|centur(?:y|ies)|age|old|"
                   r"long|anniversary|era|season|period)\b", re.I)
_FUTURE_AUX = {"will", "shall", "'ll"}


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    text: str
    value: str  # YYYY-MM-DD, YYYY-MM or YYYY
    grain: str  # day, month, year
    tense: str  # past, future, present

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.value,
                "grain": self.grain, "tense": self.tense}


def clause_tense(token: Token) -> str:
    """past / future / present of the clause a token belongs to."""
    verb = token
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.dep_ == "ROOT":
            break
        verb = verb.head
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX or "going" in aux or verb.lower_ in _FUTURE_AUX:
        return "future"
    if verb.tag_ in ("VBD", "VBN") or aux & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    if verb.tag_ == "VB" and "to" in aux:
        head = verb.head
        if head is not verb and head.lemma_ in ("plan", "intend", "expect", "schedule", "due"):
            return "future"
    return "present"


@lru_cache(maxsize=65536)
def resolve(text: str, base: dt.date, tense: str) -> tuple[str, str] | None:
    """(value, grain) for one date expression, or None when it is not a date."""
    clean = text.strip()
    low = clean.lower()
    if not low or _DURATION.match(low) or _SKIP.search(low):
        return None
    words = re.findall(r"[a-z]+", low)
    days = [w for w in words if w in WEEKDAYS]
    if days and not any(ch.isdigit() for ch in low):
        target = WEEKDAYS.index(days[0])
        if "next" in words or tense == "future":
            delta = (target - base.weekday()) % 7 or 7
            if "next" in words and delta < 7 and "week" in words:
                delta += 7
            return (base + dt.timedelta(days=delta)).isoformat(), "day"
        delta = (base.weekday() - target) % 7
        if "last" in words and delta == 0:
            delta = 7
        return (base - dt.timedelta(days=delta)).isoformat(), "day"
    if low in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return base.isoformat(), "day"
    if low in ("yesterday", "last night"):
        return (base - dt.timedelta(days=1)).isoformat(), "day"
    if low == "tomorrow":
        return (base + dt.timedelta(days=1)).isoformat(), "day"
    if "month" in words and ("this" in words or "earlier" in words or "later" in words):
        return f"{base.year:04d}-{base.month:02d}", "month"
    if words[-1:] == ["month"] and "last" in words:
        prev = base.replace(day=1) - dt.timedelta(days=1)
        return f"{prev.year:04d}-{prev.month:02d}", "month"
    if words[-1:] == ["year"] and ("this" in words or "last" in words or "next" in words):
        year = base.year + (-1 if "last" in words else 1 if "next" in words else 0)
        return f"{year:04d}", "year"
    if re.fullmatch(r"(?:in\s+)?(?:19|20)\d\d", low):
        return low[-4:], "year"
    month_only = [w for w in words if w in MONTHS]
    if month_only and not any(ch.isdigit() for ch in low) and len(words) <= 3:
        month = MONTHS.index(month_only[0]) + 1
        year = base.year if (month <= base.month or tense == "future") else base.year - 1
        if "last" in words:
            year = base.year - 1 if month >= base.month else base.year
        return f"{year:04d}-{month:02d}", "month"
    return _dateparser(clean, base, tense)


def _dateparser(text: str, base: dt.date, tense: str) -> tuple[str, str] | None:
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
                "PREFER_DATES_FROM": "future" if tense == "future" else "past",
                "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": False,
                "PREFER_DAY_OF_MONTH": "first"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    has_day = bool(re.search(r"\d", text)) or any(w in text.lower() for w in
                                                  ("ago", "week", "day", "yesterday"))
    if not has_day:
        return f"{parsed.year:04d}-{parsed.month:02d}", "month"
    return parsed.date().isoformat(), "day"


def date_refs(doc: Doc, base: dt.date | None) -> Iterator[DateRef]:
    """Every date expression of the document that resolves against `base`."""
    if base is None:
        return
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        tense = clause_tense(ent.root)
        found = resolve(ent.text, base, tense)
        if found is None:
            continue
        span = _with_preposition(ent)
        yield DateRef(start=span.start_char, end=span.end_char, text=span.text, value=found[0],
                      grain=found[1], tense=tense)


def _with_preposition(ent: Span) -> Span:
    """Include a preceding "on"/"in"/"since" so the span reads as the text says it."""
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("on", "in", "since", "by", "until"):
        return ent.doc[ent.start - 1: ent.end]
    return ent
