"""Extraction stays linear in the length of a text: the look-ups that once re-read the whole
text before each claim (coreference, fractions) are counted here, not timed."""

from __future__ import annotations

import random

import pytest

from tracker.extract import coreference, extract
from tracker.extract.patterns import last_token, tail_tokens

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


def test_last_token_agrees_with_tail_tokens() -> None:
    """The cheap pre-check before a number gives the window's last token or says it is unsure."""
    rng = random.Random(14)
    alphabet = "ab .,$%\n_1é-'ß€"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 70)))
        end = rng.randint(0, len(text))
        start = rng.randint(max(0, end - 60), end)
        last = last_token(text, start, end)
        if last is not None:
            assert tail_tokens(text, start, end)[-1][0] == last, (text, start, end)
