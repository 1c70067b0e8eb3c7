"""Round 11: the page loads the code of the detail panel's buttons before the first click on a
mark (docs/scale.md, "The first point click of a page")."""

from __future__ import annotations

from pathlib import Path

import duckdb
from test_dashboard import fixture_db, run_app  # noqa: F401 (fixture_db: a fixture)

from tracker.dashboard.panels.detail import PRELOAD


def test_a_hidden_disabled_button_is_drawn_while_no_claim_is_open(
        fixture_db: Path) -> None:  # noqa: F811
    app = run_app()
    [button] = [b for b in app.button if b.key == f"{PRELOAD}_button"]
    assert button.disabled
    # hidden by the page's own CSS, keyed on the container that holds it
    assert any(f".st-key-{PRELOAD}" in h.proto.body and "display: none" in h.proto.body
               for h in app.get("html"))
    with duckdb.connect(str(fixture_db), read_only=True) as con:
        [(claim_id,)] = con.execute("SELECT claim_id FROM claims WHERE quantity IS NOT NULL"
                                    " ORDER BY claim_id LIMIT 1").fetchall()
    opened = run_app({"claim": claim_id})
    assert [b for b in opened.button if b.key == "detail_wrong"]
    assert not [b for b in opened.button if b.key == f"{PRELOAD}_button"]
