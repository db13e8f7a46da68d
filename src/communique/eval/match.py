"""How system output is matched to gold (docs/gold-format.md, "Matching")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from rapidfuzz import fuzz

Resolver = Callable[[str], str | None]

_PUNCT = re.compile(r"[^\w\s]")


def norm_name(name: str | None) -> str:
    """Case- and accent-folded name without punctuation or a leading 'the'."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _PUNCT.sub(" ", text.replace("’", "'").replace("'s ", " "))
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    joined = " ".join(words)
    for short, full in _ABBREVIATIONS:
        joined = re.sub(rf"(?<!\w){short}(?!\w)", full, joined)
    return joined


# the same body written two ways: "U.S. Department of Defense" / "United States Department ..."
_ABBREVIATIONS = [("u s", "united states"), ("us", "united states"), ("u k", "united kingdom"),
                  ("uk", "united kingdom"), ("u n", "united nations"), ("un", "united nations"),
                  ("eu", "european union"), ("defence", "defense")]


def _codes(item: dict[str, Any]) -> set[str]:
    codes = set()
    for key in ("party", "code", "country"):
        value = item.get(key)
        if isinstance(value, str) and value:
            codes.add(value.upper())
    return codes


def same_actor(gold: dict[str, Any], system: dict[str, Any] | None,
               resolver: Resolver | None = None) -> bool:
    """Do a gold actor (name, kind, country) and a system actor name the same actor?"""
    if system is None:
        return False
    gold_name = gold.get("name") or gold.get("text") or ""
    system_name = system.get("name") or system.get("text") or ""
    if resolver is not None and system.get("id"):
        gold_id = resolver(gold_name)
        if gold_id is not None:
            return gold_id == system.get("id")
    gn, sn = norm_name(gold_name), norm_name(system_name)
    if not gn or not sn:
        return False
    if gn == sn:
        return True
    kind = gold.get("kind") or system.get("kind")
    if kind == "person":
        if fuzz.token_set_ratio(gn, sn) >= 90 and min(len(gn.split()), len(sn.split())) >= 2:
            return True
        gold_country, system_country = gold.get("country"), system.get("country")
        countries_agree = not gold_country or not system_country or gold_country == system_country
        return gn.split()[-1] == sn.split()[-1] and countries_agree
    if kind in {"country", "igo", "group", "organisation", "region"}:
        gold_code = (gold.get("code") or (gold.get("country") if kind == "country" else None))
        if gold_code and gold_code.upper() in _codes(system) and system.get("kind") == kind:
            return True
        return fuzz.ratio(gn, sn) >= 92
    return fuzz.token_set_ratio(gn, sn) >= 95


def speaker_matches(gold_speaker: str | None, system_actor: dict[str, Any] | None,
                    system_text: str | None = None, resolver: Resolver | None = None) -> bool:
    """Is the system's speaker the gold speaker (a name or an actor code), both null included?"""
    if not gold_speaker:
        # "officials said": no actor on either side (the words naming them do not count)
        return system_actor is None
    if system_actor is None:
        return bool(system_text) and norm_name(system_text) == norm_name(gold_speaker)
    if gold_speaker.isupper() and 2 <= len(gold_speaker) <= 5 and gold_speaker in _codes(system_actor):
        return True
    kind = system_actor.get("kind")
    return same_actor({"name": gold_speaker, "kind": kind}, system_actor, resolver) or (
        norm_name(gold_speaker) == norm_name(system_text))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters over the length of the longer span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    return shared / max(a[1] - a[0], b[1] - b[0])


_TRIM = " \t\n\"'“”‘’«».,;:!?—–-"


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def greedy_pairs(gold: list[tuple[int, int]], system: list[tuple[int, int]],
                 threshold: float) -> list[tuple[int, int]]:
    """Pairs (gold index, system index) with overlap >= threshold, best first, each used once."""
    candidates = sorted(
        ((overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(system)),
        reverse=True,
    )
    used_g, used_s, pairs = set(), set(), []
    for score, gi, si in candidates:
        if score < threshold or score == 0:
            break
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    return pairs


def actor_code(value: Any) -> str | None:
    """The country/organisation-level code of an event participant in system output."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.upper() or None
    if isinstance(value, dict):
        code = value.get("party") or value.get("country") or value.get("code")
        return code.upper() if isinstance(code, str) and code else None
    return None


def gold_codes(value: Any) -> list[str | None]:
    if value is None or value == "":
        return [None]
    if isinstance(value, list):
        return [v.upper() if isinstance(v, str) else actor_code(v) for v in value] or [None]
    return [value.upper() if isinstance(value, str) else actor_code(value)]


def date_matches(gold: object, system: object) -> bool:
    """A system date (YYYY-MM-DD) against a gold value that may be partial: a day, a
    month (`2025-02`), a year, or an ISO week (`2025-W09`, for "last week")."""
    import datetime as dt

    want, got = str(gold or ""), str(system or "")
    if not want:
        return not got
    if "-W" in want:
        try:
            day = dt.date.fromisoformat(got[:10])
        except ValueError:
            return False
        year, week, _ = day.isocalendar()
        return want == f"{year}-W{week:02d}"
    return got[: len(want)] == want
