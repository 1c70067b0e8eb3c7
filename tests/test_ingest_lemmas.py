"""The memory-mapped lemma dictionaries (tracker.lemmas) answer exactly as simplemma's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma
from simplemma.strategies.dictionaries.dictionary_factory import (
    DefaultDictionaryFactory,
    MappingStrToByteString,
)

from tracker import lemmas


def test_every_entry_and_misses_as_simplemma(tmp_path: Path) -> None:
    mapped = lemmas.MappedDictionaryFactory(tmp_path).get_dictionary("en")
    assert isinstance(mapped, lemmas.MappedDictionary)
    own = DefaultDictionaryFactory(cache_max_size=0).get_dictionary("en")
    assert len(mapped) == len(own)
    assert all(mapped.get(key) == own.get(key) for key in own)
    assert set(mapped) == set(own)
    for missing in ("qzxv", "Qzxv", "ÄÖÜß", "a" * 300):
        assert mapped.get(missing) is None
        assert missing not in mapped


def test_lemmas_as_simplemma(tmp_path: Path) -> None:
    ours = lemmas.lemmatizer(tmp_path)
    words = {
        "de": "Soldaten Russlands nordkoreanischen Verteidigungsministeriums getötet Angaben "
              "Vereinigten Staaten Truppenstärke zufolge berichtete Schätzungen",
        "en": "soldiers killed casualties reported officials estimated troops Pentagon's "
              "was wounded according said",
    }
    for lang, text in words.items():
        for word in text.split():
            assert ours.lemmatize(word, lang) == simplemma.lemmatize(word, lang=lang)
    with pytest.raises(ValueError):
        ours.lemmatize("und", "und")


def test_cache_file_named_by_version_and_rebuilt_when_broken(tmp_path: Path) -> None:
    path = lemmas.cache_path("en", tmp_path)
    assert simplemma.__version__ in path.name
    lemmas.MappedDictionaryFactory(tmp_path).get_dictionary("en")
    size = path.stat().st_size
    path.write_bytes(path.read_bytes()[: size // 2])  # a truncated file
    with pytest.raises(ValueError):
        lemmas.MappedDictionary(path)
    rebuilt = lemmas.MappedDictionaryFactory(tmp_path).get_dictionary("en")
    assert path.stat().st_size == size
    assert rebuilt.get("soldiers") == "soldier"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")  # the cache directory would be inside a file: nothing can be written
    mapped = lemmas.MappedDictionaryFactory(blocker / "lemmas").get_dictionary("en")
    assert isinstance(mapped, MappingStrToByteString)
    assert mapped.get("soldiers") == "soldier"
