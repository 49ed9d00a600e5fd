"""Real documents built in the test: PDF (written by hand), Word (python-docx), OpenDocument
(a zip of XML), and mail (the standard library's `email`).

Nothing here is a fixture file: each builder writes the file it is given, from the text it
is given, so a test shows what the document says.
"""

from __future__ import annotations

import re
import zipfile
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

Block = tuple[str, str]  # ("h", heading) or ("p", paragraph)

# A raadsvoorstel in Word: the heading-structured example the draft and upload tests share.
KERKWEG_RAADSVOORSTEL: list[Block] = [
    ("h", "Aanleiding"),
    (
        "p",
        "De riolering onder de Kerkweg is ruim zestig jaar oud en bezwijkt op meerdere "
        "plekken. Bij hevige buien staan de kelders van bewoners onder water.",
    ),
    ("h", "Voorstel"),
    (
        "p",
        "Het college stelt de raad voor een krediet van 2,4 miljoen euro beschikbaar te "
        "stellen voor het vervangen van de riolering en het herinrichten van de Kerkweg.",
    ),
    ("h", "Uitvoering"),
    (
        "p",
        "Opdrachtgever is wethouder Jansen. Het werk moet uiterlijk 1 oktober 2027 zijn "
        "afgerond. Het waterschap Rivierenland en de bewoners van de Kerkweg worden betrokken.",
    ),
]


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path: Path, pages: list[list[str]], *, title: str = "") -> Path:
    """A minimal valid PDF (Helvetica, one text line per entry, Latin-1) with a correct xref
    table; an empty page list entry makes a page without text, as a scan has."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, lines in enumerate(pages):
        content_id = page_ids[i] + 1
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 740 Td"]
        for line in lines:
            ops.append(f"({_pdf_escape(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    info_id = len(objects) + 1
    objects.append(f"<< /Title ({_pdf_escape(title)}) /Author (Gemeente Testdorp) >>".encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    path.write_bytes(bytes(out))
    return path


def write_docx(path: Path, blocks: list[Block], *, title: str = "", author: str = "") -> Path:
    """A Word file: ("h", text) becomes a Heading 1, ("p", text) a paragraph."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    for kind, text in blocks:
        if kind == "h":
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)


def _odt_inline(text: str) -> str:
    """Runs of spaces as one space and <text:s text:c="n"/>, as LibreOffice writes them."""
    return re.sub(r" {2,}", lambda m: f' <text:s text:c="{len(m.group()) - 1}"/>', escape(text))


def write_odt(
    path: Path, blocks: list[Block], *, title: str = "", table: list[list[str]] | None = None
) -> Path:
    """An OpenDocument text file: headings, paragraphs (one list of items for ("li", text))
    and an optional table at the end."""
    body: list[str] = []
    items: list[str] = []

    def flush() -> None:
        if items:
            inner = "".join(f"<text:list-item><text:p>{i}</text:p></text:list-item>" for i in items)
            body.append(f"<text:list>{inner}</text:list>")
            items.clear()

    for kind, text in blocks:
        if kind == "li":
            items.append(_odt_inline(text))
            continue
        flush()
        if kind == "h":
            body.append(f'<text:h text:outline-level="1">{_odt_inline(text)}</text:h>')
        else:
            body.append(f"<text:p>{_odt_inline(text)}</text:p>")
    flush()
    if table:
        rows = "".join(
            "<table:table-row>"
            + "".join(
                f"<table:table-cell><text:p>{escape(c)}</text:p></table:table-cell>" for c in r
            )
            + "</table:table-row>"
            for r in table
        )
        body.append(f'<table:table table:name="Tabel1">{rows}</table:table>')
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODT_NS}>'
        f"<office:body><office:text>{''.join(body)}</office:text></office:body>"
        "</office:document-content>"
    )
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODT_NS}>'
        f"<office:meta><dc:title>{escape(title)}</dc:title></office:meta></office:document-meta>"
    )
    with zipfile.ZipFile(path, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
        package.writestr("meta.xml", meta)
    return path


def write_eml(
    path: Path,
    *,
    subject: str,
    body: str,
    html: str | None = None,
    sender: str = "Sanne de Wit <s.dewit@gemeente.example>",
    attachments: list[Path] | None = None,
) -> Path:
    """A mail as Outlook or Thunderbird saves it: text part (and HTML alternative), and files
    attached with their own content types."""
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = "programmabureau@gemeente.example"
    message.set_content(body)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for attachment in attachments or []:
        message.add_attachment(
            attachment.read_bytes(),
            maintype="application",
            subtype="octet-stream",
            filename=attachment.name,
        )
    path.write_bytes(bytes(message))
    return path
