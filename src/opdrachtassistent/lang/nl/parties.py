"""Dutch parties: organisations and groups named in a text, with their kind.

Names are kept as written with their qualifier ("waterschap De Dommel"). The kinds, their
words, labels, usual roles and map scores are one table (`tables/parties.py`); every
consumer (extraction, interview, review, stakeholder map) reads it through this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from opdrachtassistent.lang.nl.names import (
    PERSON_NAME_RE,
    ROLE_RE,
    commissioner_mentions,
    name_after,
    pick_commissioner,
)
from opdrachtassistent.lang.nl.tables.parties import (
    CASED_NAMES,
    KINDS,
    NEEDS_QUALIFIER_WORDS,
    OF_QUALIFIER,
    SINGLE_ORG,
    PartyKind,
)
from opdrachtassistent.lang.nl.tables.party_lists import (
    BRANCH_WORDS,
    CONTRACTOR_WORDS,
    ITEM_LEADS,
    LEGAL_SUFFIXES,
    LIST_AFTER_CUE,
    LIST_BEFORE_CUE,
    LIST_BEFORE_LEAD,
    LIST_LABELS,
    NOT_BRANDS,
    NOT_PARTY_WORDS,
    OWN_ORGANISATION,
    PARTY_HEAD_SUFFIXES,
    PERSON_FUNCTIONS,
    PLACE_SUFFIXES,
    PLURAL_HEADS,
    SALUTATION,
    VERB_WORDS,
)
from opdrachtassistent.lang.nl.tables.people import HONORIFICS
from opdrachtassistent.lang.nl.text import clean, dispatch, fold, tidy
from opdrachtassistent.lang.nl.vocabulary import find_frameworks, find_instruments, find_themes


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


_KNOWN_NAME = re.compile("|".join(PARTY_NAMES))
_LEADING_PARTICLES = re.compile(r"^(?:(?:van|de|der|den|het|'t)\s+)+")
# A company by its legal form: "Van den Berg Infra BV", "Heijmans N.V." (original text).
_COMPANY_RE = re.compile(
    r"(?<![\w.])(?P<name>" + PERSON_NAME_RE + r")[ \t]+" + LEGAL_SUFFIXES + r"(?![\w])"
)
_CONTRACTOR_RE = re.compile(CONTRACTOR_WORDS)
_PLACE_NAME = re.compile(r"^\s*(?:(?:de|het|voor|op|in)\s+)+[A-Z]\w*" + PLACE_SUFFIXES + r"\s*$")
# The names after a plural head: "Baarn en Soest", "Zeist, De Bilt en Bunnik".
_LIST_JOIN = re.compile(r"[ \t]*(?:,|\ben\b|\bof\b)(?=[ \t]+[A-Z])")

_BRANCH = re.compile(r"[ \t]+" + BRANCH_WORDS + r"(?=[ \t]+[A-Z])")
_NAME_TAKES_PLACE = re.compile(r"(?:stichting|bond|vereniging|federatie)$")
_SALUTATION = re.compile(SALUTATION, re.MULTILINE)
_Hit = tuple[int, int, str, bool, str | None]  # start, end, kind, qualified, name if not as written


def _qualified_end(orig: str, end: int, kind: str) -> int:
    """The end of the name after a kind noun; "en" only inside a known name ("Aa en Maas"):
    "Hoogheemraadschap van Rijnland en Vidomes" is two parties."""
    if kind not in ("waterschap", "gemeente", "buurgemeente"):
        return name_after(orig, end)
    with_en = name_after(orig, end, allow_en=True)
    qualifier = _LEADING_PARTICLES.sub("", fold(orig[end:with_en]).strip())
    if " en " not in qualifier or _KNOWN_NAME.fullmatch(qualifier):
        return with_en
    return name_after(orig, end)


def _plural_names(orig: str, f: str, start: int, end: int, kind: str) -> list[_Hit]:
    """ "de gemeenten Baarn en Soest": one party per name, each named by the singular."""
    head = PLURAL_HEADS.get(f[start:end])
    if head is None:
        return []
    hits: list[_Hit] = []
    pos = end
    while True:
        name_end = name_after(orig, pos)
        if name_end == pos:
            break
        hits.append((pos, name_end, kind, True, f"{head} {tidy(orig[pos:name_end])}"))
        join = _LIST_JOIN.match(orig, name_end)
        if not join:
            break
        pos = join.end()
    return hits


def _with_branch(orig: str, f: str, hit: _Hit) -> _Hit:
    """A named party with its branch or place: "Fietsersbond afdeling Zeist",
    "Bomenstichting Wageningen"."""
    start, end, kind, qualified, written = hit
    if written is not None or not qualified:
        return hit
    branch = _BRANCH.match(orig, end)
    if branch:
        end = max(end, name_after(orig, branch.end()))
    elif _NAME_TAKES_PLACE.search(f[start:end]):
        end = name_after(orig, end)
    return start, end, kind, qualified, written


def _party_hits(orig: str, f: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _PARTY_RE.finditer(f):
        if m.lastgroup is None:  # pragma: no cover - every alternative is a group
            continue
        _, kind, is_name = _PARTY_ENTRIES[int(m.lastgroup[1:])]
        word = m.group()
        if is_name:
            written = orig[m.start() : m.end()]
            if word in CASED_NAMES and not (written[:2].isupper() or written.istitle()):
                continue
            hits.append((m.start(), name_after(orig, m.end()), kind, True, None))
            continue  # "Vattenfall InCharge", "Enexis Netbeheer"
        end = m.end()
        plural = _plural_names(orig, f, m.start(), end, kind)
        if plural:
            hits.extend(plural)
            continue
        name_end = _qualified_end(orig, end, kind)
        if kind not in OF_QUALIFIER and _PLACE_NAME.search(orig[end:name_end]):
            name_end = end  # "de gemeente de Thijstraat ...": a street, not a name
        if name_end == end and kind in OF_QUALIFIER:
            of = _OF_RE.match(orig, end)
            if of:
                name_end = max(end, name_after(orig, of.end()))
                if name_end == of.end():
                    name_end = end
        if name_end > end:
            hits.append((m.start(), name_end, kind, True, None))
        elif word.split()[0] not in NEEDS_QUALIFIER_WORDS:
            hits.append((m.start(), end, kind, False, None))
    for m in _COMPANY_RE.finditer(orig):
        hits.append((m.start(), m.end(), "bedrijf", True, None))
    hits = [
        (h[0], h[1], "aannemer", *h[3:])
        if h[2] == "bedrijf" and _CONTRACTOR_RE.search(f[h[0] : h[1]])
        else h
        for h in hits
    ]
    hits = [_with_branch(orig, f, h) for h in hits]
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    chosen: list[_Hit] = []
    last_end = -1
    for h in hits:
        if h[0] >= last_end:
            chosen.append(h)
            last_end = h[1]
        elif h[1] > last_end and h[3] and chosen and chosen[-1][2] == "aannemer" == h[2]:
            chosen[-1] = (chosen[-1][0], h[1], h[2], True, None)  # "aannemer X" + " BV"
            last_end = h[1]
    return chosen


HEADER_LINES, FOOTER_LINES, MIN_DOCUMENT_LINES = 3, 4, 5
SIGNATURE_WORDS = 6  # a longer closing line is body text, not a signature
HEADING_WORDS = 8  # a longer opening line is body text, not a heading


def _elsewhere(orig: str, name: str) -> bool:
    """Whether a named gemeente is another municipality than the writer's: in a document
    (a letter, a mail, minutes) the writer's own one stands in its heading or signature."""
    lines = [line for line in orig.splitlines() if line.strip()]
    if len(lines) < MIN_DOCUMENT_LINES or not name.casefold().startswith("gemeente "):
        return False
    place = fold(name.split(" ", 1)[1])
    header = [line for line in lines[:HEADER_LINES] if len(line.split()) <= HEADING_WORDS]
    footer = [line for line in lines[-FOOTER_LINES:] if len(line.split()) <= SIGNATURE_WORDS]
    own = fold(" ".join(header + footer))
    return place not in own


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
        for start, end, kind, qualified, written in _party_hits(orig, f):
            if og_span and start < og_span[1] and og_span[0] < end:
                continue
            if kind == "raad" and og and og.marked and "raad" in og.role:
                continue
            name = written or _ARTICLE.sub("", tidy(orig[start:end]))
            usable.append((kind, qualified, name))
        named: dict[str, list[str]] = {}
        for kind, qualified, name in usable:
            if qualified:
                named.setdefault(kind, []).append(fold(name))
        greeted = _SALUTATION.search(f)
        if greeted:
            who = greeted["who"]
            usable.insert(
                0,
                (
                    "bewoners" if who.startswith("bewoner") else who,
                    False,
                    who if who.endswith(("s", "n")) else who + "s",
                ),
            )
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
            if kind == "gemeente" and qualified and _elsewhere(orig, name):
                kind = "buurgemeente"
            parties.append(Party(name=name, kind=kind))
        return parties
    except Exception:
        return []


# --------------------------------------------------------------------------- brands

_BRAND = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+[A-Z][a-z][\w]*|[a-z]{2,}[A-Z][a-z][\w]*)(?![\w-])")
_NOT_BRAND = re.compile("(?:" + "|".join(NOT_BRANDS) + ")$")
MIN_BRAND = 6


def find_brands(text: str) -> list[Party]:
    """Organisations written as a brand, with a capital inside the word ("deltaWonen",
    "WarmteStad", "MyWheels"): a party wherever it stands; kind from its words or ""."""
    try:
        orig = clean(text)
        out: list[Party] = []
        for m in _BRAND.finditer(orig):
            word = m.group()
            if len(word) < MIN_BRAND or _NOT_BRAND.match(fold(word)):
                continue
            if find_frameworks(word) or find_instruments(word) or word in (p.name for p in out):
                continue
            out.append(Party(name=word, kind=kind_of(None, word) or ""))
        return out
    except Exception:
        return []


# --------------------------------------------------------------------------- lists


def _alternation(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(words) + ")"


_LABEL_LINE = re.compile(
    r"(?:^|(?<=[.!?] ))[ \t]*(?:[-*\u2022#>]+[ \t]*)?"
    + _alternation(LIST_LABELS)
    + r"[ \t]*:[ \t]*(.+)$",
    re.MULTILINE,
)
_AFTER_CUE = re.compile(r"\b" + _alternation(LIST_AFTER_CUE) + r"\b[ \t]*:?")
_BEFORE_CUE = re.compile(r"\b" + _alternation(LIST_BEFORE_CUE) + r"\b(?=[ \t]*(?:[.;!?\n]|$))")
_CLAUSE_END = re.compile(r"[.;!?\n]|:(?!\S)")
_ITEM_SEP = re.compile(r"[ \t]*(?:[,;\n/]|\s-\s|\b(?:en|of|plus|alsmede|evenals)\b)[ \t]*")
_ITEM_LEAD = re.compile(r"^" + ITEM_LEADS, re.IGNORECASE)
_ITEM_TAIL = re.compile(
    r"\s*(?:\(|:|\u2013|\u2014|\s-\s|\b(?:als|vanwege|voor|om|i\.?v\.?m\.?|in verband met|"
    r"die|dat|want|omdat|over)\b).*$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_PARTY = re.compile(r"^" + _alternation(NOT_PARTY_WORDS) + r"$")
_VERB = re.compile(r"\b" + _alternation(VERB_WORDS) + r"\b")
_PLACE_WORD = re.compile(r"[A-Z][\w'-]*" + PLACE_SUFFIXES + r"$")
_PERSON_LEAD = re.compile(r"(?:^|\s)(?:" + HONORIFICS + r")(?:\s|$)")
_BEFORE_LEAD = re.compile(LIST_BEFORE_LEAD)
# A capitalised name and what follows it: "Wijdemeren een concessie aanbesteed".
_PROPER_RUN = re.compile(
    r"^[A-Z\u00c0-\u00de][\w'&.-]*(?:\s+(?:(?:van|de|der|den|het|'t|voor|op|aan|en|afdeling)\s+)*"
    r"[A-Z\u00c0-\u00de0-9][\w'&.-]*)*"
)
_NUMBER = re.compile(r"(?<![A-Za-z])\d")
_OF_TAIL = re.compile(r"\s+(?:aan|van|in|op|bij|uit|langs|rond)\s+.*$")
_WORDLIKE = re.compile(r"^[^\W\d_][\w'&.-]*(?:\s+[\w'&.-]+)*$")  # words, not markup or emoji
MAX_ITEM_WORDS = 7  # a longer list item is a sentence, not a name


def _spans(orig: str, f: str) -> list[tuple[int, int]]:
    """The parts of the text that list parties: a labelled line, the clause after a cue
    ("samen met ..."), or the clause before a closing cue ("... willen we aanhaken")."""
    spans = [(m.start(1), m.end(1)) for m in _LABEL_LINE.finditer(f)]
    for m in _AFTER_CUE.finditer(f):
        end = _CLAUSE_END.search(f, m.end())
        spans.append((m.end(), end.start() if end else len(f)))
    for m in _BEFORE_CUE.finditer(f):
        starts = [x.end() for x in _CLAUSE_END.finditer(f, 0, m.start())]
        start = starts[-1] if starts else 0
        leads = [x.end() for x in _BEFORE_LEAD.finditer(f, start, m.start())]
        spans.append((leads[-1] if leads else start, m.start()))
    return spans


def _masked(orig: str, f: str, start: int, end: int) -> str:
    """The span with separators inside a known party's name hidden ("Aa en Maas")."""
    chars = list(orig[start:end])
    for h_start, h_end, *_ in _party_hits(orig[start:end], f[start:end]):
        for i in range(h_start, h_end):
            if chars[i] in ",/" or (chars[i] == "e" and f[start + i : start + i + 3] == "en "):
                chars[i] = "\x00" if chars[i] != "e" else "\x01"
    return "".join(chars)


_BRACKETED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)")
_FUNCTION = re.compile(r"^(?:" + PERSON_FUNCTIONS + r")\b")
_PERSON_BY_FUNCTION = re.compile(r"^(?:" + PERSON_FUNCTIONS + r")\s+(?-i:[A-Z])", re.IGNORECASE)
_PARTY_HEAD = re.compile(PARTY_HEAD_SUFFIXES + r"$")
_OWN = tuple((re.compile(p), kind) for p, kind in OWN_ORGANISATION)


def own_kind(commissioner: str | None) -> str | None:
    """The kind of the writer's own organisation shown by the commissioner's role (a
    dijkgraaf's waterschap, a gedeputeerde's provincie), or None."""
    if not commissioner:
        return None
    f = fold(commissioner)
    return next((kind for rx, kind in _OWN if rx.search(f)), None)


def _item_party(item: str) -> Party | None:
    """A list item as a party, or None when it is plainly not one (a clause, a date or an
    amount, a theme, a document, a place, a person)."""
    bracketed = _BRACKETED.match(tidy(item))
    if bracketed:
        name, inner = tidy(bracketed["name"]), tidy(bracketed["inner"])
        person = len(name.split()) >= 2 and inner[:1].isupper() and not kind_of(None, name)
        if person or _FUNCTION.match(fold(inner)) or _PERSON_LEAD.search(fold(name)):
            # "Jelle Hoekstra (projectleider)": a person; "Anne Bos (Accolade)": her
            # organisation is the party.
            return _item_party(inner) if inner[:1].isupper() else None
    written = _ITEM_LEAD.sub("", tidy(item))
    item = tidy(_ITEM_TAIL.sub("", written))
    proper = _PROPER_RUN.match(item)
    if proper and item[proper.end() :].strip()[:1].islower():
        item = proper.group()  # the name, not the clause it starts
    words = item.split()
    if not words or len(words) > MAX_ITEM_WORDS or len(item) < 2 or not _WORDLIKE.match(item):
        return None
    f = fold(item)
    if _NUMBER.search(item) or _VERB.search(f) or _NOT_PARTY.match(f.split()[0]):
        return None
    if ROLE_RE.match(f) or _PERSON_LEAD.search(f) or _PERSON_BY_FUNCTION.match(item):
        return None  # "wethouder Schouten", "mevrouw Kok", "wijkagent Kamphuis": people
    if _PLACE_WORD.search(item) and not any(w[:1].islower() for w in words[:-1]):
        return None  # "de Dorpsstraat"
    if find_frameworks(item) or find_instruments(item):
        return None
    if item[:1].islower() and find_themes(item):
        return None  # "riolering", "groen": what the work is about
    if not item[:1].isupper() and len(words) == 1 and len(item) < 4:
        return None
    kind = kind_of(None, item) or kind_of(None, written) or ""
    if kind == "gemeente" and len(words) == 1:
        return None  # "gemeente" in a list of those present is the writer's own
    head = fold(_OF_TAIL.sub("", item)).split()[-1]
    if item[:1].islower() and not kind and not _PARTY_HEAD.search(head):
        return None  # "wilgenschermen": a thing; "botenverhuurders": people
    return Party(name=item, kind=kind)


def _widens(item: str, known: Party) -> bool:
    """A capitalised item that holds a found party's name and more ("ZLTO afdeling Veghel"
    around "afdeling Veghel"): the item is the party."""
    return item[:1].isupper() and fold(known.name) in fold(item) and len(item) > len(known.name)


def find_listed_parties(text: str, *, answer: bool = False) -> list[Party]:
    """Parties in enumerations, known or not: after a label ("Betrokken:", "Partners:"), a
    cue ("samen met", "in overleg met", "betrekken") or before a closing cue ("... doet
    mee"); with `answer`, the whole text is such a list (an answer to "wie zijn betrokken?").

    The list is read by its structure (commas, "en", "of", lines, semicolons); each item is a
    party unless it is plainly not one. A named gemeente in a list is another municipality.
    Kinds come from the item's words; "" when nothing says the kind.
    """
    try:
        orig = clean(text)
        f = fold(orig)
        spans = [(0, len(orig))] if answer else _spans(orig, f)
        parties: list[Party] = []
        seen: set[str] = set()
        for start, end in spans:
            found = find_parties(orig[start:end])
            for raw in _ITEM_SEP.split(_masked(orig, f, start, end)):
                piece = raw.replace("\x00", ",").replace("\x01", "e")
                folded = fold(piece).strip()
                if any(folded.startswith(fold(p.name).split(" ", 1)[-1]) for p in found):
                    continue  # "Wijdemeren ..." after "de gemeenten Gooise Meren en"
                known = find_parties(piece)
                whole = _item_party(piece)
                if known and whole and all(_widens(whole.name, k) for k in known):
                    # "de ZLTO afdeling Veghel", "de Koninklijke Horeca afdeling Weert"
                    inside = {fold(k.name) for k in known}
                    found = [p for p in found if fold(p.name) not in inside]
                    kind = next((k.kind for k in known if k.kind != "gemeente"), "")
                    found.append(Party(name=whole.name, kind=kind))
                elif not known and whole:
                    found.append(whole)
            span = f[start:end]
            found.sort(key=lambda p: span.find(fold(p.name)) % (len(span) + 1))
            for party in found:
                if party.kind == "gemeente" and len(party.name.split()) > 1:
                    party = Party(name=party.name, kind="buurgemeente")
                key = fold(party.name)
                if key not in seen:
                    seen.add(key)
                    parties.append(party)
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
