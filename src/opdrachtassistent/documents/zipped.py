"""Office files are zip packages: open one safely and tell a Word file from an ODT file."""

from __future__ import annotations

import io
import zipfile
from typing import Literal

from opdrachtassistent.documents import texts
from opdrachtassistent.documents.limits import MAX_UNZIPPED_BYTES
from opdrachtassistent.errors import DocumentError

ZipKind = Literal["docx", "odt", "other"]
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def open_zip(data: bytes, name: str, broken: str) -> zipfile.ZipFile:
    """The package, refusing one that unpacks to more than `MAX_UNZIPPED_BYTES`."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(broken.format(name=name)) from exc
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise DocumentError(texts.ZIP_BOMB.format(name=name, limit=MAX_UNZIPPED_BYTES // 1_000_000))
    return package


def zip_kind(data: bytes) -> ZipKind:
    """Which office format a zip holds, from its parts (not its file name)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and package.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
    except (zipfile.BadZipFile, ValueError, OSError, KeyError):
        return "other"
    return "other"
