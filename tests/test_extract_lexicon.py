"""Language data: the same files per language, validated at load; errors name file and key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.extract import lexicon
from tracker.extract.engine import extract_claims
from tracker.extract.lexicon import DATA_FILES, LANG_DIR, load_lexicon
from tracker.extract.meaning import load_concepts


def test_every_language_folder_has_the_same_files() -> None:
    """The lexicon's files, and any other data file (read by another package), in every folder."""
    folders = [p for p in LANG_DIR.iterdir() if p.is_dir()]
    assert {p.name for p in folders} >= {"de", "en", "und"}
    expected = sorted(p.stem for p in folders[0].glob("*.toml"))
    assert set(expected) >= set(DATA_FILES)
    for folder in folders:
        assert sorted(p.stem for p in folder.glob("*.toml")) == expected, folder


@pytest.mark.parametrize("code", ["de", "en", "und"])
def test_shipped_data_loads_and_compiles(code: str) -> None:
    lex = load_lexicon(code)
    assert lex.code == code
    assert lex.regexes.unit_phrase is not None


@pytest.fixture()
def lang_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the language folders, so a test can break or add one."""
    target = tmp_path / "lang"
    shutil.copytree(LANG_DIR, target)
    monkeypatch.setattr(lexicon, "LANG_DIR", target)
    caches = (lexicon.load_lexicon, lexicon.supported_languages, load_concepts)
    for cached in caches:
        cached.cache_clear()
    yield target
    for cached in caches:
        cached.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "key"),
    [
        ("numbers.toml", "zwei = 2", 'zwei = "two"', "words.zwei"),
        ("numbers.toml", 'decimal = ","', 'decimal = ",,"', "separators.decimal"),
        ("qualifiers.toml", "approx = [", "sometimes = [", "prefix.sometimes"),
        ("units.toml", 'child = ["kinder"', 'child = ["soldaten"', "nouns.child"),
        ("units.toml", 'adjective = "[a-z', 'adjective = "(?P<[a-z', "entity.adjective"),
        ("hedges.toml", "words = [", "woerter = [", "words"),
        # the number layer's tables are validated at load too, not on first use
        ("numbers.toml", "halbe = 2", "halbe = -2", "fractions.halbe"),
        ("numbers.toml", "fraction_links = []", "fraction_links = [1]",
         "number_layer.fraction_links"),
        ("numbers.toml", 'group = [".",', 'group = ["..",', "separators.group"),
        ("negatives.toml", "clock_after = 'Uhr", "clock_after = '(Uhr", "clock_after"),
        ("language.toml", "function_words = [", "function_woerter = [", "function_words"),
    ],
)
def test_a_bad_entry_names_file_and_key(
    lang_copy: Path, file: str, old: str, new: str, key: str
) -> None:
    _edit(lang_copy / "de" / file, old, new)
    with pytest.raises(ConfigError) as err:
        load_lexicon("de")
    message = str(err.value)
    assert file in message and repr(key) in message and "\n" not in message


def test_a_missing_file_is_named(lang_copy: Path) -> None:
    (lang_copy / "en" / "hedges.toml").unlink()
    with pytest.raises(ConfigError, match="hedges.toml"):
        load_lexicon("en")


def test_a_new_language_is_a_data_folder(lang_copy: Path) -> None:
    """French needs no code: copy the neutral folder and add a few words."""
    shutil.copytree(lang_copy / "und", lang_copy / "fr")
    _edit(lang_copy / "fr" / "numbers.toml", 'decimal = "."', 'decimal = ","')
    _edit(lang_copy / "fr" / "numbers.toml", "[words]", "[words]\ntrois = 3")
    _edit(lang_copy / "fr" / "units.toml", 'percent = ["%"]', 'percent = ["%", "pour cent"]')
    _edit(
        lang_copy / "fr" / "qualifiers.toml",
        'lower_bound = [">", ">="]',
        'lower_bound = [">", ">=", "plus de"]',
    )
    assert "fr" in lexicon.supported_languages()
    claims = extract_claims("Plus de 2,5 pour cent et trois soldats.", load_lexicon("fr"))
    assert [(c.low, c.kind, c.unit) for c in claims] == [
        (2.5, "lower_bound", "percent"),
        (3.0, "point", None),
    ]


def test_the_number_layer_reads_the_validated_lexicon(lang_copy: Path) -> None:
    """[fractions] comes from the loaded record: a change in the file shows after a reload."""
    _edit(lang_copy / "de" / "numbers.toml", "halbe = 2", "halbe = 2\nfuenftel = 5")
    assert load_lexicon("de").numbers.fractions["fuenftel"] == 5.0


def test_not_after_alternation_matches_as_the_look_behind_first() -> None:
    """The look-behind moved after a phrase's first character finds the same matches as the
    pattern that opens with it, in whole texts and in windows (the look-behind sees before
    the window), with few first characters (moved) and many (kept first)."""
    import random
    import re

    from tracker.extract.lexicon import not_after_alternation, phrase_alternation

    rng = random.Random(7)
    phrase_sets = [
        ["grow", "grows", "grew"],
        ["between the", "between"],
        ["so far", "sofort", "$ each", "-fold"],
        ["alpha", "beta", "gamma", "delta", "omega"],
    ]
    letters = "growbetn hfsa$-_1ä\n"
    for phrases in phrase_sets:
        for flexible in (True, False):
            alternation = phrase_alternation(phrases, flexible_space=flexible)
            old = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])")
            new = re.compile(
                not_after_alternation(phrases, r"\w-", flexible_space=flexible) + r"(?![\w])"
            )
            for _ in range(3000):
                text = "".join(rng.choice(letters) for _ in range(30)) + rng.choice(phrases)
                text += rng.choice(["", "s", " ", "-x"])
                lo = rng.randint(0, len(text))
                spans_old = [m.span() for m in old.finditer(text, lo)]
                assert spans_old == [m.span() for m in new.finditer(text, lo)], text
    assert re.compile(not_after_alternation([], r"\w")).search("anything") is None
