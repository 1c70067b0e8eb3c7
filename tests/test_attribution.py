"""Attribution (issue #10): source mention and offsets, relays, pointing back, claimants, and the
attribution scorer with its floors. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tracker.evaluate.floors import below_floors, load_attribution_floors
from tracker.evaluate.gold import parse_doc
from tracker.evaluate.run import evaluate_attribution
from tracker.evaluate.score import AttributionRecord, attribution_scores, score_attribution
from tracker.extract import extract
from tracker.models import Claim


def one(text: str, lang: str) -> Claim:
    claims = extract(text, lang)
    assert len(claims) == 1, claims
    return claims[0]


def test_source_offsets_point_at_the_mention() -> None:
    text = "Nach Angaben des Bundesinnenministeriums kamen 3.400 Menschen an."
    claim = one(text, "de")
    assert claim.source_start is not None and claim.source_end is not None
    assert text[claim.source_start : claim.source_end] == claim.source


def test_relay_citing_keeps_the_holder_as_claimant() -> None:
    claim = one("Yonhap, citing the NIS, said 2,500 soldiers had arrived.", "en")
    assert claim.source == "the NIS"
    assert claim.via_source == "Yonhap"
    assert (claim.claimant, claim.via) == ("kr-nis", "agency-yonhap")


def test_german_relay_unter_berufung_auf() -> None:
    text = "Die Agentur Yonhap berichtete unter Berufung auf den NIS von 2.500 Soldaten."
    claim = one(text, "de")
    assert claim.claimant == "kr-nis"
    assert claim.via == "agency-yonhap"


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("The Pentagon gave no details. It said 700 vehicles were lost.", "en", "It"),
        ("Das Pentagon nannte Details. Es sagte, 700 Fahrzeuge seien zerstört.", "de", "Es"),
    ],
)
def test_pointing_back_keeps_the_words_and_resolves_the_claimant(
    text: str, lang: str, source: str
) -> None:
    claim = one(text, lang)
    assert claim.source == source
    assert claim.claimant == "us-pentagon"


def test_konjunktiv_continues_the_previous_attribution() -> None:
    text = "Der Pentagon-Sprecher sagte am Montag, die Lage sei ernst. Es gebe 700 Panzer."
    claim = one(text, "de")
    assert claim.source is not None
    assert claim.claimant == "us-pentagon"


def test_no_source_has_no_claimant() -> None:
    claim = one("In the town 40 houses burned down.", "en")
    assert (claim.source, claim.claimant, claim.via) == (None, None, None)


def test_acronym_defined_in_the_text() -> None:
    text = (
        "The Norwegian Refugee Council (NRC) published a report. "
        "The NRC said 1,200 families were displaced."
    )
    claims = extract(text, "en")
    assert claims and claims[-1].source == "The NRC"
    assert claims[-1].claimant is not None and not claims[-1].claimant.startswith("anon-")


def _record(
    doc: str, gold: str | None, predicted: str | None, span: bool = True
) -> AttributionRecord:
    g = (0, 5) if gold else None
    p = (2, 8) if predicted and span else None
    return AttributionRecord(doc, "en", g, p, gold, predicted)


def test_scorer_source_overlap_and_none_when_none() -> None:
    records = [_record("a", "x", "X1"), _record("b", None, None), _record("c", "x", None)]
    scores = attribution_scores(records)
    assert scores["source"] == pytest.approx(2 / 3)


def test_scorer_maps_gold_claimants_many_to_one() -> None:
    records = [_record("a", "x", "X1"), _record("b", "x", "X1"), _record("c", "x", "X2")]
    assert attribution_scores(records)["claimant"] == pytest.approx(2 / 3)


def test_scorer_groups_anonymous_voices_only_within_a_document() -> None:
    records = [_record("a", "anon-experts", "E"), _record("b", "anon-experts", "E")]
    scores = attribution_scores(records)
    assert scores["pair_recall"] == 1.0  # no gold pair across documents
    assert scores["pair_precision"] == 0.0  # the system's cross-document pair is wrong


def test_score_attribution_reads_the_gold_fields() -> None:
    doc = parse_doc(
        {
            "id": "t-1",
            "lang": "en",
            "text": "The ministry said 40 people died.",
            "claims": [
                {"text": "40", "low": 40, "high": 40, "kind": "point", "approximate": False,
                 "unit": "death", "entity": "people", "source": "The ministry", "hedged": False,
                 "source_occurrence": 1, "claimant": "xx-ministry", "via": None}
            ],
            "tags": [],
        }
    )  # fmt: skip
    report = score_attribution([doc], {"t-1": extract(doc.text, "en")})
    assert report.scores()["en"]["source"] == 1.0


def test_attribution_floors_hold_on_the_development_gold() -> None:
    scores = evaluate_attribution().scores()
    assert below_floors(scores, load_attribution_floors()) == []


@pytest.mark.parametrize(
    "folder",
    [
        "gold",
        "holdout",
        "holdout_v2",
        "holdout_v3",
        "holdout_v4",
        "holdout_v5",
        "holdout_v6",
        "holdout_v7",
        "holdout_v8",
        "holdout_v9",
        "holdout_v10",
        "holdout_v11",
        "holdout_v12",
    ],
)
def test_every_attribution_set_passes_its_format_check(folder: str) -> None:
    """check_gold.py: spans, occurrences, claimant keys listed beside the set, tags (format only:
    nothing is scored, no error listing is printed)."""
    from pathlib import Path

    from tracker.evaluate.attribution.check_gold import main

    here = Path(__file__).resolve().parents[1] / "src/tracker/evaluate/attribution" / folder
    assert main([str(here / "de.jsonl"), str(here / "en.jsonl")]) == 0
