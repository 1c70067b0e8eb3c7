"""Attribution rules read from the German errors of attribution holdout v5 once it became
development data (issue #10, round 6): a body that recorded, documented or corrected a count,
a body that analysed data, a summing-up verb after "wie", "nach Überzeugung/Ansicht" before the
source, "heißt es im <Bericht>"; and what must stay without a source. Sentences are written for
these tests."""

from __future__ import annotations

import pytest
from attribution_helpers import source_spans as sources

from tracker.extract import extract


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Die Vereinten Nationen haben in der Provinz 420 getötete Zivilisten dokumentiert.",
            "Die Vereinten Nationen",
        ),
        ("Die Polizei hat im ersten Halbjahr 3.200 Einbrüche erfasst.", "Die Polizei"),
        (
            "Die Küstenwache hatte die Zahl der Vermissten zunächst mit rund 40 angegeben.",
            "Die Küstenwache",
        ),
        ("Insgesamt gewann die Mannschaft 14 Spiele, wie der Verband bilanzierte.", "der Verband"),
        ("Das Institut wertete Daten von rund 12.000 Betrieben aus.", "Das Institut"),
        (
            "Nach Überzeugung der Kammer hat die Firma 4 Millionen Euro hinterzogen.",
            "Kammer",
        ),
        (
            "Die Preise würden um 3 Prozent steigen, heißt es im Monatsbericht der Bundesbank.",
            "Monatsbericht der Bundesbank",
        ),
    ],
)
def test_german_recording_and_summing_up_verbs(text: str, source: str) -> None:
    assert sources(text, "de") == [source]


@pytest.mark.parametrize(
    "text",
    [
        # an attributive participle is no report verb
        "Die Zahl der erfassten Straftaten stieg um 4 Prozent.",
        # a fire that "erfasst" a forest, a storm that "fordert" lives report nothing
        "Das Feuer hat 30 Hektar Wald erfasst.",
        "Der Sturm hat in der Region mindestens 12 Menschenleben gefordert.",
    ],
)
def test_german_no_source(text: str) -> None:
    assert sources(text, "de") == [None]


@pytest.mark.parametrize(
    ("text", "source", "claimant"),
    [
        ("Die Grünen kommen in der neuen Forsa-Umfrage auf 14 Prozent.", "Forsa", "de-forsa"),
        (
            "Eine INSA-Umfrage im Auftrag der Zeitung sieht die Linke bei 7 Prozent.",
            "INSA",
            "de-insa",
        ),
    ],
)
def test_german_survey_named_by_its_maker(text: str, source: str, claimant: str) -> None:
    claims = extract(text, "de")
    assert sources(text, "de") == [source]
    assert [c.claimant for c in claims] == [claimant]


@pytest.mark.parametrize(
    "text",
    [
        # a hyphenated survey noun after an unknown word names no one
        "Eine Corona-Studie zeigt 40 Prozent mehr Fälle.",
        "In der ersten Omikron-Welle starben 300 Menschen.",
    ],
)
def test_german_unnamed_survey_has_no_source(text: str) -> None:
    assert sources(text, "de") == [None]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # Konjunktiv I of an expectation inside reported speech: its own subject holds the figure
        ("Der Minister sagte, die Behörde rechne mit zusätzlich 2.000 Bewerbern.", "die Behörde"),
        # ... but a pronoun right after the speaker's verb and comma is the speaker again
        ("Die Ärztin sagte, sie erwarte 300 Fälle.", "Die Ärztin"),
        ("Die Ärztin sagte, sie erwartet 300 Fälle.", "Die Ärztin"),
    ],
)
def test_german_expectation_in_reported_speech(text: str, source: str) -> None:
    assert sources(text, "de") == [source]


def test_german_inverted_expectation_in_the_subjunctive() -> None:
    text = (
        "Die Chefin sagte, die Inflation werde 3 Prozent erreichen. Für das nächste Jahr "
        "erwarte die Bank ein Plus von 1,2 Prozent."
    )
    assert sources(text, "de") == ["Die Chefin", "die Bank"]


def test_german_estimate_by_pronoun_keeps_the_inverted_speaker() -> None:
    text = "Er schätze, dass 200 Menschen betroffen seien, sagte der Bürgermeister."
    assert sources(text, "de") == ["Bürgermeister"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an origin after a noun belongs to that noun: no one reported from there
        ("Viele leben in Polen, wo rund 500.000 Menschen aus der Türkei registriert sind.", None),
        ("In Bayern sind 40.000 Menschen aus der Türkei registriert.", None),
        # an origin opening the clause is where the statement came from
        (
            "Wie aus Regierungskreisen verlautete, sollen 40 Soldaten getötet worden sein.",
            "Regierungskreisen",
        ),
        (
            "Aus Regierungskreisen verlautete, 40 Soldaten seien getötet worden.",
            "Regierungskreisen",
        ),
    ],
)
def test_german_origin_of_a_noun_is_no_source(text: str, source: str | None) -> None:
    assert sources(text, "de") == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Dem Robert Koch-Institut wurden bis Freitag 412 Fälle übermittelt.",
            "Dem Robert Koch-Institut",
        ),
        ("Dem Gesundheitsamt wurden 40 Infektionen gemeldet.", "Dem Gesundheitsamt"),
        # a dative receiving a payment reports nothing; a passive without a dative has no source
        ("Dem Opfer wurden 3.000 Euro gezahlt.", None),
        ("Im Oktober wurden 1.200 Unfälle gemeldet.", None),
    ],
)
def test_german_passive_report_to_a_body(text: str, source: str | None) -> None:
    assert sources(text, "de") == [source]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb left out of a second clause: its subject states the figure after it
        (
            "Die Polizei sprach am Abend von 3.000 Teilnehmern, die Veranstalter von mehr als "
            "10.000.",
            ["Die Polizei", "die Veranstalter"],
        ),
        (
            "Die Regierung spricht von 12 Toten, die Rebellen von 40.",
            ["Die Regierung", "die Rebellen"],
        ),
        # a place, a time or a counted noun before "von" is no gapped subject
        (
            "Die Polizei sprach von 3.000 Teilnehmern, in der Innenstadt von mehr als 10.000 "
            "Menschen.",
            ["Die Polizei", "Die Polizei"],
        ),
        ("Die Polizei sprach von 3.000 Teilnehmern, am Ende von 5.000.", ["Die Polizei"] * 2),
        (
            "Die Polizei sprach von 3.000 Teilnehmern, die Zahl der Gegendemonstranten von 200 "
            "wurde nicht bestätigt.",
            ["Die Polizei"] * 2,
        ),
    ],
)
def test_german_gapped_report_verb(text: str, expected: list[str]) -> None:
    assert sources(text, "de") == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The institute analysed data on around 12,000 companies.", "The institute"),
        (
            "Researchers at the university calculated that the lake was 2.1 degrees warmer.",
            "the university",
        ),
        ("Police spoke of 3,000 protesters.", "Police"),
        (
            "Local officials have spoken of about 300 dead, while the army has confirmed none.",
            "Local officials",
        ),
        # a participle after a thing is no report: what was analysed does not state a figure
        ("The samples analysed in the lab had 12 mutations.", None),
    ],
)
def test_english_analysed_calculated_spoken_of(text: str, source: str | None) -> None:
    assert sources(text, "en") == [source]


def test_german_own_estimate_as_object_is_no_source() -> None:
    text = (
        "Das Landesamt für Statistik hat seine Schätzung für das zweite Quartal bestätigt. "
        "Demnach stieg die Produktion um 0,4 Prozent."
    )
    assert sources(text, "de") == ["Das Landesamt für Statistik"]
    # a possessive before a person still names a source
    text = "Seine Sprecherin sagte, 40 Menschen seien verletzt worden."
    assert sources(text, "de") == ["Seine Sprecherin"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "schrieb" after its subject, the medium between verb and comma
        (
            "Der Gouverneur schrieb auf Telegram, etwa 40 Häuser seien zerstört worden.",
            "Der Gouverneur",
        ),
        ("Die Zeitung schrieb, 30 Menschen seien gestorben.", "Die Zeitung"),
    ],
)
def test_german_wrote_after_its_subject(text: str, source: str) -> None:
    assert sources(text, "de") == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a medium glued to "Berichten" names the source: "nach Medienberichten"
        ("Das Hochwasser hat nach Medienberichten 15 Häuser zerstört.", "Medien"),
        ("Laut Presseberichten kamen 300 Zuschauer.", "Presse"),
        # "Berichten" alone names no one
        ("Nach Berichten kamen 300 Zuschauer.", None),
    ],
)
def test_german_reports_glued_to_their_medium(text: str, source: str | None) -> None:
    assert sources(text, "de") == [source]
