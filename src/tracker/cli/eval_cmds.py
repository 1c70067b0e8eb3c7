"""Command: ``tracker eval`` — score the extractor on the gold corpus (a thin caller of
``tracker.evaluate.evaluate``)."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from tracker.cli.base import cli, format_option, write_rows
from tracker.errors import TrackerError

SCORE_COLUMNS = (
    "precision",
    "recall",
    "f1",
    "kind",
    "unit",
    "source",
    "hedged",
    "approximate",
    "entity",
)
COUNT_COLUMNS = ("docs", "gold", "predicted", "value_correct")
ERROR_COLUMNS = ("doc", "category", "span", "offset", "expected", "found")


def _score_rows(groups: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for name, counts in groups.items():
        scores = counts.scores()
        rows.append(
            [name, counts.docs, counts.gold, counts.predicted, counts.value_correct]
            + [f"{scores[column]:.3f}" for column in SCORE_COLUMNS]
        )
    return rows


def _error_rows(errors: list[Any]) -> list[list[Any]]:
    return [
        [e.doc_id, e.category, e.span, e.start, _show(e.expected), _show(e.found)] for e in errors
    ]


def _show(value: Any) -> str:
    if isinstance(value, tuple):
        return "–".join("·" if v is None else f"{v:g}" for v in value)
    return "" if value is None else str(value)


def _json_counts(counts: Any) -> dict[str, Any]:
    return {
        "docs": counts.docs,
        "gold": counts.gold,
        "predicted": counts.predicted,
        "value_correct": counts.value_correct,
        **counts.scores(),
    }


@cli.command("eval")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Only this language.")
@click.option(
    "--gold",
    "gold_paths",
    multiple=True,
    type=click.Path(dir_okay=False),
    metavar="PATH",
    help="Gold JSONL file(s) (default: the packaged corpus).",
)
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="List every error with document id and span (with --quantities: every claim assigned "
    "or grouped wrongly, with its gold and found quantity, meaning and sentence).",
)
@click.option("--by-tag", is_flag=True, help="Also show scores per tag (table format).")
@format_option(formats=("table", "json"))
@click.option(
    "--check-floors",
    is_flag=True,
    help="Exit 1 when a score is below its pinned floor (evaluate/floors.toml).",
)
@click.option(
    "--attribution",
    is_flag=True,
    help="Score who states each claim instead: source span, claimant and claimant grouping "
    "(default gold: evaluate/attribution/gold).",
)
@click.option(
    "--quantities",
    "quantities_eval",
    is_flag=True,
    help="Score quantity assignment (bundled definitions) and discovery (no configuration) on "
    "the bundled stories' gold labels (evaluate/quantities).",
)
@click.option(
    "--story",
    "stories",
    multiple=True,
    type=click.Choice(["nk", "quake", "flood", "protest", "lampedusa", "outbreak", "jobcuts",
                      "wildfire", "referendum", "forecast",
                      "heatwave", "strike", "breach", "election", "derail", "shelling", "housing",
                      "games", "flights", "harvest", "nk2", "nk3",
                      "recall", "storm", "nk4", "nk5", "birdflu", "seizure",
                      "nk6", "subsidy", "measles"]),
    help="With --quantities: the stories to score (default: the bundled nk and quake; flood and "
    "protest are the holdout stories in evaluate/quantities/holdout, lampedusa too).",
)
def eval_command(
    lang: str | None,
    gold_paths: tuple[str, ...],
    show_errors: bool,
    by_tag: bool,
    fmt: str,
    check_floors: bool,
    attribution: bool,
    quantities_eval: bool,
    stories: tuple[str, ...],
) -> None:
    """Score the extractor on the gold corpus: value precision, recall and F1, and the accuracy
    of kind, unit, source, hedged, approximate and entity on correct values, per language.
    With --attribution: source span accuracy, claimant accuracy and claimant pair-F1."""
    from tracker.evaluate import evaluate

    if check_floors and gold_paths:
        raise TrackerError("--check-floors: floors are pinned for the packaged corpus, not --gold")
    if quantities_eval:
        from tracker.cli.quantity_eval import print_scores

        print_scores(fmt, stories or ("nk", "quake"), show_errors)
        return
    if attribution:
        _attribution_command(gold_paths, lang, show_errors, fmt, check_floors)
        return
    report = evaluate(gold_paths or None, lang=lang)
    if fmt == "json":
        _print_json(report, show_errors)
    else:
        _print_tables(report, show_errors, by_tag)
    if check_floors:
        from tracker.evaluate.floors import load_floors

        _exit_below_floors(report.scores(), load_floors(), lang)


def _print_json(report: Any, show_errors: bool) -> None:
    groups = {**dict(sorted(report.by_lang.items())), "all": report.overall}
    payload: dict[str, Any] = {
        "scores": {name: _json_counts(counts) for name, counts in groups.items()},
        "by_tag": {tag: _json_counts(counts) for tag, counts in report.by_tag.items()},
    }
    if show_errors:
        payload["errors"] = [
            dict(zip(ERROR_COLUMNS, row, strict=True)) for row in _error_rows(report.errors)
        ]
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _print_tables(report: Any, show_errors: bool, by_tag: bool) -> None:
    groups = {**dict(sorted(report.by_lang.items())), "all": report.overall}
    write_rows(("lang", *COUNT_COLUMNS, *SCORE_COLUMNS), _score_rows(groups), "table")
    if by_tag:
        write_rows(("tag", *COUNT_COLUMNS, *SCORE_COLUMNS), _score_rows(report.by_tag), "table")
    if show_errors:
        write_rows(ERROR_COLUMNS, _error_rows(report.errors), "table")


def _exit_below_floors(
    scores: dict[str, dict[str, float]], floors: dict[str, Any], lang: str | None
) -> None:
    """With --lang only that language's floors apply (its ``all`` is not the corpus's)."""
    from tracker.evaluate.floors import below_floors

    if lang is not None:
        floors = {lang: floors[lang]}
    failures = below_floors(scores, floors)
    for line in failures:
        click.echo(f"below floor: {line}", err=True)
    if failures:
        sys.exit(1)


ATTRIBUTION_COLUMNS = (
    "docs",
    "claims",
    "with_source",
    "source",
    "claimant",
    "pair_precision",
    "pair_recall",
    "pair_f1",
)


def _attribution_command(
    gold_paths: tuple[str, ...], lang: str | None, show_errors: bool, fmt: str, check: bool
) -> None:
    """``tracker eval --attribution``: scores on value-correct matches of attribution gold."""
    from tracker.evaluate import evaluate_attribution

    report = evaluate_attribution(gold_paths or None, lang=lang)
    scores = report.scores()
    if fmt == "json":
        payload: dict[str, Any] = {"attribution": scores}
        if show_errors:
            payload["errors"] = [
                dict(zip(ERROR_COLUMNS, row, strict=True)) for row in _error_rows(report.errors)
            ]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        rows = [
            [group]
            + [
                f"{values[c]:.0f}" if c in ("docs", "claims", "with_source") else f"{values[c]:.3f}"
                for c in ATTRIBUTION_COLUMNS
            ]
            for group, values in scores.items()
        ]
        write_rows(("lang", *ATTRIBUTION_COLUMNS), rows, "table")
        if show_errors:
            write_rows(ERROR_COLUMNS, _error_rows(report.errors), "table")
    if check:
        from tracker.evaluate.floors import load_attribution_floors

        _exit_below_floors(scores, load_attribution_floors(), lang)
