"""Who a source is: each claim's source and relay resolved to one canonical claimant.

The coreference stage of attribution (cue and source are found in ``attribution.py``). Names
resolve with ``tracker.claimants.resolve`` (the text's own acronym definitions win); a mention
that names nobody by itself ("the agency", "die Behörde", "er", "the report") points back to
the nearest compatible mention earlier in the article: a person pronoun to a person, a typed
description ("the ministry") to a claimant of that type, another description to a named
institution, any other pronoun to the nearest mention. A description that points back to
nothing keeps an ``anon-`` key; a pronoun that points back to nothing is no source at all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from tracker.claimants import find_acronyms, resolve
from tracker.claimants.normalize import slug
from tracker.extract.lexicon import Lexicon

ANONYMOUS = "anon-"

Mentions = Callable[[int], list[tuple[int, str]]]


@dataclass(frozen=True, slots=True)
class _Named:
    """A source mention at ``start``: its claimant (``anon-`` when it names nobody itself)."""

    start: int
    claimant: str
    person: bool
    type: str | None


@functools.lru_cache(maxsize=4096)
def _anonymous(label: str) -> str:
    return ANONYMOUS + (slug(label.split()) or "source")


class Coreference:
    """Claimants of one document. ``mentions(pos)`` gives the source mentions (start, as
    written) of the sentences up to ``pos``: the candidates for pointing back, read lazily."""

    def __init__(self, text: str, lex: Lexicon, mentions: Mentions) -> None:
        self.lex, self.mentions = lex, mentions
        self.acronyms = find_acronyms(text) if "(" in text else {}

    def _is_pronoun(self, written: str) -> bool:
        return written.lower() in self.lex.sources.pronouns

    def claimant(self, written: str, start: int) -> str | None:
        """The claimant ``written`` names or points back to; None for a pronoun that points
        back to nothing (no source is better than a wrong one)."""
        found = resolve(written, self.lex.code, acronyms=self.acronyms)
        pronoun = self._is_pronoun(written)
        if found.claimant and not pronoun:
            return found.claimant
        back = self._points_to(written, found.type, self._earlier(start))
        if back is None and pronoun:
            return None
        return back.claimant if back else _anonymous(found.label)

    def _earlier(self, start: int) -> list[_Named]:
        """Mentions before ``start``, nearest first."""
        named = []
        for pos, written in self.mentions(start):
            if pos >= start or self._is_pronoun(written):
                continue
            found = resolve(written, self.lex.code, acronyms=self.acronyms)
            key = found.claimant or _anonymous(found.label)
            named.append(_Named(pos, key, found.type == "person", found.type))
        return sorted(named, key=lambda n: -n.start)

    def _points_to(self, written: str, kind: str | None, earlier: list[_Named]) -> _Named | None:
        words = written.lower().split()
        if words and words[-1] in self.lex.sources.person_pronouns:
            return next((n for n in earlier if n.person), earlier[0] if earlier else None)
        if kind:
            same = next((n for n in earlier if n.type == kind), None)
            if same:
                return same
        if len(words) == 1 and words[0] in self.lex.sources.pronouns:
            return earlier[0] if earlier else None
        named = (n for n in earlier if not n.person and not n.claimant.startswith(ANONYMOUS))
        return next(named, None)
