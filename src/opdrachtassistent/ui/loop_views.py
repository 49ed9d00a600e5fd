"""HTML of the review loop for the tab "Beoordeling": status, shares, comment threads, the
diff of two versions and the audit trail. Everything a user typed is escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime

from opdrachtassistent.workflow.diff import Diff, section_title
from opdrachtassistent.workflow.model import (
    ACTION_LABELS,
    ROLE_LABELS,
    AuditEvent,
    Comment,
    Listed,
    Share,
    Standing,
    Version,
)
from opdrachtassistent.workflow.report import change_text, person
from opdrachtassistent.workflow.service import StatusInfo, section_label


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def moment(at: datetime | None) -> str:
    return "" if at is None else at.astimezone().strftime("%d-%m-%Y %H:%M")


def listed_label(item: Listed, actor: str) -> str:
    """One commission in the list of conversations: own ones with their completeness,
    a colleague's with whose it is, the user's role and the status."""
    when = moment(item.updated_at)
    status = item.status.replace("_", " ")
    if item.owner == actor or item.role == "owner":
        extra = "" if item.status == "concept" else f" · {status}"
        return f"{item.title} ({round(item.completeness * 100)}% compleet{extra}, {when})"
    role = ROLE_LABELS.get(item.role, item.role)
    return f"{item.title} (gedeeld door {person(item.owner)} · {role} · {status}, {when})"


def status_html(info: StatusInfo, standing: Standing | None, *, note: str = "") -> str:
    """Where the commission stands, and the user's own role."""
    if standing is None:
        return f'<div class="oa-loop-status"><p id="oa-loop-state">{e(note)}</p></div>'
    role = ROLE_LABELS.get(standing, standing)
    bits = [f"Status: <strong>{e(info.label)}</strong>"]
    if info.version:
        bits.append(f"versie {info.version}")
    bits.append(f"uw rol: {e(role)}")
    parts = [f'<p id="oa-loop-state">{" · ".join(bits)}</p>']
    if info.reason and info.status == "concept":
        who = f" ({e(person(info.by))}, {e(moment(info.at))})" if info.by else ""
        parts.append(f"<p>Teruggezet naar concept: {e(info.reason)}{who}</p>")
    if note:
        parts.append(f"<p>{e(note)}</p>")
    return f'<div class="oa-loop-status">{"".join(parts)}</div>'


def shares_html(shares: Sequence[Share]) -> str:
    if not shares:
        return "<p>Nog met niemand gedeeld.</p>"
    rows = "".join(
        f"<li>{e(person(s.user))}: {e(ROLE_LABELS.get(s.role, s.role))} "
        f"(door {e(person(s.by))}, {e(moment(s.at))})</li>"
        for s in shares
    )
    return f'<ul class="oa-shares">{rows}</ul>'


def comments_html(comments: Sequence[Comment]) -> str:
    """Every thread, oldest first, with its replies under it; open or afgehandeld."""
    if not comments:
        return "<p>Nog geen opmerkingen.</p>"
    roots = [c for c in comments if c.parent_id is None]
    parts = ['<ul class="oa-comments">']
    for root in roots:
        state = "afgehandeld" if root.resolved else "open"
        parts.append(
            f'<li class="oa-comment oa-comment-{state}" id="oa-comment-{root.id}">'
            f"<strong>#{root.id} {e(section_label(root.section))}</strong> · "
            f"{e(person(root.author))}, {e(moment(root.at))} · <em>{state}</em>"
            f"<p>{e(root.text)}</p>"
        )
        replies = [c for c in comments if c.parent_id == root.id]
        if replies:
            parts.append("<ul>")
            for r in replies:
                parts.append(f"<li>{e(person(r.author))}, {e(moment(r.at))}: {e(r.text)}</li>")
            parts.append("</ul>")
        parts.append("</li>")
    parts.append("</ul>")
    return "".join(parts)


def open_threads(comments: Sequence[Comment]) -> list[tuple[str, str]]:
    """The open threads as dropdown choices (label, id)."""
    return [
        (f"#{c.id} {section_label(c.section)}: {c.text[:60]}", str(c.id))
        for c in comments
        if c.parent_id is None and not c.resolved
    ]


def open_counts(comments: Sequence[Comment]) -> dict[str, int]:
    """How many open comments (threads) each section has ('' for the whole commission)."""
    counts: dict[str, int] = {}
    for c in comments:
        if c.parent_id is None and not c.resolved:
            key = c.section or ""
            counts[key] = counts.get(key, 0) + 1
    return counts


def version_choices(versions: Sequence[Version]) -> list[tuple[str, str]]:
    choices = [
        (
            f"versie {v.number} · {v.status.replace('_', ' ')} · {person(v.by)} · {moment(v.at)}",
            str(v.number),
        )
        for v in versions
    ]
    return choices


def diff_html(diff: Diff) -> str:
    """The changes per section, with who made each side and when."""

    def side(which: str) -> str:
        s = diff.old if which == "old" else diff.new
        name = f"versie {s.number}" if s.number is not None else "huidige tekst"
        bits = [name]
        if s.status:
            bits.append(s.status.replace("_", " "))
        if s.by:
            bits.append(f"door {person(s.by)}")
        if s.at:
            bits.append(moment(s.at))
        return ", ".join(bits)

    head = f"<p>Van {e(side('old'))} naar {e(side('new'))}.</p>"
    if diff.empty:
        return f'<div class="oa-diff">{head}<p>Geen verschillen.</p></div>'
    parts = [f'<div class="oa-diff">{head}']
    for section, changes in diff.by_section().items():
        parts.append(f"<h4>{e(section_title(section))}</h4><ul>")
        for c in changes:
            parts.append(f'<li class="oa-change oa-change-{c.kind}">{e(change_text(c))}</li>')
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def audit_html(events: Sequence[AuditEvent]) -> str:
    if not events:
        return "<p>Het logboek is leeg.</p>"
    rows = "".join(
        f"<tr><td>{e(moment(ev.at))}</td><td>{e(person(ev.actor))}</td>"
        f"<td>{e(ACTION_LABELS[ev.action])}</td><td>{e(_detail(ev.detail))}</td></tr>"
        for ev in events
    )
    return (
        '<table class="oa-audit"><thead><tr><th scope="col">Tijdstip</th>'
        '<th scope="col">Gebruiker</th><th scope="col">Handeling</th>'
        f'<th scope="col">Details</th></tr></thead><tbody>{rows}</tbody></table>'
    )


def _detail(detail: Mapping[str, object]) -> str:
    shown = []
    for key, value in sorted(detail.items()):
        if value is None:
            continue
        if key == "user" and isinstance(value, str):
            value = person(value)
        if key == "section" and isinstance(value, str):
            value = section_label(value)
        shown.append(f"{key}: {value}")
    return "; ".join(shown)
