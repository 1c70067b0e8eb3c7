"""Issue #12 point 1: business, technology and science notation in both languages. Probe
sentences written for these tests (not taken from any evaluation set), one group per class."""

from __future__ import annotations

import pytest

from tracker.extract import extract


def claims(text: str, lang: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(c.text, c.low, c.high, c.unit) for c in extract(text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "span", "value", "unit"),
    [
        ("The group booked EUR45m in fees.", "en", "EUR45m", 45_000_000, "euro"),
        ("Its sales reached AUD2.3m last year.", "en", "AUD2.3m", 2_300_000, "aud"),
        ("Shares closed at RM4.85 on Friday.", "en", "RM4.85", 4.85, "myr"),
        ("The deal is worth US$1.2 billion.", "en", "US$1.2 billion", 1_200_000_000, "dollar"),
        ("A ticket costs USD1,700 now.", "en", "USD1,700", 1700, "dollar"),
        ("The set sells for ¥12,000 in Tokyo.", "en", "¥12,000", 12000, "jpy"),
        ("The club spent £350m on players.", "en", "£350m", 350_000_000, "pound"),
        ("The startup raised $40mn this spring.", "en", "$40mn", 40_000_000, "dollar"),
        ("Profits fell 24pc in the quarter.", "en", "24pc", 24, "percent"),
        ("The shares rose to 212p.", "en", "212p", 212, "penny"),
        ("Der Verlust betrug 4,5 Mrd. €.", "de", "4,5 Mrd. €", 4_500_000_000, "euro"),
        ("Der Bund gibt 300 Mio. Euro aus.", "de", "300 Mio. Euro", 300_000_000, "euro"),
        ("Das Paket kostet 12 Tsd. Euro.", "de", "12 Tsd. Euro", 12_000, "euro"),
        ("Die Firma nahm EUR45m ein.", "de", "EUR45m", 45_000_000, "euro"),
        ("Der Kurs lag bei ¥12.000.", "de", "¥12.000", 12_000, "jpy"),
    ],
)
def test_currency_codes_symbols_and_magnitudes(
    text: str, lang: str, span: str, value: float, unit: str
) -> None:
    assert claims(text, lang) == [(span, value, value, unit)]


@pytest.mark.parametrize(
    ("text", "lang", "span", "value", "unit"),
    [
        ("The phone has 512GB of storage.", "en", "512GB", 512, "gigabyte"),
        ("It packs a 5000mAh battery.", "en", "5000mAh", 5000, "milliampere_hour"),
        ("The charger delivers 20kW at most.", "en", "20kW", 20, "kilowatt"),
        ("Each pill holds 250mg of the drug.", "en", "250mg", 250, "milligram"),
        ("The snow was 30cm deep.", "en", "30cm", 30, "centimeter"),
        ("Das Handy hat 512 GB Speicher.", "de", "512 GB", 512, "gigabyte"),
        ("Der Akku hat 5000 mAh.", "de", "5000 mAh", 5000, "milliampere_hour"),
        ("Die Anlage leistet 20 kW.", "de", "20 kW", 20, "kilowatt"),
        ("Eine Tablette enthält 250mg Wirkstoff.", "de", "250mg", 250, "milligram"),
        ("Es fielen 30 cm Neuschnee.", "de", "30 cm", 30, "centimeter"),
    ],
)
def test_units_glued_or_spaced(text: str, lang: str, span: str, value: float, unit: str) -> None:
    assert claims(text, lang) == [(span, value, value, unit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The wreck lies in 40m of water.", [("40m", 40, 40, "meter")]),
        ("The divers descended to 136m.", [("136m", 136, 136, "meter")]),
        ("About 1.3m people fled.", [("About 1.3m people", 1_300_000, 1_300_000, "person")]),
        (
            "Airlines carried 6.8m passengers.",
            [("6.8m passengers", 6_800_000, 6_800_000, "passenger")],
        ),
        ("She won the 100m final.", []),
        ("He set a new 200m record.", []),
        ("She swam the 400m freestyle.", []),
    ],
)
def test_glued_m_is_metres_or_million_by_context(text: str, expected: list[tuple]) -> None:
    assert claims(text, "en") == expected


def test_german_races_are_designations() -> None:
    assert claims("Beim 200-m-Lauf und im Finale über 100 Meter siegte sie.", "de") == []
    assert claims("Das Boot sank in 40 m Tiefe.", "de") == [("40 m", 40, 40, "meter")]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Analysts see between $3 billion and $5 billion.",
            "en",
            ("between $3 billion and $5 billion", 3e9, 5e9, "dollar"),
        ),
        ("Bids ranged $1.1bn-$1.4bn.", "en", ("$1.1bn-$1.4bn", 1.1e9, 1.4e9, "dollar")),
        ("Prices run from €800m to €1.1bn.", "en", ("from €800m to €1.1bn", 8e8, 1.1e9, "euro")),
        (
            "Es kostet zwischen 1,2 Mrd. und 1,5 Mrd. Euro.",
            "de",
            ("zwischen 1,2 Mrd. und 1,5 Mrd. Euro", 1.2e9, 1.5e9, "euro"),
        ),
        ("Es werden 28 °C bis 31 °C erwartet.", "de", ("28 °C bis 31 °C", 28, 31, "degree")),
        (
            "Die Kosten steigen von 800 Mio. bis 1,1 Mrd. Euro.",
            "de",
            ("von 800 Mio. bis 1,1 Mrd. Euro", 8e8, 1.1e9, "euro"),
        ),
    ],
)
def test_ranges_with_the_unit_on_both_ends(text: str, lang: str, expected: tuple) -> None:
    assert claims(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The probe measured minus 233 degrees.", "en", ("minus 233 degrees", -233)),
        ("Nitrogen freezes near minus-260 degrees.", "en", ("minus-260 degrees", -260)),
        ("Overnight it fell to −18C.", "en", ("−18C", -18)),
        ("Es wurden minus-260 Grad gemessen.", "de", ("minus-260 Grad", -260)),
        ("Helium siedet bei −271,5 °C.", "de", ("−271,5 °C", -271.5)),
    ],
)
def test_negative_values(text: str, lang: str, expected: tuple[str, float]) -> None:
    ((span, low, high, _),) = claims(text, lang)
    assert (span, low) == expected and high == low


@pytest.mark.parametrize(
    ("text", "lang", "span", "value"),
    [
        ("The mass is 1.99×10−30 kg.", "en", "1.99×10−30 kg", 1.99e-30),
        ("Light travels at 2.998×10^8 m/s.", "en", "2.998×10^8 m/s", 299_800_000.0),
        ("Licht ist 2,998×10^8 m/s schnell.", "de", "2,998×10^8 m/s", 299_800_000.0),
        ("Die Masse beträgt 1,99×10^-30 kg.", "de", "1,99×10^-30 kg", 1.99e-30),
    ],
)
def test_scientific_notation(text: str, lang: str, span: str, value: float) -> None:
    ((got_span, low, high, _),) = claims(text, lang)
    assert (got_span, low, high) == (span, value, value)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The S&P 500 and the FTSE 100 fell.", "en"),
        ("Samsung showed the Galaxy S24 and a Boeing 737 landed.", "en"),
        ("Homes in the 90210 ZIP code sold fast.", "en"),
        ("The plant is certified to ISO 9001.", "en"),
        ("The COVID-19 tests were free.", "en"),
        ("An A320 was delayed.", "en"),
        ("Arsenal won 3-1 after a 2-0 win last week.", "en"),
        ("Der Dax 40 und der MDax gaben nach.", "de"),
        ("Das Werk ist nach ISO 9001 zertifiziert.", "de"),
        ("Bayern gewann 3:1, ein 2:0-Sieg folgte.", "de"),
        ("Airbus lieferte eine Boeing 737 aus.", "de"),
    ],
)
def test_names_and_results_with_numbers_are_not_claims(text: str, lang: str) -> None:
    assert claims(text, lang) == []


def test_a_number_next_to_a_name_is_still_a_claim() -> None:
    assert claims("The S&P 500 fell 2 percent.", "en") == [("2 percent", 2, 2, "percent")]
