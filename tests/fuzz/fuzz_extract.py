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


def main() -> None:
    if atheris is None:
        sys.exit("atheris is not installed: pip install -e '.[fuzz]' (or run `make fuzz`)")
    with atheris.instrument_imports(include=["tracker"]):
        import tracker.extract  # noqa: F401
        import tracker.ingest  # noqa: F401
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
