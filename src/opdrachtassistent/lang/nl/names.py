"""Dutch names of people and bodies: the opdrachtgever and its level.

Names after a role are kept as written, with tussenvoegsels ("wethouder van der Berg").
Every public function returns None when the text does not say it, and never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from opdrachtassistent.commission import Level
from opdrachtassistent.lang.nl.tables.levels import (
    AMBTELIJK_WORDS,
    BESTUURLIJK_WORDS,
    DEPARTMENT_WORDS,
)
from opdrachtassistent.lang.nl.tables.people import (
    COMMISSIONER_ROLES,
    HONORIFICS,
    NOT_NAMES,
    PERSON_ROLES,
    TUSSENVOEGSELS,
)
from opdrachtassistent.lang.nl.text import clean, dispatch, fold, tidy

# A capitalised word, a brand with a lower-case start ("deltaWonen") or a compound split
# by "- en" ("Grond- en Wegenbouw").
_CAPWORD = (
    r"(?!(?:" + NOT_NAMES + r")\b)(?:[A-Z\u00C0-\u00DE][\w'’&\-]*|[a-z]{2,}[A-Z][\w'’&\-]*)"
    r"(?:(?<=-)[ \t]+en[ \t]+[A-Z\u00C0-\u00DE][\w'’&\-]*)?"
)
# "in Kotten", "op Texel" after a noun say where, not who: a name starts with one of these
# only with a second particle ("in 't Veld", "op den Brouw").
_PLACE_PREPOSITION = r"(?!(?:in|op|uit|voor)[ \t]+[A-Z])"


def _name_re(joiners: str) -> re.Pattern[str]:
    """Up to four capitalised words, with tussenvoegsels (or `joiners`) between them."""
    between = f"(?:{TUSSENVOEGSELS}{joiners})"
    return re.compile(
        rf"[ \t]+{_PLACE_PREPOSITION}((?:{TUSSENVOEGSELS}[ \t]+){{0,3}}{_CAPWORD}"
        rf"(?:[ \t]+(?:{between}[ \t]+){{0,3}}{_CAPWORD}){{0,3}})"
    )


_NAME_RE = _name_re("")
_NAME_EN_RE = _name_re("|en|&")  # "Baarn en Soest" may be one name where a list allows it


def name_after(orig: str, pos: int, *, allow_en: bool = False) -> int:
    """End of a capitalised name (with tussenvoegsels) right after `pos`, else `pos`."""
    m = (_NAME_EN_RE if allow_en else _NAME_RE).match(orig, pos)
    return m.end() if m else pos


# Appositions that put a person beside a role: "wethouder Wonen, mevrouw De Boer",
# "portefeuillehouder Sport, wethouder Yilmaz" (after the role), "mw. Kok, teamleider Wegen"
# and "J. Kok (teamleider Wegen)" (before it). Matched on the original text.
_HONORIFIC = r"(?i:" + HONORIFICS + r")"
_INITIALS = r"(?:[A-Z]\.[ \t]?)"
_APPOS_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*)?" + _HONORIFIC + r"(?=[ \t])"
    r"|[ \t]*,[ \t]*(?P<role2>(?i:(?:de[ \t]+)?" + PERSON_ROLES + r"))(?=[ \t])"
)
_PERSON_NAME = (
    r"(?:(?:"
    + TUSSENVOEGSELS
    + r")[ \t]+){0,3}"
    + _CAPWORD
    + r"(?:[ \t]+(?:(?:"
    + TUSSENVOEGSELS
    + r")[ \t]+){0,3}"
    + _CAPWORD
    + r"){0,2}"
)
PERSON_NAME_RE = _PERSON_NAME  # shared with `parties` for company names
_PERSON_BEFORE = re.compile(
    r"(?:^|(?<=[\s(:]))(?:"
    + _HONORIFIC
    + r"[ \t]+"
    + _INITIALS
    + r"{0,3}|"
    + _INITIALS
    + r"{1,3})[ \t]*(?P<name>"
    + _PERSON_NAME
    + r")[ \t]*[,(][ \t]*(?i:(?:de|het)[ \t]+)?$"
)
# A body that commissions, with its members: "het bestuurlijk overleg van drie wethouders
# en de gedeputeerde is opdrachtgever" is the body, not its last member (folded text).
_BODY_MEMBERS = re.compile(
    r"[ \t]+(?:van|met|uit|bestaande uit|waarin|namens)\b[^.;!?\n]{3,100}?"
    r"(?=[ \t]*,?[ \t]*(?:is|wordt|treedt op als|fungeert als|zijn|blijft)[ \t]+"
    r"(?:de[ \t]+|het[ \t]+)?(?:\w+[ \t]+)?opdrachtgever)"
)


def _apposition(orig: str, start: int, end: int, name_end: int) -> tuple[int, int, str] | None:
    """A person named beside the role at `start:end` (its portfolio up to `name_end`):
    the new span and "wethouder De Boer (Wonen)", or None when no person stands beside it."""
    role = _ARTICLE_START.sub("", tidy(orig[start:end]))
    role, _, unit = role.partition(" van ")  # "hoofd van de afdeling" + "Wegen"
    # A portfolio may hold "en" ("wethouder Jeugd en Sport, de heer Oskam").
    joined = name_after(orig, end, allow_en=True)
    if joined > name_end and _APPOS_AFTER.match(orig, joined):
        name_end = joined
    portfolio = tidy(_ARTICLE_START.sub("", unit) + " " + orig[end:name_end])
    after = _APPOS_AFTER.match(orig, name_end)
    if after:
        person_end = name_after(orig, after.end())
        if person_end > after.end():
            holder = after["role2"]
            if holder and not role.casefold().startswith("portefeuillehouder"):
                return None  # "teamleider Wegen, wethouder Jansen": two people
            if holder:
                role = _ARTICLE_START.sub("", tidy(holder))
            person = tidy(orig[after.end() : person_end])
            new_start, new_end = start, person_end
        else:
            return None
    else:
        before = _PERSON_BEFORE.search(orig[max(0, start - 80) : start])
        if not before:
            return None
        person = tidy(before["name"])
        new_start, new_end = max(0, start - 80) + before.start(), name_end
    text = f"{role} {person} ({portfolio})" if portfolio else f"{role} {person}"
    return new_start, new_end, text[0].lower() + text[1:] if text[1:2].islower() else text


_ROLE_RE = re.compile(r"\b" + dispatch((p for p, _ in COMMISSIONER_ROLES), "r") + r"\b")
ROLE_RE = _ROLE_RE  # folded text; shared with `parties`: a list item naming a person
_NEEDS_NAME = re.compile(r"(?:^|\s)(?:hoofd|directie)$")
_NOT_UNMARKED = re.compile(r"projectleider|omgevingsmanager|contractmanager|programmaleider")
_MARK_BEFORE = re.compile(
    r"(?:in opdracht van|namens|opdrachtgever\w*\s*(?:is|wordt|zijn|blijft|:|=|-)?"
    r"(?:\s+(?:nu|straks|formeel|feitelijk|eigenlijk))?|portefeuillehouder\s*(?:is|:))\s*$"
)
_MARK_AFTER = re.compile(
    r"\s*[,)]?\s*(?:\([^)]{0,30}\)\s*)?(?:is|wordt|treedt op als|fungeert als|blijft|als|"
    r"zijn|zal|zal optreden als|treedt als)?\s*(?:de\s+|het\s+|onze\s+)?(?:formele\s+)?"
    r"(?:bestuurlijke?\s+|ambtelijke?\s+|eerste\s+|enige\s+)?(?:opdrachtgever|opdrachtgeefster|"
    r"eigenaar van|geeft de opdracht|heeft (?:de )?opdracht gegeven|verstrekt de opdracht)"
    r"|\s*,?\s*(?:aan te wijzen|aangewezen|te benoemen|benoemd)\s+(?:als|tot)\s+(?:de\s+)?"
    r"(?:bestuurlijke?\s+|ambtelijke?\s+)?(?:portefeuillehouder\s+en\s+)?opdrachtgever"
    r"|\s*\((?:[^()]{0,25}?[,;/]\s*)?(?:bestuurlijke?\s+|ambtelijke?\s+)?opdrachtgever"
)
_LABEL_AFTER = re.compile(r"\s*(?:is\b|:)")
_NOT_AFTER = re.compile(r"\s*(?:is|wordt|als)?\s*(?:de\s+)?opdrachtnemer")
_BARE_OG = re.compile(
    r"\b(?:bestuurlijke?\s+|ambtelijke?\s+)?opdrachtgever\s*(?:is|wordt|:|=)(?=[ \t])"
)
_SENTENCE = re.compile(r"[.;!?\n]")
# An unmarked role after these words decides or is escalated to; it is not the opdrachtgever.
_DECIDER_BEFORE = re.compile(
    r"\b(?:beslist|besluit|beslissen|bepaalt|escaleert|escaleren|escalatie|voorleggen|"
    r"voorgelegd|leggen|informeren|geinformeerd|goedkeuring|akkoord|besluitvorming|"
    r"instemming|stemt|rapporteren|verantwoording)\b(?:\s+(?:we|wij|het|dit|dat|dan|zelf|"
    r"uiteindelijk|altijd|in|naar|aan|bij|van|door|voor|met|ter|af|toe))*\s+(?:de\s+|het\s+)?$"
)


# "... wordt aan de raad aangeboden": the role receives the work, it does not commission it.
_TO_BEFORE = re.compile(r"\baan\s+(?:de\s+|het\s+)?$")
_OFFERED_AFTER = re.compile(
    r"\s*(?:aangeboden|voorgelegd|toegezonden|gestuurd|verstuurd|aangeleverd|gepresenteerd|"
    r"ter\s+besluitvorming|ter\s+vaststelling|ter\s+kennisname)\b"
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    marked: bool
    role: str  # the role as matched, folded, without article
    named: bool = False  # a name or qualifier follows the role
    plausible: bool = True  # not after "beslist", "voorleggen aan", ...
    weak: bool = False  # marked only by "namens"/"in opdracht van", not as opdrachtgever


_ARTICLE_START = re.compile(r"^(?:de|het)\s+", re.IGNORECASE)
_BODY = re.compile(
    r"college|b\s*(?:&|en)\s*w|(?<!heem)raad|stuurgroep|bestuur|staten|directie|overleg|groep|"
    r"commissie"
)


def commissioner_mentions(orig: str, f: str) -> list[_Mention]:
    raw: list[tuple[int, int, bool]] = [
        (m.start(), m.end(), COMMISSIONER_ROLES[int(m.lastgroup[1:])][1])
        for m in _ROLE_RE.finditer(f)
        if m.lastgroup
    ]
    mentions: list[_Mention] = []
    last_end = -1
    for start, end, may_name in raw:
        if start < last_end:
            continue
        role = _ARTICLE_START.sub("", f[start:end])
        name_end = name_after(orig, end) if may_name else end
        if _NEEDS_NAME.search(role) and name_end == end:
            continue
        if role == "portefeuillehouder" and name_end == end and _LABEL_AFTER.match(f, end):
            continue  # "Portefeuillehouder: wethouder Smits" labels the next mention
        person = (
            None if _BODY.search(role) or not may_name else _apposition(orig, start, end, name_end)
        )
        if person:
            start, name_end, _ = person
        elif _BODY.search(role) and (members := _BODY_MEMBERS.match(f, name_end)):
            name_end = members.end()
        last_end = name_end
        before = _SENTENCE.split(f[max(0, start - 45) : start])[-1]
        after = _SENTENCE.split(f[name_end : name_end + 60])[0]
        if "opdrachtnemer" in before[-25:] or _NOT_AFTER.match(after):
            continue
        marked = bool(_MARK_BEFORE.search(before) or _MARK_AFTER.match(after))
        weak = (
            marked
            and not ("opdrachtgever" in before[-40:] or "portefeuillehouder" in before[-30:])
            and not _MARK_AFTER.match(after)
        )
        named = name_end > end
        text = person[2] if person else tidy(orig[start:name_end])
        if named and not _BODY.search(role):
            text = _ARTICLE_START.sub("", text)  # "de directeur Stad" -> "directeur Stad"
        if text[:1].isupper() and text[1:2].islower():
            text = text[0].lower() + text[1:]  # "Wethouder Jansen" at a sentence start
        plausible = not _DECIDER_BEFORE.search(before) and not (
            _TO_BEFORE.search(before) and _OFFERED_AFTER.match(after)
        )
        mentions.append(_Mention(start, name_end, text, marked, role, named, plausible, weak))
    for m in _BARE_OG.finditer(f):
        pos = m.end()
        if any(x.start <= pos + 1 < x.end for x in mentions):
            continue
        honorific = re.match(
            r"[ \t]*" + _HONORIFIC + r"(?:[ \t]+" + _INITIALS + "{1,3})?", orig[pos:]
        )
        end = name_after(orig, pos + honorific.end()) if honorific else name_after(orig, pos)
        if end > pos:
            mentions.append(_Mention(pos, end, tidy(orig[pos:end]), True, "naam", True))
    mentions.sort(key=lambda x: x.start)
    return mentions


def pick_commissioner(mentions: list[_Mention]) -> _Mention | None:
    """The marked mention (with its name from another mention of the same role), else the
    first plausible unmarked one: named before nameless, the raad last."""
    marked = [x for x in mentions if x.marked]
    # "Namens het college: ... Opdrachtgever is wethouder X": the named opdrachtgever wins.
    marked.sort(key=lambda x: x.weak)
    if marked:
        first = marked[0]
        if not first.named:
            same = [x for x in mentions if x.named and x.role == first.role]
            if same:
                return _Mention(first.start, first.end, same[0].text, True, first.role, True)
        return first
    pool = [x for x in mentions if x.plausible and not _NOT_UNMARKED.search(x.role)]
    pool.sort(key=lambda x: (x.role.endswith("raad"), not x.named, x.start))
    return pool[0] if pool else None


def find_commissioner(text: str) -> str | None:
    """The opdrachtgever as named: "wethouder De Vries", "het college van B&W", ...

    A role or body marked as opdrachtgever ("X is opdrachtgever", "opdrachtgever is X",
    "in opdracht van X", "namens X") wins; else the first role named (the raad only when
    nothing else is; a projectleider only when marked). Names after the role are kept as
    written, with tussenvoegsels ("wethouder van der Berg", "directeur Stadsontwikkeling").
    """
    try:
        orig = clean(text)
        pick = pick_commissioner(commissioner_mentions(orig, fold(orig)))
        return pick.text if pick else None
    except Exception:
        return None


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


# The level tables compiled once; folded text only. Shared with the review's mandate rules.
BESTUURLIJK_RE = _words(BESTUURLIJK_WORDS)
AMBTELIJK_RE = _words(AMBTELIJK_WORDS)
DEPARTMENT_RE = _words(DEPARTMENT_WORDS)


def level_of(commissioner: str) -> Level | None:
    """The level of a commissioner as named.

    wethouder, college, B&W, burgemeester, raad, gedeputeerde -> "bestuurlijk"; directeur,
    afdelingshoofd, (programma)manager, teamleider, projectleider, gemeentesecretaris ->
    "ambtelijk". A stuurgroep only when qualified ("bestuurlijke stuurgroep"): stuurgroepen
    are either. An explicit "bestuurlijk"/"ambtelijk" in the name decides first.
    """
    try:
        f = fold(clean(commissioner))
        if re.search(r"\bbestuurlijke?\b", f):
            return "bestuurlijk"
        if re.search(r"\bambtelijke?\b", f):
            return "ambtelijk"
        if "stuurgroep" in f:
            # "de stuurgroep met de wethouders van ..." is as bestuurlijk as its members.
            members = re.search(r"\bstuurgroep\w*\s+(?:van|met|uit|bestaande uit)\b(.*)", f)
            return "bestuurlijk" if members and BESTUURLIJK_RE.search(members[1]) else None
        if BESTUURLIJK_RE.search(f):
            return "bestuurlijk"
        if AMBTELIJK_RE.search(f):
            return "ambtelijk"
        return None
    except Exception:
        return None


_LEVEL_PHRASES = re.compile(
    r"\b(?P<lvl>bestuurlijk|ambtelijk)e?\s+(?:opdrachtgever\w*|niveau|opdracht\b|"
    r"verantwoordelijk\w*|eigenaar|gestuurd|belegd)"
    r"|\bop\s+(?P<lvl2>bestuurlijk|ambtelijk)\s+niveau"
    r"|\b(?P<lvl3>bestuurlijk|ambtelijk)\s+(?:belegd|aangestuurd|gestuurd)"
)
_NEGATED = re.compile(r"\bniet\s+(?:op\s+)?$")


def find_level(text: str) -> Level | None:
    """The level the text states explicitly: "bestuurlijk opdrachtgever", "op ambtelijk
    niveau"; a short answer that is just the word ("Bestuurlijk.") counts too."""
    try:
        f = fold(clean(text))
        for m in _LEVEL_PHRASES.finditer(f):
            if _NEGATED.search(f[max(0, m.start() - 12) : m.start()]):
                continue
            lvl = m["lvl"] or m["lvl2"] or m["lvl3"]
            return "bestuurlijk" if lvl == "bestuurlijk" else "ambtelijk"
        words = re.findall(r"\w+", f[:200])
        if 0 < len(words) <= 6 and "niet" not in words:
            found = {w.rstrip("e") for w in words} & {"bestuurlijk", "ambtelijk"}
            if len(found) == 1:
                return "bestuurlijk" if "bestuurlijk" in found else "ambtelijk"
        return None
    except Exception:
        return None


# The members of a body named beside it: "de stuurgroep Waterfront, waarin wethouder Visser
# en de directeur Ruimte zitting hebben", "met daarin de burgemeester en de dijkgraaf".
_MEMBERS_AFTER = re.compile(
    r"[^.;!?\n]{0,40}?(?:,\s*)?(?:waarin|met daarin|bestaande uit|met als leden|met)\b"
    r"([^.;!?\n]{3,160})"
)


def commissioner_level(text: str, commissioner: str | None) -> Level | None:
    """The level of the commission: as the text states it, else as the commissioner's role
    says; a body takes the level of the members the text names beside it. When the text
    states both levels ("bestuurlijk opdrachtgever ..., ambtelijk opdrachtgever ..."), the
    commissioner's own role decides."""
    try:
        stated = find_level(text)
        if not commissioner:
            return stated
        f = fold(clean(text))
        own = level_of(commissioner) or _members_level(f, fold(commissioner))
        if stated and own and stated != own and not _stated_of(f, fold(commissioner)):
            return own  # "..., de programmamanager is ambtelijk opdrachtgever" is another
        return stated or own
    except Exception:
        return None


def _members_level(f: str, commissioner: str) -> Level | None:
    body = _ARTICLE_START.sub("", commissioner).strip()
    if not body or not _BODY.search(body):
        return None
    pos = f.find(body)
    while pos >= 0:
        members = _MEMBERS_AFTER.match(f, pos + len(body))
        if members and BESTUURLIJK_RE.search(members[1]):
            return "bestuurlijk"
        pos = f.find(body, pos + 1)
    return None


_CLAUSE = re.compile(r"[,;.!?\n]")
_OWN_WORDS = frozenset({"de", "het", "van", "der", "den"})


def _stated_of(f: str, commissioner: str) -> bool:
    """Whether the first stated level stands in a clause that names the commissioner."""
    m = _LEVEL_PHRASES.search(f)
    if not m:
        return False
    starts = [x.end() for x in _CLAUSE.finditer(f, 0, m.start())]
    end = _CLAUSE.search(f, m.end())
    clause = f[starts[-1] if starts else 0 : end.start() if end else len(f)]
    words = [w for w in re.findall(r"\w{2,}", commissioner) if w not in _OWN_WORDS]
    return not words or any(re.search(r"\b" + re.escape(w) + r"\b", clause) for w in words)
