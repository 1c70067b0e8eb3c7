"""Acronyms a text defines, in both directions: "National Intelligence Service (NIS)",
"NIS (National Intelligence Service)", "des Bundesnachrichtendienstes (BND)"."""

from __future__ import annotations

import re

from tracker.claimants.gazetteer import acronym_minor_words, country_words
from tracker.claimants.normalize import normalize_typography

_PAREN = re.compile(r"\(\s*([^()]{1,120}?)\s*\)")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü&]{1,9}$")
_WORD = re.compile(r"[^\W\d_][\w'&-]*")
_BOUNDARY = re.compile(r"[.;:!?\n()\[\]]|,\s")
_MAX_WORDS = 10
# German adjective endings ("südkoreanischen" of "südkoreanisch") and the English possessive
_COUNTRY_ENDINGS = ("'s", "en", "em", "er", "es", "e")


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2


def _initials_match(acronym: str, words: list[str]) -> bool:
    letters = acronym.replace("&", "").casefold()
    if not words or words[0][:1].casefold() != letters[:1]:
        return False
    initials = "".join(w[0] for w in words).casefold()
    content = "".join(w[0] for w in words if w.casefold() not in acronym_minor_words()).casefold()
    return letters in (initials, content)


def _compound_match(acronym: str, words: list[str]) -> bool:
    """German compounds: BND in "Bundesnachrichtendienst" (letters in order, same first)."""
    letters = acronym.replace("&", "").casefold()
    content = [w for w in words if w.casefold() not in acronym_minor_words()]
    if not content or not words[0][:1].isupper() or words[0][:1].casefold() != letters[:1]:
        return False
    if len(content) > len(letters):
        return False
    rest = iter("".join(words).casefold())
    return all(ch in rest for ch in letters)


def _is_country(words: list[str]) -> bool:
    """ "South Korea's", "südkoreanischen", "Seoul's": a country's name, adjective or capital,
    possessive or inflected."""
    phrase = " ".join(words).casefold()
    known = country_words()
    return phrase in known or any(
        phrase.endswith(e) and phrase[: -len(e)] in known for e in _COUNTRY_ENDINGS
    )


def _with_country(words: list[str], n: int) -> str:
    """The long form of the last ``n`` words, with the country word right before it that says
    whose body it is ("South Korea's Joint Chiefs of Staff (JCS)": the JCS is South Korea's)."""
    for k in (3, 2, 1):
        if n + k <= len(words) and _is_country(words[-n - k : -n]):
            return " ".join(words[-n - k :])
    return " ".join(words[-n:])


def _long_form_before(acronym: str, before: str) -> str | None:
    """The shortest run of words ending right before the bracket that spells the acronym, with
    a country word right before it."""
    cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
    words = _WORD.findall(before[cut:])[-_MAX_WORDS:]
    for match in (_initials_match, _compound_match):
        for n in range(1, len(words) + 1):
            if match(acronym, words[-n:]):
                return _with_country(words, n)
    return None


def find_acronyms(text: str) -> dict[str, str]:
    """Acronym -> long form, for every definition in the text (the first one wins)."""
    text = normalize_typography(text)
    found: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        inside = m.group(1)
        before = text[: m.start()].rstrip()
        if _is_acronym(inside):
            long_form = _long_form_before(inside, before)
            if long_form:
                found.setdefault(inside, long_form)
            continue
        previous = _WORD.findall(before[-15:])
        words = _WORD.findall(inside)
        if not previous or not _is_acronym(previous[-1]) or len(words) > _MAX_WORDS:
            continue
        if _initials_match(previous[-1], words) or _compound_match(previous[-1], words):
            found.setdefault(previous[-1], " ".join(words))
    return found
