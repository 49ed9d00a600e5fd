"""Worked example scenarios for trainers, replayed step by step in the app.

Each scenario is a list of realistic Dutch answers, each tagged with the section it answers.
A replay answers whatever the interview is asking at that moment: the step for that section
if there is one, else the next unused step in order, and "ja" to the closing summary. So a
scenario keeps working when the interview asks its questions in another order.
Pure data and logic: no UI, no storage.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from opdrachtassistent.commission import SectionKey

CONFIRM_ANSWER = "Ja, dat klopt."


class ScenarioStep(BaseModel):
    section: SectionKey
    text: str


class Scenario(BaseModel):
    id: str
    title: str
    summary: str = Field(description="One paragraph for the trainer: what this case shows.")
    steps: list[ScenarioStep]


class Replay(BaseModel):
    """Where a replay of one scenario stands (JSON-safe, kept per browser session)."""

    scenario_id: str
    used: list[int] = Field(default_factory=list)
    confirmed: bool = False

    def next_answer(self, asking: str | None) -> str | None:
        """The answer to give now, marking it used; None when the scenario is played out."""
        scenario = get(self.scenario_id)
        if asking == "confirm":
            if self.confirmed:
                return None
            self.confirmed = True
            return CONFIRM_ANSWER
        unused = [i for i in range(len(scenario.steps)) if i not in self.used]
        if not unused or asking is None:
            return None
        pick = next((i for i in unused if scenario.steps[i].section == asking), unused[0])
        self.used.append(pick)
        return scenario.steps[pick].text

    @property
    def remaining(self) -> int:
        return len(get(self.scenario_id).steps) - len(self.used)


def _steps(*pairs: tuple[SectionKey, str]) -> list[ScenarioStep]:
    return [ScenarioStep(section=s, text=t) for s, t in pairs]


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        id="dorpsstraat",
        title="Dorpsstraat: rioolvervanging met klimaatadaptatie",
        summary=(
            "Een straat moet open voor een verouderd riool. De gemeente grijpt de kans om in "
            "één keer af te koppelen, te vergroenen en de kabels en leidingen mee te nemen. "
            "Laat zien hoe waterschap en netbeheerder vroeg aan tafel komen en hoe budgetten "
            "uit riolering en klimaatadaptatie samen één opdracht dragen."
        ),
        steps=_steps(
            (
                "context",
                "De riolering in de Dorpsstraat en de Kerklaan is ruim zestig jaar oud en aan "
                "vervanging toe. Bij hevige buien staan de straat en een aantal kelders onder "
                "water en bewoners klagen over wateroverlast en hitte. Omdat de straat toch "
                "open moet, willen we het rioolwerk combineren met klimaatadaptatie en een "
                "nieuwe inrichting.",
            ),
            (
                "goal",
                "Het doel is een klimaatbestendige, groene Dorpsstraat met een gescheiden "
                "rioolstelsel, zodat de straat maar één keer open hoeft. Beoogde resultaten: "
                "geen wateroverlast bij een bui van 70 mm in een uur, alle woningen afgekoppeld "
                "en 30 extra bomen.",
            ),
            (
                "mandate",
                "Opdrachtgever is wethouder Jansen van openbare ruimte, dus bestuurlijk. Het "
                "projectteam mag binnen budget en planning zelf beslissen over het ontwerp; bij "
                "meer dan 10 procent overschrijding beslist het college.",
            ),
            (
                "stakeholders",
                "Betrokken zijn het Waterschap Rivierenland (beheer van het oppervlaktewater), "
                "Stedin (vervanging van gas- en elektriciteitskabels), Vitens (de "
                "drinkwaterleiding), de bewoners van de Dorpsstraat (overlast en inrichting) en "
                "de winkeliers (bereikbaarheid tijdens het werk).",
            ),
            (
                "resources",
                "Het budget is 3,2 miljoen euro, uit het rioleringsplan en het "
                "klimaatadaptatiebudget. Er is 2,5 fte capaciteit en het werk moet klaar zijn "
                "op 31 december 2027.",
            ),
            (
                "frameworks",
                "Het moet passen binnen de Omgevingswet, het Gemeentelijk Rioleringsplan, de "
                "Klimaatadaptatiestrategie en het Bomenbeleidsplan.",
            ),
            (
                "instruments",
                "We zetten een participatietraject in, graafcoördinatie volgens de AVOI-"
                "afspraken, een samenwerkingsovereenkomst en een verkeersbesluit voor de "
                "omleiding.",
            ),
            (
                "organisation",
                "Er komt een integraal projectteam met riolering, wegen, groen en communicatie "
                "onder leiding van één projectleider. Het team rapporteert maandelijks aan een "
                "stuurgroep met de wethouder en het waterschap, en stemt elke twee weken af "
                "met Stedin en Vitens.",
            ),
        ),
    ),
    Scenario(
        id="aardgasvrij",
        title="Wijk Rivierenbuurt van het aardgas af",
        summary=(
            "Een wijk gaat van het aardgas af met een warmtenet. De netbeheerder en de "
            "woningcorporatie zijn onmisbaar en hebben hun eigen planning en investerings"
            "cycli. Laat zien waarom het mandaat bestuurlijk moet liggen en hoe een "
            "samenwerkingsovereenkomst de afspraken vastlegt."
        ),
        steps=_steps(
            (
                "context",
                "De Rivierenbuurt is in de Transitievisie Warmte aangewezen als eerste wijk "
                "die van het aardgas af gaat. Het gasnet is daar aan vervanging toe en de 600 "
                "huurwoningen worden in dezelfde periode geïsoleerd. Als we dat niet samen "
                "oppakken, gaat de straat meerdere keren open.",
            ),
            (
                "goal",
                "Het doel is dat de Rivierenbuurt in 2030 aardgasvrij is met een betaalbaar "
                "warmtenet, zodat de straten maar één keer open hoeven. Beoogde resultaten: "
                "1.200 woningen aangesloten op het warmtenet en het gasnet verwijderd.",
            ),
            (
                "mandate",
                "Opdrachtgever is het college van burgemeester en wethouders, bestuurlijk, met "
                "wethouder De Vries voor energie als eerste aanspreekpunt. De programmamanager "
                "beslist over fasering en ontwerp; wijzigingen in de financiering gaan terug "
                "naar het college.",
            ),
            (
                "stakeholders",
                "Betrokken zijn Liander (verwijdert het gasnet en verzwaart het "
                "elektriciteitsnet), Woonstede (woningcorporatie, eigenaar van de helft van de "
                "woningen), het warmtebedrijf (aanleg en exploitatie van het warmtenet) en de "
                "bewoners (betaalbare woonlasten en overlast).",
            ),
            (
                "resources",
                "Er is een budget van 12 miljoen euro, waarvan 4 miljoen rijkssubsidie uit het "
                "Programma Aardgasvrije Wijken. De capaciteit is 4 fte en de einddatum is 31 "
                "december 2030.",
            ),
            (
                "frameworks",
                "Kaders zijn de Transitievisie Warmte, de Wet collectieve warmte, de "
                "Omgevingswet en het coalitieakkoord.",
            ),
            (
                "instruments",
                "We gebruiken een samenwerkingsovereenkomst, een wijkuitvoeringsplan, een "
                "participatietraject en subsidie voor isolatie.",
            ),
            (
                "organisation",
                "Een programmateam met energie, openbare ruimte en wonen werkt als één "
                "wijkteam samen met de partners. Er is elk kwartaal een bestuurlijk overleg "
                "met de directies en elke maand een gezamenlijke planningssessie.",
            ),
        ),
    ),
    Scenario(
        id="schoolzone",
        title="Schoolzone De Regenboog: verkeersveiligheid",
        summary=(
            "Rond een basisschool gebeuren bijna-ongelukken. Een kleiner project met veel "
            "partijen met een groot belang en weinig formele invloed (ouders, school). Laat "
            "zien hoe een verkeersbesluit en participatie samen gaan en waarom ook een klein "
            "project een helder mandaat nodig heeft."
        ),
        steps=_steps(
            (
                "context",
                "Rond basisschool De Regenboog aan de Schoolstraat is het 's ochtends "
                "onveilig: ouders parkeren dubbel, er wordt te hard gereden en er waren het "
                "afgelopen schooljaar drie bijna-ongelukken met fietsende kinderen. De school "
                "en de ouders vragen al twee jaar om maatregelen.",
            ),
            (
                "goal",
                "Het doel is een veilige schoolzone waar kinderen zelfstandig naar school "
                "kunnen lopen en fietsen. Beoogde resultaten: maximaal 30 km per uur in de "
                "hele zone en een vrij liggend fietspad langs de school.",
            ),
            (
                "mandate",
                "De opdrachtgever is het afdelingshoofd Mobiliteit, dus ambtelijk. Het team "
                "mag zelf het ontwerp kiezen; als het budget niet toereikend is, beslist de "
                "wethouder verkeer.",
            ),
            (
                "stakeholders",
                "Betrokken zijn basisschool De Regenboog (veiligheid van de leerlingen), de "
                "ouders (bereikbaarheid en veiligheid), de bewoners van de Schoolstraat "
                "(parkeren voor de deur), de politie (handhaving) en de Fietsersbond (advies "
                "over het ontwerp).",
            ),
            (
                "resources",
                "Het budget is 350.000 euro uit het mobiliteitsprogramma, de capaciteit is "
                "0,8 fte en het moet klaar zijn op 1 september 2026, voor het nieuwe "
                "schooljaar.",
            ),
            (
                "frameworks",
                "Het moet voldoen aan het Mobiliteitsplan, de CROW-richtlijnen voor "
                "schoolomgevingen en het Reglement verkeersregels en verkeerstekens.",
            ),
            (
                "instruments",
                "We zetten een verkeersbesluit in, een schoolstraat-experiment met "
                "tijdelijke afsluiting, participatie met ouders en leerlingen en handhaving "
                "door de politie.",
            ),
            (
                "organisation",
                "Een verkeerskundige is projectleider en werkt samen met de wijkregisseur, "
                "de school en een ontwerper. Het team overlegt elke twee weken en legt "
                "keuzes voor aan het afdelingshoofd in het maandelijkse overleg.",
            ),
        ),
    ),
)

_BY_ID: dict[str, Scenario] = {s.id: s for s in SCENARIOS}


def get(scenario_id: str) -> Scenario:
    """The scenario with this id; KeyError with the known ids when there is none."""
    try:
        return _BY_ID[scenario_id]
    except KeyError:
        raise KeyError(f"Onbekend scenario {scenario_id!r}; kies uit {sorted(_BY_ID)}") from None


def choices() -> list[tuple[str, str]]:
    """(title, id) pairs for a dropdown."""
    return [(s.title, s.id) for s in SCENARIOS]
