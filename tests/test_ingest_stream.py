"""Issue #14 point 1: streamed file discovery and frame batches from the workers give exactly the
rows of a one-process ingest, in input order (the first copy of a repeated text wins)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tracker.ingest import discover, ingest
from tracker.ingest.pipeline import supported


def test_streamed_discovery_is_the_sorted_order(tmp_path: Path) -> None:
    names = ["a/x.txt", "a-b.txt", "a.txt", "B.txt", "b/Z.md", "b/a/c.txt", "b/a.txt",
             ".hidden/x.txt", "c/.x.txt", "README.md", "c/readme.txt", "d/e/f/g.html",
             "x.docx", "y.TXT", "a/10.txt", "a/9.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    expected = sorted(
        p for p in tmp_path.rglob("*")
        if p.is_file() and supported(p) and p.stem.lower() not in ("readme",)
        and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts))
    assert list(discover([tmp_path])) == expected


def _rows(db: Path) -> tuple[list, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("select * exclude (ingested_at) from store.articles "
                               "order by article_id").fetchall()
        claims = con.execute("select * from store.claims order by claim_id").fetchall()
    return articles, claims


def test_pool_gives_the_rows_of_one_process(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(90):
        j = i % 30  # texts repeat: the first copy must win
        body = (f"Rund {1000 + 7 * j}.000 Soldaten sollen nach Angaben aus Seoul in Russland "
                f"sein, hieß es am Tag {j}.")
        (folder / f"{i:03d}.txt").write_text(
            f"url: https://www.dw.com/a/{i}\nlanguage: de\n---\n{body}\n", encoding="utf-8")
    monkeypatch.setenv("TRACKER_BATCH_SIZE", "25")
    one = ingest([folder], tmp_path / "one.duckdb", workers=1, progress=False)
    two = ingest([folder], tmp_path / "two.duckdb", workers=2, progress=False)
    assert (one.files, one.new, one.unchanged, one.claims) == (
        two.files, two.new, two.unchanged, two.claims) == (90, 30, 60, one.claims)
    assert _rows(tmp_path / "one.duckdb") == _rows(tmp_path / "two.duckdb")
