"""The review loop as text a person reads or a programme office files: the change report of
a diff (Markdown or Word), the open comments as an appendix, and the audit trail as CSV,
JSON or Markdown.

Values are shown the Dutch way (amounts in euros, dates written out, fte with a comma);
user text is escaped for Markdown with the renderer's own `escape_inline`, and made safe
for XML in Word with `render.docx.clean`. Users are shown by name ("anna", not
"user:anna"). Times are UTC in the exports and local in the text reports.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from opdrachtassistent import fmt
from opdrachtassistent.auth.identity import OWNER_PREFIX
from opdrachtassistent.workflow.diff import KIND_LABELS, Change, Diff, section_title
from opdrachtassistent.workflow.model import (
    ACTION_LABELS,
    STATUS_LABELS,
    AuditEvent,
    Comment,
)

__all__ = [
    "AUDIT_HEADER",
    "add_comments_appendix",
    "audit_csv",
    "audit_json",
    "audit_markdown",
    "change_text",
    "comments_markdown",
    "diff_docx",
    "diff_markdown",
    "person",
    "value_text",
]

EMPTY = "(leeg)"
AUDIT_HEADER = ("tijdstip", "gebruiker", "handeling", "opdracht", "details")
COMMENTS_TITLE = "Openstaande opmerkingen"
WHOLE = "hele opdracht"


def person(owner: str | None) -> str:
    """The name of a user as people know it ("anna" for "user:anna")."""
    if not owner:
        return "onbekend"
    return owner[len(OWNER_PREFIX) :] if owner.startswith(OWNER_PREFIX) else "browser zonder login"


def _moment(at: datetime | None) -> str:
    return "" if at is None else at.astimezone().strftime("%d-%m-%Y %H:%M")


def value_text(value: Any, field: str = "") -> str:
    """One value of a change as a person reads it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if field.endswith("budget_eur") and isinstance(value, int | float):
        return fmt.euro(float(value))
    if field.endswith("capacity_fte") and isinstance(value, int | float):
        return f"{fmt.number(float(value))} fte"
    if field.endswith(("deadline", "start")) and isinstance(value, str):
        try:
            return fmt.dutch_date(date.fromisoformat(value))
        except ValueError:
            return value
    if isinstance(value, Mapping):  # a stakeholder
        facts = [str(value[k]) for k in ("kind", "role") if value.get(k)]
        name = str(value.get("name") or "")
        return f"{name} ({', '.join(facts)})" if facts else name
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return fmt.number(value)
    return str(value)


def change_text(change: Change) -> str:
    """One change in one line: what, how, from what to what."""
    what = change.label if change.item is None else f"{change.label} van {change.item}"
    if change.field == "stakeholders":
        what = change.label
    kind = KIND_LABELS[change.kind]
    if change.kind == "added":
        return f"{what} {kind}: {value_text(change.new, change.field)}"
    if change.kind == "removed":
        return f"{what} {kind}: {value_text(change.old, change.field)}"
    old, new = value_text(change.old, change.field), value_text(change.new, change.field)
    return f"{what} {kind}: {old} → {new}"


def _side_text(diff: Diff, which: str) -> str:
    side = diff.old if which == "old" else diff.new
    name = f"versie {side.number}" if side.number is not None else "huidige tekst"
    bits = [name]
    if side.status:
        labels: dict[str, str] = {str(k): v for k, v in STATUS_LABELS.items()}
        bits.append(labels.get(side.status, side.status))
    if side.by:
        bits.append(f"door {person(side.by)}")
    if side.at:
        bits.append(_moment(side.at))
    return ", ".join(bits)


def diff_markdown(diff: Diff, *, title: str = "") -> str:
    """The change report as Markdown: per section what was added, removed, changed."""
    from opdrachtassistent.render.markdown import escape_inline

    heading = "Wijzigingen" + (f": {escape_inline(title)}" if title.strip() else "")
    lines = [
        f"# {heading}",
        "",
        f"Van {escape_inline(_side_text(diff, 'old'))}  ",
        f"naar {escape_inline(_side_text(diff, 'new'))}",
        "",
    ]
    if diff.empty:
        lines += ["_Geen inhoudelijke wijzigingen._", ""]
    for section, changes in diff.by_section().items():
        lines += [f"## {escape_inline(section_title(section))}", ""]
        lines += [f"- {escape_inline(change_text(c))}" for c in changes]
        lines.append("")
    return "\n".join(lines)


def diff_docx(diff: Diff, *, title: str = "") -> bytes:
    """The change report as a Word document."""
    from docx import Document

    from opdrachtassistent.render.docx import clean

    doc: Any = Document()
    doc.add_heading(clean("Wijzigingen" + (f": {title}" if title.strip() else "")), level=0)
    doc.add_paragraph(clean(f"Van {_side_text(diff, 'old')}"))
    doc.add_paragraph(clean(f"naar {_side_text(diff, 'new')}"))
    if diff.empty:
        doc.add_paragraph("Geen inhoudelijke wijzigingen.").runs[0].italic = True
    for section, changes in diff.by_section().items():
        doc.add_heading(clean(section_title(section)), level=1)
        for change in changes:
            doc.add_paragraph(clean(change_text(change)), style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def comments_markdown(comments: Sequence[Comment]) -> str:
    """The open comments as an appendix (resolved ones are left out), per section, replies
    indented under their comment; '' when none are open."""
    from opdrachtassistent.render.markdown import escape_inline

    open_ones = [c for c in comments if not c.resolved]
    if not open_ones:
        return ""
    lines = [f"## {COMMENTS_TITLE}", ""]
    roots = [c for c in open_ones if c.parent_id is None]
    replies = [c for c in open_ones if c.parent_id is not None]
    for root in roots:
        where = section_title(root.section) if root.section else WHOLE
        lines.append(
            f"- **{escape_inline(where)}**, {escape_inline(person(root.author))} "
            f"({_moment(root.at)}): {escape_inline(root.text)}"
        )
        for reply in (r for r in replies if r.parent_id == root.id):
            lines.append(
                f"  - {escape_inline(person(reply.author))} ({_moment(reply.at)}): "
                f"{escape_inline(reply.text)}"
            )
    lines.append("")
    return "\n".join(lines)


def add_comments_appendix(doc: Any, comments: Sequence[Comment]) -> bool:
    """Add the open comments to a python-docx document as an appendix (a heading and one
    paragraph per comment, replies indented); False, and nothing added, when none are
    open. For the Word export, which may leave them out."""
    from docx.shared import Cm

    from opdrachtassistent.render.docx import clean

    open_ones = [c for c in comments if not c.resolved]
    if not open_ones:
        return False
    doc.add_heading(COMMENTS_TITLE, level=1)
    for root in (c for c in open_ones if c.parent_id is None):
        where = section_title(root.section) if root.section else WHOLE
        paragraph = doc.add_paragraph()
        paragraph.add_run(
            clean(f"{where}, {person(root.author)} ({_moment(root.at)}): ")
        ).bold = True
        paragraph.add_run(clean(root.text))
        for reply in (r for r in open_ones if r.parent_id == root.id):
            answer = doc.add_paragraph()
            answer.paragraph_format.left_indent = Cm(1)
            answer.add_run(clean(f"{person(reply.author)} ({_moment(reply.at)}): ")).italic = True
            answer.add_run(clean(reply.text))
    return True


def _detail_text(event: AuditEvent) -> str:
    parts = []
    for key, value in sorted(event.detail.items()):
        if value is None:
            continue
        shown = person(value) if key == "user" and isinstance(value, str) else value
        parts.append(f"{key}={shown}")
    return "; ".join(parts)


def audit_csv(events: Sequence[AuditEvent]) -> str:
    """The audit trail as CSV (UTF-8, comma-separated, a header row; times in UTC ISO)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(AUDIT_HEADER)
    for e in events:
        writer.writerow((e.at.isoformat(), e.actor, e.action, e.conversation_id, _detail_text(e)))
    return out.getvalue()


def audit_json(events: Sequence[AuditEvent]) -> str:
    """The audit trail as a JSON list: what happened (`action`), by whom (`actor`), to which
    record (`conversation_id`), when (`at`, UTC), with its `detail`."""
    rows = [e.model_dump(mode="json") for e in events]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def audit_markdown(events: Sequence[AuditEvent], *, title: str = "") -> str:
    """The audit trail as a Markdown table, oldest first."""
    from opdrachtassistent.render.markdown import escape_inline

    heading = "Logboek" + (f": {escape_inline(title)}" if title.strip() else "")
    lines = [
        f"# {heading}",
        "",
        "| Tijdstip | Gebruiker | Handeling | Details |",
        "|---|---|---|---|",
    ]
    for e in events:
        lines.append(
            f"| {_moment(e.at)} | {escape_inline(person(e.actor))} | "
            f"{ACTION_LABELS[e.action]} | {escape_inline(_detail_text(e))} |"
        )
    lines.append("")
    return "\n".join(lines)
