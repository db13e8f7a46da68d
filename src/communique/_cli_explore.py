"""CLI commands for exploring a store: `serve` (REST API and web UI) and `export`.

Kept apart from cli.py so the explore layer can grow on its own; cli.py registers them.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import click

from ._cli_options import parse_date

#: File endings that name their export format.
_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}




def _db_option(func: click.decorators.FC) -> click.decorators.FC:
    return click.option("--db", default="communique.duckdb", show_default=True,
                        envvar="COMMUNIQUE_DB", help="DuckDB database file ($COMMUNIQUE_DB).")(func)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--token", envvar="COMMUNIQUE_TOKEN", default=None,
              help="Open the database for writing and accept POST /api/ingest with "
                   "`Authorization: Bearer TOKEN` ($COMMUNIQUE_TOKEN keeps it out of `ps`).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db: str, host: str, port: int, token: str | None, log_level: str) -> None:
    """Serve the web UI and the REST API over the database.

    The database is opened read-only unless --token is given. Pages: / (overview),
    /articles, /actors, /dyad, /network, /search; the API lives under /api and is
    listed at /docs (OpenAPI at /openapi.json). Everything, plotly.js included, is
    served by this process: no page loads anything from elsewhere.

    \b
    Examples:
      communique serve --db communique.duckdb
      communique serve --port 8080
      COMMUNIQUE_TOKEN=s3cret communique serve --db news.duckdb
    """
    import uvicorn

    from .api import create_app

    if token is not None and not token.strip():
        raise click.BadParameter("the token must not be empty", param_hint="--token")
    app = create_app(db, token=token)
    if token and not _loopback(host):
        click.echo("communique: warning: the token travels in clear over plain HTTP; put the "
                   "server behind HTTPS before exposing it", err=True)
    mode = "read-write, POST /api/ingest needs the token" if token else "read-only"
    click.echo(f"communique: serving {db} ({mode}) on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, writable=True))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "polecat"]),
              default=None, help="Output format (default: from OUT's ending: .jsonl, .csv, .parquet).")
@click.option("--since", callback=parse_date, help="Only articles / events on or after this date.")
@click.option("--until", callback=parse_date, help="Only articles / events on or before this date.")
@_db_option
def export(out: str, fmt: str | None, since: dt.date | None, until: dt.date | None,
           db: str) -> None:
    """Write the database to OUT as jsonl, csv, parquet, gdelt or polecat.

    jsonl: one document JSON per article. csv and parquet: the events table flat, one
    row per event. gdelt: the GDELT 2.0 Event table (61 columns, tab-separated, no
    header). polecat: the POLECAT weekly columns (tab-separated, with a header). The
    columns are described in docs/exports.md.

    \b
    Examples:
      communique export documents.jsonl
      communique export --format gdelt --since 2025-01-01 events.gdelt.tsv
      communique export --format polecat --db news.duckdb polecat.tsv
    """
    from .export import export as run_export
    from .store import open_store

    if fmt is None:
        fmt = _BY_SUFFIX.get(Path(out).suffix.lower())
        if fmt is None:
            raise click.UsageError(f"cannot tell the format from {out!r}; add --format "
                                   "jsonl|csv|parquet|gdelt|polecat")
    with open_store(db, read_only=True) as store:
        count = run_export(store, fmt, out, since=since, until=until)
    unit = {"jsonl": "documents", "gdelt": "events (clusters)"}.get(fmt, "events")
    click.echo(f"{count} {unit} -> {out} ({fmt})", err=True)


def register(cli: click.Group) -> None:
    """Attach this module's commands to the main `communique` group."""
    cli.add_command(serve)
    cli.add_command(export)
