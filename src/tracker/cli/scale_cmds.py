"""Commands for scale: `tracker synth` (synthetic load), `tracker load` (Parquet bulk load)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tracker.cli.base import cli, db_option

if TYPE_CHECKING:
    from tracker.ingest import IngestSummary, Overrides


@cli.command()
@click.option("--articles", "count", type=int, required=True, help="How many articles to write.")
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    required=True,
    help="Folder to write into (missing or empty); files go in sub-folders of 1000.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same corpus.")
def synth(count: int, out: str, seed: int) -> None:
    """Write realistic synthetic articles (German and English) to measure scale."""
    from tracker.synth import write_corpus

    summary = write_corpus(out, count, seed=seed)
    click.echo(
        f"Wrote {summary.files:,} articles ({summary.bytes / 1e6:.1f} MB) to {summary.out}"
    )


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False))
@db_option
def load(folder: str, db: str | None) -> None:
    """Bulk-load Parquet partitions (from `tracker ingest --dask ... --out FOLDER`).

    Idempotent: articles already in the database are skipped, so loading twice adds nothing.
    """
    import time

    from tracker.scale import load_partitions

    started = time.perf_counter()
    counts = load_partitions(folder, db)
    seconds = time.perf_counter() - started
    click.echo(
        f"Loaded {counts.new:,} new articles and {counts.claims:,} claims "
        f"({counts.unchanged:,} articles already present) in {seconds:.1f} s"
    )


def run_dask_ingest(
    paths: tuple[str, ...],
    address: str | None,
    out: str | None,
    db: str | None,
    overrides: Overrides,
    workers: int | None,
    progress: bool,
) -> IngestSummary:
    """`tracker ingest --dask ADDRESS [--out DIR]`: the options' part of the ingest command.

    ``--workers`` sizes a ``--dask local`` cluster. Returns the IngestSummary for the caller's
    report; with ``--out`` nothing is written to the database.
    """
    from tracker.scale import dask_ingest

    if address is None:
        raise click.UsageError("--out needs --dask ADDRESS (Parquet partitions are a Dask output)")
    summary = dask_ingest(
        paths, address, db=db, out=out, overrides=overrides, workers=workers, progress=progress
    )
    if out:
        click.echo(f"Parquet partitions in {out} (load them with `tracker load {out}`)", err=True)
    return summary
