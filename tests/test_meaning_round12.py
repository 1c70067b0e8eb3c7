"""Round 12 meaning rules, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_a_country_inside_the_counted_phrase_is_its_actor_even_when_the_source_names_it() -> None:
    got = _meanings("Radio Polish has confirmed the names of more "
                    "than 2,000 Polish workers killed in the mines.", "en")
    assert got[0] == ("worker", "PL", "killed")


def test_a_service_cancelled_or_delayed_has_that_state() -> None:
    assert [s for _, _, s in _meanings(
        "The carrier cancelled 30 flights on Monday. Another 50 trains were delayed.", "en")
    ] == ["cancelled", "delayed"]
    assert [s for _, _, s in _meanings(
        "Am Montag wurden 30 Flüge annulliert. Zudem waren 50 Züge verspätet.", "de")
    ] == ["cancelled", "delayed"]


def test_a_definition_of_no_state_takes_cancelled_and_delayed_figures(tmp_path: Path) -> None:
    from test_meaning_rules import _assign

    defs = {"quantity": [{"id": "trains", "label": "Trains", "unit": "trains",
                          "concept": ["train"], "state": [""]}]}
    folder = tmp_path / "en"
    folder.mkdir()
    got = _assign(folder, ["The operator said 120 trains were cancelled."], "en", defs)
    assert got["120 trains"] == "trains"
