"""Text normalisation, stable ids and strict date parsing shared by every reader."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from ..errors import RecordError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BLANKS = re.compile(r"\n{3,}")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T])")


def normalize_text(text: str) -> str:
    """Return `text` in NFC with unified line ends, single spaces and at most one blank line.

    Quotation marks and dashes are kept as they are: the quote extractor needs them.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.lstrip("\ufeff").replace("\u200b", "")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: equal for exact duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(text: str, date: dt.date | None) -> str:
    """A stable id: the first 16 hex digits of SHA-256 over the date and normalised text."""
    key = f"{date.isoformat() if date else ''}\n{text}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def parse_date(value: object) -> dt.date | None:
    """Parse an article date strictly; `None` for a missing date.

    Accepts `date` objects, ISO dates and ISO timestamps (`2025-03-14 20:30:26Z`, which is
    taken in UTC), and common written forms ("March 14, 2025"). Raises `RecordError` for
    an impossible date such as 2025-13-40 rather than guessing.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return _utc_date(value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        raise RecordError(f"date {value!r} is a number, expected YYYY-MM-DD")
    text = str(value).strip()
    if not text or text.lower() in {"null", "none", "nan"}:
        return None
    iso = _ISO_DATE.match(text)
    if iso:
        try:
            year, month, day = (int(g) for g in iso.groups())
            parsed = dt.date(year, month, day)
        except ValueError as exc:
            raise RecordError(f"impossible date {text!r} ({exc})") from None
        if len(text) > 10:
            try:
                return _utc_date(dt.datetime.fromisoformat(text.replace(" ", "T", 1)))
            except ValueError:
                return parsed
        return parsed
    return _written_date(text)


def _utc_date(value: dt.datetime) -> dt.date:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.date()


def _written_date(text: str) -> dt.date:
    import dateparser  # slow to import; only needed for unusual date strings

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "TIMEZONE": "UTC",
                  "RETURN_AS_TIMEZONE_AWARE": True},
    )
    if parsed is None:
        raise RecordError(f"unreadable date {text!r} (expected YYYY-MM-DD)")
    return _utc_date(parsed)


def check_text(text: str) -> str:
    """Normalise a record's text, raising `RecordError` when there is nothing to read."""
    if "\x00" in text or "\ufffd" * 3 in text:
        raise RecordError("binary content (NUL bytes or replacement characters)")
    if any(0xDC80 <= ord(ch) <= 0xDCFF for ch in text):
        raise RecordError("undecodable bytes (the input is not valid UTF-8)")
    normalized = normalize_text(text)
    if not normalized:
        raise RecordError("empty text")
    if _looks_binary(normalized):
        raise RecordError("binary content (mostly non-text characters)")
    return normalized


def _looks_binary(text: str) -> bool:
    sample = text[:2000]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in {"Co", "Cn", "Cs", "Cc"} and ch != "\n")
    return odd > 0.1 * len(sample)
