"""Scale: Dask scale-out of ingest, Parquet partitions of results, bulk load into DuckDB.

- ``dask_ingest(paths, address, db=..., out=...)``: read and extract on a Dask cluster
  (``tracker.scale.cluster``), into DuckDB or as Parquet partitions.
- ``load_partitions(folder, db)``: bulk, idempotent load of those partitions
  (``tracker.scale.load``).

Imports are lazy: ``tracker synth`` and the CLI must not pay for importing ``distributed``.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "dask_ingest": "tracker.scale.cluster",
    "ClusterError": "tracker.scale.cluster",
    "load_partitions": "tracker.scale.load",
    "load_parquet": "tracker.scale.load",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'tracker.scale' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(_EXPORTS[name]), name)


__all__ = sorted(_EXPORTS)
