"""Reading text files of unknown encoding as a stream: UTF-8 (with or without BOM), UTF-16 with BOM,
else Windows-1252 (the usual legacy encoding of German text); binary files are refused."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import TextIO

from tracker.errors import InputError

SAMPLE_BYTES = 1 << 20  # the encoding is decided on the first MiB; the rest is streamed
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters that never occur in text (tab, newlines, form feed and ESC aside).
_BINARY_CONTROLS = set(range(0, 32)) - {9, 10, 12, 13, 27}


def detect_encoding(sample: bytes, source: str) -> str:
    """The codec for a file starting with ``sample``; InputError for empty or binary data."""
    for bom, codec in _BOMS:
        if sample.startswith(bom):
            if not sample[len(bom):].strip():
                raise InputError(source, "empty file")
            return codec
    if not sample.strip():
        raise InputError(source, "empty file")
    if _looks_binary(sample):
        raise InputError(source, "binary data, not text (wrong file type?)")
    if _is_utf8(sample):
        return "utf-8"
    return "cp1252"


def _looks_binary(sample: bytes) -> bool:
    head = sample[:65536]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _BINARY_CONTROLS)
    return controls > len(head) * 0.01


def _is_utf8(sample: bytes) -> bool:
    """UTF-8, or mostly UTF-8 with a few broken bytes (those become U+FFFD rather than turning
    every umlaut of the file into cp1252 mojibake)."""
    # The sample may end inside a multi-byte character: an incremental decoder tolerates that.
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    text = decoder.decode(sample, final=len(sample) < SAMPLE_BYTES)
    broken = text.count("\ufffd")
    if not broken:
        return True
    multibyte = sum(1 for char in text if char > "\x7f") - broken
    return multibyte >= 4 * broken


def open_text(path: Path) -> TextIO:
    """Open ``path`` for reading text line by line, in the detected encoding.

    Undecodable bytes later in a large file become U+FFFD instead of failing the whole file.
    """
    try:
        with path.open("rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except OSError as err:
        raise InputError(str(path), f"cannot read ({err.strerror or err})") from None
    codec = detect_encoding(sample, str(path))
    return path.open("r", encoding=codec, errors="replace", newline=None)
