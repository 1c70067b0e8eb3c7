"""States of news beyond war and disaster (issue #11): taking part in an event, arrests,
gatherings counted as events, infections, hospital stays, vaccinations, votes and prices, in
both languages with the same tables; a German verb and its particle apart; a unit whose event
word the clause does not hold; a state word before a counted noun. Sentences written for
these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.aggregate.quantities import parse_quantities
from tracker.extract import extract
from tracker.extract.concepts import load_concepts


def _meaning(sentence: str, lang: str, index: int = 0) -> tuple[str | None, ...]:
    claim = extract(sentence, lang)[index]
    return claim.concept, claim.actor, claim.state


@pytest.mark.parametrize(
    ("lang", "sentence", "index", "expected"),
    [
        # taking part: a crowd, a march, a strike, a turnout
        ("en", "Some 40,000 people took part in the march through the capital.", 0,
         ("person", None, "participated")),
        ("en", "Organisers counted 25,000 demonstrators on Saturday.", 0,
         ("person", None, "participated")),
        ("en", "Officials put turnout at 9,000 in the old town.", 0,
         ("person", None, "participated")),
        ("en", "About 3,000 nurses went on strike on Monday.", 0,
         ("nurse", None, "participated")),
        ("de", "Rund 40.000 Menschen gingen am Samstag auf die Straße.", 0,
         ("person", None, "participated")),
        ("de", "Die Veranstalter zählten 25.000 Teilnehmer.", 0,
         ("person", None, "participated")),
        ("de", "Mehr als 8.000 Beschäftigte nahmen an dem Warnstreik teil.", 0,
         ("employee", None, "participated")),
        # arrests: the police took them into custody
        ("en", "Officers arrested 35 people after the match.", 0, ("person", None, "captured")),
        ("en", "There were 35 arrests after the match.", 0, ("person", None, "captured")),
        ("en", "About 20 fans were taken into custody.", 0, ("fan", None, "captured")),
        ("de", "Die Polizei nahm nach dem Spiel 35 Personen fest.", 0,
         ("person", None, "captured")),
        ("de", "Es gab 35 Festnahmen.", 0, ("person", None, "captured")),
        ("de", "Von den 35 Festgenommenen sind noch drei in Haft.", 0,
         ("person", None, "captured")),
        ("de", "Etwa 20 Fans kamen in Gewahrsam.", 0, ("spectator", None, "captured")),
        # gatherings are events counted for themselves, with no state of a person
        ("en", "Police counted 120 rallies across the region.", 0, ("rally", None, None)),
        ("en", "There were more than 40 demonstrations on Sunday.", 0, ("rally", None, None)),
        ("de", "Im ganzen Land gab es 120 Kundgebungen.", 0, ("rally", None, None)),
        ("de", "Am Sonntag fanden mehr als 40 Demonstrationen statt.", 0, ("rally", None, None)),
        # infections, hospital stays, vaccinations, votes
        ("en", "Health officials said 640 people had tested positive.", 0,
         ("person", None, "infected")),
        ("de", "Die Behörde meldete 640 Infizierte.", 0, ("person", None, "infected")),
        ("en", "Another 85 patients were admitted to hospital.", 0,
         ("patient", None, "hospitalized")),
        ("de", "85 Menschen werden im Krankenhaus behandelt.", 0,
         ("person", None, "hospitalized")),
        ("en", "By Friday, 1.2 million people had been vaccinated.", 0,
         ("person", None, "vaccinated")),
        ("de", "Bis Freitag wurden 1,2 Millionen Menschen geimpft.", 0,
         ("person", None, "vaccinated")),
        ("en", "The candidate won 412,000 votes.", 0, ("vote", None, "voted")),
        ("de", "Die Kandidatin erhielt 412.000 Stimmen.", 0, ("vote", None, "voted")),
        # a price is what money is, never what a count is
        ("en", "A monthly pass now costs €58.", 0, ("euro", None, "price")),
        ("de", "Ein Liter Diesel kostete am Montag 1,79 Euro.", 0, ("euro", None, "price")),
        # a hope or an expectation is a plan
        ("en", "The union hoped to bring 50,000 people onto the streets.", 0,
         ("person", None, "expected")),
        ("de", "Die Gewerkschaft rechnet mit 50.000 Teilnehmern.", 0,
         ("person", None, "expected")),
    ],
)
def test_states_of_news(lang: str, sentence: str, index: int, expected: tuple) -> None:
    assert _meaning(sentence, lang, index) == expected


def test_a_count_never_takes_a_price() -> None:
    # "cost" names what money is; 300 lives are people
    assert _meaning("The fighting cost 300 lives.", "en")[2] != "price"
    assert _meaning("Die Kämpfe kosteten 300 Menschen das Leben.", "de")[2] == "killed"


def test_a_unit_whose_event_word_is_outside_the_clause_yields_to_the_clause() -> None:
    # the unit of the first figure may be read from the words of the next one
    sentence = "The mayor said 60 people had been arrested and 9 officers injured."
    assert _meaning(sentence, "en", 0)[2] == "captured"
    assert _meaning(sentence, "en", 1)[2] == "wounded"
    # an event word of its own still makes the unit's state
    assert _meaning("At least 60 people were injured in the crush.", "en")[2] == "wounded"


@pytest.mark.parametrize(
    ("lang", "sentence", "concept"),
    [
        ("en", "The clashes left 14 injured officers, the ministry said.", "police_officer"),
        ("de", "Die Gewerkschaft sprach von 14 verletzten Beamten.", "police_officer"),
    ],
)
def test_a_state_word_before_a_counted_noun(lang: str, sentence: str, concept: str) -> None:
    assert _meaning(sentence, lang)[0::2] == (concept, "wounded")


def test_a_state_word_before_a_noun_is_no_elided_noun() -> None:
    sentence = "Police reported 30 arrests; 14 injured officers were treated on site."
    assert _meaning(sentence, "en", 1)[0::2] == ("police_officer", "wounded")
    # a bare state word still counts what the previous figure counts
    sentence = "About 300 soldiers were killed and 2,700 wounded."
    assert _meaning(sentence, "en", 1)[0::2] == ("soldier", "wounded")


def test_split_verbs_are_read_from_the_file() -> None:
    de = load_concepts("de")
    assert ("nahmen", "teil", "participated") in de.split_states
    assert ("nahm", "fest", "captured") in de.split_states
    # the particle must follow the verb: "fest" before "nahm" is no arrest
    assert _meaning("Fest steht: 200 Menschen nahmen den Zug.", "de")[2] is None


def test_a_split_verb_needs_one_word_each_side(tmp_path: Path, monkeypatch) -> None:
    import shutil

    from tracker.errors import ConfigError
    from tracker.extract import concepts, lexicon

    for code in ("und", "de"):
        (tmp_path / code).mkdir()
        shutil.copy(lexicon.LANG_DIR / code / concepts.FILE_NAME, tmp_path / code)
    path = tmp_path / "de" / concepts.FILE_NAME
    text = path.read_text("utf-8")
    path.write_text(text.replace('"nahm ... fest"', '"nahm ... fest an"', 1), "utf-8")
    monkeypatch.setattr(lexicon, "LANG_DIR", tmp_path)
    with pytest.raises(ConfigError) as err:
        concepts.load_concepts.__wrapped__("de")
    assert "states.captured" in str(err.value) and "\n" not in str(err.value)


def test_a_concept_of_several_words_may_be_written_with_spaces() -> None:
    config = parse_quantities({"quantity": [{
        "id": "officers_hurt", "label": "Officers hurt", "unit": "officers",
        "concept": ["Police Officer", "person"], "state": "wounded", "actor": "Ivory Coast",
    }]})
    quantity = config.quantities[0]
    assert quantity.concept == ("police_officer", "person")
    assert quantity.actor == ("ivory coast",)  # a name stays as written


@pytest.mark.parametrize(
    ("lang", "sentence", "state"),
    [
        # the verb closes the clause after a figure that follows a place word
        ("de", "Am Sonntag sollen 9.000 Menschen bei 40 Kundgebungen auf die Straße gegangen sein.",
         "participated"),
        ("de", "Laut Polizei wurden 300 Menschen an 12 Orten in Sicherheit gebracht.", "displaced"),
        # an intention with "zu" and the infinitive is a plan
        ("de", "Die Regierung hat beschlossen, 2.000 Soldaten an die Grenze zu schicken.",
         "expected"),
    ],
)
def test_a_figure_after_a_place_word_leaves_the_clause_open(
    lang: str, sentence: str, state: str
) -> None:
    assert _meaning(sentence, lang)[2] == state


@pytest.mark.parametrize(
    ("lang", "sentence", "index", "state"),
    [
        # a figure after "including" is a part even when the previous one names no state
        ("en", "Police counted 90 rallies, including 25 in the capital.", 1, "part"),
        ("de", "Die Polizei zählte 90 Kundgebungen, darunter 25 in der Hauptstadt.", 1, "part"),
        # a sentence opening with a partitive, a word or two and a figure
        ("de", "Von den insgesamt 90 Festgenommenen sind neun noch in Haft.", 1, "part"),
        ("en", "Of the nearly 90 people arrested, nine are still in custody.", 1, "part"),
    ],
)
def test_parts_of_a_figure_before(lang: str, sentence: str, index: int, state: str) -> None:
    assert _meaning(sentence, lang, index)[2] == state


def test_a_bare_figure_refers_back_to_a_total_not_to_a_change() -> None:
    text = ("A total of 40 officers were injured, after 12 more were hurt overnight. "
            "The union says the real figure is at least 60.")
    claims = extract(text, "en")
    assert claims[1].state == "added"
    assert (claims[-1].concept, claims[-1].state) == ("police_officer", "wounded")


def test_a_bare_figure_after_a_measure_of_its_sentence_does_not_refer_back() -> None:
    text = ("About 500 people were evacuated. The stay is limited to 6 weeks instead of the "
            "usual 10.")
    claims = extract(text, "en")
    assert claims[0].state == "displaced"
    assert claims[-1].state is None


@pytest.mark.parametrize(
    ("lang", "text", "state"),
    [
        ("en", "How many people took part? Nobody knows. The police counted 9,000, the "
         "organisers 30,000.", "participated"),
        ("de", "Wie viele Menschen wurden festgenommen? Die Polizei nannte 40.", "captured"),
    ],
)
def test_a_question_before_says_what_a_bare_figure_counts(
    lang: str, text: str, state: str
) -> None:
    assert {(c.concept, c.state) for c in extract(text, lang)} == {("person", state)}


def test_a_question_behind_another_figure_says_nothing() -> None:
    text = "How many people took part? At least 12 were hurt. Police said 9,000."
    assert extract(text, "en")[-1].state != "participated"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "The police counted 9,000 and the organisers 30,000, a gap of 21,000."),
        ("de", "Die Polizei zählte 9.000 Teilnehmer, die Veranstalter 30.000, eine Differenz von "
         "21.000."),
    ],
)
def test_a_gap_between_counts_is_no_total(lang: str, sentence: str) -> None:
    assert extract(sentence, lang)[-1].state == "added"
