"""One language data file (``lang/<code>/<name>.toml``) with typed, validated access.

Every accessor raises ``ConfigError`` with one line naming the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from tracker.errors import ConfigError


class DataFile:
    """One TOML file's content; ``words("a.b")`` reads key ``b`` of table ``a``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{path}: language data file is missing") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path}: not valid TOML ({err})") from None

    def fail(self, key: str, reason: str) -> ConfigError:
        return ConfigError(f"{self.path}: key {key!r} {reason}")

    def get(self, key: str) -> Any:
        node: Any = self.raw
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise self.fail(key, "is missing")
            node = node[part]
        return node

    def words(self, key: str) -> list[str]:
        """A list of non-empty strings, lower-cased."""
        value = self.get(key)
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise self.fail(key, "must be a list of non-empty strings")
        return [w.lower() for w in value]

    def word_set(self, key: str) -> frozenset[str]:
        return frozenset(self.words(key))

    def word_tuple(self, key: str) -> tuple[str, ...]:
        return tuple(self.words(key))

    def string(self, key: str) -> str:
        value = self.get(key)
        if not isinstance(value, str):
            raise self.fail(key, "must be a string")
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def pattern(self, key: str, flags: int = 0) -> re.Pattern[str]:
        try:
            return re.compile(self.string(key), flags)
        except re.error as err:
            raise self.fail(key, f"is not a valid regex ({err})") from None

    def numbers(self, key: str) -> dict[str, float]:
        """A table of word = non-negative number; words lower-cased."""
        table = self.get(key)
        if not isinstance(table, dict):
            raise self.fail(key, "must be a table of word = number")
        out = {}
        for word, value in table.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise self.fail(f"{key}.{word}", "must be a non-negative number")
            out[word.lower()] = float(value)
        return out

    def cased_numbers(self, key: str) -> dict[str, float]:
        """Like ``numbers``, with the words as written: case tells "M" (mega) from "m" (metre)."""
        table = self.get(key)
        if not isinstance(table, dict):
            raise self.fail(key, "must be a table of word = number")
        lowered = self.numbers(key)  # validates the values
        return {word: lowered[word.lower()] for word in table}

    def string_table(self, key: str) -> dict[str, str]:
        table = self.get(key)
        if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
            raise self.fail(key, "must be a table of text = text")
        return {k.lower(): v.lower() for k, v in table.items()}

    def word_table(self, key: str) -> dict[str, list[str]]:
        table = self.get(key)
        if not isinstance(table, dict):
            raise self.fail(key, "must be a table of name = [words]")
        return {name: self.words(f"{key}.{name}") for name in table}

    def inverted(self, key: str) -> dict[str, str]:
        """A table {lemma: [forms]} as {form: lemma}; a form under two lemmas is an error."""
        out: dict[str, str] = {}
        for lemma, forms in self.word_table(key).items():
            for form in forms:
                if out.get(form, lemma) != lemma:
                    reason = f"repeats {form!r}, already under {out[form]!r}"
                    raise self.fail(f"{key}.{lemma}", reason)
                out[form] = lemma
        return out
