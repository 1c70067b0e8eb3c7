"""CI gate: the extractor's scores on the gold corpus may not drop below the pinned floors.

Floors live in src/tracker/evaluate/floors.toml, one table per language and ``all``. They are
raised from measured scores and never lowered to make a change pass (docs/evaluation.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.evaluate import evaluate
from tracker.evaluate.floors import (
    FLOORS_PATH,
    GROUPS,
    SCORE_NAMES,
    below_floors,
    format_floors,
    load_floors,
    raised_floors,
)


def test_scores_on_the_gold_corpus_do_not_drop_below_pinned_floors():
    failures = below_floors(evaluate().scores(), load_floors(FLOORS_PATH))
    assert not failures, "\n".join(failures)


def _scores(value: float) -> dict[str, dict[str, float]]:
    """The same value for every score of every group."""
    return {group: dict.fromkeys(SCORE_NAMES, value) for group in GROUPS}


def test_raised_floors_round_down_and_never_lower():
    measured = _scores(0.9379)
    assert raised_floors(measured)["de"]["f1"] == 0.93
    old = _scores(0.95)
    assert raised_floors(measured, old)["de"]["f1"] == 0.95


def test_below_floors_names_group_and_score():
    floors = _scores(0.9)
    measured = _scores(0.95)
    assert below_floors(measured, floors) == []
    measured["en"]["recall"] = 0.8
    assert below_floors(measured, floors) == ["en recall: 0.8000 < floor 0.90"]


def test_floors_file_round_trips(tmp_path: Path):
    path = tmp_path / "floors.toml"
    path.write_text(format_floors(_scores(0.87), "header"), encoding="utf-8")
    assert load_floors(path) == _scores(0.87)


def test_incomplete_floors_file_is_refused(tmp_path: Path):
    path = tmp_path / "floors.toml"
    path.write_text("[de]\nf1 = 0.9\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[de\] must set exactly"):
        load_floors(path)
