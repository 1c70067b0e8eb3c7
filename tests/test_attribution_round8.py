"""Attribution rules read from the errors of attribution holdout v8 once it became development
data (issue #10, round 8): a dateline opening a paragraph, a role and a name set off by commas
before a separable report verb, a body at a country named with an article, who points to a
figure. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def attributed(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    return [(c.text, c.source) for c in extract(text, lang)]


def test_dateline_is_no_part_of_the_opening_subject() -> None:
    text = (
        "Wien (APA) - Das Landesamt für Statistik hat neue Zahlen vorgelegt. Demnach leben "
        "inzwischen rund 41.000 Menschen in der Region."
    )
    assert [s for _, s in attributed(text, "de")] == ["Das Landesamt für Statistik"]


def test_role_and_name_in_commas_before_a_separable_verb() -> None:
    text = (
        "In Hessen starben 812 Menschen im Straßenverkehr. Der Beauftragte der Landesregierung, "
        "Karl Menzel, stellte die Zahlen am Dienstag vor. In Kassel waren es ihm zufolge 57."
    )
    found = extract(text, "de")
    assert [c.source for c in found] == ["Der Beauftragte der Landesregierung, Karl Menzel", "ihm"]
    assert {c.claimant for c in found} == {"person-karl-menzel"}


def test_inverted_separable_verb_after_a_clause_still_reads_forward() -> None:
    text = "In Kassel starben 300 Menschen, fügte Menzel hinzu."
    assert [s for _, s in attributed(text, "de")] == ["Menzel"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Die Beobachtermission in der Türkei zählte im Mai 310 Verletzte.",
            "Die Beobachtermission in der Türkei",
        ),
        (
            "Die Behörden in Tirol haben die Zahl der Toten auf 17 korrigiert.",
            "Die Behörden in Tirol",
        ),
    ],
)
def test_body_at_a_place(text: str, source: str) -> None:
    assert [s for _, s in attributed(text, "de")] == [source]


def test_an_article_before_a_common_noun_links_no_place() -> None:
    text = "Russland hat nach Angaben aus Kiew in der Nacht 95 Drohnen gestartet."
    assert [s for _, s in attributed(text, "de")] == ["Kiew"]


@pytest.mark.parametrize(
    "text",
    [
        "Der Mieterbund wies darauf hin, dass nur 38 Prozent der Wohnungen gedämmt sind.",
        "Der Mieterbund wies am Freitag darauf hin, dass 38 Prozent der Wohnungen gedämmt sind.",
    ],
)
def test_who_points_to_a_figure_states_it(text: str) -> None:
    assert [s for _, s in attributed(text, "de")] == ["Der Mieterbund"]


def test_a_reason_pointed_to_is_no_source() -> None:
    text = "Händler verwiesen auf die Zinswende der Notenbank. Das Pfund notierte bei 1,22 Dollar."
    assert [s for _, s in attributed(text, "de")] == [None]
