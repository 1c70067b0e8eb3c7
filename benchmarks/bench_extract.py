"""Throughput of tracker.extract against quantulum3 on the same news sentences.

Usage: .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--shared ../shared]

One ``extract(sentence, lang)`` call per sentence (language given, so detection is not timed),
on ../shared/peer-suites/_bench/{en,de}_news_numbers.txt. quantulum3 (``pip install
'tracker[bench]'``) parses the English sentences in the same run; the ratio is printed.
Language data is loaded before timing (it happens once per process in real use too).
"""

from __future__ import annotations

import argparse
import platform
import time
from pathlib import Path

from tracker.extract import extract

REPO = Path(__file__).resolve().parent.parent


def _sentences(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _time(fn, sentences: list[str], repeat: int) -> tuple[float, int]:
    """Best of ``repeat`` passes in CPU seconds of this process (other processes on a shared
    machine do not count against it) and the number of results of the last pass."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        found = sum(len(fn(s)) for s in sentences)
        best = min(best, time.process_time() - start)
    return best, found


def _report(name: str, sentences: list[str], seconds: float, found: int) -> float:
    megabytes = sum(len(s.encode("utf-8")) for s in sentences) / 1e6
    rate = megabytes / seconds
    print(
        f"{name:28} {len(sentences):5} sentences {seconds:7.3f} s  {rate:6.3f} MB/s  "
        f"{len(sentences) / seconds:8.0f} sentences/s  {found:5} results"
    )
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    bench = args.shared / "peer-suites" / "_bench"
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    rates = {}
    for lang in ("en", "de"):
        sentences = _sentences(bench / f"{lang}_news_numbers.txt")
        extract(sentences[0], lang)  # load the language data outside the timing
        seconds, found = _time(lambda s, lang=lang: extract(s, lang), sentences, args.repeat)
        rates[lang] = _report(f"tracker.extract ({lang})", sentences, seconds, found)
    try:
        from quantulum3 import parser as q3
    except ImportError:
        print("quantulum3 is not installed: pip install 'tracker[bench]' for the comparison")
        return
    sentences = _sentences(bench / "en_news_numbers.txt")
    q3.parse(sentences[0])
    seconds, found = _time(q3.parse, sentences, args.repeat)
    q3_rate = _report("quantulum3 0.10.0 (en)", sentences, seconds, found)
    print(f"ratio tracker/quantulum3 on English: {rates['en'] / q3_rate:.1f}x (target >= 30x)")


if __name__ == "__main__":
    main()
