"""Bad input: one clear line per failed input, nothing partial stored, the rest still ingested,
exit code 1 when some inputs failed and 2 when nothing could be read."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.store import SCHEMA_VERSION, open_store, run_readonly_sql

GOOD = ("url: https://www.dw.com/de/nordkorea/a-1\n---\nNach Angaben des Geheimdienstes hat "
        "Nordkorea rund 11.000 Soldaten nach Russland geschickt, hieß es am Montag.\n")
TRACKER = Path(sys.executable).with_name("tracker")


def ingest(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["ingest", *map(str, args), "--workers", "1"])
    return result.exit_code, result.stderr


def rows(db: Path, sql: str) -> list[tuple]:
    return run_readonly_sql(db, sql)[1]


def assert_one_line_failure(err: str, source: Path | str, reason: str) -> None:
    lines = [line for line in err.splitlines() if line.startswith("Error: ")]
    assert any(line.startswith(f"Error: {source}") and reason in line for line in lines), err
    assert "Traceback" not in err


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"  \n\n \n", "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary data"),
    "scripts.html": (b"<html><head><script>var a = 1;</script></head><body><script>"
                     b"document.write('x')</script><div></div></body></html>",
                     "no article text"),
    "corrupt.pdf": (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "not a readable PDF"),
    "notapdf.pdf": (b"this is plain text with a pdf name\n" * 20, "not a readable PDF"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_alone_fails_clearly_and_stores_nothing(
    tmp_path: Path, db_path: Path, name: str
) -> None:
    data, reason = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(data)
    code, err = ingest(path, "--db", db_path)
    assert code == 2
    assert_one_line_failure(err, path, reason)
    assert rows(db_path, "select count(*) from articles") == [(0,)]


def test_bad_inputs_do_not_stop_the_folder(tmp_path: Path, db_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, err = ingest(tmp_path, "--db", db_path)
    assert code == 1
    assert f"{len(BAD_FILES) + 1} files: 1 new, 0 unchanged, {len(BAD_FILES)} failed" in err
    assert rows(db_path, "select outlet from articles") == [("dw.com",)]


def test_cp1252_german_is_read_with_umlauts(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = ("Südkoreas Geheimdienst schätzt, dass rund 11.000 Soldaten für Russland kämpfen – "
            "„größtenteils“ in Kursk, heißt es.")
    path.write_bytes(text.encode("cp1252"))
    code, _ = ingest(path, "--db", db_path)
    assert code == 0
    assert rows(db_path, "select text, lang from articles") == [(text, "de")]


def test_utf8_with_bom_header_still_recognised(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    code, _ = ingest(path, "--db", db_path)
    assert code == 0
    [(text, url)] = rows(db_path, "select text, url from articles")
    assert not text.startswith("\ufeff") and text.startswith("Nach Angaben")
    assert url == "https://www.dw.com/de/nordkorea/a-1"


def test_jsonl_with_a_malformed_line_keeps_the_rest(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"text": GOOD.split("---\n")[1], "url": "https://www.dw.com/de/a-2"}
    lines = [json.dumps(good), '{"text": "unterminated', json.dumps(
        {**good, "text": "Another 3,000 troops were sent, officials said on Friday."})]
    path.write_text("\n".join(lines) + "\n")
    code, err = ingest(path, "--db", db_path)
    assert code == 1
    assert_one_line_failure(err, f"{path}:2", "not valid JSON")
    assert rows(db_path, "select count(*) from articles") == [(2,)]


def test_language_without_rules_is_und_and_digits_still_extracted(
    tmp_path: Path, db_path: Path
) -> None:
    path = tmp_path / "fr.txt"
    path.write_text("Selon les services de renseignement sud-coréens, la Corée du Nord a envoyé "
                    "environ 11000 soldats en Russie, a-t-on appris lundi.")
    code, _ = ingest(path, "--db", db_path)
    assert code == 0
    assert rows(db_path, "select lang from articles") == [("und",)]
    assert (11000.0,) in rows(db_path, "select low from claims")


def test_missing_path(tmp_path: Path, db_path: Path) -> None:
    code, err = ingest(tmp_path / "nope.txt", "--db", db_path)
    assert code == 2
    assert_one_line_failure(err, tmp_path / "nope.txt", "no such file or folder")
    (tmp_path / "good.txt").write_text(GOOD)
    code, err = ingest(tmp_path / "nope", tmp_path / "good.txt", "--db", db_path)
    assert code == 1


def test_database_that_is_not_duckdb(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("my notes\n" * 1000)
    (tmp_path / "good.txt").write_text(GOOD)
    code, err = ingest(tmp_path / "good.txt", "--db", db)
    assert code == 2
    assert err == f"Error: {db}: not a DuckDB database file\n"
    assert db.read_text() == "my notes\n" * 1000


def test_database_of_a_newer_schema_is_refused(tmp_path: Path, db_path: Path) -> None:
    with open_store(db_path) as store:
        store.con.execute("INSERT INTO store.schema_version (version) VALUES (?)",
                          [SCHEMA_VERSION + 3])
    (tmp_path / "good.txt").write_text(GOOD)
    code, err = ingest(tmp_path / "good.txt", "--db", db_path)
    assert code == 2
    assert err == (f"Error: {db_path} was written by schema version {SCHEMA_VERSION + 3}; this "
                   f"tracker supports up to {SCHEMA_VERSION} — upgrade tracker\n")


def test_folder_without_supported_files(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "a.docx").write_text("x")
    code, err = ingest(tmp_path, "--db", db_path)
    assert code == 2 and "no supported files" in err


def _peak_rss_mb(*args: str | Path) -> float:
    """Peak resident memory of a real ``tracker ingest`` process (run in a child of a child, so
    RUSAGE_CHILDREN of the measuring child sees only it)."""
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "assert done.returncode == 0, done.stderr\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(TRACKER), "ingest", *map(str, args),
                          "--no-progress"], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def _write_large_text(path: Path, megabytes: int) -> None:
    rng = random.Random(5)
    prose = ["Die Lage an der Front bleibt nach Angaben von Beobachtern unübersichtlich.",
             "Die Regierung äußerte sich am Abend nicht zu den Berichten aus Seoul.",
             "Beobachter rechnen damit, dass weitere Einheiten folgen könnten."]
    claim = "Nach Schätzungen kämpfen rund 11.000 Soldaten in der Region Kursk."
    with path.open("w", encoding="utf-8") as out:
        written, paragraph = 0, 0
        while written < megabytes << 20:
            lines = [" ".join(rng.choice(prose) for _ in range(2)) for _ in range(4)]
            paragraph += 1
            if paragraph % 400 == 0:
                lines.append(claim)
            block = "\n".join(lines) + "\n\n"
            written += out.write(block)


@pytest.mark.slow
def test_50mb_text_file_is_ingested_in_bounded_memory(tmp_path: Path) -> None:
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(GOOD)
    _write_large_text(large, 50)
    baseline = _peak_rss_mb(small, "--db", tmp_path / "small.duckdb", "--workers", "1")
    # Parts of the large file are extracted in two worker processes; each process is measured.
    peak = _peak_rss_mb(large, "--db", tmp_path / "large.duckdb", "--workers", "2")
    # Holding the text even a few times over would add 150-500 MB on top of the baseline.
    assert peak - baseline < 160, (baseline, peak)
    [(articles, chars, claims)] = rows(
        tmp_path / "large.duckdb",
        "select count(*), sum(length(text)), (select count(*) from claims) from articles")
    assert articles >= 50 and chars > 50_000_000 * 0.95
    assert claims > 0


def test_mostly_utf8_with_a_broken_byte_stays_utf8(tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    text = "Südkoreas Geheimdienst schätzt, dass rund 11.000 Soldaten für Russland kämpfen."
    path.write_bytes(text.encode("utf-8") + b" Kaputt: \xff. " + text.encode("utf-8"))
    code, _ = ingest(path, "--db", db_path)
    assert code == 0
    [(stored,)] = rows(db_path, "select text from articles")
    assert stored == f"{text} Kaputt: \ufffd. {text}"
