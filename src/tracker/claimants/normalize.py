"""Turn a name as written into comparable tokens: typography, possessives, hyphens, inflection.

Every name (a source from a text, or an alias from the gazetteer) goes through ``tokenize`` so
both sides meet in the same form. German inflection is undone with simplemma and then by
dropping one inflectional ending, so "der Vereinigten Staaten" and "die Vereinigte Staaten",
"Russlands" and "Russland", "südkoreanischen" and "südkoreanisch" meet.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from anyascii import anyascii

from tracker.lemmas import lemmatize

# Apostrophe look-alikes become "'", quotation marks disappear (they never belong to a name).
_TYPOGRAPHY = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201a": " ",
        "\u201e": " ",
        "\u201c": " ",
        "\u201d": " ",
        "\u00ab": " ",
        "\u00bb": " ",
        "\u2039": " ",
        "\u203a": " ",
        '"': " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u00ad": "",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_TOKEN = re.compile(r"[^\W_]+(?:['\-.][^\W_]+)*'?|[,;:()\u2013\u2014]")
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe"})
SEPARATOR = ","


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name: ``norm`` is the comparable form, ``text`` the word as written
    (without possessive), ``word`` the index of the written word it comes from (hyphenated
    words give several tokens), ``possessive`` marks "Korea's"."""

    norm: str
    text: str
    word: int
    possessive: bool = False

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def normalize_typography(text: str) -> str:
    """Unify apostrophes, drop quotation marks, collapse whitespace; "U.S." -> "US"."""
    text = text.translate(_TYPOGRAPHY)
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)
    return " ".join(text.split())


def _is_acronym(part: str) -> bool:
    # Short all-capital words keep their case, so "US" is not "us" and "WHO" is not "who".
    return len(part) <= 3 and part.isupper()


@functools.lru_cache(maxsize=65536)
def norm_word(part: str, lang: str) -> str:
    """The comparable form of one word (no spaces, no hyphens)."""
    if _is_acronym(part):
        return part
    if len(part) > 3 and part.isupper() and part.isalpha():
        # a longer acronym ("UNAIDS", "NATO") is no inflected word: its last letter is no ending
        return part.casefold()
    from tracker.claimants.gazetteer import stem_endings

    try:
        lemma = lemmatize(part, lang)
    except ValueError:  # a language simplemma does not know ("und")
        lemma = part
    lemma = lemma.casefold()
    for ending in stem_endings(lang):
        if lemma.endswith(ending) and len(lemma) - len(ending) >= 3:
            return lemma[: -len(ending)]
    return lemma


@functools.lru_cache(maxsize=65536)
def tokenize(text: str, lang: str) -> tuple[Token, ...]:
    """Tokens of a name; separators (commas, colons, brackets, dashes) become ``SEPARATOR``."""
    tokens: list[Token] = []
    for index, match in enumerate(_TOKEN.finditer(normalize_typography(text))):
        word = match.group(0)
        if not word[0].isalnum():
            tokens.append(Token(SEPARATOR, word, index))
            continue
        possessive = False
        if word.lower().endswith("'s"):
            word, possessive = word[:-2], True
        elif word.endswith("'"):
            word, possessive = word[:-1], True
        parts = [p for p in word.split("-") if p]
        for position, part in enumerate(parts):
            last = position == len(parts) - 1
            tokens.append(Token(norm_word(part, lang), part, index, possessive and last))
    return tuple(tokens)


@functools.lru_cache(maxsize=65536)
def norms(text: str, lang: str) -> tuple[str, ...]:
    """Just the comparable forms of a phrase from the data files (cached: the same phrases are
    looked up in the gazetteer again and again)."""
    return tuple(t.norm for t in tokenize(text, lang) if t.norm != SEPARATOR)


def slug(words: tuple[str, ...] | list[str]) -> str:
    """ASCII, lower case, words joined by "-": "Institut für Weltwirtschaft" ->
    "institut-fuer-weltwirtschaft". German umlauts are spelt out; every other letter is
    transliterated by ``anyascii`` ("Władysław" -> "wladyslaw", "Đoković" -> "dokovic"), so a
    name keeps all its letters whichever script or diacritics it was written with."""
    joined = " ".join(words).casefold().translate(_TRANSLIT)
    ascii_text = anyascii(joined).casefold().replace("'", "")
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))
