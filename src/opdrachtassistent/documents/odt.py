"""OpenDocument text (.odt), with the standard library: content.xml walked for headings,
paragraphs, lists and tables; title and author from meta.xml.

No extra dependency: the format is a zip of XML, and what drafting needs (the text in
reading order, headings apart) is a short walk over it.
"""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

from opdrachtassistent.documents import texts
from opdrachtassistent.documents.model import TABLE, DocumentText, Section
from opdrachtassistent.documents.zipped import open_zip
from opdrachtassistent.errors import DocumentError

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}


def _tag(prefix: str, local: str) -> str:
    return f"{{{_NS[prefix]}}}{local}"


_P, _H = _tag("text", "p"), _tag("text", "h")
_S, _TAB, _BREAK = _tag("text", "s"), _tag("text", "tab"), _tag("text", "line-break")
_NOTE = _tag("text", "note")
_TABLE, _ROW, _CELL = (
    _tag("table", "table"),
    _tag("table", "table-row"),
    _tag("table", "table-cell"),
)


def _inline(element: ElementTree.Element) -> str:
    """The text of a paragraph, with ODF's space, tab and line-break elements resolved."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == _S:
            parts.append(" " * int(child.get(_tag("text", "c"), "1")))
        elif child.tag == _TAB:
            parts.append("\t")
        elif child.tag == _BREAK:
            parts.append("\n")
        elif child.tag != _NOTE:  # footnotes would break the sentence they sit in
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _walk(element: ElementTree.Element, sections: list[tuple[str, list[str]]]) -> None:
    for child in element:
        if child.tag == _H:
            heading = " ".join(_inline(child).split())
            if heading:
                sections.append((heading, []))
        elif child.tag == _P:
            text = " ".join(_inline(child).split())
            if text:
                sections[-1][1].append(text)
        elif child.tag == _TABLE:
            rows = []
            for row in child.iter(_ROW):
                cells = [" ".join(_inline(p).split()) for c in row.iter(_CELL) for p in c.iter(_P)]
                if any(cells):
                    rows.append(" | ".join(cells))
            if rows:
                sections.append((TABLE, ["\n".join(rows)]))
        else:  # lists, sections, frames: their paragraphs in document order
            _walk(child, sections)


def _meta(package: zipfile.ZipFile) -> tuple[str, str]:
    try:
        root = ElementTree.fromstring(package.read("meta.xml"))
    except (KeyError, ElementTree.ParseError):
        return "", ""
    title = root.findtext(".//dc:title", default="", namespaces=_NS).strip()
    author = (
        root.findtext(".//dc:creator", default="", namespaces=_NS)
        or root.findtext(".//meta:initial-creator", default="", namespaces=_NS)
    ).strip()
    return title, author


def read_odt(data: bytes, name: str) -> DocumentText:
    with open_zip(data, name, texts.ODT_BROKEN) as package:
        try:
            root = ElementTree.fromstring(package.read("content.xml"))
        except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
            raise DocumentError(texts.ODT_BROKEN.format(name=name)) from exc
        title, author = _meta(package)
    body = root.find("office:body/office:text", _NS)
    sections: list[tuple[str, list[str]]] = [("", [])]
    if body is not None:
        _walk(body, sections)
    found = tuple(Section(h, tuple(ps), own_heading=h != TABLE) for h, ps in sections if ps)
    if not found:
        raise DocumentError(texts.NO_TEXT.format(name=name))
    return DocumentText(name=name, kind="structured", sections=found, title=title, author=author)
