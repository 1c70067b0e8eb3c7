"""Print-text normalisation: the stored text that claim offsets point into."""

from __future__ import annotations

import pytest

from tracker.ingest.normalize import PrintNormalizer, join_hyphenated, normalize_print_text


@pytest.mark.parametrize(("left", "right", "joined"), [
    ("Solda-", "ten", "Soldaten"),
    ("US-", "Regierung", "US-Regierung"),       # all-caps prefix: a real hyphen
    ("Ukraine-", "Konflikt", "Ukraine-Konflikt"),  # capitalised continuation: a real hyphen
    ("25-", "jährige", "25-jährige"),           # number prefix
    ("Geheim-", "dienst", "Geheimdienst"),
    ("govern-", "ment", "government"),
])
def test_join_hyphenated(left: str, right: str, joined: str) -> None:
    assert join_hyphenated(left, right) == joined


def test_lines_of_a_paragraph_are_rejoined_and_paragraphs_kept() -> None:
    text = "Schlagzeile ohne Punkt\n\nErster Satz geht\nweiter. Zweiter\nSatz.\n\nNeuer Absatz."
    assert normalize_print_text(text) == (
        "Schlagzeile ohne Punkt\n\nErster Satz geht weiter. Zweiter Satz.\n\nNeuer Absatz.")


def test_page_furniture_is_dropped_and_urls_remembered() -> None:
    normalizer = PrintNormalizer()
    lines = ["Die Zahl der Solda-", "ten stieg auf", "", "Seite 2 von 3", "", "- 2 -", "12",
             "https://www.example.de/a/b", "", "Page 3 of 3", "rund 11.000.", "",
             "www.example.de/other"]
    assert list(normalizer.paragraphs(lines)) == ["Die Zahl der Soldaten stieg auf rund 11.000."]
    assert normalizer.urls == ["https://www.example.de/a/b", "www.example.de/other"]


def test_paragraph_split_by_page_break_is_rejoined_only_mid_sentence() -> None:
    assert normalize_print_text("Er sagte, dass\n\n\nweitere kommen.") == (
        "Er sagte, dass weitere kommen.")
    assert normalize_print_text("Ende.\n\nneuer Absatz klein.") == (
        "Ende.\n\nneuer Absatz klein.")
    assert normalize_print_text("Headline\n\nBody starts.") == "Headline\n\nBody starts."
    assert normalize_print_text("mit der US-\n\nRegierung") == "mit der US-Regierung"


def test_long_lines_ending_a_sentence_keep_their_break() -> None:
    first = "A paragraph written on one line that is clearly longer than any printed line. " * 2
    text = first.strip() + "\nSecond paragraph on its own line."
    assert normalize_print_text(text) == text


def test_markdown_structure_lines_stay_lines() -> None:
    text = "# Title\nIntro line\n- one\n- two"
    assert normalize_print_text(text) == "# Title\nIntro line\n- one\n- two"


def test_whitespace_and_crlf() -> None:
    assert normalize_print_text("  a\tb  \r\nc  d \r\n") == "a b c d"
