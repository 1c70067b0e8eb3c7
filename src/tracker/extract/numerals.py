"""Find numbers in text: digit numerals in the language's format and spelled-out numbers.

Only the *reading* of numbers lives here; whether a number is a claim is decided later.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from tracker.extract.lexicon import Lexicon
from tracker.extract.patterns import tail_tokens
from tracker.extract.units import counted_noun
from tracker.extract.vocabulary import load_vocabulary

_SIGNS = "-−"
_BEFORE_SIGN = " \t\n(<>="
_EXACT_INT = 2**53
_SMALL_SCALE = 100  # "dozen": a scale below a hundred counts the part of a number below it
_MIXED_GAP = re.compile(r"[ \t]+(?:(?P<word>[^\W\d_]+)[ \t]+)?")
_UNIT, _TEEN, _TENS, _HUNDRED, _SCALE, _FRACTION = (
    "unit",
    "teen",
    "tens",
    "hundred",
    "scale",
    "frac",
)


class Spans:
    """Sorted, non-overlapping-by-start character spans with a fast overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.max_len = max((e - s for s, e in self.spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        while i > 0:
            i -= 1
            s, e = self.spans[i]
            if e > start:
                return True
            if s < start - self.max_len:
                return False
        return False


@dataclass(slots=True)
class Numeral:
    """One number as written: ``text[start:end]``, its value, and how it was written."""

    start: int
    end: int
    value: float
    spelled: bool = False
    grouped: bool = False
    scale: float = 1.0
    compound_unit: str | None = None
    glued_code: bool = False  # the digits follow a currency code glued to them: "EUR45m"


def exact_product(value: float, factor: float) -> float:
    """``value * factor`` computed in decimal on the shortest digit strings of both, so that
    "4.1 million" is exactly 4100000.0 (binary floats give 4099999.9999999995)."""
    whole = float(value).is_integer() and float(factor).is_integer()
    if whole and abs(value * factor) < _EXACT_INT:
        return value * factor  # whole numbers below 2**53 multiply exactly in binary
    try:
        product = float(Decimal(repr(value)) * Decimal(repr(factor)))
    except (InvalidOperation, OverflowError, ValueError):
        return value * factor
    return product if math.isfinite(product) else value * factor


def exact_sum(whole: float, digits: str) -> float:
    """``whole`` plus the decimal fraction "0.<digits>", computed in decimal."""
    return float(Decimal(repr(whole)) + Decimal("0." + digits))


def parse_digits(raw: str, lex: Lexicon) -> float | None:
    """Value of a digit numeral; the language decides what a lone "1.000" or "1,5" means."""
    if raw.isascii() and raw.isdigit():  # most numerals: no separator to decide on
        value = float(raw)
        return value if math.isfinite(value) else None
    for separator in lex.numbers.stripped_separators:
        raw = raw.replace(separator, "")
    dots, commas = raw.count("."), raw.count(",")
    if dots and commas:
        decimal = "." if raw.rfind(".") > raw.rfind(",") else ","
    elif dots + commas == 1:
        sep = "." if dots else ","
        decimals = len(raw) - raw.find(sep) - 1
        decimal = sep if (sep == lex.numbers.decimal or decimals != 3) else ""
    else:
        decimal = ""  # several identical separators are always thousands groups
    if decimal:
        cleaned = raw.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    else:
        cleaned = raw.replace(".", "").replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


_WORD_AFTER = re.compile(r"\s+[^\W\d_]")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_DIGIT = re.compile(r"\d")


def _glued_count(num: Numeral, text: str, end: int, lex: Lexicon) -> bool:
    """ "6.8m people": without a currency sign a glued letter is a scale only before a counted
    noun; otherwise it is a length: "in 40m of water", "descended to 136m", "the 100m final",
    "5m tall", and after an article ("a 5m wall", "a 100m-long bridge")."""
    if not lex.numbers.glued_scale_measures or not _WORD_AFTER.match(text, end):
        return False
    if lex.regexes.glued_measure.match(text, end):
        return False
    before = tail_tokens(text, max(0, num.start - 6), num.start)
    if before and before[-1][0] in lex.numbers.article_ones:
        return False
    counted = counted_noun(text, end, lex)
    return counted is not None and counted not in lex.numbers.glued_scale_measures


def _currency_scale(num: Numeral, text: str, lex: Lexicon) -> None:
    """ "$1.2m", "6.8m people": a scale letter glued to an amount of money or a count."""
    pats = lex.regexes
    glued = pats.currency_scale.match(text, num.end)
    if not glued:
        return
    end = num.start - 1 if text[num.start - 1 : num.start] in _SIGNS else num.start  # "€-12m"
    money = pats.symbol_set.ending(tail_tokens(text, max(0, end - 6), end))
    if not money and not _glued_count(num, text, glued.end(), lex):
        return
    num.scale = lex.numbers.currency_scales[glued.group().lower()]
    num.value = exact_product(num.value, num.scale)
    num.end = glued.end()


def sign_word(num: Numeral, text: str, lex: Lexicon) -> None:
    """ "minus 5 Prozent", "negative ten": a sign word right before the number."""
    lo = max(0, num.start - 12)
    if not lex.numbers.sign_words or not lex.regexes.sign_hint.search(text, lo, num.start):
        return
    end = num.start - 1 if text[num.start - 1 : num.start] in _SIGNS else num.start  # "minus-260"
    sign = lex.regexes.sign_set.ending(tail_tokens(text, lo, end))
    if sign:
        num.start = sign[1]
        num.value = -num.value


def _signed(text: str, start: int) -> bool:
    """A minus sign right before a number that is not the dash of a range ("10-12"); after a
    currency sign too ("$-3.2 billion")."""
    if start == 0 or text[start - 1] not in _SIGNS:
        return False
    before = text[max(0, start - 12) : start - 1]
    return not before or (
        (before[-1] in _BEFORE_SIGN or unicodedata.category(before[-1]) == "Sc")
        and not before.rstrip()[-1:].isdigit()
    )


def _signed_symbol(text: str, start: int) -> bool:
    """ "-$5 million": a minus sign before the currency sign before the number."""
    return (
        start >= 2
        and unicodedata.category(text[start - 1]) == "Sc"
        and text[start - 2] in _SIGNS
        and (start == 2 or text[start - 3] in _BEFORE_SIGN)
    )


_LETTER_DIGIT = re.compile(r"\d(?<=[^\W\d_]\d)")  # a digit first: the engine skips ahead


def _digit_matches(text: str, lex: Lexicon) -> list[tuple[re.Match[str], bool]]:
    """Digit numerals, and those glued to a currency code before them ("EUR45m", "USD1,700",
    "RM4.85"), which the numeral regex leaves out as it reads no digits glued to letters."""
    pats = lex.regexes
    digit = _DIGIT.search(text)  # the scans below try every position: start at the first digit
    if digit is None:
        return []
    found = [(m, False) for m in pats.digits.finditer(text, digit.start())]
    first = max(0, digit.start() - 4)
    glued: list[re.Match[str]] = []
    # the code scan tries every position: run only when a letter stands right before a digit
    if _LETTER_DIGIT.search(text, first + 1):  # the letter at ``first`` or after
        glued = [
            m  # a code of at most four letters right before a digit
            for code in pats.glued_code.finditer(text, first)
            if code.group().lower() in pats.glued_codes
            and (m := pats.digits_at.match(text, code.end()))
        ]
    if glued:
        found = sorted(found + [(m, True) for m in glued], key=lambda pair: pair[0].start())
    return found


# Tokenised text (corpora, transcripts) spaces the decimal point: "6 . 2 %", "$ 46 . 8 million";
# a sentence never ends with a space before its full stop, so digits around " . " are one number.
_SPACED_POINT = re.compile(r"(?<![\d.,] )\d{1,3} \. \d+(?! \. \d)")


def _spaced_decimals(
    matches: list[tuple[re.Match[str], bool]], text: str, lex: Lexicon
) -> list[tuple[re.Match[str], bool, int]]:
    """(match, glued to a code, end): a whole and its decimals written "6 . 2" are one match."""
    out: list[tuple[re.Match[str], bool, int]] = []
    skip = -1
    for i, (m, glued_code) in enumerate(matches):
        if i == skip:
            continue
        end = m.end()
        if lex.numbers.decimal == "." and text.startswith(" . ", end) and i + 1 < len(matches):
            spaced = _SPACED_POINT.match(text, m.start())
            if spaced and spaced.end() == matches[i + 1][0].end() and not glued_code:
                end, skip = spaced.end(), i + 1
        out.append((m, glued_code, end))
    return out


def _vague_scale(scale: re.Match[str], value: float, text: str, lex: Lexicon) -> bool:
    """A scale word that never starts a number ("dozens") after digits: "3 dozens" is 36, but
    not after a year or a big number, nor before a part link ("In 2019 dozens of people")."""
    if scale.group("scale").lower() not in lex.numbers.compound_only:
        return False
    return value >= _SMALL_SCALE or lex.regexes.part_link.match(text, scale.end()) is not None


def _digit_numerals(text: str, lex: Lexicon) -> list[Numeral]:
    pats = lex.regexes
    found = []
    for m, glued_code, end in _spaced_decimals(_digit_matches(text, lex), text, lex):
        raw = m.group() if end == m.end() else text[m.start() : end].replace(" ", "")
        value = parse_digits(raw, lex)
        if value is None:
            continue
        num = Numeral(m.start(), end, value, grouped=m.group("sep") is not None)
        num.glued_code = glued_code
        scale = pats.scale_after.match(text, end)
        if scale and not (
            (len(scale.group("scale")) == 1 and scale.group("space"))
            or _vague_scale(scale, value, text, lex)
        ):
            num.scale = lex.numbers.scales[scale.group("scale").lower().replace("\n", " ")]
            num.value = exact_product(num.value, num.scale)
            num.end = scale.end()
        if num.scale == 1 and lex.numbers.currency_scales:
            _currency_scale(num, text, lex)
        if _signed(text, num.start):
            num.start -= 1
            num.value = -num.value
        elif _signed_symbol(text, num.start):
            num.value = -num.value  # the sign stays outside: the currency sign is the unit
        else:
            sign_word(num, text, lex)
        found.append(num)
    return found


def _kind(word: str, lex: Lexicon) -> tuple[str, float]:
    if word in lex.numbers.scales:
        value = lex.numbers.scales[word]
        return (_HUNDRED if value == 100 else _SCALE), value
    value = lex.numbers.words[word]
    if value != int(value):
        return _FRACTION, value
    if value < 10:
        return _UNIT, value
    return (_TEEN if value < 20 else _TENS), value


class _Reader:
    """Reads one spelled number from a list of atoms, stopping where the grammar breaks."""

    def __init__(self, atoms: list[tuple[int, int, str]], text: str, lex: Lexicon) -> None:
        self.atoms, self.text, self.lex = atoms, text, lex

    def _connector_ok(self, k: int, last: str | None) -> bool:
        """ "einundzwanzig" (glued, unit + tens) or "hundred and six" (spaced, after a hundred)."""
        if k + 1 >= len(self.atoms) or self.atoms[k + 1][2] in self.lex.numbers.connectors:
            return False
        glued = (
            self.atoms[k - 1][1] == self.atoms[k][0] and self.atoms[k][1] == self.atoms[k + 1][0]
        )
        nxt_kind, _ = _kind(self.atoms[k + 1][2], self.lex)
        if glued:
            return last == _UNIT and nxt_kind == _TENS
        return last in (_HUNDRED, _SCALE)

    def read(self, i: int) -> tuple[int, float]:
        """Return (index after the number, value); the index equals ``i`` when nothing reads."""
        total, current, last, last_scale, k, end = 0.0, 0.0, None, float("inf"), i, i
        total_first: float | None = None  # the total after the first scale, -1 after another
        while k < len(self.atoms):
            word = self.atoms[k][2]
            if word in self.lex.numbers.connectors:
                if last is None or not self._connector_ok(k, last):
                    break
                k += 1
                continue
            if word in self.lex.numbers.decimal_words:
                return self._decimals(k, end, total + current) if last else (end, 0.0)
            kind, value = _kind(word, self.lex)
            if kind in (_UNIT, _TEEN, _TENS, _FRACTION):
                fits = (
                    last in (None, _HUNDRED, _SCALE)
                    or (last == _TENS and kind == _UNIT and current % 10 == 0)
                    or (last == _UNIT and kind == _TENS and self._glued_und(k))
                    or (last in (_UNIT, _TEEN, _TENS) and kind == _FRACTION)
                )
                if not fits:
                    break
                current += value
            elif kind == _HUNDRED:
                if last not in (None, _UNIT, _TEEN, _TENS) or current >= 100:
                    break
                current = (current or 1) * 100
            else:
                if value >= last_scale:
                    if last != _SCALE or total != total_first:
                        break
                    # "three lakh crore", "a thousand million": a bigger scale right after the
                    # first one multiplies it
                    total, last_scale = exact_product(total, value), value
                    total_first, last, k, end = total, kind, k + 1, k + 1
                    continue
                below = current % _SMALL_SCALE if value < _SMALL_SCALE else 0.0
                if below:  # "three hundred and two dozens" is 300 + 2 x 12
                    total += current - below + below * value
                else:
                    total += (current or 1) * value
                current, last_scale = 0.0, value
                total_first = total if total_first is None else -1.0
            last, k, end = kind, k + 1, k + 1
        return end, total + current

    def _glued_und(self, k: int) -> bool:
        return (
            k >= 2
            and self.atoms[k - 1][2] in self.lex.numbers.connectors
            and (self.atoms[k - 2][1] == self.atoms[k - 1][0])
        )

    def _decimals(self, k: int, end: int, whole: float) -> tuple[int, float]:
        digits, j = "", k + 1
        while j < len(self.atoms) and self.atoms[j][2] in self.lex.numbers.words:
            nxt, value = self._read_small(j)
            if nxt == j:
                break
            digits, j = digits + str(int(value)), nxt
        if not digits:
            return end, whole
        return j, exact_sum(whole, digits)

    def _read_small(self, j: int) -> tuple[int, float]:
        kind, value = _kind(self.atoms[j][2], self.lex)
        if kind not in (_UNIT, _TEEN, _TENS):
            return j, 0.0
        if kind == _TENS and j + 1 < len(self.atoms):
            nkind, nval = (
                _kind(self.atoms[j + 1][2], self.lex)
                if (self.atoms[j + 1][2] not in self.lex.numbers.connectors)
                else ("", 0.0)
            )
            if nkind == _UNIT:
                return j + 2, value + nval
        return j + 1, value


def _spelled_numerals(text: str, lex: Lexicon) -> list[Numeral]:
    pats = lex.regexes
    found: list[Numeral] = []
    for run in pats.word_run.finditer(text):
        tail = run.group("tail")
        body_end = run.end() - len(tail)
        atoms = [
            (a.start(), a.end(), a.group().lower())
            for a in pats.number_atom.finditer(text, run.start(), body_end)
        ]
        if tail and atoms and atoms[-1][2] + tail.lower() in lex.numbers.fractions:
            # "a hundred trillionths": the last atom and its tail are a fraction word
            body_end, tail = atoms.pop()[0], ""
        reader = _Reader(atoms, text, lex)
        i = 0
        while i < len(atoms):
            j, value = reader.read(i)
            if j == i:
                i += 1
                continue
            found.append(Numeral(atoms[i][0], atoms[j - 1][1], value, spelled=True))
            i = j
        if tail and found and found[-1].end == body_end:
            _attach_tail(found, tail.lower(), run.end(), lex)
    return found


def _attach_tail(found: list[Numeral], tail: str, end: int, lex: Lexicon) -> None:
    """Glued letters after a spelled number: a known compound unit, or not a number at all."""
    unit = lex.units.compound_suffixes.get(tail)
    if unit is None:
        found.pop()
        return
    found[-1].compound_unit = unit
    found[-1].end = end


_MEASURE_OR_MONEY = ("measure", "other_measure", "currency", "subunit")


def _unit_of_measure_after(end: int, text: str, lex: Lexicon) -> bool:
    """ "one mile", "one penny": a unit of measure or money right after the number word."""
    unit = lex.regexes.unit_phrase.match(text, end)
    if not unit or "\n" in unit.group("gap"):
        return False
    lemma = lex.units.nouns.get(" ".join(unit.group("unit").lower().split()))
    return load_vocabulary().kind(lemma) in _MEASURE_OR_MONEY


def _apply_prefix_words(num: Numeral, text: str, lex: Lexicon) -> bool:
    """ "eine halbe Million", "a dozen"; False when the number is an article or pronoun."""
    pats = lex.regexes
    origin = max(0, num.start - 30)
    window = text[origin : num.start]
    word = text[num.start : num.end].lower()
    if word in lex.numbers.scales:
        half = pats.half_before.search(window)
        if half:
            num.value *= 0.5
            num.start = origin + half.start()
            origin = max(0, num.start - 30)
            window = text[origin : num.start]
        article = pats.article_before.search(window)
        if article:
            num.start = origin + article.start()
        return True
    if word in lex.numbers.article_ones:
        return word in lex.numbers.unit_ones and _unit_of_measure_after(num.end, text, lex)
    return not (
        num.value == 1
        and (pats.pronoun_one_after.search(window) or pats.pronoun_one_before.match(text, num.end))
    )


def _scaled_codes(found: list[Numeral], text: str, lex: Lexicon) -> None:
    """ "120 MEUR", "twenty MUSD", "MAUD 60": an amount in millions (thousands) of a currency
    written as one code; the code is the numeral's unit, its scale multiplies the value."""
    pats, letters = lex.regexes, frozenset(lex.numbers.code_scales)
    for num in found:
        if num.scale != 1 or num.compound_unit:
            continue
        if (
            letters.isdisjoint(text[num.end : num.end + 2])
            and not text[max(0, num.start - 2) : num.start].strip().isupper()
        ):
            continue  # the cheap test: no scale letter after the number, no code before it
        after = pats.scaled_code_after.match(text, num.end)
        before = (
            None
            if after
            else pats.scaled_code_before.search(text, max(0, num.start - 6), num.start)
        )
        code = after or before
        if code:
            num.compound_unit, num.scale = pats.scaled_codes[code.group("code")]
            num.value = exact_product(num.value, num.scale)
            if after:
                num.end = after.end()
            else:
                num.start = code.start()


def _digits_then_words(
    digits: list[Numeral], spelled: list[Numeral], text: str, lex: Lexicon
) -> None:
    """ "3 hundred and one": digits with a hundred whose spelled reading ("hundred and one") goes
    on past them; the part after the hundred is added to the digits (not before another scale
    word: "between 2 hundred and five hundred" is a range)."""
    scaled = [n for n in digits if n.scale == _SMALL_SCALE]
    if not scaled:
        return
    for word in spelled:
        for num in scaled:
            if not num.start < word.start < num.end < word.end:
                continue
            rest = word.value - num.scale
            nxt = _NEXT_WORD.match(text, word.end)
            if (
                0 < rest < num.scale
                and lex.numbers.scales.get(text[word.start : num.end].lower()) == num.scale
                and not (nxt and nxt.group(1).lower() in lex.numbers.scales)
            ):
                num.value, num.end = num.value + rest, word.end


def find_numerals(text: str, lex: Lexicon) -> list[Numeral]:
    """All numbers in ``text`` in order of position, digits and spelled forms merged."""
    found = _digit_numerals(text, lex)
    if lex.numbers.words:
        spelled = _spelled_numerals(text, lex)
        if spelled:
            _digits_then_words(found, spelled, text, lex)
            taken = Spans([(n.start, n.end) for n in found])
            spelled = [
                n
                for n in spelled
                if not taken.overlaps(n.start, n.end) and _apply_prefix_words(n, text, lex)
            ]
        for n in spelled:
            sign_word(n, text, lex)
        found.extend(spelled)
        found.sort(key=lambda n: n.start)
    if lex.numbers.code_scales and lex.regexes.scaled_code_hint.search(text):
        _scaled_codes(found, text, lex)
    return _join_mixed(found, text, lex) if len(found) > 1 else found


def _join_mixed(nums: list[Numeral], text: str, lex: Lexicon) -> list[Numeral]:
    """ "4 thousand 3 hundred and 21": digits with a scale word, then smaller parts, one number.
    Only a hundred takes "and" ("2 million and 500 thousand" may be two ends of a range) or
    bare digits after it ("10 million 2019" is an amount and a year)."""
    out: list[Numeral] = []
    for num in nums:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.scale > 1
            and not prev.spelled
            and 0 < num.value < prev.scale
            and num.scale < prev.scale
            and (num.scale > 1 or prev.scale == 100)
        ):
            gap = _MIXED_GAP.fullmatch(text, prev.end, num.start)
            word = gap.group("word") if gap else None
            joined = word is None or (word.lower() in lex.numbers.connectors and prev.scale == 100)
            if gap and joined:
                prev.value, prev.end, prev.scale = prev.value + num.value, num.end, num.scale
                continue
        out.append(num)
    return out
