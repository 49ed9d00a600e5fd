"""Stable passage ids the interview and the review cite. Pure data: no imports of the store.

Ids are `<corpus file stem>#<heading slug>`; `tests/knowledge/test_citations.py` checks that
every id here exists in the built-in corpus, so a renamed heading fails the suite.
"""

from __future__ import annotations

from typing import Final

# One passage per commission section key: "why do we ask about this?"
WHY_WE_ASK: Final[dict[str, str]] = {
    "context": "opdracht-context#waarom-vragen-we-naar-de-context",
    "goal": "opdracht-doel#waarom-vragen-we-naar-het-doel",
    "mandate": "opdracht-mandaat#waarom-vragen-we-naar-het-mandaat",
    "stakeholders": "opdracht-stakeholders#waarom-vragen-we-naar-de-stakeholders",
    "resources": "opdracht-middelen#waarom-vragen-we-naar-de-middelen",
    "frameworks": "opdracht-kaders#waarom-vragen-we-naar-de-kaders",
    "instruments": "opdracht-instrumenten#waarom-vragen-we-naar-de-instrumenten",
    "organisation": "opdracht-organisatie#waarom-vragen-we-naar-de-organisatie",
}

# What a good section looks like, with a good and a weak example (for "show me an example").
GUIDANCE: Final[dict[str, tuple[str, ...]]] = {
    "context": (
        "opdracht-context#wat-een-goede-beschrijving-van-de-context-bevat",
        "opdracht-context#goed-voorbeeld-van-een-contextbeschrijving",
        "opdracht-context#zwak-voorbeeld-van-een-contextbeschrijving",
    ),
    "goal": (
        "opdracht-doel#wat-een-goed-integraal-doel-kenmerkt",
        "opdracht-doel#goed-voorbeeld-van-een-doel",
        "opdracht-doel#zwak-voorbeeld-van-een-doel",
    ),
    "mandate": (
        "opdracht-mandaat#wat-een-goed-mandaat-bevat",
        "opdracht-mandaat#goed-voorbeeld-van-een-mandaat",
        "opdracht-mandaat#zwak-voorbeeld-van-een-mandaat",
    ),
    "stakeholders": (
        "opdracht-stakeholders#wat-een-goede-stakeholderlijst-bevat",
        "opdracht-stakeholders#goed-voorbeeld-van-een-stakeholderlijst",
        "opdracht-stakeholders#zwak-voorbeeld-van-een-stakeholderlijst",
    ),
    "resources": (
        "opdracht-middelen#wat-goede-middelen-in-een-opdracht-zijn",
        "opdracht-middelen#goed-voorbeeld-van-middelen",
        "opdracht-middelen#zwak-voorbeeld-van-middelen",
    ),
    "frameworks": (
        "opdracht-kaders#wat-goede-kaders-in-een-opdracht-zijn",
        "opdracht-kaders#goed-voorbeeld-van-kaders",
        "opdracht-kaders#zwak-voorbeeld-van-kaders",
    ),
    "instruments": (
        "opdracht-instrumenten#wat-een-goede-keuze-van-instrumenten-is",
        "opdracht-instrumenten#goed-voorbeeld-van-instrumenten",
        "opdracht-instrumenten#zwak-voorbeeld-van-instrumenten",
    ),
    "organisation": (
        "opdracht-organisatie#wat-een-goede-projectorganisatie-bevat",
        "opdracht-organisatie#goed-voorbeeld-van-een-projectorganisatie",
        "opdracht-organisatie#zwak-voorbeeld-van-een-projectorganisatie",
    ),
}

# Passages a review finding cites, per bottleneck rule; the first is the main citation.
RULE_CITATIONS: Final[dict[str, tuple[str, ...]]] = {
    "mandate_wrong_level": (
        "knelpunten#mandaat-op-het-verkeerde-niveau",
        "opdracht-mandaat#twee-opdrachtgevers-bestuurlijk-en-ambtelijk",
        "essay-integrale-opgave#sturen-op-samenhang-begint-op-bestuurlijk-niveau",
    ),
    "no_decision_space": (
        "knelpunten#geen-beslisruimte-en-geen-escalatiepad",
        "opdracht-mandaat#beslisruimte-toleranties-en-escalatie",
    ),
    "theme_without_stakeholder": (
        "knelpunten#een-thema-zonder-de-partij-die-erbij-hoort",
        "knelpunten#stakeholders-te-laat-aan-tafel",
        "opdracht-stakeholders#vroeg-betrekken-het-moment-telt",
    ),
    "goal_not_measurable": (
        "knelpunten#het-doel-is-een-activiteit-in-plaats-van-een-resultaat",
        "opdracht-doel#wat-een-goed-integraal-doel-kenmerkt",
    ),
    "goal_is_activity": (
        "knelpunten#het-doel-is-een-activiteit-in-plaats-van-een-resultaat",
        "opdracht-doel#effect-prestatie-en-activiteit-uit-elkaar-houden",
    ),
    "missing_resources": (
        "knelpunten#geld-capaciteit-of-termijn-ontbreekt",
        "opdracht-middelen#gotik-geld-organisatie-tijd-informatie-kwaliteit",
    ),
    "single_discipline_budget": (
        "knelpunten#budgetten-per-discipline",
        "opdracht-middelen#ontschotten-van-budgetten",
    ),
    "deadline_too_tight": (
        "knelpunten#te-krappe-planning",
        "opdracht-middelen#realistische-planning-en-doorlooptijd",
    ),
    "missing_frameworks": (
        "knelpunten#kaders-ontbreken-of-zijn-onbekend",
        "opdracht-kaders#wat-goede-kaders-in-een-opdracht-zijn",
    ),
    "no_cooperation_organisation": (
        "knelpunten#geen-organisatie-voor-de-samenwerking",
        "opdracht-organisatie#wat-een-goede-projectorganisatie-bevat",
        "essay-integrale-opgave#samenwerken-en-organisatiecultuur-bepalen-het-succes",
    ),
    "fragmented_preparation": (
        "knelpunten#versnipperde-voorbereiding",
        "essay-integrale-opgave#alleen-uitvoerbare-knelpunten-horen-in-de-uitvoering",
    ),
    "plans_not_aligned": (
        "knelpunten#plannen-van-riool-weg-groen-en-kabels-lopen-niet-gelijk",
        "thema-kabels-en-leidingen#afstemmen-voordat-het-ontwerp-vastligt",
        "knelpunten#graafschade-en-kosten-van-slechte-regie",
    ),
}

# Per theme: the passage naming the stakeholders (first) and the frameworks/instruments it brings.
THEME_CITATIONS: Final[dict[str, tuple[str, ...]]] = {
    "riolering": (
        "thema-riolering#het-waterschap-als-vaste-partner-bij-riolering",
        "thema-riolering#zorgplichten-afvalwater-hemelwater-en-grondwater",
        "thema-riolering#van-grp-naar-water-en-rioleringsprogramma",
    ),
    "water": (
        "thema-riolering#het-waterschap-als-vaste-partner-bij-riolering",
        "thema-riolering#zorgplichten-afvalwater-hemelwater-en-grondwater",
    ),
    "kabels_en_leidingen": (
        "thema-kabels-en-leidingen#netbeheerders-en-nutsbedrijven-als-stakeholders",
        "thema-kabels-en-leidingen#klic-melding-en-de-wibon",
        "thema-kabels-en-leidingen#avoi-en-gemeentelijke-regels-voor-graafwerk",
    ),
    "mobiliteit": (
        "thema-mobiliteit#vervoerder-en-hulpdiensten-als-stakeholders",
        "thema-mobiliteit#het-verkeersbesluit",
        "thema-mobiliteit#mobiliteitsplan-als-kader",
    ),
    "verkeersveiligheid": (
        "thema-straat-en-omgeving#verkeersveiligheid-als-doel",
        "thema-mobiliteit#het-verkeersbesluit",
    ),
    "energietransitie": (
        "thema-energietransitie#netbeheerder-en-woningcorporatie-als-stakeholders",
        "thema-energietransitie#transitievisie-warmte-en-warmteprogramma",
        "thema-energietransitie#netcongestie-en-ruimte-voor-energie-infrastructuur",
    ),
    "klimaatadaptatie": (
        "thema-klimaatadaptatie#het-waterschap-als-partner-bij-klimaatadaptatie",
        "thema-klimaatadaptatie#deltaplan-ruimtelijke-adaptatie-en-de-stresstest",
        "thema-klimaatadaptatie#meetbare-klimaatdoelen-in-een-opdracht",
    ),
    "groen": (
        "thema-groen#bomenbeleid-en-de-kap-van-bomen",
        "thema-groen#ecologie-en-soortenbescherming",
        "thema-groen#groen-als-drager-van-meerdere-doelen",
    ),
    "verharding": ("thema-straat-en-omgeving#verharding-en-het-beheerritme-van-wegen",),
    "openbare_verlichting": ("thema-straat-en-omgeving#openbare-verlichting",),
    "leefbaarheid": ("thema-straat-en-omgeving#leefbaarheid-en-participatie-van-bewoners",),
    "circulariteit": ("thema-straat-en-omgeving#circulair-werken-in-de-openbare-ruimte",),
}

OMGEVINGSWET_COHERENCE: Final[str] = (
    "opdracht-kaders#omgevingswet-samenhang-als-wettelijk-uitgangspunt"
)


def all_cited_ids() -> set[str]:
    """Every passage id named in this module (used by the test that keeps them valid)."""
    ids: set[str] = set(WHY_WE_ASK.values()) | {OMGEVINGSWET_COHERENCE}
    for group in (GUIDANCE, RULE_CITATIONS, THEME_CITATIONS):
        for values in group.values():
            ids.update(values)
    return ids
