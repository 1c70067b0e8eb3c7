"""Claim-level steps after each claim is read: joining bounds into ranges, shared units."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from fractions import Fraction

from tracker.extract.lexicon import Lexicon
from tracker.extract.numerals import exact_product
from tracker.extract.patterns import tail_tokens
from tracker.extract.vocabulary import load_vocabulary
from tracker.models import Claim

_NOT_INHERITED = {"percent", "percentage_point", "basis_point"}
# What a bare number after a claim may count too: a count or an amount of money ("14 people
# were injured, three of them seriously"). A duration, a measure or a temperature is written
# with each of its numbers, so a later bare number counts something else ("Two days after the
# quake, 40 were rescued"), unless a comparison word puts it next to the first ("500km, up
# from 420") or it is a parallel list item ("30C on Friday and 32 on Saturday"). None: a
# counted noun the vocabulary does not list ("fan" from "500 fans") is a count too.
_CARRIED_KINDS = {"count", "currency", "subunit", None}
_COMPARE_REACH = 30
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)\b")


def inherit_units(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """A bare number counts what its neighbour in the sentence counts: "23 of 29 drones",
    "14 people were injured, three of them seriously", "Russia claimed 10,000". Shares
    (percent) are not passed on: "3.4% to 1.9 million" is not 1.9 million percent; nor are
    durations and measures to a later number (``_CARRIED_KINDS``)."""
    out = list(claims)
    kind = load_vocabulary().kind
    for i, claim in enumerate(out):
        if claim.unit is not None or claim.entity is not None:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        prev = out[i - 1] if i > 0 else None
        if (
            nxt
            and _same_sentence(claim, nxt)
            and kind(nxt.unit) in _CARRIED_KINDS  # not "five of the three-ton satellites"
            and lex.regexes.part_link.fullmatch(text, claim.end, nxt.start)
        ):
            donor = nxt
        elif prev and _same_sentence(claim, prev) and _carries(prev, claim, text, lex, kind):
            donor = prev
        else:
            continue
        if donor.unit and donor.unit not in _NOT_INHERITED:
            out[i] = dataclasses.replace(claim, unit=donor.unit)
    return out


def _carries(
    donor: Claim, claim: Claim, text: str, lex: Lexicon, kind: Callable[[str | None], str | None]
) -> bool:
    if kind(donor.unit) in _CARRIED_KINDS:
        return True
    before = tail_tokens(text, max(donor.end, claim.start - _COMPARE_REACH), claim.start)
    if lex.regexes.compare_set.ending(before) is not None:
        return True
    # a parallel list: "30C on Friday and 32 on Saturday", "41C in Seville and 39 in Madrid"
    after_donor, after_claim = (
        _WORD_AFTER.match(text, donor.end),
        _WORD_AFTER.match(text, claim.end),
    )
    return bool(
        after_donor and after_claim and after_donor.group(1).lower() == after_claim.group(1).lower()
    )


def _same_sentence(a: Claim, b: Claim) -> bool:
    return a.sentence_start == b.sentence_start


def join_bounds(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """ "above 1000 and below 1500": a lower and an upper bound side by side are one range."""
    out: list[Claim] = []
    for claim in claims:
        prev = out[-1] if out else None
        if prev and _bounds_pair(prev, claim, text, lex):
            low_side, high_side = (prev, claim) if prev.kind == "lower_bound" else (claim, prev)
            out[-1] = dataclasses.replace(
                prev,
                text=text[prev.start : claim.end],
                end=claim.end,
                low=low_side.low,
                high=high_side.high,
                kind="range",
                unit=prev.unit or claim.unit,
                entity=prev.entity or claim.entity,
                approximate=prev.approximate or claim.approximate,
            )
        else:
            out.append(claim)
    return out


def _bounds_pair(a: Claim, b: Claim, text: str, lex: Lexicon) -> bool:
    if {a.kind, b.kind} != {"lower_bound", "upper_bound"} or a.sentence_start != b.sentence_start:
        return False
    if a.entity is not None or a.unit not in (None, b.unit):
        return False  # "knapp 3.000 Tote, gut 500 Verletzte" are two claims
    if not lex.regexes.bound_joiner.fullmatch(text, a.end, b.start):
        return False
    low = a.low if a.kind == "lower_bound" else b.low
    high = b.high if b.kind == "upper_bound" else a.high
    return low is not None and high is not None and low < high


def join_parts(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """ "3 dollars 50 cents", "5 ft 2 in", "15 dollars and 50": a whole amount and its part
    right after it are one amount in the whole unit (3.5 dollar, 5 2/12 foot); "75 USD
    million": a currency amount and a scale word after it are one amount."""
    out: list[Claim] = []
    for claim in claims:
        prev = out[-1] if out else None
        joined = _whole_and_part(prev, claim, text, lex) if prev else None
        if joined is None and prev is not None:
            joined = _amount_and_scale(prev, claim, text, lex)
        if joined is None:
            out.append(claim)
        else:
            out[-1] = joined
    return out


def _whole_and_part(a: Claim, b: Claim, text: str, lex: Lexicon) -> Claim | None:
    if a.unit not in lex.units.parts or not _point_pair(a, b):
        return None
    part, per_whole = lex.units.parts[a.unit]
    if not (a.low == int(a.low) and b.low == int(b.low) and 0 <= b.low < per_whole):
        return None
    if not lex.regexes.part_gap.fullmatch(text, a.end, b.start):
        return None
    end = b.end
    if b.unit is None and b.entity is None:
        after = lex.regexes.part_end.match(text, b.end)
        if not after:
            return None  # "$4 and 32 is the quantity": the bare number counts something else
        end = after.end("word") if after.group("word") else b.end
    elif b.unit != part:
        return None
    value = float(Fraction(int(a.low)) + Fraction(int(b.low), per_whole))
    return dataclasses.replace(a, text=text[a.start : end], end=end, low=value, high=value)


def _amount_and_scale(a: Claim, b: Claim, text: str, lex: Lexicon) -> Claim | None:
    scale = lex.numbers.scales.get(b.text.lower())
    if not scale or a.unit not in lex.units.prefix_symbols.values() or not _point_pair(a, b):
        return None
    if b.unit is not None or text[a.end : b.start].strip() or a.low is None:
        return None
    value = exact_product(a.low, scale)
    return dataclasses.replace(a, text=text[a.start : b.end], end=b.end, low=value, high=value)


def _point_pair(a: Claim, b: Claim) -> bool:
    return (
        a.kind in ("point", "approx")
        and b.kind == "point"
        and _same_sentence(a, b)
        and a.low is not None
        and b.low is not None
        and b.low == b.high
    )
