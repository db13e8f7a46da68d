"""Throughput and memory of the pipeline against a plain spaCy run on the same articles.

Each side runs in fresh worker processes (spawned, so that one side's memory does not
count for the other): first a plain `nlp.pipe` over the texts with the same model and all
its components; then the model with communique's actor components (entity ruler and
resolver) and nothing else, which isolates the cost of resolution; then communique's full
pipeline (parse and every extraction stage, no storage). Model loading is timed apart. Figures on a shared machine are noisy, so the
ratio of the two, measured in the same run, is the figure to compare across runs.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .ingest import ReadOptions, read_articles
from .records import Article

__all__ = ["BenchResult", "bench"]


@dataclass
class BenchResult:
    articles: int
    words: int
    workers: int
    model: str
    phases: dict[str, dict[str, Any]]

    def ratio_of(self, phase: str) -> float:
        plain, ours = self.phases["plain"], self.phases[phase]
        return ours["articles_per_s"] / plain["articles_per_s"] if plain["articles_per_s"] else 0.0

    @property
    def ratio(self) -> float:
        return self.ratio_of("communique")

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "words": self.words, "workers": self.workers,
                "model": self.model, "phases": self.phases,
                "ratio_communique_over_plain": round(self.ratio, 3),
                "ratio_actors_over_plain": round(self.ratio_of("actors"), 3)}


def _load(model: str | None, plain: bool) -> None:
    started = time.perf_counter()
    from .nlp import load_pipeline

    load_pipeline(model, plain=plain)
    global _LOAD_SECONDS
    _LOAD_SECONDS = time.perf_counter() - started


_LOAD_SECONDS = 0.0


def _run_phase(args: tuple[str, list[Article], str | None]) -> dict[str, Any]:
    phase, articles, model = args
    from . import pipeline
    from .nlp import load_pipeline

    nlp = load_pipeline(model, plain=phase == "plain")
    pipeline.STAGE_SECONDS.clear()
    started = time.perf_counter()
    if phase in ("plain", "actors"):  # actors: the model with the actor components only
        for _ in nlp.pipe((pipeline._make_doc(nlp, a) if phase == "actors" else a.text
                           for a in articles), batch_size=pipeline.BATCH_SIZE):
            pass
    else:
        for _ in pipeline.process_articles(articles, nlp, model=model):
            pass
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "load_seconds": _LOAD_SECONDS,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "stages": dict(pipeline.STAGE_SECONDS)}


def _phase(phase: str, chunks: list[list[Article]], model: str | None) -> dict[str, Any]:
    context = mp.get_context("spawn")
    with context.Pool(len(chunks), initializer=_load, initargs=(model, phase == "plain")) as pool:
        results = pool.map(_run_phase, [(phase, chunk, model) for chunk in chunks])
    seconds = max(r["seconds"] for r in results)  # the workers run side by side
    stages: dict[str, float] = {}
    for r in results:
        for name, value in r["stages"].items():
            stages[name] = stages.get(name, 0.0) + value
    return {"seconds": round(seconds, 3),
            "load_seconds": round(max(r["load_seconds"] for r in results), 3),
            "peak_rss_mb": round(sum(r["peak_rss_mb"] for r in results), 1),
            "stage_seconds": {k: round(v, 3) for k, v in stages.items()}}


def bench(paths: Sequence[str], limit: int | None = None, workers: int = 1,
          fmt: str | None = None, options: ReadOptions | None = None,
          model: str | None = None) -> BenchResult:
    """Measure both sides on the first `limit` readable articles of `paths`."""
    from .nlp import model_name

    articles: list[Article] = []
    for item in read_articles(list(paths), fmt, options):
        if isinstance(item, Article):
            articles.append(item)
            if limit and len(articles) >= limit:
                break
    if not articles:
        raise ValueError("no readable articles to benchmark")
    words = sum(len(a.text.split()) for a in articles)
    size = -(-len(articles) // workers)
    chunks = [articles[i:i + size] for i in range(0, len(articles), size)]
    phases = {}
    for phase in ("plain", "actors", "communique"):
        result = _phase(phase, chunks, model)
        result["articles_per_s"] = round(len(articles) / result["seconds"], 2)
        result["words_per_s"] = round(words / result["seconds"], 1)
        phases[phase] = result
    return BenchResult(articles=len(articles), words=words, workers=len(chunks),
                       model=model_name(model), phases=phases)
