"""A small claims database shaped like the bundled corpus, written through ``open_store``.

Used by the aggregate, quantities and dashboard tests; the real `tracker ingest` builds the
databases of the end-to-end tests.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import polars as pl

REPO = Path(__file__).resolve().parent.parent
QUANTITIES = REPO / "data" / "quantities.toml"

# (outlet, url, published, lang, sentence, quote, low, high, kind, entity, source, hedged,
#  unit as the extractor names it)
ROWS = [
    (
        "defense.gov",
        "https://www.defense.gov/a",
        date(2024, 10, 23),
        "en",
        "The Pentagon said about 3,000 North Korean soldiers were training in eastern Russia.",
        "3,000",
        3000,
        3000,
        "point",
        "North Korean soldiers",
        "Pentagon",
        False,
        "soldier",
    ),
    (
        "reuters.com",
        "https://www.reuters.com/b",
        date(2024, 10, 18),
        "en",
        "South Korea's National Intelligence Service said 1,500 North Korean troops were there.",
        "1,500",
        1500,
        1500,
        "point",
        "North Korean troops",
        "National Intelligence Service",
        False,
        "soldier",
    ),
    (
        "reuters.com",
        "https://www.reuters.com/c",
        date(2024, 11, 13),
        "en",
        "The NIS said 10,900 North Korean troops had been sent to Russia.",
        "10,900",
        10900,
        10900,
        "point",
        "North Korean troops",
        "NIS",
        False,
        "soldier",
    ),
    (
        "bbc.co.uk",
        "https://www.bbc.co.uk/d",
        date(2024, 11, 14),
        "en",
        "The NIS said 10,900 North Korean troops had been sent to Russia, Seoul reported.",
        "10,900",
        10900,
        10900,
        "point",
        "North Korean troops",
        "NIS",
        False,
        "soldier",
    ),
    (
        "tagesschau.de",
        "https://www.tagesschau.de/e",
        date(2024, 12, 20),
        "de",
        "Der südkoreanische Geheimdienst spricht von 12.000 nordkoreanischen Soldaten in Russland.",
        "12.000",
        12000,
        12000,
        "point",
        "nordkoreanischen Soldaten",
        "südkoreanische Geheimdienst",
        False,
        "soldier",
    ),
    (
        "rp-online.de",
        "https://rp-online.de/f",
        date(2025, 4, 12),
        "de",
        "Schätzungen zufolge könnten zwischen 10.000 und 12.000 nordkoreanische Soldaten Russland "
        "bereits assistieren.",
        "zwischen 10.000 und 12.000",
        10000,
        12000,
        "range",
        "nordkoreanische Soldaten",
        None,
        True,
        "soldier",
    ),
    (
        "spiegel.de",
        "http://www.spiegel.de/g",
        date(2024, 11, 5),
        "de",
        "Mehr als 10.000 nordkoreanische Soldaten sollen in Russland sein, sagt das Pentagon.",
        "Mehr als 10.000",
        10000,
        None,
        "lower_bound",
        "nordkoreanische Soldaten",
        "Pentagon",
        True,
        "soldier",
    ),
    (
        "zeit.de",
        "javascript:alert(1)",
        date(2025, 1, 2),
        "de",
        "Laut Geheimdienst wurden rund 11.000 nordkoreanische Soldaten nach Russland verlegt.",
        "rund 11.000",
        11000,
        11000,
        "approx",
        "nordkoreanische Soldaten",
        None,
        False,
        "soldier",
    ),
    (
        "bbc.co.uk",
        "https://www.bbc.co.uk/h",
        date(2025, 1, 13),
        "en",
        "About 300 North Korean soldiers have been killed and 2,700 wounded, the NIS said.",
        "300",
        300,
        300,
        "point",
        "North Korean soldiers killed",
        "NIS",
        False,
        "death",
    ),
    (
        "bbc.co.uk",
        "https://www.bbc.co.uk/h",
        date(2025, 1, 13),
        "en",
        "About 300 North Korean soldiers have been killed and 2,700 wounded, the NIS said.",
        "2,700",
        2700,
        2700,
        "point",
        "wounded",
        "NIS",
        False,
        "wounded",
    ),
    (
        "bbc.co.uk",
        "https://www.bbc.co.uk/h",
        date(2025, 1, 13),
        "en",
        "About 3,000 North Korean soldiers have been killed or wounded, Zelensky said.",
        "3,000",
        3000,
        3000,
        "point",
        "North Korean casualties killed or wounded",
        "Zelensky",
        False,
        "casualty",
    ),
    (
        "welt.de",
        "https://www.welt.de/i",
        date(2025, 2, 1),
        "de",
        "In der Ukraine wurden 4.000 Häuser zerstört.",
        "4.000",
        4000,
        4000,
        "point",
        "Häuser",
        None,
        False,
        "building",
    ),
    (
        "welt.de",
        "https://www.welt.de/j",
        date(2025, 2, 3),
        "de",
        "Weitere 1.200 Häuser wurden in der Region zerstört.",
        "1.200",
        1200,
        1200,
        "point",
        "Häuser",
        None,
        False,
        "building",
    ),
    (
        "faz.net",
        "https://www.faz.net/k",
        date(2025, 2, 4),
        "de",
        "Rund 900 Häuser sind zerstört worden.",
        "900",
        900,
        900,
        "point",
        "zerstörte Häuser",
        None,
        False,
        "building",
    ),
]


def build_db(path: Path, rows: list[tuple] = ROWS, assign: bool = True) -> Path:
    """Write ``rows`` through the real store (same url = same article) and assign quantities."""
    from tracker.aggregate.quantities import assign_all, load_quantities
    from tracker.store import open_store

    article_frame, claim_frame = _frames(rows)
    with open_store(path) as store:
        store.con.execute("INSERT INTO store.articles BY NAME SELECT * FROM article_frame")
        store.con.execute("INSERT INTO store.claims BY NAME SELECT * FROM claim_frame")
        if assign:
            assign_all(store.con, load_quantities(QUANTITIES))
    return path


def _frames(rows: list[tuple]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """One article per url; its text is its distinct sentences joined, offsets point into it."""
    by_url: dict[str, list[tuple]] = {}
    for row in rows:
        by_url.setdefault(row[1], []).append(row)
    articles, claims = [], []
    for number, (url, group) in enumerate(by_url.items()):
        aid = f"a{number:03d}"
        outlet, _, published, lang = group[0][:4]
        sentences = list(dict.fromkeys(row[4] for row in group))
        text = " ".join(sentences)
        articles.append(
            (
                aid,
                outlet,
                url,
                f"<b>{outlet}</b> report",
                published,
                lang,
                text,
                None,
                datetime(2026, 1, 1),
            )
        )
        found = sorted(
            ((text.index(r[4]), r) for r in group), key=lambda p: (p[0], p[1][4].find(p[1][5]))
        )
        for ordinal, (sentence_start, row) in enumerate(found):
            claims.append(_claim_row(aid, ordinal, sentence_start, row))
    return (
        pl.DataFrame(articles, schema=ARTICLE_COLUMNS, orient="row"),
        pl.DataFrame(claims, schema=CLAIM_COLUMNS, orient="row"),
    )


def _claim_row(aid: str, ordinal: int, sentence_start: int, row: tuple) -> tuple:
    _, _, _, _, sentence, quote, low, high, kind, entity, source, hedged, unit = row
    start = sentence_start + sentence.index(quote)
    return (
        f"{aid}-{ordinal}",
        aid,
        ordinal,
        quote,
        start,
        start + len(quote),
        None if low is None else float(low),
        None if high is None else float(high),
        kind,
        kind == "approx",
        unit,
        entity,
        source,
        hedged,
        sentence,
        sentence_start,
        "test",
    )


ARTICLE_COLUMNS = [
    "article_id",
    "outlet",
    "url",
    "title",
    "published",
    "lang",
    "text",
    "path",
    "ingested_at",
]
CLAIM_COLUMNS = [
    "claim_id",
    "article_id",
    "ordinal",
    "quote",
    "start",
    "end",
    "low",
    "high",
    "kind",
    "approximate",
    "unit",
    "entity",
    "source",
    "hedged",
    "sentence",
    "sentence_start",
    "extractor_version",
]


def open_tab(app, name: str):  # an AppTest; only the open tab of the dashboard runs
    """Open the dashboard tab ``name`` (bound to the URL's ``tab``) and run the app."""
    app.session_state["tab"] = name
    if "tab" in app.query_params:  # the URL's value wins over the state in AppTest
        app.query_params["tab"] = name
    app.run()
    assert not app.exception, app.exception
    return app


def tab_open(app) -> str:  # an AppTest
    """The dashboard tab open in ``app``: its state, else the URL's, else Compare."""
    if "tab" in app.session_state:
        return app.session_state["tab"]
    return app.query_params.get("tab") or "Compare"
