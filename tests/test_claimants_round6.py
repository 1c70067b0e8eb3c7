"""Claimant resolution, round 6 (issue #10): what a report is about names nobody ("seine
Prognose für das kommende Jahr"), and a description with its seat ("das Hilfswerk in Genf")
points back to the body whose name ends in its head. Sentences and bodies are invented."""

from __future__ import annotations

import pytest

from tracker.claimants import resolve
from tracker.extract import extract


def _claimants(text: str, lang: str) -> dict[str, str | None]:
    return {c.text: c.claimant for c in extract(text, lang)}


@pytest.mark.parametrize(
    ("source", "lang"),
    [
        ("seine Schätzung für das dritte Quartal", "de"),
        ("ihre Prognose für das kommende Jahr", "de"),
        ("seine Studie über den Arbeitsmarkt", "de"),
    ],
)
def test_topic_after_a_generic_noun_names_nobody(source: str, lang: str) -> None:
    assert resolve(source, lang).claimant is None


def test_a_name_with_fuer_stays_a_name() -> None:
    assert resolve("Institut für Weltwirtschaft", "de").claimant == "de-ifw-kiel"


def test_possessive_estimate_points_back_to_the_body() -> None:
    text = (
        "Das Statistische Bundesamt hat seine Zahlen vorgelegt. Laut seiner Schätzung für das "
        "zweite Quartal stiegen die Preise um 0,4 Prozent."
    )
    found = _claimants(text, "de")
    assert found.get("0,4 Prozent") == "de-destatis"


def test_description_with_seat_points_back_to_the_compound_name() -> None:
    text = (
        "Das UN-Flüchtlingshilfswerk UNHCR zählt 4,2 Millionen Vertriebene. Das seien 300.000 "
        "mehr als im Vorjahr, teilte das Hilfswerk in Genf mit."
    )
    found = _claimants(text, "de")
    assert found.get("300.000") == found.get("4,2 Millionen Vertriebene") == "unhcr"


@pytest.mark.parametrize(
    "source", ["die Polizeidirektion Leipzig", "das Polizeipräsidium Leipzig", "Polizei Leipzig"]
)
def test_any_head_of_a_type_with_a_town_names_the_known_body(source: str) -> None:
    assert resolve(source, "de").claimant == "de-police-leipzig"


def test_police_and_prosecutors_of_an_unknown_town_stay_apart() -> None:
    police = resolve("die Polizeiinspektion Kleinstedt", "de").claimant
    assert police == resolve("Polizei Kleinstedt", "de").claimant
    assert police != resolve("Staatsanwaltschaft Kleinstedt", "de").claimant


def test_bare_police_points_back_to_the_directorate() -> None:
    text = (
        "Das teilte die Polizeidirektion Leipzig mit: 3 Menschen starben. "
        "Rund 15 Insassen wurden laut Polizei verletzt."
    )
    found = _claimants(text, "de")
    assert found.get("Rund 15 Insassen") == "de-police-leipzig"


def test_description_points_back_to_an_unnamed_body_with_that_head() -> None:
    text = (
        "At least 9 people died, the provincial flood protection agency said on Sunday. "
        "More than 400 homes were damaged, the agency added."
    )
    found = _claimants(text, "en")
    at_least, homes = found.get("At least 9 people"), found.get("More than 400 homes")
    assert at_least is not None and at_least.startswith("anon-")
    assert homes == at_least
