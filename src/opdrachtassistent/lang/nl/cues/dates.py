"""Dutch cue words that give a date its role in a sentence (data: compiled patterns).

A date is a completion date only when its clause says so (klaar, oplevering, uiterlijk);
a start word makes it the start of the work; a publication, a meeting or a one-day
activity make it neither. Patterns run on folded text (lower case, accents removed).
"""

from __future__ import annotations

import re

# The work is finished by then.
COMPLETION = re.compile(
    r"\b(?:klaar|gereed|af|afgerond|afronden|afronding|opgeleverd|opleveren|oplevering|"
    r"voltooid|voltooiing|afgewerkt|deadline|einddatum|uiterlijk|uiterste|streefdatum|"
    r"gerealiseerd|realiseren|realisatie|tot en met|t/m|tot|moet|moeten|opleverdatum|"
    r"eindtermijn|afgelopen|gedaan|ingebruikname|in gebruik|eindigen|eindigt|rond|"
    r"afsluiten|(?<!in )plaats(?! van)|plaatsvinden|plaatsvindt|gebeurt|gebeuren)\b"
)
# The work begins then.
START = re.compile(
    r"\b(?:start\w*|begint|beginnen|begonnen|begin werkzaamheden|aanvang\w*|vanaf|"
    r"gestart|van start|aanvangen|opstarten|na|gaat .{0,20}\bbeginnen|in uitvoering)\b"
)
# The date the text itself was written, published or changed: never a deadline.
PUBLICATION = re.compile(
    r"\b(?:gepubliceerd|publicatiedatum|geplaatst|bijgewerkt|gewijzigd|laatst gewijzigd|"
    r"verzonden|verzenddatum|datum|gedateerd|ondertekend|vastgesteld|kenmerk|nieuwsbericht|"
    r"persbericht)\b"
)
# A state or event in the past: "sinds 2020 hebben we wateroverlast".
PAST = re.compile(r"\b(?:sinds|geleden|vorig jaar|in het verleden|destijds)\b")
# A meeting or gathering held on that day: a date in the agenda, not a deadline.
MEETING = re.compile(
    r"\b(?:verslag|notulen|overleg|vergadering|raadsvergadering|commissievergadering|"
    r"collegevergadering|bijeenkomst|\w*avond|inloop\w*|sessie|werksessie|gesprek|"
    r"besloten|besluit|besloot|ingestemd|stemde|behandeld|presentatie|excursie|schouw)\b"
)
# "op (dinsdag) 9 mei ..." right before a date: something happens on one day.
ONE_DAY_LEAD = re.compile(
    r"\bop\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?$"
    r"|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+$"
)
# "elk voorjaar", "iedere zomer": a season that comes back is no date.
RECURRING_LEAD = re.compile(
    r"\b(?:elk|elke|ieder|iedere|jaarlijks in het|telkens in het|steeds in het)\s+$"
)
# The start of execution, as opposed to preparation or design: wins among several starts.
EXECUTION = re.compile(
    r"\b(?:uitvoering|werkzaamheden|aannemer|bouw\w*|realisatie|aanleg|graaf\w*|"
    r"vervanging|herinrichting)\b"
)
# Where one clause ends and the next begins: a cue counts only inside its own clause.
CLAUSE_SPLIT = re.compile(
    r"[.;:!?\n,(]|(?<!tot )\ben\b|\b(?:maar|terwijl|daarna|waarna|dan|zodat|waarbij)\b"
)
