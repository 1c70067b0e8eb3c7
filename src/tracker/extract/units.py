"""What a number counts: the unit (an English lemma) and the counted noun phrase as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.extract.lexicon import Lexicon, compound_ending

_MAX_ADJECTIVES = 3
_EVENT_REACH = 80
_CONTEXT_REACH = 160
_EVENT_BEFORE = 30
_SENSE_REACH = 40
_WORD_AT = re.compile(r"\s+([^\W\d_][\w'’-]*)")
_HYPHEN_WORD = re.compile(r"-([^\W\d_]+)")
_PER_WORD = re.compile(r"\s*(/|[^\W\d_]+)")
_CLAUSE_END = re.compile(r"[,;:]")
_SPACES = re.compile(r"\s+")
_DIGIT_NEXT = re.compile(r"[ \t]?\d")


def _normal(phrase: str) -> str:
    """A matched phrase as it is written in the data: single spaces."""
    return _SPACES.sub(" ", phrase) if " " in phrase or "\n" in phrase else phrase


@dataclass(slots=True)
class UnitMatch:
    unit: str | None = None
    entity: str | None = None
    end: int = 0


def _lemma_of(word: str, lex: Lexicon) -> str | None:
    """A noun's unit: a listed form, or a listed ending of a compound ("Bodentruppen")."""
    lower = word.lower()
    found = lex.units.nouns.get(lower)
    if found:
        return found
    return compound_ending(lower, lex.units.noun_suffixes)


def _genitive_end(text: str, end: int, lex: Lexicon) -> int:
    """Extend "Soldaten" to "Soldaten des Nordens" (links from the data)."""
    link = _WORD_AT.match(text, end)
    if not link or link.group(1).lower() not in lex.units.entity_links:
        return end
    pos = link.end()
    for _ in range(2):
        word = _WORD_AT.match(text, pos)
        if not word:
            return end
        if word.group(1)[0].isupper():
            return word.end()
        if not lex.units.entity_adjective.fullmatch(word.group(1)):
            return end
        pos = word.end()
    return end


def _directly_after(text: str, pos: int, lex: Lexicon) -> UnitMatch | None:
    """A unit right after the number: "%", "Prozent", "Mrd. Euro", "-tägigen", "Soldaten"."""
    hyphen = _HYPHEN_WORD.match(text, pos)
    if hyphen:
        tail = hyphen.group(1).lower()
        unit = lex.units.compound_suffixes.get(tail) or lex.units.nouns.get(tail)
        if unit:
            return UnitMatch(unit, None, hyphen.end())
    m = lex.regexes.unit_phrase.match(text, pos)
    if not m or "\n\n" in m.group("gap"):
        return None
    form = m.group("unit")
    if not form[0].isalpha() and m.group("gap") and _DIGIT_NEXT.match(text, m.end()):
        return None  # "$ 20,000.00 $ 37,305.97": a spaced sign before digits is theirs
    unit = lex.units.nouns[_normal(form.lower())]
    if not form[0].isalpha() or _is_symbol(form, m.group("gap")):
        return UnitMatch(unit, None, m.end())
    unit, unit_end = _per_unit(text, m.end(), unit, lex)
    end = _genitive_end(text, unit_end, lex)
    return UnitMatch(unit, text[m.start("unit") : end], unit_end)


def _is_symbol(form: str, gap: str) -> bool:
    """A unit symbol is no counted noun, so no entity: glued ("24C", "512GB") or short with a
    capital after its first letter ("GB", "mAh", "kW", "EUR"; German nouns start with one)."""
    return not gap or (len(form) <= 4 and any(ch.isupper() for ch in form[1:]))


def _per_unit(text: str, pos: int, unit: str, lex: Lexicon) -> tuple[str, int]:
    """ "Liter pro Quadratmeter", "litres per square metre": a measure per another unit."""
    if unit not in lex.units.compound_measures:
        return unit, pos
    per = _PER_WORD.match(text, pos)
    if not per or per.group(1).lower() not in lex.units.per_words:
        return unit, pos
    second = lex.regexes.unit_phrase.match(text, per.end())
    if not second or "\n" in second.group("gap"):
        return unit, pos
    return f"{unit}_per_{lex.units.nouns[_normal(second.group('unit').lower())]}", second.end()


def _after_adjectives(text: str, pos: int, lex: Lexicon) -> UnitMatch | None:
    """ "10.000 nordkoreanische Soldaten", "1,000 North Korean troops"."""
    first, walked = None, []
    for _ in range(_MAX_ADJECTIVES + 1):
        word = _WORD_AT.match(text, pos)
        if not word or word.group(1).lower() in lex.units.entity_stop_words:
            break
        if first is None:
            first = word.start(1)
        token = word.group(1)
        unit = _lemma_of(token, lex)
        if unit:
            end = _genitive_end(text, word.end(), lex)
            return UnitMatch(unit, text[first:end], word.end())
        if not lex.units.entity_adjective.fullmatch(token):
            return _unknown_noun(text, first, word, lex)
        walked.append(word)
        pos = word.end()
    return _plural_noun(text, first, walked, lex)


def counted_noun(text: str, pos: int, lex: Lexicon) -> str | None:
    """The unit of a counted noun right after ``pos`` ("1.3m people", "6.8m passengers",
    "2m North Korean troops"), None when the words there name no count ("40m of water")."""
    found = _after_adjectives(text, pos, lex)
    return found.unit if found is not None else None


def _unknown_noun(text: str, first: int, word: re.Match[str], lex: Lexicon) -> UnitMatch | None:
    """A counted noun the lexicon does not know, recognised by its capital (German nouns):
    "300 Feuerwehrleute". The entity is kept, the unit stays unknown."""
    if not (lex.sources.head_capitalized and word.group(1)[0].isupper()):
        return None
    end = _genitive_end(text, word.end(), lex)
    return UnitMatch(None, text[first:end], word.end())


def singular(word: str, lex: Lexicon) -> str | None:
    """The singular lemma of a regular plural from the data's endings ("families" -> "family"),
    or None when the word does not look like a plural ("crisis", "was")."""
    lower = word.lower()
    if len(lower) < 4 or lower in lex.units.plural_stop or lower.endswith(lex.units.not_plural):
        return None
    for ending, replacement in lex.units.plural_endings:
        if lower.endswith(ending) and len(lower) >= len(ending) + 2:
            return lower[: len(lower) - len(ending)] + replacement
    return None


def _plural_noun(
    text: str, first: int | None, walked: list[re.Match[str]], lex: Lexicon
) -> UnitMatch | None:
    """Where nouns have no capital (English), the first plural-looking word is the counted noun
    and its singular the unit: "500 football fans" -> "fan", "12 hospital beds" -> "bed"."""
    if lex.sources.head_capitalized or first is None:
        return None
    for word in walked:
        lemma = singular(word.group(1), lex)
        if lemma and word.group(1)[0].isupper() and lex.units.capitalized_plural_unit:
            lemma = lex.units.capitalized_plural_unit  # "4,700 North Koreans" are people
        if lemma:
            return UnitMatch(lemma, text[first : word.end()], word.end())
    return None


def _event_unit(
    text: str, start: int, end: int, sentence: tuple[int, int], lex: Lexicon
) -> str | None:
    """ "50 Menschen wurden getötet", "the strike killed seven people": an event word in the
    number's clause, after it or right before it, says what happened to the counted people."""
    lo = max(sentence[0], start - _EVENT_BEFORE)
    before = None
    for m in lex.regexes.event.finditer(text, lo, start):
        before = m  # the verb right before the number governs it: "wounded 25 and killed 3"
    if before and not _CLAUSE_END.search(text, before.end(), start):
        gap_words = {w.lower() for w in text[before.end() : start].split()}
        # "getötet und 25 weitere verletzt": a new clause
        if not gap_words & lex.numbers.connectors:
            return lex.units.events[_normal(before.group().lower())]
    reach = min(sentence[1], end + _EVENT_REACH)
    clause_end = _CLAUSE_END.search(text, end, reach)
    after = lex.regexes.event.search(text, end, clause_end.start() if clause_end else reach)
    if after:
        return lex.units.events[_normal(after.group().lower())]
    return None


def _context_unit(text: str, sentence_start: int, start: int, lex: Lexicon) -> UnitMatch:
    """ "Die Zahl der Toten stieg auf 47": the last count phrase before the number. After "Zahl
    der", "number of" the counted noun phrase itself decides the unit and is the entity."""
    last = None
    window_start = max(sentence_start, start - _CONTEXT_REACH)
    for m in lex.regexes.context_before.finditer(text, window_start, start):
        last = m
    if last is None:
        return UnitMatch()
    phrase = _normal(last.group().lower())
    if phrase in lex.units.count_phrases:
        counted = _after_adjectives(text, last.end(), lex)
        if counted is None or counted.end > start:
            return UnitMatch()
        return UnitMatch(counted.unit, counted.entity)
    return UnitMatch(lex.units.context_before[phrase])


def _next_after_word(text: str, lo: int, start: int | None, lex: Lexicon) -> UnitMatch | None:
    """ "a magnitude 6.8 quake", "die Stärke lag bei 6,1": a unit word before a number is the
    unit of the first claim after it (a word after the number names what was measured, not
    what is counted: "quake killed"; a later claim counts something else). ``lo``: where the
    sentence or the claim before this one ends."""
    if start is None or not lex.units.context_next:
        return None
    lo = max(lo, start - _CONTEXT_REACH)
    window = text[lo:start].lower()
    if not any(form in window for form in lex.units.context_next):
        return None  # the cheap test first: most sentences name no such unit
    last = None
    for m in lex.regexes.context_next.finditer(text, lo, start):
        last = m
    if last is None:
        return None
    return UnitMatch(lex.units.context_next[_normal(last.group().lower())], None, 0)


def unit_sense(
    text: str, span: tuple[int, int], sentence: tuple[int, int], unit: str, lex: Lexicon
) -> str:
    """ "rotate 90 degrees" (an angle), "ein Pfund Hack" (a weight): a unit form with two
    meanings takes the one whose words stand near the number ([senses]), else its own."""
    senses = lex.regexes.senses.get(unit)
    if not senses:
        return unit
    lo, hi = max(sentence[0], span[0] - _SENSE_REACH), min(sentence[1], span[1] + _SENSE_REACH)
    for sense, words in senses:
        if words.search(text, lo, hi):
            return sense
    return unit


def find_unit(
    text: str,
    pos: int,
    sentence: tuple[int, int],
    lex: Lexicon,
    start: int | None = None,
    after: int = 0,
) -> UnitMatch:
    """The unit and counted noun after the number ending at ``pos`` (within its sentence);
    ``start`` is where the claim starts and ``after`` where the claim before it ends."""
    sentence_start, sentence_end = sentence
    found = (
        _directly_after(text, pos, lex)
        or _next_after_word(text, max(sentence_start, after), start, lex)
        or _after_adjectives(text, pos, lex)
        or UnitMatch()
    )
    if found.end > sentence_end:
        found = UnitMatch()
    if found.unit is None:
        context = _context_unit(text, sentence_start, pos if start is None else start, lex)
        found.unit = context.unit
        found.entity = found.entity or context.entity
    if found.unit is None or found.unit in lex.units.event_targets:
        event = _event_unit(text, pos if start is None else start, found.end or pos, sentence, lex)
        if event:
            found.unit = event
    return found
