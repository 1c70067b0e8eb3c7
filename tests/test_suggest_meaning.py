"""Suggestions by meaning (``tracker.aggregate.suggest.discover``): which kinds of person join
persons, on hand-made claim rows."""

from __future__ import annotations

import polars as pl

from tracker.aggregate.suggest import discover


def _rows(specs: list[tuple[str | None, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(len(specs))],
            "unit": [c for c, _ in specs],
            "concept": [c for c, _ in specs],
            "actor": [None] * len(specs),
            "state": [s for _, s in specs],
            "claimant": [f"k{i}" for i in range(len(specs))],
            "outlet": [f"o{i}" for i in range(len(specs))],
            "sentence": ["s"] * len(specs),
        },
        schema_overrides={"actor": pl.String},
    )


def test_kinds_of_person_join_persons_in_a_state() -> None:
    groups = discover(_rows([("passenger", "killed")] * 2 + [("person", "killed")] * 2))
    assert [len(g.claim_ids) for g in groups] == [4]


def test_without_a_state_kinds_of_person_stay_apart() -> None:
    groups = discover(_rows([("protester", None)] * 3 + [("person", None)] * 3))
    assert sorted(g.label for g in groups) == ["person", "protester"]


def test_groups_of_changes_plans_and_parts_come_last() -> None:
    rows = _rows([("person", "part")] * 5 + [("person", "missing")] * 3)
    assert [g.state for g in discover(rows)] == ["missing", "part"]


def test_participants_arrests_and_rallies_group_across_languages() -> None:
    texts = [
        ("en", "Police said 12,000 protesters marched through the city."),
        ("de", "Die Polizei zählte 12.000 Teilnehmer."),
        ("de", "Rund 9.000 Menschen gingen auf die Straße."),
        ("en", "Officers arrested 40 people."),
        ("de", "Die Polizei nahm 40 Menschen fest."),
        ("en", "There were 35 arrests."),
        ("en", "Organisers held 20 rallies."),
        ("de", "Es gab 20 Kundgebungen."),
        ("en", "There were 25 demonstrations."),
    ]
    from tracker.extract import extract

    claims = [extract(text, lang)[0] for lang, text in texts]
    rows = _rows([(c.concept, c.state) for c in claims])
    groups = {g.label: len(g.claim_ids) for g in discover(rows)}
    assert groups == {"person · participated": 3, "person · captured": 3, "rally": 3}
