"""Shared fixtures. Area-specific fixtures live in the test modules that use them."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the checkout (read-only material); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    """A fresh database path (the file does not exist yet)."""
    return tmp_path / "test.duckdb"
