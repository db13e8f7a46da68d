"""Formatting of listings for the CLI: aligned text tables, JSON or CSV."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import click


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=_plain)


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
         out: TextIO | None = None, widths: dict[str, int] | None = None) -> None:
    """Print `rows` as a table (`text`), JSON or CSV."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(to_json([{k: _plain(v) for k, v in row.items()} for row in rows]) + "\n")
        return
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _plain(row.get(k)) for k in columns})
        return
    widths = widths or {}
    cells = [[_cell(row.get(c), widths.get(c, 60)) for c in columns] for row in rows]
    sizes = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    click.echo("  ".join(click.style(c.ljust(s), bold=True) for c, s in zip(columns, sizes, strict=True)), file=out)
    for r in cells:
        click.echo("  ".join(v.ljust(s) for v, s in zip(r, sizes, strict=True)).rstrip(), file=out)
    if not rows:
        click.echo("(nothing found)", file=out)


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(_plain(value))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
