"""Dutch parties: organisations and groups named in a text, with their kind.

Names are kept as written with their qualifier ("waterschap De Dommel"). The kinds, their
words, labels, usual roles and map scores are one table (`tables/parties.py`); every
consumer (extraction, interview, review, stakeholder map) reads it through this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from opdrachtassistent.lang.nl.names import commissioner_mentions, name_after, pick_commissioner
from opdrachtassistent.lang.nl.tables.parties import (
    CASED_NAMES,
    KINDS,
    NEEDS_QUALIFIER_WORDS,
    OF_QUALIFIER,
    SINGLE_ORG,
    PartyKind,
)
from opdrachtassistent.lang.nl.text import clean, dispatch, fold, tidy


@dataclass(frozen=True)
class Party:
    """An organisation or group named in the text; `name` as written, `kind` from PARTY_KINDS."""

    name: str
    kind: str
    role: str | None = None


# Generic nouns per kind and proper names with their kind (folded regex): views of KINDS.
PARTY_GENERIC: dict[str, tuple[str, ...]] = {k: v["nouns"] for k, v in KINDS.items() if v["nouns"]}
PARTY_NAMES: dict[str, str] = {name: k for k, v in KINDS.items() for name in v["names"]}
# The kinds `find_parties` can emit.
PARTY_KINDS: tuple[str, ...] = tuple(k for k, v in KINDS.items() if v["nouns"] or v["names"])
# One alternation over all party patterns (proper names first, so "waterbedrijf Groningen"
# wins over "waterbedrijf"); the group that matched tells the kind.
_PARTY_ENTRIES: tuple[tuple[str, str, bool], ...] = (
    *((p, kind, True) for p, kind in PARTY_NAMES.items()),
    *((p, kind, False) for kind, pats in PARTY_GENERIC.items() for p in pats),
)
_PARTY_RE = re.compile(
    r"(?<![\w-])" + dispatch((p for p, _, _ in _PARTY_ENTRIES), "p") + r"(?![\w-])"
)
_OF_RE = re.compile(
    r"[ \t]+(?:van|uit|aan|in|rond|langs|op|bij|rondom)(?:[ \t]+(?:de|het|'t))?(?=[ \t]+[A-Z])"
)
_ARTICLE = re.compile(r"^(?:de|het|'t|een|onze|alle|die|deze)\s+(?=(?-i:[a-z]))", re.IGNORECASE)


def _party_hits(orig: str, f: str) -> list[tuple[int, int, str, bool]]:
    hits: list[tuple[int, int, str, bool]] = []
    for m in _PARTY_RE.finditer(f):
        if m.lastgroup is None:  # pragma: no cover - every alternative is a group
            continue
        _, kind, is_name = _PARTY_ENTRIES[int(m.lastgroup[1:])]
        word = m.group()
        if is_name:
            written = orig[m.start() : m.end()]
            if word in CASED_NAMES and not (written[:2].isupper() or written.istitle()):
                continue
            hits.append((m.start(), m.end(), kind, True))
            continue
        end = m.end()
        name_end = name_after(orig, end, allow_en=kind in ("waterschap", "gemeente"))
        if name_end == end and kind in OF_QUALIFIER:
            of = _OF_RE.match(orig, end)
            if of:
                name_end = max(end, name_after(orig, of.end()))
                if name_end == of.end():
                    name_end = end
        if name_end > end:
            hits.append((m.start(), name_end, kind, True))
        elif word.split()[0] not in NEEDS_QUALIFIER_WORDS:
            hits.append((m.start(), end, kind, False))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    chosen: list[tuple[int, int, str, bool]] = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            chosen.append(h)
            last_end = h[1]
    return chosen


def find_parties(text: str) -> list[Party]:
    """Organisations and groups named in the text, in order, each once.

    Names are kept as written with their qualifier ("waterschap De Dommel", "bewoners van
    de Kerkstraat"); a bare generic noun next to a named party of the same kind is the
    same party ("Enexis, de netbeheerder"). The body marked as opdrachtgever is not a party.
    """
    try:
        orig = clean(text)
        f = fold(orig)
        og = pick_commissioner(commissioner_mentions(orig, f))
        og_span = (og.start, og.end) if og and og.marked else None
        usable: list[tuple[str, bool, str]] = []
        for start, end, kind, qualified in _party_hits(orig, f):
            if og_span and start < og_span[1] and og_span[0] < end:
                continue
            if kind == "raad" and og and og.marked and "raad" in og.role:
                continue
            usable.append((kind, qualified, _ARTICLE.sub("", tidy(orig[start:end]))))
        named: dict[str, list[str]] = {}
        for kind, qualified, name in usable:
            if qualified:
                named.setdefault(kind, []).append(fold(name))
        parties: list[Party] = []
        keys: set[tuple[str, str]] = set()
        for kind, qualified, name in usable:
            key = (kind, fold(name).rstrip("s"))
            if key in keys:
                continue
            if not qualified and kind in named:
                word = fold(name)
                if kind in SINGLE_ORG or any(word in n for n in named[kind]):
                    continue
            keys.add(key)
            parties.append(Party(name=name, kind=kind))
        return parties
    except Exception:
        return []


# --------------------------------------------------------------------------- kinds

_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile("|".join(v["cues"]))) for kind, v in KINDS.items()
)
_BY_LABEL: dict[str, str] = {v["label"]: k for k, v in KINDS.items()}


def kinds_in(text: str | None) -> list[str]:
    """Every kind whose cue words occur in `text` (a kind, name or role), in table order."""
    if not text:
        return []
    padded = f" {fold(clean(text)).strip()} "
    return [kind for kind, rx in _CUES if rx.search(padded)]


def kind_of(kind: str | None, name: str = "") -> str | None:
    """The known kind of party that `kind` (or else `name`) names, or None.

    A kind or label written as in the table counts as itself ("Waterschap", "school");
    otherwise the first kind whose cue words occur ("Hoogheemraadschap van Delfland").
    """
    for text in (kind, name):
        if not text:
            continue
        word = fold(clean(text)).strip()
        if word in KINDS:
            return word
        if word in _BY_LABEL:
            return _BY_LABEL[word]
        found = kinds_in(text)
        if found:
            return found[0]
    return None


def party_kind(kind: str) -> PartyKind:
    """The table row of a known kind (see `kind_of`); KeyError for an unknown one."""
    return KINDS[kind]


class _ByKind(Mapping[str, str]):
    """One field of the kind table, looked up by any way of writing the kind."""

    def __init__(self, value: str) -> None:
        self._value = value

    def __getitem__(self, key: str) -> str:
        kind = kind_of(key)
        if kind is None:
            raise KeyError(key)
        row: Mapping[str, object] = KINDS[kind]
        return str(row[self._value])

    def __iter__(self) -> Iterator[str]:
        return iter(KINDS)

    def __len__(self) -> int:
        return len(KINDS)


# The usual role per kind; "hoogheemraadschap" or "Waterschap" find the waterschap's role.
DEFAULT_ROLES: Mapping[str, str] = _ByKind("role")
