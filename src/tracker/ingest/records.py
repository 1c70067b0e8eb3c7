"""The small records the ingest API passes around."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tracker.errors import InputError
from tracker.models import Article


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; a set field wins over what the file says."""

    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    lang: str | None = None
    title: str | None = None


NO_OVERRIDES = Overrides()


@dataclass
class FileResult:
    """What one input file gave: articles (claims filled in) and the inputs that failed."""

    path: str
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


@dataclass
class IngestSummary:
    """Totals of one ``ingest`` run. ``failed`` counts inputs (files or batch rows) not stored."""

    files: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    claims: int = 0
    errors: list[InputError] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.new + self.unchanged
