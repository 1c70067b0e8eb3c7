"""Claimant resolution read from the errors of attribution holdout v8 (issue #10, round 8): a
German compound ending in an official's word names the body before it; a works council is a
union. Names and sentences are written for these tests."""

from __future__ import annotations

import pytest

from tracker.claimants import resolve
from tracker.extract import extract


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("einen Geheimdienstvertreter", "intelligence"),
        ("Polizeivertreter", "police"),
        ("der Betriebsrat", "union"),
    ],
)
def test_compound_official_names_its_body_type(written: str, kind: str) -> None:
    assert resolve(written, "de").type == kind


def test_compound_title_splits_at_a_lemmatised_suffix() -> None:
    assert resolve("Pentagonsprecher", "de").claimant == "us-pentagon"


@pytest.mark.parametrize("written", ["Geschäftsstelle", "Baustelle"])
def test_compound_with_an_unknown_head_is_no_official(written: str) -> None:
    assert resolve(written, "de").type is None


def test_works_council_in_english() -> None:
    assert resolve("the works council", "en").type == "union"


def test_a_compound_official_points_back_to_the_body() -> None:
    text = (
        "Der Geheimdienst NIS meldete 3.000 Soldaten. Die Agentur Yonhap zitierte einen "
        "Geheimdienstvertreter mit den Worten, die Verluste lägen bei 4.000."
    )
    assert [c.claimant for c in extract(text, "de")] == ["kr-nis", "kr-nis"]
