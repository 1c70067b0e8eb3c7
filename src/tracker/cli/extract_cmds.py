"""Command: ``tracker extract PATH...`` prints the claims found in files or standard input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from tracker.cli.base import cli, format_option, write_rows
from tracker.errors import InputError
from tracker.extract import extract, languages

TABLE_COLUMNS = (
    "path",
    "line",
    "text",
    "low",
    "high",
    "kind",
    "unit",
    "entity",
    "concept",
    "actor",
    "state",
    "source",
    "hedged",
)


def read_text(path: str) -> str:
    """A file (or ``-`` for stdin) as text: UTF-8 with the BOM stripped, else cp1252."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror or err})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _documents(path: str, text: str, by_line: bool) -> Iterator[tuple[int | None, str]]:
    if not by_line:
        yield None, text
        return
    yield from enumerate(text.splitlines(), start=1)


def claim_records(
    paths: tuple[str, ...], lang: str | None, by_line: bool
) -> Iterator[dict[str, Any]]:
    """One dict per claim: the Claim fields plus ``path`` (and ``line`` with ``by_line``)."""
    for path in paths:
        text = read_text(path)
        for line, document in _documents(path, text, by_line):
            for claim in extract(document, lang):
                record: dict[str, Any] = {"path": path}
                if line is not None:
                    record["line"] = line
                record.update(claim.to_dict())
                yield record


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--lang",
    type=click.Choice(["auto", *languages()]),
    default="auto",
    show_default=True,
    help="Language rules to use; auto detects German or English per document.",
)
@format_option(default="jsonl")
@click.option("--lines", "by_line", is_flag=True, help="Treat each input line as its own document.")
def extract_command(paths: tuple[str, ...], lang: str, fmt: str, by_line: bool) -> None:
    """Print the numeric claims in PATH... (``-`` reads standard input).

    Offsets (start, end) refer to the text as read, or to the line with --lines.
    """
    records = claim_records(paths, None if lang == "auto" else lang, by_line)
    if fmt == "jsonl":  # streamed: one line per claim as it is found
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    if fmt == "table":  # a summary for people
        rows = [[record.get(column) for column in TABLE_COLUMNS] for record in records]
        write_rows(TABLE_COLUMNS, rows, "table")
        return
    records = list(records)
    columns = list(dict.fromkeys(key for record in records for key in record))
    write_rows(columns, [[record.get(c) for c in columns] for record in records], fmt)
