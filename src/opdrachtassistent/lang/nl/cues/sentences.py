"""Dutch cues for the role of a sentence in free text (data only: compiled patterns).

Where a sentence of an answer or a note belongs: the aanleiding is the problem or the
occasion ("het riool is op", "omdat", "naar aanleiding van"); an intention ("we willen",
"het doel is") is goal material; greetings, self-introductions, asides and sentences that
only carry a value with its own field (a commissioner, an amount, a date) belong in no
free-text section. The reader is `extract/rules.py`; patterns match the text as written,
case-insensitively.
"""

from __future__ import annotations

import re
from typing import Final

_I = re.IGNORECASE

# A greeting, a closing or a sign-off: the whole sentence, or its lead ("Hoi Sanne, ...").
GREETING_LEAD: Final = re.compile(
    r"^\s*(?:goede?(?:morgen|middag|avond|ndag)|hallo|hoi|hi|hey|dag|beste|geachte|lieve|"
    r"(?:hartelijk\s+)?dank(?:\s+je|\s+u)?(?:\s+wel)?(?:\s+voor\b[^,.!?]*)?|"
    r"(?:met\s+)?(?:vriendelijke|hartelijke|collegiale)\s+groet(?:en)?|groet(?:en|jes)?|"
    r"hoogachtend|mvg|gr\.?)\b[^,.!?:]{0,40}(?:[,.!?:]+\s*|$)",
    _I,
)
# Introducing oneself or the conversation, not the work: "ik ben beleidsmedewerker bij
# de gemeente", "mijn naam is", "Teamleider Wegen hier", "nou, waar zal ik beginnen".
INTRODUCTION: Final = re.compile(
    r"^\s*(?:(?:nou|ok[eé]?|goed|zo),?\s+)?(?:ik\s+ben\s+(?!het\s+(?:met|eens))|"
    r"mijn\s+naam\s+is|u\s+spreekt\s+met|je\s+spreekt\s+met|ik\s+werk\s+(?:nu\s+|al\s+)?|"
    r"met\s+(?-i:[A-Z])|ik\s+kom\s+namens|"
    r"ik\s+bel\s+(?:over|namens|voor)|ik\s+mail\s+(?:over|namens|voor)|"
    r"(?:waar|hoe)\s+zal\s+ik\s+beginnen|even\s+voorstellen|"
    r"(?:ik\s+)?(?:schrijf|stuur)\s+(?:u|je|jullie)\s+(?:over|namens|omdat)?)"
    r"|^\s*[\w\u00c0-\u017f' -]{2,40}\s+hier\s*[.!]?\s*$",
    _I,
)
# About the commission being written rather than the work: "ik wil een opdracht
# opstellen voor ...", "we need a proper integrale opdracht".
ABOUT_THE_COMMISSION: Final = re.compile(
    r"\b(?:een|de|deze|die|proper|goede)\s+(?:integrale\s+)?opdracht\s+(?:\w+\s+){0,2}?"
    r"(?:maken|opstellen|opstel|uitwerken|schrijven|formuleren|voorbereiden|nodig)\b|"
    r"\bopdracht\s+(?:op\s+te\s+stellen|uit\s+te\s+werken|te\s+maken)\b|"
    r"\bneed\s+a\s+proper\b",
    _I,
)
# An aside: off the subject, or about the conversation itself.
ASIDE: Final = re.compile(
    r"\b(?:dat\s+terzijde|eerst\s+even\s+dit|even\s+iets\s+anders|"
    r"daar\s+kom\s+ik\s+niet\s+voor|maar\s+goed|los\s+daarvan|sorry|excuus|"
    r"long\s+story\s+short)\b",
    _I,
)
# Words that make an aside only when the sentence names no problem ("Het riool is
# overigens ook op" is an occasion).
WEAK_ASIDE: Final = re.compile(r"\b(?:trouwens|overigens|tussen\s+haakjes)\b", _I)

# The problem or the occasion: what is wrong, what happened, what forces the work now.
OCCASION: Final = re.compile(
    r"\b(?:omdat|want|vanwege|doordat|naar\s+aanleiding\s+van|aanleiding|"
    r"problem\w*|klacht\w*|klag\w*|verzak\w*|zakt|zakken|bodemdaling|\w*overlast|"
    r"ongeval\w*|ongeluk\w*|onveilig\w*|versleten|verouderd|lek(?:t|ken|kage\w*)?|kapot|"
    r"slecht\w*|(?:technische\s+)?levensduur|aan\s+vervanging\s+toe|storing\w*|hitte\w*|"
    r"bloedheet|gaten|scheef|ziek\w*|opdruk|gedoe|kritisch|ontevreden|zorgen|schade|"
    r"geraakt|defect\w*|chaos|leegstand|vol\s+(?:met\s+)?(?:water|gaten)|"
    r"(?:loopt|lopen|staat|staan)\b[^.;]{0,40}\b(?:onder|vol|blank)|"
    r"(?:is|zijn|raakt|raken)\s+op\b|(?<=\w)\s+op(?=\s*(?:[,.;!]|$| en\b))|"
    r"te\s+(?!\w+en\b)(?:\w+)|nodig|noodzakelijk|"
    r"(?:moet|moeten)\b[^.;]{0,60}\b(?:vervangen|verzwaard|verzwaren|vernieuwd|eruit|open|"
    r"gerenoveerd|hersteld|opgehoogd|worden))",
    _I,
)
# "Naar aanleiding van het overleg van dinsdag:" refers to a meeting or a message, not to
# the reason for the work: a lead to read past, like a greeting.
REFERENCE_LEAD: Final = re.compile(
    r"^\W*(?:naar\s+aanleiding\s+van|n\.?a\.?v\.?|met\s+verwijzing\s+naar|"
    r"zoals\s+besproken\s+(?:in|op|tijdens))\s+(?:het|ons|uw|je|jouw|jullie|de|een)\s+"
    r"(?:\w+\s+)?(?:overleg|gesprek|mail|e-mail|bericht|vraag|telefoontje|verzoek|"
    r"bijeenkomst|vergadering|afspraak)\b[^.;:,]{0,30}[:,]?\s*",
    _I,
)
# An intention: what is planned or wanted (goal material, not the aanleiding).
INTENTION: Final = re.compile(
    r"\b(?:we|wij|ik)\s+(?:\w+\s+){0,2}(?:willen|wil|gaan|ga|zijn\s+van\s+plan)\b|"
    r"\bwil(?:len)?\s+dat\s+(?:we|wij)\b|"
    r"\b(?:het|ons|onze)\s+(?:doel|idee|plan|streven|voornemen|ambitie|bedoeling)\b|"
    r"\bde\s+(?:bedoeling|ambitie|opgave)\s+is\b|\b(?:beoogt|beogen|streeft|streven|"
    r"stelt\s+voor|wordt\s+voorgesteld|heeft\s+besloten|besluit\s+(?:tot|om))\b|"
    r"^\s*(?:het\s+college|de\s+gemeente|de\s+raad|"
    r"(?!(?:het|dit|dat|er|die|deze|wat|hoe|dan|nu|daar|hier)\b)(?-i:[A-Z])[\w-]+)\s+"
    r"(?:van\s+\w+\s+)?"
    r"(?:wil|gaat)\b",
    _I,
)

# Words a sentence that only carries a typed value consists of: "Budget 3,5 miljoen.",
# "Wethouder Van der Meer is opdrachtgever.", "Klaar eind 2027." Capitalised words (names)
# and numbers are typed material too.
# Words that show a sentence is about a typed field even when the value itself is not
# read ("De heer Van Eijk is bestuurlijk opdrachtgever").
TYPED_CUES: Final = frozenset(
    {"opdrachtgever", "opdrachtgevers", "budget", "fte", "deadline", "einddatum"}
    | {"bestuurlijk", "ambtelijk"}
)
_TYPED_WORDS = (
    "budget bedrag raming krediet miljoen mln mio ton duizend euro eur k "
    "fte formatie capaciteit uur uren dagen dag per week maand maanden jaar "
    "opdrachtgever opdrachtgevers bestuurlijk bestuurlijke ambtelijk ambtelijke "
    "wethouder wethouders portefeuillehouder burgemeester college directeur afdelingshoofd "
    "hoofd teamleider programmamanager manager gedeputeerde dijkgraaf "
    "klaar gereed af afgerond opgeleverd opleveren oplevering deadline einddatum "
    "eind begin medio voor na uiterlijk vóór uiterst q1 q2 q3 q4 kwartaal "
    "januari februari maart april mei juni juli augustus september oktober november "
    "december voorjaar zomer najaar winter "
    "een twee drie vier vijf zes zeven acht negen tien half halve anderhalf anderhalve "
    "en de het van der den is zijn ben wordt worden we wij ik er voor hebben heeft "
    "hebt moet moeten in op met om tot totaal ongeveer circa zo'n ca dat die dit "
    "toch nu al wel ook beschikbaar gereserveerd ruim bijna maximaal wil als nodig "
    "hoeveel precies echter daarvoor ervoor hiervoor"
)
TYPED_WORDS: Final = frozenset(_TYPED_WORDS.split())
