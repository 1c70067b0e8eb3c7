"""Tests that need ../shared skip without it on a workstation, but fail under CI (issue #9)."""

from __future__ import annotations

import pytest
from conftest import missing_shared


def test_absent_material_skips_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not present"):
        missing_shared()


def test_absent_material_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must provide it"):
        missing_shared()
