"""Conformance with peer extractors' test suites (../shared/peer-suites), for the test and CLI.

Two layers are scored, each on the suites that test what it does:
- Number is scored on the *number layer* (``find_numbers``): Recognizers-Text's Number model
  is a number recognizer, and it expects numbers that issue #3 says are not claims (fractions
  such as "two thirds" or "1/2", "ein"/"one" as 1, powers such as "1e10"). The number layer
  reads them and tags them with a reason; the claim layer (``extract``) leaves them out. Every
  mention counts except ordinals ("the May 4th"), which the peer does not report either.
- Percentage, NumberRange, Currency and Dimension are scored on the *claim layer* (``extract``):
  percentages, ranges and amounts are claims.

"Exactly right" for one case means the *set of values* we state equals the set the peer
expects (relative tolerance 1e-6), nothing missing and nothing extra:
- Number: the values of the number mentions equal the expected values.
- Percentage / Currency / Dimension: each expected value must be the low or high of some claim,
  and every claim's low/high must be an expected value. Percentage cases also need the unit
  "percent" (or "percentage_point"). A case whose expected value is null ("a small percent")
  cannot be right.
- NumberRange: the (low, high) pairs of our claims equal the expected intervals, read without
  their open/closed brackets: "[20,30)" is the range 20-30, "(30,)" a lower bound of 30,
  "[170,170]" the point 170.
- quantulum3 (informational): each expected value (the midpoint for a range) must be the
  midpoint/bound of a claim, extras allowed, since quantulum3 also reports unit-less quantities.
Run ``python -m tracker.evaluate.peers [SHARED_DIR]`` to print the table.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tracker.extract import extract, find_numbers
from tracker.extract.negatives import Reason
from tracker.extract.vocabulary import load_vocabulary
from tracker.models import Claim

TARGETS = {
    ("de", "Number"): 0.95,
    ("en", "Number"): 0.95,
    ("de", "Percentage"): 0.95,
    ("en", "Percentage"): 0.95,
    ("en", "NumberRange"): 0.90,
    ("de", "Currency"): 0.85,
    ("en", "Currency"): 0.85,
    ("de", "Dimension"): 0.85,
    ("en", "Dimension"): 0.85,
}
INFORMATIONAL = [("de", "NumberRange")]
PERCENT_UNITS = {"percent", "percentage_point"}
# Like the peer's models, a Currency case is scored on money claims and a Dimension case on
# measures (length, area, volume, weight, speed, information, ...; not durations or
# temperatures, which the peer has models of their own for), by the unit vocabulary's kinds;
# claims of unknown unit are kept.
MODEL_KINDS = {
    "Currency": {"currency", "subunit"},
    "Dimension": {"measure", "other_measure"},
}
NOT_COUNTED_AS_NUMBERS = {Reason.ORDINAL}


@dataclass
class SuiteScore:
    name: str
    cases: int = 0
    right: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.right / self.cases if self.cases else 0.0


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _same_set(got: Iterable[Any], want: Iterable[Any], eq: Callable[[Any, Any], bool]) -> bool:
    got, want = list(got), list(want)
    return all(any(eq(g, w) for g in got) for w in want) and all(
        any(eq(g, w) for w in want) for g in got
    )


def _number(raw: str, lang: str) -> float | None:
    raw = raw.strip().rstrip("%")
    if lang == "de":
        raw = raw.replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None


def _interval(raw: str) -> tuple[float | None, float | None]:
    low, high = raw.strip()[1:-1].split(",")
    return _number(low, "en") if low else None, _number(high, "en") if high else None


def _claim_values(claims: list[Claim]) -> list[float]:
    return [v for c in claims for v in (c.low, c.high) if v is not None]


def _expected_values(case: dict[str, Any]) -> list[float | None]:
    """The values a case expects; None stands for a value the peer leaves null."""
    want: list[float | None] = []
    for exp in case["expected"]:
        value = exp["resolution"].get("value")
        if value is None or value == "null":
            want.append(None)
        elif value[:1] in "[(":
            want.extend(v for v in _interval(value) if v is not None)
        else:
            want.append(_number(value, case["lang"]))
    return want


def _number_case(case: dict[str, Any]) -> tuple[bool, list[Any]]:
    """A Number case on the number layer: (right?, what was found)."""
    found = find_numbers(case["input"], case["lang"])
    mentions = [m for m in found if m.reason not in NOT_COUNTED_AS_NUMBERS]
    want = _expected_values(case)
    ok = None not in want and _same_set([m.value for m in mentions], want, _close)
    return ok, [(m.text, m.value, m.reason.name if m.reason else None) for m in mentions]


def _value_case(case: dict[str, Any], claims: list[Claim], model: str) -> bool:
    want = _expected_values(case)
    if model == "Percentage":
        claims = [c for c in claims if c.unit in PERCENT_UNITS]
    elif model in MODEL_KINDS:
        kind = load_vocabulary().kind
        # a claim of a known other kind (a count, a percentage) is left out; an unknown unit
        # ("30 kambodschanische Riel") is kept
        claims = [c for c in claims if c.unit is None or kind(c.unit) in MODEL_KINDS[model]]
    return None not in want and _same_set(_claim_values(claims), want, _close)


def _range_case(case: dict[str, Any], claims: list[Claim]) -> bool:
    want = [_interval(exp["resolution"]["value"]) for exp in case["expected"]]
    got = [(c.low, c.high) for c in claims]

    def eq(g: tuple[float | None, float | None], w: tuple[float | None, float | None]) -> bool:
        return _close(g[0], w[0]) and _close(g[1], w[1])

    return _same_set(got, want, eq)


def score_recognizers(shared: Path, lang: str, model: str) -> SuiteScore:
    path = shared / "peer-suites" / "recognizers-text" / f"{lang}-{model}.jsonl"
    score = SuiteScore(f"{lang}-{model}")
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if model == "Number":
            ok, got = _number_case(case)
        else:
            claims = extract(case["input"], lang)
            ok = (
                _range_case(case, claims)
                if model == "NumberRange"
                else _value_case(case, claims, model)
            )
            got = [(c.text, c.low, c.high, c.unit) for c in claims]
        score.cases += 1
        score.right += ok
        if not ok:
            score.failures.append(
                {"input": case["input"], "expected": case["expected"], "got": got}
            )
    return score


def score_quantulum(shared: Path) -> SuiteScore:
    path = shared / "peer-suites" / "quantulum3" / "en-quantities.jsonl"
    score = SuiteScore("en-quantulum3")
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        claims = extract(case["input"], "en")
        values = [c.best for c in claims] + _claim_values(claims)
        ok = all(any(_close(v, exp["value"]) for v in values) for exp in case["expected"])
        score.cases += 1
        score.right += ok
        if not ok:
            score.failures.append({"input": case["input"], "got": [c.text for c in claims]})
    return score


def score_all(shared: Path) -> list[tuple[SuiteScore, float | None]]:
    rows: list[tuple[SuiteScore, float | None]] = []
    for (lang, model), target in TARGETS.items():
        rows.append((score_recognizers(shared, lang, model), target))
    for lang, model in INFORMATIONAL:
        rows.append((score_recognizers(shared, lang, model), None))
    rows.append((score_quantulum(shared), None))
    return rows


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    shared = Path(args[0]) if args else Path(__file__).resolve().parents[4] / "shared"
    verbose = "-v" in args
    for score, target in score_all(shared):
        goal = f"target {target:.0%}" if target else "informational"
        print(f"{score.name:22} {score.right:4}/{score.cases:<4} {score.rate:6.1%}  {goal}")
        if verbose:
            for failure in score.failures:
                print("   ", json.dumps(failure, ensure_ascii=False)[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())
