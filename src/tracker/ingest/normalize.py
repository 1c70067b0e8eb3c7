"""Print-text normalisation: undo the line layout of a printed or PDF page.

The stored text is what claim offsets point into, so this runs before extraction:
- lines of one paragraph are rejoined; a paragraph split by a page break is rejoined when the next
  part starts in lower case;
- end-of-line hyphenation is undone ("Solda-\\nten" -> "Soldaten") unless the hyphen is real:
  a capitalised continuation or an all-caps/digit prefix keeps it ("US-\\nRegierung");
- page furniture is dropped: lone URL lines (remembered: the first is the article's address when no
  header gives one), page numbers, "Seite 2 von 3" / "Page 2 of 3".
Works on a stream of lines, so a huge file is never held in several copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

LONE_URL = re.compile(r"^\s*<?((?:https?://|www\.)[^\s<>]+)>?\s*$", re.IGNORECASE)
PAGE_FURNITURE = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]"
    r"|(?:seite|page|s\.|p\.)?\s*\d{1,4}(?:\s*(?:von|of|/)\s*\d{1,4})?)\s*$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"(\w+)-$")
_STARTS_LINE = re.compile(r"^(?:#{1,6}\s|[-*•]\s|\d{1,3}[.)]\s|>\s|\|)")
_SENTENCE_END = frozenset(".!?:;…\"“”»«'’)]")
# A line this long that ends a sentence was not wrapped by a page layout: keep its line break.
WRAP_WIDTH = 120


def _hyphenated(text: str) -> bool:
    """Ends in a hyphen right after a letter or digit (only the tail is looked at: texts grow)."""
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalnum()


def _ends_sentence(text: str) -> bool:
    return text[-1:] in _SENTENCE_END


def _keeps_hyphen(left: str, right: str) -> bool:
    """A real hyphen: capitalised continuation, or an all-caps / digit prefix ("US-", "25-")."""
    word = _LAST_WORD.search(left[-64:])
    prefix = word.group(1) if word else ""
    return (right[:1].isupper() or not right[:1].isalpha()
            or prefix.isupper() or prefix[-1:].isdigit())


def join_hyphenated(left: str, right: str) -> str:
    """Join ``left`` (ending in ``letter-``) and ``right``: drop the hyphen only inside a word."""
    return left + right if _keeps_hyphen(left, right) else left[:-1] + right


def _line_seam(left: str, right: str) -> str:
    """What goes between two lines of one block: "" after a hyphen, a newline, or a space."""
    if _hyphenated(left) and right[:1].isalnum():
        return ""
    if _STARTS_LINE.match(right) or left.startswith("#"):
        return "\n"
    if len(left) > WRAP_WIDTH and _ends_sentence(left):
        return "\n"
    return " "


def _continues(previous: str, paragraph: str) -> bool:
    """A paragraph break that a page layout made inside a sentence."""
    if _hyphenated(previous) and paragraph[:1].isalpha():
        return True
    return not _ends_sentence(previous) and paragraph[:1].islower()


class PrintNormalizer:
    """Turns lines into paragraphs; ``urls`` collects the lone URL lines it dropped."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def _is_furniture(self, line: str) -> bool:
        url = LONE_URL.match(line)
        if url:
            self.urls.append(url.group(1))
            return True
        return bool(PAGE_FURNITURE.match(line))

    def _lines(self, lines: Iterable[str]) -> Iterator[str]:
        """Cleaned lines; "" marks a blank line. Furniture is left out."""
        for raw in lines:
            for line in raw.rstrip("\r\n").replace("\f", "\n").split("\n"):
                line = " ".join(line.split()) if "  " in line or "\t" in line else line.strip()
                if not line or not self._is_furniture(line):
                    yield line

    def _blocks(self, lines: Iterable[str]) -> Iterator[str]:
        pieces: list[str] = []  # joined once per block: no quadratic string growth
        for line in self._lines(lines):
            if not line:
                if pieces:
                    yield "".join(pieces)
                pieces = []
                continue
            if pieces:
                previous = pieces[-1]
                seam = _line_seam(previous, line)
                if seam == "" and not _keeps_hyphen(previous, line):
                    pieces[-1] = previous[:-1]
                pieces.append(seam)
            pieces.append(line)
        if pieces:
            yield "".join(pieces)

    def paragraphs(self, lines: Iterable[str]) -> Iterator[str]:
        """Normalised paragraphs, in order."""
        pending: str | None = None
        for block in self._blocks(lines):
            if pending is not None and _continues(pending, block):
                pending = (join_hyphenated(pending, block) if _hyphenated(pending)
                           else pending + " " + block)
                continue
            if pending is not None:
                yield pending
            pending = block
        if pending is not None:
            yield pending


def normalize_print_text(text: str) -> str:
    """The whole normalisation on a string (for small inputs)."""
    return "\n\n".join(PrintNormalizer().paragraphs(text.splitlines()))
