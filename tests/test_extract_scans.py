"""The faster per-text scans find exactly what the plain regex scans find (issue #14)."""

from __future__ import annotations

import random

import pytest

from tracker.extract.lexicon import load_lexicon
from tracker.extract.number_layer import _fraction_words, layer_data
from tracker.extract.patterns import URL, url_spans

URL_TEXTS = [
    "",
    "No address here, only 12 soldiers.",
    "Read more at https://example.org/report-2024 and www.Agency.GOV/figures today.",
    "Write to press@ministry.example or call; the page is stats-office.de/table/3.",
    "Mail x@y@z, then foo.com.de and bar-baz.DEMOCRACY and index.html?id=7.",
    "the web:HTTP://A.B/c@d e-mail: ab@cd (see a.php) -x.net- ſite.com",
]

FRACTION_TEXTS = {
    "en": [
        "Two thirds of the 300 homes and a half of the rest were hit.",
        "Headquarters said one quarter - quarterly figures - rose by a fifth.",
        "ONE HUNDRED FIFTH, twenty-fifths and three  -  quarters on behalf of them.",
        "The thirdſ and HALVEſ forms fold differently; İstanbul has a half too.",
    ],
    "de": [
        "Zwei Drittel der Häuser und ein halbes Dorf, drei Viertel davon im Süden.",
        "Fünftel-Anteile, zehntel und HALBE Sachen: ein Tausendstel bleibt.",
        "Die Straße ſteht halb leer, ein Achtel fehlt.",
    ],
    "und": ["Nothing to find: 1/2 and ½."],
}


@pytest.mark.parametrize("text", URL_TEXTS)
def test_url_spans_match_the_joined_pattern(text: str) -> None:
    assert url_spans(text) == [m.span() for m in URL.finditer(text)]


def test_url_spans_match_on_random_mixtures() -> None:
    pieces = ["http", "S://", "www.", "@", ".de", ".COM", ".htm", "l", "/x", "a-b", " ", "\n", "ſ"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert url_spans(text) == [m.span() for m in URL.finditer(text)], text


def _spans(matches: list) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [(m.span(), m.span(1)) for m in matches]


@pytest.mark.parametrize("lang", sorted(FRACTION_TEXTS))
def test_fraction_words_match_the_plain_scan(lang: str) -> None:
    data = layer_data(load_lexicon(lang))
    for text in FRACTION_TEXTS[lang]:
        expected = _spans(list(data.fraction_word.finditer(text)))
        assert _spans(_fraction_words(text, data)) == expected, text


def test_fraction_words_found_in_a_sentence() -> None:
    data = layer_data(load_lexicon("en"))
    text = "Two thirds voted, a quarter abstained."
    assert [m.group(1) for m in _fraction_words(text, data)] == ["thirds", "quarter"]


DIGIT_TEXTS = [
    "Some 12,345 troops, 1.234.567 euros, 12 000 people and 1,5 Prozent on 2024-05-06.",
    "EUR45m, RM4.85, G7, Su-34, 12,34,567.89 rupees, 1,23,456 and x1.5; 3.14.15 or 7'500'000.",
    "١٢ and ² and 12\u00a0000 and 12\u202f000, _5, .5, 5., 100,000.5.",
]


@pytest.mark.parametrize("lang", ["de", "en", "und"])
def test_digit_scan_matches_the_pattern_as_written(lang: str) -> None:
    pats = load_lexicon(lang).regexes
    for text in DIGIT_TEXTS:
        for pos in range(len(text)):
            found = [(m.span(), m.group("sep")) for m in pats.digits.finditer(text, pos)]
            plain = [(m.span(), m.group("sep")) for m in pats.digits_plain.finditer(text, pos)]
            assert found == plain, (text, pos)
