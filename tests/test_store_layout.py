"""tracker.store owns the database: no other module of the package connects to DuckDB or holds
DDL/DML (issue #9). Reads (SELECT text) may live anywhere; writes go through store functions."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "tracker"
STORE = SRC / "store"
# Case-insensitive, across line breaks ("CREATE OR REPLACE\n TABLE").
FORBIDDEN = {
    "duckdb.connect": r"duckdb\s*\.\s*connect\b",
    "CREATE TABLE": r"\bcreate\s+(or\s+replace\s+)?(temp\s+|temporary\s+)?table\b",
    "INSERT INTO": r"\binsert\s+into\b",
    "DELETE FROM": r"\bdelete\s+from\b",
    "ALTER/DROP TABLE": r"\b(alter|drop)\s+table\b",
}


def _offenders() -> list[str]:
    found = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".py", ".sql") or STORE in path.parents:
            continue
        text = path.read_text(encoding="utf-8")
        for name, pattern in FORBIDDEN.items():
            for match in re.finditer(pattern, text, flags=re.I):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(SRC.parent)}:{line}: {name}")
    return found


def test_only_the_store_connects_and_writes() -> None:
    assert _offenders() == []


def test_the_check_finds_what_it_looks_for() -> None:
    sample = ("con = duckdb.connect(path)\ncon.execute('create or replace\n table t as select 1')\n"
              "con.execute('Insert Into t SELECT 2'); con.execute('delete  from t')\n"
              "con.execute('ALTER TABLE t ADD COLUMN c INT')")
    for name, pattern in FORBIDDEN.items():
        assert re.search(pattern, sample, flags=re.I), name


def test_every_store_table_is_declared_in_schema_sql() -> None:
    """The tables the store code touches are the tables schema.sql declares."""
    schema = (STORE / "schema.sql").read_text(encoding="utf-8")
    declared = set(re.findall(r"CREATE TABLE IF NOT EXISTS store\.(\w+)", schema))
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r"\bstore\.(quantity_\w+|articles|claims|reviews|assignments|"
                               r"schema_version)\b", path.read_text(encoding="utf-8")))
    assert used <= declared, used - declared
    assert {"quantity_claims", "quantity_claims_meta", "quantity_overview"} <= declared
