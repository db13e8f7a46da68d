"""Read queries for exploring a store: full-text search, graphs, profiles, summaries.

These sit beside `DuckDBStore`'s own queries and serve the REST API, the web UI and the
exports. Each is a function of a `DuckDBStore` and uses only `store.con` and
`store._dicts`; none writes, except `refresh_search_index`, which rebuilds the full-text
index (DuckDB's fts extension) and is called at the end of an ingest.

Actor keys: wherever a function takes `key`, it accepts an actor id (`person:mark-rutte`)
or a party code (`RUS`, `NATO`), as `DuckDBStore.events` does.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

import duckdb

from ..errors import StoreError
from ._sql import date_range
from ._sql import like as _like

if TYPE_CHECKING:
    from ._duckdb import DuckDBStore

log = logging.getLogger(__name__)

__all__ = [
    "actor_counts", "actor_events_key", "counterparts", "counts", "graph",
    "party_names", "refresh_search_index", "resolve_actor", "search", "search_status",
    "top_actors", "top_dyads",
]

#: The tables the full-text index covers, with their key and indexed columns.
SEARCH_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "articles": ("id", ("title", "text")),
    "quotes": ("id", ("text",)),
}

#: Actor kinds that stand for a whole party (their events are the party's events).
PARTY_KINDS = ("country", "igo", "region", "group")


# -- full-text search ---------------------------------------------------------------------------
def _load_fts(con: duckdb.DuckDBPyConnection) -> bool:
    """Load DuckDB's fts extension from the `duckdb-extension-fts` wheel, offline.

    `LOAD` of the wheel's file needs no download and writes nothing to the home folder;
    a plain `LOAD fts` is the fallback for an extension installed by other means.
    """
    try:
        import duckdb_extension_fts

        path = (resources.files(duckdb_extension_fts) / "extensions" / f"v{duckdb.__version__}"
                / "fts.duckdb_extension")
        if path.is_file():
            con.execute("LOAD '" + str(path).replace("'", "''") + "'")
            return True
    except (ImportError, duckdb.Error) as exc:
        log.debug("fts from the wheel did not load: %s", exc)
    try:
        con.execute("LOAD fts")
        return True
    except duckdb.Error as exc:
        log.warning("DuckDB's fts extension is not available (%s); search falls back to "
                    "substring matching", exc)
        return False


def _ensure_fts(store: DuckDBStore) -> bool:
    """Load fts into the store's database once (copies of a store made for other threads
    share its database, and so the loaded extension)."""
    if getattr(store, "_fts_loaded", False):
        return True
    loaded = _load_fts(store.con)
    if loaded:
        setattr(store, "_fts_loaded", True)  # noqa: B010 - a cache on an object we do not own
    return loaded


def refresh_search_index(store: DuckDBStore) -> dict[str, int]:
    """(Re)build the full-text index over article titles and texts and quote texts.

    DuckDB's index does not follow later inserts, so call this after every write (the
    ingest does). Returns how many articles and quotes the index holds.
    """
    if store.read_only:
        raise StoreError(f"{store.path}: opened read-only; the search index can only be "
                         "built by a writing command (e.g. `communique ingest`)")
    if not _ensure_fts(store):
        raise StoreError("DuckDB's fts extension cannot be loaded; install "
                         f"duckdb-extension-fts=={duckdb.__version__} next to duckdb")
    counts = {}
    for table, (key, columns) in SEARCH_TABLES.items():
        cols = ", ".join(f"'{c}'" for c in columns)
        try:
            store.con.execute(f"PRAGMA create_fts_index('{table}', '{key}', {cols}, overwrite=1)")
        except duckdb.Error as exc:
            raise StoreError(f"{store.path}: building the search index over {table} failed: "
                             f"{exc}") from exc
        counts[table] = store._count(table)
    log.info("search index rebuilt: %s", counts)
    return counts


def search_status(store: DuckDBStore) -> tuple[str, str | None]:
    """`("ready", None)` when full-text search can be used, else `("missing", note)` (never
    built, or no fts extension) or `("stale", note)` (built before the latest writes)."""
    schemas = {row[0] for row in store.con.execute(
        "SELECT schema_name FROM information_schema.schemata "
        "WHERE schema_name IN ('fts_main_articles', 'fts_main_quotes')").fetchall()}
    if schemas != {"fts_main_articles", "fts_main_quotes"}:
        return "missing", ("this database has no full-text index yet (it is built at the end "
                           "of `communique ingest`); results come from a plain substring "
                           "match, unranked")
    for table in SEARCH_TABLES:
        indexed = store.con.execute(f"SELECT count(*) FROM fts_main_{table}.docs").fetchone()
        if (indexed[0] if indexed else 0) != store._count(table):
            return "stale", ("the full-text index is older than the latest ingest; results "
                             "come from a plain substring match, unranked")
    if not _ensure_fts(store):
        return "missing", ("DuckDB's fts extension is not available; results come from a "
                           "plain substring match, unranked")
    return "ready", None


def _terms(query: str) -> list[str]:
    return [t for t in re.split(r"\W+", query) if t][:20]


def snippet(text: str, query: str, width: int = 220) -> str:
    """About `width` characters of `text` around the first word of the query found in it."""
    best = None
    for term in _terms(query):
        stem = re.escape(term[: max(4, len(term) - 2)])
        found = re.search(r"\b" + stem, text, re.I)
        if found and (best is None or found.start() < best):
            best = found.start()
    if best is None:
        best = 0
    start = max(0, best - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < best else start
    end = min(len(text), start + width)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def search(store: DuckDBStore, query: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Articles (title and text) and quotes matching `query`, best first.

    Ranked by BM25 when the full-text index is ready; otherwise every word of the query
    must occur (case-insensitive substring) and results are newest first, and `note`
    says so.
    """
    status, note = search_status(store)
    if status == "ready":
        articles = store._dicts(
            "SELECT id, date, title, text, score FROM (SELECT id, date, title, text, "
            "fts_main_articles.match_bm25(id, ?) AS score FROM articles) "
            "WHERE score IS NOT NULL ORDER BY score DESC, id LIMIT ? OFFSET ?",
            [query, limit, offset])
        quotes = store._dicts(
            "SELECT q.id, q.article_id, ar.date, coalesce(q.speaker_name, q.speaker_text) AS "
            "speaker_label, q.speaker, q.kind, q.text, s.score FROM (SELECT id, article_id, "
            "fts_main_quotes.match_bm25(id, ?) AS score FROM quotes) s "
            "JOIN quotes q ON q.id = s.id AND q.article_id = s.article_id "
            "JOIN articles ar ON ar.id = q.article_id WHERE s.score IS NOT NULL "
            "ORDER BY s.score DESC, q.id LIMIT ? OFFSET ?", [query, limit, offset])
    else:
        terms = _terms(query) or [query]
        likes = ["%" + _like(t) + "%" for t in terms]
        where = " AND ".join(["(title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\')"] * len(terms))
        articles = store._dicts(
            f"SELECT id, date, title, text, NULL AS score FROM articles WHERE {where} "
            "ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [v for like in likes for v in (like, like)] + [limit, offset])
        where = " AND ".join(["q.text ILIKE ? ESCAPE '\\'"] * len(terms))
        quotes = store._dicts(
            "SELECT q.id, q.article_id, ar.date, coalesce(q.speaker_name, q.speaker_text) AS "
            "speaker_label, q.speaker, q.kind, q.text, NULL AS score FROM quotes q "
            f"JOIN articles ar ON ar.id = q.article_id WHERE {where} "
            "ORDER BY ar.date DESC NULLS LAST, q.article_id, q.start_char LIMIT ? OFFSET ?",
            [*likes, limit, offset])
    for row in articles:
        row["snippet"] = snippet(row.pop("text"), query)
    for row in articles + quotes:
        if row["score"] is not None:
            row["score"] = round(row["score"], 4)
    return {"query": query, "mode": "fulltext" if status == "ready" else "substring",
            "index": status, "note": note, "articles": articles, "quotes": quotes}


# -- names and keys -----------------------------------------------------------------------------
def party_names(store: DuckDBStore) -> dict[str, dict[str, Any]]:
    """For each party code, the actor that stands for the whole party (`country:RUS` for
    RUS, `org:nato` for NATO) with its name; codes without such an actor are absent."""
    rows = store._dicts(
        "SELECT party, id, name, kind FROM actors WHERE party IS NOT NULL "
        "AND kind IN (SELECT unnest(?)) ORDER BY party, "
        "CASE kind WHEN 'country' THEN 0 WHEN 'igo' THEN 1 WHEN 'region' THEN 2 ELSE 3 END, "
        "length(id), id", [list(PARTY_KINDS)])
    names: dict[str, dict[str, Any]] = {}
    for row in rows:
        names.setdefault(row["party"], {"id": row["id"], "name": row["name"], "kind": row["kind"]})
    return names


def resolve_actor(store: DuckDBStore, key: str) -> dict[str, Any]:
    """An actor row by id, party code (`RUS` gives `country:RUS`) or name.

    Raises `NotFoundError` when nothing matches.
    """
    if key.isupper() and len(key) <= 8:
        party = party_names(store).get(key)
        if party:
            key = party["id"]
    return store.find_actor(key)


def actor_events_key(actor: dict[str, Any]) -> str:
    """The key under which an actor's events are counted: a country, organisation or region
    gathers the events of its whole party (Putin's are Russia's); anyone else only their own."""
    if actor.get("kind") in PARTY_KINDS and actor.get("party"):
        return str(actor["party"])
    return str(actor["id"])


def _side(prefix: str, key: str) -> tuple[str, list[Any]]:
    return f"({prefix}_actor = ? OR {prefix}_party = ?)", [key, key.upper()]


def _date_filter(since: dt.date | None, until: dt.date | None,
                 column: str = "day") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    date_range(column, since, until, where, params)
    return where, params


# -- summaries ----------------------------------------------------------------------------------
def counts(store: DuckDBStore) -> dict[str, int]:
    """How many events, quotes and actors the store holds (`store.stats()` has the rest)."""
    return {table: store._count(table) for table in ("events", "quotes", "actors")}


def top_actors(store: DuckDBStore, limit: int = 10, since: dt.date | None = None,
               until: dt.date | None = None) -> list[dict[str, Any]]:
    """Actors in the most events, as source or target, with their mean intensity."""
    where, params = _date_filter(since, until)
    cond = " AND ".join(where) or "1=1"
    return store._dicts(
        "SELECT s.actor AS id, a.name, a.kind, a.party, count(*) AS events, "
        "count(*) FILTER (WHERE s.role = 'source') AS as_source, "
        "count(*) FILTER (WHERE s.role = 'target') AS as_target, "
        "round(avg(s.intensity), 2) AS mean_intensity FROM ("
        f"SELECT source_actor AS actor, 'source' AS role, intensity FROM events WHERE {cond} "
        f"UNION ALL SELECT target_actor, 'target', intensity FROM events WHERE {cond}) s "
        "JOIN actors a ON a.id = s.actor GROUP BY ALL ORDER BY events DESC, a.name LIMIT ?",
        [*params, *params, limit])


def top_dyads(store: DuckDBStore, limit: int = 10, since: dt.date | None = None,
              until: dt.date | None = None) -> list[dict[str, Any]]:
    """Pairs of parties with the most events between them (both directions together)."""
    where, params = _date_filter(since, until)
    where += ["source_party IS NOT NULL", "target_party IS NOT NULL",
              "source_party <> target_party"]
    return store._dicts(
        "SELECT least(source_party, target_party) AS a, greatest(source_party, target_party) AS b, "
        "count(*) AS events, round(avg(intensity), 2) AS mean_intensity, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict "
        "FROM events WHERE " + " AND ".join(where)
        + " GROUP BY ALL ORDER BY events DESC, a, b LIMIT ?", [*params, limit])


def actor_counts(store: DuckDBStore, key: str) -> dict[str, Any]:
    """How many events an actor (id or party code) is in, by role and quad class."""
    src, p1 = _side("source", key)
    tgt, p2 = _side("target", key)
    rows = store._dicts(
        f"SELECT count(*) AS events, count(*) FILTER (WHERE {src}) AS as_source, "
        f"count(*) FILTER (WHERE {tgt}) AS as_target, round(avg(intensity), 2) AS mean_intensity, "
        "count(*) FILTER (WHERE quad_class = 1) AS verbal_coop, "
        "count(*) FILTER (WHERE quad_class = 2) AS material_coop, "
        "count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict, "
        "count(*) FILTER (WHERE quad_class = 4) AS material_conflict, "
        f"min(day) AS first, max(day) AS last FROM events WHERE {src} OR {tgt}",
        [*p1, *p2, *p1, *p2])
    return rows[0]


def counterparts(store: DuckDBStore, key: str, own_party: str | None = None,
                 limit: int = 10) -> list[dict[str, Any]]:
    """The parties an actor (id or party code) has most events with, in either direction.

    Events inside the actor's own party (`own_party`, or `key` itself for a party code)
    are left out.
    """
    own = (own_party or key).upper()
    src, p1 = _side("source", key)
    tgt, p2 = _side("target", key)
    return store._dicts(
        f"WITH mine AS (SELECT *, {src} AS as_src FROM events WHERE {src} OR {tgt}), "
        "other AS (SELECT CASE WHEN as_src THEN target_party ELSE source_party END AS party, "
        "as_src, intensity FROM mine) "
        "SELECT party, count(*) AS events, count(*) FILTER (WHERE as_src) AS outgoing, "
        "count(*) FILTER (WHERE NOT as_src) AS incoming, round(avg(intensity), 2) AS mean_intensity "
        "FROM other WHERE party IS NOT NULL AND party <> ? GROUP BY party "
        "ORDER BY events DESC, party LIMIT ?", [*p1, *p1, *p2, own, limit])


# -- the actor graph ----------------------------------------------------------------------------
def graph(store: DuckDBStore, since: dt.date | None = None, until: dt.date | None = None,
          types: Sequence[str] = (), level: str = "party", negated: bool | None = None,
          limit: int = 200) -> dict[str, Any]:
    """Who acts on whom: nodes are parties (`level="party"`) or actors (`"actor"`), edges
    go from source to target with the number of events and their mean intensity.

    Events without a source or target, or within one node, are left out; the `limit`
    edges with the most events are kept.
    """
    if level not in ("party", "actor"):
        raise ValueError(f"level must be 'party' or 'actor', not {level!r}")
    s, t = f"source_{level}", f"target_{level}"
    where, params = _date_filter(since, until)
    where += [f"{s} IS NOT NULL", f"{t} IS NOT NULL", f"{s} <> {t}"]
    if types:
        where.append("type IN (SELECT unnest(?))")
        params.append([x.upper() for x in types])
    if negated is not None:
        where.append("polarity = ?")
        params.append("negated" if negated else "affirmed")
    edges = store._dicts(
        f"SELECT {s} AS source, {t} AS target, count(*) AS events, "
        "round(avg(intensity), 2) AS mean_intensity, "
        "count(*) FILTER (WHERE quad_class = 1) AS verbal_coop, "
        "count(*) FILTER (WHERE quad_class = 2) AS material_coop, "
        "count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict, "
        "count(*) FILTER (WHERE quad_class = 4) AS material_conflict, "
        "list(DISTINCT type ORDER BY type) AS types "
        "FROM events WHERE " + " AND ".join(where)
        + " GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?", [*params, limit])
    totals: dict[str, dict[str, int]] = {}
    for edge in edges:
        totals.setdefault(edge["source"], {"out": 0, "in": 0})["out"] += edge["events"]
        totals.setdefault(edge["target"], {"out": 0, "in": 0})["in"] += edge["events"]
    if level == "party":
        names = party_names(store)
        labels = {k: (names[k]["name"] if k in names else k, names.get(k, {}).get("kind"))
                  for k in totals}
    else:
        rows = store._dicts("SELECT id, name, kind FROM actors WHERE id IN (SELECT unnest(?))",
                            [list(totals)])
        found = {r["id"]: (r["name"], r["kind"]) for r in rows}
        labels = {k: found.get(k, (k, None)) for k in totals}
    nodes: list[dict[str, Any]] = [
        {"id": key, "label": labels[key][0], "kind": labels[key][1], "events": v["out"] + v["in"],
         "outgoing": v["out"], "incoming": v["in"]} for key, v in totals.items()]
    nodes.sort(key=lambda n: (-int(n["events"]), str(n["id"])))
    return {"level": level, "nodes": nodes, "edges": edges}
