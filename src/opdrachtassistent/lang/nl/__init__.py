"""Dutch language knowledge: numbers, dates, names, parties, vocabularies and cue words.

Pure functions, stdlib only, every pattern compiled at import; the tables are data in
`tables/`. Every public function returns None or [] when the text does not say it, and never
raises. Callers: `from opdrachtassistent.lang import nl`, then `nl.parse_fte(...)`.
"""

from __future__ import annotations

from opdrachtassistent.lang.nl.dates import parse_deadline
from opdrachtassistent.lang.nl.names import find_commissioner, find_level, level_of
from opdrachtassistent.lang.nl.numbers import (
    WORKING_HOURS_PER_WEEK,
    parse_amount_eur,
    parse_fte,
    words_to_number,
)
from opdrachtassistent.lang.nl.parties import PARTY_KINDS, Party, find_parties
from opdrachtassistent.lang.nl.tables.frameworks import FRAMEWORKS
from opdrachtassistent.lang.nl.tables.instruments import INSTRUMENTS
from opdrachtassistent.lang.nl.tables.parties import PARTY_GENERIC, PARTY_NAMES
from opdrachtassistent.lang.nl.tables.people import COMMISSIONER_ROLES
from opdrachtassistent.lang.nl.tables.themes import THEME_PATTERNS
from opdrachtassistent.lang.nl.vocabulary import find_frameworks, find_instruments, find_themes

__all__ = [
    "COMMISSIONER_ROLES",
    "FRAMEWORKS",
    "INSTRUMENTS",
    "PARTY_GENERIC",
    "PARTY_KINDS",
    "PARTY_NAMES",
    "THEME_PATTERNS",
    "WORKING_HOURS_PER_WEEK",
    "Party",
    "find_commissioner",
    "find_frameworks",
    "find_instruments",
    "find_level",
    "find_parties",
    "find_themes",
    "level_of",
    "parse_amount_eur",
    "parse_deadline",
    "parse_fte",
    "words_to_number",
]
