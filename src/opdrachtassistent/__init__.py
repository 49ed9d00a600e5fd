"""opdrachtassistent: draft an integral commission for public space, offline first.

The public API: the commission model, the interview, drafting from notes, and the review.
Names are loaded on first use, so `import opdrachtassistent` stays cheap.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opdrachtassistent.commission import Commission, Completeness, Stakeholder
    from opdrachtassistent.drafting import draft
    from opdrachtassistent.interview import Interview, InterviewState, Turn
    from opdrachtassistent.review import Review

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
    "Interview": "opdrachtassistent.interview",
    "InterviewState": "opdrachtassistent.interview",
    "Turn": "opdrachtassistent.interview",
    "draft": "opdrachtassistent.drafting",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'opdrachtassistent' has no attribute {name!r}")


# Load the review module first, so the package attribute `review` below stays the function
# (a later `import opdrachtassistent.review` finds the module loaded and leaves it alone).
importlib.import_module("opdrachtassistent.review")


def review(commission: Commission, **kwargs: Any) -> Review:
    """Check a commission for the bottlenecks the essay warns about, with citations.

    Without a `retriever=` argument the built-in knowledge corpus is used for citations.
    """
    review_module = sys.modules["opdrachtassistent.review"]
    if "retriever" not in kwargs:
        from opdrachtassistent.services import default_retriever

        kwargs["retriever"] = default_retriever()
    result: Review = review_module.review(commission, **kwargs)
    return result
