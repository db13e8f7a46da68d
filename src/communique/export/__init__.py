"""Exports of a communique store to files other tools read.

    >>> from communique.export import export
    >>> with communique.open_store("communique.duckdb", read_only=True) as store:
    ...     export(store, "gdelt", "events.tsv", since=datetime.date(2025, 1, 1))

Formats (every column is described in docs/exports.md):

- `jsonl`: one document JSON per article (docs/document-json.md), oldest first;
- `csv`, `parquet`: the events table flat, one row per stored event (`EVENT_COLUMNS`);
- `gdelt`: the 61 columns of the GDELT 2.0 Event table, tab-separated without a header
  like GDELT's own files, one row per event cluster (`GDELT_COLUMNS`);
- `polecat`: the columns of the POLECAT weekly files, tab-separated with a header, one
  row per stored event (`POLECAT_COLUMNS`).

`since` and `until` select articles by date (jsonl) or events by their date (the
event's own day, else its article's date). Files are written whole or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import CommuniqueError
from ..store._sql import date_range
from ._formats import (
    EVENT_COLUMNS,
    GDELT_COLUMNS,
    POLECAT_COLUMNS,
    event_rows,
    gdelt_rows,
    polecat_rows,
)

if TYPE_CHECKING:
    from ..store import DuckDBStore

__all__ = ["EVENT_COLUMNS", "FORMATS", "GDELT_COLUMNS", "POLECAT_COLUMNS", "ExportError", "export"]

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "polecat")


class ExportError(CommuniqueError, ValueError):
    """An export cannot be made as asked (unknown format, unwritable place)."""


@contextmanager
def _atomic(out: Path, mode: str = "w") -> Iterator[Any]:
    """Write to a temporary file beside `out`, then rename it: no half-written exports."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an export is an ordinary file
    try:
        if mode == "path":
            yield tmp
        else:
            with open(tmp, mode, encoding="utf-8", newline="") as handle:
                yield handle
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _clean(value: Any) -> Any:
    """A value fit for one tab-separated cell: no tabs or line breaks inside."""
    if isinstance(value, str):
        return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value
    return value


def _write_tsv(out: Path, header: Iterable[str] | None, rows: Iterable[list[Any]]) -> int:
    count = 0
    with _atomic(out) as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None,
                            lineterminator="\n", quotechar=None)
        if header is not None:
            writer.writerow(header)
        for row in rows:
            writer.writerow([_clean(v) for v in row])
            count += 1
    return count


def _jsonl(store: DuckDBStore, out: Path, since: dt.date | None, until: dt.date | None) -> int:
    where: list[str] = ["1=1"]
    params: list[Any] = []
    date_range("date", since, until, where, params)
    ids = [r[0] for r in store.con.execute(
        "SELECT id FROM articles WHERE " + " AND ".join(where) + " ORDER BY date NULLS LAST, id",
        params).fetchall()]
    with _atomic(out) as handle:
        for article_id in ids:
            handle.write(json.dumps(store.document(article_id).to_dict(), ensure_ascii=False) + "\n")
    return len(ids)


def _events_table(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    types = {"article_date": pa.date32(), "date": pa.date32(), "quad_class": pa.int32(),
             "intensity": pa.float64(), "evidence_start": pa.int32(), "evidence_end": pa.int32(),
             "confidence": pa.float64(), "num_mentions": pa.int64(), "num_sources": pa.int64(),
             "num_articles": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in EVENT_COLUMNS])
    return pa.Table.from_pylist([{c: r[c] for c in EVENT_COLUMNS} for r in rows], schema=schema)


def export(store: DuckDBStore, fmt: str, out: str | os.PathLike[str],
           since: dt.date | None = None, until: dt.date | None = None) -> int:
    """Write the store (or the part in `since`..`until`) to `out` in format `fmt`; return
    how many records (documents, events or event clusters) were written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    path = Path(out)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name to write")
    if fmt == "jsonl":
        return _jsonl(store, path, since, until)
    if fmt == "gdelt":
        return _write_tsv(path, None, gdelt_rows(event_rows(store, since, until, clusters=True)))
    rows = event_rows(store, since, until)
    if fmt == "polecat":
        return _write_tsv(path, POLECAT_COLUMNS, polecat_rows(store, rows, __version__))
    table = _events_table(rows)
    if fmt == "csv":
        import pyarrow.csv as pacsv

        with _atomic(path, "path") as tmp:
            pacsv.write_csv(table, tmp)
    else:
        import pyarrow.parquet as pq

        with _atomic(path, "path") as tmp:
            pq.write_table(table, tmp)
    return table.num_rows
