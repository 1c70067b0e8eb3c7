"""Extraction stays linear in the length of a text: the look-ups that once re-read the whole
text before each claim (coreference, fractions) are counted here, not timed."""

from __future__ import annotations

import pytest

from tracker.extract import coreference, extract

_PARAGRAPH = {
    "en": "The Pentagon said 1,200 soldiers were moved. The agency reported 35 deaths.\n\n",
    "de": "Laut dem Pentagon wurden 1.200 Soldaten verlegt. Die Behörde meldete 35 Tote.\n\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_pointing_back_resolves_each_mention_once(lang: str, monkeypatch) -> None:
    """ "the agency" points back to the Pentagon in every paragraph: each earlier mention is
    resolved once for the whole text, not once per claim that points back (quadratic)."""
    calls = []
    real = coreference.resolve

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(coreference, "resolve", counting)
    paragraphs = 300
    claims = extract(_PARAGRAPH[lang] * paragraphs, lang)
    assert len(claims) == 2 * paragraphs
    assert {c.claimant for c in claims} == {"us-pentagon"}  # "the agency" points back
    assert len(calls) <= 4 * paragraphs
