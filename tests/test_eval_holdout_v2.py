"""Holdout v2 (evaluate/holdout_v2/) validates: >= 150 claims per language, with hard negatives.

Written for issue #12 on 2026-12-05 from docs/evaluation.md alone, before the extraction work it
judges, without reading or running the extractor. Its first-contact score (extractor 1.6.0, value
F1 0.890 de / 0.757 en) is recorded in docs/evaluation.md ("Holdout v2"). This file deliberately
has no score floor yet: one is pinned only after the extraction work, at first contact rounded
down, never above what is measured. Do not read `tracker eval --errors` on this set while working
on the extractor, and do not quote its sentences in tests ("Holdout discipline" in
docs/evaluation.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.evaluate.gold import load_gold

HOLDOUT_V2_DIR = Path(__file__).resolve().parents[1] / "src" / "tracker" / "evaluate" / "holdout_v2"
HOLDOUT_V2_PATHS = [HOLDOUT_V2_DIR / "de.jsonl", HOLDOUT_V2_DIR / "en.jsonl"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_holdout_v2_validates_with_enough_claims(lang: str):
    docs = [doc for doc in load_gold(HOLDOUT_V2_PATHS) if doc.lang == lang]
    assert all(doc.doc_id.startswith(f"h2{lang}-") for doc in docs)
    assert sum(len(doc.claims) for doc in docs) >= 150
    assert any(not doc.claims for doc in docs), "hard negatives without claims"


def test_holdout_v2_is_packaged():
    from importlib import resources

    folder = resources.files("tracker.evaluate") / "holdout_v2"
    assert all((folder / f"{lang}.jsonl").is_file() for lang in ("de", "en"))
