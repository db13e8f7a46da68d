"""Turning the paths a user gives into inputs: files, folders, globs, `.gz` and stdin."""

from __future__ import annotations

import glob
import gzip
import os
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ._registry import EXTENSIONS

STDIN = "-"
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Source:
    """One input: a file path, or `-` for standard input."""

    name: str

    @property
    def is_stdin(self) -> bool:
        return self.name == STDIN

    @property
    def label(self) -> str:
        return "<stdin>" if self.is_stdin else self.name

    def read(self) -> bytes:
        try:
            data = sys.stdin.buffer.read() if self.is_stdin else Path(self.name).read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", self.label) from None
        if data[:2] == _GZIP_MAGIC:
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error) as exc:
                raise InputError(f"broken gzip file ({exc})", self.label) from None
        return data


def _stem_extension(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return os.path.splitext(lower)[1].lstrip(".")


def known_extension(name: str) -> bool:
    return _stem_extension(name) in EXTENSIONS


def detect_format(source: Source, head: bytes) -> str:
    """The reader for `source`: by extension, else by sniffing the first bytes."""
    ext = _stem_extension(source.name) if not source.is_stdin else ""
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    start = head.lstrip()[:20].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith((b"<!doctype", b"<html", b"<")):
        return "html"
    return "text"


def expand(paths: list[str] | tuple[str, ...]) -> Iterator[Source]:
    """Yield the inputs named by `paths`, in a stable order.

    A folder is walked recursively and yields only files whose extension a reader knows
    (so a README.md beside the articles is skipped); a pattern with `*`, `?` or `[` is a
    glob; `-` is standard input. A named file is read whatever its extension.
    """
    for path in paths:
        if path == STDIN:
            yield Source(STDIN)
        elif any(ch in path for ch in "*?["):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                raise InputError("no file matches this pattern", path)
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match)
                else:
                    yield Source(match)
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.exists(path):
            yield Source(path)
        else:
            raise InputError("no such file or folder", path)


def _walk(folder: str) -> Iterator[Source]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and known_extension(name):
                found.append(os.path.join(root, name))
    for name in sorted(found):
        yield Source(name)
