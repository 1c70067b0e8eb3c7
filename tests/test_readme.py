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


def _settings_table() -> list[tuple[str, str]]:
    section = README.split("## Settings", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([A-Z_]+)` \| `([^`]*)` \|", section, flags=re.M)
    assert rows, "README: no settings table"
    return rows


def test_the_settings_table_matches_the_settings_record() -> None:
    from tracker.config import SETTINGS

    assert _settings_table() == [(s.name, s.default) for s in SETTINGS]


def test_the_documented_defaults_are_the_ones_in_effect(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.config import SETTINGS, settings

    monkeypatch.chdir(tmp_path)  # no data/quantities.toml here
    documented = dict(_settings_table())
    actual = settings({})
    assert str(actual.db) == documented["TRACKER_DB"]
    assert actual.lock_timeout == float(documented["TRACKER_LOCK_TIMEOUT"])
    assert actual.batch_size == int(documented["TRACKER_BATCH_SIZE"])
    assert actual.dask_timeout == float(documented["TRACKER_DASK_TIMEOUT"])
    assert actual.dask_workers is None and documented["TRACKER_DASK_WORKERS"] == "all cores"
    assert actual.read_memory_limit == documented["TRACKER_READ_MEMORY_LIMIT"]
    assert actual.read_threads == int(documented["TRACKER_READ_THREADS"])
    assert actual.write_memory_limit == documented["TRACKER_WRITE_MEMORY_LIMIT"]
    assert actual.quantities is None  # the documented default file is absent in tmp_path
    (tmp_path / "data").mkdir()
    (tmp_path / documented["TRACKER_QUANTITIES"]).write_text("", encoding="utf-8")
    assert str(settings({}).quantities) == documented["TRACKER_QUANTITIES"]
    # every variable set is read: a value that differs from the default shows up
    given = {s.name: "7" for s in SETTINGS}
    read = settings(given)
    assert (str(read.db), str(read.quantities), read.lock_timeout, read.batch_size,
            read.dask_workers, read.dask_timeout, read.read_memory_limit, read.read_threads,
            read.write_memory_limit) == ("7", "7", 7.0, 7, 7, 7.0, "7B", 7, "7B")


def test_only_the_settings_module_reads_the_environment() -> None:
    """Every environment variable goes through tracker.config (and so into the table above)."""
    import ast

    readers = []
    for path in sorted((REPO / "src" / "tracker").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv") \
                    and isinstance(node.value, ast.Name) and node.value.id == "os":
                readers.append(f"{path.relative_to(REPO)}:{node.lineno}")
    allowed = {"src/tracker/config.py"}
    # the dashboard command passes the whole environment on to the Streamlit process it starts
    allowed_lines = {"src/tracker/cli/aggregate_cmds.py"}
    assert [r for r in readers if r.split(":")[0] not in allowed | allowed_lines] == []
