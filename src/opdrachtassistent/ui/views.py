"""The app's views as HTML: the live document, progress, sources, review and chat messages.

Pure functions from core objects to strings. Every value that a user (or a corpus file)
supplied passes through `html.escape` or the Markdown escaper before it reaches the page,
so nothing typed becomes markup. Accessibility: real headings, lists and tables, a native
`<progress>` with a text equivalent, and states written out in words, not only in colour.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission, SectionKey
from opdrachtassistent.dialogue import texts
from opdrachtassistent.dialogue.texts import WHY
from opdrachtassistent.fmt import dutch_date, euro, number
from opdrachtassistent.passages import Passage
from opdrachtassistent.render import labels as common
from opdrachtassistent.render import origins
from opdrachtassistent.render.markdown import escape as escape_markdown

if TYPE_CHECKING:
    from opdrachtassistent.dialogue.interview import ChatMessage
    from opdrachtassistent.reviewing.checks import Review

e = html.escape

STATE_WORDS = {"compleet": "compleet", "gedeeltelijk": "gedeeltelijk", "leeg": "nog leeg"}
STATE_ICON = {"compleet": "✓", "gedeeltelijk": "◐", "leeg": "○"}
NOT_FILLED = "nog niet ingevuld"
SEVERITY_WORDS = {"hoog": "Hoog risico", "midden": "Middelgroot risico", "laag": "Laag risico"}


def chat_messages(messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
    """Messages for `gr.Chatbot`. What the user typed is escaped for Markdown and HTML, so it
    renders exactly as typed; the assistant's own Markdown (bold section names) is kept, with
    any HTML in it (echoed user text) escaped."""
    return [
        {
            "role": m.role,
            "content": escape_markdown(m.content) if m.role == "user" else e(m.content, False),
        }
        for m in messages
    ]


def progress_html(commission: Commission) -> str:
    done = commission.completeness()
    pct = round(done.fraction * 100)
    complete = sum(1 for s in done.sections.values() if s.state == "compleet")
    items = "".join(
        f'<li class="oa-state-{s.state}"><span aria-hidden="true">{STATE_ICON[s.state]}</span> '
        f"{e(s.title)}: <strong>{STATE_WORDS[s.state]}</strong>"
        + (
            f'<span class="oa-missing"> (ontbreekt: {e(", ".join(s.missing))})</span>'
            if s.missing and s.state != "leeg"
            else ""
        )
        + "</li>"
        for s in done.sections.values()
    )
    return (
        '<section class="oa-progress" aria-labelledby="oa-progress-title">'
        '<h2 id="oa-progress-title">Voortgang</h2>'
        f'<label for="oa-progressbar">De opdracht is voor {pct}% compleet '
        f"({complete} van {len(done.sections)} onderdelen compleet).</label>"
        f'<progress id="oa-progressbar" max="100" value="{pct}" data-value="{pct}">{pct}%'
        "</progress>"
        f'<ul class="oa-sections">{items}</ul>'
        "</section>"
    )


def bron_html(c: Commission, path: str, *, name: str | None = None) -> str:
    """Where the value at `path` came from, beside it: a muted "bron" line whose quote
    opens with the keyboard (a native <details>); empty when nothing is recorded."""
    origin = c.provenance.get(path)
    if origin is None:
        return ""
    where = origins.source_text(origin)
    about = f"{e(name)}: " if name else ""
    label = f'<span class="oa-sr"> van {e(origins.field_label(c, path))}</span>'
    if not origin.quote:
        return f'<span class="oa-bron">bron{label}: {about}{e(where)}</span>'
    return (
        f'<details class="oa-bron"><summary>bron{label}: {about}{e(where)}</summary>'
        f"<q>{e(origin.quote)}</q></details>"
    )


def _para(text: str | None, bron: str = "") -> str:
    if not text or not text.strip():
        return f'<p class="oa-empty">{NOT_FILLED}</p>'
    blocks = [b for b in text.replace("\r", "").split("\n\n") if b.strip()]
    return "".join("<p>" + e(b.strip()).replace("\n", "<br>") + "</p>" for b in blocks) + bron


def _list(items: Sequence[str], c: Commission | None = None, path: str = "") -> str:
    if not items:
        return f'<p class="oa-empty">{NOT_FILLED}</p>'
    return (
        "<ul>"
        + "".join(
            f"<li>{e(item)}{bron_html(c, f'{path}.{i}') if c is not None else ''}</li>"
            for i, item in enumerate(items)
        )
        + "</ul>"
    )


def _rows(rows: Sequence[tuple[str, str] | tuple[str, str, str]]) -> str:
    """A definition list; a row's third part is the HTML of its "bron" line."""
    return (
        "<dl>"
        + "".join(
            f"<dt>{e(row[0])}</dt><dd{' class=oa-empty' if not row[1] else ''}>"
            f"{e(row[1] or NOT_FILLED)}{row[2] if len(row) > 2 else ''}</dd>"
            for row in rows
        )
        + "</dl>"
    )


def _section_body(c: Commission, key: SectionKey) -> str:
    match key:
        case "context":
            return _para(c.context, bron_html(c, "context"))
        case "goal":
            g = c.goal
            themes = "".join(
                bron_html(c, f"goal.themes.{i}", name=t.replace("_", " "))
                for i, t in enumerate(g.themes)
            )
            return (
                _rows([("Doelstelling", g.statement or "", bron_html(c, "goal.statement"))])
                + "<h4>Beoogde resultaten</h4>"
                + _list(g.results, c, "goal.results")
                + _rows([("Thema's", ", ".join(t.replace("_", " ") for t in g.themes), themes)])
            )
        case "mandate":
            m = c.mandate
            return _rows(
                [
                    ("Opdrachtgever", m.commissioner or "", bron_html(c, "mandate.commissioner")),
                    ("Niveau", m.level or "", bron_html(c, "mandate.level")),
                    (
                        "Beslisruimte",
                        m.decision_space or "",
                        bron_html(c, "mandate.decision_space"),
                    ),
                    ("Escalatie", m.escalation or "", bron_html(c, "mandate.escalation")),
                ]
            )
        case "stakeholders":
            if not c.stakeholders:
                return f'<p class="oa-empty">{NOT_FILLED}</p>'
            rows = "".join(
                f"<tr><th scope='row'>{e(s.name)}{bron_html(c, f'stakeholders.{i}')}</th>"
                f"<td>{e(s.kind or '')}</td>"
                f"<td>{e(s.role or '')}{bron_html(c, f'stakeholders.{i}.role')}</td>"
                f"<td>{e(s.interest or '')}{bron_html(c, f'stakeholders.{i}.interest')}</td></tr>"
                for i, s in enumerate(c.stakeholders)
            )
            return (
                "<table class='oa-table'><caption class='oa-sr'>Stakeholders</caption><thead><tr>"
                "<th scope='col'>Naam</th><th scope='col'>Soort</th><th scope='col'>Rol</th>"
                f"<th scope='col'>Belang</th></tr></thead><tbody>{rows}</tbody></table>"
            )
        case "resources":
            r = c.resources
            return _rows(
                [
                    (
                        "Budget",
                        euro(r.budget_eur) if r.budget_eur is not None else "",
                        bron_html(c, "resources.budget_eur"),
                    ),
                    (
                        "Capaciteit",
                        f"{number(r.capacity_fte)} fte" if r.capacity_fte is not None else "",
                        bron_html(c, "resources.capacity_fte"),
                    ),
                    (
                        "Einddatum",
                        dutch_date(r.deadline) if r.deadline else "",
                        bron_html(c, "resources.deadline"),
                    ),
                    *(
                        [("Start uitvoering", dutch_date(r.start), bron_html(c, "resources.start"))]
                        if r.start
                        else []
                    ),
                    ("Financiering", r.funding or "", bron_html(c, "resources.funding")),
                ]
            )
        case "frameworks":
            return _list(c.frameworks, c, "frameworks")
        case "instruments":
            return _list(c.instruments, c, "instruments")
        case "organisation":
            return _para(c.organisation, bron_html(c, "organisation"))


def _open_note(count: int) -> str:
    if not count:
        return ""
    noun = "opmerking" if count == 1 else "opmerkingen"
    return f' <span class="oa-open-comments">({count} open {noun})</span>'


def document_html(
    commission: Commission,
    *,
    asking: str | None = None,
    open_comments: Mapping[str, int] | None = None,
) -> str:
    """The commission as it grows, one section per heading, with its state in words; with
    `open_comments` (per section key, '' for the whole commission) how many open comments
    of the review loop each section has."""
    counts = open_comments or {}
    done = commission.completeness()
    title = (commission.title or "").strip() or "Integrale opdracht (nog zonder titel)"
    parts = [
        f'<article class="oa-doc" aria-labelledby="oa-doc-title"><h2 id="oa-doc-title">'
        f"{e(title)}</h2>" + bron_html(commission, "title")
    ]
    if counts.get(""):
        parts.append(f"<p>Hele opdracht:{_open_note(counts[''])}</p>")
    for n, key in enumerate(SECTIONS, start=1):
        s = done.sections[key]
        now = ' <span class="oa-now">(nu aan de beurt)</span>' if key == asking else ""
        parts.append(
            f'<section class="oa-section oa-state-{s.state}" aria-labelledby="oa-sec-{key}">'
            f'<h3 id="oa-sec-{key}">{n}. {e(SECTION_TITLES[key])} '
            f'<span class="oa-badge">{STATE_WORDS[s.state]}</span>{now}'
            f"{_open_note(counts.get(key, 0))}</h3>"
            f"{_section_body(commission, key)}</section>"
        )
    questions = [q for q in commission.open_questions if q.strip()]
    if questions:
        parts.append("<section><h3>Open vragen</h3>" + _list(questions) + "</section>")
    parts.append("</article>")
    return "".join(parts)


NO_SOURCES = texts.NO_SOURCES
SUMMARY_NO_SOURCES = (
    "Bij de samenvatting horen geen nieuwe bronnen. De bronnen per onderdeel staan bij de "
    "vragen en in de kwaliteitstoets."
)


def _distinct_sources(passages: Sequence[Passage]) -> list[str]:
    return list(dict.fromkeys(p.source for p in passages if p.source and p.source.strip()))


def sources_html(
    passages: Sequence[Passage], *, why: str | None = None, empty: str = NO_SOURCES
) -> str:
    """The passages behind the current question, with title and heading; each distinct
    source is cited once below them (passages of one document would repeat it)."""
    parts = ['<div class="oa-sources">']
    if why:
        parts.append(f"<p>{e(why)}</p>")
    if not passages:
        parts.append(f'<p class="oa-empty">{e(empty)}</p>')
    else:
        parts.append("<ul>")
        for p in passages:
            heading = f" — {e(p.heading)}" if p.heading else ""
            excerpt = " ".join(p.text.split())
            if len(excerpt) > 320:
                excerpt = excerpt[:319].rstrip() + "…"
            parts.append(
                f"<li><strong>{e(p.title)}</strong>{heading}"
                f"<blockquote>{e(excerpt)}</blockquote></li>"
            )
        parts.append("</ul>")
        sources = _distinct_sources(passages)
        label = "Bron" if len(sources) == 1 else "Bronnen"
        if sources:
            parts.append(
                f'<p class="oa-cite">{label}: '
                + "; ".join(e(" ".join(x.split())) for x in sources)
                + "</p>"
            )
    parts.append("</div>")
    return "".join(parts)


def question_sources_html(passages: Sequence[Passage], asking: str | None) -> str:
    """The "why I ask" panel for the question being asked; the summary has no sources of its
    own, so it points to where they are instead."""
    if asking is None or asking == "confirm":
        return sources_html(passages, empty=SUMMARY_NO_SOURCES)
    return sources_html(passages, why=WHY.get(cast(SectionKey, asking)))


def review_html(review: Review) -> str:
    """The quality check: verdict, readiness and findings by severity, each with the short
    name of its sources; the full citations follow once, numbered (as in the exports)."""
    ready = "Klaar voor de uitvoering" if review.ready else "Nog niet klaar voor de uitvoering"
    parts = [
        '<section class="oa-review" aria-labelledby="oa-review-title">',
        f'<h3 id="oa-review-title">{e(ready)}</h3>',
        f"<p>{e(review.verdict)}</p>",
    ]
    if not review.findings:
        parts.append("<p>Geen bevindingen.</p>")
    for severity, findings in common.findings_by_severity(review):
        parts.append(f"<h4>{SEVERITY_WORDS[severity]} ({len(findings)})</h4><ul>")
        for f in findings:
            cites = common.source_text(f)
            parts.append(
                f"<li><strong>{e(SECTION_TITLES[f.section])}</strong>: {e(f.message)}"
                + (
                    f'<span class="oa-cite">{e(common.QUOTE_LEAD)}: <q>{e(f.quote)}</q></span>'
                    if f.quote
                    else ""
                )
                + (f'<span class="oa-cite">Bron: {e(cites)}</span>' if cites else "")
                + "</li>"
            )
        parts.append("</ul>")
    sources = common.source_list(review)
    if sources:
        parts.append(
            f"<h4>{e(common.SOURCES_TITLE)}</h4><ol class='oa-sources-list'>"
            + "".join(f"<li>{e(x)}</li>" for x in sources)
            + "</ol>"
        )
    remarks = common.model_remark_rows(review)
    if remarks:  # the model's, under their own heading after the findings, never among them
        parts.append(
            '<div class="oa-model-remarks">'
            f"<h4>{e(common.MODEL_REMARKS_TITLE)}</h4>"
            f'<p class="oa-cite">{e(common.MODEL_REMARKS_INTRO)}</p><ul>'
            + "".join(f"<li><strong>{e(s)}</strong>: {e(t)}</li>" for s, t in remarks)
            + "</ul></div>"
        )
    parts.append("</section>")
    return "".join(parts)


def status_html(message: str, *, kind: str = "info") -> str:
    """A status line for screen readers and sighted users alike (errors in words)."""
    if not message:
        return '<div class="oa-status" role="status" aria-live="polite"></div>'
    prefix = "Let op: " if kind == "error" else ""
    return (
        f'<div class="oa-status oa-status-{e(kind)}" role="status" aria-live="polite">'
        f"<p>{e(prefix + message)}</p></div>"
    )
