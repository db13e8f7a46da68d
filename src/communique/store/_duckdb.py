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

from ..actors.records import Actor, ActorMention
from ..document import Document
from ..errors import NotFoundError, StoreError
from ..records import Article, Mention, Reject, Sentence
from ._migrations import LATEST, MIGRATIONS
from ._sql import date_range
from ._sql import like as _like

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
_ACTOR_SCHEMA = pa.schema([("id", pa.string()), ("name", pa.string()), ("kind", pa.string()),
                           ("country", pa.string()), ("party", pa.string()), ("qid", pa.string()),
                           ("in_kb", pa.bool_())])
_ARTICLE_ACTOR_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("actor_id", pa.string()), ("name", pa.string()),
    ("kind", pa.string()), ("country", pa.string()), ("sector", pa.string()),
    ("role", pa.string()), ("title", pa.string()), ("organisation", pa.string()),
    ("party", pa.string()), ("code", pa.string()), ("mentions", pa.int32())])
_ACTOR_MENTION_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("actor_id", pa.string()), ("start_char", pa.int32()),
    ("end_char", pa.int32()), ("text", pa.string()), ("how", pa.string()),
    ("sentence", pa.int32())])
_EVENT_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
    ("cameo", pa.string()), ("cameo_root", pa.string()), ("quad_class", pa.int32()),
    ("intensity", pa.float64()), ("source_actor", pa.string()), ("source_party", pa.string()),
    ("source_code", pa.string()), ("target_actor", pa.string()), ("target_party", pa.string()),
    ("target_code", pa.string()), ("polarity", pa.string()), ("modality", pa.string()),
    ("date_value", pa.string()), ("day", pa.date32()), ("date_text", pa.string()),
    ("place", pa.string()), ("evidence_start", pa.int32()), ("evidence_end", pa.int32()),
    ("trigger_text", pa.string()), ("pattern", pa.string()), ("confidence", pa.float64()),
    ("mentions", pa.int32()), ("cluster_id", pa.string()), ("data", pa.string())])
_DATE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("start_char", pa.int32()), ("end_char", pa.int32()),
    ("text", pa.string()), ("value", pa.string()), ("grain", pa.string()), ("tense", pa.string())])
_QUOTE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("id", pa.string()), ("start_char", pa.int32()),
    ("end_char", pa.int32()), ("text", pa.string()), ("kind", pa.string()),
    ("speaker", pa.string()), ("speaker_text", pa.string()), ("speaker_name", pa.string()),
    ("cue", pa.string()), ("channel", pa.string()), ("events", pa.list_(pa.string())),
    ("data", pa.string())])
_MENTION_SCHEMA = pa.schema([("article_id", pa.string()), ("idx", pa.int32()),
                             ("start_char", pa.int32()), ("end_char", pa.int32()),
                             ("text", pa.string()), ("label", pa.string()),
                             ("sentence", pa.int32())])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)




def cluster_id(event: dict[str, Any]) -> str:
    """Events of the same type, dyad, polarity and day across the store are one event
    reported several times (GDELT's NumMentions)."""
    source = (event.get("source") or {}).get("party")
    target = (event.get("target") or {}).get("party")
    key = f"{event['type']}|{source}|{target}|{event['polarity']}|{event.get('date')}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def _event_row(article_id: str, event: dict[str, Any]) -> dict[str, Any]:
    source, target = event.get("source") or {}, event.get("target") or {}
    value = event.get("date")
    try:
        day = dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        day = None
    return {
        "article_id": article_id, "id": event["id"], "type": event["type"],
        "mode": event.get("mode"), "cameo": event.get("cameo"),
        "cameo_root": event.get("cameo_root"), "quad_class": event.get("quad_class"),
        "intensity": event.get("intensity"), "source_actor": source.get("actor"),
        "source_party": source.get("party"), "source_code": source.get("code"),
        "target_actor": target.get("actor"), "target_party": target.get("party"),
        "target_code": target.get("code"), "polarity": event["polarity"],
        "modality": event["modality"], "date_value": value, "day": day,
        "date_text": event.get("date_text"), "place": event.get("place"),
        "evidence_start": event["evidence"]["start"], "evidence_end": event["evidence"]["end"],
        "trigger_text": event["trigger"]["text"], "pattern": event.get("pattern"),
        "confidence": event.get("confidence"), "mentions": len(event.get("mentions") or []),
        "cluster_id": cluster_id(event), "data": json.dumps(event, ensure_ascii=False),
    }


class _Stored(dict):
    """A record read back from the store, serialised as it was written."""

    def to_dict(self) -> dict[str, Any]:
        return dict(self)


def reject_id(reject: Reject) -> str:
    key = f"{reject.origin}\n{reject.line}\n".encode() + reject.raw
    return hashlib.sha256(key).hexdigest()[:20]


class DuckDBStore:
    """A communique database in one DuckDB file (or `:memory:`)."""

    def __init__(self, path: str = DEFAULT_DB, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._local_people: dict[str, str] | None = None
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
        docs = [self._same_local_ids(doc) for doc in docs]
        articles: list[dict[str, Any]] = []
        sentences: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        actors: dict[str, dict[str, Any]] = {}
        article_actors: list[dict[str, Any]] = []
        actor_mentions: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        dates: list[dict[str, Any]] = []
        quotes: list[dict[str, Any]] = []
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
            for actor in doc.actors:
                data = actor.to_dict()
                actors.setdefault(data["id"], {k: data[k] for k in
                                               ("id", "name", "kind", "country", "party", "qid", "in_kb")})
                article_actors.append({k: data[k] for k in _ARTICLE_ACTOR_SCHEMA.names
                                       if k in data} | {"article_id": a.id, "actor_id": data["id"],
                                                        "mentions": len(data["mentions"])})
                actor_mentions.extend({"article_id": a.id, "actor_id": data["id"],
                                       "start_char": m["start"], "end_char": m["end"],
                                       "text": m["text"], "how": m["how"],
                                       "sentence": m["sentence"]} for m in data["mentions"])
            for event in doc.events:
                events.append(_event_row(a.id, event.to_dict()))
            for quote in doc.quotes:
                q = quote.to_dict()
                quotes.append({"article_id": a.id, "id": q["id"], "start_char": q["start"],
                               "end_char": q["end"], "text": q["text"], "kind": q["kind"],
                               "speaker": q["speaker"], "speaker_text": q["speaker_text"],
                               "speaker_name": q["speaker_name"], "cue": q["cue"],
                               "channel": q["channel"], "events": q["events"],
                               "data": json.dumps(q, ensure_ascii=False)})
            for ref in doc.dates:
                d = ref.to_dict()
                dates.append({"article_id": a.id, "start_char": d["start"], "end_char": d["end"],
                              "text": d["text"], "value": d["value"], "grain": d["grain"],
                              "tense": d["tense"]})
        new_actors = [row for key, row in actors.items() if key not in self._known_actor_ids(list(actors))]
        tables = {
            "articles": pa.Table.from_pylist(articles, schema=_ARTICLE_SCHEMA),
            "sentences": pa.Table.from_pylist(sentences, schema=_SENTENCE_SCHEMA),
            "mentions": pa.Table.from_pylist(mentions, schema=_MENTION_SCHEMA),
            "actors": pa.Table.from_pylist(new_actors, schema=_ACTOR_SCHEMA),
            "article_actors": pa.Table.from_pylist(article_actors, schema=_ARTICLE_ACTOR_SCHEMA),
            "actor_mentions": pa.Table.from_pylist(actor_mentions, schema=_ACTOR_MENTION_SCHEMA),
            "events": pa.Table.from_pylist(events, schema=_EVENT_SCHEMA),
            "dates": pa.Table.from_pylist(dates, schema=_DATE_SCHEMA),
            "quotes": pa.Table.from_pylist(quotes, schema=_QUOTE_SCHEMA),
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

    def _known_actor_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM actors WHERE id IN (SELECT unnest(?))", [ids])
        return {r[0] for r in rows.fetchall()}

    def _same_local_ids(self, doc: Document) -> Document:
        """Give a person outside the knowledge base the id already used in this store for
        the same name spelled differently (rapidfuzz), so mentions gather across articles."""
        from dataclasses import replace

        from rapidfuzz import fuzz

        changed = False
        actors = []
        for actor in doc.actors:
            if getattr(actor, "in_kb", True) or actor.kind != "person":
                actors.append(actor)
                continue
            if self._local_people is None:
                self._local_people = dict(self.con.execute(
                    "SELECT id, name FROM actors WHERE NOT in_kb AND kind = 'person'").fetchall())
            if actor.id not in self._local_people:
                last = actor.name.split()[-1].casefold()
                twin = next((pid for pid, name in self._local_people.items()
                             if name.split()[-1].casefold()[:4] == last[:4]
                             and fuzz.ratio(name.casefold(), actor.name.casefold()) >= 88), None)
                if twin:
                    actor = replace(actor, id=twin, name=self._local_people[twin])
                    changed = True
                else:
                    self._local_people[actor.id] = actor.name
            actors.append(actor)
        return replace(doc, actors=tuple(actors)) if changed else doc

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
        where: list[str] = ["1=1"]
        params: list[Any] = []
        date_range("date", since, until, where, params)
        if search:
            like = "%" + _like(search) + "%"
            where.append("(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')")
            params += [like, like]
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
        events = tuple(_Stored(json.loads(row[0])) for row in self.con.execute(
            "SELECT data FROM events WHERE article_id = ? ORDER BY evidence_start, id",
            [article_id]).fetchall())
        dates = tuple(_Stored({"start": s, "end": e, "text": t, "value": v, "grain": g,
                               "tense": tense}) for s, e, t, v, g, tense in self.con.execute(
            "SELECT start_char, end_char, text, value, grain, tense FROM dates "
            "WHERE article_id = ? ORDER BY start_char", [article_id]).fetchall())
        quotes = tuple(_Stored(json.loads(row[0])) for row in self.con.execute(
            "SELECT data FROM quotes WHERE article_id = ? ORDER BY start_char", [article_id]).fetchall())
        return Document(article=article, sentences=sentences, mentions=mentions,
                        actors=self._document_actors(article_id), events=events, quotes=quotes,
                        dates=dates, pipeline=run[0] if run else {})

    def quotes(self, speaker: str | None = None, about: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None,
               search: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotations, newest first. `speaker` and `about` take an actor id, a code (RUS) or
        a name; `about` keeps quotes whose text mentions that actor."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if speaker:
            where.append("(q.speaker = ? OR q.speaker_name ILIKE ? OR aa.party = ?)")
            params += [speaker, "%" + _like(speaker) + "%", speaker.upper()]
        if about:
            where.append("EXISTS (SELECT 1 FROM actor_mentions m LEFT JOIN actors a ON a.id = m.actor_id "
                         "WHERE m.article_id = q.article_id AND m.start_char >= q.start_char "
                         "AND m.end_char <= q.end_char AND (m.actor_id = ? OR a.party = ? OR a.name ILIKE ?))")
            params += [about, about.upper(), "%" + _like(about) + "%"]
        date_range("ar.date", since, until, where, params)
        if search:
            where.append("q.text ILIKE ? ESCAPE '\\'")
            params.append("%" + _like(search) + "%")
        sql = ("SELECT q.id, q.article_id, ar.date, q.kind, q.speaker, "
               "coalesce(q.speaker_name, q.speaker_text) AS speaker_label, q.cue, q.channel, "
               "q.text, q.events FROM quotes q JOIN articles ar ON ar.id = q.article_id "
               "LEFT JOIN (SELECT DISTINCT article_id, actor_id, party FROM article_actors) aa "
               "ON aa.article_id = q.article_id AND aa.actor_id = q.speaker WHERE "
               + " AND ".join(where)
               + " ORDER BY ar.date DESC NULLS LAST, q.article_id, q.start_char, q.id LIMIT ? OFFSET ?")
        return self._dicts(sql, [*params, limit, offset])

    def events(self, actor: str | None = None, source: str | None = None,
               target: str | None = None, types: Sequence[str] = (),
               since: dt.date | None = None, until: dt.date | None = None,
               negated: bool | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Events, newest first. `actor`, `source` and `target` take an actor id or a party
        code (RUS, NATO); each event row carries how many times its cluster was reported."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        for column, value in (("source", source), ("target", target)):
            if value:
                where.append(f"({column}_actor = ? OR {column}_party = ?)")
                params += [value, value.upper()]
        if actor:
            where.append("(source_actor = ? OR target_actor = ? OR source_party = ? OR target_party = ?)")
            params += [actor, actor, actor.upper(), actor.upper()]
        if types:
            where.append("type IN (SELECT unnest(?))")
            params.append([t.upper() for t in types])
        date_range("day", since, until, where, params)
        if negated is not None:
            where.append("polarity = ?")
            params.append("negated" if negated else "affirmed")
        sql = ("WITH c AS (SELECT cluster_id, count(*) AS num_mentions, "
               "count(DISTINCT coalesce(ar.source, ar.id)) AS num_sources FROM events e "
               "JOIN articles ar ON ar.id = e.article_id GROUP BY cluster_id) "
               "SELECT e.id, e.article_id, e.day, e.date_value, e.type, e.source_party, "
               "e.source_actor, e.target_party, e.target_actor, e.polarity, e.modality, "
               "e.quad_class, e.intensity, e.cameo, e.place, e.trigger_text, e.confidence, "
               "e.cluster_id, c.num_mentions, c.num_sources, "
               "substr(ar.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence "
               "FROM events e JOIN articles ar ON ar.id = e.article_id "
               "JOIN c ON c.cluster_id = e.cluster_id WHERE " + " AND ".join(where)
               + " ORDER BY e.day DESC NULLS LAST, e.article_id, e.evidence_start, e.id LIMIT ? OFFSET ?")
        return self._dicts(sql, [*params, limit, offset])

    def dyad(self, a: str, b: str) -> list[dict[str, Any]]:
        """The relation between two actors (ids or party codes) by month, both directions."""
        sql = ("SELECT strftime(day, '%Y-%m') AS month, "
               "CASE WHEN source_actor = ? OR source_party = ? THEN 'a->b' ELSE 'b->a' END AS direction, "
               "count(*) AS events, round(avg(intensity), 2) AS mean_intensity, "
               "count(*) FILTER (WHERE quad_class = 1) AS verbal_coop, "
               "count(*) FILTER (WHERE quad_class = 2) AS material_coop, "
               "count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict, "
               "count(*) FILTER (WHERE quad_class = 4) AS material_conflict "
               "FROM events WHERE ((source_actor = ? OR source_party = ?) AND (target_actor = ? OR target_party = ?)) "
               "OR ((source_actor = ? OR source_party = ?) AND (target_actor = ? OR target_party = ?)) "
               "GROUP BY ALL ORDER BY month, direction")
        A, B = a.upper(), b.upper()
        return self._dicts(sql, [a, A, a, A, b, B, b, B, a, A])

    def _document_actors(self, article_id: str) -> tuple[Actor, ...]:
        rows = self._dicts(
            "SELECT aa.*, a.qid, a.in_kb FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
            "WHERE aa.article_id = ?", [article_id])
        spans: dict[str, list[ActorMention]] = {}
        for actor_id, s, e, t, how, sent in self.con.execute(
                "SELECT actor_id, start_char, end_char, text, how, sentence FROM actor_mentions "
                "WHERE article_id = ? ORDER BY start_char", [article_id]).fetchall():
            spans.setdefault(actor_id, []).append(ActorMention(s, e, t, how, sent))
        out = []
        for row in rows:
            mentions = tuple(spans.get(row["actor_id"], []))
            out.append(Actor(id=row["actor_id"], name=row["name"], kind=row["kind"],
                             country=row["country"], sector=row["sector"], role=row["role"],
                             title=row["title"], organisation=row["organisation"],
                             party=row["party"], code=row["code"], qid=row["qid"],
                             in_kb=row["in_kb"], mentions=mentions))
        out.sort(key=lambda a: a.mentions[0].start if a.mentions else 0)
        return tuple(out)

    def actors(self, kind: str | None = None, country: str | None = None,
               search: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        """Actors with how many articles and mentions name them, most mentioned first."""
        where: list[str] = ["1=1"]
        params: list[Any] = []
        if kind:
            where.append("a.kind = ?")
            params.append(kind)
        if country:
            where.append("(a.country = ? OR a.party = ?)")
            params += [country.upper(), country.upper()]
        if search:
            where.append("a.name ILIKE ? ESCAPE '\\'")
            params.append("%" + _like(search) + "%")
        sql = ("SELECT a.id, a.name, a.kind, a.country, a.party, a.qid, "
               "count(DISTINCT aa.article_id) AS articles, coalesce(sum(aa.mentions), 0) AS mentions "
               "FROM actors a LEFT JOIN article_actors aa ON aa.actor_id = a.id WHERE "
               + " AND ".join(where) + " GROUP BY ALL ORDER BY mentions DESC, a.name LIMIT ?")
        return self._dicts(sql, [*params, limit])

    def find_actor(self, key: str) -> dict[str, Any]:
        """An actor by id, or by name (exact, then case-insensitive, then the best match)."""
        rows = self._dicts("SELECT * FROM actors WHERE id = ? OR name = ?", [key, key])
        if not rows:
            rows = self._dicts("SELECT * FROM actors WHERE lower(name) = lower(?)", [key])
        if not rows:
            from rapidfuzz import fuzz, process

            names = dict(self.con.execute("SELECT name, id FROM actors").fetchall())
            best = process.extractOne(key, list(names), scorer=fuzz.WRatio, score_cutoff=85)
            if best:
                rows = self._dicts("SELECT * FROM actors WHERE id = ?", [names[best[0]]])
        if not rows:
            raise NotFoundError("actor", key)
        return rows[0]

    def actor_profile(self, actor_id: str, latest: int = 10) -> dict[str, Any]:
        """Roles seen, mentions by month and the latest mentions of one actor."""
        actor = self.find_actor(actor_id)
        roles = self._dicts(
            "SELECT aa.role, aa.title, aa.organisation, aa.country, aa.sector, aa.code, "
            "min(ar.date) AS first, max(ar.date) AS last, count(*) AS articles "
            "FROM article_actors aa JOIN articles ar ON ar.id = aa.article_id "
            "WHERE aa.actor_id = ? GROUP BY ALL ORDER BY last DESC NULLS LAST", [actor["id"]])
        months = self._dicts(
            "SELECT strftime(ar.date, '%Y-%m') AS month, sum(aa.mentions) AS mentions, "
            "count(*) AS articles FROM article_actors aa JOIN articles ar ON ar.id = aa.article_id "
            "WHERE aa.actor_id = ? GROUP BY ALL ORDER BY month", [actor["id"]])
        recent = self._dicts(
            "SELECT ar.id AS article_id, ar.date, m.text, m.how, "
            "substr(ar.text, greatest(m.start_char - 60, 1), m.end_char - m.start_char + 120) AS context "
            "FROM actor_mentions m JOIN articles ar ON ar.id = m.article_id "
            "WHERE m.actor_id = ? ORDER BY ar.date DESC NULLS LAST, m.start_char LIMIT ?",
            [actor["id"], latest])
        return {"actor": actor, "roles": roles, "months": months, "latest": recent}

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
            "actors": self._count("actors"),
            "events": self._count("events"),
            "event_clusters": int((self.con.execute(
                "SELECT count(DISTINCT cluster_id) FROM events").fetchone() or (0,))[0]),
            "quotes": self._count("quotes"),
            "rejects": self._count("rejects"),
            "runs": self._count("runs"),
        }
