"""Reading an answer into commands (see `commands.py`): what does the person ask for?

Only reads: the conversation (`Reading`) is looked at, never changed; the policy in
`interview.py` applies what comes out. The extractor is called through `extract`, and
only when the answer is read for values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from opdrachtassistent.commission import Commission, SectionKey
from opdrachtassistent.dialogue.commands import (
    AskAgain,
    Command,
    Confirm,
    Refuse,
    Skip,
    Vague,
    from_extraction,
)
from opdrachtassistent.extract.base import Extraction
from opdrachtassistent.extract.rules import is_skip, is_vague
from opdrachtassistent.fields import FREE_TEXT_FIELDS
from opdrachtassistent.lang import nl as dutch
from opdrachtassistent.lang.nl.cues import dialogue as cues

Extract = Callable[[str, SectionKey | None], Extraction]


@dataclass(frozen=True)
class Reading:
    """What the reader may know of the conversation when an answer comes in."""

    commission: Commission
    asking: SectionKey
    revisiting: bool  # a left-open section is asked once more ("weet u het nu?")
    asked_again: bool  # ... and a "ja" to that was already taken as "ask me"


def read_answer(text: str, reading: Reading, extract: Extract) -> list[Command]:
    """The commands in an answer to the question about `reading.asking`."""
    current = reading.asking
    if reading.revisiting and cues.YES.match(text) and not reading.asked_again:
        return [AskAgain(current)]
    if is_skip(text):
        return [Skip(current)]
    refused = refusals(text, about_money=current == "resources")
    if refused:
        return refused
    extraction = extract(text, current)
    prefer_corrected_values(extraction, text)
    goal = reading.commission.goal
    if current == "goal" and goal.statement and not goal.results:
        # The statement is known and results were asked for: this answer is the result,
        # unless it only named something else ("Ik, wethouder Jansen.").
        other = extraction.commissioner or extraction.budget_eur or extraction.deadline
        short = len(text.split()) <= 8
        if not extraction.goal_results and extraction.goal_statement and not (other and short):
            extraction.goal_results = [extraction.goal_statement]
        extraction.goal_statement = None
    correction = bool(cues.CORRECTION.search(text))
    if correction:
        extraction.open_questions = []  # "niet 3 maar 4 miljoen" names both, and chooses
    found = from_extraction(extraction, correction=correction)
    return [*found, Vague()] if is_vague(text) else found


def read_after_summary(text: str, extract: Extract) -> list[Command]:
    """After the summary everything is a correction; free text only where it is named."""
    refused = refusals(text)
    if refused:
        return refused
    extraction = extract(text, None)
    prefer_corrected_values(extraction, text)
    named = explicit_fields(text)
    for field in FREE_TEXT_FIELDS:
        if field not in named:
            setattr(extraction, field, None)
    extraction.open_questions = []  # a correction chooses for itself
    found = from_extraction(extraction, correction=True)
    return [*found, Confirm()] if cues.YES.match(text) else found


def refusals(text: str, *, about_money: bool = False) -> list[Command]:
    """One `Refuse` per value the answer gives that cannot be used; the whole answer is then
    set aside, so a nonsense correction changes nothing already known."""
    return [
        Refuse(b.field, b.quote, b.problem) for b in dutch.bad_values(text, about_money=about_money)
    ]


def prefer_corrected_values(e: Extraction, text: str) -> None:
    """In "niet Q3 maar Q4 2026" or "medio 2027... nee, eind 2027", the last value counts.

    Only amounts, capacity and dates are read again, with the Dutch parsers directly: they
    are what a correction replaces, and it costs no second extraction (or LLM request).
    """
    matches = list(cues.CORRECTED_TAIL.finditer(text))
    if not matches:
        return
    tail = text[matches[-1].end() :]
    for field, parse in (
        ("budget_eur", dutch.parse_amount_eur),
        ("capacity_fte", dutch.parse_fte),
        ("deadline", dutch.parse_deadline),
        ("start", dutch.parse_start),
    ):
        value = parse(tail)
        if value is not None:
            setattr(e, field, value)


def names_field(text: str, field: str) -> bool:
    """Whether the text names a typed field ("budget", "fte", "opdrachtgever", ...)."""
    return bool(cues.FIELD_CUES[field].search(text))


def is_correction(text: str) -> bool:
    return bool(cues.CORRECTION.search(text))


def explicit_fields(text: str) -> set[str]:
    """Free-text fields the user names outright ("de werkwijze is ..."), after the summary."""
    named = {field for field, pattern in cues.EXPLICIT.items() if pattern.search(text)}
    return named | ({"organisation"} if cues.TEAM.search(text) else set())
