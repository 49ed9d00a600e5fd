"""Word (.docx, python-docx): sections split on Heading/Kop styles, tables after the text."""

from __future__ import annotations

import io
import zipfile

from opdrachtassistent.documents import texts
from opdrachtassistent.documents.model import TABLE, DocumentText, Section
from opdrachtassistent.documents.zipped import open_zip
from opdrachtassistent.errors import DocumentError

_TITLE_STYLES = ("title", "titel")
_HEADING_STYLES = ("heading", "kop")


def read_docx(data: bytes, name: str) -> DocumentText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    open_zip(data, name, texts.DOCX_BROKEN).close()
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DocumentError(texts.DOCX_BROKEN.format(name=name)) from exc
    props = document.core_properties
    title = str(props.title or "")
    author = str(props.author or "")
    sections: list[tuple[str, list[str]]] = [("", [])]
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = ((paragraph.style.name if paragraph.style is not None else "") or "").lower()
        if style in _TITLE_STYLES:
            title = title or text
        elif style.startswith(_HEADING_STYLES):
            sections.append((text, []))
        else:
            sections[-1][1].append(text)
    for table in document.tables:
        rows = [" | ".join(cell.text.strip() for cell in row.cells) for row in table.rows]
        rows = [row for row in rows if row.strip(" |")]
        if rows:
            sections.append((TABLE, ["\n".join(rows)]))
    found = tuple(Section(h, tuple(ps), own_heading=h != TABLE) for h, ps in sections if ps)
    if not found:
        raise DocumentError(texts.NO_TEXT.format(name=name))
    return DocumentText(name=name, kind="structured", sections=found, title=title, author=author)
