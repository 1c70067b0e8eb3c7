"""tracker: turn news articles into a queryable, comparable record of the numbers they claim.

Public API (the CLI and the dashboard call only these)::

    from tracker import extract, extract_frame, ingest, open_store
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# `tracker.extract` is both a subpackage and the main function. Importing the function here,
# eagerly, makes the name `tracker.extract` the function (the import system binds the subpackage
# first, this line rebinds it), so `tracker.extract(text)` and `from tracker import extract` work.
from tracker.extract import EXTRACTOR_VERSION, extract, extract_frame  # noqa: E402

# name -> module that defines it; imported on first use so `import tracker` stays light.
_API = {
    "Claim": "tracker.models",
    "Article": "tracker.models",
    "read_path": "tracker.ingest",
    "ingest": "tracker.ingest",
    "open_store": "tracker.store",
    "TrackerError": "tracker.errors",
    "InputError": "tracker.errors",
    "StoreError": "tracker.errors",
    "QueryError": "tracker.errors",
}


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'tracker' has no attribute {name!r}")


__all__ = [
    "EXTRACTOR_VERSION",
    "Article",
    "Claim",
    "InputError",
    "QueryError",
    "StoreError",
    "TrackerError",
    "__version__",
    "extract",
    "extract_frame",
    "ingest",
    "open_store",
    "read_path",
]
