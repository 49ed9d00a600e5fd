"""Turn documents into citable chunks; the reading itself (every format) is `documents`.

A chunk is one heading section (split further by paragraph when it is long). Each keeps the
document title, its source (for the citation) and its heading, plus content hashes so that
re-ingesting an unchanged file changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from opdrachtassistent.documents import SUPPORTED_SUFFIXES, paragraphs, read_bytes
from opdrachtassistent.knowledge.corpus import FrontMatter, parse_front_matter
from opdrachtassistent.knowledge.errors import DocumentError

__all__ = ["SUPPORTED_SUFFIXES", "Chunk", "Document", "chunk_file", "chunk_markdown", "chunk_text"]
MAX_WORDS = 220
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_MAX_HEADING_WORDS = 10


@dataclass(frozen=True)
class Chunk:
    """One citable passage of a document."""

    id: str
    doc_key: str
    text: str
    title: str
    source: str
    heading: str
    position: int
    sections: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()

    @property
    def content_hash(self) -> str:
        """Hash of what gets embedded: an unchanged hash means the old vector can be reused."""
        return sha256_text(f"{self.title}\n{self.heading}\n{self.text}")

    def embedding_text(self) -> str:
        """The text the embedding model sees: title and heading give a short passage context."""
        head = f"{self.title}. {self.heading}" if self.heading else self.title
        return f"{head}\n{self.text}"


@dataclass(frozen=True)
class Document:
    """A chunked file: its stable key, the hash of its bytes and its chunks."""

    key: str
    path: Path
    title: str
    source: str
    content_hash: str
    chunks: list[Chunk] = field(default_factory=list)


@dataclass
class _Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slugify(text: str) -> str:
    """`Waarom vragen we naar het doel?` -> `waarom-vragen-we-naar-het-doel`."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def user_doc_key(path: Path) -> str:
    """Key for a user's document: readable stem plus a short hash of its absolute path."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{slugify(path.stem) or 'document'}~{digest}"


def _word_count(text: str) -> int:
    return len(text.split())


def _groupparagraphs(paragraphs: Sequence[str], max_words: int) -> list[str]:
    """Join paragraphs into pieces of at most about `max_words` words (never splitting one)."""
    groups: list[str] = []
    current: list[str] = []
    words = 0
    for paragraph in paragraphs:
        count = _word_count(paragraph)
        if current and words + count > max_words:
            groups.append("\n\n".join(current))
            current, words = [], 0
        current.append(paragraph)
        words += count
    if current:
        groups.append("\n\n".join(current))
    return groups


def _sections_to_chunks(
    doc_key: str,
    title: str,
    source: str,
    sections: Iterable[_Section],
    *,
    meta: FrontMatter,
    max_words: int,
    default_heading: str = "inleiding",
) -> list[Chunk]:
    chunks: list[Chunk] = []
    used: set[str] = set()
    for section in sections:
        pieces = _groupparagraphs(section.paragraphs, max_words)
        base = slugify(section.heading) or default_heading
        for piece in pieces:
            slug, n = base, 1
            while slug in used:
                n += 1
                slug = f"{base}-{n}"
            used.add(slug)
            chunks.append(
                Chunk(
                    id=f"{doc_key}#{slug}",
                    doc_key=doc_key,
                    text=piece,
                    title=title,
                    source=source,
                    heading=section.heading,
                    position=len(chunks),
                    sections=meta.sections,
                    themes=meta.themes,
                )
            )
    return chunks


def _markdown_sections(body: str) -> tuple[str, list[_Section]]:
    """Sections by heading; returns the first level-1 heading (a title candidate) too."""
    sections: list[_Section] = [_Section("")]
    first_h1 = ""
    in_fence = False
    buffer: list[str] = []

    def flush() -> None:
        sections[-1].paragraphs.extend(paragraphs("\n".join(buffer)))
        buffer.clear()

    for line in body.splitlines():
        if line.strip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else _HEADING_RE.match(line)
        if match:
            flush()
            heading = match.group(2).strip()
            if len(match.group(1)) == 1 and not first_h1:
                first_h1 = heading
            sections.append(_Section(heading))
        else:
            buffer.append(line)
    flush()
    return first_h1, [s for s in sections if s.paragraphs]


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and not line.rstrip().endswith((".", ",", ";", ":", "!", "?"))
        and line[:1].isupper()
    )


def _plain_sections(text: str, *, first_heading: str = "") -> list[_Section]:
    """Plain text: a short line without end punctuation that starts a block is a heading."""
    sections: list[_Section] = [_Section(first_heading)]
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if _looks_like_heading(lines[0]) and (len(lines) > 1 or len(blocks) > 1):
            sections.append(_Section(lines[0]))
            lines = lines[1:]
        if lines:
            sections[-1].paragraphs.extend(paragraphs("\n".join(lines)))
    return [s for s in sections if s.paragraphs]


def chunk_markdown(
    text: str,
    *,
    doc_key: str,
    default_title: str,
    default_source: str,
    max_words: int = MAX_WORDS,
) -> tuple[FrontMatter, str, list[Chunk]]:
    """Chunk Markdown with optional front matter; returns (front matter, title, chunks)."""
    meta, body = parse_front_matter(text)
    first_h1, sections = _markdown_sections(body)
    title = meta.title or first_h1 or default_title
    source = meta.source or default_source
    chunks = _sections_to_chunks(doc_key, title, source, sections, meta=meta, max_words=max_words)
    return meta, title, chunks


def chunk_text(
    text: str,
    *,
    doc_key: str,
    title: str,
    source: str,
    max_words: int = MAX_WORDS,
) -> list[Chunk]:
    """Chunk plain text by detected headings and paragraphs."""
    return _sections_to_chunks(
        doc_key, title, source, _plain_sections(text), meta=FrontMatter(), max_words=max_words
    )


def _source_for(path: Path, author: str) -> str:
    return f"{author}, {path.name}" if author else f"Eigen document: {path.name}"


def chunk_file(path: Path, *, doc_key: str | None = None, max_words: int = MAX_WORDS) -> Document:
    """Read and chunk one file; raises `DocumentError` with a Dutch message when it cannot."""
    if not path.exists():
        raise DocumentError(f"{path}: bestand niet gevonden.")
    if not path.is_file():
        raise DocumentError(f"{path}: dit is geen bestand.")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"{path.name}: bestandstype '{suffix or '(geen extensie)'}' wordt niet ondersteund "
            f"(wel: {', '.join(SUPPORTED_SUFFIXES)})."
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name}: het bestand kon niet worden geopend ({exc}).") from exc
    key = doc_key or user_doc_key(path)
    content_hash = hashlib.sha256(raw).hexdigest()
    default_title = path.stem.replace("-", " ").replace("_", " ").strip() or path.name
    try:
        read = read_bytes(raw, path.name)
    except DocumentError as exc:
        if not raw.strip():  # an empty file: nothing to take in, said as such
            raise DocumentError(f"{path.name}: geen tekst gevonden om op te nemen.") from exc
        raise
    if read.kind == "markdown":
        _, title, chunks = chunk_markdown(
            read.body,
            doc_key=key,
            default_title=default_title,
            default_source=_source_for(path, ""),
            max_words=max_words,
        )
        source = chunks[0].source if chunks else _source_for(path, "")
    elif read.kind == "text":
        title, source = default_title, _source_for(path, "")
        chunks = chunk_text(read.body, doc_key=key, title=title, source=source, max_words=max_words)
    else:
        title, source = read.title or default_title, _source_for(path, read.author)
        sections = [_Section(s.heading, list(s.paragraphs)) for s in read.sections]
        chunks = _sections_to_chunks(
            key, title, source, sections, meta=FrontMatter(), max_words=max_words
        )
    if not chunks:
        raise DocumentError(f"{path.name}: geen tekst gevonden om op te nemen.")
    return Document(
        key=key, path=path, title=title, source=source, content_hash=content_hash, chunks=chunks
    )
