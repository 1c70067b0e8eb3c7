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

# The first byte picks the reader: 0 txt, 1 md, 2 html, 3 pdf, 4 jsonl, 5 csv.
SEEDS = [
    b"\x00" + b"url: x\ntitle: \n---\n",
    b"\x00" + "Rund 10.000.000.000.000.000.000 Soldaten, ١٢٣ und ½ davon".encode(),
    b"\x00" + b"1-\n\n2-\n\n-\n\nhttps://\n\nSeite 1 von\n",
    b"\x01" + b"# 12\n- 3\n> 4 %\n|5|",
    b"\x00" + "zwischen 12.000 und 10.000 und 5 bis 3 Mio.\u2028e\u0301 9".encode(),
    b"\x00" + b"\xff\xfe" + "1.000 Soldaten".encode("utf-16-le"),
    b"\x00" + b"\xc3\x28 invalid utf-8 then cp1252 \xe4\xf6\xfc 1.500",
    b"\x02" + b"<html><body><p>" + b"<b>" * 500 + b"1,000 troops</p></body></html>",
    b"\x02" + b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><x>&a;&a; 12</x>",
    b"\x03" + b"%PDF-1.7\n%%EOF",
    b"\x03" + b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 "
              b"R >>\n%%EOF",
    b"\x04" + b'[1, 2]\n"text"\n{"text": 5}\n{"text": "12 Soldaten", "published": "2024-02-30"}\n',
    b"\x04" + b'{"text": "a", "url": ["x"]}\n{"text": "\\ud800 12"}\n',
    b"\x05" + b'text,url\n"unterminated, 12\n',
    b"\x05" + b"url\nhttps://x.de\n",
    b"\x05" + b'text\n"' + b"9" * 5000 + b'"\n',
]


@pytest.mark.parametrize("seed", SEEDS, ids=range(len(SEEDS)))
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
