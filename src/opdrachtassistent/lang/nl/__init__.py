"""Dutch language knowledge: numbers, dates, names, parties, vocabularies and cue words.

Pure functions, stdlib only, every pattern compiled at import; the tables are data in
`tables/`. Every public function returns None or [] when the text does not say it, and never
raises. Callers: `from opdrachtassistent.lang import nl`, then `nl.parse_fte(...)`.
"""

from __future__ import annotations

from opdrachtassistent.lang.nl.dates import (
    bad_dates,
    deadline_alternatives,
    parse_deadline,
    parse_start,
)
from opdrachtassistent.lang.nl.names import (
    AMBTELIJK_RE,
    BESTUURLIJK_RE,
    DEPARTMENT_RE,
    commissioner_level,
    find_commissioner,
    find_level,
    level_of,
)
from opdrachtassistent.lang.nl.numbers import (
    MAX_BUDGET_EUR,
    MAX_FTE,
    WORKING_HOURS_PER_WEEK,
    BadValue,
    amount_alternatives,
    bad_amounts,
    bad_fte,
    parse_amount_eur,
    parse_fte,
    words_to_number,
)
from opdrachtassistent.lang.nl.parties import (
    DEFAULT_ROLES,
    PARTY_GENERIC,
    PARTY_KINDS,
    PARTY_NAMES,
    Party,
    find_brands,
    find_listed_parties,
    find_parties,
    kind_of,
    kinds_in,
    own_kind,
)
from opdrachtassistent.lang.nl.tables.frameworks import FRAMEWORKS
from opdrachtassistent.lang.nl.tables.instruments import INSTRUMENTS
from opdrachtassistent.lang.nl.tables.parties import KINDS, PartyKind
from opdrachtassistent.lang.nl.tables.people import COMMISSIONER_ROLES
from opdrachtassistent.lang.nl.tables.themes import THEME_PATTERNS
from opdrachtassistent.lang.nl.text import fold
from opdrachtassistent.lang.nl.vocabulary import find_frameworks, find_instruments, find_themes


def bad_values(text: str, *, about_money: bool = False) -> list[BadValue]:
    """Amounts, capacities and dates in the text that cannot be used (negative, overflowing,
    a day that does not exist): the caller asks for them again and keeps what it knew."""
    return [*bad_amounts(text, about_money=about_money), *bad_fte(text), *bad_dates(text)]


__all__ = [
    "AMBTELIJK_RE",
    "BESTUURLIJK_RE",
    "COMMISSIONER_ROLES",
    "DEFAULT_ROLES",
    "DEPARTMENT_RE",
    "FRAMEWORKS",
    "INSTRUMENTS",
    "KINDS",
    "MAX_BUDGET_EUR",
    "MAX_FTE",
    "PARTY_GENERIC",
    "PARTY_KINDS",
    "PARTY_NAMES",
    "THEME_PATTERNS",
    "WORKING_HOURS_PER_WEEK",
    "BadValue",
    "Party",
    "PartyKind",
    "amount_alternatives",
    "bad_amounts",
    "bad_dates",
    "bad_fte",
    "bad_values",
    "commissioner_level",
    "deadline_alternatives",
    "find_brands",
    "find_commissioner",
    "find_frameworks",
    "find_instruments",
    "find_level",
    "find_listed_parties",
    "find_parties",
    "find_themes",
    "fold",
    "kind_of",
    "kinds_in",
    "level_of",
    "own_kind",
    "parse_amount_eur",
    "parse_deadline",
    "parse_fte",
    "parse_start",
    "words_to_number",
]
