"""Text preparation shared by the Dutch rules: folding, cleaning, one fast alternation.

Matching is case- and accent-insensitive: `fold` maps the text to lower case without
diacritics *keeping its length*, so a span found in the folded text is the same span in
the original (needed to keep names as written: "wethouder De Vries").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

MAX_TEXT = 200_000  # longer input is cut: nobody answers a question with more

# --------------------------------------------------------------------------- folding


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x41, 0x2500):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        low = base.lower()
        if len(low) == 1 and low != ch:
            table[cp] = low
    for cp in (0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4):
        table[cp] = "'"
    for cp in (0x201C, 0x201D, 0x201E):
        table[cp] = '"'
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212):
        table[cp] = "-"
    for cp in (0x00A0, 0x202F, 0x2007, 0x2009, 0x200A, 0x2002, 0x2003, 0x2004, 0x2005):
        table[cp] = " "
    return table


_FOLD_TABLE = _build_fold_table()


def fold(text: str) -> str:
    """Lower case, no diacritics, typographic quotes/dashes/spaces made plain; same length."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def clean(text: object) -> str:
    """The text to work on: always a str, cut to `MAX_TEXT`."""
    if not isinstance(text, str):
        return ""
    return text[:MAX_TEXT]


def tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" \t\n,;:.-")


def dispatch(patterns: Iterable[str], prefix: str = "g") -> str:
    """One alternation of named groups `{prefix}{i}`, bucketed by first letter.

    Python's re tries alternatives one by one; a lookahead on the first letter lets it skip
    whole buckets, which keeps a scan over a few hundred patterns well under a millisecond.
    """
    buckets: dict[str, list[str]] = {}
    wild: list[str] = []
    for i, p in enumerate(patterns):
        group = f"(?P<{prefix}{i}>{p})"
        if re.match(r"[a-z0-9](?![?*{])", p):
            buckets.setdefault(p[0], []).append(group)
        else:
            wild.append(group)
    branches = [f"(?={c})(?:{'|'.join(gs)})" for c, gs in buckets.items()]
    return "(?:" + "|".join([*branches, *wild]) + ")"
