"""Run the evaluation: simulated administrators through `Interview`, notes through `draft`.

    .venv/bin/python eval/run.py               # print the table, write BENCHMARKS.md
    .venv/bin/python eval/run.py --no-write    # print only
    .venv/bin/python eval/run.py --failures    # also list every miss, for tuning
    .venv/bin/python eval/run.py --holdout     # the held-out set (eval/holdout/), print only
    .venv/bin/python eval/run.py --real        # the real-register set (eval/real/), print only
    .venv/bin/python eval/run.py --notes F.json [--personas DIR]   # another set, print only

The same runner plays the naive form baseline (`eval/baseline.py`), side by side.
Metric definitions: `eval/README.md` and `eval/metrics.py`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make `eval` importable as a package
    sys.path.insert(0, str(ROOT))

from eval import baseline  # noqa: E402
from eval.data import (  # noqa: E402
    HOLDOUT_NOTES_FILE,
    HOLDOUT_PERSONA_DIR,
    REAL_NOTES_FILE,
    REAL_PERSONA_DIR,
    Note,
    Persona,
    load_notes,
    load_personas,
)
from eval.metrics import (  # noqa: E402
    EXTRA,
    FIELDS,
    FREE_TEXT,
    contains_verbatim,
    field_accuracy,
    free_text,
    mean,
    placement,
    score_commission,
)
from opdrachtassistent.commission import SECTIONS, Commission, SectionKey  # noqa: E402

MAX_TURNS = 60
BENCH_FILE = ROOT / "bench" / "latest.json"
BENCHMARKS_FILE = ROOT / "BENCHMARKS.md"
TARGET_ACCURACY = 0.9
REAL_TITLE = "Set in echte registers (`eval/real/`, `eval/run.py --real`)"


class TurnLike(Protocol):
    @property
    def message(self) -> str: ...
    @property
    def asking(self) -> str | None: ...


class InterviewLike(Protocol):
    @property
    def commission(self) -> Commission: ...
    @property
    def complete(self) -> bool: ...
    def opening(self) -> Any: ...
    def answer(self, text: str) -> Any: ...


@dataclass
class Event:
    """A question that should not have been asked."""

    turn: int
    section: str
    reason: str
    question: str
    previous_reply: str


@dataclass
class Exchange:
    turn: int
    asking: str | None
    follow_up: bool
    question: str
    reply: str


@dataclass
class PersonaRun:
    persona_id: str
    styles: list[str]
    completed: bool
    turns: int
    bound: int  # sections still missing after the opening (by the truth) + 1
    due_extra: int  # follow-ups and revisits the persona's answers make legitimate
    opening_missed: list[str]  # sections the opening fully answers but were not complete
    follow_ups: int
    repeats: list[Event]
    open_questions: int
    incomplete_sections: list[str]
    scores: dict[str, float | None]
    commission: Commission
    transcript: list[Exchange] = field(default_factory=list)
    error: str | None = None
    # Per free-text field (`metrics.FREE_TEXT`): taken from its section's answers (1.0) or
    # not (0.0); None when empty.
    placement: dict[str, float | None] = field(default_factory=dict)
    # The aanleiding holds the whole opening, word for word.
    context_is_opening: bool = False

    @property
    def exceeds(self) -> bool:
        return self.turns > self.bound

    @property
    def exceeds_beyond_due(self) -> bool:
        return self.turns > self.bound + self.due_extra


@dataclass
class NoteRun:
    note_id: str
    scores: dict[str, float | None]
    open_questions: int
    commission: Commission
    error: str | None = None


# --------------------------------------------------------------------------- playing


def _is_follow_up(turn: Any, asking: str | None, previous: str | None) -> bool:
    flag = getattr(turn, "follow_up", None)
    if isinstance(flag, bool):
        return flag
    return asking is not None and asking == previous


def play(persona: Persona, interview: InterviewLike, *, max_turns: int = MAX_TURNS) -> PersonaRun:
    """Play one simulated administrator through an interview and measure it.

    Replies: the section's `answer` the first time a section is asked; its `detail` when
    asked again right after (a follow-up); the revisit answer when the assistant comes back
    to a skipped or vague section; "ja" to the confirmation. Every question about something
    the persona already gave (and where no follow-up was due) is recorded as a repeat.
    """
    stage: dict[str, str] = {}  # section -> "answer" | "detail" | "revisit"
    given: set[str] = set(persona.opening_covers)  # sections fully given so far (truth)
    repeats: list[Event] = []
    transcript: list[Exchange] = []
    follow_ups = 0
    turns = 0
    error: str | None = None
    missing_truth = [s for s in SECTIONS if s not in persona.opening_covers]
    due_extra = sum(1 for s in missing_truth if persona.answers[s].kind != "full")
    opening_missed: list[str] = []
    try:
        interview.opening()
        turn = interview.answer(persona.opening)
        c = interview.commission
        opening_missed = [
            s for s in persona.opening_covers if c.section_status(s).state != "compleet"
        ]
        previous: str | None = None
        last_reply = persona.opening
        while not interview.complete and turns < max_turns:
            asking = getattr(turn, "asking", None)
            question = str(getattr(turn, "message", ""))
            if asking is None:
                break
            follow_up = _is_follow_up(turn, asking, previous)
            if asking == "confirm":
                reply = "ja"
            elif asking in SECTIONS:
                follow_ups += follow_up
                reply, reason = _reply(persona, asking, follow_up, stage, given)
                if interview.commission.section_status(asking).state == "compleet":
                    reason = "section already complete"
                if reason:
                    repeats.append(Event(turns + 1, asking, reason, question, last_reply))
            else:
                reply = persona.revisit
            turns += 1
            transcript.append(Exchange(turns, asking, follow_up, question, reply))
            turn = interview.answer(reply)
            previous, last_reply = asking, reply
    except Exception as exc:  # a crash is a result to report, not to hide
        error = f"{type(exc).__name__}: {exc}"
    c = interview.commission
    incomplete = [s for s in SECTIONS if c.section_status(s).state != "compleet"]
    forbidden = [persona.opening_preamble] if persona.opening_preamble else []
    return PersonaRun(
        persona_id=persona.id,
        styles=list(persona.styles),
        completed=bool(interview.complete) and error is None,
        turns=turns,
        bound=len(missing_truth) + 1,
        due_extra=due_extra,
        opening_missed=opening_missed,
        follow_ups=follow_ups,
        repeats=repeats,
        open_questions=len(c.open_questions),
        incomplete_sections=incomplete,
        scores=score_commission(c, persona.facts),
        commission=c,
        transcript=transcript,
        error=error,
        placement=placement(c, answer_sources(persona, transcript), forbidden=forbidden),
        context_is_opening=contains_verbatim(c.context, persona.opening),
    )


def answer_sources(persona: Persona, transcript: Sequence[Exchange]) -> dict[SectionKey, list[str]]:
    """What the persona said in answer to each section: its replies when that section was
    asked, an answer that also covers it, and the opening where the opening answers it."""
    sources: dict[SectionKey, list[str]] = {
        s: [persona.opening] if persona.opening_answers(s) else [] for s in SECTIONS
    }
    for x in transcript:
        section = next((s for s in SECTIONS if s == x.asking), None)
        if section is None:  # the confirmation or a revisit of several sections
            continue
        sources[section].append(x.reply)
        if x.reply == persona.answers[section].answer:
            for other in persona.answers[section].also_covers:
                sources[other].append(x.reply)
    return sources


def _reply(
    persona: Persona, section: str, follow_up: bool, stage: dict[str, str], given: set[str]
) -> tuple[str, str | None]:
    """The persona's reply to a question about `section`, and why it was a repeat (if so)."""
    sa = persona.answers[section]  # type: ignore[index]
    done = stage.get(section)
    reason: str | None = None
    if done is None:
        reply, stage[section] = sa.answer, "answer"
        if section in given:
            reason = "already given in the opening or another answer"
        if sa.kind == "full":
            given.update([section, *sa.also_covers])
        else:
            given.update(sa.also_covers)
        return reply, reason
    if done == "answer":
        if sa.kind in ("vague", "partial"):
            stage[section] = "detail"
            given.add(section)
            return sa.detail, None
        if sa.kind == "skip" and not follow_up:  # coming back to what was skipped
            stage[section] = "revisit"
            given.add(section)
            return persona.revisit_for(section), None
        stage[section] = "detail"
        reason = (
            "follow-up after a skip" if sa.kind == "skip" else "asked again after a full answer"
        )
        return sa.detail, reason
    if done == "detail":
        if sa.kind != "full" and not follow_up:  # the one revisit at the end
            stage[section] = "revisit"
            return persona.revisit_for(section), None
        stage[section] = "revisit"
        return persona.revisit_for(section), "asked again after the detailed answer"
    return sa.detail, "asked again after the revisit"


def evaluate_note(note: Note, draft_fn: Callable[[str], Commission]) -> NoteRun:
    try:
        c = draft_fn(note.text)
        error = None
    except Exception as exc:
        c, error = Commission(), f"{type(exc).__name__}: {exc}"
    return NoteRun(note.id, score_commission(c, note.truth), len(c.open_questions), c, error)


# --------------------------------------------------------------------------- engines


@dataclass
class Engine:
    name: str
    make_interview: Callable[[], InterviewLike] | None
    draft: Callable[[str], Commission] | None
    note: str = ""


def assistant_engine() -> Engine:
    try:
        from opdrachtassistent import Interview, draft

        return Engine("assistent", Interview, draft)
    except ImportError as exc:
        return Engine("assistent", None, None, f"niet beschikbaar ({exc})")


def baseline_engine() -> Engine:
    return Engine("baseline (formulier)", baseline.BaselineInterview, baseline.draft)


@dataclass
class Results:
    engine: Engine
    personas: list[PersonaRun]
    notes: list[NoteRun]
    seconds: float


def run_engine(engine: Engine, personas: Sequence[Persona], notes: Sequence[Note]) -> Results:
    start = time.perf_counter()
    p_runs = [play(p, engine.make_interview()) for p in personas] if engine.make_interview else []
    n_runs = [evaluate_note(n, engine.draft) for n in notes] if engine.draft else []
    return Results(engine, p_runs, n_runs, time.perf_counter() - start)


# --------------------------------------------------------------------------- summary


def summarise_personas(runs: Sequence[PersonaRun]) -> dict[str, float | int | None]:
    if not runs:
        return {}
    acc = field_accuracy([r.scores for r in runs])
    completed = [r for r in runs if r.completed]
    return {
        "n": len(runs),
        "accuracy": acc["overall"],
        **{f"acc_{f}": acc[f] for f in (*FIELDS, *EXTRA)},
        "completed": len(completed),
        "turns_mean": mean(r.turns for r in completed),
        "turns_max": max((r.turns for r in completed), default=None),
        "exceeds": sum(r.exceeds for r in runs),
        "exceeds_beyond_due": sum(r.exceeds_beyond_due for r in runs),
        "repeats": sum(len(r.repeats) for r in runs),
        "repeats_complete": sum(
            1 for r in runs for e in r.repeats if e.reason == "section already complete"
        ),
        "repeats_given": sum(
            1 for r in runs for e in r.repeats if e.reason != "section already complete"
        ),
        "opening_missed": sum(len(r.opening_missed) for r in runs),
        "follow_ups": sum(r.follow_ups for r in runs),
        "open_questions_mean": mean(r.open_questions for r in runs),
        "incomplete_mean": mean(len(r.incomplete_sections) for r in runs),
        "errors": sum(r.error is not None for r in runs),
        **summarise_placement(runs),
    }


def summarise_placement(runs: Sequence[PersonaRun]) -> dict[str, float | int | None]:
    """Free-text placement: the share of filled fields taken from their own section's
    answers, per field and over all filled fields; empty fields and verbatim openings."""
    cells = [(path, r.placement.get(path)) for r in runs for path in FREE_TEXT]
    return {
        "placement": mean(v for _, v in cells),
        **{f"placement_{p}": mean(r.placement.get(p) for r in runs) for p in FREE_TEXT},
        "placement_empty": sum(v is None for _, v in cells),
        "context_is_opening": sum(r.context_is_opening for r in runs),
    }


def summarise_notes(runs: Sequence[NoteRun]) -> dict[str, float | int | None]:
    if not runs:
        return {}
    acc = field_accuracy([r.scores for r in runs])
    perfect = sum(all(v in (None, 1.0) for k, v in r.scores.items() if k in FIELDS) for r in runs)
    return {
        "n": len(runs),
        "accuracy": acc["overall"],
        **{f"acc_{f}": acc[f] for f in (*FIELDS, *EXTRA)},
        "perfect": perfect,
        "open_questions_mean": mean(r.open_questions for r in runs),
        "errors": sum(r.error is not None for r in runs),
    }


def _fmt(v: float | int | None, digits: int = 2, *, none: str = "–") -> str:
    if v is None:
        return none
    if isinstance(v, int):
        return str(v)
    return f"{v:.{digits}f}"


_FIELD_ROWS: list[tuple[str, str]] = [
    ("accuracy", "Veldnauwkeurigheid (gemiddeld over de velden)"),
    *[(f"acc_{f}", f"  {f} (F1)" if f == "themes" else f"  {f}") for f in FIELDS],
    ("acc_themes_recall", "  themes recall (informatief)"),
    ("acc_themes_precision", "  themes precision (informatief)"),
]
_PLACEMENT_ROWS: list[tuple[str, str]] = [
    ("placement", "Vrije tekst op de juiste plek (gevulde velden)"),
    *[(f"placement_{p}", f"  {p}") for p in FREE_TEXT],
    ("placement_empty", "  lege vrije-tekstvelden (totaal)"),
    ("context_is_opening", "Aanleiding = opening letterlijk"),
]
_PERSONA_ROWS: list[tuple[str, str]] = [
    *_FIELD_ROWS,
    *_PLACEMENT_ROWS,
    ("completed", "Interviews afgerond"),
    ("turns_mean", "Beurten tot compleet (gemiddeld)"),
    ("turns_max", "Beurten tot compleet (max)"),
    ("exceeds", "Personas boven beurtendoel (≤ ontbrekend na opening + 1)"),
    ("exceeds_beyond_due", "  … ook na aftrek van terechte doorvragen/terugkomen"),
    ("repeats", "Herhaalde vragen (totaal)"),
    ("repeats_complete", "  over een sectie die al compleet was"),
    ("repeats_given", "  over iets dat de bestuurder al gaf"),
    ("opening_missed", "Secties volledig in de opening, niet herkend"),
    ("follow_ups", "Doorvragen (totaal)"),
    ("open_questions_mean", "Open vragen over (gemiddeld)"),
    ("incomplete_mean", "Onvolledige secties aan het eind (gemiddeld)"),
    ("errors", "Fouten (exceptions)"),
]
_NOTE_ROWS: list[tuple[str, str]] = [
    *_FIELD_ROWS,
    ("perfect", "Notities helemaal goed"),
    ("open_questions_mean", "Open vragen (gemiddeld)"),
    ("errors", "Fouten (exceptions)"),
]


def _side_by_side(
    rows: list[tuple[str, str]],
    left: dict[str, float | int | None],
    right: dict[str, float | int | None],
    names: tuple[str, str],
) -> list[str]:
    out = [f"| Maat | {names[0]} | {names[1]} |", "|---|---:|---:|"]
    for key, label in rows:
        # a field no case of the set scores (start in the older sets) does not apply
        none = "n.v.t." if key.startswith("acc_") else "–"
        left_v, right_v = _fmt(left.get(key), none=none), _fmt(right.get(key), none=none)
        out.append(f"| {label} | {left_v} | {right_v} |")
    return out


def _targets(p: dict[str, float | int | None], n: dict[str, float | int | None]) -> list[str]:
    def mark(ok: bool) -> str:
        return "✅" if ok else "❌"

    acc_p, acc_n = p.get("accuracy"), n.get("accuracy")
    lines = ["| Doel | Waarde | |", "|---|---:|---|"]
    if acc_p is not None:
        lines.append(
            f"| Veldnauwkeurigheid interview ≥ {TARGET_ACCURACY} | {_fmt(acc_p)} | "
            f"{mark(acc_p >= TARGET_ACCURACY)} |"
        )
    if acc_n is not None:
        lines.append(
            f"| Veldnauwkeurigheid notities ≥ {TARGET_ACCURACY} | {_fmt(acc_n)} | "
            f"{mark(acc_n >= TARGET_ACCURACY)} |"
        )
    if p:
        lines.append(
            f"| Personas boven beurtendoel: 0 | {p['exceeds']} van {p['n']} | "
            f"{mark(p['exceeds'] == 0)} |"
        )
        lines.append(f"| Herhaalde vragen: 0 | {p['repeats']} | {mark(p['repeats'] == 0)} |")
    return lines


def _misses(scores: dict[str, float | None]) -> str:
    return ", ".join(f for f in FIELDS if scores.get(f) is not None and scores[f] != 1.0) or "–"


@dataclass
class SetResults:
    """One evaluation set measured on both engines, as `render` shows it."""

    title: str
    assistant: Results
    base: Results


def _set_lines(assistant: Results, base: Results, h: str) -> list[str]:
    """The tables of one set; `h` is the heading marker ("##" or "###")."""
    p_a, p_b = summarise_personas(assistant.personas), summarise_personas(base.personas)
    n_a, n_b = summarise_notes(assistant.notes), summarise_notes(base.notes)
    names = (assistant.engine.name, base.engine.name)
    lines: list[str] = []
    if assistant.engine.note:
        lines += [f"> Assistent {assistant.engine.note}: alleen de baseline is gemeten.", ""]
    lines += [f"{h} Doelen", "", *_targets(p_a, n_a), ""]
    n_personas = len(assistant.personas) or len(base.personas)
    lines += [
        f"{h} Interview: {n_personas} gesimuleerde bestuurders",
        "",
        *_side_by_side(_PERSONA_ROWS, p_a, p_b, names),
        "",
        f"{h} Opstellen uit notities: {len(assistant.notes) or len(base.notes)} notities",
        "",
        *_side_by_side(_NOTE_ROWS, n_a, n_b, names),
        "",
    ]
    if assistant.personas:
        lines += [
            f"{h} Per bestuurder (assistent)",
            "",
            "| Persona | Stijl | Beurten | Doel | Terecht extra | Herhaald | Doorvragen "
            "| Open vragen | Nauwkeurigheid | Mis |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for r in assistant.personas:
            acc = mean(r.scores.get(f) for f in FIELDS)
            turns = f"{r.turns}" + ("" if r.completed else " (niet af)")
            flag = " ⚠" if r.exceeds_beyond_due else ""
            lines.append(
                f"| {r.persona_id} | {', '.join(r.styles)} | {turns}{flag} | {r.bound} | "
                f"{r.due_extra} | {len(r.repeats)} | {r.follow_ups} | {r.open_questions} | "
                f"{_fmt(acc)} | {_misses(r.scores)} |"
            )
        lines.append("")
    return lines


def render(
    assistant: Results,
    base: Results,
    bench: dict[str, Any] | None,
    *,
    commit: str = "",
    holdout: bool = False,
    real: bool = False,
    source: str = "",
    extra: Sequence[SetResults] = (),
) -> str:
    """The benchmark page: one set's tables, then each `extra` set as its own section."""
    names = (assistant.engine.name, base.engine.name)
    lines = [
        "# Benchmarks",
        "",
        (
            f"Set `{source}` (`eval/run.py --notes`)"
            if source
            else "Achtergehouden set (`eval/holdout/`, `eval/run.py --holdout`)"
            if holdout
            else "Set in echte registers (`eval/real/`, `eval/run.py --real`)"
            if real
            else "Gegenereerd door `make eval` (`eval/run.py`)"
        )
        + f" op {date.today().isoformat()}"
        + (f", commit `{commit}`" if commit else "")
        + ". Definities: `eval/README.md`.",
        "",
        *_set_lines(assistant, base, "##"),
    ]
    for x in extra:
        lines += [f"## {x.title}", "", *_set_lines(x.assistant, x.base, "###")]
    lines += ["## Latentie (`make bench`)", "", *_bench_table(bench), ""]
    seconds = [(assistant, base), *[(x.assistant, x.base) for x in extra]]
    lines += [
        "## Looptijd van de evaluatie",
        "",
        f"{names[0]}: {sum(a.seconds for a, _ in seconds):.2f} s; "
        f"{names[1]}: {sum(b.seconds for _, b in seconds):.2f} s.",
        "",
    ]
    return "\n".join(lines)


def _flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        out: list[tuple[str, Any]] = []
        for k, v in data.items():
            out += _flatten(v, f"{prefix}.{k}" if prefix else str(k))
        return out
    return [(prefix, data)]


def load_bench(path: Path = BENCH_FILE) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else {"value": data}


def _bench_table(bench: dict[str, Any] | None) -> list[str]:
    if bench is None:
        return [f"_Nog geen metingen: `{BENCH_FILE.relative_to(ROOT)}` ontbreekt (`make bench`)._"]
    rows = ["| Meting | Waarde |", "|---|---:|"]
    for key, value in _flatten(bench):
        if isinstance(value, float):
            shown = f"{value:.3f}"
        else:
            shown = json.dumps(value, ensure_ascii=False).strip('"')
        rows.append(f"| {key} | {shown} |")
    return rows


# --------------------------------------------------------------------------- failures


def failure_report(results: Results, personas: Sequence[Persona], notes: Sequence[Note]) -> str:
    """Every miss, with the input that should have given the value: for tuning the engine."""
    by_id = {p.id: p for p in personas}
    notes_by_id = {n.id: n for n in notes}
    out: list[str] = []
    for r in results.personas:
        p = by_id[r.persona_id]
        problems = [f for f in FIELDS if r.scores.get(f) is not None and r.scores[f] != 1.0]
        misplaced = [path for path, v in r.placement.items() if v == 0.0]
        if not (
            problems
            or misplaced
            or r.repeats
            or r.exceeds_beyond_due
            or r.error
            or r.opening_missed
        ):
            continue
        out.append(
            f"=== {r.persona_id} ({', '.join(r.styles)}) turns={r.turns} bound={r.bound}"
            f"+{r.due_extra} completed={r.completed}"
        )
        if r.error:
            out.append(f"  ERROR {r.error}")
        if r.opening_missed:
            out.append(f"  opening covers but not complete: {r.opening_missed}")
        for f in problems:
            out.append(f"  {f}: want {_truth(p.facts, f)!r} got {_got(r.commission, f)!r}")
        for path in misplaced:
            out.append(f"  misplaced {path}: {free_text(r.commission, path)!r}")
        for e in r.repeats:
            out.append(f"  REPEAT t{e.turn} {e.section}: {e.reason}; asked {e.question[:120]!r}")
            out.append(f"      after {e.previous_reply[:160]!r}")
        for x in r.transcript:
            out.append(
                f"    t{x.turn} [{x.asking}{' fu' if x.follow_up else ''}] "
                f"{x.question[:90]!r} -> {x.reply[:70]!r}"
            )
    for nr in results.notes:
        note = notes_by_id[nr.note_id]
        problems = [f for f in FIELDS if nr.scores.get(f) is not None and nr.scores[f] != 1.0]
        if not problems and not nr.error:
            continue
        out.append(f"=== {nr.note_id}")
        if nr.error:
            out.append(f"  ERROR {nr.error}")
        for f in problems:
            out.append(f"  {f}: want {_truth(note.truth, f)!r} got {_got(nr.commission, f)!r}")
    return "\n".join(out)


def _truth(facts: Any, f: str) -> Any:
    return {
        "budget": facts.budget_eur,
        "capacity": facts.capacity_fte,
        "deadline": str(facts.deadline) if facts.deadline else None,
        "start": str(facts.start) if facts.start else None,
        "commissioner": facts.commissioner,
        "level": facts.level,
        "stakeholders": facts.stakeholders,
        "themes": facts.themes,
    }[f]


def _got(c: Commission, f: str) -> Any:
    return {
        "budget": c.resources.budget_eur,
        "capacity": c.resources.capacity_fte,
        "deadline": str(c.resources.deadline) if c.resources.deadline else None,
        "start": str(c.resources.start) if c.resources.start else None,
        "commissioner": c.mandate.commissioner,
        "level": c.mandate.level,
        "stakeholders": [s.name for s in c.stakeholders],
        "themes": list(c.goal.themes),
    }[f]


# --------------------------------------------------------------------------- main


def _commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
    except OSError:
        return ""
    return out.stdout.strip()


def evaluate(
    personas: Sequence[Persona] | None = None, notes: Sequence[Note] | None = None
) -> tuple[Results, Results]:
    """Measure the assistant and the baseline on the same data."""
    personas = load_personas() if personas is None else personas
    notes = load_notes() if notes is None else notes
    return (
        run_engine(assistant_engine(), personas, notes),
        run_engine(baseline_engine(), personas, notes),
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="BENCHMARKS.md niet schrijven")
    parser.add_argument("--failures", action="store_true", help="elke misser tonen")
    parser.add_argument(
        "--holdout", action="store_true", help="de achtergehouden set (eval/holdout/) meten"
    )
    parser.add_argument(
        "--real", action="store_true", help="de set in echte registers (eval/real/) meten"
    )
    parser.add_argument(
        "--notes", type=Path, help="alleen deze notities meten (een notes.json van eval/)"
    )
    parser.add_argument(
        "--personas", type=Path, help="met --notes: ook deze map met bestuurders spelen"
    )
    parser.add_argument("--write", action="store_true", help="met --holdout: toch schrijven")
    parser.add_argument("-o", "--output", type=Path, default=BENCHMARKS_FILE)
    args = parser.parse_args(argv)
    other = args.notes is not None
    if other:  # a set kept outside the repository, such as a blind one: measured, not written
        notes = load_notes(args.notes)
        personas = load_personas(args.personas) if args.personas else []
    elif args.holdout:
        personas, notes = load_personas(HOLDOUT_PERSONA_DIR), load_notes(HOLDOUT_NOTES_FILE)
    elif args.real:
        personas, notes = load_personas(REAL_PERSONA_DIR), load_notes(REAL_NOTES_FILE)
    else:
        personas, notes = load_personas(), load_notes()
    assistant, base = evaluate(personas, notes)
    extra: list[SetResults] = []
    failures = [(assistant, personas, notes)]
    if not (args.holdout or args.real or other):  # make eval: the real-register set too
        real_personas, real_notes = load_personas(REAL_PERSONA_DIR), load_notes(REAL_NOTES_FILE)
        real_a, real_b = evaluate(real_personas, real_notes)
        extra.append(SetResults(REAL_TITLE, real_a, real_b))
        failures.append((real_a, real_personas, real_notes))
    table = render(
        assistant,
        base,
        load_bench(),
        commit=_commit(),
        holdout=args.holdout,
        real=args.real,
        source=str(args.notes) if other else "",
        extra=extra,
    )
    print(table)
    if (args.write or not (args.holdout or args.real or other)) and not args.no_write:
        args.output.write_text(table, encoding="utf-8")
        print(f"\n(geschreven naar {args.output})", file=sys.stderr)
    if args.failures:
        print("\n# Missers\n")
        print("\n".join(failure_report(*f) for f in failures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
