"""Who made a claim: resolve a source as written to one canonical claimant.

``resolve(source, lang, acronyms=...)`` gives a ``Resolution``; ``find_acronyms(text)`` reads
the acronyms a text defines; ``merge_variants(pairs)`` merges the keys of unknown names across a
corpus. The gazetteer is data: ``extract/lang/<code>/claimants.toml`` (``load_gazetteer``).
"""

from tracker.claimants.acronyms import find_acronyms
from tracker.claimants.gazetteer import Claimant, Gazetteer, load_all, load_gazetteer
from tracker.claimants.merge import merge_variants
from tracker.claimants.resolve import Resolution, compose, resolve

__all__ = [
    "Claimant",
    "Gazetteer",
    "Resolution",
    "compose",
    "find_acronyms",
    "load_all",
    "load_gazetteer",
    "merge_variants",
    "resolve",
]
