"""The scorer on hand-made predicted/gold pairs, and `tracker eval` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.evaluate.gold import GoldClaim, GoldDoc
from tracker.evaluate.run import evaluate
from tracker.evaluate.score import (
    match_spans,
    normalise_unit,
    score,
    sources_equal,
    values_equal,
)
from tracker.models import Claim

TEXT = "Laut Polizei wurden mehr als 20 Menschen verletzt und 3 getötet."


def gold_claim(span: str, low, high, kind="point", **attrs) -> GoldClaim:
    start = TEXT.index(span)
    fields = {"approximate": False, "unit": None, "entity": None, "source": None, "hedged": False}
    fields.update(attrs)
    return GoldClaim(span, start, start + len(span), low, high, kind, **fields)


def predicted(span: str, low, high, kind="point", **attrs) -> Claim:
    start = TEXT.index(span)
    return Claim(span, start, start + len(span), low, high, kind, **attrs)


GOLD = GoldDoc(
    "t-001",
    "de",
    TEXT,
    (
        gold_claim("mehr als 20", 20.0, None, "lower_bound", unit="wounded", source="Polizei"),
        gold_claim("3", 3.0, 3.0, unit="death", source="Polizei"),
    ),
    ("lower-bound",),
)


def test_perfect_prediction_scores_one():
    preds = [
        predicted("mehr als 20", 20.0, None, "lower_bound", unit="wounded", source="Polizei"),
        predicted("3", 3.0, 3.0, unit="death", source="Polizei"),
    ]
    scores = score([GOLD], {"t-001": preds}).scores()["de"]
    assert scores["precision"] == scores["recall"] == scores["f1"] == 1.0
    assert scores["kind"] == scores["unit"] == scores["source"] == 1.0


def test_span_boundaries_do_not_matter_only_overlap():
    # "20" alone overlaps the gold span "mehr als 20": still the same claim.
    preds = [predicted("20", 20.0, None, "lower_bound", unit="wounded", source="Polizei")]
    report = score([GOLD], {"t-001": preds})
    counts = report.by_lang["de"]
    assert (counts.value_correct, counts.predicted, counts.gold) == (1, 1, 2)
    assert report.scores()["de"]["precision"] == 1.0
    assert report.scores()["de"]["recall"] == 0.5
    assert [e.category for e in report.errors] == ["miss"]


def test_wrong_value_counts_against_precision_and_recall():
    preds = [predicted("mehr als 20", 20.0, 20.0, "point", unit="wounded")]
    report = score([GOLD], {"t-001": preds})
    scores = report.scores()["de"]
    assert scores["precision"] == 0.0 and scores["recall"] == 0.0 and scores["f1"] == 0.0
    assert {e.category for e in report.errors} == {"wrong_value", "miss"}


def test_attributes_are_scored_only_on_value_correct_matches():
    preds = [
        predicted("mehr als 20", 20.0, None, "lower_bound", unit="person", source="Polizei"),
        predicted("3", 3.0, 3.0, unit="death", source=None, hedged=True),
    ]
    report = score([GOLD], {"t-001": preds})
    scores = report.scores()["de"]
    assert scores["f1"] == 1.0
    assert scores["unit"] == 0.5 and scores["source"] == 0.5 and scores["hedged"] == 0.5
    assert sorted(e.category for e in report.errors) == [
        "wrong_hedged",
        "wrong_source",
        "wrong_unit",
    ]


def test_false_positive_on_a_negative_document():
    doc = GoldDoc("t-002", "en", "On March 12, 2024 at 9:45", (), ("negative",))
    pred = Claim("2024", 13, 17, 2024.0, 2024.0, "point")
    report = score([doc], {"t-002": [pred]})
    assert report.scores()["en"]["precision"] == 0.0
    assert report.errors[0].category == "false_positive"
    assert report.by_tag["negative"].predicted == 1


def test_matching_is_one_to_one_and_prefers_the_larger_overlap():
    gold = [gold_claim("mehr als 20", 20.0, None, "lower_bound"), gold_claim("3", 3.0, 3.0)]
    whole = Claim("mehr als 20 Menschen", 20, 40, 20.0, None, "lower_bound")
    part = Claim("20", 29, 31, 20.0, 20.0, "point")
    assert match_spans([part, whole], gold) == [(1, 0)]


def test_values_equal_uses_a_relative_tolerance():
    assert values_equal(1.2e9, 1.2e9 + 1)
    assert not values_equal(1.2e9, 1.2e9 + 10_000)
    assert values_equal(None, None) and not values_equal(None, 0.0)
    assert not values_equal(0.5, 0.50001 + 1e-5)


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        ("KCNA", "die staatliche Nachrichtenagentur KCNA", True),
        ("amerikanischen Dienste", "die amerikanischen Dienste", True),
        ("Die  amerikanischen\nDienste", "die amerikanischen Dienste", True),
        ("National Intelligence Service", "South Korea's National Intelligence Service", True),
        ('der "Kicker"', "der „Kicker“", True),
        ("Kiew", "Das Verteidigungsministerium in Kiew", False),
        ("der Armee", "ein Sprecher der Armee", False),
        ("Polizei", None, False),
        (None, None, True),
        ("Interfax", "KCNA", False),
    ],
)
def test_source_comparison(pred, gold, same):
    assert sources_equal(pred, gold) is same


def test_evaluate_records_a_crash_instead_of_raising(tmp_path: Path):
    def broken(text: str, lang: str | None):
        raise RuntimeError("boom")

    report = evaluate(lang="de", extractor=broken)
    assert report.errors[0].category == "crash"
    assert report.scores()["de"]["recall"] == 0.0


def _gold_file(tmp_path: Path) -> Path:
    record = {
        "id": "cli-001",
        "lang": "en",
        "text": "More than 20 people were hurt on Monday.",
        "claims": [
            {
                "text": "More than 20",
                "low": 20,
                "high": None,
                "kind": "lower_bound",
                "approximate": False,
                "unit": "wounded",
                "entity": "people",
                "source": None,
                "hedged": False,
            }
        ],
        "tags": ["lower-bound"],
    }
    path = tmp_path / "small.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_cli_json_reports_scores_and_errors(tmp_path: Path):
    result = CliRunner().invoke(
        cli, ["eval", "--gold", str(_gold_file(tmp_path)), "--format", "json", "--errors"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert set(payload["scores"]) == {"en", "all"}
    assert payload["scores"]["en"]["gold"] == 1
    assert "lower-bound" in payload["by_tag"]
    assert all({"doc", "category", "span"} <= set(e) for e in payload["errors"])


def test_cli_table_lists_languages(tmp_path: Path):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(_gold_file(tmp_path)), "--errors"])
    assert result.exit_code == 0, result.output
    assert "precision" in result.output and "en" in result.output


def test_cli_bad_gold_file_is_one_line_error(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "b-1", "lang": "en", "text": "x", "claims": [{"text": "7"}]}\n')
    result = CliRunner().invoke(cli, ["eval", "--gold", str(bad)])
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and "b-1" in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("pred", "gold", "same"),
    [
        ("square_kilometre", "square kilometer", True),
        ("Kilometre", "kilometer", True),
        ("litre", "liter", True),
        ("percentage_point", "percentage point", True),
        ("centimetre", "centimeter", True),
        ("person", "soldier", False),
        ("point", "percentage point", False),
        (None, None, True),
    ],
)
def test_unit_spellings_of_one_lemma_are_equal(pred, gold, same):
    assert (normalise_unit(pred) == normalise_unit(gold)) is same


def test_commands_in_the_evaluation_docs_run(repo_root: Path, tmp_path: Path):
    """docs/evaluation.md's `tracker eval` examples work as written (with a real gold file)."""
    docs = (repo_root / "docs" / "evaluation.md").read_text(encoding="utf-8")
    lines = [ln.split("#")[0].split() for ln in docs.splitlines() if ln.startswith("tracker eval")]
    assert len(lines) >= 4
    gold = str(_gold_file(tmp_path))
    for words in lines:
        args = [gold if word == "my.jsonl" else word for word in words[1:]]
        if "--check-floors" in args:
            continue  # the CI gate (test_eval_gate.py) runs the floors check
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (words, result.output)
