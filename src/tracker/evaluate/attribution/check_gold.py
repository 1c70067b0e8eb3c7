"""Check the attribution gold (issue #10 point 6) and print per-language counts by tag.

    python src/tracker/evaluate/attribution/check_gold.py [files...]

Validates with the ordinary gold loader, then checks the attribution fields: every `source`
occurs at least `source_occurrence` times in the text (counted like claim `occurrence`),
`claimant` is null iff `source` is, every `claimant`/`via` key is listed in the claimants.md
beside its file (else this folder's), the
document tags contain every claim's `attr` tags and exactly one topic tag.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tracker.evaluate.gold import load_gold

HERE = Path(__file__).resolve().parent
DEFAULT = [HERE / "gold" / "de.jsonl", HERE / "gold" / "en.jsonl"]
TOPICS = {"topic-war", "topic-economy", "topic-disaster", "topic-health", "topic-politics",
          "topic-sport", "topic-science", "topic-migration"}
ATTRS = {"attr-same-sentence", "attr-adjacent-after", "attr-adjacent-before",
         "attr-reported-speech", "attr-paragraph", "attr-pointing-back", "attr-relay", "attr-none",
         "attr-acronym", "attr-inflection", "attr-person-role", "attr-trap"}


def count_occurrences(text: str, span: str) -> int:
    """Occurrences as the loader counts them (str.find from previous start + 1)."""
    n, pos = 0, -1
    while True:
        pos = text.find(span, pos + 1)
        if pos < 0:
            return n
        n += 1


def claimant_keys(path: Path) -> set[str]:
    keys = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([a-z0-9-]+)`\s*\|", line)
        if m:
            keys.add(m.group(1))
    return keys


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or DEFAULT
    load_gold(paths)  # raises ConfigError on any span/type problem
    # each set lists its keys in the claimants.md beside it (gold: this folder's)
    keys: set[str] = set()
    for folder in {path.parent for path in paths}:
        listed = folder / "claimants.md"
        keys |= claimant_keys(listed if listed.exists() else HERE / "claimants.md")
    errors: list[str] = []
    doc_tags: dict[str, Counter] = defaultdict(Counter)
    claim_attrs: dict[str, Counter] = defaultdict(Counter)
    totals: dict[str, Counter] = defaultdict(Counter)
    claimant_names: dict[str, set[str]] = defaultdict(set)
    claimant_langs: dict[str, set[str]] = defaultdict(set)
    claimant_docs: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            did, lang, text, tags = doc["id"], doc["lang"], doc["text"], doc["tags"]
            where = f"{path.name}:{number} ({did})"
            topics = [t for t in tags if t.startswith("topic-")]
            if len(topics) != 1 or topics[0] not in TOPICS:
                errors.append(f"{where}: needs exactly one known topic tag, has {topics}")
            for t in tags:
                if not t.startswith("topic-") and t not in ATTRS:
                    errors.append(f"{where}: unknown tag {t!r}")
            doc_tags[lang].update(tags)
            totals[lang]["documents"] += 1
            for claim in doc["claims"]:
                totals[lang]["claims"] += 1
                src, occ = claim.get("source"), claim.get("source_occurrence")
                claimant, via = claim.get("claimant"), claim.get("via")
                attrs = claim.get("attr", [])
                label = f"{where} claim {claim['text']!r}"
                if src is None:
                    if claimant is not None or via is not None or occ is not None:
                        errors.append(f"{label}: source null but claimant/via/occurrence set")
                else:
                    totals[lang]["with source"] += 1
                    if not isinstance(occ, int) or occ < 1:
                        errors.append(f"{label}: source_occurrence must be a positive int")
                    elif count_occurrences(text, src) < occ:
                        errors.append(f"{label}: source {src!r} occurs fewer than {occ} times")
                    if not claimant:
                        errors.append(f"{label}: source without claimant")
                    else:
                        claimant_names[claimant].add(src)
                        claimant_langs[claimant].add(lang)
                        claimant_docs[claimant].add(did)
                for key in (claimant, via):
                    if key is not None and key not in keys:
                        errors.append(f"{label}: key {key!r} not in claimants.md")
                if (via is not None) != ("attr-relay" in attrs):
                    errors.append(f"{label}: via and attr-relay disagree")
                for a in attrs:
                    if a not in ATTRS:
                        errors.append(f"{label}: unknown attr {a!r}")
                    elif a not in tags:
                        errors.append(f"{label}: attr {a!r} missing from document tags")
                claim_attrs[lang].update(attrs)
                if set(attrs) & {"attr-adjacent-after", "attr-adjacent-before", "attr-paragraph"}:
                    totals[lang]["adjacent or paragraph"] += 1
    for lang in sorted(totals):
        print(f"== {lang}: " + ", ".join(f"{k} {v}" for k, v in totals[lang].items()))
        print(f"   {'tag':<24}{'documents':>10}{'claims':>8}")
        for tag in sorted(set(doc_tags[lang]) | set(claim_attrs[lang])):
            claims = claim_attrs[lang].get(tag, "")
            print(f"   {tag:<24}{doc_tags[lang][tag]:>10}{claims!s:>8}")
    multi = {k: v for k, v in claimant_docs.items() if len(v) > 1}
    both = [k for k, v in claimant_langs.items() if len(v) > 1]
    print(f"== claimants: {len(claimant_docs)} used, {len(multi)} in more than one document, "
          f"{len(both)} in both languages, "
          f"{sum(1 for k in claimant_names if len(claimant_names[k]) > 1)} under several names")
    for err in errors:
        print("ERROR", err)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
