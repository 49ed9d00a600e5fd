"""The Word export: a clean, municipal-style .docx built with python-docx.

Layout: a title page block (title, "Integrale opdracht", date, opdrachtgever, status), then
an overview of the sections, a heading per section with its status, tables for the
stakeholders and the resources, the stakeholder map when given, the open questions, and
the review as the appendix "Bijlage: kwaliteitstoets" (a language model's remarks, if any, under
their own heading after the findings). User text is written as plain text
runs (never parsed), with characters that XML cannot hold removed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.image.exceptions import UnrecognizedImageError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission, SectionKey
from opdrachtassistent.render import labels as common
from opdrachtassistent.render import origins
from opdrachtassistent.reviewing.checks import Review

if TYPE_CHECKING:
    from opdrachtassistent.workflow.model import Comment

FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)  # dark blue: contrast > 10:1 on white
MUTED = RGBColor(0x55, 0x55, 0x55)
MAP_WIDTH = Cm(15)
MAP_CAPTION = "Krachtenveld: invloed en belang van de stakeholders"
# A4 (Dutch government documents), not python-docx's default US Letter.
PAGE_WIDTH, PAGE_HEIGHT = Cm(21), Cm(29.7)
MARGIN_SIDE = Cm(2.5)
# Column widths in cm per table (16 cm of text width on A4): the long text gets the room.
COLUMN_WIDTHS: dict[tuple[str, ...], tuple[float, ...]] = {
    common.STAKEHOLDER_HEADER: (3.0, 2.8, 3.7, 3.0, 1.7, 1.8),
    common.RESOURCES_HEADER: (4.5, 11.5),
    common.FINDINGS_HEADER: (2.4, 2.8, 9.0, 1.8),
    common.MODEL_REMARKS_HEADER: (4.0, 12.0),
    origins.HEADER: (3.0, 3.6, 3.2, 6.2),
    ("Onderdeel", "Status"): (5.5, 10.5),
}

# Characters XML 1.0 cannot contain; python-docx refuses them, so they are dropped.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# python-docx ships no type information: its objects are `Any` here.
_Doc = Any


def clean(text: str) -> str:
    """User text as XML can hold it."""
    return _NOT_XML.sub("", text)


def _style_document(doc: _Doc) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    for name, size in (("Title", 26), ("Subtitle", 14), ("Heading 1", 15), ("Heading 2", 12.5)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
    for section in doc.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = MARGIN_SIDE
        section.top_margin = section.bottom_margin = Cm(2.2)


def _page_number_footer(doc: _Doc, title: str) -> None:
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0]
    run = paragraph.add_run(f"{common.DOCUMENT_KIND}: {clean(title)}  |  pagina ")
    run.font.size = Pt(8.5)
    run.font.color.rgb = MUTED
    field = paragraph.add_run()
    field.font.size = Pt(8.5)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        field._r.append(element)


def _muted(doc: _Doc, text: str) -> None:
    run = doc.add_paragraph().add_run(clean(text))
    run.italic = True
    run.font.color.rgb = MUTED


def _labelled(doc: _Doc, label: str, value: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    run = paragraph.add_run(clean(value))
    if value == common.NOT_FILLED:
        run.italic = True
        run.font.color.rgb = MUTED


def _bullets(doc: _Doc, items: Sequence[str], style: str = "List Bullet") -> None:
    if not items:
        _muted(doc, common.NOT_FILLED)
    for item in items:
        doc.add_paragraph(clean(item), style=style)


def _numbered(doc: _Doc, items: Sequence[str]) -> None:
    """A numbered list that starts at 1 (Word otherwise continues the previous list)."""
    numbering = doc.part.numbering_part.element
    style_num = doc.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    for item in items:
        paragraph = doc.add_paragraph(clean(item), style="List Number")
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num.numId


def _table(doc: _Doc, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "DCE6F0")
        cell._tc.get_or_add_tcPr().append(shading)
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    header_props.append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = clean(text)
    widths = COLUMN_WIDTHS.get(tuple(header))
    if widths:
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
            for cell in column.cells:
                cell.width = Cm(width)
    doc.add_paragraph()


def _text_blocks(doc: _Doc, text: str | None) -> None:
    """Free text as paragraphs (blank lines) with line breaks kept inside them."""
    blocks = [b for b in re.split(r"\n\s*\n", (text or "").strip()) if b.strip()]
    if not blocks:
        _muted(doc, common.NOT_FILLED)
    for block in blocks:
        paragraph = doc.add_paragraph()
        lines = [" ".join(line.split()) for line in block.splitlines() if line.strip()]
        for i, line in enumerate(lines):
            run = paragraph.add_run(clean(line))
            if i < len(lines) - 1:
                run.add_break()


def _title_block(doc: _Doc, c: Commission, today: date) -> None:
    doc.add_paragraph(clean(common.title_of(c)), style="Title")
    doc.add_paragraph(common.DOCUMENT_KIND, style="Subtitle")
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in (
        ("Datum", common.dutch_date(today)),
        ("Opdrachtgever", c.mandate.commissioner or common.NOT_FILLED),
        ("Status", common.overall_status(c)),
    ):
        cells = table.add_row().cells
        cells[0].text = ""
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = clean(value)
        cells[0].width = Cm(4)
        cells[1].width = Cm(12)
    doc.add_paragraph()


def _overview(doc: _Doc, c: Commission) -> None:
    done = c.completeness()
    doc.add_heading("Overzicht", level=1)
    _table(
        doc,
        ("Onderdeel", "Status"),
        [(SECTION_TITLES[k], common.status_text(done.sections[k])) for k in SECTIONS],
    )


def _section(doc: _Doc, c: Commission, key: SectionKey, png: bytes | None) -> None:
    match key:
        case "context":
            _text_blocks(doc, c.context)
        case "goal":
            g = c.goal
            _labelled(doc, "Doelstelling", g.statement or common.NOT_FILLED)
            doc.add_heading("Beoogde resultaten", level=2)
            _bullets(doc, g.results)
            themes = ", ".join(common.theme_label(t) for t in g.themes)
            _labelled(doc, "Thema's", themes or common.NOT_FILLED)
        case "mandate":
            for label, value in common.mandate_rows(c):
                _labelled(doc, label, value)
        case "stakeholders":
            if c.stakeholders:
                _table(doc, common.STAKEHOLDER_HEADER, common.stakeholder_rows(c))
            else:
                _muted(doc, "Nog geen stakeholders benoemd.")
            if png:
                _stakeholder_map(doc, png)
        case "resources":
            _table(doc, common.RESOURCES_HEADER, common.resource_rows(c))
        case "frameworks":
            _bullets(doc, c.frameworks)
        case "instruments":
            _bullets(doc, c.instruments)
        case "organisation":
            _text_blocks(doc, c.organisation)


def _stakeholder_map(doc: _Doc, png: bytes) -> None:
    try:
        doc.add_picture(io.BytesIO(png), width=MAP_WIDTH)
    except UnrecognizedImageError as exc:
        raise ValueError("De stakeholderkaart is geen geldige afbeelding (PNG).") from exc
    caption = doc.add_paragraph()
    run = caption.add_run(MAP_CAPTION)
    run.italic = True
    run.font.size = Pt(9)


def _review(doc: _Doc, review: Review) -> None:
    doc.add_page_break()
    doc.add_heading(common.APPENDIX_TITLE, level=1)
    paragraph = doc.add_paragraph()
    paragraph.add_run("Oordeel: ").bold = True
    paragraph.add_run(clean(review.verdict))
    if not review.findings:
        doc.add_paragraph("Geen bevindingen.")
    else:
        rows = [
            (
                common.SEVERITY_LABELS[f.severity],
                SECTION_TITLES[f.section],
                f"{f.message}\n{common.QUOTE_LEAD}: «{f.quote}»" if f.quote else f.message,
                common.source_numbers(review, f),
            )
            for f in review.findings
        ]
        _table(doc, common.FINDINGS_HEADER, rows)
    sources = common.source_list(review)
    if sources:
        doc.add_heading(common.SOURCES_TITLE, level=2)
        _numbered(doc, sources)
    remarks = common.model_remark_rows(review)
    if remarks:  # their own heading and table after the findings, never among them
        doc.add_heading(common.MODEL_REMARKS_TITLE, level=2)
        _muted(doc, common.MODEL_REMARKS_INTRO)
        _table(doc, common.MODEL_REMARKS_HEADER, remarks)


def _origins(doc: _Doc, c: Commission) -> None:
    """The Herkomst appendix: every value with its source and the sentence that gave it."""
    rows = origins.origin_rows(c)
    if not rows:
        return
    doc.add_page_break()
    doc.add_heading(origins.TITLE, level=1)
    _muted(doc, origins.INTRO)
    _table(
        doc,
        origins.HEADER,
        [(r.label, r.value, r.source, f"«{r.quote}»" if r.quote else "") for r in rows],
    )


def to_docx(
    commission: Commission,
    review: Review | None = None,
    *,
    stakeholder_map_png: bytes | None = None,
    today: date | None = None,
    comments: Sequence[Comment] = (),
) -> bytes:
    """The commission as a Word document (bytes of a .docx file); open `comments` (of the
    review loop) as the last appendix."""
    c = commission
    doc: _Doc = Document()
    _style_document(doc)
    title = common.title_of(c)
    doc.core_properties.title = clean(title)[:255]
    doc.core_properties.subject = common.DOCUMENT_KIND
    doc.core_properties.language = "nl-NL"
    # python-docx's template says it wrote the file, in 2013; say who did, and when.
    doc.core_properties.author = "opdrachtassistent"
    doc.core_properties.last_modified_by = "opdrachtassistent"
    doc.core_properties.comments = ""
    stamp = datetime.combine(today or date.today(), time(), tzinfo=UTC)
    doc.core_properties.created = stamp
    doc.core_properties.modified = stamp
    _page_number_footer(doc, title)
    _title_block(doc, c, today or date.today())
    _overview(doc, c)
    doc.add_page_break()
    done = c.completeness()
    for number, key in enumerate(SECTIONS, start=1):
        doc.add_heading(f"{number}. {SECTION_TITLES[key]}", level=1)
        _muted(doc, "Status: " + common.status_text(done.sections[key]))
        _section(doc, c, key, stakeholder_map_png)
    doc.add_heading(common.OPEN_QUESTIONS_TITLE, level=1)
    questions = [q for q in c.open_questions if q.strip()]
    if questions:
        _numbered(doc, questions)
    else:
        doc.add_paragraph("Geen open vragen.")
    _origins(doc, c)
    if review is not None:
        _review(doc, review)
    if comments:
        from opdrachtassistent.workflow.report import add_comments_appendix

        add_comments_appendix(doc, comments)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
