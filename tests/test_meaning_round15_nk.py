"""Round 15 meaning rules (tuner "nk"), on sentences written for these tests."""

from __future__ import annotations


def _meanings(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    from tracker.extract import extract

    return [(c.concept, c.actor, c.state) for c in extract(text, lang)]


def test_the_place_of_the_source_is_not_the_owner_de() -> None:
    got = _meanings("Die Behörde in Lissabon zählte zuletzt etwa 70 Tote.", "de")
    assert got[0][1] is None and got[0][2] == "killed"


def test_the_place_of_the_source_is_not_the_owner_en() -> None:
    got = _meanings("The ministry in Lisbon counted about 70 dead by Friday.", "en")
    assert got[0][1] is None and got[0][2] == "killed"


def test_a_place_of_the_counted_still_owns_them() -> None:
    assert _meanings("In Portugal starben laut der Behörde 70 Menschen.", "de")[0][1] == "PT"


def test_a_whole_after_a_change_is_no_change_de() -> None:
    got = _meanings("Im Mai kamen 300 weitere Soldaten hinzu, insgesamt sind es nun rund 2.300.",
                    "de")
    assert got[0][2] == "added" and got[1][2] != "added"


def test_the_contingent_after_fresh_troops_counts_the_deployed_en() -> None:
    got = _meanings("Officials said 2,000 soldiers had been deployed in Mali. Paris sent 300 fresh "
                    "soldiers in May, and the contingent now numbers about 2,300.", "en")
    assert [m[2] for m in got] == ["deployed", "added", "deployed"]


def test_a_carried_noun_does_not_hide_the_state_noun_before_the_number_de() -> None:
    got = _meanings("Die Zahl der Gefallenen schätzt das Amt auf 900, die der Verwundeten auf "
                    "mehr als 1.700.", "de")
    assert [m[2] for m in got] == ["killed", "wounded"]


def test_nationals_in_a_text_of_their_soldiers_are_those_soldiers_de() -> None:
    got = _meanings("Frankreich hat 800 Soldaten nach Mali geschickt. Inzwischen halten sich "
                    "rund 2.000 Franzosen in Mali auf.", "de")
    assert got[1][:3] == ("soldier", "FR", "deployed")


def test_nationals_in_a_text_of_their_soldiers_are_those_soldiers_en() -> None:
    got = _meanings("France has sent 800 troops to Mali. Some 2,000 French are now in Mali.", "en")
    assert got[1][0] == "soldier"


def test_nationals_without_soldiers_of_their_country_stay_persons() -> None:
    got = _meanings("Some 2,000 Ukrainians arrived in Poland on Sunday.", "en")
    assert got[0][0] == "person"


def test_a_plan_in_a_second_predicate_is_not_the_figures_en() -> None:
    got = _meanings("Around 4,000 Dutch soldiers have been sent to Lithuania and are likely to "
                    "stay there until 2027.", "en")
    assert got[0][2] == "deployed"


def test_a_plan_in_a_second_predicate_is_not_the_figures_de() -> None:
    got = _meanings("Rund 5.000 Soldaten wurden nach Litauen verlegt und sollen dort bis 2027 "
                    "bleiben.", "de")
    assert got[0][2] == "deployed"


def test_a_plan_of_the_figure_itself_stays() -> None:
    got = _meanings("Around 4,000 soldiers are expected to be sent to Lithuania.", "en")
    assert got[0][2] == "expected"


def test_an_estimate_of_soldiers_in_a_text_of_soldiers_sent_counts_them_de() -> None:
    got = _meanings("Zunächst war von 800 Soldaten die Rede. Inzwischen hat Frankreich 2.000 "
                    "Soldaten nach Mali entsandt.", "de")
    assert [m[2] for m in got] == ["deployed", "deployed"]


def test_soldiers_being_prepared_are_a_plan() -> None:
    got = _meanings("Officials said as many as 9,000 Belgian soldiers were being prepared to "
                    "join the mission.", "en")
    assert got[0][2] == "expected"
    got = _meanings("Der Minister sprach von 9.000 Soldaten, die auf den Einsatz vorbereitet "
                    "würden.", "de")
    assert got[0][2] == "expected"


def test_counts_of_a_duration_said_alone_are_a_part() -> None:
    got = _meanings("In the past two weeks alone, more than 300 Belgians were killed.", "en")
    assert got[1][2] == "part"
    got = _meanings("Allein in den vergangenen drei Tagen seien 300 Belgier getötet worden.", "de")
    assert got[1][2] == "part"


def test_a_duration_without_alone_leaves_the_count() -> None:
    got = _meanings("The walkout cancelled 1,250 trains over two days.", "en")
    assert got[0][2] != "part"
