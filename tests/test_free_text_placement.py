"""Free text lands in its own section: the aanleiding is the problem or the occasion, an
intention is goal material, and greetings, introductions and values with their own field
stay out of every free-text section.

Openings, mails, verslagen and raadsvoorstellen written for these tests, in the registers
administrators use.
"""

from __future__ import annotations

import pytest

from opdrachtassistent import Interview, draft
from opdrachtassistent.commission import Commission
from opdrachtassistent.extract.rules import RulesExtractor, names_occasion, sentence_role

ROLES: list[tuple[str, str]] = [
    ("Goedemiddag, ik ben beleidsmedewerker verkeer bij de gemeente Houten.", "greeting"),
    ("Hoi Sanne,", "greeting"),
    ("Met vriendelijke groet,", "greeting"),
    ("Mijn naam is Pieter Bosman, projectleider bij de gemeente Tiel.", "greeting"),
    ("Teamleider Wegen hier.", "greeting"),
    ("Ik wil graag een opdracht opstellen voor de Stationsstraat.", "greeting"),
    ("Maar goed, daar kom ik niet voor.", "aside"),
    ("Wethouder Bakker is opdrachtgever.", "typed"),
    ("Er is 1,8 miljoen beschikbaar.", "typed"),
    ("Het moet eind 2028 klaar zijn.", "typed"),
    ("De heer Smit is ambtelijk opdrachtgever.", "typed"),
    ("Het riool in de Lindelaan zakt elke winter verder weg.", "occasion"),
    ("Bewoners klagen al jaren over de hitte.", "occasion"),
    ("Vorig jaar waren er drie ongevallen op de kruising.", "occasion"),
    ("We vervangen het riool omdat het uit 1955 stamt.", "occasion"),
    ("We willen de Molenweg herinrichten.", "intention"),
    ("Het doel is een groene, veilige schoolomgeving.", "intention"),
    ("De bedoeling is dat alle partijen in één keer graven.", "intention"),
    ("Het gaat om de Julianastraat tussen de markt en het station.", "plain"),
]


@pytest.mark.parametrize(("sentence", "role"), ROLES)
def test_sentence_roles(sentence: str, role: str) -> None:
    assert sentence_role(sentence)[1] == role


def test_a_greeting_lead_is_read_past() -> None:
    text, role = sentence_role("Hoi Sanne, het riool in de Kerkstraat is op.")
    assert (text, role) == ("Het riool in de Kerkstraat is op.", "occasion")


def test_a_reference_to_a_meeting_is_no_aanleiding() -> None:
    text, role = sentence_role("Naar aanleiding van ons overleg van maandag: graag een opzet.")
    assert role != "occasion" and not text.startswith("Naar aanleiding")


OPENING_PLAN_ONLY = (
    "Goedemiddag, ik ben Esther, beleidsmedewerker openbare ruimte bij de gemeente Wijk bij "
    "Duurstede. We willen de Molenweg herinrichten en het riool vervangen, wethouder Van Rijn "
    "is opdrachtgever. Er is 2,4 miljoen voor gereserveerd."
)
OPENING_WITH_REASON = (
    "Hallo, met Joost van team Beheer. In de Bloemenbuurt staat bij elke stevige bui het water "
    "in de kelders en het riool is aan het eind van zijn levensduur. We willen de buurt "
    "klimaatbestendig maken."
)


def test_an_opening_with_only_a_plan_leaves_the_aanleiding_to_ask() -> None:
    it = Interview()
    it.opening()
    turn = it.answer(OPENING_PLAN_ONLY)
    c = it.commission
    assert c.context is None
    assert turn.asking == "context" and "aanleiding" in turn.message.lower()
    assert c.goal.statement == "We willen de Molenweg herinrichten en het riool vervangen"
    assert c.mandate.commissioner == "wethouder Van Rijn"
    assert c.resources.budget_eur == 2_400_000
    it.answer("Het riool zakt elk jaar verder weg en de bewoners hebben er water in de kelder.")
    assert it.commission.context is not None
    assert it.commission.context.startswith("Het riool zakt")


def test_an_opening_with_a_reason_gives_the_aanleiding_without_the_greeting() -> None:
    it = Interview()
    it.opening()
    it.answer(OPENING_WITH_REASON)
    c = it.commission
    assert c.context is not None
    assert c.context.startswith("In de Bloemenbuurt staat")
    assert "Hallo" not in c.context and "Joost" not in c.context
    assert "klimaatbestendig maken" not in c.context
    assert c.goal.statement == "We willen de buurt klimaatbestendig maken"


def test_the_aanleiding_question_itself_takes_the_answer_as_given() -> None:
    # Started from a document, the first question is the aanleiding itself: its answer is
    # the aanleiding even when it reads like a plan.
    it = Interview()
    turn = it.start_from(Commission(title="Kademuur Waalkade"), document="nota.docx")
    assert turn.asking == "context"
    it.answer("We pakken de kademuur aan en maken de kade tegelijk groener en toegankelijker.")
    assert it.commission.context is not None


def test_names_occasion() -> None:
    assert names_occasion("De kademuur verzakt en moet worden hersteld.")
    assert not names_occasion("We willen de kademuur aanpakken. Budget 3 miljoen.")


# A collegevoorstel with the aanleiding in the middle, after the decision and the money.
COLLEGEVOORSTEL = """Collegevoorstel Herinrichting Dorpsstraat Oost

Het college wordt gevraagd in te stemmen met de integrale aanpak van de Dorpsstraat Oost.
Bestuurlijk opdrachtgever is wethouder Meijer. Het beschikbare krediet is € 3,1 miljoen.
In de afgelopen twee jaar zijn er op de Dorpsstraat vier ongevallen met fietsers geweest en
het riool is op meerdere plekken ingezakt.
Het werk moet eind 2027 gereed zijn.

Met vriendelijke groet,
afdeling Ruimte
"""


def test_a_note_keeps_only_the_occasion_as_aanleiding() -> None:
    c = draft(COLLEGEVOORSTEL)
    assert c.context is not None
    assert c.context.startswith("In de afgelopen twee jaar zijn er op de Dorpsstraat vier")
    assert "ingezakt" in c.context
    for kept_out in ("wethouder Meijer", "3,1 miljoen", "eind 2027", "groet", "krediet"):
        assert kept_out not in c.context


# A mail, hard-wrapped, that greets and introduces before it says anything.
MAIL = """Beste Ilse,

Ik ben sinds kort programmamanager bij de gemeente Zaltbommel en neem het dossier
Waalkade over. De kademuur langs de Waal verzakt op drie plekken en de gemeenteraad heeft
vorige maand om een plan gevraagd. Het doel is een veilige kade met ruimte om te wandelen.

Groeten,
Mark
"""


def test_a_wrapped_mail_keeps_its_sentences_whole() -> None:
    c = draft(MAIL)
    assert c.context == (
        "De kademuur langs de Waal verzakt op drie plekken en de gemeenteraad heeft vorige "
        "maand om een plan gevraagd."
    )
    assert (c.goal.statement or "").rstrip(".") == "Een veilige kade met ruimte om te wandelen"


@pytest.mark.parametrize(
    "answer",
    [
        "Het budget is toch 4,5 miljoen.",
        "Correctie: het budget is 4,5 miljoen euro.",
    ],
)
def test_a_budget_correction_in_the_mandate_answer_is_no_decision_space(answer: str) -> None:
    e = RulesExtractor().extract(answer, section="mandate")
    assert e.budget_eur == 4_500_000
    assert e.decision_space is None


def test_the_decision_space_beside_a_budget_correction_is_kept() -> None:
    answer = "Het budget is toch 4,5 miljoen. De projectleider beslist binnen dat budget."
    e = RulesExtractor().extract(answer, section="mandate")
    assert e.decision_space == "De projectleider beslist binnen dat budget."


@pytest.mark.parametrize(
    ("answer", "statement", "results"),
    [
        (
            "Een veilige schoolzone: een verhoogde oversteek en 30 km/uur in de hele straat.",
            "Een veilige schoolzone",
            ["Een verhoogde oversteek en 30 km/uur in de hele straat."],
        ),
        (
            "Een klimaatbestendig plein met 400 kuub waterberging onder de bestrating.",
            "Een klimaatbestendig plein",
            ["400 kuub waterberging onder de bestrating."],
        ),
        (
            "Tien kilometer dijk op de nieuwe norm, met natuurvriendelijke oevers.",
            "Tien kilometer dijk op de nieuwe norm, met natuurvriendelijke oevers.",
            ["Tien kilometer dijk op de nieuwe norm."],
        ),
        ("Alle 300 woningen van het aardgas af.", "Alle 300 woningen van het aardgas af.", []),
    ],
)
def test_a_one_sentence_goal_is_not_repeated_as_its_result(
    answer: str, statement: str, results: list[str]
) -> None:
    e = RulesExtractor().extract(answer, section="goal")
    assert e.goal_statement == statement
    assert e.goal_results == results
    assert e.goal_statement not in e.goal_results


def test_a_goal_answer_keeps_the_named_goal_as_statement() -> None:
    answer = (
        "Wat we willen bereiken is een aardgasvrije wijk. Concreet: 500 woningen van het gas af. "
        "Dat vind ik zelf het mooiste deel."
    )
    e = RulesExtractor().extract(answer, section="goal")
    assert e.goal_statement == "Wat we willen bereiken is een aardgasvrije wijk."
