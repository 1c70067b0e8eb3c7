"""Claimant resolution: names as written resolve to one claimant, across languages, inflection,
typography, acronyms, titles and capitals; the gazetteer is validated on load."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.claimants import (
    find_acronyms,
    gazetteer,
    index,
    load_all,
    merge_variants,
    resolve,
)
from tracker.errors import ConfigError

resolve_module = importlib.import_module("tracker.claimants.resolve")

# --- one claimant, many names --------------------------------------------------------------

NIS_VARIANTS = [
    ("de", "des südkoreanischen Geheimdienstes"),
    ("de", "südkoreanischen Geheimdienstes NIS"),
    ("de", "Informationen des NIS"),
    ("de", "der südkoreanische Geheimdienst"),
    ("de", "laut dem südkoreanischen Nachrichtendienst"),
    ("de", "Südkoreas Geheimdienst"),
    ("de", "des Geheimdienstes in Seoul"),
    ("de", "nach Angaben des Nationalen Geheimdienstes"),
    ("en", "the NIS"),
    ("en", "South Korea's spy agency"),
    ("en", "South Korea\u2019s spy agency"),
    ("en", "Seoul's spy agency"),
    ("en", "South Korean intelligence"),
    ("en", "according to the National Intelligence Service"),
    ("en", "South Korea's National Intelligence Service (NIS)"),
    ("en", "the South Korean intelligence agency"),
]


@pytest.mark.parametrize(("lang", "source"), NIS_VARIANTS)
def test_south_korean_intelligence_variants_resolve_to_one_claimant(lang: str, source: str) -> None:
    r = resolve(source, lang)
    assert (r.claimant, r.known, r.country) == ("kr-nis", True, "KR")


PENTAGON_VARIANTS = [
    ("en", "the Pentagon"),
    ("en", "the US Department of Defense"),
    ("en", "the U.S. Defense Department"),
    ("en", "America's defense department"),
    ("de", "des Pentagons"),
    ("de", "das US-Verteidigungsministerium"),
    ("de", "des amerikanischen Verteidigungsministeriums"),
    ("de", "laut Pentagon"),
]


@pytest.mark.parametrize(("lang", "source"), PENTAGON_VARIANTS)
def test_pentagon_variants(lang: str, source: str) -> None:
    assert resolve(source, lang).claimant == "us-pentagon"


@pytest.mark.parametrize(
    ("lang", "source"),
    [
        ("en", "Ukraine's special forces"),
        ("en", "Ukraine\u2019s special forces"),
        ("en", "Ukraine`s Special Operations Forces"),
        ("en", "Ukrainian special forces"),
        ("de", "ukrainische Spezialkräfte"),
        ("de", "der ukrainischen Spezialeinheiten"),
        ("de", "Kiews Spezialkräfte"),
    ],
)
def test_ukrainian_special_forces_with_any_apostrophe(lang: str, source: str) -> None:
    assert resolve(source, lang).claimant == "ua-sso"


@pytest.mark.parametrize(
    ("lang", "source", "expected"),
    [
        # country adjective / name / possessive / capital + institution type
        ("de", "das ukrainische Verteidigungsministerium", "ua-defence-ministry"),
        ("de", "des russischen Verteidigungsministeriums", "ru-defence-ministry"),
        ("en", "Russia's defence ministry", "ru-defence-ministry"),
        ("en", "the Ministry of Defence of Ukraine", "ua-defence-ministry"),
        ("de", "Verteidigungsministerium in Moskau", "ru-defence-ministry"),
        ("en", "Moscow's foreign ministry", "ru-foreign-ministry"),
        ("de", "das polnische Innenministerium", "pl-interior-ministry"),
        ("en", "Ukrainian military intelligence", "ua-hur"),
        ("de", "des ukrainischen Generalstabs", "ua-general-staff"),
        ("en", "the Turkish statistics office", "tr-turkstat"),
        ("de", "die japanische Notenbank", "jp-boj"),
        ("en", "Israel's army", "il-idf"),
        # an explicit country beats the country of a generic alias
        ("de", "die österreichische Bundesregierung", "at-government"),
        ("en", "the Russian Ministry of Defence", "ru-defence-ministry"),
    ],
)
def test_country_and_institution_type_compose(lang: str, source: str, expected: str) -> None:
    assert resolve(source, lang).claimant == expected


@pytest.mark.parametrize(
    ("lang", "source", "expected"),
    [
        ("de", "Kiew", "ua-government"),
        ("en", "Kyiv", "ua-government"),
        ("en", "Kiev", "ua-government"),
        ("de", "Ukraine", "ua-government"),
        ("de", "Seoul", "kr-government"),
        ("de", "aus Moskau", "ru-government"),
        ("en", "Washington", "us-government"),
        ("de", "Peking", "cn-government"),
        ("de", "ukrainische Behörden", "ua-government"),
        ("de", "die Kiewer Führung", "ua-government"),
        ("en", "Nepal", "np-government"),
    ],
)
def test_capitals_countries_and_authorities_mean_the_government(
    lang: str, source: str, expected: str
) -> None:
    r = resolve(source, lang)
    assert (r.claimant, r.known) == (expected, True)


# --- inflection and normalisation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("des Instituts für Meeresforschung", "das Institut für Meeresforschung"),
        ("dem Forschungszentrum Jülich", "des Forschungszentrums Jülich"),
        ("der Vereinigten Wasserwerke", "die Vereinigte Wasserwerke"),
        ("laut „Ärztekammer Nordrhein“", "der Ärztekammer Nordrhein"),
    ],
)
def test_german_inflection_and_quotes_give_one_key_for_unknown_names(
    first: str, second: str
) -> None:
    a, b = resolve(first, "de"), resolve(second, "de")
    assert a.claimant == b.claimant
    assert a.claimant is not None and a.claimant.startswith("name:")
    assert not a.known


def test_unknown_name_key_is_readable_and_deterministic() -> None:
    r = resolve("des Instituts für Meeresforschung", "de")
    assert r.claimant == "name:institut-fuer-meeresforschung"
    assert r.label == "Instituts für Meeresforschung"


@pytest.mark.parametrize(
    ("lang", "source", "expected"),
    [
        ("de", "des Statistischen Bundesamts", "de-destatis"),
        ("de", "des Bundesnachrichtendienstes", "de-bnd"),
        ("de", "laut Robert-Koch-Institut", "de-rki"),
        ("de", "dem Robert Koch-Institut", "de-rki"),
        ("de", "der Vereinten Nationen", "un"),
        ("en", "the U.N.", "un"),
        ("de", "nach UN-Angaben", "un"),
        ("en", "the UN refugee agency", "unhcr"),
        ("de", "des UN-Flüchtlingshilfswerks", "unhcr"),
        ("de", "des Internationalen Währungsfonds", "imf"),
        ("en", "Yonhap news agency", "agency-yonhap"),
        ("de", "der nordkoreanischen Staatsagentur KCNA", "agency-kcna"),
        ("en", "the BBC", "media-bbc"),
        ("de", "BBC Ukraine", "media-bbc"),
    ],
)
def test_aliases_match_after_normalisation(lang: str, source: str, expected: str) -> None:
    assert resolve(source, lang).claimant == expected


# --- persons ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "source", "claimant", "person", "affiliation"),
    [
        (
            "en",
            "Pentagon spokesman Major General Pat Ryder",
            "person-pat-ryder",
            "Pat Ryder",
            "us-pentagon",
        ),
        ("de", "Pentagon-Sprecher Pat Ryder", "person-pat-ryder", "Pat Ryder", "us-pentagon"),
        (
            "de",
            "Kremlsprecher Dmitri Peskow",
            "person-dmitry-peskov",
            "Dmitri Peskow",
            "ru-government",
        ),
        (
            "en",
            "US Defense Secretary Lloyd Austin",
            "person-lloyd-austin",
            "Lloyd Austin",
            "us-pentagon",
        ),
        (
            "de",
            "der Sprecher des ukrainischen Verteidigungsministeriums, Jurij Ihnat",
            "person-yuriy-ihnat",
            "Jurij Ihnat",
            "ua-defence-ministry",
        ),
        (
            "en",
            "Ukrainian President Volodymyr Zelensky",
            "person-volodymyr-zelensky",
            "Volodymyr Zelensky",
            "ua-government",
        ),
        ("de", "Selenskyj", "person-volodymyr-zelensky", "Wolodymyr Selenskyj", "ua-government"),
    ],
)
def test_known_persons_lose_titles_and_keep_affiliation(
    lang: str, source: str, claimant: str, person: str, affiliation: str
) -> None:
    r = resolve(source, lang)
    assert (r.claimant, r.person, r.affiliation, r.known) == (claimant, person, affiliation, True)


@pytest.mark.parametrize(
    ("lang", "source", "claimant", "affiliation"),
    [
        ("de", "NIS-Direktorin Erika Beispiel", "person-erika-beispiel", "kr-nis"),
        ("en", "Ukrainian army spokesman Ivan Example", "person-ivan-example", "ua-armed-forces"),
        (
            "de",
            "Generalmajor Hans Muster, Sprecher des Generalstabs der Ukraine",
            "person-hans-muster",
            "ua-general-staff",
        ),
        ("en", "Jane Doe, chief economist at the Bundesbank", "person-jane-doe", "de-bundesbank"),
        ("de", "laut Max Mustermann", "person-max-mustermann", None),
        ("de", "Laut Kim Song-Ho", "person-kim-song-ho", None),
        ("de", "Laut Kim Song Ho", "person-kim-song-ho", None),
    ],
)
def test_unknown_persons_get_a_person_key(
    lang: str, source: str, claimant: str, affiliation: str | None
) -> None:
    r = resolve(source, lang)
    assert (r.claimant, r.affiliation, r.known) == (claimant, affiliation, False)
    assert r.person is not None and "Sprecher" not in r.person and "spokesman" not in r.person


def test_person_spelling_variants_of_a_known_person() -> None:
    keys = {
        resolve(s, "de").claimant
        for s in ("Laut Lee Seong Kwon", "Lee Seong-kweun", "des Abgeordneten Lee Seong-kweun")
    }
    assert keys == {"person-lee-seong-kweun"}
    assert resolve("Lee Seong-kweun", "en").affiliation == "kr-national-assembly"


def test_a_spokesperson_without_a_name_speaks_for_the_institution() -> None:
    r = resolve("ein Sprecher des Verteidigungsministeriums in Kiew", "de")
    assert (r.claimant, r.person) == ("ua-defence-ministry", None)


# --- names that name nobody by themselves ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "source"),
    [
        ("de", "Behörde"),
        ("de", "die Behörde"),
        ("de", "Schätzungen"),
        ("de", "nach Schätzungen"),
        ("en", "the agency"),
        ("en", "officials"),
        ("en", "experts"),
        ("de", "der Geheimdienst"),
        ("en", "the ministry"),
        ("de", "ein Sprecher"),
        ("en", ""),
    ],
)
def test_generic_nouns_alone_name_nobody(lang: str, source: str) -> None:
    r = resolve(source, lang)
    assert (r.claimant, r.known) == (None, False)


def test_generic_institution_keeps_its_type_for_the_caller() -> None:
    assert resolve("der Geheimdienst", "de").type == "intelligence"
    assert resolve("the spy agency", "en").type == "intelligence"


def test_ambiguous_country_and_type_gets_a_type_key() -> None:
    r = resolve("der russische Geheimdienst", "de")
    assert (r.claimant, r.known) == ("type:ru-intelligence", False)
    assert resolve("Russian intelligence", "en").claimant == r.claimant


@pytest.mark.parametrize(
    "source",
    [
        "",
        " ",
        ",,,",
        "(((",
        "’s",
        "'",
        "-",
        "des",
        "the",
        "1234",
        "\u00ad",
        "a" * 500,
        "Sprecher Sprecher Sprecher",
        "Dr. Dr.",
        "\x00",
        "Ü-Ö-Ä",
        "NIS (",
        ") NIS",
    ],
)
@pytest.mark.parametrize("lang", ["de", "en", "und", "fr"])
def test_strange_input_never_raises(source: str, lang: str) -> None:
    assert resolve(source, lang).label is not None


def test_other_languages_use_the_english_tables() -> None:
    assert resolve("the Pentagon", "und").claimant == "us-pentagon"
    assert resolve("the Pentagon", "fr").claimant == "us-pentagon"


# --- acronyms --------------------------------------------------------------------------------


def test_acronyms_defined_in_both_directions() -> None:
    text = (
        "Der National Intelligence Service (NIS) schätzt 10.000. Die KDI (Korea Development "
        "Institute) widerspricht. Laut des Bundesnachrichtendienstes (BND) und dem Institut "
        "für Weltwirtschaft (IfW) gab es 2024 (im Mai) mehr. Die Polizei (PD) schweigt."
    )
    assert find_acronyms(text) == {
        "NIS": "National Intelligence Service",
        "KDI": "Korea Development Institute",
        "BND": "Bundesnachrichtendienstes",
        "IfW": "Institut für Weltwirtschaft",
    }


def test_text_acronym_resolves_like_its_long_form() -> None:
    acronyms = find_acronyms("The Korea Institute for Defense Analyses (KIDA) said.")
    short = resolve("KIDA", "en", acronyms=acronyms)
    long = resolve("the Korea Institute for Defense Analyses", "en")
    assert short.claimant == long.claimant == "name:korea-institute-for-defense-analysis"


def test_text_acronym_overrides_the_gazetteer() -> None:
    acronyms = find_acronyms("Centraal Bureau voor de Statistiek (CBS)")
    assert resolve("CBS", "en").claimant == "media-cbs"
    assert resolve("CBS", "en", acronyms=acronyms).claimant == "nl-cbs"


# --- corpus merge ----------------------------------------------------------------------------


def test_merge_variants_joins_country_acronym_and_spelling_variants() -> None:
    pairs = [
        ("name:kr:foo-institut", "südkoreanische Foo-Institut"),
        ("name:foo-institut", "Foo-Institut"),
        ("name:kdi", "KDI"),
        ("name:korea-development-institute", "Korea Development Institute"),
        ("person-lee-seong-kwon", "Lee Seong-Kwon"),
        ("person-lee-seongkwon", "Lee Seongkwon"),
        ("kr-nis", "NIS"),
        ("name:bar", "Bar"),
    ]
    merged = merge_variants(pairs)
    assert merged["name:foo-institut"] == merged["name:kr:foo-institut"] == "name:kr:foo-institut"
    assert merged["name:kdi"] == "name:korea-development-institute"
    assert merged["person-lee-seong-kwon"] == merged["person-lee-seongkwon"]
    assert merged["kr-nis"] == "kr-nis" and merged["name:bar"] == "name:bar"


def test_merge_keeps_a_bare_name_apart_when_two_countries_claim_it() -> None:
    merged = merge_variants(
        [("name:kr:x-institut", ""), ("name:jp:x-institut", ""), ("name:x-institut", "")]
    )
    assert len(set(merged.values())) == 3


# --- the data --------------------------------------------------------------------------------


def test_gazetteer_size_and_languages_agree() -> None:
    loaded = load_all()
    assert set(loaded) >= {"de", "en", "und"}
    assert len(loaded["de"].claimants) >= 300
    assert loaded["de"].claimants.keys() == loaded["en"].claimants.keys()
    assert loaded["de"].countries.keys() == loaded["en"].countries.keys()
    assert len(loaded["de"].countries) >= 80
    assert not loaded["und"].claimants
    for c in loaded["de"].claimants.values():
        assert c.type == loaded["en"].claimants[c.id].type


def test_every_language_folder_has_a_claimant_file() -> None:
    for folder in gazetteer.LANG_DIR.iterdir():
        if folder.is_dir():
            assert (folder / gazetteer.FILE_NAME).exists(), folder


def test_id_conventions() -> None:
    g = load_all()["en"]
    for c in g.claimants.values():
        if c.is_person:
            assert c.id.startswith("person-") and c.affiliation in g.claimants
        elif c.type == "news-agency":
            assert c.id.startswith("agency-")
        elif c.type == "media":
            assert c.id.startswith(("media-", "ru-"))
        elif c.type == "company" and c.country and not c.id.startswith(c.country.lower() + "-"):
            assert c.id.startswith("co-")


@pytest.fixture()
def lang_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private copy of the language folders, so a test can break one."""
    target = tmp_path / "lang"
    shutil.copytree(gazetteer.LANG_DIR, target)
    monkeypatch.setattr(gazetteer, "LANG_DIR", target)
    _clear()
    yield target
    _clear()


def _clear() -> None:
    gazetteer.load_all.cache_clear()
    index.index_for.cache_clear()
    resolve_module._resolve.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        (
            'type = "intelligence"\ncountry = "KR"',
            'type = "spies"\ncountry = "KR"',
            "claimants.kr-nis.type",
        ),
        (
            'type = "intelligence"\ncountry = "KR"',
            'type = "intelligence"\ncountry = "XX"',
            "claimants.kr-nis.country",
        ),
        (
            '[claimants."kr-nis"]\n',
            '[claimants."kr-nis"]\naliasses = ["x"]\n',
            "claimants.kr-nis.aliasses",
        ),
        ('[claimants."kr-nis"]\n', '[claimants."KR NIS"]\n', "claimants.KR NIS"),
        ('[types.police]\nlabel = "Police"\n', "[types.police]\nlabel = 3\n", "types.police.label"),
    ],
)
def test_bad_entry_fails_with_one_line_naming_file_and_key(
    lang_copy: Path, old: str, new: str, key: str
) -> None:
    path = lang_copy / "en" / "claimants.toml"
    _edit(path, old, new)
    with pytest.raises(ConfigError) as err:
        resolve("the NIS", "en")
    message = str(err.value)
    assert "\n" not in message
    assert str(path) in message and repr(key) in message


def test_ids_must_agree_across_languages(lang_copy: Path) -> None:
    path = lang_copy / "en" / "claimants.toml"
    _edit(path, '[claimants."de-forsa"]', '[claimants."de-forsa-2"]')
    with pytest.raises(ConfigError, match=r"key 'claimants\.de-forsa(-2)?' is"):
        load_all()


def test_an_alias_of_two_claimants_is_refused(lang_copy: Path) -> None:
    path = lang_copy / "de" / "claimants.toml"
    _edit(path, 'aliases = ["NIS", ', 'aliases = ["NIS", "Pentagon", ')
    with pytest.raises(ConfigError, match="Pentagon"):
        resolve("NIS", "de")
