"""Reader for the seed's plain-text format.

    date 2025-09-04 Headline; more headline: The lead sentence, often on the same line.

    Paris:

    Body paragraphs ...

The first line is kept whole as the first paragraph of the text; the headline is split
from the lead where a clear boundary (`: ` before a capitalised sentence) exists. A line
that is nothing but a short place name and a colon is the dateline. A file whose first
line is not a `date` line is read as an undated article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import RecordError
from ..records import Article, Reject
from ._decode import decode_utf8
from ._normalize import article_id, check_text, content_hash, parse_date
from ._registry import ReadOptions, register_reader

_DATE_LINE = re.compile(r"^date\s+(\S+)\s*(.*)$", re.IGNORECASE)
_DATELINE = re.compile(r"^[A-Z\u00C0-\u017F][\w .,'’()\-\u00C0-\u017F]{0,60}:$")
_LEAD_BOUNDARY = re.compile(r":\s+(?=[\"'“‘A-Z])")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+(?=[\"'“‘A-Z])")


@register_reader("text", extensions=("txt", "text"))
def read_text(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    try:
        yield parse_text(decode_utf8(data), origin)
    except RecordError as exc:
        yield Reject(origin=origin, line=_line_of(exc, data), reason=exc.reason, raw=data)


def _line_of(exc: RecordError, data: bytes) -> int:
    match = re.search(r"at line (\d+)", exc.reason)
    return int(match.group(1)) if match else 1


def parse_text(raw: str, origin: str = "<text>") -> Article:
    """Parse one article in the seed's text format."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise RecordError("empty text")
    first = lines[0].strip()
    date = None
    match = _DATE_LINE.match(first)
    if match:
        date = parse_date(match.group(1))
        first = match.group(2).strip()
    rest = lines[1:]
    dateline = None
    nonblank = [i for i, line in enumerate(rest) if line.strip()]
    if nonblank and _is_dateline(rest[nonblank[0]]):
        dateline = rest[nonblank[0]].strip()[:-1].strip()
        del rest[nonblank[0]]
    text = check_text("\n".join([first, "", *rest]))
    title = split_headline(first) if first else None
    return Article(
        id=article_id(text, date),
        text=text,
        date=date,
        title=title,
        dateline=dateline,
        origin=origin,
        content_hash=content_hash(text),
    )


def _is_dateline(line: str) -> bool:
    line = line.strip()
    return bool(_DATELINE.match(line)) and len(line.split()) <= 6


def split_headline(line: str) -> str | None:
    """The headline part of a first line that may carry the lead too.

    Splits at the first `: ` that is followed by a capitalised sentence of eight words or
    more and preceded by three words or more; else a short line is all headline; else the
    first sentence is taken.
    """
    line = line.strip()
    if not line:
        return None
    for boundary in _LEAD_BOUNDARY.finditer(line):
        head, tail = line[: boundary.start()].strip(), line[boundary.end():]
        if len(head.split()) >= 3 and len(tail.split()) >= 8 and not _SENTENCE_END.search(head):
            return head
    if len(line.split()) <= 30:
        return line
    end = _SENTENCE_END.search(line)
    return line[: end.start() + 1].strip() if end else line
