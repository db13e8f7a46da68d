"""Import people and organisations from a Wikidata JSON export into the user's knowledge base.

Reads the entity JSON that Wikidata's dumps and `Special:EntityData` produce (a JSON array
with one entity a line, or JSON Lines): labels, aliases, P31 (instance of), P21 (sex or
gender), P27 (citizenship), P39 (position held, with P580 start and P582 end qualifiers).
Positions, countries (P298, ISO alpha-3) and organisations in the same file give roles
their names and jurisdictions (P1001). Nothing is fetched from the network.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._jsonl import commented_jsonl
from ..errors import InputError
from .kb import KnowledgeBase, default_kb, slug, user_kb_dir

HUMAN = "Q5"
GENDER = {"Q6581097": "m", "Q6581072": "f", "Q2449503": "m", "Q1052281": "f"}
ORG_TYPES = {"Q43229", "Q484652", "Q245065", "Q1127126", "Q7278", "Q327333", "Q2659904",
             "Q1335818", "Q163740", "Q4830453", "Q15911314"}


@dataclass
class ImportResult:
    people: int = 0
    organisations: int = 0
    merged: int = 0
    skipped: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _entities(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read Wikidata export ({exc})", str(path)) from None
    stripped = text.strip()
    if stripped.startswith("{") and stripped.endswith("}") and "\n{" not in stripped:
        obj = json.loads(stripped)  # Special:EntityData: {"entities": {...}}
        yield from enumerate((obj.get("entities") or {obj.get("id"): obj}).values(), 1)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip().rstrip(",")
        if line in ("", "[", "]"):
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: invalid JSON ({exc.msg})", str(path)) from None


def _label(entity: dict[str, Any]) -> str | None:
    return ((entity.get("labels") or {}).get("en") or {}).get("value")


def _aliases(entity: dict[str, Any]) -> list[str]:
    return [a["value"] for a in (entity.get("aliases") or {}).get("en", []) if a.get("value")]


def _values(entity: dict[str, Any], prop: str) -> list[Any]:
    out = []
    for claim in (entity.get("claims") or {}).get(prop, []):
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value")
        if value is not None:
            out.append(value)
    return out


def _item_ids(entity: dict[str, Any], prop: str) -> list[str]:
    return [v["id"] for v in _values(entity, prop) if isinstance(v, dict) and "id" in v]


def _time(qualifiers: dict[str, Any], prop: str) -> str | None:
    for snak in qualifiers.get(prop, []):
        value = (snak.get("datavalue") or {}).get("value") or {}
        stamp, precision = value.get("time"), value.get("precision", 11)
        if not stamp:
            continue
        date = stamp.lstrip("+").split("T")[0]
        year, month, day = date.split("-")
        if precision >= 11 and day != "00":
            return f"{year}-{month}-{day}"
        if precision == 10 and month != "00":
            return f"{year}-{month}"
        return year
    return None


def import_wikidata(path: str | Path, target: Path | None = None,
                    kb: KnowledgeBase | None = None) -> ImportResult:
    """Read `path` and merge its people and organisations into the user's KB folder."""
    path = Path(path)
    kb = kb or default_kb()
    target = target or user_kb_dir()
    entities: dict[str, dict[str, Any]] = {str(e["id"]): e for _, e in _entities(path) if e.get("id")}
    iso: dict[str, str] = {qid: v for qid, e in entities.items()
                           for v in _values(e, "P298") if isinstance(v, str)}
    by_qid = {p.qid: p.id for p in kb.people.values() if p.qid}
    result = ImportResult()
    people, orgs = [], []
    for qid, entity in entities.items():
        kinds = set(_item_ids(entity, "P31"))
        label = _label(entity)
        if not label:
            result.skipped.append(f"{qid}: no English label")
            continue
        if HUMAN in kinds:
            people.append(_person(qid, entity, entities, iso, kb, by_qid, result))
        elif kinds & ORG_TYPES and qid not in iso:
            orgs.append({"id": slug(label), "code": _short_name(entity) or qid, "name": label,
                         "aliases": _aliases(entity), "kind": "organisation", "qid": qid,
                         "country": next((iso[c] for c in _item_ids(entity, "P17") if c in iso), None)})
    target.mkdir(parents=True, exist_ok=True)
    result.people = len(people)
    result.organisations = len(orgs)
    result.files += _merge_file(target / "people_wikidata.jsonl", people)
    result.files += _merge_file(target / "organisations_wikidata.jsonl", orgs)
    return result


def _short_name(entity: dict[str, Any]) -> str | None:
    for value in _values(entity, "P1813"):
        if isinstance(value, dict) and value.get("language") == "en":
            return str(value.get("text")).upper()
    return None


def _person(qid: str, entity: dict[str, Any], entities: dict[str, dict[str, Any]],
            iso: dict[str, str], kb: KnowledgeBase, by_qid: dict[str, str],
            result: ImportResult) -> dict[str, Any]:
    label = _label(entity) or qid
    roles = []
    for claim in (entity.get("claims") or {}).get("P39", []):
        value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value") or {}
        position = entities.get(str(value.get("id")), {})
        title = _label(position) or value.get("id")
        qualifiers = claim.get("qualifiers") or {}
        jurisdiction = next((iso[c] for c in _item_ids(position, "P1001") if c in iso), None)
        generic = _generic_role(title, kb)
        if jurisdiction is None and title:
            words = title.replace(" of the ", " of ").split(" of ")
            if len(words) > 1:
                entries = kb.lookup(words[-1])
                jurisdiction = next((e.id for e in entries if e.kind == "country"), None)
        roles.append({"role": generic, "title": title, "country": jurisdiction, "org": None,
                      "sector": "GOV", "start": _time(qualifiers, "P580"),
                      "end": _time(qualifiers, "P582")})
    citizenship = next((iso[c] for c in _item_ids(entity, "P27") if c in iso), None)
    gender = next((GENDER[g] for g in _item_ids(entity, "P21") if g in GENDER), None)
    pid = by_qid.get(qid) or slug(label)
    if pid in kb.people:
        result.merged += 1
    return {"id": pid, "qid": qid, "name": label, "aliases": _aliases(entity), "gender": gender,
            "citizenship": citizenship, "roles": roles}


def _generic_role(title: str | None, kb: KnowledgeBase) -> str | None:
    if not title:
        return None
    text = title.lower()
    head, sep, tail = text.rpartition(" of ")
    if sep and any(e.kind == "country" for e in kb.lookup(tail)):
        text = head  # "minister of foreign affairs of estonia" -> "minister of foreign affairs"
    words = text.split()
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n + 1):
            found = kb.titles.get(" ".join(words[i:i + n]))
            if found:
                return found.role
    return title.lower()


def _merge_file(path: Path, records: list[dict[str, Any]]) -> list[str]:
    if not records:
        return []
    existing: dict[str, dict[str, Any]] = {}
    if path.exists():
        for _, obj in commented_jsonl(path.read_text(encoding="utf-8"), str(path)):
            existing[obj["id"]] = obj
    for record in records:
        old = existing.get(record["id"])
        if old:
            record["aliases"] = list(dict.fromkeys([*old.get("aliases", []), *record["aliases"]]))
            if "roles" in record:
                record["roles"] = old.get("roles", []) + [r for r in record["roles"]
                                                          if r not in old.get("roles", [])]
        existing[record["id"]] = record
    lines = ["// Imported from a Wikidata export by `communique kb import-wikidata`."]
    lines += [json.dumps(r, ensure_ascii=False) for r in existing.values()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path)]
