"""tracker: turn news articles into a queryable, comparable record of the numbers they claim.

Public API (the CLI and the dashboard call only these)::

    from tracker import extract, extract_frame, ingest, open_store
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it; imported on first use so `import tracker` stays light.
_API = {
    "Claim": "tracker.models",
    "Article": "tracker.models",
    "extract": "tracker.extract",
    "extract_frame": "tracker.extract",
    "EXTRACTOR_VERSION": "tracker.extract",
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


__all__ = sorted(_API) + ["__version__"]
