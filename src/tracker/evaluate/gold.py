"""The gold corpus: documents with hand-labelled claims, loaded and validated (JSONL, one per line).

A gold claim names its span by text and occurrence; the loader turns that into offsets, so the
files stay readable and cannot drift from the text they label.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError
from tracker.models import KINDS

GOLD_LANGS: tuple[str, ...] = ("de", "en")

_REQUIRED_CLAIM_FIELDS: dict[str, tuple[type, ...]] = {
    "text": (str,),
    "low": (int, float, type(None)),
    "high": (int, float, type(None)),
    "kind": (str,),
    "approximate": (bool,),
    "unit": (str, type(None)),
    "entity": (str, type(None)),
    "source": (str, type(None)),
    "hedged": (bool,),
}


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One labelled claim; ``start``/``end`` are computed from ``text`` and ``occurrence``."""

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    kind: str
    approximate: bool
    unit: str | None
    entity: str | None
    source: str | None
    hedged: bool
    # Attribution gold (evaluate/attribution/README.md); None in files without those fields.
    source_start: int | None = None
    source_end: int | None = None
    claimant: str | None = None
    via: str | None = None
    has_attribution: bool = False


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    lang: str
    text: str
    claims: tuple[GoldClaim, ...]
    tags: tuple[str, ...] = field(default_factory=tuple)


def default_gold_paths() -> list[Path]:
    """The packaged corpus files, one per language."""
    folder = resources.files("tracker.evaluate") / "gold"
    return [Path(str(folder / f"{lang}.jsonl")) for lang in GOLD_LANGS]


def load_gold(paths: Iterable[str | Path] | None = None) -> list[GoldDoc]:
    """Read and validate gold documents; any problem raises ConfigError naming file and doc id."""
    docs: list[GoldDoc] = []
    seen: set[str] = set()
    for path in [Path(p) for p in (paths or default_gold_paths())]:
        for doc in _read_file(path):
            if doc.doc_id in seen:
                raise ConfigError(f"{path}: document id {doc.doc_id!r} appears twice")
            seen.add(doc.doc_id)
            docs.append(doc)
    return docs


def _read_file(path: Path) -> list[GoldDoc]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read gold file ({err.strerror or err})") from None
    docs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise ConfigError(f"{path}:{number}: not valid JSON ({err.msg})") from None
        docs.append(parse_doc(record, where=f"{path}:{number}"))
    return docs


def parse_doc(record: Any, where: str = "gold") -> GoldDoc:
    """Validate one JSON record and compute claim offsets."""
    if not isinstance(record, dict):
        raise ConfigError(f"{where}: a gold line must be a JSON object")
    doc_id = record.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise ConfigError(f"{where}: document has no string 'id'")
    where = f"{where} ({doc_id})"
    text, lang = record.get("text"), record.get("lang")
    if not isinstance(text, str) or not isinstance(lang, str):
        raise ConfigError(f"{where}: 'text' and 'lang' must be strings")
    claims = record.get("claims")
    tags = record.get("tags", [])
    if not isinstance(claims, list) or not isinstance(tags, list):
        raise ConfigError(f"{where}: 'claims' and 'tags' must be lists")
    parsed = tuple(_parse_claim(c, text, where) for c in claims)
    return GoldDoc(doc_id, lang, text, parsed, tuple(str(t) for t in tags))


def _parse_claim(raw: Any, text: str, where: str) -> GoldClaim:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: a claim must be a JSON object")
    for name, types in _REQUIRED_CLAIM_FIELDS.items():
        if name not in raw:
            raise ConfigError(f"{where}: claim {raw.get('text')!r} has no field {name!r}")
        value = raw[name]
        # bool is an int subclass: a true/false where a number belongs is a labelling mistake.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise ConfigError(f"{where}: claim {raw.get('text')!r} field {name!r} has wrong type")
    if raw["kind"] not in KINDS:
        raise ConfigError(f"{where}: claim {raw['text']!r} has unknown kind {raw['kind']!r}")
    occurrence = raw.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        raise ConfigError(f"{where}: claim {raw['text']!r} has an invalid occurrence")
    start = _find_occurrence(text, raw["text"], occurrence)
    if start < 0:
        raise ConfigError(
            f"{where}: span {raw['text']!r} (occurrence {occurrence}) not found in the text"
        )
    _check_value_shape(raw, where)
    source_start = _source_start(raw, text, where)
    return GoldClaim(
        text=raw["text"],
        start=start,
        end=start + len(raw["text"]),
        low=None if raw["low"] is None else float(raw["low"]),
        high=None if raw["high"] is None else float(raw["high"]),
        kind=raw["kind"],
        approximate=raw["approximate"],
        unit=raw["unit"],
        entity=raw["entity"],
        source=raw["source"],
        hedged=raw["hedged"],
        source_start=source_start,
        source_end=None if source_start is None else source_start + len(raw["source"]),
        claimant=_optional_str(raw, "claimant", where),
        via=_optional_str(raw, "via", where),
        has_attribution="claimant" in raw,
    )


def _source_start(raw: dict[str, Any], text: str, where: str) -> int | None:
    """Offset of the labelled source mention (``source_occurrence``, counted like
    ``occurrence``); None when the file has no source offsets or the source is null."""
    occurrence = raw.get("source_occurrence")
    if occurrence is None or raw["source"] is None:
        return None
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        raise ConfigError(f"{where}: claim {raw['text']!r} has an invalid source_occurrence")
    start = _find_occurrence(text, raw["source"], occurrence)
    if start < 0:
        raise ConfigError(
            f"{where}: source {raw['source']!r} (occurrence {occurrence}) not found in the text"
        )
    return start


def _optional_str(raw: dict[str, Any], name: str, where: str) -> str | None:
    value = raw.get(name)
    if value is not None and not isinstance(value, str):
        raise ConfigError(f"{where}: claim {raw['text']!r} field {name!r} has wrong type")
    return value


def _find_occurrence(text: str, span: str, occurrence: int) -> int:
    if not span:
        return -1
    position = -1
    for _ in range(occurrence):
        position = text.find(span, position + 1)
        if position < 0:
            return -1
    return position


def _check_value_shape(raw: dict[str, Any], where: str) -> None:
    """The kind fixes which of low/high are set: catch labels that contradict themselves."""
    kind, low, high = raw["kind"], raw["low"], raw["high"]
    expected = {
        "point": low is not None and low == high,
        "approx": low is not None and low == high,
        "range": low is not None and high is not None and low < high,
        "lower_bound": low is not None and high is None,
        "upper_bound": low is None and high is not None,
    }[kind]
    if not expected:
        raise ConfigError(f"{where}: claim {raw['text']!r}: low/high do not fit kind {kind!r}")
