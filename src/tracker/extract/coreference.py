"""Who a source is: each claim's source and relay resolved to one canonical claimant.

The coreference stage of attribution (cue and source are found in ``attribution.py``). Names
resolve with ``tracker.claimants.resolve`` (the text's own acronym definitions win); a mention
that names nobody by itself ("the agency", "die Behörde", "er", "the report") points back to
the nearest compatible claimant named earlier in the article: a person pronoun to a person, a
typed description ("the ministry") to a claimant of that type, other descriptions to an
institution. What points back to nothing keeps a per-document ``anon-`` key.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from tracker.claimants import find_acronyms, resolve
from tracker.claimants.normalize import slug
from tracker.extract.lexicon import Lexicon
from tracker.models import Claim

ANONYMOUS = "anon-"


@dataclass(frozen=True, slots=True)
class _Named:
    """A source mention at ``start``: its claimant (``anon-`` when it names nobody itself)."""

    start: int
    claimant: str
    person: bool
    type: str | None


class _Document:
    def __init__(self, text: str, lex: Lexicon, mentions: list[tuple[int, str]]) -> None:
        self.lex = lex
        self.acronyms = find_acronyms(text) if "(" in text else {}
        self.named: list[_Named] = []
        for start, written in sorted(mentions):
            found = resolve(written, lex.code, acronyms=self.acronyms)
            if written.lower() in lex.sources.pronouns:
                continue
            key = found.claimant or ANONYMOUS + (slug(found.label.split()) or "source")
            self.named.append(_Named(start, key, found.type == "person", found.type))

    def claimant(self, written: str, start: int) -> str | None:
        """The claimant ``written`` names or points back to; None for a pronoun that points
        back to nothing named earlier (no source is better than a wrong one)."""
        found = resolve(written, self.lex.code, acronyms=self.acronyms)
        pronoun = written.lower() in self.lex.sources.pronouns
        if found.claimant and not pronoun:
            return found.claimant
        earlier = [n for n in reversed(self.named) if n.start < start]
        back = self._points_to(written, found.type, earlier)
        if back is None and pronoun:
            return None
        return back.claimant if back else ANONYMOUS + (slug(found.label.split()) or "source")

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


def resolve_claimants(
    claims: list[Claim], text: str, lex: Lexicon, mentions: list[tuple[int, str]]
) -> list[Claim]:
    """Fill ``claimant`` and ``via`` of claims with a source; ``mentions`` are the sources
    named in the text (start, as written), the candidates for pointing back."""
    if not any(c.source for c in claims):
        return claims
    doc = _Document(text, lex, mentions)
    out = []
    for claim in claims:
        if claim.source is None or claim.source_start is None:
            out.append(claim)
            continue
        claimant = doc.claimant(claim.source, claim.source_start)
        if claimant is None:
            out.append(dataclasses.replace(claim, source=None, source_start=None, source_end=None))
            continue
        via = doc.claimant(claim.via_source, claim.source_start) if claim.via_source else None
        out.append(
            dataclasses.replace(claim, claimant=claimant, via=None if via == claimant else via)
        )
    return out
