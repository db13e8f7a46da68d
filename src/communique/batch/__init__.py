"""Batch ingestion: read, deduplicate, parse in worker processes, write in batches.

The unit of work is `process_partition(articles) -> documents` (see `communique.pipeline`);
the model is loaded once per worker process. A single writer (this process) stores each
batch in one transaction, so an interrupted run loses nothing it had committed and a
rerun of the same command picks up where it stopped.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..document import Document
from ..ingest import ReadOptions, read_articles
from ..ingest.dedup import NearDuplicates
from ..nlp import load_pipeline
from ..pipeline import pipeline_info, process_partition
from ..records import Article, Reject
from ..store import Store

log = logging.getLogger(__name__)

__all__ = ["IngestSummary", "ingest"]


@dataclass
class IngestSummary:
    """What an ingest run did; `rejected > 0` makes the CLI exit non-zero."""

    read: int = 0
    ingested: int = 0
    already_stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    undated: int = 0
    rejected: int = 0
    seconds: float = 0.0
    run_id: str = ""
    rejects: list[Reject] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rejects"] = [{"origin": r.origin, "line": r.line, "reason": r.reason}
                           for r in self.rejects]
        data["seconds"] = round(self.seconds, 3)
        return data

    def counts(self) -> dict[str, int]:
        return {k: v for k, v in asdict(self).items() if isinstance(v, int)}


class _Run:
    def __init__(self, store: Store, summary: IngestSummary,
                 on_reject: Callable[[Reject], None] | None,
                 progress: Callable[[int], None] | None) -> None:
        self.store = store
        self.summary = summary
        self.on_reject = on_reject
        self.progress = progress
        self.seen_hashes: set[str] = set()
        self.seen_ids: dict[str, str] = {}
        self.near = NearDuplicates()

    def reject(self, reject: Reject) -> None:
        self.summary.rejected += 1
        if len(self.summary.rejects) < 1000:
            self.summary.rejects.append(reject)
        self.store.add_rejects([reject], self.summary.run_id)
        if self.on_reject:
            self.on_reject(reject)

    def _clash(self, article: Article, other_id: str) -> Reject:
        return _reject(article, f"id {article.id!r} is already used by another article with "
                                f"different text (first stored as {other_id!r})")

    def screen(self, items: Iterable[Article | Reject]) -> Iterator[Article]:
        """Rejects and in-run duplicates are handled here; new articles go on."""
        for item in items:
            if isinstance(item, Reject):
                self.reject(item)
                continue
            self.summary.read += 1
            if item.content_hash in self.seen_hashes:
                self.summary.duplicates += 1
                continue
            if item.id in self.seen_ids:
                self.reject(self._clash(item, item.id))
                continue
            self.seen_hashes.add(item.content_hash)
            self.seen_ids[item.id] = item.content_hash
            yield item

    def new_only(self, batch: list[Article]) -> tuple[list[Article], dict[str, str]]:
        """Drop what the store already holds; flag near duplicates of the rest."""
        known = self.store.known(batch)
        fresh, near = [], {}
        for article in batch:
            if article.id in known:
                if known[article.id][1] == article.content_hash:
                    self.summary.already_stored += 1
                else:
                    self.reject(self._clash(article, known[article.id][0]))
                continue
            if article.content_hash in known:
                self.summary.duplicates += 1
                continue
            twin = self.near.check(article.id, article.text)
            if twin:
                near[article.id] = twin
            fresh.append(article)
        return fresh, near

    def write(self, docs: Sequence[Document], near: dict[str, str]) -> None:
        written = self.store.write_documents(docs, self.summary.run_id, near)
        self.summary.ingested += written
        self.summary.undated += sum(1 for d in docs if d.article.date is None)
        self.summary.near_duplicates += sum(1 for d in docs if d.article.id in near)
        log.info("committed %d articles (%d in this run)", written, self.summary.ingested)
        if self.progress:
            self.progress(written)


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _reject(article: Article, reason: str) -> Reject:
    """A read article that cannot be stored, kept aside under the file and line it came from."""
    origin, _, line = (article.origin or "?:0").rpartition(":")
    return Reject(origin=origin or "?", line=int(line) if line.isdigit() else 0, reason=reason,
                  raw=article.text.encode("utf-8"))


def _process_safely(articles: list[Article], model: str | None) -> tuple[list[Document], list[Reject]]:
    """Process a partition; if it fails, retry one article at a time to isolate the bad one."""
    try:
        return process_partition(articles, model), []
    except Exception:  # noqa: BLE001 - any failure of one article must not stop the batch
        docs, rejects = [], []
        for article in articles:
            try:
                docs.extend(process_partition([article], model))
            except Exception as exc:  # noqa: BLE001
                log.exception("pipeline failed on article %s", article.id)
                rejects.append(_reject(article, f"pipeline error: {type(exc).__name__}: {exc}"))
        return docs, rejects


def _refresh_search(store: Store) -> None:
    """Full-text search indexes do not follow inserts in DuckDB: rebuild after a write."""
    from ..store import DuckDBStore

    if isinstance(store, DuckDBStore):
        from ..store._explore import refresh_search_index

        refresh_search_index(store)


def _init_worker(model: str | None) -> None:
    load_pipeline(model)


def ingest(
    paths: Sequence[str],
    store: Store,
    *,
    fmt: str | None = None,
    options: ReadOptions | None = None,
    workers: int = 1,
    batch_size: int = 32,
    model: str | None = None,
    on_reject: Callable[[Reject], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Read `paths`, process new articles and store them; return what happened."""
    started = time.perf_counter()
    summary = IngestSummary()
    info = pipeline_info(model)
    summary.run_id = store.start_run("ingest " + " ".join(paths), info)
    run = _Run(store, summary, on_reject, progress)
    status = "failed"
    try:
        articles = run.screen(read_articles(list(paths), fmt, options))
        batches = (run.new_only(batch) for batch in _batches(articles, batch_size))
        if workers <= 1:
            load_pipeline(model)
            for fresh, near in batches:
                if fresh:
                    docs, rejects = _process_safely(fresh, model)
                    for reject in rejects:
                        run.reject(reject)
                    run.write(docs, near)
        else:
            _run_parallel(run, batches, workers, model)
        if summary.ingested:
            _refresh_search(store)
        status = "done"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, status, summary.counts())
    return summary


def _run_parallel(run: _Run, batches: Iterator[tuple[list[Article], dict[str, str]]],
                  workers: int, model: str | None) -> None:
    # spawn, not fork: the parent holds a DuckDB connection and threads that must not be
    # copied into the children.
    context = mp.get_context("spawn")
    with context.Pool(workers, initializer=_init_worker, initargs=(model,)) as pool:
        inflight: deque[tuple[Any, dict[str, str]]] = deque()

        def drain_one() -> None:
            result, near = inflight.popleft()
            docs, rejects = result.get()
            for reject in rejects:
                run.reject(reject)
            run.write(docs, near)

        for fresh, near in batches:
            if fresh:
                inflight.append((pool.apply_async(_process_safely, (fresh, model)), near))
            while len(inflight) > workers * 2:
                drain_one()
        while inflight:
            drain_one()
