"""The pipeline: articles in, documents out. One spaCy parse per article, shared by every stage.

`process()` is the one-article entry point of the Python API; `process_articles()` streams
many through `nlp.pipe`; `process_partition()` is the unit of work of a batch worker.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from . import __version__
from .dates import date_refs
from .document import Document
from .errors import ArticleError, RecordError
from .events import extract_events, extract_statement_events, merge_events
from .ingest._normalize import article_id, check_text, content_hash
from .ingest._normalize import parse_date as _parse_date
from .nlp import load_pipeline, model_name
from .quotes import extract_quotes, link_events
from .records import Article, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["build_document", "pipeline_info", "process", "process_articles", "process_partition"]

BATCH_SIZE = 32


def pipeline_info(model: str | None = None) -> dict[str, str]:
    """What produced a document: the package version, the model and a hash of the settings."""
    settings = {"version": __version__, "model": model_name(model)}
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:12]
    return settings | {"config_hash": digest}


def sentences(doc: Doc) -> Iterator[Sentence]:
    for index, sent in enumerate(doc.sents):
        yield Sentence(index=index, start=sent.start_char, end=sent.end_char)


def mentions(doc: Doc) -> Iterator[Mention]:
    sent_index = {sent.start: i for i, sent in enumerate(doc.sents)}
    for ent in doc.ents:
        yield Mention(start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_,
                      sentence=sent_index.get(ent.sent.start, -1))


Stage = Callable[[Any, Article, dict[str, tuple[Any, ...]]], Iterable[Any]]

#: The extraction stages, in order. Each takes the parsed `Doc`, the article and what the
#: earlier stages produced, and yields records; its name is the `Document` field it fills.
STAGES: list[tuple[str, Stage]] = [
    ("sentences", lambda doc, article, done: sentences(doc)),
    ("mentions", lambda doc, article, done: mentions(doc)),
    ("actors", lambda doc, article, done: doc._.actors),
    ("dates", lambda doc, article, done: date_refs(doc, article.date)),
    ("events", lambda doc, article, done: extract_events(doc, article, doc._.all_actors,
                                                         done["dates"])),
    ("quotes", lambda doc, article, done: extract_quotes(doc, done["actors"], done["events"])),
    # events carried by speech: they join `events` and the quotations link to them
    ("statements", lambda doc, article, done: extract_statement_events(
        doc, article, doc._.all_actors, done["dates"], done["quotes"])),
]

#: Seconds spent in each stage in this process (read by `communique bench`).
STAGE_SECONDS: dict[str, float] = {}


def build_document(article: Article, doc: Doc, info: dict[str, str] | None = None) -> Document:
    """Run every extraction stage over one parsed article."""
    done: dict[str, tuple[Any, ...]] = {}
    for name, stage in STAGES:
        started = time.perf_counter()
        done[name] = tuple(stage(doc, article, done))
        STAGE_SECONDS[name] = STAGE_SECONDS.get(name, 0.0) + time.perf_counter() - started
    statements = done.pop("statements", ())
    if statements:
        done["events"] = tuple(merge_events(done["events"], statements))
        done["quotes"] = tuple(link_events(done["quotes"], done["events"]))
    done["actors"] = _with_participants(done.get("actors", ()), doc, done)
    return Document(article=article, pipeline=info or pipeline_info(), **done)


def _with_participants(actors: tuple[Any, ...], doc: Doc, done: dict[str, tuple[Any, ...]]) -> tuple[Any, ...]:
    """Every actor an event or a quote refers to is in the document's actors, even one
    that is otherwise only a place ("talks in Moscow" is not Russia acting, but "arrived
    in Moscow for talks" makes Russia the host)."""
    have = {a.id for a in actors}
    wanted = {p.actor for e in done.get("events", ()) for p in (e.source, e.target) if p}
    wanted |= {q.speaker for q in done.get("quotes", ()) if q.speaker}
    missing = wanted - have
    if not missing:
        return actors
    extra = [a for a in getattr(doc._, "all_actors", ()) if a.id in missing]
    return tuple(sorted([*actors, *extra], key=lambda a: a.mentions[0].start if a.mentions else 0))


def process_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = BATCH_SIZE,
    model: str | None = None,
) -> Iterator[Document]:
    """Parse and extract a stream of articles, in order, with one `nlp.pipe` call."""
    nlp = nlp or load_pipeline(model)
    info = pipeline_info(model)
    pairs = ((_make_doc(nlp, a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield build_document(article, doc, info)


def _make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise and attach the article date, which the actor resolver reads."""
    from .actors.components import set_article_date

    return set_article_date(nlp.make_doc(article.text), article.date)


def process_partition(articles: list[Article], model: str | None = None) -> list[Document]:
    """The unit of batch work: the model is loaded once per worker process and reused."""
    return list(process_articles(articles, load_pipeline(model), model=model))


def process(
    text: str,
    date: str | dt.date | None = None,
    title: str | None = None,
    *,
    dateline: str | None = None,
    model: str | None = None,
) -> Document:
    """Run the whole pipeline on one article's text and return its `Document`.

    >>> doc = process("Rutte said Russia will not decide.", date="2025-09-04")
    >>> doc.to_dict()["article"]["date"]
    '2025-09-04'

    Nothing is stored. `date` (ISO string or `date`) anchors relative dates.
    """
    try:
        clean = check_text(text)
        day = _parse_date(date)
    except RecordError as exc:
        raise ArticleError(exc.reason) from None
    article = Article(id=article_id(clean, day), text=clean, date=day, title=title,
                      dateline=dateline, content_hash=content_hash(clean))
    return process_article(article, model=model)


def process_article(article: Article, model: str | None = None) -> Document:
    """Run the pipeline on an `Article` read by a reader."""
    return next(process_articles([article], model=model))
