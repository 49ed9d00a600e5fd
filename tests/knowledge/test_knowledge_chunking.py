"""Chunking of every supported format, front matter, slugs and the bad-file messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_knowledge import write_docx, write_pdf

from opdrachtassistent.knowledge.chunking import (
    chunk_file,
    chunk_markdown,
    chunk_text,
    slugify,
    user_doc_key,
)
from opdrachtassistent.knowledge.corpus import parse_front_matter
from opdrachtassistent.knowledge.errors import DocumentError

MARKDOWN = """---
title: "Notitie Lindelaan"
source: Gemeente Testdorp, raadsinformatiebrief 2026
sections: [goal, mandate]
themes: [riolering]
---

# Lindelaan

Inleidende tekst over de Lindelaan.

## Doel van het project
Minder wateroverlast
en een veilige schoolroute.

Tweede alinea.

## Doel van het project
Zelfde kop, andere tekst.
"""


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Waarom vragen we naar het doel?", "waarom-vragen-we-naar-het-doel"),
        ("De routekaart Op weg naar Integralië", "de-routekaart-op-weg-naar-integralie"),
        ("GOTIK: geld, organisatie, tijd", "gotik-geld-organisatie-tijd"),
        ("  ", ""),
    ],
)
def test_slugify(heading: str, slug: str) -> None:
    assert slugify(heading) == slug


def test_front_matter_is_parsed_and_stripped() -> None:
    meta, body = parse_front_matter(MARKDOWN)
    assert meta.title == "Notitie Lindelaan"
    assert meta.source.startswith("Gemeente Testdorp")
    assert meta.sections == ("goal", "mandate")
    assert meta.themes == ("riolering",)
    assert body.lstrip().startswith("# Lindelaan")


def test_text_without_front_matter_keeps_everything() -> None:
    meta, body = parse_front_matter("# Kop\n\ntekst")
    assert meta.title == "" and meta.sections == ()
    assert body == "# Kop\n\ntekst"


def test_markdown_chunks_by_heading_with_citation_fields() -> None:
    _meta, title, chunks = chunk_markdown(
        MARKDOWN, doc_key="notitie", default_title="x", default_source="y"
    )
    assert title == "Notitie Lindelaan"
    assert [c.id for c in chunks] == [
        "notitie#lindelaan",
        "notitie#doel-van-het-project",
        "notitie#doel-van-het-project-2",
    ]
    second = chunks[1]
    assert second.heading == "Doel van het project"
    assert second.text == "Minder wateroverlast en een veilige schoolroute.\n\nTweede alinea."
    assert second.source == "Gemeente Testdorp, raadsinformatiebrief 2026"
    assert second.sections == ("goal", "mandate")
    assert [c.position for c in chunks] == [0, 1, 2]


def test_long_section_is_split_by_paragraph() -> None:
    paragraph = " ".join(["woord"] * 90)
    text = "## Lang\n\n" + "\n\n".join([paragraph] * 5)
    _, _, chunks = chunk_markdown(text, doc_key="d", default_title="t", default_source="s")
    assert [c.id for c in chunks] == ["d#lang", "d#lang-2", "d#lang-3"]
    assert all(len(c.text.split()) <= 220 for c in chunks)


def test_content_hash_changes_with_text_only() -> None:
    _, _, a = chunk_markdown("## K\n\nA", doc_key="d", default_title="t", default_source="s")
    _, _, b = chunk_markdown("## K\n\nA", doc_key="d", default_title="t", default_source="s")
    _, _, c = chunk_markdown("## K\n\nB", doc_key="d", default_title="t", default_source="s")
    assert a[0].content_hash == b[0].content_hash != c[0].content_hash


def test_plain_text_detects_headings() -> None:
    text = (
        "Essay over integrale opgaven\n\nSamenwerken staat centraal.\n\n"
        "Gerichte sturing\nDe sturing begint op bestuurlijk niveau.\n\n"
        "Knelpunten in de uitvoering\nZaken lopen door elkaar."
    )
    chunks = chunk_text(text, doc_key="essay", title="Essay", source="Stantec")
    assert [c.heading for c in chunks] == [
        "Essay over integrale opgaven",
        "Gerichte sturing",
        "Knelpunten in de uitvoering",
    ]
    assert chunks[1].text == "De sturing begint op bestuurlijk niveau."
    assert chunks[1].id == "essay#gerichte-sturing"


def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "notitie.txt"
    path.write_text("Aanleiding\nHet riool is op.\n\nDoel\nGeen wateroverlast meer.", "utf-8")
    document = chunk_file(path)
    assert document.key == user_doc_key(path)
    assert document.key.startswith("notitie~")
    assert [c.heading for c in document.chunks] == ["Aanleiding", "Doel"]
    assert document.source == "Eigen document: notitie.txt"


def test_txt_in_cp1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes("Café aan de Kerkweg wordt bereikbaar gehouden.".encode("cp1252"))
    assert "Café" in chunk_file(path).chunks[0].text


def test_pdf_file(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "nota.pdf",
        [["Het riool in de Parkstraat is versleten."], ["De netbeheerder vervangt de kabels."]],
        title="Nota Parkstraat",
    )
    document = chunk_file(path)
    assert document.title == "Nota Parkstraat"
    assert document.source == "Gemeente Testdorp, nota.pdf"
    assert [c.heading for c in document.chunks] == ["Pagina 1", "Pagina 2"]
    assert "riool in de Parkstraat" in document.chunks[0].text
    assert document.chunks[1].id.endswith("#pagina-2")


def test_docx_file(tmp_path: Path) -> None:
    document = chunk_file(write_docx(tmp_path / "bomen.docx"))
    assert document.title == "Beleidsnota bomen Testdorp"
    assert document.source == "Gemeente Testdorp, bomen.docx"
    assert [c.heading for c in document.chunks] == ["Bomenbeleid", "Participatie", "Tabel"]
    assert "gecompenseerd" in document.chunks[0].text
    assert "Linde | 12" in document.chunks[2].text


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("kapot.pdf", b"%PDF-1.4 dit is geen echte pdf", "beschadigd"),
        ("kapot.docx", b"geen zip", "beschadigd"),
        ("plaatje.png", b"\x89PNG", "wordt niet ondersteund"),
        ("leeg.md", b"   \n\n", "geen tekst gevonden"),
    ],
)
def test_bad_files_raise_dutch_errors(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        chunk_file(path)
    assert fragment in info.value.message
    assert name in info.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="niet gevonden"):
        chunk_file(tmp_path / "bestaat-niet.md")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [[]])
    with pytest.raises(DocumentError, match="scan"):
        chunk_file(path)
