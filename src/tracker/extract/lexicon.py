"""Language knowledge, loaded from ``extract/lang/<code>/*.toml`` and validated once.

Every language folder has the same file names and keys; the engine only ever sees a ``Lexicon``.
A bad or missing entry raises ``ConfigError`` naming the file and the key, at load time.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError

LANG_DIR = Path(__file__).parent / "lang"
DATA_FILES = ("numbers", "qualifiers", "units", "sources", "hedges", "negatives", "sentences")
BOUND_KINDS = ("lower_bound", "upper_bound", "approx")


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """Language folders with data, except the neutral fallback ``und``."""
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and p.name != "und"))


def phrase_alternation(phrases: Iterable[str], *, flexible_space: bool = True) -> str:
    """A regex matching any of the literal phrases, the longest where several fit ("mehr als"
    over "mehr"). Built as a trie (shared prefixes factored out): a flat alternation of
    hundreds of words is tried word by word at every position and is ~10x slower."""
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        if phrase:
            node = trie
            for char in phrase:
                node = node.setdefault(char, {})
            node[""] = {}
    return _trie_pattern(trie, flexible_space) if trie else r"(?!x)x"


def _trie_pattern(node: dict[str, Any], flexible_space: bool) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " and flexible_space else re.escape(char)
        branches.append(piece + _trie_pattern(node[char], flexible_space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def word_bounded(alternation: str) -> str:
    """Whole-word match for phrases that may start or end with punctuation ("ca.", "$")."""
    return rf"(?<![\w])(?:{alternation})(?![\w])"


class _Data:
    """One TOML file's content with typed, validated access (errors name file and key)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: language data file is missing") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path}: not valid TOML ({err})") from None

    def _fail(self, key: str, reason: str) -> ConfigError:
        return ConfigError(f"{self.path}: key {key!r} {reason}")

    def get(self, key: str) -> Any:
        node: Any = self.raw
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise self._fail(key, "is missing")
            node = node[part]
        return node

    def words(self, key: str) -> list[str]:
        value = self.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise self._fail(key, "must be a list of non-empty strings")
        return [w.lower() for w in value]

    def string(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str):
            raise self._fail(key, "must be a string")
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if not isinstance(value, bool):
            raise self._fail(key, "must be true or false")
        return value

    def pattern(self, key: str) -> re.Pattern[str]:
        try:
            return re.compile(self.string(key))
        except re.error as err:
            raise self._fail(key, f"is not a valid regex ({err})") from None

    def numbers(self, key: str) -> dict[str, float]:
        table = self.get(key)
        if not isinstance(table, dict):
            raise self._fail(key, "must be a table of word = number")
        out = {}
        for word, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise self._fail(f"{key}.{word}", "must be a non-negative number")
            out[word.lower()] = float(value)
        return out

    def string_table(self, key: str) -> dict[str, str]:
        table = self.get(key)
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise self._fail(key, "must be a table of text = text")
        return {k.lower(): v.lower() for k, v in table.items()}

    def word_table(self, key: str) -> dict[str, list[str]]:
        table = self.get(key)
        if not isinstance(table, dict):
            raise self._fail(key, "must be a table of name = [words]")
        return {name: self.words(f"{key}.{name}") for name in table}


@dataclass(frozen=True)
class Lexicon:
    """Everything the engine knows about one language, with its regexes compiled once."""

    code: str
    decimal: str
    groups: frozenset[str]
    decimal_words: frozenset[str]
    words: dict[str, float]
    scales: dict[str, float]
    currency_scales: dict[str, float]
    glued_scale_measures: frozenset[str]
    article_ones: frozenset[str]
    connectors: frozenset[str]
    half_words: frozenset[str]
    compound_only: frozenset[str]
    vague_before_scale: frozenset[str]
    prefix_qualifiers: dict[str, str]
    suffix_qualifiers: dict[str, str]
    range_connectors: dict[str, frozenset[str]]
    bound_joiners: frozenset[str]
    about_word: str
    about_after: frozenset[str]
    unit_forms: dict[str, str]
    unit_suffixes: tuple[tuple[str, str], ...]
    prefix_symbols: dict[str, str]
    compound_suffixes: dict[str, str]
    events: dict[str, str]
    context_before: dict[str, str]
    count_phrases: frozenset[str]
    part_links: frozenset[str]
    event_targets: frozenset[str]
    per_words: frozenset[str]
    compound_measures: frozenset[str]
    plural_endings: tuple[tuple[str, str], ...]
    not_plural: tuple[str, ...]
    plural_stop: frozenset[str]
    capitalized_plural_unit: str | None
    before_source: tuple[str, ...]
    after_source: tuple[str, ...]
    compound_cue_prepositions: tuple[str, ...]
    compound_cue_nouns: tuple[str, ...]
    self_reference: tuple[str, ...]
    inverted_source: tuple[str, ...]
    source_phrase_words: frozenset[str]
    source_stop_words: frozenset[str]
    source_pronouns: frozenset[str]
    refers_back: tuple[str, ...]
    follow_up: tuple[str, ...]
    source_lowercase: re.Pattern[str]
    source_strip_after_cue: frozenset[str]
    source_head_capitalized: bool
    skip_near_cue: frozenset[str]
    not_source: frozenset[str]
    source_strip_leading: frozenset[str]
    generic_sources: frozenset[str]
    source_head_nouns: frozenset[str]
    place_links: frozenset[str]
    entity_links: frozenset[str]
    entity_adjective: re.Pattern[str]
    entity_stop_words: frozenset[str]
    hedges: tuple[str, ...]
    months: frozenset[str]
    weekdays: frozenset[str]
    year_words: frozenset[str]
    label_words: frozenset[str]
    counter_links: frozenset[str]
    time_words: frozenset[str]
    age_after: tuple[str, ...]
    age_before: tuple[str, ...]
    age_groups: frozenset[str]
    age_bounds: tuple[str, ...]
    age_units: frozenset[str]
    age_apposition: bool
    vague: frozenset[str]
    fractions: frozenset[str]
    sign_words: frozenset[str]
    sentence_starters: frozenset[str]
    pronoun_one_after: frozenset[str]
    pronoun_one_before: tuple[str, ...]
    abbreviations: frozenset[str]

    @functools.cached_property
    def before_source_set(self) -> frozenset[str]:
        return frozenset(self.before_source)

    @functools.cached_property
    def after_source_set(self) -> frozenset[str]:
        return frozenset(self.after_source)

    @functools.cached_property
    def regexes(self) -> Any:
        from tracker.extract.patterns import Patterns

        return Patterns(self)


def _invert(table: dict[str, list[str]], data: _Data, key: str) -> dict[str, str]:
    """{lemma: [forms]} -> {form: lemma}; a form listed under two lemmas is an error."""
    out: dict[str, str] = {}
    for lemma, forms in table.items():
        for form in forms:
            if out.get(form, lemma) != lemma:
                raise data._fail(f"{key}.{lemma}", f"repeats {form!r}, already under {out[form]!r}")
            out[form] = lemma
    return out


def _known_lemmas(data: _Data, key: str, unit_forms: dict[str, str]) -> frozenset[str]:
    """Unit lemmas named in a list; each must be a key of [nouns]."""
    names = data.words(key)
    known = set(unit_forms.values())
    for name in names:
        if name not in known:
            raise data._fail(key, f"names {name!r}, which is not a unit in [nouns]")
    return frozenset(names)


def _qualifier_table(data: _Data, key: str) -> dict[str, str]:
    table = data.word_table(key)
    unknown = set(table) - set(BOUND_KINDS)
    if unknown:
        raise data._fail(f"{key}.{sorted(unknown)[0]}", f"is not one of {BOUND_KINDS}")
    return _invert(table, data, key)


@functools.cache
def load_lexicon(code: str) -> Lexicon:
    """Load and validate ``lang/<code>/``; cached, so each language is read once per process."""
    folder = LANG_DIR / code
    if not folder.is_dir():
        raise ConfigError(f"{folder}: no language data folder for {code!r}")
    d = {name: _Data(folder / f"{name}.toml") for name in DATA_FILES}
    num, qual, units, src, neg = (
        d[k] for k in ("numbers", "qualifiers", "units", "sources", "negatives")
    )
    decimal = num.string("separators.decimal")
    if len(decimal) != 1:
        raise num._fail("separators.decimal", "must be one character")
    unit_forms = _invert(units.word_table("nouns"), units, "nouns")
    return Lexicon(
        code=code,
        decimal=decimal,
        groups=frozenset(num.words("separators.group")) - {decimal},
        decimal_words=frozenset(num.words("separators.decimal_words")),
        words=num.numbers("words"),
        scales=num.numbers("scales"),
        currency_scales=num.numbers("currency_scales"),
        glued_scale_measures=frozenset(num.words("rules.glued_scale_measures")),
        article_ones=frozenset(num.words("rules.article_ones")),
        connectors=frozenset(num.words("rules.connectors")),
        half_words=frozenset(num.words("rules.half_words")),
        compound_only=frozenset(num.words("rules.compound_only")),
        vague_before_scale=frozenset(num.words("rules.vague_before_scale")),
        prefix_qualifiers=_qualifier_table(qual, "prefix"),
        suffix_qualifiers=_qualifier_table(qual, "suffix"),
        range_connectors={
            opener: frozenset(conns)
            for opener, conns in qual.word_table("ranges.connectors").items()
        },
        bound_joiners=frozenset(qual.words("ranges.bound_joiners")),
        about_word=qual.string("about.word").lower(),
        about_after=frozenset(qual.words("about.after")),
        unit_forms={f: lem for f, lem in unit_forms.items() if not f.startswith("*")},
        unit_suffixes=tuple((f[1:], lem) for f, lem in unit_forms.items() if f.startswith("*")),
        prefix_symbols=_invert(units.word_table("prefix_symbols"), units, "prefix_symbols"),
        compound_suffixes=_invert(
            units.word_table("compound_suffixes"), units, "compound_suffixes"
        ),
        events=_invert(units.word_table("events"), units, "events"),
        context_before=_invert(units.word_table("context_before"), units, "context_before"),
        count_phrases=frozenset(units.words("entity.count_phrases")),
        part_links=frozenset(units.words("entity.part_links")),
        event_targets=frozenset(units.words("event_targets.units")),
        per_words=frozenset(units.words("compound.per_words")),
        compound_measures=_known_lemmas(units, "compound.measures", unit_forms),
        plural_endings=tuple(
            sorted(units.string_table("plurals.endings").items(), key=lambda e: -len(e[0]))
        ),
        not_plural=tuple(units.words("plurals.not_plural")),
        plural_stop=frozenset(units.words("plurals.stop")),
        capitalized_plural_unit=units.string("plurals.capitalized") or None,
        before_source=tuple(src.words("before_source")),
        after_source=tuple(src.words("after_source")),
        compound_cue_prepositions=tuple(src.words("compound_cue_prepositions")),
        compound_cue_nouns=tuple(src.words("compound_cue_nouns")),
        self_reference=tuple(src.words("self_reference")),
        inverted_source=tuple(src.words("inverted")),
        source_phrase_words=frozenset(src.words("phrase_words")),
        source_stop_words=frozenset(src.words("stop_words")),
        source_pronouns=frozenset(src.words("pronouns")),
        refers_back=tuple(src.words("refers_back")),
        follow_up=tuple(src.words("follow_up")),
        source_lowercase=src.pattern("lowercase_word"),
        source_strip_after_cue=frozenset(src.words("strip_after_cue")),
        source_head_capitalized=src.flag("head_capitalized"),
        skip_near_cue=frozenset(src.words("skip_near_cue")),
        not_source=frozenset(src.words("not_source")),
        source_strip_leading=frozenset(src.words("strip_leading")),
        generic_sources=frozenset(src.words("generic")),
        source_head_nouns=frozenset(src.words("head_nouns")),
        place_links=frozenset(src.words("place_links")),
        entity_links=frozenset(units.words("entity.links")),
        entity_adjective=units.pattern("entity.adjective"),
        entity_stop_words=frozenset(units.words("entity.stop_words")),
        hedges=tuple(d["hedges"].words("words")),
        months=frozenset(neg.words("months")),
        weekdays=frozenset(neg.words("weekdays")),
        year_words=frozenset(neg.words("year_words")),
        label_words=frozenset(neg.words("label_words")),
        counter_links=frozenset(neg.words("counter_links")),
        time_words=frozenset(neg.words("time_words")),
        age_after=tuple(neg.words("age_after")),
        age_before=tuple(neg.words("age_before")),
        age_groups=frozenset(neg.words("age_groups")),
        age_bounds=tuple(neg.words("age_bounds")),
        age_units=frozenset(neg.words("age_units")),
        age_apposition=neg.flag("age_apposition"),
        vague=frozenset(neg.words("vague")),
        fractions=frozenset(neg.words("fractions")),
        sign_words=frozenset(num.words("rules.sign_words")),
        sentence_starters=frozenset(neg.words("sentence_starters")),
        pronoun_one_after=frozenset(neg.words("pronoun_one_after")),
        pronoun_one_before=tuple(neg.words("pronoun_one_before")),
        abbreviations=frozenset(d["sentences"].words("abbreviations")),
    )
