"""Commands: (to be filled in)."""

from tracker.cli.base import cli  # noqa: F401
