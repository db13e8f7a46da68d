"""Reader for HTML pages: the article text, title and date come from trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import RecordError
from ..records import Article, Reject
from ._decode import decode_utf8
from ._normalize import article_id, check_text, content_hash, parse_date
from ._registry import ReadOptions, register_reader

MIN_WORDS = 8


@register_reader("html", extensions=("html", "htm", "xhtml"))
def read_html(data: bytes, origin: str, options: ReadOptions) -> Iterator[Article | Reject]:
    try:
        yield parse_html(data, origin)
    except RecordError as exc:
        yield Reject(origin=origin, line=1, reason=exc.reason, raw=data)


def parse_html(data: bytes, origin: str = "<html>") -> Article:
    import trafilatura  # heavy import, only when HTML is read

    try:
        html = decode_utf8(data)
    except RecordError:
        html = data.decode("cp1252", errors="replace")  # old pages declare Latin-1 charsets
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_precision=True
    )
    if extracted is None:
        raise RecordError("no article text found in the HTML page")
    body = getattr(extracted, "text", None) or ""
    if len(body.split()) < MIN_WORDS:  # menus and cookie banners are not articles
        raise RecordError("no article text found in the HTML page")
    text = check_text(body)
    try:
        date = parse_date(getattr(extracted, "date", None))
    except RecordError:
        date = None  # a page's metadata date is a hint, not the record's own field
    return Article(
        id=article_id(text, date),
        text=text,
        date=date,
        title=getattr(extracted, "title", None),
        source=getattr(extracted, "sitename", None),
        url=getattr(extracted, "url", None),
        origin=origin,
        content_hash=content_hash(text),
    )
