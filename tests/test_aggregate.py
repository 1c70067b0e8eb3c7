"""Aggregation as pure polars functions: frames in, frames out, no Streamlit, no database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest
from test_aggregate_fixtures import QUANTITIES, build_db

from tracker.aggregate.consensus import (
    add_staleness,
    consensus,
    consensus_over_time,
    spread,
)
from tracker.aggregate.estimates import (
    add_values,
    canonical_source,
    history,
    independent_latest,
    latest_by,
    mark_relays,
    normalise_sources,
    prepare,
    trusted_latest,
)
from tracker.aggregate.outliers import Reference, flag_outliers, reference_of
from tracker.aggregate.quantities import load_quantities
from tracker.aggregate.review import add_review
from tracker.aggregate.suggest import suggest_groups, suggestion_toml
from tracker.errors import ConfigError, InputError

ALIASES = load_quantities(QUANTITIES).sources


def claims(*rows: dict) -> pl.DataFrame:
    """Claim rows with defaults for every column aggregation reads."""
    base = {
        "claim_id": None,
        "outlet": "example.com",
        "published": date(2024, 11, 1),
        "source": None,
        "low": None,
        "high": None,
        "kind": "point",
        "hedged": False,
        "sentence": "",
        "quote": "",
        "url": None,
        "lang": "en",
        "review": None,
        "state": None,
    }
    filled = [{**base, "claim_id": f"c{i}", **row} for i, row in enumerate(rows)]
    schema = {
        "published": pl.Date,
        "low": pl.Float64,
        "high": pl.Float64,
        "source": pl.String,
        "review": pl.String,
        "url": pl.String,
        "state": pl.String,
    }
    return pl.DataFrame(filled, schema_overrides=schema)


def point(value: float, **row) -> dict:
    return {"low": value, "high": value, **row}


# --- source names ---------------------------------------------------------------------------


def test_undo_goes_back_one_review_at_a_time_and_redo_brings_it_back(tmp_path: Path) -> None:
    from tracker.aggregate.compare import quantity_claims
    from tracker.aggregate.curate import redo_review, review_claim, undo_review
    from tracker.aggregate.review import review_history

    db = build_db(tmp_path / "t.duckdb")

    def state() -> tuple:
        with duckdb.connect(str(db), read_only=True) as con:
            [row] = con.execute("SELECT low, review FROM claims WHERE claim_id = 'a000-0'"
                                ).fetchall()
            summary = quantity_claims(con, "nk_troops_russia")  # the summary path
            in_summary = summary.filter(pl.col("claim_id") == "a000-0")["review"].to_list()
        return (*row, in_summary)

    with pytest.raises(InputError, match="no review to undo"):
        undo_review(db, "a000-0")
    review_claim(db, "a000-0", "wrong")
    review_claim(db, "a000-0", "corrected", low=5000.0)
    assert state() == (5000.0, "corrected", ["corrected"])
    with pytest.raises(InputError, match="no undone review to redo"):
        redo_review(db, "a000-0")
    undo_review(db, "a000-0")
    assert state() == (3000.0, "wrong", ["wrong"])  # back to the review before
    undo_review(db, "a000-0")
    assert state() == (3000.0, None, [None])  # back to no review: a second undo goes further
    with pytest.raises(InputError, match="no review to undo"):
        undo_review(db, "a000-0")
    redo_review(db, "a000-0")
    assert state() == (3000.0, "wrong", ["wrong"])  # redo: the review undone last
    redo_review(db, "a000-0")
    assert state() == (5000.0, "corrected", ["corrected"])
    undo_review(db, "a000-0")
    review_claim(db, "a000-0", "correct")  # a new review: nothing left to redo
    with pytest.raises(InputError, match="no undone review to redo"):
        redo_review(db, "a000-0")
    with duckdb.connect(str(db), read_only=True) as con:
        history = review_history(con, "a000-0")
    assert history.height == 8  # nothing deleted
    assert history["note"][1].startswith("undo of review")


def test_an_article_correction_shows_in_the_claims_and_the_summary(tmp_path: Path) -> None:
    from tracker.aggregate.compare import quantity_claims
    from tracker.aggregate.curate import correct_article

    db = build_db(tmp_path / "t.duckdb")
    correct_article(db, "a000", outlet="corrected.example", title="Fixed",
                    published=date(2020, 1, 2))
    with duckdb.connect(str(db), read_only=True) as con:
        view = con.execute("SELECT DISTINCT outlet, title, published FROM claims"
                           " WHERE article_id = 'a000'").fetchall()
        summary = quantity_claims(con, "nk_troops_russia")
        original = con.execute("SELECT outlet FROM store.articles WHERE article_id = 'a000'"
                               ).fetchall()
    assert view == [("corrected.example", "Fixed", date(2020, 1, 2))]
    assert summary.filter(pl.col("article_id") == "a000")["outlet"].unique().to_list() == [
        "corrected.example"]
    assert original != [("corrected.example",)]
    with pytest.raises(InputError, match="no such article"):
        correct_article(db, "nope", outlet=None, title=None, published=None)


@pytest.mark.parametrize(
    "raw",
    [
        "NIS",
        "South Korea's National Intelligence Service",
        "der südkoreanische Geheimdienst",
        "dem südkoreanischen Geheimdienst NIS",
        "Seoul's spy agency",
    ],
)
def test_source_aliases_in_both_languages_give_one_name(raw: str) -> None:
    assert canonical_source(raw, ALIASES) == "NIS (South Korea)"


def test_unknown_source_keeps_its_name_and_unattributed_is_the_outlets_own() -> None:
    assert canonical_source("  Kremlin watcher Smith ", {}) == "Kremlin watcher Smith"
    frame = normalise_sources(
        claims(point(1, source="NIS"), point(2, source=None, outlet="zeit.de")), ALIASES
    )
    assert frame["source_key"].to_list() == ["NIS (South Korea)", "zeit.de (own figure)"]


# --- values -------------------------------------------------------------------------------


def test_open_bounds_use_the_bound_and_are_marked() -> None:
    frame = add_values(
        claims(
            {"low": 10000.0, "kind": "lower_bound"},
            {"high": 12000.0, "kind": "upper_bound"},
            {"low": 10000.0, "high": 12000.0, "kind": "range"},
            point(3000),
        )
    )
    assert frame["best"].to_list() == [10000, 12000, 11000, 3000]
    assert frame["open_bound"].to_list() == ["lower", "upper", None, None]
    assert frame["low_value"].to_list() == [10000, 12000, 10000, 3000]
    assert frame["high_value"].to_list() == [10000, 12000, 12000, 3000]


# --- relays -------------------------------------------------------------------------------


def test_same_source_same_value_within_days_is_one_estimate() -> None:
    frame = mark_relays(
        normalise_sources(
            claims(
                point(10900, source="NIS", outlet="reuters.com", published=date(2024, 11, 13)),
                point(10900, source="the NIS", outlet="bbc.co.uk", published=date(2024, 11, 14)),
                point(10900, source="NIS", outlet="dw.com", published=date(2025, 2, 1)),
                point(12000, source="NIS", outlet="dw.com", published=date(2024, 11, 14)),
            ),
            ALIASES,
        )
    )
    by_id = {r["claim_id"]: r for r in frame.iter_rows(named=True)}
    assert by_id["c1"]["is_relay"] and by_id["c1"]["estimate_id"] == "c0"
    assert by_id["c0"]["relays"] == 1 and not by_id["c0"]["is_relay"]
    assert not by_id["c2"]["is_relay"]  # months later: the source said it again
    assert not by_id["c3"]["is_relay"]  # another value


def test_near_identical_sentences_are_relays_even_without_a_source() -> None:
    sentence = "Rund 11.000 nordkoreanische Soldaten sollen in Kursk sein."
    frame = mark_relays(
        normalise_sources(
            claims(
                point(11000, outlet="a.de", sentence=sentence, published=date(2024, 12, 1)),
                point(
                    11000,
                    outlet="b.de",
                    sentence=sentence.upper() + " ",
                    published=date(2024, 12, 20),
                ),
                point(11000, outlet="c.de", sentence="Andere Worte, 11.000 Soldaten."),
            ),
            {},
        )
    )
    assert frame.filter(pl.col("is_relay"))["claim_id"].to_list() == ["c1"]


def test_relay_groups_chain_across_both_rules() -> None:
    sentence = "NIS: 3,000 troops."
    frame = mark_relays(
        normalise_sources(
            claims(
                point(3000, source="NIS", sentence=sentence, published=date(2024, 10, 1)),
                point(3000, source="NIS", sentence="Other words.", published=date(2024, 10, 2)),
                point(3000, sentence=sentence, outlet="x.com", published=date(2024, 12, 1)),
            ),
            ALIASES,
        )
    )
    assert frame["estimate_id"].unique().to_list() == ["c0"]


def test_relay_marks_after_a_change_equal_marks_made_anew() -> None:
    """``remark_relays`` reuses the earlier marks only where a change cannot reach: a copy in
    the middle of a run marked wrong splits the run, a corrected value leaves a sentence group,
    and an undo joins them again; every step equals ``mark_relays`` on the changed claims."""
    from tracker.aggregate.estimates import (
        RELAY_WINDOW_DAYS,
        _remark,
        remark_relays,
        sentence_key,
    )

    def keyed(frame: pl.DataFrame) -> pl.DataFrame:
        named = add_values(normalise_sources(frame, ALIASES))
        return named.with_columns(sentence_key=sentence_key(pl.col("sentence"))).drop(
            "sentence")

    wire = "The agency counted 4,200 stranded ferries near the harbour."
    rows = [point(4200, source="NIS", published=date(2024, 3, day), outlet=f"o{day}.example")
            for day in (1, 3, 5, 7)]
    rows += [point(4200, sentence=wire, published=date(2024, 3, 20), outlet="w1.example"),
             point(4200, sentence=wire, published=date(2024, 3, 21), outlet="w2.example"),
             point(4200, sentence=wire, published=None, outlet="w3.example"),
             point(900, source="Coast guard", published=date(2024, 4, 2))]
    rows += [point(50 + i, source=f"voice {i}", published=date(2024, 5, 1)) for i in range(40)]
    base = claims(*rows)
    steps = [
        base.filter(pl.col("claim_id") != "c2"),  # the middle copy marked wrong: a 4-day gap
        base.with_columns(low=pl.when(pl.col("claim_id") == "c4").then(4300.0)
                          .otherwise(pl.col("low"))),  # the wire's first copy corrected
        base,  # undone
        base.filter(pl.col("claim_id") != "c7"),
    ]
    earlier = remark_relays(keyed(base), None)
    assert earlier.marked.equals(mark_relays(keyed(base)))
    for step in steps:
        again = remark_relays(keyed(step), earlier)
        assert again.marked.equals(mark_relays(keyed(step)))
        assert _remark(keyed(step), earlier, RELAY_WINDOW_DAYS) is not None  # not all again
        earlier = again
    split = remark_relays(keyed(steps[0]), remark_relays(keyed(base), None)).marked
    assert split.filter(pl.col("claim_id") == "c3")["estimate_id"].to_list() == ["c3"]
    assert RELAY_WINDOW_DAYS == 3  # the gaps above are chosen for it
    assert _remark(keyed(base).drop("sentence_key").with_columns(sentence_key=pl.lit("x")),
                   earlier, RELAY_WINDOW_DAYS) is None  # every key changed: marked anew


# --- latest, history, consensus -------------------------------------------------------------


@pytest.fixture()
def troops() -> pl.DataFrame:
    """The issue's example: Pentagon 3,000 then 10,000; NIS 1,500 -> 10,900 -> 12,000; rp-online
    10,000-12,000 (own figure); one relay of the NIS 10,900."""
    return prepare(
        claims(
            point(3000, source="Pentagon", published=date(2024, 10, 23)),
            point(10000, source="Pentagon", published=date(2024, 10, 29)),
            point(1500, source="NIS", published=date(2024, 10, 18)),
            point(10900, source="NIS", published=date(2024, 11, 13), outlet="reuters.com"),
            point(10900, source="NIS", published=date(2024, 11, 14), outlet="bbc.co.uk"),
            point(12000, source="NIS", published=date(2024, 12, 20)),
            {
                "low": 10000.0,
                "high": 12000.0,
                "kind": "range",
                "outlet": "rp-online.de",
                "published": date(2025, 4, 12),
                "hedged": True,
            },
            point(99999, source="Pentagon", published=date(2025, 5, 1), review="wrong"),
        ),
        ALIASES,
    )


def test_prepare_drops_claims_marked_wrong(troops: pl.DataFrame) -> None:
    assert 99999 not in troops["best"].to_list()


def test_latest_per_source_and_history_in_order(troops: pl.DataFrame) -> None:
    latest = latest_by(troops, "source_key")
    assert dict(latest.select("source_key", "best").iter_rows()) == {
        "Pentagon": 10000,
        "rp-online.de (own figure)": 11000,
        "NIS (South Korea)": 12000,
    }
    nis = history(troops, "source_key").filter(pl.col("source_key") == "NIS (South Korea)")
    assert nis["best"].to_list() == [1500, 10900, 10900, 12000]
    assert nis["revision"].to_list() == [1, 2, 3, 4]
    assert nis["revised"].to_list() == [False, True, False, True]


def test_consensus_rules(troops: pl.DataFrame) -> None:
    median = consensus(troops, "median")  # bests 10000, 11000, 12000
    assert (median.low, median.best, median.high, median.sources) == (10500, 11000, 11500, 3)
    envelope = consensus(troops, "envelope")
    assert (envelope.low, envelope.best, envelope.high) == (10000, 11000, 12000)
    conservative = consensus(troops, "conservative")
    assert (conservative.low, conservative.best, conservative.high) == (10000, 10000, 10000)
    with pytest.raises(ConfigError, match="unknown"):
        consensus(troops, "mean")


def test_relays_count_once_in_the_consensus() -> None:
    sentence = "About 20,000 North Korean soldiers are in Russia."
    relayed = prepare(
        claims(
            point(10000, outlet="a.com", sentence="a"),
            point(12000, outlet="b.com", sentence="b"),
            *[point(20000, outlet=f"{i}.com", sentence=sentence) for i in range(5)],
        ),
        {},
    )
    assert independent_latest(relayed).height == 3
    assert consensus(relayed, "median").best == 12000  # not 20,000: five copies are one voice


def test_consensus_over_time_follows_revisions(troops: pl.DataFrame) -> None:
    timeline = consensus_over_time(troops, "median")
    assert timeline["published"].is_sorted()
    first, last = timeline.row(0, named=True), timeline.row(-1, named=True)
    assert first["best"] == 1500 and first["sources"] == 1
    assert last["best"] == 11000 and last["sources"] == 3


def test_spread_outliers_and_staleness(troops: pl.DataFrame) -> None:
    latest = independent_latest(troops)
    assert spread(latest) == pytest.approx(1.2)
    assert reference_of(latest) is None  # three claimants are too few to call one odd
    five = reference_of(pl.DataFrame({"best": [10000.0, 11000.0, 11000.0, 12000.0, 11500.0]}))
    low_ball = pl.concat([latest, latest.head(1).with_columns(best=pl.lit(2000.0))])
    flagged = flag_outliers(low_ball, five)
    assert flagged["outlier"].to_list() == [False, False, False, True]
    assert "1/6 the median (11,000) of 5 independent" in flagged["outlier_reason"][3]
    stale = add_staleness(latest, as_of=date(2025, 4, 22))
    assert dict(stale.select("source_key", "days_since").iter_rows())["Pentagon"] == 175
    # without as_of, staleness counts from the newest date in the data, not from today
    newest = dict(add_staleness(latest).select("source_key", "days_since").iter_rows())
    assert newest["rp-online.de (own figure)"] == 0 and newest["Pentagon"] == 165


def issue_cluster() -> pl.DataFrame:
    """The issue's case: a cluster at 10,000-12,000 from many claimants, two misassigned claims
    (300 killed, 50,000 Russian and North Korean troops) and an outlet's increase."""
    cluster = [point(v, source=f"agency {i}", outlet=f"o{i}.com", sentence=f"s{i}")
               for i, v in enumerate([10000, 11000, 11000, 12000, 10500, 11500, 12000])]
    return prepare(claims(
        *cluster,
        point(300, source="ukrinform", outlet="ukrinform.de", sentence="killed"),
        point(50000, source="ISW", outlet="isw.org", sentence="together"),
        point(2000, source="agency 0", outlet="o0.com", sentence="risen by",
              published=date(2024, 12, 1), state="added"),
    ), {})


def test_robust_outliers_are_flagged_with_a_reason_and_kept_in_the_data() -> None:
    prepared = issue_cluster()
    flagged = prepared.filter(pl.col("outlier"))
    assert sorted(flagged["best"].to_list()) == [300, 50000]
    assert prepared.height == 10  # kept
    reason = flagged.filter(pl.col("best") == 50000)["outlier_reason"][0]
    assert reason.startswith("4.5× the median (11,000) of 9 independent claimants")
    # not an outlier: 15,000 is within 2x of the median
    assert not flag_outliers(claims(point(15000)).with_columns(best=pl.lit(15000.0)),
                             reference_of(independent_latest(prepared)))["outlier"][0]


def test_spread_and_consensus_leave_outliers_and_non_totals_out() -> None:
    prepared = issue_cluster()
    assert spread(independent_latest(prepared)) == pytest.approx(50000 / 300)  # the issue's
    assert spread(trusted_latest(prepared)) == pytest.approx(1.2)
    assert consensus(prepared, "conservative").best == 10000  # not 300
    assert consensus(prepared, "median").sources == 7
    # the increase (state 'added') is not agency 0's latest estimate of the total
    latest = independent_latest(prepared)
    assert latest.filter(pl.col("source_key") == "agency 0")["best"].to_list() == [10000]
    assert not prepared.filter(pl.col("state") == "added")["is_total"][0]


def test_outliers_need_five_claimants_and_a_zero_mad_leaves_the_ratio_to_decide() -> None:
    two = prepare(claims(point(10, source="a", sentence="a"), point(1000, source="b",
                                                                    sentence="b")), {})
    assert not two["outlier"].any()
    assert reference_of(independent_latest(two)) is None
    four = prepare(claims(*[point(v, source=s, sentence=s) for v, s in
                            ((10, "a"), (1000, "b"), (1100, "c"), (1200, "d"))]), {})
    assert not four["outlier"].any()
    same = Reference(median=100.0, log_mad=0.0, sources=5)
    frame = pl.DataFrame({"best": [100.0, 150.0, 250.0, 30.0]})
    assert flag_outliers(frame, same)["outlier"].to_list() == [False, False, True, True]


def test_empty_frames_give_empty_answers() -> None:
    empty = prepare(claims(point(1)).clear(), {})
    assert consensus(empty).best is None
    assert spread(independent_latest(empty)) is None
    assert consensus_over_time(empty).is_empty()


# --- reviews and suggestions ---------------------------------------------------------------


def test_a_correction_is_a_new_row_and_aggregation_uses_it(tmp_path: Path) -> None:
    db = build_db(tmp_path / "t.duckdb")
    con = duckdb.connect(str(db))
    try:
        add_review(
            con, "a000-0", "corrected", low=5000.0, high=5000.0, source="NIS", note="misread"
        )
        row = con.execute(
            "SELECT low, source, review FROM claims WHERE claim_id = 'a000-0'"
        ).fetchall()
        original = con.execute("SELECT low FROM store.claims WHERE claim_id = 'a000-0'").fetchall()
        add_review(con, "a001-0", "wrong")
        kept = con.sql("SELECT * FROM claims WHERE quantity = 'nk_troops_russia'").pl()
    finally:
        con.close()
    assert row == [(5000.0, "NIS", "corrected")]
    assert original == [(3000.0,)]  # the claim itself is never changed
    assert "a001-0" not in prepare(kept, ALIASES)["claim_id"].to_list()


@pytest.mark.parametrize(
    ("claim_id", "verdict", "fields", "message"),
    [
        ("a000-0", "maybe", {}, "verdict 'maybe'"),
        ("a000-0", "corrected", {}, "needs at least one new value"),
        ("a000-0", "wrong", {"low": 1.0}, "takes no new values"),
        ("a000-0", "corrected", {"low": 5.0, "high": 1.0}, "above high"),
        ("nope-1", "wrong", {}, "no such claim"),
    ],
)
def test_bad_reviews_are_refused(
    tmp_path: Path, claim_id: str, verdict: str, fields: dict, message: str
) -> None:
    db = build_db(tmp_path / "t.duckdb")
    con = duckdb.connect(str(db))
    try:
        with pytest.raises(InputError, match=message):
            add_review(con, claim_id, verdict, **fields)
    finally:
        con.close()


def test_suggestions_group_untracked_claims_by_unit_and_recurring_terms() -> None:
    untracked = pl.DataFrame(
        {
            "claim_id": ["1", "2", "3", "4"],
            "unit": ["building", "building", "building", "shell"],
            "entity": ["Häuser", "zerstörte Häuser", "Häuser", "artillery shells"],
            "source": [None, None, "UN", None],
            "sentence": ["4.000 Häuser", "1.200 zerstörte Häuser", "900 Häuser", "3 million"],
        }
    )
    groups = suggest_groups(untracked, min_claims=3)
    assert len(groups) == 1
    assert (groups[0].unit, groups[0].terms, groups[0].claims) == ("building", ("hauser",), 3)
    assert "3 claims: building: hauser" in groups[0].title
    entry = suggestion_toml(groups[0], "houses", "Houses destroyed")
    import tomllib

    from tracker.aggregate.quantities import parse_quantities

    parsed = parse_quantities(tomllib.loads(entry))
    assert parsed.quantities[0].near_all_of == (("hauser",),)


def test_on_one_date_the_lead_figure_is_the_latest() -> None:
    same_day = prepare(
        claims(
            point(2000, source="NIS", start=40, sentence="Now about 2,000 were killed."),
            point(600, source="NIS", start=900, sentence="In April it had said 600."),
        ),
        ALIASES,
    )
    assert latest_by(same_day, "source_key")["best"].to_list() == [2000]


def test_near_identical_sentences_differ_in_small_words_and_punctuation_only() -> None:
    frame = mark_relays(
        normalise_sources(
            claims(
                point(3000, outlet="a.com", sentence="Seoul said on Monday 3,000 troops had left."),
                point(3000, outlet="b.com", sentence="Seoul said Monday: 3,000 troops left!"),
                point(3000, outlet="c.com", sentence="Seoul said on Monday 3,000 troops had died."),
            ),
            {},
        )
    )
    assert frame.filter(pl.col("is_relay"))["claim_id"].to_list() == ["c1"]


def mostly_undated_story() -> pl.DataFrame:
    """A story whose figure grew (1,500, then 3,000, then 10,000-12,000), told by many
    claimants in mostly undated articles, with one misread figure ("20") among them."""
    rows, n = [], 0

    def said(value: float, who: str, published: date | None = None) -> None:
        nonlocal n
        n += 1
        rows.append(point(value, source=who, outlet=f"o{n}.com", sentence=f"s{n}",
                          published=published))

    said(1500, "NIS", date(2024, 10, 18))
    said(1500, "Reuters")
    said(1500, "NIS")
    for who in ("Pentagon", "White House", "NIS", "Spiegel"):
        said(3000, who)
    said(3000, "Pentagon", date(2024, 10, 23))
    for value, who in ((10000, "FAZ"), (10000, "Guardian"), (10900, "Korea Herald"),
                       (11000, "BBC"), (11000, "HUR"), (11000, "Zelensky"),
                       (11500, "Yonhap"), (11500, "White House"), (14000, "JCS"),
                       (14000, "SZ"), (20, "Teilnehmer")):
        said(value, who)
    return prepare(claims(*rows), {})


def test_on_a_mostly_undated_page_only_the_isolated_figure_is_an_outlier() -> None:
    """Undated earlier estimates that several claimants share (1,500, 3,000) are not
    outliers, though they are far from the median and undated claims count as current; the
    misread "20" that nobody else gave is."""
    story = mostly_undated_story()
    assert story.filter(pl.col("published").is_null()).height > story.height * 3 // 4
    flagged = story.filter(pl.col("outlier"))
    assert flagged["best"].to_list() == [20.0]
    assert "no other independent claimant's current figure" in flagged["outlier_reason"][0]
    # the same figure from a second claimant is corroborated: no outliers at all
    shared = prepare(claims(*[point(r["low"], source=r["source"], outlet=r["outlet"],
                                    sentence=r["sentence"], published=r["published"])
                              for r in story.iter_rows(named=True)],
                            point(20, source="other", outlet="x.com", sentence="x")), {})
    assert not shared["outlier"].any()


def test_a_dated_figure_everyone_else_has_revised_is_still_flagged() -> None:
    """Corroboration counts current figures only: NIS said 1,500 in October and 11,000 since,
    so Reuters' 1,500 (its latest) stands alone among the current figures."""
    october, later = date(2024, 10, 18), date(2025, 1, 10)
    story = prepare(claims(
        point(1500, source="NIS", sentence="a", published=october),
        point(1500, source="Reuters", sentence="b", published=october),
        point(11000, source="NIS", sentence="c", published=later),
        *[point(v, source=who, sentence=who, published=later) for v, who in
          ((10000, "FAZ"), (11000, "BBC"), (11500, "Yonhap"), (12000, "JCS"))],
    ), {})
    flagged = story.filter(pl.col("outlier"))
    assert flagged.select("source_key", "best").rows() == [("Reuters", 1500.0)]


def test_a_claimants_dated_figure_is_not_an_outlier_when_its_undated_ones_may_be_newer() -> None:
    """NIS's only dated figure is October's 1,500; its undated figures say 11,000, so the
    1,500 may well be older. Another claimant gave 1,500 too (not its latest): an estimate of
    its time, not an outlier. The same 1,500 from a claimant with dated figures only, that
    nobody gives as a current figure, is one."""
    october, later = date(2024, 10, 18), date(2025, 1, 10)
    cluster = [point(v, source=who, sentence=who, published=later) for v, who in
               ((10000, "FAZ"), (11000, "BBC"), (11500, "Yonhap"), (12000, "JCS"))]
    story = prepare(claims(
        point(1500, source="NIS", sentence="a", published=october),
        point(11000, source="NIS", sentence="b", published=None),
        point(1500, source="Spiegel", sentence="c", published=october),
        point(11000, source="Spiegel", sentence="d", published=later),
        *cluster,
    ), {})
    assert not story["outlier"].any()
    dated_only = prepare(claims(
        point(1500, source="Reuters", sentence="a", published=october),
        point(1500, source="Spiegel", sentence="c", published=october),
        point(11000, source="Spiegel", sentence="d", published=later),
        *cluster,
    ), {})
    assert dated_only.filter(pl.col("outlier"))["source_key"].to_list() == ["Reuters"]
