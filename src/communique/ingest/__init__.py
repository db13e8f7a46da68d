"""Reading articles from files, folders, globs, `.gz` and stdin.

    >>> from communique.ingest import read_articles
    >>> for item in read_articles(["samples/"]):
    ...     print(item)

`read_articles` yields `Article` and `Reject` records in input order. A whole input that
cannot be read (a missing path) raises `InputError`; a bad record never does.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..records import Article, Reject
from . import html, jsonl, tabular, text  # noqa: F401  (registers the readers)
from ._registry import EXTENSIONS, READERS, FieldMap, ReadOptions, get_reader, register_reader
from ._sources import Source, detect_format, expand
from .text import parse_text, split_headline

__all__ = [
    "EXTENSIONS",
    "READERS",
    "FieldMap",
    "ReadOptions",
    "Source",
    "expand",
    "parse_text",
    "read_articles",
    "read_source",
    "register_reader",
    "split_headline",
]


def read_source(
    source: Source, fmt: str | None = None, options: ReadOptions | None = None
) -> Iterator[Article | Reject]:
    """Read one input with the named reader, or the one its extension or content suggests."""
    options = options or ReadOptions()
    data = source.read()
    name = fmt or detect_format(source, data[:512])
    yield from get_reader(name)(data, source.label, options)


def read_articles(
    paths: list[str] | tuple[str, ...], fmt: str | None = None, options: ReadOptions | None = None
) -> Iterator[Article | Reject]:
    """Read every input named by `paths` (files, folders, globs, `-`)."""
    if fmt is not None:
        get_reader(fmt)  # fail before reading anything
    sources = list(expand(paths))
    if not sources:
        raise InputError("no readable input files found (known extensions: "
                         + ", ".join(sorted(EXTENSIONS)) + ")", ", ".join(paths))
    for source in sources:
        yield from read_source(source, fmt, options)
