"""Dutch vocabularies: themes, kaders (frameworks) and instruments named in a text.

The tables are data (`tables/themes.py`, `tables/frameworks.py`, `tables/instruments.py`);
words are anchored at their start and end, so "groente" is no "groen". A theme needs
evidence that the work touches it: its word in a sentence about the work or its goal, not
about hinder, planning, communication or who takes part (`cues/themes.py`), and not in the
name of a department or a policy document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from opdrachtassistent.commission import Theme
from opdrachtassistent.lang.nl.cues import themes as cues
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


# Sentence ends only: a side role carries over a semicolon ("afgesloten; fietsers kunnen
# er langs").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def find_themes(text: str) -> list[Theme]:
    """The themes the work in the text touches, in order of first appearance, each once.

    "afkoppelen" counts for riolering and klimaatadaptatie (it is both); words are anchored
    at their start and end, so "groente" is no "groen" and "trioolen" no "riool". "De
    straat is afgesloten voor fietsers" or "afdelingshoofd Mobiliteit" adds nothing.
    """
    try:
        raw = clean(text)
        folded = _blank(fold(raw), _not_the_work(raw))
        found: dict[str, tuple[int, int]] = {}
        start = 0
        for end in [m.start() for m in _SENTENCE_END.finditer(folded)] + [len(folded)]:
            for key, spot in _themes_of(folded[start:end]).items():
                found.setdefault(key, (start + spot[0], spot[1]))
            start = end
        return [_THEME_BY_NAME[n] for n in sorted(found, key=lambda n: found[n])]
    except Exception:
        return []


def _not_the_work(raw: str) -> list[tuple[int, int]]:
    """Spans that name who or what rules the work rather than the work: departments and
    portfolios ("afdelingshoofd Mobiliteit"), policy documents ("het Verkeersplan")."""
    spans = [m.span(1) for m in cues.DEPARTMENT.finditer(raw)]
    folded = fold(raw)
    return spans + [m.span() for m in _FRAMEWORK_VOCAB.rx.finditer(folded)]


def _blank(folded: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(folded)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _themes_of(sentence: str) -> dict[str, tuple[int, int]]:
    """Theme -> (position, table order) of its first word that counts in one sentence."""
    out: dict[str, tuple[int, int]] = {}
    if cues.NOT_IN_SCOPE.search(sentence):
        return out  # "het riool blijft liggen": the work leaves it alone
    side = _is_side_sentence(sentence)
    for i, (name, rx) in enumerate(_THEME_RES):
        for m in rx.finditer(sentence):
            if not side or _tied_to_work(sentence, m):
                out[name] = (m.start(), i)
                break
    return out


def _is_side_sentence(sentence: str) -> bool:
    """About hinder, planning, communication or who takes part, not about the work."""
    roles = [role for role, rx in cues.SIDE_ROLES.items() if rx.search(sentence)]
    if cues.PARTY_ROLES.search(sentence):
        roles.append("involvement")
    if roles == ["involvement"] * len(roles) and cues.WORK_VERB.search(sentence):
        return False  # the parties do the work: "samen met Enexis vervangen we het riool"
    return bool(roles)


def _tied_to_work(sentence: str, m: re.Match[str]) -> bool:
    """The theme word is the object of the work: "vervanging van het riool", "de
    rioolwerkzaamheden", "het riool wordt vervangen"."""
    return bool(
        cues.WORK_IN_WORD.search(m.group())
        or cues.WORK_BEFORE.search(sentence[max(0, m.start() - 60) : m.start()])
        or cues.WORK_AFTER.match(sentence[m.end() : m.end() + 60])
    )


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
