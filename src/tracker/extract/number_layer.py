"""The number layer: every number the language data can read, including those that are never
claims (fractions, powers, the article "one"). ``find_numerals`` gives the claim candidates;
this module adds the rest and tags each addition with why the claim layer leaves it out.

Its extra knowledge is in ``lang/<code>/numbers.toml``: ``[fractions]`` (fraction words and
their denominators) and ``[number_layer]`` (fraction links, articles, joining words).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, fields
from decimal import Decimal

from tracker.extract.lexicon import Lexicon, Numbers, phrase_alternation
from tracker.extract.numerals import Numeral, Spans, exact_product, find_numerals, sign_word
from tracker.extract.vocabulary import load_vocabulary

# tag: None (a claim candidate), "fraction" (proper or improper), "mixed" (a whole number and a
# fraction: "2 1/4", "five and a quarter"), "scaled" (a fraction of a scale word: "a quarter
# million"), "power" ("1e10"), "ordinal" ("the twenty-first") or "article" (the article "one")
Tagged = tuple[Numeral, str | None]
FRACTION_TAGS = ("fraction", "mixed")

_DIGIT_FRACTION = re.compile(
    r"(?<![\w/.,+-])(?:(?P<sign>[-−]\s*)?(?P<whole>\d+)\s+)?(?P<neg>[-−])?(?P<num>\d+)\s*/\s*"
    r"(?P<den>\d+)(?![\w/]|[.,]\d)"
)
_VULGAR = re.compile(r"(?P<whole>\d+)?(?P<frac>[¼½¾⅐-⅞])")
_VULGAR_CHAR = re.compile(r"[¼½¾⅐-⅞]")
# "1e10", "2^3", scientific notation "2.998×10^8", "1.99×10−30", "6.6 x 10⁻³⁴"
_EXPONENT = re.compile(
    r"(?:e(?P<e>[+-]?\d+)|\^(?P<p>[+-]*\d+)|\s*[x×·]\s*10(?:\^\s*(?P<x>[+\-−]?\d+)"
    r"|(?P<xm>[−-]\d+)|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)))(?!\w|\.\d)",
    re.I,
)
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺−", "0123456789-+-")
_DOTTED_QUAD = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{1,3}){3}(?![\w.,]?\d)")
_COMMA_LIST = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{1,3}){2,}(?![\w.,]?\d)")
_BARE_DECIMAL = re.compile(r"(?<![\w.,])\.\d+(?![\w.,])")
_POINT_DIGIT = re.compile(r"\.\d")  # what every bare decimal holds (a literal first: fast)
_DIGIT_SLASH = re.compile(r"\d\s*/\s*\d")  # what every digit fraction holds
_LAST_WORD = re.compile(r"(?<!\w)[^\W\d_]+$")
_SMALL_DENOMINATOR = 100  # "one one hundred fifth": a round hundred before "fifth" is 105th
_BIG_SCALE = 1000  # "six million and two thirds" is 6 2/3 million; "hundred" is not such a scale
# "2 over 3 days", "3 in 10 km": a number before these units is no denominator
_NOT_DENOMINATORS = frozenset(
    {"duration", "measure", "other_measure", "temperature", "currency", "subunit"}
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# a numeral's fields in order: a copy by its constructor (dataclasses.replace is 7x slower)
_NUMERAL_FIELDS = tuple(f.name for f in fields(Numeral))


@dataclass(frozen=True, slots=True)
class LayerData:
    """The number layer's extra language data, compiled once per language."""

    denominators: dict[str, float]
    fraction_articles: frozenset[str]
    alone: frozenset[str]
    fraction_word: re.Pattern[str]
    link: re.Pattern[str] | None
    whole_and: re.Pattern[str] | None
    article_one: re.Pattern[str] | None
    after_numeral: re.Pattern[str]  # what, right after a numeral, may start a fraction or power
    before_numeral: re.Pattern[str] | None  # a link word ending right before a numeral
    scale_letter: re.Pattern[str] | None  # "10G", "2.33 k": a scale letter, case as written
    tens_ordinal: re.Pattern[str] | None  # "twenty-first", "thirty fifths": one denominator
    # the letters each fraction word opens with, lower case and case-sensitive, searched in the
    # lower-cased text (None: a word opens with no letter, the full scan always runs)
    fraction_openings: re.Pattern[str] | None
    fraction_letters: frozenset[str]  # every character of the fraction words
    plain_chars: dict[str, bool]  # per character of a text: see ``_plain_case``


_LAYER_DATA: dict[tuple[int, str], LayerData] = {}


def layer_data(lex: Lexicon) -> LayerData:
    """Read once per language and lexicon (the lexicon itself is cached per language too)."""
    key = (id(lex), lex.code)
    if key not in _LAYER_DATA:
        _LAYER_DATA[key] = _read_layer_data(lex)
    return _LAYER_DATA[key]


def _optional(words: list[str], template: str) -> re.Pattern[str] | None:
    return re.compile(template.format(phrase_alternation(words)), re.I) if words else None


def _after_numeral(dens: list[str], links: list[str], joins: list[str]) -> re.Pattern[str]:
    """Matches right after a numeral that a fraction or power may continue: a glued power
    ("1e10", "2^3", "1.3 x 10^6"), a vulgar fraction ("1½"), a fraction word ("two thirds"),
    "and" before one ("five and a quarter") or a link word ("one over three")."""
    alternatives = [r"e[+-]?\d|\^|\s*[x×·]\s*10(?:\^|[−-]\d|[⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹])|[¼½¾⅐-⅞]"]
    if dens:
        den_alt = phrase_alternation(dens)
        alternatives.append(rf"[\s-]+(?:{den_alt})(?!\w)")
        if joins:
            join_alt = phrase_alternation(joins)
            alternatives.append(
                rf"\s+(?:{join_alt})\s+(?:[^\W\d_]+[\s-]+){{1,2}}(?:{den_alt})(?!\w)"
            )
    if links:
        alternatives.append(rf"\s+(?:{phrase_alternation(links)})(?!\w)")
    return re.compile("|".join(alternatives), re.I)


def _read_layer_data(lex: Lexicon) -> LayerData:
    data = lex.numbers  # [fractions] and [number_layer], validated with the rest at load
    dens = data.fractions
    # an article is the number 1 when it is a number word or inflects one ("einer" from "ein")
    one_words = [w for w, v in data.words.items() if v == 1]
    ones = [a for a in data.article_ones if any(a.startswith(w) for w in one_words)]
    links = list(data.fraction_links)
    joins = list(data.whole_and)
    after = _after_numeral(list(dens), [link.split()[0] for link in links], joins)
    return LayerData(
        dens,
        data.fraction_articles,
        data.alone,
        re.compile(rf"[\s-]*({phrase_alternation(dens) if dens else '(?!)'})(?!\w)", re.I),
        _optional(links, r"\s+(?:{})\s+"),
        _optional(joins, r"\s+(?:{})\s+"),
        _optional(ones, r"(?<![\w-])(?:{})(?![\w-])"),
        after,
        _optional(links, r"(?<!\w)(?:{})\s+$"),
        re.compile(rf"[ \t]{{0,2}}(?P<letter>{phrase_alternation(data.scale_letters)})(?![\w])")
        if data.scale_letters
        else None,
        _tens_ordinal(data) if data.ordinal_units else None,
        _openings(dens),
        frozenset("".join(dens)),
        {},
    )


def _openings(words: Iterable[str]) -> re.Pattern[str] | None:
    """The letters each word opens with (up to its first non-letter), lower-cased, as one
    case-sensitive alternation: it opens with a literal, so the regex engine skips to the
    positions holding a first letter instead of trying every position."""
    openings = set()
    for word in words:
        opening = re.match(r"[^\W\d_]+", word)
        if opening is None:
            return None
        openings.add(opening.group().lower())
    return re.compile(phrase_alternation(openings, flexible_space=False)) if openings else None


def _plain_case(text: str, data: LayerData) -> bool:
    """Every character of ``text`` lower-cases to one character, and wherever the fraction
    words' case-insensitive pattern takes it for one of their letters it is that letter in
    lower case: so ``text.lower()`` keeps every offset, and a fraction word matched at a
    position has its opening there in the lower-cased text. Decided once per character."""
    plain = data.plain_chars
    for char in set(text):
        known = plain.get(char)
        if known is None:
            low = char.lower()
            known = plain[char] = len(low) == 1 and all(
                low == letter.lower()
                for letter in data.fraction_letters
                if re.fullmatch(re.escape(letter), char, re.IGNORECASE)
            )
        if not known:
            return False
    return True


def _fraction_words(text: str, data: LayerData) -> list[re.Match[str]]:
    """``list(data.fraction_word.finditer(text))``, found without trying every position: a
    match is a fraction word after a run of spaces and hyphens, so it starts where that run
    starts (or where the match before ends) before an opening of a fraction word; the
    openings are found in the lower-cased text, and the pattern is tried only there."""
    openings = data.fraction_openings
    if openings is None or not _plain_case(text, data):
        return list(data.fraction_word.finditer(text))
    low, found, pos = text.lower(), [], 0
    opening = openings.search(low)
    while opening is not None:
        start = opening.start()
        if start >= pos:
            run = start
            while run > pos and (text[run - 1].isspace() or text[run - 1] == "-"):
                run -= 1
            m = data.fraction_word.match(text, run)
            if m is not None:
                found.append(m)
                pos = m.end()
        opening = openings.search(low, start + 1)
    return found


def _tens_ordinal(data: Numbers) -> re.Pattern[str]:
    tens = [w for w, v in data.words.items() if 20 <= v < 100 and v % 10 == 0]
    return re.compile(
        rf"(?<![\w-])(?P<tens>{phrase_alternation(tens)})[\s-]+"
        rf"(?P<unit>{phrase_alternation(data.ordinal_units)})(?![\w])",
        re.I,
    )


def scale_letters(tagged: list[Tagged], text: str, lex: Lexicon) -> list[Tagged]:
    """ "10G", "2.33 k", "1.2b", "US$ 1MM": a scale letter after digits multiplies them (the
    number layer only; a claim takes a glued scale from a currency or a counted noun)."""
    pattern = layer_data(lex).scale_letter
    if pattern is None:
        return tagged
    for num, tag in tagged:
        if tag is None and not num.spelled and num.scale == 1:
            m = pattern.match(text, num.end)
            if m:
                num.scale = lex.numbers.scale_letters[m.group("letter")]
                num.value, num.end = exact_product(num.value, num.scale), m.end()
    return tagged


def _spelled_fraction_start(
    text: str, numerals: list[Numeral], lex: Lexicon, data: LayerData
) -> bool:
    """A fraction word right before a spelled scale word ("quarter million"), or a spelled tens
    word before a unit ordinal ("three twenty-firsts"): looked at on spelled numerals only."""
    for n in numerals:
        if not n.spelled:
            continue
        if lex.numbers.scales.get(text[n.start : n.end].lower(), 0.0) >= _BIG_SCALE:
            before = _LAST_WORD.search(text, max(0, n.start - 16), n.start - 1)
            if before and before.group().lower() in lex.numbers.fractions:
                return True
        if (
            n.value >= _BIG_SCALE
            and any(  # "a quarter of a million"
                w in lex.numbers.fractions
                for w in text[max(0, n.start - 20) : n.start].split()[-3:]
            )
        ):
            return True
        if data.tens_ordinal is not None and data.tens_ordinal.search(text, n.start, n.end + 12):
            return True
    return False


def _whole_and_before(text: str, numerals: list[Numeral], data: LayerData) -> bool:
    """A spelled numeral right after "and" ("one and a half million"): it may be the fraction
    of a scale that a whole before it takes (the whole may be the article "one")."""
    if data.whole_and is None:
        return False
    for n in numerals:
        if n.spelled:
            m = data.whole_and.search(text, max(0, n.start - 8), n.start)
            if m and m.end() == n.start:
                return True
    return False


def fractions_and_powers(text: str, lex: Lexicon, numerals: list[Numeral]) -> list[Tagged]:
    """The fractions and powers of ``text`` (for the claim layer: a mixed number such as "2 1/4"
    or "five and a quarter" is an amount, a proper fraction is not a claim). ``numerals`` are
    ``find_numerals(text, lex)``, read already; they are not changed."""
    data = layer_data(lex)
    after, before = data.after_numeral, data.before_numeral
    if not (
        "/" in text
        or any(after.match(text, n.end) for n in numerals)
        or (before and any(before.search(text, max(0, n.start - 12), n.start) for n in numerals))
        or _spelled_fraction_start(text, numerals, lex, data)
        or _whole_and_before(text, numerals, data)
        or (not text.isascii() and _VULGAR_CHAR.search(text))
    ):
        return []
    copies = [Numeral(*[getattr(n, name) for name in _NUMERAL_FIELDS]) for n in numerals]
    tagged = layer_numerals(text, lex, copies)
    return [(n, tag) for n, tag in tagged if tag in (*FRACTION_TAGS, "power", "scaled", "ordinal")]


def layer_numerals(text: str, lex: Lexicon, base: list[Numeral] | None = None) -> list[Tagged]:
    """Every number in ``text`` in order, tagged None when the claim layer sees it too."""
    data = layer_data(lex)
    listed: list[Tagged] = []
    if base is None:  # the number layer itself, not the claim layer's fraction look-up
        base, listed = _digit_lists(find_numerals(text, lex), text)
    base = _exponents(base, text)
    extra = _digit_fractions(text) + listed
    taken = Spans([(n.start, n.end) for n, _ in extra])
    tagged: list[Tagged] = [
        (n, "power" if _EXPONENT.search(text, n.start, n.end) else None)
        for n in base
        if not taken.overlaps(n.start, n.end)
    ]
    tagged += _article_ones(tagged, text, lex, data)
    tagged += [(n, None) for n in _bare_decimals(text, lex)]
    tagged.sort(key=lambda pair: pair[0].start)
    if data.tens_ordinal is not None:
        tagged = _tens_ordinal_fractions(tagged, text, lex, data)
    words = _fraction_words(text, data)  # one scan, read by both rules below
    tagged = _compound_denominators(tagged, text, data, words)
    tagged = _linked_fractions(_spelled_fractions(tagged, text, lex, data, words), text, lex, data)
    return sorted(tagged + extra, key=lambda pair: pair[0].start)


def _digit_lists(nums: list[Numeral], text: str) -> tuple[list[Numeral], list[Tagged]]:
    """ "192.168.1.2" (an address) and "22,24,26,31" (a list written without spaces): each
    group is a number of its own, though no claim; ``nums`` without those the groups cover."""
    found: list[Tagged] = []
    for rx in (_DOTTED_QUAD, _COMMA_LIST):
        for m in rx.finditer(text):
            groups = m.group().replace(".", ",").split(",")
            if rx is _COMMA_LIST and all(len(g) == 3 for g in groups[1:]):
                continue  # "1,234,567": thousands
            pos = m.start()
            for group in groups:
                found.append((Numeral(pos, pos + len(group), float(group)), None))
                pos += len(group) + 1
    if not found:
        return nums, found
    spans = Spans([(n.start, n.end) for n, _ in found])
    return [n for n in nums if not spans.overlaps(n.start, n.end)], found


def _exponents(nums: list[Numeral], text: str) -> list[Numeral]:
    """ "1e10", "1.1^23", "6.23x10^-4": a power written right after a digit numeral (the
    digits of the power are part of it, not numbers of their own)."""
    out: list[Numeral] = []
    for num in nums:
        if out and num.start < out[-1].end:
            continue
        out.append(num)
        m = None if num.spelled else _EXPONENT.match(text, num.end)
        if m:
            power = m.group("e") or m.group("x") or m.group("xm") or m.group("sup") or m.group("p")
            power = power.translate(_SUPERSCRIPT)
            exp = (-1 if power.count("-") % 2 else 1) * int(power.lstrip("+-"))
            try:
                if m.group("p") is None:
                    num.value = _times_power_of_ten(num.value, exp)
                else:
                    num.value = (-1 if num.value < 0 else 1) * abs(num.value) ** exp
            except (OverflowError, ZeroDivisionError):
                continue
            num.end = m.end()
    return out


def _times_power_of_ten(value: float, exp: int) -> float:
    """``value`` × 10^exp in decimal: "1.99×10^-30" is exactly 1.99e-30."""
    result = float(Decimal(repr(value)).scaleb(exp))
    if not math.isfinite(result):
        raise OverflowError
    return result


def _fraction_value(whole: str | None, num: str, den: str) -> float | None:
    """whole + num/den, or None when it is no finite number (a zero denominator, or digits
    beyond what a float holds: the extractor never raises on strange text)."""
    try:
        value = float(whole or 0) + float(num) / float(den)
    except (OverflowError, ZeroDivisionError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _digit_fractions(text: str) -> list[Tagged]:
    """ "3/4", "-4/5", "2 1/4" and the vulgar fraction characters "½", "1¾"."""
    found = []
    slash = _DIGIT_SLASH.search(text)  # the cheap test first: _DIGIT_FRACTION tries every position
    for m in _DIGIT_FRACTION.finditer(text) if slash else ():
        value = _fraction_value(m.group("whole"), m.group("num"), m.group("den"))
        if value is not None:
            negative = bool(m.group("sign") or m.group("neg"))
            num = Numeral(m.start(), m.end(), -value if negative else value)
            found.append((num, "mixed" if m.group("whole") else "fraction"))
    if text.isascii() or not _VULGAR_CHAR.search(text):
        return found  # the cheap test first: _VULGAR tries every position of the text
    for m in _VULGAR.finditer(text):
        value = float(m.group("whole") or 0) + unicodedata.numeric(m.group("frac"))
        found.append(
            (Numeral(m.start(), m.end(), value), "mixed" if m.group("whole") else "fraction")
        )
    return found


def _bare_decimals(text: str, lex: Lexicon) -> list[Numeral]:
    """ ".08": a decimal without its leading zero (only where "." is the decimal mark)."""
    point = _POINT_DIGIT.search(text) if lex.numbers.decimal == "." else None
    if point is None:
        return []
    # a bare decimal starts at its point: the scan (trying every position) starts at the first
    found = _BARE_DECIMAL.finditer(text, point.start())
    return [Numeral(m.start(), m.end(), float(m.group())) for m in found]


def _article_ones(tagged: list[Tagged], text: str, lex: Lexicon, data: LayerData) -> list[Tagged]:
    """ "one last time", "in einer Familie": the article or "one" as the number 1, but not the
    pronoun ("which one", "the one you mentioned")."""
    if data.article_one is None:
        return []
    have = Spans([(n.start, n.end) for n, _ in tagged])
    pats, out = lex.regexes, []
    for m in data.article_one.finditer(text):
        if have.overlaps(m.start(), m.end()):
            continue
        window = text[max(0, m.start() - 30) : m.start()]
        if pats.pronoun_one_after.search(window) or pats.pronoun_one_before.match(text, m.end()):
            continue
        num = Numeral(m.start(), m.end(), 1.0, spelled=True)
        sign_word(num, text, lex)
        out.append((num, "article"))
    return out


def _tens_ordinal_fractions(
    tagged: list[Tagged], text: str, lex: Lexicon, data: LayerData
) -> list[Tagged]:
    """ "three twenty-firsts" is 3/21, "a twenty-first" 1/21, "one hundred thirty fifths"
    100/35: the tens word before a unit ordinal belongs to the denominator, and the number
    before it (or the rest of its number) is the numerator; "the twenty-first" is an ordinal."""
    assert data.tens_ordinal is not None
    for m in data.tens_ordinal.finditer(text):
        k = next((i for i, (n, _) in enumerate(tagged) if n.end == m.end("tens")), None)
        if k is None or not tagged[k][0].spelled:
            continue
        num = tagged[k][0]
        numerator = k > 0 and not text[tagged[k - 1][0].end : num.start].strip()
        if _tens_in_numerator(num, m, text, lex, data, numerator=numerator):
            continue
        tens = lex.numbers.words[m.group("tens").lower()]
        den = tens + lex.numbers.ordinal_units[m.group("unit").lower()]
        drop = {k}
        if num.start < m.start("tens"):  # "one hundred thirty fifths": 100 over 35
            start, top = num.start, num.value - tens if num.value > 0 else num.value + tens
        elif k and not text[tagged[k - 1][0].end : num.start].strip():
            start, top = tagged[k - 1][0].start, tagged[k - 1][0].value  # "three twenty-firsts"
            drop.add(k - 1)
        else:
            before = _LAST_WORD.search(text, max(0, num.start - 5), num.start - 1)
            if not (before and before.group().lower() in data.fraction_articles):
                ordinal = Numeral(num.start, m.end(), den, spelled=True)
                tagged[k] = (ordinal, "ordinal")  # "the twenty-first": an ordinal
                continue
            start, top = before.start(), 1.0  # "a twenty-first"
        fraction = Numeral(start, m.end(), top / den, spelled=True)
        tagged = [p for i, p in enumerate(tagged) if i not in drop] + [(fraction, "fraction")]
        tagged.sort(key=lambda pair: pair[0].start)
    return tagged


def _compound_denominators(
    tagged: list[Tagged], text: str, data: LayerData, words: list[re.Match[str]]
) -> list[Tagged]:
    """ "one one hundred fifth", "one one hundred and fifth": a number right before a round
    hundred or thousand and a small fraction word is the numerator of 1/105 (the round number
    and the word make one ordinal, the denominator)."""
    if len(tagged) < 2:
        return tagged
    for m in words:
        den = data.denominators[m.group(1).lower()]
        if den >= _SMALL_DENOMINATOR:
            continue
        k = next(
            (
                i
                for i, (n, _) in enumerate(tagged)
                if i
                and (
                    n.end == m.start()
                    or (data.whole_and and data.whole_and.fullmatch(text, n.end, m.start(1)))
                )
            ),
            None,
        )
        if k is None:
            continue
        top, bottom = tagged[k - 1][0], tagged[k][0]
        if not (
            top.spelled
            and bottom.spelled
            and bottom.value >= _SMALL_DENOMINATOR
            and bottom.value % _SMALL_DENOMINATOR == 0
            and top.value > 0
            and not text[top.end : bottom.start].strip()
        ):
            continue
        value = top.value / (bottom.value + den)
        fraction = (Numeral(top.start, m.end(), value, spelled=True), "fraction")
        tagged = [*tagged[: k - 1], fraction, *tagged[k + 1 :]]
    return tagged


def _tens_in_numerator(
    num: Numeral, m: re.Match[str], text: str, lex: Lexicon, data: LayerData, *, numerator: bool
) -> bool:
    """The tens word counts the fractions, as any numerator: after "and" ("one hundred and
    thirty fifths" is 130/5), or alone before a plural ordinal written apart ("twenty fifths"
    is 20/5; "the twenty-fifth" is an ordinal)."""
    if text[m.end("tens") : m.start("unit")].strip():
        return False  # "twenty-fifths": hyphened, one ordinal
    before = _LAST_WORD.search(text, max(0, m.start() - 8), max(0, m.start() - 1))
    if num.start < m.start() and before and before.group().lower() in lex.numbers.connectors:
        return True
    unit = m.group("unit").lower()
    return (
        num.start == m.start()
        and not numerator  # "twenty twenty fifths" is 20/25
        and unit in data.denominators
        and any(unit != u and unit.startswith(u) for u in lex.numbers.ordinal_units)
    )


def _scale_of(num: Numeral, text: str, lex: Lexicon) -> float:
    """The big scale a number ends with ("six million", "3 million"), else 1."""
    if num.scale >= _BIG_SCALE:
        return num.scale
    last = _LAST_WORD.search(text, num.start, num.end)
    scale = lex.numbers.scales.get(last.group().lower(), 1.0) if last else 1.0
    return scale if scale >= _BIG_SCALE else 1.0


def _mixed(
    num: Numeral, den: float, text: str, lex: Lexicon, data: LayerData, end: int
) -> tuple[float, str, int]:
    """ "one hundred and three quarters" is 100 3/4 (a whole and a proper fraction), while
    "one hundred and thirty-two fifths" is 132/5: split at the last "and" when the part after
    it is smaller than the denominator. ``end``: where the fraction word ends; the value, the
    tag and where the number ends are returned."""
    joins = list(data.whole_and.finditer(text, num.start, num.end)) if data.whole_and else []
    if num.spelled and joins:
        head = find_numerals(text[num.start : joins[-1].start()], lex)
        tail_text = text[joins[-1].end() : num.end]
        tail = [n.value for n in find_numerals(tail_text, lex)] or [
            _numerator(tail_text.strip(), lex, data)
        ]
        if len(head) == 1 and len(tail) == 1 and 0 < tail[0] < den:
            whole = Numeral(num.start, joins[-1].start(), head[0].value, scale=head[0].scale)
            value, end = _add_fraction(whole, tail[0] / den, text, lex, end)
            return value, "mixed", end
    return num.value / den, "fraction", end


def _numerator(word: str, lex: Lexicon, data: LayerData) -> float:
    """ "a half", "one-eighth": an article or number word that no numeral covers, else 0."""
    word = word.lower()
    return 1.0 if word in data.fraction_articles else lex.numbers.words.get(word, 0.0)


def _add_fraction(
    whole: Numeral, fraction: float, text: str, lex: Lexicon, end: int
) -> tuple[float, int]:
    """ "six million and two thirds" is 6 2/3 million; "forty two and a third" is 42 1/3; "one
    billion and a quarter million" adds a quarter of the scale word after the fraction, which
    is no bigger than the whole's (``end``: where the fraction ends; returned moved past that
    scale word)."""
    scale = _scale_of(whole, text, lex)
    word = _NEXT_WORD.match(text, end) if scale >= _BIG_SCALE else None
    after = lex.numbers.scales.get(word.group(1).lower(), 0.0) if word else 0.0
    if _BIG_SCALE <= after <= scale:
        return whole.value + exact_product(fraction, after), word.end() if word else end
    return whole.value + fraction * scale, end


def _spelled_fractions(
    tagged: list[Tagged], text: str, lex: Lexicon, data: LayerData, words: list[re.Match[str]]
) -> list[Tagged]:
    """ "two thirds", "a half", "drei halbe", then "five and a quarter" as one number
    (``words``: the matches of ``data.fraction_word`` in ``text``)."""
    ends = {n.end: k for k, (n, _) in enumerate(tagged)}
    tags: dict[int, str] = {}  # index in ``tagged`` of a numerator -> its new tag
    alone: list[Numeral] = []
    # spans as read before the loop: a numerator grows only up to its own fraction word
    read = Spans([(n.start, n.end) for n, _ in tagged])
    for m in words:
        den = data.denominators[m.group(1).lower()]
        k = ends.get(m.start())
        before = _LAST_WORD.search(text, max(0, m.start() - 4), m.start())
        if k is not None and k not in tags and not tagged[k][0].compound_unit:
            num = tagged[k][0]
            num.value, tags[k], num.end = _mixed(num, den, text, lex, data, m.end())
        elif read.overlaps(m.start(1), m.start(1) + 1):
            continue  # "a half million" is already one number
        elif before and _numerator(before.group(), lex, data):
            value = _numerator(before.group(), lex, data) / den
            alone.append(Numeral(before.start(), m.end(), value, spelled=True))
        elif m.group(1).lower() in data.alone or _big_scale_after(text, m.end(), lex):
            # "more than half"; "quarter million" (a fraction of the scale word after it)
            alone.append(Numeral(m.start(1), m.end(), 1 / den, spelled=True))
    fractions = [(tagged[k][0], tag) for k, tag in tags.items()] + [(n, "fraction") for n in alone]
    rest = [pair for k, pair in enumerate(tagged) if k not in tags]
    merged = sorted(rest + fractions, key=lambda p: p[0].start)
    return _scaled_fractions(_join_whole_and_fraction(merged, text, lex, data), text, lex)


def _big_scale_after(text: str, end: int, lex: Lexicon) -> bool:
    word = _NEXT_WORD.match(text, end)
    return bool(word) and lex.numbers.scales.get(word.group(1).lower(), 0.0) >= _BIG_SCALE


def _join_whole_and_fraction(
    tagged: list[Tagged], text: str, lex: Lexicon, data: LayerData
) -> list[Tagged]:
    """ "five and a quarter", "3 million and a half": a whole, "and", a fraction below one;
    "five and a half million", "one billion and a half million": a whole, "and", a fraction of
    a scale word."""
    out: list[Tagged] = []
    taken = 0  # where a scale word taken by the fraction before ends ("and a quarter million")
    for num, tag in tagged:
        if num.start < taken:
            continue
        if out and out[-1][1] in (None, "article") and data.whole_and:
            whole = out[-1][0]
            if data.whole_and.fullmatch(text, whole.end, num.start):
                if tag in FRACTION_TAGS and 0 < num.value < 1:
                    whole.value, whole.end = _add_fraction(whole, num.value, text, lex, num.end)
                    taken = whole.end if whole.end > num.end else taken
                    out[-1] = (whole, "mixed")
                    continue
                joined = _whole_and_scaled(whole, num, text, lex) if tag is None else None
                if joined is not None:  # an amount: "one and a half million"
                    whole.value, whole.end = joined, num.end
                    out[-1] = (whole, "scaled")
                    continue
        out.append((num, tag))
    return out


def _whole_and_scaled(whole: Numeral, part: Numeral, text: str, lex: Lexicon) -> float | None:
    """ "five and a half million" is 5.5 million, "one billion and a half million" 1,000.5
    million: ``part`` is a fraction of its scale word ("a half million"), which multiplies a
    whole without a scale and adds to a whole with a bigger one; None for anything else."""
    scale = _scale_of(part, text, lex)
    if not part.spelled or scale < _BIG_SCALE or not 0 < part.value < scale:
        return None
    whole_scale = _scale_of(whole, text, lex)
    if whole_scale >= scale:
        return whole.value + part.value
    if whole_scale == 1 and 0 < whole.value < _BIG_SCALE:
        return exact_product(whole.value, scale) + part.value
    return None


def _scaled_fractions(tagged: list[Tagged], text: str, lex: Lexicon) -> list[Tagged]:
    """ "drei Viertel Milliarde" is 0.75e9; "one billion and three quarters million" adds
    0.75e6 to the billion (the scale word applies to the part below it); "two thirds of a
    million" is a fraction of one scale, joined by a part link."""
    out: list[Tagged] = []
    scales = lex.numbers.scales
    for num, tag in tagged:
        prev = out[-1][0] if out and out[-1][1] in FRACTION_TAGS else None
        scale = scales.get(text[num.start : num.end].lower(), 0.0) if num.spelled else 0.0
        joined = prev is not None and not text[prev.end : num.start].strip()
        if prev and not joined and out[-1][1] == "fraction" and _one_scale(num, lex):
            joined, scale = (
                bool(lex.regexes.part_link.fullmatch(text, prev.end, num.start)),
                num.value,
            )
        if prev and scale >= _BIG_SCALE and joined:
            whole = float(int(prev.value)) if abs(prev.value) >= scale else 0.0
            prev.value, prev.end = whole + (prev.value - whole) * scale, num.end
            if out[-1][1] == "fraction":
                out[-1] = (prev, "scaled")  # an amount: "a quarter million" is 250,000
            continue
        out.append((num, tag))
    return out


def _plain_bottom(num: Numeral, text: str, lex: Lexicon) -> bool:
    """The second number of "one in five adults" may be a denominator: not a year, and no unit
    of time, measure or money after it."""
    raw = text[num.start : num.end]
    if len(raw) == 4 and raw.isdigit():
        return False
    unit = lex.regexes.unit_phrase.match(text, num.end)
    if unit is None:
        return True
    lemma = lex.units.nouns.get(" ".join(unit.group("unit").lower().split()))
    return load_vocabulary().kind(lemma) not in _NOT_DENOMINATORS


def _one_scale(num: Numeral, lex: Lexicon) -> bool:
    """A spelled number that is one big scale: "a million", "one billion"."""
    return num.spelled and num.value >= _BIG_SCALE and num.value in lex.numbers.scales.values()


def _linked_fractions(
    tagged: list[Tagged], text: str, lex: Lexicon, data: LayerData
) -> list[Tagged]:
    """ "one over three", "two out of five hundred", "one in five adults": a proper fraction
    written with a link word ("12 out of 10" is two counts, not a fraction; nor is a number
    before a year or a measured second one: "5 in 2020", "2 over 3 days", "3 in 10 km")."""
    if data.link is None:
        return tagged
    out: list[Tagged] = []
    for num, tag in tagged:
        if out and 0 < abs(out[-1][0].value) <= abs(num.value):
            top = out[-1][0]
            if data.link.fullmatch(text, top.end, num.start) and _plain_bottom(num, text, lex):
                top.value, top.end = top.value / num.value, num.end
                out[-1] = (top, "fraction")
                continue
        out.append((num, tag))
    return out
