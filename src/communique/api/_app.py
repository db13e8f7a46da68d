"""The application factory: REST API under /api, web pages, static files, one error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ._errors import error_response, install_error_handlers
from ._routes import BODY_LIMITS, MAX_BODY
from ._routes import router as api_router
from ._stores import StorePool

log = logging.getLogger(__name__)

#: Scripts only from this server; plotly sets inline styles, so styles may be inline.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

DESCRIPTION = """\
Articles, actors, events (PLOVER) and quotations of a communique database.

Every failure answers `{"error": {"status", "type", "message", "detail"}}`. Lists take
`limit` (at most 500) and `offset` and answer `{"items", "limit", "offset", "next_offset"}`.
The database is opened read-only unless the server was started with a token, which
`POST /api/ingest` then requires as `Authorization: Bearer TOKEN`.
"""


class SecurityHeaders:
    """Adds the headers above to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """Refuses request bodies larger than the path allows (`BODY_LIMITS`) with a 413: at
    once when Content-Length says so, else as soon as the bytes read pass the limit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = BODY_LIMITS.get(scope["path"], MAX_BODY)
        message = f"the request body is larger than the {limit:,} bytes {scope['path']} accepts"
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > limit:
            await error_response(413, message)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            msg = await receive()
            seen += len(msg.get("body", b""))
            if seen > limit:
                raise HTTPException(413, message)
            return msg

        await self.app(scope, counted, send)


def create_app(db_path: str, token: str | None = None) -> FastAPI:
    """The REST API and web UI over the database at `db_path`.

    Without `token` the database is opened read-only and nothing can change it; with a
    token it is opened for writing and `POST /api/ingest` accepts requests that carry
    `Authorization: Bearer <token>`. Raises `StoreError` when the database cannot be opened.
    """
    from ..web import render_error
    from ..web import router as web_router

    if token is not None and not token.strip():
        raise ValueError("the token must not be empty")
    stores = StorePool(db_path, read_only=token is None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="communique", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.stores = stores
    app.state.token = token
    install_error_handlers(app, html=render_error)
    app.include_router(api_router(writable=token is not None), prefix="/api",
                       tags=["api"])
    app.include_router(web_router())
    app.mount("/static", StaticFiles(packages=[("communique.web", "static")]), name="static")
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    return app
