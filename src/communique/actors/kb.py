"""The actor knowledge base: countries, regions, organisations, people with dated roles,
and the title lexicon, loaded from the JSONL files in `actors/data/` (format:
docs/knowledge-base.md) plus the user's own files, validated, and indexed by surface form.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .._jsonl import commented_jsonl

log = logging.getLogger(__name__)

SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "BUS", "MED", "NGO", "CVL", "IGO", "SPY",
           "COP", "EDU", "REL"}
KINDS = {"person", "organisation", "country", "igo", "group", "region"}
USER_DIR_ENV = "COMMUNIQUE_KB_DIR"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def user_kb_dir() -> Path:
    """Where the user's own knowledge-base files live ($COMMUNIQUE_KB_DIR)."""
    return Path(os.environ.get(USER_DIR_ENV) or Path.home() / ".communique" / "kb")


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def fold(text: str) -> str:
    """The key of the alias index: accents and case folded, spaces single, no leading 'the'."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(text.replace(".", "").split())
    return text[4:] if text.startswith("the ") else text


def parse_kb_date(value: Any, end: bool = False) -> dt.date | None:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial end date means the end of that period."""
    if value in (None, ""):
        return None
    text = str(value)
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return dt.date.fromisoformat(text)
        year = int(parts[0])
        if len(parts) == 2:
            month = int(parts[1])
            day = calendar.monthrange(year, month)[1] if end else 1
            return dt.date(year, month, day)
        if len(parts) == 1:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        pass
    raise ValueError(f"bad date {value!r} (write YYYY-MM-DD, YYYY-MM or YYYY)")


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    title: str | None
    country: str | None
    org: str | None
    sector: str
    start: dt.date | None
    end: dt.date | None

    def active(self, day: dt.date | None) -> bool:
        if day is None:
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    citizenship: str | None = None
    roles: tuple[Role, ...] = ()
    qid: str | None = None

    def roles_on(self, day: dt.date | None) -> list[Role]:
        return [r for r in self.roles if r.active(day)]

    def role_on(self, day: dt.date | None) -> Role | None:
        """The main role held on `day` (heads first), or None when out of office."""
        active = self.roles_on(day)
        return min(active, key=_role_rank) if active else None


_HEAD_ROLES = ("supreme leader", "king", "queen", "emperor", "president", "prime minister",
               "chancellor", "premier", "emir", "crown prince", "secretary general")


def _role_rank(role: Role) -> tuple[int, int]:
    rank = _HEAD_ROLES.index(role.role) if role.role in _HEAD_ROLES else len(_HEAD_ROLES)
    return (rank, -(role.start.toordinal() if role.start else 0))


@dataclass(frozen=True)
class Organisation:
    id: str
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "igo"
    sector: str | None = None
    country: str | None = None
    members: tuple[str, ...] = ()
    parent: str | None = None
    qid: str | None = None
    heads: tuple[str, ...] = ()


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    seats_sector: dict[str, str] = field(default_factory=dict, hash=False)
    kind: str = "country"  # "region" for regions and blocs
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Title:
    title: str
    variants: tuple[str, ...]
    role: str
    sector: str | None
    head: bool = False
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a surface form can name: `kind` is person, organisation, country, region;
    `how` says which kind of name matched (name, alias, surname, demonym, capital, seat)."""

    kind: str
    id: str
    how: str


class KnowledgeBase:
    """All actors known in advance, indexed by folded surface form."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.organisations: dict[str, Organisation] = {}
        self.countries: dict[str, Country] = {}
        self.titles: dict[str, Title] = {}  # variant -> title
        self.index: dict[str, list[Entry]] = defaultdict(list)
        self.problems: list[str] = []
        self.sources: list[str] = []

    # -- lookups --------------------------------------------------------------------------
    def lookup(self, surface: str) -> list[Entry]:
        return self.index.get(fold(surface), [])

    def country(self, code: str | None) -> Country | None:
        return self.countries.get(code) if code else None

    def holders(self, day: dt.date | None, roles: Iterable[str] = (), country: str | None = None,
                org: str | None = None) -> list[tuple[Person, Role]]:
        """People holding one of `roles` (any role if empty) for `country`/`org` on `day`."""
        wanted = set(roles)
        out = []
        for person in self.people.values():
            for role in person.roles:
                if not role.active(day) or (wanted and role.role not in wanted):
                    continue
                if country and role.country != country:
                    continue
                if org and role.org != org:
                    continue
                out.append((person, role))
        return out

    def surfaces(self) -> Iterator[tuple[str, str, Entry]]:
        """(surface form as written, spaCy label, entry) for the entity ruler."""
        for person in self.people.values():
            for alias in {person.name, *person.aliases}:
                yield alias, "PERSON", Entry("person", person.id, "alias")
        for org in self.organisations.values():
            for alias in {org.name, *org.aliases}:
                yield _strip_the(alias), "ORG", Entry("organisation", org.id, "alias")
        for country in self.countries.values():
            label = "GPE" if country.kind == "country" else "LOC"
            for name in {country.name, *country.names}:
                yield _strip_the(name), label, Entry(country.kind, country.code, "name")
            for demonym in country.demonyms:
                yield demonym, "NORP", Entry(country.kind, country.code, "demonym")
            for capital in country.capitals:
                yield capital, "GPE", Entry(country.kind, country.code, "capital")
            for seat in country.seats:
                yield _strip_the(seat), "ORG", Entry(country.kind, country.code, "seat")

    # -- building -------------------------------------------------------------------------
    def _add(self, surface: str, entry: Entry) -> None:
        key = fold(surface)
        if key and entry not in self.index[key]:
            self.index[key].append(entry)

    def build_index(self) -> None:
        self.index.clear()
        for surface, _label, entry in self.surfaces():
            self._add(surface, entry)
        surnames: dict[str, set[str]] = defaultdict(set)
        for person in self.people.values():
            parts = person.name.split()
            if len(parts) >= 2:
                surnames[fold(parts[-1])].add(person.id)
        for key, ids in surnames.items():
            taken = {e.kind for e in self.index.get(key, []) if e.kind != "person"}
            if taken:
                continue  # "Jordan", "Georgia": a country or organisation name first
            for pid in ids:
                entry = Entry("person", pid, "surname")
                if not any(e.id == pid for e in self.index.get(key, [])):
                    self.index[key].append(entry)


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


# -- loading --------------------------------------------------------------------------------
def _read_jsonl(path: Path | Any, label: str) -> Iterator[tuple[str, dict[str, Any]]]:
    return commented_jsonl(path.read_text(encoding="utf-8"), label)


def _tuple(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(str(v) for v in value if v)


def _person(obj: dict[str, Any], where: str, problems: list[str]) -> Person:
    roles = []
    for i, raw in enumerate(obj.get("roles") or []):
        try:
            start = parse_kb_date(raw.get("start"))
            end = parse_kb_date(raw.get("end"), end=True)
        except ValueError as exc:
            problems.append(f"{where}: role {i}: {exc}")
            continue
        if start and end and start > end:
            problems.append(f"{where}: role {i}: starts after it ends")
        sector = raw.get("sector") or "GOV"
        if sector not in SECTORS:
            problems.append(f"{where}: role {i}: unknown sector {sector!r}")
        roles.append(Role(role=str(raw.get("role") or "").lower(), title=raw.get("title"),
                          country=raw.get("country"), org=raw.get("org"), sector=sector,
                          start=start, end=end))
    pid = obj.get("id") or slug(obj.get("name", ""))
    if not _SLUG.match(pid):
        problems.append(f"{where}: id {pid!r} is not a lower-case slug")
    if not obj.get("name"):
        problems.append(f"{where}: person without a name")
    return Person(id=pid, name=obj.get("name", pid), aliases=_tuple(obj.get("aliases")),
                  gender=obj.get("gender"), citizenship=obj.get("citizenship"),
                  roles=tuple(roles), qid=obj.get("qid"))


def _merge_people(old: Person, new: Person) -> Person:
    roles = list(old.roles)
    for role in new.roles:
        if role not in roles:
            roles.append(role)
    aliases = tuple(dict.fromkeys([*old.aliases, *new.aliases]))
    return replace(old, aliases=aliases, roles=tuple(roles), qid=old.qid or new.qid,
                   gender=old.gender or new.gender, citizenship=old.citizenship or new.citizenship)


def _files(folder: Any, prefix: str) -> list[Any]:
    try:
        return sorted((p for p in folder.iterdir() if p.name.startswith(prefix)
                       and p.name.endswith(".jsonl")), key=lambda p: p.name)
    except (FileNotFoundError, NotADirectoryError):
        return []


def load_kb(extra_dirs: Iterable[Path] | None = None, with_user: bool = True) -> KnowledgeBase:
    """Load the packaged knowledge base, then the user's files (which may add or extend)."""
    import pycountry

    kb = KnowledgeBase()
    folders: list[Any] = [resources.files("communique.actors").joinpath("data")]
    if with_user and user_kb_dir().is_dir():
        folders.append(user_kb_dir())
    folders.extend(extra_dirs or [])
    for country in pycountry.countries:
        names = tuple(n for n in (getattr(country, "common_name", None),
                                  getattr(country, "official_name", None)) if n)
        kb.countries[country.alpha_3] = Country(code=country.alpha_3, name=country.name, names=names)
    kb.countries.setdefault("XKX", Country(code="XKX", name="Kosovo"))
    for folder in folders:
        for path in _files(folder, "countries"):
            kb.sources.append(str(path))
            for where, obj in _read_jsonl(path, path.name):
                code = str(obj.get("code") or "")
                base = kb.countries.get(code)
                if base is None:
                    kb.problems.append(f"{where}: {code!r} is not an ISO 3166 alpha-3 code")
                    continue
                kb.countries[code] = replace(
                    base, name=_display_name(base.name, _tuple(obj.get("names"))),
                    names=tuple(dict.fromkeys([*base.names, *_iso_name(base, kb),
                                               *_tuple(obj.get("names"))])),
                    demonyms=_tuple(obj.get("demonyms")), capitals=_tuple(obj.get("capitals")),
                    seats=_tuple(obj.get("seats")), seats_sector=dict(obj.get("seats_sector") or {}))
        for path in _files(folder, "regions"):
            kb.sources.append(str(path))
            for where, obj in _read_jsonl(path, path.name):
                if not obj.get("code"):
                    kb.problems.append(f"{where}: region without a code")
                    continue
                kb.countries[obj["code"]] = Country(
                    code=obj["code"], name=obj.get("name", obj["code"]),
                    names=_tuple(obj.get("names")), demonyms=_tuple(obj.get("demonyms")),
                    kind="region", members=_tuple(obj.get("members")))
        for path in _files(folder, "organisations"):
            kb.sources.append(str(path))
            for where, obj in _read_jsonl(path, path.name):
                org = Organisation(
                    id=obj.get("id") or slug(obj.get("name", "")), code=obj.get("code") or "",
                    name=obj.get("name", ""), aliases=_tuple(obj.get("aliases")),
                    kind=obj.get("kind") or "igo", sector=obj.get("sector"),
                    country=obj.get("country"), members=_tuple(obj.get("members")),
                    parent=obj.get("parent"), qid=obj.get("qid"), heads=_tuple(obj.get("heads")))
                if org.kind not in {"igo", "group", "organisation"}:
                    kb.problems.append(f"{where}: unknown organisation kind {org.kind!r}")
                if not org.code:
                    kb.problems.append(f"{where}: organisation {org.id!r} without a code")
                if org.id in kb.organisations:
                    known = kb.organisations[org.id]
                    org = replace(known, aliases=tuple(dict.fromkeys([*known.aliases, *org.aliases])))
                kb.organisations[org.id] = org
        for path in _files(folder, "people"):
            kb.sources.append(str(path))
            for where, obj in _read_jsonl(path, path.name):
                person = _person(obj, where, kb.problems)
                old = kb.people.get(person.id)
                kb.people[person.id] = _merge_people(old, person) if old else person
        for path in _files(folder, "titles"):
            kb.sources.append(str(path))
            for where, obj in _read_jsonl(path, path.name):
                variants = tuple(v.lower() for v in _tuple(obj.get("variants")) or (obj["title"],))
                title = Title(title=obj.get("title", variants[0]), variants=variants,
                              role=(obj.get("role") or obj.get("title") or "").lower(),
                              sector=obj.get("sector"), head=bool(obj.get("head")),
                              gender=obj.get("gender"))
                if title.sector and title.sector not in SECTORS:
                    kb.problems.append(f"{where}: unknown sector {title.sector!r}")
                for variant in variants:
                    kb.titles.setdefault(variant, title)
    _check_references(kb)
    kb.build_index()
    return kb


def _iso_name(base: Country, kb: KnowledgeBase) -> tuple[str, ...]:
    """The ISO name stays a name where a press name replaces it for display ("Burkina
    Faso", "Bosnia and Herzegovina"), unless it is an inverted form no text uses ("Iran,
    Islamic Republic of") or the press name of another country (ISO "Congo" is COG; the
    press's "Congo" is mostly COD)."""
    if "," in base.name or "(" in base.name:
        return ()
    taken = any(base.name in (c.name, *c.names) for c in kb.countries.values() if c.code != base.code)
    return () if taken else (base.name,)


def _display_name(iso_name: str, press_names: tuple[str, ...]) -> str:
    """The name the press uses ("Russia", "Iran", "South Korea") over the ISO form
    ("Russian Federation", "Iran, Islamic Republic of") when one is close to it."""
    words = [n for n in press_names if any(ch.islower() for ch in n) and len(n) >= 4
             and not n.lower().startswith("the ")]
    if "," in iso_name and words:
        return words[0]
    for name in words:
        if name.lower()[:4] == iso_name.lower()[:4] and len(name) < len(iso_name):
            return name
    return iso_name


def _check_references(kb: KnowledgeBase) -> None:
    for person in kb.people.values():
        for role in person.roles:
            if role.country and role.country not in kb.countries:
                kb.problems.append(f"person {person.id}: unknown country {role.country!r}")
            if role.org and role.org not in kb.organisations and kb.organisations:
                kb.problems.append(f"person {person.id}: unknown organisation {role.org!r}")
    for org in kb.organisations.values():
        for member in org.members:
            if member not in kb.countries:
                kb.problems.append(f"organisation {org.id}: unknown member {member!r}")


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The knowledge base, loaded once per process."""
    kb = load_kb()
    if kb.problems:
        log.warning("knowledge base has %d problems (run `communique kb check`)", len(kb.problems))
    return kb


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def export_kb(kb: KnowledgeBase, folder: Path) -> list[Path]:
    """Write the merged knowledge base as JSONL files in the documented format."""
    folder.mkdir(parents=True, exist_ok=True)
    countries = [c for c in kb.countries.values() if c.kind == "country"]
    regions = [c for c in kb.countries.values() if c.kind == "region"]
    titles = list({id(t): t for t in kb.titles.values()}.values())
    tables: dict[str, list[dict[str, Any]]] = {
        "countries.jsonl": [{"code": c.code, "name": c.name, "names": list(c.names),
                             "demonyms": list(c.demonyms), "capitals": list(c.capitals),
                             "seats": list(c.seats), "seats_sector": c.seats_sector}
                            for c in countries],
        "regions.jsonl": [{"code": r.code, "name": r.name, "names": list(r.names),
                           "demonyms": list(r.demonyms), "members": list(r.members)}
                          for r in regions],
        "organisations.jsonl": [{"id": o.id, "code": o.code, "name": o.name,
                                 "aliases": list(o.aliases), "kind": o.kind, "sector": o.sector,
                                 "country": o.country, "members": list(o.members),
                                 "parent": o.parent, "qid": o.qid, "heads": list(o.heads)}
                                for o in kb.organisations.values()],
        "people.jsonl": [{"id": p.id, "qid": p.qid, "name": p.name, "aliases": list(p.aliases),
                          "gender": p.gender, "citizenship": p.citizenship,
                          "roles": [{"role": r.role, "title": r.title, "country": r.country,
                                     "org": r.org, "sector": r.sector, "start": _iso(r.start),
                                     "end": _iso(r.end)} for r in p.roles]}
                         for p in kb.people.values()],
        "titles.jsonl": [{"title": t.title, "variants": list(t.variants), "role": t.role,
                          "sector": t.sector, "head": t.head, "gender": t.gender} for t in titles],
    }
    written = []
    for name, rows in tables.items():
        path = folder / name
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")
        written.append(path)
    return written
