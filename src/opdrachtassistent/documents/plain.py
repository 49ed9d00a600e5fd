"""Plain text (.txt, .md): the bytes decoded with the encodings Dutch offices actually use.

UTF-8 (with or without a byte-order mark) first, then Windows-1252 (Notepad's "ANSI", the
encoding of older municipal exports); UTF-16 when it carries a byte-order mark.
"""

from __future__ import annotations

import re

from opdrachtassistent.documents import texts
from opdrachtassistent.errors import DocumentError

ENCODINGS = ("utf-8-sig", "cp1252")  # utf-8-sig reads plain UTF-8 too
_LIST_ITEM = re.compile(r"^([-*+•]|\d+[.)])\s")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 kB: not text."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a text file as text with `\\n` line ends, or `DocumentError` in Dutch."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return normalise_newlines(data.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise DocumentError(texts.BROKEN_UTF16.format(name=name)) from exc
    if looks_binary(data):
        raise DocumentError(texts.BINARY.format(name=name))
    for encoding in ENCODINGS:
        try:
            return normalise_newlines(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise DocumentError(texts.UNKNOWN_ENCODING.format(name=name))


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, with soft line breaks inside a block joined by spaces
    (a block that is all list items keeps its lines)."""
    result: list[str] = []
    for block in re.split(r"\n\s*\n", normalise_newlines(text)):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        is_list = all(_LIST_ITEM.match(line) for line in lines)
        result.append("\n".join(lines) if is_list else " ".join(lines))
    return result
