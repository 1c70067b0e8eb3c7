"""Command line: thin callers of the public API. Each module registers its commands on ``cli``."""

from __future__ import annotations

from tracker.cli import aggregate_cmds, extract_cmds, scale_cmds, store_cmds  # noqa: F401
from tracker.cli.base import cli


def main() -> None:
    cli(prog_name="tracker")


__all__ = ["cli", "main"]
