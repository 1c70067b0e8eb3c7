"""Evaluation: the gold corpus, the one scorer, and the runner used by ``tracker eval`` and CI."""

from __future__ import annotations

from tracker.evaluate.gold import GoldClaim, GoldDoc, default_gold_paths, load_gold
from tracker.evaluate.run import evaluate, predict
from tracker.evaluate.score import ATTRIBUTES, Counts, EvalError, Report, score

__all__ = [
    "ATTRIBUTES",
    "Counts",
    "EvalError",
    "GoldClaim",
    "GoldDoc",
    "Report",
    "default_gold_paths",
    "evaluate",
    "load_gold",
    "predict",
    "score",
]
