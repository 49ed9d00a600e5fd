"""Dutch cues the interview reads answers by: yes, correction, skip-free field names.

Data only: patterns and word sets, no logic (the reader is `dialogue/understand.py`).
"""

from __future__ import annotations

import re
from typing import Final

# A plain yes ("ja", "klopt", "akkoord, dank u wel"): confirms the summary or a revisit.
YES: Final = re.compile(
    r"^\s*(?:(?:ja|jazeker|jawel|klopt|dat klopt|akkoord|correct|prima|ok|oke|oké|okay|goed|"
    r"is goed|helemaal goed|yes|y|j|bevestig(?:d|en)?|vastleggen|afronden|zo is het|"
    r"dat is (?:het|goed|correct)|hoor|zo|dank(?:\s*je|\s*u)?(?:\s*wel)?)\b[\s.!,]*)+$",
    re.IGNORECASE,
)

# An answer that corrects what was said before ("het budget is toch 4 miljoen").
CORRECTION: Final = re.compile(
    r"\b(?:toch|eigenlijk|correctie|corrigeer|corrigeren|verbeter|moet zijn|moet worden|"
    r"klopt niet|ik zei|maar dat moet|(?:niet|geen)\b.{1,60}\bmaar|"
    r"wijzig|verander|aanpass|pas\b.{0,30}\baan|bedoel|sorry|vergissing)\b"
    r"|^\s*(?:het |de )?(?:budget|bedrag|einddatum|deadline|opleverdatum|capaciteit|"
    r"opdrachtgever|titel|niveau)\b",
    re.IGNORECASE,
)

# Words that name a typed field: a filled value changes only when the text names it.
FIELD_CUES: Final[dict[str, re.Pattern[str]]] = {
    field: re.compile(pattern, re.IGNORECASE)
    for field, pattern in (
        ("budget_eur", r"budget|bedrag|euro|€|miljoen|mln|\bton\b|\d\s*k\b|kost|krediet"),
        ("capacity_fte", r"fte|capaciteit|formatie|\buur\b|mensen|menskracht|dagen per week"),
        (
            "deadline",
            r"datum|deadline|klaar|gereed|opgeleverd|oplevering|\beind|begin|medio|kwartaal|"
            r"\bq[1-4]\b|\b20\d\d\b|zomer|najaar|voorjaar|winter|planning",
        ),
        ("commissioner", r"opdrachtgever|in opdracht|namens|opdracht(?:\s+\w+)?\s+van"),
        ("level", r"bestuurlijk|ambtelijk|niveau|opdrachtgever"),
        ("start", r"\bstart|\bbegin|aanvang|van start|vanaf"),
    )
}

# Where a correction starts: in "niet Q3 maar Q4 2026" the value after it counts.
CORRECTED_TAIL: Final = re.compile(
    r"\bklopt niet\b\s*[:,;.-]?|\bcorrectie\s*:|\bmaar dat (?:moet|is)\b|"
    r"\bmoet (?:zijn|worden)\b\s*:?|"
    r"\b(?:niet|geen)\b.{1,60}?\bmaar\b|\bnee\s*[,.]|\bik bedoel\b",
    re.IGNORECASE,
)

# A free-text field named outright ("de werkwijze is ..."), which after the summary replaces it.
EXPLICIT: Final[dict[str, re.Pattern[str]]] = {
    field: re.compile(rf"\b(?:{words})\b\s*(?:is|:|wordt|moet)", re.IGNORECASE)
    for field, words in (
        ("context", "aanleiding"),
        ("goal_statement", "doel|doelstelling"),
        ("decision_space", "beslisruimte|mandaat"),
        ("escalation", "escalatie|escalatieroute"),
        ("organisation", "werkwijze|organisatie"),
        ("funding", "financiering|dekking"),
    )
}
# A description of a team needs no "is": "een integraal projectteam met wekelijks overleg".
TEAM: Final = re.compile(
    r"\b(?:\w*projectteam|kernteam|integraal team|stuurgroep|bouwteam|wijkteam)\b", re.IGNORECASE
)

# Lines the console chat answers itself instead of passing them to the interview.
WHY_WORDS: Final = frozenset({"waarom", "waarom?", "bronnen", "bron", "why"})
STOP_WORDS: Final = frozenset({"stop", "exit", "quit", "afsluiten"})
