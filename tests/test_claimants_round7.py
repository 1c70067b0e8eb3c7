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


@pytest.mark.parametrize(
    ("source", "lang"),
    [
        # a country's unnamed insiders are an anonymous voice of the article (labelling rules:
        # anon-us-officials, anon-government-sources), not the government
        ("South Korean officials", "en"),
        ("Brazilian government sources", "en"),
        ("französische Regierungsbeamte", "de"),
        ("Pariser Regierungskreisen", "de"),
    ],
)
def test_country_insiders_name_no_claimant(source: str, lang: str) -> None:
    assert resolve(source, lang).claimant is None


@pytest.mark.parametrize(
    ("source", "lang", "claimant"),
    [
        ("Polish authorities", "en", "pl-government"),
        ("die ukrainischen Behörden", "de", "ua-government"),
        ("Pentagon officials", "en", "us-pentagon"),
    ],
)
def test_authorities_and_named_bodies_keep_their_claimant(
    source: str, lang: str, claimant: str
) -> None:
    assert resolve(source, lang).claimant == claimant


def test_insiders_get_a_key_of_their_article() -> None:
    text = "Brazilian officials said 40 people had died. Officials in Rio said 12 were missing."
    first = extract(text, "en")[0]
    assert first.claimant is not None and first.claimant.startswith("anon-")


def test_description_points_back_past_a_relaying_medium() -> None:
    text = (
        "Japan's spy agency now estimates that about 900 soldiers have been wounded, "
        "broadcaster NHK reported, citing members of parliament. The agency also believes "
        "that up to 40 missiles were delivered."
    )
    first, second = extract(text, "en")
    assert second.source == "The agency"
    assert second.claimant == first.claimant


def test_description_keeps_the_nearest_body_when_no_medium_stands_between() -> None:
    text = (
        "About 300 soldiers have been killed, Kyodo news agency reported on Monday, citing the "
        "National Intelligence Service. Lawmaker Ken Sato, who attended the briefing, said the "
        "agency had also detected at least 1,000 more soldiers."
    )
    claims = extract(text, "en")
    assert claims[0].via == "agency-kyodo"
    assert claims[-1].source == "the agency" and claims[-1].claimant == claims[0].claimant


@pytest.mark.parametrize(
    ("source", "lang", "claimant"),
    [
        ("The Social Democrats", "en", "de-spd"),
        ("die Sozialdemokraten", "de", "de-spd"),
        ("Die Grünen", "de", "de-greens"),
        ("The Conservatives", "en", "gb-conservatives"),
        ("the Democrats", "en", "us-democrats"),
    ],
)
def test_parties_are_known(source: str, lang: str, claimant: str) -> None:
    found = resolve(source, lang)
    assert (found.claimant, found.type) == (claimant, "party")


def test_parties_in_a_poll_are_what_it_measured() -> None:
    text = (
        "Labour is on 29% in a YouGov poll for The Times. The Conservatives came second with "
        "24%, while the Liberal Democrats fell to 11%."
    )
    assert [c.source for c in extract(text, "en")] == ["YouGov"] * 3
    text = (
        "Die Union kommt in einer neuen INSA-Umfrage auf 30 Prozent. Die Grünen erreichen 12 "
        "Prozent. Befragt wurden 2.000 Wahlberechtigte."
    )
    assert [c.source for c in extract(text, "de")] == ["INSA"] * 3
