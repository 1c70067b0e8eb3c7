"""`tracker synth`: deterministic, varied, in the corpus file format."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from tracker.cli import cli
from tracker.synth import iter_corpus, synth_article, write_corpus

HEADER = re.compile(
    r"\Aurl: https://www\.(?P<outlet>[^/\s]+)/\S+\.html\noutlet: (?P=outlet)\n"
    r"published: (?P<published>\d{4}-\d{2}-\d{2})\ntitle: .+\nlanguage: (?P<lang>de|en)\n---\n"
)


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 30, seed=7)
    write_corpus(tmp_path / "b", 30, seed=7)
    write_corpus(tmp_path / "c", 30, seed=8)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.txt"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.txt"))
    assert len(files_a) == 30 and files_a == files_b
    for f in files_a:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
    texts_c = {p.read_text() for p in (tmp_path / "c").rglob("*.txt")}
    assert not texts_c & {(tmp_path / "a" / f).read_text() for f in files_a}


def test_any_article_can_be_regenerated_alone() -> None:
    corpus = list(iter_corpus(50, seed=3))
    assert corpus[37] == synth_article(3, 37)


def test_files_have_the_corpus_header_format(tmp_path: Path) -> None:
    write_corpus(tmp_path, 40, seed=1)
    for path in tmp_path.rglob("*.txt"):
        text = path.read_text(encoding="utf-8")
        match = HEADER.match(text)
        assert match, text[:300]
        assert path.name.startswith(match["published"])
        body_words = len(text[match.end() :].split())
        assert 40 <= body_words <= 400


def test_corpus_is_varied_like_real_news() -> None:
    corpus = list(iter_corpus(400, seed=0))
    assert {a.lang for a in corpus} == {"de", "en"}
    assert len({a.outlet for a in corpus}) >= 16
    days = sorted(a.published for a in corpus)
    assert days[0] < date(2024, 3, 1) and days[-1] > date(2025, 10, 31)
    de = " ".join(a.body for a in corpus if a.lang == "de")
    en = " ".join(a.body for a in corpus if a.lang == "en")
    # number formats, ranges, qualifiers, hedges, sources in both languages
    assert re.search(r"\b\d{1,3}\.\d{3}\b", de) and re.search(r"\b\d{1,3} \d{3}\b", de)
    assert re.search(r"\d,\d+ Millionen", de) and "tausend " in de
    assert re.search(r"\b\d{1,3},\d{3}\b", en) and re.search(r"\d\.\d+ million", en)
    assert " thousand " in en
    assert re.search(r"zwischen \S+ und \S+", de) and re.search(r"between \S+ and \S+", en)
    for word in ("mehr als", "bis zu", "rund", "soll", "laut"):
        assert word in de
    for word in ("more than", "up to", "at least", "reportedly", "according to"):
        assert word in en
    assert "Regiment" in de and "percent" in en


def test_some_articles_are_syndicated_copies() -> None:
    corpus = list(iter_corpus(300, seed=0))
    bodies = [a.body for a in corpus]
    copies = len(bodies) - len(set(bodies))
    assert 1 <= copies <= 30


def test_cli_writes_articles_and_refuses_a_used_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "corpus"
    result = runner.invoke(cli, ["synth", "--articles", "1200", "--out", str(out), "--seed", "2"])
    assert result.exit_code == 0, result.output
    assert "1,200 articles" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["0000", "0001"]
    assert len(list(out.rglob("*.txt"))) == 1200
    again = runner.invoke(cli, ["synth", "--articles", "5", "--out", str(out)])
    assert again.exit_code == 2
    assert again.output.startswith("Error: ") and str(out) in again.output
    assert len(again.output.strip().splitlines()) == 1
