"""The one unit vocabulary (``lang/units_vocabulary.toml``): every unit name a claim may carry,
the same from every language, with its kind (currency, subunit, measure, ratio, count).

``python -m tracker.extract.vocabulary`` prints docs/units.md from it.
"""

from __future__ import annotations

import functools
import sys
import tomllib
from dataclasses import dataclass

from tracker.errors import ConfigError
from tracker.extract.lexicon import LANG_DIR

VOCABULARY_PATH = LANG_DIR / "units_vocabulary.toml"
KINDS = (
    "currency",
    "subunit",
    "measure",
    "duration",
    "temperature",
    "other_measure",
    "ratio",
    "count",
)
PINT_KINDS = ("measure", "duration", "temperature")
PER = "_per_"


@dataclass(frozen=True)
class Vocabulary:
    """Unit name -> kind, and name -> what it stands for (ISO code, pint unit, description)."""

    kinds: dict[str, str]
    meanings: dict[str, str]

    def kind(self, unit: str | None) -> str | None:
        """The kind of a unit name; a "per" unit is a measure ("liter_per_square_meter")."""
        if unit is None:
            return None
        if unit in self.kinds:
            return self.kinds[unit]
        head, per, tail = unit.partition(PER)
        if per and head in self.kinds and tail in self.kinds:
            return "measure"
        return None

    def names(self, kind: str) -> list[str]:
        return [name for name, k in self.kinds.items() if k == kind]


@functools.cache
def load_vocabulary() -> Vocabulary:
    try:
        data = tomllib.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{VOCABULARY_PATH}: {exc}") from exc
    kinds: dict[str, str] = {}
    meanings: dict[str, str] = {}
    for kind in KINDS:
        table = data.get(kind)
        if not isinstance(table, dict):
            raise ConfigError(f"{VOCABULARY_PATH}: [{kind}] is missing")
        entries = {n: "" for n in table.get("names", [])} if kind == "count" else table
        for name, meaning in entries.items():
            if name in kinds:
                raise ConfigError(f"{VOCABULARY_PATH}: {name!r} is in [{kinds[name]}] and [{kind}]")
            kinds[name], meanings[name] = kind, str(meaning)
    return Vocabulary(kinds, meanings)


_HEADINGS = {
    "currency": ("Currencies", "ISO 4217"),
    "subunit": ("Currency subunits", "meaning"),
    "measure": ("Measures", "pint unit"),
    "duration": ("Durations", "pint unit"),
    "temperature": ("Temperature", "pint unit"),
    "other_measure": ("Measures without a pint unit", "what it measures"),
    "ratio": ("Ratios and points", "meaning"),
}


def render_markdown(vocabulary: Vocabulary) -> str:
    lines = [
        "# Unit vocabulary",
        "",
        "Generated from `src/tracker/extract/lang/units_vocabulary.toml` by",
        "`python -m tracker.extract.vocabulary`; do not edit by hand. Every unit a claim can",
        "carry, the same name from German and English text (English singular lemma, American",
        "spelling).",
        "A measure per another unit joins two names with `_per_` (`liter_per_square_meter`).",
        "",
    ]
    for kind, (title, column) in _HEADINGS.items():
        lines += [f"## {title}", "", f"| unit | {column} |", "|---|---|"]
        lines += [f"| `{n}` | {vocabulary.meanings[n]} |" for n in vocabulary.names(kind)]
        lines.append("")
    lines += ["## Counts", "", ", ".join(f"`{n}`" for n in vocabulary.names("count")), ""]
    return "\n".join(lines)


def main() -> int:
    sys.stdout.write(render_markdown(load_vocabulary()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
