"""Meaning rules for figures that are not estimates of a total (issue #11): changes ("four more"),
parts named by a partitive ("three of the dead", "among the displaced", "Of the 9,000 ...,
1,000 ..."), a part or plan said before the first figure's clause ("In the capital alone, ..."),
states of money (damage, and the override states), and the year rule over the whole sentence
and keyword refinements over the words before the number. Sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tracker.aggregate.quantities import assign_all, parse_quantities
from tracker.extract import extract
from tracker.ingest import ingest


def _meaning(sentence: str, lang: str, index: int = 0) -> tuple[str | None, ...]:
    claim = extract(sentence, lang)[index]
    return claim.concept, claim.actor, claim.state


@pytest.mark.parametrize(
    ("lang", "sentence", "index", "state"),
    [
        # a change word right after the number
        ("en", "Two more bodies were found near the river on Sunday.", 0, "added"),
        ("de", "Am Morgen wurden zwei Tote mehr gezählt.", 0, "added"),
        ("de", "Nochmals 300 Soldaten wurden an die Grenze verlegt.", 0, "added"),
        # "another" adds a figure of another state, not a change of this one
        ("en", "Another 50 are still listed as missing.", 0, "missing"),
        # a partitive right after the number, then a state word or a figure
        ("en", "Two of the dead were firefighters, the mayor said.", 0, "part"),
        ("de", "Zwei der Toten waren Feuerwehrleute.", 0, "part"),
        # ... or a counted noun, when the figure counts no other state
        ("en", "Nine of the victims were tourists.", 0, "part"),
        ("de", "Neun der Opfer waren Touristen.", 0, "part"),
        ("en", "The storm killed 21 of the villagers.", 0, "killed"),
        # a part word right after the number
        ("en", "About 200 people were injured, 30 of them seriously.", 1, "part"),
        ("de", "Etwa 200 Menschen wurden verletzt, 30 davon schwer.", 1, "part"),
        # a forecast: a modal and a verb of growth in one clause
        ("en", "Officials fear the toll may climb to 80.", 0, "expected"),
        ("de", "Die Zahl der Toten könnte auf 80 steigen.", 0, "expected"),
        ("de", "Die Zahl der Toten ist auf 80 gestiegen.", 0, "killed"),
        # an elided noun without a state of its own takes the previous figure's state
        ("de", "Die Polizei meldete drei Vermisste, am Montag waren es noch acht gewesen.", 1,
         "missing"),
        # a figure the sentence includes in the previous one of the same state
        ("en", "At least 20 people died, including seven in the capital.", 1, "part"),
        ("en", "At least 20 people died, including seven children.", 1, "part"),
        ("de", "Mindestens 20 Menschen starben, darunter sieben in der Hauptstadt.", 1, "part"),
        ("en", "About 900 soldiers were killed or wounded, including some 200 deaths.", 1,
         "killed"),
        ("de", "Etwa 900 Soldaten wurden getötet oder verwundet, darunter rund 200 Tote.", 1,
         "killed"),
        # a partitive anywhere in the clause, then a state word
        ("en", "About 3,000 pupils were among the evacuated.", 0, "part"),
        ("de", "Etwa 3.000 Schüler sind unter den Evakuierten.", 0, "part"),
        # a sentence opening with a partitive and a figure: the later figures are parts of it
        ("en", "Of the 9,000 people evacuated, about 1,000 cannot go home yet.", 1, "part"),
        ("de", "Von den 9.000 Evakuierten können etwa 1.000 noch nicht zurück.", 1, "part"),
        ("en", "Of the dead, two were firefighters.", 0, "part"),
        ("de", "Von den Toten waren zwei Feuerwehrleute.", 0, "part"),
        # ... even after a figure it would otherwise refer back to
        ("en", "Still 12 people are missing. Of the dead, two were firefighters.", 1, "part"),
        # ... unless they count another state: the whole of that one
        ("en", "Of the 5,000 soldiers sent, about 900 were killed or wounded.", 1, "casualties"),
        # a part said before the clause of the sentence's first figure
        ("en", "In the capital alone, 40 people died.", 0, "part"),
        ("de", "Allein in der Hauptstadt, sagte die Polizei, starben 40 Menschen.", 0, "part"),
        # ... but no change: a word of change there means something else
        ("en", "Further north, 300 people were evacuated.", 0, "displaced"),
        ("en", "About 300 people were evacuated further north.", 0, "displaced"),
        ("en", "A further 300 soldiers were sent to the border.", 0, "added"),
        # displaced phrases with the figure inside them
        ("en", "The fire forced about 2,000 residents from their homes.", 0, "displaced"),
        ("de", "Rund 2.000 Menschen wurden in Sicherheit gebracht.", 0, "displaced"),
        # a figure with no noun of its own is not placed by a place of the clause: it refers
        # back to the last figure (here: a change)
        (
            "de",
            "Die Armee nannte 800 zusätzliche Soldaten, das Ministerium in Minsk hält 900 für "
            "möglich.",
            1,
            "added",
        ),
        # a plan said by the future or conditional
        ("en", "The ministry said Belarus would send 2,000 engineers to the border.", 0,
         "expected"),
        ("en", "About 4,000 soldiers will be deployed in spring.", 0, "expected"),
        ("de", "Er sagte, dass Belarus 2.000 Pioniere an die Grenze entsenden werde.", 0,
         "expected"),
        # ... not the passive of a done deed
        ("de", "Er sagte, dass 2.000 Soldaten an die Grenze entsandt werden.", 0, "deployed"),
        ("en", "More than 2,000 soldiers have been deployed.", 0, "deployed"),
    ],
)
def test_changes_parts_and_phrases(lang: str, sentence: str, index: int, state: str) -> None:
    assert _meaning(sentence, lang, index)[2] == state


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Kyiv puts Belarusian casualties at more than 900.", ("person", "BY", "casualties")),
        ("de", "Kiew beziffert die belarussischen Verluste auf mehr als 900.",
         ("person", "BY", "casualties")),
    ],
)
def test_a_bare_number_counts_what_a_state_noun_before_it_counts(
    lang: str, sentence: str, expected: tuple[str, ...]
) -> None:
    assert _meaning(sentence, lang) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "state"),
    [
        # money is a damage figure when the clause says so, a compound included
        ("en", "The storm caused damage of €300 million in the valley.", "damaged"),
        ("de", "Der Sachschaden wird auf 300 Millionen Euro geschätzt.", "damaged"),
        # a part, plan or change of money, as of any figure
        ("de", "Die Schäden allein in der Altstadt belaufen sich auf 40 Millionen Euro.", "part"),
        ("en", "Insurers expect to pay out €90 million.", "expected"),
        # money never counts people: a loss is no casualty
        ("en", "The airline reported losses of $200 million.", None),
    ],
)
def test_money_states(lang: str, sentence: str, state: str | None) -> None:
    assert _meaning(sentence, lang) == ("euro" if "€" in sentence or "Euro" in sentence
                                        else "dollar", None, state)


ARTICLE = """url: https://example.org/{n}
outlet: example{n}.org
published: 2026-05-0{n}
title: Storm
language: {lang}
---
{body}
"""

DEFS = {"quantity": [
    {"id": "deaths", "label": "Deaths", "unit": "people", "concept": ["person", ""],
     "state": ["killed"]},
    {"id": "damage", "label": "Damage", "unit": "euros", "concept": ["euro"],
     "state": ["damaged", ""], "keywords": [["damage"]]},
]}


def _assign(tmp_path: Path, bodies: list[str], lang: str = "en",
            defs: dict | None = None) -> dict[str, str | None]:
    paths = []
    for n, body in enumerate(bodies, 1):
        path = tmp_path / f"a{n}.txt"
        path.write_text(ARTICLE.format(n=n, body=body, lang=lang), encoding="utf-8")
        paths.append(path)
    db = tmp_path / "t.duckdb"
    ingest(paths, db, workers=1, progress=False)
    with duckdb.connect(str(db)) as con:
        assign_all(con, parse_quantities(defs or DEFS))
        rows = con.execute("SELECT quote, quantity FROM claims").fetchall()
    return dict(rows)


def test_a_year_earlier_in_the_sentence_dates_every_figure_after_it(tmp_path: Path) -> None:
    got = _assign(tmp_path, [
        "In 1999, a storm in the region killed 40 people and more than 30 people died later.",
        "The storm has killed 12 people, against 40 people killed in 1999.",
        "Since March 2024, floods have killed 75 people in the valley.",
        "In December 2025 officials had spoken of 9 people killed.",
        "The 2025 storms killed 31 people in the valley.",
    ])
    assert got["40 people"] is None and got["more than 30 people"] is None
    assert got["12 people"] == "deaths"
    assert got["75 people"] == "deaths"  # a year opening a period: a running total
    # the year before the article's, after a month: an earlier estimate; else another event
    assert got["9 people"] == "deaths"
    assert got["31 people"] is None


def test_keywords_read_the_words_before_the_number(tmp_path: Path) -> None:
    got = _assign(tmp_path, [
        "The storm killed 12 people, and the damage is put at €300 million.",
        "The state promised 12 million euros in emergency aid.",
    ])
    assert got["€300 million"] == "damage"
    assert got["12 million euros"] is None


def test_keywords_match_the_head_of_a_compound(tmp_path: Path) -> None:
    keywords = {"quantity": [{**DEFS["quantity"][1], "keywords": [["schad"]]}]}
    got = _assign(tmp_path, ["Der Sturm tötete 3 Menschen. Den Sachschaden beziffert die "
                             "Versicherung auf 40 Millionen Euro."], "de", keywords)
    assert got["40 Millionen Euro"] == "damage"


@pytest.mark.parametrize(
    ("lang", "sentence", "state"),
    [
        ("en", "At least 30 migrants drowned off the coast.", "killed"),
        ("de", "Mindestens 30 Migranten ertranken vor der Küste.", "killed"),
        ("en", "Police arrested 120 protesters.", "captured"),
        ("de", "Die Polizei verhaftete 120 Demonstranten.", "captured"),
        ("de", "Etwa 80 Familien verloren ihr Zuhause.", "displaced"),
        ("en", "The landslide claimed the lives of 25 people.", "killed"),
        ("de", "Der Erdrutsch kostete 25 Menschen das Leben.", "killed"),
        ("en", "Divers saved 60 people.", "rescued"),
        # new cases reported are a change of the total
        ("en", "Officials reported 340 new infections.", "added"),
        ("de", "Die Behörden meldeten 340 Neuinfektionen.", "added"),
    ],
)
def test_more_state_words(lang: str, sentence: str, state: str) -> None:
    assert _meaning(sentence, lang)[2] == state


def test_villagers_are_persons_and_infections_cases_in_both_languages() -> None:
    assert _meaning("About 70 villagers were evacuated.", "en")[0] == "person"
    assert _meaning("Rund 70 Dorfbewohner wurden evakuiert.", "de")[0] == "person"
    assert _meaning("Officials counted 340 infections.", "en")[0] == "case"
    assert _meaning("Die Behörden zählten 340 Infektionen.", "de")[0] == "case"
