"""The registry of readers: each input format is a named function.

A reader takes the bytes of one input and yields `Article`s and `Reject`s in input order.
It never raises for a bad record: the record becomes a `Reject` and reading goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..records import Article, Reject


@dataclass(frozen=True)
class FieldMap:
    """Which input field holds each article attribute (JSONL and CSV)."""

    id: str = "id"
    date: str = "date"
    title: str = "title"
    text: str = "text"
    source: str = "source"
    url: str = "url"

    @classmethod
    def from_pairs(cls, pairs: list[str] | tuple[str, ...]) -> FieldMap:
        """Build from `attribute=field` strings, e.g. `["date=published"]`."""
        values: dict[str, str] = {}
        known = set(cls.__dataclass_fields__)
        for pair in pairs:
            name, sep, column = pair.partition("=")
            name, column = name.strip(), column.strip()
            if not sep or not column or name not in known:
                raise InputError(
                    f"bad field mapping {pair!r}: write ATTRIBUTE=FIELD with ATTRIBUTE one of "
                    f"{', '.join(sorted(known))} (e.g. --field date=published)"
                )
            values[name] = column
        return cls(**values)


@dataclass(frozen=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)


Reader = Callable[[bytes, str, ReadOptions], Iterator[Article | Reject]]

READERS: dict[str, Reader] = {}
EXTENSIONS: dict[str, str] = {}


def register_reader(name: str, extensions: tuple[str, ...] = ()) -> Callable[[Reader], Reader]:
    """Register `func` as the reader called `name`, used for files ending in `extensions`."""

    def decorate(func: Reader) -> Reader:
        READERS[name] = func
        for ext in extensions:
            EXTENSIONS[ext] = name
        return func

    return decorate


def get_reader(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        raise InputError(
            f"unknown input format {name!r}; known formats: {', '.join(sorted(READERS))}"
        ) from None
