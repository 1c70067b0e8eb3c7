"""The claimant gazetteer: ``extract/lang/<code>/claimants.toml``, loaded once and validated.

Every language folder has the file; the languages with data carry the same claimant, country and
type ids, with the same type, country, affiliation and primary flag (only names and aliases are
per language). A bad entry raises ``ConfigError`` naming the file and the key, at load time.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError

LANG_DIR = Path(__file__).resolve().parent.parent / "extract" / "lang"
FILE_NAME = "claimants.toml"
FALLBACK_LANG = "en"
PERSON_TYPE = "person"
WORD_LISTS = (
    "leading",
    "trailing",
    "connectors",
    "generic",
    "official",
    "org_words",
    "name_particles",
    "acronym_minor",
    "stem_endings",
    "place_links",
    "topic_links",
    "place_modifiers",
    "place_adjective_endings",
    "not_name_endings",
    "thing_pronouns",
    "anonymous_voices",
    "counting_words",
)
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO = re.compile(r"^[A-Z]{2}$")
_CLAIMANT_KEYS = {"name", "type", "country", "aliases", "primary", "affiliation", "seats"}
_SHARED_FIELDS = ("type", "country", "primary", "affiliation")


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class InstitutionType:
    id: str
    label: str
    heads: tuple[str, ...]
    broader: str | None
    many: bool = False  # a country has many of them (companies, parties): no "type:" key


@dataclass(frozen=True, slots=True)
class Claimant:
    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    primary: bool
    affiliation: str | None
    seats: tuple[str, ...] = ()  # the towns a text may name it by ("die Wiesbadener Statistiker")

    @property
    def is_person(self) -> bool:
        return self.type == PERSON_TYPE


@dataclass(frozen=True)
class Gazetteer:
    """One language's claimant data, as written in its file (see the file's header)."""

    lang: str
    path: Path
    words: dict[str, tuple[str, ...]]
    roles: tuple[str, ...]
    typed_titles: dict[str, tuple[str, ...]]
    countries: dict[str, Country]
    types: dict[str, InstitutionType]
    claimants: dict[str, Claimant]

    def narrower_types(self, type_id: str) -> frozenset[str]:
        """The type and every type below it ("intelligence" -> also "military-intelligence");
        computed once per type (the coreference of every claim asks)."""
        known = self.__dict__.setdefault("narrower_cache", {})
        if type_id not in known:
            known[type_id] = self._narrower_types(type_id)
        return known[type_id]

    def _narrower_types(self, type_id: str) -> frozenset[str]:
        found = {type_id}
        changed = True
        while changed:
            changed = False
            for t in self.types.values():
                if t.broader in found and t.id not in found:
                    found.add(t.id)
                    changed = True
        return frozenset(found)


class _File:
    """Typed access to one TOML file; every failure names the file and the key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: claimant data file is missing") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path}: not valid TOML ({err})") from None

    def fail(self, key: str, reason: str) -> ConfigError:
        return ConfigError(f"{self.path}: key {key!r} {reason}")

    def table(self, node: Any, key: str) -> dict[str, Any]:
        if not isinstance(node, dict):
            raise self.fail(key, "must be a table")
        return node

    def child(self, node: dict[str, Any], name: str, key: str) -> Any:
        if name not in node:
            raise self.fail(key, "is missing")
        return node[name]

    def strings(self, node: Any, key: str) -> tuple[str, ...]:
        if not isinstance(node, list) or not all(isinstance(x, str) and x.strip() for x in node):
            raise self.fail(key, "must be a list of non-empty strings")
        return tuple(node)

    def string(self, node: Any, key: str) -> str:
        if not isinstance(node, str) or not node.strip():
            raise self.fail(key, "must be a non-empty string")
        return node


def _words(
    f: _File,
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...], dict[str, tuple[str, ...]]]:
    words = f.table(f.child(f.raw, "words", "words"), "words")
    lists = {n: f.strings(f.child(words, n, f"words.{n}"), f"words.{n}") for n in WORD_LISTS}
    titles = f.table(f.child(f.raw, "titles", "titles"), "titles")
    roles = f.strings(f.child(titles, "roles", "titles.roles"), "titles.roles")
    typed_raw = f.table(f.child(titles, "typed", "titles.typed"), "titles.typed")
    typed = {k: f.strings(v, f"titles.typed.{k}") for k, v in typed_raw.items()}
    return lists, roles, typed


def _countries(f: _File) -> dict[str, Country]:
    out = {}
    for iso, node in f.table(f.child(f.raw, "countries", "countries"), "countries").items():
        key = f"countries.{iso}"
        if not _ISO.match(iso):
            raise f.fail(key, "must be an ISO 3166 alpha-2 code in capitals")
        node = f.table(node, key)
        names = f.strings(f.child(node, "names", f"{key}.names"), f"{key}.names")
        if not names:
            raise f.fail(f"{key}.names", "must name the country at least once")
        out[iso] = Country(
            iso,
            names,
            f.strings(node.get("adjectives", []), f"{key}.adjectives"),
            f.strings(node.get("capitals", []), f"{key}.capitals"),
        )
    return out


def _types(f: _File) -> dict[str, InstitutionType]:
    out = {}
    for tid, node in f.table(f.child(f.raw, "types", "types"), "types").items():
        key = f"types.{tid}"
        node = f.table(node, key)
        broader = node.get("broader")
        if broader is not None:
            broader = f.string(broader, f"{key}.broader")
        many = node.get("many", False)
        if not isinstance(many, bool):
            raise f.fail(f"{key}.many", "must be true or false")
        out[tid] = InstitutionType(
            tid,
            f.string(f.child(node, "label", f"{key}.label"), f"{key}.label"),
            # records only this type issues ("Endergebnis": an election's result is the
            # electoral authority's) name it like its heads
            f.strings(f.child(node, "heads", f"{key}.heads"), f"{key}.heads")
            + f.strings(node.get("records", []), f"{key}.records"),
            broader,
            many,
        )
    for t in out.values():
        if t.broader is not None and t.broader not in out:
            raise f.fail(f"types.{t.id}.broader", f"names an unknown type {t.broader!r}")
    return out


def _claimant(f: _File, cid: str, node: Any, g_types: dict, g_countries: dict) -> Claimant:
    key = f"claimants.{cid}"
    if not _ID.match(cid):
        raise f.fail(key, "must be lower-case words joined by '-'")
    node = f.table(node, key)
    unknown = set(node) - _CLAIMANT_KEYS
    if unknown:
        raise f.fail(f"{key}.{sorted(unknown)[0]}", "is not a claimant field")
    ctype = f.string(f.child(node, "type", f"{key}.type"), f"{key}.type")
    if ctype not in g_types:
        raise f.fail(f"{key}.type", f"names an unknown type {ctype!r}")
    country = node.get("country")
    if country is not None and f.string(country, f"{key}.country") not in g_countries:
        raise f.fail(f"{key}.country", f"names an unknown country {country!r}")
    primary = node.get("primary", False)
    if not isinstance(primary, bool):
        raise f.fail(f"{key}.primary", "must be true or false")
    affiliation = node.get("affiliation")
    if affiliation is not None:
        f.string(affiliation, f"{key}.affiliation")
        if ctype != PERSON_TYPE:
            raise f.fail(f"{key}.affiliation", "is only for persons")
    return Claimant(
        cid,
        f.string(f.child(node, "name", f"{key}.name"), f"{key}.name"),
        ctype,
        country,
        f.strings(node.get("aliases", []), f"{key}.aliases"),
        primary,
        affiliation,
        f.strings(node.get("seats", []), f"{key}.seats"),
    )


def _claimants(f: _File, g_types: dict, g_countries: dict) -> dict[str, Claimant]:
    table = f.table(f.child(f.raw, "claimants", "claimants"), "claimants")
    out = {cid: _claimant(f, cid, node, g_types, g_countries) for cid, node in table.items()}
    primaries: dict[tuple[str | None, str], str] = {}
    for c in out.values():
        if c.affiliation is not None and c.affiliation not in out:
            raise f.fail(
                f"claimants.{c.id}.affiliation", f"names an unknown claimant {c.affiliation!r}"
            )
        if c.primary:
            other = primaries.setdefault((c.country, c.type), c.id)
            if other != c.id:
                raise f.fail(
                    f"claimants.{c.id}.primary", f"is also set on {other!r} (same country and type)"
                )
    return out


def parse_file(path: Path, lang: str) -> Gazetteer:
    """Read and validate one claimants.toml (no cross-language checks)."""
    f = _File(path)
    words, roles, typed = _words(f)
    countries = _countries(f)
    types = _types(f)
    for tid in typed:
        if tid not in types:
            raise f.fail(f"titles.typed.{tid}", "names an unknown type")
    if countries and PERSON_TYPE not in types:
        raise f.fail(f"types.{PERSON_TYPE}", "is missing")
    claimants = _claimants(f, types, countries)
    return Gazetteer(lang, path, words, roles, typed, countries, types, claimants)


def _shared_view(g: Gazetteer) -> dict[str, Any]:
    return {
        "claimants": {
            c.id: {k: getattr(c, k) for k in _SHARED_FIELDS} for c in g.claimants.values()
        },
        "countries": {iso: {} for iso in g.countries},
        "types": {t.id: {"broader": t.broader, "many": t.many} for t in g.types.values()},
    }


def check_agreement(gazetteers: list[Gazetteer]) -> None:
    """Languages with claimant data must share ids and language-independent fields."""
    with_data = [g for g in gazetteers if g.claimants]
    if len(with_data) < 2:
        return
    ref = with_data[0]
    ref_view = _shared_view(ref)
    for g in with_data[1:]:
        view = _shared_view(g)
        for table, entries in ref_view.items():
            for key in sorted(set(entries) | set(view[table])):
                if key not in view[table]:
                    raise ConfigError(
                        f"{g.path}: key '{table}.{key}' is missing (present in {ref.path})"
                    )
                if key not in entries:
                    raise ConfigError(f"{g.path}: key '{table}.{key}' is not in {ref.path}")
                for field, value in entries[key].items():
                    if view[table][key][field] != value:
                        raise ConfigError(
                            f"{g.path}: key '{table}.{key}.{field}' is {view[table][key][field]!r}"
                            f" but {value!r} in {ref.path}"
                        )


def available_languages() -> tuple[str, ...]:
    return tuple(sorted(p.name for p in LANG_DIR.iterdir() if (p / FILE_NAME).exists()))


@functools.cache
def load_all() -> dict[str, Gazetteer]:
    """Every language's gazetteer, validated and checked against each other; once per process."""
    loaded = {lang: parse_file(LANG_DIR / lang / FILE_NAME, lang) for lang in available_languages()}
    check_agreement(list(loaded.values()))
    return loaded


def data_language(lang: str) -> str:
    """The language whose data resolves names of ``lang``: itself when it has claimants, else
    English (the ``und`` folder and languages without a folder)."""
    loaded = load_all()
    if lang in loaded and loaded[lang].claimants:
        return lang
    return FALLBACK_LANG


@functools.cache
def acronym_minor_words() -> frozenset[str]:
    """Words an acronym may leave out, from every language's ``[words] acronym_minor`` (a name
    of one language is often cited in another), case-folded."""
    return frozenset(w.casefold() for g in load_all().values() for w in g.words["acronym_minor"])


@functools.cache
def country_words() -> frozenset[str]:
    """Every language's country names, adjectives and capitals, case-folded ("south korea",
    "südkoreanisch", "seoul"): the words that may say whose a body is."""
    return frozenset(
        w.casefold()
        for g in load_all().values()
        for c in g.countries.values()
        for w in (*c.names, *c.adjectives, *c.capitals)
    )


@functools.cache
def stem_endings(lang: str) -> tuple[str, ...]:
    """The endings ``[words] stem_endings`` of ``lang`` cuts from lemmas (none without data)."""
    loaded = load_all().get(lang)
    return loaded.words["stem_endings"] if loaded else ()


def load_gazetteer(lang: str) -> Gazetteer:
    """The gazetteer used for texts in ``lang`` (see ``data_language``)."""
    return load_all()[data_language(lang)]
