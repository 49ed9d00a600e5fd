"""PDF (pypdf): one section per page, headed "Pagina N", up to `MAX_PAGES` pages.

A PDF protected only against editing (an empty user password, common for published
council documents) is opened; one that needs a password to be read is refused.
"""

from __future__ import annotations

import io

from opdrachtassistent.documents import texts
from opdrachtassistent.documents.limits import MAX_CHARS, MAX_PAGES
from opdrachtassistent.documents.model import DocumentText, Section
from opdrachtassistent.documents.plain import paragraphs
from opdrachtassistent.errors import DocumentError


def read_pdf(data: bytes, name: str) -> DocumentText:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    notes: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(texts.PDF_ENCRYPTED.format(name=name))
        meta = reader.metadata
        title = str(meta.title or "") if meta else ""
        author = str(meta.author or "") if meta else ""
        total = len(reader.pages)
        if total > MAX_PAGES:
            notes.append(texts.PAGES_CUT.format(name=name, limit=MAX_PAGES, total=total))
        sections: list[Section] = []
        chars = 0
        for number in range(min(total, MAX_PAGES)):
            found = paragraphs(reader.pages[number].extract_text() or "")
            if found:
                sections.append(Section(f"Pagina {number + 1}", tuple(found), own_heading=False))
                chars += sum(len(p) for p in found)
            if chars > MAX_CHARS:
                break  # the reader cuts the text; more pages would be thrown away
    except DocumentError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:
        raise DocumentError(texts.PDF_ENCRYPTED.format(name=name)) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise DocumentError(texts.PDF_BROKEN.format(name=name), detail=str(exc)) from exc
    except RecursionError as exc:  # a malformed object tree
        raise DocumentError(texts.PDF_BROKEN.format(name=name), detail="recursion") from exc
    if not sections:
        raise DocumentError(texts.NO_TEXT_PDF.format(name=name))
    return DocumentText(
        name=name,
        kind="structured",
        sections=tuple(sections),
        title=title,
        author=author,
        notes=tuple(notes),
    )
