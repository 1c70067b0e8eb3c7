"""Tracked quantities: which claims are about the same thing.

A quantity is defined by **meaning**: the counted ``concept`` (``soldier``), the ``actor``
(``KP``) and the ``state`` (``killed``), each a list of accepted values of the claim's columns
(``""`` = not stated; a field left out accepts any value). Claims about another concept, actor
or state do not enter. Optional refinements apply to every claim the quantity takes: ``place``
(any-of terms over the sentence and title), ``keywords`` (any-of groups near the number) and
``exclude`` (no such term near the number). No quantity takes a claim dated to an earlier year
than its article (a year among the words near the number: another event).

The keyword rules of before stay for claims the extractor gave no meaning (concept, actor and
state all NULL), and for quantities without a meaning: ``all_of`` over the claim's entity,
sentence and article title, ``near_all_of`` over its entity and the words near the number (from
the quote, or the sentence start for a sentence's first number, to the next number), so "300
killed and 2,700 wounded" keeps the two apart, ``units``, and the exclusions ``none_of``
(entity and sentence) and ``near_none_of`` (near the number). Terms match at the start of a
word, case- and accent-insensitively ("soldat" matches "Soldaten", "sudkorea" "Südkorea"); the
``keywords`` of a refinement also inside a word, as the head of a compound ("schad" matches
"Gesamtschaden"), over the words near the number and those before it since the previous one.

When several quantities match, the most specific wins (more meaning fields and refinements),
then the one defined first. Each assignment keeps its reason: the claim's meaning
("soldier · KP · deployed") or "keyword rules".

Where the definitions live (the database's ``store.quantity_defs``, seeded from this file) is
``tracker.aggregate.tracking``; this module parses and assigns.

Assignment runs in DuckDB (one SELECT with parameterised regular expressions, written by
``tracker.store.replace_assignments``), so it rewrites ``store.assignments`` for a million claims
in seconds.
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from tracker.aggregate.summary import summary_queries
from tracker.config import DEFAULT_QUANTITIES, QUANTITIES_ENV, settings  # noqa: F401 (re-exported)
from tracker.errors import ConfigError
from tracker.store import replace_assignments

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
NEAR_AFTER = 90  # characters after a quote still near the number (a German verb comes last)
PERIOD_AFTER = 24  # characters after a quote where an earlier period dates it ("four years ago")
# characters between a sentence with figures and the one before it that may still name their
# place: a space, no paragraph break
BEFORE_GAP = 1
_RULE_KEYS = ("all_of", "none_of", "near_all_of", "near_none_of")
MEANING_KEYS = ("concept", "actor", "state")
_REFINE_KEYS = ("place", "keywords", "exclude")
KEYWORD_REASON = "keyword rules"
NO_VALUE = "–"  # a meaning field the claim does not state, in a reason or label


@dataclass(frozen=True)
class Quantity:
    """One tracked quantity. ``all_of`` is a list of any-of groups that must all match."""

    id: str
    label: str
    unit: str
    all_of: tuple[tuple[str, ...], ...] = ()
    none_of: tuple[str, ...] = ()
    near_all_of: tuple[tuple[str, ...], ...] = ()
    near_none_of: tuple[str, ...] = ()
    units: tuple[str, ...] = ()  # claim units accepted ("" = none found); empty tuple = any
    description: str = ""
    concept: tuple[str, ...] = ()  # meaning: accepted values ("" = not stated); empty = any
    actor: tuple[str, ...] = ()
    state: tuple[str, ...] = ()
    place: tuple[str, ...] = ()  # refinement: any of these terms in the sentence or title
    keywords: tuple[tuple[str, ...], ...] = ()  # refinement: any-of groups near the number
    exclude: tuple[str, ...] = ()  # exclusion: none of these terms near the number

    @property
    def has_meaning(self) -> bool:
        return bool(self.concept or self.actor or self.state)

    @property
    def has_keyword_rules(self) -> bool:
        return bool(self.all_of or self.near_all_of or self.units)  # exclusions alone take none

    @property
    def specificity(self) -> int:
        """How narrow the definition is: meaning fields set plus refinements."""
        meaning = sum(1 for f in (self.concept, self.actor, self.state) if f)
        return meaning + bool(self.place) + len(self.keywords) + bool(self.exclude)


@dataclass(frozen=True)
class QuantityConfig:
    """The parsed file: quantities in priority order and the source alias table."""

    quantities: tuple[Quantity, ...] = ()
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None
    ignore_terms: frozenset[str] = frozenset()  # words suggestions never group by

    def get(self, quantity_id: str) -> Quantity | None:
        return next((q for q in self.quantities if q.id == quantity_id), None)

    def label(self, quantity_id: str) -> str:
        found = self.get(quantity_id)
        return found.label if found else quantity_id


def fold(text: str) -> str:
    """Lower-case, strip accents and spell ß as ss, as the assignment SQL does to claim text."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ß", "ss")


def quantities_path() -> Path | None:
    """``$TRACKER_QUANTITIES``, else ``data/quantities.toml`` in the cwd, else None."""
    return settings().quantities


def load_quantities(path: str | os.PathLike[str] | None = None) -> QuantityConfig:
    """Read and validate a quantities file; no file at all means no quantities."""
    resolved = Path(path) if path else quantities_path()
    if resolved is None:
        return QuantityConfig()
    try:
        raw = tomllib.loads(resolved.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{resolved}: file not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{resolved}: not valid TOML ({err})") from None
    return parse_quantities(raw, resolved)


def parse_quantities(raw: dict[str, Any], path: Path | None = None) -> QuantityConfig:
    """Validate the parsed TOML; every error names the file and the key."""
    where = str(path or "<quantities>")
    entries = raw.get("quantity", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{where}: 'quantity' must be an array of tables ([[quantity]])")
    quantities = tuple(_parse_quantity(entry, where, i) for i, entry in enumerate(entries))
    seen: set[str] = set()
    for q in quantities:
        if q.id in seen:
            raise ConfigError(f"{where}: quantity[{q.id}]: duplicate id")
        seen.add(q.id)
    suggestions = raw.get("suggestions", {})
    if not isinstance(suggestions, dict):
        raise ConfigError(f"{where}: suggestions: must be a table")
    ignore = _terms(suggestions.get("ignore", []), f"{where}: suggestions.ignore")
    sources = _parse_sources(raw.get("sources", {}), where)
    return QuantityConfig(quantities, sources, path, frozenset(ignore))


def _parse_quantity(entry: Any, where: str, index: int) -> Quantity:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: quantity[{index}]: must be a table")
    qid = entry.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        raise ConfigError(f"{where}: quantity[{index}].id: must be a lower-case identifier")
    key = f"{where}: quantity[{qid}]"
    known = {"id", "label", "unit", "units", "description", *_RULE_KEYS, *MEANING_KEYS,
             *_REFINE_KEYS}
    unknown = set(entry) - known
    if unknown:
        raise ConfigError(f"{key}: unknown key {sorted(unknown)[0]!r}")
    for name in ("label", "unit"):
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            raise ConfigError(f"{key}.{name}: required, a non-empty string")
    all_of = _groups(entry.get("all_of", []), f"{key}.all_of")
    near_all_of = _groups(entry.get("near_all_of", []), f"{key}.near_all_of")
    meaning = {name: _meaning(entry.get(name, []), f"{key}.{name}", name != "actor")
               for name in MEANING_KEYS}
    units = _units(entry.get("units", []), f"{key}.units")
    if not all_of and not near_all_of and not units and not any(meaning.values()):
        raise ConfigError(
            f"{key}: needs at least one all_of or near_all_of group, a unit or a meaning "
            "(concept, actor, state)"
        )
    return Quantity(
        id=qid,
        label=entry["label"],
        unit=entry["unit"],
        all_of=all_of,
        none_of=_terms(entry.get("none_of", []), f"{key}.none_of"),
        near_all_of=near_all_of,
        near_none_of=_terms(entry.get("near_none_of", []), f"{key}.near_none_of"),
        units=units,
        description=str(entry.get("description", "")),
        place=_terms(entry.get("place", []), f"{key}.place"),
        keywords=_groups(entry.get("keywords", []), f"{key}.keywords"),
        exclude=_terms(entry.get("exclude", []), f"{key}.exclude"),
        **meaning,
    )


def _meaning(value: Any, key: str, lemma: bool = True) -> tuple[str, ...]:
    """Accepted values of a meaning column: a string or a list ("" = not stated). Concept and
    state are lower-case lemmas (``lemma``), words joined by "_" as the extractor names them
    ("police officer" is ``police_officer``); an actor is a country code (KP) or a name,
    compared case-insensitively."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key}: must be a string or a list of strings (\"\" = not stated)")
    values = (v.strip().lower() for v in value)
    return tuple(dict.fromkeys("_".join(v.split()) if lemma else v for v in values))


def _terms(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
        raise ConfigError(f"{key}: must be a list of non-empty strings")
    return tuple(fold(t.strip()) for t in value)


def _units(value: Any, key: str) -> tuple[str, ...]:
    """Claim units as the extractor names them; "" stands for a claim with no unit."""
    if not isinstance(value, list) or not all(isinstance(u, str) for u in value):
        raise ConfigError(f"{key}: must be a list of unit names (\"\" = no unit)")
    return tuple(u.strip().lower() for u in value)


def _groups(value: Any, key: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{key}: must be a list of lists of terms")
    groups = tuple(_terms(group, f"{key}[{i}]") for i, group in enumerate(value))
    if any(not group for group in groups):
        raise ConfigError(f"{key}: an any-of group is empty")
    return groups


def _parse_sources(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    """``[sources."NIS"]`` with per-language alias lists (``en = [...]``, ``de = [...]``)."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: sources: must be a table")
    sources: dict[str, tuple[str, ...]] = {}
    for name, per_lang in value.items():
        if not isinstance(per_lang, dict):
            raise ConfigError(f"{where}: sources.{name}: must be a table of language = [aliases]")
        aliases: list[str] = [fold(name)]
        for lang, terms in per_lang.items():
            aliases += _terms(terms, f"{where}: sources.{name}.{lang}")
        sources[name] = tuple(dict.fromkeys(aliases))
    return sources


def terms_regex(terms: tuple[str, ...]) -> str:
    """One regular expression (RE2 and Python) matching any term at the start of a word."""
    escaped = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return rf"(^|[^a-z0-9])({escaped})"


# Accented letters a folded term stands for: the SQL side only lower-cases the text (folding
# a million sentences costs more than all the matching), the patterns absorb the accents.
_ACCENTS = {"a": "aáàâäãå", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõø", "u": "uúùûü", "c": "cç",
            "n": "nñ"}


def _accent_pattern(term: str) -> str:
    """A folded term as an RE2 pattern over lower-cased, unfolded text ("sudkorea" ~ "südkorea")."""
    parts = []
    for piece in re.split(r"(ss)", term):
        if piece == "ss":
            parts.append("(?:ss|ß)")
            continue
        parts += [f"[{_ACCENTS[ch]}]" if ch in _ACCENTS else re.escape(ch) for ch in piece]
    return "".join(parts)


def sql_terms_regex(terms: set[str], inside_words: bool = False) -> str:
    """Like ``terms_regex`` but for DuckDB over ``lower(text)``: capture group 2 is the match.
    ``inside_words``: a term may also stand inside a word (the head of a compound)."""
    alternatives = "|".join(_accent_pattern(t) for t in sorted(terms, key=len, reverse=True))
    return f"()({alternatives})" if inside_words else rf"(^|[^\pL\pN])({alternatives})"


def _found(column: str, terms: tuple[str, ...], params: list[Any],
           inside_words: bool = False) -> str:
    params.append(sql_terms_regex(set(terms), inside_words))
    return f"regexp_matches({column}, ?)"


def _keyword_sql(q: Quantity, params: list[Any]) -> list[str]:
    """The keyword rules of a quantity (units, near_all_of, all_of, exclusions) as SQL tests
    over the lower-cased texts ``near``, ``ctx``, ``title``. Cheapest and most selective first:
    DuckDB stops testing a row at its first false, and the near text is short."""
    parts: list[str] = []
    if q.units:
        params.append(list(q.units))
        parts.append("list_contains(?, lower(coalesce(unit, '')))")
    parts += [_found("near", group, params) for group in q.near_all_of]
    parts += [f"({_found('ctx', g, params)} OR {_found('title', g, params)})" for g in q.all_of]
    if q.near_none_of:
        parts.append(f"NOT {_found('near', q.near_none_of, params)}")
    if q.none_of:
        parts.append(f"NOT {_found('ctx', q.none_of, params)}")
    return parts


def _meaning_sql(q: Quantity, params: list[Any]) -> list[str]:
    """The claim's concept, actor and state must each be one the quantity accepts; a part
    ("4,980 suspected cases, including 231 confirmed", "davon rund 4200 in Deutschland") also
    enters one whose refinement its own words name (``_own_part_sql``)."""
    parts = ["has_meaning"]
    if _measure_units(q.unit):  # a share or an area is no count of things ("23 cantonal votes")
        params.append(sorted(_all_measures()))
        parts.append("(unit IS NULL OR list_contains(?, unit))")
    for name in MEANING_KEYS:
        accepted = getattr(q, name)
        if accepted:
            if name == "state":
                accepted = _with_sub_states(_with_plain_states(_with_state_names(accepted)))
                accepted += tuple(st for st in _measure_states_named(q.concept)
                                  if st not in accepted)
                accepted = _with_service_states(accepted, q.concept)
                if q.actor and "" not in q.actor:
                    # a definition of one place's figure ("actor = ['DE']") takes that place's
                    # part of a larger whole ("190,000 of the affected cars were registered in
                    # Germany"): for it, the part is the total
                    accepted += tuple(sorted(_part_words()[0]))
            elif name == "concept":
                accepted = _with_concept_names(accepted)
            else:
                accepted = _with_actor_names(accepted)
            params.append(list(accepted))
            test = f"list_contains(?, lower(coalesce({name}, '')))"
            measures = _measure_units(q.unit) if name == "concept" and "" in accepted else ()
            if measures and accepted == ("",):
                # no concept named, a measure unit: the unit is all the quantity counts, so a
                # share of whatever it measures ("an 8% pay rise") is one of its figures
                params.append(list(measures))
                test = f"({test} OR list_contains(?, lower(coalesce(unit, ''))))"
            elif measures:  # "3,000 hectares": the unit is all the claim says it counts
                params.append(list(measures))
                test = f"({test} OR (concept = unit AND list_contains(?, concept)))"
            if name == "concept" and "" in accepted:
                # a counted noun that neither a table nor a unit names ("2.500 Beamtinnen ...
                # im Einsatz": its own lemma) is a concept the definition could not name from
                # the vocabulary: "" takes it when the claim says more (a state, an actor), as
                # it did when such a noun gave no concept
                params.append(sorted(_concept_names()[0]))
                test = (f"({test} OR (unit IS NULL AND coalesce(state, actor) IS NOT NULL"
                        " AND NOT list_contains(?, concept)))")
            narrower = _narrower(accepted) if name == "concept" else []
            if narrower:
                # "Fünf Fahrgäste werden vermisst" is a figure of "people missing": a kind of an
                # accepted concept ([broader]: passenger -> person) with a state of its own
                params.append(narrower)
                test = f"({test} OR (state IS NOT NULL AND list_contains(?, concept)))"
            named = sorted(set(accepted) & _all_measures()) if name == "concept" else []
            if named:  # concept "percent": every share, whatever it measures ("growth of 0.9%")
                # but "tonne" no amount of a material named by its own concept ("17 million
                # tonnes of wheat" is wheat: rules.material_units)
                params += [named, sorted(_material_units())]
                test = (f"({test} OR (list_contains(?, lower(coalesce(unit, ''))) AND ("
                        "concept = unit OR NOT list_contains(?, unit))))")
            if name == "state" and (q.keywords or q.place):
                params.append(list(accepted))
                test = f"({test} OR {_own_part_sql(q, params)})"
            own = _unknown_words(name, getattr(q, name))
            if own:
                # a word of the definition that the vocabulary does not know ("culled",
                # "beschlagnahmt", "cocaine"): the extractor can never give it, so the word
                # itself, in any of its forms (a state word: and its translations), around the
                # number of a claim that states no such value of its own (no state, or only a
                # price; for a concept none, a unit's or its own lemma) takes the claim
                # ("1,2 Millionen Tiere wurden gekeult", "12 Tonnen Kokain")
                if name == "state":
                    # nor a price, which any word of money gives ("the compensation bill had
                    # reached €14.6 million", "Eier kosten 8 Prozent mehr"): the definition's
                    # own word says what the money is
                    params.append(sorted(_of_every_language("measure_only")))
                    free = "(state IS NULL OR list_contains(?, state))"
                else:
                    # a unit the definition counts in ("12 Tonnen Kokain" for tonnes) says
                    # nothing of what it measures
                    params += [list(_measure_units(q.unit)), sorted(_concept_names()[0])]
                    free = ("(concept IS NULL OR (concept = unit AND list_contains(?, unit)) "
                            "OR NOT list_contains(?, concept))")
                pattern = _forms_regex(own)
                if name == "state":  # and as the other language's text says it
                    pattern = _with_translated_forms(pattern, own)
                params.append(pattern)
                test = f"({test} OR ({free} AND regexp_matches(around, ?)))"
            parts.append(test)
    if not q.state:
        # a definition that names no state counts a figure, not a change of it: "the stock
        # fell a further 3 per cent", "weitere 4,5 Prozent" add to the figure it tracks
        params.append(sorted(_change_states()))
        parts.append("NOT list_contains(?, lower(coalesce(state, '')))")
    return parts


def _unknown_words(name: str, accepted: tuple[str, ...]) -> tuple[str, ...]:
    """The concept or state words of a definition that no table of any language knows: no
    concept or state of the extractor, and no word that names one (``_with_concept_names``,
    ``_with_state_names``)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    if name == "concept":
        known, names = _concept_names()
        return tuple(w for w in accepted if w and w not in known and not names.get(w))
    if name == "state":
        return tuple(
            w for w in accepted if w and w not in _state_names()
            and all(load_concepts(code).state_of(w.replace("_", " ")) is None
                    for code in supported_languages()))
    return ()


_STEM_MIN = 4  # shorter stems match too many words


def word_stems(word: str) -> tuple[str, ...]:
    """The stems a user's word stands for in every language: its lemma in each (simplemma),
    without a final "-en"/"-e"/"-s" ("culled" -> "cull", "gekeult" -> "keul", "Kokain" ->
    "kokain"), of a phrase its last word; stems shorter than four letters are left out."""
    from tracker.extract.concepts import lemmatize
    from tracker.extract.lexicon import supported_languages

    stems: list[str] = []
    for piece in word.split("_")[-1:]:  # a phrase's head noun ("police_officer")
        for form in {piece.lower(), *(lemmatize(piece.lower(), c) for c in supported_languages())}:
            for ending in ("en", "e", "s", ""):
                if form.endswith(ending) and len(form) - len(ending) >= _STEM_MIN:
                    form = form[: len(form) - len(ending)]
                    break
            if len(form) >= _STEM_MIN and form not in stems:
                stems.append(form)
    return tuple(stems)


# letters that one word spells differently in German and English ("Kokain" / "cocaine",
# "Zement" / "cement"): a user's stem matches either spelling
_SPELLINGS = {"c": "[ckz]", "k": "[ck]", "z": "[zc]"}


def _forms_regex(words: tuple[str, ...]) -> str:
    """An RE2 pattern over lower-cased text: a word starting with one of the words' stems,
    after an optional German participle prefix "ge" ("gekeult"), accents absorbed."""
    stems = sorted({s for w in words for s in word_stems(w)}, key=len, reverse=True)
    alternatives = "|".join(
        "".join(_SPELLINGS.get(ch) or _accent_pattern(ch) for ch in fold(stem))
        for stem in stems)
    return rf"(^|[^\pL\pN])(ge)?({alternatives or _NEVER})"


def _with_translated_forms(pattern: str, words: tuple[str, ...]) -> str:
    """``pattern`` (``_forms_regex``) or a word that translates one of ``words`` into another
    supported language, in any part of speech (``glossary.word_translations``: "affected" ->
    "betroffen", "tested" -> "getestet", "compensation" -> "Entschädigung"), as a word start
    ("Entschädigungen"); without the dictionaries the pattern as it was."""
    from tracker.aggregate.glossary import word_translations_any

    found = sorted({fold(t) for w in words for t in word_translations_any(w.replace("_", " "))},
                   key=len, reverse=True)
    if not found:
        return pattern
    # each translation as written and as its stems ("durchsuchen" -> "durchsuch":
    # "durchsucht"), of five letters at least (a short stem of a loose sense starts too many
    # words), at a word's start or as the head of a compound ("wert": "Straßenverkaufswert")
    stems = sorted({st for t in found for st in (t, *word_stems(t)) if len(st) >= 5},
                   key=len, reverse=True)
    alternatives = "|".join(_accent_pattern(t) for t in stems)
    heads = "|".join(_accent_pattern(t) for t in found)
    return (rf"{pattern}|(^|[^\pL\pN])({alternatives})"
            rf"|\pL({heads})(e|en|n|s|es)?($|[^\pL\pN])")


@functools.cache
def _change_states() -> frozenset[str]:
    """The change and rate states of every language (``rules.change_state``: "added";
    ``rules.rate_state``: "per_period", "100 trucks a day" is no figure of the count either)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    return frozenset(state for code in supported_languages()
                     for state in (load_concepts(code).change_state,
                                   load_concepts(code).rate_state))


@functools.cache
def _of_every_language(name: str) -> frozenset[str]:
    """The words of one field of every language's concepts (``Concepts.<name>``)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    return frozenset(w for code in supported_languages()
                     for w in getattr(load_concepts(code), name))


def _all_measures() -> frozenset[str]:
    """The measure units of every language (``rules.no_state``)."""
    return _of_every_language("no_state")


def _material_units() -> frozenset[str]:
    """The units of an amount of a material of every language (``rules.material_units``)."""
    return _of_every_language("material_units")


@functools.cache
def _measure_list() -> str:
    """``_all_measures`` as a DuckDB list literal (lemmas of the language files)."""
    return "[" + ", ".join("'" + m.replace("'", "''") + "'" for m in sorted(_all_measures())) + "]"


@functools.cache
def _measure_units(unit: str) -> tuple[str, ...]:
    """The measure units (``rules.no_state``: hectares, percent, euros) a definition's ``unit``
    names in any language ("hectares" -> hectare, "Prozent" -> percent). A claim whose only
    concept is such a unit ("3,000 hectares", "46.8%": the measure carries it) has no counted
    concept of its own, so a definition with that unit and an unstated concept ("") takes it."""
    from tracker.extract.lexicon import load_lexicon, supported_languages

    word = unit.strip().lower()
    if not word:
        return ()
    found = {word} | {lemma for code in supported_languages()
                      if (lemma := load_lexicon(code).units.nouns.get(word)) is not None}
    return tuple(sorted(found & _all_measures()))


def _with_plain_states(accepted: tuple[str, ...]) -> tuple[str, ...]:
    """A definition whose states are only "" (not stated) and the override states (a plan, a
    change, a part) counts a plain number: it also takes the plain states of every language
    (arrived, present, participated: ``rules.plain_states``), so that a definition written
    before the vocabulary named them ("state = [''], arriving is no state") keeps its claims."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    codes = supported_languages()
    if "" not in accepted:
        return accepted
    if any(s and s not in load_concepts(code).override_states for s in accepted
           for code in codes):
        return accepted
    plain = sorted({s for code in codes for s in load_concepts(code).plain_states})
    return accepted + tuple(s for s in plain if s not in accepted)


@functools.cache
def _concept_names() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The concepts the extractor gives, and for every other word a user may write as a
    definition's concept (a counted noun of any language, as written or as its lemma, or a
    unit's name: "home", "homes", "Wohnung", "apartment", "dwelling") the concepts it names."""
    from tracker.extract.concepts import lemmatize, load_concepts
    from tracker.extract.lexicon import load_lexicon, supported_languages

    pairs: list[tuple[str, str, str]] = []  # (code, word, concept)
    for code in supported_languages():
        concepts = load_concepts(code)
        forms = {**load_lexicon(code).units.nouns, **concepts.nouns}
        for form, found in forms.items():
            if form.startswith("*"):
                continue
            concept = concepts.units.get(found, (found, None))[0]
            pairs += [(code, form, concept), (code, found, concept)]
        suffixes = (*concepts.noun_suffixes, *load_lexicon(code).units.noun_suffixes)
        pairs += [(code, unit, concept) for unit, (concept, _) in concepts.units.items()]
        pairs += [(code, lemma, concepts.units.get(lemma, (lemma, None))[0])
                  for _, lemma in suffixes]
    known = frozenset(concept for _, _, concept in pairs)
    names: dict[str, set[str]] = {}
    for code, word, concept in pairs:
        for name in {word, lemmatize(word, code)}:
            key = "_".join(name.lower().split())
            if key not in known:
                names.setdefault(key, set()).add(concept)
    return known, {word: frozenset(found) for word, found in names.items()}


def _with_concept_names(accepted: tuple[str, ...]) -> tuple[str, ...]:
    """The accepted concepts and those that a word which is no concept of the extractor names
    as a counted noun ("home" or "Wohnungen" -> building): a definition written in the
    words of its story takes the claims whose concept those words give. A word no table
    knows also takes its translations (``glossary``: "ticket" -> eintrittskarte, karte;
    "Kokain" -> cocaine), the extractor's own lemma for a counted noun of the other language,
    and the concepts those name."""
    known, names = _concept_names()
    extra = {c for word in accepted if word not in known for c in names.get(word, ())}
    for word in _unknown_words("concept", accepted):
        for other in _translations(word):
            extra |= {other, *names.get(other, ())} if other not in known else {other}
    return accepted + tuple(c for c in sorted(extra) if c not in accepted)


def _translations(word: str) -> frozenset[str]:
    """A definition word's translations in every direction (``glossary.translations_any``)."""
    from tracker.aggregate.glossary import translations_any

    phrase = word.replace("_", " ")
    return translations_any([phrase]).get(phrase, frozenset())


@functools.cache
def _state_names() -> frozenset[str]:
    """The states the extractor gives (those of every language's [states] and rules)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    found: set[str] = set()
    for code in supported_languages():
        concepts = load_concepts(code)
        found |= {*concepts.state_words.values(), *concepts.phrase_states.values(),
                  *concepts.override_states, concepts.rate_state}
    return frozenset(found)


def _with_state_names(accepted: tuple[str, ...]) -> tuple[str, ...]:
    """The accepted states and those that a word which is no state of the extractor names in
    any language ("arrested" -> captured, "evakuiert" -> displaced, "completed" -> built), so
    that a definition written in the words of its story takes the claims of that state."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    known = _state_names()
    extra: list[str] = []
    for word in accepted:
        if word and word not in known:
            for code in supported_languages():
                concepts = load_concepts(code)
                state = concepts.state_of(word.replace("_", " "))
                # else a two-word phrase of a state that the word opens: "risen" as in
                # "risen by", "gestiegen" as in "gestiegen um" (a change)
                named = [state] if state is not None else [
                    st for phrase, st in concepts.phrase_states.items()
                    if len(phrase.split()) == 2 and phrase.split()[0] == word]
                extra += [st for st in named if st not in accepted and st not in extra]
    return accepted + tuple(extra)


def _measure_states_named(concepts_: tuple[str, ...]) -> tuple[str, ...]:
    """ "concept = ['euro', 'damage']": a concept word that names what money is (a state of
    ``rules.measure_states`` in any language: damage, cost, saving) is that state of the money,
    so the definition also takes the money the clause names so ("Schäden von 2,5 Milliarden
    Euro"). Only beside a measure unit among the concepts."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    if not set(concepts_) & _all_measures():
        return ()
    found: list[str] = []
    for word in concepts_:
        for code in supported_languages() if word and word not in _all_measures() else ():
            concepts = load_concepts(code)
            state = concepts.state_of(word.replace("_", " "))
            if state in concepts.measure_states and state not in found:
                found.append(state)
    return tuple(found)


def _with_actor_names(accepted: tuple[str, ...]) -> tuple[str, ...]:
    """The accepted actors and the country code of each that names a country in any language
    ("Germany", "Deutschland", "North Korea" -> de, kp; compared lower-cased)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    extra: list[str] = []
    for name in accepted:
        for code in supported_languages() if name else ():
            found = load_concepts(code).country_forms.get(name)
            if found and found.lower() not in accepted and found.lower() not in extra:
                extra.append(found.lower())
    return accepted + tuple(extra)


def _narrower(accepted: tuple[str, ...]) -> list[str]:
    """The concepts that are a kind of an accepted one (``[broader]`` of lang/und) and not
    accepted themselves."""
    from tracker.extract.concepts import load_concepts

    return sorted(sub for sub, broader in load_concepts("und").broader.items()
                  if broader in accepted and sub not in accepted)


def _with_sub_states(accepted: tuple[str, ...]) -> tuple[str, ...]:
    """The accepted states and every state that is a kind of one of them (``rules.sub_states``
    of every language: the yes and the no share of a vote are votes)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    subs = sorted({sub for code in supported_languages()
                   for sub, broader in load_concepts(code).sub_states.items()
                   if broader in accepted and sub not in accepted})
    return accepted + tuple(subs)


def _with_service_states(accepted: tuple[str, ...],
                         concepts_: tuple[str, ...]) -> tuple[str, ...]:
    """A definition that counts a service (``rules.service_concepts``: trains, flights) in a
    state the extractor turns into another for a service (``rules.service_states``: a cut
    train did not run, it is cancelled) also takes that state: "concept = ['train'], state =
    ['cut']" means the trains that were cut, which the claims call cancelled."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    named = set(_with_concept_names(tuple(c.lower() for c in concepts_ if c)))
    extra: list[str] = []
    for code in supported_languages():
        concepts = load_concepts(code)
        if not named & concepts.service_concepts:
            continue
        for state in accepted:
            service = concepts.service_states.get(state)
            if service and service not in accepted and service not in extra:
                extra.append(service)
    return accepted + tuple(extra)


@functools.cache
def _part_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The part states of every language, and the words that make a part of a time or a place
    by themselves ("allein", "alone", "per day", "in a single week": the [states] part words
    that are no partitive, ``rules.inclusions`` or ``part_after``)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    states: set[str] = set()
    alone: set[str] = set()
    for code in supported_languages():
        concepts = load_concepts(code)
        states.add(concepts.part_state)
        partitive = {*concepts.inclusions, *concepts.part_after}
        alone |= {word for word, state in concepts.state_words.items()
                  if state == concepts.part_state and word not in partitive}
        alone |= {phrase for phrase, state in concepts.phrase_states.items()
                  if state == concepts.part_state and phrase not in partitive}
    return tuple(sorted(states)), tuple(sorted(alone))


@functools.cache
def _whole_words() -> str:
    """A pattern of the words that name a figure the whole of the part before it (``rules.
    whole_before`` of every language: "insgesamt", "nationwide"), as a SQL string body."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    words = sorted({w for code in supported_languages()
                    for w in load_concepts(code).whole_before_words}, key=len, reverse=True)
    if not words:
        return _NEVER
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return rf"(?:^|[^\pL])(?:{alternation})(?:$|[^\pL])".replace("'", "''")


def _own_part_sql(q: Quantity, params: list[Any]) -> str:
    """A part of the figure before it in its sentence, whose state the quantity accepts (a
    ``?`` parameter the caller gave: "154 people arrested, 97 of whom remained in police
    custody" is no part of the injured police), whose own words (``near``: from the number
    on, not the total's words before it) name the quantity's place or one of its keyword
    groups, and with no word of a part by time or place alone ("allein am Montag", "in a
    single day": no share of the total a quantity tracks)."""
    states, alone = _part_words()
    params.append(list(states))
    tests = [_found("near", group, params, inside_words=True) for group in q.keywords]
    if q.place:
        tests.append(_found("near", q.place, params))
    own = ("prev_state IS NOT NULL AND list_contains(?, prev_state) AND "
           f"list_contains(?, lower(coalesce(state, ''))) AND ({' OR '.join(tests)})")
    if alone:
        own += f" AND NOT {_found('near', alone, params)}"
    return f"({own})"


def _refinement_sql(q: Quantity, params: list[Any]) -> list[str]:
    """Refinements and exclusions, applied to every claim the quantity takes."""
    parts: list[str] = []
    if q.place:
        # the sentence, the article title, or the sentence before it in its paragraph ("Rund
        # 14.000 nordkoreanische Soldaten wurden entsandt. Etwa 4.700 von ihnen ...")
        parts.append(f"({_found('ctx', q.place, params)} OR {_found('title', q.place, params)}"
                     f" OR {_found('before_text', q.place, params)})")
    # keywords: also the words before the number since the previous one ("the damage could
    # exceed €1.5bn"); exclusions only near it ("3,000 additional troops, bringing the total to
    # 11,000" must not exclude the 11,000)
    # keywords may name the head of a compound ("schad" in "Gesamtschaden", "Sachschäden")
    parts += [_found("around", group, params, inside_words=True) for group in q.keywords]
    if q.exclude:
        parts.append(f"NOT {_found('near', q.exclude, params)}")
    return parts


# "Bei einem Beben im Jahr 2003 waren mehr als 170 Menschen ums Leben gekommen", "The February
# 2023 earthquakes killed more than 53,000", "In 2002, floods killed 21": a year before the
# article's own, anywhere in the sentence before the number or near after it (``dating``: from
# the sentence start to the end of the near window), dates the figure to another event (the
# number itself is not one). "The flood killed 16, against 21 in 2002" dates only the 21. The
# year just before the article's after a month is the date of an earlier estimate of the same
# quantity ("Im Dezember 2024 hatte der Dienst von 100 Toten gesprochen", in a 2025 article).
_EARLIER_YEAR = r"""(regexp_matches(dating, '(?:19|20)[0-9][0-9]') AND coalesce(list_bool_or(
    list_transform(
        regexp_extract_all({undated},
            '(?:^|[^0-9.,])((?:19|20)[0-9]{{2}})(?:$|[^0-9.,]|[.,](?:$|[^0-9]))', 1),
        lambda y: CAST(y AS INTEGER) < published_year AND CAST(y AS INTEGER) <> coalesce(low, -1)
            AND (CAST(y AS INTEGER) < published_year - 1
                 OR NOT (report_previous
                         OR regexp_matches(lower(dating), '(?:{months})\s+' || y))))),
    false))"""


@functools.cache
def earlier_year_sql() -> str:
    """``_EARLIER_YEAR`` with the years that open a period taken out first: "300,000 soldiers
    lost since February 2022", "seit Kriegsbeginn 2022" is a running total, not another event
    (the words are ``[rules] period_start`` of every language's concepts.toml; the months are
    those of every language's negatives.toml)."""
    from tracker.extract.lexicon import load_lexicon, supported_languages

    words = sorted(_of_every_language("period_start"))
    months = sorted({m for code in supported_languages()
                     for m in load_lexicon(code).negatives.months},
                    key=len, reverse=True)
    month_pattern = "|".join(re.escape(m).replace("'", "''") for m in months) or _NEVER
    undated = "dating"
    if words:
        alternation = "|".join(re.escape(w).replace("'", "''") for w in words)
        undated = (rf"regexp_replace(lower(dating), '(^|[^\pL])(?:{alternation})\s+"
                   rf"(?:\pL+\s+){{0,2}}(?:19|20)[0-9]{{2}}', '\1', 'g')")
    dated = _EARLIER_YEAR.format(undated=undated, months=month_pattern)
    periods = _of_every_language("earlier_period")
    previous = previous_period_pattern()
    if previous != _NEVER:
        # "im vergangenen Jahr", "last year": the year before the article's, unless it reports it
        # or names its end ("late last year", "im Dezember vergangenen Jahres": an earlier
        # estimate of the same quantity, as a month of that year is)
        late = sorted(_of_every_language("period_late") | set(months), key=len, reverse=True)
        phrases = _period_alternation(_of_every_language("previous_period"))
        late_previous = (rf"(?:^|[^\pL])(?:{_period_alternation(late)})\s+(?:\pL+\s+)?"
                         rf"(?:{phrases})(?:$|[^\pL])")
        dated = (f"({dated} OR (NOT report_previous AND regexp_matches(lower(dating_close), "
                 f"'{previous}') AND NOT regexp_matches(lower(dating_close), "
                 f"'{late_previous}')))")
    # ... even then, a later figure of its sentence that the year before the article's follows
    # right away, after a word of comparison, is what this year's figure before it is compared
    # with ("is expected to fall to 18.1 million tonnes from 22.1 million tonnes last year",
    # "nach 22,1 Millionen Tonnen im Jahr 2025"): that year's figure
    dated = (f"({dated} OR (report_previous AND after_quote IS NOT NULL AND ("
             f"regexp_matches(lower(after_quote), '{previous}') OR list_contains(list_transform("
             "regexp_extract_all(after_quote, '(?:^|[^0-9.,])((?:19|20)[0-9]{2})(?:$|[^0-9.,]"
             "|[.,](?:$|[^0-9]))', 1), lambda y: CAST(y AS INTEGER)), published_year - 1))))")
    if not periods:
        return dated
    # "down from 57 four years ago", "bei der letzten Wahl": a phrase of an earlier period or
    # event dates the figure as an earlier year does ("..." = one or two words), before the
    # number in its sentence or right after it (``dating_close``: not "1.1 million, fewer than
    # in the pension dispute some years ago", which dates what it is compared with)
    alternation = _period_alternation(periods)
    return (f"({dated} OR regexp_matches(lower(dating_close), "
            rf"'(?:^|[^\pL])(?:{alternation})(?:$|[^\pL])'))")


_NEVER = r"[^\s\S]"  # matches nothing (RE2 has no lookahead)


def _period_alternation(periods: Iterable[str]) -> str:
    """Phrases as an RE2 alternation in a SQL string ("..." = one or two words)."""
    return "|".join(
        re.escape(p).replace(r"\ \.\.\.\ ", r"\s+(?:\pL+\s+){1,2}").replace(r"\ ", r"\s+")
        .replace("'", "''") for p in sorted(periods, key=len, reverse=True))


@functools.cache
def previous_period_pattern() -> str:
    """A pattern of the phrases naming the year before the article's (``rules.previous_period``
    of every language: "last year", "im vergangenen Jahr") as words, as a SQL string body."""
    phrases = _of_every_language("previous_period")
    if not phrases:
        return _NEVER
    return rf"(?:^|[^\pL])(?:{_period_alternation(phrases)})(?:$|[^\pL])"


def _meaning_when(q: Quantity, params: list[Any]) -> str:
    """The CASE branch taking claims by meaning; it gives ``<id>|m``, so the reason is known
    without testing the rules again."""
    tests = _meaning_sql(q, params) + _refinement_sql(q, params)
    params.append(f"{q.id}|m")
    return f"WHEN {' AND '.join(tests)} THEN ?"


def _keyword_when(q: Quantity, params: list[Any]) -> str:
    """The CASE branch taking claims by keyword rules (claims without a meaning when the
    quantity has one; every claim when it has none); it gives ``<id>|k``."""
    tests = (["NOT has_meaning"] if q.has_meaning else []) + _keyword_sql(q, params)
    tests += _refinement_sql(q, params)
    params.append(f"{q.id}|k")
    return f"WHEN {' AND '.join(tests)} THEN ?"


def by_specificity(quantities: tuple[Quantity, ...]) -> list[Quantity]:
    """The order quantities are tried in: most specific first, then as defined."""
    return sorted(quantities, key=lambda q: -q.specificity)  # sorted() is stable


def meaning_reason_sql() -> str:
    """The reason of a meaning match: the claim's concept, actor and state ("soldier · KP ·
    deployed"), a field not stated shown as NO_VALUE."""
    fields = ", ".join(f"coalesce({name}, '{NO_VALUE}')" for name in MEANING_KEYS)
    return f"concat_ws(' · ', {fields})"


@functools.cache
def _coordinated() -> str:
    """A pattern of a text that ends with a coordinator ("and", "und": ``actor.coordinators``
    of every language), as a SQL string body."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    words = sorted({w for code in supported_languages() for w in load_concepts(code).coordinators},
                   key=len, reverse=True)
    if not words:
        return "^()$x"
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return rf"(?is)^(.*[^\pL](?:{alternation})\s+)$".replace("'", "''")


@functools.cache
def _listed_owner() -> str:
    """A pattern of the words between two figures that open a list item with a name: a comma,
    semicolon or coordinator, an optional article, one to three capitalised words, an optional
    verb and an optional place word right before the number (", die AfD ", " and the CDU on ",
    ", China ", ", die Arbeitgeber bieten "),
    from ``actor.articles``, ``coordinators`` and ``not_after`` of every language, as a SQL
    string body (case-sensitive: the capital marks the name)."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    codes = supported_languages()

    def alternation(words: set[str]) -> str:
        if not words:
            return _NEVER
        return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(words, key=len, reverse=True))

    concepts = [load_concepts(code) for code in codes]
    articles = alternation({w for c in concepts for w in c.articles})
    joins = alternation({w for c in concepts for w in c.coordinators})
    places = alternation({w for c in concepts for w in c.not_after})
    name = r"\p{Lu}[\pL\pN/&-]*"
    return (rf"(?:[,;]|\s(?:{joins}))\s+(?:(?i:{articles})\s+)?{name}(?:\s+{name}){{0,2}}"
            rf"(?:\s+(\p{{Ll}}+))?(?:\s+(?:{places}))?\s*$").replace("'", "''")


@functools.cache
def _no_own_verb() -> str:
    """A pattern of the word a list item says after its name that is no verb of its own: none,
    a place word ("the CGT at"), or a word that opens with a reporting verb of any language
    (``actor.reporting_verbs``: "zählte" also in "zählten"), as a SQL string body."""
    from tracker.extract.concepts import load_concepts
    from tracker.extract.lexicon import supported_languages

    concepts = [load_concepts(code) for code in supported_languages()]
    verbs = sorted({w for c in concepts for w in c.reporting_verbs}, key=len, reverse=True)
    places = sorted({w for c in concepts for w in c.not_after if " " not in w})
    pattern = "^$"
    if verbs:
        pattern += "|^(?:" + "|".join(re.escape(w) for w in verbs) + ")"
    if places:
        pattern += "|^(?:" + "|".join(re.escape(w) for w in places) + ")$"
    return pattern.replace("'", "''")


def near_windows_sql() -> str:
    """The CTEs ``neighbours`` and ``windows`` (one row per claim, with its ``clause``: the words
    near the number; ``around``: those and the words before the number since the previous one,
    unless a coordinator stands right before the number; ``dating``: the sentence up to the end
    of ``clause``); one ``?`` parameter, ``NEAR_AFTER``."""
    return (_NEAR_WINDOWS.replace("@COORDINATED@", _coordinated())
            .replace("@LISTED@", _listed_owner())
            .replace("@PERIOD_AFTER@", str(PERIOD_AFTER))
            .replace("@BEFORE_GAP@", str(BEFORE_GAP)).replace("@NO_VERB@", _no_own_verb())
            .replace("@PREVIOUS@", previous_period_pattern())
            .replace("@COMPARED@", compared_from_pattern()))


@functools.cache
def compared_from_pattern() -> str:
    """A pattern of the words right before a figure that open a comparison (``rules.
    compared_from`` of every language: "from", "nach"), at the end of a text, as a SQL string
    body."""
    words = _of_every_language("compared_from")
    if not words:
        return _NEVER
    return rf"(?:^|[^\pL])(?:{_period_alternation(words)})\s*$"


_NEAR_WINDOWS = """
    claim_sentences AS (
        SELECT DISTINCT c.article_id, c.sentence_start, c.sentence,
               coalesce(year(a.published), (SELECT max(year(published)) FROM store.articles))
                   AS published_year
        FROM store.claims c LEFT JOIN store.articles a USING (article_id)
    ), sentences_before AS (
        -- the sentence right before each sentence with figures, when it has figures too and
        -- stands in the same paragraph: where an owner named the sentence before stands (the
        -- articles' texts are never joined: a 50 MB text would be held per claim)
        SELECT article_id, sentence_start,
               CASE WHEN sentence_start - lag(sentence_start) OVER sentence_order
                         - length(lag(sentence) OVER sentence_order) <= @BEFORE_GAP@
                    THEN lag(sentence) OVER sentence_order END AS before_text
        FROM claim_sentences
        WINDOW sentence_order AS (PARTITION BY article_id ORDER BY sentence_start)
    ), year_counts AS (
        -- how many of an article's sentences with figures name each year ("last year" names
        -- the one before the article's)
        SELECT article_id, published_year, y, count(*) AS n FROM (
            SELECT article_id, published_year, unnest(list_distinct(list_concat(
                       list_transform(regexp_extract_all(sentence,
                           '(?:^|[^0-9.,])((?:19|20)[0-9]{2})(?:$|[^0-9.,]|[.,](?:$|[^0-9]))', 1),
                           lambda v: CAST(v AS INTEGER)),
                       CASE WHEN regexp_matches(lower(sentence), '@PREVIOUS@')
                            THEN [published_year - 1] ELSE [] END))) AS y
            FROM claim_sentences)
        GROUP BY article_id, published_year, y
    ), report_years AS (
        -- an article that reports on the year before its own (the building report of 2025,
        -- published in 2026): it names that year in at least two sentences with figures and
        -- more often than any other
        SELECT article_id,
               coalesce(max(n) FILTER (WHERE y = published_year - 1), 0) >= 2
               AND coalesce(max(n) FILTER (WHERE y = published_year - 1), 0)
                   > coalesce(max(n) FILTER (WHERE y <> published_year - 1), 0)
                   AS report_previous
        FROM year_counts GROUP BY article_id
    ), neighbours AS (
        SELECT c.claim_id, c.article_id, c."start", c.sentence_start, c.unit, c.entity,
               c.sentence, c.quote,
               a.title, c.concept, c.actor, c.state, c.low,
               s.before_text,
               coalesce(r.report_previous, false) AS report_previous,
               -- an undated article is taken to be of the latest dated one's year
               coalesce(year(a.published), (SELECT max(year(published)) FROM store.articles))
                   AS published_year,
               c."start" - c.sentence_start AS quote_at,
               lag(c."end") OVER sentence_claims IS NULL AS first_in_sentence,
               CASE WHEN lag(c."end") OVER sentence_claims IS NOT NULL
                    THEN coalesce(lag(c.state) OVER sentence_claims, '') END AS prev_state,
               lag(c.source) OVER sentence_claims IS NULL AS prev_unsourced,
               -- the words of the figure before it since the clause break before that one (and
               -- after the figure before it): "Die CDU erreicht" in "Die CDU erreicht 29,5
               -- Prozent, die AfD 15,3 Prozent"
               regexp_extract(substr(c.sentence,
                   coalesce(lag(c."end", 2) OVER sentence_claims - c.sentence_start, 0) + 1,
                   lag(c."start") OVER sentence_claims - c.sentence_start - coalesce(
                       lag(c."end", 2) OVER sentence_claims - c.sentence_start, 0)),
                   '([^,;:]*)$', 1) AS prev_opening,
               coalesce(lag(c."end") OVER sentence_claims - c.sentence_start, 0) AS prev_at,
               lead(c."start") OVER sentence_claims - c.sentence_start AS next_at
        FROM store.claims c LEFT JOIN store.articles a USING (article_id)
            LEFT JOIN report_years r USING (article_id)
            LEFT JOIN sentences_before s USING (article_id, sentence_start)
        WINDOW sentence_claims AS (PARTITION BY c.article_id, c.sentence_start
                                   ORDER BY c."start")
    ), windows AS (
        -- near: from the quote (or the sentence start, for a sentence's first number) to
        -- the next number, at most NEAR_AFTER characters past the quote; "X killed and
        -- Y wounded" gives "killed" to X only.
        SELECT claim_id, article_id, "start", sentence_start, unit, entity, sentence, title,
               before_text,
               concept, actor, state, low, published_year, report_previous, prev_state,
               -- "Die CDU erreicht 29,5 Prozent, die AfD 15,3 Prozent": a figure right after a
               -- name that opens its list item belongs to another owner than the one before it
               coalesce(NOT first_in_sentence AND quote_at > prev_at
                   AND regexp_matches(substr(sentence, prev_at + 1, quote_at - prev_at),
                                      '@LISTED@')
                   -- a list of owners names one with the first item too: not "with the
                   -- government at 1%, the Bundesbank and the OECD at 0.8%" (who says it)
                   AND regexp_matches(prev_opening, '\\p{Lu}')
                   -- ... unless the figure before it has a source and the item says no verb
                   -- of its own but a reporting one: "... zählte 1,1 Millionen, die CGT 3,5
                   -- Millionen" lists who says the same figure; "Verdi fordert 8 Prozent, die
                   -- Arbeitgeber bieten 3,5 Prozent" does not
                   AND (prev_unsourced OR NOT regexp_matches(regexp_extract(
                       substr(sentence, prev_at + 1, quote_at - prev_at), '@LISTED@', 1),
                       '@NO_VERB@')), false) AS listed,
               substr(sentence, window_from + 1, window_to - window_from) AS clause,
               substr(sentence, least(around_from, window_from) + 1,
                      window_to - least(around_from, window_from)) AS around,
               substr(sentence, 1, window_to) AS dating,
               -- up to PERIOD_AFTER characters after the quote, not past a clause break
               substr(sentence, 1, least(window_to, greatest(quote_at, 0) + length(quote)
                   + length(regexp_extract(substr(sentence, greatest(quote_at, 0)
                       + length(quote) + 1, @PERIOD_AFTER@), '^[^,;:(–—]*')))) AS dating_close,
               -- a later figure of its sentence: its words right after the quote, up to a
               -- clause break ("18.1 million tonnes from 22.1 million tonnes last year")
               CASE WHEN NOT first_in_sentence AND quote_at >= 0 AND regexp_matches(lower(
                   substr(sentence, greatest(quote_at - 30, 0) + 1,
                          quote_at - greatest(quote_at - 30, 0))), '@COMPARED@')
               THEN regexp_extract(
                   substr(sentence, quote_at + length(quote) + 1, @PERIOD_AFTER@),
                   '^[^,;:(–—]*') END AS after_quote
        FROM (
            SELECT *,
                   CASE WHEN first_in_sentence OR quote_at NOT BETWEEN 0 AND length(sentence)
                        THEN 0 ELSE quote_at END AS window_from,
                   -- not past a semicolon after the quote: "etwa 15.000 Soldaten in Russland;
                   -- zusätzlich sollen 6.000 Pioniere ..." (the next clause's words are its own)
                   least(coalesce(next_at, length(sentence)),
                         greatest(quote_at, 0) + length(quote) + ?,
                         coalesce(greatest(quote_at, 0) + length(quote) - 1 + nullif(strpos(
                             substr(sentence, greatest(quote_at, 0) + length(quote) + 1), ';'),
                             0), length(sentence))) AS window_to,
                   -- "50.2% voted yes and 49.8% voted no": right after a coordinator, the
                   -- words since the previous number are that number's
                   greatest(prev_at, 0) + CASE WHEN first_in_sentence OR quote_at <= prev_at
                        THEN 0 ELSE length(regexp_extract(substr(sentence,
                            greatest(prev_at, 0) + 1, quote_at - greatest(prev_at, 0)),
                            '@COORDINATED@', 1)) END AS around_from
            FROM neighbours
        )
    )"""


def dated_earlier_sql() -> tuple[str, list[Any]]:
    """The ids of claims dated to an earlier year than their article (``_EARLIER_YEAR``):
    assignment leaves them out, and so do suggestions."""
    return (f"WITH {near_windows_sql()} SELECT claim_id FROM windows WHERE {earlier_year_sql()}",
            [NEAR_AFTER])


def assignment_sql(config: QuantityConfig) -> tuple[str, list[Any]]:
    """The SELECT (claim_id, quantity, reason) that the definitions give, with its parameters.

    The texts are only lower-cased (folding accents of a million sentences costs more than all
    the matching); the term patterns absorb accents instead. Each rule is a chain of plain
    regular-expression tests, which DuckDB runs as DFAs and stops at the first that fails.
    """
    params: list[Any] = [NEAR_AFTER, list(_part_words()[0]), list(_part_words()[0])]
    # Meaning first, most specific first; then the keyword rules in the order defined, as
    # before meanings existed (they mostly see claims without a meaning).
    whens = [_meaning_when(q, params) for q in by_specificity(config.quantities) if q.has_meaning]
    whens += [_keyword_when(q, params) for q in config.quantities if q.has_keyword_rules]
    sql = f"""
        WITH {near_windows_sql()}, lowered AS (
            SELECT claim_id, article_id, "start", sentence_start, entity IS NULL AS bare, unit,
                   concept, actor, state, prev_state, listed,
                   coalesce(concept = unit AND list_contains({_measure_list()}, unit), false)
                       AS measure,
                   coalesce(concept, actor, state) IS NOT NULL AS has_meaning,
                   lower(coalesce(entity, '') || ' ' || clause) AS near,
                   -- a part of the figure before it: the whole's words ("will cut 2,600
                   -- jobs, about 700 of them in Spain") refine it too
                   -- and so do the part's for the whole after it ("Betroffen waren in
                   -- München etwa 160.000 Passagiere, deutschlandweit rund 510.000")
                   lower(coalesce(entity, '') || ' ' || CASE
                       WHEN prev_state IS NOT NULL AND list_contains(?, state) THEN dating
                       WHEN list_contains(?, prev_state) AND regexp_matches(lower(around),
                           '{_whole_words()}') THEN dating
                       ELSE around END) AS around,
                   lower(coalesce(entity, '') || ' ' || sentence) AS ctx,
                   lower(coalesce(title, '')) AS title,
                   lower(coalesce(before_text, '')) AS before_text, dating, dating_close,
                   published_year, report_previous, low, after_quote
            FROM windows
        ), decided AS MATERIALIZED (  -- else the optimizer runs the rules twice
            SELECT claim_id, article_id, "start", sentence_start, bare, measure, concept, actor,
                   state, listed,
                   CASE WHEN earlier THEN NULL
                        ELSE CASE {" ".join(whens) or "WHEN false THEN NULL"} END
                   END AS decision, earlier
            FROM (SELECT *, {earlier_year_sql()} AS earlier FROM lowered)
        ), {_carried_sql()}
        SELECT claim_id, split_part(decision, '|', 1) AS quantity,
               CASE WHEN split_part(decision, '|', 2) = 'm' THEN {meaning_reason_sql()}
                    ELSE '{KEYWORD_REASON}' END AS reason
        FROM carried WHERE decision IS NOT NULL
    """
    return sql, params


_CARRY_RUN = 3  # "Das Ministerium zählte 1,12 Millionen, die CGT 3,5 Millionen": a run


def _carried_sql() -> str:
    """The CTE ``carried``: a bare figure (no noun written: "Die Gewerkschaft spricht weiter
    von mehr als 9000.", "The CGT said 3.5 million.") that no quantity takes, with the same
    meaning as the figure before it in its article (which it took from it), continues that
    figure's quantity: the refinement words were said with that figure. A run of up to
    ``_CARRY_RUN`` bare figures reaches back to the figure that opened it, in its article."""
    def lagged(column: str, k: int) -> str:
        return column if k == 0 else f"lag({column}, {k}) OVER article"

    def continues(k: int) -> str:  # the figure k before this one continues the one before it
        same = " AND ".join(f"{lagged(name, k + 1)} IS NOT DISTINCT FROM {lagged(name, k)}"
                            for name in MEANING_KEYS)
        # a measure with no concept but its unit ("3,000 hectares") continues the figure before
        # it in its own sentence ("rund 21.500 Hektar, laut Copernicus sogar 23.400 Hektar")
        alone = (f"({lagged('bare', k)} OR ({lagged('measure', k)} AND "
                 f"{lagged('sentence_start', k)} = {lagged('sentence_start', k + 1)}))")
        return (f"coalesce({alone} AND NOT {lagged('earlier', k)} AND NOT {lagged('listed', k)}"
                f" AND "
                f"{lagged('has_meaning', k)} AND {same}, false)")

    reach = []
    for n in range(1, _CARRY_RUN + 1):
        links = "".join(f"{continues(k)} AND " for k in range(1, n))
        reach.append(f"WHEN {lagged('article_id', n)} = article_id AND {links}"
                     f"{lagged('decision', n)} IS NOT NULL THEN {lagged('decision', n)}")
    return f"""carried AS (
            SELECT claim_id, concept, actor, state,
                   CASE WHEN decision IS NULL AND {continues(0)}
                        THEN CASE {" ".join(reach)} END
                        ELSE decision END AS decision
            FROM (SELECT *, coalesce(concept, actor, state) IS NOT NULL AS has_meaning
                  FROM decided)
            -- one ordered pass (a partition per article costs twice the rules' time)
            WINDOW article AS (ORDER BY article_id, "start")
        )"""


def assign_all(con: duckdb.DuckDBPyConnection, config: QuantityConfig | None = None) -> int:
    """Rewrite ``store.assignments`` for every claim; returns how many claims got a quantity.

    ``config`` defaults to the database's tracked quantities (``store.quantity_defs``; a
    database without any takes those of the quantities file, ``$TRACKER_QUANTITIES``, else
    ``data/quantities.toml``; no file: no quantities, and every assignment is removed).
    """
    if config is None:
        from tracker.aggregate.tracking import database_config, seed_from_file

        seed_from_file(con)
        config = database_config(con)
    sql, params = assignment_sql(config) if config.quantities else (None, [])
    # the summary is rebuilt in the same transaction: the dashboard reads it instead of joining
    # every claim
    return replace_assignments(con, sql, params, summary=summary_queries())


def quantity_counts(con: duckdb.DuckDBPyConnection, config: QuantityConfig) -> list[dict[str, Any]]:
    """Each configured quantity with its claim, source and outlet counts (wrong claims excluded);
    sources are claimants (a name without a resolved claimant counts as written)."""
    rows = con.execute(
        """
        SELECT quantity, count(*) AS claims, count(DISTINCT coalesce(claimant, source)) AS sources,
               count(DISTINCT outlet) AS outlets
        FROM claims
        WHERE quantity IS NOT NULL AND coalesce(review, '') <> 'wrong'
        GROUP BY quantity
        """
    ).fetchall()
    counts = {r[0]: r[1:] for r in rows}
    known = [q.id for q in config.quantities]
    extra = sorted(set(counts) - set(known))  # e.g. set by a review to an id no longer in the file
    result = []
    for qid in known + extra:
        claims, sources, outlets = counts.get(qid, (0, 0, 0))
        found = config.get(qid)
        result.append(
            {
                "id": qid,
                "label": found.label if found else f"{qid} (not in the quantities file)",
                "unit": found.unit if found else "",
                "claims": claims,
                "sources": sources,
                "outlets": outlets,
            }
        )
    return result
