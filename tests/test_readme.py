"""The README is part of the product: its commands must exist and its quick start must be real."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def _shell_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", README, flags=re.S)


def _tracker_commands() -> list[list[str]]:
    commands = []
    for block in _shell_blocks():
        for line in block.splitlines():
            line = line.split("#", 1)[0].strip()
            if "tracker " not in line:
                continue
            line = line[line.index("tracker ") :]
            commands.append(shlex.split(line)[1:])
    return commands


def test_quick_start_is_two_make_commands_that_exist() -> None:
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, flags=re.S).group(1)
    commands = [line.split("#", 1)[0].strip() for line in block.splitlines()]
    commands = [c for c in commands if c]
    assert commands == ["make demo", "make test"]
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, flags=re.M)
    assert re.search(r"^test:", makefile, flags=re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text()


@pytest.mark.parametrize("args", _tracker_commands(), ids=lambda a: " ".join(a[:2]))
def test_every_readme_command_parses(args: list[str]) -> None:
    """Each `tracker ...` line of the README names a real command with real options."""
    sub = args[0]
    assert sub in cli.commands, f"README uses unknown command {sub!r}"
    command = cli.commands[sub]
    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for token in args[1:]:
        if token.startswith("--"):
            assert token.split("=", 1)[0] in known, f"tracker {sub}: no option {token}"
    result = CliRunner().invoke(cli, [sub, "--help"])
    assert result.exit_code == 0, result.output
