"""The ``tracker`` command group and what every command shares: one-line errors, output formats."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

from tracker import __version__
from tracker.errors import TrackerError

# The one output vocabulary of every command that prints rows (each offers those that apply).
OUTPUT_FORMATS = ("table", "csv", "json", "jsonl")


def format_option(default: str = "table", formats: tuple[str, ...] = OUTPUT_FORMATS) -> Any:
    """``--format``: table (aligned, for people), csv (with a header row), json (one array of
    objects) or jsonl (one object per line)."""
    return click.option(
        "--format", "fmt", type=click.Choice(formats), default=default, show_default=True,
        help="Output: " + ", ".join(formats) + ".",
    )


class TrackerGroup(click.Group):
    """Turns a TrackerError into ``Error: <one line>`` and exit code 2 (tracebacks with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TrackerError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {err}", err=True)
            ctx.exit(2)


@click.group(cls=TrackerGroup)
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(__version__, prog_name="tracker")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Track the numbers news articles claim: ingest, extract, store, compare."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Database file (default: $TRACKER_DB, else data/tracker.duckdb).",
)


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def write_rows(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str, out: Any = None
) -> None:
    """Print rows as an aligned table, CSV with a header row, a JSON array of objects or JSON
    lines (one object per row)."""
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
    elif fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        out.write(json.dumps(records, ensure_ascii=False, default=str, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*[_cell(v) for v in row])
        buf = io.StringIO()
        Console(file=buf, width=max(80, min(200, 20 * len(columns))), color_system=None).print(
            table
        )
        out.write(buf.getvalue())
