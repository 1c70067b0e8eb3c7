"""Round 14, speed (issues #10 and #14): the memos and cheap gates added to extraction change no
result. Each gate is checked against the full reading it skips (the gate switched off), and the
behaviour behind it on sentences written for these tests.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from tracker.claimants.normalize import SEPARATOR, norms, tokenize
from tracker.extract import attribution, clause, extract, meaning
from tracker.extract.concepts import _plain_words_pattern, load_concepts
from tracker.extract.lexicon import load_lexicon
from tracker.extract.meaning import lower_text

_ALWAYS = re.compile("")  # a gate that never skips


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a verb and its particle apart: the split-verb gate finds the verb in the clause
        ("de", "Die Polizei nahm am Abend 170 Demonstranten fest.", ("person", "captured")),
        # an auxiliary after a state verb, a modal before one: the future gate lets them through
        ("de", "Die Zahl der Toten werde auf 300 steigen, hieß es.", ("person", "expected")),
        ("en", "Officials said the death toll will rise to 300.", ("person", "expected")),
        # no auxiliary at all: the gate skips the word-by-word reading, the state is the verb's
        ("en", "The mayor said 300 people were evacuated.", ("person", "displaced")),
    ],
)
def test_states_behind_the_gates(lang: str, sentence: str, expected: tuple[str, str]) -> None:
    claim = extract(sentence, lang)[0]
    assert (claim.concept, claim.state) == expected


_CLAUSES = {
    "en": [
        "the toll will rise to 300",
        "the toll could climb to 300",
        "the mayor said 300 people were evacuated",
        "willpower kept 300 people going",  # "will" inside a word: read, and no future
        "May 300 people were counted",  # a month: the gate lets it through, the words decide
        "the bill would be sent to 300 voters",
    ],
    "de": [
        "die Zahl werde auf 300 steigen",
        "die Zahl könnte auf 300 steigen",
        "zuletzt wurden 300 Menschen gezählt",
        "dass Nordkorea 5.000 Soldaten entsenden werde",
        "Der Sachschaden wird auf 300 Millionen Euro geschätzt",
        "Es sind 300 Menschen",
    ],
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_future_gate_agrees_with_reading_every_word(lang: str) -> None:
    concepts = load_concepts(lang)
    assert concepts.future_words is not None  # both languages' words are plain Latin
    ungated = dataclasses.replace(concepts, future_words=None)
    for text in _CLAUSES[lang]:
        texts = (text, lower_text(text))
        for span in ((0, len(text)), (4, len(text)), (0, len(text) // 2)):
            assert clause.future_tense(texts, concepts, span) == clause.future_tense(
                texts, ungated, span
            ), (text, span)


def test_plain_words_pattern() -> None:
    gate = _plain_words_pattern(frozenset({"will", "würde"}))
    assert gate is not None
    assert gate.search("the toll will rise") is not None
    assert gate.search("it würde steigen") is not None
    assert gate.search("willpower") is None  # a letter after it: no word of the list
    # a word whose lower case may differ from its letters' (a dotted capital, a final sigma)
    assert _plain_words_pattern(frozenset({"will", "İst"})) is None
    assert _plain_words_pattern(frozenset({"λόγος"})) is None
    # no words: nothing is ever found, as no word can be one of them
    empty = _plain_words_pattern(frozenset())
    assert empty is not None and empty.search("anything at all") is None


def test_split_verb_gate_agrees_with_reading_every_clause() -> None:
    lex = load_lexicon("de")
    concepts = load_concepts("de")
    ungated = dataclasses.replace(concepts, split_verbs=_ALWAYS)
    sentences = [
        "Die Polizei nahm am Abend 170 Demonstranten fest.",
        "Rund 2.000 Menschen nahmen an der Kundgebung teil.",
        "Die Polizei zählte 170 Demonstranten.",
        "Festgenommen wurden 170 Menschen, teilte die Polizei mit.",
    ]
    for sentence in sentences:
        claims = extract(sentence, "de")
        low = lower_text(sentence)
        for claim in claims:
            span = (claim.sentence_start, claim.sentence_start + len(claim.sentence))
            words = clause._state_words((sentence, low), concepts, span, claim)
            assert words == clause._state_words((sentence, low), ungated, span, claim)
        assert lex.code == "de"


def test_clause_word_memo_matches_state_of() -> None:
    concepts = load_concepts("en")
    extract("Officials said 300 people were killed, and 40 were wounded.", "en")
    assert concepts.raw_states  # filled by the clause reader
    for word, state in list(concepts.raw_states.items()):
        assert state == concepts.state_of(word.strip(clause.PUNCTUATION))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_share_noun_memo(lang: str) -> None:
    concepts = load_concepts(lang)
    words = ["turnout", "vote", "stimmen", "ja-stimmen", "wahlbeteiligung", "apples", "x"]
    first = [meaning._share_noun(w, concepts) for w in words]
    assert [meaning._share_noun(w, concepts) for w in words] == first
    fresh = dataclasses.replace(concepts, share_words={})
    assert [meaning._share_noun(w, fresh) for w in words] == first


def test_norms_cached_as_tokenized() -> None:
    for phrase, lang in (("the Interior Ministry", "en"), ("des Innenministeriums", "de")):
        expected = tuple(t.norm for t in tokenize(phrase, lang) if t.norm != SEPARATOR)
        assert norms(phrase, lang) == expected
        assert norms(phrase, lang) == expected  # the second answer comes from the cache


@pytest.mark.parametrize(
    "sentence",
    [
        "Nach vorläufigen Angaben starben mindestens 40 Menschen bei dem Unglück.",
        "Mindestens 40 Menschen starben, wie die Feuerwehr mitteilte.",
        "Nach Schätzungen der Helfer sind 4.000 Menschen auf der Flucht.",
        "Die Feuerwehr zählte am Morgen 40 Einsätze.",
    ],
)
def test_record_gate_agrees_with_the_full_scan(
    sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lex = load_lexicon("de")
    letters = attribution.sentence_letters(sentence, 0, len(sentence))
    gated = attribution.find_cues(sentence, 0, len(sentence), lex, letters)
    found = attribution._record_noun(lex).search(sentence) is not None
    assert attribution._may_name_record(letters, lex) or not found
    monkeypatch.setattr(attribution, "_may_name_record", lambda letters, lex: True)
    assert attribution.find_cues(sentence, 0, len(sentence), lex, letters) == gated


def test_record_cue_read() -> None:
    claim = extract("Nach vorläufigen Angaben starben mindestens 40 Menschen.", "de")[0]
    assert claim.source == "vorläufigen Angaben"


@pytest.mark.parametrize(
    ("lang", "sentence", "speaker"),
    [
        (
            "de",
            '"Nach ersten Daten sind mehr als 200 Menschen gestorben", schrieb der Gouverneur.',
            "Gouverneur",
        ),
        (
            "en",
            '"According to early data, more than 200 people have died," the governor wrote.',
            "the governor",
        ),
    ],
)
def test_quoted_speaker(lang: str, sentence: str, speaker: str) -> None:
    claim = extract(sentence, lang)[0]
    assert claim.source == speaker
