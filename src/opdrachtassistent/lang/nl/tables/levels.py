"""The levels of a commissioner (data only): words that make one bestuurlijk or ambtelijk.

Folded regex, matched as whole words. Read by `names.level_of` (extraction) and by the
review's mandate rules; `DEPARTMENT_WORDS` name a single department, whose commission is
no integral mandate.
"""

from __future__ import annotations

BESTUURLIJK_WORDS: tuple[str, ...] = (
    r"wethouders?",
    r"college",
    r"b\s*(?:&|en)\s*w",
    r"burgemeester",
    r"gemeenteraad",
    r"raad",
    r"gedeputeerden?",
    r"provinciale staten",
    r"gedeputeerde staten",
    r"portefeuillehouders?",
    r"dagelijks bestuur",
    r"algemeen bestuur",
    r"dijkgraaf",
    r"heemraad",
    r"minister",
    r"staatssecretaris",
    r"bestuurders?",
    r"bestuurlijke?",
)
AMBTELIJK_WORDS: tuple[str, ...] = (
    r"\w*directeur\w*",
    r"directie",
    r"concerndirectie",
    r"afdelingshoofd",
    r"hoofd",
    r"\w*manager",
    r"teamleider",
    r"projectleider",
    r"programmaleider",
    r"gemeentesecretaris",
    r"beleidsmedewerker",
    r"adviseur",
    r"ambtenaar",
    r"coordinator",
    r"afdeling",
    r"team",
    r"ambtelijke?",
)
DEPARTMENT_WORDS: tuple[str, ...] = (
    r"afdeling\w*",
    r"afdelingshoofd",
    r"teamleiders?",
    r"team\w*",
    r"sector\w*",
    r"hoofd",
    r"manager",
    r"vakafdeling",
    r"cluster\w*",
)
