"""The quality check (kwaliteitstoets): where would this commission push administrative
questions into execution?

The essay *Integrale opgave = integrale uitvoering* (Stantec, City Deal Openbare Ruimte)
argues that execution should be left with technical and planning problems only: goal,
mandate, stakeholders, resources, frameworks and the way of working belong in the
commission. Each rule below checks one of those conditions and explains, in Dutch, the risk
in execution and what to add. Findings cite corpus passages through a `Retriever` when one is
given; without one the rule logic works the same and `sources` stay empty.

Pure: stdlib, pydantic and the core modules only.

Rule ids (stable; programme offices may filter on them):

====================================  =======  ===============================================
rule                                  section  fires when
====================================  =======  ===============================================
geen_doel                             goal     no goal statement
doel_is_activiteit                    goal     the goal names an activity, not an outcome
geen_resultaten                       goal     no intended results
resultaat_niet_meetbaar               goal     results without a number, quantity or norm
geen_thema                            goal     no themes, so the integral check cannot run
geen_opdrachtgever                    mandate  no commissioner
mandaat_niveau                        mandate  2+ themes with an ambtelijk commissioner or a
                                               single department
niveau_onbekend                       mandate  commissioner without a (derivable) level
geen_beslisruimte                     mandate  no decision space
geen_escalatie                        mandate  no escalation route
te_weinig_stakeholders                stakeh.  fewer than two stakeholders
stakeholder_ontbreekt                 stakeh.  a theme without the party it implies
stakeholder_zonder_rol                stakeh.  stakeholders without role or interest
geen_budget / geen_capaciteit /       resour.  the value is missing
geen_deadline
budget_een_discipline                 resour.  2+ themes, funding from one discipline only
deadline_verstreken                   resour.  the deadline lies in the past
deadline_te_krap                      resour.  less time than the themes need to prepare
kader_ontbreekt                       framew.  a theme without the framework it clearly has
geen_kaders                           framew.  no frameworks at all (and no themes to infer)
geen_instrumenten                     instr.   no instruments
geen_organisatie                      organ.   no organisation or way of working
organisatie_zonder_samenwerking       organ.   2+ themes, but the way of working names no
                                               cooperation between disciplines
open_vragen                           (any)    open questions remain in a section no other rule
                                               flags (elsewhere they join that finding)
geen_context                          context  no occasion / task described
====================================  =======  ===============================================
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

from pydantic import BaseModel, Field

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission, SectionKey
from opdrachtassistent.passages import Passage, Retriever

Severity = Literal["hoog", "midden", "laag"]
SEVERITIES: tuple[Severity, ...] = ("hoog", "midden", "laag")
_SEVERITY_ORDER: dict[Severity, int] = {s: i for i, s in enumerate(SEVERITIES)}

MAX_SOURCES = 2  # passages cited per finding


class Finding(BaseModel):
    """One risk for execution: where it sits, how serious it is, what to add, and why."""

    severity: Severity
    section: SectionKey
    rule: str = Field(description="Stable rule id, e.g. 'mandaat_niveau'.")
    message: str = Field(description="Dutch: the risk in execution and what to add.")
    sources: list[Passage] = Field(default_factory=list)


class Review(BaseModel):
    """All findings (hoog first), a short Dutch verdict, and whether execution can start."""

    findings: list[Finding] = Field(default_factory=list)
    verdict: str
    ready: bool

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def for_section(self, section: SectionKey) -> list[Finding]:
        return [f for f in self.findings if f.section == section]

    def rules(self) -> set[str]:
        return {f.rule for f in self.findings}


# --------------------------------------------------------------------------------------------
# Citations: a fixed query per rule, plus preferred passage ids once the corpus has them.
# A pinned id that is missing from the index falls back to the query.


@dataclass(frozen=True)
class _Citation:
    query: str
    pinned: tuple[str, ...] = ()


# Passage ids in the built-in corpus (`corpus/*.md`): '<file stem>#<heading slug>'.
_E = "essay-integrale-opgave#"
_K = "knelpunten#"
_DOEL = "opdracht-doel#"
_MANDAAT = "opdracht-mandaat#"
_STAKE = "opdracht-stakeholders#"
_MIDDELEN = "opdracht-middelen#"
_KADERS = "opdracht-kaders#"
_ORG = "opdracht-organisatie#"

CITATIONS: dict[str, _Citation] = {
    "geen_doel": _Citation(
        "samenhangend doel van de integrale aanpak",
        (
            f"{_DOEL}wat-een-goed-integraal-doel-kenmerkt",
            f"{_E}twee-vragen-die-vooraf-beantwoord-moeten-zijn",
        ),
    ),
    "doel_is_activiteit": _Citation(
        "doel als effect of uitkomst in plaats van activiteit",
        (
            f"{_K}het-doel-is-een-activiteit-in-plaats-van-een-resultaat",
            f"{_DOEL}effect-prestatie-en-activiteit-uit-elkaar-houden",
        ),
    ),
    "geen_resultaten": _Citation(
        "beoogde resultaten SMART meetbaar",
        (f"{_DOEL}wat-een-goed-integraal-doel-kenmerkt", f"{_DOEL}goed-voorbeeld-van-een-doel"),
    ),
    "resultaat_niet_meetbaar": _Citation(
        "meetbare resultaten SMART acceptatiecriteria",
        (f"{_DOEL}wat-een-goed-integraal-doel-kenmerkt", f"{_DOEL}zwak-voorbeeld-van-een-doel"),
    ),
    "geen_thema": _Citation(
        "integrale opgave meerdere thema's samenhang",
        (f"{_E}de-kern-een-integrale-opgave-is-ook-een-organisatievraagstuk",),
    ),
    "geen_opdrachtgever": _Citation(
        "bestuurlijk en ambtelijk opdrachtgever",
        (
            f"{_MANDAAT}twee-opdrachtgevers-bestuurlijk-en-ambtelijk",
            f"{_MANDAAT}een-opdracht-is-richting-plus-randvoorwaarden",
        ),
    ),
    "mandaat_niveau": _Citation(
        "mandaat op het verkeerde niveau, sturing op samenhang begint bestuurlijk",
        (
            f"{_K}mandaat-op-het-verkeerde-niveau",
            f"{_E}sturen-op-samenhang-begint-op-bestuurlijk-niveau",
        ),
    ),
    "niveau_onbekend": _Citation(
        "aansturing op het juiste niveau met mandaat",
        (
            f"{_MANDAAT}twee-opdrachtgevers-bestuurlijk-en-ambtelijk",
            f"{_E}twee-vragen-die-vooraf-beantwoord-moeten-zijn",
        ),
    ),
    "geen_beslisruimte": _Citation(
        "beslisruimte en mandaat van de opdrachtnemer, toleranties",
        (
            f"{_K}geen-beslisruimte-en-geen-escalatiepad",
            f"{_MANDAAT}beslisruimte-toleranties-en-escalatie",
        ),
    ),
    "geen_escalatie": _Citation(
        "escalatieroute bij conflicten tussen disciplines",
        (
            f"{_MANDAAT}beslisruimte-toleranties-en-escalatie",
            f"{_K}geen-beslisruimte-en-geen-escalatiepad",
        ),
    ),
    "te_weinig_stakeholders": _Citation(
        "relevante stakeholders betrekken",
        (f"{_STAKE}wat-een-goede-stakeholderlijst-bevat", f"{_K}stakeholders-te-laat-aan-tafel"),
    ),
    "stakeholder_ontbreekt": _Citation(
        "netbeheerder waterschap woningcorporatie vroegtijdig betrekken",
        (f"{_K}een-thema-zonder-de-partij-die-erbij-hoort", f"{_K}stakeholders-te-laat-aan-tafel"),
    ),
    "stakeholder_zonder_rol": _Citation(
        "rollen en belangen van stakeholders",
        (f"{_STAKE}wat-een-goede-stakeholderlijst-bevat",),
    ),
    "geen_budget": _Citation(
        "budget voldoende middelen GOTIK geld",
        (
            f"{_K}geld-capaciteit-of-termijn-ontbreekt",
            f"{_MIDDELEN}gotik-geld-organisatie-tijd-informatie-kwaliteit",
        ),
    ),
    "geen_capaciteit": _Citation(
        "capaciteit fte voldoende middelen",
        (
            f"{_K}geld-capaciteit-of-termijn-ontbreekt",
            f"{_MIDDELEN}wat-goede-middelen-in-een-opdracht-zijn",
        ),
    ),
    "geen_deadline": _Citation(
        "einddatum planning doorlooptijd",
        (
            f"{_K}geld-capaciteit-of-termijn-ontbreekt",
            f"{_MIDDELEN}realistische-planning-en-doorlooptijd",
        ),
    ),
    "budget_een_discipline": _Citation(
        "budget van één discipline, verkokerde budgetten ontschotten",
        (f"{_K}budgetten-per-discipline", f"{_MIDDELEN}ontschotten-van-budgetten"),
    ),
    "deadline_verstreken": _Citation(
        "planning en doorlooptijd van de voorbereiding",
        (f"{_MIDDELEN}realistische-planning-en-doorlooptijd",),
    ),
    "deadline_te_krap": _Citation(
        "te krappe planning, voorbereidingstijd netbeheerders en riolering",
        (f"{_K}te-krappe-planning", f"{_MIDDELEN}realistische-planning-en-doorlooptijd"),
    ),
    "kader_ontbreekt": _Citation(
        "kaders Omgevingswet GRP mobiliteitsplan transitievisie warmte",
        (f"{_K}kaders-ontbreken-of-zijn-onbekend",),
    ),
    "geen_kaders": _Citation(
        "context en kaders van de opdracht",
        (
            f"{_K}kaders-ontbreken-of-zijn-onbekend",
            f"{_KADERS}wat-goede-kaders-in-een-opdracht-zijn",
        ),
    ),
    "geen_instrumenten": _Citation(
        "passend instrumentarium",
        ("opdracht-instrumenten#wat-een-goede-keuze-van-instrumenten-is",),
    ),
    "geen_organisatie": _Citation(
        "geen organisatie voor samenwerking tussen disciplines, werkwijze",
        (
            f"{_K}geen-organisatie-voor-de-samenwerking",
            f"{_E}samenwerken-en-organisatiecultuur-bepalen-het-succes",
        ),
    ),
    "organisatie_zonder_samenwerking": _Citation(
        "samenwerking tussen disciplines organiseren, integraal team",
        (
            f"{_K}geen-organisatie-voor-de-samenwerking",
            f"{_ORG}wat-een-goede-projectorganisatie-bevat",
        ),
    ),
    "open_vragen": _Citation(
        "bestuurlijke vragen beantwoorden voor de uitvoering, opdrachtverstrekking",
        (
            f"{_E}alleen-uitvoerbare-knelpunten-horen-in-de-uitvoering",
            f"{_K}versnipperde-voorbereiding",
        ),
    ),
    "geen_context": _Citation(
        "aanleiding en opgave",
        ("opdracht-context#wat-een-goede-beschrijving-van-de-context-bevat",),
    ),
}

# Per kind of party: the passage that explains why the theme needs it (cited first).
PARTY_PASSAGES: dict[str, str] = {
    "waterschap": "thema-riolering#het-waterschap-als-vaste-partner-bij-riolering",
    "netbeheerder": "thema-kabels-en-leidingen#netbeheerders-en-nutsbedrijven-als-stakeholders",
    "woningcorporatie": (
        "thema-energietransitie#netbeheerder-en-woningcorporatie-als-stakeholders"
    ),
    "vervoerder": "thema-mobiliteit#vervoerder-en-hulpdiensten-als-stakeholders",
    "hulpdiensten": "thema-mobiliteit#vervoerder-en-hulpdiensten-als-stakeholders",
}


class _Cite:
    """Looks up the sources of each rule (and its particular pins) once per review."""

    def __init__(self, retriever: Retriever | None) -> None:
        self._retriever = retriever
        self._cache: dict[tuple[str, tuple[str, ...]], list[Passage]] = {}

    def __call__(self, rule: str, section: SectionKey, pins: tuple[str, ...] = ()) -> list[Passage]:
        if self._retriever is None:
            return []
        key = (rule, pins)
        if key not in self._cache:
            self._cache[key] = self._lookup(self._retriever, rule, section, pins)
        return [p.model_copy() for p in self._cache[key]]

    @staticmethod
    def _lookup(
        retriever: Retriever, rule: str, section: SectionKey, pins: tuple[str, ...]
    ) -> list[Passage]:
        citation = CITATIONS.get(rule, _Citation(rule.replace("_", " ")))
        found: list[Passage] = []
        for pid in dict.fromkeys((*pins, *citation.pinned)):
            if len(found) >= MAX_SOURCES:
                break
            passage = retriever.get(pid)
            if passage is not None:
                found.append(passage)
        if len(found) < MAX_SOURCES:
            seen = {p.id for p in found}
            for passage in retriever.search(citation.query, k=MAX_SOURCES + 1, section=section):
                if passage.id not in seen:
                    found.append(passage)
                    seen.add(passage.id)
        return found[:MAX_SOURCES]


# --------------------------------------------------------------------------------------------
# Vocabulary the rules read. Kept here, in one place, so the rules stay short.

_BESTUURLIJK = re.compile(
    r"\b(wethouders?|college|b\s*&\s*w|b\s*en\s*w|burgemeester|gemeenteraad|raad|"
    r"portefeuillehouders?|gedeputeerde|bestuurlijke?|dagelijks bestuur)\b",
    re.IGNORECASE,
)
_DEPARTMENT = re.compile(
    r"\b(afdeling\w*|afdelingshoofd|teamleiders?|team\w*|sector\w*|"
    r"hoofd|manager|vakafdeling|cluster\w*)\b",
    re.IGNORECASE,
)
_AMBTELIJK = re.compile(
    r"\b(directeur\w*|directie|gemeentesecretaris|programmamanager|projectleider|"
    r"ambtelijke?|concerndirectie)\b",
    re.IGNORECASE,
)

_NUMBERISH = re.compile(
    r"\d|%|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|"
    r"veertig|vijftig|honderd\w*|duizend\w*|miljoen|helft|kwart|procent|alle|elke|iedere?|"
    r"geen|nul|minimaal|maximaal|tenminste|ten minste|hooguit)\b",
    re.IGNORECASE,
)

_ACTIVITY = re.compile(
    r"\b(her)?inricht\w*|\bvervang\w*|\bvervanging\w*|\baanleg\w*|\brenov\w*|\breconstru\w*|"
    r"\bopknap\w*|\bvernieuw\w*|\bonderhoud\w*|\buitvoer\w*|\baanpak\w*|\bbestrat\w*|"
    r"\bherstrat\w*|\basfalter\w*|\bverbred\w*|\bophog\w*|\bafkoppel\w*|\brealiser\w*|"
    r"\brioler(en|ing)\b|\bbouwen\b|\bslopen\b|\bplanten\b|\bwerkzaamheden\b",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"\b(zodat|waardoor|opdat|met als doel|leidt tot|om\b.{1,80}\bte\b|"
    r"\w+(bestendig|robuust|vrij|inclusief|baar|veilig)\w*|"
    r"veilig\w*|leefba\w*|duurza\w*|gezond\w*|prettig\w*|aantrekkelijk\w*|"
    r"toegankelijk\w*|groener|koeler|droog|minder|meer|beter|verbeter\w*|voorkomen|"
    r"beperken|verminder\w*|vergro\w*|verhog\w*|verlag\w*)\b",
    re.IGNORECASE,
)

_COOPERATION = re.compile(
    r"(team|overleg|samenwerk|afstem|stuurgroep|regie|coördin|coordin|programma|bouwteam|"
    r"allian|werkgroep|projectgroep|gezamenlijk|integra|omgevingsmanag|werksessie|"
    r"werkplaats|tafel|kernteam|partners|convenant|samen met)",
    re.IGNORECASE,
)

# Discipline budgets as people write them in funding text.
_DISCIPLINE_BUDGETS: dict[str, re.Pattern[str]] = {
    "riolering": re.compile(r"riool|riolering|\bv?grp\b|watertaken", re.IGNORECASE),
    "verharding": re.compile(
        r"wegen|wegbeheer|verharding|asfalt|onderhoud\s+van\s+wegen", re.IGNORECASE
    ),
    "groen": re.compile(r"groen|bomen", re.IGNORECASE),
    "mobiliteit": re.compile(r"mobiliteit|verkeer", re.IGNORECASE),
    "openbare_verlichting": re.compile(r"verlichting", re.IGNORECASE),
    "energietransitie": re.compile(r"warmte|energie", re.IGNORECASE),
    "klimaatadaptatie": re.compile(r"klimaat", re.IGNORECASE),
    "water": re.compile(r"\bwater(?!schap|taken)", re.IGNORECASE),
}
_SHARED_FUNDING = re.compile(
    r"integra|gezamenlijk|gecombineerd|gebundeld|programmabudget|ontschot|meerdere|"
    r"alle disciplines|cofinanc|bijdrage|subsidie|\bsamen\b|waterschap|netbeheerder|"
    r"corporatie|provincie|rijk\b",
    re.IGNORECASE,
)

# Themes and the parties they imply: each inner tuple needs at least one of its kinds.
IMPLIED_PARTIES: dict[str, tuple[tuple[str, ...], ...]] = {
    "riolering": (("waterschap",),),
    "klimaatadaptatie": (("waterschap",),),
    "water": (("waterschap",),),
    "kabels_en_leidingen": (("netbeheerder",),),
    "mobiliteit": (("vervoerder", "hulpdiensten"),),
    "energietransitie": (("netbeheerder",), ("woningcorporatie",)),
}
_KIND_LABELS: dict[str, str] = {
    "waterschap": "het waterschap (of hoogheemraadschap)",
    "netbeheerder": "de netbeheerder",
    "vervoerder": "het openbaar vervoer",
    "hulpdiensten": "de hulpdiensten",
    "woningcorporatie": "de woningcorporatie",
}
# Own fallback when extraction is not available or does not know the name.
_KIND_PATTERNS: dict[str, re.Pattern[str]] = {
    "waterschap": re.compile(
        r"waterschap|hoogheemraadschap|wetterskip|\bdelfland\b|rijnland|\baa en maas\b",
        re.IGNORECASE,
    ),
    "netbeheerder": re.compile(
        r"netbeheer|enexis|liander|stedin|alliander|westland infra|coteq|rendo|\btennet\b|"
        r"\bnetwerkbedrijf\b",
        re.IGNORECASE,
    ),
    "vervoerder": re.compile(
        r"vervoerder|openbaar vervoer|\bov\b|busmaatschappij|arriva|connexxion|qbuzz|"
        r"keolis|\bhtm\b|\bret\b|\bgvb\b|\bebs\b|hermes|u-ov|prorail",
        re.IGNORECASE,
    ),
    "hulpdiensten": re.compile(
        r"hulpdienst|brandweer|ambulance|politie|veiligheidsregio|\bghor\b", re.IGNORECASE
    ),
    "woningcorporatie": re.compile(
        r"corporatie|woonstichting|woningstichting|woonbedrijf|woningbouwvereniging|"
        r"ymere|vestia|portaal|woonstad|eigen haard|de alliantie|mitros|\bwoonzorg\b",
        re.IGNORECASE,
    ),
}

# Themes whose preparation takes long (coordination with external plan cycles, design,
# permits): months needed between the commission and the deadline.
PREPARATION_MONTHS: dict[str, int] = {
    "riolering": 12,
    "kabels_en_leidingen": 12,
    "energietransitie": 12,
}
INTEGRAL_PREPARATION_MONTHS = 6  # any other integral goal (2+ themes)


@dataclass(frozen=True)
class _Framework:
    label: str
    theme: str | None  # None: required for every integral goal
    aliases: re.Pattern[str]
    severity: Severity
    why: str
    passage: str  # the corpus passage about this framework


FRAMEWORK_REQUIREMENTS: tuple[_Framework, ...] = (
    _Framework(
        "de Omgevingswet (en het omgevingsplan)",
        None,
        re.compile(r"omgevings(wet|plan|visie|programma|vergunning)", re.IGNORECASE),
        "midden",
        "een integrale ingreep in de fysieke leefomgeving valt onder de Omgevingswet, die "
        "juist vraagt om samenhang (art. 1.3)",
        "opdracht-kaders#omgevingswet-samenhang-als-wettelijk-uitgangspunt",
    ),
    _Framework(
        "het Gemeentelijk Rioleringsplan (GRP) of de Wet gemeentelijke watertaken",
        "riolering",
        re.compile(r"\bv?grp\b|rioleringsplan|rioleringsprogramma|watertaken", re.IGNORECASE),
        "midden",
        "de riolering volgt de planning en de normen van het GRP",
        "thema-riolering#van-grp-naar-water-en-rioleringsprogramma",
    ),
    _Framework(
        "het mobiliteitsplan of een verkeersbesluit",
        "mobiliteit",
        re.compile(
            r"mobiliteits(plan|visie|programma|beleid)|verkeersbesluit|\bg?vvp\b|"
            r"verkeers(plan|beleid|circulatieplan)|verkeer- en vervoer",
            re.IGNORECASE,
        ),
        "midden",
        "wijzigingen in verkeer vragen een verkeersbesluit en passen in het mobiliteitsbeleid",
        "thema-mobiliteit#mobiliteitsplan-als-kader",
    ),
    _Framework(
        "de Transitievisie warmte of het warmteprogramma",
        "energietransitie",
        re.compile(
            r"transitievisie|\btvw\b|warmteprogramma|warmteplan|wijkuitvoeringsplan|"
            r"warmtewet|wet collectieve warmte",
            re.IGNORECASE,
        ),
        "midden",
        "welke wijk wanneer van het aardgas gaat, ligt vast in de transitievisie warmte",
        "thema-energietransitie#transitievisie-warmte-en-warmteprogramma",
    ),
    _Framework(
        "de klimaatadaptatiestrategie of het Deltaplan Ruimtelijke Adaptatie",
        "klimaatadaptatie",
        re.compile(r"klimaatadaptatie|deltaplan|hitteplan|waterplan|stresstest", re.IGNORECASE),
        "laag",
        "de normen voor hevige buien en hitte staan in de klimaatadaptatiestrategie",
        "thema-klimaatadaptatie#deltaplan-ruimtelijke-adaptatie-en-de-stresstest",
    ),
    _Framework(
        "de WIBON en de CROW-richtlijn voor kabels en leidingen",
        "kabels_en_leidingen",
        re.compile(
            r"wibon|wion|crow|leidingenverordening|kabels en leidingen|ondergrond",
            re.IGNORECASE,
        ),
        "laag",
        "graafwerk valt onder de WIBON; de gemeente voert regie op de ondergrond",
        "thema-kabels-en-leidingen#klic-melding-en-de-wibon",
    ),
)

# Which section an open question is about, by its words (first match wins).
_QUESTION_SECTIONS: tuple[tuple[SectionKey, re.Pattern[str]], ...] = (
    (
        "mandate",
        re.compile(
            r"opdrachtgever|mandaat|\bbeslis|escal|wethouder|college|\bniveau\b", re.IGNORECASE
        ),
    ),
    (
        "resources",
        re.compile(
            r"budget|\bgeld\b|euro|€|\bfte\b|capaciteit|deadline|einddatum|datum|wanneer|"
            r"\bklaar\b|financ|dekking|kosten",
            re.IGNORECASE,
        ),
    ),
    (
        "stakeholders",
        re.compile(
            r"stakeholder|betrokken|partij|bewoner|waterschap|netbeheer|corporatie",
            re.IGNORECASE,
        ),
    ),
    ("goal", re.compile(r"\bdoel|resultaat|bereik|thema", re.IGNORECASE)),
    (
        "frameworks",
        re.compile(r"kader|beleid|\bwet\b|regels?\b|randvoorwaard", re.IGNORECASE),
    ),
    ("instruments", re.compile(r"instrument", re.IGNORECASE)),
    (
        "organisation",
        re.compile(r"organisatie|werkwijze|team|overleg|samenwerk|sturing", re.IGNORECASE),
    ),
    ("context", re.compile(r".", re.DOTALL)),
)


# --------------------------------------------------------------------------------------------
# Helpers


def _text(value: str | None) -> str:
    return (value or "").strip()


def _words(value: str | None) -> int:
    return len(_text(value).split())


def _themes(c: Commission) -> list[str]:
    return list(dict.fromkeys(c.goal.themes))


def _is_integral(c: Commission) -> bool:
    return len(_themes(c)) >= 2


def _join(items: Iterable[str]) -> str:
    seq = list(items)
    if len(seq) <= 1:
        return "".join(seq)
    return ", ".join(seq[:-1]) + " en " + seq[-1]


def _theme_label(theme: str) -> str:
    return theme.replace("_", " ")


def _find_parties() -> Callable[[str], list[str]] | None:
    """The kinds `extract.dutch.find_parties` recognises in a name, when that module exists."""
    try:
        dutch = importlib.import_module("opdrachtassistent.extract.dutch")
    except ImportError:
        return None
    finder = getattr(dutch, "find_parties", None)
    if finder is None:
        return None

    def kinds(text: str) -> list[str]:
        return [str(kind) for p in finder(text) if (kind := getattr(p, "kind", None))]

    return kinds


def stakeholder_kinds(c: Commission) -> set[str]:
    """Kinds of party present: the recognised `kind`, else what the name and role suggest."""
    finder = _find_parties()
    kinds: set[str] = set()
    for s in c.stakeholders:
        if s.kind:
            kinds.add(s.kind.casefold())
            continue
        text = " ".join(filter(None, (s.name, s.role)))
        if finder is not None:
            kinds.update(k.casefold() for k in finder(s.name))
        kinds.update(kind for kind, pattern in _KIND_PATTERNS.items() if pattern.search(text))
    return kinds


def _commissioner_level(c: Commission) -> str | None:
    """'bestuurlijk', 'afdeling' (a single department), 'ambtelijk' or None (unknown)."""
    who = _text(c.mandate.commissioner)
    if _BESTUURLIJK.search(who):
        return "bestuurlijk"
    if _DEPARTMENT.search(who):
        return "afdeling"
    if c.mandate.level is not None:
        return c.mandate.level
    if _AMBTELIJK.search(who):
        return "ambtelijk"
    return None


def _months_between(start: date, end: date) -> float:
    return (end - start).days / 30.44


# --------------------------------------------------------------------------------------------
# The rules. Each takes the commission and `today`, and yields (severity, section, rule, msg).


class _Hit(NamedTuple):
    severity: Severity
    section: SectionKey
    rule: str
    message: str
    pins: tuple[str, ...] = ()  # passages to cite first, for this finding in particular


def _rules_goal(c: Commission, today: date) -> Iterable[_Hit]:
    statement = _text(c.goal.statement)
    if not statement:
        yield _Hit(
            "hoog",
            "goal",
            "geen_doel",
            "Er is geen doel geformuleerd. Zonder samenhangend doel kiest elke discipline in de "
            "uitvoering haar eigen doel en worden afwegingen tussen disciplines daar gemaakt, "
            "zonder mandaat. Voeg toe: welk effect de integrale aanpak moet hebben.",
        )
    elif _ACTIVITY.search(statement) and not _OUTCOME.search(statement):
        yield _Hit(
            "midden",
            "goal",
            "doel_is_activiteit",
            f"Het doel ('{statement}') beschrijft een activiteit, geen uitkomst. Dan weet "
            "niemand in de uitvoering waarop te sturen als wensen van disciplines botsen. "
            "Voeg toe wat de ingreep moet opleveren (bijvoorbeeld: 'zodat de straat een bui "
            "van 70 mm zonder wateroverlast verwerkt en veilig is voor fietsers').",
        )
    if not c.goal.results:
        yield _Hit(
            "midden",
            "goal",
            "geen_resultaten",
            "Er zijn geen beoogde resultaten. Zonder resultaat is niet vast te stellen wanneer "
            "het werk af is en of het doel gehaald is. Voeg concrete, meetbare resultaten toe.",
        )
    else:
        vague = [r for r in c.goal.results if not _NUMBERISH.search(r)]
        if len(vague) == len(c.goal.results):
            yield _Hit(
                "midden",
                "goal",
                "resultaat_niet_meetbaar",
                "Geen van de resultaten is meetbaar ("
                + _join(f"'{r}'" for r in vague[:3])
                + "). In de uitvoering wordt dan pas bepaald wat 'goed genoeg' is. Maak ze "
                "SMART: een aantal, een norm of een percentage, met een datum.",
            )
    if not c.goal.themes:
        yield _Hit(
            "laag",
            "goal",
            "geen_thema",
            "Er zijn geen thema's benoemd (zoals riolering, groen, mobiliteit). Daardoor is niet "
            "te toetsen welke disciplines, partijen en kaders bij de opgave horen.",
        )


def _rules_mandate(c: Commission, today: date) -> Iterable[_Hit]:
    m = c.mandate
    level = _commissioner_level(c)
    themes = _themes(c)
    if not _text(m.commissioner):
        yield _Hit(
            "hoog",
            "mandate",
            "geen_opdrachtgever",
            "Er is geen opdrachtgever. Dan is er niemand die de middelen levert en knopen "
            "doorhakt; die vragen komen dan in de uitvoering terecht. Noem de bestuurlijk "
            "opdrachtgever (wethouder of college) en de ambtelijk opdrachtgever.",
        )
    elif _is_integral(c) and level in ("ambtelijk", "afdeling"):
        who = "één afdeling" if level == "afdeling" else "een ambtelijk opdrachtgever"
        yield _Hit(
            "hoog",
            "mandate",
            "mandaat_niveau",
            f"Het doel raakt {len(themes)} thema's ({_join(map(_theme_label, themes))}), maar "
            f"de opdracht komt van {who} ({m.commissioner}). Afwegingen tussen disciplines en "
            "hun budgetten vallen buiten dat mandaat en belanden dan onopgelost in de "
            "uitvoering. Leg het opdrachtgeverschap bestuurlijk neer (wethouder of college), "
            "met een ambtelijk opdrachtgever voor de uitvoering.",
        )
    elif level is None:
        yield _Hit(
            "midden",
            "mandate",
            "niveau_onbekend",
            f"Het is niet duidelijk op welk niveau de opdrachtgever ({m.commissioner}) "
            "beslist. Geef aan of de opdracht bestuurlijk of ambtelijk is verleend.",
        )
    if not _text(m.decision_space):
        yield _Hit(
            "hoog",
            "mandate",
            "geen_beslisruimte",
            "De beslisruimte ontbreekt: wat mag de opdrachtnemer zelf besluiten (binnen welke "
            "marges van geld, tijd en kwaliteit)? Zonder die afspraak gaat elke afwijking in "
            "de uitvoering terug naar het bestuur, of wordt er zonder mandaat besloten.",
        )
    if not _text(m.escalation):
        yield _Hit(
            "midden",
            "mandate",
            "geen_escalatie",
            "Er is geen escalatieroute. Als disciplines of partners het in de uitvoering niet "
            "eens worden, of als het budget overschreden dreigt te worden, is onduidelijk wie "
            "beslist. Leg vast bij wie en binnen welke termijn er wordt opgeschaald.",
        )


def _rules_stakeholders(c: Commission, today: date) -> Iterable[_Hit]:
    if len(c.stakeholders) < 2:
        yield _Hit(
            "midden",
            "stakeholders",
            "te_weinig_stakeholders",
            ("Er is maar één stakeholder" if c.stakeholders else "Er zijn geen stakeholders")
            + " benoemd. Partijen die pas in de uitvoering aanschuiven, brengen "
            "eigen eisen en planningen mee. Noem wie belang heeft bij of invloed heeft op het "
            "werk (bewoners, ondernemers, nutspartijen, waterschap, hulpdiensten).",
        )
    present = stakeholder_kinds(c)
    missing: dict[tuple[str, ...], list[str]] = {}
    for theme in _themes(c):
        for group in IMPLIED_PARTIES.get(theme, ()):
            if not present.intersection(group):
                missing.setdefault(group, []).append(theme)
    for group, themes in missing.items():
        who = " of ".join(_KIND_LABELS.get(k, k) for k in group)
        severity: Severity = "hoog" if "netbeheerder" in group else "midden"
        subject = (
            f"Het thema {_theme_label(themes[0])} vraagt"
            if len(themes) == 1
            else f"De thema's {_join(map(_theme_label, themes))} vragen"
        )
        absent = "die staat niet" if len(group) == 1 else "geen van beide staat"
        yield _Hit(
            severity,
            "stakeholders",
            "stakeholder_ontbreekt",
            f"{subject} om {who}, maar {absent} bij de stakeholders. Zulke partijen hebben "
            "eigen plancycli en budgetten; wie ze te laat betrekt, loopt vast in de uitvoering. "
            f"Voeg {who} toe, met rol en belang.",
            pins=tuple(dict.fromkeys(PARTY_PASSAGES[k] for k in group if k in PARTY_PASSAGES)),
        )
    unclear = [s.name for s in c.stakeholders if not (s.role or s.interest)]
    if unclear:
        yield _Hit(
            "laag",
            "stakeholders",
            "stakeholder_zonder_rol",
            "Van " + _join(unclear[:5]) + " is geen rol of belang vastgelegd. Beschrijf wat "
            "zij inbrengen of te verliezen hebben, zodat de uitvoering weet hoe ze te betrekken.",
        )


def _rules_resources(c: Commission, today: date) -> Iterable[_Hit]:
    r = c.resources
    themes = _themes(c)
    if r.budget_eur is None:
        yield _Hit(
            "hoog",
            "resources",
            "geen_budget",
            "Er is geen budget. Dan wordt in de uitvoering onderhandeld over wie wat betaalt. "
            "Noem het budget, inclusief voorbereiding, toezicht en nazorg, en de dekking.",
        )
    if r.capacity_fte is None:
        yield _Hit(
            "midden",
            "resources",
            "geen_capaciteit",
            "De capaciteit (fte) ontbreekt. Zonder toegezegde mensen uit de betrokken "
            "afdelingen strandt de samenwerking op de waan van de dag. Noem de capaciteit per "
            "discipline of in totaal.",
        )
    if r.deadline is None:
        yield _Hit(
            "midden",
            "resources",
            "geen_deadline",
            "Er is geen einddatum. Zonder datum kan niet worden afgestemd met de planningen van "
            "netbeheerders, waterschap en andere werken in het gebied. Noem een einddatum.",
        )
    funding = _text(r.funding)
    if len(themes) >= 2 and funding and not _SHARED_FUNDING.search(funding):
        disciplines = [d for d, p in _DISCIPLINE_BUDGETS.items() if p.search(funding)]
        if len(disciplines) == 1:
            yield _Hit(
                "hoog",
                "resources",
                "budget_een_discipline",
                f"Het doel is integraal ({_join(map(_theme_label, themes))}), maar de "
                f"dekking ('{funding}') komt uit het budget van één discipline "
                f"({_theme_label(disciplines[0])}). Dan stuurt elke afdeling op haar eigen "
                "budget en sneuvelen de andere thema's bij de eerste tegenvaller. Leg vast "
                "welke budgetten bijdragen en hoe meer- en minderwerk wordt verdeeld.",
            )
    if r.deadline is not None:
        if r.deadline < today:
            yield _Hit(
                "hoog",
                "resources",
                "deadline_verstreken",
                f"De einddatum ({r.deadline.isoformat()}) ligt in het verleden. Stel een "
                "haalbare einddatum vast.",
            )
        else:
            needs = [(PREPARATION_MONTHS[t], t) for t in themes if t in PREPARATION_MONTHS]
            needed = max((n for n, _ in needs), default=0)
            if not needed and len(themes) >= 2:
                needed = INTEGRAL_PREPARATION_MONTHS
            months = _months_between(today, r.deadline)
            if needed and months < needed:
                slow = [_theme_label(t) for n, t in needs if n == needed]
                reason = _join(slow) if slow else "een integrale opgave"
                verb = "vragen" if len(slow) > 1 else "vraagt"
                yield _Hit(
                    "hoog",
                    "resources",
                    "deadline_te_krap",
                    f"Tot de einddatum is het nog ongeveer {max(0, int(months))} maanden, "
                    f"terwijl {reason} doorgaans minstens {needed} maanden voorbereiding "
                    f"{verb} (ontwerp, vergunningen, afstemming met de plancycli van "
                    "netbeheerders en waterschap). Dan wordt tijdsdruk in de uitvoering "
                    "opgelost ten koste van de samenhang. Verschuif de einddatum of faseer.",
                )


def _rules_frameworks(c: Commission, today: date) -> Iterable[_Hit]:
    themes = _themes(c)
    named = " | ".join([*c.frameworks, *c.instruments])
    if not c.frameworks and not themes:
        yield _Hit(
            "laag",
            "frameworks",
            "geen_kaders",
            "Er zijn geen kaders genoemd (beleid, wet- en regelgeving, randvoorwaarden). Noem "
            "waarbinnen de opdracht moet blijven, zodat de uitvoering er niet op stuit.",
        )
    for fw in FRAMEWORK_REQUIREMENTS:
        applies = len(themes) >= 2 if fw.theme is None else fw.theme in themes
        if applies and not fw.aliases.search(named):
            yield _Hit(
                fw.severity,
                "frameworks",
                "kader_ontbreekt",
                f"De kaders noemen {fw.label} niet: {fw.why}. Kaders die pas in de "
                "uitvoering opduiken, leiden tot herontwerp en vertraging. Neem dit kader op in "
                "de opdracht.",
                pins=(fw.passage,),
            )


def _rules_instruments(c: Commission, today: date) -> Iterable[_Hit]:
    if not c.instruments:
        yield _Hit(
            "laag",
            "instruments",
            "geen_instrumenten",
            "Er is geen instrumentarium genoemd (bijvoorbeeld een meerjarenprogrammering, een "
            "participatieplan, een bouwteamcontract of een gezamenlijke graafplanning).",
        )


def _rules_organisation(c: Commission, today: date) -> Iterable[_Hit]:
    text = _text(c.organisation)
    integral = _is_integral(c)
    if _words(text) < 4:
        yield _Hit(
            "hoog" if integral else "midden",
            "organisation",
            "geen_organisatie",
            "Er is geen organisatie of werkwijze beschreven. Integrale uitvoering staat of "
            "valt met samenwerking; zonder afspraken over rollen, overleg en besluitvorming "
            "hangt die af van de goede wil van individuen. Beschrijf wie samenwerkt, in welk "
            "team of overleg, en wie de regie voert.",
        )
    elif integral and not _COOPERATION.search(text):
        yield _Hit(
            "midden",
            "organisation",
            "organisatie_zonder_samenwerking",
            "De werkwijze zegt niet hoe de disciplines samenwerken. Beschrijf bijvoorbeeld een "
            "integraal projectteam, een vast afstemmingsoverleg met de partners en wie daarin "
            "de regie voert.",
        )


def _rules_context(c: Commission, today: date) -> Iterable[_Hit]:
    if _words(c.context) < 4:
        yield _Hit(
            "laag",
            "context",
            "geen_context",
            "De aanleiding en opgave zijn niet beschreven. Beschrijf waarom het werk nodig is "
            "en wat er in het gebied speelt.",
        )


def _question_section(question: str) -> SectionKey:
    """The section a question names as its prefix ('Middelen: ...'), else by its words."""
    folded = question.strip().casefold()
    for key in SECTIONS:
        if folded.startswith(SECTION_TITLES[key].casefold() + ":"):
            return key
    return next(key for key, pattern in _QUESTION_SECTIONS if pattern.search(question))


def _strip_section_prefix(question: str) -> str:
    """'Middelen: geld, capaciteit en tijd: Hoeveel fte?' -> 'Hoeveel fte?'."""
    folded = question.casefold()
    for key in SECTIONS:
        prefix = SECTION_TITLES[key].casefold() + ":"
        if folded.startswith(prefix):
            return question[len(prefix) :].strip()
    return question


def _open_questions(c: Commission) -> dict[SectionKey, list[str]]:
    """The open questions per section, in section order, without their section prefix."""
    grouped: dict[SectionKey, list[str]] = {}
    for q in c.open_questions:
        if q.strip():
            grouped.setdefault(_question_section(q), []).append(_strip_section_prefix(q.strip()))
    return {key: grouped[key] for key in SECTIONS if key in grouped}


def _quoted(questions: list[str]) -> str:
    return "; ".join(f"'{q}'" for q in questions[:3]) + ("; ..." if len(questions) > 3 else "")


def _rules_open_questions(c: Commission, covered: Collection[SectionKey]) -> Iterable[_Hit]:
    """Open questions in sections no other rule flags (elsewhere they join that finding)."""
    for key, questions in _open_questions(c).items():
        if key in covered:
            continue
        n = len(questions)
        yield _Hit(
            "midden",
            key,
            "open_vragen",
            f"Er {'staat' if n == 1 else 'staan'} nog {n} open {'vraag' if n == 1 else 'vragen'} "
            f"bij '{SECTION_TITLES[key]}': {_quoted(questions)}. Wat nu open blijft, moet de "
            "uitvoering zelf beantwoorden. Beantwoord ze voordat de opdracht wordt verstrekt.",
        )


RULES: tuple[Callable[[Commission, date], Iterable[_Hit]], ...] = (
    _rules_context,
    _rules_goal,
    _rules_mandate,
    _rules_stakeholders,
    _rules_resources,
    _rules_frameworks,
    _rules_instruments,
    _rules_organisation,
)


# How the verdict names a section in a running sentence (the full titles contain commas and
# colons, which make a list of them unreadable).
VERDICT_NAMES: dict[SectionKey, str] = {
    "context": "aanleiding en opgave",
    "goal": "doel en resultaten",
    "mandate": "opdrachtgever en mandaat",
    "stakeholders": "stakeholders",
    "resources": "middelen",
    "frameworks": "kaders",
    "instruments": "instrumentarium",
    "organisation": "organisatie en werkwijze",
}


def _verdict(findings: list[Finding], open_questions: int = 0) -> tuple[str, bool]:
    blocking = [f for f in findings if f.severity in ("hoog", "midden")]
    if not blocking and not open_questions:
        extra = (
            f" Er {'is' if len(findings) == 1 else 'zijn'} nog {len(findings)} "
            f"{'aandachtspunt' if len(findings) == 1 else 'aandachtspunten'} van laag risico."
            if findings
            else ""
        )
        return (
            "Gereed voor uitvoering: de bestuurlijke vragen zijn beantwoord; wat overblijft "
            "zijn technische en planningsvragen." + extra,
            True,
        )
    sections = [key for key in SECTIONS if any(f.section == key for f in blocking)]
    high = sum(1 for f in findings if f.severity == "hoog")
    if high:
        counts = f"{high} {'punt' if high == 1 else 'punten'} met hoog risico"
    elif blocking:
        counts = (
            f"{len(blocking)} {'punt' if len(blocking) == 1 else 'punten'} met middelgroot risico"
        )
    else:
        counts = f"{open_questions} open {'vraag' if open_questions == 1 else 'vragen'}"
        sections = [key for key in SECTIONS if any(f.section == key for f in findings)]
    return (
        f"Nog niet gereed voor uitvoering ({counts}). Open bestuurlijke vragen bij: "
        + _join(VERDICT_NAMES[k] for k in sections)
        + ".",
        False,
    )


def review(
    commission: Commission,
    *,
    retriever: Retriever | None = None,
    today: date | None = None,
) -> Review:
    """Check a commission for the bottlenecks the essay warns about.

    `today` anchors the deadline rules (default: the current date); `retriever` supplies the
    passages each finding cites (None: no sources, same findings).
    """
    when = today or date.today()
    cite = _Cite(retriever)
    hits = [hit for check in RULES for hit in check(commission, when)]
    hits.sort(key=lambda h: (_SEVERITY_ORDER[h.severity], SECTIONS.index(h.section)))
    # An open question about a section that a rule already flags is the same gap: it joins
    # the most serious finding there instead of appearing as a second finding.
    open_questions = _open_questions(commission)
    covered = {h.section for h in hits}
    for key in covered & open_questions.keys():
        index = next(i for i, h in enumerate(hits) if h.section == key)
        questions = open_questions[key]
        label = "Open vraag" if len(questions) == 1 else "Open vragen"
        hits[index] = hits[index]._replace(
            message=f"{hits[index].message} {label} uit het gesprek: {_quoted(questions)}."
        )
    hits += _rules_open_questions(commission, covered)
    findings = [
        Finding(
            severity=hit.severity,
            section=hit.section,
            rule=hit.rule,
            message=hit.message,
            sources=cite(hit.rule, hit.section, hit.pins),
        )
        for hit in hits
    ]
    findings.sort(key=lambda f: (_SEVERITY_ORDER[f.severity], SECTIONS.index(f.section)))
    verdict, ready = _verdict(findings, sum(map(len, open_questions.values())))
    return Review(findings=findings, verdict=verdict, ready=ready)
