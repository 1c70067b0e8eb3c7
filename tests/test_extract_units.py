"""Units and counted nouns on news-like sentences written for these tests (not from the gold
corpus): every counted noun maps to an English singular lemma, German forms included."""

from __future__ import annotations

import pytest

from tracker.extract import extract
from tracker.extract.lexicon import load_lexicon
from tracker.extract.units import singular


def units(text: str, lang: str) -> list[tuple[float | None, str | None]]:
    return [(c.low, c.unit) for c in extract(text, lang)]


EN_COUNTED = [
    ("Russia launched 120 drones overnight.", 120, "drone"),
    ("About 400 workers walked off the job.", 400, "worker"),
    ("Some 300 firefighters fought the blaze.", 300, "firefighter"),
    ("The storm left 12,000 households without power.", 12000, "household"),
    ("Germany took in 20,000 refugees last year.", 20000, "refugee"),
    ("Police towed 85 cars from the square.", 85, "car"),
    ("He scored 31 goals this season.", 31, "goal"),
    ("The club played 40 matches.", 40, "match"),
    ("The party won 57 seats.", 57, "seat"),
    ("The ferry carried 900 passengers.", 900, "passenger"),
    ("Nearly 2 million voters stayed home.", 2_000_000, "voter"),
    ("The fund lost 1,500 investors.", 1500, "investor"),
    ("The clinic has 250 hospital beds.", 250, "bed"),
    ("Aid reached 3,000 families.", 3000, "family"),
    ("The port handled 6,700 containers.", 6700, "container"),
    ("The final drew 65,000 spectators.", 65000, "spectator"),
    ("The airline cut 14 connections.", 14, "connection"),
    ("The strike hit 300,000 commuters.", 300000, "commuter"),
    ("Rescuers freed 33 miners.", 33, "miner"),
    ("The company employs 5,000 nurses.", 5000, "nurse"),
    ("Officials counted 45 militants among the dead.", 45, "militant"),
    ("Some 70 journalists were detained.", 70, "journalist"),
    ("Inspectors checked 212 factories.", 212, "factory"),
    ("The army lost 30 tanks and 12 helicopters.", 30, "tank"),
    ("The storm destroyed 150 buildings.", 150, "building"),
    ("There were 500 football fans in the stands.", 500, "fan"),
    ("Two men were arrested.", 2, "man"),
    ("The country deployed 3,000 additional troops.", 3000, "soldier"),
    ("Crews laid 80 kilometres of cable.", 80, "kilometer"),
    ("The crop covers 400 hectares.", 400, "hectare"),
]


@pytest.mark.parametrize(("text", "value", "unit"), EN_COUNTED)
def test_english_counted_nouns(text: str, value: float, unit: str) -> None:
    assert (value, unit) in units(text, "en")


DE_COUNTED = [
    ("Russland griff mit 120 Drohnen an.", 120, "drone"),
    ("Etwa 400 Arbeiter legten die Arbeit nieder.", 400, "worker"),
    ("Rund 300 Feuerwehrleute waren im Einsatz.", 300, "firefighter"),
    ("Der Sturm ließ 12.000 Haushalte ohne Strom.", 12000, "household"),
    ("Deutschland nahm 20.000 Flüchtlinge auf.", 20000, "refugee"),
    ("Die Polizei schleppte 85 Autos ab.", 85, "car"),
    ("Er erzielte 31 Tore in dieser Saison.", 31, "goal"),
    ("Die Partei gewann 57 Sitze.", 57, "seat"),
    ("Die Fähre hatte 900 Passagiere an Bord.", 900, "passenger"),
    ("Fast 2 Millionen Wähler blieben zu Hause.", 2_000_000, "voter"),
    ("Der Fonds verlor 1.500 Anleger.", 1500, "investor"),
    ("Die Klinik hat 250 Betten.", 250, "bed"),
    ("Die Hilfe erreichte 3.000 Familien.", 3000, "family"),
    ("Der Hafen schlug 6.700 Container um.", 6700, "container"),
    ("Das Finale sahen 65.000 Zuschauer.", 65000, "spectator"),
    ("Die Bahn strich 14 Verbindungen.", 14, "connection"),
    ("Der Streik traf 300.000 Pendler.", 300000, "commuter"),
    ("Retter befreiten 33 Bergleute.", 33, "miner"),
    ("Im Einsatz waren 2 Rettungshubschrauber und 4 Krankenwagen.", 4, "ambulance"),
    ("Die Stadt baut 500 Wohnungen.", 500, "apartment"),
    ("Die Armee verlor 30 Kampfpanzer.", 30, "tank"),
    ("Rund 70 Journalisten wurden festgenommen.", 70, "journalist"),
    ("Der Sturm zerstörte 150 Gebäude.", 150, "building"),
    ("Es kamen 3.000 Besucher.", 3000, "visitor"),
    ("Die Gemeinde hat 8.000 Einwohner.", 8000, "resident"),
]


@pytest.mark.parametrize(("text", "value", "unit"), DE_COUNTED)
def test_german_counted_nouns_map_to_english_lemmas(text: str, value: float, unit: str) -> None:
    assert (value, unit) in units(text, "de")


def test_german_unknown_noun_keeps_entity_without_unit() -> None:
    (claim,) = extract("Es meldeten sich 40 Quizmaster.", "de")
    assert (claim.unit, claim.entity) == (None, "Quizmaster")


@pytest.mark.parametrize(
    ("text", "lang", "unit"),
    [
        ("In der Nacht fielen 40 Liter pro Quadratmeter.", "de", "liter_per_square_meter"),
        ("Up to 80 litres per square metre fell overnight.", "en", "liter_per_square_meter"),
        ("The mill burns 12 tonnes per hour.", "en", "tonne_per_hour"),
        ("Der Fluss führte 900 Kubikmeter pro Sekunde.", "de", "cubic_meter_per_second"),
    ],
)
def test_measure_per_unit_is_one_compound_unit(text: str, lang: str, unit: str) -> None:
    (claim,) = extract(text, lang)
    assert claim.unit == unit


def test_money_per_unit_stays_money() -> None:
    (claim,) = extract("Petrol costs 2 euros per litre.", "en")
    assert claim.unit == "euro"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("drones", "drone"),
        ("families", "family"),
        ("matches", "match"),
        ("buses", "buse"),  # regular rule; "buses" itself is listed in the lexicon
        ("boxes", "box"),
        ("crisis", None),
        ("business", None),
        ("campus", None),
        ("was", None),
    ],
)
def test_english_singular_rules(word: str, lemma: str | None) -> None:
    assert singular(word, load_lexicon("en")) == lemma


def test_listed_irregular_plural_wins_over_rules() -> None:
    assert units("Police said 12 women and 3 buses were involved.", "en") == [
        (12, "woman"),
        (3, "bus"),
    ]


def test_singular_fallback_needs_plural_shape() -> None:
    (claim,) = extract("The crisis lasted 3 long weeks.", "en")
    assert claim.unit == "week"


@pytest.mark.parametrize(
    ("text", "lang", "unit", "entity"),
    [
        (
            "Die Zahl der Binnenflüchtlinge stieg auf 3,7 Millionen.",
            "de",
            "refugee",
            "Binnenflüchtlinge",
        ),
        (
            "The number of stranded passengers rose to 4,000.",
            "en",
            "passenger",
            "stranded passengers",
        ),
    ],
)
def test_count_phrase_noun_is_unit_and_entity(text: str, lang: str, unit: str, entity: str) -> None:
    (claim,) = extract(text, lang)
    assert (claim.unit, claim.entity) == (unit, entity)
