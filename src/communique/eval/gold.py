"""Reading gold files (docs/gold-format.md): records with inline text or a reference to a
story kept outside the repository, with every annotated span resolved to offsets."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._jsonl import commented_jsonl
from ..errors import GoldError

TASKS = ("actors", "events", "quotes", "dates")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")


@dataclass
class GoldRecord:
    id: str
    text: str
    date: dt.date | None
    title: str | None
    tasks: tuple[str, ...]
    actors: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    origin: str = ""


@dataclass
class GoldSet:
    name: str
    records: list[GoldRecord]
    skipped: list[str] = field(default_factory=list)  # why records could not be read


def _find_file(path: str, gold_file: Path) -> Path | None:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate if candidate.exists() else None
    for base in [Path.cwd(), *gold_file.resolve().parents]:
        if (base / candidate).exists():
            return base / candidate
    return None


_REF_CACHE: dict[tuple[Path, str], dict[str, Any]] = {}


def _ref_record(path: Path, record_id: str) -> dict[str, Any] | None:
    """The record with `record_id`, reading the file only as far as needed: records
    after the last annotated one (a held-out check) are never parsed."""
    key = (path, record_id)
    if key not in _REF_CACHE:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if f'"{record_id}"' not in line:
                    continue
                obj = json.loads(line)
                if str(obj.get("id")) == record_id:
                    _REF_CACHE[key] = obj
                    break
    return _REF_CACHE.get(key)


def resolve_span(item: dict[str, Any], text: str, where: str) -> tuple[int, int] | None:
    """Offsets of an annotated span given as `span: [s, e]` or `text` (+ `occurrence`)."""
    if "span" in item and item["span"] is not None:
        start, end = item["span"]
        if not (0 <= start < end <= len(text)):
            raise GoldError(f"{where}: span {item['span']} is outside the text")
        if "sha1" in item:
            digest = hashlib.sha1(text[start:end].encode("utf-8")).hexdigest()[: len(item["sha1"])]
            if digest != item["sha1"]:
                raise GoldError(f"{where}: span {item['span']} does not hold the annotated text "
                                f"(sha1 {digest} != {item['sha1']})")
        return start, end
    snippet = item.get("text")
    if not snippet:
        return None
    occurrence = int(item.get("occurrence", 1))
    start = -1
    for _ in range(occurrence):
        start = text.find(snippet, start + 1)
        if start < 0:
            raise GoldError(f"{where}: {snippet[:60]!r} does not occur in the text")
    return start, start + len(snippet)


def _with_spans(items: list[dict[str, Any]], text: str, where: str,
                keys: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    out = []
    for index, item in enumerate(items):
        item = dict(item)
        here = f"{where}[{index}]"
        span = resolve_span(item, text, here)
        if span:
            item["start"], item["end"] = span
            item["text"] = text[span[0]:span[1]]
        for key in keys:
            if isinstance(item.get(key), dict):
                sub = dict(item[key])
                sub_span = resolve_span(sub, text, f"{here}.{key}")
                if sub_span:
                    sub["start"], sub["end"] = sub_span
                    sub["text"] = text[sub_span[0]:sub_span[1]]
                item[key] = sub
        out.append(item)
    return out


def _parse_date(value: Any, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise GoldError(f"{where}: bad date {value!r}") from None


def read_gold(path: str | Path) -> GoldSet:
    """Read one gold file; records whose external text is missing are listed as skipped."""
    path = Path(path)
    if not path.exists():
        raise GoldError(f"{path}: no such gold file")
    records: list[GoldRecord] = []
    skipped: list[str] = []
    for where, obj in commented_jsonl(path.read_text(encoding="utf-8"), str(path), GoldError):
        record = _record(obj, path, where, skipped)
        if record is not None:
            records.append(record)
    return GoldSet(name=path.stem, records=records, skipped=skipped)


def _record(obj: dict[str, Any], path: Path, where: str, skipped: list[str]) -> GoldRecord | None:
    title, date_value = obj.get("title"), obj.get("date")
    if "text" in obj:
        text = obj["text"]
    elif "ref" in obj:
        ref = obj["ref"]
        found = _find_file(ref["path"], path)
        if found is None:
            skipped.append(f"{where}: {ref['path']} not found")
            return None
        source = _ref_record(found, str(ref["id"]))
        if source is None:
            raise GoldError(f"{where}: no record with id {ref['id']!r} in {ref['path']}")
        text = source[ref.get("field", "text")]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if ref.get("sha256") and digest != ref["sha256"]:
            raise GoldError(f"{where}: the text of {ref['path']} record {ref['id']} has changed "
                            "(SHA-256 differs); the annotations no longer describe it")
        title = title or source.get("title")
        date_value = date_value or source.get("date") or source.get("published")
    else:
        raise GoldError(f"{where}: a gold record needs 'text' or 'ref'")
    tasks = tuple(obj.get("tasks") or [t for t in TASKS if t in obj])
    unknown = set(tasks) - set(TASKS)
    if unknown:
        raise GoldError(f"{where}: unknown task(s) {sorted(unknown)}")
    for event in obj.get("events", []):
        if event.get("type") not in PLOVER_TYPES:
            raise GoldError(f"{where}: event type {event.get('type')!r} is not a PLOVER type")
    return GoldRecord(
        id=str(obj.get("id") or where), text=text, date=_parse_date(date_value, where),
        title=title, tasks=tasks,
        actors=_with_spans(obj.get("actors", []), text, f"{where} actors"),
        events=_with_spans(obj.get("events", []), text, f"{where} events", keys=("evidence",)),
        quotes=_with_spans(obj.get("quotes", []), text, f"{where} quotes"),
        dates=_with_spans(obj.get("dates", []), text, f"{where} dates"),
        origin=where,
    )


def iter_gold(paths: list[str]) -> Iterator[GoldSet]:
    for path in paths:
        yield read_gold(path)
