"""The Dutch texts of the verdict (data only); `reviewing.verdict` picks and fills them."""

from __future__ import annotations

from opdrachtassistent.commission import SectionKey
from opdrachtassistent.reviewing.model import OTHER, Choice, Wording

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

READY = Wording(
    "Gereed voor uitvoering: de bestuurlijke vragen zijn beantwoord; wat overblijft zijn "
    "technische en planningsvragen."
)
READY_WITH_LOW = Wording(
    READY.text + " Er {is} nog {count} {points} van laag risico.",
    {
        "is": Choice("count", {1: "is", OTHER: "zijn"}),
        "points": Choice("count", {1: "aandachtspunt", OTHER: "aandachtspunten"}),
    },
)
NOT_READY = Wording(
    "Nog niet gereed voor uitvoering ({counts}). Open bestuurlijke vragen bij: {sections}."
)

_POINTS = Choice("count", {1: "punt", OTHER: "punten"})
COUNT_HIGH = Wording("{count} {points} met hoog risico", {"points": _POINTS})
COUNT_MEDIUM = Wording("{count} {points} met middelgroot risico", {"points": _POINTS})
COUNT_OPEN_QUESTIONS = Wording(
    "{count} open {questions}", {"questions": Choice("count", {1: "vraag", OTHER: "vragen"})}
)
