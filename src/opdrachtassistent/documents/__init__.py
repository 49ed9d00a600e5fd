"""Documents to plain text: one reader per format, shared by `draft`, the app and `ingest`.

    read_document(path) -> DocumentText      read_bytes(data, name) -> DocumentText

Formats: .docx (python-docx), .pdf (pypdf), .odt (zip + XML, standard library), .eml
(standard library `email`, attachments read too), .md and .txt (UTF-8, UTF-8 with BOM,
Windows-1252, UTF-16 with BOM). An Outlook .msg or an old .doc gets a Dutch request to
save it in a readable format. Limits are in `limits.py`; every refusal is a
`DocumentError` with a Dutch message that starts with the file name.
"""

from __future__ import annotations

from opdrachtassistent.documents.model import DocumentText, Section
from opdrachtassistent.documents.plain import paragraphs
from opdrachtassistent.documents.reading import (
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    read_bytes,
    read_document,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "DocumentText",
    "Section",
    "paragraphs",
    "read_bytes",
    "read_document",
]
