"""Drafting a commission from notes in one go, for programme offices.

The same extraction and merge rules as the interview, without the conversation: what the
notes say is filled in; what a complete commission still lacks becomes an open question.
"""

from __future__ import annotations

from opdrachtassistent.commission import SECTIONS, Commission
from opdrachtassistent.dialogue.merging import merge_extraction
from opdrachtassistent.dialogue.phrasing import open_questions_for
from opdrachtassistent.extract.base import Extractor
from opdrachtassistent.extract.rules import RulesExtractor


def draft(text: str, *, extractor: Extractor | None = None) -> Commission:
    """Read notes (a mail, minutes, a council proposal) into a draft commission."""
    commission = Commission()
    extraction = (extractor or RulesExtractor()).extract(text or "", section=None)
    merge_extraction(commission, extraction, current=None, correction=False)
    commission.open_questions = [q for key in SECTIONS for q in open_questions_for(commission, key)]
    return commission
