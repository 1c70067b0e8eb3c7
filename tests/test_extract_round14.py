"""Round 14: a sentence-final number after an approximation word is a count, not an ordinal."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "value"), [
    ("Die Behörde schätzt die Zahl der Helfer auf rund 2000. Die Stadt will weitere anwerben.",
     2000.0),
    ("Im Lager leben inzwischen etwa 350. Viele warten seit Monaten.", 350.0),
])
def test_an_approximated_number_before_a_full_stop_is_a_count(text: str, value: float) -> None:
    from tracker.extract import extract

    claims = extract(text, "de")
    assert [c.low for c in claims] == [value]
    assert claims[0].approximate


def test_a_plain_ordinal_before_a_noun_stays_no_claim() -> None:
    from tracker.extract import extract

    assert extract("Am 3. Oktober feiert die Stadt ihr Jubiläum.", "de") == []
