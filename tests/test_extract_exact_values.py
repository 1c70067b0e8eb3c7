"""Issue #12 point 2: values are exact decimals ("4.1 million" is 4100000.0, not
4099999.9999999995). The property test checks equality, not closeness."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tracker.extract import extract

EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "m": 10**6, "bn": 10**9}
DE_SCALES = {"Tsd.": 10**3, "Mio.": 10**6, "Millionen": 10**6, "Mrd.": 10**9, "Milliarden": 10**9}


def test_known_values_are_exact() -> None:
    assert extract("4.1 million people", "en")[0].low == 4_100_000.0
    assert extract("Es kostet 1,2 Mrd. Euro.", "de")[0].low == 1_200_000_000.0
    assert extract("It cost $0.3bn.", "en")[0].low == 300_000_000.0
    assert extract("Es sind 2,3 Millionen Menschen.", "de")[0].low == 2_300_000.0


@given(
    whole=st.integers(min_value=1, max_value=999),
    decimals=st.text(alphabet="0123456789", min_size=1, max_size=3),
    scale=st.sampled_from(sorted(EN_SCALES)),
)
def test_english_scaled_decimals_are_exact(whole: int, decimals: str, scale: str) -> None:
    sep = "" if scale in ("m", "bn") else " "
    currency = "$" if sep == "" else ""
    text = f"They paid {currency}{whole}.{decimals}{sep}{scale} for it."
    expected = float(Decimal(f"{whole}.{decimals}") * EN_SCALES[scale])
    (claim,) = extract(text, "en")
    assert claim.low == expected, text


@given(
    whole=st.integers(min_value=1, max_value=999),
    decimals=st.text(alphabet="0123456789", min_size=1, max_size=2),
    scale=st.sampled_from(sorted(DE_SCALES)),
)
def test_german_scaled_decimals_are_exact(whole: int, decimals: str, scale: str) -> None:
    text = f"Der Bund zahlt {whole},{decimals} {scale} Euro."
    expected = float(Decimal(f"{whole}.{decimals}") * DE_SCALES[scale])
    (claim,) = extract(text, "de")
    assert claim.low == expected, text
