"""Word material for ``tracker synth``: outlets, sources, qualifiers and sentence templates.

Modelled on the bundled corpus (reporting on North Korean troops in Russia and related figures),
in German and English. Templates carry slots filled by :mod:`tracker.synth`:
``{q}`` a quantity phrase (point, range or qualified value), ``{src}`` an attribution,
``{n}`` an unrelated number (date, age, regiment, distance). Each claim template comes as a pair
(plain, hedged) so hedging stays grammatical.
"""

from __future__ import annotations

# (domain, sections) per language; the url is built as https://www.<domain>/<section>/<slug>.html
OUTLETS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "de": [
        ("tagesschau.de", ("ausland", "asien", "europa")),
        ("spiegel.de", ("ausland", "politik")),
        ("zeit.de", ("politik/ausland", "politik")),
        ("rp-online.de", ("politik/ausland",)),
        ("faz.net", ("aktuell/politik/ausland",)),
        ("sueddeutsche.de", ("politik", "projekte")),
        ("welt.de", ("politik/ausland",)),
        ("n-tv.de", ("politik",)),
        ("tagesspiegel.de", ("internationales", "politik")),
        ("dw.com", ("de/politik",)),
        ("handelsblatt.com", ("politik/international",)),
        ("stern.de", ("politik/ausland",)),
    ],
    "en": [
        ("bbc.co.uk", ("news/world", "news/world-asia")),
        ("reuters.com", ("world/asia-pacific", "world/europe")),
        ("theguardian.com", ("world", "world/north-korea")),
        ("apnews.com", ("article",)),
        ("kyivindependent.com", ("news", "war")),
        ("koreaherald.com", ("view", "national")),
        ("nytimes.com", ("world/asia", "world/europe")),
        ("aljazeera.com", ("news",)),
        ("cnn.com", ("world", "europe")),
        ("nknews.org", ("news", "analysis")),
        ("ft.com", ("content",)),
        ("washingtonpost.com", ("world",)),
    ],
}

SOURCES: dict[str, tuple[str, ...]] = {
    "de": (
        "laut dem südkoreanischen Geheimdienst NIS",
        "nach Angaben des Pentagons",
        "wie der ukrainische Militärgeheimdienst HUR mitteilte",
        "berichtet die Nachrichtenagentur Yonhap",
        "nach Einschätzung des britischen Verteidigungsministeriums",
        "laut Nato-Generalsekretär Mark Rutte",
        "wie das Institute for the Study of War schätzt",
        "nach Angaben der Nachrichtenagentur KCNA",
        "laut US-Außenminister Antony Blinken",
        "wie ein Sprecher des Weißen Hauses sagte",
    ),
    "en": (
        "according to South Korea's National Intelligence Service",
        "the Pentagon said",
        "citing Ukrainian intelligence",
        "Yonhap news agency reported",
        "according to the UK Ministry of Defence",
        "Nato Secretary General Mark Rutte said",
        "the Institute for the Study of War estimated",
        "state media KCNA reported",
        "US Secretary of State Antony Blinken said",
        "a White House spokesperson said",
    ),
}

# Qualifiers put before a number; each maps to the kind of claim it makes.
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "de": ("rund", "mehr als", "bis zu", "mindestens", "knapp", "etwa", "über", "schätzungsweise"),
    "en": ("about", "more than", "up to", "at least", "some", "an estimated", "nearly", "over"),
}

RANGE_FORMS: dict[str, tuple[str, ...]] = {
    "de": ("{a} bis {b}", "zwischen {a} und {b}", "{a}-{b}", "von {a} bis {b}"),
    "en": ("{a} to {b}", "between {a} and {b}", "{a}-{b}", "from {a} to {b}"),
}

SCALE_WORDS: dict[str, dict[int, str]] = {
    "de": {1_000_000: "Millionen", 1_000_000_000: "Milliarden"},
    "en": {1_000_000: "million", 1_000_000_000: "billion"},
}

NUMBER_WORDS: dict[str, dict[int, str]] = {
    "de": {
        2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht",
        9: "neun", 10: "zehn", 11: "elf", 12: "zwölf", 15: "fünfzehn", 20: "zwanzig",
    },
    "en": {
        2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
        9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 15: "fifteen", 20: "twenty",
    },
}
THOUSAND_WORD = {"de": "tausend", "en": " thousand"}

# Quantities reported in the corpus: name -> (low, high, step) of the values drawn.
QUANTITIES: dict[str, tuple[int, int, int]] = {
    "troops": (1_000, 15_000, 500),
    "casualties": (100, 6_000, 100),
    "shells": (1_000_000, 9_000_000, 500_000),
    "missiles": (20, 300, 10),
    "trade": (10_000_000, 900_000_000, 5_000_000),
    "workers": (2_000, 50_000, 1_000),
}

# Claim templates: quantity -> language -> list of (plain, hedged).
CLAIMS: dict[str, dict[str, list[tuple[str, str]]]] = {
    "troops": {
        "de": [
            ("Nordkorea hat {q} Soldaten nach Russland geschickt, {src}.",
             "Nordkorea soll {q} Soldaten nach Russland geschickt haben, {src}."),
            ("In der Region Kursk kämpfen {q} nordkoreanische Soldaten, {src}.",
             "In der Region Kursk könnten {q} nordkoreanische Soldaten kämpfen, {src}."),
            ("Pjöngjang hat inzwischen {q} Soldaten an die Front verlegt.",
             "Pjöngjang dürfte inzwischen {q} Soldaten an die Front verlegt haben."),
        ],
        "en": [
            ("North Korea has sent {q} troops to Russia, {src}.",
             "North Korea has reportedly sent {q} troops to Russia, {src}."),
            ("{Q} North Korean soldiers are fighting in the Kursk region, {src}.",
             "{Q} North Korean soldiers may be fighting in the Kursk region, {src}."),
            ("Pyongyang has deployed {q} soldiers to the front line.",
             "Pyongyang could have deployed {q} soldiers to the front line."),
        ],
    },
    "casualties": {
        "de": [
            ("Die nordkoreanischen Truppen haben {q} Tote und Verletzte erlitten, {src}.",
             "Die nordkoreanischen Truppen sollen {q} Tote und Verletzte erlitten haben, {src}."),
            ("Innerhalb einer Woche wurden {q} Soldaten getötet oder verwundet.",
             "Innerhalb einer Woche könnten {q} Soldaten getötet oder verwundet worden sein."),
        ],
        "en": [
            ("North Korean forces have suffered {q} casualties, {src}.",
             "North Korean forces have reportedly suffered {q} casualties, {src}."),
            ("{Q} soldiers were killed or wounded in a single week.",
             "{Q} soldiers may have been killed or wounded in a single week."),
        ],
    },
    "shells": {
        "de": [
            ("Nordkorea hat Russland {q} Artilleriegranaten geliefert, {src}.",
             "Nordkorea soll Russland {q} Artilleriegranaten geliefert haben, {src}."),
        ],
        "en": [
            ("North Korea has shipped {q} artillery shells to Russia, {src}.",
             "North Korea may have shipped {q} artillery shells to Russia, {src}."),
        ],
    },
    "missiles": {
        "de": [
            ("Zudem gingen {q} ballistische Raketen an Moskau, {src}.",
             "Zudem sollen {q} ballistische Raketen an Moskau gegangen sein, {src}."),
        ],
        "en": [
            ("Moscow also received {q} ballistic missiles, {src}.",
             "Moscow also reportedly received {q} ballistic missiles, {src}."),
        ],
    },
    "trade": {
        "de": [
            ("Der Handel zwischen beiden Ländern erreichte {q} Dollar, {src}.",
             "Der Handel zwischen beiden Ländern dürfte {q} Dollar erreicht haben, {src}."),
        ],
        "en": [
            ("Trade between the two countries reached {q} dollars, {src}.",
             "Trade between the two countries could have reached {q} dollars, {src}."),
        ],
    },
    "workers": {
        "de": [
            ("Außerdem arbeiten {q} nordkoreanische Arbeiter in Russland, {src}.",
             "Außerdem sollen {q} nordkoreanische Arbeiter in Russland arbeiten, {src}."),
        ],
        "en": [
            ("{Q} North Korean workers are employed in Russia, {src}.",
             "{Q} North Korean workers are reportedly employed in Russia, {src}."),
        ],
    },
}

# Sentences with numbers that are not claims about a tracked quantity.
BACKGROUND: dict[str, tuple[str, ...]] = {
    "de": (
        "Das Treffen in Pjöngjang dauerte mehr als {hours} Stunden.",
        "Die Einheiten gehören zum {regiment}. Regiment der nordkoreanischen Armee.",
        "Die Entfernung zwischen Pjöngjang und Moskau beträgt rund {km} Kilometer.",
        "Der {age}-jährige General führte die Delegation an.",
        "Seit {year} hat sich die Zusammenarbeit deutlich vertieft.",
        "Die Wirtschaft des Landes wuchs im vergangenen Jahr um {pct} Prozent.",
        "Am {day}. {month_de} trafen sich die Außenminister erneut.",
    ),
    "en": (
        "The meeting in Pyongyang lasted more than {hours} hours.",
        "The units belong to the army's {regiment}th Regiment.",
        "Pyongyang and Moscow are about {km} kilometres apart.",
        "The {age}-year-old general led the delegation.",
        "Cooperation has deepened markedly since {year}.",
        "The country's economy grew by {pct} percent last year.",
        "The foreign ministers met again on {month_en} {day}.",
    ),
}

FILLER: dict[str, tuple[str, ...]] = {
    "de": (
        "Kim Jong Un bekräftigte seine Unterstützung für Russland im Ukraine-Konflikt.",
        "Beide Länder hatten im vergangenen Jahr einen Vertrag über gegenseitigen Beistand "
        "unterzeichnet.",
        "Die Regierung in Seoul zeigte sich besorgt über die enge Zusammenarbeit.",
        "Moskau hat die Berichte bislang weder bestätigt noch dementiert.",
        "Beobachter sehen darin eine neue Phase der strategischen Partnerschaft.",
        "Die Ukraine fordert von ihren Verbündeten weitere Waffenlieferungen.",
        "Unabhängig überprüfen lassen sich die Angaben nicht.",
    ),
    "en": (
        "Kim Jong Un reaffirmed his support for Russia in the war against Ukraine.",
        "The two countries signed a mutual defence treaty last year.",
        "Officials in Seoul voiced concern about the deepening military cooperation.",
        "Moscow has neither confirmed nor denied the reports.",
        "Analysts see the move as a new phase in the strategic partnership.",
        "Ukraine has urged its allies to speed up weapons deliveries.",
        "The figures could not be independently verified.",
    ),
}

TITLES: dict[str, tuple[str, ...]] = {
    "de": (
        "Nordkorea schickt weitere Soldaten nach Russland",
        "Schwere Verluste für Nordkoreas Truppen in Kursk",
        "Pjöngjang liefert Munition an Moskau",
        "Kim Jong Un empfängt russische Delegation",
        "Geheimdienst: Nordkorea verstärkt Unterstützung für Russland",
        "Wie viele Nordkoreaner kämpfen für Russland?",
    ),
    "en": (
        "North Korea sends more troops to Russia",
        "Heavy losses for North Korean troops in Kursk",
        "Pyongyang ships munitions to Moscow",
        "Kim Jong Un hosts Russian delegation",
        "Intelligence: North Korea steps up support for Russia",
        "How many North Koreans are fighting for Russia?",
    ),
}

MONTHS = {
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
