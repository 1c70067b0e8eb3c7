"""What a claim counts, as meaning (issue #11): ``concept``, ``actor`` and ``state``.

Read from the claim's own noun phrase and clause, never from the title: the unit and entity the
engine found, the words of the clause around the number (up to a clause break or the
neighbouring claim), lemmatised with simplemma. Language knowledge lives in
``lang/<code>/concepts.toml`` (validated on load, merged over ``lang/und``) and in the claimant
gazetteer's ``[countries]`` (names, adjectives, capitals); this module knows no word of any
language. Meaning never changes a claim's value, unit or span.

- ``concept``: an English lemma for what is counted ("soldier", "person", "building", "euro").
- ``actor``: ISO 3166 alpha-2 code of the country that owns or does what is counted; countries
  coordinated in one noun phrase ("Russian and North Korean soldiers") join sorted with "+"
  ("KP+RU"), so a quantity about one of them does not take the claim.
- ``state``: the state or event counted ("killed", "wounded", "casualties", "deployed", ...).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import simplemma

from tracker.claimants import load_gazetteer
from tracker.extract import lexicon
from tracker.extract.datafile import DataFile
from tracker.extract.lexicon import (
    UNDETERMINED,
    Lexicon,
    load_lexicon,
    phrase_alternation,
)
from tracker.models import Claim

FILE_NAME = "concepts.toml"
COORDINATED = "+"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_FIELDS = ("concept", "actor", "state")
_PUNCTUATION = ".,;:!?\"'()[]«»„“”‚‘’–—-…"
_NOUN_LOOKAHEAD = 6  # words after the number that may still belong to its noun phrase


@dataclass(frozen=True, slots=True)
class Meaning:
    concept: str | None = None
    actor: str | None = None
    state: str | None = None


@dataclass(frozen=True)
class Concepts:
    """``concepts.toml`` of one language, merged over ``lang/und``, with its regexes compiled."""

    code: str
    units: dict[str, tuple[str, str | None]]  # unit lemma -> (concept, state)
    nouns: dict[str, str]  # form -> concept
    noun_suffixes: tuple[tuple[str, str], ...]  # compound ending -> concept
    state_words: dict[str, str]  # single word or lemma -> state
    state_phrases: re.Pattern[str]  # phrases of several words
    phrase_states: dict[str, str]
    countries: re.Pattern[str]  # any way of naming a country (lower-cased)
    country_forms: dict[str, str]  # lower-cased form -> ISO code
    modifier_forms: frozenset[str]  # adjectives and possessives: they modify the next noun
    capitals_only: frozenset[str]  # forms written in capitals ("US", "DPRK"): only so
    not_after: frozenset[str]
    articles: frozenset[str]
    coordinators: frozenset[str]
    np_links: frozenset[str]  # words inside a noun phrase before its noun: "and", "of the"
    located_concepts: frozenset[str]
    located_state: str | None
    place_nouns: frozenset[str]  # "in the region": a common noun naming a place
    count_nouns: frozenset[str]  # "die Zahl der Soldaten ... auf 11.000": its complement counts
    reporting_verbs: frozenset[str]  # "Seoul ging von 300 Toten aus": the subject is the source
    weak_states: frozenset[str]  # yield to any other state and to the located state
    no_state: frozenset[str]
    override_states: frozenset[str]  # a change, plan or part: wins over any other state
    broader: dict[str, str]  # concept -> the broader concept it is a kind of (soldier -> person)
    clause_break: re.Pattern[str]
    word_states: dict[str, str | None] = field(default_factory=dict, compare=False)
    noun_concepts: dict[str, str | None] = field(default_factory=dict, compare=False)
    entity_concepts: dict[str, str | None] = field(default_factory=dict, compare=False)

    def state_of(self, lower: str) -> str | None:
        """The state a lower-cased word names, as written or as its lemma; cached per process
        (the lemmatizer is the slow part)."""
        if lower in self.word_states:
            return self.word_states[lower]
        state = self.state_words.get(lower) or self.state_words.get(_lemmatize(lower, self.code))
        self.word_states[lower] = state
        return state


def _lemmatize(word: str, code: str) -> str:
    if code == UNDETERMINED:
        return word
    try:
        return simplemma.lemmatize(word, lang=code).lower()
    except ValueError:  # a language simplemma does not know: the word is its own lemma
        return word


# --- loading -------------------------------------------------------------------------------


def _unit_table(f: DataFile) -> dict[str, tuple[str, str | None]]:
    table = f.get("units")
    if not isinstance(table, dict):
        raise f.fail("units", "must be a table of unit = { concept, state }")
    out: dict[str, tuple[str, str | None]] = {}
    for unit, entry in table.items():
        key = f"units.{unit}"
        if not isinstance(entry, dict) or set(entry) - {"concept", "state"}:
            raise f.fail(key, "must be { concept = ..., state = ... } (state optional)")
        concept, state = entry.get("concept"), entry.get("state")
        if not isinstance(concept, str) or not concept:
            raise f.fail(f"{key}.concept", "must be a non-empty string")
        if state is not None and (not isinstance(state, str) or not state):
            raise f.fail(f"{key}.state", "must be a non-empty string")
        out[unit] = (concept, state)
    return out


def _states(f: DataFile, known: set[str] | None) -> tuple[dict[str, str], dict[str, str]]:
    """[states] as (single words -> state, phrases -> state); state names are und's keys."""
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for state, forms in f.word_table("states").items():
        if known is not None and state not in known:
            raise f.fail(f"states.{state}", "is not a state named in lang/und/concepts.toml")
        for form in forms:
            target = phrases if " " in form else words
            if target.get(form, state) != state:
                raise f.fail(f"states.{state}", f"repeats {form!r}, already under {target[form]!r}")
            target[form] = state
    return words, phrases


def _country_forms(f: DataFile, code: str) -> tuple[dict[str, str], set[str]]:
    """Every way this language names a country: the gazetteer's names, adjectives (with the
    inflection endings), capitals and derived or listed demonyms, each also as a possessive;
    and which of them are modifiers (adjectives, possessives) rather than nouns."""
    countries = load_gazetteer(code).countries
    endings = ("", *f.words("actor.adjective_endings"))
    derive = f.word_table("actor.derive")
    demonyms = f.word_table("actor.demonyms")
    for iso in demonyms:
        if iso not in countries:
            raise f.fail(f"actor.demonyms.{iso}", "is not a country of claimants.toml")
    forms: dict[str, str] = {}
    modifiers: set[str] = set()
    for iso, country in countries.items():
        bases = [*country.names, *country.capitals, *demonyms.get(iso, ())]
        for adjective in country.adjectives:
            bases += [adjective + ending for ending in endings]
            modifiers.update((adjective + ending).lower() for ending in endings)
            for tail, made in derive.items():
                if adjective.lower().endswith(tail):
                    stem = adjective[: len(adjective) - len(tail)]
                    bases += [stem + ending for ending in made]
        for base in bases:
            forms.setdefault(base, iso)
    possessives = f.words("actor.possessives")
    for base, iso in list(forms.items()):
        for suffix in possessives:
            forms.setdefault(base + suffix, iso)
            modifiers.add((base + suffix).lower())
    return forms, modifiers


def _lower_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """Whole-word phrases, matched in lower-cased text (an IGNORECASE trie is ~5x slower)."""
    alternation = phrase_alternation(p.lower() for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])")


def _clause_break(f: DataFile) -> re.Pattern[str]:
    chars = "".join(re.escape(c) for c in f.words("rules.clause_breaks"))
    if not chars:
        return re.compile(r"(?!x)x")
    return re.compile(f"[{chars}]")


def _override_states(base: DataFile, f: DataFile, known: set[str]) -> frozenset[str]:
    """lang/und's override states and the language's own (both must be states of und)."""
    states = base.word_set("rules.override_states") | f.word_set("rules.override_states")
    for state in states - known:
        raise f.fail("rules.override_states", f"{state!r} is not a state of lang/und's [states]")
    return states


def _read(code: str) -> DataFile:
    # read the folder from the lexicon module at call time: the language folders are one place
    return DataFile(lexicon.LANG_DIR / code / FILE_NAME)


@functools.cache
def load_concepts(code: str) -> Concepts:
    """``lang/<code>/concepts.toml`` over ``lang/und/concepts.toml``; validated, cached."""
    base = _read(UNDETERMINED)
    known = set(base.word_table("states"))
    f = base if code == UNDETERMINED else _read(code)
    nouns = f.inverted("nouns")
    words, phrases = _states(f, known)
    forms, modifiers = _country_forms(f, code)
    located = f.string("rules.located_state") or None
    if located is not None and located not in known:
        raise f.fail("rules.located_state", "is not a state named in lang/und/concepts.toml")
    return Concepts(
        code=code,
        units=_unit_table(base) | _unit_table(f),
        nouns={form: concept for form, concept in nouns.items() if not form.startswith("*")},
        noun_suffixes=tuple((fm[1:], c) for fm, c in nouns.items() if fm.startswith("*")),
        state_words=words,
        state_phrases=_lower_pattern(phrases),
        phrase_states=phrases,
        countries=_lower_pattern(forms),
        country_forms={form.lower(): iso for form, iso in forms.items()},
        modifier_forms=frozenset(modifiers),
        capitals_only=frozenset(form.lower() for form in forms if form[:2].isupper()),
        not_after=f.word_set("actor.not_after"),
        articles=f.word_set("actor.articles"),
        coordinators=f.word_set("actor.coordinators"),
        np_links=f.word_set("actor.coordinators")
        | f.word_set("actor.articles")
        | {word for link in load_lexicon(code).units.part_links for word in link.split()},
        located_concepts=f.word_set("rules.located_concepts"),
        located_state=located,
        place_nouns=f.word_set("rules.place_nouns"),
        count_nouns=f.word_set("rules.count_nouns"),
        reporting_verbs=f.word_set("actor.reporting_verbs"),
        weak_states=base.word_set("rules.weak_states") | f.word_set("rules.weak_states"),
        no_state=base.word_set("rules.no_state") | f.word_set("rules.no_state"),
        override_states=_override_states(base, f, known),
        broader=base.string_table("broader") | f.string_table("broader"),
        clause_break=_clause_break(f),
    )


# --- reading a claim ---------------------------------------------------------------------------


def add_meaning(claims: list[Claim], text: str, lex: Lexicon) -> list[Claim]:
    """The claims with ``concept``, ``actor`` and ``state`` filled from their own clause.

    The engine's claims are fresh and not yet shared, so the three fields are set in place:
    rebuilding a 25-field frozen dataclass per claim cost more than reading its meaning."""
    concepts = load_concepts(lex.code)
    low = lower_text(text)
    breaks = _breaks(text, concepts)
    antecedent: Meaning | None = None  # the last claim's meaning with a concept and a state
    for i, claim in enumerate(claims):
        prev = claims[i - 1] if i > 0 else None
        nxt = claims[i + 1] if i + 1 < len(claims) else None
        clause = _after_coordinator(_clause(claim, prev, nxt, breaks), claim, prev, low, concepts)
        found = read_meaning(claim, (text, low), lex, concepts, clause)
        if prev is not None and _elided(claim, prev, clause, concepts):
            found = _from_previous(found, prev, concepts)
        elif _bare(claim, found) and antecedent is not None:
            found = antecedent
        if found.concept is not None and found.state is not None:
            antecedent = found
        for name in _FIELDS:
            value = getattr(found, name)
            if value is not None:
                object.__setattr__(claim, name, value)
    return claims


def _bare(claim: Claim, found: Meaning) -> bool:
    """ "The Pentagon said its own estimate matched the figure of about 3,000", "Vergangene
    Woche war noch von 1500 die Rede": a number with no unit, no noun and no state of its own
    refers back to the figure the text spoke of last (a rule of discourse: the counted thing,
    its actor and state come from the nearest earlier claim of the same text that had them)."""
    return claim.unit is None and claim.entity is None and found.concept is None and (
        found.state is None
    )


def _elided(claim: Claim, prev: Claim, clause: tuple[int, int], concepts: Concepts) -> bool:
    """ "300 North Korean soldiers killed and 2,700 wounded": the second number's noun is
    elided; it counts what the previous number of the sentence counts."""
    if prev.sentence_start != claim.sentence_start or clause[0] < prev.end:
        return False
    # a measure ("Zwei Tage nach ...", "a magnitude 6.8 earthquake") counts nothing to share
    if (prev.concept or prev.unit or "") in concepts.no_state:
        return False
    event = concepts.units.get(claim.unit or "", (None, None))[1]
    if claim.entity is None:
        return claim.unit is None or event is not None
    # "2,700 injured": the entity is the event word itself, no noun of its own ("people" is one)
    return event is not None and concepts.state_of(claim.entity.lower()) is not None


def _from_previous(found: Meaning, prev: Claim, concepts: Concepts) -> Meaning:
    unit_concept = concepts.units.get(prev.unit or "", (None, None))[0]
    concept = found.concept
    if prev.concept is not None and prev.concept != unit_concept or concept is None:
        concept = prev.concept
    return Meaning(concept, found.actor or prev.actor, found.state)


def _breaks(text: str, concepts: Concepts) -> list[int]:
    """Offsets of the clause breaks in ``text``; a separator between digits ("50,000") is part
    of a number."""
    out = []
    for found in concepts.clause_break.finditer(text):
        at = found.start()
        if not (text[at - 1 : at].isdigit() and text[at + 1 : at + 2].isdigit()):
            out.append(at)
    return out


def _clause(
    claim: Claim, prev: Claim | None, nxt: Claim | None, breaks: list[int]
) -> tuple[int, int]:
    """The clause around the number: up to a clause break (``breaks``: their offsets in the
    text, ascending), never past a neighbouring claim."""
    start = claim.sentence_start
    end = max(start + len(claim.sentence), claim.end)
    if prev is not None and prev.sentence_start == claim.sentence_start:
        start = max(start, min(prev.end, claim.start))
    if nxt is not None and nxt.sentence_start == claim.sentence_start:
        end = min(end, max(nxt.start, claim.end))
    before = bisect.bisect_left(breaks, claim.start) - 1
    if before >= 0 and breaks[before] >= start:
        start = breaks[before] + 1
    after = bisect.bisect_left(breaks, claim.end)
    if after < len(breaks) and breaks[after] < end:
        end = breaks[after]
    return start, end


def _after_coordinator(
    clause: tuple[int, int], claim: Claim, prev: Claim | None, low: str, concepts: Concepts
) -> tuple[int, int]:
    """ "8,400 people injured and about 400 still missing": after a figure of the same clause,
    the words before the coordinator belong to that figure."""
    if prev is None or prev.sentence_start != claim.sentence_start or clause[0] < prev.end:
        return clause
    start = clause[0]
    for word in _WORD.finditer(low, start, claim.start):
        if word.group() in concepts.coordinators:
            start = word.end()
    return start, clause[1]


def lower_text(text: str) -> str:
    """``text`` lower-cased with the same offsets (a letter whose lower case is longer stays)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def read_meaning(
    claim: Claim,
    texts: tuple[str, str],
    lex: Lexicon,
    concepts: Concepts,
    clause: tuple[int, int],
) -> Meaning:
    """The meaning of one claim whose clause is ``text[clause[0]:clause[1]]``; ``texts`` is the
    text and its ``lower_text``."""
    text, low = texts
    start, end = clause
    np_start, np_end, noun = _noun_phrase(claim, texts, lex, concepts, end)
    if np_end == claim.end and noun is None and not claim.entity:
        np_start, noun = _counted_before(claim, texts, lex, concepts, start)
    unit_concept, unit_state = concepts.units.get(claim.unit or "", (claim.unit, None))
    if unit_state is not None:  # the predicate made the unit: the counted noun is the concept
        concept = noun or unit_concept
    else:
        concept = unit_concept if claim.unit is not None else noun
    counts_events = (concept or "") not in concepts.no_state
    actor, places = _actor(claim, texts, concepts, clause, np_end, lex if counts_events else None)
    if not counts_events:
        return Meaning(concept, actor, unit_state)
    # "4.700 Toten und Verwundeten": a phrase over the unit's word names the state
    phrase = _phrase_over(low, concepts, clause, (np_start, np_end))
    state = phrase or unit_state
    clause_state = _clause_state(texts, concepts, clause, claim)
    # a unit not written at the number (inherited: "8,400 people injured and about 400 still
    # missing") yields to the clause's own state word
    inherited = phrase is None and claim.entity is None and clause_state is not None
    if state is None or inherited or clause_state in concepts.override_states:
        state = clause_state
    located = (state is None or state in concepts.weak_states) and (
        concept in concepts.located_concepts
    )
    if located and (places | _places_named(text, clause, claim, concepts)) - {actor}:
        state = concepts.located_state
    return Meaning(concept, actor, state)


def _phrase_over(
    low: str, concepts: Concepts, clause: tuple[int, int], span: tuple[int, int]
) -> str | None:
    """The state of a phrase of several words overlapping the noun phrase ``span``."""
    for found in concepts.state_phrases.finditer(low, clause[0], clause[1]):
        if found.start() < span[1] and found.end() > span[0]:
            return concepts.phrase_states.get(" ".join(found.group().split()))
    return None


def _concept_of(word: str, lex: Lexicon, concepts: Concepts) -> str | None:
    """A counted noun's concept: this file's [nouns], else the unit nouns mapped by [units]."""
    lower = word.lower()
    if lower in concepts.noun_concepts:
        return concepts.noun_concepts[lower]
    concept = concepts.noun_concepts[lower] = _lookup_concept(lower, lex, concepts)
    return concept


def _lookup_concept(lower: str, lex: Lexicon, concepts: Concepts) -> str | None:
    found = concepts.nouns.get(lower) or lex.units.nouns.get(lower)
    if found is None:
        for suffix, lemma in (*concepts.noun_suffixes, *lex.units.noun_suffixes):
            if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                found = lemma
                break
    if found is None:
        return None
    return concepts.units.get(found, (found, None))[0]


def _noun_phrase(
    claim: Claim, texts: tuple[str, str], lex: Lexicon, concepts: Concepts, limit: int
) -> tuple[int, int, str | None]:
    """Where the claim's noun phrase starts and ends, and the concept of its counted noun: the
    entity's last noun with a concept, else the first such noun after the number when only
    country words and coordinators stand between ("50,000 Russian and North Korean soldiers")."""
    text, low = texts
    if claim.entity:
        at = text.find(
            claim.entity, claim.sentence_start, max(limit, claim.end + len(claim.entity))
        )
        end = at + len(claim.entity) if at >= 0 else claim.end
        if claim.entity not in concepts.entity_concepts:
            words = reversed(_WORD.findall(claim.entity))
            found = next((c for w in words if (c := _concept_of(w, lex, concepts))), None)
            concepts.entity_concepts[claim.entity] = found
        begin = min(at, claim.start) if at >= 0 else claim.start
        return begin, max(end, claim.end), concepts.entity_concepts[claim.entity]
    pos = claim.end
    for _ in range(_NOUN_LOOKAHEAD):
        country = concepts.countries.match(low, _skip_space(text, pos), limit)
        if country is not None:
            pos = country.end()
            continue
        word = _WORD.match(text, _skip_space(text, pos), limit)
        if word is None:
            break
        if word.group().lower() not in concepts.np_links:
            concept = _concept_of(word.group(), lex, concepts)
            if concept is None:
                break
            return claim.start, word.end(), concept
        pos = word.end()
    return claim.start, claim.end, None


def _counted_before(
    claim: Claim, texts: tuple[str, str], lex: Lexicon, concepts: Concepts, start: int
) -> tuple[int, str | None]:
    """ "die Gesamtzahl der nordkoreanischen Soldaten in Russland auf 11.000", "die Zahl der
    getöteten und verwundeten Nordkoreaner übersteige 3.000": a number with no noun of its own
    counts the complement of a count noun earlier in its clause; the noun phrase starts at the
    count noun (so a state phrase inside it is the counted state)."""
    words = list(_WORD.finditer(texts[0], start, claim.start))
    for i, word in enumerate(words):
        if word.group().lower() not in concepts.count_nouns:
            continue
        for after in words[i + 1 : i + 1 + _NOUN_LOOKAHEAD]:
            lower = after.group().lower()
            if lower in concepts.np_links or lower in concepts.country_forms:
                continue
            if concepts.state_of(lower) is not None:
                continue
            return word.start(), _concept_of(after.group(), lex, concepts)
        return word.start(), None
    return claim.start, None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _actor(
    claim: Claim,
    texts: tuple[str, str],
    concepts: Concepts,
    clause: tuple[int, int],
    np_end: int,
    lex: Lexicon | None,
) -> tuple[str | None, set[str]]:
    """The actor, and the countries named as places ("in Russland"). Countries inside the noun
    phrase (or just before the number: "Pyongyang's 11,000 troops") win over a country earlier
    in the clause (the subject: "Russia has amassed 50,000 soldiers"); a country later in the
    clause is an object or a place, never the actor; a country after a place word is a place;
    one inside the source is not the actor ("Ukraine says ..."), nor an adjective or possessive
    earlier in the clause that modifies a noun counting nothing ("der südkoreanische Geheimdienst
    ging von 300 Toten aus", "Ukraine's own estimate put ... at 3,000"), when what is counted
    can have a state (``lex`` given; money: "the UK government pledged £5m" keeps its payer)."""
    text, low = texts
    start, end = clause
    inside: set[str] = set()
    around: set[str] = set()
    places: set[str] = set()
    for found in concepts.countries.finditer(low, start, max(np_end, claim.start)):
        form = found.group()
        iso = concepts.country_forms.get(" ".join(form.split()))
        if iso is None or (form in concepts.capitals_only and not text[found.start()].isupper()):
            continue
        if _after_place_word(text, found.start(), start, concepts):
            places.add(iso)
        elif _reports(found, texts, concepts) or (
            claim.source and text[found.start() : found.end()] in claim.source
        ):
            continue
        elif claim.start <= found.start() < np_end or (
            found.end() <= claim.start and not text[found.end() : claim.start].strip()
        ):
            inside.add(iso)
        elif lex is None or not _modifies_other_noun(found, texts, concepts, lex):
            around.add(iso)
    chosen = inside or around
    return (COORDINATED.join(sorted(chosen)) if chosen else None), places


def _reports(found: re.Match[str], texts: tuple[str, str], concepts: Concepts) -> bool:
    """ "Seoul ging von 300 Toten aus", "Ukraine says": a country named as a noun and followed
    by a reporting verb is the subject that reports the figure, not its actor."""
    if found.group() in concepts.modifier_forms or not concepts.reporting_verbs:
        return False
    verb = _WORD.match(texts[1], _skip_space(texts[1], found.end()))
    if verb is None:
        return False
    word = verb.group()
    return word in concepts.reporting_verbs or (
        _lemmatize(word, concepts.code) in concepts.reporting_verbs
    )


def _modifies_other_noun(
    found: re.Match[str], texts: tuple[str, str], concepts: Concepts, lex: Lexicon
) -> bool:
    if found.group() not in concepts.modifier_forms:
        return False
    text = texts[0]
    word = _WORD.match(text, _skip_space(text, found.end()))
    return word is not None and _concept_of(word.group(), lex, concepts) is None


def _after_place_word(text: str, pos: int, start: int, concepts: Concepts) -> bool:
    """ "in Russland", "to Russia", "in der Ukraine", "in southern Turkey": a place word up to
    two words before."""
    before = _WORD.findall(text, max(start, pos - 40), pos)[-3:]
    words = [w.lower() for w in before]
    if words and words[-1] in concepts.articles:
        words = words[:-1]
    return any(word in concepts.not_after for word in words[-2:])


def _places_named(text: str, clause: tuple[int, int], claim: Claim, concepts: Concepts) -> set[str]:
    """Places named in the clause outside the claim: the word after a place word (and an
    article) when it is capitalised, a country form or a place noun: "in Russland", "auf
    russischem Boden" (their ISO code), "In der Region Kursk", "in the region" (the word)."""
    out = set()
    for span in ((clause[0], claim.start), (claim.end, clause[1])):
        words = [w.group() for w in _WORD.finditer(text, *span)]
        for i, word in enumerate(words[:-1]):
            if word.lower() not in concepts.not_after:
                continue
            place = words[i + 1]
            if place.lower() in concepts.articles and i + 2 < len(words):
                place = words[i + 2]
            iso = concepts.country_forms.get(place.lower())
            if iso is not None or place[0].isupper() or place.lower() in concepts.place_nouns:
                out.add(iso or place)
    return out


def _clause_state(
    texts: tuple[str, str], concepts: Concepts, clause: tuple[int, int], claim: Claim
) -> str | None:
    """The state word of the clause nearest to the number (in words); a phrase ("killed or
    wounded") beats the words inside it; an override state (a change, plan or part: "additional",
    "expected to", "allein") beats any other, wherever it stands in the clause."""
    low = texts[1]
    start, end = clause
    before, after = low[start : claim.start], low[claim.end : end]
    found_states: list[tuple[int, str]] = []
    for found in concepts.state_phrases.finditer(low, start, end):
        state = concepts.phrase_states.get(" ".join(found.group().split()))
        if state is None:
            continue
        blank = " " * (found.end() - found.start())
        if found.end() <= claim.start:
            cut = found.start() - start
            found_states.append((len(before[found.end() - start :].split()), state))
            before = before[:cut] + blank + before[found.end() - start :]
        elif found.start() >= claim.end:
            cut = found.start() - claim.end
            found_states.append((len(after[:cut].split()) + 1, state))
            after = after[:cut] + blank + after[found.end() - claim.end :]
    words = before.split()
    for i, word in enumerate(words):
        state = concepts.state_of(word.strip(_PUNCTUATION))
        if state is not None:
            found_states.append((len(words) - i, state))
    for i, word in enumerate(after.split()):
        state = concepts.state_of(word.strip(_PUNCTUATION))
        if state is not None:
            found_states.append((i + 1, state))
    overrides = concepts.override_states
    # inside the claim's own words: "2,000 additional soldiers"; "150.000 Obdachlosen" when
    # its noun counts something (not "40.000 Zelte")
    counted = concepts.entity_concepts.get(claim.entity or "") is not None
    for word in low[claim.start : claim.end].split():
        state = concepts.state_of(word.strip(_PUNCTUATION))
        if state in overrides or state is not None and counted:
            found_states.append((0, state))
    if not found_states:
        return None
    weak = concepts.weak_states
    return min(found_states, key=lambda d_s: (d_s[1] not in overrides, d_s[1] in weak, d_s[0]))[1]
