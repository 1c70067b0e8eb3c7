"""Numbers that are not claims, each with a named reason ("why was this not extracted?")."""

from __future__ import annotations

import enum
import re

from tracker.extract.lexicon import Lexicon
from tracker.extract.numerals import Numeral, Spans
from tracker.extract.patterns import CLOCK, NUMERIC_DATE, ORDINAL_SUFFIX, PHONE, URL

_WINDOW = 40
# One pass over the text finds every region whose digits are never claims.
MASKS = re.compile(
    "|".join(
        f"(?P<{name}>{rx.pattern})"
        for name, rx in (("URL", URL), ("PHONE", PHONE), ("DATE", NUMERIC_DATE), ("TIME", CLOCK))
    ),
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w-]*)")


# Letters glued to the number, or joined by a hyphen: "Su-34", "G7", "COVID-19" (not "5k-20k").
_DESIGNATION_BEFORE = re.compile(r"(?<![\w])[^\W\d_]+-?$")


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


class NegativeFilter:
    """Finds the masked regions of one text once, then judges each number in it."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text, self.lex, self.pats = text, lex, lex.regexes
        found: dict[str, list[tuple[int, int]]] = {}
        for m in MASKS.finditer(text):
            found.setdefault(m.lastgroup or "", []).append(m.span())
        self.masks = [(Reason[name], Spans(spans)) for name, spans in found.items()]

    def reason(self, num: Numeral) -> Reason | None:
        """Why ``num`` is not a claim, or None when it may be one."""
        for reason, spans in self.masks:
            if spans.overlaps(num.start, num.end):
                return reason
        before = self.text[max(0, num.start - _WINDOW) : num.start]
        if num.spelled:
            return self._spelled_reason(num, before)
        return (
            self._shape_reason(num, before)
            or self._context_reason(num, before)
            or self._year_reason(num, before)
        )

    def _spelled_reason(self, num: Numeral, before: str) -> Reason | None:
        word = self.text[num.start : num.end].lower()
        if word in self.lex.scales and self.pats.vague_before.search(before):
            return Reason.VAGUE
        if self.pats.age_after.match(self.text, num.end):
            return Reason.AGE
        return None

    def _shape_reason(self, num: Numeral, before: str) -> Reason | None:
        """Su-34, G7, 3rd, 528. Pionierregiment, 1/12."""
        text, end = self.text, num.end
        if _DESIGNATION_BEFORE.search(before):
            return Reason.DESIGNATION
        after = text[end : end + 1]
        if after.isalpha():
            if ORDINAL_SUFFIX.match(text, end):
                return Reason.ORDINAL
            if not self.pats.unit_phrase.match(text, end) and not num.compound_unit:
                return Reason.DESIGNATION
        if after == "/" and text[end + 1 : end + 2].isdigit() or before.endswith("/"):
            return Reason.LABEL
        if after == "." and num.scale == 1 and self.lex.sentence_starters:
            return self._dotted_ordinal(end)
        return None

    def _dotted_ordinal(self, end: int) -> Reason | None:
        """German "528. Pionierregiment": a number, a period, then a word no sentence starts with."""
        nxt = _NEXT_WORD.match(self.text, end + 1)
        if not nxt:
            return None
        word = nxt.group(1).lower()
        if self.pats.months.match(self.text, nxt.start(1)):
            return Reason.DATE
        if word in self.lex.sentence_starters:
            return None
        return Reason.ORDINAL

    def _context_reason(self, num: Numeral, before: str) -> Reason | None:
        pats, text, end = self.pats, self.text, num.end
        if pats.month_before.search(before) or pats.month_after.match(text, end):
            return Reason.DATE
        if pats.time_after.match(text, end):
            return Reason.TIME
        if pats.age_after.match(text, end) or pats.age_before.search(before):
            return Reason.AGE
        if pats.label_before.search(before) or pats.label_counter_before.search(before):
            return Reason.LABEL
        return None

    def _year_reason(self, num: Numeral, before: str) -> Reason | None:
        raw = self.text[num.start : num.end]
        if not (len(raw) == 4 and raw.isdigit() and 1800 <= num.value <= 2100):
            return None
        if self.pats.year_word_before.search(before):
            return Reason.YEAR
        unit = self.pats.unit_phrase.match(self.text, num.end)
        if unit or self.pats.prefix_symbol.search(before):
            return None
        return Reason.YEAR
