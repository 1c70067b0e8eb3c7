"""Corpus-level merging of the keys ``resolve`` gives to names the gazetteer does not know.

Within one article an acronym meets its long form through ``find_acronyms``; across articles
the same body appears as "name:kr:foo-institute" and "name:foo-institute", as "KDI" and
"Korea Development Institute", or as "person-lee-seong-kwon" and "person-lee-seongkwon".
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from tracker.claimants.gazetteer import acronym_minor_words
from tracker.claimants.normalize import slug

_NAME = re.compile(r"^name:(?:([a-z]{2}):)?(.+)$")


class _Groups:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _is_unknown(key: str) -> bool:
    return key.startswith(("name:", "person-", "type:"))


_UMLAUT_SPELLING = re.compile(r"(?<=[a-z])(ae|oe|ue)")


def _folded(slug: str) -> str:
    """One spelling of a name with or without its umlauts: slugs write "ö" as "oe" ("bingoel")
    while English texts drop the dots ("bingol"); hyphens do not count either."""
    return _UMLAUT_SPELLING.sub(lambda m: m.group(1)[0], slug.replace("-", ""))


@functools.cache
def _minor_slugs() -> frozenset[str]:
    """The acronym-minor words as they appear in name keys ("für" -> "fuer")."""
    return frozenset(slug([w]) for w in acronym_minor_words()) - {""}


def _initials(slug: str) -> set[str]:
    words = slug.split("-")
    return {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _minor_slugs())}


def _link_names(keys: list[str], groups: _Groups) -> None:
    by_slug: dict[str, list[tuple[str | None, str]]] = defaultdict(list)
    for key in keys:
        m = _NAME.match(key)
        if m:
            by_slug[_folded(m.group(2))].append((m.group(1), key))
    for variants in by_slug.values():
        countries = {c for c, _ in variants if c}
        for country, key in variants:
            # One country among the variants: the bare name is that country's body.
            if country or len(countries) <= 1:
                same = [k for c, k in variants if c == country or (not c and len(countries) <= 1)]
                for other in same:
                    groups.union(other, key)
    long_forms: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        m = _NAME.match(key)
        if m and "-" in m.group(2):
            for initials in _initials(m.group(2)):
                long_forms[initials].append(key)
    for key in keys:
        m = _NAME.match(key)
        if m and "-" not in m.group(2) and len(m.group(2)) <= 6:
            targets = {groups.find(k) for k in long_forms.get(m.group(2), [])}
            if len(targets) == 1:
                groups.union(key, targets.pop())


# Letters a word keeps when the German and English names of one body are compared: enough to
# tell words apart, few enough that a stem and its translation's cognate agree ("institut" /
# "institute", "meteorologi" / "meteorology", "universitaet" / "university").
_COGNATE_LETTERS = 5


def _word_bag(slug: str) -> tuple[str, ...] | None:
    """The words of a name in any order, minor words left out, each cut to its first letters
    ("Election Lab der Universität von Florida" = "University of Florida Election Lab");
    None for a name of fewer than three such words (too little to tell two bodies apart)."""
    words = [
        _UMLAUT_SPELLING.sub(lambda m: m.group(1)[0], w)[:_COGNATE_LETTERS]
        for w in slug.split("-")
        if w and w not in _minor_slugs()
    ]
    return tuple(sorted(words)) if len(words) >= 3 else None


def _link_translations(keys: list[str], groups: _Groups) -> None:
    """The German and the English name of one unknown body ("Max-Planck-Institut für
    Meteorologie" / "Max Planck Institute for Meteorology"): the same words in another order,
    with another ending, of one country (or none)."""
    by_bag: dict[tuple[str, ...], list[tuple[str | None, str]]] = defaultdict(list)
    for key in keys:
        m = _NAME.match(key)
        bag = _word_bag(m.group(2)) if m else None
        if bag:
            by_bag[bag].append((m.group(1), key))
    for variants in by_bag.values():
        countries = {c for c, _ in variants if c}
        if len(countries) <= 1:
            for _, key in variants[1:]:
                groups.union(key, variants[0][1])


# Latin spellings of one name in German and English texts ("Umerow"/"Umerov",
# "Selenskyj"/"Zelensky", "Yurii"/"Yuriy", "Chodorkowski"/"Khodorkovsky"): these letters and
# letter groups are read as one, in this order, before doubled letters collapse.
_TRANSLITERATION = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("zh", "sh"),
    ("kh", "ch"),
    # German "z" is English "ts" ("Kosyzkyj"/"Kozytskyi"); German "s" is English "z" below
    ("ts", "z"),
    ("tz", "z"),
    ("w", "v"),
    ("j", "i"),
    ("y", "i"),
    ("z", "s"),
)
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiou]+")


def _transliterated(word: str) -> str:
    """One spelling of a name word across transliterations (see ``_TRANSLITERATION``)."""
    word = _UMLAUT_SPELLING.sub(lambda m: m.group(1)[0], word)
    for written, read in _TRANSLITERATION:
        word = word.replace(written, read)
    return _DOUBLED.sub(r"\1", word)


def _person_keys(key: str) -> tuple[str, str | None, tuple[str, ...]]:
    """A person key's transliteration-folded spelling; for long names (six consonants or more
    to tell them apart) also the same first name with the vowels of the rest left out, and
    those vowel groups ("Seong-kweun"/"Seong Kwon" differ only in "eu"/"o")."""
    words = [_transliterated(w) for w in key.removeprefix("person-").split("-") if w]
    folded = "".join(words)
    rest = "".join(words[1:])
    if len(words) < 2 or len(_VOWELS.sub("", folded)) < 6:
        return folded, None, ()
    return folded, f"{words[0]}|{len(words)}|{_VOWELS.sub('a', rest)}", tuple(_VOWELS.findall(rest))


def _vowels_differ_in_spelling(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Vowel groups that may transliterate one sound: where they differ, one side writes two
    or more vowels ("eu"/"o", "eo"/"u"); a single vowel for another ("Scholz"/"Schulz") is a
    different name."""
    if len(a) != len(b):
        return False
    return all(x == y or max(len(x), len(y)) >= 2 for x, y in zip(a, b, strict=True))


def _link_persons(keys: list[str], groups: _Groups) -> None:
    compact: dict[str, list[str]] = defaultdict(list)
    loose: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for key in keys:
        if key.startswith("person-"):
            folded, looser, vowels = _person_keys(key)
            compact[folded].append(key)
            if looser:
                loose[looser].append((key, vowels))
    for variants in compact.values():
        for other in variants[1:]:
            groups.union(other, variants[0])
    for similar in loose.values():
        for i, (key, vowels) in enumerate(similar):
            for other, other_vowels in similar[:i]:
                if _vowels_differ_in_spelling(vowels, other_vowels):
                    groups.union(key, other)


def _link_surnames(keys: list[str], groups: _Groups) -> None:
    """A surname alone ("Prokudin", "person-grandi" from "Flüchtlingskommissar Grandi") is the
    person of the corpus with that surname, when exactly one group of persons has it."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        if key.startswith("person-") and key.count("-") >= 2:
            surname = _transliterated(key.rsplit("-", 1)[1])
            by_surname[surname].add(groups.find(key))
    for key in keys:
        m = _NAME.match(key)
        word = key.removeprefix("person-") if key.startswith("person-") else None
        if m and m.group(1) is None and "-" not in m.group(2):
            word = m.group(2)
        if word is None or "-" in word or len(word) < 4:
            continue
        targets = {groups.find(k) for k in by_surname.get(_transliterated(word), ())}
        if len(targets) == 1:
            groups.union(key, targets.pop())


def _preference(key: str, count: int) -> tuple[bool, bool, bool, int, int, str]:
    """Gazetteer ids first, then names with a country, long forms over acronyms and full names
    over a surname alone, frequent ones."""
    m = _NAME.match(key)
    no_country = m is None or m.group(1) is None
    short = "-" not in m.group(2) if m else key.startswith("person-") and key.count("-") == 1
    return (_is_unknown(key), no_country, short, -count, len(key), key)


def merge_variants(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map every claimant key to the representative of its group. ``pairs`` are (claimant key,
    name as written) for the claims of a corpus; the representative is a gazetteer id when the
    group has one, else the most frequent key (then the shortest, then the first in order)."""
    counts: Counter[str] = Counter()
    for key, _name in pairs:
        if key:
            counts[key] += 1
    keys = sorted(counts)
    groups = _Groups()
    for key in keys:
        groups.find(key)
    _link_names(keys, groups)
    _link_translations(keys, groups)
    _link_persons(keys, groups)
    _link_surnames(keys, groups)
    members: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        members[groups.find(key)].append(key)
    result: dict[str, str] = {}
    for group in members.values():
        best = min(group, key=lambda k: _preference(k, counts[k]))
        for key in group:
            result[key] = best
    return result
