"""Completion dates and start dates as municipal texts write them: raadsvoorstellen,
bewonersbrieven, projectpagina's, verslagen. A start, a publication date, a meeting or a
one-day activity is never the completion date."""

from __future__ import annotations

from datetime import date

import pytest

from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.lang.nl import bad_dates, deadline_alternatives, parse_deadline, parse_start

TODAY = date(2026, 3, 1)

# (text, completion date, start date)
ROLES: list[tuple[str, date | None, date | None]] = [
    # bewonersbrief
    (
        "Beste bewoners, de aannemer begint half maart met het opbreken van de stoep. "
        "Naar verwachting is de Lindelaan eind oktober 2026 weer begaanbaar en klaar.",
        date(2026, 10, 31),
        date(2026, 3, 15),
    ),
    (
        "Op dinsdag 9 juni worden er proefsleuven gegraven in de Beukenstraat. "
        "De werkzaamheden aan de riolering starten in september 2026.",
        None,
        date(2026, 9, 1),
    ),
    # projectpagina
    (
        "Gepubliceerd op 3-2-2026. De vervanging van de brug vindt in 2027 plaats.",
        date(2027, 12, 31),
        None,
    ),
    (
        "Laatst bijgewerkt: 12 januari 2026\nPlanning: aanvang werkzaamheden najaar 2026, "
        "oplevering voorjaar 2027.",
        date(2027, 5, 31),
        date(2026, 9, 1),
    ),
    (
        "Op woensdag 15 april 2026 is er een informatieavond in het buurthuis. Het nieuwe "
        "plein moet voor eind 2027 klaar zijn.",
        date(2027, 12, 31),
        None,
    ),
    # verslag
    (
        "Verslag van het overleg van 12 april 2026 met de klankbordgroep. Afgesproken: de "
        "eerste schop gaat in Q3 2026 de grond in, gereed uiterlijk 1 december 2027.",
        date(2027, 12, 1),
        None,
    ),
    ("Verslag van het overleg van 12 april", None, None),
    # raadsvoorstel
    (
        "In de raadsvergadering van 20 mei 2026 besluit de raad over het krediet. Start "
        "uitvoering Q2 2027; het project wordt afgerond in 2028.",
        date(2028, 12, 31),
        date(2027, 4, 1),
    ),
    (
        "Het college besloot op 14 januari 2025 tot een verkenning. De verkenning is "
        "afgerond op 30 juni 2025; de nieuwe school moet medio 2028 gereed zijn.",
        date(2028, 6, 30),
        None,
    ),
    # mail
    (
        "Hoi Sanne, we beginnen in 2027 en de deadline is eind 2028. Groet, Pieter",
        date(2028, 12, 31),
        date(2027, 1, 1),
    ),
    ("Datum: 4 maart 2026\nOnderwerp: herinrichting Stationsplein", None, None),
    ("Vanaf 1 juli 2026 is de Kerkweg afgesloten voor doorgaand verkeer.", None, date(2026, 7, 1)),
    # nieuwsbericht
    (
        "Sinds 2019 staat de kelder van het gemeentehuis elk voorjaar onder water.",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("text", "completion", "start"), ROLES)
def test_dates_get_their_role_from_the_sentence(
    text: str, completion: date | None, start: date | None
) -> None:
    assert parse_deadline(text, today=TODAY) == completion
    assert parse_start(text, today=TODAY) == start


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("start uitvoering begin 2027", date(2027, 1, 1)),
        ("aanvang medio 2027", date(2027, 7, 1)),
        ("we starten eind 2026", date(2026, 10, 1)),
        ("de bouw begint begin april 2027", date(2027, 4, 1)),
        ("de werkzaamheden beginnen eind mei 2026", date(2026, 5, 21)),
        ("De aannemer gaat in de zomer van 2026 beginnen.", date(2026, 6, 1)),
    ],
)
def test_a_start_is_the_first_day_of_the_period(text: str, start: date) -> None:
    assert parse_start(text, today=TODAY) == start
    assert parse_deadline(text, today=TODAY) is None


def test_the_start_of_execution_wins_over_the_start_of_preparation() -> None:
    text = "Het ontwerp start in april 2026; start uitvoering in februari 2027."
    assert parse_start(text, today=TODAY) == date(2027, 2, 1)


def test_a_past_date_beside_a_future_one_is_not_the_deadline() -> None:
    text = "De eerste fase is in juni 2025 opgeleverd. De tweede fase is in 2027 klaar."
    assert parse_deadline(text, today=TODAY) == date(2027, 12, 31)
    # Alone, a past completion date is still what the text says.
    assert parse_deadline("Opgeleverd in juni 2025.", today=TODAY) == date(2025, 6, 30)


def test_a_dated_deadline_is_kept_over_one_guessed_from_today() -> None:
    text = "Gereed: voor de zomervakantie, dus voor 1 juli 2025."
    assert parse_deadline(text, today=TODAY) == date(2025, 7, 1)


def test_a_one_day_activity_with_a_completion_word_is_a_deadline() -> None:
    assert parse_deadline("Het plan moet op vrijdag 9 oktober 2026 klaar zijn.") == date(
        2026, 10, 9
    )


def test_the_extraction_keeps_start_and_deadline_apart() -> None:
    e = RulesExtractor().extract(
        "Planning: start werkzaamheden 1 september 2026, oplevering eind 2027.",
        section="resources",
    )
    assert e.start == date(2026, 9, 1)
    assert e.deadline == date(2027, 12, 31)


# ------------------------------------------------------------------ two completion dates


def test_two_completion_dates_give_the_main_one_and_the_other() -> None:
    text = (
        "Volgens de planning is de oplevering eind 2027. De provincie stelt als voorwaarde "
        "voor de subsidie dat het werk uiterlijk 1 juli 2027 gereed is."
    )
    assert parse_deadline(text, today=TODAY) == date(2027, 12, 31)
    assert deadline_alternatives(text, today=TODAY) == [date(2027, 7, 1)]


@pytest.mark.parametrize(
    "text",
    [
        "Start uitvoering Q1 2027, gereed Q3 2027.",
        "Gereed: voor de zomervakantie, dus voor 1 juli 2026.",
        "Het werk is in de zomer van 2027 klaar, uiterlijk 31 augustus 2027.",
        "De eerste fase is in juni 2025 opgeleverd; de tweede fase is eind 2027 klaar.",
    ],
)
def test_one_completion_date_said_twice_is_no_choice(text: str) -> None:
    assert deadline_alternatives(text, today=TODAY) == []


# ------------------------------------------------------------------ dates that do not exist


@pytest.mark.parametrize(
    ("text", "quote", "field"),
    [
        ("De Brink moet op 30 februari 2027 klaar zijn.", "30 februari 2027", "deadline"),
        ("Einddatum: 31-04-2027", "31-04-2027", "deadline"),
        ("oplevering 2027-13-01", "2027-13-01", "deadline"),
        ("De aannemer begint op 31 juni 2026.", "31 juni 2026", "start"),
        ("Einddatum: 45-2027", "45-2027", "deadline"),
    ],
)
def test_a_day_that_does_not_exist_is_reported(text: str, quote: str, field: str) -> None:
    found = bad_dates(text)
    assert [(b.field, b.quote) for b in found] == [(field, quote)]
    assert parse_deadline(text, today=TODAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "Gereed op 29 februari 2028, een schrikkeljaar.",
        "Einddatum: eind 2027",
        "Oplevering 30-4-2027",
        "De raad vergaderde op 12.5.2026 over het krediet.",
    ],
)
def test_real_dates_are_not_reported(text: str) -> None:
    assert bad_dates(text) == []


def test_an_impossible_day_does_not_fall_back_to_its_month() -> None:
    # Not "februari 2027" -> 28 February: the whole phrase is unusable.
    assert parse_deadline("Klaar op 30 februari 2027.", today=TODAY) is None


# ------------------------------------------------------------------ structure of the sentence

STRUCTURES: list[tuple[str, date | None, date | None]] = [
    # a range: the first date starts the work, the second ends it
    (
        "De werkzaamheden lopen van mei tot en met oktober 2027.",
        date(2027, 10, 31),
        date(2027, 5, 1),
    ),
    (
        "Er wordt gewerkt van december 2026 t/m februari 2027, buiten het broedseizoen.",
        date(2027, 2, 28),
        date(2026, 12, 1),
    ),
    # a month without a year takes the year of the range it opens, across the year end
    (
        "Het riool gaat eruit van oktober tot en met maart 2028.",
        date(2028, 3, 31),
        date(2027, 10, 1),
    ),
    # a project page lists dates first, then what happens
    (
        "- 3 maart 2026: bewonersavond in wijkcentrum De Hoeksteen\n"
        "- mei 2027: de aannemer begint aan de Esdoornlaan\n"
        "- november 2027: alles klaar",
        date(2027, 11, 30),
        date(2027, 5, 1),
    ),
    # several items on one line of a decision list
    (
        "Aanvang uitvoering: 6 april 2027. Oplevering: 1 oktober 2027. Datum: 2 december 2026.",
        date(2027, 10, 1),
        date(2027, 4, 6),
    ),
    (
        "Uitvoering: juni en juli 2027. Gereed: eind augustus 2027.",
        date(2027, 8, 31),
        date(2027, 6, 1),
    ),
    # an apposition after a comma belongs to the verb before it
    (
        "De aannemer begint na de zomervakantie, in september 2027, met de kademuur.",
        None,
        date(2027, 9, 1),
    ),
    # a step before the work, and the start of someone else's event
    (
        "Na de inspraak in het najaar van 2026 start de uitvoering in maart 2027.",
        None,
        date(2027, 3, 1),
    ),
    (
        "Het kunstgras moet klaar zijn voor de start van de competitie op 5 september 2027.",
        date(2027, 9, 5),
        None,
    ),
    # "uiterlijk" names the completion date; "tot en met" ends the period of work
    (
        "Werkzaamheden van maart tot en met juni 2027; de school wil het plein uiterlijk "
        "20 juni 2027 terug.",
        date(2027, 6, 20),
        date(2027, 3, 1),
    ),
    # a reference number is no range of dates
    ("Zaaknummer: 2026-0412. De bouw start in 2027.", None, date(2027, 1, 1)),
]


@pytest.mark.parametrize(("text", "completion", "start"), STRUCTURES)
def test_the_structure_of_the_sentence_decides(
    text: str, completion: date | None, start: date | None
) -> None:
    assert parse_deadline(text, today=TODAY) == completion
    assert parse_start(text, today=TODAY) == start


def test_the_day_after_a_season_starts_the_work() -> None:
    assert parse_start("Het werk start na de zomervakantie van 2027.", today=TODAY) == date(
        2027, 9, 1
    )
    assert parse_deadline("Klaar na de zomer van 2027.", today=TODAY) == date(2027, 9, 30)


def test_work_that_started_in_the_past_started_then() -> None:
    text = "De eerste fase is in januari 2026 gestart, de tweede fase start in januari 2027."
    assert parse_start(text, today=date(2026, 6, 1)) == date(2026, 1, 1)


def test_a_wrapped_line_is_no_clause_break() -> None:
    text = "Volgens de planning is de aanvang van de werkzaamheden\nin het najaar van 2026."
    assert parse_start(text, today=TODAY) == date(2026, 9, 1)
