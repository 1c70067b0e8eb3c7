"""Command line: thin callers of the public API. Each module registers its commands on ``cli``."""

from __future__ import annotations

from tracker.cli import (  # noqa: F401
    aggregate_cmds,
    claimant_cmds,
    eval_cmds,
    extract_cmds,
    scale_cmds,
    store_cmds,
)
from tracker.cli.base import cli


def main() -> None:
    cli(prog_name="tracker")


__all__ = ["cli", "main"]
