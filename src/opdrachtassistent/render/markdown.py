"""A clear Dutch Markdown rendering of a commission, with the review as an appendix.

Everything a user typed goes through `escape`, so no HTML, link, image or other markup in
the commission survives as markup: `<script>` shows as text and `[x](javascript:...)` does
not become a link, whichever Markdown renderer shows the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission, SectionKey
from opdrachtassistent.render import labels as common
from opdrachtassistent.render import origins
from opdrachtassistent.reviewing.checks import Review
from opdrachtassistent.usertext import clean, literal

if TYPE_CHECKING:
    from opdrachtassistent.workflow.model import Comment

_BLANKS = re.compile(r"[ \t]+")


def escape(text: str) -> str:
    """Make user text inert in Markdown (and HTML): it renders exactly as typed."""
    return literal(html.escape(clean(text), quote=False))


def escape_inline(text: str) -> str:
    """Escape and fold onto one line (for table cells, list items and headings)."""
    return escape(_BLANKS.sub(" ", " ".join(text.split())))


def _paragraphs(text: str) -> str:
    """Escape multi-line user text, keeping its paragraphs and line breaks."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "\n\n".join(
        "  \n".join(escape_inline(line) for line in block.splitlines() if line.strip())
        for block in blocks
    )


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(escape_inline(cell) for cell in row) + " |" for row in rows]
    return lines


def _missing(value: str) -> str:
    return f"_{common.NOT_FILLED}_" if value == common.NOT_FILLED else escape_inline(value)


def _section_body(c: Commission, key: SectionKey) -> list[str]:
    match key:
        case "context":
            return (
                [_paragraphs(c.context)]
                if c.context and c.context.strip()
                else [_missing(common.NOT_FILLED)]
            )
        case "goal":
            g = c.goal
            lines = [f"**Doelstelling:** {_missing(g.statement or common.NOT_FILLED)}", ""]
            lines.append("**Beoogde resultaten:**")
            lines += [f"- {escape_inline(r)}" for r in g.results] or [f"- _{common.NOT_FILLED}_"]
            themes = ", ".join(common.theme_label(t) for t in g.themes)
            lines += ["", f"**Thema's:** {themes or '_' + common.NOT_FILLED + '_'}"]
            return lines
        case "mandate":
            return [f"- **{label}:** {_missing(value)}" for label, value in common.mandate_rows(c)]
        case "stakeholders":
            if not c.stakeholders:
                return ["_Nog geen stakeholders benoemd._"]
            return _table(common.STAKEHOLDER_HEADER, common.stakeholder_rows(c))
        case "resources":
            return _table(common.RESOURCES_HEADER, list(common.resource_rows(c)))
        case "frameworks" | "instruments":
            items = c.frameworks if key == "frameworks" else c.instruments
            return [f"- {escape_inline(i)}" for i in items] or [_missing(common.NOT_FILLED)]
        case "organisation":
            if c.organisation and c.organisation.strip():
                return [_paragraphs(c.organisation)]
            return [_missing(common.NOT_FILLED)]


def _review_lines(review: Review) -> list[str]:
    lines = [f"## {common.APPENDIX_TITLE}", "", f"**Oordeel:** {escape_inline(review.verdict)}", ""]
    if not review.findings:
        lines += ["Geen bevindingen.", ""]
    for severity, findings in common.findings_by_severity(review):
        lines += [f"### {common.SEVERITY_LABELS[severity]} ({len(findings)})", ""]
        for f in findings:
            section = SECTION_TITLES[f.section]
            lines.append(f"- **{section}**: {escape_inline(f.message)}")
            if f.quote:
                lines.append(f"  _{common.QUOTE_LEAD}: «{escape_inline(f.quote)}»_")
            if f.sources:
                lines.append(f"  _Bronnen: {escape_inline(common.source_text(f))}_")
        lines.append("")
    sources = common.source_list(review)
    if sources:
        lines += [f"### {common.SOURCES_TITLE}", ""]
        lines += [f"{i}. {escape_inline(s)}" for i, s in enumerate(sources, 1)]
        lines.append("")
    return lines + _remark_lines(review)


def _remark_lines(review: Review) -> list[str]:
    """The model's remarks: their own heading after the findings, never among them."""
    rows = common.model_remark_rows(review)
    if not rows:
        return []
    lines = [f"### {common.MODEL_REMARKS_TITLE}", "", f"_{common.MODEL_REMARKS_INTRO}_", ""]
    lines += [f"- **{section}**: {escape_inline(text)}" for section, text in rows]
    return [*lines, ""]


def _origin_lines(c: Commission) -> list[str]:
    """The Herkomst appendix: every value with its source and the sentence that gave it."""
    rows = origins.origin_rows(c)
    if not rows:
        return []
    lines = [f"## {origins.TITLE}", "", origins.INTRO, ""]
    lines += _table(
        origins.HEADER,
        [(r.label, r.value, r.source, f"«{r.quote}»" if r.quote else "") for r in rows],
    )
    return [*lines, ""]


def to_markdown(
    commission: Commission,
    review: Review | None = None,
    *,
    today: date | None = None,
    comments: Sequence[Comment] = (),
) -> str:
    """The whole commission as Dutch Markdown; the review (if given) as an appendix, the
    open `comments` of the review loop (if any) after it."""
    c = commission
    done = c.completeness()
    lines = [
        f"# {escape_inline(common.title_of(c))}",
        "",
        f"*{common.DOCUMENT_KIND}*",
        "",
        "| Gegeven | Waarde |",
        "|---|---|",
        f"| Datum | {common.dutch_date(today or date.today())} |",
        f"| Opdrachtgever | {_missing(c.mandate.commissioner or common.NOT_FILLED)} |",
        f"| Status | {common.overall_status(c)} |",
        "",
        "## Overzicht",
        "",
        "| Onderdeel | Status |",
        "|---|---|",
    ]
    lines += [
        f"| {SECTION_TITLES[key]} | {escape_inline(common.status_text(done.sections[key]))} |"
        for key in SECTIONS
    ]
    lines.append("")
    for number, key in enumerate(SECTIONS, start=1):
        status = done.sections[key]
        lines += [
            f"## {number}. {SECTION_TITLES[key]}",
            "",
            f"_Status: {escape_inline(common.status_text(status))}_",
            "",
            *_section_body(c, key),
            "",
        ]
    lines += [f"## {common.OPEN_QUESTIONS_TITLE}", ""]
    questions = [q for q in c.open_questions if q.strip()]
    lines += [f"{i}. {escape_inline(q)}" for i, q in enumerate(questions, 1)] or [
        "Geen open vragen."
    ]
    lines.append("")
    lines += _origin_lines(c)
    if review is not None:
        lines += _review_lines(review)
    if comments:
        from opdrachtassistent.workflow.report import comments_markdown

        lines += ["", comments_markdown(comments)]
    return "\n".join(lines).rstrip() + "\n"
