"""Cue words the kwaliteitstoets reads in a commission's free text (data only).

Each value is a regular expression source; `reviewing` compiles them case-insensitively.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opdrachtassistent.commission import SectionKey

# A result that names a number, quantity or norm is measurable.
NUMBERISH = (
    r"\d|%|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|"
    r"veertig|vijftig|honderd\w*|duizend\w*|miljoen|helft|kwart|procent|alle|elke|iedere?|"
    r"geen|nul|minimaal|maximaal|tenminste|ten minste|hooguit)\b"
)

# A goal that names only an activity (and no outcome) describes the work, not its effect.
ACTIVITY = (
    r"\b(her)?inricht\w*|\bvervang\w*|\bvervanging\w*|\baanleg\w*|\brenov\w*|\breconstru\w*|"
    r"\bopknap\w*|\bvernieuw\w*|\bonderhoud\w*|\buitvoer\w*|\baanpak\w*|\bbestrat\w*|"
    r"\bherstrat\w*|\basfalter\w*|\bverbred\w*|\bophog\w*|\bafkoppel\w*|\brealiser\w*|"
    r"\brioler(en|ing)\b|\bbouwen\b|\bslopen\b|\bplanten\b|\bwerkzaamheden\b"
)
OUTCOME = (
    r"\b(zodat|waardoor|opdat|met als doel|leidt tot|om\b.{1,80}\bte\b|"
    r"\w+(bestendig|robuust|vrij|inclusief|baar|veilig)\w*|"
    r"veilig\w*|leefba\w*|duurza\w*|gezond\w*|prettig\w*|aantrekkelijk\w*|"
    r"toegankelijk\w*|groener|koeler|droog|minder|meer|beter|verbeter\w*|voorkomen|"
    r"beperken|verminder\w*|vergro\w*|verhog\w*|verlag\w*)\b"
)

# A way of working that names cooperation between disciplines.
COOPERATION = (
    r"(team|overleg|samenwerk|afstem|stuurgroep|regie|coördin|coordin|programma|bouwteam|"
    r"allian|werkgroep|projectgroep|gezamenlijk|integra|omgevingsmanag|werksessie|"
    r"werkplaats|tafel|kernteam|partners|convenant|samen met)"
)

# Discipline budgets as people write them in funding text (keys are themes).
DISCIPLINE_BUDGETS: dict[str, str] = {
    "riolering": r"riool|riolering|\bv?grp\b|watertaken",
    "verharding": r"wegen|wegbeheer|verharding|asfalt|onderhoud\s+van\s+wegen",
    "groen": r"groen|bomen",
    "mobiliteit": r"mobiliteit|verkeer",
    "openbare_verlichting": r"verlichting",
    "energietransitie": r"warmte|energie",
    "klimaatadaptatie": r"klimaat",
    "water": r"\bwater(?!schap|taken)",
}
# Funding text that already names more than one source.
SHARED_FUNDING = (
    r"integra|gezamenlijk|gecombineerd|gebundeld|programmabudget|ontschot|meerdere|"
    r"alle disciplines|cofinanc|bijdrage|subsidie|\bsamen\b|waterschap|netbeheerder|"
    r"corporatie|provincie|rijk\b"
)

# How the frameworks and instruments of a commission name each required framework
# (keys are those of `reviewing.rules.FRAMEWORK_REQUIREMENTS`).
FRAMEWORK_ALIASES: dict[str, str] = {
    "omgevingswet": r"omgevings(wet|plan|visie|programma|vergunning)",
    "rioleringsplan": r"\bv?grp\b|rioleringsplan|rioleringsprogramma|watertaken",
    "mobiliteitsplan": (
        r"mobiliteits(plan|visie|programma|beleid)|verkeersbesluit|\bg?vvp\b|"
        r"verkeers(plan|beleid|circulatieplan)|verkeer- en vervoer"
    ),
    "transitievisie_warmte": (
        r"transitievisie|\btvw\b|warmteprogramma|warmteplan|wijkuitvoeringsplan|"
        r"warmtewet|wet collectieve warmte"
    ),
    "klimaatadaptatie": r"klimaatadaptatie|deltaplan|hitteplan|waterplan|stresstest",
    "kabels_en_leidingen": r"wibon|wion|crow|leidingenverordening|kabels en leidingen|ondergrond",
}

# Which section an open question is about, by its words (first match wins; else context).
QUESTION_SECTIONS: tuple[tuple[SectionKey, str], ...] = (
    ("mandate", r"opdrachtgever|mandaat|\bbeslis|escal|wethouder|college|\bniveau\b"),
    (
        "resources",
        r"budget|\bgeld\b|euro|€|\bfte\b|capaciteit|deadline|einddatum|datum|wanneer|"
        r"\bklaar\b|financ|dekking|kosten",
    ),
    ("stakeholders", r"stakeholder|betrokken|partij|bewoner|waterschap|netbeheer|corporatie"),
    ("goal", r"\bdoel|resultaat|bereik|thema"),
    ("frameworks", r"kader|beleid|\bwet\b|regels?\b|randvoorwaard"),
    ("instruments", r"instrument"),
    ("organisation", r"organisatie|werkwijze|team|overleg|samenwerk|sturing"),
)
