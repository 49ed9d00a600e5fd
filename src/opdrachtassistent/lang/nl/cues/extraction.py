"""Dutch cue patterns of the offline extractor (data: compiled patterns, no logic).

Which words show that a sentence states a goal, a result, a mandate, an escalation route,
funding, the organisation or the context; labelled lines in notes; answers that skip a
question; text that tries to instruct the assistant.
"""

from __future__ import annotations

import re


def _cue(*words: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(words) + r")", re.IGNORECASE)


# A sentence that says something measurable or observable about the outcome.
RESULT = re.compile(
    r"\d|\b(?:minder|meer|nul|geen\b.*\bmeer|verminder|verhoog|verbeter|halver|verdubbel|"
    r"afgekoppeld|afkoppel|aardgasvrij|klimaatbestendig|veilig(?:er)?|toegankelijk|"
    r"bomen|wadi|waterberging|berging|aansluiting|laadpa|fietspad|oversteek|"
    r"procent|hectare|vierkante|kuub|woningen|parkeerplaatsen|opgeleverd|vervangen|"
    r"een\s+(?:tot|twee|drie|vier|vijf|tien|honderd|duizend))",
    re.IGNORECASE,
)
STRONG_RESULT = re.compile(
    r"\d|\b(?:alle|nul|geen\b.*\bmeer|procent|hectare|kuub|twee|drie|vier|vijf|zes|tien|twintig|"
    r"dertig|veertig|vijftig|honderd|duizend|halver\w*|verdubbel\w*)\b",
    re.IGNORECASE,
)
GOAL_CUE = _cue(r"doel(?:en|stelling)?\b", r"willen bereiken", r"beoogd", r"ambitie", r"zodat")
RESULTS_LABEL = _cue(r"resultaten?\b", r"beoogde? resulta", r"opleveren", r"kpi")
DECISION_CUE = _cue(
    r"mandaat",
    r"beslisruimte",
    r"beslis",
    r"mag\b",
    r"mogen\b",
    r"bevoegd",
    r"zelfstandig",
    r"zelf\b",
    r"binnen (?:het|de) (?:budget|kaders?|marge)",
    r"afwijk",
    r"ruimte om",
)
ESCALATION_CUE = _cue(
    r"escal",
    r"overschrijd",
    r"overschrijding",
    r"terug naar",
    r"voorleggen",
    r"voorgelegd",
    r"meerkosten",
    r"gaat (?:het )?naar",
    r"bij (?:afwijking|conflict|geschil|problemen)",
    r"opschal",
    r"knoop doorhakken",
    r"doorhakken",
    r"legt .* voor",
)
STRONG_DECISION = re.compile(
    r"\b(?:mag|mogen|beslist|besluit|beslissen|besluiten)\b.{0,60}\b(?:zelf|zelfstandig|binnen)\b|"
    r"\bbinnen\b.{0,60}\b(?:beslist|besluit|beslissen|besluiten|mag|mogen)\b|\bmandaat\b|"
    r"\bbeslisruimte\b",
    re.IGNORECASE,
)
STRONG_ESCALATION = re.compile(
    r"\b(?:bij|boven)\s+(?:een\s+)?(?:overschrijding|meerkosten|afwijking)|\bescal\w*|"
    r"\bopschal\w*",
    re.IGNORECASE,
)
STRONG_ORGANISATION = re.compile(
    r"\b(?:\w*projectteam|kernteam|integraal team|bouwteam|wijkteam|projectorganisatie)\b",
    re.IGNORECASE,
)
# What describes a team rather than what it may decide: who is in it, how it meets.
TEAM_MAKEUP = re.compile(
    r"\b(?:met|bestaat uit|bestaande uit|samen|overleg\w*|komt .* bij elkaar|onder leiding)\b",
    re.IGNORECASE,
)
# Text that addresses a machine rather than answering a question: kept out of every field.
INSTRUCTION = re.compile(
    r"\b(?:negeer|vergeet|ignore|disregard|forget)\b.{0,40}\b(?:instructies?|instructions?|"
    r"opdrachten|prompts?|regels|rules)\b|\b(?:system|assistant|systeem)\s*:|"
    r"\b(?:system prompt|systeemprompt|jailbreak)\b",
    re.IGNORECASE,
)
# Pseudo-delimiters a user may type to break out of a prompt ("</data>"): removed as noise.
FAKE_DELIMITER = re.compile(
    r"</?\s*(?:data|system|instructions?|antwoord|user|assistant|prompt)\s*>", re.IGNORECASE
)


FUNDING_CUE = _cue(
    r"gefinancierd",
    r"financiering",
    r"dekking",
    r"gedekt",
    r"krediet",
    r"reserve",
    r"subsidie",
    r"bijdrage",
    r"cofinanc",
    r"begroting",
    r"uit het\b",
    r"uit de\b",
    r"betaald",
    r"potje",
    r"budget(?:ten)? (?:van|uit|voor)",
)
ORGANISATION_CUE = _cue(
    r"projectteam",
    r"integraal team",
    r"kernteam",
    r"stuurgroep",
    r"werkgroep",
    r"werkwijze",
    r"werken we",
    r"samenwerk",
    r"bouwteam",
    r"procesmanager",
    r"omgevingsmanager",
    r"wekelijks",
    r"maandelijks",
    r"tweewekelijks",
    r"regie\w* (?:ligt|bij)",
)
CONTEXT_CUE = _cue(
    r"aanleiding",
    r"omdat",
    r"probleem",
    r"klachten",
    r"aan vervanging toe",
    r"einde levensduur",
    r"versleten",
    r"wateroverlast",
    r"hittestress",
)

# "Label: value" lines in notes, mapped to the field they fill.
LABEL_LEAD = re.compile(r"^(?:[-*•#>\s]+)?(?:(?:het|de|ons|onze)\s+)?", re.IGNORECASE)
LABELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:titel|project|onderwerp|betreft)\s*:", re.I), "title"),
    (
        re.compile(r"^(?:aanleiding|context|opgave|achtergrond|probleem(?:stelling)?)\s*:", re.I),
        "context",
    ),
    (re.compile(r"^(?:doel(?:stelling)?|doelen|ambitie)\s*:", re.I), "goal"),
    (re.compile(r"^(?:beoogde? )?resulta(?:at|ten)\s*:", re.I), "results"),
    (re.compile(r"^(?:mandaat|beslisruimte|bevoegdheden)\s*:", re.I), "decision_space"),
    (re.compile(r"^(?:escalatie|opschaling)\s*:", re.I), "escalation"),
    (
        re.compile(r"^(?:organisatie|werkwijze|aanpak|sturing|projectorganisatie)\s*:", re.I),
        "organisation",
    ),
    (
        re.compile(r"^(?:kaders?|randvoorwaarden|beleid|wet- en regelgeving)\s*:", re.I),
        "frameworks",
    ),
    (re.compile(r"^(?:instrument(?:en|arium)?|middelen en instrumenten)\s*:", re.I), "instruments"),
    (re.compile(r"^(?:financiering|dekking)\s*:", re.I), "funding"),
    (
        re.compile(r"^(?:stakeholders|betrokkenen|partijen|belanghebbenden)\s*:", re.I),
        "stakeholders",
    ),
]

ANY_LABEL = re.compile(r"^[A-Za-z\u00c0-\u017f][\w ()/&'-]{1,40}:\s*\S")

PLACE = re.compile(
    r"\b((?:[A-Z][\w'-]*\s)?[A-Z][\w'-]*(?:straat|weg|laan|plein|kade|singel|buurt|wijk|"
    r"park|dreef|gracht|dijk|pad|steeg|centrum|hof|markt|zone|kwartier|haven)"
    r"|[A-Z][\w'-]+(?= en omgeving))\b"
)
SKIP_PHRASE = (
    r"(?:(?:dat )?weet ik (?:nog |echt |ook )?niet|geen idee|(?:nog )?geen flauw idee|"
    r"sla (?:dit |deze vraag |maar |het )*over|overslaan|later|volgende(?: vraag)?|"
    r"n\.?v\.?t\.?|nvt|nog niet bekend|onbekend|nog onbekend|(?:dat )?kan ik (?:nog )?niet "
    r"zeggen|geen antwoord|pas|pass|-|\?+|nee(?:,? dat was (?:het|alles))?|dat was (?:het|alles)|"
    r"verder (?:niet|niks|niets|geen)|niks|niets(?: meer)?|geen (?:andere|verdere|meer))"
)
SKIP_ONLY = re.compile(rf"^\s*{SKIP_PHRASE}[\s.!]*$", re.IGNORECASE)
SKIP_LEAD = re.compile(
    r"^\s*(?:(?:dat )?weet ik (?:nog |echt |ook )?niet|geen idee|sla (?:dit |deze vraag |maar )*"
    r"over|overslaan|nog niet bekend|onbekend|(?:dat )?kan ik (?:nog )?niet zeggen)"
    r"\s*[.,!;:\u2013-]+\s*",
    re.IGNORECASE,
)
