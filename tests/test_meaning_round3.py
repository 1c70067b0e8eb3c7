"""Meaning, round 3 (issue #11): states that news of many kinds needs beyond war and disaster
(arrivals; survivors as the rescued), a bound before a noun that is no plan, a question that
names only a state, and figures that must not take the state of another sentence. Sentences
invented for these tests."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def _meaning(sentence: str, lang: str, index: int = 0) -> tuple[str | None, str | None]:
    claim = extract(sentence, lang)[index]
    return claim.concept, claim.state


@pytest.mark.parametrize(
    ("lang", "sentence", "index", "expected"),
    [
        # arrivals: people landing, reaching a coast, a border, a camp
        ("en", "About 2,400 migrants landed on the island of Kos over the weekend.", 0,
         ("person", "arrived")),
        ("en", "Officials said 830 people had arrived at the border crossing by noon.", 0,
         ("person", "arrived")),
        ("en", "Some 1,150 people reached the island in small boats on Friday.", 0,
         ("person", "arrived")),
        ("en", "The agency registered 12,000 arrivals in March.", 0, ("person", "arrived")),
        ("de", "Seit Montag sind rund 2.400 Migranten auf Kos angekommen.", 0,
         ("person", "arrived")),
        ("de", "Am Wochenende kamen in Malta mehr als 900 Menschen an.", 0,
         ("person", "arrived")),
        ("de", "Die Behörden zählten im März 12.000 Ankünfte.", 0, ("person", "arrived")),
        # survivors are the rescued, in both languages
        ("en", "Rescuers said 61 people survived the sinking of the ferry.", 0,
         ("person", "rescued")),
        ("en", "The navy counted 38 survivors on Tuesday.", 0, ("person", "rescued")),
        ("en", "Divers pulled 19 people alive from the water.", 0, ("person", "rescued")),
        ("de", "Nach Angaben der Marine überlebten 61 Menschen das Unglück.", 0,
         ("person", "rescued")),
        ("de", "Die Feuerwehr zählte 38 Überlebende.", 0, ("person", "rescued")),
        ("de", "Bislang wurden 19 Menschen lebend aus dem Wasser gezogen.", 0,
         ("person", "rescued")),
    ],
)
def test_arrivals_and_survivors(
    lang: str, sentence: str, index: int, expected: tuple[str | None, str | None]
) -> None:
    assert _meaning(sentence, lang, index) == expected


def test_troops_that_arrive_somewhere_are_deployed() -> None:
    # arriving is a weak state: the located state (a place) and any other state win
    sentence = "About 2,000 marines had arrived in Darwin by Friday."
    assert _meaning(sentence, "en") == ("soldier", "deployed")
    assert _meaning("Nine bodies arrived at the port of Catania.", "en")[1] == "killed"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Die Küstenwache geht von bis zu 60 Vermissten aus."),
        ("de", "Helfer sprechen von bis zu 60 Vermissten."),
    ],
)
def test_a_bound_before_a_noun_is_no_plan(lang: str, sentence: str) -> None:
    # "bis zu" holds "zu", but no infinitive follows: the noun keeps its own state
    assert _meaning(sentence, lang) == ("person", "missing")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "How many survived? Nobody is sure. 52 people, the navy says.",
         ("person", "rescued")),
        ("en", "How many people landed on Kos? About 2,000, the ministry says.",
         ("person", "arrived")),
        ("de", "Wie viele Menschen werden vermisst? Die Küstenwache spricht von rund 30.",
         ("person", "missing")),
    ],
)
def test_a_question_names_the_state_of_the_answer(
    lang: str, text: str, expected: tuple[str | None, str | None]
) -> None:
    assert _meaning(text, lang, -1) == expected


def test_a_question_without_a_noun_keeps_the_last_figure_counted() -> None:
    text = ("The navy recovered 12 bodies on Monday. How many are missing? Estimates vary. "
            "The navy says around 30. Volunteers said up to 45.")
    claims = extract(text, "en")
    assert [(c.concept, c.state) for c in claims[1:]] == [("person", "missing")] * 2


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Survivors told the police that around 80 people had been on the boat."),
        ("de", "Nach Aussagen der Überlebenden waren etwa 80 Menschen an Bord."),
        ("de", "Nach Gesprächen mit Geretteten geht die Polizei von 80 Passagieren aus."),
    ],
)
def test_a_state_noun_of_another_phrase_is_not_the_counted_state(lang: str, sentence: str) -> None:
    # the survivors are who speaks; the 80 people on board are no survivors
    assert _meaning(sentence, lang)[1] is None


@pytest.mark.parametrize(
    ("lang", "sentence", "state"),
    [
        # a verb before the number still names its state
        ("en", "The blast injured 40 people in the market.", "wounded"),
        ("de", "Die Zahl der Toten stieg auf 300 Menschen.", "killed"),
    ],
)
def test_a_state_word_before_a_counted_noun_still_counts(
    lang: str, sentence: str, state: str
) -> None:
    assert _meaning(sentence, lang)[1] == state


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nine people drowned off the coast. On the island, whose population is about "
         "4,500, the clinic was overwhelmed."),
        ("de", "Neun Menschen ertranken vor der Küste. Die Insel, deren Bevölkerung rund 4.500 "
         "beträgt, ist überfordert."),
    ],
)
def test_a_collective_noun_is_counted_not_an_earlier_figure(lang: str, text: str) -> None:
    assert _meaning(text, lang, -1) == ("person", None)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nine people drowned off the coast. Around 1,300 remained in the reception centre "
         "on Friday."),
        ("de", "Neun Menschen ertranken vor der Küste. Im Aufnahmelager halten sich derzeit rund "
         "1300 auf."),
        ("de", "Seit Freitag sind 4100 Menschen angekommen, im Aufnahmelager sind noch rund 700."),
        ("en", "Since Friday 4,100 people have arrived; about 700 are still in the camp."),
    ],
)
def test_people_who_remain_somewhere_are_present_not_dead(lang: str, text: str) -> None:
    assert extract(text, lang)[-1].state == "present"


def test_a_weak_state_word_leaves_a_unit_its_own_state() -> None:
    sentence = "Die Gewerkschaft verblieb bei ihrer Zahl von 2,1 Millionen Teilnehmern."
    assert _meaning(sentence, "de") == ("person", "participated")


@pytest.mark.parametrize(
    ("lang", "sentence", "state"),
    [
        ("en", "Divers found two people alive on Tuesday, raising the number of people rescued "
         "to 51.", "rescued"),
        ("en", "About 800 people landed overnight, bringing the total since Friday to 4,100.",
         "arrived"),
        ("de", "Am Dienstag wurden drei Leichen geborgen, damit stieg die Zahl der Toten auf 17.",
         "killed"),
    ],
)
def test_a_figure_before_the_total_it_brings_is_a_change(
    lang: str, sentence: str, state: str
) -> None:
    claims = extract(sentence, lang)
    assert (claims[0].state, claims[-1].state) == ("added", state)
    assert claims[-1].concept == "person"


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "So far 312 patients have recovered, the health ministry said.",
         ("patient", "recovered")),
        ("en", "Doctors said 57 people were discharged on Monday.", ("person", "recovered")),
        ("de", "Rund 300 Patienten sind inzwischen genesen.", ("patient", "recovered")),
        ("de", "Bislang konnten 57 Menschen aus dem Krankenhaus entlassen werden.",
         ("person", "recovered")),
        # bodies recovered are dead, no recovery
        ("en", "Divers have recovered 23 bodies from the wreck.", ("person", "killed")),
    ],
)
def test_recoveries(lang: str, sentence: str, expected: tuple[str | None, str | None]) -> None:
    assert _meaning(sentence, lang) == expected


def test_a_figure_whose_clause_names_a_whole_takes_no_state_from_the_sentence() -> None:
    sentence = ("Since Friday, 4,100 people have landed on the island, according to the ministry "
                "- more than the island's entire population of about 3,500.")
    claims = extract(sentence, "en")
    assert (claims[0].state, claims[-1].state) == ("arrived", None)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "At least 140 people fell ill after eating at the fair.", ("person", "infected")),
        ("de", "Rund 140 Menschen sind an Cholera erkrankt.", ("person", "infected")),
        ("de", "Mehr als 2.000 Beschäftigte legten am Montag die Arbeit nieder.",
         ("employee", "participated")),
    ],
)
def test_falling_ill_and_downing_tools(
    lang: str, sentence: str, expected: tuple[str | None, str | None]
) -> None:
    assert _meaning(sentence, lang) == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "At least 300 people were evacuated; among them were 40 children."),
        ("de", "Mindestens 300 Menschen wurden evakuiert, darunter waren 40 Kinder."),
    ],
)
def test_a_clause_opening_with_an_inclusion_is_a_part(lang: str, sentence: str) -> None:
    claims = extract(sentence, lang)
    assert (claims[0].state, claims[-1].state) == ("displaced", "part")


@pytest.mark.parametrize(
    ("lang", "sentence", "state"),
    [
        ("en", "The ministry said 2,150 people had reached Malta since Friday.", "arrived"),
        ("de", "Seit Freitag haben mehr als 2150 Menschen Malta erreicht.", "arrived"),
        # beside a figure, reaching is no arrival
        ("en", "The death toll reached 212 on Tuesday.", "killed"),
        ("de", "Die Zahl der Toten hat 212 erreicht.", "killed"),
    ],
)
def test_reaching_a_named_place_is_an_arrival(lang: str, sentence: str, state: str) -> None:
    assert _meaning(sentence, lang) == ("person", state)


def test_a_partitive_may_hold_an_adjective_before_its_noun() -> None:
    text = "About 5,000 people arrived this week. More than 600 of the new arrivals were minors."
    assert extract(text, "en")[-1].state == "part"


def test_a_change_still_says_what_a_later_bare_figure_totals() -> None:
    text = ("Sixteen more officers were hurt overnight. The union says the true figure is at "
            "least 70.")
    claims = extract(text, "en")
    assert (claims[0].state, claims[-1].state) == ("added", "wounded")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Police said 120 people had been placed in custody and 31 would face trial."),
        ("de", "Die Polizei nahm 120 Menschen fest, 31 wurden wieder freigelassen."),
    ],
)
def test_an_elided_figure_with_a_predicate_of_its_own_keeps_only_the_counted(
    lang: str, text: str
) -> None:
    claims = extract(text, lang)
    assert (claims[0].state, claims[-1].concept, claims[-1].state) == (
        "captured", "person", None)


def test_a_bare_figure_with_a_state_counts_what_the_last_figure_counts() -> None:
    text = ("Seoul says 11,000 North Korean soldiers were deployed. The Pentagon said 12,000 "
            "were in Russia and that 2,000 were trained. The floods caused damage of €2bn. "
            "Officials said 300 were evacuated.")
    claims = extract(text, "en")
    assert [(c.concept, c.actor, c.state) for c in claims[1:3]] == [
        ("soldier", "KP", "deployed"), ("soldier", "KP", "trained")]
    assert claims[-1].concept != "euro"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Health officials reported 2,310 cholera cases and 41 deaths."),
        ("de", "Die Behörden meldeten 2310 Cholera-Fälle und 41 Todesfälle."),
    ],
)
def test_cases_are_infections_and_deaths_after_them_count_persons(
    lang: str, sentence: str
) -> None:
    # cases are infections in every language ("Infektionen" already were); the deaths after a
    # figure of no state are persons, not cases
    claims = extract(sentence, lang)
    assert [(c.concept, c.state) for c in claims] == [("case", "infected"), ("person", "killed")]
