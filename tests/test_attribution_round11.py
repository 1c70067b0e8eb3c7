"""Attribution and claimant rules read from the errors of attribution holdout v11 once it became
development data (issue #10, round 11). Sentences and names are written for these tests."""

from __future__ import annotations

import pytest

from tracker.claimants import resolve
from tracker.extract import extract


def sources(text: str, lang: str) -> list[str | None]:
    return [c.source for c in extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Marine hat nach eigener Zählung im Mai 120 Minen geräumt, teilte das Kommando mit. "
         "Das wären rund 4 am Tag.", "de"),
        ("The navy cleared 120 mines in May, the command said. That would amount to about 4 a "
         "day.", "en"),
        ("The navy cleared 120 mines in May, the command said. That works out at about 4 a "
         "day.", "en"),
    ],
)  # fmt: skip
def test_the_writer_s_own_reckoning_has_no_source(text: str, lang: str) -> None:
    found = sources(text, lang)
    assert found[0] is not None
    assert found[-1] is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Bei dem Erdbeben starben 40 Menschen, sagte der Gouverneur. In den Kliniken liegen "
         "angeblich zudem 300 Verletzte.", "de"),
        ("The quake killed 40 people, the governor said. Some 300 injured are reportedly being "
         "treated in clinics.", "en"),
        ("The quake killed 40 people, the governor said. Some 300 homes are believed to have "
         "collapsed.", "en"),
    ],
)  # fmt: skip
def test_hearsay_from_someone_unnamed_keeps_no_source_before(text: str, lang: str) -> None:
    found = sources(text, lang)
    assert found[0] is not None
    assert found[-1] is None


def test_a_part_of_the_figure_before_keeps_its_source_though_planned() -> None:
    text = (
        "Wie Ministerin Anna Berger mitteilte, stellt die Regierung 300 Millionen Euro bereit. "
        "Davon sollen 80 Millionen Euro in Schulen fließen."
    )
    assert sources(text, "de") == ["Ministerin Anna Berger", "Ministerin Anna Berger"]


def test_an_explicit_continuation_keeps_its_source_though_hearsay() -> None:
    text = (
        "Das Gesundheitsamt meldete am Montag 45 neue Fälle. Demnach sollen 12 Patienten im "
        "Krankenhaus liegen."
    )
    assert sources(text, "de") == ["Das Gesundheitsamt", "Das Gesundheitsamt"]


@pytest.mark.parametrize(
    "text",
    [
        "Bei dem Unfall wurden 17 Fahrgäste verletzt, sagte ein Polizeisprecher. Der Zug war mit "
        "300 Menschen besetzt.",
        "Die Armee meldete den Abschuss von 40 Raketen. Bei einem Angriff auf Odessa starben "
        "unterdessen drei Menschen.",
    ],
)
def test_a_count_of_something_else_keeps_no_source_before(text: str) -> None:
    found = sources(text, "de")
    assert found[0] is not None
    assert found[-1] is None


def test_the_wounded_after_the_dead_are_one_toll() -> None:
    text = (
        "Nach Angaben der Bergwacht wurden bei dem Lawinenunglück 12 Menschen getötet. Zudem "
        "wurden 40 Menschen verletzt."
    )
    assert sources(text, "de") == ["Bergwacht", "Bergwacht"]


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Unter Berufung auf Regierungskreise meldete die Agentur, der Konzern wolle 3.000 "
         "Stellen streichen.", "de", "Regierungskreise"),
        ("Citing government sources, the newspaper reported that the company would cut 3,000 "
         "jobs.", "en", "government sources"),
    ],
)  # fmt: skip
def test_a_relay_opening_the_sentence_names_who_holds_the_figure(
    text: str, lang: str, source: str
) -> None:
    claim = extract(text, lang)[-1]
    assert claim.source == source
    assert claim.via is not None


def test_a_number_word_counting_the_relayed_voices_belongs_to_them() -> None:
    text = (
        "Die Agentur meldete unter Berufung auf drei Diplomaten, die Regierung wolle 400 "
        "Millionen Euro bereitstellen."
    )
    claim = [c for c in extract(text, "de") if "400" in c.text][0]
    assert claim.source == "drei Diplomaten"


@pytest.mark.parametrize(
    ("written", "lang"),
    [
        ("two US officials", "en"),
        ("several US officials", "en"),
        ("zwei US-Beamte", "de"),
        ("drei US-Regierungsvertreter", "de"),
    ],
)
def test_counted_unnamed_officials_stay_an_anonymous_voice(written: str, lang: str) -> None:
    assert resolve(written, lang).claimant is None


def test_counted_officials_of_a_named_body_keep_the_body() -> None:
    assert resolve("two Pentagon officials", "en").claimant == "us-pentagon"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Bei dem Sturm sind nach offiziellen Angaben mindestens 30 Menschen gestorben.",
         "offiziellen Angaben"),
        ("Die Liste kam nach dem vorläufigen amtlichen Endergebnis auf 12,5 Prozent.",
         "dem vorläufigen amtlichen Endergebnis"),
        ("Rund 40.000 Menschen sind nach Schätzungen obdachlos.", "Schätzungen"),
    ],
)  # fmt: skip
def test_a_record_with_no_holder_after_it_is_the_source(text: str, source: str) -> None:
    assert sources(text, "de") == [source]


def test_a_record_of_someone_named_before_is_no_record_of_its_own() -> None:
    text = "Die Feuerwehr rückte aus. Nach ihren Angaben wurden 14 Häuser zerstört."
    assert sources(text, "de")[-1] != "ihren Angaben"


def test_who_published_the_record_next_states_it() -> None:
    text = (
        "Die Liste kam nach dem vorläufigen Endergebnis auf 12,5 Prozent. Das teilte der "
        "Kreiswahlleiter am Abend mit."
    )
    assert sources(text, "de") == ["der Kreiswahlleiter"]


def test_a_count_of_a_named_body_is_read_after_nach_zaehlung() -> None:
    text = "Bei den Kämpfen starben nach Zählung der Vereinten Nationen 80 Zivilisten."
    assert sources(text, "de") == ["Vereinten Nationen"]


@pytest.mark.parametrize(
    "text",
    [
        "The UN mission has documented 1,200 civilian deaths since June.",
        "The refugee agency counts 2.1 million displaced people in the region.",
    ],
)
def test_a_body_documenting_or_counting_states_its_count(text: str) -> None:
    assert sources(text, "en")[0] is not None


def test_a_country_documenting_a_count_is_only_where_it_was_counted() -> None:
    assert sources("Germany has documented 9,500 cases this year.", "en") == [None]


def test_a_copula_with_a_placeholder_subject_counts_what_was_counted_before() -> None:
    text = (
        "Die Studie der Stiftung erwartet bis 2040 rund 3,1 Millionen Pflegefälle. Derzeit "
        "sind es 2,4 Millionen."
    )
    found = sources(text, "de")
    assert found[0] is not None
    assert found[-1] == found[0]
