"""Language knowledge, loaded from ``extract/lang/<code>/*.toml`` and validated once.

Every language folder has the same file names and keys. Each file is read into one frozen
record (``Numbers``, ``Qualifiers``, ``Units``, ``Sources``, ``Hedges``, ``Negatives``,
``Sentences``, ``LanguageNames``) by its own small builder, and a ``Lexicon`` holds one of each:
the engine reads ``lex.numbers.scales``, ``lex.sources.before_source``, ``lex.units.nouns``.
A bad or missing entry raises ``ConfigError`` naming the file and the key, at load time.
Other files in a folder are left to whoever reads them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tracker.errors import ConfigError
from tracker.extract.datafile import DataFile

LANG_DIR = Path(__file__).parent / "lang"
UNDETERMINED = "und"
DATA_FILES = (
    "numbers", "qualifiers", "units", "sources", "hedges", "negatives", "sentences", "language",
)
BOUND_KINDS = ("lower_bound", "upper_bound", "approx")
# Digits are grouped by "." or "," in any language ("1,234,567" in German text too): which one is
# the decimal point is decided from the language and the digits, not by stripping.
_POSITIONAL_SEPARATORS = frozenset({".", ","})


@functools.cache
def supported_languages() -> tuple[str, ...]:
    """Language folders with data, except the neutral fallback ``und``."""
    return tuple(
        sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and p.name != UNDETERMINED)
    )


def phrase_alternation(phrases: Iterable[str], *, flexible_space: bool = True) -> str:
    """A regex matching any of the literal phrases, the longest where several fit ("mehr als"
    over "mehr"). Built as a trie (shared prefixes factored out): a flat alternation of
    hundreds of words is tried word by word at every position and is ~10x slower."""
    trie = _trie(phrases)
    return _trie_pattern(trie, flexible_space) if trie else r"(?!x)x"


def _trie(phrases: Iterable[str]) -> dict[str, Any]:
    trie: dict[str, Any] = {}
    for phrase in set(phrases):
        if phrase:
            node = trie
            for char in phrase:
                node = node.setdefault(char, {})
            node[""] = {}
    return trie


_NARROW = 3  # at most this many first characters: the look-behind goes after the first one


def compound_ending(word: str, suffixes: Iterable[tuple[str, str]]) -> str | None:
    """What the first listed compound ending of ``word`` maps to ("bodentruppen" ends in
    "truppen"), when at least three letters stand before it; None when no ending fits."""
    return next((value for suffix, value in suffixes
                 if word.endswith(suffix) and len(word) > len(suffix) + 2), None)


def not_after_alternation(
    phrases: Iterable[str], not_after: str, *, flexible_space: bool = True
) -> str:
    """``(?<![not_after])(?:phrase_alternation)``: the phrases where no character of the class
    ``not_after`` stands before them. A pattern opening with a look-behind is tried at every
    position of the text; when the phrases start with few distinct characters the
    look-behind goes right after each phrase's first character instead ("r(?<![\\w-]r)each"),
    which matches exactly the same, but the pattern then opens with a literal and the regex
    engine only tries the positions holding one (a clause searched for "reach" ~4x faster).
    With many first characters the look-behind first is faster: it fails inside words."""
    trie = _trie(phrases)
    firsts = sorted(k for k in trie if k)
    if not firsts:
        return r"(?!x)x"
    if len(firsts) > _NARROW or (" " in firsts and flexible_space):
        return rf"(?<![{not_after}])(?:{_trie_pattern(trie, flexible_space)})"
    branches = [
        f"{re.escape(c)}(?<![{not_after}]{re.escape(c)}){_trie_pattern(trie[c], flexible_space)}"
        for c in firsts
    ]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _trie_pattern(node: dict[str, Any], flexible_space: bool) -> str:
    branches = []
    for char in sorted(k for k in node if k):
        piece = r"\s+" if char == " " and flexible_space else re.escape(char)
        branches.append(piece + _trie_pattern(node[char], flexible_space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def word_bounded(alternation: str) -> str:
    """Whole-word match for phrases that may start or end with punctuation ("ca.", "$")."""
    return rf"(?<![\w])(?:{alternation})(?![\w])"


# --- numbers.toml --------------------------------------------------------------------------


@dataclass(frozen=True)
class Numbers:
    """``numbers.toml``: how numbers are written, and the number layer's fractions."""

    decimal: str  # [separators] decimal
    group_separators: frozenset[str]  # [separators] group
    stripped_separators: tuple[str, ...]  # the group separators other than "." and ","
    decimal_words: frozenset[str]
    indian_grouping: bool  # "12,34,567": lakhs and crores grouped by two digits
    words: dict[str, float]
    scales: dict[str, float]
    currency_scales: dict[str, float]
    code_scales: dict[str, float]  # [code_scales], case as written: "MUSD", "TEUR"
    sign_words: frozenset[str]  # [rules]
    article_ones: frozenset[str]
    unit_ones: frozenset[str]  # of article_ones, the number 1 before a measure or money unit
    connectors: frozenset[str]
    half_words: frozenset[str]
    compound_only: frozenset[str]
    glued_scale_measures: frozenset[str]
    vague_before_scale: frozenset[str]
    fractions: dict[str, float]  # [fractions]: fraction word = denominator
    fraction_articles: frozenset[str]  # [number_layer]
    fraction_links: tuple[str, ...]
    alone: frozenset[str]
    whole_and: tuple[str, ...]
    scale_letters: dict[str, float]  # [number_layer.scale_letters], case as written: "10G"
    ordinal_units: dict[str, float]  # [number_layer.ordinal_units]: "three twenty-firsts"


def _separators(f: DataFile) -> tuple[str, frozenset[str]]:
    decimal = f.string("separators.decimal")
    if len(decimal) != 1:
        raise f.fail("separators.decimal", "must be one character")
    raw = f.get("separators.group")
    if not isinstance(raw, list) or not all(isinstance(s, str) and len(s) == 1 for s in raw):
        raise f.fail("separators.group", "must be a list of single characters")
    return decimal, frozenset(raw) - {decimal}  # "," groups digits unless it is the decimal


def _numbers(f: DataFile) -> Numbers:
    decimal, groups = _separators(f)
    return Numbers(
        decimal=decimal,
        group_separators=groups,
        stripped_separators=tuple(sorted(groups - _POSITIONAL_SEPARATORS)),
        decimal_words=f.word_set("separators.decimal_words"),
        indian_grouping=f.flag("separators.indian_grouping"),
        words=f.numbers("words"),
        scales=f.numbers("scales"),
        currency_scales=f.numbers("currency_scales"),
        code_scales=f.cased_numbers("code_scales"),
        sign_words=f.word_set("rules.sign_words"),
        article_ones=f.word_set("rules.article_ones"),
        unit_ones=f.word_set("rules.unit_ones"),
        connectors=f.word_set("rules.connectors"),
        half_words=f.word_set("rules.half_words"),
        compound_only=f.word_set("rules.compound_only"),
        glued_scale_measures=f.word_set("rules.glued_scale_measures"),
        vague_before_scale=f.word_set("rules.vague_before_scale"),
        fractions=f.numbers("fractions"),
        fraction_articles=f.word_set("number_layer.fraction_articles"),
        fraction_links=f.word_tuple("number_layer.fraction_links"),
        alone=f.word_set("number_layer.alone"),
        whole_and=f.word_tuple("number_layer.whole_and"),
        scale_letters=f.cased_numbers("number_layer.scale_letters"),
        ordinal_units=f.numbers("number_layer.ordinal_units"),
    )


# --- qualifiers.toml -----------------------------------------------------------------------


@dataclass(frozen=True)
class Qualifiers:
    """``qualifiers.toml``: bound and approximation words, ranges, "about"."""

    prefix: dict[str, str]  # phrase before the number -> one of BOUND_KINDS
    suffix: dict[str, str]  # phrase after the number -> one of BOUND_KINDS
    range_connectors: dict[str, frozenset[str]]  # opener ("" for none) -> connectors
    bound_joiners: frozenset[str]
    about_word: str
    about_after: frozenset[str]


def _bound_kinds(f: DataFile, key: str) -> dict[str, str]:
    unknown = set(f.word_table(key)) - set(BOUND_KINDS)
    if unknown:
        raise f.fail(f"{key}.{sorted(unknown)[0]}", f"is not one of {BOUND_KINDS}")
    return f.inverted(key)


def _qualifiers(f: DataFile) -> Qualifiers:
    return Qualifiers(
        prefix=_bound_kinds(f, "prefix"),
        suffix=_bound_kinds(f, "suffix"),
        range_connectors={
            opener: frozenset(conns) for opener, conns in f.word_table("ranges.connectors").items()
        },
        bound_joiners=f.word_set("ranges.bound_joiners"),
        about_word=f.string("about.word").lower(),
        about_after=f.word_set("about.after"),
    )


# --- units.toml ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Units:
    """``units.toml``: unit nouns and symbols (as English lemmas), counted-noun phrases."""

    nouns: dict[str, str]  # form -> unit lemma
    noun_suffixes: tuple[tuple[str, str], ...]  # "*truppen" forms: compound ending -> lemma
    prefix_symbols: dict[str, str]
    compound_suffixes: dict[str, str]
    events: dict[str, str]
    context_before: dict[str, str]
    context_next: dict[str, str]  # unit of the first number after the word: "magnitude 6.8"
    senses: dict[str, dict[str, frozenset[str]]]  # unit -> other unit -> words near the number
    event_targets: frozenset[str]
    count_phrases: frozenset[str]  # [entity]
    part_links: frozenset[str]
    compare_links: frozenset[str]  # "up from 420": a measure carries to the number after these
    entity_links: frozenset[str]
    entity_adjective: re.Pattern[str]
    entity_stop_words: frozenset[str]
    per_words: frozenset[str]  # [compound]
    compound_measures: frozenset[str]
    plural_endings: tuple[tuple[str, str], ...]  # [plurals], longest ending first
    not_plural: tuple[str, ...]
    plural_stop: frozenset[str]
    capitalized_plural_unit: str | None
    parts: dict[str, tuple[str, int]]  # [parts]: whole unit -> (part unit, parts per whole)
    part_words: frozenset[str]  # [parts] bare


def _known_lemmas(f: DataFile, key: str, lemmas: set[str]) -> frozenset[str]:
    """Unit lemmas named in a list; each must be a key of [nouns]."""
    names = f.words(key)
    for name in names:
        if name not in lemmas:
            raise f.fail(key, f"names {name!r}, which is not a unit in [nouns]")
    return frozenset(names)


def _units(f: DataFile) -> Units:
    forms = f.inverted("nouns")
    endings = f.string_table("plurals.endings").items()
    return Units(
        nouns={form: lemma for form, lemma in forms.items() if not form.startswith("*")},
        noun_suffixes=tuple((fm[1:], lemma) for fm, lemma in forms.items() if fm.startswith("*")),
        prefix_symbols=f.inverted("prefix_symbols"),
        compound_suffixes=f.inverted("compound_suffixes"),
        events=f.inverted("events"),
        context_before=f.inverted("context_before"),
        context_next=f.inverted("context_next"),
        senses=_senses(f, set(forms.values())),
        event_targets=f.word_set("event_targets.units"),
        count_phrases=f.word_set("entity.count_phrases"),
        part_links=f.word_set("entity.part_links"),
        compare_links=f.word_set("entity.compare_links"),
        entity_links=f.word_set("entity.links"),
        entity_adjective=f.pattern("entity.adjective"),
        entity_stop_words=f.word_set("entity.stop_words"),
        per_words=f.word_set("compound.per_words"),
        compound_measures=_known_lemmas(f, "compound.measures", set(forms.values())),
        plural_endings=tuple(sorted(endings, key=lambda e: -len(e[0]))),
        not_plural=f.word_tuple("plurals.not_plural"),
        plural_stop=f.word_set("plurals.stop"),
        capitalized_plural_unit=f.string("plurals.capitalized") or None,
        parts=_parts(f, set(forms.values())),
        part_words=f.word_set("parts.bare"),
    )


def _senses(f: DataFile, lemmas: set[str]) -> dict[str, dict[str, frozenset[str]]]:
    """[senses]: unit of [nouns] = { other unit = [words near the number] }."""
    table = f.get("senses")
    if not isinstance(table, dict):
        raise f.fail("senses", "must be a table of unit = { unit = [words] }")
    out = {}
    for unit in table:
        if unit not in lemmas:
            raise f.fail(f"senses.{unit}", "is not a unit in [nouns]")
        senses = f.word_table(f"senses.{unit}")
        out[unit] = {sense: frozenset(words) for sense, words in senses.items()}
    return out


def _parts(f: DataFile, lemmas: set[str]) -> dict[str, tuple[str, int]]:
    """[parts]: every whole and part is a unit of [nouns]; every part has a whole count."""
    wholes, per_whole = f.string_table("parts.whole"), f.numbers("parts.per_whole")
    out = {}
    for whole, part in wholes.items():
        for name in (whole, part):
            if name not in lemmas:
                raise f.fail("parts.whole", f"names {name!r}, which is not a unit in [nouns]")
        count = per_whole.get(part, 0)
        if count < 2 or count != int(count):
            raise f.fail("parts.per_whole", f"needs a whole number above 1 for {part!r}")
        out[whole] = (part, int(count))
    return out


# --- sources.toml --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sources:
    """``sources.toml``: attribution cues and what a source phrase may consist of."""

    before_source: tuple[str, ...]  # cue, then the source: "according to", "nach Angaben"
    after_source: tuple[str, ...]  # source, then the cue: "said", "sagte"
    before_source_set: frozenset[str]
    after_source_set: frozenset[str]
    inverted: tuple[str, ...]
    # "hieß es in einer Unterrichtung": a cue whose source is a document or occasion; opened by
    # an indefinite article and with no owner after it ("des Ministeriums") it names no one
    document_cues: frozenset[str]
    document_nouns: frozenset[str]
    document_owners: frozenset[str]
    document_articles: frozenset[str]
    # "hieß es in einer Sitzung des Ausschusses": an occasion held by its audience, whose owner
    # only listened; "heißt es im täglichen Lagebericht aus London": a definite document with
    # no owner (a place at most) is the one of the body named before
    audience_occasions: frozenset[str]
    definite_document_cues: frozenset[str]
    # "told Al Arabiya that", "wrote on Telegram that": after an inverted verb, a phrase followed
    # by one of these is the addressee or the medium, not the source
    complement_starts: frozenset[str]
    # "Germany recorded 5.9 million offences, the minister said": a subject of these verbs may
    # only be where the figure was recorded; a cue closing the clause after it names who states it
    record_verbs: frozenset[str]
    # "Of the 2,290 adults questioned, 38% said": a count and the shares of what it counts come
    # from one report (unit kinds of units_vocabulary.toml)
    population_kinds: frozenset[str]
    # "Die Quote lag bei 5,9 Prozent" after a count: a rate of that report (German)
    statistic_heads: tuple[str, ...]
    # "people familiar with the matter said": a voice, a link, what it knows (the source is all)
    voice_links: tuple[str, ...]
    compound_cue_prepositions: tuple[str, ...]
    compound_cue_nouns: tuple[str, ...]
    compound_cue_tails: tuple[str, ...]  # "Trendbarometer des Instituts X": a survey compound
    named_survey_tails: tuple[str, ...]  # "die Forsa-Umfrage": a survey named by who made it
    named_survey_joiner: str  # "-" in German, " " in English ("a Forsa poll")
    opener_cues: frozenset[str]  # cues only in a clause after a clause opener (", wie X zeigt")
    self_reference: tuple[str, ...]
    refers_back: tuple[str, ...]
    follow_up: tuple[str, ...]
    phrase_words: frozenset[str]
    stop_words: frozenset[str]
    pronouns: frozenset[str]
    lowercase_word: re.Pattern[str]
    strip_after_cue: frozenset[str]
    strip_leading: frozenset[str]
    head_capitalized: bool
    head_nouns: frozenset[str]
    skip_near_cue: frozenset[str]
    not_source: frozenset[str]
    generic: frozenset[str]
    place_links: frozenset[str]
    place_articles: frozenset[str]  # "in der Ukraine": an article between the link and the place
    name_adjective_endings: tuple[str, ...]  # "Verband deutscher Pfandbriefbanken"
    relay: frozenset[str]  # "citing", "unter Berufung auf": the source is relayed by another
    own_words: frozenset[str]  # "citing its own survey": a relay to one's own work is none
    relay_outer: frozenset[str]  # "laut X schätzt Y": X relays Y
    briefed_by: tuple[str, ...]  # "X, briefed by the agency, said": the agency holds the figure
    relative_relay: tuple[str, ...]  # ", die sich auf X beruft": a relay in a relative clause
    relative_relay_verbs: tuple[str, ...]  # the verb closing that clause ("beruft")
    person_pronouns: frozenset[str]  # "he", "er": point back to a person
    member_nouns: frozenset[str]  # "der SPD-Politiker": a party member points back to a person
    spokespeople: frozenset[str]  # "eine Sprecherin": speaks for the institution named before
    spokesperson_articles: frozenset[str]
    reported_speech: tuple[str, ...]  # "Es gebe ...": continues the previous attribution
    pointing_heads: frozenset[str]  # "die Behörde", "the agency": point back to an institution
    pointing_determiners: frozenset[str]  # "the", "die", "their": a description points back
    report_subjects: frozenset[str]  # "Ihre Studie ...", "The survey ...": a document states it
    partitive: frozenset[str]  # "of the respondents": a phrase opening so is a counted noun
    object_articles: frozenset[str]  # "das Ministerium die Verluste": a new phrase after a noun
    clause_openers: frozenset[str]  # ", wie X am Montag bekanntgab": X follows the opener
    relay_passive: frozenset[str]  # "delegates cited by Reuters": the holder comes first
    passive_auxiliaries: frozenset[str]  # "were published by X": a passive report verb
    agent_markers: frozenset[str]  # "by", "vom": who did it, in a passive
    report_links: frozenset[str]  # "the latest report from the institute": who wrote a report
    prepositions: frozenset[str]  # "an den Haushaltsausschuss": an object, never the subject
    # "Aus Justizkreisen hieß es", "wie aus dem Ministerium verlautete": a preposition whose
    # object before a report verb is where the statement comes from (else a preposition's
    # object there is the medium or occasion: "wie X auf Telegram mitteilte")
    origin_prepositions: frozenset[str]
    gapped_cues: frozenset[str]  # ", die Opposition von 50.000": the verb left out
    recipient_articles: frozenset[str]  # "Dem Institut wurden 612 Fälle gemeldet": to whom
    # "dem Ministerium zufolge": a cue after its source that governs the dative (a verb's dative
    # before it is its addressee: "wie eine Sprecherin dem Handelsblatt sagte")
    postpositions: frozenset[str]
    non_subject_articles: frozenset[str]  # "den", "dem": a phrase opening so is no subject
    refers_to_figure: tuple[str, ...]  # "Das waren ...", "That is ...": about the figure before
    # "Weitere 48 wurden verletzt", "Fünf weitere", "Another 48": the count goes on from the
    # figure before, so the sentence's source is that figure's too
    count_continuations: tuple[str, ...]
    # "Das wären rund 46.000 im Monat.", "That would amount to ...": a sentence opening so
    # reckons from the figure before in the writer's own words; with no cue of its own it has
    # no source (not the figure's source)
    own_reckoning: tuple[str, ...]
    # units (keys of units.toml) counted in one toll of an event: a count of one after a count
    # of another speaks of the same report ("2.830 Tote ... 366.000 Verletzte")
    one_toll: frozenset[str]
    # "Derzeit sind es 5,2 Millionen", "In Spanien waren es 11 Prozent": a copula with a
    # placeholder subject counts what the sentence before counted
    elliptic_copulas: tuple[str, ...]
    # "nach offiziellen Angaben", "nach dem vorläufigen amtlichen Endergebnis": a preposition
    # and a record noun (written as in text) with no holder after it: the record is the source
    record_prepositions: tuple[str, ...]
    record_nouns: tuple[str, ...]
    record_pointers: frozenset[str]  # "nach ihren Angaben": whose record the text said before
    # "In Goma liegen angeblich 2.800 Verletzte.", "... are reportedly being treated": a word
    # that says the figure is heard from someone unnamed; a sentence holding one and no cue
    # of its own keeps no source of the sentence before
    unnamed_hearsay: tuple[str, ...]
    # "..., davon seien 87 abgeschossen worden", "Of these, 87 were shot down": a part of the
    # figure before, anywhere in the next sentence; that sentence's source states both
    part_of_before: tuple[str, ...]
    separable: tuple[tuple[str, str], ...]  # "legte ... vor": verb, particle closing its clause
    speech_only: frozenset[str]  # "added": a cue unless a figure follows ("added 227,000 jobs")
    paragraph_cues: frozenset[str]  # ", berichtet KCNA." closing a paragraph reports all of it
    perfect_auxiliaries: frozenset[str]  # "Im Juni hatte sie ... vorhergesagt": subject after it
    own_estimate_nouns: tuple[str, ...]  # "hat seine Prognose gesenkt": the subject's own
    possessive_intensifiers: frozenset[str]  # "Ukraine's own estimate": passed over by the walker
    subjunctive_by_lemma: bool  # "stelle", "liefere": Konjunktiv I of any verb, by its lemma
    measured_by: dict[str, frozenset[str]]  # unit -> the claimant types that measure it


def _sources(f: DataFile) -> Sources:
    before, after = f.word_tuple("before_source"), f.word_tuple("after_source")
    return Sources(
        before_source=before,
        after_source=after,
        before_source_set=frozenset(before),
        after_source_set=frozenset(after),
        inverted=f.word_tuple("inverted"),
        document_cues=f.word_set("document_cues"),
        document_nouns=f.word_set("document_nouns"),
        document_owners=f.word_set("document_owners"),
        document_articles=f.word_set("document_articles"),
        audience_occasions=f.word_set("audience_occasions"),
        definite_document_cues=f.word_set("definite_document_cues"),
        complement_starts=f.word_set("complement_starts"),
        record_verbs=_record_verbs(f, after),
        population_kinds=_population_kinds(f),
        statistic_heads=f.word_tuple("statistic_heads"),
        voice_links=_voice_links(f),
        compound_cue_prepositions=f.word_tuple("compound_cue_prepositions"),
        compound_cue_nouns=f.word_tuple("compound_cue_nouns"),
        compound_cue_tails=f.word_tuple("compound_cue_tails"),
        named_survey_tails=f.word_tuple("named_survey_tails"),
        named_survey_joiner=f.string("named_survey_joiner"),
        opener_cues=f.word_set("opener_cues"),
        self_reference=f.word_tuple("self_reference"),
        refers_back=f.word_tuple("refers_back"),
        follow_up=f.word_tuple("follow_up"),
        phrase_words=f.word_set("phrase_words"),
        stop_words=f.word_set("stop_words"),
        pronouns=f.word_set("pronouns"),
        lowercase_word=f.pattern("lowercase_word"),
        strip_after_cue=f.word_set("strip_after_cue"),
        strip_leading=f.word_set("strip_leading"),
        head_capitalized=f.flag("head_capitalized"),
        head_nouns=f.word_set("head_nouns"),
        skip_near_cue=f.word_set("skip_near_cue"),
        not_source=f.word_set("not_source"),
        generic=f.word_set("generic"),
        place_links=f.word_set("place_links"),
        place_articles=f.word_set("place_articles"),
        name_adjective_endings=f.word_tuple("name_adjective_endings"),
        relay=f.word_set("relay"),
        own_words=f.word_set("own_words"),
        relay_outer=f.word_set("relay_outer"),
        briefed_by=f.word_tuple("briefed_by"),
        relative_relay=f.word_tuple("relative_relay"),
        relative_relay_verbs=f.word_tuple("relative_relay_verbs"),
        person_pronouns=f.word_set("person_pronouns"),
        member_nouns=f.word_set("member_nouns"),
        spokespeople=f.word_set("spokespeople"),
        spokesperson_articles=f.word_set("spokesperson_articles"),
        reported_speech=f.word_tuple("reported_speech"),
        pointing_heads=f.word_set("pointing_heads"),
        pointing_determiners=f.word_set("pointing_determiners"),
        report_subjects=f.word_set("report_subjects"),
        partitive=f.word_set("partitive"),
        object_articles=f.word_set("object_articles"),
        clause_openers=f.word_set("clause_openers"),
        relay_passive=f.word_set("relay_passive"),
        passive_auxiliaries=f.word_set("passive_auxiliaries"),
        agent_markers=f.word_set("agent_markers"),
        report_links=f.word_set("report_links"),
        prepositions=f.word_set("prepositions"),
        origin_prepositions=f.word_set("origin_prepositions"),
        recipient_articles=f.word_set("recipient_articles"),
        gapped_cues=f.word_set("gapped_cues"),
        postpositions=f.word_set("postpositions"),
        non_subject_articles=f.word_set("non_subject_articles"),
        refers_to_figure=f.word_tuple("refers_to_figure"),
        count_continuations=f.word_tuple("count_continuations"),
        own_reckoning=f.word_tuple("own_reckoning"),
        one_toll=f.word_set("one_toll"),
        elliptic_copulas=f.word_tuple("elliptic_copulas"),
        record_prepositions=f.word_tuple("record_prepositions"),
        record_nouns=f.word_tuple("record_nouns"),
        record_pointers=f.word_set("record_pointers"),
        unnamed_hearsay=f.word_tuple("unnamed_hearsay"),
        part_of_before=f.word_tuple("part_of_before"),
        separable=_separable(f),
        speech_only=f.word_set("speech_only"),
        paragraph_cues=f.word_set("paragraph_cues"),
        perfect_auxiliaries=f.word_set("perfect_auxiliaries"),
        own_estimate_nouns=f.word_tuple("own_estimate_nouns"),
        possessive_intensifiers=f.word_set("possessive_intensifiers"),
        subjunctive_by_lemma=f.flag("subjunctive_by_lemma"),
        measured_by={unit: frozenset(types) for unit, types in f.word_table("measured_by").items()},
    )


def _voice_links(f: DataFile) -> tuple[str, ...]:
    """``voice_links``: phrases of two or three words ("familiar with", "with knowledge of")."""
    links = f.word_tuple("voice_links")
    for link in links:
        if not 2 <= len(link.split()) <= 3:
            raise f.fail("voice_links", f"needs two or three words: {link!r}")
    return links


def _population_kinds(f: DataFile) -> frozenset[str]:
    """``population_kinds``: each one is a unit kind of units_vocabulary.toml (or "count")."""
    from tracker.extract.vocabulary import load_vocabulary  # the unit kinds, read once

    kinds = f.word_set("population_kinds")
    known = set(load_vocabulary().kinds.values()) | {"count"}
    unknown = sorted(kinds - known)
    if unknown:
        raise f.fail("population_kinds", f"names {unknown[0]!r}, which is no unit kind")
    return kinds


def _record_verbs(f: DataFile, after: tuple[str, ...]) -> frozenset[str]:
    """``record_verbs``: each one is a report verb of ``after_source``."""
    verbs = f.word_set("record_verbs")
    unknown = sorted(verbs - set(after))
    if unknown:
        raise f.fail("record_verbs", f"names {unknown[0]!r}, which is not in after_source")
    return verbs


def _separable(f: DataFile) -> tuple[tuple[str, str], ...]:
    """``separable``: "verb particle" pairs ("gab bekannt", "legte vor")."""
    out = []
    for entry in f.words("separable"):
        parts = entry.split()
        if len(parts) != 2:
            raise f.fail("separable", f"needs a verb and its particle: {entry!r}")
        out.append((parts[0], parts[1]))
    return tuple(out)


# --- hedges.toml, negatives.toml, sentences.toml, language.toml ------------------------------


@dataclass(frozen=True)
class Hedges:
    """``hedges.toml``: words that mark a number as uncertain."""

    words: tuple[str, ...]


def _hedges(f: DataFile) -> Hedges:
    return Hedges(words=f.word_tuple("words"))


@dataclass(frozen=True)
class Negatives:
    """``negatives.toml``: what makes a number no claim (dates, times, ages, labels, ...)."""

    months: frozenset[str]
    weekdays: frozenset[str]
    year_words: frozenset[str]
    label_words: frozenset[str]
    counter_links: frozenset[str]
    time_words: frozenset[str]
    clock_after: str  # regex: what makes "10.30" a clock time ("Uhr", "a.m."); "" for none
    ordinal_suffixes: frozenset[str]  # letters glued to an ordinal: "3rd", "3te"
    age_after: tuple[str, ...]
    age_before: tuple[str, ...]
    age_groups: frozenset[str]
    age_bounds: tuple[str, ...]
    age_units: frozenset[str]
    age_apposition: bool
    vague: frozenset[str]
    fractions: frozenset[str]
    sentence_starters: frozenset[str]
    day_links: frozenset[str]  # "zwischen dem 8. und dem 13. Oktober": days before one month
    pronoun_one_after: frozenset[str]
    pronoun_one_before: tuple[str, ...]
    name_before: frozenset[str]  # "S&P 500", "Boeing 737": names that contain numbers
    name_after: frozenset[str]  # "the 90210 ZIP code"
    event_units: frozenset[str]  # "the 100m final": distance lemmas that name a race ...
    event_after: frozenset[str]  # ... with these words after them
    event_before: frozenset[str]  # "Finale über 100 Meter"
    result_before: frozenset[str]  # "won 3-1": a match result after these words
    result_after: frozenset[str]  # "a 2-0 win"
    lower_case_symbols: frozenset[str]  # "5g" is grams, "5G" a network generation
    count_before_year: frozenset[str]  # "von denen rund 2000 ...": a count, not a year


def _negatives(f: DataFile) -> Negatives:
    clock_after = f.string("clock_after")
    f.pattern("clock_after")  # validated here, compiled with the other regexes
    return Negatives(
        months=f.word_set("months"),
        weekdays=f.word_set("weekdays"),
        year_words=f.word_set("year_words"),
        label_words=f.word_set("label_words"),
        counter_links=f.word_set("counter_links"),
        time_words=f.word_set("time_words"),
        clock_after=clock_after,
        ordinal_suffixes=f.word_set("ordinal_suffixes"),
        age_after=f.word_tuple("age_after"),
        age_before=f.word_tuple("age_before"),
        age_groups=f.word_set("age_groups"),
        age_bounds=f.word_tuple("age_bounds"),
        age_units=f.word_set("age_units"),
        age_apposition=f.flag("age_apposition"),
        vague=f.word_set("vague"),
        fractions=f.word_set("fractions"),
        sentence_starters=f.word_set("sentence_starters"),
        day_links=f.word_set("day_links"),
        pronoun_one_after=f.word_set("pronoun_one_after"),
        pronoun_one_before=f.word_tuple("pronoun_one_before"),
        name_before=f.word_set("name_before"),
        name_after=f.word_set("name_after"),
        event_units=f.word_set("event_units"),
        event_after=f.word_set("event_after"),
        event_before=f.word_set("event_before"),
        result_before=f.word_set("result_before"),
        result_after=f.word_set("result_after"),
        lower_case_symbols=f.word_set("lower_case_symbols"),
        count_before_year=f.word_set("count_before_year"),
    )


@dataclass(frozen=True)
class Sentences:
    """``sentences.toml``: abbreviations whose period ends no sentence."""

    abbreviations: frozenset[str]


def _sentences(f: DataFile) -> Sentences:
    return Sentences(abbreviations=f.word_set("abbreviations"))


@dataclass(frozen=True)
class LanguageNames:
    """``language.toml``: how the language is named and recognised."""

    names: frozenset[str]  # other spellings of the code in metadata: "deutsch", "eng"
    function_words: frozenset[str]  # frequent short words: a text without them is not this


def _language(f: DataFile) -> LanguageNames:
    return LanguageNames(names=f.word_set("names"), function_words=f.word_set("function_words"))


# --- the lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Everything the engine knows about one language, with its regexes compiled once."""

    code: str
    numbers: Numbers
    qualifiers: Qualifiers
    units: Units
    sources: Sources
    hedges: Hedges
    negatives: Negatives
    sentences: Sentences
    language: LanguageNames

    @functools.cached_property
    def regexes(self) -> Any:
        from tracker.extract.patterns import Patterns

        return Patterns(self)


_Built = TypeVar("_Built")


def per_language(build: Callable[[Lexicon], _Built]) -> Callable[[Lexicon], _Built]:
    """``build(lex)`` made once per language (kept by its code) and reused: the compiled
    patterns and word sets a rule reads on every sentence."""
    made: dict[str, _Built] = {}

    @functools.wraps(build)
    def get(lex: Lexicon) -> _Built:
        found = made.get(lex.code)
        if found is None:
            found = made[lex.code] = build(lex)
        return found

    return get


@functools.cache
def load_lexicon(code: str) -> Lexicon:
    """Load and validate ``lang/<code>/``; cached, so each language is read once per process."""
    folder = LANG_DIR / code
    if not folder.is_dir():
        raise ConfigError(f"{folder}: no language data folder for {code!r}")

    def read(name: str) -> DataFile:
        return DataFile(folder / f"{name}.toml")

    return Lexicon(
        code=code,
        numbers=_numbers(read("numbers")),
        qualifiers=_qualifiers(read("qualifiers")),
        units=_units(read("units")),
        sources=_sources(read("sources")),
        hedges=_hedges(read("hedges")),
        negatives=_negatives(read("negatives")),
        sentences=_sentences(read("sentences")),
        language=_language(read("language")),
    )


@functools.cache
def language_names() -> dict[str, str]:
    """Every spelling of a supported language (its code and its ``names``) -> its code."""
    out: dict[str, str] = {}
    for code in supported_languages():
        for name in (code, *load_lexicon(code).language.names):
            out.setdefault(name, code)
    return out


@functools.cache
def function_words() -> frozenset[str]:
    """The function words of every supported language (for language detection)."""
    languages = [load_lexicon(code).language for code in supported_languages()]
    return frozenset().union(*(language.function_words for language in languages))
