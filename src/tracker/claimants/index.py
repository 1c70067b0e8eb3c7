"""Phrase index over one gazetteer: every alias, country word, type head, title and cue word in
its normalised token form, so a name is labelled by longest match in one pass."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from enum import IntEnum

from tracker.claimants.gazetteer import Claimant, Gazetteer, load_all
from tracker.claimants.normalize import norms
from tracker.errors import ConfigError


class Kind(IntEnum):
    """What a phrase is; a lower value wins when one phrase is several things."""

    ALIAS = 0
    TYPE = 1
    COUNTRY = 2
    TITLE = 3
    OFFICIAL = 4
    GENERIC = 5
    CONNECTOR = 6


@dataclass(frozen=True, slots=True)
class Entry:
    kind: Kind
    value: str  # claimant id, type id, ISO code, a typed title's type ("" for a plain role)
    source: str  # the phrase as written in the data file (for error messages)


@dataclass(frozen=True)
class PhraseIndex:
    gazetteer: Gazetteer
    phrases: dict[tuple[str, ...], Entry]
    longest: int
    leading: frozenset[tuple[str, ...]]
    trailing: frozenset[tuple[str, ...]]
    org_words: frozenset[str]
    org_words_written: frozenset[str]  # as written, case-folded ("times", not its lemma "tim")
    name_particles: frozenset[str]
    title_suffixes: tuple[tuple[str, Entry], ...]
    title_suffix_words: tuple[str, ...]
    # German compounds ending in an official's word ("Geheimdienstvertreter"): split only when
    # the part before it names a body, type or country
    official_suffixes: tuple[tuple[str, Entry], ...]
    org_suffixes: tuple[str, ...]
    generic_suffixes: tuple[str, ...]  # "forscher", "mitarbeiter": a compound ending in one
    place_links: frozenset[str]  # "in", "aus": a place after one belongs to the body before it
    topic_links: frozenset[str]  # "für": what a report is about ("Schätzung für das Quartal")
    place_modifiers: frozenset[str]  # "based": "Warsaw-based" says where, not whose
    place_adjective_endings: tuple[str, ...]  # "Münchner Institut": a place adjective
    not_name_endings: tuple[str, ...]  # "Polizeilichen", "Unterrichtung": no word of a name
    anonymous_voices: frozenset[str]  # "officials", "Regierungskreise": a country's insiders
    counting_words: frozenset[str]  # "two", "mehrere": how many voices, naming none of them
    seats: dict[str, tuple[str, ...]]  # a town's word -> the claimants seated there
    # the first part of a name with a German ellipsis ("Bundesverband der Energie" of
    # "Bundesverband der Energie- und Wasserwirtschaft") -> the claimant, when only one has it
    ellipsis_heads: dict[tuple[str, ...], str]
    by_country_type: dict[tuple[str | None, str], tuple[Claimant, ...]]

    def claimant(self, cid: str) -> Claimant:
        return self.gazetteer.claimants[cid]


class _Builder:
    def __init__(self, g: Gazetteer) -> None:
        self.g = g
        self.phrases: dict[tuple[str, ...], Entry] = {}

    def add(self, phrase: str, entry: Entry, key: str) -> None:
        tokens = norms(phrase, self.g.lang)
        if not tokens:
            raise ConfigError(f"{self.g.path}: key {key!r}: {phrase!r} is empty once normalised")
        old = self.phrases.get(tokens)
        if old is None or entry.kind < old.kind:
            self.phrases[tokens] = entry
        elif old.kind == entry.kind and old.value != entry.value and entry.kind in _EXCLUSIVE:
            raise ConfigError(
                f"{self.g.path}: key {key!r}: {phrase!r} reads the same as {old.source!r}"
                f" of {old.value!r}"
            )


_EXCLUSIVE = {Kind.ALIAS, Kind.TYPE, Kind.COUNTRY}


def _add_claimants(b: _Builder, g: Gazetteer) -> None:
    for c in g.claimants.values():
        for alias in dict.fromkeys((c.name, *c.aliases)):
            b.add(alias, Entry(Kind.ALIAS, c.id, alias), f"claimants.{c.id}.aliases")


def _add_vocabulary(b: _Builder, g: Gazetteer) -> None:
    for t in g.types.values():
        for head in t.heads:
            b.add(head, Entry(Kind.TYPE, t.id, head), f"types.{t.id}.heads")
    for country in g.countries.values():
        for field in ("names", "adjectives", "capitals"):
            for word in getattr(country, field):
                b.add(
                    word, Entry(Kind.COUNTRY, country.iso, word), f"countries.{country.iso}.{field}"
                )
    for role in g.roles:
        b.add(role, Entry(Kind.TITLE, "", role), "titles.roles")
    for tid, titles in g.typed_titles.items():
        for title in titles:
            b.add(title, Entry(Kind.TITLE, tid, title), f"titles.typed.{tid}")
    for name, kind in (
        ("official", Kind.OFFICIAL),
        ("generic", Kind.GENERIC),
        ("connectors", Kind.CONNECTOR),
    ):
        for word in g.words[name]:
            b.add(word, Entry(kind, "", word), f"words.{name}")


def _phrase_set(g: Gazetteer, name: str) -> frozenset[tuple[str, ...]]:
    return frozenset(t for w in g.words[name] if (t := norms(w, g.lang)))


def _group(g: Gazetteer) -> dict[tuple[str | None, str], tuple[Claimant, ...]]:
    groups: dict[tuple[str | None, str], list[Claimant]] = defaultdict(list)
    for c in g.claimants.values():
        groups[(c.country, c.type)].append(c)
    return {k: tuple(v) for k, v in groups.items()}


def _seats(g: Gazetteer) -> dict[str, tuple[str, ...]]:
    """Each town word (one word once normalised: "Wiesbaden", "Münchner") and the claimants
    whose ``seats`` name it; the town's adjectives with a place-adjective ending too
    ("Wiesbadener")."""
    seats: dict[str, list[str]] = defaultdict(list)
    for c in g.claimants.values():
        for seat in c.seats:
            words = norms(seat, g.lang)
            if len(words) != 1:
                raise ConfigError(
                    f"{g.path}: key 'claimants.{c.id}.seats': {seat!r} must be one word"
                )
            forms = {words[0]}
            for ending in g.words["place_adjective_endings"]:
                forms.update(norms(seat + ending, g.lang))
            for form in forms:
                if c.id not in seats[form]:
                    seats[form].append(c.id)
    return {k: tuple(v) for k, v in seats.items()}


# "Energie- und Wasserwirtschaft", "Gesundheitsmetrik und -bewertung": a word cut short before
# a conjunction (or after one), completed by the next word
_ELLIPSIS = re.compile(r"(?<=\w)-\s+(?:und|oder|and|or)\s|\s(?:und|oder|and|or)\s+-(?=\w)")


def _ellipsis_heads(g: Gazetteer) -> dict[tuple[str, ...], str]:
    """Names written with an ellipsis are often cut at it by the text ("nach Angaben des
    Bundesverbands der Energie- und ..." read up to "Energie"): the words before the ellipsis,
    three or more, name the claimant when no other claimant's name starts so."""
    heads: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for c in g.claimants.values():
        for alias in (c.name, *c.aliases):
            m = _ELLIPSIS.search(alias)
            if m is None:
                continue
            words = norms(alias[: m.start()], g.lang)
            if len(words) >= 3:
                heads[words].add(c.id)
    return {words: next(iter(ids)) for words, ids in heads.items() if len(ids) == 1}


def build_index(g: Gazetteer) -> PhraseIndex:
    """Index one gazetteer; an alias, type head or country word that reads the same as another
    one of a different id is a ``ConfigError``."""
    b = _Builder(g)
    _add_claimants(b, g)
    _add_vocabulary(b, g)
    suffixes = tuple(
        (p[0], e)
        for p, e in b.phrases.items()
        if e.kind == Kind.TITLE and len(p) == 1 and len(p[0]) >= 4
    )
    return PhraseIndex(
        gazetteer=g,
        phrases=b.phrases,
        longest=max((len(p) for p in b.phrases), default=1),
        leading=_phrase_set(g, "leading"),
        trailing=_phrase_set(g, "trailing"),
        org_words=frozenset(w for x in g.words["org_words"] for w in norms(x, g.lang)),
        org_words_written=frozenset(x.casefold() for x in g.words["org_words"]),
        name_particles=frozenset(w.casefold() for w in g.words["name_particles"]),
        title_suffixes=tuple(sorted(suffixes, key=lambda s: -len(s[0]))),
        title_suffix_words=tuple(s for s, _ in suffixes),
        official_suffixes=tuple(
            sorted(
                (
                    (p[0], e)
                    for p, e in b.phrases.items()
                    if e.kind == Kind.OFFICIAL and len(p) == 1 and len(p[0]) >= 6
                ),
                key=lambda s: -len(s[0]),
            )
        ),
        org_suffixes=tuple(
            w for x in g.words["org_words"] for w in norms(x, g.lang) if len(w) >= 4
        ),
        generic_suffixes=tuple(
            p[0]
            for p, e in b.phrases.items()
            if e.kind == Kind.GENERIC and len(p) == 1 and len(p[0]) >= 5
        ),
        place_links=frozenset(w for x in g.words["place_links"] for w in norms(x, g.lang)),
        topic_links=frozenset(w for x in g.words["topic_links"] for w in norms(x, g.lang)),
        place_modifiers=frozenset(w for x in g.words["place_modifiers"] for w in norms(x, g.lang)),
        place_adjective_endings=g.words["place_adjective_endings"],
        not_name_endings=tuple(w.casefold() for w in g.words["not_name_endings"]),
        anonymous_voices=frozenset(
            w for x in g.words["anonymous_voices"] for w in norms(x, g.lang)
        ),
        counting_words=frozenset(w for x in g.words["counting_words"] for w in norms(x, g.lang)),
        seats=_seats(g),
        ellipsis_heads=_ellipsis_heads(g),
        by_country_type=_group(g),
    )


@functools.cache
def index_for(data_lang: str) -> PhraseIndex:
    """The phrase index of a data language (built once per process)."""
    return build_index(load_all()[data_lang])
