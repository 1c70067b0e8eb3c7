"""The corpus pass over claimants, the store's claimant tables and views, `tracker claimants`.

Databases are built by the real `tracker ingest` (texts whose source the extractor finds in the
same sentence) or written through ``open_store`` with claimants set as the extractor sets them.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest
from click.testing import CliRunner

from tracker.aggregate.claimants import (
    ClaimantAlias,
    claimant_table,
    compute_groups,
    load_claimant_aliases,
    merge_claimants,
    parse_claimant_aliases,
    resolve_corpus,
    split_claimant,
    undo_claimant_edit,
)
from tracker.aggregate.quantities import parse_quantities
from tracker.cli import cli
from tracker.errors import ConfigError, InputError, StoreError
from tracker.models import Article, Claim
from tracker.store import open_store, replace_claimant_groups

TEXTS = {
    "a.txt": ("https://www.zeit.de/politik/nk", "2024-10-29",
              "Laut dem südkoreanischen Geheimdienst NIS sind rund 11.000 nordkoreanische "
              "Soldaten in Russland."),
    "b.txt": ("https://www.bbc.co.uk/news/world-1", "2024-11-05",
              "About 12,000 North Korean troops are in Russia, South Korea's National "
              "Intelligence Service said."),
    "c.txt": ("https://www.reuters.com/world/nk-1", "2024-11-04",
              "More than 10,000 North Korean soldiers are in Russia, the Pentagon said on Monday."),
    "d.txt": ("https://www.spiegel.de/ausland/nk-1", "2024-11-06",
              "Das Pentagon schätzt, dass 10.000 nordkoreanische Soldaten in Russland sind."),
}


def write_texts(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (url, published, body) in TEXTS.items():
        (folder / name).write_text(f"url: {url}\npublished: {published}\n---\n{body}\n",
                                   encoding="utf-8")
    return folder


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    result = CliRunner().invoke(cli, ["ingest", str(write_texts(tmp_path / "in")), "--db",
                                      str(path), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    return path


def pairs(*rows: tuple[str | None, str | None, int], lang: str = "en") -> pl.DataFrame:
    return pl.DataFrame(
        [("claimant", key, name, lang, n) for key, name, n in rows],
        schema={"role": pl.String, "claimant": pl.String, "source": pl.String,
                "lang": pl.String, "claims": pl.Int64}, orient="row")


def canonical(groups: pl.DataFrame) -> dict[str, str]:
    return dict(groups.select("claimant", "canonical").iter_rows())


# --- the corpus pass, pure ---------------------------------------------------------------------


def test_variants_of_unknown_names_merge_across_articles() -> None:
    groups = canonical(compute_groups(pairs(
        ("name:kr:korea-development-institute", "the Korea Development Institute", 2),
        ("name:korea-development-institute", "Korea Development Institute", 1),
        ("name:kdi", "KDI", 1),
        ("person-lee-seong-kwon", "Lee Seong Kwon", 1),
        ("person-lee-seongkwon", "Lee Seongkwon", 1),
    )))
    target = groups["name:kr:korea-development-institute"]
    assert groups["name:korea-development-institute"] == target == groups["name:kdi"]
    assert groups["person-lee-seong-kwon"] == groups["person-lee-seongkwon"]


def test_a_name_the_extractor_left_unresolved_is_resolved_by_name() -> None:
    rows = compute_groups(pairs((None, "laut dem Pentagon", 1), (None, "die Behörde", 1),
                                ("us-pentagon", "Pentagon", 1), lang="de"))
    assert canonical(rows)["|laut dem Pentagon"] == "us-pentagon"
    assert "|die Behörde" not in canonical(rows)  # a generic noun names nobody by itself
    labels = dict(rows.select("canonical", "label").iter_rows())
    assert "Pentagon" in labels["us-pentagon"]


def test_user_aliases_override_the_gazetteer_by_name() -> None:
    alias = ClaimantAlias("kr-nis", "NIS (South Korea)", ("spy agency",))
    rows = compute_groups(pairs(("name:spy-agency", "the spy agency", 2),
                                ("kr-nis", "NIS", 1), (None, "Seoul's spy agency", 1)), [alias])
    groups = canonical(rows)
    assert groups["name:spy-agency"] == "kr-nis"  # every name of the key is the alias's
    assert groups["|Seoul's spy agency"] == "kr-nis"
    assert set(rows.filter(pl.col("canonical") == "kr-nis")["label"]) == {"NIS (South Korea)"}


def test_edits_replay_in_order_and_undo() -> None:
    both = pairs(("kr-nis", "NIS", 2), ("kr-nis", "the agency", 1), ("name:kdi", "KDI", 1))

    def edits(*rows: tuple[str, str, str, str | None, str | None]) -> pl.DataFrame:
        return pl.DataFrame([{"edit_id": e, "action": a, "claimant": c, "target": t, "name": n}
                             for e, a, c, t, n in rows])

    merged = canonical(compute_groups(both, edits=edits(("1", "merge", "name:kdi", "kr-nis",
                                                          None))))
    assert merged["name:kdi"] == "kr-nis"
    split = canonical(compute_groups(both, edits=edits(("1", "split", "kr-nis", None,
                                                         "the agency"))))
    assert split["kr-nis|the agency"] == "split:kr-nis:the-agency"
    assert split["kr-nis"] == "kr-nis"
    undone = canonical(compute_groups(both, edits=edits(
        ("1", "split", "kr-nis", None, "the agency"), ("2", "undo", "kr-nis", "1", None))))
    assert "kr-nis|the agency" not in undone


def test_the_claimants_file_is_validated_with_one_line(tmp_path: Path) -> None:
    good = tmp_path / "claimants.toml"
    good.write_text('[aliases."kr-nis"]\nlabel = "NIS"\nen = ["spy agency"]\nde = ["Behörde"]\n')
    [alias] = load_claimant_aliases(good)
    assert alias == ClaimantAlias("kr-nis", "NIS", ("spy agency", "behorde"))
    for raw, where in (({"aliases": {"Bad Key": {"en": ["x"]}}}, "aliases.Bad Key"),
                       ({"aliases": {"x": {"en": "x"}}}, "aliases.x.en"),
                       ({"aliases": {"x": {"label": "X"}}}, "aliases.x"),
                       ({"sources": {}}, "sources")):
        with pytest.raises(ConfigError, match=where.replace(".", r"\.")) as err:
            parse_claimant_aliases(raw, "claimants.toml")
        assert "\n" not in str(err.value)


def test_sources_of_the_quantities_file_become_gazetteer_claimants() -> None:
    config = parse_quantities({"sources": {"NIS (South Korea)": {"en": ["spy agency"]},
                                           "Some Institute": {"de": ["institut"]}}})
    aliases = {a.label: a.claimant for a in load_claimant_aliases(None, config)}
    assert aliases["NIS (South Korea)"] == "kr-nis"
    assert aliases["Some Institute"] == "alias:some-institute"


# --- the store ---------------------------------------------------------------------------------


def test_ingest_runs_the_corpus_pass_and_the_view_lists_claimants(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        table = claimant_table(store.con)
        per_claimant = store.query("select claimant, count(*) as n from claims "
                                   "where claimant is not null group by 1 order by 1")
    assert per_claimant.rows() == [("kr-nis", 2), ("us-pentagon", 2)]
    nis = table.filter(pl.col("claimant") == "kr-nis").row(0, named=True)
    assert nis["names"] == ["South Korea's National Intelligence Service",
                            "dem südkoreanischen Geheimdienst NIS"]
    assert (nis["claims"], nis["outlets"]) == (2, 2)
    assert (nis["first_seen"], nis["last_seen"]) == (date(2024, 10, 29), date(2024, 11, 5))
    assert nis["label"]


def test_merge_split_and_undo_are_rows_and_show_in_the_views(db: Path) -> None:
    with open_store(db) as store:
        merge_id = merge_claimants(store.con, "us-pentagon", "kr-nis", note="test")
        assert claimant_table(store.con)["claimant"].to_list() == ["kr-nis"]
        split_id = split_claimant(store.con, "kr-nis", "Das Pentagon")
        after = dict(store.query("select claimant, claims from claimants").rows())
        assert after == {"kr-nis": 3, "split:kr-nis:das-pentagon": 1}
        undo_claimant_edit(store.con, merge_id)
        undo_claimant_edit(store.con, split_id)
        assert sorted(claimant_table(store.con)["claimant"]) == ["kr-nis", "us-pentagon"]
        edits = store.query("select action, claimant, target, name, note from "
                            "store.claimant_edits order by edited_at, edit_id")
        # nothing overwritten: four rows, the undos naming what they undo
        assert edits["action"].to_list() == ["merge", "split", "undo", "undo"]
        assert edits["target"].to_list()[2:] == [merge_id, split_id]
        assert edits["note"][0] == "test"


def test_edits_check_their_claimants(db: Path) -> None:
    with open_store(db) as store:
        with pytest.raises(InputError, match="no claimant 'nobody'"):
            merge_claimants(store.con, "nobody", "kr-nis")
        with pytest.raises(InputError, match="into itself"):
            merge_claimants(store.con, "kr-nis", "kr-nis")
        with pytest.raises(InputError, match="not a name of it"):
            split_claimant(store.con, "kr-nis", "the Pentagon")
        with pytest.raises(InputError, match="no such merge or split"):
            undo_claimant_edit(store.con, "nope")
        merge_claimants(store.con, "us-pentagon", "us-government")  # a gazetteer id will do


def test_groups_must_have_one_row_per_key(tmp_path: Path) -> None:
    rows = pl.DataFrame({"claimant": ["a", "a"], "canonical": ["b", "c"], "label": [None, None]})
    with open_store(tmp_path / "g.duckdb") as store, pytest.raises(StoreError):
        replace_claimant_groups(store.con, rows)


def test_relay_keys_are_grouped_and_written_claims_keep_their_keys(tmp_path: Path) -> None:
    text = "Yonhap, citing the NIS, said 11,500 North Korean troops are in Russia."
    claim = Claim(text="11,500", start=29, end=35, low=11500, high=11500, kind="point",
                  source="the NIS", sentence=text, lang="en", via_source="Yonhap",
                  claimant="kr-nis", via="name:yonhap")
    article = Article(text=text, lang="en", outlet="cnn.com", claims=[claim])
    with open_store(tmp_path / "r.duckdb") as store:
        store.write_articles([article])
        resolve_corpus(store.con)
        [(claimant, via)] = store.con.execute("select claimant, via from claims").fetchall()
    assert claimant == "kr-nis"
    assert via == "name:yonhap"


# --- the CLI -----------------------------------------------------------------------------------


def test_cli_lists_merges_splits_and_undoes(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(cli, ["claimants", "--db", str(db), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = {r["claimant"]: r for r in json.loads(listed.stdout)}
    assert set(rows) == {"kr-nis", "us-pentagon"}
    assert rows["us-pentagon"]["names"] == ["Das Pentagon", "the Pentagon"]
    table = runner.invoke(cli, ["claimants", "--db", str(db), "--format", "csv"])
    assert "Das Pentagon; the Pentagon" in table.stdout

    merged = runner.invoke(cli, ["claimants", "merge", "us-pentagon", "kr-nis", "--note", "x",
                                 "--db", str(db)])
    assert merged.exit_code == 0, merged.output
    edit_id = merged.stderr.split("(edit ")[1].rstrip(")\n")
    split = runner.invoke(cli, ["claimants", "split", "kr-nis", "the Pentagon", "--db", str(db)])
    assert split.exit_code == 0, split.output
    edits = runner.invoke(cli, ["claimants", "edits", "--db", str(db), "--format", "jsonl"])
    assert [json.loads(line)["action"] for line in edits.stdout.splitlines()] == ["merge", "split"]
    undone = runner.invoke(cli, ["claimants", "undo", edit_id, "--db", str(db)])
    assert undone.exit_code == 0, undone.output
    bad = runner.invoke(cli, ["claimants", "merge", "nobody", "kr-nis", "--db", str(db)])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("Error: merge of nobody into kr-nis: no claimant")


def test_cli_resolve_reapplies_changed_aliases(db: Path, tmp_path: Path) -> None:
    aliases = tmp_path / "claimants.toml"
    aliases.write_text('[aliases."alias:us-dod"]\nlabel = "US DoD"\nen = ["pentagon"]\n')
    result = CliRunner().invoke(cli, ["claimants", "--resolve", "--claimants", str(aliases),
                                      "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {r["claimant"]: r["label"] for r in json.loads(result.stdout)}
    assert rows["alias:us-dod"] == "US DoD"
    assert "us-pentagon" not in rows
