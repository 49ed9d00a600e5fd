"""Drafting a commission from notes in one go, for programme offices.

The same extraction and merge rules as the interview, without the conversation: what the
notes say is filled in; what a complete commission still lacks becomes an open question, and
so does a value that cannot be used ("budget: -300 euro", "30 februari 2027": ignored) or a
choice the notes leave (two budgets).
"""

from __future__ import annotations

from opdrachtassistent.commission import SECTIONS, Commission
from opdrachtassistent.dialogue.merging import merge_extraction, record_origins
from opdrachtassistent.dialogue.phrasing import open_questions_for, refusal
from opdrachtassistent.extract.base import Extractor
from opdrachtassistent.extract.evidence import model_values
from opdrachtassistent.extract.rules import RulesExtractor
from opdrachtassistent.lang import nl


def draft(
    text: str, *, extractor: Extractor | None = None, document: str | None = None
) -> Commission:
    """Read notes (a mail, minutes, a council proposal) into a draft commission.

    `document` is the file name the text was read from: every value's provenance then
    names it (source "document"); without it the text is notes a user pasted ("user").
    """
    commission = Commission()
    text = text or ""
    extractor = extractor or RulesExtractor()
    extraction = extractor.extract(text, section=None)
    merge_extraction(commission, extraction, current=None, correction=False)
    model: set[tuple[str, str]] = set()
    if not isinstance(extractor, RulesExtractor):
        model = model_values(extraction, RulesExtractor().extract(text, section=None))
    record_origins(
        None,
        commission,
        text,
        source="document" if document else "user",
        document=document,
        model=model,
    )
    missing = [q for key in SECTIONS for q in open_questions_for(commission, key)]
    unusable = [
        refusal(b.field, b.quote, b.problem, open_question=True) for b in nl.bad_values(text or "")
    ]
    chosen = commission.open_questions  # choices the notes leave, from the extraction
    commission.open_questions = list(dict.fromkeys([*missing, *unusable, *chosen]))
    return commission
