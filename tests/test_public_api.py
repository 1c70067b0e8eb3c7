"""The public Python API named in the README and the issues."""

from __future__ import annotations

import importlib

import tracker
from tracker.models import Claim


def test_tracker_extract_is_the_function() -> None:
    claims = tracker.extract("More than 10,000 troops, the Pentagon said.", lang="en")
    assert claims and isinstance(claims[0], Claim)
    from tracker import extract

    assert extract is tracker.extract
    importlib.import_module("tracker.extract.engine")  # a submodule import must not rebind it

    assert callable(tracker.extract)


def test_extract_frame_and_version() -> None:
    frame = tracker.extract_frame("Etwa 11.000 Soldaten.", lang="de")
    assert frame.height == 1
    assert frame["low"][0] == 11000
    assert isinstance(tracker.EXTRACTOR_VERSION, str)


def test_lazy_names_resolve() -> None:
    assert tracker.open_store and tracker.ingest and tracker.Article and tracker.TrackerError
