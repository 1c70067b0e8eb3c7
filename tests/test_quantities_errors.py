"""The per-claim error listing behind ``tracker eval --quantities --errors``
(``assignment_errors``, ``discovery_errors``), on a made-up story."""

from __future__ import annotations

from tracker.evaluate.assignment import (
    Matched,
    Story,
    assignment_errors,
    assignment_score,
    discovery_errors,
    discovery_score,
)


def _label(text: str, quantity: str | None) -> dict:
    return {"file": "a.txt", "text": text, "occurrence": 1, "quantity": quantity}


STORY = Story("made-up", ("dead", "hurt"), (), ())
MATCHED = Matched(
    pairs=[
        (_label("12", "dead"), "c1"),
        (_label("30", "hurt"), "c2"),
        (_label("7", None), "c3"),
        (_label("40", "hurt"), None),  # no claim at this span
    ],
    extra={"c4"},
)


def test_assignment_errors_are_the_claims_the_score_counts() -> None:
    quantity_of = {"c1": "dead", "c2": None, "c3": "dead", "c4": "hurt"}
    errors = assignment_errors(MATCHED, quantity_of)
    kinds = [(e.kind, e.claim_id, e.gold, e.found) for e in errors]
    assert kinds == [
        ("assignment", "c2", "hurt", None),
        ("assignment", "c3", None, "dead"),
        ("unmatched", None, "hurt", None),
        ("extra", "c4", None, "hurt"),
    ]
    score = assignment_score(MATCHED, quantity_of)
    assert (score.fp, score.fn) == (2, 2)  # c3 and c4; c2 and the unmatched span


def test_discovery_errors_name_the_best_group_and_where_a_missed_claim_went() -> None:
    groups = [("dead group", {"c1", "c3"}), ("hurt group", {"c4"}), ("other", {"c2"})]
    assert discovery_score(STORY, MATCHED, groups).per_quantity["dead"] == (0.667, "dead group")
    errors = [(e.kind, e.claim_id, e.gold, e.found)
              for e in discovery_errors(STORY, MATCHED, groups)]
    assert ("discovery-extra", "c3", None, "dead group") in errors
    assert ("discovery-missed", None, "hurt", None) in errors  # the unmatched span
    # "hurt": c2 (in "other") and the unmatched span; its best group is "other" (F1 0.667)
    assert ("discovery-missed", "c2", "hurt", "other") not in errors


def test_an_agency_copy_in_a_second_outlet_is_scored_once(tmp_path) -> None:
    import polars as pl

    from tracker.evaluate.assignment import match_labels
    from tracker.ingest.pipeline import read_path

    body = "Die Agentur meldete am Abend 12 Tote."
    for outlet in ("one", "two"):
        (tmp_path / f"{outlet}.txt").write_text(
            f"url: https://{outlet}.example/a\noutlet: {outlet}.example\npublished: 2026-01-02\n"
            f"title: T\nlanguage: de\n---\n{body}\n", encoding="utf-8")
    article = next(read_path(tmp_path / "one.txt"))
    start = article.text.index("12")
    articles = pl.DataFrame({"article_id": [article.article_id],
                             "path": [str(tmp_path / "one.txt")], "text": [article.text]})
    claims = pl.DataFrame({"claim_id": ["c1"], "article_id": [article.article_id],
                           "start": [start], "end": [start + 8]})
    labels = tuple({"file": f"{o}.txt", "text": "12 Tote", "occurrence": 1, "quantity": "dead"}
                   for o in ("one", "two"))
    story = Story("copy", ("dead",), labels, ())
    matched = match_labels(story, articles, claims, tmp_path,
                           ids_of=lambda path: {a.article_id for a in read_path(path)})
    assert [claim_id for _, claim_id in matched.pairs] == ["c1"]
    assert [label["file"] for label in matched.copies] == ["two.txt"]
