"""Every Dutch sentence the interview says, in one place, so wording is reviewed together.

Questions are keyed by section; follow-ups by the missing item (the labels in
`commission.CRITERIA`), so a probe always asks for exactly what is still missing.
"""

from __future__ import annotations

from opdrachtassistent.commission import SECTION_TITLES, SectionKey
from opdrachtassistent.lang import nl

OPENING = (
    "Goedendag! Ik help u een integrale opdracht op te stellen voor een werk in de openbare "
    "ruimte: een opdracht met een helder doel, het juiste mandaat, de betrokken partijen, "
    "voldoende middelen, de kaders, het instrumentarium en een passende werkwijze. Dan houdt "
    "de uitvoering alleen nog technische en planningsvragen over.\n\n"
    "Vertel in een paar zinnen wat u van plan bent en waarom. Noem gerust meteen wat u al "
    "weet, zoals de opdrachtgever, het budget of de gewenste einddatum."
)

QUESTIONS: dict[SectionKey, str] = {
    "context": "Wat is de aanleiding? Welke opgave ligt er en waarom moet er nu iets gebeuren?",
    "goal": (
        "Wat is het doel van deze integrale aanpak? Wat moet er na afloop concreet en "
        "meetbaar anders zijn?"
    ),
    "mandate": (
        "Wie is de opdrachtgever, en op welk niveau (bestuurlijk of ambtelijk)? Wat mag er "
        "binnen deze opdracht worden besloten zonder terug te gaan naar de opdrachtgever?"
    ),
    "stakeholders": (
        "Welke partijen zijn betrokken of hebben belang bij dit werk, en wat is hun rol of "
        "belang? Denk aan het waterschap, de netbeheerder, bewoners, ondernemers en "
        "hulpdiensten."
    ),
    "resources": (
        "Welke middelen zijn er: hoeveel budget, hoeveel capaciteit (in fte) en wanneer moet "
        "het klaar zijn?"
    ),
    "frameworks": (
        "Binnen welke kaders moet het passen? Denk aan beleid, wet- en regelgeving en "
        "randvoorwaarden, zoals de Omgevingswet, het rioleringsplan of het mobiliteitsplan."
    ),
    "instruments": (
        "Welke instrumenten kunt u inzetten? Bijvoorbeeld een participatietraject, een "
        "verkeersbesluit, subsidie, een samenwerkingsovereenkomst of afspraken over "
        "graafcoördinatie."
    ),
    "organisation": (
        "Hoe richt u de organisatie en werkwijze in? Wie zitten in het projectteam, hoe "
        "werken de disciplines samen en hoe en hoe vaak wordt er gestuurd?"
    ),
}

# Why each section matters: shown with the question ("waarom vraag ik dit?").
WHY: dict[SectionKey, str] = {
    "context": "Een gedeeld beeld van de aanleiding voorkomt dat disciplines elk een ander "
    "probleem oplossen.",
    "goal": "Zonder samenhangend, meetbaar doel stuurt elke discipline op haar eigen resultaat.",
    "mandate": "Sturing op samenhang begint bestuurlijk; zonder passend mandaat belanden "
    "bestuurlijke keuzes in de uitvoering.",
    "stakeholders": "Partijen die te laat aanschuiven, zoals netbeheerders, kunnen hun planning "
    "niet meer aanpassen.",
    "resources": "Budget per discipline en te krappe planning zijn bekende knelpunten in de "
    "uitvoering.",
    "frameworks": "Kaders bepalen wat kan en moet; wie ze laat vallen, ontdekt ze in de "
    "uitvoering.",
    "instruments": "Het juiste instrument op tijd (KLIC, verkeersbesluit, participatie) "
    "voorkomt vertraging.",
    "organisation": "Integrale opgaven zijn voor een groot deel een organisatievraagstuk.",
}

# Targeted follow-ups, keyed by the missing item's label in commission.CRITERIA.
FOLLOW_UPS: dict[str, str] = {
    "een beschrijving van de aanleiding": (
        "Kunt u de aanleiding iets uitgebreider beschrijven? Welk probleem of welke kans ligt er?"
    ),
    "een doelstelling": "Wat is in één zin het doel van deze opgave?",
    "minstens één concreet beoogd resultaat": (
        "Wat is concreet het resultaat? Noem iets wat u na afloop kunt meten of zien, "
        "bijvoorbeeld 'alle woningen afgekoppeld', '40 extra bomen' of 'geen wateroverlast bij "
        "een bui van 70 mm'."
    ),
    "een opdrachtgever": "Wie is de opdrachtgever: wie geeft deze opdracht en draagt "
    "bestuurlijk de verantwoordelijkheid?",
    "het niveau (bestuurlijk of ambtelijk)": (
        "Is de opdrachtgever bestuurlijk (wethouder, college) of ambtelijk (directeur, "
        "afdelingshoofd)?"
    ),
    "de beslisruimte": (
        "Wat mag het projectteam zelf beslissen, en wie beslist als het budget of de planning "
        "wordt overschreden?"
    ),
    "minstens twee stakeholders": "Welke {other}partijen zijn {still}betrokken of hebben belang "
    "bij dit werk?",
    "bij elke stakeholder een rol of belang": "Wat is de rol of het belang van {names}?",
    "een budget": "Hoeveel budget is er beschikbaar, in euro's?",
    "de capaciteit in fte": "Hoeveel capaciteit is er beschikbaar, in fte?",
    "een einddatum": "Wanneer moet het werk klaar zijn?",
    "minstens één kader (beleid, wet- of regelgeving, randvoorwaarde)": (
        "Welk beleid of welke regels gelden hier? Bijvoorbeeld de Omgevingswet, het "
        "gemeentelijk rioleringsplan of een bomenbeleidsplan."
    ),
    "minstens één instrument": "Welke instrumenten zet u in?",
    "een beschrijving van organisatie en werkwijze": (
        "Kunt u iets meer zeggen over de werkwijze: wie werkt samen in welk team, en hoe "
        "wordt er gestuurd?"
    ),
}

SKIP_ACK = "Prima, dat noteer ik als open vraag. We komen er aan het eind nog even op terug."
GIVE_UP_ACK = "Dat laat ik voor nu open; ik noteer het als open vraag."
NOTHING_FOUND = "Daar kon ik niet uit halen wat ik zocht."
VAGUE = "Dat is nog wat algemeen. Mag ik iets concreter doorvragen?"
EMPTY_INPUT = "Ik heb geen antwoord ontvangen. Typ uw antwoord, of 'sla over' om verder te gaan."
TRUNCATED = (
    "Uw bericht was erg lang; ik heb de eerste {limit} tekens gelezen. Splits een lange tekst "
    "gerust op in meerdere berichten."
)
# A value that cannot be used: nothing of the answer is taken, the value is asked again.
REFUSED: dict[str, str] = {
    "budget_eur": (
        "Dat bedrag kan ik niet gebruiken: {quote} ({problem}). Wat is het budget in euro?"
    ),
    "capacity_fte": (
        "Die capaciteit kan ik niet gebruiken: {quote} ({problem}). Hoeveel fte is er "
        "beschikbaar, bijvoorbeeld 2,5 fte?"
    ),
    "deadline": (
        "Die datum kan ik niet gebruiken: {quote} ({problem}). Wanneer moet het klaar zijn, "
        "bijvoorbeeld 31-12-2027 of eind 2027?"
    ),
    "start": (
        "Die datum kan ik niet gebruiken: {quote} ({problem}). Wanneer begint de uitvoering, "
        "bijvoorbeeld 1-9-2026 of najaar 2026?"
    ),
}
PROBLEMS: dict[str, str] = {
    "negative": "een bedrag kan niet negatief zijn",
    "too_large": "dat getal is te groot voor een budget",
    "negative_fte": "een capaciteit kan niet negatief zijn",
    "too_many_fte": "zoveel fte kan niet kloppen",
    "impossible_date": "die dag bestaat niet",
    "unreadable": "dat lees ik niet als datum",
}
REFUSED_KEPT = "Ik heb verder niets aangepast."
# The same, as an open question in a draft from notes.
_RESOURCES = SECTION_TITLES["resources"]
REFUSED_OPEN: dict[str, str] = {
    "budget_eur": (
        _RESOURCES + ": het bedrag '{quote}' is niet bruikbaar ({problem}); wat is het budget?"
    ),
    "capacity_fte": (
        _RESOURCES + ": de capaciteit '{quote}' is niet bruikbaar ({problem}); hoeveel fte is er?"
    ),
    "deadline": _RESOURCES
    + ": de datum '{quote}' is niet bruikbaar ({problem}); wat is de einddatum?",
    "start": (
        _RESOURCES
        + ": de datum '{quote}' is niet bruikbaar ({problem}); wanneer begint de uitvoering?"
    ),
}
NOTED = "Genoteerd: {items}."
CORRECTED = "Aangepast: {items}."
REVISIT = (
    "Eerder kon u {missing} nog niet noemen; weet u het nu? (Anders zeg gerust 'weet ik niet'.)"
)
SUMMARY_INTRO = "Dit is de opdracht zoals ik hem nu heb:"
CONFIRM = (
    "Klopt dit? Antwoord met 'ja' om af te ronden, of noem wat er anders moet "
    "(bijvoorbeeld 'het budget is 4 miljoen')."
)
CONFIRM_AGAIN = "Wat moet er anders? Noem het gewoon, bijvoorbeeld 'de einddatum is eind 2028'."
DONE = (
    "Dank u wel, de opdracht is vastgesteld. U kunt hem nu exporteren als Markdown, Word of "
    "JSON, en de kwaliteitstoets bekijken. Wilt u nog iets aanpassen, noem het gerust."
)
EDITED = "Ik heb uw wijziging in het document verwerkt."
# When the knowledge base cannot be used at all, and when a question has no sources.
STORE_UNAVAILABLE = (
    "Uw eerdere gesprekken kunnen nu niet worden gelezen en wat u nu invult kan op dit moment "
    "niet worden opgeslagen. Laat de beheerder de datamap controleren; dit venster houdt uw "
    "antwoorden vast en ik probeer bij elk antwoord opnieuw op te slaan."
)
SOURCES_UNAVAILABLE = "De kennisbank is niet beschikbaar; ik stel de vragen zonder bronnen."
SOURCES_RETRYING = (
    "De kennisbank is nu niet bereikbaar; ik stel de vragen zonder bronnen en probeer het op "
    "de achtergrond opnieuw."
)
SOURCES_REBUILDING = (
    "De kennisbank wordt op de achtergrond opnieuw opgebouwd; tot dat klaar is stel ik de "
    "vragen zonder bronnen. Daarna komen de bronnen vanzelf terug."
)
NO_SOURCES = "Voor deze vraag zijn geen bronnen gevonden."
WHY_LEAD = "Waarom vraag ik dit?"
OPEN_QUESTION = "{section}: {missing}?"

STAKEHOLDER_DEFAULTS_NOTE = (
    "Voor {names} heb ik de gebruikelijke rol ingevuld als voorstel; pas die gerust aan."
)
DEFAULT_ROLE_SUFFIX = " (voorstel)"

# The usual role of each kind of party in integral works, proposed when the user names a
# party but not its role (and says so in the document, so it can be corrected): one table
# of party kinds in lang/nl; any way of writing a kind finds its role.
DEFAULT_ROLES = nl.DEFAULT_ROLES
DEFAULT_ROLE_UNKNOWN = "betrokken partij; rol nog te bepalen"

# How a missing item is named in a sentence ("Eerder kon u ... nog niet noemen").
MISSING_PHRASES: dict[str, str] = {
    "een beschrijving van de aanleiding": "de aanleiding",
    "een doelstelling": "het doel",
    "minstens één concreet beoogd resultaat": "een concreet resultaat",
    "een opdrachtgever": "de opdrachtgever",
    "het niveau (bestuurlijk of ambtelijk)": "het niveau van de opdrachtgever",
    "de beslisruimte": "de beslisruimte",
    "minstens twee stakeholders": "de betrokken partijen",
    "bij elke stakeholder een rol of belang": "de rol van elke partij",
    "een budget": "het budget",
    "de capaciteit in fte": "de capaciteit in fte",
    "een einddatum": "de einddatum",
    "minstens één kader (beleid, wet- of regelgeving, randvoorwaarde)": "de kaders",
    "minstens één instrument": "de instrumenten",
    "een beschrijving van organisatie en werkwijze": "de werkwijze",
}

# Starting from a document (the app's "Begin met een document").
FROM_DOCUMENT = (
    "Ik heb **{document}** gelezen en er {count} voor de opdracht uit overgenomen; rechts "
    "ziet u wat er nu staat."
)
FROM_DOCUMENT_GAPS = "Ik vraag nu alleen nog naar wat ontbreekt."
FROM_DOCUMENT_NOTHING = (
    "Ik heb **{document}** gelezen, maar er nog geen gegevens voor de opdracht in gevonden. "
    "Laten we de opdracht samen opbouwen."
)
FROM_DOCUMENT_COMPLETE = "Al compleet: {sections}."
FROM_DOCUMENT_NONE_COMPLETE = "Nog geen onderdeel is helemaal compleet."
FROM_DOCUMENT_OPEN = "Bij de opdracht staan {count} uit het document."
