"""What the interview says about the commission: the summary, the open questions, what is
already known of a section, and follow-up questions filled in with names.
"""

from __future__ import annotations

from opdrachtassistent.commission import Commission, SectionKey
from opdrachtassistent.dialogue import texts
from opdrachtassistent.fmt import dutch_date, euro, join_nl, number
from opdrachtassistent.usertext import literal_inline


def open_questions_for(commission: Commission, section: SectionKey) -> list[str]:
    """The open questions a section leaves while incomplete, phrased as questions."""
    status = commission.section_status(section)
    return [
        f"{status.title}: {_question_only(fill(texts.FOLLOW_UPS.get(m, m), commission))}"
        for m in status.missing
    ]


def refusal(field: str, quote: str, problem: str, *, open_question: bool = False) -> str:
    """What is said about a value that cannot be used: in the conversation, a question
    back; in a draft, an open question."""
    templates = texts.REFUSED_OPEN if open_question else texts.REFUSED
    return templates[field].format(quote=quote, problem=texts.PROBLEMS[problem])


def _question_only(text: str) -> str:
    """The question itself, without the examples that follow it in the conversation."""
    return text.split("?", 1)[0] + "?" if "?" in text else text


def summary(c: Commission) -> str:
    """A compact Dutch overview for the confirmation step; every value shows as typed."""

    def val(value: object) -> str:
        return literal_inline(str(value)) if value not in (None, "", []) else "_nog open_"

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
        + (f" ({literal_inline(c.mandate.level)})" if c.mandate.level else ""),
        f"- **Beslisruimte:** {val(c.mandate.decision_space)}",
        f"- **Escalatie:** {val(c.mandate.escalation)}",
        f"- **Stakeholders:** {val(stakeholders)}",
        f"- **Budget:** {val(euro(r.budget_eur) if r.budget_eur is not None else None)}",
        f"- **Capaciteit:** "
        f"{val(number(r.capacity_fte) + ' fte' if r.capacity_fte is not None else None)}",
        f"- **Einddatum:** {val(dutch_date(r.deadline) if r.deadline else None)}",
        *([f"- **Start uitvoering:** {dutch_date(r.start)}"] if r.start else []),
        f"- **Kaders:** {val(join_nl(c.frameworks))}",
        f"- **Instrumenten:** {val(join_nl(c.instruments))}",
        f"- **Organisatie en werkwijze:** {val(c.organisation)}",
    ]
    if c.open_questions:
        lines.append("\n**Open vragen:**")
        lines += [f"- {literal_inline(q)}" for q in c.open_questions]
    return "\n".join(lines)


def known(c: Commission, section: SectionKey) -> str:
    """What is already known of a section, as a Markdown-inert phrase."""
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
            if r.start:
                parts.append(f"start uitvoering {dutch_date(r.start)}")
        case "stakeholders":
            parts += [s.name for s in c.stakeholders]
        case "goal":
            if c.goal.statement:
                parts.append(f"het doel '{short(c.goal.statement)}'")
        case "frameworks":
            parts += c.frameworks
        case "instruments":
            parts += c.instruments
        case _:
            pass
    return literal_inline(join_nl(parts))


def fill(template: str, c: Commission) -> str:
    if "{" not in template:
        return template
    names = [s.name for s in c.stakeholders if not (s.role or s.interest)]
    some = bool(c.stakeholders)
    return template.format(
        names=literal_inline(join_nl(names)) or "deze partijen",
        other="andere " if some else "",
        still="nog " if some else "",
    )


def short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
