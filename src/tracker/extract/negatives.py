"""Numbers that are not claims, each with a named reason ("why was this not extracted?")."""

from __future__ import annotations

import enum
import functools
import re

from tracker.extract.lexicon import Lexicon
from tracker.extract.numerals import Numeral, Spans
from tracker.extract.patterns import (
    PHONE,
    Patterns,
    Tokens,
    tail_tokens,
    url_spans,
)
from tracker.extract.sentences import approximated

_WINDOW = 40
_OLDEST_AGE = 120
_LAST_DAY = 31  # a bound or bracketed number above this is no person's age
# "The defendant, 52, denied": a word, a comma, the number, a comma
_APPOSITION_BEFORE = re.compile(r"[^\W\d_],\s$")
_APPOSITION_AFTER = re.compile(r",(?:\s|$)")


def _designation_before(text: str, start: int) -> bool:
    """Letters glued to the number, or joined by a hyphen: "Su-34", "G7", "COVID-19", "scp2-173";
    not the second number of "5k-20k" (the letters there belong to a number)."""
    i = start - 1
    if i >= 0 and text[i] == "-":
        i -= 1
        j = i
        while j >= 0 and text[j].isalnum():
            j -= 1
        if j < i and text[j + 1].isalpha() and not text[i].isalpha():
            return True  # a name with digits before the hyphen: "scp2-173m", "MH17-2"
    if i < 0 or not text[i].isalpha():
        return False
    while i >= 0 and text[i].isalpha():
        i -= 1
    return i < 0 or not (text[i].isalnum() or text[i] == "_")


class Reason(enum.Enum):
    URL = "url or id"
    PHONE = "phone number"
    DATE = "date"
    YEAR = "year"
    TIME = "clock time"
    AGE = "age"
    ORDINAL = "ordinal"
    LABEL = "label or counter"
    DESIGNATION = "designation"
    VAGUE = "vague amount"
    FRACTION = "fraction"
    POWER = "power of ten or exponent"
    ARTICLE = "article or pronoun 'one'"
    RESULT = "match result"


_URL_HINTS = ("://", "www.", "@", ".de", ".com", ".org", ".net", ".htm", ".php")
_DATE_HINT, _PHONE_HINT, _CLOCK_HINT = (
    re.compile(r"\d[./-]\d"),
    re.compile(r"[+(]"),
    re.compile(r"\d[:.]\d"),
)
Mask = tuple[Reason, re.Pattern[str], int, int, re.Pattern[str]]


@functools.cache
def _local_masks(pats: Patterns) -> tuple[Mask, ...]:
    """(reason, regex, chars looked at before and after the number, characters the match needs);
    the clock regex is the language's ("10.30 Uhr", "10.30 a.m.")."""
    return (
        (Reason.DATE, pats.numeric_date, 11, 11, _DATE_HINT),
        (Reason.PHONE, PHONE, 30, 30, _PHONE_HINT),
        (Reason.TIME, pats.clock, 6, 12, _CLOCK_HINT),
    )


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")
# a match result: two small whole numbers joined by a dash or colon ("3-1", "2:0", "118-112")
_RESULT = re.compile(r"(?<!\d)(?<!\d[.,])\d{1,3}\s?[-–:]\s?\d{1,3}(?!\d|[.,]\d|\s?%)")


_NO_SPANS = Spans([])


class NegativeFilter:
    """Judges each number of one text by its shape and the words around it."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text, self.lex, self.pats = text, lex, lex.regexes
        # a mask whose hint the whole text lacks cannot match around any of its numbers
        self.masks = tuple([mask for mask in _local_masks(self.pats) if mask[4].search(text)])
        self.dashes = "-" in text or "–" in text or ":" in text
        # URLs are rare in a sentence: one pass over the text, only when a cheap test finds a hint.
        has_url = any([hint in text for hint in _URL_HINTS])
        self.urls = Spans(url_spans(text)) if has_url else _NO_SPANS

    def _masked(self, num: Numeral) -> Reason | None:
        """URLs, ids, dates, phone numbers and clock times around the number. Apart from URLs
        the look-ups are local, so the cost per number does not grow with the text."""
        text, start, end = self.text, num.start, num.end
        if self.urls.overlaps(start, end):
            return Reason.URL
        for reason, rx, reach_before, reach_after, hints in self.masks:
            lo, hi = max(0, start - reach_before), end + reach_after
            if not hints.search(text, lo, hi):
                continue
            for m in rx.finditer(text, lo, hi):
                if m.start() >= end:
                    break
                if start < m.end():
                    return reason
        return None

    def reason(self, num: Numeral) -> Reason | None:
        """Why ``num`` is not a claim, or None when it may be one."""
        masked = self._masked(num)
        if masked:
            return masked
        after = self.pats.after_number.match(self.text, num.end)
        follows = Reason[after.lastgroup] if after and after.lastgroup else None
        if follows is Reason.FRACTION:
            return follows
        before = self.text[max(0, num.start - _WINDOW) : num.start]
        if num.spelled:
            return self._spelled_reason(num, before, follows)
        tokens = tail_tokens(self.text, num.start - len(before), num.start)
        return (
            self._shape_reason(num, before, tokens)
            or self._name_reason(num, tokens)
            or self._context_reason(num, tokens, follows)
            or self._age_reason(num, tokens)
            or self._year_reason(num, tokens)
        )

    def _spelled_reason(self, num: Numeral, before: str, follows: Reason | None) -> Reason | None:
        word = self.text[num.start : num.end].lower()
        if word in self.lex.numbers.scales and self.pats.vague_before.search(before):
            return Reason.VAGUE
        return Reason.AGE if follows is Reason.AGE else None

    def _shape_reason(self, num: Numeral, before: str, tokens: Tokens) -> Reason | None:
        """Su-34, G7, 3rd, 528. Pionierregiment, 1/12 (not "magnitude-7": a unit word)."""
        text, end = self.text, num.end
        if (
            _designation_before(text, num.start)
            and not num.glued_code
            and not self.pats.unit_before_set.ending(tokens)
        ):
            return Reason.DESIGNATION
        after = text[end : end + 1]
        if after.isalpha():
            if self.pats.ordinal_suffix.match(text, end):
                return Reason.ORDINAL
            unit = self.pats.unit_phrase.match(text, end)
            if not num.compound_unit and (not unit or self._capital_symbol(unit.group("unit"))):
                return Reason.DESIGNATION
        if after == "/" and text[end + 1 : end + 2].isdigit() or before.endswith("/"):
            return Reason.LABEL
        if before.endswith("^"):
            return Reason.POWER  # the exponent of a unit or a number: "4,18m^2", "10^6"
        if after == ")" and before.endswith("(") and before[-2:-1].isalnum():
            return Reason.LABEL  # an argument, index or footnote glued to a word: "alert(1)"
        if after == "." and num.scale == 1 and self.lex.negatives.sentence_starters:
            return self._dotted_ordinal(num, end)
        return None

    def _capital_symbol(self, form: str) -> bool:
        """ "5G", "4G-Netz": a capital glued to the number where only the lower-case letter is a
        unit symbol (grams) names a thing."""
        return (
            len(form) == 1
            and form.isupper()
            and form.lower() in self.lex.negatives.lower_case_symbols
        )

    def _name_reason(self, num: Numeral, tokens: Tokens) -> Reason | None:
        """Names that contain numbers: "S&P 500", "Boeing 737", "the 90210 ZIP code", the race
        "the 100m final" / "Finale über 100 Meter", and match results ("won 3-1", "a 2:0 win")."""
        pats, text = self.pats, self.text
        if pats.name_before_set.ending(tokens) or pats.name_after.match(text, num.end):
            return Reason.DESIGNATION
        if pats.event_before_set.ending(tokens) and pats.event_distance.match(text, num.end):
            return Reason.DESIGNATION
        return self._result_reason(num)

    def _result_reason(self, num: Numeral) -> Reason | None:
        if num.scale != 1 or num.value != int(num.value):
            return None
        if not self.dashes:
            return None  # no dash or colon in the whole text: no result around any number
        around = self.text[max(0, num.start - 2) : num.start] + self.text[num.end : num.end + 2]
        if not any(c in around for c in "-–:"):
            return None
        lo = max(0, num.start - 8)
        for m in _RESULT.finditer(self.text, lo, num.end + 8):
            if m.start() <= num.start and num.end <= m.end():
                before = tail_tokens(self.text, max(0, m.start() - 30), m.start())
                if self.pats.result_before_set.ending(before) or self.pats.result_after.match(
                    self.text, m.end()
                ):
                    return Reason.RESULT
        return None

    def _dotted_ordinal(self, num: Numeral, end: int) -> Reason | None:
        """German "528. Pionierregiment": number, period, then a word no sentence starts with;
        "am 8. und 9. Juni": a day before more days and a month."""
        if 1 <= num.value <= _LAST_DAY and self.pats.day_list.match(self.text, end + 1):
            return Reason.DATE
        nxt = _NEXT_WORD.match(self.text, end + 1)
        if not nxt:
            return None
        word = nxt.group(1).lower()
        if self.pats.months.match(self.text, nxt.start(1)):
            return Reason.DATE
        if word in self.lex.negatives.sentence_starters or approximated(
            self.text, num.start, self.lex
        ):
            return None  # "schätzt die Zahl auf rund 2000. Die Ukraine ...": a count
        return Reason.ORDINAL

    def _context_reason(
        self, num: Numeral, tokens: Tokens, follows: Reason | None
    ) -> Reason | None:
        pats = self.pats
        if (follows is Reason.DATE or self._date_word(tokens)) and self._day(num):
            return Reason.DATE
        if follows is Reason.TIME:
            return Reason.TIME
        if follows is Reason.AGE or pats.age_before_set.ending(tokens):
            return Reason.AGE
        if pats.label_set.ending(tokens) or self._counter(tokens):
            return Reason.LABEL
        return None

    def _date_word(self, tokens: Tokens) -> bool:
        """A month or weekday before the number, also with a spaced period ("oct . 13":
        tokenised text; "oct." is the listed abbreviation)."""
        if self.pats.date_word_set.ending(tokens):
            return True
        if len(tokens) < 2 or tokens[-1][0] != "." or tokens[-2][0].endswith("."):
            return False
        word, start = tokens[-2]
        return bool(self.pats.date_word_set.ending([*tokens[:-2], (word + ".", start)]))

    def _day(self, num: Numeral) -> bool:
        """Next to a month or after a weekday, a day of the month ("March 3", "5 March",
        "Monday 5"); a year is left to the year rule, and a count or an amount is no date: "am
        Mittwoch 5.800 Verletzte", "in October 1,200 troops", "am Montag 12 Tote", "$ 37,305.97
        february expenses"."""
        raw = self.text[num.start : num.end]
        return (
            len(raw) <= 2
            and raw.isdigit()
            and 1 <= num.value <= _LAST_DAY
            and not self.pats.unit_phrase.match(self.text, num.end)
        )

    def _age_reason(self, num: Numeral, tokens: Tokens) -> Reason | None:
        """ "people over 65", "Kinder unter 12 Jahren", "his neighbour, 81,": a person's age."""
        if num.scale != 1 or num.value != int(num.value) or not 0 < num.value <= _OLDEST_AGE:
            return None
        if self._apposition(num):
            return Reason.AGE
        bound = self.pats.age_bound_set.ending(tokens)
        if not bound or not self.pats.age_group_set.ending([t for t in tokens if t[1] < bound[1]]):
            return None
        unit = self.pats.unit_phrase.match(self.text, num.end)
        lemma = self.lex.units.nouns.get(unit.group("unit").lower()) if unit else None
        if unit and lemma not in self.lex.negatives.age_units:
            return None
        return Reason.AGE

    def _apposition(self, num: Numeral) -> bool:
        text = self.text
        return (
            self.lex.negatives.age_apposition
            and not num.grouped
            and bool(_APPOSITION_BEFORE.search(text, max(0, num.start - 3), num.start))
            and bool(_APPOSITION_AFTER.match(text, num.end))
        )

    def _counter(self, tokens: Tokens) -> bool:
        """The second number of "Seite 3 von 10" / "page 4 of 12"."""
        link = self.pats.link_set.ending(tokens)
        if not link:
            return False
        head = [t for t in tokens if t[1] < link[1]]
        return (
            len(head) >= 2 and head[-1][0].isdigit() and bool(self.pats.label_set.ending(head[:-1]))
        )

    def _year_reason(self, num: Numeral, tokens: Tokens) -> Reason | None:
        raw = self.text[num.start : num.end]
        if not (len(raw) == 4 and raw.isdigit() and 1800 <= num.value <= 2100):
            return None
        if self.pats.year_word_set.ending(tokens):
            return Reason.YEAR
        unit = self.pats.unit_phrase.match(self.text, num.end)
        if unit or self.pats.symbol_set.ending(tokens):
            return None
        # "von denen rund 2000 ums Leben kamen", "of whom at least 1500 died": a bound or an
        # approximation no year takes makes it a count, unless a year word stands before it
        # ("seit etwa 2000", "since about 2000")
        bound = self.pats.count_before_year_set.ending(tokens)
        if bound and not self.pats.year_word_set.ending([t for t in tokens if t[1] < bound[1]]):
            return None
        return Reason.YEAR
