"""Round 12 meaning rules, on sentences written for these tests."""

from __future__ import annotations


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_a_country_inside_the_counted_phrase_is_its_actor_even_when_the_source_names_it() -> None:
    got = _meanings("Radio Polish has confirmed the names of more "
                    "than 2,000 Polish workers killed in the mines.", "en")
    assert got[0] == ("worker", "PL", "killed")
