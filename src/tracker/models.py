"""The two records that flow through the pipeline: an Article and the Claims found in it."""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import cache
from typing import Any

KINDS: tuple[str, ...] = ("point", "range", "lower_bound", "upper_bound", "approx")


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim, with the exact words it came from.

    ``start``/``end`` are offsets into the text given to ``extract`` (end exclusive), so
    ``text[start:end] == claim.text``. A point value has ``low == high``; an open bound leaves
    the other side ``None``.
    """

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    kind: str
    approximate: bool = False
    unit: str | None = None
    entity: str | None = None
    source: str | None = None
    hedged: bool = False
    sentence: str = ""
    sentence_start: int = 0
    lang: str = "und"
    # Attribution (issue #10): where the source mention stands in the text (it may be in another
    # sentence), who passes the figure on as written ("Yonhap, citing the NIS" -> "Yonhap"), and
    # the canonical keys of the original claimant and of the relay (tracker.claimants).
    source_start: int | None = None
    source_end: int | None = None
    via_source: str | None = None
    claimant: str | None = None
    via: str | None = None
    # What the claim counts, as meaning (issue #11): the counted concept ("soldier"), the actor or
    # owner ("KP" for North Korea), the state or event ("killed", "deployed").
    concept: str | None = None
    actor: str | None = None
    state: str | None = None

    @property
    def best(self) -> float | None:
        """A single value for charts: the midpoint of a range, else the bound that is set."""
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@cache
def claim_fields() -> dict[str, type]:
    """The ``Claim`` fields in declaration order with their value type (``None`` dropped from an
    optional one): the single declaration every claim schema (polars, Arrow, storage) derives from.
    """
    hints = typing.get_type_hints(Claim)
    return {f.name: _value_type(hints[f.name]) for f in fields(Claim)}


def _value_type(hint: Any) -> type:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        [value] = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return value
    return hint


def claim_polars_schema(ints: Any = None) -> dict[str, Any]:
    """The ``Claim`` fields as a polars schema (``ints``: the integer dtype, Int64 by default)."""
    import polars as pl

    dtypes = {str: pl.String(), float: pl.Float64(), bool: pl.Boolean(),
              int: ints if ints is not None else pl.Int64()}
    return {name: dtypes[value] for name, value in claim_fields().items()}


def text_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised text (so re-ingesting is a no-op)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Article:
    """A news article as stored: ``text`` is the normalised body that claim offsets point into."""

    text: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    lang: str = "und"
    path: str | None = None
    claims: list[Claim] = field(default_factory=list)

    @property
    def article_id(self) -> str:
        return text_id(self.text)
