"""Imported once by the ingest's forkserver (``multiprocessing.set_forkserver_preload``) before it
forks the pool's workers: loads the extractor and its language data (compiled patterns, the
claimant resolver's index; ~0.7 s of CPU) in that one process, so every worker starts with them
in memory (shared copy-on-write) instead of paying for them itself. The lemma dictionaries are
memory-mapped files (``tracker.lemmas``): opening them costs milliseconds, not the ~1.9 s of
decoding simplemma's German and English dictionaries this process used to spend first."""

from __future__ import annotations

WARM_TEXTS = {
    "de": "Laut dem Verteidigungsministerium sollen rund 10.000 Soldaten in Russland sein.",
    "en": "The Pentagon said about 10,000 troops were in Russia, officials reported.",
}


def warm() -> None:
    try:
        from tracker.extract import extract
        from tracker.ingest import process_bytes  # noqa: F401 - the readers and their imports
        from tracker.store import article_frames  # noqa: F401 - polars, the storage schemas

        for lang, text in WARM_TEXTS.items():
            list(extract(text, lang))
    except Exception:  # noqa: BLE001, S110 - a warm-up must never stop the ingest
        pass


warm()
