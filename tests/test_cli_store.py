"""`tracker ingest`, `tracker sql`, `tracker export` through the real CLI entry (click runner)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.errors import QueryError
from tracker.store import open_store, run_readonly_sql

ARTICLES = {
    "de1.txt": ("url: https://www.tagesschau.de/ausland/a.html\npublished: 2024-10-18\n---\n"
                "Der Geheimdienst schätzt, dass rund 1.500 Soldaten nach Russland gebracht "
                "wurden. Später sollen es 12.000 sein, hieß es aus Seoul."),
    "en1.md": ("url: https://www.bbc.co.uk/news/world-1\npublished: 2024-11-01\n---\n"
               "About 8,000 North Korean soldiers are now in the Kursk region, the US "
               "secretary of state said on Thursday."),
    "sub/en2.txt": ("url: https://apnews.com/article/x\n---\n"
                    "South Korea's spy agency said 3,000 more troops were sent, and that the "
                    "total is about 11,000."),
}


def _write_corpus(folder: Path) -> Path:
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return _write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One filled database for the many read-only checks (they cannot change it)."""
    folder = tmp_path_factory.mktemp("shared")
    db = folder / "shared.duckdb"
    code, _, err = run("ingest", str(_write_corpus(folder / "corpus")), "--db", str(db),
                       "--workers", "1")
    assert code == 0, err
    return db


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def filled_db(corpus: Path, db_path: Path) -> Path:
    code, _, err = run("ingest", str(corpus), "--db", str(db_path), "--workers", "1")
    assert code == 0, err
    return db_path


def test_ingest_then_query_and_reingest_changes_nothing(corpus: Path, db_path: Path) -> None:
    code, _, err = run("ingest", str(corpus), "--db", str(db_path), "--workers", "1")
    assert code == 0
    assert "3 files: 3 new, 0 unchanged, 0 failed articles" in err
    code, out, _ = run("sql", "select outlet, count(*) as n from claims group by 1 order by 1",
                       "--db", str(db_path), "--format", "csv")
    assert code == 0
    rows = out.strip().splitlines()
    assert rows[0] == "outlet,n"
    assert [r.split(",")[0] for r in rows[1:]] == ["apnews.com", "bbc.co.uk", "tagesschau.de"]
    code, _, err = run("ingest", str(corpus), "--db", str(db_path))  # the process pool path
    assert code == 0
    assert "3 files: 0 new, 3 unchanged, 0 failed articles; 0 claims stored" in err
    code, again, _ = run("sql", "select outlet, count(*) as n from claims group by 1 order by 1",
                         "--db", str(db_path), "--format", "csv")
    assert again == out


def test_ingest_overrides(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("About 10,000 soldiers have been sent to Russia, officials said today.")
    code, _, _ = run("ingest", str(path), "--db", str(db_path), "--url",
                     "https://www.reuters.com/world/x", "--date", "2024-10-29", "--lang", "en",
                     "--title", "Ten thousand")
    assert code == 0
    columns, rows = run_readonly_sql(db_path, "select outlet, url, published::varchar, lang, "
                                              "title from articles")
    assert rows == [("reuters.com", "https://www.reuters.com/world/x", "2024-10-29", "en",
                     "Ten thousand")]
    code, _, err = run("ingest", str(path), "--db", str(db_path), "--date", "29.10.2024")
    assert code == 2 and "is not a date" in err


def test_sql_json_and_table_formats(filled_db: Path) -> None:
    code, out, _ = run("sql", "select outlet, low from claims where low = 8000", "--db",
                       str(filled_db), "--format", "json")
    assert code == 0
    assert json.loads(out) == [{"outlet": "bbc.co.uk", "low": 8000.0}]
    code, out, _ = run("sql", "select count(*) as n from articles", "--db", str(filled_db))
    assert code == 0 and "│ 3" in out


def test_sql_jsonl_and_csv_share_the_one_format_vocabulary(filled_db: Path) -> None:
    query = "select outlet, low from claims where low in (8000, 1500) order by low"
    code, out, _ = run("sql", query, "--db", str(filled_db), "--format", "jsonl")
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"outlet": "tagesschau.de", "low": 1500.0}, {"outlet": "bbc.co.uk", "low": 8000.0}]
    code, out, _ = run("sql", query, "--db", str(filled_db), "--format", "csv")
    assert out.splitlines() == ["outlet,low", "tagesschau.de,1500.0", "bbc.co.uk,8000.0"]


def test_sql_caps_the_rows_and_says_so(filled_db: Path) -> None:
    query = "select range as n from range(2500)"
    code, out, err = run("sql", query, "--db", str(filled_db), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 1000  # the default cap
    assert "only the first 1000 rows" in err
    code, out, err = run("sql", query, "--db", str(filled_db), "--format", "csv", "--limit", "3")
    assert out.splitlines() == ["n", "0", "1", "2"] and "first 3 rows" in err
    code, out, err = run("sql", query, "--db", str(filled_db), "--format", "csv", "--limit", "0")
    assert len(out.splitlines()) == 2501 and err == ""
    code, out, err = run("sql", "select 1 as n", "--db", str(filled_db), "--limit", "1")
    assert code == 0 and err == ""  # nothing was cut: no note


def test_extract_prints_every_format(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("About 8,000 soldiers, the Pentagon said.", encoding="utf-8")
    outputs = {fmt: run("extract", str(text), "--lang", "en", "--format", fmt)
               for fmt in ("jsonl", "json", "csv", "table")}
    assert all(code == 0 for code, _, _ in outputs.values())
    [line] = outputs["jsonl"][1].splitlines()
    assert json.loads(outputs["json"][1]) == [json.loads(line)]
    assert outputs["csv"][1].splitlines()[0].startswith("path,")
    assert "8000" in outputs["table"][1]


def test_sql_uses_tracker_db_env(filled_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DB", str(filled_db))
    code, out, _ = run("sql", "select count(*) as n from articles", "--format", "csv")
    assert (code, out) == (0, "n\n3\n")


REFUSED = [
    "insert into store.articles (article_id) values ('x')",
    "update store.articles set outlet = 'x'",
    "delete from store.claims",
    "drop view claims",
    "create table t as select 1",
    "attach '/tmp/other.duckdb' as other",
    "detach other",
    "copy (select * from claims) to '/tmp/out.csv'",
    "export database '/tmp/dump'",
    "install httpfs",
    "load httpfs",
    "set enable_external_access = true",
    "reset lock_configuration",
    "pragma enable_profiling",
    "call pragma_version()",
    "checkpoint",
    "vacuum",
    "select 1; drop view claims",
    "select * from read_csv('/etc/passwd')",
    "select * from read_text('/etc/hostname')",
    "select * from '/etc/passwd'",
    "select * from glob('/etc/*')",
    "select * from read_parquet('https://example.com/x.parquet')",
    "select * from query('drop view claims')",
    "explain analyze delete from store.claims",  # passes the parser check; read-only stops it
    "summarize select * from read_csv('/etc/passwd')",
    "",
    "selec nonsense",
]


@pytest.mark.parametrize("query", REFUSED)
def test_sql_refuses_anything_not_read_only(shared_db: Path, query: str) -> None:
    code, out, err = run("sql", query, "--db", str(shared_db))
    assert code == 2
    assert err.startswith("Error: ") and err.count("\n") == 1
    assert "Traceback" not in err and out == ""
    with pytest.raises(QueryError):
        run_readonly_sql(shared_db, query)
    assert run_readonly_sql(shared_db, "select count(*) from claims")[1][0][0] > 0


def test_readonly_sql_takes_parameters(filled_db: Path) -> None:
    hostile = "x' or '1'='1"
    query = "select * from articles where outlet = ?"
    assert run_readonly_sql(filled_db, query, [hostile])[1] == []
    _, rows = run_readonly_sql(filled_db, "select outlet from articles where outlet = $o",
                               {"o": "bbc.co.uk"})
    assert rows == [("bbc.co.uk",)]


def test_sql_on_missing_or_foreign_database(tmp_path: Path) -> None:
    code, _, err = run("sql", "select 1", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "no database here yet" in err
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"\x00garbage" * 1000)
    code, _, err = run("sql", "select 1", "--db", str(bad))
    assert code == 2 and err == f"Error: {bad}: not a DuckDB database file\n"


@pytest.mark.parametrize("table", ["claims", "articles"])
def test_export_round_trip(filled_db: Path, tmp_path: Path, table: str) -> None:
    with open_store(filled_db, read_only=True) as store:
        expected = store.query(f"select * from {table} order by 1")
    parquet, csv = tmp_path / "out.parquet", tmp_path / "out.csv"
    for fmt, out in (("parquet", parquet), ("csv", csv)):
        code, _, err = run("export", "--db", str(filled_db), "--format", fmt, "--out", str(out),
                           "--table", table)
        assert code == 0 and f"{expected.height} rows of {table}" in err
    from_parquet = pl.read_parquet(parquet)
    assert from_parquet.equals(expected)
    from_csv = pl.read_csv(csv, schema=expected.schema)
    assert csv.read_text(encoding="utf-8").splitlines()[0] == ",".join(expected.columns)
    assert from_csv.equals(expected)


def test_export_to_missing_folder(filled_db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", "--db", str(filled_db), "--format", "csv", "--out",
                       str(tmp_path / "no" / "x.csv"))
    assert code == 2 and "does not exist" in err


def test_bundled_corpus_acceptance(repo_root: Path, tmp_path: Path) -> None:
    """Issue #2's check: ingest data/, at least 6 outlets; a second ingest changes no count."""
    db = tmp_path / "corpus.duckdb"
    counts = "select (select count(*) from articles), (select count(*) from claims)"
    code, _, err = run("ingest", str(repo_root / "data"), "--db", str(db))
    assert code == 0, err
    first = run_readonly_sql(db, counts)[1]
    _, outlets = run_readonly_sql(db, "select outlet, count(*) from claims group by 1")
    assert len(outlets) >= 6
    langs = dict(run_readonly_sql(db, "select lang, count(*) from articles group by 1")[1])
    assert langs.get("de", 0) >= 6 and langs.get("en", 0) >= 6
    assert run_readonly_sql(db, "select count(*) from articles where outlet is null")[1] == [(0,)]
    code, _, err = run("ingest", str(repo_root / "data"), "--db", str(db))
    assert code == 0 and " 0 new," in err
    assert run_readonly_sql(db, counts)[1] == first


def test_readonly_sql_has_a_time_limit(shared_db: Path) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"stopped after 0.5 s \(time limit\)"):
        run_readonly_sql(shared_db, "select sum(a.range * b.range) from range(100000) a, "
                                    "range(100000) b", timeout=0.5)
    assert time.monotonic() - started < 10
