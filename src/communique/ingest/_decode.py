"""Decoding bytes to text without losing track of where a bad byte was."""

from __future__ import annotations

from ..errors import RecordError


def decode_utf8(data: bytes) -> str:
    """Decode strict UTF-8 (a BOM is dropped); `RecordError` names the line of a bad byte."""
    if b"\x00" in data[:8192]:
        raise RecordError("binary content (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RecordError(
            f"undecodable bytes at line {line}, byte {exc.start} (the file is not UTF-8; "
            "convert it with iconv)"
        ) from None


def first_bad_line(data: bytes) -> int:
    """1-based line of the first byte that is not valid UTF-8 (1 if none is found)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return data.count(b"\n", 0, exc.start) + 1
    return 1
