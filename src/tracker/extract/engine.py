"""The language-agnostic rule engine: numbers, negatives, ranges and bounds, unit, source."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from tracker.claimants import resolve
from tracker.claimants.gazetteer import data_language
from tracker.claimants.index import index_for
from tracker.claimants.normalize import norms
from tracker.extract.attribution import (
    COMPOUND,
    RECORD,
    Cue,
    Letters,
    briefer,
    find_cues,
    is_hedged,
    opening_subject,
    opens_cue,
    pick_source,
    quoted_speaker,
    relay_holder,
    report_subject,
    reported_speech_pattern,
    sentence_letters,
    subjunctive_verb,
)
from tracker.extract.combine import inherit_units, join_bounds, join_parts
from tracker.extract.coreference import (
    ANONYMOUS,
    Coreference,
    claimant_type,
    measured_subject,
)
from tracker.extract.lexicon import Lexicon, per_language, phrase_alternation, word_bounded
from tracker.extract.meaning import add_meaning
from tracker.extract.negatives import NegativeFilter, Reason
from tracker.extract.number_layer import fractions_and_powers, layer_numerals, scale_letters
from tracker.extract.numerals import Numeral, exact_product, find_numerals
from tracker.extract.patterns import Tokens, tail_tokens
from tracker.extract.sentences import Sentence, split_sentences
from tracker.extract.units import UnitMatch, find_unit, unit_sense
from tracker.extract.vocabulary import load_vocabulary
from tracker.models import Claim

_MAX_GAP = 16
_LOOKBACK = 40
_SPACE = re.compile(r"\s+")
DIGIT = re.compile(r"\d")
_GLUED_SUFFIX = re.compile(r"[^\w\s]")
_WORD_START = re.compile(r"(?<![\w])\w")
_NUMBER_NEXT = re.compile(r"\s*[-−]?[\d$€£]")
_MEASURE_KINDS = ("measure", "other_measure")
_VULGAR_FRACTION = re.compile(r"[¼½¾⅐-⅞]")  # "½ teaspoon": an amount without a digit numeral


@dataclass(slots=True)
class _Core:
    """One claim's numbers before context is added: a single numeral or a range of two."""

    numerals: list[Numeral]
    start: int
    end: int
    approximate: bool = False
    kind: str = "point"
    prefix_unit: str | None = None


_LETTERS_KEPT = 8  # sentences whose letter runs the context keeps


@dataclass
class _Context:
    text: str
    lex: Lexicon
    sentences: list[Sentence]
    starts: list[int] = field(default_factory=list)
    cues: dict[int, list[Cue]] = field(default_factory=dict)
    hedged: dict[int, bool] = field(default_factory=dict)
    # each sentence's letter runs, read once for its cues and its hedge test (asked about the
    # same few sentences in a row: only the last ones are kept, a long text holds no copy)
    letters: dict[int, Letters] = field(default_factory=dict)
    coreference: Coreference | None = None
    continues: dict[int, bool] = field(default_factory=dict)
    unsourced: dict[int, bool] = field(default_factory=dict)  # "Das wären ...", "sollen"
    elliptic: dict[int, bool] = field(default_factory=dict)  # "Derzeit sind es 5,2 Millionen"
    mentions_read: int = 0  # sentences whose source mentions coreference has been given
    subjects: dict[int, Cue | None] = field(default_factory=dict)
    last_end: int = 0  # where the claim before the current one ends
    units: dict[int, set[str | None]] = field(default_factory=dict)  # of the claims per sentence
    paragraph_last: dict[int, int] = field(default_factory=dict)  # its last sentence's index
    counts_on: dict[int, bool] = field(default_factory=dict)  # "Weitere 48 ...", "davon ..."
    # the last claimant asked for and its answer: claims of one source ask for it in a row
    last_claimant: tuple[tuple[str, int, bool], str | None] | None = None

    def __post_init__(self) -> None:
        for index, sentence in enumerate(self.sentences):
            self.paragraph_last[sentence.paragraph] = index

    def is_hedged(self, index: int) -> bool:
        if index not in self.hedged:
            s = self.sentences[index]
            self.hedged[index] = is_hedged(
                self.text, s.start, s.end, self.lex, self.letters_of(index)
            )
        return self.hedged[index]

    def letters_of(self, index: int) -> Letters:
        """The sentence's letter runs, which its cue scans and hedge test both ask for."""
        if index not in self.letters:
            if len(self.letters) >= _LETTERS_KEPT:
                self.letters.clear()
            s = self.sentences[index]
            self.letters[index] = sentence_letters(self.text, s.start, s.end)
        return self.letters[index]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def cues_of(self, index: int) -> list[Cue]:
        if index not in self.cues:
            s = self.sentences[index]
            self.cues[index] = find_cues(
                self.text, s.start, s.end, self.lex, self.letters_of(index)
            )
        return self.cues[index]

    def subject_of(self, index: int) -> Cue | None:
        """The opening subject of a sentence without cues, when it names a body or person."""
        if index not in self.subjects:
            s = self.sentences[index]
            self.subjects[index] = opening_subject(self.text, s.start, s.end, self.lex)
        return self.subjects[index]

    def mentions_until(self, pos: int) -> list[tuple[int, str]]:
        """Source mentions (start, as written) of the sentences up to the one holding ``pos``
        that were not handed over before (each sentence once: linear in a long text); a sentence
        without cues offers its opening subject ("Der Klimaforscher X hält ... Er sagte")."""
        first, last = self.mentions_read, self.sentence_index(pos) + 1
        self.mentions_read = max(first, last)
        found = []
        for i in range(first, last):
            cues = self.cues_of(i) or [c for c in (self.subject_of(i),) if c]
            found += [(c.src_start, c.source) for c in cues]
        return found

    def claimant(self, written: str, pos: int, *, points: bool = True) -> str | None:
        """``Coreference.claimant``; the same question asked again right after (the next claim
        of the same source) has the same answer: the first one read every mention up to
        ``pos`` and settled only the mention at ``pos``, while pointing back looks before it."""
        asked = (written, pos, points)
        if self.last_claimant is not None and self.last_claimant[0] == asked:
            return self.last_claimant[1]
        if self.coreference is None:
            self.coreference = Coreference(self.text, self.lex, self.mentions_until)
        found = self.coreference.claimant(written, pos, points=points)
        self.last_claimant = (asked, found)
        return found


def discarded(text: str, lex: Lexicon) -> list[tuple[str, int, Reason]]:
    """Numbers that were read but are not claims, with the reason (for "why not?")."""
    negatives = NegativeFilter(text, lex)
    out = []
    for num in find_numerals(text, lex):
        reason = negatives.reason(num)
        if reason is not None:
            out.append((text[num.start : num.end], num.start, reason))
    return out


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number as written and read, claim or not; ``reason`` says why it is not a claim
    candidate (None when the claim layer may build a claim from it)."""

    text: str
    start: int
    end: int
    value: float
    reason: Reason | None


_LAYER_REASONS = {
    "fraction": Reason.FRACTION,
    "mixed": Reason.FRACTION,
    "power": Reason.POWER,
    "article": Reason.ARTICLE,
    "ordinal": Reason.ORDINAL,
}


def number_mentions(text: str, lex: Lexicon) -> list[NumberMention]:
    """The number layer: every number the language data can read, fractions and the article
    "one" included, each with the reason the claim layer would reject it."""
    negatives = NegativeFilter(text, lex)
    out = []
    for num, tag in scale_letters(layer_numerals(text, lex), text, lex):
        reason = _LAYER_REASONS[tag] if tag in _LAYER_REASONS else negatives.reason(num)
        out.append(NumberMention(text[num.start : num.end], num.start, num.end, num.value, reason))
    return out


def extract_claims(text: str, lex: Lexicon) -> list[Claim]:
    numerals = find_numerals(text, lex)
    if not numerals and (text.isascii() or not _VULGAR_FRACTION.search(text)):
        return []
    numerals = _apply_fractions(numerals, text, lex)
    negatives = NegativeFilter(text, lex)
    reasons = _share_range_reasons(numerals, [negatives.reason(n) for n in numerals], text, lex)
    kept = [n for n, reason in zip(numerals, reasons, strict=True) if reason is None]
    if not kept:
        return []
    sentences = split_sentences(text, lex)
    ctx = _Context(text, lex, sentences, [s.start for s in sentences])
    claims = join_bounds([_claim(core, ctx) for core in _cores(kept, text, lex)], text, lex)
    claims = join_parts(claims, text, lex)
    claims = add_meaning(inherit_units(claims, text, lex), text, lex)
    if len(sentences) < 2 or len([c for c in claims if c.claimant]) < 2:
        return claims  # the passes below relate the claimants of two sentences
    claims = _umbrella_named_later(_voices_named_later(claims, lex), lex)
    return _polls_of_pollsters(claims, text, lex)


def _umbrella_named_later(claims: list[Claim], lex: Lexicon) -> list[Claim]:
    """ "Die Vereinten Nationen haben 12.000 Tote dokumentiert ..., teilte die
    UN-Beobachtermission mit": an international body opening its sentence as the subject that
    counted is its unit named next with the body's name joined to it ("UN-Mission"); a cue
    ("nach Angaben der Vereinten Nationen") keeps the body itself."""
    known = index_for(data_language(lex.code)).gazetteer.claimants
    umbrellas = {
        c.claimant
        for c in claims
        if c.claimant
        and c.source
        and c.source_start == c.sentence_start  # the subject counting, not "nach Angaben der UN"
        and "-" not in c.source
        and getattr(known.get(c.claimant), "type", None) == "international"
    }
    if not umbrellas:
        return claims
    out = list(claims)
    for at, claim in enumerate(claims):
        if claim.claimant not in umbrellas or claim.source_start != claim.sentence_start:
            continue
        for later in claims[at + 1 :]:
            key = later.claimant
            if not key or key == claim.claimant or not later.source:
                continue
            if key.startswith((ANONYMOUS, "person-")):
                continue
            joined = [w.split("-", 1)[0] for w in later.source.split() if "-" in w[1:]]
            if any(resolve(w, lex.code).claimant == claim.claimant for w in joined):
                out[at] = replace(claim, claimant=key)
            break
    return out


_MEDIA_TYPES = frozenset({"media", "broadcaster", "news-agency"})


def _polls_of_pollsters(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """ "im neuen ARD-Deutschlandtrend ... ermittelte Infratest dimap für die ARD": a medium's
    named poll states what the pollster of the article found, not the medium."""
    joiner = lex.sources.named_survey_joiner
    if joiner != "-" or len(claims) < 2:
        return claims
    polled = [
        at
        for at, c in enumerate(claims)
        if c.claimant
        and c.source_end is not None
        and text.startswith(joiner, c.source_end)
        and text[c.source_end + 1 : c.source_end + 2].isupper()
    ]
    if not polled:
        return claims
    pollsters = {
        c.claimant
        for c in claims
        if c.claimant and c.source and claimant_type(c.claimant, c.source, lex) == "pollster"
    }
    if len(pollsters) != 1:
        return claims
    (pollster,) = pollsters
    out = list(claims)
    for at in polled:
        c = claims[at]
        if c.claimant != pollster and claimant_type(c.claimant or "", c.source or "", lex) in (
            _MEDIA_TYPES
        ):
            out[at] = replace(c, claimant=pollster)
    return out


def _voices_named_later(claims: list[Claim], lex: Lexicon) -> list[Claim]:
    """ "nach Schätzungen der Versicherer ... Der Gesamtverband der Versicherer geht davon aus",
    "nach Polizeiangaben ... ein Sprecher der Landespolizeiinspektion": a voice that names
    nobody (an anonymous key) is the body named next in the article whose name holds its word."""
    named = [
        at
        for at, c in enumerate(claims)
        if c.claimant and c.source and not c.claimant.startswith((ANONYMOUS, "person-"))
    ]
    if not named or not any(c.claimant and c.claimant.startswith(ANONYMOUS) for c in claims):
        return claims
    data_lang = data_language(lex.code)
    gazetteer = index_for(data_lang).gazetteer
    out = list(claims)
    for at, claim in enumerate(claims[: named[-1]]):
        if not (claim.claimant and claim.claimant.startswith(ANONYMOUS) and claim.source):
            continue
        if claim.source.split()[0].lower() in lex.sources.pointing_determiners:
            continue  # "the ministry", "die Behörde" point back, never ahead
        head = norms(claim.source, data_lang)
        if not head or len(head[-1]) < 5:
            continue
        # of a kind a country has one of (not "company figures": there are many companies)
        kind = resolve(claim.source, lex.code).type
        one = kind is not None and kind in gazetteer.types and not gazetteer.types[kind].many
        kinds = gazetteer.narrower_types(kind) if one and kind else frozenset()
        for later in claims[at + 1 :]:
            key = later.claimant
            if not key or key.startswith((ANONYMOUS, "person-")) or not later.source:
                continue
            if later.source == claim.source:
                continue
            # its word in the body's name, or the body of its kind ("Feuerwehr" ... Cal Fire)
            if any(head[-1] in w for w in norms(later.source, data_lang)) or (
                kinds and claimant_type(key, later.source, lex) in kinds
            ):
                out[at] = replace(claim, claimant=key)
                break
    return out


def _apply_fractions(numerals: list[Numeral], text: str, lex: Lexicon) -> list[Numeral]:
    """A mixed number ("2 1/4", "fünf und drei Viertel Milliarde") or a power ("1.3e6") that
    starts at a numeral is that numeral's value; the numbers inside a fraction ("two thirds",
    "one over three", "34/23") are not claims (issue #3), except a fraction that a measure
    unit follows: "1/4 mile", "½ teaspoon", "three quarters mile" are amounts."""
    layer = fractions_and_powers(text, lex, numerals)
    if not layer:
        return numerals
    measured = [f for f, tag in layer if tag == "fraction" and _measure_after(f, text, lex)]
    out: list[Numeral] = []
    first_overlap = _Overlaps(layer)
    for num in numerals:
        found = first_overlap(num)
        if found is None:
            out.append(num)
        elif found[0].start == num.start and found[1] in ("mixed", "power"):
            out.append(found[0])
        elif found[1] == "scaled" and not (out and out[-1] is found[0]):
            out.append(found[0])  # "a quarter million", read from its first word
    if measured:
        out = sorted(out + measured, key=lambda n: n.start)
    return out


def _measure_after(fraction: Numeral, text: str, lex: Lexicon) -> bool:
    unit = lex.regexes.unit_phrase.match(text, fraction.end)
    if not unit or "\n" in unit.group("gap"):
        return False
    lemma = lex.units.nouns.get(_SPACE.sub(" ", unit.group("unit").lower()))
    return load_vocabulary().kind(lemma) in _MEASURE_KINDS


class _Overlaps:
    """The first fraction or power (in layer order) overlapping a numeral: a binary search
    when the layer is in text order without overlaps (as it is read), so a long text stays
    linear; a scan otherwise."""

    def __init__(self, layer: list[tuple[Numeral, str]]) -> None:
        self.layer = layer
        self.starts = [f[0].start for f in layer]
        self.ends = [f[0].end for f in layer]
        self.ordered = all(
            self.starts[i] <= self.starts[i + 1] and self.ends[i] <= self.starts[i + 1]
            for i in range(len(layer) - 1)
        )

    def __call__(self, num: Numeral) -> tuple[Numeral, str] | None:
        if not self.ordered:
            overlapping = (f for f in self.layer if f[0].start < num.end and num.start < f[0].end)
            return next(overlapping, None)
        j = bisect.bisect_right(self.ends, num.start)
        return self.layer[j] if j < len(self.layer) and self.starts[j] < num.end else None


_SHARED_REASONS = {Reason.TIME, Reason.DATE, Reason.AGE}


def _share_range_reasons(
    nums: list[Numeral], reasons: list[Reason | None], text: str, lex: Lexicon
) -> list[Reason | None]:
    """ "zwischen 10 und 12 Uhr", "aged 18 to 25": both ends of a range are times (ages, dates);
    "2000 bis 3000 Soldaten" is a count, not a year. Decided from the numbers' own reasons."""
    shared = list(reasons)
    for i in range(len(nums) - 1):
        a, b = nums[i], nums[i + 1]
        if b.start - a.end > _MAX_GAP or not lex.regexes.range_gap.fullmatch(text, a.end, b.start):
            continue
        if reasons[i] is Reason.YEAR and reasons[i + 1] is None:
            if lex.regexes.unit_phrase.match(text, b.end):
                shared[i] = None
            continue
        for own, other in ((i, i + 1), (i + 1, i)):
            if reasons[own] in _SHARED_REASONS and reasons[other] is None:
                shared[other] = reasons[own]
    return shared


def _cores(nums: list[Numeral], text: str, lex: Lexicon) -> list[_Core]:
    cores, i = [], 0
    while i < len(nums):
        if i + 1 < len(nums) and _range_between(nums[i], nums[i + 1], text, lex):
            core = _range_core(nums[i], nums[i + 1], text, lex)
            i += 2
        else:
            core = _Core([nums[i]], nums[i].start, nums[i].end)
            i += 1
        cores.append(core)
    return cores


def _range_between(a: Numeral, b: Numeral, text: str, lex: Lexicon) -> bool:
    """ "zwischen X und Y", "X bis Y", "X–Y", "from X to Y": the connector fits the opener."""
    if b.start - a.end > _MAX_GAP or a.compound_unit:
        return False
    pats = lex.regexes
    gap_start = a.end
    unit = pats.unit_phrase.match(text, a.end, b.start)
    if unit and _symbol_before_both(unit, a, text, lex):
        unit = None  # "$1.1bn-$1.4bn": the "$" of the gap is the second number's symbol
    if unit:
        # "10% bis 20%" repeats the unit; "7.3% to $18.40" joins two different quantities.
        again = pats.unit_phrase.match(text, b.end)
        if not again or again.group("unit").lower() != unit.group("unit").lower():
            return False
        gap_start = unit.end()
    gap = text[gap_start : b.start]
    symbol = pats.prefix_symbol.search(gap)
    if symbol:
        first = pats.prefix_symbol.search(text, max(0, a.start - 6), a.start)
        if not first or first.group("sym").lower() != symbol.group("sym").lower():
            return False
        gap = gap[: symbol.start()]
    conn = pats.range_gap.fullmatch(gap)
    if not conn:
        return False
    connector = _SPACE.sub(" ", conn.group("conn").lower())
    opener = _opener(a, text, lex)
    allowed = set(lex.qualifiers.range_connectors.get("", ()))
    if opener:
        allowed |= lex.qualifiers.range_connectors.get(opener[0], set())
    return connector in allowed


def _symbol_before_both(unit: re.Match[str], a: Numeral, text: str, lex: Lexicon) -> bool:
    form = unit.group("unit").lower()
    if form not in lex.units.prefix_symbols:
        return False
    first = lex.regexes.prefix_symbol.search(text, max(0, a.start - 6), a.start)
    return bool(first and first.group("sym").lower() == form)


def _opener(a: Numeral, text: str, lex: Lexicon) -> tuple[str, int] | None:
    """The range opener before the first number, past a currency symbol: "between $3 billion
    and $5 billion", "from €800m to €1.1bn"."""
    tokens = tail_tokens(text, max(0, a.start - _LOOKBACK), a.start)
    symbol = lex.regexes.symbol_set.ending(tokens)
    if symbol:
        tokens = [t for t in tokens if t[1] < symbol[1]]
    return lex.regexes.opener_set.ending(tokens)


def _range_core(a: Numeral, b: Numeral, text: str, lex: Lexicon) -> _Core:
    """A range; a bare first number shares the second's magnitude ("10 bis 12 Millionen")."""
    if a.scale == 1 and not a.spelled and b.value:
        if b.scale > 1 and a.value * b.scale <= b.value:
            a.value = exact_product(a.value, b.scale)
        elif b.grouped and a.value < 1000 and a.value * 1000 < b.value < a.value * 10000:
            a.value = exact_product(a.value, 1000)
    start = a.start
    opener = _opener(a, text, lex)
    if opener:
        start = opener[1]
    return _Core([a, b], start, b.end, kind="range")


def _qualify(core: _Core, ctx: _Context, limit: int) -> None:
    """Currency symbols and bound/approximation words before and after the numbers."""
    text, pats = ctx.text, ctx.lex.regexes
    first = core.numerals[0]
    # "$3 billion", and after a range opener "between $3 billion and $5 billion"
    lo = first.start - 20 if first.start == core.start else core.start
    before = tail_tokens(text, max(limit, lo), first.start)
    symbol = pats.symbol_set.ending(before)
    if symbol and _prefix_unit_applies(symbol, before, text):
        core.prefix_unit = ctx.lex.units.prefix_symbols[symbol[0]]
        core.start = min(core.start, symbol[1])
    tokens = tail_tokens(text, max(limit, core.start - _LOOKBACK), core.start)
    found = pats.qualifier_set.ending(tokens)
    if found:
        word, start = found
        if not _means_about(word, tokens, start, ctx):
            _set_kind(core, ctx.lex.qualifiers.prefix[word])
            core.start = start


def _prefix_unit_applies(symbol: tuple[str, int], before: Tokens, text: str) -> bool:
    """ "$5" always; a word form ("per cent of 22") only when no number comes right before it,
    since "30 per cent of 1,000 voters" counts voters."""
    if text[symbol[1] - 1 : symbol[1]].isalpha():
        return False
    if not symbol[0][0].isalpha():
        return True
    head = [t for t, start in before if start < symbol[1]]
    return not (head and (head[-1][0].isdigit() or head[-1] in ("%",)))


def _means_about(word: str, tokens: Tokens, start: int, ctx: _Context) -> bool:
    """ "Erkenntnisse über 3.000 Soldaten": the bound word means "about" after such nouns."""
    if word != ctx.lex.qualifiers.about_word:
        return False
    return bool(ctx.lex.regexes.about_set.ending([t for t in tokens if t[1] < start]))


def _set_kind(core: _Core, kind: str) -> None:
    """Bounds win over an approximation ("about 500 or more" is a lower bound, approximate)."""
    if kind == "approx":
        core.approximate = True
        if core.kind == "point":
            core.kind = "approx"
    elif core.kind in ("point", "approx"):
        core.kind = kind


def _suffix(core: _Core, ctx: _Context, pos: int, limit: int) -> int:
    """ "100+", "5.000 oder mehr": returns the new end of the claim."""
    m = ctx.lex.regexes.suffix_qualifier.match(ctx.text, pos, limit)
    if not m or (m.group("q")[0].isalpha() and not m.group("gap")):
        return pos
    if not m.group("q")[0].isalpha() and m.group("gap"):
        return pos
    if _NUMBER_NEXT.match(ctx.text, m.end()) or ctx.lex.regexes.word_run.match(
        ctx.text, m.end() + 1
    ):
        return pos  # "above 1000 and below 1500": the words belong to the next number
    if _starts_longer_qualifier(m, ctx):
        return pos  # "5000 or less than 6000": "less than" qualifies the next number
    _set_kind(core, ctx.lex.qualifiers.suffix[_SPACE.sub(" ", m.group("q").lower())])
    return m.end()


def _starts_longer_qualifier(m: re.Match[str], ctx: _Context) -> bool:
    """ "5000 or less than 6000": a longer qualifier that a number follows; "200 or greater
    than" at the end qualifies nothing after it, so "or greater" is the suffix of 200."""
    at = ctx.lex.regexes.qualifier_at
    for word in _WORD_START.finditer(ctx.text, m.start("q"), m.end()):
        longer = at.match(ctx.text, word.start())
        if longer and longer.end() > m.end():
            return bool(
                _NUMBER_NEXT.match(ctx.text, longer.end())
                or ctx.lex.regexes.word_run.match(ctx.text, longer.end() + 1)
            )
    return False


def _values(core: _Core) -> tuple[float | None, float | None]:
    if core.kind == "range":
        low, high = core.numerals[0].value, core.numerals[1].value
        return min(low, high), max(low, high)
    value = core.numerals[0].value
    if core.kind == "lower_bound":
        return value, None
    if core.kind == "upper_bound":
        return None, value
    return value, value


def _source(
    ctx: _Context, index: int, span: tuple[int, int], unit: str | None
) -> tuple[Cue | None, Cue | None]:
    """The mention that states a claim, and the one that relays it (or None).

    A cue in the claim's sentence; else one in an adjacent sentence that clearly covers it:
    "Demnach ..." and Konjunktiv I ("Es gebe ...") continue the previous attribution, "Das
    teilte X mit." follows up; a sentence with no attribution of its own keeps the previous
    sentence's source when it speaks of figures of the same kind ("... 6,3 Prozent. In Spanien
    waren es 11,2 Prozent.") or of the figure before ("Das waren 42 Prozent weniger."). A
    pronoun ("er sagte", "the agency said") is the source as written;
    tracker.extract.coreference resolves whom it points back to."""
    sentence = ctx.sentences[index]
    cues = ctx.cues_of(index)
    if any(c.src_start <= span[0] < c.src_end for c in cues):
        return None, None  # "Two people familiar with the matter said": it counts the voices
    cue = pick_source(cues, span[0], span[1], ctx.text, sentence.end, ctx.lex.sources.relay)
    if cue is not None:
        bounds = (sentence.start, sentence.end)
        speaker = quoted_speaker(cue, cues, span[1], ctx.text, bounds, ctx.lex)
        if speaker is not None:  # the data origin inside the quotation relays nothing
            return speaker, relay_holder(ctx.text, sentence.start, speaker, ctx.lex)
        fronted = _fronted_relay(ctx, cues, cue, sentence.start)
        if fronted is not None:  # "Unter Berufung auf X berichtet die Zeitung, ...": X holds it
            return fronted, cue
    if cue is None and index > 0 and not cues and _unsourced(ctx, index):
        return None, None
    if cue is None and index > 0 and _continues(ctx, index):
        previous = _previous(ctx, index)
        if previous:
            return previous[0], previous[1]
    if cue is None:
        relayed = _relay_sentence(ctx, index + 1)
        if relayed is not None:
            return relayed
        following = _follow_up_cue(ctx, index)
        if following is not None:
            cues = ctx.cues_of(index + 1)
            return following, _relay_of(ctx, index + 1, following, cues)
        cue = _paragraph_report(ctx, index)
    if cue is None:
        own = _subject_source(ctx, index)
        if own is not None:
            return own[0], None
        document = _report_subject(ctx, index)
        if document is not None:  # "Ihre Studie stützt sich auf Daten aus 20 Jahren."
            return document, None
        found = _previous(ctx, index) if index else None
        if found and _same_figures(ctx, index, found[2], unit):
            return found[0], found[1]
        return _announcement(ctx, index) or (None, None)
    relayed = _relay_sentence(ctx, index + 1)
    if relayed is not None:  # "... nach einem Bericht der Zeitung. Sie beruft sich auf X."
        return relayed
    named = _named_after_self_reference(ctx, index, cue)
    if named is None and cue.phrase == RECORD:
        # "Die CDU kam nach dem vorläufigen Endergebnis auf 31 Prozent. Das teilte die
        # Landeswahlleiterin mit.": who published the record, named next, states it
        named = _follow_up_cue(ctx, index)
    if named is not None:
        return named, _relay_of(ctx, index + 1, named, ctx.cues_of(index + 1))
    return cue, _relay_of(ctx, index, cue, cues)


def _fronted_relay(ctx: _Context, cues: list[Cue], cue: Cue, start: int) -> Cue | None:
    """ "Unter Berufung auf Regierungskreise meldete die Agentur, ...", "Citing government
    sources, the newspaper reported that ...": a relay cue opening the sentence right before
    the report verb names who holds the figure; the reporter passes it on."""
    if cue.phrase in ctx.lex.sources.relay:
        return None
    first = cues[0]
    if first is cue or first.phrase not in ctx.lex.sources.relay or first.src_end < 0:
        return None
    opening = ctx.text[start : first.start].strip(" \"„“»«(")
    if opening or first.src_end > cue.start:
        return None
    between = ctx.text[first.src_end : min(cue.start, cue.src_start)]
    others = [c for c in cues if c is not first and c.src_start != cue.src_start]
    if DIGIT.search(between) or any(first.end <= c.start < cue.start for c in others):
        return None
    return first


def _unsourced(ctx: _Context, index: int) -> bool:
    """A sentence without cues that opens on the writer's own reckoning ("Das wären rund 4
    am Tag.", "That would amount to ...") or says its figure is heard from someone unnamed
    ("In den Kliniken liegen angeblich 300 Verletzte.", "... are reportedly being treated"), and
    does not continue explicitly ("Demnach sollen ...", "Davon sollen ..."): it keeps no
    source of the sentence before (decided once per sentence)."""
    if index not in ctx.unsourced:
        sentence = ctx.sentences[index]
        text, start, end = ctx.text, sentence.start, sentence.end
        ctx.unsourced[index] = not (
            ctx.lex.regexes.refers_back.search(text, start, end) or _counts_on(ctx, index)
        ) and bool(  # "Davon sollen 80 Millionen in Schulen fließen": a part of the figure before
            _own_reckoning(ctx.lex).match(text, start, end)
            or _unnamed_hearsay(ctx.lex).search(text, start, end)
        )
    return ctx.unsourced[index]


@per_language
def _own_reckoning(lex: Lexicon) -> re.Pattern[str]:
    alternation = phrase_alternation(lex.sources.own_reckoning)
    return re.compile(rf"[\"„“»«(]?(?:{alternation})(?![\w])", re.IGNORECASE)


@per_language
def _unnamed_hearsay(lex: Lexicon) -> re.Pattern[str]:
    return _whole_words(lex.sources.unnamed_hearsay)


def _named_after_self_reference(ctx: _Context, index: int, cue: Cue) -> Cue | None:
    """ "Russland hat nach eigenen Angaben 41 Drohnen abgefangen. Das teilte das
    Verteidigungsministerium in Moskau mit.": a self-reference says only that the subject
    states it; a next sentence without figures saying who reported it names that voice."""
    own = ctx.lex.regexes.self_reference.match(ctx.text, cue.start)
    if not own:
        return None
    nxt = index + 1
    if nxt >= len(ctx.sentences):
        return None
    sentence = ctx.sentences[nxt]
    if DIGIT.search(ctx.text, sentence.start, sentence.end) or _counts_on(ctx, nxt):
        return None  # "Drei weitere seien gefangen worden, teilten die SSO mit": figures of its own
    following = _follow_up_cue(ctx, index)
    if following is None or " " in own.group().strip():
        return following
    # "Das Amt hat 5,9 Millionen Fälle erfasst. Das geht aus seiner Statistik hervor": the
    # subject names itself; "Die Grenzpolizei hat 3.000 Fälle festgestellt. Das geht aus Zahlen
    # des Ministeriums hervor": another body's figures, the subject only did the counting
    subject = resolve(cue.source, ctx.lex.code).claimant
    named = resolve(following.source, ctx.lex.code).claimant
    return following if named is not None and subject is not None and named != subject else None


def _subject_source(ctx: _Context, index: int) -> tuple[Cue | None] | None:
    """A sentence without cues that opens on a body or person doing something: when that is
    who was last named as a source in the paragraph ("..., Destatis said. The office put net
    migration at 660,000"), the subject states its figures; when it is someone else ("...,
    the ONS said. The Bank of England has held rates at 4.75%"), nobody does. None: the rules
    after this one decide."""
    if not index or ctx.cues_of(index):
        return None
    subject = ctx.subject_of(index)
    if subject is None or measured_subject(subject.source, ctx.lex):
        return None
    paragraph = ctx.sentences[index].paragraph
    for back in range(index - 1, max(-1, index - 5), -1):
        if ctx.sentences[back].paragraph != paragraph:
            return None
        cues = ctx.cues_of(back)
        if cues:
            if not DIGIT.search(ctx.text, ctx.sentences[back].start, ctx.sentences[back].end):
                return None  # an announcement ("UEFA published its annual report."): it reports
            last = cues[-1]
            named = ctx.claimant(last.source, last.src_start)
            same = named is not None and ctx.claimant(subject.source, subject.src_start) == named
            return (subject if same else None,)
    return None




def _report_subject(ctx: _Context, index: int) -> Cue | None:
    """A sentence without cues opening on a report it speaks of ("Their study used ..."), when
    a source was named before it in the paragraph (the report points back to its author)."""
    if not index or ctx.cues_of(index):
        return None
    sentence = ctx.sentences[index]
    found = report_subject(ctx.text, sentence.start, sentence.end, ctx.lex)
    if found is None or ctx.claimant(found.source, found.src_start) is None:
        return None
    return found


def _relay_sentence(ctx: _Context, nxt: int) -> tuple[Cue, Cue | None] | None:
    """The next sentence of the paragraph, without figures of its own, only says whom the
    report relays ("Die Zeitung beruft sich auf Vereinskreise."): that holder states the
    figures before it, passed on by the sentence's subject."""
    if nxt >= len(ctx.sentences) or nxt == 0:
        return None
    sentence = ctx.sentences[nxt]
    if sentence.paragraph != ctx.sentences[nxt - 1].paragraph or DIGIT.search(
        ctx.text, sentence.start, sentence.end
    ):
        return None
    if not _relay_words(ctx.lex).search(ctx.text, sentence.start, sentence.end):
        return None  # no relay cue can be in it: its cues are not read
    cues = ctx.cues_of(nxt)
    relays = [c for c in cues if c.phrase in ctx.lex.sources.relay]
    if not relays or len(relays) < len(cues):
        return None  # "Das berichtete X unter Berufung auf Y": a report of its own
    holder = relay_holder(ctx.text, sentence.start, relays[-1], ctx.lex)
    return (relays[-1], holder) if holder is not None else None


def _whole_words(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, case-insensitive (no words: a pattern that never
    matches, as ``phrase_alternation`` gives); its callers keep it per language."""
    return re.compile(word_bounded(phrase_alternation(words)), re.I)


@per_language
def _relay_words(lex: Lexicon) -> re.Pattern[str]:
    return _whole_words(lex.sources.relay)


def _same_figures(ctx: _Context, index: int, back: int, unit: str | None) -> bool:
    """A sentence without an attribution of its own speaks of what the attributed sentence
    ``back`` (and those continuing it) stated: a figure of the same unit, a count or share of
    the population counted there (sources.toml population_kinds), or it opens on the figure
    before ("Das waren ...", "That is ..."). "Der Krieg dauert 1.000 Tage" after a
    count of drones does not; a count speaks of the count before when it counts the same
    thing, or both are of one toll (sources.toml one_toll: the dead, the wounded): "Der Bus war
    mit 52 Menschen besetzt." after the police's count of the injured does not."""
    kind = _unit_kind(unit)
    before = [u for i in range(back, index) for u in ctx.units.get(i, ())]
    sentence = ctx.sentences[index]
    if kind == "count" and index not in ctx.elliptic:
        found = _elliptic_copula(ctx.lex).search(ctx.text, sentence.start, sentence.end)
        ctx.elliptic[index] = found is not None
    if kind == "count" and ctx.elliptic[index]:
        return True  # "Derzeit sind es 5,2 Millionen": what the sentence before counted
    if kind == "count":  # what is counted must match: not "52 Menschen" after "17 Fahrgäste"
        if unit is not None and unit in before:
            return True
        toll = ctx.lex.sources.one_toll  # "2.830 Tote ... 366.000 Verletzte": one toll
        if unit in toll and any(u in toll for u in before):
            return True
    elif any(kind == _unit_kind(u) for u in before):
        return True
    population = ctx.lex.sources.population_kinds  # "2,290 adults ... 38% said": one report
    if kind in population and any(_unit_kind(u) in population for u in before):
        return True
    if _opens_on_statistic(ctx, sentence.start, sentence.end):
        return True  # "Die Quote lag bei 5,9 Prozent." after the agency's count
    return bool(_refers_to_figure(ctx.lex).match(ctx.text, sentence.start, sentence.end))


@per_language
def _elliptic_copula(lex: Lexicon) -> re.Pattern[str]:
    return _whole_words(lex.sources.elliptic_copulas)


def _opens_on_statistic(ctx: _Context, start: int, end: int) -> bool:
    """The sentence opens on an article and a rate ("Die Arbeitslosenquote stieg ...")."""
    heads = ctx.lex.sources.statistic_heads
    if not heads:
        return False
    words = ctx.text[start:end].split(None, 2)
    return (
        len(words) >= 2
        and words[0].lower() in ctx.lex.sources.pointing_determiners
        and words[1].lower().endswith(heads)
    )


def _unit_kind(unit: str | None) -> str:
    """The kind of a claim's unit (currency, ratio, duration ...); a bare or counted number
    ("300", "5 Fans") is a count; a measure is its own unit (litres of rain are not a river's
    level in metres)."""
    kind = (load_vocabulary().kind(unit) if unit else None) or "count"
    return unit if kind in _MEASURE_KINDS and unit else kind


def _counts_on(ctx: _Context, index: int) -> bool:
    """Sentence ``index`` goes on from the figure before it (decided once per sentence)."""
    if index not in ctx.counts_on:
        sentence = ctx.sentences[index]
        start, end = sentence.start, sentence.end
        ctx.counts_on[index] = bool(
            _continues_count(ctx.lex).match(ctx.text, start, end)
        ) or _part_of_figure_before(ctx, start, end)
    return ctx.counts_on[index]


def _part_of_figure_before(ctx: _Context, start: int, end: int) -> bool:
    """The sentence speaks of a part of the figure before ("..., davon seien 87 abgeschossen
    worden"): the part word comes before any figure of its own ("X zählte 500 Fälle, darunter
    20 Tote" is a part of its own 500)."""
    m = _part_of_before(ctx.lex).search(ctx.text, start, end)
    return m is not None and not DIGIT.search(ctx.text, start, m.start())


@per_language
def _part_of_before(lex: Lexicon) -> re.Pattern[str]:
    """ "davon", "of these": a part of the figure before."""
    return _whole_words(lex.sources.part_of_before)


@per_language
def _continues_count(lex: Lexicon) -> re.Pattern[str]:
    """A sentence opening on a count continuation, or on a number and then one ("Weitere 48",
    "Fünf weitere", "Another 48")."""
    alternation = phrase_alternation(lex.sources.count_continuations)
    # "Weitere 48", "Fünf weitere", "Mehr als 300 weitere": qualifier words before a number
    before = r"(?:(?:[^\W\d_]+\s+){1,2}\d[\d.,]*\s+|[\w.,]+\s+)?"
    return re.compile(rf"[\"„“»«(]?{before}(?:{alternation})(?![\w])", re.IGNORECASE)


@per_language
def _refers_to_figure(lex: Lexicon) -> re.Pattern[str]:
    alternation = phrase_alternation(lex.sources.refers_to_figure)
    return re.compile(rf"[\"„“»«(]?(?:{alternation})(?![\w])", re.IGNORECASE)


def _announcement(ctx: _Context, index: int) -> tuple[Cue, Cue | None] | None:
    """ "The Bank of England published its latest forecasts. ... Unemployment is projected to
    rise to 4.5%.": a sentence that attributes but states no figure of its own announces a
    report; the sentences after it in the paragraph, up to the next attribution, report it."""
    paragraph = ctx.sentences[index].paragraph
    for back in range(index - 1, max(-1, index - 5), -1):
        sentence = ctx.sentences[back]
        if sentence.paragraph != paragraph:
            return None
        cues = ctx.cues_of(back)
        if cues:
            if (
                DIGIT.search(ctx.text, sentence.start, sentence.end)
                or back in ctx.units  # a figure in words ("auf mehr als eine Million")
                or _relay_sentence(ctx, back)
            ):
                return None  # a relay ("Die Zeitung beruft sich auf X.") speaks of what came before
            return cues[-1], _relay_of(ctx, back, cues[-1], cues)
    return None


def _continues(ctx: _Context, index: int) -> bool:
    """ "Demnach ...", "Den Angaben zufolge", Konjunktiv I "Es gebe ...", "He added that"
    (decided once per sentence: a long sentence may hold many claims)."""
    if index not in ctx.continues:
        sentence = ctx.sentences[index]
        text, start, end = ctx.text, sentence.start, sentence.end
        ctx.continues[index] = bool(
            ctx.lex.regexes.refers_back.search(text, start, end)
            or reported_speech_pattern(ctx.lex).search(text, start, end)
            or subjunctive_verb(text, start, end, ctx.lex)
        )
    return ctx.continues[index]


def _relay_of(ctx: _Context, index: int, cue: Cue, cues: list[Cue]) -> Cue | None:
    """ "Yonhap, citing the NIS": Yonhap relays; "Laut X schätzt der Geheimdienst": X relays."""
    holder = relay_holder(ctx.text, ctx.sentences[index].start, cue, ctx.lex)
    if holder is not None:
        return holder
    outer = [
        c
        for c in cues
        if c.end <= cue.start
        and c.phrase in ctx.lex.sources.relay_outer
        and c.source != cue.source
        and not c.src_start <= cue.src_start < c.src_end
    ]
    return outer[-1] if outer else None


def _previous(ctx: _Context, index: int) -> tuple[Cue, Cue | None, int] | None:
    """The last source (and its relay) named in the previous sentence of the same paragraph,
    with the index of the sentence naming it; a pronoun there is itself continued from the
    sentence before (at most a few steps). A sentence continuing explicitly ("Demnach",
    "according to the report") also looks past a sentence with no figure and no attribution
    ("Das ist der höchste Wert seit 1990.")."""
    explicit = _continues(ctx, index)
    for back in range(index - 1, max(-1, index - 4), -1):
        sentence = ctx.sentences[back]
        if sentence.paragraph != ctx.sentences[index].paragraph:
            return None
        cues = ctx.cues_of(back)
        if cues:
            cue = cues[-1]
            return cue, _relay_of(ctx, back, cue, cues), back
        if not _continues(ctx, back):
            subject = ctx.subject_of(back) if back == index - 1 and explicit else None
            if subject and not measured_subject(subject.source, ctx.lex):
                # not "Die AfD erreicht 17 Prozent. Befragt wurden ...": what the poll measured
                return subject, None, back
            if explicit and not DIGIT.search(ctx.text, sentence.start, sentence.end):
                continue
            if _inherits(ctx, back):
                continue  # "Die AfD liegt bei 18 Prozent." after the poll's sentence: a chain
            return None
    return None


def _inherits(ctx: _Context, back: int, depth: int = 2) -> bool:
    """Sentence ``back`` has no attribution of its own but its figures are of the kind of the
    sentence right before it, which is attributed or inherits itself: it continued that
    source, and so may the next one."""
    if back == 0 or ctx.cues_of(back):
        return False
    if ctx.sentences[back - 1].paragraph != ctx.sentences[back].paragraph:
        return False
    kinds = {_unit_kind(u) for u in ctx.units.get(back, ())}
    if not any(_unit_kind(u) in kinds for u in ctx.units.get(back - 1, ())):
        return False
    return bool(ctx.cues_of(back - 1)) or (depth > 0 and _inherits(ctx, back - 1, depth - 1))


def _paragraph_report(ctx: _Context, index: int) -> Cue | None:
    """ "Das Treffen dauerte zwei Stunden. ... , berichtet die Nachrichtenagentur KCNA.": a report
    verb closing the paragraph reports the paragraph's earlier sentences without a cue of their
    own; a speech verb (", sagte ein Sprecher.") covers its own sentence only."""
    last = ctx.paragraph_last[ctx.sentences[index].paragraph]
    if last == index:
        return None
    finals = [c for c in ctx.cues_of(last) if c.sentence_final]
    if finals and finals[-1].phrase in ctx.lex.sources.paragraph_cues:
        return finals[-1]
    return None


def _follow_up_cue(ctx: _Context, index: int) -> Cue | None:
    """ "50 Soldaten wurden getötet. Das teilte das Ministerium mit.", "Die Zahlen legte der
    Verband vor.", "The institute published the figures on Monday."; a next sentence with
    figures of its own covers this one only when it opens on the figure before ("Das waren
    179.000 mehr, teilte die Behörde mit.", "That was 25% more, the Home Office said.") or with
    a word pointing back ("Darauf verständigte sich der Konzern nach 70 Stunden, teilte X
    mit."). One naming the figures ("Diese Zahlen veröffentlichte X.") also covers the sentence
    before the one before, when that one has figures but no source of its own."""
    for nxt in range(index + 1, min(index + 3, len(ctx.sentences))):
        if ctx.sentences[nxt].paragraph != ctx.sentences[index].paragraph:
            return None
        sentence = ctx.sentences[nxt]
        text, start, end = ctx.text, sentence.start, sentence.end
        figures = DIGIT.search(text, start, end)
        # "Weitere 48 wurden verletzt, wie X mitteilte", "Fünf weitere ...": the count goes on
        goes_on = nxt == index + 1 and _counts_on(ctx, nxt)
        if not figures and not goes_on and not _may_follow_up(ctx, start, end):
            return None  # read without its cues: a sentence without figures has none read yet
        cues = ctx.cues_of(nxt)
        if not cues:
            if figures and nxt == index + 1:
                continue  # "... 414.000 mussten fliehen. Diese Zahlen veröffentlichte X."
            return None
        if goes_on:
            return cues[-1]
        names = _names_figures(ctx.lex).search(text, start, end)
        if nxt > index + 1 and (figures or not names):
            return None
        if figures:
            if not _refers_to_figure(ctx.lex).match(text, start, end) and not _points_back(
                ctx, start, end, cues, own_figures=True
            ):
                return None  # it has figures of its own: its source is theirs
        elif not _points_back(ctx, start, end, cues) and not names:
            return None
        return cues[-1]  # the holder of a relay ("..., citing X")
    return None


def _may_follow_up(ctx: _Context, start: int, end: int) -> bool:
    """A cheap test before reading a sentence's cues: it opens on a follow-up word or a clause
    opener, or names the figures."""
    words = ctx.text[start:end].split(None, 1)
    return bool(
        ctx.lex.regexes.follow_up.match(ctx.text, start, end)
        or (words and words[0].lower() in ctx.lex.sources.clause_openers)
        or _names_figures(ctx.lex).search(ctx.text, start, end)
    )


def _points_back(
    ctx: _Context, start: int, end: int, cues: list[Cue], *, own_figures: bool = False
) -> bool:
    """The sentence opens on a follow-up word ("Das teilte ...", "Damit ..."); an article
    before a noun (German capitalises it) only when that phrase is who reports ("Das
    Statistische Bundesamt bestätigte die Zahl."; not "Das Zentrum lag nach Angaben der X ...")
    and the sentence states no figures of its own ("Das Institut Sipri schätzt, dass Moskau
    7 Prozent ...": a new report, not one about the sentence before)."""
    m = ctx.lex.regexes.follow_up.match(ctx.text, start, end)
    if m is None:
        return _opened_by_cue_clause(ctx, start, end, cues)
    after = ctx.text[m.end() : end].lstrip()
    if not (ctx.lex.sources.head_capitalized and _noun_phrase_next(after, ctx.lex)):
        return True
    if own_figures:
        return False
    first = m.start() + len(m.group()) - len(m.group().lstrip("\"„“»«("))
    return any(c.src_start == first for c in cues)


def _noun_phrase_next(after: str, lex: Lexicon) -> bool:
    """After "Das": a noun, or an adjective and its noun ("Das ukrainische Militär erklärte"):
    the article of the subject, not the demonstrative of "Das teilte X mit"."""
    if after[:1].isupper():
        return True
    words = after.split(None, 2)
    return (
        len(words) >= 2
        and words[1][:1].isupper()
        and lex.sources.lowercase_word.fullmatch(words[0]) is not None
        and not opens_cue(words[0], lex)  # "Das kündigte Finanzminister X an"
    )


def _opened_by_cue_clause(ctx: _Context, start: int, end: int, cues: list[Cue]) -> bool:
    """ "Wie das Bundesamt mitteilte, lag der Anteil damit bei 13,5 Prozent.": a sentence opening
    on a clause opener whose clause holds the attribution reports the sentence before too."""
    words = ctx.text[start:end].split(None, 1)
    comma = ctx.text.find(",", start, end)
    if not words or words[0].lower() not in ctx.lex.sources.clause_openers or comma < 0:
        return False
    return any(start <= c.start and c.end <= comma for c in cues)


@per_language
def _names_figures(lex: Lexicon) -> re.Pattern[str]:
    """A follow-up phrase of several words ("the figures", "diese Zahlen") anywhere in a
    sentence: "The institute published the figures on Monday." """
    return _whole_words([w for w in lex.sources.follow_up if " " in w])


def _claim(core: _Core, ctx: _Context) -> Claim:
    index = ctx.sentence_index(core.numerals[0].start)
    sentence = ctx.sentences[index]
    limit_start, limit_end = sentence.start, max(sentence.end, core.end)
    _qualify(core, ctx, limit_start)
    last = core.numerals[-1]
    # a glued sign suffix comes before the unit: "20,000+ drones"
    glued_end = (
        _suffix(core, ctx, last.end, limit_end)
        if _GLUED_SUFFIX.match(ctx.text, last.end)
        else last.end
    )
    found = (
        UnitMatch(last.compound_unit, None, last.end)
        if last.compound_unit
        else find_unit(
            ctx.text, glued_end, (limit_start, limit_end), ctx.lex, core.start, ctx.last_end
        )
    )
    ctx.last_end = last.end
    unit = core.prefix_unit or found.unit
    end = _suffix(core, ctx, max(core.end, found.end, glued_end), limit_end)
    end = max(end, found.end, glued_end)
    if unit in ctx.lex.units.senses and last.scale == 1:  # "25 million pounds" is money
        unit = unit_sense(ctx.text, (core.start, end), (limit_start, limit_end), unit, ctx.lex)
    low, high = _values(core)
    text = ctx.text
    source, via = _source(ctx, index, (core.start, end), unit)
    ctx.units.setdefault(index, set()).add(unit)  # what later sentences may speak of
    claimant = (
        ctx.claimant(source.source, source.src_start, points=source.phrase != COMPOUND)
        if source
        else None
    )
    if (
        claimant is not None
        and source is not None
        and unit in ctx.lex.sources.measured_by
        and claimant_type(claimant, source.source, ctx.lex)
        not in ctx.lex.sources.measured_by[unit]
    ):
        # "A magnitude 6.2 earthquake struck ..., the disaster agency said": who reports the
        # quake states its toll; its strength is the seismologists' reading
        claimant = None
    if claimant is None:
        source = via = None  # a pronoun that points back to nothing names no one
    via_key = ctx.claimant(via.source, source.src_start) if source and via else None
    briefed = briefer(text, source, sentence.end, ctx.lex) if source and not via else None
    if briefed is not None:
        held = ctx.claimant(briefed.source, briefed.src_start)
        if held is not None and held != claimant:
            # "X, briefed by the agency, said": the agency holds it, X passes it on
            via, via_key, claimant = source, claimant, held
    return Claim(
        text=text[core.start : end],
        start=core.start,
        end=end,
        low=low,
        high=high,
        kind=core.kind,
        approximate=core.approximate,
        unit=unit,
        entity=found.entity if found.entity and found.entity[0].isalpha() else None,
        source=source.source if source else None,
        source_start=source.src_start if source else None,
        source_end=source.src_end if source else None,
        via_source=via.source if via else None,
        claimant=claimant,
        via=via_key if via_key != claimant else None,
        hedged=ctx.is_hedged(index),
        sentence=text[sentence.start : sentence.end],
        sentence_start=sentence.start,
        lang=ctx.lex.code,
    )
