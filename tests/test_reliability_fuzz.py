"""The fuzz target's checks (tests/fuzz/fuzz_extract.py) on hostile seeds and random bytes:
readers and the extractor raise nothing but TrackerError, and claim offsets always hold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_SPEC = importlib.util.spec_from_file_location(
    "fuzz_extract", Path(__file__).resolve().parent / "fuzz" / "fuzz_extract.py")
assert _SPEC and _SPEC.loader
fuzz_extract = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fuzz_extract)

@pytest.mark.parametrize("seed", fuzz_extract.SEEDS, ids=range(len(fuzz_extract.SEEDS)))
def test_hostile_seeds(seed: bytes) -> None:
    fuzz_extract.check(seed)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes(data: bytes) -> None:
    fuzz_extract.check(data)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(range(6)), st.text(max_size=300))
def test_random_text_in_every_reader(reader: int, text: str) -> None:
    fuzz_extract.check(bytes([reader]) + text.encode("utf-8", errors="surrogatepass"))
