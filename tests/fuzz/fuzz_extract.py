"""atheris fuzz target for the readers and the extractor.

    make fuzz                      # FUZZ_SECONDS=60 by default
    .venv/bin/python tests/fuzz/fuzz_extract.py -max_total_time=30

Bytes go to a reader (written to a temporary file whose suffix the first byte picks) and, decoded,
straight to ``tracker.extract.extract``. A TrackerError is an acceptable answer to bad input;
any other exception, or a claim whose offsets do not point at its words, is a bug.
Not collected by pytest (no ``test_`` prefix); tests/test_reliability_fuzz.py runs ``check``
on seed inputs without atheris.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

try:
    import atheris
except ImportError:  # the checks below still run from tests without the fuzz extra
    atheris = None

SUFFIXES = (".txt", ".md", ".html", ".pdf", ".jsonl", ".csv")
_WORKDIR = Path(tempfile.mkdtemp(prefix="tracker-fuzz-"))
REPO = Path(__file__).resolve().parents[2]

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


def _check_claims(text: str, claims: list) -> None:
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text), (claim, len(text))
        assert text[claim.start:claim.end] == claim.text, claim
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim


def check(data: bytes) -> None:
    """One fuzz input: raise only for a real bug."""
    from tracker.errors import TrackerError
    from tracker.extract import extract
    from tracker.ingest import read_path

    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    body = data[1:]
    path = _WORKDIR / f"input{suffix}"
    path.write_bytes(body)
    try:
        for item in read_path(path):
            if isinstance(item, TrackerError):
                assert "\n" not in str(item), repr(str(item))
                continue
            _check_claims(item.text, extract(item.text, item.lang))
    except TrackerError:
        pass
    text = body.decode("utf-8", errors="replace")
    for lang in ("de", "en", "und"):
        _check_claims(text, extract(text, lang))


def _seed_corpus() -> str:
    """A temporary corpus folder with SEEDS and a few bundled articles (libFuzzer adds to it)."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-fuzz-corpus-"))
    articles = sorted((REPO / "data" / "articles").glob("*.txt"))[:4]
    seeds = SEEDS + [b"\x00" + path.read_bytes() for path in articles]
    for number, seed in enumerate(seeds):
        (folder / f"seed-{number:03d}").write_bytes(seed)
    return str(folder)


def main() -> None:
    if atheris is None:
        sys.exit("atheris is not installed: pip install -e '.[fuzz]' (or run `make fuzz`)")
    if not any(not arg.startswith("-") for arg in sys.argv[1:]):
        sys.argv.append(_seed_corpus())
    with atheris.instrument_imports(include=["tracker"]):
        import tracker.extract  # noqa: F401
        import tracker.ingest  # noqa: F401
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
