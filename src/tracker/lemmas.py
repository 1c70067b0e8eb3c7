"""simplemma's lemmatizer with its dictionaries read from a memory-mapped cache.

simplemma decodes its front-coded German dictionary (1.1M entries) into a Python dict on first
use: ~1.6 s of CPU and ~150 MB per process (English: 0.27 s). Every ``tracker`` process that
extracts or resolves claimants paid it, the ingest's forkserver before any worker could start.
Here the decoded entries are written once into a hash table file (per language, in
``$XDG_CACHE_HOME/tracker/lemmas``, default ``~/.cache/tracker/lemmas``) that later processes map
into memory: opening it costs milliseconds, its pages are shared by every process through the
page cache, and a lookup returns exactly what simplemma's own dict returns, so ``lemmatize``
gives simplemma's lemma for every word (same strategies, same order, same fallback).

The file's name carries simplemma's version and a digest of the shipped dictionary file, so a
new simplemma (or changed dictionary data) builds a new file; a file is written under a temporary
name and renamed, so a reader never sees half of one; a file whose header or size does not match
is rebuilt. Where nothing can be written, the dict is decoded in memory as simplemma does.
"""

from __future__ import annotations

import functools
import hashlib
import mmap
import os
import struct
import tempfile
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries.dictionary_factory import (
    DATA_FOLDER,
    SUPPORTED_LANGUAGES,
    CachingDictionaryFactory,
    DecodedStrMapping,
    DefaultDictionaryFactory,
)

from tracker.config import cache_dir as config_cache_dir

_MAGIC = b"TRKLEM1\0"
# magic, entry count, slot count (a power of two), size of the whole file
_HEADER = struct.Struct("<8sQQQ")
_LENGTHS = struct.Struct("<HH")


def cache_dir() -> Path:
    """Where the mapped dictionaries live: ``lemmas/`` in the cache folder of
    ``tracker.config.cache_dir`` (``$TRACKER_CACHE_DIR``, default ``~/.cache/tracker``)."""
    return config_cache_dir() / "lemmas"


def cache_path(lang: str, directory: Path | None = None) -> Path:
    """The cache file of ``lang``'s dictionary for the installed simplemma and its data file."""
    source = DATA_FOLDER / f"{lang}.plzma"
    digest = hashlib.blake2b(source.read_bytes(), digest_size=8).hexdigest()
    name = f"{lang}-simplemma{simplemma.__version__}-{digest}.map"
    return (directory or cache_dir()) / name


def _slot_count(entries: int) -> int:
    slots = 1024
    while slots < 2 * entries:  # at most half full: few probes per lookup
        slots *= 2
    return slots


def build(dictionary: Mapping[str, str], target: Path) -> None:
    """Write ``dictionary`` as a hash table file at ``target`` (atomically: temporary file,
    then rename). Layout: header, slots (8 bytes each: crc32 of the key << 32 | record offset,
    0 for empty, linear probing), records (key length, value length, key, value)."""
    slots = _slot_count(len(dictionary))
    mask = slots - 1
    table = [0] * slots
    records = bytearray()
    base = _HEADER.size + 8 * slots
    pack = _LENGTHS.pack
    for key, value in ((k.encode(), v.encode()) for k, v in dictionary.items()):
        crc = zlib.crc32(key)
        index = crc & mask
        while table[index]:
            index = (index + 1) & mask
        table[index] = (crc << 32) | (base + len(records))
        records += pack(len(key), len(value))
        records += key
        records += value
    size = base + len(records)
    if size >= 1 << 32:
        raise ValueError("lemma dictionary too large for the cache format")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
    try:
        os.chmod(temporary, 0o644)  # noqa: S103 - a cache like any installed file
        with os.fdopen(handle, "wb") as out:
            out.write(_HEADER.pack(_MAGIC, len(dictionary), slots, size))
            out.write(struct.pack(f"<{slots}Q", *table))
            out.write(records)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class MappedDictionary(DecodedStrMapping):
    """A read-only str -> str view of one cache file (what simplemma's dict view returns)."""

    __slots__ = ("_map", "_slots", "_mask", "_count")

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        magic, count, slots, size = _HEADER.unpack_from(self._map, 0)
        if magic != _MAGIC or size != len(self._map) or slots & (slots - 1):
            self._map.close()
            raise ValueError(f"{path}: not a complete lemma cache file")
        self._count = count
        self._mask = slots - 1
        self._slots = memoryview(self._map)[_HEADER.size : _HEADER.size + 8 * slots].cast("Q")

    def _lookup(self, key: str) -> str | None:
        wanted = key.encode()
        crc = zlib.crc32(wanted)
        slots, mask, data = self._slots, self._mask, self._map
        index = crc & mask
        while entry := slots[index]:
            if entry >> 32 == crc:
                offset = entry & 0xFFFFFFFF
                key_length, value_length = _LENGTHS.unpack_from(data, offset)
                start = offset + 4
                if data[start : start + key_length] == wanted:
                    start += key_length
                    return data[start : start + value_length].decode()
            index = (index + 1) & mask
        return None

    def __iter__(self) -> Iterator[str]:
        for entry in self._slots:
            if entry:
                offset = entry & 0xFFFFFFFF
                key_length, _ = _LENGTHS.unpack_from(self._map, offset)
                yield self._map[offset + 4 : offset + 4 + key_length].decode()

    def __len__(self) -> int:
        return self._count


class MappedDictionaryFactory(CachingDictionaryFactory):
    """simplemma's dictionary factory, reading each language from its cache file (built from
    simplemma's own decoded dict on first use)."""

    __slots__ = ("_directory",)

    def __init__(self, directory: Path | None = None) -> None:
        self._directory = directory
        super().__init__()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        if lang not in SUPPORTED_LANGUAGES:
            raise ValueError(f"Unsupported language: {lang}")
        path = cache_path(lang, self._directory)
        try:
            return MappedDictionary(path)
        except (OSError, ValueError):
            pass
        # simplemma's own decoded dictionary (its public factory, no cache of its own)
        dictionary = DefaultDictionaryFactory(cache_max_size=0).get_dictionary(lang)
        try:
            build(dictionary, path)
            return MappedDictionary(path)
        except (OSError, ValueError):  # nowhere to write: simplemma's in-memory dict
            return dictionary


def lemmatizer(directory: Path | None = None) -> simplemma.Lemmatizer:
    """simplemma's default lemmatizer (as behind ``simplemma.lemmatize``) on mapped
    dictionaries."""
    factory = MappedDictionaryFactory(directory)
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


@functools.cache
def _default() -> simplemma.Lemmatizer:
    return lemmatizer()


@functools.lru_cache(maxsize=65536)
def lemmatize(word: str, lang: str) -> str:
    """``simplemma.lemmatize(word, lang=lang)``, the same result; raises ValueError for a
    language simplemma does not know, as it does. Cached: the words of news repeat, and one
    look-up through simplemma's strategies costs tens of microseconds."""
    return _default().lemmatize(word, lang)


def preload(langs: tuple[str, ...] = ("de", "en")) -> None:
    """Open (building if needed) the dictionaries of ``langs``, e.g. before forking workers."""
    for lang in langs:
        try:
            _default().lemmatize("a", lang)
        except ValueError:
            continue
