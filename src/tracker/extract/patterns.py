"""The regexes of one language, compiled once from its Lexicon (no literal words live here)."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tracker.extract.lexicon import phrase_alternation, word_bounded

if TYPE_CHECKING:
    from tracker.extract.lexicon import Lexicon

_I = re.IGNORECASE
# a web address, an e-mail address or id, a domain or page name: URL's three alternatives
_URL_PARTS = (
    r"(?:https?://|www\.)\S++",
    r"(?<!\S)[^\s@]++@[^\s@]++",
    r"(?<![\w-])[\w-]++\.(?:de|com|org|net|html?|php)(?:/\S*+)?",
)
URL = re.compile("|".join(_URL_PARTS), _I)
_WEB, _MAIL, _DOMAIN = (re.compile(part, _I) for part in _URL_PARTS)
_DOMAIN_END = re.compile(r"\.(?:de|com|org|net|html?|php)", _I)  # what every domain match holds


def url_spans(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in URL.finditer(text)]``, faster: the alternatives that cannot match
    are left out (no "@": no mail address; no ".com", ".de", ...: no domain), and those left
    are searched one by one, taking at each step the leftmost match, the first alternative on
    a tie, from where the last match ended, as the joined pattern does. The joined pattern
    tries all three at every position (~6x slower on articles that cite a web address)."""
    parts = [_WEB]
    if "@" in text:
        parts.append(_MAIL)
    if _DOMAIN_END.search(text):
        parts.append(_DOMAIN)
    if len(parts) == 1:
        return [m.span() for m in _WEB.finditer(text)]
    spans: list[tuple[int, int]] = []
    pos = 0
    ahead = [part.search(text) for part in parts]  # each alternative's next match
    while True:
        best = None
        for i, part in enumerate(parts):
            m = ahead[i]
            if m is not None and m.start() < pos:
                m = ahead[i] = part.search(text, pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return spans
        spans.append(best.span())
        pos = best.end()


_FULL_DATE = (
    r"\b\d{1,4}(?P<date_sep>[./-])\d{1,2}(?P=date_sep)\d{1,4}\b|\b(?:1[89]|20)\d{2}-\d{2}\b"
)
NUMERIC_DATE = re.compile(_FULL_DATE + r"|\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?!\d)")
# Where "." is the decimal mark, "6.8." is a decimal and a full stop, not a day and a month.
NUMERIC_DATE_DECIMAL_POINT = re.compile(_FULL_DATE)
PHONE = re.compile(r"\+\s?\d[\d\s/()-]{6,}\d|\(0\d+\)\s?[\d\s-]{4,}\d")
# Words keep inner apostrophes, dots and hyphens ("Korea's", "U.S", "UN-Flüchtlingshilfswerk").
WORD = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]")


_TOKEN = re.compile(r"\w+\.?|[^\w\s]")
Tokens = list[tuple[str, int]]


_TAIL = 48  # every look-behind window in the engine is at most this long
_DAY_LIST = 6  # days listed before their month: "am 8., 9. und 10. Juni" (bounded: linear)


def tail_tokens(text: str, start: int, end: int) -> Tokens:
    """Lower-cased tokens of ``text[start:end]`` with their offsets, for phrase look-ups.

    The windows before one number are asked for several times (negatives, sign, currency,
    qualifier, range opener): short windows are cut from one cached window per position.
    """
    if end - start > _TAIL:
        return [(m.group().lower(), m.start()) for m in _TOKEN.finditer(text, start, end)]
    tokens, starts = _window_tokens(text, end)
    return list(tokens[bisect.bisect_left(starts, start) :])  # the tokens from ``start`` on


@functools.lru_cache(maxsize=256)
def _window_tokens(text: str, end: int) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...]]:
    """The tokens of the window of ``_TAIL`` characters before ``end`` and their starts."""
    start = max(0, end - _TAIL)
    tokens = tuple([(m.group().lower(), m.start()) for m in _TOKEN.finditer(text, start, end)])
    # a token cut by the window edge is not a word of its own
    if tokens and tokens[0][1] == start and start > 0 and text[start - 1].isalnum():
        tokens = tokens[1:]
    return tokens, tuple([t[1] for t in tokens])


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
        num, neg = lex.numbers, lex.negatives
        self.numeric_date = NUMERIC_DATE_DECIMAL_POINT if num.decimal == "." else NUMERIC_DATE
        # A digit numeral: grouped thousands ("10.000", "12 000", "1,234,567.5") or plain
        # ("1,5", "42"). The group separator must repeat identically and every group has exactly
        # three digits; "." and "," group digits in every language ("1,234,567" in German text).
        seps = sorted(num.group_separators | {".", ","})
        sep_class = re.escape("".join(seps))
        glued = re.escape("".join(s for s in seps if not s.isspace()))  # no number before these
        body = (
            rf"(?:\d{{1,3}}(?P<sep>[{sep_class}])\d{{3}}(?!\d)"
            r"(?:(?P=sep)\d{3}(?!\d))*(?:[.,]\d++(?![.,]\d))?|\d++(?:[.,]\d++(?![.,]\d))?)"
        )
        if num.indian_grouping:  # "12,34,567.89": two-digit groups before the last three
            body = rf"(?:\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?![\d])(?:\.\d++(?![.,]\d))?|{body})"
        # the same after its first digit, the look-behind moved behind that digit: the pattern
        # opens with a digit, so the regex engine skips to the digits instead of trying every
        # position (the same matches: "\d{1,3}" is "\d\d{0,2}", "\d++" is "\d\d*+")
        rest = (
            rf"(?:\d{{0,2}}(?P<sep>[{sep_class}])\d{{3}}(?!\d)"
            r"(?:(?P=sep)\d{3}(?!\d))*(?:[.,]\d++(?![.,]\d))?|\d*+(?:[.,]\d++(?![.,]\d))?)"
        )
        if num.indian_grouping:
            rest = rf"(?:\d?(?:,\d{{2}})+,\d{{3}}(?![\d])(?:\.\d++(?![.,]\d))?|{rest})"
        self.digits = re.compile(rf"\d(?<![\w{glued}]\d){rest}")
        self.digits_plain = re.compile(rf"(?<![\w{glued}]){body}")  # as written: for tests
        self.digits_at = re.compile(body)  # right after a glued currency code: "EUR45m"
        alpha_scales = {w for w in num.scales if w.isalpha() and len(w) > 3}
        atoms = set(num.words) | alpha_scales | num.connectors | num.decimal_words
        starts = atoms - num.connectors - num.decimal_words - num.compound_only
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
            rf"(?P<space>\s?)(?P<scale>{phrase_alternation(num.scales)})(?![\w])", _I
        )
        # "120 MEUR", "MAUD 60": a scale letter glued to a currency code ([code_scales])
        codes = {
            f"{letter}{code.upper()}": (lemma, scale)
            for letter, scale in num.code_scales.items()
            for code, lemma in lex.units.prefix_symbols.items()
            if len(code) == 3 and code.isalpha()
        }
        self.scaled_codes = codes
        # the cheap test on the whole text (a scale letter and three capitals, a char class
        # first: fast), before any numeral is looked at
        self.scaled_code_hint = re.compile(
            rf"(?:{phrase_alternation(num.code_scales)})[A-Z]{{3}}" if codes else r"(?!x)x"
        )
        self.scaled_code_after = re.compile(
            rf"[ \t]?(?P<code>{phrase_alternation(codes)})(?![\w])" if codes else r"(?!x)x"
        )
        self.scaled_code_before = re.compile(
            rf"(?<![\w])(?P<code>{phrase_alternation(codes)})[ \t]?$" if codes else r"(?!x)x"
        )
        self.currency_scale = re.compile(
            rf"(?:{phrase_alternation(num.currency_scales)})(?![\w])", _I
        )
        # after a glued "100m": a word that keeps it a length ("100m final", "a 100m-long")
        self.glued_measure = re.compile(
            rf"(?:\s+|-)(?:{phrase_alternation(num.glued_scale_measures)})(?![\w])", _I
        )
        self.half_before = re.compile(rf"(?<![\w])(?:{phrase_alternation(num.half_words)})\s+$", _I)
        self.article_before = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(num.article_ones)})\s+$", _I
        )
        self.vague_before = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(num.vague_before_scale | neg.vague)})\s+$", _I
        )
        self.pronoun_one_after = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(neg.pronoun_one_after)})\s+$", _I
        )
        self.sign_set = PhraseSet(num.sign_words)
        self.sign_hint = re.compile(phrase_alternation(num.sign_words), _I)
        self.pronoun_one_before = re.compile(
            rf"\s*(?:{phrase_alternation(neg.pronoun_one_before)})(?![\w])", _I
        )

    def _build_qualifiers(self, lex: Lexicon) -> None:
        qual = lex.qualifiers
        prefix = qual.prefix
        suffix = qual.suffix
        self.suffix_qualifier = re.compile(
            rf"(?P<gap>\s*+)(?P<q>{phrase_alternation(suffix)})(?![\w])", _I
        )
        connectors = set().union(*qual.range_connectors.values())
        # a hyphen glued to the first number is a suspended compound: "a 10- to 12-foot wall"
        self.range_gap = re.compile(rf"-?\s*(?P<conn>{phrase_alternation(connectors)})\s*$", _I)
        self.bound_joiner = re.compile(rf"\s*(?:{phrase_alternation(qual.bound_joiners)})\s*", _I)
        openers = [o for o in qual.range_connectors if o]
        self.opener_set = PhraseSet(openers)
        self.qualifier_set = PhraseSet(prefix)
        self.qualifier_at = re.compile(rf"(?:{phrase_alternation(prefix)})(?![\w])", _I)
        self.about_set = PhraseSet(qual.about_after)

    def _build_units(self, lex: Lexicon) -> None:
        units = lex.units
        forms = list(units.nouns)
        self.unit_phrase = re.compile(
            rf"(?P<gap>\s*+-?\s*+)(?P<unit>{phrase_alternation(forms)})(?![\w])", _I
        )
        self.symbol_set = PhraseSet(units.prefix_symbols)
        self.unit_before_set = PhraseSet(units.context_next)  # "magnitude-7": not a name
        # a currency code of letters glued to the digits after it: "EUR45m", "RM4.85"
        self.glued_codes = frozenset(s for s in units.prefix_symbols if s[-1:].isalpha())
        self.glued_code = re.compile(r"(?<![\w$])[^\W\d_]{2,4}(?=\d)")
        self.compare_set = PhraseSet(units.compare_links)
        self.senses = {
            unit: [
                (sense, re.compile(word_bounded(phrase_alternation(words)), _I))
                for sense, words in senses.items()
            ]
            for unit, senses in units.senses.items()
        }
        self.part_link = re.compile(rf"\s+(?:{phrase_alternation(units.part_links)})\s+", _I)
        self.prefix_symbol = re.compile(
            rf"(?:(?<![\w])|(?<=\d))(?P<sym>{phrase_alternation(units.prefix_symbols)})\s?$", _I
        )
        self.event = re.compile(word_bounded(phrase_alternation(units.events)), _I)
        connectors = lex.numbers.connectors
        self.part_gap = re.compile(rf"\s+(?:(?:{phrase_alternation(connectors)})\s+)?", _I)
        self.part_end = re.compile(
            rf"\s+(?P<word>{phrase_alternation(units.part_words)})(?![\w])|\s*(?:[.,;:!?)]|\Z)", _I
        )
        self.context_next = re.compile(word_bounded(phrase_alternation(units.context_next)), _I)
        self.context_before = re.compile(
            word_bounded(phrase_alternation(set(units.context_before) | units.count_phrases)), _I
        )

    def _build_context(self, lex: Lexicon) -> None:
        src, neg, hedges = lex.sources, lex.negatives, lex.hedges
        self.hedge = re.compile(word_bounded(phrase_alternation(hedges.words)), _I)
        self.refers_back = re.compile(word_bounded(phrase_alternation(src.refers_back)), _I)
        self.follow_up = re.compile(
            rf"[\"„“»«(]?(?:{phrase_alternation(src.follow_up)})(?![\w])", _I
        )
        # "nach UN-Angaben": the source is the start of the compound
        self.self_reference = re.compile(word_bounded(phrase_alternation(src.self_reference)), _I)
        self.compound_cue = re.compile(
            rf"(?<![\w])(?:{phrase_alternation(src.compound_cue_prepositions)})\s+"
            rf"(?P<source>[^\W\d_][\w]*?)-?(?:{phrase_alternation(src.compound_cue_nouns)})(?![\w])",
            _I,
        )
        # one pass finds every cue: inverted ones after a comma (and a closing quote: '...,”
        # said Christoph Trebesch'), then any cue word
        self.any_cue = re.compile(
            rf",[\"”’»]?\s*(?P<inv>{phrase_alternation(src.inverted)})(?![\w])"
            rf"|(?<![\w])(?P<word>{phrase_alternation(src.before_source + src.after_source)})"
            rf"(?![\w])",
            _I,
        )
        self.months = re.compile(word_bounded(phrase_alternation(neg.months)), _I)
        # after a dotted day ("8."): a few more days and one month ("und dem 13. Oktober")
        self.day_list = re.compile(
            rf"(?:\s*(?:{phrase_alternation(neg.day_links)})\s*\d{{1,2}}\.){{1,{_DAY_LIST}}}"
            rf"\s*(?:{phrase_alternation(neg.months)})(?![\w])",
            _I,
        )
        after_clock = rf"\d{{1,2}}[:.]\d{{2}}\s*(?:{neg.clock_after})|" if neg.clock_after else ""
        self.clock = re.compile(rf"{after_clock}\d{{1,2}}:\d{{2}}(?![\d,])", _I)
        self.ordinal_suffix = re.compile(rf"(?:{phrase_alternation(neg.ordinal_suffixes)})\b", _I)
        self.date_word_set = PhraseSet(neg.months | neg.weekdays)
        self.year_word_set = PhraseSet(neg.year_words)
        self.count_before_year_set = PhraseSet(neg.count_before_year)
        self.label_set = PhraseSet(neg.label_words)
        self.link_set = PhraseSet(neg.counter_links)
        self.age_before_set = PhraseSet(neg.age_before)
        self.age_bound_set = PhraseSet(neg.age_bounds)
        self.age_group_set = PhraseSet(neg.age_groups)
        self.name_before_set = PhraseSet(neg.name_before)
        # after a number: "ZIP code" (a name) or a distance and a race word ("100m final",
        # "200-m-Lauf", "100 Meter Freistil"), in one match
        distances = [f for f, lemma in lex.units.nouns.items() if lemma in neg.event_units]
        self.name_after = re.compile(
            rf"\s*(?:{phrase_alternation(neg.name_after)})(?![\w])"
            rf"|[\s-]*(?:{phrase_alternation(distances)})[\s-]*"
            rf"(?:{phrase_alternation(neg.event_after)})(?![\w])",
            _I,
        )
        self.event_distance = re.compile(rf"\s*(?:{phrase_alternation(distances)})(?![\w])", _I)
        self.event_before_set = PhraseSet(neg.event_before)
        self.result_before_set = PhraseSet(neg.result_before)
        self.result_after = re.compile(
            rf"[\s-]*(?:{phrase_alternation(neg.result_after)})(?![\w])", _I
        )
        # what follows a number, in one match: a fraction, a month, a clock word or an age
        self.after_number = re.compile(
            rf"(?P<FRACTION>[\s-]*(?:{phrase_alternation(neg.fractions)})(?![\w]))"
            rf"|(?P<DATE>\.?\s*(?:{phrase_alternation(neg.months)})(?![\w]))"
            rf"|(?P<TIME>\s*(?:{phrase_alternation(neg.time_words)})(?![\w]))"
            rf"|(?P<AGE>\s*(?:{phrase_alternation(neg.age_after)}))",
            _I,
        )
