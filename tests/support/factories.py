"""One complete commission for every test that needs one: override what a test is about."""

from __future__ import annotations

from datetime import date
from typing import Any

from opdrachtassistent.commission import Commission, Goal, Mandate, Resources, Stakeholder


def complete_commission(**overrides: Any) -> Commission:
    """A commission as the essay asks for it: nothing administrative is left for execution."""
    commission = Commission(
        title="Herinrichting Dorpsstraat",
        context=(
            "De riolering in de Dorpsstraat is aan vervanging toe en de straat loopt bij "
            "hevige buien onder water; kinderen fietsen er naar twee scholen."
        ),
        goal=Goal(
            statement=(
                "Een klimaatbestendige en verkeersveilige Dorpsstraat, zodat woningen droog "
                "blijven en kinderen veilig naar school fietsen."
            ),
            results=[
                "Een bui van 70 mm in een uur leidt niet tot water in woningen",
                "30 nieuwe bomen in de straat",
                "Maximumsnelheid 30 km/u met een vrijliggend fietspad",
            ],
            themes=["riolering", "klimaatadaptatie", "mobiliteit", "groen"],
        ),
        mandate=Mandate(
            commissioner="wethouder De Vries",
            level="bestuurlijk",
            decision_space="De projectleider besluit zelf binnen 10% van budget en planning.",
            escalation="Bij grotere afwijkingen beslist de stuurgroep binnen twee weken.",
        ),
        stakeholders=[
            Stakeholder(name="waterschap De Dommel", kind="waterschap", role="partner"),
            Stakeholder(name="Arriva", kind="vervoerder", interest="busroute 12 blijft rijden"),
            Stakeholder(name="bewoners van de Dorpsstraat", kind="bewoners", interest="wonen"),
            Stakeholder(name="brandweer", kind="hulpdiensten", interest="aanrijtijden"),
        ],
        resources=Resources(
            budget_eur=3_200_000,
            capacity_fte=2.5,
            deadline=date(2028, 12, 31),
            funding="Integraal programmabudget met bijdragen uit GRP, wegen en klimaat",
        ),
        frameworks=[
            "Omgevingswet",
            "Gemeentelijk Rioleringsplan (GRP)",
            "Mobiliteitsplan 2030",
            "Klimaatadaptatiestrategie",
        ],
        instruments=["participatietraject", "bouwteamcontract"],
        organisation=(
            "Een integraal projectteam met riolering, wegen en groen; maandelijks "
            "afstemmingsoverleg met waterschap en vervoerder; de programmamanager voert regie."
        ),
    )
    return commission.model_copy(update=overrides) if overrides else commission
