"""The pages of the web UI: each gathers rows from the store and renders one template."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from .. import __version__
from ..errors import NotFoundError
from ..store import _explore as explore
from . import _charts as charts
from ._highlight import QUAD_NAMES, document_spans, highlight, legend_counts

PAGE = 50

Since = Annotated[dt.date | None, Query()]
Until = Annotated[dt.date | None, Query()]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=200)]


# -- URLs and template helpers ------------------------------------------------------------------
def actor_url(key: str) -> str:
    return "/actors/" + quote(key, safe=":")


def article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def dyad_url(a: str, b: str) -> str:
    return "/dyad?" + urlencode({"a": a, "b": b})


def safe_href(url: str | None) -> str | None:
    """Only web links become links: a stored `javascript:` URL stays text."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def _blank(value: Any) -> Any:
    return "" if value is None else value


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("communique.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(actor_url=actor_url, article_url=article_url, dyad_url=dyad_url,
                       safe_href=safe_href, quad_names=QUAD_NAMES, version=__version__)
    env.filters["blank"] = _blank
    return env


def render(template: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(request=request, path=request.url.path,
                                                       **context)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, message: str, detail: Any) -> Response:
    return render("error.html", request, status=status, status_code=status, message=message,
                  detail=detail if isinstance(detail, list) else None)


def _pages(request: Request, offset: int, shown: int, more: bool, size: int = PAGE) -> dict[str, Any]:
    """Links to the previous and next page, keeping the other query parameters."""
    params = dict(request.query_params)

    def link(to: int) -> str:
        return request.url.path + "?" + urlencode(params | {"offset": str(to)})

    return {"prev": link(max(0, offset - size)) if offset else None,
            "next": link(offset + size) if more else None,
            "first": offset + 1 if shown else 0, "last": offset + shown}


def _schema_type(schema: dict[str, Any]) -> str:
    """A short name for a parameter's JSON Schema: `date`, `integer ≤ 500`, `list of string`."""
    options = [o for o in schema.get("anyOf", [schema]) if o.get("type") != "null"]
    names = []
    for option in options:
        if "enum" in option:
            names.append(" | ".join(str(v) for v in option["enum"] if v != ""))
        elif option.get("type") == "array":
            names.append("list of " + _schema_type(option.get("items", {})))
        else:
            name = option.get("format") or option.get("type") or "any"
            if "maximum" in option:
                name += f" ≤ {option['maximum']}"
            names.append(name)
    return " or ".join(names)


# -- plotly.js, served from the installed plotly package ------------------------------------------
@lru_cache(maxsize=1)
def _plotly_js() -> tuple[bytes, bytes, str]:
    path = resources.files("plotly") / "package_data" / "plotly.min.js"
    if path.is_file():
        raw = path.read_bytes()
    else:  # a plotly that keeps its bundle elsewhere
        from plotly.offline import get_plotlyjs

        raw = get_plotlyjs().encode("utf-8")
    return raw, gzip.compress(raw, 6), '"' + hashlib.sha1(raw).hexdigest()[:16] + '"'


def plotly_js(request: Request) -> Response:
    raw, packed, etag = _plotly_js()
    headers = {"ETag": etag, "Cache-Control": "public, max-age=604800", "Vary": "Accept-Encoding"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(packed, media_type="text/javascript",
                        headers=headers | {"Content-Encoding": "gzip"})
    return Response(raw, media_type="text/javascript", headers=headers)


# -- pages --------------------------------------------------------------------------------------
def router() -> APIRouter:
    web = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
    web.add_api_route("/static/plotly.min.js", plotly_js, methods=["GET"])

    def pool(request: Request) -> Any:
        return request.app.state.stores

    @web.get("/")
    def home(request: Request) -> HTMLResponse:
        with pool(request).store() as store:
            stats = store.stats() | explore.counts(store)
            latest = store.events(limit=12)
            actors = explore.top_actors(store, limit=12)
            dyads = explore.top_dyads(store, limit=12)
            articles = store.articles(limit=8)
            names = explore.party_names(store)
        return render("home.html", request, stats=stats, latest=latest, actors=actors,
                      dyads=dyads, articles=articles, names=names)

    @web.get("/articles")
    def articles(request: Request, since: Since = None, until: Until = None,
                 search: Text = None, offset: Offset = 0) -> HTMLResponse:
        with pool(request).store() as store:
            rows = store.articles(since=since, until=until, search=search or None,
                                  limit=PAGE + 1, offset=offset)
        return render("articles.html", request, rows=rows[:PAGE], since=since, until=until,
                      search=search or "", pages=_pages(request, offset, len(rows[:PAGE]),
                                                         len(rows) > PAGE))

    @web.get("/articles/{article_id}")
    def article(request: Request, article_id: str) -> HTMLResponse:
        with pool(request).store() as store:
            document = store.document(article_id).to_dict()
        spans = document_spans(document, actor_url)
        text = document["article"]["text"]
        for event in document["events"]:
            ev = event.get("evidence") or {}
            event["_evidence"] = text[ev.get("start", 0):ev.get("end", 0)]
        return render("article.html", request, doc=document, body=highlight(text, spans),
                      legend=legend_counts(spans))

    @web.get("/actors")
    def actors(request: Request,
               kind: Literal["", "person", "organisation", "country", "igo", "group", "region"] = "",
               country: Annotated[str | None, Query(max_length=16)] = None,
               search: Text = None, offset: Offset = 0) -> HTMLResponse:
        with pool(request).store() as store:
            rows = store.actors(kind=kind or None, country=country or None,
                                search=search or None, limit=offset + PAGE + 1)[offset:]
        return render("actors.html", request, rows=rows[:PAGE], kind=kind, country=country or "",
                      search=search or "", pages=_pages(request, offset, len(rows[:PAGE]),
                                                         len(rows) > PAGE))

    @web.get("/actors/{key:path}")
    def actor(request: Request, key: str) -> HTMLResponse:
        with pool(request).store() as store:
            try:
                found = explore.resolve_actor(store, key)
                profile = store.actor_profile(found["id"], latest=8)
            except NotFoundError:
                # a party seen in events but with no actor of its own (BRA when only
                # Brazil's president is named): a page of the party's events
                if not (key.isupper() and explore.actor_counts(store, key)["events"]):
                    raise
                found = {"id": key, "name": key, "kind": "party", "party": key, "in_kb": False}
                profile = {"roles": [], "latest": []}
            events_key = key if found["kind"] == "party" else explore.actor_events_key(found)
            counts = explore.actor_counts(store, events_key)
            events = store.events(actor=events_key, limit=500)
            partners = explore.counterparts(store, events_key, found.get("party"), limit=12)
            quotes = store.quotes(speaker=found["id"], limit=20)
            names = explore.party_names(store)
        timeline_fig = charts.timeline(events, article_url) if events else None
        return render("actor.html", request, actor=found, profile=profile, counts=counts,
                      events=events[:50], events_total=counts["events"], events_key=events_key,
                      partners=partners, quotes=quotes, timeline_fig=timeline_fig, names=names)

    @web.get("/dyad")
    def dyad(request: Request, a: Annotated[str, Query(max_length=200)] = "",
             b: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
        a, b = a.strip(), b.strip()
        context: dict[str, Any] = {"a": a, "b": b}
        if a and b:
            with pool(request).store() as store:
                months = store.dyad(a, b)
                forward = store.events(source=a, target=b, limit=500)
                backward = store.events(source=b, target=a, limit=500)
                names = explore.party_names(store)
            context |= {
                "months": months, "forward": forward, "backward": backward, "names": names,
                "events": sorted(forward + backward, key=lambda e: str(e["day"] or ""), reverse=True)[:100],
                "by_month": charts.dyad_months(months, a, b) if months else None,
                "by_event": charts.dyad_events(forward, backward, a, b, article_url)
                if forward or backward else None,
            }
        return render("dyad.html", request, **context)

    @web.get("/network")
    def network(request: Request, since: Since = None, until: Until = None,
                types: Annotated[list[Annotated[str, Query(pattern=r"^[A-Za-z_]{0,32}$")]],
                                 Query(alias="type")] = [],  # noqa: B006 - FastAPI copies defaults
                level: Literal["party", "actor"] = "party") -> HTMLResponse:
        chosen = [t for t in types if t]
        with pool(request).store() as store:
            graph = explore.graph(store, since=since, until=until, types=chosen, level=level)
            all_types = [r[0] for r in store.con.execute(
                "SELECT DISTINCT type FROM events ORDER BY type").fetchall()]
        network_fig = charts.network(graph, actor_url, dyad_url) if graph["edges"] else None
        return render("network.html", request, graph=graph, network_fig=network_fig, since=since,
                      until=until, chosen=chosen, all_types=all_types, level=level)

    @web.get("/search")
    def search(request: Request, q: Annotated[str, Query(max_length=500)] = "",
               offset: Offset = 0) -> HTMLResponse:
        result: dict[str, Any] | None = None
        more, shown = False, 0
        if q.strip():
            with pool(request).store() as store:
                result = explore.search(store, q.strip(), limit=PAGE, offset=offset)
            sizes = (len(result["articles"]), len(result["quotes"]))
            more, shown = PAGE in sizes, max(sizes)
        return render("search.html", request, q=q, result=result,
                      pages=_pages(request, offset, shown, more))

    @web.get("/docs")
    def docs(request: Request) -> HTMLResponse:
        spec = request.app.openapi()
        endpoints = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                endpoints.append({
                    "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                "description": p.get("description", ""),
                                "type": _schema_type(p.get("schema", {}))}
                               for p in op.get("parameters", [])],
                    "body": "requestBody" in op,
                })
        return render("docs.html", request, endpoints=endpoints, title=spec["info"]["title"])

    return web

