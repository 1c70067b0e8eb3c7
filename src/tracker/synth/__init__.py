"""Synthetic load: realistic articles in the bundled corpus format, to measure scale without data.

``write_corpus(out, articles=N, seed=S)`` writes N ``.txt`` files (header block, ``---``, body)
in German and English, from many outlets, dated over two years, with varied number formats
(``10.000``, ``10 000``, ``zehntausend``, ``1,5 Millionen``, ``10,000``, ``1.5 million``), ranges,
qualifiers, sources, hedges and unrelated numbers. A few percent of articles are syndicated
copies (same body, another outlet), as agency copy is in real archives; the store keeps one.

Every article is generated from its own ``Random((seed, index))``, so output is deterministic
for a seed and any slice of the corpus can be regenerated alone.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tracker.errors import InputError
from tracker.synth import phrases as P

FIRST_DAY = date(2024, 1, 1)
DAYS = 731  # two years: 2024-01-01 .. 2025-12-31
FILES_PER_FOLDER = 1000
SYNDICATED_SHARE = 0.03  # articles whose body is a copy of an earlier article's body
LANGS = ("de", "en")
_SLUG = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "?": None, ":": None})


@dataclass(frozen=True, slots=True)
class SynthArticle:
    index: int
    lang: str
    outlet: str
    url: str
    published: date
    title: str
    body: str

    def render(self) -> str:
        """The corpus file format: header lines, ``---``, body."""
        header = (
            f"url: {self.url}\noutlet: {self.outlet}\npublished: {self.published.isoformat()}\n"
            f"title: {self.title}\nlanguage: {self.lang}\n---\n"
        )
        return header + self.body + "\n"

    def relative_path(self) -> str:
        """``0003/2024-10-23-tagesschau-0003141.txt``: folders of 1000 keep big corpora usable."""
        stem = self.outlet.split(".")[0]
        folder = self.index // FILES_PER_FOLDER
        return f"{folder:04d}/{self.published.isoformat()}-{stem}-{self.index:07d}.txt"


@dataclass(frozen=True, slots=True)
class SynthSummary:
    files: int
    bytes: int
    out: Path


# -- numbers ---------------------------------------------------------------------------------


def _digits(value: int, lang: str, rng: random.Random) -> str:
    grouped = f"{value:,}"
    if lang == "en":
        return grouped
    separator = "." if rng.random() < 0.8 else " "
    return grouped.replace(",", separator)


def _scaled(value: int, lang: str) -> str:
    """1500000 -> '1,5 Millionen' / '1.5 million' (value must be >= 1 million)."""
    scale = 1_000_000_000 if value >= 1_000_000_000 else 1_000_000
    mantissa = f"{value / scale:.2f}".rstrip("0").rstrip(".")
    if lang == "de":
        mantissa = mantissa.replace(".", ",")
    return f"{mantissa} {P.SCALE_WORDS[lang][scale]}"


def _words(value: int, lang: str) -> str | None:
    """Spelled out when the language data has the word: 12 -> 'zwölf', 10000 -> 'ten thousand'."""
    words = P.NUMBER_WORDS[lang]
    if value in words:
        return words[value]
    if value % 1000 == 0 and value // 1000 in words:
        return words[value // 1000] + P.THOUSAND_WORD[lang]
    return None


def format_number(value: int, lang: str, rng: random.Random) -> str:
    """One of the ways a newspaper in ``lang`` writes ``value``."""
    roll = rng.random()
    if value >= 1_000_000 and roll < 0.85:
        return _scaled(value, lang)
    if roll < 0.12:
        spelled = _words(value, lang)
        if spelled:
            return spelled
    return _digits(value, lang, rng)


def _value(rng: random.Random, quantity: str) -> int:
    low, high, step = P.QUANTITIES[quantity]
    return rng.randrange(low, high + 1, step)


def _range(rng: random.Random, lang: str, value: int, upper: int) -> str:
    """'11.000 bis 12.000', 'between 1,000 and 3,000', '1,5 bis 2 Millionen', '11 to 12,000'."""
    form = rng.choice(P.RANGE_FORMS[lang])
    if value >= 1_000_000:
        a, b = _scaled(value, lang), _scaled(upper, lang)
        if rng.random() < 0.6:
            a = a.split()[0]  # the scale word is written once: "1,5 bis 2 Millionen"
        return form.format(a=a, b=b)
    a, b = _digits(value, lang, rng), _digits(upper, lang, rng)
    if lang == "en" and form == "{a} to {b}" and value % 1000 == 0 and rng.random() < 0.3:
        a = str(value // 1000)  # "11 to 12,000"
    return form.format(a=a, b=b)


def quantity_phrase(rng: random.Random, lang: str, quantity: str) -> str:
    """A point value, a qualified value ('mehr als 10.000') or a range ('11,000 to 12,000')."""
    value = _value(rng, quantity)
    roll = rng.random()
    if roll < 0.35:
        return format_number(value, lang, rng)
    if roll < 0.7:
        return f"{rng.choice(P.QUALIFIERS[lang])} {format_number(value, lang, rng)}"
    step = P.QUANTITIES[quantity][2]
    return _range(rng, lang, value, value + step * rng.randint(1, 6))


# -- sentences and articles ------------------------------------------------------------------


def _claim_sentence(rng: random.Random, lang: str) -> str:
    quantity = rng.choice(tuple(P.CLAIMS))
    plain, hedged = rng.choice(P.CLAIMS[quantity][lang])
    template = hedged if rng.random() < 0.3 else plain
    q = quantity_phrase(rng, lang, quantity)
    src = rng.choice(P.SOURCES[lang])
    return template.format(q=q, Q=q[:1].upper() + q[1:], src=src)


def _background_sentence(rng: random.Random, lang: str, template: str) -> str:
    pct = f"{rng.randint(1, 90) / 10:.1f}"
    month = rng.randrange(12)
    return template.format(
        hours=rng.randint(2, 9),
        regiment=rng.randint(100, 999),
        km=_digits(rng.randrange(800, 9000, 100), lang, rng),
        age=rng.randint(35, 75),
        year=rng.randint(2015, 2024),
        pct=pct.replace(".", ",") if lang == "de" else pct,
        day=rng.randint(1, 28),
        month_de=P.MONTHS["de"][month],
        month_en=P.MONTHS["en"][month],
    )


def _body(rng: random.Random, lang: str) -> str:
    """3-5 paragraphs of 2-4 sentences; background and filler sentences are not repeated."""
    background = rng.sample(P.BACKGROUND[lang], len(P.BACKGROUND[lang]))
    filler = rng.sample(P.FILLER[lang], len(P.FILLER[lang]))
    paragraphs = []
    for _ in range(rng.randint(3, 5)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            roll = rng.random()
            if roll < 0.25 and background:
                sentences.append(_background_sentence(rng, lang, background.pop()))
            elif roll < 0.55 and filler:
                sentences.append(filler.pop())
            else:
                sentences.append(_claim_sentence(rng, lang))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def _article_rng(seed: int, index: int) -> random.Random:
    return random.Random(f"{seed}:{index}")


def _own_body(seed: int, index: int) -> tuple[str, str]:
    """(lang, body) of article ``index`` as originally written (before syndication)."""
    rng = _article_rng(seed, index)
    lang = rng.choice(LANGS)
    return lang, _body(rng, lang)


def synth_article(seed: int, index: int) -> SynthArticle:
    """Article number ``index`` of the corpus for ``seed``."""
    rng = random.Random(f"{seed}:{index}:meta")
    lang, body = _own_body(seed, index)
    if index > 0 and rng.random() < SYNDICATED_SHARE:
        lang, body = _own_body(seed, rng.randrange(max(0, index - 500), index))
    outlet, sections = rng.choice(P.OUTLETS[lang])
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    title = rng.choice(P.TITLES[lang])
    slug = "-".join(title.lower().translate(_SLUG).split()[:5])
    url = f"https://www.{outlet}/{rng.choice(sections)}/{slug}-{index}.html"
    return SynthArticle(index, lang, outlet, url, published, title, body)


def iter_corpus(articles: int, seed: int = 0, start: int = 0) -> Iterator[SynthArticle]:
    for index in range(start, start + articles):
        yield synth_article(seed, index)


def write_corpus(out: str | Path, articles: int, seed: int = 0) -> SynthSummary:
    """Write ``articles`` files under ``out`` (which must be missing or empty)."""
    out = Path(out)
    if articles < 1:
        raise InputError("--articles", f"must be at least 1, got {articles}")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(str(out), "exists and is not an empty folder; choose a new --out")
    total_bytes = 0
    made: set[Path] = set()
    for article in iter_corpus(articles, seed):
        path = out / article.relative_path()
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = article.render().encode("utf-8")
        path.write_bytes(data)
        total_bytes += len(data)
    return SynthSummary(files=articles, bytes=total_bytes, out=out)
