"""The gold corpus loads, every span is found, and it covers what issue #3 asks for."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.evaluate.gold import default_gold_paths, load_gold


@pytest.fixture(scope="module")
def gold():
    return load_gold()


def test_every_span_is_found_at_its_offsets(gold):
    for doc in gold:
        for claim in doc.claims:
            assert doc.text[claim.start : claim.end] == claim.text, doc.doc_id


def test_corpus_size_per_language(gold):
    claims = Counter()
    for doc in gold:
        claims[doc.lang] += len(doc.claims)
    assert claims["de"] >= 110 and claims["en"] >= 110
    assert sum(claims.values()) >= 250


def test_hard_negative_documents_exist_in_both_languages(gold):
    empty = Counter(doc.lang for doc in gold if not doc.claims)
    assert empty["de"] >= 8 and empty["en"] >= 8


@pytest.mark.parametrize(
    "tag",
    [
        "range",
        "lower-bound",
        "upper-bound",
        "approx",
        "approx-range",
        "number-word",
        "compound",
        "scale-word",
        "scale-abbrev",
        "shared-magnitude",
        "percent-sign",
        "percent-word",
        "currency-sign",
        "currency-word",
        "source-adjacent",
        "ordinal",
        "date",
        "clock-time",
        "age",
        "designation",
        "vague",
        "fraction",
        "url",
        "phone",
        "page-counter",
        "thousands-apostrophe",
    ],
)
def test_each_pattern_is_covered_in_both_languages(gold, tag):
    langs = {doc.lang for doc in gold if tag in doc.tags}
    assert langs == {"de", "en"}, f"{tag} only in {langs}"


def test_all_kinds_and_hedges_and_sources_occur(gold):
    claims = [c for doc in gold for c in doc.claims]
    assert {c.kind for c in claims} == {"point", "range", "lower_bound", "upper_bound", "approx"}
    assert sum(c.hedged for c in claims) >= 20
    assert sum(c.source is not None for c in claims) >= 100


def _write(tmp_path: Path, record: dict) -> Path:
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _claim(**overrides):
    claim = {
        "text": "12",
        "low": 12,
        "high": 12,
        "kind": "point",
        "approximate": False,
        "unit": "soldier",
        "entity": "Soldaten",
        "source": None,
        "hedged": False,
    }
    claim.update(overrides)
    return claim


def test_span_not_found_names_the_document(tmp_path):
    path = _write(
        tmp_path,
        {"id": "x-001", "lang": "de", "text": "13 Soldaten", "claims": [_claim()], "tags": []},
    )
    with pytest.raises(ConfigError, match="x-001.*'12'.*not found"):
        load_gold([path])


def test_second_occurrence_is_used(tmp_path):
    path = _write(
        tmp_path,
        {
            "id": "x-002",
            "lang": "de",
            "text": "12 und 12 Soldaten",
            "claims": [_claim(occurrence=2)],
            "tags": [],
        },
    )
    assert load_gold([path])[0].claims[0].start == 7


def test_kind_that_contradicts_values_is_refused(tmp_path):
    path = _write(
        tmp_path,
        {
            "id": "x-003",
            "lang": "de",
            "text": "12 Soldaten",
            "claims": [_claim(kind="range")],
            "tags": [],
        },
    )
    with pytest.raises(ConfigError, match="x-003"):
        load_gold([path])


def test_missing_field_is_refused(tmp_path):
    claim = _claim()
    del claim["hedged"]
    path = _write(
        tmp_path,
        {"id": "x-004", "lang": "de", "text": "12 Soldaten", "claims": [claim], "tags": []},
    )
    with pytest.raises(ConfigError, match="x-004.*hedged"):
        load_gold([path])


def test_packaged_files_exist():
    assert all(path.is_file() for path in default_gold_paths())


def test_approximate_flag_follows_the_guidelines(gold):
    for doc in gold:
        for claim in doc.claims:
            if claim.kind == "approx":
                assert claim.approximate, (doc.doc_id, claim.text)
            elif claim.kind != "range":
                assert not claim.approximate, (doc.doc_id, claim.text)


def test_every_unit_label_is_documented_in_the_guidelines(gold, repo_root):
    guidelines = (repo_root / "docs" / "evaluation.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z][a-z ]*)`", guidelines))
    used = {claim.unit for doc in gold for claim in doc.claims if claim.unit}
    assert used <= documented, sorted(used - documented)


def test_composition_table_in_the_docs_matches_the_corpus(gold, repo_root):
    docs = (repo_root / "docs" / "evaluation.md").read_text(encoding="utf-8")
    for lang in ("de", "en"):
        row = re.search(rf"^\| {lang} \|(.*)\|$", docs, re.MULTILINE)
        assert row, lang
        numbers = [int(cell) for cell in row.group(1).split("|")]
        documents = [doc for doc in gold if doc.lang == lang]
        claims = [claim for doc in documents for claim in doc.claims]
        kinds = Counter(claim.kind for claim in claims)
        expected = [
            len(documents),
            len(claims),
            sum(not doc.claims for doc in documents),
            *(kinds[k] for k in ("point", "approx", "range", "lower_bound", "upper_bound")),
            sum(claim.hedged for claim in claims),
            sum(claim.source is not None for claim in claims),
        ]
        assert numbers == expected, lang
