"""Properties of the interview over arbitrary answers (issue 14), checked with hypothesis.

For any sequence of steps (answers in arbitrary Unicode, real Dutch answers, corrections,
"ja"/"nee", empty and very long texts, unusable numbers and dates, and direct edits of a
section as the app's editor makes them), after every step:

- nothing raises;
- no answered value is lost: a value, once filled, is filled after every later answer
  (a typed value such as the budget changes only when the answer names it; a list keeps
  all its items; a named party stays); an answer that is refused changes nothing;
- completeness never decreases, except by an explicit change: a correction, an answer
  after the summary, a new party named without its role, or an edit;
- the state survives a JSON round trip unchanged, and a conversation resumed from it goes
  on exactly as the one that was not saved;
- what the conversation holds can be shown: the summary, the editor text of every section,
  and saving that editor text unchanged gives back the same values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from opdrachtassistent.commission import MIN_TEXT_WORDS, SECTIONS, Commission, SectionKey
from opdrachtassistent.dialogue import texts
from opdrachtassistent.dialogue.interview import MAX_ANSWER, Interview, InterviewState
from opdrachtassistent.dialogue.phrasing import summary
from opdrachtassistent.dialogue.understand import explicit_fields, is_correction, names_field
from opdrachtassistent.errors import InputError
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.fields import SCALAR_FIELDS, TYPED_SCALARS, value_at
from opdrachtassistent.ui.forms import apply_section_text, section_to_text

# 60 sequences take under a minute on a loaded machine; for a longer hunt raise it, e.g.
# PROPERTY_EXAMPLES=2000 pytest --timeout=0 tests/test_interview_properties.py.
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "60"))

# Real answers, per section and across sections, as administrators give them.
REAL = [
    "We willen de Dorpsstraat herinrichten en de riolering vervangen, wethouder De Vries is "
    "opdrachtgever, budget 3,2 miljoen, klaar eind 2027",
    "De riolering in de Dorpsstraat is op, de straat loopt onder bij hevige regen.",
    "Een klimaatbestendige en groene Dorpsstraat. Alle daken afgekoppeld en 40 extra bomen.",
    "Binnen budget en planning beslist de projectleider zelf; bij overschrijding beslist de "
    "wethouder.",
    "Waterschap De Dommel (medefinancier van het afkoppelen), Enexis (netverzwaring) en de "
    "bewoners van de Dorpsstraat (overlast en inspraak).",
    "anderhalve fte",
    "Er is 2,5 miljoen euro en 3 fte; start uitvoering 1 maart 2026, klaar op 31-12-2027.",
    "De Omgevingswet en het gemeentelijk rioleringsplan.",
    "Een participatietraject en een KLIC-melding.",
    "Een integraal projectteam met riolering, wegen en groen dat tweewekelijks overlegt.",
    "Het is een ambtelijke opdracht van de directeur Ruimte.",
    "het budget is toch 4 miljoen",
    "Nee, de opdrachtgever is toch wethouder Jansen.",
    "Correctie: de einddatum is 1 juli 2028.",
    "niet 3 maar 4 fte",
    "iets met water",
    "de gemeente",
    "Ook de brandweer en Arriva zijn betrokken.",
    "de aanleiding is toch dat de kademuur verzakt",
]
# Answers about the conversation rather than the document.
STEERING = ["ja", "nee", "Ja, klopt.", "weet ik niet", "sla over", "later", "", "   ", "\n"]
# Values that cannot be used: they must be refused, or at least never stored as garbage.
UNUSABLE = [
    "5e400",
    "Budget: 5e400",
    "2e308 miljoen",
    "het budget is 2e308 miljoen euro",
    "1234567890123456789012345678901234567890",
    "het krediet is 1234567890123456789012345678901234567890 euro",
    "budget: -300 euro",
    "NaN euro",
    "inf",
    "het budget is 900 miljard",
    "20000 fte",
    "-2 fte",
    "30 februari",
    "het moet klaar zijn op 30 februari 2027",
    "Einddatum: 31-04-2027",
    "start uitvoering 29 februari 2027",
]
# Characters nobody types on purpose, and some that stress any text handling.
ODD = ["\x00", "\x07", "\x1b", "\u202e", "\u2066", "\u200f", "\r", "\t", "\ufeff", "é", "ﬁ", "٣"]
# What the editor's line format is made of: separators, labels, line breaks.
FORMAT = ["|", " | ", "\n", "Doel:", "Resultaat:", "Budget:", "(", ")", ":", ";", ","]

pieces = (
    st.sampled_from(REAL + STEERING + UNUSABLE)
    | st.sampled_from(ODD + FORMAT)
    | st.text(max_size=40)
)
# Sentences of each section with an arbitrary piece where a value goes.
TEMPLATES = [
    "De aanleiding is {}.",
    "Het doel is {}. Resultaat: {}.",
    "De opdrachtgever is wethouder {}, bestuurlijk; de beslisruimte is {}.",
    "Waterschap De Dommel ({}) en Enexis ({}) en de bewoners.",
    "Betrokken: Waterschap{}De Dommel (partner) en Enexis{}netbeheer (kabels{}).",
    "Het budget is {} euro en er is {} fte, klaar op {}.",
    "De kaders zijn de Omgevingswet en {}.",
    "Het instrument is {}.",
    "De werkwijze is {}.",
    "Nee, het budget is toch {}.",
    "Correctie: de opdrachtgever is {}.",
]
filled = st.builds(
    lambda template, values: template.format(*values),
    st.sampled_from(TEMPLATES),
    st.lists(pieces, min_size=3, max_size=3),
)
answers = (
    st.sampled_from(REAL + STEERING + UNUSABLE)
    | filled
    | st.text(max_size=200)
    | st.builds(
        str.join, st.sampled_from([" ", "\n", ""]), st.lists(pieces, min_size=1, max_size=6)
    )
)
# Texts around the limit an answer is read to (longer is cut there, with a note); reading
# one takes seconds, so they get a test of their own with few examples.
long_answers = st.builds(
    lambda piece, odd, size: ((piece + odd + " ") * size)[:size],
    st.sampled_from(REAL + UNUSABLE) | st.text(min_size=1, max_size=20),
    st.sampled_from(ODD),
    st.sampled_from([MAX_ANSWER - 1, MAX_ANSWER, MAX_ANSWER + 1, 3 * MAX_ANSWER]),
)


@dataclass(frozen=True)
class Answer:
    text: str


@dataclass(frozen=True)
class Edit:
    """The editor's text of one section: as shown (a save without change), replaced by
    other text, or with one line changed."""

    section: SectionKey
    text: str | None  # None: save what the editor shows unchanged
    replace_line: bool = False


@dataclass(frozen=True)
class ToSummary:
    """Answer each question as an administrator would (or "weet ik niet") until the summary
    is shown, so the later steps are corrections, a "ja" or a "nee" after it."""

    know: bool
    confirm: bool  # then say "ja" to the summary


BY_SECTION: dict[str, str] = {
    "context": REAL[1],
    "goal": REAL[2],
    "mandate": REAL[3],
    "stakeholders": REAL[4],
    "resources": REAL[6],
    "frameworks": REAL[7],
    "instruments": REAL[8],
    "organisation": REAL[9],
}

EDIT_LINES = [
    "Budget: 5e400",
    "Budget: 1234567890123456789012345678901234567890",
    "Budget: 2.500.000",
    "Capaciteit: 1,005",
    "Capaciteit: nan",
    "Einddatum: 30-02-2027",
    "Einddatum: 31-12-2027",
    "Start: 01-01-0001",
    "Doel: Een droge straat",
    "Resultaat: 40 bomen",
    "Opdrachtgever: wethouder Smit",
    "Niveau: bestuurlijk",
    "Waterschap | waterschap | partner | | ² |",
    "Enexis | netbeheerder | netverzwaring",
    "",
]
edits = st.builds(
    Edit,
    st.sampled_from(SECTIONS),
    st.none() | st.sampled_from(EDIT_LINES) | st.text(max_size=80),
    st.booleans(),
)
steps = st.lists(
    st.one_of(answers.map(Answer), edits, st.builds(ToSummary, st.booleans(), st.booleans())),
    min_size=1,
    max_size=12,
)


def _empty(value: object) -> bool:
    return value is None or value == "" or value == []


def _values(c: Commission) -> dict[str, object]:
    """Everything a person said, without the bookkeeping (open questions, provenance)."""
    return c.model_dump(exclude={"open_questions", "provenance"})


def _check_nothing_lost(
    before: Commission, after: Commission, text: str, phase: str, asking: str | None
) -> None:
    """An answer never empties a value; it changes one only explicitly: a typed value when
    it names it, in answer to its own section or as a correction; a description when it
    names it ("de werkwijze is ..."), or in its own section as a correction or when what
    was there was too short to count."""
    explicit = phase in ("confirm", "done") or is_correction(text)
    for f in SCALAR_FIELDS:
        old, new = value_at(before, f.path), value_at(after, f.path)
        if _empty(old) or new == old:
            continue
        assert not _empty(new), f"{f.name} was lost: {old!r}"
        own = asking == f.section
        if f.name in TYPED_SCALARS:
            assert names_field(text, f.name), f"{f.name} changed without being named"
            assert own or explicit, f"{f.name} changed by an answer about something else"
        else:
            fragment = isinstance(old, str) and len(old.split()) < MIN_TEXT_WORDS
            named = f.name in explicit_fields(text)
            ok = named or (own and (fragment or is_correction(text)))
            assert ok, f"{f.name} was replaced: {old!r} -> {new!r}"
    for path in ("goal.results", "goal.themes", "frameworks", "instruments"):
        old_items, new_items = value_at(before, path), value_at(after, path)
        assert isinstance(old_items, list) and isinstance(new_items, list)
        assert new_items[: len(old_items)] == old_items, f"an item of {path} was lost"
    names = [s.name for s in after.stakeholders]
    assert names[: len(before.stakeholders)] == [s.name for s in before.stakeholders]
    for old_s, new_s in zip(before.stakeholders, after.stakeholders, strict=False):
        assert not (old_s.role or old_s.interest) or (new_s.role or new_s.interest)
    new_party = any(not (s.role or s.interest) for s in after.stakeholders)
    if not (explicit or new_party):
        lower = before.completeness().fraction > after.completeness().fraction
        assert not lower, "completeness went down without an explicit change"


def _check_shown(c: Commission) -> None:
    """The conversation can be shown, and the editor gives back what it shows."""
    summary(c)
    for key in SECTIONS:
        shown = section_to_text(c, key)
        again = apply_section_text(c, key, shown)
        assert _values(again) == _values(c), f"the editor changes {key} on a save as shown"


def _check_round_trip(interview: Interview) -> None:
    state = interview.to_state()
    assert InterviewState.model_validate_json(state.model_dump_json()) == state
    resumed = Interview.from_state(InterviewState.model_validate_json(state.model_dump_json()))
    assert resumed.to_state() == state


def _edit(interview: Interview, step: Edit) -> None:
    c = interview.commission
    shown = section_to_text(c, step.section)
    if step.text is None:
        text = shown
    elif step.replace_line and ":" in step.text:
        label = step.text.split(":")[0]
        rows = [step.text if r.startswith(label + ":") else r for r in shown.splitlines()]
        text = "\n".join(rows)
    else:
        text = step.text
    try:
        edited = apply_section_text(c, step.section, text)
    except InputError as exc:
        assert exc.message  # a Dutch message, and the interview is not touched
        return
    interview.edit(edited)
    assert _values(interview.commission) == _values(edited)


Step = Answer | Edit | ToSummary


def _next_answer(interview: Interview, step: ToSummary) -> Answer | None:
    """The next answer of a `ToSummary` step; None once the summary is shown."""
    asking = interview.asking
    if asking in (None, "confirm"):
        return None
    return Answer(BY_SECTION[asking] if step.know else "weet ik niet")


def _run(sequence: list[Step]) -> None:
    interview = Interview(extractor=RulesExtractor())
    interview.opening()
    todo = list(sequence)
    budget = 60  # a ToSummary step stays until the summary, within this many answers
    while todo:
        step = todo.pop(0)
        if isinstance(step, ToSummary):
            answer = _next_answer(interview, step)
            budget -= 1
            if answer is not None and budget > 0:
                todo[:0] = [answer, step]
            elif step.confirm and interview.asking == "confirm":
                todo.insert(0, Answer("ja"))
            continue
        twin = Interview.from_state(
            InterviewState.model_validate_json(interview.to_state().model_dump_json()),
            extractor=RulesExtractor(),
        )
        if isinstance(step, Edit):
            _edit(interview, step)
            _edit(twin, step)
        else:
            before = interview.commission.model_copy(deep=True)
            phase, asking = interview.to_state().phase, interview.asking
            event(f"phase {phase}")
            turn = interview.answer(step.text)
            twin.answer(step.text)
            assert turn.message
            assert turn.completeness == interview.commission.completeness().fraction
            text = step.text[:MAX_ANSWER]
            _check_nothing_lost(before, interview.commission, text, phase, asking)
            if texts.REFUSED_KEPT in turn.message:
                assert _values(interview.commission) == _values(before)
        assert twin.to_state() == interview.to_state(), "a resumed conversation went otherwise"
        _check_round_trip(interview)
        _check_shown(interview.commission)


@settings(
    max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
@given(steps)
def test_no_answer_raises_or_loses_a_value(sequence: list[Step]) -> None:
    _run(sequence)


@settings(max_examples=max(3, EXAMPLES // 20), suppress_health_check=[HealthCheck.too_slow])
@given(long_answers, answers)
def test_a_very_long_answer_raises_nothing_and_loses_nothing(long: str, then: str) -> None:
    _run([Answer(REAL[0]), Answer(long), Answer(then), Answer("ja")])
