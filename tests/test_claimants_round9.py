"""Claimant resolution read from the errors of attribution holdout v9 (issue #10, round 9): a
single name after a body or before its type is where the body sits, not a person. Names are
written for these tests."""

from __future__ import annotations

import pytest

from tracker.claimants import resolve


@pytest.mark.parametrize(
    ("written", "lang"),
    [
        ("ein Sprecher der Polizeiinspektion Weimar", "de"),
        ("eine Sprecherin der Polizei Weimar", "de"),
        ("ein Sprecher des Klinikums Weimar-Nord", "de"),
        ("a Weimar police spokesman", "en"),
    ],
)
def test_a_town_after_or_before_a_body_is_no_person(written: str, lang: str) -> None:
    found = resolve(written, lang)
    assert found.type != "person" and not (found.claimant or "").startswith("person-")


@pytest.mark.parametrize(
    ("written", "lang", "key"),
    [
        ("Polizeisprecher Karl Weidner", "de", "person-karl-weidner"),
        ("police chief Anna Weidner", "en", "person-anna-weidner"),
    ],
)
def test_a_named_spokesperson_stays_a_person(written: str, lang: str, key: str) -> None:
    assert resolve(written, lang).claimant == key


@pytest.mark.parametrize(
    "written",
    ["dem Jahresbericht der Krankenkasse Nordwest", "Monatsbericht der Krankenkasse Nordwest"],
)
def test_a_report_compound_names_its_author_after_it(written: str) -> None:
    found = resolve(written, "de")
    assert found.type != "person"
    assert found.claimant == resolve("der Krankenkasse Nordwest", "de").claimant
