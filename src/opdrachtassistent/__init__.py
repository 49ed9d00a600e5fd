"""opdrachtassistent: draft an integral commission for public space, offline first.

The public API: the commission model, the interview, drafting from notes, and the review.
Names are loaded on first use, so `import opdrachtassistent` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opdrachtassistent.commission import Commission, Completeness, Stakeholder
    from opdrachtassistent.dialogue.interview import Interview, InterviewState, Turn
    from opdrachtassistent.drafting.notes import draft
    from opdrachtassistent.reviewing.checks import Review

__all__ = [
    "Commission",
    "Completeness",
    "Interview",
    "InterviewState",
    "Stakeholder",
    "Turn",
    "draft",
    "review",
]

_LAZY = {
    "Commission": "opdrachtassistent.commission",
    "Completeness": "opdrachtassistent.commission",
    "Stakeholder": "opdrachtassistent.commission",
    "Interview": "opdrachtassistent.dialogue.interview",
    "InterviewState": "opdrachtassistent.dialogue.interview",
    "Turn": "opdrachtassistent.dialogue.interview",
    "draft": "opdrachtassistent.drafting.notes",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'opdrachtassistent' has no attribute {name!r}")


def review(commission: Commission, **kwargs: Any) -> Review:
    """Check a commission for the bottlenecks the essay warns about, with citations.

    Without a `retriever=` argument the built-in knowledge corpus is used for citations.
    """
    from opdrachtassistent.reviewing.checks import review as check

    if "retriever" not in kwargs:
        from opdrachtassistent.services import default_retriever

        kwargs["retriever"] = default_retriever()
    return check(commission, **kwargs)
