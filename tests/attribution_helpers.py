"""What the attribution tests ask of each claim extracted from a sentence of their own."""

from __future__ import annotations

from tracker.extract import extract


def source_spans(text: str, lang: str) -> list[str | None]:
    """Each claim's source as it stands in ``text`` (by its offsets), None without one."""
    return [
        text[c.source_start : c.source_end] if c.source_start is not None else None
        for c in extract(text, lang)
    ]


def attributions(text: str, lang: str) -> list[tuple[str | None, str | None, str | None]]:
    """Each claim's source as written, claimant and via."""
    return [(c.source, c.claimant, c.via) for c in extract(text, lang)]
