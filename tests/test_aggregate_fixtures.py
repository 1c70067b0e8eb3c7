"""A small claims database shaped like the bundled corpus, built straight from schema.sql.

Used by the aggregate, quantities and dashboard tests; the real `tracker ingest` builds the
databases of the end-to-end tests.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "src" / "tracker" / "store" / "schema.sql"
QUANTITIES = REPO / "data" / "quantities.toml"

# (outlet, url, published, lang, sentence, quote, low, high, kind, entity, source, hedged)
ROWS = [
    ("defense.gov", "https://www.defense.gov/a", date(2024, 10, 23), "en",
     "The Pentagon said about 3,000 North Korean soldiers were training in eastern Russia.",
     "3,000", 3000, 3000, "point", "North Korean soldiers", "Pentagon", False),
    ("reuters.com", "https://www.reuters.com/b", date(2024, 10, 18), "en",
     "South Korea's National Intelligence Service said 1,500 North Korean troops were in Russia.",
     "1,500", 1500, 1500, "point", "North Korean troops", "National Intelligence Service", False),
    ("reuters.com", "https://www.reuters.com/c", date(2024, 11, 13), "en",
     "The NIS said 10,900 North Korean troops had been sent to Russia.",
     "10,900", 10900, 10900, "point", "North Korean troops", "NIS", False),
    ("bbc.co.uk", "https://www.bbc.co.uk/d", date(2024, 11, 14), "en",
     "The NIS said 10,900 North Korean troops had been sent to Russia, Seoul reported.",
     "10,900", 10900, 10900, "point", "North Korean troops", "NIS", False),
    ("tagesschau.de", "https://www.tagesschau.de/e", date(2024, 12, 20), "de",
     "Der südkoreanische Geheimdienst spricht von 12.000 nordkoreanischen Soldaten in Russland.",
     "12.000", 12000, 12000, "point", "nordkoreanischen Soldaten",
     "südkoreanische Geheimdienst", False),
    ("rp-online.de", "https://rp-online.de/f", date(2025, 4, 12), "de",
     "Schätzungen zufolge könnten zwischen 10.000 und 12.000 nordkoreanische Soldaten Russland "
     "bereits assistieren.",
     "zwischen 10.000 und 12.000", 10000, 12000, "range", "nordkoreanische Soldaten", None, True),
    ("spiegel.de", "http://www.spiegel.de/g", date(2024, 11, 5), "de",
     "Mehr als 10.000 nordkoreanische Soldaten sollen in Russland sein, sagt das Pentagon.",
     "Mehr als 10.000", 10000, None, "lower_bound", "nordkoreanische Soldaten", "Pentagon", True),
    ("zeit.de", "javascript:alert(1)", date(2025, 1, 2), "de",
     "Laut Geheimdienst wurden rund 11.000 nordkoreanische Soldaten nach Russland verlegt.",
     "rund 11.000", 11000, 11000, "approx", "nordkoreanische Soldaten", None, False),
    ("bbc.co.uk", "https://www.bbc.co.uk/h", date(2025, 1, 13), "en",
     "About 300 North Korean soldiers have been killed and 2,700 wounded, the NIS said.",
     "300", 300, 300, "point", "North Korean soldiers killed", "NIS", False),
    ("bbc.co.uk", "https://www.bbc.co.uk/h", date(2025, 1, 13), "en",
     "About 3,000 North Korean soldiers have been killed or wounded, Zelensky said.",
     "3,000", 3000, 3000, "point", "North Korean casualties killed or wounded", "Zelensky", False),
    ("welt.de", "https://www.welt.de/i", date(2025, 2, 1), "de",
     "In der Ukraine wurden 4.000 Häuser zerstört.",
     "4.000", 4000, 4000, "point", "Häuser", None, False),
    ("welt.de", "https://www.welt.de/j", date(2025, 2, 3), "de",
     "Weitere 1.200 Häuser wurden in der Region zerstört.",
     "1.200", 1200, 1200, "point", "Häuser", None, False),
    ("faz.net", "https://www.faz.net/k", date(2025, 2, 4), "de",
     "Rund 900 Häuser sind zerstört worden.",
     "900", 900, 900, "point", "zerstörte Häuser", None, False),
]


def apply_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA.read_text(encoding="utf-8"))


def build_db(path: Path, rows: list[tuple] = ROWS, assign: bool = True) -> Path:
    """Write ``rows`` as one article each (same url = same article) and assign quantities."""
    from tracker.aggregate.quantities import assign_all, load_quantities

    article_frame, claim_frame = _frames(rows)
    con = duckdb.connect(str(path))
    try:
        apply_schema(con)
        con.execute("INSERT INTO store.articles SELECT * FROM article_frame")
        con.execute("INSERT INTO store.claims SELECT * FROM claim_frame")
        if assign:
            assign_all(con, load_quantities(QUANTITIES))
    finally:
        con.close()
    return path


def _frames(rows: list[tuple]) -> tuple[pl.DataFrame, pl.DataFrame]:
    article_ids: dict[str, str] = {}
    articles, claims = [], []
    for row in rows:
        outlet, url, published, lang, sentence, quote, low, high, kind, entity, source, hedged = row
        if url not in article_ids:
            article_ids[url] = f"a{len(article_ids):03d}"
            articles.append(
                (article_ids[url], outlet, url, f"<b>{outlet}</b> report", published, lang,
                 "", None, datetime(2026, 1, 1))
            )
        aid = article_ids[url]
        ordinal = sum(1 for c in claims if c[1] == aid)
        start = sentence.find(quote)
        claims.append(
            (f"{aid}-{ordinal}", aid, ordinal, quote, start, start + len(quote),
             None if low is None else float(low), None if high is None else float(high), kind,
             kind == "approx", "soldiers" if "Häuser" not in sentence else "buildings", entity,
             source, hedged, sentence, 0, "test")
        )
    # Article text: its sentences joined (claim offsets stay sentence-relative, fine for tests).
    texts = {aid: " ".join(c[14] for c in claims if c[1] == aid) for aid in article_ids.values()}
    articles = [(a[0], *a[1:6], texts[a[0]], *a[7:]) for a in articles]
    article_cols = ["article_id", "outlet", "url", "title", "published", "lang", "text", "path",
                    "ingested_at"]
    claim_cols = ["claim_id", "article_id", "ordinal", "quote", "start", "end", "low", "high",
                  "kind", "approximate", "unit", "entity", "source", "hedged", "sentence",
                  "sentence_start", "extractor_version"]
    return (
        pl.DataFrame(articles, schema=article_cols, orient="row"),
        pl.DataFrame(claims, schema=claim_cols, orient="row"),
    )
