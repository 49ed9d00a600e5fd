"""The text of a document as the readers hand it on: title, author, sections, notes.

Plain formats (.txt, .md) keep their text as it is in `body`, so that the knowledge base
can parse Markdown headings and front matter itself; structured formats (PDF, Word, ODT,
mail) give `sections`. `text` is the plain text either way, for drafting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["markdown", "text", "structured"]
TABLE = "Tabel"  # the heading a reader gives a table


@dataclass(frozen=True)
class Section:
    """A heading (empty before the first one) and its paragraphs.

    `own_heading` is False for a heading the reader made up ("Pagina 3", "Tabel"): it
    serves citations but is not the author's text, so `DocumentText.text` leaves it out.
    """

    heading: str
    paragraphs: tuple[str, ...]
    own_heading: bool = True


@dataclass(frozen=True)
class DocumentText:
    """What was read from one file; `notes` say in Dutch what was cut or left out."""

    name: str
    kind: Kind
    body: str = ""
    sections: tuple[Section, ...] = ()
    title: str = ""
    author: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        """The plain text: the body as read, or the sections with their headings.

        A short heading ("Aanleiding", "2.1 Doel") is written as a label before its first
        paragraph ("Aanleiding: ..."), the way notes label their parts, so the extraction
        reads it as one; a longer heading stays a line of its own.
        """
        if self.kind != "structured":
            return self.body
        blocks: list[str] = []
        for section in self.sections:
            paragraphs = list(section.paragraphs)
            heading = _NUMBERING.sub("", section.heading).strip() if section.own_heading else ""
            if heading and _is_label(heading):
                blocks.append("\n".join([f"{heading}: {paragraphs[0]}", *paragraphs[1:]]))
                continue
            if heading:
                blocks.append(heading)
            blocks.extend(paragraphs)
        return "\n\n".join(blocks)


_NUMBERING = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
MAX_LABEL_WORDS = 4


def _is_label(heading: str) -> bool:
    """A heading short enough to label a part, without punctuation of its own."""
    return len(heading.split()) <= MAX_LABEL_WORDS and not any(c in heading for c in ".:;?!")
