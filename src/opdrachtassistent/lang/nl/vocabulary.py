"""Dutch vocabularies: themes, kaders (frameworks) and instruments named in a text.

The tables are data (`tables/themes.py`, `tables/frameworks.py`, `tables/instruments.py`);
words are anchored at their start and end, so "groente" is no "groen". A theme needs
evidence that the work touches it: its word in a sentence about the work or its goal, not
about hinder, planning, communication or who takes part (`cues/themes.py`), and not in the
name of a department or a policy document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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
        folded = fold(raw)
        starts = [0] + [m.end() for m in _SENTENCE_END.finditer(folded)]
        ends = [*starts[1:], len(folded)]
        seen: dict[int, _Sentence] = {}  # read lazily: only sentences with a theme word
        found: list[tuple[int, int, str]] = []
        for i, (name, rx) in enumerate(_THEME_RES):
            for m in rx.finditer(folded):
                k = bisect_right(starts, m.start()) - 1
                if k not in seen:
                    seen[k] = _Sentence.read(raw[starts[k] : ends[k]], folded[starts[k] : ends[k]])
                if seen[k].counts(m.start() - starts[k], m):
                    found.append((m.start(), i, name))
                    break
        return [_THEME_BY_NAME[n] for _, _, n in sorted(found)]
    except Exception:
        return []


@dataclass(frozen=True)
class _Sentence:
    """One sentence as theme evidence: its folded text, its role and the spans that name
    who or what rules the work rather than the work (departments, policy documents)."""

    folded: str
    status: int  # 0 about the work, 1 about something around it, 2 what it leaves alone
    masked: tuple[tuple[int, int], ...]

    @classmethod
    def read(cls, raw: str, folded: str) -> _Sentence:
        masked = [m.span(1) for m in cues.DEPARTMENT.finditer(raw)]
        masked += [m.span() for m in _FRAMEWORK_VOCAB.rx.finditer(folded)]
        return cls(folded, _status(folded), tuple(masked))

    def counts(self, at: int, m: re.Match[str]) -> bool:
        if self.status == 2 or any(a <= at < b for a, b in self.masked):
            return False
        return self.status == 0 or _tied_to_work(self.folded, at, m)


def _status(sentence: str) -> int:
    """0: about the work; 1: about something around it (a theme word there counts only as
    the object of the work); 2: about what the work leaves alone ("het riool blijft
    liggen")."""
    if cues.NOT_IN_SCOPE.search(sentence):
        return 2
    return 1 if _is_side_sentence(sentence) else 0


def _is_side_sentence(sentence: str) -> bool:
    """About hinder, planning, communication or who takes part, not about the work."""
    roles = [role for role, rx in cues.SIDE_ROLES.items() if rx.search(sentence)]
    if cues.PARTY_ROLES.search(sentence):
        roles.append("involvement")
    if roles == ["involvement"] * len(roles) and cues.WORK_VERB.search(sentence):
        return False  # the parties do the work: "samen met Enexis vervangen we het riool"
    return bool(roles)


def _tied_to_work(sentence: str, at: int, m: re.Match[str]) -> bool:
    """The theme word (at `at` in the sentence) is the object of the work: "vervanging van
    het riool", "de rioolwerkzaamheden", "het riool wordt vervangen"."""
    end = at + len(m.group())
    return bool(
        cues.WORK_IN_WORD.search(m.group())
        or cues.WORK_BEFORE.search(sentence[max(0, at - 60) : at])
        or cues.WORK_AFTER.match(sentence[end : end + 60])
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
