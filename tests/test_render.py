"""The exports: Markdown (escaped), Word (opened again and checked section by section), JSON."""

from __future__ import annotations

import io
import json
import re
import struct
import zlib
from datetime import date
from typing import Any

import pytest
from docx import Document
from docx.shared import Length

from opdrachtassistent.commission import (
    SECTION_TITLES,
    SECTIONS,
    Commission,
    Goal,
    Mandate,
    Resources,
    Stakeholder,
)
from opdrachtassistent.passages import Passage
from opdrachtassistent.render import labels as common
from opdrachtassistent.render.as_json import from_json, review_to_json, to_json
from opdrachtassistent.render.docx import to_docx
from opdrachtassistent.render.markdown import escape, to_markdown
from opdrachtassistent.reviewing.checks import Finding, Review, review

TODAY = date(2026, 3, 1)

HOSTILE = [
    "<script>alert('x')</script>",
    "[klik](javascript:alert(1))",
    "![img](http://evil.example/p.png)",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">a</a>',
    "# Kop\n- lijst\n1. genummerd\n> citaat",
    "**vet** _schuin_ `code` ~~weg~~ a | b",
    "&lt;script&gt; &amp;",
    "<https://evil.example>",
    "[ref]: javascript:alert(1)\n[ref]",
    "line\x00with\x07controls\x1b",
]


def full() -> Commission:
    return Commission(
        title="Herinrichting Dorpsstraat",
        context="De riolering is aan vervanging toe.\n\nDe straat loopt onder water.",
        goal=Goal(
            statement="Een klimaatbestendige Dorpsstraat, zodat woningen droog blijven.",
            results=["Een bui van 70 mm leidt niet tot water in woningen", "30 nieuwe bomen"],
            themes=["riolering", "klimaatadaptatie", "kabels_en_leidingen"],
        ),
        mandate=Mandate(
            commissioner="wethouder De Vries",
            level="bestuurlijk",
            decision_space="Binnen 10% van budget en planning.",
            escalation="Stuurgroep binnen twee weken.",
        ),
        stakeholders=[
            Stakeholder(
                name="waterschap De Dommel",
                kind="waterschap",
                role="partner",
                interest="waterkwaliteit",
                influence=4,
                concern=4,
            ),
            Stakeholder(name="Enexis", kind="netbeheerder", role="netbeheerder"),
            Stakeholder(name="bewoners", interest="bereikbaarheid"),
        ],
        resources=Resources(
            budget_eur=2_500_000,
            capacity_fte=1.5,
            deadline=date(2027, 12, 31),
            funding="GRP met een bijdrage van het waterschap",
        ),
        frameworks=["Omgevingswet", "GRP 2024-2028"],
        instruments=["bouwteam", "participatietraject"],
        organisation="Een integraal projectteam met riolering, wegen en de netbeheerder.",
        open_questions=["Wie beslist bij meerkosten van de netbeheerder?", "Welke bomen blijven?"],
    )


def with_sources(result: Review) -> Review:
    passage = Passage(
        id="knelpunten#mandaat-op-het-verkeerde-niveau",
        text="...",
        title="Knelpunten bij integrale uitvoering",
        source="Stantec, City Deal Openbare Ruimte",
        heading="Mandaat op het verkeerde niveau",
    )
    findings = [f.model_copy(update={"sources": [passage]}) for f in result.findings]
    return result.model_copy(update={"findings": findings})


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 2 + b"\x00" + b"\x00\x00\xff" * 2)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------------------------
# Formatting


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (2_500_000, "€ 2.500.000"),
        (300_000, "€ 300.000"),
        (450, "€ 450"),
        (0, "€ 0"),
        (1_750_000.5, "€ 1.750.000,50"),
        (1234.56, "€ 1.234,56"),
    ],
)
def test_euro(amount: float, text: str) -> None:
    assert common.euro(amount) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2027, 12, 31), "31 december 2027"),
        (date(2026, 3, 1), "1 maart 2026"),
        (date(2026, 8, 1), "1 augustus 2026"),
    ],
)
def test_dutch_date(value: date, text: str) -> None:
    assert common.dutch_date(value) == text


def test_number_uses_decimal_comma() -> None:
    assert common.number(1.5) == "1,5"
    assert common.number(2.0) == "2"
    assert common.number(0.25) == "0,25"


# --------------------------------------------------------------------------------------------
# Markdown


def test_markdown_has_every_section_in_order_with_status() -> None:
    c = full()
    md = to_markdown(c, review(c, today=TODAY), today=TODAY)
    positions = [md.index(f"## {i}. {SECTION_TITLES[k]}") for i, k in enumerate(SECTIONS, 1)]
    assert positions == sorted(positions)
    assert md.startswith("# Herinrichting Dorpsstraat\n")
    assert "*Integrale opdracht*" in md
    assert "| Datum | 1 maart 2026 |" in md
    assert "| Opdrachtgever | wethouder De Vries |" in md
    assert md.count("_Status: ") == len(SECTIONS)
    assert "_Status: compleet_" in md


def test_markdown_tables_and_formatting() -> None:
    md = to_markdown(full(), today=TODAY)
    assert "| Naam | Soort partij | Rol | Belang | Invloed | Belang (1-5) |" in md
    assert "| waterschap De Dommel | waterschap | partner | waterkwaliteit | 4 | 4 |" in md
    assert "| Budget | € 2.500.000 |" in md
    assert "| Capaciteit | 1,5 fte |" in md
    assert "| Einddatum | 31 december 2027 |" in md
    assert "**Thema's:** riolering, klimaatadaptatie, kabels en leidingen" in md


def test_markdown_open_questions_last_then_appendix() -> None:
    c = full()
    md = to_markdown(c, with_sources(review(c, today=TODAY)), today=TODAY)
    questions = md.index("## Open vragen")
    appendix = md.index("## Bijlage: kwaliteitstoets")
    assert md.index("## 8. Organisatie en werkwijze") < questions < appendix
    assert "1. Wie beslist bij meerkosten van de netbeheerder?" in md[questions:appendix]
    assert "**Oordeel:**" in md[appendix:]
    assert "Bronnen: Knelpunten bij integrale uitvoering, Mandaat op het verkeerde niveau" in md


def test_markdown_without_review_has_no_appendix() -> None:
    assert "Bijlage" not in to_markdown(full(), today=TODAY)


def test_markdown_of_empty_commission() -> None:
    md = to_markdown(Commission(), review(Commission(), today=TODAY), today=TODAY)
    assert md.startswith("# Integrale opdracht (nog zonder titel)")
    assert "Geen open vragen." in md
    assert "_nog niet ingevuld_" in md
    assert "Nog niet gereed voor uitvoering" in md


def _hostile_commission(text: str) -> Commission:
    return Commission(
        title=text,
        context=text,
        goal=Goal(statement=text, results=[text], themes=["riolering"]),
        mandate=Mandate(commissioner=text, decision_space=text, escalation=text),
        stakeholders=[Stakeholder(name=text, kind=text, role=text, interest=text)],
        resources=Resources(funding=text),
        frameworks=[text],
        instruments=[text],
        organisation=text,
        open_questions=[text],
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_user_text_is_inert(text: str) -> None:
    c = _hostile_commission(text)
    md = to_markdown(c, review(c, today=TODAY), today=TODAY)
    assert "<script" not in md
    assert "<img" not in md
    assert "<a " not in md
    assert not re.search(r"(?<!\\)\]\(", md), "an unescaped link target"
    assert not re.search(r"(?<!\\)\[ref\]:", md), "an unescaped link reference"
    assert "\x00" not in md and "\x1b" not in md


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_renders_without_live_html_or_links(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    c = _hostile_commission(text)
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(to_markdown(c))
    lowered = html.casefold()
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert "<a " not in lowered  # no link of any kind
    # Our own structure survives: one h1 and a heading per section.
    assert lowered.count("<h1>") == 1
    assert lowered.count("<h2>") >= len(SECTIONS)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<b>", "&lt;b&gt;"),
        ("[x](y)", "\\[x\\](y)"),
        ("# kop", "\\# kop"),
        ("1. item", "1\\. item"),
        ("- item", "\\- item"),
        ("a | b", "a \\| b"),
        ("*vet*", "\\*vet\\*"),
        ("gewone tekst, 3.5 km", "gewone tekst, 3.5 km"),
    ],
)
def test_escape(text: str, escaped: str) -> None:
    assert escape(text) == escaped


# --------------------------------------------------------------------------------------------
# Word


def _open(data: bytes) -> Any:
    return Document(io.BytesIO(data))


def _paragraphs(doc: Any) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs]


def test_docx_title_block() -> None:
    c = full()
    doc = _open(to_docx(c, today=TODAY))
    paragraphs = _paragraphs(doc)
    assert paragraphs[0] == ("Title", "Herinrichting Dorpsstraat")
    assert paragraphs[1] == ("Subtitle", "Integrale opdracht")
    block = doc.tables[0]
    rows = {r.cells[0].text: r.cells[1].text for r in block.rows}
    assert rows["Datum"] == "1 maart 2026"
    assert rows["Opdrachtgever"] == "wethouder De Vries"
    assert rows["Status"].startswith("Concept") or rows["Status"] == "Compleet"
    assert doc.core_properties.title == "Herinrichting Dorpsstraat"


def test_docx_sections_in_order_with_content() -> None:
    c = full()
    doc = _open(to_docx(c, review(c, today=TODAY), today=TODAY))
    paragraphs = _paragraphs(doc)
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    expected = [f"{i}. {SECTION_TITLES[k]}" for i, k in enumerate(SECTIONS, 1)]
    assert headings == ["Overzicht", *expected, "Open vragen", "Bijlage: kwaliteitstoets"]

    def body(title: str) -> list[str]:
        start = paragraphs.index(("Heading 1", title))
        end = next(i for i in range(start + 1, len(paragraphs)) if paragraphs[i][0] == "Heading 1")
        return [text for _, text in paragraphs[start + 1 : end] if text]

    assert body("1. Aanleiding en opgave")[1:] == [
        "De riolering is aan vervanging toe.",
        "De straat loopt onder water.",
    ]
    goal = body("2. Doel en beoogde resultaten")
    assert goal[0].startswith("Status: ")
    assert "Doelstelling: Een klimaatbestendige Dorpsstraat, zodat woningen droog blijven." in goal
    assert "30 nieuwe bomen" in goal
    mandate = body("3. Opdrachtgever en mandaat")
    assert "Opdrachtgever: wethouder De Vries" in mandate
    assert "Niveau: bestuurlijk" in mandate
    assert "Omgevingswet" in body("6. Context en kaders")
    assert "bouwteam" in body("7. Instrumentarium")
    assert body("8. Organisatie en werkwijze")[1].startswith("Een integraal projectteam")
    numbered = [t for s, t in paragraphs if s == "List Number"]
    assert numbered == c.open_questions
    assert any(t.startswith("Oordeel: Nog niet gereed") for _, t in paragraphs)


def test_docx_tables_for_stakeholders_resources_and_findings() -> None:
    c = full()
    result = with_sources(review(c, today=TODAY))
    doc = _open(to_docx(c, result, today=TODAY))
    tables = doc.tables
    by_header = {tuple(cell.text for cell in t.rows[0].cells): t for t in tables}
    stakeholders = by_header[common.STAKEHOLDER_HEADER]
    assert [r.cells[0].text for r in stakeholders.rows[1:]] == [s.name for s in c.stakeholders]
    assert stakeholders.rows[1].cells[4].text == "4"
    resources = by_header[common.RESOURCES_HEADER]
    values = {r.cells[0].text: r.cells[1].text for r in resources.rows[1:]}
    assert values == {
        "Budget": "€ 2.500.000",
        "Capaciteit": "1,5 fte",
        "Einddatum": "31 december 2027",
        "Financiering": "GRP met een bijdrage van het waterschap",
    }
    findings = by_header[common.FINDINGS_HEADER]
    assert len(findings.rows) == len(result.findings) + 1
    first = findings.rows[1].cells
    assert first[0].text == common.SEVERITY_LABELS[result.findings[0].severity]
    # The narrow source column refers to the numbered source list, not to long titles.
    refs = [int(n) for n in first[3].text.split(", ")]
    cited = common.source_list(result)
    wanted = [common.passage_label(p) for p in result.findings[0].sources]
    assert len(refs) == len(wanted)
    assert all(cited[n - 1].startswith(label) for n, label in zip(refs, wanted, strict=True))
    assert any("Knelpunten bij integrale uitvoering" in cited[n - 1] for n in refs)
    overview = by_header[("Onderdeel", "Status")]
    assert len(overview.rows) == len(SECTIONS) + 1


def test_docx_stakeholder_map_image() -> None:
    c = full()
    without = _open(to_docx(c, today=TODAY))
    with_map = _open(to_docx(c, stakeholder_map_png=tiny_png(), today=TODAY))
    assert len(without.inline_shapes) == 0
    assert len(with_map.inline_shapes) == 1
    texts = [t for _, t in _paragraphs(with_map)]
    assert any(t.startswith("Krachtenveld") for t in texts)


def test_docx_rejects_a_broken_image() -> None:
    with pytest.raises(ValueError, match="stakeholderkaart"):
        to_docx(full(), stakeholder_map_png=b"not a png")


@pytest.mark.parametrize("text", HOSTILE)
def test_docx_keeps_hostile_text_as_text(text: str) -> None:
    c = _hostile_commission(text)
    doc = _open(to_docx(c, review(c, today=TODAY), today=TODAY))
    all_text = "\n".join(t for _, t in _paragraphs(doc))
    visible = text.split("\n")[0].replace("\x00", "").replace("\x07", "").replace("\x1b", "")
    assert visible.strip() in all_text


def test_docx_of_empty_commission() -> None:
    doc = _open(to_docx(Commission(), review(Commission(), today=TODAY), today=TODAY))
    texts = [t for _, t in _paragraphs(doc)]
    assert texts[0] == "Integrale opdracht (nog zonder titel)"
    assert "Geen open vragen." in texts
    assert "Nog geen stakeholders benoemd." in texts


def test_docx_review_without_findings() -> None:
    ready = Review(findings=[], verdict="Gereed voor uitvoering.", ready=True)
    texts = [t for _, t in _paragraphs(_open(to_docx(full(), ready, today=TODAY)))]
    assert "Geen bevindingen." in texts


# --------------------------------------------------------------------------------------------
# JSON


def test_json_round_trip() -> None:
    c = full()
    text = to_json(c)
    assert Commission.model_validate(json.loads(text)) == c
    assert from_json(text) == c
    assert text.startswith("{\n  ")
    data = json.loads(text)
    assert data["resources"]["deadline"] == "2027-12-31"
    assert data["resources"]["budget_eur"] == 2_500_000
    assert data["goal"]["themes"] == ["riolering", "klimaatadaptatie", "kabels_en_leidingen"]
    assert data["mandate"]["level"] == "bestuurlijk"
    assert data["stakeholders"][0]["name"] == "waterschap De Dommel"


def test_json_keeps_characters_readable() -> None:
    c = Commission(title="Café ‘t Hoekje – €", open_questions=["Wat kost het in €?"])
    text = to_json(c)
    assert "Café ‘t Hoekje – €" in text
    assert from_json(text) == c


@pytest.mark.parametrize("text", HOSTILE)
def test_json_round_trip_of_hostile_text(text: str) -> None:
    c = _hostile_commission(text)
    assert from_json(to_json(c)) == c


def test_json_of_invalid_input_raises_value_error() -> None:
    with pytest.raises(ValueError):
        from_json('{"goal": {"themes": ["vliegen"]}}')


def test_review_json_round_trip() -> None:
    c = full()
    result = with_sources(review(c, today=TODAY))
    back = Review.model_validate_json(review_to_json(result))
    assert back == result
    assert isinstance(back.findings[0], Finding)


def test_sources_listed_once_with_full_citation() -> None:
    c = full()
    result = with_sources(review(c, today=TODAY))
    assert len(result.findings) > 1
    md = to_markdown(c, result, today=TODAY)
    appendix = md[md.index("### Bronnen") :]
    assert appendix.count("Stantec, City Deal Openbare Ruimte") == 1
    assert md.count("Stantec, City Deal Openbare Ruimte") == 1  # not repeated per finding
    doc = _open(to_docx(c, result, today=TODAY))
    paragraphs = _paragraphs(doc)
    start = paragraphs.index(("Heading 2", "Bronnen"))
    assert paragraphs[start + 1] == (
        "List Number",
        "Knelpunten bij integrale uitvoering, Mandaat op het verkeerde niveau "
        "(Stantec, City Deal Openbare Ruimte)",
    )


def test_docx_is_a4_with_a_16_cm_text_width() -> None:
    doc = _open(to_docx(full(), today=TODAY))
    section = doc.sections[0]
    assert round(section.page_width.cm, 1) == 21.0  # not python-docx's US Letter default
    assert round(section.page_height.cm, 1) == 29.7
    text_width = Length(section.page_width - section.left_margin - section.right_margin)
    assert round(text_width.cm, 1) == 16.0


def _num_id(paragraph: Any) -> int:
    return int(paragraph._p.pPr.numPr.numId.val)


def test_docx_numbered_lists_each_start_at_one() -> None:
    """The sources list must not continue the numbering of the open questions (2, 3, ...)."""
    c = full()
    doc = _open(to_docx(c, with_sources(review(c, today=TODAY)), today=TODAY))
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    questions = numbered[: len(c.open_questions)]
    sources = numbered[len(c.open_questions) :]
    assert questions and sources
    assert {_num_id(p) for p in questions} != {_num_id(p) for p in sources}
    assert len({_num_id(p) for p in sources}) == 1
    numbering = doc.part.numbering_part.element
    for group in (questions, sources):
        num = numbering.num_having_numId(_num_id(group[0]))
        starts = num.xpath("./w:lvlOverride/w:startOverride/@w:val")
        assert starts == ["1"]


def test_docx_tables_give_the_long_text_the_room() -> None:
    c = full()
    doc = _open(to_docx(c, with_sources(review(c, today=TODAY)), today=TODAY))
    by_header = {tuple(cell.text for cell in t.rows[0].cells): t for t in doc.tables}
    findings = by_header[common.FINDINGS_HEADER]
    widths = [cell.width.cm for cell in findings.rows[1].cells]
    assert widths[2] == max(widths)  # "Bevinding"
    for table in (findings, by_header[common.STAKEHOLDER_HEADER]):
        total = sum(cell.width.cm for cell in table.rows[0].cells)
        assert total == pytest.approx(16.0, abs=0.05)


def test_markdown_findings_without_internal_rule_ids() -> None:
    """A municipal document shows the finding, not the checker's rule id (`open_vragen`)."""
    c = full()
    result = review(c, today=TODAY)
    assert result.findings
    md = to_markdown(c, result, today=TODAY)
    for f in result.findings:
        assert f"`{f.rule}`" not in md


def test_the_start_of_execution_is_shown_when_known() -> None:
    c = full()
    assert "Start uitvoering" not in to_markdown(c, today=TODAY)
    c.resources.start = date(2026, 9, 14)
    md = to_markdown(c, today=TODAY)
    assert "| Start uitvoering | 14 september 2026 |" in md
    doc = _open(to_docx(c, today=TODAY))
    by_header = {tuple(cell.text for cell in t.rows[0].cells): t for t in doc.tables}
    rows = {r.cells[0].text: r.cells[1].text for r in by_header[common.RESOURCES_HEADER].rows}
    assert rows["Start uitvoering"] == "14 september 2026"
    assert json.loads(to_json(c))["resources"]["start"] == "2026-09-14"
