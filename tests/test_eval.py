"""The evaluation harness (issue 4): its data, its metric functions and one full run.

The accuracy and turn targets are printed, not asserted, until the engine is tuned.
"""

from __future__ import annotations

import re
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from eval import baseline, run  # noqa: E402
from eval.data import (  # noqa: E402
    HOLDOUT_NOTES_FILE,
    HOLDOUT_PERSONA_DIR,
    REAL_NOTES_FILE,
    REAL_PERSONA_DIR,
    STYLES,
    Facts,
    Note,
    Persona,
    load_notes,
    load_personas,
)
from eval.metrics import (  # noqa: E402
    FREE_TEXT,
    commissioner_match,
    contains_verbatim,
    field_accuracy,
    name_match,
    number_match,
    placement,
    score_commission,
    set_scores,
    stakeholder_recall,
    taken_from,
)

from opdrachtassistent.commission import (  # noqa: E402
    SECTIONS,
    Commission,
    Goal,
    Mandate,
    Resources,
    Stakeholder,
)

PERSONAS = load_personas()
NOTES = load_notes()
HOLDOUT_PERSONAS = load_personas(HOLDOUT_PERSONA_DIR)
HOLDOUT_NOTES = load_notes(HOLDOUT_NOTES_FILE)
REAL_PERSONAS = load_personas(REAL_PERSONA_DIR)
REAL_NOTES = load_notes(REAL_NOTES_FILE)


# --------------------------------------------------------------------------- the data


def test_enough_personas_and_notes() -> None:
    assert len(PERSONAS) >= 25
    assert len(NOTES) >= 60


def test_every_style_is_played_by_at_least_two_personas() -> None:
    for style in STYLES:
        assert sum(style in p.styles for p in PERSONAS) >= 2, style


@pytest.mark.parametrize("persona", PERSONAS, ids=lambda p: p.id)
def test_persona_is_complete(persona: Persona) -> None:
    assert set(persona.answers) == set(SECTIONS)
    for key, sa in persona.answers.items():
        assert sa.answer.strip() and sa.detail.strip(), key
        assert key not in sa.also_covers, key
    f = persona.facts
    assert f.budget_eur and f.capacity_fte and f.deadline, "a persona knows its resources"
    assert f.commissioner and f.level
    assert len(f.stakeholders) >= 2 and f.themes
    assert set(persona.opening_covers) <= set(SECTIONS)


def test_personas_exercise_skips_corrections_and_follow_ups() -> None:
    kinds = [sa.kind for p in PERSONAS for sa in p.answers.values()]
    assert kinds.count("skip") >= 5 and kinds.count("vague") >= 5 and kinds.count("partial") >= 3
    texts = " ".join(sa.answer for p in PERSONAS for sa in p.answers.values()).casefold()
    for phrase in ("toch 4 miljoen", "drie ton", "anderhalve fte", "weet ik niet", "sla over"):
        assert phrase in texts, phrase
    assert any(sa.also_covers for p in PERSONAS for sa in p.answers.values())


def test_notes_are_varied_and_have_truth() -> None:
    kinds = {n.kind for n in NOTES}
    assert {"mail", "verslag", "raadsvoorstel", "memo", "app"} <= kinds
    assert sum(n.truth.budget_eur is None for n in NOTES) >= 3, "some notes name no budget"
    assert sum(n.truth.budget_eur is not None for n in NOTES) >= 45
    for n in NOTES:
        assert n.truth.themes, n.id


# --------------------------------------------------------------------------- held-out data
# Well-formedness only: the engine is not tuned against this set, so accuracy is reported by
# `eval/run.py --holdout`, never asserted.


def test_holdout_is_large_enough_and_separate_from_the_tuning_cases() -> None:
    assert len(HOLDOUT_PERSONAS) >= 10
    assert len(HOLDOUT_NOTES) >= 25
    tuning = {p.municipality for p in PERSONAS} | {n.municipality for n in NOTES}
    for case in [*HOLDOUT_PERSONAS, *HOLDOUT_NOTES]:
        assert case.municipality not in tuning, case.id
    assert not {p.id for p in HOLDOUT_PERSONAS} & {p.id for p in PERSONAS}
    assert not {n.id for n in HOLDOUT_NOTES} & {n.id for n in NOTES}
    tuning_texts = {n.text for n in NOTES} | {p.opening for p in PERSONAS}
    assert not {n.text for n in HOLDOUT_NOTES} & tuning_texts
    assert not {p.opening for p in HOLDOUT_PERSONAS} & tuning_texts


@pytest.mark.parametrize("persona", HOLDOUT_PERSONAS, ids=lambda p: p.id)
def test_holdout_persona_is_complete(persona: Persona) -> None:
    test_persona_is_complete(persona)
    for key in persona.opening_covers:
        assert persona.answers[key].answer, key


def test_holdout_notes_have_every_field_and_some_truth() -> None:
    fields = set(Facts.model_fields)
    for n in HOLDOUT_NOTES:
        assert set(n.truth.model_dump()) == fields, n.id
        assert n.truth.themes, n.id
        assert n.truth.level is None or n.truth.commissioner, n.id
    assert {"mail", "verslag", "raadsvoorstel", "memo", "app"} <= {n.kind for n in HOLDOUT_NOTES}
    assert any(n.truth.budget_eur is None for n in HOLDOUT_NOTES), "a note without a budget"


def test_holdout_runs_through_the_harness() -> None:
    assistant, base = run.evaluate(HOLDOUT_PERSONAS, HOLDOUT_NOTES)
    assert len(base.personas) == len(HOLDOUT_PERSONAS) and len(base.notes) == len(HOLDOUT_NOTES)
    if assistant.engine.make_interview is not None:
        assert not [r.persona_id for r in assistant.personas if r.error], "the engine raised"
        assert not [r.note_id for r in assistant.notes if r.error], "the engine raised"
    table = run.render(assistant, base, None, holdout=True)
    assert "eval/holdout/" in table


def test_holdout_flag_prints_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "BENCHMARKS.md"
    assert run.main(["--holdout", "-o", str(out)]) == 0
    assert not out.exists()
    assert "Achtergehouden set" in capsys.readouterr().out
    assert run.main(["--holdout", "--write", "-o", str(out)]) == 0
    assert "Achtergehouden set" in out.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- real-register data
# Well-formedness only, as for the held-out set: figures are reported by `eval/run.py --real`.

REAL_KINDS = {
    "nieuwsbericht",
    "raadsvoorstel",
    "collegebesluit",
    "raadsinformatiebrief",
    "begroting",
    "bewonersbrief",
    "projectpagina",
    "verslag",
    "mail",
}


def test_real_set_is_large_varied_and_separate() -> None:
    assert len(REAL_NOTES) >= 40 and len(REAL_PERSONAS) >= 8
    assert {n.kind for n in REAL_NOTES} == REAL_KINDS
    for kind in REAL_KINDS:
        assert sum(n.kind == kind for n in REAL_NOTES) >= 3, kind
    others = [*PERSONAS, *NOTES, *HOLDOUT_PERSONAS, *HOLDOUT_NOTES]
    used = {c.municipality for c in others}
    for case in [*REAL_PERSONAS, *REAL_NOTES]:
        assert case.municipality not in used, case.id
    assert len({n.municipality for n in REAL_NOTES}) >= 35
    assert any(m.startswith("Waterschap") for m in (n.municipality for n in REAL_NOTES))
    ids = {c.id for c in others}
    assert not {c.id for c in [*REAL_PERSONAS, *REAL_NOTES]} & ids


@pytest.mark.parametrize("note", REAL_NOTES, ids=lambda n: n.id)
def test_real_note_is_a_document_with_a_full_truth(note: Note) -> None:
    assert 80 <= len(note.text.split()) <= 400
    assert note.truth.has_start, "every real-register truth says whether the work has a start"
    assert note.truth.stakeholders and note.truth.themes
    assert note.truth.level is None or note.truth.commissioner
    assert (
        note.truth.start is None
        or note.truth.deadline is None
        or (note.truth.start < note.truth.deadline)
    )


def test_real_notes_test_what_real_documents_hold() -> None:
    texts = [n.text for n in REAL_NOTES]
    legal_form = re.compile(r"\b(BV|NV|VOF)\b|\b(Stichting|Vereniging|vereniging)\b")
    assert sum(bool(legal_form.search(t)) for t in texts) >= 30
    assert sum(n.truth.start is not None for n in REAL_NOTES) >= 35
    assert sum(n.truth.commissioner is None for n in REAL_NOTES) >= 3, "some name no one"
    bodies = ("stuurgroep", "college", "bestuur")
    assert sum(any(b in (n.truth.commissioner or "") for b in bodies) for n in REAL_NOTES) >= 5
    assert sum(n.truth.level == "ambtelijk" for n in REAL_NOTES) >= 5


@pytest.mark.parametrize("persona", REAL_PERSONAS, ids=lambda p: p.id)
def test_real_persona_opens_as_an_officer_does(persona: Persona) -> None:
    test_persona_is_complete(persona)
    assert persona.facts.has_start and persona.facts.start is not None
    assert re.match(r"(Goede(middag|morgen|ndag)|Hoi|Hallo|Dag)\b", persona.opening)
    assert re.search(r"\bik ben\b|\bmijn naam is\b|\bmet\b|\bspreekt met\b", persona.opening, re.I)


def test_real_flag_prints_without_writing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "BENCHMARKS.md"
    assert run.main(["--real", "-o", str(out)]) == 0
    assert not out.exists()
    assert "eval/real/" in capsys.readouterr().out


# --------------------------------------------------------------------------- metrics


@pytest.mark.parametrize(
    ("truth", "pred", "ok"),
    [
        ("wethouder De Vries", "wethouder De Vries", True),
        ("wethouder De Vries", "De Vries", True),
        ("wethouder De Vries", "Wethouder de vries (Openbare Ruimte)", True),
        ("wethouder De Vries", "wethouder Marieke de Vries", True),
        ("wethouder De Vries", "wethouder", False),
        ("wethouder De Vries", "wethouder Bakker", False),
        ("het college van B&W", "college van burgemeester en wethouders", True),
        ("het college", "het college van B&W", True),
        ("afdelingshoofd Beheer Openbare Ruimte", "afdelingshoofd Beheer Openbare Ruimte", True),
        ("afdelingshoofd Beheer", "afdelingshoofd Stadsbeheer", False),
        ("wethouder De Vries", None, False),
        (None, None, True),
        (None, "wethouder Bakker", False),
        (
            "wethouder Bakker",
            "Opdrachtgever is wethouder Bakker en de projectleider mag binnen "
            "het budget zelf beslissen over het ontwerp en de fasering.",
            False,
        ),
    ],
)
def test_commissioner_match(truth: str | None, pred: str | None, ok: bool) -> None:
    assert commissioner_match(truth, pred) is ok


@pytest.mark.parametrize(
    ("truth", "pred", "ok"),
    [
        ("waterschap De Dommel", "waterschap De Dommel", True),
        ("waterschap De Dommel", "De Dommel", True),
        ("De Dommel", "Waterschap De Dommel", True),
        ("waterschap De Dommel", "waterschap", False),
        ("Enexis", "netbeheerder Enexis", True),
        ("bewoners van de Kerkstraat", "bewoners", True),
        ("ondernemers", "ondernemersvereniging", True),
        ("Liander", "Stedin", False),
        ("Mozaïek Wonen", "mozaiek wonen", True),
    ],
)
def test_name_match(truth: str, pred: str, ok: bool) -> None:
    assert name_match(truth, pred) is ok


def test_stakeholder_recall_and_set_scores() -> None:
    assert stakeholder_recall(["Enexis", "waterschap Aa en Maas"], ["Enexis"]) == 0.5
    assert stakeholder_recall([], ["Enexis"]) is None
    assert set_scores(["groen", "riolering"], ["groen"]) == (0.5, 1.0, pytest.approx(2 / 3))
    assert set_scores([], []) == (1.0, 1.0, 1.0)
    assert number_match(2_500_000, 2_500_000.4, tol=0.5)
    assert not number_match(None, 0.0, tol=0.5)
    assert number_match(None, None, tol=0.5)


def test_score_commission_and_field_accuracy() -> None:
    truth = Facts(
        budget_eur=300_000,
        capacity_fte=1.5,
        deadline=date(2026, 6, 30),
        commissioner="wethouder Smit",
        level="bestuurlijk",
        stakeholders=["Enexis", "Tiwos"],
        themes=["groen", "riolering"],
    )
    c = Commission(
        goal=Goal(themes=["groen", "mobiliteit"]),
        mandate=Mandate(commissioner="wethouder Smit", level="ambtelijk"),
        stakeholders=[Stakeholder(name="Enexis")],
        resources=Resources(budget_eur=300_000, capacity_fte=1.5, deadline=date(2026, 6, 30)),
    )
    s = score_commission(c, truth)
    assert s["budget"] == s["capacity"] == s["deadline"] == s["commissioner"] == 1.0
    assert s["level"] == 0.0 and s["stakeholders"] == 0.5 and s["themes"] == pytest.approx(0.5)
    assert s["themes_recall"] == s["themes_precision"] == 0.5
    assert s["start"] is None, "a truth without a start does not score it"
    acc = field_accuracy([s, score_commission(Commission(), truth)])
    assert acc["budget"] == 0.5 and acc["start"] is None
    assert acc["overall"] == pytest.approx((4 + 0 + 0.5 + 0.5) / 14)


def _themes_truth(*themes: str) -> Facts:
    return Facts.model_validate(
        {
            "budget_eur": None,
            "capacity_fte": None,
            "deadline": None,
            "commissioner": None,
            "level": None,
            "stakeholders": [],
            "themes": list(themes),
        }
    )


@pytest.mark.parametrize(
    ("found", "recall", "precision"),
    [
        (["riolering"], 1.0, 1.0),
        # a street closed during the works read as mobiliteit, site lighting as verlichting
        (["riolering", "mobiliteit", "openbare_verlichting"], 1.0, 1 / 3),
        (["mobiliteit"], 0.0, 0.0),
        ([], 0.0, 0.0),
    ],
)
def test_themes_score_is_f1_with_precision_and_recall_beside_it(
    found: list[str], recall: float, precision: float
) -> None:
    s = score_commission(Commission(goal=Goal(themes=found)), _themes_truth("riolering"))
    assert s["themes_recall"] == pytest.approx(recall)
    assert s["themes_precision"] == pytest.approx(precision)
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    assert s["themes"] == pytest.approx(f1)
    acc = field_accuracy([s])
    assert acc["themes"] == pytest.approx(f1) and acc["themes_precision"] == pytest.approx(
        precision
    )


@pytest.mark.parametrize(
    ("truth_start", "found", "score"),
    [
        (date(2027, 3, 1), date(2027, 3, 1), 1.0),
        (date(2027, 3, 1), None, 0.0),
        (date(2027, 3, 1), date(2027, 12, 31), 0.0),
        (None, None, 1.0),  # the text names no start: none must be invented
        (None, date(2026, 2, 3), 0.0),  # a publication date is not a start
    ],
)
def test_start_is_scored_where_the_truth_gives_it(
    truth_start: date | None, found: date | None, score: float
) -> None:
    truth = _themes_truth("riolering").model_copy(update={"start": truth_start})
    truth = Facts.model_validate({**truth.model_dump(), "start": truth_start})
    assert truth.has_start
    c = Commission(goal=Goal(themes=["riolering"]), resources=Resources(start=found))
    s = score_commission(c, truth)
    assert s["start"] == score
    acc = field_accuracy([s, score_commission(c, _themes_truth("riolering"))])
    assert acc["start"] == score, "a case without a start in its truth is left out"


def test_real_notes_score_start_and_older_sets_do_not() -> None:
    assert all(n.truth.has_start for n in REAL_NOTES)
    assert not any(n.truth.has_start for n in [*NOTES, *HOLDOUT_NOTES])
    summary = run.summarise_notes([run.evaluate_note(NOTES[0], lambda _: Commission())])
    assert summary["acc_start"] is None
    table = "\n".join(run._side_by_side(run._NOTE_ROWS, summary, summary, ("a", "b")))
    assert "|   start | n.v.t. | n.v.t. |" in table


# --------------------------------------------------------------------------- placement

_OPENING = (
    "Goedemiddag, ik ben Eva Smit, beleidsmedewerker bij de gemeente Voorbeeld. "
    "We willen de Dorpsstraat herinrichten. Wethouder Bos is opdrachtgever."
)
_PREAMBLE = "Goedemiddag, ik ben Eva Smit, beleidsmedewerker bij de gemeente Voorbeeld."
_CONTEXT = "Het riool in de Dorpsstraat stort elke winter in en de bewoners hebben last."


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        (_CONTEXT, True),
        ("Het riool stort elke winter in.", True),  # a shortened answer is still the answer
        (_OPENING, False),  # the opening is not the answer to the aanleiding
        (_OPENING + " " + _CONTEXT, False),
        ("Wethouder Bos is opdrachtgever, budget 2 miljoen.", False),
    ],
)
def test_taken_from_the_answer_to_the_section(text: str, placed: bool) -> None:
    assert taken_from(text, [_CONTEXT], forbidden=[_PREAMBLE]) is placed


def test_a_greeting_is_never_well_placed_even_from_an_answering_opening() -> None:
    assert not taken_from(_OPENING, [_OPENING], forbidden=[_PREAMBLE])
    assert taken_from("We willen de Dorpsstraat herinrichten.", [_OPENING], forbidden=[_PREAMBLE])


def test_placement_per_free_text_field() -> None:
    c = Commission(
        context=_OPENING,
        goal=Goal(statement="Een veilige Dorpsstraat met een nieuw riool."),
        mandate=Mandate(decision_space="Budget toch 2,4 miljoen."),
        organisation="Een projectteam met een projectleider en een omgevingsmanager.",
    )
    sources: dict[Any, list[str]] = {
        "context": [_CONTEXT],
        "goal": ["Een veilige Dorpsstraat met een nieuw riool en bomen."],
        "mandate": ["Bestuurlijk; de projectleider beslist binnen het budget."],
        "resources": ["Budget toch 2,4 miljoen."],
        "organisation": ["Een projectteam met een projectleider en een omgevingsmanager."],
    }
    got = placement(c, sources, forbidden=[_PREAMBLE])
    assert set(got) == set(FREE_TEXT)
    assert got["context"] == 0.0 and got["goal.statement"] == 1.0
    assert got["mandate.decision_space"] == 0.0, "a budget correction is not the decision space"
    assert got["organisation"] == 1.0
    assert got["mandate.escalation"] is None and got["resources.funding"] is None
    assert contains_verbatim(c.context, "We willen  de Dorpsstraat\nherinrichten.")
    assert not contains_verbatim(None, "x") and not contains_verbatim(_CONTEXT, _OPENING)


def test_answer_sources_follow_what_was_asked_and_what_also_covers() -> None:
    p = _persona()
    data = p.model_dump(mode="json")
    data["answers"]["stakeholders"]["also_covers"] = ["instruments"]
    data["opening_partly"] = ["mandate"]
    p = Persona.model_validate(data)
    transcript = [
        run.Exchange(1, "goal", False, "?", p.answers["goal"].answer),
        run.Exchange(2, "goal", True, "?", p.answers["goal"].detail),
        run.Exchange(3, "stakeholders", False, "?", p.answers["stakeholders"].answer),
        run.Exchange(4, "confirm", False, "?", "ja"),
    ]
    src = run.answer_sources(p, transcript)
    assert src["goal"] == [p.answers["goal"].answer, p.answers["goal"].detail]
    assert src["instruments"] == [p.answers["stakeholders"].answer]
    assert src["context"] == [p.opening] and src["mandate"] == [p.opening]
    assert src["resources"] == [], "opening_partly replaces the default (goal)"
    assert src["goal"][0] != p.opening


def test_play_reports_an_opening_kept_as_the_aanleiding() -> None:
    data = _persona().model_dump(mode="json")
    data["opening"], data["opening_preamble"] = _OPENING, _PREAMBLE
    data["opening_covers"], data["opening_partly"] = [], ["goal", "mandate"]
    p = Persona.model_validate(data)
    iv = _ScriptedInterview(
        [("context", False)], fill={1: lambda c: setattr(c, "context", _OPENING)}
    )
    r = run.play(p, iv)
    assert r.context_is_opening and r.placement["context"] == 0.0
    summary = run.summarise_personas([r])
    assert summary["context_is_opening"] == 1 and summary["placement_context"] == 0.0


def test_a_preamble_must_be_how_the_opening_begins() -> None:
    data = _persona().model_dump(mode="json")
    data["opening_preamble"] = "Goedemorgen, ik ben iemand anders."
    with pytest.raises(ValueError, match="opening_preamble"):
        Persona.model_validate(data)


# --------------------------------------------------------------------------- the runner


class _FakeTurn:
    def __init__(self, asking: str | None, follow_up: bool = False) -> None:
        self.message = f"vraag over {asking}"
        self.asking = asking
        self.follow_up = follow_up


class _ScriptedInterview:
    """Asks the scripted (section, follow_up) questions in order, then confirms."""

    def __init__(self, script: list[tuple[str, bool]], fill: dict[int, Any] | None = None):
        self.commission = Commission()
        self.complete = False
        self.replies: list[str] = []
        self._script = script
        self._fill = fill or {}
        self._last: str | None = "context"

    def opening(self) -> _FakeTurn:
        return _FakeTurn("context")

    def answer(self, text: str) -> _FakeTurn:
        self.replies.append(text)
        if len(self.replies) in self._fill:
            self._fill[len(self.replies)](self.commission)
        if self._last == "confirm" and text == "ja":
            self.complete, self._last = True, None
            return _FakeTurn(None)
        i = len(self.replies) - 1
        asking, follow_up = self._script[i] if i < len(self._script) else ("confirm", False)
        self._last = asking
        return _FakeTurn(asking, follow_up)


def _persona(**answers: tuple[str, str]) -> Persona:
    base = PERSONAS[0].model_dump(mode="json")
    base["opening_covers"] = ["context"]
    for sa in base["answers"].values():
        sa["kind"] = "full"
    for key, (kind, _) in answers.items():
        base["answers"][key]["kind"] = kind
    return Persona.model_validate(base)


def test_play_gives_detail_on_follow_up_and_revisit_after_skip() -> None:
    p = _persona(goal=("vague", ""), resources=("skip", ""))
    iv = _ScriptedInterview(
        [("goal", False), ("goal", True), ("resources", False), ("resources", False)]
    )
    r = run.play(p, iv)
    assert iv.replies[1:] == [
        p.answers["goal"].answer,
        p.answers["goal"].detail,
        p.answers["resources"].answer,
        p.revisit_for("resources"),
        "ja",
    ]
    assert r.completed and r.turns == 5 and r.follow_ups == 1 and not r.repeats
    assert r.bound == 8 and r.due_extra == 2


def test_play_counts_questions_about_what_was_already_given() -> None:
    p = _persona()
    iv = _ScriptedInterview(
        [("context", False), ("goal", False), ("goal", True)],
        fill={1: lambda c: setattr(c, "context", "Het riool is echt helemaal op.")},
    )
    r = run.play(p, iv)
    reasons = [e.reason for e in r.repeats]
    assert reasons == ["section already complete", "asked again after a full answer"]
    assert r.opening_missed == []


def test_play_stops_at_the_turn_cap() -> None:
    p = _persona()
    r = run.play(p, _ScriptedInterview([("goal", True)] * 100), max_turns=10)
    assert r.turns == 10 and not r.completed and r.exceeds


def test_baseline_asks_every_section_once_and_stores_raw_text() -> None:
    p = PERSONAS[0]
    r = run.play(p, baseline.BaselineInterview())
    assert r.completed and r.turns == len(SECTIONS)  # seven sections after the opening + "ja"
    assert r.commission.resources.budget_eur is None
    assert r.commission.resources.funding == p.answers["resources"].answer


def test_bench_table_reads_any_keys(tmp_path: Path) -> None:
    f = tmp_path / "latest.json"
    f.write_text('{"turn_ms": {"p50": 1.25, "p95": 3.5}, "import_s": 0.2}', encoding="utf-8")
    table = "\n".join(run._bench_table(run.load_bench(f)))
    assert "turn_ms.p95 | 3.500" in table and "import_s" in table
    assert "ontbreekt" in "\n".join(run._bench_table(run.load_bench(tmp_path / "nope.json")))


# --------------------------------------------------------------------------- a full run


def test_a_set_outside_the_repository_is_measured_and_not_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.json"
    notes.write_text(REAL_NOTES_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "BENCHMARKS.md"
    assert run.main(["--notes", str(notes), "-o", str(out)]) == 0
    assert not out.exists()
    printed = capsys.readouterr().out
    assert f"Set `{notes}`" in printed
    assert f"## Opstellen uit notities: {len(REAL_NOTES)} notities" in printed
    assert "## Interview: 0 gesimuleerde bestuurders" in printed


def test_make_eval_writes_the_real_register_set_as_its_own_section(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    assert run.main(["-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert f"## {run.REAL_TITLE}" in text
    assert f"### Opstellen uit notities: {len(REAL_NOTES)} notities" in text
    assert "themes precision" in text and "Aanleiding = opening letterlijk" in text


def test_harness_runs_on_all_data_fast(capsys: pytest.CaptureFixture[str]) -> None:
    start = time.perf_counter()
    assistant, base = run.evaluate(PERSONAS, NOTES)
    seconds = time.perf_counter() - start
    table = run.render(assistant, base, None)
    assert seconds < 20, f"the evaluation took {seconds:.1f} s"
    assert len(base.personas) == len(PERSONAS) and len(base.notes) == len(NOTES)
    assert "## Interview" in table and "## Opstellen uit notities" in table
    if assistant.engine.make_interview is not None:
        assert len(assistant.personas) == len(PERSONAS)
        assert not [r.persona_id for r in assistant.personas if r.error], "the engine raised"
    with capsys.disabled():  # the targets are reported, not asserted, until tuning is done
        print(
            "\n"
            + "\n".join(
                run._targets(
                    run.summarise_personas(assistant.personas), run.summarise_notes(assistant.notes)
                )
            )
        )
