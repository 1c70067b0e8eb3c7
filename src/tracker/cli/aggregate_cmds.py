"""Commands for tracked quantities: ``quantities``, ``assign``, ``suggest``, ``track``,
``move``, ``compare``, ``review`` and ``dashboard``. Each is a thin caller of
``tracker.aggregate``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from tracker.aggregate.compare import Grouping
from tracker.aggregate.consensus import RULES, Rule
from tracker.aggregate.review import VERDICTS
from tracker.cli.base import cli, db_option, format_option, write_rows
from tracker.config import DB_ENV, resolve_db_path
from tracker.errors import ConfigError

APP_MODULE = "tracker.dashboard.app"

quantities_option = click.option(
    "--quantities",
    "quantities_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Quantities file (default: $TRACKER_QUANTITIES, else data/quantities.toml).",
)


@cli.command()
@db_option
@quantities_option
@click.option("--import", "import_file", type=click.Path(dir_okay=False, exists=True),
              help="Store the quantities of a quantities file in the database and reassign.")
@click.option("--export", "export_file", type=click.Path(dir_okay=False),
              help="Write the database's tracked quantities as a quantities file ('-' = stdout).")
@format_option()
def quantities(db: str | None, quantities_file: str | None, import_file: str | None,
               export_file: str | None, fmt: str) -> None:
    """List the tracked quantities with their claim, source and outlet counts; import or
    export them as a quantities file (the database holds them; the file seeds a new one)."""
    from tracker.aggregate.quantities import load_quantities, quantity_counts
    from tracker.aggregate.tracking import database_config, export_toml
    from tracker.aggregate.tracking import import_file as import_quantities_file
    from tracker.store import open_store

    if import_file:
        written = import_quantities_file(db, import_file)
        click.echo(f"{written} quantity definitions stored from {import_file}", err=True)
    with open_store(db, read_only=True) as store:
        config = (load_quantities(quantities_file) if quantities_file
                  else database_config(store.con))
        rows = quantity_counts(store.con, config)
    if export_file:
        text = export_toml(config)
        if export_file == "-":
            click.echo(text)
        else:
            Path(export_file).write_text(text, encoding="utf-8")
            click.echo(f"{len(config.quantities)} quantities written to {export_file}", err=True)
        return
    columns = ["id", "label", "unit", "claims", "sources", "outlets"]
    write_rows(columns, [[r[c] for c in columns] for r in rows], fmt)


@cli.command()
@db_option
@quantities_option
def assign(db: str | None, quantities_file: str | None) -> None:
    """Reassign every stored claim to the tracked quantities (with --quantities: to a file's)."""
    from tracker.aggregate.quantities import assign_all, load_quantities
    from tracker.aggregate.tracking import database_config
    from tracker.store import open_store

    config = load_quantities(quantities_file) if quantities_file else None
    with open_store(db) as store:
        assigned = assign_all(store.con, config)
        count = len((config or database_config(store.con)).quantities)
    click.echo(f"{assigned} claims assigned to {count} quantities in {resolve_db_path(db)}",
               err=True)


SUGGEST_COLUMNS = ["id", "label", "unit", "claims", "claimants", "outlets", "example"]


@cli.command()
@db_option
@click.option("--min-claims", type=click.IntRange(min=1), default=3, show_default=True,
              help="Smallest group worth suggesting.")
@click.option("--toml", "as_toml", is_flag=True,
              help="Print each suggestion as the [[quantity]] entry that tracks it.")
@format_option()
def suggest(db: str | None, min_claims: int, as_toml: bool, fmt: str) -> None:
    """Suggest quantities: untracked claims grouped by meaning (concept, actor, state; the unit
    when a claim has none), best first. `tracker track ID` tracks one; json/jsonl give the
    claim_ids of each group."""
    from tracker.aggregate.quantities import QuantityConfig, parse_quantities
    from tracker.aggregate.suggest import discover, load_untracked
    from tracker.aggregate.tracking import export_toml, new_quantity_id
    from tracker.store import open_store

    with open_store(db, read_only=True) as store:
        groups = discover(load_untracked(store.con), min_claims)
    if as_toml:
        taken: set[str] = set()
        entries = []
        for group in groups:
            taken.add(qid := new_quantity_id(group.label, taken))
            entries.append(group.definition(qid))
        click.echo(export_toml(QuantityConfig(parse_quantities({"quantity": entries}).quantities)))
        return
    columns = SUGGEST_COLUMNS + (["claim_ids"] if fmt in ("json", "jsonl") else [])
    write_rows(columns, [[g.as_row()[c] for c in columns] for g in groups], fmt)


@cli.command()
@click.argument("suggestion_id")
@db_option
@click.option("--id", "quantity_id", help="Id of the new quantity (default: from the label).")
@click.option("--label", help="Label of the new quantity (default: the suggestion's).")
def track(suggestion_id: str, db: str | None, quantity_id: str | None, label: str | None) -> None:
    """Track the suggested group SUGGESTION_ID (an id from `tracker suggest`) as a quantity, in
    the database, and reassign every claim."""
    from tracker.aggregate.tracking import track as track_suggestion

    quantity = track_suggestion(db, suggestion_id, quantity_id, label, origin="cli")
    click.echo(quantity.id)
    click.echo(f"tracking {quantity.id!r} ({quantity.label}); `tracker compare {quantity.id}` "
               "compares it", err=True)


@cli.command()
@click.argument("claim_id")
@db_option
@click.option("--to", "quantity_id", help="Quantity to move the claim to (default: none).")
@click.option("--note", help="Why.")
def move(claim_id: str, db: str | None, quantity_id: str | None, note: str | None) -> None:
    """Move CLAIM_ID to another tracked quantity, or out of every quantity (a 'moved' review)."""
    from tracker.aggregate.tracking import move_claim

    review_id = move_claim(db, claim_id, quantity_id, note)
    where = repr(quantity_id) if quantity_id else "no quantity"
    click.echo(f"review {review_id}: {claim_id} moved to {where}", err=True)


@cli.command()
@click.argument("quantity")
@db_option
@quantities_option
@click.option("--rule", type=click.Choice(RULES), default=Rule.MEDIAN.value, show_default=True,
              help="Consensus rule.")
@click.option("--by", type=click.Choice([g.value for g in Grouping]),
              default=Grouping.SOURCE.value, show_default=True,
              help="One row per source or per outlet.")
@format_option()
def compare(quantity: str, db: str | None, quantities_file: str | None, rule: str, by: str,
            fmt: str) -> None:
    """Latest estimate per source (or outlet) of QUANTITY, with the consensus."""
    from tracker.aggregate.compare import build_view, quantity_claims
    from tracker.aggregate.quantities import load_quantities
    from tracker.aggregate.tracking import database_config
    from tracker.store import open_store

    with open_store(db, read_only=True) as store:
        config = (load_quantities(quantities_file) if quantities_file
                  else database_config(store.con))
        if config.quantities and not config.get(quantity):
            known = ", ".join(q.id for q in config.quantities)
            raise ConfigError(f"quantity {quantity!r}: not in the quantities file (known: {known})")
        claims = quantity_claims(store.con, quantity)
    view = build_view(claims, config.sources, rule=rule, by=by)
    key = "outlet" if by == Grouping.OUTLET else "source_key"
    columns = [key, "published", "low", "high", "best", "open_bound", "hedged", "outlier",
               "days_since"]
    rows = view.latest.select(columns).rows() if view.latest.height else []
    write_rows([by, *columns[1:]], rows, fmt)
    agreed = view.agreed
    click.echo(
        f"consensus ({rule}, {agreed.sources} independent sources): best {agreed.best}, "
        f"low {agreed.low}, high {agreed.high}",
        err=True,
    )


@cli.command()
@click.argument("claim_id")
@click.argument("verdict", type=click.Choice(VERDICTS))
@db_option
@click.option("--low", type=float, help="Corrected low value.")
@click.option("--high", type=float, help="Corrected high value.")
@click.option("--unit", help="Corrected unit.")
@click.option("--source", help="Corrected source.")
@click.option("--quantity", help="Corrected quantity id.")
@click.option("--note", help="Why.")
def review(claim_id: str, verdict: str, db: str | None, **fields: object) -> None:
    """Mark CLAIM_ID correct or wrong, or correct its values (stored as a new review row)."""
    from tracker.aggregate.curate import review_claim

    review_id = review_claim(db, claim_id, verdict, **fields)
    click.echo(f"review {review_id} stored for {claim_id}", err=True)


def dashboard_script() -> Path:
    """The app's file inside the installed package (found without importing Streamlit)."""
    from importlib.util import find_spec

    spec = find_spec(APP_MODULE)
    if spec is None or spec.origin is None or not Path(spec.origin).is_file():
        raise ConfigError(f"{APP_MODULE}: the dashboard app is not installed")
    return Path(spec.origin)


@cli.command()
@db_option
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True)
@click.option("--address", default="127.0.0.1", show_default=True, help="Address to listen on.")
def dashboard(db: str | None, port: int, address: str) -> None:
    """Start the Streamlit dashboard on the database (read-only; ingest may run meanwhile)."""
    from tracker.aggregate.quantities import QUANTITIES_ENV, quantities_path

    script = dashboard_script()
    env = {**os.environ, DB_ENV: str(resolve_db_path(db).resolve())}
    found = quantities_path()  # resolved here, so the app reads the same file from any cwd
    if found is not None:
        env[QUANTITIES_ENV] = str(found.resolve())
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.headless", "true", "--server.address", address, "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        # no file watcher: a product run does not reload on edits, and Streamlit would set one
        # up per browser session for every module beside the script (docs/scale.md)
        "--server.fileWatcherType", "none",
    ]
    click.echo(f"Dashboard: http://{address}:{port}  (Ctrl-C to stop)", err=True)
    raise SystemExit(subprocess.call(command, env=env))
