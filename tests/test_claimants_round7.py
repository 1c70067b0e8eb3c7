"""Claimant resolution, round 7 (issue #10): a body named by an organisation word and its city
("die Universität Wien") is that body, not a kind of voice, and its researchers' measurement
has it as source. Sentences and bodies are invented."""

from __future__ import annotations

import pytest

from tracker.claimants import resolve
from tracker.extract import extract


@pytest.mark.parametrize(
    ("source", "claimant"),
    [
        ("die Universität Wien", "name:at:universitaet"),
        ("der Universität Wien", "name:at:universitaet"),
        ("Forscher der Universität Wien", "name:at:universitaet"),
    ],
)
def test_university_in_a_capital_is_a_body(source: str, claimant: str) -> None:
    assert resolve(source, "de").claimant == claimant


def test_bare_organisation_word_still_names_nobody() -> None:
    assert resolve("die Universität", "de").claimant is None


def test_researchers_of_a_university_measured_the_figure() -> None:
    text = (
        "Forscher der Universität Wien haben in den Alpen einen Rückgang der Gletscher um "
        "rund 3 Prozent pro Jahr gemessen. Das entspreche 2 Kubikkilometern Eis, schreiben "
        "die Wissenschaftler."
    )
    claims = extract(text, "de")
    assert [c.source for c in claims] == ["Forscher der Universität Wien", "die Wissenschaftler"]
    assert {c.claimant for c in claims} == {"name:at:universitaet"}
