"""Reader for JSON Lines: one article object a line (a JSON array file works too)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import RecordError
from ..records import Article, Reject
from ._mapping import article_from_record
from ._registry import ReadOptions, register_reader


@register_reader("jsonl", extensions=("jsonl", "ndjson", "json"))
def read_jsonl(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    stripped = data.lstrip()
    if stripped.startswith(b"["):
        yield from _read_array(data, origin, options)
        return
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise RecordError("undecodable bytes (the line is not valid UTF-8)") from None
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
            yield article_from_record(record, f"{origin}:{number}", options.fields)
        except RecordError as exc:
            yield Reject(origin=origin, line=number, reason=exc.reason, raw=raw)


def _read_array(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Reject(origin=origin, line=1, reason=f"invalid JSON array ({exc})", raw=data)
        return
    for index, record in enumerate(records, start=1):
        try:
            yield article_from_record(record, f"{origin}:[{index}]", options.fields)
        except RecordError as exc:
            raw = json.dumps(record, ensure_ascii=False).encode("utf-8")
            yield Reject(origin=origin, line=index, reason=f"item {index}: {exc.reason}", raw=raw)
