"""Meaning, round 9 (issue #11): accounts and records as counted things, lists of figures that
belong to different owners, changes outside a quantity that names no state, and figures of an
earlier event. Sentences invented for these tests."""

from __future__ import annotations


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_accounts_and_records_are_counted_things_also_inside_a_compound() -> None:
    assert _meanings("Betroffen sind nach Angaben der Bank etwa 40.000 Girokonten.",
                     "de")[0][0] == "account"
    assert _meanings("Der Anbieter spricht von 250.000 Nutzerkonten.", "de")[0][0] == "account"
    assert _meanings("Im Netz tauchten rund zwei Millionen Datensätze auf.", "de")[0][0] == (
        "record")
    assert _meanings("The insurer said 90,000 policy accounts had been exposed.",
                     "en")[0][0] == "account"
    assert _meanings("Some 300,000 health records were posted online.", "en")[0][0] == "record"
