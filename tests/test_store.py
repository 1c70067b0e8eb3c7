"""The DuckDB store on real files: schema, versions, batched idempotent writes, atomicity."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tracker.errors import StoreError
from tracker.models import Article, Claim
from tracker.store import SCHEMA_VERSION, article_frames, open_store

ARTICLE_VIEW = ["article_id", "outlet", "url", "title", "published", "lang", "text", "ingested_at"]
CLAIM_VIEW = ["claim_id", "article_id", "outlet", "url", "title", "published", "lang", "low",
              "high", "kind", "approximate", "unit", "entity", "source", "hedged", "quote",
              "sentence", "start", "end"]


def _article(text: str = "Rund 11.000 Soldaten wurden geschickt.", **fields) -> Article:
    start = text.index("11.000")
    claim = Claim("11.000", start, start + 6, 11000.0, 11000.0, "point", approximate=True,
                  unit="soldiers", source="NIS", sentence=text, lang="de")
    return Article(text=text, url="https://www.dw.com/a", outlet="dw.com", lang="de",
                   claims=[claim, claim], **fields)


def _count(db: Path, table: str) -> int:
    with open_store(db, read_only=True) as store:
        return store.query(f"SELECT count(*) AS n FROM {table}")["n"][0]


def test_new_database_has_schema_version_and_documented_views(db_path: Path) -> None:
    with open_store(db_path) as store:
        versions = store.query("SELECT version FROM store.schema_version")["version"].to_list()
        assert versions == [SCHEMA_VERSION]
        for view, columns in (("articles", ARTICLE_VIEW), ("claims", CLAIM_VIEW)):
            found = store.query(f"SELECT * FROM {view} LIMIT 0").columns
            assert found[: len(columns)] == columns or set(columns) <= set(found)
    with open_store(db_path):  # reopening does not record the version again
        pass
    assert _count(db_path, "store.schema_version") == 1


def test_write_is_idempotent_by_text(db_path: Path) -> None:
    with open_store(db_path) as store:
        first = store.write_articles([_article(), _article()])  # duplicate inside the batch too
        again = store.write_articles([_article(), _article("Andere 11.000 Soldaten.")])
    assert (first.new, first.unchanged, first.claims) == (1, 1, 2)
    assert (again.new, again.unchanged, again.claims) == (1, 1, 2)
    assert _count(db_path, "articles") == 2
    assert _count(db_path, "claims") == 4
    with open_store(db_path, read_only=True) as store:
        claims = store.query("SELECT claim_id, article_id, quote, low, kind, unit, source, "
                             "extractor_version FROM claims ORDER BY claim_id")
    article_id = _article().article_id
    assert f"{article_id}-0" in claims["claim_id"].to_list()
    assert set(claims["quote"]) == {"11.000"} and set(claims["low"]) == {11000.0}


def test_article_and_claims_commit_together(db_path: Path) -> None:
    broken = _article()
    broken.lang = None  # violates NOT NULL on store.articles, after its claims were inserted
    with open_store(db_path) as store, pytest.raises(StoreError, match="nothing of it") as err:
        store.write_articles([_article("Gute 11.000 Soldaten."), broken])
    assert isinstance(err.value.__cause__, duckdb.ConstraintException)
    assert _count(db_path, "store.claims") == 0
    assert _count(db_path, "store.articles") == 0


def test_frames_match_storage_columns(db_path: Path) -> None:
    articles, claims = article_frames([_article()])
    with open_store(db_path) as store:
        for frame, table in ((articles, "articles"), (claims, "claims")):
            stored = store.query(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name = 'store' "
                "AND table_name = ? ORDER BY column_index", [table])["column_name"].to_list()
            assert sorted(frame.columns) == sorted(stored)


def test_newer_schema_version_is_refused(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.con.execute("INSERT INTO store.schema_version (version) VALUES (?)",
                          [SCHEMA_VERSION + 1])
    for read_only in (False, True):
        with pytest.raises(StoreError) as err:
            open_store(db_path, read_only=read_only)
        assert str(err.value) == (
            f"{db_path} was written by schema version {SCHEMA_VERSION + 1}; this tracker "
            f"supports up to {SCHEMA_VERSION} — upgrade tracker")


def test_file_that_is_not_duckdb(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("just some notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database file") as err:
        open_store(path)
    assert "\n" not in str(err.value)
    assert path.read_text().startswith("just some notes")  # untouched


def test_read_only_needs_a_tracker_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database here yet"):
        open_store(tmp_path / "missing.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a tracker database"):
        open_store(other, read_only=True)
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE budget (amount INTEGER)")
    with pytest.raises(StoreError, match="not a tracker database"):
        open_store(other)  # someone else's data: tracker does not add its tables to it
    with duckdb.connect(str(other), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'store'"
                           ).fetchall() == [(0,)]


def test_db_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "env.duckdb"))
    with open_store() as store:
        assert store.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()
