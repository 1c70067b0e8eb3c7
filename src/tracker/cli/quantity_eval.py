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
}


def measure_story(name: str, root: Path, workdir: Path) -> dict[str, Any]:
    """Scores of one story: ingest its files into a new database in ``workdir``, assign them
    with the story's bundled definitions, then with none, and group them as `tracker suggest`
    does."""
    from tracker.aggregate.quantities import QuantityConfig, assign_all, load_quantities
    from tracker.aggregate.suggest import discover, load_untracked
    from tracker.evaluate.assignment import (
        assignment_score,
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
        claims = con.sql('SELECT claim_id, article_id, "start", "end" FROM claims').pl()
        assign_all(con, load_quantities(root / DEFINITIONS[name]))
        quantity_of = dict(con.execute("SELECT claim_id, quantity FROM claims").fetchall())
        assign_all(con, QuantityConfig())  # zero configuration
        groups = discover(load_untracked(con))
    matched = match_labels(story, articles, claims, root)
    assigned = assignment_score(matched, quantity_of)
    discovered = discovery_score(story, matched, [(g.label, set(g.claim_ids)) for g in groups])
    return {
        "story": name,
        "labels": len(story.labels),
        "matched": sum(1 for _, claim_id in matched.pairs if claim_id),
        "assignment_p": assigned.precision,
        "assignment_r": assigned.recall,
        "assignment_f1": assigned.f1,
        "discovery_f1": discovered.mean_f1,
        "best_groups": {k: {"f1": f, "group": g} for k, (f, g) in discovered.per_quantity.items()},
    }


def measure(root: Path, stories: tuple[str, ...] = ("nk", "quake")) -> list[dict[str, Any]]:
    """Scores of the bundled stories, each in its own temporary database."""
    with tempfile.TemporaryDirectory(prefix="tracker-eval-") as tmp:
        return [measure_story(name, root, Path(tmp)) for name in stories]


def print_scores(fmt: str, stories: tuple[str, ...] = ("nk", "quake")) -> None:
    """``tracker eval --quantities``: one row per story (json: with the best group per
    quantity). Run from the checkout: the stories are read from data/."""
    import json

    import click

    from tracker.cli.base import write_rows

    rows = measure(Path.cwd(), stories)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    columns = ["story", "labels", "matched", "assignment_p", "assignment_r", "assignment_f1",
               "discovery_f1"]
    write_rows(columns, [[r[c] for c in columns] for r in rows], fmt)
