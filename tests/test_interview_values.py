"""Values that cannot be used are refused in the interview with a Dutch question and change
nothing; a start date is kept apart from the deadline; a choice the text leaves is asked."""

from __future__ import annotations

from datetime import date

import pytest

from opdrachtassistent import Interview
from opdrachtassistent.dialogue import commands as cmd
from opdrachtassistent.dialogue.understand import Reading, read_answer
from opdrachtassistent.extract.rules import RulesExtractor

OPENING = (
    "Wij gaan de Havenkade opnieuw inrichten en de kademuur herstellen. Wethouder Bakker is "
    "opdrachtgever. Er is een krediet van 4,5 miljoen euro, en het moet eind 2028 klaar zijn."
)
GOAL = "Een veilige kade met meer groen. Resultaat: 300 meter kademuur hersteld."


CONTEXT = "De kademuur verzakt en bij hoog water loopt de kade onder."


def _interview_at_goal() -> Interview:
    """Opening, aanleiding and goal given; the interview has moved past the goal."""
    it = Interview()
    it.opening()
    it.answer(OPENING)
    if it.asking == "context":
        it.answer(CONTEXT)
    assert it.asking == "goal"
    it.answer(GOAL)
    assert it.commission.goal.statement
    return it


@pytest.mark.parametrize(
    ("answer", "fragment"),
    [
        ("budget: -300 euro", "Dat bedrag kan ik niet gebruiken"),
        ("Het budget is toch 2e308 miljoen", "te groot"),
        ("het krediet is 1234567890123456789012345678901234567890 euro", "te groot"),
        ("De einddatum is toch 30 februari 2027", "Die datum kan ik niet gebruiken"),
        ("Correctie, oplevering 31-04-2027", "die dag bestaat niet"),
        ("De capaciteit is toch 20000 fte", "Die capaciteit kan ik niet gebruiken"),
        ("we hebben -2 fte", "een capaciteit kan niet negatief zijn"),
        ("capaciteit 5e400 fte", "zoveel fte kan niet kloppen"),
        ("de capaciteit is toch 5e400", "Die capaciteit kan ik niet gebruiken"),
    ],
)
def test_a_nonsense_correction_changes_nothing(answer: str, fragment: str) -> None:
    it = _interview_at_goal()
    before = it.commission.model_dump()
    asking = it.asking
    turn = it.answer(answer)
    assert fragment in turn.message
    assert "?" in turn.message.split("\n\n")[0]  # a question back, in Dutch
    assert it.commission.model_dump() == before
    assert it.asking == asking  # the same question is asked again
    assert it.commission.resources.budget_eur == 4_500_000
    assert it.commission.goal.statement and "-300" not in it.commission.goal.statement


def test_a_bare_overflowing_number_is_refused_when_the_budget_is_asked() -> None:
    it = _interview_at_goal()
    for _ in range(10):
        if it.asking == "resources":
            break
        it.answer("weet ik niet")
    assert it.asking == "resources"
    before = it.commission.model_dump()
    turn = it.answer("5e400")
    assert "Wat is het budget in euro?" in turn.message
    assert it.commission.model_dump() == before


def test_after_the_summary_a_bad_value_is_refused_and_the_summary_stays() -> None:
    it = Interview()
    it.opening()
    turn = it.answer(OPENING)
    for _ in range(20):
        if turn.asking == "confirm":
            break
        turn = it.answer("weet ik niet")
    assert turn.asking == "confirm"
    before = it.commission.model_dump()
    turn = it.answer("Het budget moet zijn: -300 euro")
    assert "niet negatief" in turn.message
    assert it.commission.model_dump() == before
    assert turn.asking == "confirm" and not it.complete


def test_the_reader_turns_a_bad_value_into_a_refusal() -> None:
    it = _interview_at_goal()
    reading = Reading(
        commission=it.commission, asking="resources", revisiting=False, asked_again=False
    )
    commands = read_answer(
        "budget -300 euro en 2 fte", reading, lambda t, s: RulesExtractor().extract(t, section=s)
    )
    assert commands == [cmd.Refuse("budget_eur", "-300 euro", "negative")]


def test_start_and_deadline_are_kept_apart_in_the_interview() -> None:
    it = Interview()
    it.opening()
    it.answer(
        "We vervangen de riolering in de Vogelbuurt. De aannemer begint in september 2026 en "
        "de oplevering is voorjaar 2027. Wethouder Dijkstra is opdrachtgever."
    )
    r = it.commission.resources
    assert r.start == date(2026, 9, 1)
    assert r.deadline == date(2027, 5, 31)


def test_a_start_is_not_a_completeness_criterion() -> None:
    it = Interview()
    it.opening()
    it.answer("Budget 2 miljoen, 1 fte, klaar eind 2027.")
    assert it.commission.section_status("resources").state == "compleet"
    assert it.commission.resources.start is None


def test_two_budgets_in_a_pasted_proposal_become_an_open_question() -> None:
    it = Interview()
    it.opening()
    it.answer(
        "Uit het raadsvoorstel: het college stelt een krediet van € 6 miljoen beschikbaar, "
        "waarvan € 1,5 miljoen een bijdrage van het waterschap is."
    )
    assert it.commission.resources.budget_eur == 6_000_000
    questions = [q for q in it.commission.open_questions if "€ 1.500.000" in q]
    assert questions and "€ 6.000.000" in questions[0]


def test_a_correction_naming_two_amounts_is_no_open_question() -> None:
    it = _interview_at_goal()
    it.answer("Het budget is niet 4,5 miljoen maar 5 miljoen euro.")
    assert it.commission.resources.budget_eur == 5_000_000
    assert not [q for q in it.commission.open_questions if "noemt" in q]


def test_a_correction_of_the_budget_replaces_no_description_of_another_section() -> None:
    """Found by the interview property test: asked about the stakeholders, "..., beslist de
    projectleider zelf. het budget is toch 4 miljoen" replaced the decision space given
    before, because any correction let every description be replaced."""
    from opdrachtassistent.commission import Commission, Goal, Mandate, Resources

    decided = "De projectleider beslist zelf binnen 10% van budget en planning."
    it = Interview()
    it.opening()
    it.edit(
        Commission(
            context="De kademuur verzakt en bij hoog water loopt de kade onder.",
            goal=Goal(statement="Een veilige kade", results=["300 meter kademuur hersteld"]),
            mandate=Mandate(
                commissioner="wethouder Bakker", level="bestuurlijk", decision_space=decided
            ),
            resources=Resources(budget_eur=3_200_000),
        )
    )
    assert it.asking == "stakeholders"
    it.answer("Binnen de planning beslist de projectleider zelf. Het budget is toch 4 miljoen.")
    assert it.commission.resources.budget_eur == 4_000_000
    assert it.commission.mandate.decision_space == decided


def test_every_typed_value_has_the_words_that_name_it() -> None:
    """A filled typed value changes only when an answer names its field: a value without
    such words (the start date had none) made the next differing value raise KeyError."""
    from opdrachtassistent.dialogue.merging import TYPED_SCALARS
    from opdrachtassistent.lang.nl.cues.dialogue import FIELD_CUES

    assert set(TYPED_SCALARS) <= set(FIELD_CUES)


def test_a_second_start_date_from_an_extractor_changes_nothing_silently() -> None:
    """An extractor (the model) that reads another start date in a later answer: the
    interview goes on, and the start changes only when that answer names it."""
    from datetime import date

    from opdrachtassistent.dialogue.interview import Interview
    from opdrachtassistent.extract.base import Extraction
    from opdrachtassistent.extract.rules import RulesExtractor

    class Model:
        def extract(self, text: str, *, section: object = None) -> Extraction:
            found = RulesExtractor().extract(text, section=section)  # type: ignore[arg-type]
            found.start = date(2026, 5, 1) if "mei" in text else date(2026, 3, 1)
            return found

    interview = Interview(extractor=Model())
    interview.opening()
    interview.answer("De riolering onder de Dorpsstraat is op; we starten in maart 2026.")
    interview.answer("Opdrachtgever is wethouder Jansen, in mei gaan we praten.")
    assert interview.commission.resources.start == date(2026, 3, 1)
