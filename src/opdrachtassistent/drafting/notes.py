"""Drafting a commission from notes in one go, for programme offices.

The same extraction and merge rules as the interview, without the conversation: what the
notes say is filled in; what a complete commission still lacks becomes an open question.
"""

from __future__ import annotations

from opdrachtassistent.commission import SECTIONS, Commission, Origin
from opdrachtassistent.dialogue.merging import merge_extraction
from opdrachtassistent.dialogue.phrasing import open_questions_for
from opdrachtassistent.extract.base import Extractor
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.provenance import mark


def draft(
    text: str, *, extractor: Extractor | None = None, document: str | None = None
) -> Commission:
    """Read notes (a mail, minutes, a council proposal) into a draft commission.

    `document` is the file name the text was read from: every value's provenance then
    names it (source "document"); without it the text is notes a user pasted ("user").
    """
    commission = Commission()
    extraction = (extractor or RulesExtractor()).extract(text or "", section=None)
    merge_extraction(commission, extraction, current=None, correction=False)
    origin = Origin(source="document", document=document) if document else Origin(source="user")
    mark(commission, origin)
    commission.open_questions = [q for key in SECTIONS for q in open_questions_for(commission, key)]
    return commission
