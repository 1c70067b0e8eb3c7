"""Attribution rules read from the bundled corpus (issue #10, round 7b): a data origin named
inside a quotation is what the speaker after it cites, an estimate owned by a possessive name
("X's own estimate") is the owner's, and a ministry's short name ("Foreign Affairs", "Home
Affairs") is that ministry of the country opening its sentence. Sentences are written for these
tests."""

from __future__ import annotations

import pytest
from attribution_helpers import attributions as attributed


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        (
            '"According to initial data, more than 1,200 houses in the valley were flooded," '
            "the Polish interior minister wrote on Tuesday.",
            "en",
            "the Polish interior minister",
        ),
        (
            "„Vorläufigen Daten zufolge sind mehr als 1200 Häuser überflutet worden“, sagte der "
            "polnische Innenminister am Dienstag.",
            "de",
            "polnische Innenminister",
        ),
        (
            '"According to early estimates, more than 1,200 houses were flooded," the Polish '
            "interior minister told reporters.",
            "en",
            "the Polish interior minister",
        ),
    ],
)
def test_data_origin_inside_a_quotation_is_cited_by_the_speaker(
    text: str, lang: str, source: str
) -> None:
    [(written, claimant, via)] = attributed(text, lang)
    assert written == source
    assert claimant == "pl-interior-ministry"
    assert via is None  # the data the speaker cites relays nothing


def test_body_named_inside_a_quotation_stays_the_source() -> None:
    text = (
        '"According to the World Health Organization, 4,000 people were infected," the Polish '
        "interior minister said."
    )
    [(written, claimant, _)] = attributed(text, "en")
    assert written == "the World Health Organization"
    assert claimant == "who"


def test_data_origin_outside_a_quotation_is_untouched() -> None:
    text = "According to preliminary data, 4,000 people were infected, the minister said."
    [(written, _, _)] = attributed(text, "en")
    assert written == "preliminary data"


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Damage may be larger, since Poland's own estimate put the number of flooded houses "
            "at 1,200 by Friday.",
            "pl-government",
        ),
        ("Germany's own forecast put growth at 0.3 percent for next year.", "de-government"),
    ],
)
def test_possessive_owner_of_an_own_estimate_is_the_source(text: str, claimant: str) -> None:
    [(written, found, _)] = attributed(text, "en")
    assert written is not None and written.endswith(("own estimate", "own forecast"))
    assert found == claimant


def test_own_after_a_pronoun_keeps_the_subject() -> None:
    text = "The IMF raised its own estimate to 3.2 percent on Tuesday."
    [(written, claimant, _)] = attributed(text, "en")
    assert (written, claimant) == ("The IMF", "imf")


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "Canada has pledged $5 million in emergency aid, Foreign Affairs said.",
            "ca-foreign-ministry",
        ),
        ("Britain has deported 120 people since March, Home Affairs said.", "gb-interior-ministry"),
    ],
)
def test_short_ministry_name_is_the_ministry_of_the_sentence_country(
    text: str, claimant: str
) -> None:
    [(_, found, _)] = attributed(text, "en")
    assert found == claimant


def test_sentence_country_yields_to_the_story_when_it_opens_with_an_adjective() -> None:
    text = (
        "Floods cut off 40 villages, the Polish interior ministry said. Israeli rescuers "
        "helped 300 people, the foreign ministry said."
    )
    claimants = [c for _, c, _ in attributed(text, "en")]
    assert claimants[-1] == "pl-foreign-ministry"
