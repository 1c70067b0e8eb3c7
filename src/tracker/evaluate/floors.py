"""Pinned score floors: the CI gate fails when a measured score drops below one.

Floors are raised from measured scores (rounded down to 2 decimals) and never lowered:
``python -m tracker.evaluate.floors --pin`` writes ``max(old floor, measured)`` for every score.
"""

from __future__ import annotations

import math
import sys
import tomllib
from pathlib import Path

from tracker.errors import ConfigError
from tracker.evaluate.score import ATTRIBUTES

FLOORS_PATH = Path(__file__).with_name("floors.toml")
SCORE_NAMES: tuple[str, ...] = ("precision", "recall", "f1", *ATTRIBUTES)
GROUPS: tuple[str, ...] = ("de", "en", "all")

Floors = dict[str, dict[str, float]]


def load_floors(path: Path = FLOORS_PATH) -> Floors:
    """Read and validate the floors file: one table per group, one number in [0, 1] per score."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot read floors ({err})") from None
    for group in GROUPS:
        table = data.get(group)
        if not isinstance(table, dict) or set(table) != set(SCORE_NAMES):
            raise ConfigError(f"{path}: [{group}] must set exactly {', '.join(SCORE_NAMES)}")
        for name, value in table.items():
            if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ConfigError(f"{path}: [{group}] {name} must be a number in [0, 1]")
    return {group: {k: float(v) for k, v in data[group].items()} for group in GROUPS}


def below_floors(scores: Floors, floors: Floors) -> list[str]:
    """One line per score under its floor (empty when the gate passes)."""
    return [
        f"{group} {name}: {scores[group][name]:.4f} < floor {floor:.2f}"
        for group, table in floors.items()
        for name, floor in table.items()
        if scores[group][name] < floor
    ]


def raised_floors(scores: Floors, floors: Floors | None = None) -> Floors:
    """New floors: each measured score rounded down to 2 decimals, never below the old floor."""
    old = floors or {}
    return {
        group: {
            name: max(old.get(group, {}).get(name, 0.0), _round_down(scores[group][name]))
            for name in SCORE_NAMES
        }
        for group in GROUPS
    }


def _round_down(score: float) -> float:
    return math.floor(score * 100) / 100


def format_floors(floors: Floors, header: str = "", attribution: Floors | None = None) -> str:
    lines = [f"# {line}" for line in header.splitlines()]
    for group in GROUPS:
        lines += ["", f"[{group}]"]
        lines += [f"{name} = {floors[group][name]:.2f}" for name in SCORE_NAMES]
    for group in GROUPS if attribution else ():
        lines += ["", f"[attribution.{group}]"]
        lines += [f"{name} = {attribution[group][name]:.2f}" for name in ATTRIBUTION_SCORES]
    return "\n".join(lines).lstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    """``--pin``: raise the floors to the scores measured now. Without it: check them."""
    from tracker.evaluate.run import evaluate

    scores = evaluate().scores()
    current = load_floors() if FLOORS_PATH.exists() else None
    if "--pin" in argv:
        header = (
            "Pinned floors for the gold-corpus scores (tests/test_eval_gate.py).\n"
            "Raised with `python -m tracker.evaluate.floors --pin`; never lowered."
        )
        attribution = _raised_attribution_floors()
        FLOORS_PATH.write_text(
            format_floors(raised_floors(scores, current), header, attribution), "utf-8"
        )
        print(f"wrote {FLOORS_PATH}")
        return 0
    if current is None:
        print(f"no floors pinned yet ({FLOORS_PATH} is missing)")
        return 1
    failures = below_floors(scores, current)
    print("\n".join(failures) or "all scores at or above their floors")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


# --- attribution floors ([attribution.de], [attribution.en], [attribution.all]) -------------

ATTRIBUTION_SCORES: tuple[str, ...] = ("source", "claimant", "pair_f1")


def load_attribution_floors(path: Path = FLOORS_PATH) -> Floors:
    """The floors of ``tracker eval --attribution`` on the attribution development gold."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8")).get("attribution")
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: cannot read floors ({err})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [attribution.<group>] tables are missing")
    for group in GROUPS:
        table = data.get(group)
        if not isinstance(table, dict) or set(table) != set(ATTRIBUTION_SCORES):
            raise ConfigError(
                f"{path}: [attribution.{group}] must set exactly {', '.join(ATTRIBUTION_SCORES)}"
            )
        for name, value in table.items():
            if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
                raise ConfigError(f"{path}: [attribution.{group}] {name} must be in [0, 1]")
    return {group: {k: float(v) for k, v in data[group].items()} for group in GROUPS}


def _raised_attribution_floors() -> Floors:
    """Attribution floors raised to today's scores on the development gold (never lowered)."""
    from tracker.evaluate.run import evaluate_attribution

    scores = evaluate_attribution().scores()
    try:
        old = load_attribution_floors()
    except ConfigError:
        old = {}
    return {
        group: {
            name: max(old.get(group, {}).get(name, 0.0), _round_down(scores[group][name]))
            for name in ATTRIBUTION_SCORES
        }
        for group in GROUPS
    }
