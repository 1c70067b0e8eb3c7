"""Evaluation: the gold corpus, the one scorer, and the runner used by ``tracker eval`` and CI."""

from __future__ import annotations

from tracker.evaluate.gold import GoldClaim, GoldDoc, default_gold_paths, load_gold
from tracker.evaluate.run import evaluate, evaluate_attribution, predict
from tracker.evaluate.score import (
    ATTRIBUTES,
    AttributionReport,
    Counts,
    EvalError,
    Report,
    score,
    score_attribution,
)

__all__ = [
    "ATTRIBUTES",
    "AttributionReport",
    "Counts",
    "EvalError",
    "GoldClaim",
    "GoldDoc",
    "Report",
    "default_gold_paths",
    "evaluate",
    "evaluate_attribution",
    "load_gold",
    "predict",
    "score",
    "score_attribution",
]
