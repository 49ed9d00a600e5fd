"""The dialogue policy: which section to ask next, how to apply an answer, when to probe.

An answer is first read into typed commands (`understand.py`, `commands.py`); this module
only applies them. Merging values is `merging.py`; what is said about the document is
`phrasing.py`.

Deterministic and pure (no network, no storage, no UI): the same answers always give the
same conversation. The extractor and the retriever are passed in; the defaults are the
offline rules and no citations.

Policy, in short:
- every answer is read for values of every section; nothing already known is asked again;
- a section is asked until it is complete, with at most two targeted follow-ups (the second
  only when the first brought something), then it is left open as an open question;
- "weet ik niet", "sla over", "later" leave a section open at once, without a loop;
- a value is overwritten only by an answer to its own section or an explicit correction
  ("het budget is toch 4 miljoen"), so a passing mention never replaces a given answer;
- before the summary, every section left open is asked once more; then the summary is
  confirmed, and corrections after it go straight into the document.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from opdrachtassistent.commission import (
    SECTION_TITLES,
    SECTIONS,
    Commission,
    Origin,
    SectionKey,
    Stakeholder,
)
from opdrachtassistent.dialogue import commands as cmd
from opdrachtassistent.dialogue import texts, understand, why
from opdrachtassistent.dialogue.merging import merge_extraction, record_origins
from opdrachtassistent.dialogue.phrasing import fill, known, open_questions_for, refusal, summary
from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.extract.base import (
    Extraction,
    Extractor,
    PhrasedQuestion,
    QuestionBrief,
    TurnExtractor,
)
from opdrachtassistent.extract.evidence import Evidence, model_values
from opdrachtassistent.extract.rules import RulesExtractor, attach_roles, names_occasion
from opdrachtassistent.fields import SCALAR_FIELDS, value_at
from opdrachtassistent.fmt import join_nl
from opdrachtassistent.passages import Passage, Retriever
from opdrachtassistent.provenance import carry, value_of, value_paths
from opdrachtassistent.usertext import clean, literal_inline

__all__ = [
    "ChatMessage",
    "Interview",
    "InterviewState",
    "Turn",
    "merge_extraction",
    "open_questions_for",
    "summary",
]

log = logging.getLogger(__name__)

MAX_PROBES = 2
MAX_ANSWER = 20_000  # an answer is read up to here (a pasted document goes through draft)
MAX_MODEL_QUESTION = 300  # a model's question longer than this is not a question but a speech
BRIEF_PASSAGE_CHARS = 500  # of each source passage, what the model is shown
# A proposed question that declares a section done or the interview finished: the policy
# alone decides that, so such a phrasing is not used.
CLAIMS_DONE = re.compile(
    r"\b(compleet|volledig ingevuld|afgerond|klaar|alles (is )?bekend)\b", re.IGNORECASE
)
Asking = SectionKey | Literal["confirm"]
Phase = Literal["start", "interview", "revisit", "confirm", "done"]


class ChatMessage(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Turn(BaseModel):
    """What the assistant says after an answer, and what it now asks about."""

    message: str
    asking: Asking | None
    completeness: float
    sources: list[Passage] = Field(default_factory=list)
    follow_up: bool = False
    missing: list[str] = Field(default_factory=list)


class InterviewState(BaseModel):
    """Everything needed to resume a conversation exactly where it was (JSON-safe)."""

    commission: Commission = Field(default_factory=Commission)
    phase: Phase = "start"
    asking: Asking | None = None
    probes: dict[str, int] = Field(default_factory=dict)
    # Sections whose "ja" to "weet u het nu?" was taken as "ask me" (see `AskAgain`).
    asked_again: list[SectionKey] = Field(default_factory=list)
    last_probe_progress: dict[str, bool] = Field(default_factory=dict)
    asked: list[SectionKey] = Field(default_factory=list)
    left_open: list[SectionKey] = Field(default_factory=list)
    revisited: list[SectionKey] = Field(default_factory=list)
    auto_open_questions: list[str] = Field(default_factory=list)
    messages: list[ChatMessage] = Field(default_factory=list)
    last_sources: list[Passage] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _from_older_states(cls, data: Any) -> Any:
        """States saved before `asked_again` kept it as `probes["ja:<section>"]`."""
        if not isinstance(data, dict) or not isinstance(data.get("probes"), dict):
            return data
        old = [k for k in data["probes"] if isinstance(k, str) and k.startswith("ja:")]
        if not old:
            return data
        data = dict(data)
        data["probes"] = {k: v for k, v in data["probes"].items() if k not in old}
        again = list(data.get("asked_again") or [])
        data["asked_again"] = again + [k[3:] for k in old if k[3:] not in again]
        return data


class Interview:
    """A conversation that fills a `Commission` section by section."""

    def __init__(
        self,
        *,
        extractor: Extractor | None = None,
        retriever: Retriever | None = None,
        state: InterviewState | None = None,
    ) -> None:
        self._extractor: Extractor = extractor or RulesExtractor()
        self._retriever = retriever
        self._s = state or InterviewState()
        self._proposed: list[str] = []
        self._before: dict[str, object] = {}
        # What the language model contributed to this turn's extractions (provenance "llm").
        self._model: set[tuple[str, str]] = set()
        # A model that reads the answer also proposes the next question, in the same call;
        # the brief says what it may ask about, `_phrased` is what it proposed this turn.
        self._brief: QuestionBrief | None = None
        self._phrased: PhrasedQuestion | None = None
        if state is not None:
            _backfill_origins(self._s)

    # -- public API -------------------------------------------------------------------

    @classmethod
    def from_state(
        cls,
        state: InterviewState,
        *,
        extractor: Extractor | None = None,
        retriever: Retriever | None = None,
    ) -> Interview:
        return cls(extractor=extractor, retriever=retriever, state=state.model_copy(deep=True))

    def to_state(self) -> InterviewState:
        return self._s.model_copy(deep=True)

    @property
    def commission(self) -> Commission:
        return self._s.commission

    @property
    def complete(self) -> bool:
        return self._s.phase == "done"

    @property
    def asking(self) -> Asking | None:
        return self._s.asking

    @property
    def messages(self) -> list[ChatMessage]:
        return list(self._s.messages)

    @property
    def sources(self) -> list[Passage]:
        """The passages behind the current question ("waarom vraag ik dit?")."""
        return list(self._s.last_sources)

    def opening(self) -> Turn:
        """The first message; asking about the context, but any section may be answered."""
        if self._s.phase != "start":
            return self._turn(self._question(), follow_up=False, record=False)
        self._s.phase = "interview"
        self._s.asking = "context"
        return self._turn(texts.OPENING)

    def start_from(
        self, commission: Commission, *, document: str, notes: Sequence[str] = ()
    ) -> Turn:
        """Begin with a draft read from a document instead of the opening question: the
        complete sections are not asked; the first message says what was read (how many
        values, which sections complete) and asks the first gap."""
        if self._s.phase != "start":
            raise ValueError("start_from() begins a new interview only")
        c = Commission.model_validate(commission.model_dump())
        drafted = {q for key in SECTIONS for q in open_questions_for(c, key)}
        c.open_questions = [q for q in c.open_questions if q not in drafted]  # asked instead
        self._s.commission = c
        self._s.phase = "interview"
        count = len(value_paths(c))
        if not count:
            return self._advance(
                [texts.FROM_DOCUMENT_NOTHING.format(document=literal_inline(document)), *notes]
            )
        values = f"{count} {'gegeven' if count == 1 else 'gegevens'}"
        complete = [SECTION_TITLES[k] for k in SECTIONS if self._is_complete(k)]
        lead = [
            texts.FROM_DOCUMENT.format(document=literal_inline(document), count=values),
            texts.FROM_DOCUMENT_COMPLETE.format(sections=join_nl(complete))
            if complete
            else texts.FROM_DOCUMENT_NONE_COMPLETE,
        ]
        if c.open_questions:
            n = len(c.open_questions)
            questions = f"{n} {'open vraag' if n == 1 else 'open vragen'}"
            lead.append(texts.FROM_DOCUMENT_OPEN.format(count=questions))
        lead.append(texts.FROM_DOCUMENT_GAPS)
        return self._advance([" ".join(lead), *notes])

    def answer(self, text: str) -> Turn:
        """Apply one answer and say what comes next. Never raises on any text."""
        if self._s.phase == "start":
            self.opening()
        text = clean(text if isinstance(text, str) else str(text))
        notes: list[str] = []
        if len(text) > MAX_ANSWER:
            notes.append(texts.TRUNCATED.format(limit=f"{MAX_ANSWER:,}".replace(",", ".")))
            text = text[:MAX_ANSWER]
        if not text.strip():
            return self._turn(texts.EMPTY_INPUT + "\n\n" + self._question(), follow_up=False)
        self._s.messages.append(ChatMessage(role="user", content=text))
        before = self._s.commission.model_copy(deep=True)
        self._model = set()
        self._phrased = None
        self._brief = self._question_brief()
        try:
            turn = self._respond(text, notes)
        finally:
            self._brief, self._phrased = None, None
        record_origins(
            before,
            self._s.commission,
            text,
            source="user",
            turn=self._turn_number(),
            model=self._model,
        )
        return turn

    def _respond(self, text: str, notes: list[str]) -> Turn:
        if self._s.phase in ("confirm", "done"):
            commands = understand.read_after_summary(text, self._extract)
            return self._after_summary(commands, text, notes)
        current = self._s.asking
        assert current is not None and current != "confirm"
        reading = understand.Reading(
            commission=self._s.commission,
            asking=current,
            revisiting=self._s.phase == "revisit",
            asked_again=current in self._s.asked_again,
        )
        commands = understand.read_answer(text, reading, self._extract)
        if current == "context" and self._answers_opening():
            commands = _aanleiding_if_given(commands, text)
        return self._apply_commands(commands, text, notes)

    def edit(self, commission: Commission) -> Turn:
        """Take a direct edit of the document (from the app) and carry on consistently;
        values the edit changed or added get the origin "edit", the rest keep theirs."""
        before = self._s.commission
        self._s.commission = Commission.model_validate(commission.model_dump())
        carry(before, self._s.commission, lambda _path: Origin(source="edit"))
        self._refresh_open()
        if self._s.phase in ("confirm", "done"):
            self._s.phase = "confirm"
            return self._summary_turn([texts.EDITED])
        current = self._s.asking
        if current is None or current == "confirm" or self._is_complete(current):
            return self._advance([texts.EDITED])
        return self._turn(texts.EDITED + "\n\n" + self._question(), follow_up=False)

    # -- applying answers -------------------------------------------------------------

    def _apply_commands(self, commands: list[cmd.Command], text: str, notes: list[str]) -> Turn:
        current = self._s.asking
        assert current is not None and current != "confirm"
        refused = cmd.refusals(commands)
        if refused:
            return self._turn(self._refusal(refused, self._question()), follow_up=False)
        for command in commands:
            if isinstance(command, cmd.AskAgain):
                self._s.asked_again.append(command.section)
                return self._turn(self._follow_up(command.section), follow_up=True)
            if isinstance(command, cmd.Skip):
                if command.section == "stakeholders" and self._propose_roles():
                    return self._advance([*notes, self._roles_note()])
                self._leave_open(command.section)
                return self._advance([*notes, texts.SKIP_ACK])
        return self._apply_answer(commands, text, current, notes)

    def _apply_answer(
        self, commands: list[cmd.Command], text: str, current: SectionKey, notes: list[str]
    ) -> Turn:
        extraction = cmd.as_extraction(commands)
        correction = cmd.is_correction(commands)
        before = self._fraction(current)
        changes = self._apply(extraction, current=current, correction=correction, text=text)
        if current == "stakeholders":
            enriched = attach_roles(text, self._s.commission.stakeholders)
            if enriched:
                changes.append(("stakeholders", "rol van " + join_nl(enriched)))
                self._refresh_open()
        progress = self._fraction(current) > before or any(s == current for s, _ in changes)
        replaced = _replaced(self._before, _scalars(self._s.commission))
        ack = _ack(changes, correction=correction and replaced)
        if current == "stakeholders" and progress and self._propose_roles(known_kinds_only=True):
            # Parties of a familiar kind get their usual role as a visible proposal; a
            # follow-up is kept for parties whose role the assistant cannot guess.
            return self._advance([*notes, *ack, self._roles_note()])
        if self._is_complete(current):
            self._s.left_open = [s for s in self._s.left_open if s != current]
            return self._advance([*notes, *ack])
        if self._s.phase == "revisit":
            self._leave_open(current)
            return self._advance([*notes, *ack, texts.GIVE_UP_ACK])
        probes = self._s.probes.get(current, 0)
        if current == "stakeholders" and probes >= 1 and self._propose_roles():
            return self._advance([*notes, *ack, self._roles_note()])
        if not progress and changes:
            # The answer was about other sections: keep the question, it is not a probe.
            return self._turn("\n\n".join([*notes, *ack, self._question()]), follow_up=False)
        earlier_helped = self._s.last_probe_progress.get(current, True)
        if probes < MAX_PROBES and (probes == 0 or (progress and earlier_helped)):
            self._s.probes[current] = probes + 1
            self._s.last_probe_progress[current] = progress
            lead = (
                ack
                if progress
                else [texts.VAGUE if cmd.Vague() in commands else texts.NOTHING_FOUND]
            )
            return self._turn(
                "\n\n".join([*notes, *lead, self._follow_up(current)]), follow_up=True
            )
        self._leave_open(current)
        return self._advance([*notes, *ack, texts.GIVE_UP_ACK])

    def _propose_roles(self, *, known_kinds_only: bool = False) -> bool:
        """Give named parties without a role the usual role of their kind, marked as a
        proposal; True when that completes the section (two or more parties named).

        With `known_kinds_only`, nothing is proposed unless every party without a role is
        of a kind whose usual role is known."""
        c = self._s.commission
        missing = [s for s in c.stakeholders if not (s.role or s.interest)]
        if len(c.stakeholders) < 2 or not missing:
            return False
        if known_kinds_only and any((s.kind or "") not in texts.DEFAULT_ROLES for s in missing):
            return False
        self._proposed = [s.name for s in missing]
        for s in missing:
            _propose_role(c, s)
        self._refresh_open()
        return self._is_complete("stakeholders")

    @staticmethod
    def _refusal(refused: list[cmd.Refuse], then: str) -> str:
        """A question back about each unusable value; the answer changed nothing."""
        said = [refusal(r.field, r.quote, r.problem) for r in refused]
        return "\n\n".join([*dict.fromkeys(said), texts.REFUSED_KEPT, then])

    def _roles_note(self) -> str:
        return texts.STAKEHOLDER_DEFAULTS_NOTE.format(names=literal_inline(join_nl(self._proposed)))

    def _after_summary(self, commands: list[cmd.Command], text: str, notes: list[str]) -> Turn:
        refused = cmd.refusals(commands)
        if refused:
            self._s.phase, self._s.asking = "confirm", "confirm"
            return self._turn(self._refusal(refused, texts.CONFIRM_AGAIN), follow_up=False)
        extraction = cmd.as_extraction(commands)
        changes = self._apply(extraction, current=None, correction=True, text=text)
        if changes:
            self._s.phase = "confirm"
            replaced = _replaced(self._before, _scalars(self._s.commission))
            return self._summary_turn([*notes, *_ack(changes, correction=replaced)])
        if cmd.Confirm() in commands:
            self._s.phase = "done"
            self._s.asking = None
            return self._turn(texts.DONE, follow_up=False)
        self._s.phase = "confirm"
        self._s.asking = "confirm"
        return self._turn("\n\n".join([*notes, texts.CONFIRM_AGAIN]), follow_up=False)

    def _extract(self, text: str, section: SectionKey | None) -> Extraction:
        brief, self._brief = self._brief, None  # one model call per turn
        try:
            if brief is not None and isinstance(self._extractor, TurnExtractor):
                extraction, self._phrased = self._extractor.extract_turn(
                    text, section=section, brief=brief
                )
            else:
                extraction = self._extractor.extract(text, section=section)
        except OpdrachtError as exc:
            log.warning("extractor failed, falling back to the offline rules: %s", exc)
            return RulesExtractor().extract(text, section=section)
        if not isinstance(self._extractor, RulesExtractor):
            rules = RulesExtractor().extract(text, section=section)
            self._model |= model_values(extraction, rules)
        return extraction

    def _apply(
        self, e: Extraction, *, current: SectionKey | None, correction: bool, text: str = ""
    ) -> list[tuple[SectionKey | None, str]]:
        self._before = _scalars(self._s.commission)
        changes = merge_extraction(
            self._s.commission, e, current=current, correction=correction, text=text
        )
        if current != "stakeholders" and "stakeholders" in self._s.asked:
            # Parties mentioned after the stakeholders were discussed get their usual role
            # as a proposal instead of reopening that section.
            for s in self._s.commission.stakeholders:
                if not (s.role or s.interest):
                    _propose_role(self._s.commission, s)
        if changes:
            self._refresh_open()
        return changes

    # -- moving on ---------------------------------------------------------------------

    def _advance(self, lead: list[str]) -> Turn:
        nxt = self._next_section()
        if nxt is not None:
            self._s.asking = nxt
            return self._turn("\n\n".join([*lead, self._question()]), follow_up=False)
        pending = [s for s in self._s.left_open if s not in self._s.revisited]
        if pending:
            section = pending[0]
            self._s.phase = "revisit"
            self._s.revisited.append(section)
            self._s.asking = section
            missing = self._commission_missing(section)
            phrases = [texts.MISSING_PHRASES.get(m, m) for m in missing]
            message = texts.REVISIT.format(missing=join_nl(phrases))
            return self._turn("\n\n".join([*lead, message]), follow_up=False)
        self._s.phase = "confirm"
        return self._summary_turn(lead)

    def _next_section(self) -> SectionKey | None:
        if self._s.phase not in ("interview", "start"):
            return None
        for key in SECTIONS:
            if key not in self._s.left_open and not self._is_complete(key):
                return key
        return None

    def _leave_open(self, section: SectionKey) -> None:
        if section not in self._s.left_open:
            self._s.left_open.append(section)
        self._refresh_open()

    def _refresh_open(self) -> None:
        """Rebuild the automatic open questions; keep any the user added by hand."""
        c = self._s.commission
        self._s.left_open = [s for s in self._s.left_open if not self._is_complete(s)]
        auto = [q for s in self._s.left_open for q in open_questions_for(c, s)]
        manual = [q for q in c.open_questions if q not in self._s.auto_open_questions]
        self._s.auto_open_questions = auto
        c.open_questions = [*auto, *[q for q in manual if q not in auto]]

    # -- what to say ---------------------------------------------------------------------

    def _question(self) -> str:
        asking = self._s.asking
        if asking is None:
            return texts.DONE
        if asking == "confirm":
            return texts.CONFIRM
        status = self._s.commission.section_status(asking)
        title = SECTION_TITLES[asking]
        if status.state == "leeg":
            return f"**{title}.** {self._model_question(asking) or texts.QUESTIONS[asking]}"
        have = known(self._s.commission, asking)
        lead = f"**{title}.** Ik heb al: {have}." if have else f"**{title}.**"
        return f"{lead} {self._model_question(asking) or self._follow_up_text(asking)}"

    def _follow_up(self, section: SectionKey) -> str:
        text = self._model_question(section) or self._follow_up_text(section)
        return f"**{SECTION_TITLES[section]}.** {text}"

    def _model_question(self, section: SectionKey) -> str | None:
        """The model's phrasing of the question about `section`, when it proposed one for
        exactly that section in this turn and it reads as a question; else None, and the
        fixed wording is used. The model never decides which section comes next."""
        phrased = self._phrased
        if phrased is None or phrased.section != section or self._s.phase != "interview":
            return None
        text = " ".join(phrased.text.split())
        if not (8 <= len(text) <= MAX_MODEL_QUESTION and text.endswith("?")):
            return None
        if CLAIMS_DONE.search(text):  # "dit onderdeel is compleet": the policy decides that
            return None
        return literal_inline(text)

    def _question_brief(self) -> QuestionBrief | None:
        """What a model may phrase a question about after this answer: the section asked
        and the next one the policy would ask, with what each lacks and its sources."""
        if not isinstance(self._extractor, TurnExtractor) or self._s.phase != "interview":
            return None
        current = self._s.asking
        if current is None or current == "confirm":
            return None
        later = SECTIONS[SECTIONS.index(current) + 1 :]
        following = [k for k in later if k not in self._s.left_open and not self._is_complete(k)]
        candidates: list[SectionKey] = [current, *following[:1]]
        passages: list[str] = []
        if self._retriever is not None:
            for key in candidates:
                try:
                    found = why.sources(self._retriever, key, self._s.commission)
                except OpdrachtError:
                    found = []
                passages += [p.text[:BRIEF_PASSAGE_CHARS] for p in found[:1]]
        return QuestionBrief(
            candidates=candidates,
            missing={
                k: [texts.MISSING_PHRASES.get(m, m) for m in self._commission_missing(k)]
                for k in candidates
            },
            known=summary(self._s.commission),
            passages=passages,
        )

    def _follow_up_text(self, section: SectionKey) -> str:
        missing = self._commission_missing(section)
        questions = [fill(texts.FOLLOW_UPS.get(m, m), self._s.commission) for m in missing[:2]]
        return " ".join(questions)

    def _summary_turn(self, lead: list[str]) -> Turn:
        self._s.asking = "confirm"
        body = summary(self._s.commission)
        return self._turn(
            "\n\n".join([*lead, texts.SUMMARY_INTRO, body, texts.CONFIRM]), follow_up=False
        )

    def _turn(self, message: str, *, follow_up: bool = False, record: bool = True) -> Turn:
        asking = self._s.asking
        if asking not in (None, "confirm") and asking not in self._s.asked:
            self._s.asked.append(asking)  # type: ignore[arg-type]
        sources = self._sources(asking)
        self._s.last_sources = sources
        if record:
            self._s.messages.append(ChatMessage(role="assistant", content=message))
        section: SectionKey | None = None if asking in (None, "confirm") else asking  # type: ignore[assignment]
        return Turn(
            message=message,
            asking=asking,
            completeness=self._s.commission.completeness().fraction,
            sources=sources,
            follow_up=follow_up,
            missing=self._commission_missing(section) if section else [],
        )

    def _sources(self, asking: Asking | None) -> list[Passage]:
        if self._retriever is None or asking is None or asking == "confirm":
            return []
        try:
            return why.sources(self._retriever, asking, self._s.commission)
        except OpdrachtError as exc:
            log.warning("retrieval failed; the question goes without sources: %s", exc)
            return []

    # -- helpers -------------------------------------------------------------------------

    def _answers_opening(self) -> bool:
        """The answer is the reply to the opening ("what are you planning, and why?"), not
        to the aanleiding question itself (asked after it, or after a document)."""
        m = self._s.messages
        return len(m) >= 2 and m[-2].role == "assistant" and m[-2].content == texts.OPENING

    def _turn_number(self) -> int:
        """The 1-based number of the user's latest answer ("beurt 3")."""
        return sum(1 for m in self._s.messages if m.role == "user")

    def _is_complete(self, section: SectionKey) -> bool:
        return self._s.commission.section_status(section).state == "compleet"

    def _fraction(self, section: SectionKey) -> float:
        return self._s.commission.section_status(section).fraction

    def _commission_missing(self, section: SectionKey) -> list[str]:
        return self._s.commission.section_status(section).missing


def _aanleiding_if_given(commands: list[cmd.Command], text: str) -> list[cmd.Command]:
    """The opening says what is planned and often why. It is the aanleiding only when it
    names a problem or an occasion; a plan alone ("we willen de Molenweg herinrichten") is
    goal material, and the aanleiding is then asked."""
    if names_occasion(text):
        return commands
    return [
        c
        for c in commands
        if not (isinstance(c, cmd.SetValue | cmd.CorrectValue) and c.field == "context")
    ]


def _propose_role(c: Commission, s: Stakeholder) -> None:
    """The usual role of the party's kind, marked as a proposal the user can correct (and
    as a default in the provenance, never as something the user said)."""
    s.role = texts.DEFAULT_ROLES.get(s.kind or "", texts.DEFAULT_ROLE_UNKNOWN)
    s.role += texts.DEFAULT_ROLE_SUFFIX
    index = next(i for i, x in enumerate(c.stakeholders) if x is s)
    c.provenance[f"stakeholders.{index}.role"] = Origin(source="default")


def _backfill_origins(state: InterviewState) -> None:
    """A state saved before provenance existed: find each value in the user's answers (the
    first answer that quotes it), so a resumed conversation shows where values came from."""
    c = state.commission
    missing = [p for p in value_paths(c) if p not in c.provenance]
    if not missing:
        return
    answers = [m.content for m in state.messages if m.role == "user"]
    evidence = [Evidence(a) for a in answers]
    for path in missing:
        value = value_of(c, path)
        if path.endswith(".role") and str(value).endswith(texts.DEFAULT_ROLE_SUFFIX):
            c.provenance[path] = Origin(source="default")
            continue
        found = next(
            ((i, q) for i, e in enumerate(evidence, 1) if (q := e.quote_at(c, path))), None
        )
        turn, quote = found if found else (None, None)
        c.provenance[path] = Origin(source="user", quote=quote, turn=turn)


def _scalars(c: Commission) -> dict[str, object]:
    """The single values a correction can replace, to tell "Aangepast" from "Genoteerd"."""
    return {f.name: value_at(c, f.path) for f in SCALAR_FIELDS}


def _replaced(before: dict[str, object], after: dict[str, object]) -> bool:
    return any(before[k] not in (None, "") and before[k] != after[k] for k in before)


def _ack(changes: list[tuple[SectionKey | None, str]], *, correction: bool) -> list[str]:
    if not changes:
        return []
    items = literal_inline(join_nl(list(dict.fromkeys(label for _, label in changes))))
    return [(texts.CORRECTED if correction else texts.NOTED).format(items=items)]
