"""Check the gold labels for quantity assignment (``<story>.toml`` + ``<story>.jsonl`` here).

Every label must name a file of the story that exists, its ``text`` must occur in that file's body
text at least ``occurrence`` times, no two labels may point at the same occurrence, and every
``quantity`` must be null or a key defined in the story's TOML. Files matched by the story's
``files`` globs that have no label at all are reported too (every article of a story has claims).

    python src/tracker/evaluate/quantities/check_labels.py            # all stories here
    python src/tracker/evaluate/quantities/check_labels.py quake nk   # some
    python src/tracker/evaluate/quantities/check_labels.py --root /path/to/checkout

Exit code 0 when every check passes, 1 otherwise. Uses the standard library only (it must not
depend on the extractor it is meant to judge). The body text of a file is defined in README.md
next to this script; matching is on the body with every run of whitespace collapsed to one space.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
# src/tracker/evaluate/quantities -> the checkout (the working directory for a copy elsewhere)
DEFAULT_ROOT = HERE.parents[3] if len(HERE.parents) > 3 else Path.cwd()
LABEL_FIELDS = {"file": str, "text": str, "occurrence": int, "quantity": (str, type(None))}
KIND_NAMES = {"file": "a string", "text": "a string", "occurrence": "an integer",
              "quantity": "a string or null"}
_SPACE = re.compile(r"\s+")


class _ArticleParagraphs(HTMLParser):
    """Text of the <p> elements inside <article> (the headline <h1> is the title, not body)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.in_p = 0
        self.current: list[str] = []
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "article":
            self.in_article += 1
        elif tag == "p" and self.in_article:
            self.in_p += 1
            self.current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article -= 1
        elif tag == "p" and self.in_p:
            self.in_p -= 1
            self.paragraphs.append("".join(self.current).strip())

    def handle_data(self, data: str) -> None:
        if self.in_p:
            self.current.append(data)


def body_text(root: Path, file: str) -> str:
    """The body text a label refers to (see README.md), whitespace collapsed."""
    if "#" in file:  # data/articles/batch.jsonl#3 = the text of line 3
        name, line = file.rsplit("#", 1)
        lines = (root / name).read_text(encoding="utf-8").splitlines()
        number = int(line)
        if not 1 <= number <= len(lines):
            raise ValueError(f"{name} has no line {number}")
        text = json.loads(lines[number - 1])["text"]
    else:
        path = root / file
        raw = path.read_text(encoding="utf-8")
        if path.suffix in (".html", ".htm"):
            parser = _ArticleParagraphs()
            parser.feed(raw)
            text = "\n\n".join(p for p in parser.paragraphs if p)
        else:
            lines = raw.splitlines()
            if "---" in (line.strip() for line in lines):
                end = next(i for i, line in enumerate(lines) if line.strip() == "---")
                text = "\n".join(lines[end + 1:])
            else:  # no header (print text): the whole file
                text = raw
    return _SPACE.sub(" ", text).strip()


def find_occurrence(body: str, text: str, occurrence: int) -> int:
    """Start of the ``occurrence``-th (1-based) occurrence of ``text``; substring and
    overlapping occurrences count, as in the extraction gold. -1 when there are fewer."""
    start = -1
    for _ in range(occurrence):
        start = body.find(text, start + 1)
        if start < 0:
            return -1
    return start


def load_quantities(path: Path) -> tuple[dict, list[str], list[str]]:
    """(story table, quantity keys, errors) of one story TOML."""
    errors: list[str] = []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    keys: list[str] = []
    for number, quantity in enumerate(data.get("quantity", []), start=1):
        for field in ("key", "label", "meaning"):
            if not isinstance(quantity.get(field), str) or not quantity[field].strip():
                errors.append(f"{path.name}: quantity {number} has no {field}")
        key = quantity.get("key")
        if key in keys:
            errors.append(f"{path.name}: quantity key {key!r} defined twice")
        keys.append(key)
        if isinstance(quantity.get("meaning"), str) and quantity["meaning"].count(" · ") != 2:
            errors.append(f"{path.name}: {key}: meaning is not 'concept · actor/place · state'")
    if not keys:
        errors.append(f"{path.name}: no [[quantity]] defined")
    return data.get("story", {}), keys, errors


def check_story(root: Path, name: str) -> tuple[list[str], Counter, int]:
    """Errors, labels per quantity key (None = no quantity) and number of files of one story."""
    story, keys, errors = load_quantities(HERE / f"{name}.toml")
    counts: Counter = Counter()
    seen: set[tuple[str, str, int]] = set()
    taken: dict[str, list[tuple[int, int, str]]] = {}
    bodies: dict[str, str] = {}
    labelled_files: set[str] = set()
    lines = (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        where = f"{name}.jsonl:{number}"
        if not line.strip():
            continue
        try:
            label = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc.msg})")
            continue
        problems = [f"{field} missing or not {KIND_NAMES[field]}"
                    for field, kind in LABEL_FIELDS.items()
                    if field not in label or not isinstance(label[field], kind)
                    or isinstance(label[field], bool)]
        problems += [f"unknown field {field!r}" for field in label if field not in LABEL_FIELDS]
        if problems:
            errors.append(f"{where}: " + "; ".join(problems))
            continue
        file, text, occurrence, quantity = (label[k] for k in LABEL_FIELDS)
        if quantity is not None and quantity not in keys:
            errors.append(f"{where}: quantity {quantity!r} is not defined in {name}.toml")
        if occurrence < 1 or not text.strip():
            errors.append(f"{where}: empty text or occurrence < 1")
            continue
        if (file, text, occurrence) in seen:
            errors.append(f"{where}: {text!r} occurrence {occurrence} in {file} labelled twice")
        seen.add((file, text, occurrence))
        if file not in bodies:
            try:
                bodies[file] = body_text(root, file)
            except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
                errors.append(f"{where}: cannot read {file}: {exc}")
                bodies[file] = ""
        labelled_files.add(file.split("#")[0] if "#" in file else file)
        span = _SPACE.sub(" ", text)
        start = find_occurrence(bodies[file], span, occurrence)
        if start < 0:
            found = bodies[file].count(span)
            errors.append(f"{where}: {text!r} occurs {found} time(s) in {file}, not {occurrence}")
            continue
        end = start + len(span)
        for other_start, other_end, other in taken.get(file, []):
            if start < other_end and other_start < end:
                errors.append(f"{where}: {text!r} overlaps the label {other!r} in {file}")
        taken.setdefault(file, []).append((start, end, text))
        counts[quantity] += 1
    story_files = sorted({str(p.relative_to(root)) for pattern in story.get("files", [])
                          for p in root.glob(pattern) if p.is_file()})
    for path in story_files:
        if path not in labelled_files:
            errors.append(f"{name}: {path} matches the story's files but has no label")
    return errors, counts, len({f for f in bodies})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", help="story names (default: every *.toml here)")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the checkout")
    args = parser.parse_args(argv)
    names = args.stories or sorted(p.stem for p in HERE.glob("*.toml"))
    failed = False
    for name in names:
        errors, counts, files = check_story(args.root, name)
        total = sum(counts.values())
        per_key = ", ".join(f"{key or 'null'} {n}" for key, n in
                            sorted(counts.items(), key=lambda kv: (kv[0] is None, kv[0] or "")))
        print(f"{name}: {total} labels in {files} texts ({per_key})")
        for error in errors:
            print(f"  error: {error}")
        failed = failed or bool(errors)
    print("FAILED" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
