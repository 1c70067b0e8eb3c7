"""AppTest of each view and action of issue #13 on databases built by the real `tracker ingest`:
the bundled corpus plus the quake story, and a copy whose articles are mostly undated."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import polars as pl
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest
from test_aggregate_fixtures import QUANTITIES, REPO, open_tab

from tracker.cli import cli

ARTICLES = REPO / "data" / "articles"
QUAKE = REPO / "data" / "stories" / "quake"


def ingest(folder: Path, db: Path) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
        result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "--workers",
                                          "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("views")
    shutil.copytree(ARTICLES, folder / "articles")
    shutil.copytree(QUAKE, folder / "quake", ignore=shutil.ignore_patterns("*.toml"))
    return ingest(folder, folder / "corpus.duckdb")


@pytest.fixture(scope="module")
def undated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Most articles without a date: header dates dropped, dates in the file names and
    addresses removed (as copied texts and archives often are)."""
    folder = tmp_path_factory.mktemp("undated")
    files = sorted(p for p in ARTICLES.iterdir() if p.is_file())
    for number, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        if number % 4:  # three of four undated
            text = re.sub(r"(?im)^published:.*\n", "", text)
            text = re.sub(r"(?im)^url:.*\n", "", text)
            text = re.sub(r"20\d\d[-/]\d\d[-/]\d\d", "", text)
        (folder / f"a{number:03d}{path.suffix}").write_text(text, encoding="utf-8")
    return ingest(folder, folder / "undated.duckdb")


def app_on(db: Path, monkeypatch: pytest.MonkeyPatch, **params: str) -> AppTest:
    monkeypatch.setenv("TRACKER_DB", str(db))
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    test = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=90)
    test.query_params["quantity"] = "North Korean troops in Russia"
    for key, value in params.items():
        test.query_params[key] = value
    test.run()
    assert not test.exception, test.exception
    return test


def metric_help(app: AppTest) -> dict[str, str]:
    return {m.label: m.proto.help for m in app.metric}


def a_claim(db: Path, where: str = "quantity = 'nk_troops_russia'") -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        [(claim_id,)] = con.execute(
            f"SELECT claim_id FROM claims WHERE {where} AND url IS NOT NULL"
            " ORDER BY published DESC NULLS LAST, claim_id LIMIT 1").fetchall()
    return claim_id


def test_every_headline_figure_says_how_it_is_computed(corpus: Path, monkeypatch) -> None:
    app = app_on(corpus, monkeypatch)
    helps = metric_help(app)
    assert len(helps) == 5 and all(helps.values()), helps
    assert "independent claimant" in helps["Consensus (median)"]
    assert "outliers" in helps["Spread (highest / lowest)"]
    method = " ".join(m.value for m in open_tab(app, "Method").markdown)
    assert "Staleness" in method and "newest article in the data" in method


def test_the_detail_panel_opens_from_the_url_and_reviews_and_undoes(corpus: Path,
                                                                   monkeypatch) -> None:
    claim_id = a_claim(corpus)
    app = app_on(corpus, monkeypatch, claim=claim_id)
    shown = " ".join(m.value for m in app.markdown)
    assert ":orange-background[" in shown and "Open the article" in shown
    assert "why this quantity" in shown and "<" not in shown.split("Open the article")[0]
    app.button(key="detail_wrong").click().run()
    assert any("Marked wrong" in s.value for s in app.success)
    assert "**wrong**" in " ".join(m.value for m in app.markdown)
    assert app.button(key="detail_redo").disabled  # nothing undone yet
    app.button(key="detail_undo").click().run()
    assert any("Review undone" in s.value for s in app.success)
    with duckdb.connect(str(corpus), read_only=True) as con:
        verdicts = con.execute("SELECT verdict FROM store.reviews WHERE claim_id = ?"
                               " ORDER BY reviewed_at", [claim_id]).fetchall()
        [(review,)] = con.execute("SELECT review FROM claims WHERE claim_id = ?",
                                  [claim_id]).fetchall()
    assert verdicts == [("wrong",), ("undone",)] and review is None
    assert app.button(key="detail_undo").disabled  # back at no review
    app.button(key="detail_redo").click().run()
    assert any("Review applied again" in s.value for s in app.success)
    with duckdb.connect(str(corpus), read_only=True) as con:
        [(review,)] = con.execute("SELECT review FROM claims WHERE claim_id = ?",
                                  [claim_id]).fetchall()
    assert review == "wrong"
    app.button(key="detail_undo").click().run()  # leave the shared database as it was


def test_the_detail_panel_says_what_the_claim_counts_for(corpus: Path, monkeypatch) -> None:
    """A review that cannot move the consensus says why: the claim is a relay, history, an
    outlier, or in the consensus as its claimant's latest estimate."""
    from tracker.aggregate.compare import build_view
    from tracker.aggregate.estimates import trusted_latest
    from tracker.dashboard import data

    view = build_view(data.load_quantity_claims(corpus, "nk_troops_russia", texts=False), {})
    in_consensus = trusted_latest(view.prepared)["claim_id"][0]
    relay = view.prepared.filter(pl.col("is_relay"))["claim_id"]
    assert view.role(in_consensus).startswith("In the consensus: the latest estimate of")
    if relay.len():
        assert "relay" in view.role(relay[0])
    assert view.role("no-such-claim").startswith("Not in the figures")
    app = app_on(corpus, monkeypatch, claim=in_consensus)
    assert any("In the consensus" in c.value for c in app.caption)


def test_the_detail_panel_moves_a_claim_to_no_quantity(corpus: Path, monkeypatch) -> None:
    claim_id = a_claim(corpus, "quantity = 'nk_deaths'")
    app = app_on(corpus, monkeypatch, claim=claim_id)
    app.selectbox(key="detail_move_to").set_value(app.selectbox(key="detail_move_to").options[0])
    app.button(key="detail_move").click().run()
    assert any("Claim moved" in s.value for s in app.success)


def test_claimant_and_outlet_pages(corpus: Path, monkeypatch) -> None:
    app = app_on(corpus, monkeypatch, tab="Claimants & outlets")
    titles = [c for c in app.get("vega_lite_chart") if "Claimant " in c.proto.spec]
    assert titles, "the claimant page draws its claims"
    app.radio(key="entity_kind").set_value("outlet").run()
    assert any("Outlet " in c.proto.spec for c in app.get("vega_lite_chart"))


def test_number_format_follows_the_setting(corpus: Path, monkeypatch) -> None:
    app = app_on(corpus, monkeypatch)
    app.sidebar.radio(key="numbers").set_value("de").run()
    consensus = next(m for m in app.metric if m.label.startswith("Consensus"))
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+", consensus.value), consensus.value
    rows = [c.proto.spec for c in app.get("vega_lite_chart")][0]
    assert '"thousands": "."' in rows or '"thousands":"."' in rows  # the axes too
    app.sidebar.radio(key="numbers").set_value("en").run()
    consensus = next(m for m in app.metric if m.label.startswith("Consensus"))
    assert "," in consensus.value


def test_mostly_undated_articles_are_counted_kept_and_shown_apart(undated: Path,
                                                                 monkeypatch) -> None:
    app = app_on(undated, monkeypatch)
    notes = " ".join(c.value for c in app.caption)
    found = re.search(r"(\d+) claims have no date", notes)
    assert found and int(found.group(1)) > 0, notes
    specs = [c.proto.spec for c in app.get("vega_lite_chart")]  # the range chart
    open_tab(app, "Timeline")
    specs += [c.proto.spec for c in app.get("vega_lite_chart")]
    assert any("Undated estimates" in s for s in specs)
    # undated earlier figures that several claimants share are not outliers (10 of 29 were)
    outliers = next(m.value for m in app.metric if m.label == "Outliers")
    assert int(outliers) <= 1, outliers
    assert not any("0.000000" in s for s in specs)
    # a date filter says how many undated claims it leaves out
    app.sidebar.date_input(key="from").set_value("2024-01-01").run()
    assert not app.exception
    said = " ".join(c.value for c in app.caption) + " ".join(w.value for w in app.warning)
    assert re.search(r"leave out \d+ undated claims", said), said


def test_an_article_date_set_in_the_dashboard_is_a_correction_row(undated: Path,
                                                                  monkeypatch) -> None:
    app = app_on(undated, monkeypatch, tab="Review")
    article_id = app.selectbox(key="fix_article").value
    form = next(f for f in app.get("form") if "article_correction" in str(f.proto))
    assert form is not None
    next(d for d in app.date_input if d.label == "Published").set_value("2024-11-05")
    next(b for b in app.button if b.label == "Save correction").click().run()
    assert any("Article corrected" in s.value for s in app.success)
    with duckdb.connect(str(undated), read_only=True) as con:
        assert con.execute("SELECT published FROM articles WHERE article_id = ?",
                           [article_id]).fetchall()[0][0].isoformat() == "2024-11-05"
        assert con.execute("SELECT count(*) FROM store.article_corrections").fetchall() == [(1,)]


def test_a_database_of_one_undated_article_draws_no_empty_timeline(tmp_path: Path,
                                                                  monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(
        "Nordkorea hat nach Angaben des Pentagons rund 12.000 Soldaten nach Russland geschickt.\n",
        encoding="utf-8")
    app = app_on(ingest(tmp_path, tmp_path / "one.duckdb"), monkeypatch, tab="Timeline")
    specs = [c.proto.spec for c in app.get("vega_lite_chart")]
    assert not any("Timeline:" in s for s in specs)
    assert any("Undated estimates:" in s for s in specs)
    assert any("No dated estimates" in i.value for i in app.info)


@pytest.mark.parametrize("db_name", ["corpus", "undated"])
def test_filters_in_polars_give_the_rows_sql_gives(db_name: str, request,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A filter change filters the quantity's cached claims in polars instead of reading them
    again: the same rows in the same order as the SQL filters, the same filter options and
    the same count of undated claims a date filter leaves out."""
    from datetime import date

    from tracker.dashboard import data

    db = request.getfixturevalue(db_name)
    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    checked = 0
    for quantity in data.load_overview(db)["quantity"].to_list():
        claims = data.load_quantity_claims(db, quantity, texts=False)
        assert data.is_complete(claims)
        assert data.filter_options(claims) == data.load_filter_options(db, quantity)
        outlet = claims["outlet"].drop_nulls().sort()[0]
        dated = claims["published"].drop_nulls().sort()
        middle = dated[len(dated) // 2] if len(dated) else date(2025, 1, 1)
        for filters in (
            data.Filters(), data.Filters(langs=("de",)), data.Filters(langs=("en", "xx")),
            data.Filters(outlets=(outlet,)), data.Filters(hedged="only"),
            data.Filters(hedged="exclude"), data.Filters(date_from=middle),
            data.Filters(date_to=middle, langs=("en",)),
            data.Filters(middle, middle, ("de", "en"), (outlet,), "exclude"),
        ):
            expected = data.load_quantity_claims(db, quantity, filters, texts=False)
            assert data.filter_claims(claims, filters).equals(expected), filters
            assert data.undated_left_out(claims, filters) == \
                data.count_undated_left_out(db, quantity, filters), filters
            checked += expected.height
    assert checked


def test_a_quantity_cut_at_max_rows_is_not_filtered_in_polars(corpus: Path,
                                                              monkeypatch) -> None:
    """Past ``MAX_ROWS`` the cached claims are the newest only: filters go back to SQL."""
    from tracker.aggregate import compare
    from tracker.dashboard import data

    quantity = data.load_overview(corpus)["quantity"][0]
    claims = data.load_quantity_claims(corpus, quantity, texts=False)
    monkeypatch.setattr(compare, "MAX_ROWS", claims.height)
    assert not data.is_complete(data.load_quantity_claims(corpus, quantity, texts=False))


def test_after_a_review_the_quantity_is_patched_not_read_again(corpus: Path, tmp_path: Path,
                                                               monkeypatch) -> None:
    """A review (wrong, undo, corrected values, a move to another quantity) changes only the
    reviewed claim's rows: the earlier read patched with them equals a new read; anything else
    written (here an article's date) makes the dashboard read the quantity again."""
    from datetime import date

    from tracker.dashboard import actions, data

    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(corpus, db)
    first, second = data.load_overview(db)["quantity"].to_list()[:2]
    reads = {q: data.read_quantity(db, q) for q in (first, second)}
    claim = reads[first].claims.row(0, named=True)
    moved = reads[first].claims["claim_id"][1]
    for write in (
        lambda: actions.save_review(db, claim["claim_id"], "wrong"),
        lambda: actions.undo_review(db, claim["claim_id"]),
        lambda: actions.save_review(db, claim["claim_id"], "corrected",
                                    low=(claim["low"] or 1) * 3),
        lambda: actions.move_claim(db, moved, second),
    ):
        write()
        for quantity in (first, second):
            patched = data.patch_reviewed(db, quantity, reads[quantity])
            fresh = data.read_quantity(db, quantity)
            assert patched is not None
            assert patched.claims.equals(fresh.claims)
            assert patched.state == fresh.state
            reads[quantity] = patched
    assert moved in reads[second].claims["claim_id"].to_list()
    assert moved not in reads[first].claims["claim_id"].to_list()
    actions.correct_article(db, claim["article_id"], outlet=claim["outlet"], title=None,
                            published=date(2020, 1, 1))
    assert data.patch_reviewed(db, first, reads[first]) is None


def test_a_view_after_a_review_reusing_the_earlier_relay_marks_equals_one_built_anew(
        corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """After a review, undo and redo the view is built with the previous view's relay marks
    (``build_view(earlier=...)``, as the dashboard's cache does): every frame and figure equals
    the view built from scratch. The reviewed claim is the first of a relayed estimate, so the
    marks of its copies change."""
    from tracker.aggregate import estimates
    from tracker.aggregate.compare import build_view
    from tracker.aggregate.quantities import load_quantities
    from tracker.dashboard import actions, data

    monkeypatch.setenv("TRACKER_QUANTITIES", str(QUANTITIES))
    db = tmp_path / "copy.duckdb"
    shutil.copyfile(corpus, db)
    aliases = load_quantities(None).sources
    overview = data.load_overview(db)
    views, reads, chosen = {}, {}, None
    for quantity in overview["quantity"].to_list():
        reads[quantity] = data.read_quantity(db, quantity)
        views[quantity] = build_view(reads[quantity].claims, aliases)
        relayed = views[quantity].prepared.filter(pl.col("relays") > 0)
        if chosen is None and relayed.height:
            chosen = relayed["claim_id"][0]
    assert chosen is not None
    assert "sentence_key" in next(iter(reads.values())).claims.columns
    patched_calls = []
    remark = estimates._remark
    monkeypatch.setattr(estimates, "_remark",
                        lambda *a: patched_calls.append(r := remark(*a)) or r)
    for write in (lambda: actions.save_review(db, chosen, "wrong"),
                  lambda: actions.undo_review(db, chosen),
                  lambda: actions.redo_review(db, chosen)):
        write()
        for quantity, earlier in views.items():
            read = data.patch_reviewed(db, quantity, reads[quantity]) or \
                data.read_quantity(db, quantity)
            again = build_view(read.claims, aliases, earlier=earlier)
            anew = build_view(data.read_quantity(db, quantity).claims, aliases)
            for frame in ("prepared", "latest", "range_rows", "timeline_rows", "over_time"):
                assert getattr(again, frame).equals(getattr(anew, frame)), (quantity, frame)
            assert (again.agreed, again.notes, again.spread, again.reference, again.as_of) == \
                (anew.agreed, anew.notes, anew.spread, anew.reference, anew.as_of)
            reads[quantity], views[quantity] = read, again
    assert any(r is not None for r in patched_calls)  # the marks were reused, not made anew
