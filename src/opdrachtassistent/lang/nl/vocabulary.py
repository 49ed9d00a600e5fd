"""Dutch vocabularies: themes, kaders (frameworks) and instruments named in a text.

The tables are data (`tables/themes.py`, `tables/frameworks.py`, `tables/instruments.py`);
words are anchored at their start and end, so "groente" is no "groen".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from opdrachtassistent.commission import Theme
from opdrachtassistent.lang.nl.tables.frameworks import FRAMEWORKS
from opdrachtassistent.lang.nl.tables.instruments import INSTRUMENTS
from opdrachtassistent.lang.nl.tables.themes import THEME_PATTERNS
from opdrachtassistent.lang.nl.text import clean, dispatch, fold


def _compile_vocab(vocab: dict[str, tuple[str, ...]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(r"(?<![a-z0-9])(?:" + "|".join(pats) + r")(?![a-z0-9])"))
        for name, pats in vocab.items()
    )


@dataclass(frozen=True)
class _Vocab:
    """All patterns of a vocabulary in one scan; the matching group names the entry."""

    names: tuple[str, ...]
    owner: tuple[int, ...]  # group index -> index in names
    rx: re.Pattern[str]

    @classmethod
    def build(cls, vocab: dict[str, tuple[str, ...]]) -> _Vocab:
        names = tuple(vocab)
        flat = [(i, p) for i, name in enumerate(names) for p in vocab[name]]
        rx = re.compile(r"(?<![a-z0-9])" + dispatch(p for _, p in flat) + r"(?![a-z0-9])")
        return cls(names, tuple(i for i, _ in flat), rx)

    def find(self, f: str) -> list[str]:
        """Names in order of first occurrence; a match inside a longer one counts too."""
        seen: dict[int, int] = {}
        pos = 0
        while pos <= len(f):
            m = self.rx.search(f, pos)
            if m is None or m.lastgroup is None:
                break
            seen.setdefault(self.owner[int(m.lastgroup[1:])], m.start())
            pos = m.start() + 1
        return [self.names[i] for i in sorted(seen, key=lambda i: (seen[i], i))]


_THEME_RES = _compile_vocab({str(k): v for k, v in THEME_PATTERNS.items()})
_FRAMEWORK_VOCAB = _Vocab.build(FRAMEWORKS)
_INSTRUMENT_VOCAB = _Vocab.build(INSTRUMENTS)
_THEME_BY_NAME: dict[str, Theme] = {str(t): t for t in THEME_PATTERNS}


def _ordered(f: str, compiled: Iterable[tuple[str, re.Pattern[str]]]) -> list[str]:
    """Names whose pattern occurs, by first occurrence (ties: table order)."""
    found: list[tuple[int, int, str]] = []
    for i, (name, rx) in enumerate(compiled):
        m = rx.search(f)
        if m:
            found.append((m.start(), i, name))
    found.sort()
    return [name for _, _, name in found]


def find_themes(text: str) -> list[Theme]:
    """The themes the text touches, in order of first appearance, each once.

    "afkoppelen" counts for riolering and klimaatadaptatie (it is both); words are anchored
    at their start and end, so "groente" is no "groen" and "trioolen" no "riool".
    """
    try:
        names = _ordered(fold(clean(text)), _THEME_RES)
        return [_THEME_BY_NAME[n] for n in names]
    except Exception:
        return []


def find_frameworks(text: str) -> list[str]:
    """Canonical names (keys of `FRAMEWORKS`) of the kaders the text names, in order."""
    try:
        return _FRAMEWORK_VOCAB.find(fold(clean(text)))
    except Exception:
        return []


def find_instruments(text: str) -> list[str]:
    """Canonical names (keys of `INSTRUMENTS`) of the instruments the text names, in order."""
    try:
        return _INSTRUMENT_VOCAB.find(fold(clean(text)))
    except Exception:
        return []
