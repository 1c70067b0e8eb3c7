"""Each reader on real files in tmp_path, and metadata inference (outlet, date, language)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.errors import InputError
from tracker.ingest import Overrides, discover, process_file, read_path
from tracker.ingest.metadata import date_from_url, detect_language, outlet_from_url
from tracker.store import run_readonly_sql

GERMAN = (
    "Nach Angaben des südkoreanischen Geheimdienstes hat Nordkorea rund 11.000 Soldaten nach "
    "Russland geschickt. Die Truppen sollen in der Region Kursk eingesetzt werden, hieß es."
)
ENGLISH = (
    "The Pentagon said on Tuesday that about 10,000 North Korean troops had been sent to Russia "
    "and that some of them were moving toward the Kursk region, where fighting continues."
)


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(pages: list[list[str]]) -> bytes:
    """A small valid PDF whose pages show ``lines`` in Helvetica (a real text layer)."""
    font_id = 3 + 2 * len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(pages)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode()]
    for i, lines in enumerate(pages):
        shown = b" ".join(_pdf_string(line) + b" Tj T*" for line in lines)
        content = b"BT /F1 11 Tf 14 TL 72 760 Td " + shown + b" ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _one_article(path: Path, overrides: Overrides | None = None):
    result = process_file(path, overrides or Overrides())
    assert result.errors == []
    assert len(result.articles) == 1
    return result.articles[0]


def _claims_point_into_text(article) -> None:
    for claim in article.claims:
        assert article.text[claim.start:claim.end] == claim.text


def test_txt_with_header(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "url: https://www.spiegel.de/ausland/nordkorea-a-123.html\n"
        "published: 2024-10-23\ntitle: Nordkorea schickt Soldaten\nlanguage: de\n---\n"
        + GERMAN + "\n", encoding="utf-8")
    article = _one_article(path)
    assert article.url == "https://www.spiegel.de/ausland/nordkorea-a-123.html"
    assert article.outlet == "spiegel.de"
    assert article.published == date(2024, 10, 23)
    assert article.title == "Nordkorea schickt Soldaten"
    assert article.lang == "de"
    assert article.text == GERMAN
    assert any(claim.low == 11000 for claim in article.claims)
    _claims_point_into_text(article)


def test_header_outlet_wins_and_overrides_win_over_header(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nurl: https://news.bbc.co.uk/x\noutlet: BBC News\n---\n" + ENGLISH)
    assert _one_article(path).outlet == "BBC News"
    overridden = _one_article(path, Overrides(outlet="bbc", published=date(2025, 1, 2),
                                              lang="en", title="T", url="https://bbc.com/y"))
    assert (overridden.outlet, overridden.published, overridden.title, overridden.url) == (
        "bbc", date(2025, 1, 2), "T", "https://bbc.com/y")


def test_txt_without_header_takes_lone_url_and_drops_it(tmp_path: Path) -> None:
    path = tmp_path / "print.txt"
    path.write_text(
        "Nordkorea schickt weitere Truppen\n\nNach Angaben des Geheimdienstes hat\n"
        "Nordkorea rund 11.000 Solda-\nten nach Russland geschickt, die\n\n"
        "https://www.n-tv.de/politik/2024/11/05/nordkorea-article123.html\n\n"
        "in der Region Kursk kämpfen sollen.\n3\n")
    article = _one_article(path)
    assert article.url == "https://www.n-tv.de/politik/2024/11/05/nordkorea-article123.html"
    assert article.outlet == "n-tv.de"
    assert article.published == date(2024, 11, 5)  # from the address
    assert article.title == "Nordkorea schickt weitere Truppen"
    assert article.text == (
        "Nordkorea schickt weitere Truppen\n\nNach Angaben des Geheimdienstes hat Nordkorea rund "
        "11.000 Soldaten nach Russland geschickt, die in der Region Kursk kämpfen sollen.")
    _claims_point_into_text(article)


def test_seed_print_page(shared_dir: Path) -> None:
    article = _one_article(shared_dir / "seed" / "rp-online-nordkorea.txt")
    assert article.outlet == "rp-online.de"
    assert article.url.startswith("https://rp-online.de/politik/ausland/")
    assert "https://" not in article.text
    assert "US-Regierung" in article.text
    assert "auf der koreanischen Halbinsel" in article.text  # rejoined across the footer
    assert article.lang == "de"
    assert any(claim.low == 10000 or claim.high == 12000 for claim in article.claims)


def test_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Kim sends troops - The Example</title>"
        '<link rel="canonical" href="https://www.theguardian.com/world/2024/oct/29/korea">'
        '<meta property="article:published_time" content="2024-10-29T09:00:00Z"></head>'
        "<body><nav>Home | World</nav><script>var tracking = 1;</script><article>"
        f"<h1>Kim sends troops</h1><p>{ENGLISH}</p><p>{ENGLISH.replace('10,000', '12,000')}</p>"
        "</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    article = _one_article(path)
    assert article.url == "https://www.theguardian.com/world/2024/oct/29/korea"
    assert article.outlet == "theguardian.com"
    assert article.published == date(2024, 10, 29)
    assert article.title == "Kim sends troops"
    assert article.lang == "en"
    assert "tracking" not in article.text and "Home" not in article.text
    assert "10,000" in article.text
    _claims_point_into_text(article)


def test_pdf(tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(make_pdf([
        ["Nordkorea hat nach Angaben des Geheim-", "dienstes rund 11.000 Solda-",
         "ten nach Russland entsandt, die"],
        ["2", "in Kursk kämpfen. Die US-", "Regierung bestätigte die Zahl am Montag."],
    ]))
    article = _one_article(path, Overrides(url="https://www.faz.net/aktuell/x.html"))
    assert article.text == (
        "Nordkorea hat nach Angaben des Geheimdienstes rund 11.000 Soldaten nach Russland "
        "entsandt, die in Kursk kämpfen. Die US-Regierung bestätigte die Zahl am Montag.")
    assert article.outlet == "faz.net"
    assert article.lang == "de"
    _claims_point_into_text(article)


def test_truncated_pdf_and_pdf_without_text_layer(tmp_path: Path, db_path: Path) -> None:
    """Reliability (issue #5): both fail with one line and store nothing."""
    whole = make_pdf([["Rund 11.000 Soldaten wurden nach Russland geschickt, sagte er."]])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(whole[: len(whole) * 2 // 3])
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_pdf([[]]))
    errors = process_file(truncated).errors + process_file(scanned).errors
    assert [(e.source, e.reason.split(" (")[0]) for e in errors] == [
        (str(truncated), "not a readable PDF"),
        (str(scanned), "the PDF has no text layer"),
    ]
    result = CliRunner().invoke(cli, ["ingest", str(truncated), str(scanned), "--db",
                                      str(db_path), "--workers", "1"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert run_readonly_sql(db_path, "select count(*) from articles")[1] == [(0,)]


def test_jsonl_batch_keeps_good_lines_and_names_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"text": GERMAN, "url": "https://www.zeit.de/politik/a", "published":
                    "2024-10-29", "title": "A"}),
        "{not json",
        json.dumps({"text": ENGLISH, "url": "https://apnews.com/article/b", "language": "en"}),
        json.dumps({"url": "https://apnews.com/article/c"}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read_path(path))
    articles = [i for i in items if not isinstance(i, InputError)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [a.outlet for a in articles] == ["zeit.de", "apnews.com"]
    assert articles[0].published == date(2024, 10, 29) and articles[0].lang == "de"
    assert articles[1].lang == "en"
    assert [e.source for e in errors] == [f"{path}:2", f"{path}:4"]
    assert "not valid JSON" in str(errors[0]) and "text" in str(errors[1])


def test_csv_batch(tmp_path: Path) -> None:
    path = tmp_path / "batch.csv"
    path.write_text(
        "text,url,outlet,published,title,language\n"
        f'"{GERMAN}",https://www.dw.com/de/a-1,,2024-11-01,Titel,de\n'
        f'"{ENGLISH}",https://www.reuters.com/world/x,Reuters,not-a-date,,\n'
        f'"{ENGLISH} Again.",https://www.reuters.com/world/y,,,,\n', encoding="utf-8")
    result = process_file(path)
    assert [(a.outlet, a.published, a.lang) for a in result.articles] == [
        ("dw.com", date(2024, 11, 1), "de"), ("reuters.com", None, "en")]
    assert len(result.errors) == 1 and result.errors[0].source == f"{path}:3"
    assert "not a date" in str(result.errors[0])


def test_discover_recurses_sorted_and_reports_missing(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ("b/z.txt", "a.md", "b/c.html", "skip.docx", ".hidden.txt", "README.md",
                 "b/LICENSE.txt"):
        (tmp_path / name).write_text("x")
    errors: list[InputError] = []
    found = list(discover([tmp_path, tmp_path / "missing.txt"], errors))
    assert found == [tmp_path / "a.md", tmp_path / "b/c.html", tmp_path / "b/z.txt"]
    assert [e.source for e in errors] == [str(tmp_path / "missing.txt")]
    with pytest.raises(InputError, match="no such file"):
        list(discover([tmp_path / "missing.txt"]))


@pytest.mark.parametrize(("url", "outlet"), [
    ("https://rp-online.de/politik/ausland/x_aid-1", "rp-online.de"),
    ("http://news.bbc.co.uk/2/hi/europe/1.stm", "bbc.co.uk"),
    ("https://www.tagesschau.de/ausland/x.html", "tagesschau.de"),
    ("https://EN.YNA.CO.KR/view/AEN2024", "yna.co.kr"),
    ("not a url", None),
    (None, None),
])
def test_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_outlet_lookup_is_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    outlet_from_url.__globals__["_tld_extractor"].cache_clear()
    assert outlet_from_url("https://www.spiegel.de/a") == "spiegel.de"


@pytest.mark.parametrize(("url", "day"), [
    ("https://www.theguardian.com/world/2024/oct/29/x", None),
    ("https://www.zeit.de/politik/2024-11-05/nordkorea", date(2024, 11, 5)),
    ("https://apnews.com/2025/01/13/korea", date(2025, 1, 13)),
    ("https://x.de/article20241231.html", date(2024, 12, 31)),
    ("https://x.de/2024/13/45/nope", None),
])
def test_date_from_url(url: str, day: date | None) -> None:
    assert date_from_url(url) == day


def test_detect_language() -> None:
    assert detect_language(GERMAN) == "de"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Selon les services de renseignement, la Corée du Nord a envoyé "
                           "environ 11 000 soldats en Russie pour combattre.") == "und"
    assert detect_language("11.000") == "und"


def test_header_ignores_unknown_keys_and_needs_its_end_line(tmp_path: Path) -> None:
    with_author = tmp_path / "a.txt"
    with_author.write_text("Author: A. Writer\nURL: https://www.zeit.de/x\n---\n" + GERMAN)
    article = _one_article(with_author)
    assert (article.url, article.text) == ("https://www.zeit.de/x", GERMAN)
    no_header = tmp_path / "b.txt"
    no_header.write_text("Seoul: " + GERMAN + "\nurl: not a header without its end line\n")
    article = _one_article(no_header)
    assert article.text.startswith("Seoul: Nach Angaben") and article.url is None
    unknown_only = tmp_path / "c.txt"
    unknown_only.write_text("Kicker: Nordkorea\n---\n" + GERMAN)
    assert _one_article(unknown_only).text.startswith("Kicker: Nordkorea")


def test_file_results_cross_process_boundaries(tmp_path: Path) -> None:
    """process_file runs in process pools and Dask workers: its result, errors included, pickles."""
    import pickle

    (tmp_path / "batch.jsonl").write_text(json.dumps({"text": ENGLISH}) + "\n{broken\n")
    result = process_file(tmp_path / "batch.jsonl")
    copy = pickle.loads(pickle.dumps(result))
    assert copy.articles == result.articles and copy.articles[0].claims
    assert [str(e) for e in copy.errors] == [str(e) for e in result.errors]
    assert (copy.errors[0].source, copy.errors[0].reason) == (
        f"{tmp_path / 'batch.jsonl'}:2", result.errors[0].reason)


def test_pool_reports_failures_like_one_process(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ENGLISH)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "batch.jsonl").write_text(json.dumps({"text": GERMAN}) + "\n{broken\n")
    outcomes = []
    for workers in ("2", "1"):
        db = tmp_path / f"w{workers}.duckdb"
        result = CliRunner().invoke(cli, ["ingest", str(tmp_path), "--db", str(db),
                                          "--workers", workers])
        outcomes.append((result.exit_code, sorted(result.stderr.splitlines()[:-1])))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == 1 and len(outcomes[0][1]) == 2
