"""Round 13 meaning rules, on sentences written for these tests."""

from __future__ import annotations


def _values(text: str, lang: str) -> list[tuple[float | None, str | None]]:
    from tracker.extract import extract

    return [(c.low, c.state) for c in extract(text, lang)]


def test_a_bare_four_digit_count_after_an_approximation_is_no_year() -> None:
    got = _values("Die Armee schickte 9.000 Soldaten an die Front, von denen etwa 1800 "
                  "verwundet wurden.", "de")
    assert (1800.0, "wounded") in got
    got = _values("The army sent 9,000 soldiers, of whom roughly 1900 were wounded.", "en")
    assert [low for low, _ in got] == [9000.0, 1900.0]


def test_a_year_after_a_year_word_or_a_comparison_stays_a_year() -> None:
    assert [low for low, _ in _values(
        "Seit etwa 2010 kamen 4.000 Besucher, 3 % weniger als 2019.", "de")] == [4000.0, 3.0]
    assert [low for low, _ in _values(
        "Since about 2010 the club has had 4,000 members, 3% more than 2019.", "en")
    ] == [4000.0, 3.0]


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.state) for c in extract(text, lang)]


def test_an_inclusion_aside_between_commas_neither_breaks_the_clause_nor_gives_its_state() -> None:
    assert _meanings("Overall losses, including the injured, amount to about 3,500.", "en") == [
        ("person", "casualties")]
    assert _meanings("Die Zahl der Opfer, einschließlich der Verletzten, liegt bei etwa 3.500.",
                     "de") == [("person", "casualties")]


def test_an_aside_with_a_figure_of_its_own_stays_a_clause() -> None:
    got = _meanings("The crew said 60 people were rescued, including eight small children, "
                    "and asked for help.", "en")
    assert got[1] == ("child", "part")


def test_more_of_another_state_are_others_not_an_increment() -> None:
    assert _meanings("About 300 miners were killed. Some 900 more were injured.", "en")[1] == (
        "person", "wounded")
    assert _meanings("Rund 300 Bergleute starben. Etwa 900 weitere wurden verletzt.", "de")[1] == (
        "person", "wounded")


def test_more_of_the_same_state_stay_an_increment() -> None:
    assert _meanings("On Friday 30 people were injured. On Saturday 90 more were injured.",
                     "en")[1][1] == "added"
    assert _meanings("Am Freitag wurden 30 Menschen verletzt. Am Samstag wurden 90 weitere "
                     "verletzt.", "de")[1][1] == "added"


def test_a_part_with_a_state_of_its_own_counts_that_state() -> None:
    got = _meanings("The ministry said 7,000 had been sent, 900 of whom were killed.", "en")
    assert got[1][1] == "killed"
    got = _meanings("Three people were killed and 20 treated in hospital, four of them nurses.",
                    "en")
    assert got[2][1] == "part"
