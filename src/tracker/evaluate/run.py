"""Run the extractor over gold documents and score it (for ``tracker eval`` and the CI gate)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from tracker.errors import TrackerError
from tracker.evaluate.gold import GoldDoc, load_gold
from tracker.evaluate.score import (
    AttributionReport,
    EvalError,
    Report,
    score,
    score_attribution,
)

Extractor = Callable[[str, str | None], Sequence[Any]]


def _default_extractor() -> Extractor:
    from tracker.extract import extract

    return extract


def predict(
    docs: Sequence[GoldDoc], extractor: Extractor | None = None
) -> tuple[dict[str, list[Any]], list[EvalError]]:
    """Claims per document id. A crash is recorded as an error (and no claims), never raised:
    the extractor promises never to raise, and the report should show where it broke that promise.
    """
    extract = extractor or _default_extractor()
    predictions: dict[str, list[Any]] = {}
    crashes: list[EvalError] = []
    for doc in docs:
        try:
            predictions[doc.doc_id] = list(extract(doc.text, doc.lang))
        except Exception as err:  # noqa: BLE001 - any failure of the measured code is a finding
            predictions[doc.doc_id] = []
            message = f"{type(err).__name__}: {err}".splitlines()[0]
            crashes.append(EvalError(doc.doc_id, doc.lang, "crash", "", 0, None, message))
    return predictions, crashes


def evaluate(
    gold_paths: Iterable[str | Path] | None = None,
    lang: str | None = None,
    extractor: Extractor | None = None,
) -> Report:
    """Load the gold corpus (packaged by default), keep ``lang`` if given, extract and score."""
    docs, predictions, crashes = _load_and_predict(load_gold(gold_paths), lang, extractor)
    report = score(docs, predictions)
    report.errors[:0] = crashes
    return report


def _load_and_predict(
    docs: list[GoldDoc], lang: str | None, extractor: Extractor | None
) -> tuple[list[GoldDoc], dict[str, list[Any]], list[EvalError]]:
    """The documents of ``lang`` (all when None) with their predictions and extractor crashes."""
    if lang is not None:
        docs = [doc for doc in docs if doc.lang == lang]
        if not docs:
            raise TrackerError(f"--lang {lang}: no gold documents in that language")
    predictions, crashes = predict(docs, extractor)
    return docs, predictions, crashes


ATTRIBUTION_GOLD = Path(__file__).with_name("attribution") / "gold"


def default_attribution_paths() -> list[Path]:
    """The attribution development gold (evaluate/attribution/gold/{de,en}.jsonl)."""
    return [ATTRIBUTION_GOLD / "de.jsonl", ATTRIBUTION_GOLD / "en.jsonl"]


def evaluate_attribution(
    gold_paths: Iterable[str | Path] | None = None,
    lang: str | None = None,
    extractor: Extractor | None = None,
) -> AttributionReport:
    """Source span, claimant and claimant-grouping scores on attribution gold (by default the
    development set)."""
    docs, predictions, crashes = _load_and_predict(
        load_gold(gold_paths or default_attribution_paths()), lang, extractor
    )
    report = score_attribution(docs, predictions)
    report.errors[:0] = crashes
    return report
