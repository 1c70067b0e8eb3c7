"""Words across languages from the FreeDict dictionaries (Debian's ``dict-freedict-deu-eng``
and ``dict-freedict-eng-deu``, dictd format, in ``$TRACKER_DICTIONARIES``).

A user defines a quantity in the words of the story ("cocaine", "ticket", "poultry"); the
extractor names a counted noun that no table knows by its own lemma, in its own language
("kokain", "eintrittskarte", "geflügel"). ``translations`` bridges the two: the other
language's words a dictionary gives for a word (as lower-cased lemmas, every sense). Only
words are looked up, never sentences; nothing is downloaded. Without the dictionaries
(another system, not installed) it finds nothing and assignment works as before.

The dictd files: ``<name>.index`` (one line per headword: word, offset and length in base64)
and ``<name>.dict.dz`` (dictzip: gzip in chunks of known size, so one entry is read by
inflating only its chunks).
"""

from __future__ import annotations

import functools
import mmap
import re
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

from tracker.config import settings

# (from, to) language -> dictionary name
DICTIONARIES = {("de", "en"): "freedict-deu-eng", ("en", "de"): "freedict-eng-deu"}
_B64 = {ch: i for i, ch in enumerate(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}
_MARKS = re.compile(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|/[^/]*/|\S+\.(?=\s|,|$)")
_TAG = re.compile(r"<([^>]*)>")
_NOUN_TAGS = frozenset({"n", "fem", "masc", "neut", "pl"})  # a noun's grammar marks
_MAX_SENSES = 12  # entries of one headword read at most


def _number(text: str) -> int:
    value = 0
    for ch in text:
        value = value * 64 + _B64[ch]
    return value


class Dictionary:
    """One dictd dictionary: entries by headword, read on demand."""

    def __init__(self, index: Path, data: Path) -> None:
        with index.open("rb") as f:  # mapped, not read: the pages stay the system's cache
            self._index = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        self._data = data
        with data.open("rb") as f:
            head = f.read(12)
            if head[:3] != b"\x1f\x8b\x08" or not head[3] & 4:
                raise ValueError(f"{data}: not a dictzip file")
            extra = f.read(struct.unpack("<H", head[10:12])[0])
            start = 12 + len(extra)
            if head[3] & 8:  # file name, zero-terminated
                while f.read(1) not in (b"\x00", b""):
                    start += 1
                start += 1
        pos = 0
        while pos + 4 <= len(extra):
            sub, size = extra[pos:pos + 2], struct.unpack("<H", extra[pos + 2:pos + 4])[0]
            if sub == b"RA":
                _, self._chunk, count = struct.unpack("<HHH", extra[pos + 4:pos + 10])
                sizes = struct.unpack(f"<{count}H", extra[pos + 10:pos + 10 + 2 * count])
                break
            pos += 4 + size
        else:
            raise ValueError(f"{data}: dictzip without a chunk table")
        self._offsets = [start]
        for size in sizes:
            self._offsets.append(self._offsets[-1] + size)
        # translations found so far (a process looks up the same words again: every
        # assignment and discovery of a database)
        self.looked_up: dict[str, frozenset[str]] = {}

    def _read(self, offset: int, length: int) -> str:
        first, last = offset // self._chunk, (offset + length - 1) // self._chunk
        out = bytearray()
        with self._data.open("rb") as f:
            for chunk in range(first, last + 1):
                f.seek(self._offsets[chunk])
                raw = f.read(self._offsets[chunk + 1] - self._offsets[chunk])
                out += zlib.decompressobj(-15).decompress(raw)
        begin = offset - first * self._chunk
        return bytes(out[begin:begin + length]).decode("utf-8", "replace")

    def entries(self, words: Iterable[str]) -> dict[str, list[str]]:
        """The entries of each word (as written, lower-cased or capitalised: German nouns), in
        one pass over the index."""
        forms: dict[bytes, str] = {}
        for word in words:
            for form in (word, word.lower(), word[:1].upper() + word[1:].lower()):
                forms.setdefault(form.encode("utf-8"), word)
        found: dict[str, list[str]] = {word: [] for word in forms.values()}
        if not forms:
            return found
        alternatives = b"|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        pattern = re.compile(rb"^(" + alternatives + rb")\t([^\t\n]+)\t([^\t\n]+)", re.M)
        for match in pattern.finditer(self._index):
            senses = found[forms[match.group(1)]]
            if len(senses) < _MAX_SENSES:
                senses.append(self._read(_number(match.group(2).decode()),
                                         _number(match.group(3).decode())))
        return found


def _is_noun(text: str) -> bool | None:
    """Whether the first grammar mark in ``text`` is a noun's; None without a mark."""
    tag = _TAG.search(text)
    if tag is None:
        return None
    return bool(_NOUN_TAGS & {t.strip() for t in tag.group(1).split(",")})


def glosses(entry: str, nouns: bool = True) -> list[str]:
    """The translations an entry gives: its lines after the headword up to the first one
    indented by two spaces or more (notes, examples, synonyms), split at commas, without
    grammar marks, pronunciations and abbreviations. ``nouns``: only nouns (a translation's
    own grammar mark, else the headword's: "<fem>", "<n>", "<fem, n, sg>")."""
    lines = entry.split("\n")
    head_noun = _is_noun(lines[0])
    out: list[str] = []
    for line in lines[1:]:
        if not line.strip() or line.startswith("  "):  # a note, an example, synonyms
            break
        for piece in line.split(","):
            own = _is_noun(piece)
            if nouns and not (own if own is not None else head_noun):
                continue
            words = " ".join(_MARKS.sub(" ", piece).split()).lower()
            if words:
                out.append(words)
    return out


@functools.cache
def _dictionary(source: str, target: str) -> Dictionary | None:
    name = DICTIONARIES.get((source, target))
    folder = settings().dictionaries
    if name is None:
        return None
    index, data = folder / f"{name}.index", folder / f"{name}.dict.dz"
    if not index.is_file() or not data.is_file():
        return None
    return Dictionary(index, data)


def available() -> bool:
    """Whether every dictionary is installed."""
    return all(_dictionary(s, t) is not None for s, t in DICTIONARIES)


def translations_of(words: Iterable[str], source: str, target: str) -> dict[str, frozenset[str]]:
    """``translations`` of many words in one pass over the dictionary's index."""
    from tracker.extract.concepts import lemmatize

    words = list(dict.fromkeys(w for w in words if w))
    book = _dictionary(source, target)
    if book is None:
        return {word: frozenset() for word in words}
    known = book.looked_up
    out: dict[str, frozenset[str]] = {w: known[w] for w in words if w in known}
    missing = [w for w in words if w not in known]
    for word, entries in (book.entries(missing) if missing else {}).items():
        found: set[str] = set()
        for entry in entries:
            for gloss in glosses(entry):
                parts = gloss.split()
                found.add("_".join(parts))
                if len(parts) <= 2:  # "admission ticket": its head; longer ones are phrases
                    found |= {parts[-1], lemmatize(parts[-1], target)}
        out[word] = known[word] = frozenset(w for w in found if w)
    return out



_WORD = re.compile(r"[^\W\d_]{4,}")


@functools.cache
def word_translations(word: str, source: str, target: str) -> frozenset[str]:
    """The one-word translations, of any part of speech, that the ``source``-``target``
    dictionary gives for ``word`` as written and for its lemma ("affected" -> betroffen,
    befallen; "seized" -> sichergestellt; "Entschädigung" -> compensation), lower-cased: how a
    user's state word (a participle, a verb, a noun) reads in the other language's text."""
    from tracker.extract.concepts import lemmatize

    book = _dictionary(source, target)
    if book is None or not word:
        return frozenset()
    found: set[str] = set()
    for entries in book.entries(dict.fromkeys([word, lemmatize(word, source)])).values():
        for entry in entries:
            found |= {g for g in glosses(entry, nouns=False) if _WORD.fullmatch(g)}
    return frozenset(found)


def translations(word: str, source: str, target: str) -> frozenset[str]:
    """The lower-cased lemmas the ``source``-``target`` dictionary gives for ``word`` (every
    sense of it as a noun): each translation as written ("admission_ticket") and, of one or
    two words, its head ("ticket"); empty when the dictionary is not installed or has no such
    word."""
    return translations_of([word], source, target).get(word, frozenset())


def translations_any(words: Iterable[str]) -> dict[str, frozenset[str]]:
    """``translations_of`` in every direction the dictionaries give, together (a user may
    write either language's word)."""
    words = list(dict.fromkeys(w for w in words if w))
    found: dict[str, set[str]] = {w: set() for w in words}
    for source, target in DICTIONARIES:
        for word, others in translations_of(words, source, target).items():
            found[word] |= others
    return {word: frozenset(others) for word, others in found.items()}


def word_translations_any(word: str) -> frozenset[str]:
    """``word_translations`` in every direction the dictionaries give, together."""
    return frozenset(t for source, target in DICTIONARIES
                     for t in word_translations(word, source, target))
