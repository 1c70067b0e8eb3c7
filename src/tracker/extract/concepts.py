"""``concepts.toml`` of one language, loaded and validated: the words the meaning of a claim is
read with (issue #11; the tables are described in ``lang/und/concepts.toml``). Merged over
``lang/und``; the claimant gazetteer's ``[countries]`` gives the ways of naming a country."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from tracker import lemmas
from tracker.claimants import load_gazetteer
from tracker.extract import lexicon
from tracker.extract.datafile import DataFile
from tracker.extract.lexicon import (
    UNDETERMINED,
    compound_ending,
    load_lexicon,
    not_after_alternation,
    phrase_alternation,
)

FILE_NAME = "concepts.toml"


@dataclass(frozen=True)
class Concepts:
    """``concepts.toml`` of one language, merged over ``lang/und``, with its regexes compiled."""

    code: str
    units: dict[str, tuple[str, str | None]]  # unit lemma -> (concept, state)
    nouns: dict[str, str]  # form -> concept
    noun_suffixes: tuple[tuple[str, str], ...]  # compound ending -> concept
    state_words: dict[str, str]  # single word or lemma -> state
    state_suffixes: tuple[tuple[str, str], ...]  # compound ending -> state ("*schaden")
    state_phrases: re.Pattern[str]  # phrases of several words
    phrase_states: dict[str, str]
    # a verb and its particle apart ("nahm ... fest"): (verb, particle, state), both in a clause
    split_states: tuple[tuple[str, str, str], ...]
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
    # "reached Lampedusa", "Lampedusa erreicht": a verb that names a state beside a name only
    place_verbs: frozenset[str]
    place_verb_pattern: re.Pattern[str]  # any of them, to skip a clause without one at once
    place_verb_state: str | None
    # "whose population is about 6,000": a bare number after one counts the noun's concept
    collective_nouns: frozenset[str]
    force_nouns: frozenset[str]  # "army", "Armee": a force as a whole, whose size is no count sent
    # "97 were placed in custody and 23 would face trial": a verb of its own after the number
    auxiliaries: frozenset[str]
    reporting_verbs: frozenset[str]  # "Seoul ging von 300 Toten aus": the subject is the source
    weak_states: frozenset[str]  # yield to any other state and to the located state
    plain_states: frozenset[str]  # a definition's unstated state ("") also takes these
    planned_states: frozenset[str]  # "plans to cut 8,000 jobs": a plan of it is still this state
    sub_states: dict[str, str]  # a state that is a kind of another (the yes side of a vote)
    service_states: dict[str, str]  # "strich 140 Flüge": a cut service is cancelled
    service_concepts: frozenset[str]
    member_concepts: frozenset[str]  # "members of the armed forces": the complement counts
    relative_pronouns: frozenset[str]  # ", die ...": a relative clause continues the clause
    # ", die meisten von ihnen ...": a pronoun partitive refers back to the figure (its part)
    back_partitives: tuple[str, ...]
    no_state: frozenset[str]
    # "36 million tonnes of grain", "4 Millionen Tonnen Weizen": a unit that measures an amount
    # of a material; the counted noun after it (perhaps after a link word: "of") is the concept
    material_units: frozenset[str]
    period_units: frozenset[str]  # durations: "in the past two weeks alone" makes a part of time
    material_links: frozenset[str]
    share_units: frozenset[str]  # units of a share ("percent"): what it is a share of counts
    shares: dict[str, str]  # "of the vote", "turnout was": a noun a share measures -> [units] key
    share_suffixes: tuple[tuple[str, str], ...]  # compound ending ("*stimmen") -> [units] key
    override_states: frozenset[str]  # a change, plan or part: wins over any other state
    broader: dict[str, str]  # concept -> the broader concept it is a kind of (soldier -> person)
    measure_states: frozenset[str]  # states a no_state unit may still have (money: damaged)
    measure_only: frozenset[str]  # states only such a unit may have (money: price)
    change_state: str  # the state of a change ("added") and of a part ("part")
    part_state: str
    plan_state: str  # the state of a plan or forecast ("expected")
    future_before: frozenset[str]  # "will send": an auxiliary before the state word
    future_links: frozenset[str]  # "will be sent": words between auxiliary and state word
    future_after: frozenset[str]  # "entsenden werde": an auxiliary after the infinitive
    forecast_modals: frozenset[str]  # "könnte ... steigen": a modal and a verb of growth
    forecast_verbs: frozenset[str]
    period_start: frozenset[str]  # "since 2022": a year that opens a period, not another event
    earlier_period: tuple[str, ...]  # "four years ago": a figure of an earlier period or event
    # "last year": the year before the article's, an earlier period unless the article reports it
    previous_period: tuple[str, ...]
    period_late: tuple[str, ...]  # "late last year": the end of the previous period
    # "from 22.1 million tonnes last year": words before the figure a comparison starts from
    compared_from: tuple[str, ...]
    subunit: re.Pattern[str]  # "im Wahlkreis": a place word, then a noun of one part of the area
    subunit_nouns: re.Pattern[str]  # those nouns anywhere (a text without one skips ``subunit``)
    current_period: tuple[str, ...]  # "this year": the year a rate's figure is for
    next_period: tuple[str, ...]  # "next year"
    question_openings: tuple[str, ...]  # "How many people took part? ...": what a bare one counts
    # "could reach 12,000 by December": a plan's deadline only after the number ("By April, the
    # NIS estimated 4,700" dates the estimate)
    deadline_phrases: frozenset[str]
    change_after: frozenset[str]  # "four more bodies": right after the number, a change
    change_openings: frozenset[str]  # "430 new cases": opening the counted noun, a change
    change_before: frozenset[str]  # "another 300": right before the number, a change
    part_after: tuple[str, ...]  # "40 davon": right after the number, a part
    part_before: frozenset[str]  # "davon noch 40": at most two words before the number, a part
    part_of_next: frozenset[str]  # "only 40 of about 500": between it and the next, a part
    inclusions: tuple[str, ...]  # "16 died, including nine in ...": a part of the figure before
    inclusion_asides: tuple[str, ...]  # "casualties, including the wounded, run to": one clause
    partitive_after: tuple[str, ...]  # "three of the dead": right after the number, a part
    partitive_anywhere: tuple[str, ...]  # "among the displaced": anywhere in the clause
    partitive_openings: tuple[str, ...]  # "Of the 21,000 evacuated, 3,000 ...": the rest a part
    # "Three more were found, raising the number rescued to 47": the figure before is a change
    total_after: re.Pattern[str]
    # "in München rund 3.500, insgesamt über 30.000": right before the whole of the figure before
    whole_before: re.Pattern[str]
    whole_before_words: tuple[str, ...]
    clause_break: re.Pattern[str]
    # concepts of a rate a share measures with no state of its own ("growth", "inflation"): a
    # later share of the text that names nothing is a figure of the same rate
    rate_concepts: frozenset[str] = frozenset()
    # "30,000 passengers a day": right after the number (matched at its end), a figure per period
    rate_after: re.Pattern[str] = re.compile(r"(?!x)x")
    rate_state: str = "per_period"
    # "had cost the economy €180m": words after a price verb that open who bears the loss
    borne_after: frozenset[str] = frozenset()
    borne_state: str = "damaged"
    borne_from: str = "price"  # the state such a price word names otherwise
    word_states: dict[str, str | None] = field(default_factory=dict, compare=False)
    # ``state_of`` of a word as split from a clause, punctuation still around it (the clause
    # reader asks for every word of every clause: one look-up instead of a strip and a call)
    raw_states: dict[str, str | None] = field(default_factory=dict, compare=False)
    share_words: dict[str, str | None] = field(default_factory=dict, compare=False)  # _share_noun
    # any verb of ``split_states`` as a substring (lower case): a clause without one has no split
    split_verbs: re.Pattern[str] = re.compile(r"(?!x)x")
    # any auxiliary or modal of the future tests, not followed by a letter (None: a word with
    # letters lower-casing may change, so every clause is read word by word)
    future_words: re.Pattern[str] | None = None
    noun_concepts: dict[str, str | None] = field(default_factory=dict, compare=False)
    entity_concepts: dict[str, str | None] = field(default_factory=dict, compare=False)

    def state_of(self, lower: str) -> str | None:
        """The state a lower-cased word names, as written or as its lemma; cached per process
        (the lemmatizer is the slow part)."""
        if lower in self.word_states:
            return self.word_states[lower]
        state = self.state_words.get(lower) or self.state_words.get(lemmatize(lower, self.code))
        if state is None:
            state = compound_ending(lower, self.state_suffixes)
        self.word_states[lower] = state
        return state


_PLAIN_WORD = re.compile(r"[a-z\u00df-\u00f6\u00f8-\u00ff]+")


def _plain_words_pattern(words: frozenset[str]) -> re.Pattern[str] | None:
    """Any of ``words`` in a lower-cased text, not followed by a letter: where a word of a
    clause (lower-cased) is one of them, this finds it in the lower-cased clause. None when a
    word holds other than plain lower-case Latin letters (their lower case may differ)."""
    if not all(_PLAIN_WORD.fullmatch(word) for word in words):
        return None
    return re.compile(rf"(?:{phrase_alternation(words, flexible_space=False)})(?![^\W\d_])")


def lemmatize(word: str, code: str) -> str:
    """simplemma's lemma of ``word``, lower-cased (its dictionaries memory-mapped:
    ``tracker.lemmas``)."""
    if code == UNDETERMINED:
        return word
    try:
        return lemmas.lemmatize(word, code).lower()
    except ValueError:  # a language simplemma does not know: the word is its own lemma
        return word


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


SPLIT = " ... "  # in a [states] form: a verb and its particle with words between


def _states(
    f: DataFile, known: set[str] | None
) -> tuple[dict[str, str], dict[str, str], tuple[tuple[str, str, str], ...]]:
    """[states] as (single words -> state, phrases -> state, split verbs); state names are
    und's keys. A form starting with "*" is a compound ending, kept under its "*" among the
    words; "nahm ... fest" is a verb and its particle, one word each, apart in the clause."""
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    split: list[tuple[str, str, str]] = []
    for state, forms in f.word_table("states").items():
        if known is not None and state not in known:
            raise f.fail(f"states.{state}", "is not a state named in lang/und/concepts.toml")
        for form in forms:
            if SPLIT in form:
                parts = form.split(SPLIT)
                if len(parts) != 2 or any(not p or " " in p for p in parts):
                    reason = f"{form!r}: a split verb is 'verb ... particle'"
                    raise f.fail(f"states.{state}", reason)
                split.append((parts[0], parts[1], state))
                continue
            target = phrases if " " in form else words
            if target.get(form, state) != state:
                raise f.fail(f"states.{state}", f"repeats {form!r}, already under {target[form]!r}")
            target[form] = state
    return words, phrases, tuple(split)


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
    alternation = not_after_alternation((p.lower() for p in phrases), r"\w-")
    return re.compile(rf"{alternation}(?![\w])")


def _phrases_or_none(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word phrases; none: a pattern that never matches."""
    return _lower_pattern(phrases) if phrases else re.compile(r"(?!x)x")


def _rate_pattern(
    phrases: Iterable[str], not_after: Iterable[str], places: Iterable[str]
) -> re.Pattern[str]:
    """Matched at a number's end in lower-cased text: up to two words (none a place word: not
    "people for a week") and a phrase of a period ("a day", "pro Tag"), not followed by a word
    that makes it a date ("a day earlier"); none: a pattern that never matches."""
    phrases = [p.lower() for p in phrases]
    if not phrases:
        return re.compile(r"(?!x)x")
    place, period, date = (phrase_alternation(w.lower() for w in words)
                           for words in (places, phrases, not_after))
    return re.compile(
        rf"\s+(?:(?!(?:{place})\b)[^\W\d]+\s+){{0,2}}(?:{period})"
        rf"(?![^\W\d])(?!\s+(?:{date})(?![^\W\d]))"
    )


def _subunit_pattern(places: Iterable[str], nouns: Iterable[str]) -> re.Pattern[str]:
    """A place word, up to two words, and a noun of one part of the area a story counts in
    ("im Wahlkreis", "in one constituency", "in the city of"; a noun starting with "*" is a
    compound's ending), in lower-cased text; none: a pattern that never matches."""
    places, nouns = list(places), list(nouns)
    if not places or not nouns:
        return re.compile(r"(?!x)x")
    place = "|".join(re.escape(p.lower()).replace(r"\ ", r"\s+")
                     for p in sorted(places, key=len, reverse=True))
    noun = "|".join((r"[\w-]*" + re.escape(n[1:].lower())) if n.startswith("*")
                    else re.escape(n.lower()).replace(r"\ ", r"\s+")
                    for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{place})\s+(?:[\w-]+\s+){{0,2}}(?:{noun})(?![\w])")


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


def _plain_states(base: DataFile, f: DataFile, known: set[str],
                  key: str = "plain_states") -> frozenset[str]:
    """lang/und's states of ``rules.<key>`` and the language's own (both must be states of und)."""
    states = base.word_set(f"rules.{key}") | f.word_set(f"rules.{key}")
    for state in states - known:
        raise f.fail(f"rules.{key}", f"{state!r} is not a state of lang/und's [states]")
    return states


def _sub_states(base: DataFile, f: DataFile, known: set[str], key: str = "sub_states"
                ) -> dict[str, str]:
    """``rules.sub_states`` (or ``key``) of lang/und and the language: state -> the broader
    state (both states of lang/und)."""
    table = base.string_table(f"rules.{key}") | f.string_table(f"rules.{key}")
    for state, broader in table.items():
        if state not in known or broader not in known:
            raise f.fail(f"rules.{key}.{state}", "names a state not in lang/und's [states]")
    return table


def _shares(base: DataFile, f: DataFile, units: dict[str, tuple[str, str | None]]
            ) -> dict[str, str]:
    """[shares] as {form: unit}: the nouns a share measures ("vote", "turnout",
    "*stimmen"), each under a unit of the [units] tables whose concept and state it gives."""
    table = f.inverted("shares")
    for unit in (*base.word_table("shares"), *f.word_table("shares")):
        if unit not in units:
            raise f.fail(f"shares.{unit}", "is not a unit of the [units] tables")
    return table


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
    words, phrases, split = _states(f, known)
    suffixes = tuple((w[1:], st) for w, st in words.items() if w.startswith("*"))
    measure_only = base.word_set("rules.measure_only") | f.word_set("rules.measure_only")
    measure_states = (
        base.word_set("rules.measure_states") | f.word_set("rules.measure_states") | measure_only
    )
    for state in measure_states - known:
        key = "measure_only" if state in measure_only else "measure_states"
        raise f.fail(f"rules.{key}", f"{state!r} is not a state of lang/und's [states]")
    forms, modifiers = _country_forms(f, code)
    located = f.string("rules.located_state") or None
    if located is not None and located not in known:
        raise f.fail("rules.located_state", "is not a state named in lang/und/concepts.toml")
    place_verb_state = f.string("rules.place_verb_state") or None
    if place_verb_state is not None and place_verb_state not in known:
        raise f.fail("rules.place_verb_state", "is not a state named in lang/und/concepts.toml")
    change, part = f.string("rules.change_state"), f.string("rules.part_state")
    plan, rate = f.string("rules.plan_state"), f.string("rules.rate_state")
    borne, borne_from = f.string("rules.borne_state"), f.string("rules.borne_from")
    for key, state in (("change_state", change), ("part_state", part), ("plan_state", plan),
                       ("rate_state", rate), ("borne_state", borne),
                       ("borne_from", borne_from)):
        if state not in known:
            raise f.fail(f"rules.{key}", "is not a state named in lang/und/concepts.toml")
    units = _unit_table(base) | _unit_table(f)
    shares = _shares(base, f, units)
    return Concepts(
        code=code,
        units=units,
        nouns={form: concept for form, concept in nouns.items() if not form.startswith("*")},
        noun_suffixes=tuple((fm[1:], c) for fm, c in nouns.items() if fm.startswith("*")),
        state_words={w: st for w, st in words.items() if not w.startswith("*")},
        state_suffixes=suffixes,
        state_phrases=_lower_pattern(phrases),
        phrase_states=phrases,
        split_states=split,
        split_verbs=re.compile(phrase_alternation({verb for verb, _, _ in split},
                                                  flexible_space=False)),
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
        place_verbs=f.word_set("rules.place_verbs"),
        place_verb_pattern=_phrases_or_none(f.word_tuple("rules.place_verbs")),
        place_verb_state=place_verb_state,
        collective_nouns=f.word_set("rules.collective_nouns"),
        force_nouns=f.word_set("rules.force_nouns"),
        auxiliaries=f.word_set("rules.auxiliaries"),
        reporting_verbs=f.word_set("actor.reporting_verbs"),
        weak_states=base.word_set("rules.weak_states") | f.word_set("rules.weak_states"),
        plain_states=_plain_states(base, f, known),
        planned_states=_plain_states(base, f, known, "planned_states"),
        sub_states=_sub_states(base, f, known),
        service_states=_sub_states(base, f, known, "service_states"),
        service_concepts=base.word_set("rules.service_concepts")
        | f.word_set("rules.service_concepts"),
        relative_pronouns=f.word_set("rules.relative_pronouns"),
        back_partitives=f.word_tuple("rules.back_partitives"),
        member_concepts=base.word_set("rules.member_concepts")
        | f.word_set("rules.member_concepts"),
        no_state=base.word_set("rules.no_state") | f.word_set("rules.no_state"),
        material_units=base.word_set("rules.material_units") | f.word_set("rules.material_units"),
        period_units=base.word_set("rules.period_units") | f.word_set("rules.period_units"),
        material_links=f.word_set("rules.material_links"),
        share_units=base.word_set("rules.share_units") | f.word_set("rules.share_units"),
        shares={form: unit for form, unit in shares.items() if not form.startswith("*")},
        share_suffixes=tuple((fm[1:], u) for fm, u in shares.items() if fm.startswith("*")),
        override_states=_override_states(base, f, known),
        broader=base.string_table("broader") | f.string_table("broader"),
        measure_states=measure_states,
        measure_only=measure_only,
        change_state=change,
        part_state=part,
        plan_state=plan,
        future_before=f.word_set("rules.future_before"),
        future_links=f.word_set("rules.future_links"),
        future_after=f.word_set("rules.future_after"),
        forecast_modals=f.word_set("rules.forecast_modals"),
        future_words=_plain_words_pattern(
            f.word_set("rules.future_before")
            | f.word_set("rules.future_after")
            | f.word_set("rules.forecast_modals")
        ),
        forecast_verbs=f.word_set("rules.forecast_verbs"),
        period_start=f.word_set("rules.period_start"),
        earlier_period=f.word_tuple("rules.earlier_period"),
        previous_period=f.word_tuple("rules.previous_period"),
        period_late=f.word_tuple("rules.period_late"),
        compared_from=f.word_tuple("rules.compared_from"),
        subunit=_subunit_pattern(f.words("actor.not_after"), f.words("rules.subunit_nouns")),
        subunit_nouns=re.compile("|".join(re.escape(n.lstrip("*").lower())
                                          for n in f.words("rules.subunit_nouns")) or r"(?!x)x"),
        current_period=f.word_tuple("rules.current_period"),
        next_period=f.word_tuple("rules.next_period"),
        question_openings=f.word_tuple("rules.question_openings"),
        deadline_phrases=frozenset(" ".join(p.lower().split())
                                   for p in f.words("rules.deadline_phrases")),
        change_after=f.word_set("rules.change_after"),
        change_openings=f.word_set("rules.change_openings"),
        change_before=f.word_set("rules.change_before"),
        part_after=f.word_tuple("rules.part_after"),
        part_before=f.word_set("rules.part_before"),
        part_of_next=f.word_set("rules.part_of_next"),
        inclusions=f.word_tuple("rules.inclusions"),
        inclusion_asides=f.word_tuple("rules.inclusion_asides"),
        partitive_after=f.word_tuple("rules.partitive_after"),
        partitive_anywhere=f.word_tuple("rules.partitive_anywhere"),
        partitive_openings=f.word_tuple("rules.partitive_openings"),
        total_after=_phrases_or_none(f.word_tuple("rules.total_after")),
        whole_before=_phrases_or_none(f.word_tuple("rules.whole_before")),
        whole_before_words=f.word_tuple("rules.whole_before"),
        clause_break=_clause_break(f),
        rate_concepts=frozenset(units[unit][0] for unit in set(shares.values())
                                if units[unit][1] is None and units[unit][0]),
        rate_after=_rate_pattern(f.words("rules.rate_after"), f.words("rules.rate_not_after"),
                                 f.words("actor.not_after")),
        rate_state=rate,
        borne_after=f.word_set("rules.borne_after"),
        borne_state=borne,
        borne_from=borne_from,
    )
