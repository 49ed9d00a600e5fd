"""Herkomst in every view: the app's "bron" lines, the Markdown and Word appendices, and the
review's pointer to the sentence a finding is about."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from docx import Document

from opdrachtassistent.commission import Origin
from opdrachtassistent.drafting.notes import draft
from opdrachtassistent.render import origins
from opdrachtassistent.render.docx import to_docx
from opdrachtassistent.render.markdown import to_markdown
from opdrachtassistent.reviewing.checks import review
from opdrachtassistent.ui.views import bron_html, document_html, review_html

TODAY = date(2026, 3, 1)

RAADSINFORMATIEBRIEF = """Raadsinformatiebrief vervanging riolering Beukenlaan

Het riool onder de Beukenlaan is verzakt en loopt bij zware regen over.
Het doel is een gescheiden stelsel en een groene, veilige Beukenlaan.
Opdrachtgever is teamleider Wegen.
De riolering wordt vervangen met een budget van € 1,2 miljoen uit het GRP.
De werkzaamheden zijn uiterlijk 1 oktober 2026 afgerond.
We betrekken het waterschap en de bewoners van de Beukenlaan.
"""


def _drafted() -> Any:
    return draft(RAADSINFORMATIEBRIEF, document="rib-beukenlaan.pdf")


def test_source_texts_are_dutch() -> None:
    assert origins.source_text(Origin(source="user", turn=3)) == "uw antwoord (beurt 3)"
    assert origins.source_text(Origin(source="document", document="x.docx")) == "document x.docx"
    assert origins.source_text(Origin(source="default")) == "voorstel (standaard)"
    assert origins.source_text(Origin(source="llm", turn=2)) == "taalmodel (beurt 2)"
    assert origins.source_text(Origin(source="edit")) == "bewerkt"


def test_origin_rows_follow_the_document_with_labels_and_values() -> None:
    c = _drafted()
    rows = {r.path: r for r in origins.origin_rows(c)}
    budget = rows["resources.budget_eur"]
    assert (budget.label, budget.value, budget.source) == (
        "Budget",
        "€ 1.200.000",
        "document rib-beukenlaan.pdf",
    )
    assert (
        budget.quote == "De riolering wordt vervangen met een budget van € 1,2 miljoen uit het GRP."
    )
    assert next(r.path for r in origins.origin_rows(c)) == "title"


def test_markdown_has_a_herkomst_appendix() -> None:
    c = _drafted()
    md = to_markdown(c, today=TODAY)
    appendix = md[md.index("## " + origins.TITLE) :]
    assert "| Budget | € 1.200.000 | document rib-beukenlaan.pdf |" in appendix
    assert "«Opdrachtgever is teamleider Wegen.»" in appendix
    assert md.index("## Open vragen") < md.index("## " + origins.TITLE)


def test_markdown_herkomst_quote_is_escaped() -> None:
    c = draft("Opdrachtgever is wethouder <b>Jansen</b> [klik](javascript:x).")
    md = to_markdown(c, today=TODAY)
    appendix = md[md.index("## " + origins.TITLE) :]
    assert "<b>" not in appendix and "&lt;b&gt;" in appendix
    assert "\\[klik\\](javascript" in appendix  # the brackets escaped: no link


def test_no_appendix_without_provenance() -> None:
    c = _drafted()
    c.provenance = {}
    assert origins.TITLE not in to_markdown(c, today=TODAY)


def test_word_has_a_herkomst_table() -> None:
    c = _drafted()
    doc = Document(io.BytesIO(to_docx(c, today=TODAY)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert origins.TITLE in headings
    table = next(t for t in doc.tables if tuple(x.text for x in t.rows[0].cells) == origins.HEADER)
    cells = {r.cells[0].text: [x.text for x in r.cells] for r in table.rows[1:]}
    assert cells["Opdrachtgever"] == [
        "Opdrachtgever",
        "teamleider Wegen",
        "document rib-beukenlaan.pdf",
        "«Opdrachtgever is teamleider Wegen.»",
    ]
    total = sum(cell.width.cm for cell in table.rows[0].cells)
    assert abs(total - 16.0) < 0.05


def test_app_shows_a_bron_line_that_the_keyboard_reaches() -> None:
    c = _drafted()
    page = document_html(c)
    assert page.count('class="oa-bron"') == len(c.provenance)
    line = bron_html(c, "mandate.commissioner")
    # A native <details>: its <summary> takes focus and opens with Enter or Space.
    assert line.startswith('<details class="oa-bron"><summary>bron')
    assert "document rib-beukenlaan.pdf" in line
    assert "<q>Opdrachtgever is teamleider Wegen.</q>" in line


def test_app_bron_line_escapes_the_quote() -> None:
    c = draft("Opdrachtgever is wethouder <img src=x onerror=alert(1)> De Wit.")
    page = document_html(c)
    assert "<img" not in page and "&lt;img" in page


def test_a_default_is_shown_as_a_proposal() -> None:
    c = _drafted()
    c.stakeholders[0].role = "waterbeheerder (voorstel)"
    c.provenance["stakeholders.0.role"] = Origin(source="default")
    line = bron_html(c, "stakeholders.0.role")
    assert "voorstel (standaard)" in line and "<details" not in line


def test_a_finding_points_at_the_sentence_it_is_about() -> None:
    c = _drafted()
    result = review(c, today=TODAY)
    finding = next(f for f in result.findings if f.rule == "mandaat_niveau")
    assert finding.quote == "Opdrachtgever is teamleider Wegen."
    assert "Zin in de invoer: «Opdrachtgever is teamleider Wegen.»" in to_markdown(
        c, result, today=TODAY
    )
    assert "<q>Opdrachtgever is teamleider Wegen.</q>" in review_html(result)
