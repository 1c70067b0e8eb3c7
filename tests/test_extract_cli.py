"""``tracker extract`` through the real click entry point."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tracker.cli import cli


def run(*args: str, stdin: str | bytes | None = None):
    return CliRunner().invoke(cli, ["extract", *args], input=stdin)


def test_jsonl_has_claim_fields_and_path(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Laut der Polizei kamen mehr als 3.000 Menschen.", encoding="utf-8")
    result = run(str(path), "--lang", "de")
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["path"] == str(path)
    assert (record["low"], record["high"], record["kind"]) == (3000, None, "lower_bound")
    assert record["source"] == "Polizei" and record["unit"] == "person"
    assert "line" not in record


def test_lines_mode_numbers_lines_and_offsets_are_per_line() -> None:
    text = "First line without numbers.\nMore than 1.5 million people fled.\n"
    result = run("-", "--lines", "--lang", "en", stdin=text)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    line = text.splitlines()[record["line"] - 1]
    assert record["line"] == 2 and record["path"] == "-"
    assert line[record["start"] : record["end"]] == record["text"] == "More than 1.5 million people"


def test_utf8_bom_is_stripped_and_cp1252_is_read(tmp_path: Path) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff12 Soldaten fielen.".encode())
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Für 12 Soldaten kostet es 5 €.".encode("cp1252"))
    result = run(str(bom), str(legacy), "--lang", "de")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert records[0]["start"] == 0 and records[0]["text"] == "12 Soldaten"
    assert [r["unit"] for r in records[1:]] == ["soldier", "euro"]


def test_table_format_prints_a_table(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Es waren zwischen 10.000 und 12.000 Soldaten.", encoding="utf-8")
    result = run(str(path), "--format", "table")
    assert result.exit_code == 0
    assert "10000.0" in result.output and "soldier" in result.output


def test_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert result.output.strip() == f"Error: {tmp_path / 'nope.txt'}: no such file"


def test_a_directory_is_a_one_line_error(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 2 and result.output.count("\n") == 1
