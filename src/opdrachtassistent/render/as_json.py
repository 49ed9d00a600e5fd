"""The JSON export: the public contract `Commission.model_dump(mode="json")`, pretty-printed.

When the commission is a shared conversation's, the export may carry where it stands in the
review loop as three optional top-level keys beside the commission's own: `status`
("concept", "ter_review", "vastgesteld"), `version` (the latest version's number) and
`comments` (the open ones: id, section, author, text, at, parent_id). A reader that knows
only the commission ignores them; `from_json` drops them before validating.

Named `as_json` so it never shadows the standard library's `json`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from opdrachtassistent.commission import Commission
from opdrachtassistent.reviewing.checks import Review
from opdrachtassistent.workflow.model import Comment, Status

WORKFLOW_KEYS: tuple[str, ...] = ("status", "version", "comments")


def commission_data(
    commission: Commission,
    *,
    status: Status | None = None,
    version: int | None = None,
    comments: Sequence[Comment] | None = None,
) -> dict[str, Any]:
    """The public JSON as a dict, with the review loop's keys when given."""
    data: dict[str, Any] = commission.model_dump(mode="json")
    if status is not None:
        data["status"] = status
    if version is not None:
        data["version"] = version
    if comments is not None:
        data["comments"] = [
            {
                "id": c.id,
                "section": c.section,
                "author": c.author,
                "text": c.text,
                "at": c.at.isoformat(),
                "parent_id": c.parent_id,
            }
            for c in comments
            if not c.resolved
        ]
    return data


def to_json(
    commission: Commission,
    *,
    status: Status | None = None,
    version: int | None = None,
    comments: Sequence[Comment] | None = None,
) -> str:
    """Pretty JSON (2-space indent, UTF-8 characters kept) that `from_json` reads back;
    `status`, `version` and the open `comments` are added when given."""
    data = commission_data(commission, status=status, version=version, comments=comments)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def from_json(text: str) -> Commission:
    """Read a commission back; raises `pydantic.ValidationError` (a `ValueError`) if invalid.
    The review loop's keys (`status`, `version`, `comments`) are not part of it."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None  # pydantic says what is wrong with it, as before
    if isinstance(data, dict) and any(key in data for key in WORKFLOW_KEYS):
        return Commission.model_validate(commission_part(data))
    return Commission.model_validate_json(text)


def commission_part(data: Any) -> Any:
    """An export's JSON without the review loop's keys (anything else as it is)."""
    if isinstance(data, dict):
        return {k: v for k, v in data.items() if k not in WORKFLOW_KEYS}
    return data


def review_to_json(review: Review) -> str:
    """The review with its findings and cited passages, pretty-printed."""
    return json.dumps(review.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
