"""`tracker load`: Parquet partitions into DuckDB in bulk, idempotently, equal to a direct write."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.errors import InputError
from tracker.extract import extract
from tracker.ingest import assign_quantities
from tracker.models import Article
from tracker.scale import load_parquet, load_partitions
from tracker.scale.partitions import CLAIM_COLUMNS, write_parquet_partition
from tracker.store import article_frames, open_store
from tracker.synth import iter_corpus

# ingested_at is the time of the write, so it differs between two stores by design.
ARTICLE_ROWS = "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY article_id"
CLAIM_ROWS = "SELECT * FROM claims ORDER BY claim_id"
STORE_CLAIM_ROWS = "SELECT * FROM store.claims ORDER BY claim_id"


def synth_articles(count: int, start: int = 0) -> list[Article]:
    articles = []
    for synth in iter_corpus(count, seed=5, start=start):
        article = Article(
            text=synth.body, url=synth.url, outlet=synth.outlet, published=synth.published,
            title=synth.title, lang=synth.lang, path=synth.relative_path(),
        )
        article.claims = extract(article.text, article.lang)
        articles.append(article)
    return articles


def write_partitions(out: Path, parts: list[list[Article]]) -> None:
    for index, part in enumerate(parts):
        write_parquet_partition(out, index, *article_frames(part))


def rows(db: Path, sql: str) -> pl.DataFrame:
    with open_store(db, read_only=True) as store:
        return store.query(sql)


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    """60 distinct articles (synth makes some syndicated copies; those get their own tests)."""
    unique = {a.article_id: a for a in reversed(synth_articles(70))}
    return list(reversed(unique.values()))[:60]


def test_load_gives_the_rows_a_direct_write_gives(tmp_path: Path, articles: list[Article]) -> None:
    with open_store(tmp_path / "direct.duckdb") as store:
        store.write_articles(articles)
    assign_quantities(tmp_path / "direct.duckdb")  # as tracker ingest does after writing
    write_partitions(tmp_path / "parts", [articles[:25], articles[25:50], articles[50:]])
    counts = load_partitions(tmp_path / "parts", tmp_path / "loaded.duckdb")
    stored = rows(tmp_path / "direct.duckdb", "SELECT count(*) AS n FROM store.claims")["n"][0]
    assert counts.claims == stored > 0
    for sql in (ARTICLE_ROWS, CLAIM_ROWS, STORE_CLAIM_ROWS):
        assert rows(tmp_path / "loaded.duckdb", sql).equals(rows(tmp_path / "direct.duckdb", sql))


def test_loading_twice_adds_nothing(tmp_path: Path, articles: list[Article]) -> None:
    write_partitions(tmp_path / "parts", [articles[:30], articles[30:]])
    db = tmp_path / "db.duckdb"
    first = load_partitions(tmp_path / "parts", db)
    second = load_partitions(tmp_path / "parts", db)
    assert first.new == len({a.article_id for a in articles}) and first.claims > 0
    assert second.new == 0 and second.claims == 0
    assert second.unchanged == first.new + first.unchanged
    counts = rows(db, "SELECT count(*) AS n, count(DISTINCT claim_id) AS d FROM store.claims")
    assert counts["n"][0] == counts["d"][0] == first.claims


def test_an_article_in_two_partitions_is_stored_once_from_the_first(
    tmp_path: Path, articles: list[Article]
) -> None:
    repeated = Article(**{**vars_of(articles[3]), "path": "copy/elsewhere.txt"})
    write_partitions(tmp_path / "parts", [articles[:10], [repeated, *articles[10:20]]])
    db = tmp_path / "db.duckdb"
    counts = load_partitions(tmp_path / "parts", db)
    assert counts.new == 20 and counts.unchanged == 1
    stored = rows(db, f"SELECT path FROM articles WHERE article_id = '{articles[3].article_id}'")
    assert stored["path"].to_list() == [articles[3].path]
    dup = rows(db, "SELECT claim_id FROM store.claims GROUP BY claim_id HAVING count(*) > 1")
    assert dup.height == 0


def vars_of(article: Article) -> dict:
    return {name: getattr(article, name) for name in Article.__slots__}


def test_a_copy_inside_one_partition_is_stored_once(
    tmp_path: Path, articles: list[Article]
) -> None:
    repeated = Article(**{**vars_of(articles[2]), "path": "copy.txt"})
    write_partitions(tmp_path / "parts", [[*articles[:5], repeated]])
    db = tmp_path / "db.duckdb"
    counts = load_partitions(tmp_path / "parts", db)
    assert (counts.new, counts.unchanged) == (5, 1)
    assert counts.claims == sum(len(a.claims) for a in articles[:5])
    distinct = rows(db, "SELECT count(DISTINCT claim_id) AS n FROM store.claims")["n"][0]
    assert distinct == counts.claims


def test_articles_already_stored_are_skipped(tmp_path: Path, articles: list[Article]) -> None:
    db = tmp_path / "db.duckdb"
    with open_store(db) as store:
        store.write_articles(articles[:20])
    write_partitions(tmp_path / "parts", [articles[10:40]])
    with open_store(db) as store:
        counts = load_parquet(store.con, tmp_path / "parts")
    assert (counts.new, counts.unchanged) == (20, 10)
    assert rows(db, "SELECT count(*) AS n FROM articles")["n"][0] == 40


def test_duckdb_queries_the_partitions_directly(tmp_path: Path, articles: list[Article]) -> None:
    write_partitions(tmp_path / "parts", [articles[:30], articles[30:]])
    db = tmp_path / "db.duckdb"
    load_partitions(tmp_path / "parts", db)
    direct = duckdb.sql(
        f"SELECT * EXCLUDE (ordinal, sentence_start) "
        f"FROM read_parquet('{tmp_path}/parts/claims/*.parquet') ORDER BY claim_id"
    ).pl()
    # the quantity and the reason for it are assigned in the database only
    assert direct["quantity"].null_count() == direct["reason"].null_count() == direct.height
    view = rows(db, CLAIM_ROWS).with_columns(
        pl.lit(None, dtype=pl.String).alias("quantity"),
        pl.lit(None, dtype=pl.String).alias("reason"),
    )
    assert direct.columns == view.columns
    # claimants are merged across the corpus in the database (store.claimant_groups) only
    merged = ["claimant", "via"]
    assert direct.drop(merged).equals(view.drop(merged))
    assert set(CLAIM_COLUMNS) >= set(view.columns)


def test_cli_load_reports_counts_and_errors_in_one_line(
    tmp_path: Path, articles: list[Article]
) -> None:
    write_partitions(tmp_path / "parts", [articles[:10]])
    runner = CliRunner()
    db = tmp_path / "db.duckdb"
    ok = runner.invoke(cli, ["load", str(tmp_path / "parts"), "--db", str(db)])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("Loaded 10 new articles")
    missing = runner.invoke(cli, ["load", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert missing.exit_code == 2
    expected = f"Error: {tmp_path / 'nope'}: is not a folder of Parquet partitions"
    assert missing.output.strip() == expected
    assert not (tmp_path / "x.db").exists()


def test_partitions_without_the_needed_columns_are_refused(tmp_path: Path) -> None:
    for table in ("articles", "claims"):
        (tmp_path / "parts" / table).mkdir(parents=True)
        pl.DataFrame({"article_id": ["a"]}).write_parquet(tmp_path / "parts" / table / "p.parquet")
    with pytest.raises(InputError) as err, open_store(tmp_path / "db.duckdb") as store:
        load_parquet(store.con, tmp_path / "parts")
    assert "cannot load the Parquet partitions" in str(err.value)
    assert "\n" not in str(err.value)


def test_the_sql_in_docs_scale_runs_on_partitions(
    tmp_path: Path, articles: list[Article], repo_root: Path
) -> None:
    import re

    doc = (repo_root / "docs" / "scale.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sql\n(.*?)```", doc, flags=re.S)
    assert len(queries) >= 2
    write_partitions(tmp_path / "parts", [articles[:30], articles[30:]])
    for query in queries:
        result = duckdb.sql(query.replace("DIR", str(tmp_path / "parts"))).fetchall()
        assert result, query
