"""User text on its way in and out: cleaned where it enters, bounded, and inert where it is shown.

`clean` drops the characters nobody types on purpose (C0 controls other than tab and newline,
bidi overrides and marks that can make a text read differently than it is stored), so no
store, export or message carries them. `literal` makes text show exactly as typed in
Markdown: no emphasis, link, image, heading or bare-URL autolink. HTML is escaped by each
output itself (`html.escape` in the renderers, the chat view), after `literal`.
`check_length` refuses, in Dutch, a text longer than the one limit for everything a user sends.
"""

from __future__ import annotations

import re

from opdrachtassistent.errors import InputError

# C0 controls except tab (\x09) and newline (\x0a), DEL, the bidi embeddings and overrides
# (U+202A-U+202E), the bidi isolates (U+2066-U+2069) and the left-to-right/right-to-left marks.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\r\n?")

# Inline characters that start markup anywhere in a line: emphasis, code, links and images,
# tables, strikethrough, escapes.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
# Characters that only start markup at the beginning of a line: headings, lists, quotes,
# setext underlines, thematic breaks, numbered lists ("1." / "1)").
_LINE_START = re.compile(r"^(\s*)(?:([#+\-=])|(\d+)([.)]))", re.MULTILINE)
# What a Markdown renderer with autolinks (GFM) turns into a link without brackets.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp)(:)(?=//)|\b(www)(\.)")

# The default of `Settings.max_input_chars`, and what is kept of an uploaded document's text.
MAX_INPUT_CHARS = 200_000

TOO_LONG = (
    "Deze tekst is te lang ({length} tekens; het maximum is {limit}). Er is niets opgeslagen "
    "of veranderd. Kort de tekst in of verdeel hem over meer antwoorden."
)


def clean(text: str) -> str:
    """The text without control and bidi-override characters; line ends as `\\n`."""
    return _UNWANTED.sub("", _NEWLINES.sub("\n", text))


def literal(text: str) -> str:
    """Markdown that renders as exactly this text (HTML is left to the output)."""
    text = _INLINE.sub(r"\\\1", text)
    text = _AUTOLINK.sub(_break_autolink, text)
    return _LINE_START.sub(_escape_line_start, text)


def literal_inline(text: str) -> str:
    """`literal` on one line, for a value inside a sentence or a list item."""
    return literal(" ".join(text.split()))


def check_length(text: str, limit: int) -> None:
    """Raise `InputError` with a Dutch message when `text` is longer than `limit`."""
    if len(text) > limit:
        raise InputError(TOO_LONG.format(length=_dutch_int(len(text)), limit=_dutch_int(limit)))


def _dutch_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _break_autolink(m: re.Match[str]) -> str:
    scheme, mark = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f"{scheme}\\{mark}"


def _escape_line_start(m: re.Match[str]) -> str:
    if m.group(2):
        return f"{m.group(1)}\\{m.group(2)}"
    return f"{m.group(1)}{m.group(3)}\\{m.group(4)}"
