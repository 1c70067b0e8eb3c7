"""``tracker claimants``: list claimants, run the corpus pass, merge, split and undo. Each is a
thin caller of ``tracker.aggregate.claimants`` (the dashboard calls the same functions)."""

from __future__ import annotations

import click

from tracker.cli.base import cli, db_option, format_option, write_rows
from tracker.config import resolve_db_path

claimants_option = click.option(
    "--claimants", "claimants_file", type=click.Path(dir_okay=False), default=None,
    help="User aliases file with [aliases] (default: data/claimants.toml when it exists).",
)
quantities_option = click.option(
    "--quantities", "quantities_file", type=click.Path(dir_okay=False), default=None,
    help="Quantities file whose [sources] are aliases too (default: $TRACKER_QUANTITIES, "
         "else data/quantities.toml).",
)
note_option = click.option("--note", default=None, help="Why (kept with the edit).")


@cli.group(invoke_without_command=True)
@db_option
@claimants_option
@quantities_option
@click.option("--resolve", "run_pass", is_flag=True,
              help="Run the corpus pass again first (after changing aliases).")
@format_option()
@click.pass_context
def claimants(ctx: click.Context, db: str | None, claimants_file: str | None,
              quantities_file: str | None, run_pass: bool, fmt: str) -> None:
    """List who made the claims: one row per claimant with the names it was written as.

    Subcommands merge, split and undo record a reviewer's edit (a new row; nothing is
    overwritten) and run the corpus pass again."""
    from tracker.aggregate.claimants import (
        CLAIMANT_COLUMNS,
        claimant_table,
        resolve_corpus,
        user_aliases,
    )
    from tracker.store import open_store

    ctx.ensure_object(dict)
    ctx.obj["claimant_files"] = (claimants_file, quantities_file)
    if ctx.invoked_subcommand is not None:
        return
    if run_pass:
        aliases = user_aliases(claimants_file, quantities_file)
        with open_store(db) as store:
            done = resolve_corpus(store.con, aliases)
        click.echo(f"{done.keys} claimant keys -> {done.claimants} claimants "
                   f"({done.edits} edits replayed) in {resolve_db_path(db)}", err=True)
    with open_store(db, read_only=True) as store:
        rows = claimant_table(store.con)
    if fmt in ("table", "csv"):
        rows = rows.with_columns(rows["names"].list.join("; "))
    write_rows(CLAIMANT_COLUMNS, rows.select(CLAIMANT_COLUMNS).iter_rows(), fmt)


def _aliases(ctx: click.Context) -> tuple:
    from tracker.aggregate.claimants import user_aliases

    claimants_file, quantities_file = (ctx.obj or {}).get("claimant_files", (None, None))
    return user_aliases(claimants_file, quantities_file)


@claimants.command()
@click.argument("claimant")
@click.argument("target")
@note_option
@db_option
@click.pass_context
def merge(ctx: click.Context, claimant: str, target: str, note: str | None,
          db: str | None) -> None:
    """Merge CLAIMANT into TARGET (keys as `tracker claimants` lists them)."""
    from tracker.aggregate.claimants import merge_claimants
    from tracker.store import open_store

    aliases = _aliases(ctx)
    with open_store(db) as store:
        edit_id = merge_claimants(store.con, claimant, target, note=note, aliases=aliases)
    click.echo(f"merged {claimant} into {target} (edit {edit_id})", err=True)


@claimants.command()
@click.argument("claimant")
@click.argument("name")
@note_option
@db_option
@click.pass_context
def split(ctx: click.Context, claimant: str, name: str, note: str | None,
          db: str | None) -> None:
    """Split the claims CLAIMANT made under NAME (as written) into a claimant of their own."""
    from tracker.aggregate.claimants import split_claimant
    from tracker.store import open_store

    aliases = _aliases(ctx)
    with open_store(db) as store:
        edit_id = split_claimant(store.con, claimant, name, note=note, aliases=aliases)
    click.echo(f"split {name!r} out of {claimant} (edit {edit_id})", err=True)


@claimants.command()
@click.argument("edit_id")
@note_option
@db_option
@click.pass_context
def undo(ctx: click.Context, edit_id: str, note: str | None, db: str | None) -> None:
    """Undo an earlier merge or split (by a new row)."""
    from tracker.aggregate.claimants import undo_claimant_edit
    from tracker.store import open_store

    aliases = _aliases(ctx)
    with open_store(db) as store:
        new_id = undo_claimant_edit(store.con, edit_id, note=note, aliases=aliases)
    click.echo(f"undid {edit_id} (edit {new_id})", err=True)


@claimants.command()
@db_option
@format_option()
def edits(db: str | None, fmt: str) -> None:
    """List the reviewers' merges, splits and undos, oldest first."""
    from tracker.aggregate.claimants import stored_edits
    from tracker.store import open_store

    with open_store(db, read_only=True) as store:
        rows = stored_edits(store.con)
    write_rows(rows.columns, rows.iter_rows(), fmt)
