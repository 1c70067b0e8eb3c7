"""Conformance with peer extractors' test suites in ../shared/peer-suites (skipped without it).

"Exactly right" is defined in ``tracker.evaluate.peers`` (same set of values as the peer expects,
nothing missing, nothing extra; ranges compared without their open/closed brackets). Number
suites are scored on the number layer (``find_numbers``), the others on claims (``extract``).
Print the full table with ``python -m tracker.evaluate.peers``.

Targets from issue #3: >= 95% on de/en Number and de/en Percentage, >= 90% on en NumberRange;
from issue #12: >= 85% on de/en Currency and de/en Dimension (scored on claims of the model's
kind in the unit vocabulary, and claims of unknown unit).
A target the extractor does not meet yet is an expected failure (xfail) whose message gives the
measured rate and what blocks it; once the target is met the test fails until the entry is
removed from NOT_MET, so the note cannot outlive the gap. The targets themselves are never lowered.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.evaluate import peers

pytestmark = pytest.mark.peers

NOT_MET = {
    ("en", "Percentage"): "the 3 failing cases expect a percentage without any number ('a small "
    "percent', 'the % of increase'), which is not a numeric claim",
    ("en", "NumberRange"): "82.8% (72/87) at round 4 of the issue #12 unit work: ages are kept "
    "out of claims ('over thirty years old'), fractions and ratios ('more than 1/2', 'above one "
    "quarter', '2 in 5 or more') and ordinals ('between the tenth and the fifteenth') are not "
    "claims by design (issue #3; the gold leaves 'almost half of' unlabelled): 9 of the 15 "
    "misses; the rest are malformed operators ('<>30', '=>30'), '200 or greater than 190', a "
    "count the peer leaves out ('two ranges') and 'from 200 to 300 in 2008', which the peer "
    "expects to be no range",
}


@pytest.mark.parametrize(("lang", "model"), list(peers.TARGETS))
def test_peer_target(shared_dir: Path, lang: str, model: str) -> None:
    score = peers.score_recognizers(shared_dir, lang, model)
    target = peers.TARGETS[(lang, model)]
    known_gap = NOT_MET.get((lang, model))
    if known_gap and score.rate < target:
        pytest.xfail(f"{score.right}/{score.cases} = {score.rate:.1%} < {target:.0%}: {known_gap}")
    assert not known_gap, f"{score.name} now meets {target:.0%}: remove it from NOT_MET"
    assert score.rate >= target, f"{score.name}: {score.right}/{score.cases}"


@pytest.mark.parametrize(("lang", "model"), peers.INFORMATIONAL)
def test_informational_suites_run(shared_dir: Path, lang: str, model: str) -> None:
    """German ranges are reported, not gated: they must run cleanly."""
    score = peers.score_recognizers(shared_dir, lang, model)
    assert score.cases > 0 and 0 <= score.right <= score.cases


def test_quantulum_suite_runs_and_robustness_inputs_do_not_raise(shared_dir: Path) -> None:
    score = peers.score_quantulum(shared_dir)
    assert score.cases == 101
    errors = shared_dir / "peer-suites" / "quantulum3" / "en-errors.jsonl"
    for line in errors.read_text(encoding="utf-8").splitlines():
        peers.extract(json.loads(line)["input"], "en")


def test_score_definition_on_small_cases() -> None:
    """The scorer itself: a missing or an extra value makes a case wrong."""
    case = {"lang": "de", "expected": [{"resolution": {"value": "2,5"}}]}
    assert peers._value_case(case, peers.extract("2,5", "de"), "Number")
    assert not peers._value_case(case, peers.extract("2,5 und 3", "de"), "Number")
    ranged = {"expected": [{"resolution": {"value": "[20,30)"}}]}
    assert peers._range_case(ranged, peers.extract("between 20 and 30", "en"))
    assert not peers._range_case(ranged, peers.extract("more than 20", "en"))
