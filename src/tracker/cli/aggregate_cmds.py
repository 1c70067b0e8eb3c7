"""Commands for tracked quantities: ``quantities``, ``assign``, ``suggest``, ``compare``,
``review`` and ``dashboard``. Each is a thin caller of ``tracker.aggregate``."""

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
@format_option()
def quantities(db: str | None, quantities_file: str | None, fmt: str) -> None:
    """List the tracked quantities with their claim, source and outlet counts."""
    from tracker.aggregate.quantities import load_quantities, quantity_counts
    from tracker.store import open_store

    config = load_quantities(quantities_file)
    with open_store(db, read_only=True) as store:
        rows = quantity_counts(store.con, config)
    columns = ["id", "label", "unit", "claims", "sources", "outlets"]
    write_rows(columns, [[r[c] for c in columns] for r in rows], fmt)


@cli.command()
@db_option
@quantities_option
def assign(db: str | None, quantities_file: str | None) -> None:
    """Reassign every stored claim to the quantities in the file (after editing it)."""
    from tracker.aggregate.quantities import assign_all, load_quantities
    from tracker.store import open_store

    config = load_quantities(quantities_file)
    with open_store(db) as store:
        assigned = assign_all(store.con, config)
    click.echo(
        f"{assigned} claims assigned to {len(config.quantities)} quantities in "
        f"{resolve_db_path(db)}",
        err=True,
    )


@cli.command()
@db_option
@quantities_option
@click.option("--min-claims", type=click.IntRange(min=1), default=3, show_default=True,
              help="Smallest group worth suggesting.")
@click.option("--toml", "as_toml", is_flag=True,
              help="Print each suggestion as a [[quantity]] entry to paste into the file.")
@format_option()
def suggest(db: str | None, quantities_file: str | None, min_claims: int, as_toml: bool,
            fmt: str) -> None:
    """Suggest quantities: groups of claims no quantity takes, by unit and entity terms."""
    from tracker.aggregate.quantities import load_quantities
    from tracker.aggregate.suggest import load_unassigned, suggest_groups, suggestion_toml
    from tracker.store import open_store

    config = load_quantities(quantities_file)
    with open_store(db, read_only=True) as store:
        unassigned = load_unassigned(store.con)
    groups = suggest_groups(unassigned, config.ignore_terms, min_claims)
    if as_toml:
        for i, group in enumerate(groups, 1):
            label = " ".join(group.terms) or group.unit or "untracked"
            click.echo(suggestion_toml(group, f"suggested_{i}", label))
        return
    rows = [[g.claims, g.sources, g.unit, " + ".join(g.terms), g.example] for g in groups]
    write_rows(["claims", "sources", "unit", "terms", "example"], rows, fmt)


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
    from tracker.store import open_store

    config = load_quantities(quantities_file)
    if config.quantities and not config.get(quantity):
        known = ", ".join(q.id for q in config.quantities)
        raise ConfigError(f"quantity {quantity!r}: not in the quantities file (known: {known})")
    with open_store(db, read_only=True) as store:
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
    ]
    click.echo(f"Dashboard: http://{address}:{port}  (Ctrl-C to stop)", err=True)
    raise SystemExit(subprocess.call(command, env=env))
