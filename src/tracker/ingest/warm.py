"""Imported once by the ingest's forkserver (``multiprocessing.set_forkserver_preload``) before it
forks the pool's workers: loads the extractor and its language data (lemma dictionaries, the
claimant resolver: ~3 s of CPU on first use) in that one process, so every worker starts with
them in memory (shared copy-on-write) instead of paying for them itself."""

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
