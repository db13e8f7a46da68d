"""The `/api` endpoints: thin shells that validate parameters, call one store query and
return its rows (paginated lists are `{"items", "limit", "offset", "next_offset"}`)."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import pathlib
import tempfile
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from ..store import _explore as explore
from ._errors import ERROR_RESPONSES
from ._stores import StorePool

#: Most rows one request returns.
MAX_LIMIT = 500
#: Longest text `POST /api/process` accepts, in characters.
MAX_PROCESS_CHARS = 200_000
#: Most characters of article text one `POST /api/ingest` accepts, and most articles.
MAX_INGEST_CHARS = 5_000_000
MAX_INGEST_ARTICLES = 1_000
#: Request bodies beyond these sizes (bytes) are refused before parsing (JSON may spend up
#: to 6 bytes on a character, as \uXXXX); other paths take at most `MAX_BODY`.
MAX_PROCESS_BODY = 6 * MAX_PROCESS_CHARS + 10_000
MAX_INGEST_BODY = 6 * MAX_INGEST_CHARS + 1_000_000
MAX_BODY = 64_000
BODY_LIMITS = {"/api/process": MAX_PROCESS_BODY, "/api/ingest": MAX_INGEST_BODY}

Since = Annotated[dt.date | None, Query(description="Only on or after this date (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="Only on or before this date (YYYY-MM-DD).")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(min_length=1, max_length=200, description="Text it contains.")]
Key = Annotated[str | None, Query(min_length=1, max_length=200,
                                  description="An actor id (person:mark-rutte) or a party code (RUS, NATO).")]
Types = Annotated[list[Annotated[str, Field(pattern=r"^[A-Za-z_]{1,32}$")]],
                  Query(alias="type", description="PLOVER event type (AGREE, CONSULT, ...); repeatable.")]

_bearer = HTTPBearer(auto_error=False)
_process_lock = threading.Lock()
_ingest_lock = threading.Lock()


def _pool(request: Request) -> StorePool:
    pool: StorePool = request.app.state.stores
    return pool


Pool = Annotated[StorePool, Depends(_pool)]


def page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """One page of `rows` (fetched with `limit + 1` to learn whether more follow)."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


class ProcessRequest(BaseModel):
    text: str = Field(description=f"The article text (at most {MAX_PROCESS_CHARS:,} characters).")
    date: dt.date | None = Field(None, description="Article date; anchors relative dates.")
    title: str | None = Field(None, max_length=2_000)
    dateline: str | None = Field(None, max_length=200)


class ArticleIn(BaseModel):
    text: str
    id: str | None = Field(None, max_length=200)
    date: dt.date | None = None
    title: str | None = Field(None, max_length=2_000)
    source: str | None = Field(None, max_length=500)
    url: str | None = Field(None, max_length=2_000)


class IngestRequest(BaseModel):
    articles: list[ArticleIn] = Field(max_length=MAX_INGEST_ARTICLES)


def router(writable: bool) -> APIRouter:
    """The `/api` routes; `POST /api/ingest` only when `writable` (a token was given)."""
    api = APIRouter(responses=ERROR_RESPONSES)

    @api.get("/stats", summary="Counts of what the database holds")
    def stats(pool: Pool) -> dict[str, Any]:
        with pool.store() as store:
            data = store.stats()
            data.pop("database", None)  # a path on the server is none of the client's business
            return data | explore.counts(store)

    @api.get("/articles", summary="Articles, newest first")
    def articles(pool: Pool, since: Since = None, until: Until = None,
                 search: Annotated[str | None, Query(min_length=1, max_length=200,
                                                     description="Text in the title or body.")] = None,
                 limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with pool.store() as store:
            rows = store.articles(since=since, until=until, search=search, limit=limit + 1,
                                  offset=offset)
        return page(rows, limit, offset)

    @api.get("/articles/{article_id}", summary="One article as document JSON")
    def article(pool: Pool, article_id: Annotated[str, Path(description="The article id.")]) -> dict[str, Any]:
        """The stored document: the contract of docs/document-json.md."""
        with pool.store() as store:
            return store.document(article_id).to_dict()

    @api.get("/actors", summary="Actors, most mentioned first")
    def actors(pool: Pool,
               kind: Annotated[Literal["person", "organisation", "country", "igo", "group", "region"] | None,
                               Query(description="Only actors of this kind.")] = None,
               country: Annotated[str | None, Query(min_length=1, max_length=16,
                                                    description="Country or party code (RUS, NATO).")] = None,
               search: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        with pool.store() as store:
            rows = store.actors(kind=kind, country=country, search=search,
                                limit=offset + limit + 1)
        return page(rows[offset:], limit, offset)

    @api.get("/actors/{key:path}", summary="One actor's profile")
    def actor(pool: Pool, key: Annotated[str, Path(description="Actor id, party code or name.")]) -> dict[str, Any]:
        """KEY is an actor id, a party code (RUS) or a name. Roles, mentions by month, the
        latest mentions, event counts and the parties it deals with most."""
        with pool.store() as store:
            found = explore.resolve_actor(store, key)
            profile = store.actor_profile(found["id"])
            events_key = explore.actor_events_key(found)
            profile["events_key"] = events_key
            profile["events"] = explore.actor_counts(store, events_key)
            profile["counterparts"] = explore.counterparts(store, events_key, found.get("party"))
            return profile

    @api.get("/events", summary="Events, newest first")
    def events(pool: Pool, actor: Key = None, source: Key = None, target: Key = None,
               types: Types = [],  # noqa: B006 - FastAPI copies defaults
               since: Since = None, until: Until = None,
               negated: Annotated[bool | None, Query(description="true: only negated events; "
                                                     "false: only affirmed ones.")] = None,
               limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        """Who did what to whom, with how many times each event was reported (num_mentions)."""
        with pool.store() as store:
            rows = store.events(actor=actor, source=source, target=target, types=types,
                                since=since, until=until, negated=negated, limit=limit + 1,
                                offset=offset)
        return page(rows, limit, offset)

    @api.get("/quotes", summary="Quotations, newest first")
    def quotes(pool: Pool,
               speaker: Annotated[str | None, Query(min_length=1, max_length=200,
                                                    description="Actor id, code or name.")] = None,
               about: Annotated[str | None, Query(min_length=1, max_length=200,
                                                  description="Quotes whose words mention this actor.")] = None,
               since: Since = None, until: Until = None, search: Text = None,
               limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        with pool.store() as store:
            rows = store.quotes(speaker=speaker, about=about, since=since, until=until,
                                search=search, limit=limit + 1, offset=offset)
        return page(rows, limit, offset)

    @api.get("/dyad", summary="The relation between two actors by month")
    def dyad(pool: Pool,
             a: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or party code.")],
             b: Annotated[str, Query(min_length=1, max_length=200, description="Actor id or party code.")],
             ) -> dict[str, Any]:
        """Events by month in both directions (`a->b`, `b->a`), with mean intensity and
        counts by quad class."""
        with pool.store() as store:
            months = store.dyad(a, b)
            names = explore.party_names(store)
        label = lambda k: names.get(k.upper(), {}).get("name", k)  # noqa: E731
        return {"a": a, "b": b, "a_name": label(a), "b_name": label(b), "months": months,
                "events": sum(m["events"] for m in months)}

    @api.get("/graph", summary="The actor graph: who acts on whom")
    def graph(pool: Pool, since: Since = None, until: Until = None,
              types: Types = [],  # noqa: B006 - FastAPI copies defaults
              level: Annotated[Literal["party", "actor"],
                               Query(description="Nodes are parties (RUS) or actors.")] = "party",
              negated: Annotated[bool | None, Query(description="true: only negated events; "
                                                    "false: only affirmed ones.")] = None,
              limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most edges.")] = 200,
              ) -> dict[str, Any]:
        """Nodes with their event counts; edges from source to target with the number of
        events, their mean intensity and counts by quad class."""
        with pool.store() as store:
            return explore.graph(store, since=since, until=until, types=types, level=level,
                                 negated=negated, limit=limit)

    @api.get("/search", summary="Full-text search over articles and quotes")
    def search(pool: Pool, q: Annotated[str, Query(min_length=1, max_length=500,
                                                   description="Words to look for.")],
               limit: Annotated[int, Query(ge=1, le=100, description="Rows of each kind.")] = 20,
               offset: Offset = 0) -> dict[str, Any]:
        """BM25-ranked when the database has its full-text index; otherwise a substring
        match, and `note` says so."""
        with pool.store() as store:
            return explore.search(store, q, limit=limit, offset=offset)

    @api.post("/process", summary="Run the pipeline on a text; store nothing",
              responses={413: ERROR_RESPONSES[422] | {"description": "text too long"}})
    def process(body: ProcessRequest) -> dict[str, Any]:
        """Document JSON for the text, as `communique process` prints it."""
        if len(body.text) > MAX_PROCESS_CHARS:
            raise HTTPException(413, f"the text has {len(body.text):,} characters; at most "
                                     f"{MAX_PROCESS_CHARS:,} are accepted")
        from ..pipeline import process as run

        with _process_lock:  # one spaCy pipeline per process, not safe across threads
            document = run(body.text, date=body.date, title=body.title, dateline=body.dateline)
        return document.to_dict()

    if writable:
        def authorised(request: Request, credentials: Annotated[
                HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
            token: str = request.app.state.token
            if credentials is None:
                raise HTTPException(401, "this endpoint needs `Authorization: Bearer TOKEN` "
                                         "(the token given to `communique serve --token`)",
                                    headers={"WWW-Authenticate": "Bearer"})
            if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
                raise HTTPException(403, "wrong token")

        @api.post("/ingest", summary="Process and store articles (needs the token)",
                  dependencies=[Depends(authorised)])
        def ingest(pool: Pool, body: IngestRequest) -> dict[str, Any]:
            """Articles as JSON objects (`text` and optionally `id`, `date`, `title`,
            `source`, `url`) are processed, stored once each, and the search index is
            rebuilt. Returns the ingest summary."""
            size = sum(len(a.text) for a in body.articles)
            if size > MAX_INGEST_CHARS:
                raise HTTPException(413, f"{size:,} characters of text; at most "
                                         f"{MAX_INGEST_CHARS:,} per request")
            from ..batch import ingest as run_ingest

            with _ingest_lock, tempfile.TemporaryDirectory() as tmp, pool.store() as store:
                path = pathlib.Path(tmp) / "api-ingest.jsonl"
                path.write_text("".join(json.dumps(a.model_dump(mode="json", exclude_none=True),
                                                   ensure_ascii=False) + "\n"
                                        for a in body.articles), encoding="utf-8")
                summary = run_ingest([str(path)], store, fmt="jsonl")
                explore.refresh_search_index(store)
            return summary.to_dict()

    return api
