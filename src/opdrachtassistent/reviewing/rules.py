"""The rule table of the kwaliteitstoets (data only): one row per rule, in the order findings
of the same severity and section are listed.

The essay *Integrale opgave = integrale uitvoering* (Stantec, City Deal Openbare Ruimte)
argues that execution should be left with technical and planning problems only: goal,
mandate, stakeholders, resources, frameworks and the way of working belong in the commission.
Each rule checks one of those conditions and explains, in Dutch, the risk in execution and
what to add. Rule ids are stable: programme offices may filter on them. The check behind each
id is in `reviewing.checks`; passage ids are '<corpus file stem>#<heading slug>'.
"""

from __future__ import annotations

from opdrachtassistent.reviewing.model import (
    OTHER,
    Choice,
    Citation,
    FrameworkRequirement,
    Rule,
    Wording,
)

_E = "essay-integrale-opgave#"
_K = "knelpunten#"
_DOEL = "opdracht-doel#"
_MANDAAT = "opdracht-mandaat#"
_STAKE = "opdracht-stakeholders#"
_MIDDELEN = "opdracht-middelen#"
_KADERS = "opdracht-kaders#"
_ORG = "opdracht-organisatie#"

RULES: tuple[Rule, ...] = (
    Rule(
        "geen_context",
        "context",
        "laag",
        "no occasion / task described",
        Wording(
            "De aanleiding en opgave zijn niet beschreven. Beschrijf waarom het werk nodig is "
            "en wat er in het gebied speelt."
        ),
        Citation(
            "aanleiding en opgave",
            ("opdracht-context#wat-een-goede-beschrijving-van-de-context-bevat",),
        ),
    ),
    Rule(
        "geen_doel",
        "goal",
        "hoog",
        "no goal statement",
        Wording(
            "Er is geen doel geformuleerd. Zonder samenhangend doel kiest elke discipline in de "
            "uitvoering haar eigen doel en worden afwegingen tussen disciplines daar gemaakt, "
            "zonder mandaat. Voeg toe: welk effect de integrale aanpak moet hebben."
        ),
        Citation(
            "samenhangend doel van de integrale aanpak",
            (
                f"{_DOEL}wat-een-goed-integraal-doel-kenmerkt",
                f"{_E}twee-vragen-die-vooraf-beantwoord-moeten-zijn",
            ),
        ),
    ),
    Rule(
        "doel_is_activiteit",
        "goal",
        "midden",
        "the goal names an activity, not an outcome",
        Wording(
            "Het doel ('{statement}') beschrijft een activiteit, geen uitkomst. Dan weet "
            "niemand in de uitvoering waarop te sturen als wensen van disciplines botsen. "
            "Voeg toe wat de ingreep moet opleveren (bijvoorbeeld: 'zodat de straat een bui "
            "van 70 mm zonder wateroverlast verwerkt en veilig is voor fietsers')."
        ),
        Citation(
            "doel als effect of uitkomst in plaats van activiteit",
            (
                f"{_K}het-doel-is-een-activiteit-in-plaats-van-een-resultaat",
                f"{_DOEL}effect-prestatie-en-activiteit-uit-elkaar-houden",
            ),
        ),
        about="goal.statement",
    ),
    Rule(
        "geen_resultaten",
        "goal",
        "midden",
        "no intended results",
        Wording(
            "Er zijn geen beoogde resultaten. Zonder resultaat is niet vast te stellen wanneer "
            "het werk af is en of het doel gehaald is. Voeg concrete, meetbare resultaten toe."
        ),
        Citation(
            "beoogde resultaten SMART meetbaar",
            (f"{_DOEL}wat-een-goed-integraal-doel-kenmerkt", f"{_DOEL}goed-voorbeeld-van-een-doel"),
        ),
    ),
    Rule(
        "resultaat_niet_meetbaar",
        "goal",
        "midden",
        "results without a number, quantity or norm",
        Wording(
            "Geen van de resultaten is meetbaar ({results}). In de uitvoering wordt dan pas "
            "bepaald wat 'goed genoeg' is. Maak ze SMART: een aantal, een norm of een "
            "percentage, met een datum."
        ),
        Citation(
            "meetbare resultaten SMART acceptatiecriteria",
            (f"{_DOEL}wat-een-goed-integraal-doel-kenmerkt", f"{_DOEL}zwak-voorbeeld-van-een-doel"),
        ),
    ),
    Rule(
        "geen_thema",
        "goal",
        "laag",
        "no themes, so the integral check cannot run",
        Wording(
            "Er zijn geen thema's benoemd (zoals riolering, groen, mobiliteit). Daardoor is niet "
            "te toetsen welke disciplines, partijen en kaders bij de opgave horen."
        ),
        Citation(
            "integrale opgave meerdere thema's samenhang",
            (f"{_E}de-kern-een-integrale-opgave-is-ook-een-organisatievraagstuk",),
        ),
    ),
    Rule(
        "geen_opdrachtgever",
        "mandate",
        "hoog",
        "no commissioner",
        Wording(
            "Er is geen opdrachtgever. Dan is er niemand die de middelen levert en knopen "
            "doorhakt; die vragen komen dan in de uitvoering terecht. Noem de bestuurlijk "
            "opdrachtgever (wethouder of college) en de ambtelijk opdrachtgever."
        ),
        Citation(
            "bestuurlijk en ambtelijk opdrachtgever",
            (
                f"{_MANDAAT}twee-opdrachtgevers-bestuurlijk-en-ambtelijk",
                f"{_MANDAAT}een-opdracht-is-richting-plus-randvoorwaarden",
            ),
        ),
    ),
    Rule(
        "mandaat_niveau",
        "mandate",
        "hoog",
        "2+ themes with an ambtelijk commissioner or a single department",
        Wording(
            "Het doel raakt {count} thema's ({themes}), maar de opdracht komt van {who} "
            "({commissioner}). Afwegingen tussen disciplines en hun budgetten vallen buiten dat "
            "mandaat en belanden dan onopgelost in de uitvoering. Leg het opdrachtgeverschap "
            "bestuurlijk neer (wethouder of college), met een ambtelijk opdrachtgever voor de "
            "uitvoering.",
            {
                "who": Choice(
                    "level", {"afdeling": "één afdeling", OTHER: "een ambtelijk opdrachtgever"}
                )
            },
        ),
        Citation(
            "mandaat op het verkeerde niveau, sturing op samenhang begint bestuurlijk",
            (
                f"{_K}mandaat-op-het-verkeerde-niveau",
                f"{_E}sturen-op-samenhang-begint-op-bestuurlijk-niveau",
            ),
        ),
        about="mandate.commissioner",
    ),
    Rule(
        "niveau_onbekend",
        "mandate",
        "midden",
        "commissioner without a (derivable) level",
        Wording(
            "Het is niet duidelijk op welk niveau de opdrachtgever ({commissioner}) beslist. "
            "Geef aan of de opdracht bestuurlijk of ambtelijk is verleend."
        ),
        Citation(
            "aansturing op het juiste niveau met mandaat",
            (
                f"{_MANDAAT}twee-opdrachtgevers-bestuurlijk-en-ambtelijk",
                f"{_E}twee-vragen-die-vooraf-beantwoord-moeten-zijn",
            ),
        ),
    ),
    Rule(
        "geen_beslisruimte",
        "mandate",
        "hoog",
        "no decision space",
        Wording(
            "De beslisruimte ontbreekt: wat mag de opdrachtnemer zelf besluiten (binnen welke "
            "marges van geld, tijd en kwaliteit)? Zonder die afspraak gaat elke afwijking in "
            "de uitvoering terug naar het bestuur, of wordt er zonder mandaat besloten."
        ),
        Citation(
            "beslisruimte en mandaat van de opdrachtnemer, toleranties",
            (
                f"{_K}geen-beslisruimte-en-geen-escalatiepad",
                f"{_MANDAAT}beslisruimte-toleranties-en-escalatie",
            ),
        ),
    ),
    Rule(
        "geen_escalatie",
        "mandate",
        "midden",
        "no escalation route",
        Wording(
            "Er is geen escalatieroute. Als disciplines of partners het in de uitvoering niet "
            "eens worden, of als het budget overschreden dreigt te worden, is onduidelijk wie "
            "beslist. Leg vast bij wie en binnen welke termijn er wordt opgeschaald."
        ),
        Citation(
            "escalatieroute bij conflicten tussen disciplines",
            (
                f"{_MANDAAT}beslisruimte-toleranties-en-escalatie",
                f"{_K}geen-beslisruimte-en-geen-escalatiepad",
            ),
        ),
    ),
    Rule(
        "te_weinig_stakeholders",
        "stakeholders",
        "midden",
        "fewer than two stakeholders",
        Wording(
            "{opening} benoemd. Partijen die pas in de uitvoering aanschuiven, brengen eigen "
            "eisen en planningen mee. Noem wie belang heeft bij of invloed heeft op het werk "
            "(bewoners, ondernemers, nutspartijen, waterschap, hulpdiensten).",
            {
                "opening": Choice(
                    "count", {1: "Er is maar één stakeholder", OTHER: "Er zijn geen stakeholders"}
                )
            },
        ),
        Citation(
            "relevante stakeholders betrekken",
            (
                f"{_STAKE}wat-een-goede-stakeholderlijst-bevat",
                f"{_K}stakeholders-te-laat-aan-tafel",
            ),
        ),
    ),
    Rule(
        "stakeholder_ontbreekt",
        "stakeholders",
        "midden",
        "a theme without the party it implies (hoog for a party in CRITICAL_PARTIES)",
        Wording(
            "{subject} {themes} {asks} om {who}, maar {absent} bij de stakeholders. Zulke "
            "partijen hebben eigen plancycli en budgetten; wie ze te laat betrekt, loopt vast "
            "in de uitvoering. Voeg {who} toe, met rol en belang.",
            {
                "subject": Choice("themes_count", {1: "Het thema", OTHER: "De thema's"}),
                "asks": Choice("themes_count", {1: "vraagt", OTHER: "vragen"}),
                "absent": Choice(
                    "kinds_count", {1: "die staat niet", OTHER: "geen van beide staat"}
                ),
            },
        ),
        Citation(
            "netbeheerder waterschap woningcorporatie vroegtijdig betrekken",
            (
                f"{_K}een-thema-zonder-de-partij-die-erbij-hoort",
                f"{_K}stakeholders-te-laat-aan-tafel",
            ),
        ),
    ),
    Rule(
        "stakeholder_zonder_rol",
        "stakeholders",
        "laag",
        "stakeholders without role or interest",
        Wording(
            "Van {names} is geen rol of belang vastgelegd. Beschrijf wat zij inbrengen of te "
            "verliezen hebben, zodat de uitvoering weet hoe ze te betrekken."
        ),
        Citation(
            "rollen en belangen van stakeholders",
            (f"{_STAKE}wat-een-goede-stakeholderlijst-bevat",),
        ),
    ),
    Rule(
        "geen_budget",
        "resources",
        "hoog",
        "no budget",
        Wording(
            "Er is geen budget. Dan wordt in de uitvoering onderhandeld over wie wat betaalt. "
            "Noem het budget, inclusief voorbereiding, toezicht en nazorg, en de dekking."
        ),
        Citation(
            "budget voldoende middelen GOTIK geld",
            (
                f"{_K}geld-capaciteit-of-termijn-ontbreekt",
                f"{_MIDDELEN}gotik-geld-organisatie-tijd-informatie-kwaliteit",
            ),
        ),
    ),
    Rule(
        "geen_capaciteit",
        "resources",
        "midden",
        "no capacity",
        Wording(
            "De capaciteit (fte) ontbreekt. Zonder toegezegde mensen uit de betrokken "
            "afdelingen strandt de samenwerking op de waan van de dag. Noem de capaciteit per "
            "discipline of in totaal."
        ),
        Citation(
            "capaciteit fte voldoende middelen",
            (
                f"{_K}geld-capaciteit-of-termijn-ontbreekt",
                f"{_MIDDELEN}wat-goede-middelen-in-een-opdracht-zijn",
            ),
        ),
    ),
    Rule(
        "geen_deadline",
        "resources",
        "midden",
        "no deadline",
        Wording(
            "Er is geen einddatum. Zonder datum kan niet worden afgestemd met de planningen van "
            "netbeheerders, waterschap en andere werken in het gebied. Noem een einddatum."
        ),
        Citation(
            "einddatum planning doorlooptijd",
            (
                f"{_K}geld-capaciteit-of-termijn-ontbreekt",
                f"{_MIDDELEN}realistische-planning-en-doorlooptijd",
            ),
        ),
    ),
    Rule(
        "budget_een_discipline",
        "resources",
        "hoog",
        "2+ themes, funding from one discipline only",
        Wording(
            "Het doel is integraal ({themes}), maar de dekking ('{funding}') komt uit het "
            "budget van één discipline ({discipline}). Dan stuurt elke afdeling op haar eigen "
            "budget en sneuvelen de andere thema's bij de eerste tegenvaller. Leg vast welke "
            "budgetten bijdragen en hoe meer- en minderwerk wordt verdeeld."
        ),
        Citation(
            "budget van één discipline, verkokerde budgetten ontschotten",
            (f"{_K}budgetten-per-discipline", f"{_MIDDELEN}ontschotten-van-budgetten"),
        ),
        about="resources.funding",
    ),
    Rule(
        "deadline_verstreken",
        "resources",
        "hoog",
        "the deadline lies in the past",
        Wording(
            "De einddatum ({deadline}) ligt in het verleden. Stel een haalbare einddatum vast."
        ),
        Citation(
            "planning en doorlooptijd van de voorbereiding",
            (f"{_MIDDELEN}realistische-planning-en-doorlooptijd",),
        ),
        about="resources.deadline",
    ),
    Rule(
        "deadline_te_krap",
        "resources",
        "hoog",
        "less time than the themes need to prepare (PREPARATION_MONTHS)",
        Wording(
            "Tot de einddatum is het nog ongeveer {months} maanden, terwijl {reason} doorgaans "
            "minstens {needed} maanden voorbereiding {verb} (ontwerp, vergunningen, afstemming "
            "met de plancycli van netbeheerders en waterschap). Dan wordt tijdsdruk in de "
            "uitvoering opgelost ten koste van de samenhang. Verschuif de einddatum of faseer.",
            {
                "reason": Choice("slow_themes", {"": "een integrale opgave"}),
                "verb": Choice("slow_count", {0: "vraagt", 1: "vraagt", OTHER: "vragen"}),
            },
        ),
        Citation(
            "te krappe planning, voorbereidingstijd netbeheerders en riolering",
            (f"{_K}te-krappe-planning", f"{_MIDDELEN}realistische-planning-en-doorlooptijd"),
        ),
        about="resources.deadline",
    ),
    Rule(
        "geen_kaders",
        "frameworks",
        "laag",
        "no frameworks at all (and no themes to infer)",
        Wording(
            "Er zijn geen kaders genoemd (beleid, wet- en regelgeving, randvoorwaarden). Noem "
            "waarbinnen de opdracht moet blijven, zodat de uitvoering er niet op stuit."
        ),
        Citation(
            "context en kaders van de opdracht",
            (
                f"{_K}kaders-ontbreken-of-zijn-onbekend",
                f"{_KADERS}wat-goede-kaders-in-een-opdracht-zijn",
            ),
        ),
    ),
    Rule(
        "kader_ontbreekt",
        "frameworks",
        "midden",
        "a theme without the framework it clearly has (severity per FRAMEWORK_REQUIREMENTS)",
        Wording(
            "De kaders noemen {label} niet: {why}. Kaders die pas in de uitvoering opduiken, "
            "leiden tot herontwerp en vertraging. Neem dit kader op in de opdracht."
        ),
        Citation(
            "kaders Omgevingswet GRP mobiliteitsplan transitievisie warmte",
            (f"{_K}kaders-ontbreken-of-zijn-onbekend",),
        ),
    ),
    Rule(
        "geen_instrumenten",
        "instruments",
        "laag",
        "no instruments",
        Wording(
            "Er is geen instrumentarium genoemd (bijvoorbeeld een meerjarenprogrammering, een "
            "participatieplan, een bouwteamcontract of een gezamenlijke graafplanning)."
        ),
        Citation(
            "passend instrumentarium",
            ("opdracht-instrumenten#wat-een-goede-keuze-van-instrumenten-is",),
        ),
    ),
    Rule(
        "geen_organisatie",
        "organisation",
        "midden",
        "no organisation or way of working (hoog for an integral goal)",
        Wording(
            "Er is geen organisatie of werkwijze beschreven. Integrale uitvoering staat of "
            "valt met samenwerking; zonder afspraken over rollen, overleg en besluitvorming "
            "hangt die af van de goede wil van individuen. Beschrijf wie samenwerkt, in welk "
            "team of overleg, en wie de regie voert."
        ),
        Citation(
            "geen organisatie voor samenwerking tussen disciplines, werkwijze",
            (
                f"{_K}geen-organisatie-voor-de-samenwerking",
                f"{_E}samenwerken-en-organisatiecultuur-bepalen-het-succes",
            ),
        ),
    ),
    Rule(
        "organisatie_zonder_samenwerking",
        "organisation",
        "midden",
        "2+ themes, but the way of working names no cooperation between disciplines",
        Wording(
            "De werkwijze zegt niet hoe de disciplines samenwerken. Beschrijf bijvoorbeeld een "
            "integraal projectteam, een vast afstemmingsoverleg met de partners en wie daarin "
            "de regie voert."
        ),
        Citation(
            "samenwerking tussen disciplines organiseren, integraal team",
            (
                f"{_K}geen-organisatie-voor-de-samenwerking",
                f"{_ORG}wat-een-goede-projectorganisatie-bevat",
            ),
        ),
        about="organisation",
    ),
    Rule(
        "open_vragen",
        None,
        "midden",
        "open questions remain in a section no other rule flags (elsewhere they join that "
        "finding, see OPEN_QUESTIONS_JOINED)",
        Wording(
            "Er {is} nog {count} open {questions_word} bij '{title}': {questions}. Wat nu open "
            "blijft, moet de uitvoering zelf beantwoorden. Beantwoord ze voordat de opdracht "
            "wordt verstrekt.",
            {
                "is": Choice("count", {1: "staat", OTHER: "staan"}),
                "questions_word": Choice("count", {1: "vraag", OTHER: "vragen"}),
            },
        ),
        Citation(
            "bestuurlijke vragen beantwoorden voor de uitvoering, opdrachtverstrekking",
            (
                f"{_E}alleen-uitvoerbare-knelpunten-horen-in-de-uitvoering",
                f"{_K}versnipperde-voorbereiding",
            ),
        ),
    ),
)

# Open questions about a section another rule flags join that finding (the most serious one).
OPEN_QUESTIONS_JOINED = Wording(
    "{message} {label} uit het gesprek: {questions}.",
    {"label": Choice("count", {1: "Open vraag", OTHER: "Open vragen"})},
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
# A missing party of these kinds is a hoog risk (the others: midden).
CRITICAL_PARTIES: frozenset[str] = frozenset({"netbeheerder"})

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

# Themes whose preparation takes long (coordination with external plan cycles, design,
# permits): months needed between the commission and the deadline.
PREPARATION_MONTHS: dict[str, int] = {
    "riolering": 12,
    "kabels_en_leidingen": 12,
    "energietransitie": 12,
}
INTEGRAL_PREPARATION_MONTHS = 6  # any other integral goal (2+ themes)

# Frameworks a theme clearly has, in the order their findings are listed.
FRAMEWORK_REQUIREMENTS: tuple[FrameworkRequirement, ...] = (
    FrameworkRequirement(
        "omgevingswet",
        "de Omgevingswet (en het omgevingsplan)",
        None,
        "midden",
        "een integrale ingreep in de fysieke leefomgeving valt onder de Omgevingswet, die "
        "juist vraagt om samenhang (art. 1.3)",
        "opdracht-kaders#omgevingswet-samenhang-als-wettelijk-uitgangspunt",
    ),
    FrameworkRequirement(
        "rioleringsplan",
        "het Gemeentelijk Rioleringsplan (GRP) of de Wet gemeentelijke watertaken",
        "riolering",
        "midden",
        "de riolering volgt de planning en de normen van het GRP",
        "thema-riolering#van-grp-naar-water-en-rioleringsprogramma",
    ),
    FrameworkRequirement(
        "mobiliteitsplan",
        "het mobiliteitsplan of een verkeersbesluit",
        "mobiliteit",
        "midden",
        "wijzigingen in verkeer vragen een verkeersbesluit en passen in het mobiliteitsbeleid",
        "thema-mobiliteit#mobiliteitsplan-als-kader",
    ),
    FrameworkRequirement(
        "transitievisie_warmte",
        "de Transitievisie warmte of het warmteprogramma",
        "energietransitie",
        "midden",
        "welke wijk wanneer van het aardgas gaat, ligt vast in de transitievisie warmte",
        "thema-energietransitie#transitievisie-warmte-en-warmteprogramma",
    ),
    FrameworkRequirement(
        "klimaatadaptatie",
        "de klimaatadaptatiestrategie of het Deltaplan Ruimtelijke Adaptatie",
        "klimaatadaptatie",
        "laag",
        "de normen voor hevige buien en hitte staan in de klimaatadaptatiestrategie",
        "thema-klimaatadaptatie#deltaplan-ruimtelijke-adaptatie-en-de-stresstest",
    ),
    FrameworkRequirement(
        "kabels_en_leidingen",
        "de WIBON en de CROW-richtlijn voor kabels en leidingen",
        "kabels_en_leidingen",
        "laag",
        "graafwerk valt onder de WIBON; de gemeente voert regie op de ondergrond",
        "thema-kabels-en-leidingen#klic-melding-en-de-wibon",
    ),
)
