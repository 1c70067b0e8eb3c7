"""The one scorer: predicted claims against gold claims, per language, per tag, with an error list.

Pure: it takes predictions already made (``score``); ``tracker.evaluate.run`` calls the extractor.
Matching is one-to-one by overlapping spans, greedy by overlap length, so the scorer does not
depend on where exactly a span starts or ends. See docs/evaluation.md for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from tracker.claimants import merge_variants
from tracker.evaluate.gold import GoldDoc
from tracker.extract.coreference import unscoped

ATTRIBUTES: tuple[str, ...] = ("kind", "unit", "source", "hedged", "approximate", "entity")
REL_TOLERANCE = 1e-6

# Words that may not be skipped when a shorter source is compared with a longer one: skipping
# "in"/"der" would let "Kiew" stand for "das Verteidigungsministerium in Kiew".
_DETERMINERS = frozenset(
    ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen",
     "the", "a", "an")
)  # fmt: skip
_FUNCTION_WORDS = _DETERMINERS | frozenset(
    ("von", "vom", "in", "im", "aus", "bei", "zu", "zur", "zum", "für", "mit", "nach", "über",
     "of", "at", "from", "for", "by", "on", "to", "with", "und", "oder", "and", "or")
)  # fmt: skip
_BRITISH_METRIC = re.compile(r"(met|lit)re\b")
_QUOTES = re.compile(r"[\"'„“”‚‘’«»]")


class ClaimLike(Protocol):
    """What the scorer reads from a predicted claim (tracker.models.Claim fits)."""

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    kind: str
    approximate: bool
    unit: str | None
    entity: str | None
    source: str | None
    hedged: bool


@dataclass(slots=True)
class Counts:
    """Tallies from which every score is computed; add them up to aggregate."""

    docs: int = 0
    gold: int = 0
    predicted: int = 0
    value_correct: int = 0
    attribute_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTES, 0))

    def add(self, other: Counts) -> None:
        self.docs += other.docs
        self.gold += other.gold
        self.predicted += other.predicted
        self.value_correct += other.value_correct
        for name in ATTRIBUTES:
            self.attribute_correct[name] += other.attribute_correct[name]

    def scores(self) -> dict[str, float]:
        """precision, recall, f1 of values; accuracy of each attribute on value-correct matches.

        With nothing to measure a score is 1.0 (no gold and no predictions is a perfect result).
        """
        precision = _ratio(self.value_correct, self.predicted)
        recall = _ratio(self.value_correct, self.gold)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result = {"precision": precision, "recall": recall, "f1": f1}
        for name in ATTRIBUTES:
            result[name] = _ratio(self.attribute_correct[name], self.value_correct)
        return result


@dataclass(frozen=True, slots=True)
class EvalError:
    """One discrepancy, for debugging: where it is and what was expected versus found."""

    doc_id: str
    lang: str
    category: str
    span: str
    start: int
    expected: Any = None
    found: Any = None


@dataclass(slots=True)
class Report:
    by_lang: dict[str, Counts]
    by_tag: dict[str, Counts]
    errors: list[EvalError]

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_lang.values():
            total.add(counts)
        return total

    def scores(self) -> dict[str, dict[str, float]]:
        """Scores per language plus ``all``."""
        result = {lang: counts.scores() for lang, counts in sorted(self.by_lang.items())}
        result["all"] = self.overall.scores()
        return result


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def values_equal(predicted: float | None, gold: float | None) -> bool:
    if predicted is None or gold is None:
        return predicted is None and gold is None
    return abs(predicted - gold) <= REL_TOLERANCE * max(1.0, abs(gold))


def normalise_phrase(phrase: str | None) -> str | None:
    """Casefold, drop quote marks, collapse whitespace, strip surrounding punctuation."""
    if phrase is None:
        return None
    cleaned = " ".join(_QUOTES.sub("", phrase).casefold().split())
    return cleaned.strip(" .,;:!?()[]-–") or None


def normalise_unit(unit: str | None) -> str | None:
    """One spelling per unit lemma: ``square_kilometre`` and ``square kilometer`` are the same."""
    phrase = normalise_phrase(unit.replace("_", " ").replace("-", " ") if unit else unit)
    return _BRITISH_METRIC.sub(r"\1er", phrase) if phrase else phrase


def sources_equal(predicted: str | None, gold: str | None) -> bool:
    """Equal after normalising, or the same head with only leading modifiers added or left out."""
    pred, expected = normalise_phrase(predicted), normalise_phrase(gold)
    if pred is None or expected is None:
        return pred is expected
    if pred == expected:
        return True
    short, long = sorted((_without_determiner(pred), _without_determiner(expected)), key=len)
    if not short or long[len(long) - len(short) :] != short:
        return False
    extra = long[: len(long) - len(short)]
    return not any(word in _FUNCTION_WORDS for word in extra)


def _without_determiner(phrase: str) -> list[str]:
    words = phrase.split()
    return words[1:] if words and words[0] in _DETERMINERS else words


def entities_equal(predicted: str | None, gold: str | None) -> bool:
    """Lenient: one phrase contains the other as a word sequence (nulls must agree)."""
    pred, expected = normalise_phrase(predicted), normalise_phrase(gold)
    if pred is None or expected is None:
        return pred is expected
    padded_pred, padded_gold = f" {pred} ", f" {expected} "
    return padded_pred in padded_gold or padded_gold in padded_pred


def _attribute_equal(name: str, predicted: Any, gold: Any) -> bool:
    if name == "source":
        return sources_equal(predicted, gold)
    if name == "entity":
        return entities_equal(predicted, gold)
    if name == "unit":
        return normalise_unit(predicted) == normalise_unit(gold)
    return predicted == gold


def match_spans(predicted: Sequence[ClaimLike], gold: Sequence[Any]) -> list[tuple[int, int]]:
    """Pairs (predicted index, gold index), one-to-one, largest overlap first."""
    candidates = []
    for p_index, p in enumerate(predicted):
        for g_index, g in enumerate(gold):
            overlap = min(p.end, g.end) - max(p.start, g.start)
            if overlap > 0:
                # Ties go to the pair whose starts are closest, then to text order.
                candidates.append((-overlap, abs(p.start - g.start), p_index, g_index))
    pairs, used_p, used_g = [], set(), set()
    for _, _, p_index, g_index in sorted(candidates):
        if p_index not in used_p and g_index not in used_g:
            pairs.append((p_index, g_index))
            used_p.add(p_index)
            used_g.add(g_index)
    return sorted(pairs, key=lambda pair: gold[pair[1]].start)


def score_document(doc: GoldDoc, predicted: Sequence[ClaimLike]) -> tuple[Counts, list[EvalError]]:
    """Counts and errors for one document."""
    counts = Counts(docs=1, gold=len(doc.claims), predicted=len(predicted))
    errors: list[EvalError] = []
    pairs = match_spans(predicted, doc.claims)
    for p_index, g_index in pairs:
        p, g = predicted[p_index], doc.claims[g_index]
        if not (values_equal(p.low, g.low) and values_equal(p.high, g.high)):
            errors.append(_error(doc, "wrong_value", g, (g.low, g.high), (p.low, p.high), p.text))
            continue
        counts.value_correct += 1
        for name in ATTRIBUTES:
            expected, found = getattr(g, name), getattr(p, name, None)
            if _attribute_equal(name, found, expected):
                counts.attribute_correct[name] += 1
            else:
                errors.append(_error(doc, f"wrong_{name}", g, expected, found, p.text))
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    for g_index, g in enumerate(doc.claims):
        if g_index not in matched_g:
            errors.append(_error(doc, "miss", g, (g.low, g.high), None))
    for p_index, p in enumerate(predicted):
        if p_index not in matched_p:
            errors.append(_error(doc, "false_positive", p, None, (p.low, p.high)))
    return counts, errors


def _error(
    doc: GoldDoc, category: str, claim: Any, expected: Any, found: Any, found_span: str = ""
) -> EvalError:
    span = (
        claim.text if not found_span or found_span == claim.text else f"{claim.text} | {found_span}"
    )
    return EvalError(doc.doc_id, doc.lang, category, span, claim.start, expected, found)


def score(docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[ClaimLike]]) -> Report:
    """Score predictions (by document id) against the gold documents."""
    by_lang: dict[str, Counts] = {}
    by_tag: dict[str, Counts] = {}
    errors: list[EvalError] = []
    for doc in docs:
        counts, doc_errors = score_document(doc, predictions.get(doc.doc_id, ()))
        errors.extend(doc_errors)
        by_lang.setdefault(doc.lang, Counts()).add(counts)
        for tag in doc.tags:
            by_tag.setdefault(tag, Counts()).add(counts)
    return Report(by_lang=by_lang, by_tag=dict(sorted(by_tag.items())), errors=errors)


# --- Attribution (issue #10, evaluate/attribution/README.md) --------------------------------


@dataclass(frozen=True, slots=True)
class AttributionRecord:
    """One value-correct match of an attribution-gold claim: the gold and predicted source
    span and claimant."""

    doc_id: str
    lang: str
    gold_span: tuple[int, int] | None
    predicted_span: tuple[int, int] | None
    gold_claimant: str | None
    predicted_claimant: str | None
    predicted_source: str | None = None
    grouped_claimant: str | None = None  # after the corpus pass (``group_like_database``)

    @property
    def source_correct(self) -> bool:
        """Spans overlap, or both are absent ("none when none")."""
        if self.gold_span is None or self.predicted_span is None:
            return self.gold_span is None and self.predicted_span is None
        return min(self.gold_span[1], self.predicted_span[1]) > max(
            self.gold_span[0], self.predicted_span[0]
        )


def _group_key(claimant: str | None, doc_id: str) -> str | tuple[str, str] | None:
    """Anonymous voices ("anon-western-officials") group only within a document."""
    if claimant is None:
        return None
    return (doc_id, claimant) if claimant.startswith("anon-") else claimant


def _pairs(counts: Mapping[Any, int]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def attribution_scores(records: Sequence[AttributionRecord]) -> dict[str, float]:
    """Source accuracy (span overlap, none when none), claimant accuracy (each gold claimant
    mapped to the predicted claimant most often given for it, many-to-one; none when none) and
    pair precision/recall/F1 of claimant grouping across documents."""
    # an anonymous voice's key is scoped to its article ("anon-analysts:3f9a01c2"); the gold
    # names the kind of voice ("anon-analysts"), so accuracy compares kinds
    predicted = [unscoped(r.predicted_claimant) if r.predicted_claimant else None for r in records]
    votes: dict[str, dict[str, int]] = {}
    for r, p in zip(records, predicted, strict=True):
        if r.gold_claimant is not None and p is not None:
            tally = votes.setdefault(r.gold_claimant, {})
            tally[p] = tally.get(p, 0) + 1
    mapping = {gold: max(sorted(t), key=t.__getitem__) for gold, t in votes.items()}
    claimant_ok = sum(
        (r.gold_claimant is None and p is None)
        or (p is not None and mapping.get(r.gold_claimant or "") == p)
        for r, p in zip(records, predicted, strict=True)
    )
    gold_groups: dict[Any, int] = {}
    pred_groups: dict[Any, int] = {}
    both: dict[Any, int] = {}
    for r in records:
        grouped = r.grouped_claimant or r.predicted_claimant
        g, p = _group_key(r.gold_claimant, r.doc_id), _group_key(grouped, r.doc_id)
        if g is not None:
            gold_groups[g] = gold_groups.get(g, 0) + 1
        if p is not None:
            pred_groups[p] = pred_groups.get(p, 0) + 1
        if g is not None and p is not None:
            both[(g, p)] = both.get((g, p), 0) + 1
    common, gold_pairs, pred_pairs = _pairs(both), _pairs(gold_groups), _pairs(pred_groups)
    precision, recall = _ratio(common, pred_pairs), _ratio(common, gold_pairs)
    return {
        "claims": float(len(records)),
        "with_source": float(sum(r.gold_span is not None for r in records)),
        "source": _ratio(sum(r.source_correct for r in records), len(records)),
        "claimant": _ratio(claimant_ok, len(records)),
        "pair_precision": precision,
        "pair_recall": recall,
        "pair_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


@dataclass(slots=True)
class AttributionReport:
    records: list[AttributionRecord]
    docs: dict[str, int]
    errors: list[EvalError]

    def scores(self) -> dict[str, dict[str, float]]:
        """Per language plus ``all`` (grouping across languages)."""
        result = {
            lang: {
                "docs": float(n),
                **attribution_scores([r for r in self.records if r.lang == lang]),
            }
            for lang, n in sorted(self.docs.items())
        }
        result["all"] = {"docs": float(sum(self.docs.values())), **attribution_scores(self.records)}
        return result


def group_like_database(records: Sequence[AttributionRecord]) -> list[AttributionRecord]:
    """The predicted claimants as the database groups them: the corpus pass
    (``tracker.claimants.merge_variants``, as in ``tracker.aggregate.claimants``) run over the
    (claimant, source as written) of every record of the set, all documents and languages."""
    merged = merge_variants(
        (r.predicted_claimant, r.predicted_source or "") for r in records if r.predicted_claimant
    )
    return [
        replace(r, grouped_claimant=merged.get(r.predicted_claimant, r.predicted_claimant))
        if r.predicted_claimant
        else r
        for r in records
    ]


def _predicted_span(p: Any) -> tuple[int, int] | None:
    start, end = getattr(p, "source_start", None), getattr(p, "source_end", None)
    return None if start is None or end is None else (start, end)


def score_attribution(
    docs: Sequence[GoldDoc], predictions: Mapping[str, Sequence[ClaimLike]]
) -> AttributionReport:
    """Attribution records for every value-correct match of claims that carry attribution gold."""
    records: list[AttributionRecord] = []
    errors: list[EvalError] = []
    counted: dict[str, int] = {}
    for doc in docs:
        counted[doc.lang] = counted.get(doc.lang, 0) + 1
        predicted = predictions.get(doc.doc_id, ())
        for p_index, g_index in match_spans(predicted, doc.claims):
            p, g = predicted[p_index], doc.claims[g_index]
            if not g.has_attribution or not (
                values_equal(p.low, g.low) and values_equal(p.high, g.high)
            ):
                continue
            gold_span = None if g.source_start is None else (g.source_start, g.source_end or 0)
            record = AttributionRecord(
                doc.doc_id, doc.lang, gold_span, _predicted_span(p), g.claimant,
                getattr(p, "claimant", None), getattr(p, "source", None),
            )  # fmt: skip
            records.append(record)
            if not record.source_correct:
                errors.append(
                    _error(
                        doc,
                        "wrong_source",
                        g,
                        _span_text(doc, gold_span),
                        _span_text(doc, record.predicted_span),
                        p.text,
                    )
                )
            if record.gold_claimant != record.predicted_claimant:
                errors.append(
                    _error(doc, "claimant", g, g.claimant, record.predicted_claimant, p.text)
                )
    return AttributionReport(group_like_database(records), counted, errors)


def _span_text(doc: GoldDoc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else f"{doc.text[span[0] : span[1]]}@{span[0]}"
