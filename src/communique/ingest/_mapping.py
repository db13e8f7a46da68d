"""Turning one structured record (a JSON object, a CSV row) into an `Article`."""

from __future__ import annotations

from typing import Any

from ..errors import RecordError
from ..records import Article
from ._normalize import article_id, check_text, content_hash, parse_date
from ._registry import FieldMap


def _field_text(record: dict[str, Any], name: str, what: str) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise RecordError(f"field {name!r} ({what}) holds a {type(value).__name__}, expected text")
    value = str(value).strip()
    return value or None


def article_from_record(record: Any, origin: str, fields: FieldMap) -> Article:
    """Map a record's fields to an article; other fields are kept as metadata."""
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, found {type(record).__name__}")
    if fields.text not in record:
        present = ", ".join(sorted(map(str, record))[:12]) or "none"
        raise RecordError(
            f"no {fields.text!r} field (fields present: {present}); map the text field with "
            f"--field text=NAME"
        )
    raw_text = record.get(fields.text)
    if not isinstance(raw_text, str):
        raise RecordError(f"field {fields.text!r} is {type(raw_text).__name__}, expected text")
    text = check_text(raw_text)
    date = parse_date(record.get(fields.date))
    given_id = _field_text(record, fields.id, "id")
    used = {fields.id, fields.date, fields.title, fields.text, fields.source, fields.url}
    meta = {k: v for k, v in record.items() if k not in used}
    return Article(
        id=given_id or article_id(text, date),
        text=text,
        date=date,
        title=_field_text(record, fields.title, "title"),
        source=_field_text(record, fields.source, "source"),
        url=_field_text(record, fields.url, "url"),
        origin=origin,
        content_hash=content_hash(text),
        meta=meta,
    )
