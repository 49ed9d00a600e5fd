"""The quality check (kwaliteitstoets): where would this commission push administrative
questions into execution?

Each rule of the table in `reviewing.rules` has one small check here, registered against its
id; a check says whether (and with which values) its rule fires, the table says how serious
it is, what the finding says and what it cites. Findings cite corpus passages through a
`Retriever` when one is given; without one the rules work the same and `sources` stay empty.

Pure: stdlib, pydantic and the core modules only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission, SectionKey
from opdrachtassistent.lang.nl.cues import review as cues
from opdrachtassistent.passages import Retriever
from opdrachtassistent.reviewing.citations import Sources
from opdrachtassistent.reviewing.model import SEVERITY_ORDER, Finding, Review, Severity
from opdrachtassistent.reviewing.rules import (
    CRITICAL_PARTIES,
    FRAMEWORK_REQUIREMENTS,
    IMPLIED_PARTIES,
    INTEGRAL_PREPARATION_MONTHS,
    OPEN_QUESTIONS_JOINED,
    PARTY_PASSAGES,
    PREPARATION_MONTHS,
    RULES,
)
from opdrachtassistent.reviewing.verdict import verdict
from opdrachtassistent.reviewing.vocabulary import (
    _KIND_LABELS,
    _commissioner_level,
    stakeholder_kinds,
)
from opdrachtassistent.reviewing.wording import Value, fill, join, quoted, text, theme_label, words

__all__ = ["CHECKS", "Finding", "Hit", "Review", "Severity", "review"]


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_NUMBERISH = _cue(cues.NUMBERISH)
_ACTIVITY = _cue(cues.ACTIVITY)
_OUTCOME = _cue(cues.OUTCOME)
_COOPERATION = _cue(cues.COOPERATION)
_SHARED_FUNDING = _cue(cues.SHARED_FUNDING)
_DISCIPLINE_BUDGETS = {theme: _cue(p) for theme, p in cues.DISCIPLINE_BUDGETS.items()}
_FRAMEWORK_ALIASES = {key: _cue(p) for key, p in cues.FRAMEWORK_ALIASES.items()}
_QUESTION_SECTIONS = tuple((key, _cue(p)) for key, p in cues.QUESTION_SECTIONS)


@dataclass(frozen=True)
class Hit:
    """A rule fires: the values its message needs, and what differs from its table row."""

    values: Mapping[str, Value] = field(default_factory=dict)
    severity: Severity | None = None  # None: the table's
    section: SectionKey | None = None  # None: the table's
    pins: tuple[str, ...] = ()  # passages to cite first, for this finding in particular


Check = Callable[[Commission, date], Iterable[Hit]]
CHECKS: dict[str, Check] = {}


def check(rule: str) -> Callable[[Check], Check]:
    """Register a check against its rule id in the table."""

    def register(fn: Check) -> Check:
        CHECKS[rule] = fn
        return fn

    return register


# --------------------------------------------------------------------------------------------
# What the checks read from a commission


def _themes(c: Commission) -> list[str]:
    return list(dict.fromkeys(c.goal.themes))


def _is_integral(c: Commission) -> bool:
    return len(_themes(c)) >= 2


def _months_between(start: date, end: date) -> float:
    return (end - start).days / 30.44


def _question_section(question: str) -> SectionKey:
    """The section a question names as its prefix ('Middelen: ...'), else by its words."""
    folded = question.strip().casefold()
    for key in SECTIONS:
        if folded.startswith(SECTION_TITLES[key].casefold() + ":"):
            return key
    return next((key for key, pattern in _QUESTION_SECTIONS if pattern.search(question)), "context")


def _strip_section_prefix(question: str) -> str:
    """'Middelen: geld, capaciteit en tijd: Hoeveel fte?' -> 'Hoeveel fte?'."""
    folded = question.casefold()
    for key in SECTIONS:
        prefix = SECTION_TITLES[key].casefold() + ":"
        if folded.startswith(prefix):
            return question[len(prefix) :].strip()
    return question


def _open_questions(c: Commission) -> dict[SectionKey, list[str]]:
    """The open questions per section, in section order, without their section prefix."""
    grouped: dict[SectionKey, list[str]] = {}
    for q in c.open_questions:
        if q.strip():
            grouped.setdefault(_question_section(q), []).append(_strip_section_prefix(q.strip()))
    return {key: grouped[key] for key in SECTIONS if key in grouped}


# --------------------------------------------------------------------------------------------
# The checks, one per rule id


@check("geen_context")
def _no_context(c: Commission, today: date) -> Iterable[Hit]:
    if words(c.context) < 4:
        yield Hit()


@check("geen_doel")
def _no_goal(c: Commission, today: date) -> Iterable[Hit]:
    if not text(c.goal.statement):
        yield Hit()


@check("doel_is_activiteit")
def _goal_is_activity(c: Commission, today: date) -> Iterable[Hit]:
    statement = text(c.goal.statement)
    if statement and _ACTIVITY.search(statement) and not _OUTCOME.search(statement):
        yield Hit({"statement": statement})


@check("geen_resultaten")
def _no_results(c: Commission, today: date) -> Iterable[Hit]:
    if not c.goal.results:
        yield Hit()


@check("resultaat_niet_meetbaar")
def _results_not_measurable(c: Commission, today: date) -> Iterable[Hit]:
    vague = [r for r in c.goal.results if not _NUMBERISH.search(r)]
    if c.goal.results and len(vague) == len(c.goal.results):
        yield Hit({"results": join(f"'{r}'" for r in vague[:3])})


@check("geen_thema")
def _no_themes(c: Commission, today: date) -> Iterable[Hit]:
    if not c.goal.themes:
        yield Hit()


@check("geen_opdrachtgever")
def _no_commissioner(c: Commission, today: date) -> Iterable[Hit]:
    if not text(c.mandate.commissioner):
        yield Hit()


@check("mandaat_niveau")
def _mandate_level(c: Commission, today: date) -> Iterable[Hit]:
    level = _commissioner_level(c)
    if text(c.mandate.commissioner) and _is_integral(c) and level in ("ambtelijk", "afdeling"):
        themes = _themes(c)
        yield Hit(
            {
                "count": len(themes),
                "themes": join(map(theme_label, themes)),
                "level": level,
                "commissioner": str(c.mandate.commissioner),
            }
        )


@check("niveau_onbekend")
def _level_unknown(c: Commission, today: date) -> Iterable[Hit]:
    if text(c.mandate.commissioner) and _commissioner_level(c) is None:
        yield Hit({"commissioner": str(c.mandate.commissioner)})


@check("geen_beslisruimte")
def _no_decision_space(c: Commission, today: date) -> Iterable[Hit]:
    if not text(c.mandate.decision_space):
        yield Hit()


@check("geen_escalatie")
def _no_escalation(c: Commission, today: date) -> Iterable[Hit]:
    if not text(c.mandate.escalation):
        yield Hit()


@check("te_weinig_stakeholders")
def _too_few_stakeholders(c: Commission, today: date) -> Iterable[Hit]:
    if len(c.stakeholders) < 2:
        yield Hit({"count": len(c.stakeholders)})


@check("stakeholder_ontbreekt")
def _party_missing(c: Commission, today: date) -> Iterable[Hit]:
    present = stakeholder_kinds(c)
    missing: dict[tuple[str, ...], list[str]] = {}
    for theme in _themes(c):
        for group in IMPLIED_PARTIES.get(theme, ()):
            if not present.intersection(group):
                missing.setdefault(group, []).append(theme)
    for group, themes in missing.items():
        yield Hit(
            {
                "themes": join(map(theme_label, themes)),
                "themes_count": len(themes),
                "who": " of ".join(_KIND_LABELS.get(k, k) for k in group),
                "kinds_count": len(group),
            },
            severity="hoog" if CRITICAL_PARTIES.intersection(group) else None,
            pins=tuple(dict.fromkeys(PARTY_PASSAGES[k] for k in group if k in PARTY_PASSAGES)),
        )


@check("stakeholder_zonder_rol")
def _stakeholder_without_role(c: Commission, today: date) -> Iterable[Hit]:
    unclear = [s.name for s in c.stakeholders if not (s.role or s.interest)]
    if unclear:
        yield Hit({"names": join(unclear[:5])})


@check("geen_budget")
def _no_budget(c: Commission, today: date) -> Iterable[Hit]:
    if c.resources.budget_eur is None:
        yield Hit()


@check("geen_capaciteit")
def _no_capacity(c: Commission, today: date) -> Iterable[Hit]:
    if c.resources.capacity_fte is None:
        yield Hit()


@check("geen_deadline")
def _no_deadline(c: Commission, today: date) -> Iterable[Hit]:
    if c.resources.deadline is None:
        yield Hit()


@check("budget_een_discipline")
def _single_discipline_budget(c: Commission, today: date) -> Iterable[Hit]:
    themes = _themes(c)
    funding = text(c.resources.funding)
    if len(themes) < 2 or not funding or _SHARED_FUNDING.search(funding):
        return
    disciplines = [d for d, p in _DISCIPLINE_BUDGETS.items() if p.search(funding)]
    if len(disciplines) == 1:
        yield Hit(
            {
                "themes": join(map(theme_label, themes)),
                "funding": funding,
                "discipline": theme_label(disciplines[0]),
            }
        )


@check("deadline_verstreken")
def _deadline_passed(c: Commission, today: date) -> Iterable[Hit]:
    deadline = c.resources.deadline
    if deadline is not None and deadline < today:
        yield Hit({"deadline": deadline.isoformat()})


@check("deadline_te_krap")
def _deadline_too_tight(c: Commission, today: date) -> Iterable[Hit]:
    deadline = c.resources.deadline
    if deadline is None or deadline < today:
        return
    themes = _themes(c)
    needs = [(PREPARATION_MONTHS[t], t) for t in themes if t in PREPARATION_MONTHS]
    needed = max((n for n, _ in needs), default=0)
    if not needed and len(themes) >= 2:
        needed = INTEGRAL_PREPARATION_MONTHS
    months = _months_between(today, deadline)
    if needed and months < needed:
        slow = [theme_label(t) for n, t in needs if n == needed]
        yield Hit(
            {
                "months": max(0, int(months)),
                "needed": needed,
                "slow_themes": join(slow),
                "slow_count": len(slow),
            }
        )


@check("geen_kaders")
def _no_frameworks(c: Commission, today: date) -> Iterable[Hit]:
    if not c.frameworks and not _themes(c):
        yield Hit()


@check("kader_ontbreekt")
def _framework_missing(c: Commission, today: date) -> Iterable[Hit]:
    themes = _themes(c)
    named = " | ".join([*c.frameworks, *c.instruments])
    for fw in FRAMEWORK_REQUIREMENTS:
        applies = len(themes) >= 2 if fw.theme is None else fw.theme in themes
        if applies and not _FRAMEWORK_ALIASES[fw.key].search(named):
            yield Hit({"label": fw.label, "why": fw.why}, severity=fw.severity, pins=(fw.passage,))


@check("geen_instrumenten")
def _no_instruments(c: Commission, today: date) -> Iterable[Hit]:
    if not c.instruments:
        yield Hit()


@check("geen_organisatie")
def _no_organisation(c: Commission, today: date) -> Iterable[Hit]:
    if words(c.organisation) < 4:
        yield Hit(severity="hoog" if _is_integral(c) else None)


@check("organisatie_zonder_samenwerking")
def _organisation_without_cooperation(c: Commission, today: date) -> Iterable[Hit]:
    organisation = text(c.organisation)
    if words(organisation) >= 4 and _is_integral(c) and not _COOPERATION.search(organisation):
        yield Hit()


@check("open_vragen")
def _open_questions_remain(c: Commission, today: date) -> Iterable[Hit]:
    """One hit per section with open questions; `review` joins those in a section another
    rule flags into that finding."""
    for key, questions in _open_questions(c).items():
        yield Hit(
            {"count": len(questions), "title": SECTION_TITLES[key], "questions": quoted(questions)},
            section=key,
        )


# --------------------------------------------------------------------------------------------
# The review: every check in table order, open questions joined, citations, the verdict


@dataclass
class _Pending:
    severity: Severity
    section: SectionKey
    rule: str
    message: str
    pins: tuple[str, ...]

    def order(self) -> tuple[int, int]:
        return SEVERITY_ORDER[self.severity], SECTIONS.index(self.section)


def _quote(c: Commission, rule_id: str) -> str | None:
    """The recorded sentence behind the value a rule's finding is about, if any."""
    about = next((r.about for r in RULES if r.id == rule_id), None)
    origin = c.provenance.get(about) if about else None
    return origin.quote if origin else None


def review(
    commission: Commission,
    *,
    retriever: Retriever | None = None,
    today: date | None = None,
) -> Review:
    """Check a commission for the bottlenecks the essay warns about.

    `today` anchors the deadline rules (default: the current date); `retriever` supplies the
    passages each finding cites (None: no sources, same findings).
    """
    when = today or date.today()
    found: list[_Pending] = []
    questions: dict[SectionKey, Hit] = {}
    for rule in RULES:
        for hit in CHECKS[rule.id](commission, when):
            section = hit.section or rule.section
            assert section is not None, f"{rule.id}: a hit without a section"
            if rule.id == "open_vragen":
                questions[section] = hit
                continue
            message = fill(rule.message, hit.values)
            found.append(
                _Pending(hit.severity or rule.severity, section, rule.id, message, hit.pins)
            )
    found.sort(key=_Pending.order)
    # An open question about a section that a rule already flags is the same gap: it joins
    # the most serious finding there instead of appearing as a second finding.
    covered = {p.section for p in found}
    for key in covered & questions.keys():
        first = next(p for p in found if p.section == key)
        values = {**questions[key].values, "message": first.message}
        first.message = fill(OPEN_QUESTIONS_JOINED, values)
    open_rule = next(rule for rule in RULES if rule.id == "open_vragen")
    for key, hit in questions.items():
        if key not in covered:
            message = fill(open_rule.message, hit.values)
            found.append(_Pending(open_rule.severity, key, open_rule.id, message, hit.pins))
    sources = Sources(retriever)
    findings = [
        Finding(
            severity=p.severity,
            section=p.section,
            rule=p.rule,
            message=p.message,
            sources=sources(p.rule, p.section, p.pins),
            quote=_quote(commission, p.rule),
        )
        for p in found
    ]
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], SECTIONS.index(f.section)))
    asked = sum(int(hit.values["count"]) for hit in questions.values())
    sentence, ready = verdict(findings, asked)
    return Review(findings=findings, verdict=sentence, ready=ready)
