"""Dutch cues that tell a theme the work touches from a theme word in passing (data only).

A theme word counts as evidence only in a sentence about the work or its goal. Sentences
about what happens around the work (hinder while it is done, the planning, how people are
told, who takes part) mention streets, cyclists and lighting without the work touching
them. The reader is `lang/nl/vocabulary.py`; patterns match folded text (lower case, no
accents).
"""

from __future__ import annotations

import re
from typing import Final

# Sentence roles other than "the work and its goal", each a folded pattern.
SIDE_ROLES: Final[dict[str, re.Pattern[str]]] = {
    "hinder": re.compile(
        r"\b(?:afgeslo?ten|afsluiting\w*|omleid\w*|omgeleid|omrijd\w*|stremming\w*|gestremd|"
        r"hinder|bouwplaats\w*|werkterrein\w*|bouwverkeer|bouwhekken|"
        r"tijdelijke?\s+(?:route|rijbaan|parkeer\w*|voorziening\w*|verlichting)|"
        r"(?:blijft|blijven)\s+(?:bereikbaar|toegankelijk|open)|bereikbaar\s+(?:blijft|blijven)|"
        r"tijdens\s+(?:de\s+|het\s+)?(?:werkzaamheden|werk|uitvoering|bouw|kap)\b|"
        r"\bin\s+(?:die|deze)\s+periode\b|"
        r"(?:rijden|rijdt|fietsen|lopen)\s+(?:\w+\s+){0,4}(?:via|om)\b|"
        r"(?:kunt|kunnen|kan)\s+(?:u|je|bewoners)?\s*(?:\w+\s+){0,4}niet\b|"
        r"(?:kan|kunnen)\s+(?:er\s+)?(?:\w+\s+)?(?:langs|door|terecht)\b|"
        r"kunnen\s+(?:niet|tijdelijk\s+niet)\s+(?:parkeren|rijden|fietsen))"
    ),
    "planning": re.compile(
        # a dated one-day activity: "op woensdag 20 januari worden bomen gekapt"
        r"^\W*(?:op|vanaf|per)\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|"
        r"zondag)\b|\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|"
        r"september|oktober|november|december)\b)|"
        r"\b(?:planning|fasering|in fasen|per fase|bouwfase\w*|de werkzaamheden (?:starten|"
        r"beginnen|duren)|(?:start|begint|beginnen|starten)\s+(?:de\s+)?(?:aannemer|"
        r"werkzaamheden|uitvoering)|aanvang\s+(?:van\s+)?(?:de\s+)?werkzaamheden|"
        r"week\s+\d+|bouwvak)\b"
    ),
    "communication": re.compile(
        r"\b(?:brief|brieven|bewonersbrief\w*|nieuwsbrief\w*|informatieavond\w*|"
        r"inloopavond\w*|inloopbijeenkomst\w*|bewonersavond\w*|bouwapp|website|"
        r"(?:worden|wordt|zijn|is|houden|hielden)\s+(?:\w+\s+){0,3}geinformeerd|"
        r"informeren|op de hoogte|vragen\s+(?:over|stellen)|contactpersoon|"
        r"omgevingsmanager|participatie\w*|enquete\w*|spreekuur)\b"
    ),
    "involvement": re.compile(
        r"\b(?:betrokken(?:en|\s+partijen)?|belanghebbend\w*|stakeholders?|partijen|"
        r"(?:denkt|denken)\s+mee|meedenk\w*)\b"
    ),
}

# What the work leaves alone: "het riool blijft liggen", "de kabels worden niet vervangen".
NOT_IN_SCOPE: Final = re.compile(
    r"\b(?:blijft|blijven)\s+(?:liggen|staan|zitten|gehandhaafd)\b|"
    r"\bniet\s+(?:\w+\s+){0,2}(?:vervangen|vernieuwd|aangepakt|meegenomen|aangelegd)\b|"
    r"\bvalt\s+buiten\b|\bbuiten\s+(?:de\s+)?(?:scope|opdracht)\b|\bgeen\s+onderdeel\b"
)

# Involvement is only a side role when the sentence says nothing about what is done: in
# "samen met Enexis vervangen we het riool en de kabels" the parties do the work.
WORK_VERB: Final = re.compile(
    r"\b(?:vervang\w*|vernieuw\w*|aanleg\w*|aan te leggen|legt|leggen|herinricht\w*|"
    r"heringericht|reconstru\w*|renoveer\w*|renovatie|herstel\w*|verbeter\w*|vergroen\w*|"
    r"afkoppel\w*|graven|graaft|aanpak\w*|aan te pakken|aangepakt|verzwar\w*|verplaats\w*|ophog\w*|"
    r"omvat|doel\w*)\b"
)

# A theme word tied to the work even in such a sentence: "tijdens de vervanging van het
# riool", "de rioolwerkzaamheden", "het riool wordt vervangen".
WORK_BEFORE: Final = re.compile(
    r"(?:vervanging|vernieuwing|aanleg|herinrichting|reconstructie|renovatie|herstel|"
    r"werkzaamheden|werk|verbetering|aanpak|vergroening)\s+(?:aan|van)\s+(?:de|het|een)?\s*"
    r"(?:[\w-]+\s+)?$|"
    r"\b(?:vervangen|vernieuwen|leggen|herstellen|verbeteren|renoveren|vervangt|vernieuwt|"
    r"legt)\s+(?:we|wij|zij|ze)?\s*(?:de|het|een|nieuwe)?\s*(?:[\w-]+\s+)?$"
)
WORK_AFTER: Final = re.compile(
    r"^[\w-]*\s*(?:wordt|worden|is|zijn|gaat|gaan|moet|moeten)?\s*(?:\w+\s+){0,2}?"
    r"(?:vervangen|vernieuwd|aangelegd|heringericht|gerenoveerd|hersteld|verbeterd|"
    r"vervangt|vernieuwt|legt\b|leggen)"
)
WORK_IN_WORD: Final = re.compile(r"(?:vervanging|werkzaamheden|renovatie|aanleg)$")

# A department or portfolio named after a theme ("afdelingshoofd Mobiliteit", "team
# Riolering", "programmamanager Klimaatadaptatie"): who commissions, not what is done.
# Matched on the unfolded text: the name after the role starts with a capital.
DEPARTMENT: Final = re.compile(
    r"\b(?:[Aa]fdeling(?:shoofd)?|[Gg]edeputeerde|[Hh]oofd|[Tt]eam(?:leider)?|[Pp]rogramma(?:manager|leider)?|"
    r"[Ww]ethouder|[Pp]ortefeuillehouder|[Dd]irecteur|[Dd]irectie|[Ss]ector|[Cc]luster|"
    r"[Mm]anager|[Bb]eleidsmedewerker|[Aa]dviseur)\s+"
    r"((?-i:[A-Z])[\w-]*(?:\s*(?:,|en|&)\s*(?-i:[A-Z])[\w-]*)*)"
)

# Several "(...)" in one sentence: an enumeration of parties with their part in brackets
# ("Enexis (kabels), de ondernemers (bereikbaarheid)"), a sentence about who takes part.
PARTY_ROLES: Final = re.compile(r"\([^()]{1,80}\)[^()]{0,120}\([^()]{1,80}\)")
