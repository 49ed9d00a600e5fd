"""One entry point for every document: `read_document(path)` and `read_bytes(data, name)`.

The format is told from the content where it can be (a PDF, a Word or ODT package, an
Outlook or old Office file), else from the file name. Limits are checked before parsing,
so a huge file is refused at once; a long one is read up to its page and character limits
with a Dutch note. Every refusal is a `DocumentError` whose message starts with the name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from opdrachtassistent.documents import texts
from opdrachtassistent.documents.limits import MAX_CHARS, MAX_FILE_BYTES, MAX_TEXT_BYTES
from opdrachtassistent.documents.mail import read_eml
from opdrachtassistent.documents.model import DocumentText, Section
from opdrachtassistent.documents.odt import read_odt
from opdrachtassistent.documents.pdf import read_pdf
from opdrachtassistent.documents.plain import decode_text
from opdrachtassistent.documents.word import read_docx
from opdrachtassistent.documents.zipped import zip_kind
from opdrachtassistent.errors import DocumentError, os_reason
from opdrachtassistent.usertext import clean

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
SUPPORTED_SUFFIXES = (".docx", ".pdf", ".odt", ".eml", *TEXT_SUFFIXES)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Outlook .msg, Word .doc, Excel .xls


def _markdown(data: bytes, name: str) -> DocumentText:
    return DocumentText(name=name, kind="markdown", body=decode_text(data, name))


def _text(data: bytes, name: str) -> DocumentText:
    return DocumentText(name=name, kind="text", body=decode_text(data, name))


def _mail(data: bytes, name: str) -> DocumentText:
    return read_eml(data, name, read_attachment=_attachment)


def _attachment(data: bytes, name: str) -> DocumentText:
    """An attachment of a mail: any document but another mail (no recursion)."""
    if Path(name).suffix.lower() == ".eml":
        raise DocumentError(texts.UNSUPPORTED.format(name=name, suffix=".eml"))
    return read_bytes(data, name)


Reader = Callable[[bytes, str], DocumentText]
_BY_SUFFIX: dict[str, Reader] = {
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".odt": read_odt,
    ".eml": _mail,
    ".md": _markdown,
    ".markdown": _markdown,
}


def _reader(data: bytes, name: str) -> Reader:
    """The reader for these bytes: by content first, then by the file name's suffix."""
    suffix = Path(name).suffix.lower()
    if data[:1024].lstrip().startswith(b"%PDF") or (suffix == ".pdf" and b"%PDF" in data[:1024]):
        return read_pdf
    if data.startswith(b"PK\x03\x04"):
        kind = zip_kind(data)
        if kind == "docx":
            return read_docx
        if kind == "odt":
            return read_odt
        if suffix == ".docx":
            raise DocumentError(texts.DOCX_BROKEN.format(name=name))
        if suffix == ".odt":
            raise DocumentError(texts.ODT_BROKEN.format(name=name))
        raise DocumentError(texts.OTHER_ZIP.format(name=name))
    if suffix == ".msg" or (data.startswith(_OLE) and suffix != ".doc" and b"__substg" in data):
        raise DocumentError(texts.MSG.format(name=name))
    if suffix == ".doc" or data.startswith(_OLE):
        raise DocumentError(texts.OLD_WORD.format(name=name))
    return _BY_SUFFIX.get(suffix, _text)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f}".replace(".", ",")


def _check_size(size: int, name: str) -> None:
    if size > MAX_FILE_BYTES:
        raise DocumentError(
            texts.TOO_LARGE.format(
                name=name, size=_megabytes(size), limit=MAX_FILE_BYTES // 1_000_000
            )
        )


def _cut(document: DocumentText) -> DocumentText:
    """The document within `MAX_CHARS` characters, with a note when it was cut."""
    if len(document.text) <= MAX_CHARS:
        return document
    note = texts.CHARS_CUT.format(name=document.name, limit=f"{MAX_CHARS:,}".replace(",", "."))
    notes = (*document.notes, note)
    if document.kind != "structured":
        return replace(document, body=document.body[:MAX_CHARS], notes=notes)
    kept: list[Section] = []
    left = MAX_CHARS
    for section in document.sections:
        paragraphs: list[str] = []
        for paragraph in section.paragraphs:
            if left <= 0:
                break
            paragraphs.append(paragraph[:left])
            left -= len(paragraph) + 2
        if paragraphs:
            kept.append(replace(section, paragraphs=tuple(paragraphs)))
        if left <= 0:
            break
    return replace(document, sections=tuple(kept), notes=notes)


def _clean(document: DocumentText) -> DocumentText:
    """The document without control and bidi-override characters, in every part."""
    return replace(
        document,
        body=clean(document.body),
        title=clean(document.title),
        author=clean(document.author),
        sections=tuple(
            replace(s, heading=clean(s.heading), paragraphs=tuple(map(clean, s.paragraphs)))
            for s in document.sections
        ),
    )


def read_bytes(data: bytes, name: str) -> DocumentText:
    """The text of a document given as bytes, with `name` (its file name) for the format
    and the messages; raises `DocumentError` with a Dutch reason."""
    name = clean(name)
    if not data.strip():
        raise DocumentError(texts.EMPTY.format(name=name))
    _check_size(len(data), name)
    reader = _reader(data, name)
    if reader in (_text, _markdown) and len(data) > MAX_TEXT_BYTES:
        raise DocumentError(
            texts.TOO_LARGE_TEXT.format(
                name=name, size=_megabytes(len(data)), limit=MAX_TEXT_BYTES // 1_000_000
            )
        )
    document = _clean(reader(data, name))
    if not document.text.strip():
        raise DocumentError(texts.EMPTY.format(name=name))
    return _cut(document)


def read_document(path: Path, *, name: str | None = None) -> DocumentText:
    """Read one file (`name` overrides the file name, e.g. for an upload's original name)."""
    shown = name or path.name or str(path)
    try:
        if path.is_dir():
            raise DocumentError(texts.IS_DIRECTORY.format(name=shown))
        _check_size(path.stat().st_size, shown)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(texts.NOT_FOUND.format(name=shown)) from exc
    except PermissionError as exc:
        raise DocumentError(texts.NO_PERMISSION.format(name=shown)) from exc
    except OSError as exc:
        raise DocumentError(texts.UNREADABLE.format(name=shown, reason=os_reason(exc))) from exc
    return read_bytes(data, shown)
