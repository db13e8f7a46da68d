"""Reader for CSV (comma) and TSV (tab) files with a header row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..errors import RecordError
from ..records import Article, Reject
from ._decode import first_bad_line
from ._mapping import article_from_record
from ._registry import ReadOptions, register_reader

csv.field_size_limit(64 * 1024 * 1024)


@register_reader("csv", extensions=("csv",))
def read_csv(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    yield from _read_delimited(data, origin, options, ",")


@register_reader("tsv", extensions=("tsv",))
def read_tsv(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    yield from _read_delimited(data, origin, options, "\t")


def _read_delimited(
    data: bytes, origin: str, options: ReadOptions, delimiter: str
) -> Iterator[Article | Reject]:
    # surrogateescape keeps undecodable bytes visible per row instead of failing the file
    text = data.decode("utf-8-sig", errors="surrogateescape")
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        yield Reject(origin=origin, line=1, reason="empty CSV file (no header row)", raw=data)
        return
    except csv.Error as exc:
        yield Reject(origin=origin, line=1, reason=f"unreadable CSV header ({exc})", raw=data)
        return
    header = [name.strip() for name in header]
    if options.fields.text not in header:
        reason = (f"no {options.fields.text!r} column in the header ({', '.join(header)}); "
                  "map it with --field text=NAME")
        yield Reject(origin=origin, line=1, reason=reason, raw=data)
        return
    previous_end = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number = reader.line_num
            yield Reject(origin=origin, line=number, reason=f"unreadable CSV row ({exc})",
                         raw=_raw(lines, previous_end, number))
            previous_end = number
            continue
        start, previous_end = previous_end + 1, reader.line_num
        raw = _raw(lines, start - 1, previous_end)
        if not any(cell.strip() for cell in row):
            continue
        try:
            if len(row) != len(header):
                raise RecordError(f"row has {len(row)} fields, the header has {len(header)}")
            if any(_has_surrogates(cell) for cell in row):
                bad = first_bad_line(raw) + start - 1
                raise RecordError(f"undecodable bytes at line {bad} (not valid UTF-8)")
            record = dict(zip(header, row, strict=True))
            yield article_from_record(record, f"{origin}:{start}", options.fields)
        except RecordError as exc:
            yield Reject(origin=origin, line=start, reason=exc.reason, raw=raw)


def _raw(lines: list[str], start: int, end: int) -> bytes:
    return "".join(lines[start:end]).encode("utf-8", errors="surrogateescape")


def _has_surrogates(value: str) -> bool:
    return any(0xDC80 <= ord(ch) <= 0xDCFF for ch in value)
