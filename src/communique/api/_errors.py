"""One error shape for every failure of the REST API.

Every error response of `/api/...` (and of `/openapi.json`) has the body

    {"error": {"status": 404, "type": "not_found", "message": "...", "detail": ...}}

where `type` is a stable word for the status, `message` is a sentence for people and
`detail` is null or structured data (the list of invalid parameters for a 422). Web pages
answer the same failures with an HTML page carrying the same status and message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ..errors import ArticleError, NotFoundError, StoreError

log = logging.getLogger(__name__)

ERROR_TYPES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}

HtmlRenderer = Callable[[Request, int, str, Any], Response]


class ErrorInfo(BaseModel):
    status: int
    type: str
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorInfo


#: For `responses=` in route declarations, so that /openapi.json documents the shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": ERROR_TYPES[code].replace("_", " ")}
    for code in (404, 422, 500)
}


def error_response(status: int, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"status": status, "type": ERROR_TYPES.get(status, "error"),
                      "message": message, "detail": detail}}
    return JSONResponse(body, status_code=status, headers=headers)


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/api" or path.startswith(("/api/", "/openapi.json", "/static/"))


def _validation_detail(exc: RequestValidationError) -> list[dict[str, Any]]:
    """Where and why, without echoing the input back (it may be large or hostile)."""
    return [{"loc": [str(part) for part in err.get("loc", ())], "msg": err.get("msg", ""),
             "type": err.get("type", "")} for err in exc.errors()]


def install_error_handlers(app: FastAPI, html: HtmlRenderer | None = None) -> None:
    """Route every failure through one JSON shape (or `html` for web pages)."""

    def respond(request: Request, status: int, message: str, detail: Any = None,
                headers: dict[str, str] | None = None) -> Response:
        if html is not None and not _is_api(request):
            response = html(request, status, message, detail)
            if headers:
                response.headers.update(headers)
            return response
        return error_response(status, message, detail, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else ERROR_TYPES.get(
            exc.status_code, "error").replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}; the endpoints are listed at /docs"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        elif exc.status_code == 413 and message == "Request Entity Too Large":
            message = "the request body is too large"
        return respond(request, exc.status_code, message, None, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        detail = _validation_detail(exc)
        where = ", ".join(".".join(d["loc"][1:] or d["loc"]) + ": " + d["msg"] for d in detail[:5])
        return respond(request, 422, f"invalid request ({where})", detail)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return respond(request, 404, f"no {exc.what} {exc.key!r} in this database",
                       {"what": exc.what, "key": exc.key})

    @app.exception_handler(ArticleError)
    async def bad_article(request: Request, exc: ArticleError) -> Response:
        return respond(request, 422, str(exc), None)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return respond(request, 503, str(exc), None)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return respond(request, 500, "internal error; the server log has the details", None)
