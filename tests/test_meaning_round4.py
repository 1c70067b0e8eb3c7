"""Meaning, round 4 (issue #11): parts that a quantity defined by their own distinguishing word
takes (and parts by time or of another state that stay out), new figures as changes, being
vaccinated in more phrasings, and money saved apart from money spent. Sentences invented for
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_meaning_rules import _assign

from tracker.extract import extract


def _meaning(sentence: str, lang: str, index: int = 0) -> tuple[str | None, str | None]:
    claim = extract(sentence, lang)[index]
    return claim.concept, claim.state


CASES = {"quantity": [
    {"id": "suspected", "label": "Suspected cases", "unit": "cases",
     "concept": ["case", "person", ""], "state": ["infected", ""],
     "keywords": [["verdacht", "suspect"]]},
    {"id": "confirmed", "label": "Confirmed cases", "unit": "cases",
     "concept": ["case", "person", ""], "state": ["infected", ""],
     "keywords": [["bestätigt", "confirmed"]]},
    {"id": "arrests", "label": "People arrested", "unit": "people",
     "concept": ["person", ""], "state": ["captured"]},
    {"id": "police", "label": "Police injured", "unit": "people",
     "concept": ["person", "police officer", ""], "state": ["wounded"],
     "keywords": [["police", "polizei"]]},
]}

JOBS = {"quantity": [
    {"id": "home", "label": "Jobs cut at home", "unit": "jobs", "concept": ["job", ""],
     "state": ["expected", ""], "keywords": [["cut", "wegfall"], ["spain", "spanien"]]},
    {"id": "all", "label": "Jobs cut", "unit": "jobs", "concept": ["job", ""],
     "state": ["expected", ""], "keywords": [["cut", "wegfall"]]},
    {"id": "strikers", "label": "Strikers", "unit": "people",
     "concept": ["person", "worker", ""], "state": ["participated"],
     "keywords": [["strike", "streik"]]},
]}


def test_a_part_enters_the_quantity_its_own_words_name(tmp_path: Path) -> None:
    got = _assign(tmp_path, [
        "Health officials counted 3,200 suspected infections, including 140 confirmed in a "
        "laboratory.",
        "The ministry listed 2,700 suspected cases, of which 85 have been confirmed.",
        "Officers arrested 120 people, 60 of whom remained in police custody overnight.",
    ], "en", CASES)
    assert got["3,200 suspected infections"] == "suspected"
    assert got["140"] == "confirmed"  # not the total's "suspected"
    assert got["85"] == "confirmed"
    assert got["60"] is None  # a part of the arrested, not of the injured police


def test_a_part_by_place_enters_and_a_part_by_time_stays_out(tmp_path: Path) -> None:
    (tmp_path / "de").mkdir()
    got = _assign(tmp_path / "de", [
        "Weltweit sollen bis zu 3100 Stellen wegfallen, davon rund 900 in Spanien.",
    ], "de", JOBS)
    got |= _assign(tmp_path, [
        "The group will cut 2,600 jobs, about 700 of them in Spain.",
        "More than 5,000 workers joined the strike this week, 2,000 of them on Monday alone.",
    ], "en", JOBS)
    assert got["bis zu 3100 Stellen"] == "all"
    assert got["rund 900"] == "home"
    assert got["2,600 jobs"] == "all"
    assert got["about 700"] == "home"
    assert got["2,000"] is None


def test_a_definition_of_no_state_keeps_the_plain_states_named_later(tmp_path: Path) -> None:
    defs = {"quantity": [
        {"id": "marchers", "label": "Marchers", "unit": "people", "concept": ["person", ""],
         "state": [""], "keywords": [["march", "protest"]]},
        {"id": "arrests", "label": "Arrests", "unit": "people", "concept": ["person", ""],
         "state": ["captured", ""], "keywords": [["arrest", "march"]]},
    ]}
    got = _assign(tmp_path, [
        "Some 40,000 people marched through the capital on Saturday.",
        "Police arrested 75 people after the march.",
    ], "en", defs)
    assert got["Some 40,000 people"] == "marchers"  # participated: a plain count
    assert got["75 people"] == "arrests"


@pytest.mark.parametrize(
    ("lang", "sentence", "index", "expected"),
    [
        # new figures: what was added, not the total
        ("en", "Health workers logged 95 new suspected cases overnight.", 0, ("case", "added")),
        ("de", "Binnen eines Tages kamen 120 neue Verdachtsfälle hinzu.", 0, ("case", "added")),
        # vaccinated: receiving a vaccine or a dose
        ("en", "Nearly 52,000 children have received the oral vaccine so far.", 0,
         ("child", "vaccinated")),
        ("en", "About 18,000 residents received a first dose last week.", 0,
         ("person", "vaccinated")),
        ("de", "Bis Freitag hatten 41.000 Menschen ihre Dosis erhalten.", 0,
         ("person", "vaccinated")),
        # money saved is no price: "einsparen", "savings", "to save"
        ("de", "Das Programm soll 30 Millionen Euro kosten und jährlich 12 Millionen Euro "
         "einsparen.", 0, ("euro", "price")),
        ("de", "Das Programm soll 30 Millionen Euro kosten und jährlich 12 Millionen Euro "
         "einsparen.", 1, ("euro", "saved")),
        ("en", "The airline expects annual savings of about €250 million.", 0, ("euro", "saved")),
        ("de", "Das Sparziel liegt bei 70 Millionen Euro.", 0, ("euro", "saved")),
        # a person is still rescued, not saved
        ("en", "Lifeboat crews managed to save 14 people from the water.", 0,
         ("person", "rescued")),
    ],
)
def test_changes_vaccinations_and_savings(
    lang: str, sentence: str, index: int, expected: tuple[str, str]
) -> None:
    assert _meaning(sentence, lang, index) == expected


@pytest.mark.parametrize(
    ("lang", "text", "index"),
    [
        ("de", "Die Reederei will rund 600 Stellen streichen. Die Gewerkschaft geht von mehr "
         "als 900 aus.", 1),
        ("en", "The insurer plans to cut 1,200 jobs. The union puts the figure at more than "
         "1,500.", 1),
    ],
)
def test_a_bare_figure_counts_the_last_written_noun_of_no_state(
    lang: str, text: str, index: int
) -> None:
    assert _meaning(text, lang, index)[0] == "job"


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Doctors counted 2,100 suspected cases and 19 deaths.", ("person", "killed")),
        ("de", "Die Behörde zählte 2400 Verdachtsfälle und 19 Todesfälle.", ("person", "killed")),
        # persons elided still carry over: the wounded are soldiers
        ("en", "The clashes left 300 soldiers killed and 2,700 wounded.", ("soldier", "wounded")),
    ],
)
def test_deaths_after_cases_count_persons(
    lang: str, sentence: str, expected: tuple[str, str]
) -> None:
    assert _meaning(sentence, lang, 1) == expected


def test_a_bare_figure_continues_the_quantity_of_the_figure_before_it(tmp_path: Path) -> None:
    defs = {"quantity": [
        {"id": "cuts", "label": "Jobs cut", "unit": "jobs", "concept": ["job", ""],
         "state": ["expected", ""], "keywords": [["cut", "axe"]]},
    ]}
    got = _assign(tmp_path, [
        "The insurer will cut 1,200 jobs by 2028. The union puts the figure at more than 1,500, "
        "the works council at 1,800.",
        "The insurer employs 9,000 people. The union said 400.",
    ], "en", defs)
    assert got["1,200 jobs"] == "cuts"
    assert got["more than 1,500"] == "cuts"
    assert got["1,800"] == "cuts"  # a run of bare figures
    assert got["400"] is None  # the figure before it is in no quantity
