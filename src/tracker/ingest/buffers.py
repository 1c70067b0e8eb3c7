"""Reading an input that is already in memory (a downloaded page, an uploaded file) exactly like a
file of its type: ``process_bytes`` serves ``tracker ingest URL`` and the dashboard's upload."""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePath

from tracker.errors import InputError
from tracker.ingest.records import NO_OVERRIDES, FileResult, Overrides


def process_bytes(data: bytes, name: str, overrides: Overrides = NO_OVERRIDES) -> FileResult:
    """Read, normalise and extract ``data`` as if it were the file ``name`` (its suffix picks the
    reader). Articles and errors name ``name``, never a temporary path. Never raises for bad
    input, like ``process_file``."""
    from tracker.ingest.pipeline import process_file

    suffix = PurePath(name).suffix.lower()
    # The readers (pypdf, trafilatura, the streaming text reader) take paths: the bytes are put
    # in a private folder for the moment the read takes, here and nowhere else.
    with tempfile.TemporaryDirectory(prefix="tracker-bytes-") as folder:
        path = Path(folder) / (PurePath(name).name or f"input{suffix}")
        path.write_bytes(data)
        result = process_file(path, overrides)
    for article in result.articles:
        article.path = name
    errors = [InputError(err.source.replace(str(path), name, 1), err.reason)
              for err in result.errors]
    return FileResult(name, result.articles, errors)
