"""``tracker eval --quantities``: assignment F1 with the bundled definitions and discovery F1
from zero configuration, on the bundled stories (``tracker.evaluate.assignment`` scores; this
module runs the pipeline: ingest into a fresh database, assign, suggest)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

# The bundled definitions each story's assignment is scored with (paths from the checkout).
# The holdout story's definitions were written by its annotator as a user would, by meaning.
DEFINITIONS = {
    "nk": "data/quantities.toml",
    "quake": "data/stories/quake/quantities.toml",
    "flood": "src/tracker/evaluate/quantities/holdout/flood_quantities.toml",
    "protest": "src/tracker/evaluate/quantities/holdout/protest_quantities.toml",
    "lampedusa": "src/tracker/evaluate/quantities/holdout/lampedusa_quantities.toml",
    "jobcuts": "src/tracker/evaluate/quantities/holdout/jobcuts_quantities.toml",
    "outbreak": "src/tracker/evaluate/quantities/holdout/outbreak_quantities.toml",
    "referendum": "src/tracker/evaluate/quantities/holdout/referendum_quantities.toml",
    "wildfire": "src/tracker/evaluate/quantities/holdout/wildfire_quantities.toml",
    "forecast": "src/tracker/evaluate/quantities/holdout/forecast_quantities.toml",
    "heatwave": "src/tracker/evaluate/quantities/holdout/heatwave_quantities.toml",
    "strike": "src/tracker/evaluate/quantities/holdout/strike_quantities.toml",
    "breach": "src/tracker/evaluate/quantities/holdout/breach_quantities.toml",
    "election": "src/tracker/evaluate/quantities/holdout/election_quantities.toml",
    "derail": "src/tracker/evaluate/quantities/holdout/derail_quantities.toml",
    "shelling": "src/tracker/evaluate/quantities/holdout/shelling_quantities.toml",
    "games": "src/tracker/evaluate/quantities/holdout/games_quantities.toml",
    "housing": "src/tracker/evaluate/quantities/holdout/housing_quantities.toml",
    "flights": "src/tracker/evaluate/quantities/holdout/flights_quantities.toml",
    "harvest": "src/tracker/evaluate/quantities/holdout/harvest_quantities.toml",
    "recall": "src/tracker/evaluate/quantities/holdout/recall_quantities.toml",
    "storm": "src/tracker/evaluate/quantities/holdout/storm_quantities.toml",
    "birdflu": "src/tracker/evaluate/quantities/holdout/birdflu_quantities.toml",
    "seizure": "src/tracker/evaluate/quantities/holdout/seizure_quantities.toml",
    "subsidy": "src/tracker/evaluate/quantities/holdout/subsidy_quantities.toml",
    "measles": "src/tracker/evaluate/quantities/holdout/measles_quantities.toml",
    # never-seen articles on the bundled story, scored with the bundled definitions
    "nk2": "data/quantities.toml",
    "nk3": "data/quantities.toml",
    "nk4": "data/quantities.toml",
    "nk5": "data/quantities.toml",
    "nk6": "data/quantities.toml",
}


def measure_story(name: str, root: Path, workdir: Path, errors: bool = False) -> dict[str, Any]:
    """Scores of one story: ingest its files into a new database in ``workdir``, assign them
    with the story's bundled definitions, then with none, and group them as `tracker suggest`
    does. ``errors``: also list the claims scored wrong (``errors`` of the row)."""
    from tracker.aggregate.quantities import QuantityConfig, assign_all, load_quantities
    from tracker.aggregate.suggest import discover, load_untracked
    from tracker.evaluate.assignment import (
        assignment_errors,
        assignment_score,
        discovery_errors,
        discovery_score,
        load_story,
        match_labels,
        story_paths,
    )
    from tracker.ingest import ingest
    from tracker.store import open_store

    story = load_story(name)
    db = workdir / f"{name}.duckdb"
    ingest(story_paths(story, root), db, workers=1, progress=False)
    with open_store(db) as store:
        con = store.con
        articles = con.sql("SELECT article_id, path, text FROM articles").pl()
        claims = con.sql(
            'SELECT claim_id, article_id, "start", "end", quote, unit, concept, actor, state, '
            "sentence FROM claims"
        ).pl()
        assign_all(con, load_quantities(root / DEFINITIONS[name]))
        quantity_of = dict(con.execute("SELECT claim_id, quantity FROM claims").fetchall())
        assign_all(con, QuantityConfig())  # zero configuration
        groups = discover(load_untracked(con))
    matched = match_labels(story, articles, claims, root, ids_of=_article_ids)
    assigned = assignment_score(matched, quantity_of)
    found_groups = [(g.label, set(g.claim_ids)) for g in groups]
    discovered = discovery_score(story, matched, found_groups)
    row = {
        "story": name,
        "labels": len(story.labels),
        "matched": sum(1 for _, claim_id in matched.pairs if claim_id),
        "copies": len(matched.copies),
        "assignment_p": assigned.precision,
        "assignment_r": assigned.recall,
        "assignment_f1": assigned.f1,
        "discovery_f1": discovered.mean_f1,
        "best_groups": {k: {"f1": f, "group": g} for k, (f, g) in discovered.per_quantity.items()},
    }
    if errors:
        listed = assignment_errors(matched, quantity_of)
        listed += discovery_errors(story, matched, found_groups)
        row["errors"] = [_error_row(e, claims) for e in listed]
    return row


def _article_ids(path: Path) -> set[str]:
    """The ids of the articles one story file reads as (for agency copies stored once)."""
    from tracker.ingest.pipeline import read_path
    from tracker.models import Article

    return {a.article_id for a in read_path(path) if isinstance(a, Article)}


def _error_row(error: Any, claims: Any) -> dict[str, Any]:
    """One wrong claim: where (the label's file and span, else the claim's quote), the gold and
    the found quantity (or group), the claim's meaning and its sentence."""
    import polars as pl

    claim: dict[str, Any] = {}
    if error.claim_id is not None:
        rows = claims.filter(pl.col("claim_id") == error.claim_id).to_dicts()
        claim = rows[0] if rows else {}
    label = error.label or {}
    meaning = " · ".join(claim.get(k) or "–" for k in ("concept", "actor", "state"))
    return {
        "kind": error.kind,
        "file": Path(label.get("file", "")).name or claim.get("article_id", ""),
        "span": label.get("text") or claim.get("quote", ""),
        "gold": error.gold or "–",
        "found": error.found or "–",
        "meaning": meaning if claim else "(no claim)",
        "unit": claim.get("unit") or "",
        "sentence": " ".join((claim.get("sentence") or "").split()),
    }


def measure(root: Path, stories: tuple[str, ...] = ("nk", "quake"),
            errors: bool = False) -> list[dict[str, Any]]:
    """Scores of the bundled stories, each in its own temporary database."""
    with tempfile.TemporaryDirectory(prefix="tracker-eval-") as tmp:
        return [measure_story(name, root, Path(tmp), errors) for name in stories]


def print_scores(fmt: str, stories: tuple[str, ...] = ("nk", "quake"),
                 errors: bool = False) -> None:
    """``tracker eval --quantities``: one row per story (json: with the best group per
    quantity, and with ``errors`` the claims scored wrong). Run from the checkout: the stories
    are read from data/. ``errors`` in a table: one block per wrong claim after the scores."""
    import json

    import click

    from tracker.cli.base import write_rows

    rows = measure(Path.cwd(), stories, errors)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    columns = ["story", "labels", "copies", "matched", "assignment_p", "assignment_r",
               "assignment_f1", "discovery_f1"]
    write_rows(columns, [[r[c] for c in columns] for r in rows], fmt)
    for row in rows if errors else ():
        for e in row["errors"]:
            unit = f" · {e['unit']}" if e["unit"] else ""
            click.echo(f"{row['story']} {e['kind']}: {e['file']} {e['span']!r} gold {e['gold']}"
                       f" found {e['found']} [{e['meaning']}{unit}]")
            if e["sentence"]:
                click.echo(f"    {e['sentence']}")
