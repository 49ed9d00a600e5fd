"""The dialogue policy: which section to ask next, how to apply an answer, when to probe.

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
from typing import Literal

from pydantic import BaseModel, Field

from opdrachtassistent.commission import (
    MIN_TEXT_WORDS,
    SECTION_TITLES,
    SECTIONS,
    Commission,
    SectionKey,
    Stakeholder,
)
from opdrachtassistent.dialogue import texts
from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.extract import dutch
from opdrachtassistent.extract.base import Extraction, Extractor
from opdrachtassistent.extract.rules import (
    MAX_TEXT,
    RulesExtractor,
    attach_roles,
    is_skip,
    is_vague,
)
from opdrachtassistent.fields import (
    FIELD_SECTION,
    FREE_TEXT_FIELDS,
    SCALAR_FIELDS,
    TYPED_SCALARS,
    value_at,
)
from opdrachtassistent.fmt import dutch_date, euro, join_nl, number
from opdrachtassistent.passages import Passage, Retriever

log = logging.getLogger(__name__)

MAX_PROBES = 2
Asking = SectionKey | Literal["confirm"]
Phase = Literal["start", "interview", "revisit", "confirm", "done"]

_YES = re.compile(
    r"^\s*(?:(?:ja|jazeker|jawel|klopt|dat klopt|akkoord|correct|prima|ok|oke|oké|okay|goed|"
    r"is goed|helemaal goed|yes|y|j|bevestig(?:d|en)?|vastleggen|afronden|zo is het|"
    r"dat is (?:het|goed|correct)|hoor|zo|dank(?:\s*je|\s*u)?(?:\s*wel)?)\b[\s.!,]*)+$",
    re.IGNORECASE,
)
_CORRECTION = re.compile(
    r"\b(?:toch|eigenlijk|correctie|corrigeer|corrigeren|verbeter|moet zijn|moet worden|"
    r"klopt niet|ik zei|maar dat moet|(?:niet|geen)\b.{1,60}\bmaar|"
    r"wijzig|verander|aanpass|pas\b.{0,30}\baan|bedoel|sorry|vergissing)\b"
    r"|^\s*(?:het |de )?(?:budget|bedrag|einddatum|deadline|opleverdatum|capaciteit|"
    r"opdrachtgever|titel|niveau)\b",
    re.IGNORECASE,
)
_FIELD_CUES: dict[str, re.Pattern[str]] = {
    field: re.compile(pattern, re.IGNORECASE)
    for field, pattern in (
        ("budget_eur", r"budget|bedrag|euro|€|miljoen|mln|\bton\b|\d\s*k\b|kost|krediet"),
        ("capacity_fte", r"fte|capaciteit|formatie|\buur\b|mensen|menskracht|dagen per week"),
        (
            "deadline",
            r"datum|deadline|klaar|gereed|opgeleverd|oplevering|\beind|begin|medio|kwartaal|"
            r"\bq[1-4]\b|\b20\d\d\b|zomer|najaar|voorjaar|winter|planning",
        ),
        ("commissioner", r"opdrachtgever|in opdracht|namens|opdracht(?:\s+\w+)?\s+van"),
        ("level", r"bestuurlijk|ambtelijk|niveau|opdrachtgever"),
    )
}


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
    last_probe_progress: dict[str, bool] = Field(default_factory=dict)
    asked: list[SectionKey] = Field(default_factory=list)
    left_open: list[SectionKey] = Field(default_factory=list)
    revisited: list[SectionKey] = Field(default_factory=list)
    auto_open_questions: list[str] = Field(default_factory=list)
    messages: list[ChatMessage] = Field(default_factory=list)
    last_sources: list[Passage] = Field(default_factory=list)


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

    def answer(self, text: str) -> Turn:
        """Apply one answer and say what comes next. Never raises on any text."""
        if self._s.phase == "start":
            self.opening()
        text = text if isinstance(text, str) else str(text)
        notes: list[str] = []
        if len(text) > MAX_TEXT:
            notes.append(texts.TRUNCATED.format(limit=f"{MAX_TEXT:,}".replace(",", ".")))
            text = text[:MAX_TEXT]
        if not text.strip():
            return self._turn(texts.EMPTY_INPUT + "\n\n" + self._question(), follow_up=False)
        self._s.messages.append(ChatMessage(role="user", content=text))
        if self._s.phase in ("confirm", "done"):
            return self._after_summary(text, notes)
        current = self._s.asking
        assert current is not None and current != "confirm"
        if (
            self._s.phase == "revisit"
            and _YES.match(text)
            and f"ja:{current}" not in self._s.probes
        ):
            # "Ja" to "weet u het nu?": ask for it, once.
            self._s.probes[f"ja:{current}"] = 1
            return self._turn(self._follow_up(current), follow_up=True)
        if is_skip(text):
            if current == "stakeholders" and self._propose_roles():
                return self._advance([*notes, self._roles_note()])
            self._leave_open(current)
            return self._advance([*notes, texts.SKIP_ACK])
        return self._apply_answer(text, current, notes)

    def edit(self, commission: Commission) -> Turn:
        """Take a direct edit of the document (from the app) and carry on consistently."""
        self._s.commission = Commission.model_validate(commission.model_dump())
        self._refresh_open()
        if self._s.phase in ("confirm", "done"):
            self._s.phase = "confirm"
            return self._summary_turn([texts.EDITED])
        current = self._s.asking
        if current is None or current == "confirm" or self._is_complete(current):
            return self._advance([texts.EDITED])
        return self._turn(texts.EDITED + "\n\n" + self._question(), follow_up=False)

    # -- applying answers -------------------------------------------------------------

    def _apply_answer(self, text: str, current: SectionKey, notes: list[str]) -> Turn:
        extraction = self._extract(text, current)
        _prefer_corrected_values(extraction, text)
        goal = self._s.commission.goal
        if current == "goal" and goal.statement and not goal.results:
            # The statement is known and results were asked for: this answer is the result,
            # unless it only named something else ("Ik, wethouder Jansen.").
            other = extraction.commissioner or extraction.budget_eur or extraction.deadline
            short = len(text.split()) <= 8
            if not extraction.goal_results and extraction.goal_statement and not (other and short):
                extraction.goal_results = [extraction.goal_statement]
            extraction.goal_statement = None
        before = self._fraction(current)
        correction = bool(_CORRECTION.search(text))
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
            lead = ack if progress else [texts.VAGUE if is_vague(text) else texts.NOTHING_FOUND]
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
            _propose_role(s)
        self._refresh_open()
        return self._is_complete("stakeholders")

    def _roles_note(self) -> str:
        return texts.STAKEHOLDER_DEFAULTS_NOTE.format(names=join_nl(self._proposed))

    def _after_summary(self, text: str, notes: list[str]) -> Turn:
        extraction = self._extract(text, None)
        _prefer_corrected_values(extraction, text)
        named = _explicit_fields(text)
        for field in FREE_TEXT_FIELDS:
            if field not in named:
                setattr(extraction, field, None)
        changes = self._apply(extraction, current=None, correction=True, text=text)
        if changes:
            self._s.phase = "confirm"
            replaced = _replaced(self._before, _scalars(self._s.commission))
            return self._summary_turn([*notes, *_ack(changes, correction=replaced)])
        if _YES.match(text):
            self._s.phase = "done"
            self._s.asking = None
            return self._turn(texts.DONE, follow_up=False)
        self._s.phase = "confirm"
        self._s.asking = "confirm"
        return self._turn("\n\n".join([*notes, texts.CONFIRM_AGAIN]), follow_up=False)

    def _extract(self, text: str, section: SectionKey | None) -> Extraction:
        try:
            return self._extractor.extract(text, section=section)
        except OpdrachtError as exc:
            log.warning("extractor failed, falling back to the offline rules: %s", exc)
            return RulesExtractor().extract(text, section=section)

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
                    _propose_role(s)
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
            return f"**{title}.** {texts.QUESTIONS[asking]}"
        known = _known(self._s.commission, asking)
        lead = f"**{title}.** Ik heb al: {known}." if known else f"**{title}.**"
        return f"{lead} {self._follow_up_text(asking)}"

    def _follow_up(self, section: SectionKey) -> str:
        return f"**{SECTION_TITLES[section]}.** {self._follow_up_text(section)}"

    def _follow_up_text(self, section: SectionKey) -> str:
        missing = self._commission_missing(section)
        questions = [_fill(texts.FOLLOW_UPS.get(m, m), self._s.commission) for m in missing[:2]]
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
        # The question and the themes of the answers so far: a short query (fast to embed)
        # that recurs across turns and sessions, so a caching retriever answers it at once.
        themes = " ".join(t.replace("_", " ") for t in self._s.commission.goal.themes)
        query = f"{SECTION_TITLES[asking]}. {texts.QUESTIONS[asking]} {themes}".strip()
        try:
            return self._retriever.search(query, k=3, section=asking)
        except OpdrachtError as exc:
            log.warning("retrieval failed; the question goes without sources: %s", exc)
            return []

    # -- helpers -------------------------------------------------------------------------

    def _is_complete(self, section: SectionKey) -> bool:
        return self._s.commission.section_status(section).state == "compleet"

    def _fraction(self, section: SectionKey) -> float:
        return self._s.commission.section_status(section).fraction

    def _commission_missing(self, section: SectionKey) -> list[str]:
        return self._s.commission.section_status(section).missing


def merge_extraction(
    c: Commission,
    e: Extraction,
    *,
    current: SectionKey | None,
    correction: bool,
    text: str = "",
) -> list[tuple[SectionKey | None, str]]:
    """Merge an extraction into the commission; return what changed, as (section, label).

    A filled value is replaced only by an answer to its own section (`current`) or by an
    explicit correction, so a passing mention never overwrites an answer.
    """
    changes: list[tuple[SectionKey | None, str]] = []

    def may_set(field: str, old: object) -> bool:
        if old in (None, "", []):
            return True
        if field in TYPED_SCALARS:
            # A filled value changes only when the text names that field, in a correction or
            # in an answer to its own section: "terug naar de wethouder" keeps the named
            # commissioner, and "het budget is toch 4 miljoen" changes only the budget.
            named = not text or bool(_FIELD_CUES[field].search(text))
            return named and (correction or FIELD_SECTION[field] == current)
        # Free text is kept unless corrected, so a follow-up does not replace its statement;
        # a fragment too short to count ("een bewonersavond") gives way to a real answer.
        fragment = isinstance(old, str) and len(old.split()) < MIN_TEXT_WORDS
        return correction or (fragment and FIELD_SECTION[field] == current)

    def scalar(field: str, obj: BaseModel, attr: str, value: object, label: str) -> None:
        old = getattr(obj, attr)
        if value is None or value == "" or value == old or not may_set(field, old):
            return
        setattr(obj, attr, value)
        changes.append((FIELD_SECTION[field], label))

    if e.title and not c.title:
        c.title = e.title
    scalar("context", c, "context", e.context, "aanleiding")
    scalar("goal_statement", c.goal, "statement", e.goal_statement, "doel")
    scalar(
        "commissioner", c.mandate, "commissioner", e.commissioner, f"opdrachtgever {e.commissioner}"
    )
    if e.level and (
        c.mandate.level is None or e.commissioner or current == "mandate" or correction
    ):
        scalar("level", c.mandate, "level", e.level, f"niveau {e.level}")
    scalar("decision_space", c.mandate, "decision_space", e.decision_space, "beslisruimte")
    scalar("escalation", c.mandate, "escalation", e.escalation, "escalatieroute")
    if e.budget_eur is not None:
        scalar(
            "budget_eur", c.resources, "budget_eur", e.budget_eur, f"budget {euro(e.budget_eur)}"
        )
    if e.capacity_fte is not None:
        scalar(
            "capacity_fte",
            c.resources,
            "capacity_fte",
            e.capacity_fte,
            f"capaciteit {number(e.capacity_fte)} fte",
        )
    if e.deadline is not None:
        scalar(
            "deadline", c.resources, "deadline", e.deadline, f"einddatum {dutch_date(e.deadline)}"
        )
    scalar("funding", c.resources, "funding", e.funding, "financiering")
    scalar("organisation", c, "organisation", e.organisation, "werkwijze")

    new_results = _new_items(c.goal.results, e.goal_results)
    if new_results:
        c.goal.results = [*c.goal.results, *new_results]
        changes.append(
            (
                "goal",
                "beoogd resultaat"
                if len(new_results) == 1
                else f"{len(new_results)} beoogde resultaten",
            )
        )
    new_themes = [t for t in e.themes if t not in c.goal.themes]
    if new_themes:
        c.goal.themes = [*c.goal.themes, *new_themes]
        changes.append(("goal", "thema's " + join_nl([t.replace("_", " ") for t in new_themes])))
    for field, attr, label in (
        ("frameworks", "frameworks", "kader"),
        ("instruments", "instruments", "instrument"),
    ):
        new = _new_items(getattr(c, attr), getattr(e, field))
        if new:
            setattr(c, attr, [*getattr(c, attr), *new])
            changes.append((FIELD_SECTION[field], f"{label} " + join_nl(new)))
    added, enriched = _merge_stakeholders(c.stakeholders, e.stakeholders)
    if added:
        changes.append(("stakeholders", "betrokken " + join_nl(added)))
    if enriched:
        changes.append(("stakeholders", "rol van " + join_nl(enriched)))
    return changes


_CORRECTED_TAIL = re.compile(
    r"\bklopt niet\b\s*[:,;.-]?|\bcorrectie\s*:|\bmaar dat (?:moet|is)\b|"
    r"\bmoet (?:zijn|worden)\b\s*:?|"
    r"\b(?:niet|geen)\b.{1,60}?\bmaar\b|\bnee\s*[,.]|\bik bedoel\b",
    re.IGNORECASE,
)


def _propose_role(s: Stakeholder) -> None:
    """The usual role of the party's kind, marked as a proposal the user can correct."""
    s.role = texts.DEFAULT_ROLES.get(s.kind or "", texts.DEFAULT_ROLE_UNKNOWN)
    s.role += texts.DEFAULT_ROLE_SUFFIX


def _prefer_corrected_values(e: Extraction, text: str) -> None:
    """In "niet Q3 maar Q4 2026" or "medio 2027... nee, eind 2027", the last value counts.

    Only amounts, capacity and dates are read again, with the Dutch parsers directly: they
    are what a correction replaces, and it costs no second extraction (or LLM request).
    """
    matches = list(_CORRECTED_TAIL.finditer(text))
    if not matches:
        return
    tail = text[matches[-1].end() :]
    for field, parse in (
        ("budget_eur", dutch.parse_amount_eur),
        ("capacity_fte", dutch.parse_fte),
        ("deadline", dutch.parse_deadline),
    ):
        value = parse(tail)
        if value is not None:
            setattr(e, field, value)


def open_questions_for(commission: Commission, section: SectionKey) -> list[str]:
    """The open questions a section leaves while incomplete, phrased as questions."""
    status = commission.section_status(section)
    return [
        f"{status.title}: {_question_only(_fill(texts.FOLLOW_UPS.get(m, m), commission))}"
        for m in status.missing
    ]


def _question_only(text: str) -> str:
    """The question itself, without the examples that follow it in the conversation."""
    return text.split("?", 1)[0] + "?" if "?" in text else text


def summary(c: Commission) -> str:
    """A compact Dutch overview for the confirmation step."""

    def val(value: object) -> str:
        return str(value) if value not in (None, "", []) else "_nog open_"

    r = c.resources
    stakeholders = join_nl(
        [
            s.name + (f" ({s.role or s.interest})" if (s.role or s.interest) else "")
            for s in c.stakeholders
        ]
    )
    lines = [
        f"- **Titel:** {val(c.title)}",
        f"- **Aanleiding:** {val(c.context)}",
        f"- **Doel:** {val(c.goal.statement)}",
        f"- **Resultaten:** {val('; '.join(c.goal.results))}",
        f"- **Thema's:** {val(join_nl([t.replace('_', ' ') for t in c.goal.themes]))}",
        f"- **Opdrachtgever:** {val(c.mandate.commissioner)}"
        + (f" ({c.mandate.level})" if c.mandate.level else ""),
        f"- **Beslisruimte:** {val(c.mandate.decision_space)}",
        f"- **Escalatie:** {val(c.mandate.escalation)}",
        f"- **Stakeholders:** {val(stakeholders)}",
        f"- **Budget:** {val(euro(r.budget_eur) if r.budget_eur is not None else None)}",
        f"- **Capaciteit:** "
        f"{val(number(r.capacity_fte) + ' fte' if r.capacity_fte is not None else None)}",
        f"- **Einddatum:** {val(dutch_date(r.deadline) if r.deadline else None)}",
        f"- **Kaders:** {val(join_nl(c.frameworks))}",
        f"- **Instrumenten:** {val(join_nl(c.instruments))}",
        f"- **Organisatie en werkwijze:** {val(c.organisation)}",
    ]
    if c.open_questions:
        lines.append("\n**Open vragen:**")
        lines += [f"- {q}" for q in c.open_questions]
    return "\n".join(lines)


def _known(c: Commission, section: SectionKey) -> str:
    r = c.resources
    parts: list[str] = []
    match section:
        case "mandate":
            if c.mandate.commissioner:
                parts.append(f"opdrachtgever {c.mandate.commissioner}")
            if c.mandate.level:
                parts.append(f"niveau {c.mandate.level}")
        case "resources":
            if r.budget_eur is not None:
                parts.append(f"budget {euro(r.budget_eur)}")
            if r.capacity_fte is not None:
                parts.append(f"{number(r.capacity_fte)} fte")
            if r.deadline:
                parts.append(f"einddatum {dutch_date(r.deadline)}")
        case "stakeholders":
            parts += [s.name for s in c.stakeholders]
        case "goal":
            if c.goal.statement:
                parts.append(f"het doel '{_short(c.goal.statement)}'")
        case "frameworks":
            parts += c.frameworks
        case "instruments":
            parts += c.instruments
        case _:
            pass
    return join_nl(parts)


def _fill(template: str, c: Commission) -> str:
    if "{" not in template:
        return template
    names = [s.name for s in c.stakeholders if not (s.role or s.interest)]
    some = bool(c.stakeholders)
    return template.format(
        names=join_nl(names) or "deze partijen",
        other="andere " if some else "",
        still="nog " if some else "",
    )


def _scalars(c: Commission) -> dict[str, object]:
    """The single values a correction can replace, to tell "Aangepast" from "Genoteerd"."""
    return {f.name: value_at(c, f.path) for f in SCALAR_FIELDS}


def _replaced(before: dict[str, object], after: dict[str, object]) -> bool:
    return any(before[k] not in (None, "") and before[k] != after[k] for k in before)


def _ack(changes: list[tuple[SectionKey | None, str]], *, correction: bool) -> list[str]:
    if not changes:
        return []
    items = join_nl(list(dict.fromkeys(label for _, label in changes)))
    return [(texts.CORRECTED if correction else texts.NOTED).format(items=items)]


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _new_items(existing: list[str], incoming: list[str]) -> list[str]:
    seen = {i.casefold() for i in existing}
    out: list[str] = []
    for item in incoming:
        if item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def _merge_stakeholders(
    existing: list[Stakeholder], incoming: list[Stakeholder]
) -> tuple[list[str], list[str]]:
    added: list[str] = []
    enriched: list[str] = []
    for s in incoming:
        match = next((x for x in existing if _same_party(x, s)), None)
        if match is None:
            existing.append(s.model_copy())
            added.append(s.name)
            continue
        if not (match.role or match.interest) and (s.role or s.interest):
            match.role, match.interest = s.role, s.interest
            enriched.append(match.name)
        if match.kind is None and s.kind:
            match.kind = s.kind
    return added, enriched


def _same_party(a: Stakeholder, b: Stakeholder) -> bool:
    x, y = a.name.casefold(), b.name.casefold()
    return x == y or x in y or y in x


_EXPLICIT: dict[str, re.Pattern[str]] = {
    field: re.compile(rf"\b(?:{words})\b\s*(?:is|:|wordt|moet)", re.IGNORECASE)
    for field, words in (
        ("context", "aanleiding"),
        ("goal_statement", "doel|doelstelling"),
        ("decision_space", "beslisruimte|mandaat"),
        ("escalation", "escalatie|escalatieroute"),
        ("organisation", "werkwijze|organisatie"),
        ("funding", "financiering|dekking"),
    )
}
# A description of a team needs no "is": "een integraal projectteam met wekelijks overleg".
_EXPLICIT["organisation_team"] = re.compile(
    r"\b(?:\w*projectteam|kernteam|integraal team|stuurgroep|bouwteam|wijkteam)\b", re.IGNORECASE
)


def _explicit_fields(text: str) -> set[str]:
    """Free-text fields the user names outright ("de werkwijze is ..."), after the summary."""
    named = {field for field, pattern in _EXPLICIT.items() if pattern.search(text)}
    return named | ({"organisation"} if "organisation_team" in named else set())
