"""docs/schema.md is true: every view column is documented there and in the file (COMMENT ON),
and every example query runs against a real database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.store import open_store, run_readonly_sql

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
VIEWS = ("articles", "claims", "claimants", "claim_reviews")


def _examples() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "a.txt").write_text(
        "url: https://www.zeit.de/politik/2024-10-29/nordkorea\n---\nDas Pentagon schätzt, "
        "dass zwischen 10.000 und 12.000 nordkoreanische Soldaten in Russland sind.\n")
    (folder / "b.txt").write_text(
        "url: https://www.bbc.co.uk/news/world-2\npublished: 2024-11-01\n---\nAbout 8,000 "
        "North Korean troops could be in Kursk, the US said on Thursday.\n")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(folder / "d.duckdb"),
                                      "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    return folder / "d.duckdb"


def test_doc_has_examples() -> None:
    assert len(_examples()) >= 6


@pytest.mark.parametrize("query", _examples())
def test_example_query_runs(db: Path, query: str) -> None:
    columns, _ = run_readonly_sql(db, query)
    assert columns


def test_quotes_match_offsets(db: Path) -> None:
    [(mismatches,)] = run_readonly_sql(db, _examples()[3])[1]
    assert mismatches == 0


def test_every_view_column_is_documented(db: Path) -> None:
    doc = DOC.read_text(encoding="utf-8")
    with open_store(db, read_only=True) as store:
        for view in VIEWS:
            columns = store.query(
                "select column_name, comment from duckdb_columns() "
                "where schema_name = 'main' and table_name = ?", [view])
            assert columns.height > 0
            section = doc.split(f"## `{view}`", 1)[1].split("\n## ", 1)[0]
            for name, comment in columns.iter_rows():
                assert comment, f"{view}.{name} has no COMMENT ON"
                assert f"`{name}`" in section, f"{view}.{name} missing from docs/schema.md"
            view_comment = store.query("select comment from duckdb_views() where view_name = ?",
                                       [view])["comment"][0]
            assert view_comment
