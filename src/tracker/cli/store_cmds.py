"""Commands for the store: ``tracker ingest``, ``tracker sql``, ``tracker export``."""

from __future__ import annotations

import datetime as dt

import click

from tracker.cli.base import cli, db_option, format_option, write_rows
from tracker.config import resolve_db_path
from tracker.errors import InputError
from tracker.extract import languages

# How many individual failures the ingest summary lists before it only counts them.
MAX_LISTED_FAILURES = 50
SQL_ROW_LIMIT = 1000  # rows `tracker sql` prints unless --limit says otherwise


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--url", help="Address of the article (overrides the file's own).")
@click.option("--outlet", help="Outlet (default: the registered domain of the address).")
@click.option("--date", "published", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date.")
@click.option("--lang", type=click.Choice(languages()), help="Language (default: detected).")
@click.option("--title", help="Title of the article.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: all cores; 1 = in this process).")
@click.option("--progress/--no-progress", default=True, help="Progress bar for many files.")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Read and extract on a Dask cluster: tcp://HOST:8786 or 'local'.")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="With --dask: write Parquet partitions to this new folder, not the database.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, url: str | None,
           outlet: str | None, published: dt.date | None, lang: str | None, title: str | None,
           workers: int | None, progress: bool, dask_address: str | None, out: str | None) -> None:
    """Store the articles in PATH... (files or folders: .txt .md .html .htm .pdf .jsonl .csv)
    and the numeric claims found in them. Re-ingesting the same text changes nothing.
    Folders are searched recursively; hidden files and README/LICENSE files are skipped.
    An http(s) address is downloaded (the only time tracker uses the network) and read by type.

    Exit code 0 when every input was read, 1 when some failed, 2 when nothing could be read."""
    from tracker.ingest import Overrides
    from tracker.ingest import ingest as run_ingest

    overrides = Overrides(url=url, outlet=outlet, published=published, lang=lang, title=title)
    if dask_address or out:
        from tracker.cli.scale_cmds import run_dask_ingest

        summary = run_dask_ingest(paths, dask_address, out, db, overrides, workers, progress)
    else:
        summary = run_ingest(paths, db, overrides=overrides, workers=workers, progress=progress)
    _report_failures(summary.errors)
    click.echo(
        f"{summary.files} files: {summary.new} new, {summary.unchanged} unchanged, "
        f"{summary.failed} failed articles; {summary.claims} claims stored in "
        f"{resolve_db_path(db)}",
        err=True,
    )
    if summary.failed:
        ctx.exit(2 if summary.read == 0 else 1)
    if summary.read == 0:
        click.echo("Error: no supported files found (.txt .md .html .htm .pdf .jsonl .csv)",
                   err=True)
        ctx.exit(2)


def _report_failures(errors: list[InputError]) -> None:
    for err in errors[:MAX_LISTED_FAILURES]:
        click.echo(f"Error: {err}", err=True)
    if len(errors) > MAX_LISTED_FAILURES:
        click.echo(f"... and {len(errors) - MAX_LISTED_FAILURES} more failures", err=True)


@cli.command()
@click.argument("query")
@db_option
@format_option()
@click.option("--limit", type=click.IntRange(min=0), default=SQL_ROW_LIMIT, show_default=True,
              help="Print at most this many rows (0: all); stderr says when rows were cut.")
def sql(query: str, db: str | None, fmt: str, limit: int) -> None:
    """Run one read-only SQL QUERY against the views (articles, claims, claim_reviews).

    Statements that write, attach, copy, set options, load extensions or read files are refused."""
    from tracker.store import run_readonly_sql

    columns, rows = run_readonly_sql(db, query, max_rows=limit or None)
    cut = bool(limit) and len(rows) > limit
    write_rows(columns, rows[:limit] if cut else rows, fmt)
    if cut:
        click.echo(f"Note: only the first {limit} rows are shown; use --limit N (0: all) or "
                   "narrow the query", err=True)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), required=True,
              help="File format.")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--table", type=click.Choice(["claims", "articles", "claim_reviews"]),
              default="claims", show_default=True, help="Which view to export.")
def export(db: str | None, fmt: str, out: str, table: str) -> None:
    """Write a view (default: claims) to a CSV (with header) or Parquet file."""
    from tracker.store import export_table

    count = export_table(db, out, fmt=fmt, table=table)
    click.echo(f"{count} rows of {table} written to {out}", err=True)
