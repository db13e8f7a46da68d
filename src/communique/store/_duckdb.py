"""The DuckDB store: one file, schema by migrations, one writer and many readers.

Writes happen in batches, each in one transaction that holds whole articles (the article
row with its sentences and mentions), so a process killed at any moment leaves every
article either fully stored or absent; a rerun then stores the absent ones.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from ..document import Document
from ..errors import NotFoundError, StoreError
from ..records import Article, Mention, Reject, Sentence
from ._migrations import LATEST, MIGRATIONS

log = logging.getLogger(__name__)

DEFAULT_DB = "communique.duckdb"

_ARTICLE_COLUMNS = ("id", "content_hash", "date", "title", "dateline", "source", "url", "text",
                    "origin", "meta", "near_duplicate_of", "run_id", "ingested_at")
_ARTICLE_SCHEMA = pa.schema([
    ("id", pa.string()), ("content_hash", pa.string()), ("date", pa.date32()),
    ("title", pa.string()), ("dateline", pa.string()), ("source", pa.string()),
    ("url", pa.string()), ("text", pa.string()), ("origin", pa.string()), ("meta", pa.string()),
    ("near_duplicate_of", pa.string()), ("run_id", pa.string()),
    ("ingested_at", pa.timestamp("us")),
])
_SENTENCE_SCHEMA = pa.schema([("article_id", pa.string()), ("idx", pa.int32()),
                              ("start_char", pa.int32()), ("end_char", pa.int32())])
_MENTION_SCHEMA = pa.schema([("article_id", pa.string()), ("idx", pa.int32()),
                             ("start_char", pa.int32()), ("end_char", pa.int32()),
                             ("text", pa.string()), ("label", pa.string()),
                             ("sentence", pa.int32())])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def reject_id(reject: Reject) -> str:
    key = f"{reject.origin}\n{reject.line}\n".encode() + reject.raw
    return hashlib.sha256(key).hexdigest()[:20]


class DuckDBStore:
    """A communique database in one DuckDB file (or `:memory:`)."""

    def __init__(self, path: str = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        if read_only and path != ":memory:" and not os.path.exists(path):
            raise StoreError(
                f"{path}: no such database; create it with `communique ingest PATH --db {path}`"
            )
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(
                f"{path}: cannot open the database ({exc}). Another communique process may be "
                "writing to it: DuckDB allows one writing process at a time."
            ) from None
        if read_only:
            version = self.schema_version()
            if version < LATEST:
                raise StoreError(
                    f"{path}: database schema is version {version}, this communique needs "
                    f"{LATEST}; run any writing command (e.g. `communique migrate --db {path}`)"
                )
        else:
            self.migrate()

    # -- schema -------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
        return int(row[0]) if row else 0

    def migrate(self) -> list[int]:
        """Apply the migrations this database lacks; return their numbers."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        applied = []
        for version, name, sql in MIGRATIONS:
            if version <= current:
                continue
            try:
                self.con.execute("BEGIN TRANSACTION")
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                                 [version, name, _now()])
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration {version} ({name}) failed: {exc}") from exc
            log.info("applied migration %d: %s", version, name)
            applied.append(version)
        return applied

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------
    def start_run(self, command: str, info: dict[str, str]) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs (id, command, version, model, config_hash, started_at, status) "
            "VALUES (?, ?, ?, ?, ?, ?, 'running')",
            [run_id, command, info.get("version"), info.get("model"), info.get("config_hash"),
             _now()],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, counts: dict[str, int]) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, counts = ? WHERE id = ?",
            [_now(), status, json.dumps(counts), run_id],
        )

    def known(self, articles: Sequence[Article]) -> dict[str, tuple[str, str]]:
        """For articles already stored (by id or by content hash): key -> (id, content_hash)."""
        if not articles:
            return {}
        ids = [a.id for a in articles]
        hashes = [a.content_hash for a in articles]
        rows = self.con.execute(
            "SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?)) "
            "OR content_hash IN (SELECT unnest(?))", [ids, hashes]
        ).fetchall()
        found: dict[str, tuple[str, str]] = {}
        for row_id, row_hash in rows:
            found[row_id] = (row_id, row_hash)
            found[row_hash] = (row_id, row_hash)
        return found

    def write_documents(
        self, docs: Sequence[Document], run_id: str | None = None,
        near_duplicates: dict[str, str] | None = None,
    ) -> int:
        """Store whole documents in one transaction; return how many were written."""
        if not docs:
            return 0
        near_duplicates = near_duplicates or {}
        now = _now()
        articles, sentences, mentions = [], [], []
        for doc in docs:
            a = doc.article
            articles.append({
                "id": a.id, "content_hash": a.content_hash, "date": a.date, "title": a.title,
                "dateline": a.dateline, "source": a.source, "url": a.url, "text": a.text,
                "origin": a.origin,
                "meta": json.dumps(a.meta, ensure_ascii=False, default=str) if a.meta else None,
                "near_duplicate_of": near_duplicates.get(a.id), "run_id": run_id,
                "ingested_at": now,
            })
            sentences.extend({"article_id": a.id, "idx": s.index, "start_char": s.start,
                              "end_char": s.end} for s in doc.sentences)
            mentions.extend({"article_id": a.id, "idx": i, "start_char": m.start,
                             "end_char": m.end, "text": m.text, "label": m.label,
                             "sentence": m.sentence} for i, m in enumerate(doc.mentions))
        tables = {
            "articles": pa.Table.from_pylist(articles, schema=_ARTICLE_SCHEMA),
            "sentences": pa.Table.from_pylist(sentences, schema=_SENTENCE_SCHEMA),
            "mentions": pa.Table.from_pylist(mentions, schema=_MENTION_SCHEMA),
        }
        try:
            self.con.execute("BEGIN TRANSACTION")
            for name, table in tables.items():
                self.con.register("_batch", table)
                self.con.execute(f"INSERT INTO {name} SELECT * FROM _batch")
                self.con.unregister("_batch")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: writing {len(docs)} articles failed: {exc}") from exc
        return len(docs)

    def add_rejects(self, rejects: Iterable[Reject], run_id: str | None = None) -> int:
        """Keep rejected records with their raw content; the same reject is kept once."""
        rows = [(reject_id(r), r.origin, r.line, r.reason, r.raw, run_id, _now()) for r in rejects]
        if not rows:
            return 0
        before = self._count("rejects")
        self.con.executemany(
            "INSERT INTO rejects VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", rows
        )
        return self._count("rejects") - before

    # -- reading ------------------------------------------------------------------------
    def _count(self, table: str, where: str = "") -> int:
        row = self.con.execute(f"SELECT count(*) FROM {table} {where}").fetchone()
        return int(row[0]) if row else 0

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def articles(
        self, since: dt.date | None = None, until: dt.date | None = None,
        search: str | None = None, limit: int = 50, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Article summaries, newest first, filtered by date range and a text search."""
        where, params = ["1=1"], []
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until)
        if search:
            where.append("(title ILIKE ? OR text ILIKE ?)")
            like = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [like, like]
            where[-1] = "(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')"
        sql = (
            "SELECT id, date, title, dateline, source, length(text) AS chars, "
            "near_duplicate_of FROM articles WHERE " + " AND ".join(where)
            + " ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?"
        )
        return self._dicts(sql, [*params, limit, offset])

    def article(self, article_id: str) -> Article:
        rows = self._dicts(
            "SELECT id, content_hash, date, title, dateline, source, url, text, origin, meta "
            "FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFoundError("article", article_id)
        row = rows[0]
        return Article(id=row["id"], text=row["text"], date=row["date"], title=row["title"],
                       dateline=row["dateline"], source=row["source"], url=row["url"],
                       origin=row["origin"], content_hash=row["content_hash"],
                       meta=json.loads(row["meta"]) if row["meta"] else {})

    def document(self, article_id: str) -> Document:
        """The stored document of one article, as `communique process` would print it."""
        article = self.article(article_id)
        sentences = tuple(Sentence(index=i, start=s, end=e) for i, s, e in self.con.execute(
            "SELECT idx, start_char, end_char FROM sentences WHERE article_id = ? ORDER BY idx",
            [article_id]).fetchall())
        mentions = tuple(Mention(start=s, end=e, text=t, label=lab, sentence=sent)
                         for s, e, t, lab, sent in self.con.execute(
            "SELECT start_char, end_char, text, label, sentence FROM mentions "
            "WHERE article_id = ? ORDER BY idx", [article_id]).fetchall())
        run = self._dicts("SELECT r.version, r.model, r.config_hash FROM articles a "
                          "JOIN runs r ON r.id = a.run_id WHERE a.id = ?", [article_id])
        return Document(article=article, sentences=sentences, mentions=mentions,
                        pipeline=run[0] if run else {})

    def rejects(self, limit: int = 50) -> list[dict[str, Any]]:
        return self._dicts("SELECT id, origin, line, reason, octet_length(raw) AS bytes, rejected_at "
                           "FROM rejects ORDER BY rejected_at DESC, origin, line LIMIT ?", [limit])

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds."""
        row = self.con.execute(
            "SELECT count(*), count(date), min(date), max(date), "
            "count(near_duplicate_of) FROM articles").fetchone() or (0, 0, None, None, 0)
        labels = self.con.execute(
            "SELECT label, count(*) FROM mentions GROUP BY label ORDER BY count(*) DESC"
        ).fetchall()
        return {
            "database": self.path,
            "schema_version": self.schema_version(),
            "articles": int(row[0]),
            "dated": int(row[1]),
            "undated": int(row[0]) - int(row[1]),
            "first_date": row[2].isoformat() if row[2] else None,
            "last_date": row[3].isoformat() if row[3] else None,
            "near_duplicates": int(row[4]),
            "sentences": self._count("sentences"),
            "mentions": self._count("mentions"),
            "mentions_by_label": {label: int(n) for label, n in labels},
            "rejects": self._count("rejects"),
            "runs": self._count("runs"),
        }
