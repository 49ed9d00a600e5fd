"""The verdict: one Dutch sentence on whether execution can start, and where it cannot."""

from __future__ import annotations

from opdrachtassistent.commission import SECTIONS
from opdrachtassistent.reviewing import texts
from opdrachtassistent.reviewing.model import Finding
from opdrachtassistent.reviewing.wording import fill, join


def verdict(findings: list[Finding], open_questions: int = 0) -> tuple[str, bool]:
    """The sentence and `ready`: ready when only laag findings and no open questions remain."""
    blocking = [f for f in findings if f.severity in ("hoog", "midden")]
    if not blocking and not open_questions:
        wording = texts.READY_WITH_LOW if findings else texts.READY
        return fill(wording, {"count": len(findings)}), True
    sections = [key for key in SECTIONS if any(f.section == key for f in blocking)]
    high = sum(1 for f in findings if f.severity == "hoog")
    if high:
        counts = fill(texts.COUNT_HIGH, {"count": high})
    elif blocking:
        counts = fill(texts.COUNT_MEDIUM, {"count": len(blocking)})
    else:
        counts = fill(texts.COUNT_OPEN_QUESTIONS, {"count": open_questions})
        sections = [key for key in SECTIONS if any(f.section == key for f in findings)]
    names = join(texts.VERDICT_NAMES[k] for k in sections)
    return fill(texts.NOT_READY, {"counts": counts, "sections": names}), False
