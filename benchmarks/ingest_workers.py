"""Ingest throughput with 1 and with N worker processes, measured in the same run.

    python benchmarks/ingest_workers.py ../shared/corpus/news.jsonl.gz --limit 1000 --workers 2

Writes the first LIMIT articles to a temporary JSONL, then runs `communique.ingest_paths`
into a fresh temporary database once per worker count (the spaCy model load is included,
as a user would see it) and prints articles/s for each and their ratio. Not a test:
figures on a shared machine are noisy; compare ratios.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import communique
from communique.ingest import FieldMap, ReadOptions, read_articles
from communique.records import Article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--field", action="append", default=[])
    args = parser.parse_args()
    options = ReadOptions(fields=FieldMap.from_pairs(args.field))
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        count = 0
        with sample.open("w", encoding="utf-8") as out:
            for item in read_articles([args.path], options=options):
                if isinstance(item, Article):
                    out.write(json.dumps({"id": item.id, "date": item.date.isoformat() if item.date else None,
                                          "title": item.title, "text": item.text}) + "\n")
                    count += 1
                    if count >= args.limit:
                        break
        results = {}
        for workers in sorted({1, args.workers}):
            db = str(Path(tmp) / f"w{workers}.duckdb")
            started = time.perf_counter()
            with communique.open_store(db) as store:
                summary = communique.ingest_paths([str(sample)], store, workers=workers)
            seconds = time.perf_counter() - started
            results[workers] = summary.ingested / seconds
            print(f"workers={workers}: {summary.ingested} articles in {seconds:.1f}s = "
                  f"{results[workers]:.2f} articles/s")
        if args.workers != 1:
            print(f"ratio {args.workers} workers / 1 worker: {results[args.workers] / results[1]:.2f}")


if __name__ == "__main__":
    main()
