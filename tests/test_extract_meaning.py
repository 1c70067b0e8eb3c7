"""What a claim counts, as meaning (issue #11): concept, actor and state, German and English.

Sentences written for these tests; each group covers a pattern (an adjective in the noun phrase,
a possessive, a demonym, an event predicate, coordinated countries, a place that is no actor),
not one sentence.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tracker.errors import ConfigError
from tracker.extract import clause, concepts, extract, lexicon, meaning


def _meaning(sentence: str, lang: str, index: int = 0) -> tuple[str | None, ...]:
    claim = extract(sentence, lang)[index]
    return claim.concept, claim.actor, claim.state


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # a country adjective in the noun phrase, and a placing or sending predicate
        (
            "de",
            "10.000 nordkoreanische Soldaten sind in Russland stationiert.",
            ("soldier", "KP", "deployed"),
        ),
        (
            "de",
            "Pjöngjang hat 3.000 Soldaten nach Russland entsandt.",
            ("soldier", "KP", "deployed"),
        ),
        ("en", "North Korea has sent 10,000 servicemen to Russia.", ("soldier", "KP", "deployed")),
        (
            "en",
            "Pyongyang's 11,000 troops were deployed to the Kursk region.",
            ("soldier", "KP", "deployed"),
        ),
        ("en", "The DPRK has dispatched about 3,000 troops.", ("soldier", "KP", "deployed")),
        # the predicate makes the unit: the counted noun is the concept, the event the state
        (
            "en",
            "More than 300 North Korean soldiers have been killed, officials said.",
            ("soldier", "KP", "killed"),
        ),
        (
            "de",
            "Mindestens 300 nordkoreanische Soldaten sind gefallen.",
            ("soldier", "KP", "killed"),
        ),
        (
            "en",
            "Some 200 North Korean soldiers were captured by Ukrainian forces.",
            ("soldier", "KP", "captured"),
        ),
        ("de", "Rund 2.000 russische Soldaten wurden verwundet.", ("soldier", "RU", "wounded")),
        # demonyms give the actor and the concept the data says (person)
        ("de", "1.200 Nordkoreaner wurden getötet oder verwundet.", ("person", "KP", "casualties")),
        ("en", "About 4,700 North Koreans were killed or wounded.", ("person", "KP", "casualties")),
        # casualties as a noun
        (
            "de",
            "Die nordkoreanischen Truppen erlitten 4.700 Verluste.",
            ("person", "KP", "casualties"),
        ),
        (
            "en",
            "The White House said there were 1,000 North Korean casualties in a week.",
            ("person", "KP", "casualties"),
        ),
        # disasters: no actor, the state from the predicate or the noun
        ("de", "Bei dem Erdbeben gab es mindestens 480 Tote.", ("person", None, "killed")),
        ("en", "The earthquake left 9,100 injured.", ("person", None, "wounded")),
        ("de", "150.000 Menschen sind obdachlos.", ("person", None, "displaced")),
        ("en", "Some 150,000 people were displaced by the quake.", ("person", None, "displaced")),
        ("de", "Mehr als 200 Menschen werden noch vermisst.", ("person", None, "missing")),
        ("de", "Rund 2.000 Gebäude stürzten ein.", ("building", None, "destroyed")),
        ("en", "About 2,000 buildings collapsed.", ("building", None, "destroyed")),
        # money carries no state; the owner is its actor
        ("en", "The UK government pledged £5m in losses and aid.", ("pound", "GB", None)),
        ("de", "Deutschland stellt 50 Millionen Euro bereit.", ("euro", "DE", None)),
    ],
)
def test_meaning_patterns(lang: str, sentence: str, expected: tuple[str | None, ...]) -> None:
    assert _meaning(sentence, lang) == expected


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Russia has massed 50,000 Russian and North Korean soldiers in Kursk."),
        ("de", "Dort stehen 50.000 russische und nordkoreanische Soldaten."),
    ],
)
def test_coordinated_countries_join_sorted(lang: str, sentence: str) -> None:
    """Coordinated countries are one actor "KP+RU": a quantity about KP alone does not take it."""
    claim = extract(sentence, lang)[0]
    assert (claim.concept, claim.actor) == ("soldier", "KP+RU")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Ukraine says 3,000 troops were killed near Kursk."),
        ("de", "10.000 Soldaten sind in Russland stationiert."),
        ("en", "About 10,000 soldiers have been sent to Russia."),
        ("de", "Rund 3.000 Soldaten kämpfen für Russland gegen die Ukraine."),
    ],
)
def test_a_place_or_the_source_is_no_actor(lang: str, sentence: str) -> None:
    assert extract(sentence, lang)[0].actor is None


def test_an_elided_noun_counts_what_the_previous_number_counts() -> None:
    first, second = extract(
        "About 300 North Korean soldiers have been killed and 2,700 injured.", "en"
    )
    assert (first.concept, first.actor, first.state) == ("soldier", "KP", "killed")
    assert (second.concept, second.actor, second.state) == ("soldier", "KP", "wounded")
    other = extract("300 Soldaten wurden getötet und 2700 Zivilisten verletzt.", "de")[1]
    assert (other.concept, other.state) == ("civilian", "wounded")


def test_each_number_reads_its_own_clause() -> None:
    killed, wounded = extract("Es gab 300 Tote, außerdem wurden 2.700 Menschen verletzt.", "de")
    assert (killed.state, wounded.state) == ("killed", "wounded")


def test_meaning_leaves_values_and_spans_alone() -> None:
    text = "Mindestens 300 nordkoreanische Soldaten sind gefallen, 2.700 wurden verwundet."
    for claim in extract(text, "de"):
        assert text[claim.start : claim.end] == claim.text
    assert [c.low for c in extract(text, "de")] == [300, 2700]


def test_undetermined_language_reads_units_only() -> None:
    claim = extract("12 €", "und")[0]
    assert (claim.concept, claim.actor, claim.state) == ("euro", None, None)


def test_same_tables_in_every_language() -> None:
    import tomllib

    keys = {}
    for code in ("und", "de", "en"):
        raw = tomllib.loads((lexicon.LANG_DIR / code / meaning.FILE_NAME).read_text("utf-8"))
        keys[code] = {table: set(raw[table]) for table in ("actor", "rules")}
        keys[code]["tables"] = set(raw)
    assert keys["de"] == keys["en"] == keys["und"]
    for code in ("de", "en"):
        assert set(meaning.load_concepts(code).state_words.values()) <= set(
            meaning.load_concepts("und").located_concepts | _states("und")
        )


def _states(code: str) -> set[str]:
    import tomllib

    raw = tomllib.loads((lexicon.LANG_DIR / code / meaning.FILE_NAME).read_text("utf-8"))
    return set(raw["states"])


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ('killed = ["kill"', 'slain_badly = ["kill"', "states.slain_badly"),
        ('possessives = ["\'s"', "possessives = [1", "actor.possessives"),
        ("demonyms = {}", 'demonyms = { XX = ["Xians"] }', "actor.demonyms.XX"),
    ],
)
def test_bad_entry_fails_with_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, key: str
) -> None:
    for code in ("und", "en"):
        (tmp_path / code).mkdir()
        shutil.copy(lexicon.LANG_DIR / code / meaning.FILE_NAME, tmp_path / code)
    path = tmp_path / "en" / meaning.FILE_NAME
    content = path.read_text("utf-8")
    assert old in content
    path.write_text(content.replace(old, new, 1), "utf-8")
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    with pytest.raises(ConfigError) as err:
        meaning.load_concepts.__wrapped__("en")
    message = str(err.value)
    assert "\n" not in message and str(path) in message and key in message


def test_meaning_module_knows_no_words_of_a_language() -> None:
    """The engine stays language-agnostic: the words are in concepts.toml."""
    for module in (meaning, clause, concepts):
        source = Path(module.__file__).read_text("utf-8")
        code = "\n".join(
            line for line in source.splitlines() if not line.lstrip().startswith(("#", '"', "-"))
        )
        for word in ("killed", "getötet", "soldier", "nordkoreanisch", "North Korea", "Russland"):
            assert f'"{word}"' not in code, module.__name__


@pytest.mark.parametrize(
    ("lang", "sentence", "state"),
    [
        # a change, a plan or forecast, a part: never an estimate of the total
        ("en", "Belarus sent 2,000 additional soldiers to the border.", "added"),
        ("de", "Belarus schickte 2.000 weitere Soldaten an die Grenze.", "added"),
        ("en", "Up to 5,000 soldiers are expected to arrive in Serbia.", "expected"),
        ("de", "Bis Dezember sollen 5.000 Soldaten in Serbien stationiert sein.", "expected"),
        ("de", "Allein in der Hauptstadt starben 40 Menschen.", "part"),
        ("en", "The army lost 200 soldiers killed in a single week.", "part"),
    ],
)
def test_a_change_plan_or_part_overrides_the_state(lang: str, sentence: str, state: str) -> None:
    assert _meaning(sentence, lang)[2] == state


def test_a_casualty_phrase_over_the_unit_word_names_the_state() -> None:
    assert _meaning("Die Armee meldete 900 Toten und Verwundeten.", "de")[2] == "casualties"
    assert _meaning("The number of soldiers killed and wounded rose to 900.", "en")[2] == (
        "casualties"
    )


def test_a_country_modifying_another_noun_is_no_actor() -> None:
    # the agency reports the figure; whose dead they are is not said here
    got = _meaning("Der polnische Geheimdienst ging von 120 Toten aus.", "de")
    assert got[1] is None
    assert _meaning("Poland's own estimate put the toll at 120 dead.", "en")[1] is None
    # a counted noun after the country: it is the actor
    assert _meaning("Polish troops suffered 120 casualties.", "en")[1] == "PL"


def test_a_bare_figure_refers_back_to_the_last_one() -> None:
    first, second = extract(
        "Serbia has deployed 4,000 soldiers to the border. A week ago the figure was 2,500.", "en"
    )
    assert (second.concept, second.actor, second.state) == (
        first.concept, first.actor, first.state)


@pytest.mark.parametrize(
    ("lang", "sentence", "index", "expected"),
    [
        # the located state: a place before the number, a country adjective or a place noun
        (
            "de",
            "In der Provinz Belgorod stehen inzwischen 2.500 Soldaten aus dem Norden.",
            0,
            ("soldier", None, "deployed"),
        ),
        (
            "de",
            "Rund 2.000 Soldaten aus dem Norden sollen schon auf ukrainischem Boden sein.",
            0,
            ("soldier", None, "deployed"),
        ),
        (
            "en",
            "Officials said 4,000 Chinese soldiers were in the area.",
            0,
            ("soldier", "CN", "deployed"),
        ),
        # a weak state (training) yields to any other and to the located state
        (
            "en",
            "Roughly 5,000 troops are now training in the border region.",
            0,
            ("soldier", None, "deployed"),
        ),
        (
            "de",
            "Etwa 2.000 Soldaten wurden zur Ausbildung nach Belarus geschickt.",
            0,
            ("soldier", None, "deployed"),
        ),
        # a count noun before the number names what it counts
        (
            "de",
            "Kiew schätzt die Zahl der russischen Soldaten in der Region auf 50.000.",
            0,
            ("soldier", "RU", "deployed"),
        ),
        # a capital that reports the figure is not its actor
        ("en", "London estimates 600 dead.", 0, ("person", None, "killed")),
        # after a coordinator, the words before it belong to the figure before it
        (
            "en",
            "The ministry reported 900 people injured and about 100 still missing.",
            1,
            ("person", None, "missing"),
        ),
        # a relative clause still describes the counted noun
        (
            "de",
            "Es handelt sich um 3.000 Soldaten, die nach Russland verlegt wurden.",
            0,
            ("soldier", None, "deployed"),
        ),
        # an elided noun never comes from a measure
        (
            "de",
            "Drei Tage nach dem Beben ist die Zahl der Toten auf 900 gestiegen.",
            1,
            ("person", None, "killed"),
        ),
        # members count what their complement names
        (
            "de",
            "Rund 2.000 Angehörige der Streitkräfte wurden nach Belarus verlegt.",
            0,
            ("soldier", None, "deployed"),
        ),
        (
            "en",
            "About 2,000 members of the armed forces were deployed.",
            0,
            ("soldier", None, "deployed"),
        ),
        # a compound adjective of the number stands before its noun
        ("en", "The country keeps a 50,000-strong army.", 0, ("soldier", None, None)),
    ],
)
def test_clause_patterns(
    lang: str, sentence: str, index: int, expected: tuple[str | None, ...]
) -> None:
    assert _meaning(sentence, lang, index) == expected
