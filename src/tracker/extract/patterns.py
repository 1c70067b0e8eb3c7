"""The regexes of one language, compiled once from its Lexicon (no literal words live here)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tracker.extract.lexicon import phrase_alternation, word_bounded

if TYPE_CHECKING:
    from tracker.extract.lexicon import Lexicon

_I = re.IGNORECASE
# A digit numeral: grouped thousands ("10.000", "12 000", "1,234,567.5") or plain ("1,5", "42").
# The group separator must repeat identically and every group has exactly three digits.
DIGITS = re.compile(
    r"(?<![\w.,'’])(?:\d{1,3}(?P<sep>[.,'’ \u00a0\u202f])\d{3}(?!\d)(?:(?P=sep)\d{3}(?!\d))*"
    r"(?:[.,]\d++(?![.,]\d))?|\d++(?:[.,]\d++(?![.,]\d))?)"
)
URL = re.compile(
    r"(?:https?://|www\.)\S++|(?<!\S)[^\s@]++@[^\s@]++"
    r"|(?<![\w-])[\w-]++\.(?:de|com|org|net|html?|php)(?:/\S*+)?",
    _I,
)
CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:Uhr|h\b|a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}(?![\d,])", _I)
NUMERIC_DATE = re.compile(
    r"\b\d{1,4}(?P<date_sep>[./-])\d{1,2}(?P=date_sep)\d{1,4}\b|\b(?:1[89]|20)\d{2}-\d{2}\b"
    r"|\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?!\d)"
)
PHONE = re.compile(r"\+\s?\d[\d\s/()-]{6,}\d|\(0\d+\)\s?[\d\s-]{4,}\d")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th|te|ten|ter|tes|sten)\b", _I)
# Words keep inner apostrophes, dots and hyphens ("Korea's", "U.S", "UN-Flüchtlingshilfswerk").
WORD = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")


_TOKEN = re.compile(r"\w+\.?|[^\w\s]")
Tokens = list[tuple[str, int]]


_TAIL = 48  # every look-behind window in the engine is at most this long


def tail_tokens(text: str, start: int, end: int) -> Tokens:
    """Lower-cased tokens of ``text[start:end]`` with their offsets, for phrase look-ups.

    The windows before one number are asked for several times (negatives, sign, currency,
    qualifier, range opener): short windows are cut from one cached window per position.
    """
    if end - start > _TAIL:
        return [(m.group().lower(), m.start()) for m in _TOKEN.finditer(text, start, end)]
    return [t for t in _window_tokens(text, end) if t[1] >= start]


@functools.lru_cache(maxsize=256)
def _window_tokens(text: str, end: int) -> tuple[tuple[str, int], ...]:
    start = max(0, end - _TAIL)
    tokens = tuple([(m.group().lower(), m.start()) for m in _TOKEN.finditer(text, start, end)])
    # a token cut by the window edge is not a word of its own
    if tokens and tokens[0][1] == start and start > 0 and text[start - 1].isalnum():
        tokens = tokens[1:]
    return tokens


class PhraseSet:
    """Phrases recognised by the tokens that end a window: a dict look-up per phrase length,
    much faster than an end-anchored regex alternation searched at every position."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases: dict[tuple[str, ...], str] = {}
        for phrase in phrases:
            key = tuple(t for t, _ in tail_tokens(phrase, 0, len(phrase)))
            if key:
                self.phrases[key] = phrase
        self.lengths = sorted({len(k) for k in self.phrases}, reverse=True)
        self.last_words = {k[-1] for k in self.phrases}

    def ending(self, tokens: Tokens) -> tuple[str, int] | None:
        """The longest phrase the tokens end with, and the offset where it starts."""
        if not tokens or tokens[-1][0] not in self.last_words:
            return None
        for n in self.lengths:
            if n <= len(tokens):
                phrase = self.phrases.get(tuple([t for t, _ in tokens[-n:]]))
                if phrase is not None:
                    return phrase, tokens[-n][1]
        return None


class Patterns:
    """Compiled regexes for one language, built from the data in its folder."""

    def __init__(self, lex: Lexicon) -> None:
        self._build_numbers(lex)
        self._build_qualifiers(lex)
        self._build_units(lex)
        self._build_context(lex)

    def _build_numbers(self, lex: Lexicon) -> None:
        alpha_scales = {w for w in lex.scales if w.isalpha() and len(w) > 3}
        atoms = set(lex.words) | alpha_scales | lex.connectors | lex.decimal_words
        starts = atoms - lex.connectors - lex.decimal_words - lex.compound_only
        atom_alt = phrase_alternation(atoms, flexible_space=False)
        start_alt = phrase_alternation(starts, flexible_space=False)
        self.number_atom = re.compile(atom_alt, _I)
        # A run of spelled-number atoms, glued ("zweihundertsechs") or spaced/hyphened
        # ("twenty-one thousand"); ``tail`` holds letters glued after it ("dreiminütigen").
        self.word_run = re.compile(
            rf"(?<![\w-])(?:{start_alt})(?:(?:\s*+-\s*+|\s++|)(?:{atom_alt}))*(?P<tail>[^\W\d_]*+)",
            _I,
        )
        self.scale_after = re.compile(
            rf"(?P<space>\s?)(?P<scale>{phrase_alternation(lex.scales)})(?![\w])", _I
        )
        self.currency_scale = re.compile(
            rf"(?:{phrase_alternation(lex.currency_scales)})(?![\w])", _I
        )
        # after a glued "100m": a word that keeps it a length ("100m final", "a 100m-long")
        self.glued_measure = re.compile(
            rf"(?:\s+|-)(?:{phrase_alternation(lex.glued_scale_measures)})(?![\w])", _I
        )
        self.half_before = re.compile(rf"(?<![\w])(?:{phrase_alternation(lex.half_words)})\s+$", _I)
        self.article_before = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(lex.article_ones)})\s+$", _I
        )
        self.vague_before = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(lex.vague_before_scale | lex.vague)})\s+$", _I
        )
        self.pronoun_one_after = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(lex.pronoun_one_after)})\s+$", _I
        )
        self.sign_set = PhraseSet(lex.sign_words)
        self.sign_hint = re.compile(phrase_alternation(lex.sign_words), _I)
        self.pronoun_one_before = re.compile(
            rf"\s*(?:{phrase_alternation(lex.pronoun_one_before)})(?![\w])", _I
        )

    def _build_qualifiers(self, lex: Lexicon) -> None:
        prefix = lex.prefix_qualifiers
        suffix = lex.suffix_qualifiers
        self.suffix_qualifier = re.compile(
            rf"(?P<gap>\s*+)(?P<q>{phrase_alternation(suffix)})(?![\w])", _I
        )
        connectors = set().union(*lex.range_connectors.values()) if lex.range_connectors else set()
        self.range_gap = re.compile(rf"\s*(?P<conn>{phrase_alternation(connectors)})\s*$", _I)
        self.bound_joiner = re.compile(rf"\s*(?:{phrase_alternation(lex.bound_joiners)})\s*", _I)
        openers = [o for o in lex.range_connectors if o]
        self.opener_set = PhraseSet(openers)
        self.qualifier_set = PhraseSet(prefix)
        self.qualifier_at = re.compile(rf"(?:{phrase_alternation(prefix)})(?![\w])", _I)
        self.about_set = PhraseSet(lex.about_after)

    def _build_units(self, lex: Lexicon) -> None:
        forms = list(lex.unit_forms)
        self.unit_phrase = re.compile(
            rf"(?P<gap>\s*+-?\s*+)(?P<unit>{phrase_alternation(forms)})(?![\w])", _I
        )
        self.symbol_set = PhraseSet(lex.prefix_symbols)
        self.part_link = re.compile(rf"\s+(?:{phrase_alternation(lex.part_links)})\s+", _I)
        self.prefix_symbol = re.compile(
            rf"(?:(?<![\w])|(?<=\d))(?P<sym>{phrase_alternation(lex.prefix_symbols)})\s?$", _I
        )
        self.event = re.compile(word_bounded(phrase_alternation(lex.events)), _I)
        self.context_before = re.compile(
            word_bounded(phrase_alternation(set(lex.context_before) | lex.count_phrases)), _I
        )

    def _build_context(self, lex: Lexicon) -> None:
        self.hedge = re.compile(word_bounded(phrase_alternation(lex.hedges)), _I)
        self.refers_back = re.compile(word_bounded(phrase_alternation(lex.refers_back)), _I)
        self.follow_up = re.compile(
            rf"[\"„“»«(]?(?:{phrase_alternation(lex.follow_up)})(?![\w])", _I
        )
        # "nach UN-Angaben": the source is the start of the compound
        self.self_reference = re.compile(word_bounded(phrase_alternation(lex.self_reference)), _I)
        self.compound_cue = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(lex.compound_cue_prepositions)})\s+"
            rf"(?P<source>[^\W\d_][\w]*?)-?(?:{phrase_alternation(lex.compound_cue_nouns)})(?![\w])",
            _I,
        )
        # one pass finds every cue: inverted ones after a comma, then any cue word
        self.any_cue = re.compile(
            rf",\s*(?P<inv>{phrase_alternation(lex.inverted_source)})(?![\w])"
            rf"|(?<![\w])(?P<word>{phrase_alternation(lex.before_source + lex.after_source)})"
            rf"(?![\w])",
            _I,
        )
        self.months = re.compile(word_bounded(phrase_alternation(lex.months)), _I)
        self.date_word_set = PhraseSet(lex.months | lex.weekdays)
        self.year_word_set = PhraseSet(lex.year_words)
        self.label_set = PhraseSet(lex.label_words)
        self.link_set = PhraseSet(lex.counter_links)
        self.age_before_set = PhraseSet(lex.age_before)
        self.age_bound_set = PhraseSet(lex.age_bounds)
        self.age_group_set = PhraseSet(lex.age_groups)
        # what follows a number, in one match: a fraction, a month, a clock word or an age
        self.after_number = re.compile(
            rf"(?P<FRACTION>[\s-]*(?:{phrase_alternation(lex.fractions)})(?![\w]))"
            rf"|(?P<DATE>\.?\s*(?:{phrase_alternation(lex.months)})(?![\w]))"
            rf"|(?P<TIME>\s*(?:{phrase_alternation(lex.time_words)})(?![\w]))"
            rf"|(?P<AGE>\s*(?:{phrase_alternation(lex.age_after)}))",
            _I,
        )
