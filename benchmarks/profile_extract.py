"""Where extraction time goes: stage shares in CPU seconds, then cProfile's top functions.

Usage: .venv/bin/python benchmarks/profile_extract.py [--articles] [--repeat N] [--top N]

Runs ``extract(sentence, lang)`` on ../shared/peer-suites/_bench/{en,de}_news_numbers.txt (as
``bench_extract.py`` does), or with ``--articles`` ``extract(text)`` on every data/**/*.txt (the
language given, so detection is not timed). The stages are timed without a profiler, each as
the pipeline up to it minus the pipeline up to the one before (best of ``--repeat`` passes);
cProfile's list comes after (its per-call overhead inflates small, often-called functions).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from tracker.extract import engine as E
from tracker.extract import extract, resolve_language
from tracker.extract.combine import inherit_units, join_bounds, join_parts
from tracker.extract.lexicon import load_lexicon
from tracker.extract.meaning import add_meaning

REPO = Path(__file__).resolve().parent.parent
STAGES = (
    "numbers (find_numerals)",
    "fractions and negatives",
    "sentences, ranges",
    "claims: unit, source, claimant",
    "meaning",
)


def _upto(stage: int, text: str, lang: str) -> None:
    """The engine's pipeline (``engine.extract_claims``) up to ``stage``."""
    lex = load_lexicon(lang)
    numerals = E.find_numerals(text, lex)
    if stage == 0 or not numerals:
        return
    numerals = E._apply_fractions(numerals, text, lex)
    negatives = E.NegativeFilter(text, lex)
    reasons = [negatives.reason(n) for n in numerals]
    reasons = E._share_range_reasons(numerals, reasons, text, lex)
    kept = [n for n, reason in zip(numerals, reasons, strict=True) if reason is None]
    if stage == 1 or not kept:
        return
    sentences = E.split_sentences(text, lex)
    ctx = E._Context(text, lex, sentences, [s.start for s in sentences])
    cores = E._cores(kept, text, lex)
    if stage == 2:
        return
    claims = join_parts(join_bounds([E._claim(c, ctx) for c in cores], text, lex), text, lex)
    claims = inherit_units(claims, text, lex)
    if stage == 3:
        return
    add_meaning(claims, text, lex)


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", action="store_true")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args()
    if args.articles:
        texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data").rglob("*.txt"))]
        work = [(t, resolve_language(t, None)) for t in texts]
    else:
        bench = args.shared / "peer-suites" / "_bench"
        work = [
            (line, lang)
            for lang in ("en", "de")
            for line in (bench / f"{lang}_news_numbers.txt").read_text("utf-8").splitlines()
            if line.strip()
        ]
    for text, lang in work:  # language data, lemma and claimant caches: warm, as in real use
        extract(text, lang)
    total = _best(lambda: [extract(t, lang) for t, lang in work], args.repeat)
    print(f"{len(work)} texts, {sum(len(t) for t, _ in work) / 1e6:.3f} MB: {total:.3f} s")
    before = 0.0
    for stage, name in enumerate(STAGES):
        upto = _best(lambda s=stage: [_upto(s, t, lang) for t, lang in work], args.repeat)
        print(f"  {name:32} {upto - before:7.3f} s {100 * (upto - before) / total:5.1f}%")
        before = upto
    profile = cProfile.Profile()
    profile.runcall(lambda: [extract(t, lang) for t, lang in work])
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
