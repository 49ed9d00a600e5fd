"""The review's party-kind and level vocabulary, kept verbatim in one place.

What kinds of party a commission's stakeholders are, and at which level its commissioner
decides. To be replaced by the single party/level table of `lang.nl`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from opdrachtassistent.commission import Commission
from opdrachtassistent.reviewing.wording import text as _text

_BESTUURLIJK = re.compile(
    r"\b(wethouders?|college|b\s*&\s*w|b\s*en\s*w|burgemeester|gemeenteraad|raad|"
    r"portefeuillehouders?|gedeputeerde|bestuurlijke?|dagelijks bestuur)\b",
    re.IGNORECASE,
)
_DEPARTMENT = re.compile(
    r"\b(afdeling\w*|afdelingshoofd|teamleiders?|team\w*|sector\w*|"
    r"hoofd|manager|vakafdeling|cluster\w*)\b",
    re.IGNORECASE,
)
_AMBTELIJK = re.compile(
    r"\b(directeur\w*|directie|gemeentesecretaris|programmamanager|projectleider|"
    r"ambtelijke?|concerndirectie)\b",
    re.IGNORECASE,
)


_KIND_LABELS: dict[str, str] = {
    "waterschap": "het waterschap (of hoogheemraadschap)",
    "netbeheerder": "de netbeheerder",
    "vervoerder": "het openbaar vervoer",
    "hulpdiensten": "de hulpdiensten",
    "woningcorporatie": "de woningcorporatie",
}
# Own fallback when extraction is not available or does not know the name.
_KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "waterschap": re.compile(
        r"waterschap|hoogheemraadschap|wetterskip|\bdelfland\b|rijnland|\baa en maas\b",
        re.IGNORECASE,
    ),
    "netbeheerder": re.compile(
        r"netbeheer|enexis|liander|stedin|alliander|westland infra|coteq|rendo|\btennet\b|"
        r"\bnetwerkbedrijf\b",
        re.IGNORECASE,
    ),
    "vervoerder": re.compile(
        r"vervoerder|openbaar vervoer|\bov\b|busmaatschappij|arriva|connexxion|qbuzz|"
        r"keolis|\bhtm\b|\bret\b|\bgvb\b|\bebs\b|hermes|u-ov|prorail",
        re.IGNORECASE,
    ),
    "hulpdiensten": re.compile(
        r"hulpdienst|brandweer|ambulance|politie|veiligheidsregio|\bghor\b", re.IGNORECASE
    ),
    "woningcorporatie": re.compile(
        r"corporatie|woonstichting|woningstichting|woonbedrijf|woningbouwvereniging|"
        r"ymere|vestia|portaal|woonstad|eigen haard|de alliantie|mitros|\bwoonzorg\b",
        re.IGNORECASE,
    ),
}


def _find_parties() -> Callable[[str], list[str]] | None:
    """The kinds `lang.nl.find_parties` recognises in a name, when that module exists."""
    try:
        dutch = importlib.import_module("opdrachtassistent.lang.nl")
    except ImportError:
        return None
    finder = getattr(dutch, "find_parties", None)
    if finder is None:
        return None

    def kinds(text: str) -> list[str]:
        return [str(kind) for p in finder(text) if (kind := getattr(p, "kind", None))]

    return kinds


def stakeholder_kinds(c: Commission) -> set[str]:
    """Kinds of party present: the recognised `kind`, else what the name and role suggest."""
    finder = _find_parties()
    kinds: set[str] = set()
    for s in c.stakeholders:
        if s.kind:
            kinds.add(s.kind.casefold())
            continue
        text = " ".join(filter(None, (s.name, s.role)))
        if finder is not None:
            kinds.update(k.casefold() for k in finder(s.name))
        kinds.update(kind for kind, pattern in _KIND_PATTERNS.items() if pattern.search(text))
    return kinds


def _commissioner_level(c: Commission) -> str | None:
    """'bestuurlijk', 'afdeling' (a single department), 'ambtelijk' or None (unknown)."""
    who = _text(c.mandate.commissioner)
    if _BESTUURLIJK.search(who):
        return "bestuurlijk"
    if _DEPARTMENT.search(who):
        return "afdeling"
    if c.mandate.level is not None:
        return c.mandate.level
    if _AMBTELIJK.search(who):
        return "ambtelijk"
    return None
