"""Shared fixtures. Area-specific fixtures live in the test modules that use them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


def under_ci() -> bool:
    """True in a CI run (``CI=true``, as GitHub Actions, GitLab and most others set it)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing_shared(what: str = "../shared") -> None:
    """Skip a test whose material is absent; under CI fail instead, so a run without it cannot
    pass silently with fewer tests."""
    if under_ci():
        pytest.fail(f"{what} is not present at {SHARED}: CI must provide it (these tests need "
                    "it; outside CI they are skipped)", pytrace=False)
    pytest.skip(f"{what} is not present")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared next to the checkout (read-only material); tests that need it skip without it,
    and fail without it under CI (``CI=true``)."""
    if not SHARED.is_dir():
        missing_shared()
    return SHARED


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    """A fresh database path (the file does not exist yet)."""
    return tmp_path / "test.duckdb"
