"""An interview that starts from a drafted document: it says what it read and asks only
the sections the document left incomplete."""

from __future__ import annotations

import pytest
from tests.support.factories import complete_commission

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission
from opdrachtassistent.dialogue.interview import Interview
from opdrachtassistent.drafting.notes import draft

COLLEGEBESLUIT = (
    "Het college besluit de kademuur langs de Oude Gracht te vervangen, omdat die op twee "
    "plaatsen verzakt.\n\n"
    "Opdrachtgever is wethouder Visser. Hiervoor is 3,5 miljoen euro beschikbaar en de "
    "kademuur moet eind 2028 klaar zijn. Het waterschap en de bewoners van de Oude Gracht "
    "worden betrokken."
)


def started() -> tuple[Interview, Commission, str]:
    commission = draft(COLLEGEBESLUIT, document="besluit-kademuur.pdf")
    interview = Interview()
    turn = interview.start_from(commission, document="besluit-kademuur.pdf")
    return interview, commission, turn.message


def test_first_message_says_what_was_read_and_asks_the_first_gap() -> None:
    interview, commission, message = started()
    complete = [k for k in SECTIONS if commission.section_status(k).state == "compleet"]
    gaps = [k for k in SECTIONS if k not in complete]
    assert complete and gaps
    assert message.startswith("Ik heb **besluit-kademuur.pdf** gelezen en er ")
    assert f"{len(commission.provenance)} gegevens" in message
    assert "Al compleet: " + SECTION_TITLES[complete[0]] in message
    assert interview.asking == gaps[0]
    assert message.rstrip().split("\n\n")[-1].startswith(f"**{SECTION_TITLES[gaps[0]]}.**")
    assert [m.role for m in interview.messages] == ["assistant"]  # no opening question


def test_complete_sections_are_never_asked() -> None:
    interview, commission, _ = started()
    complete = {k for k in SECTIONS if commission.section_status(k).state == "compleet"}
    asked = {interview.asking}
    for _ in range(20):
        interview.answer("weet ik niet")
        asked.add(interview.asking)
        if interview.asking == "confirm":
            break
    assert interview.asking == "confirm"
    assert not asked & complete
    # the values from the document are still there, with their origin
    assert interview.commission.resources.budget_eur == 3_500_000
    origin = interview.commission.provenance["resources.budget_eur"]
    assert origin.source == "document" and origin.document == "besluit-kademuur.pdf"


def test_the_drafts_open_questions_are_asked_not_kept_twice() -> None:
    interview, commission, _ = started()
    assert commission.open_questions  # the draft listed its gaps
    assert interview.commission.open_questions == []  # the interview asks them instead


def test_a_partly_known_section_asks_only_what_is_missing() -> None:
    interview, _, message = started()
    while interview.asking != "resources":
        message = interview.answer("weet ik niet").message
    assert "Ik heb al: budget € 3.500.000" in message
    assert "fte" in message


def test_a_complete_document_goes_straight_to_the_summary() -> None:
    interview = Interview()
    turn = interview.start_from(complete_commission(), document="opdracht.docx")
    assert interview.asking == "confirm"
    assert "Dit is de opdracht zoals ik hem nu heb" in turn.message


def test_a_document_without_values_starts_the_interview_at_the_beginning() -> None:
    interview = Interview()
    turn = interview.start_from(Commission(), document="agenda.txt", notes=["let op"])
    assert "nog geen gegevens voor de opdracht" in turn.message
    assert "let op" in turn.message
    assert interview.asking == SECTIONS[0]


def test_start_from_only_begins_a_new_interview() -> None:
    interview = Interview()
    interview.opening()
    with pytest.raises(ValueError):
        interview.start_from(Commission(), document="x.docx")
