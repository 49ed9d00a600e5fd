"""The JSON export: the public contract `Commission.model_dump(mode="json")`, pretty-printed.

Named `as_json` so it never shadows the standard library's `json`.
"""

from __future__ import annotations

import json

from opdrachtassistent.commission import Commission
from opdrachtassistent.reviewing.checks import Review


def to_json(commission: Commission) -> str:
    """Pretty JSON (2-space indent, UTF-8 characters kept) that `from_json` reads back."""
    return json.dumps(commission.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def from_json(text: str) -> Commission:
    """Read a commission back; raises `pydantic.ValidationError` (a `ValueError`) if invalid."""
    return Commission.model_validate_json(text)


def review_to_json(review: Review) -> str:
    """The review with its findings and cited passages, pretty-printed."""
    return json.dumps(review.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
