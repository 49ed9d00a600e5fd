"""Dutch cue words that give a date its role in a sentence (data: compiled patterns).

A date is a completion date only when its clause says so (klaar, oplevering, uiterlijk);
a start word makes it the start of the work; a publication, a meeting or a one-day
activity make it neither. Patterns run on folded text (lower case, accents removed).
"""

from __future__ import annotations

import re

# The work is finished by then. The strong words name the completion date itself; the
# weak ones ("tot en met", "moet") also end a period of work or state a wish.
COMPLETION_STRONG = re.compile(
    r"\b(?:klaar|gereed|af|afgerond|afronden|afronding|opgeleverd|opleveren|oplevering|"
    r"voltooid|voltooiing|afgewerkt|deadline|einddatum|uiterlijk|uiterste|streefdatum|"
    r"gerealiseerd|realiseren|realisatie|opleverdatum|eindtermijn|ingebruikname|in gebruik|"
    r"afsluiten|(?<!in )plaats(?! van)|plaatsvinden|plaatsvindt)\b"
)
COMPLETION = re.compile(
    COMPLETION_STRONG.pattern
    + r"|\b(?:tot en met|t/m|tot|moet|moeten|afgelopen|gedaan|eindigen|eindigt|rond|gebeurt|"
    r"gebeuren)\b"
)
# The work begins then. "voor de start van het seizoen" names another event's start.
START = re.compile(
    r"\b(?:(?<!voor de )start\w*|begint|beginnen|begonnen|begin werkzaamheden|aanvang\w*|"
    r"vanaf|gestart|van start|aanvangen|opstarten|gaat .{0,20}\bbeginnen|in uitvoering|"
    r"uitvoering|uitvoeringsperiode)\b"
)
# "van april tot en met augustus 2027": a date right before a range word is the start.
RANGE_WORD = r"\s*(?:tot en met|t/m|tot|-|\u2013)\s*"
# The date the text itself was written, published or changed: never a deadline.
PUBLICATION = re.compile(
    r"\b(?:gepubliceerd|publicatiedatum|geplaatst|bijgewerkt|gewijzigd|laatst gewijzigd|"
    r"verzonden|verzenddatum|datum|gedateerd|ondertekend|vastgesteld|kenmerk|nieuwsbericht|"
    r"persbericht)\b"
)
# A state or event in the past: "sinds 2020 hebben we wateroverlast".
PAST = re.compile(r"\b(?:sinds|geleden|vorig jaar|in het verleden|destijds)\b")
# A meeting or gathering held on that day, or a step before the work (inspraak): a date in
# the agenda, not a deadline and not the start of the work.
MEETING = re.compile(
    r"\b(?:verslag|notulen|overleg|vergadering|raadsvergadering|commissievergadering|"
    r"inspraak|zienswijze\w*|ter inzage|consultatie|"
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
    r"\b(?:uitvoering|werkzaamheden|aannemer|bouw(?:en|t|werkzaamheden|rijp\w*)?|realisatie|"
    r"aanleg|graaf\w*|vervanging|herinrichting)\b"
)
# A preposition alone between a comma and the date: "begint na de bouwvak, in september".
APPOSITION = re.compile(r"^\s*(?:in|op|per|rond|omstreeks|vanaf)?\s*$")
# Where one clause ends and the next begins: a cue counts only inside its own clause.
CLAUSE_SPLIT = re.compile(
    r"[.;:!?\n,(]|(?<!tot )\ben\b|\b(?:maar|terwijl|daarna|waarna|dan|zodat|waarbij)\b"
)
