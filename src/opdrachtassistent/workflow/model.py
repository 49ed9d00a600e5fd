"""The records of the review loop: who a commission is shared with and in which role, the
comments per section, the status, the frozen versions and the audit trail.

Pure: stdlib and pydantic only. The service (workflow/service.py) builds these from the
database; the UI and the CLI show them. Status keys are ASCII (`ter_review`); what a person
sees comes from `STATUS_LABELS`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

# The roles a colleague can have on someone else's commission; the owner has every right.
Role = Literal["meelezer", "bewerker", "opdrachtgever"]
ROLES: tuple[Role, ...] = get_args(Role)
Owner = Literal["owner"]
Standing = Role | Owner  # how a user stands to one conversation

ROLE_LABELS: dict[str, str] = {
    "owner": "opsteller",
    "meelezer": "meelezer",
    "bewerker": "bewerker",
    "opdrachtgever": "opdrachtgever",
}

Status = Literal["concept", "ter_review", "vastgesteld"]
STATUSES: tuple[Status, ...] = get_args(Status)
STATUS_LABELS: dict[Status, str] = {
    "concept": "concept",
    "ter_review": "ter review",
    "vastgesteld": "vastgesteld",
}

# What the audit trail records (in the spirit of the Logboek Dataverwerkingen: what
# happened, by whom, to which record, when).
Action = Literal[
    "created",
    "answered",
    "edited",
    "shared",
    "unshared",
    "commented",
    "resolved",
    "submitted",
    "approved",
    "sent_back",
    "versioned",
]
ACTIONS: tuple[Action, ...] = get_args(Action)
ACTION_LABELS: dict[Action, str] = {
    "created": "aangemaakt",
    "answered": "beantwoord",
    "edited": "bewerkt",
    "shared": "gedeeld",
    "unshared": "niet meer gedeeld",
    "commented": "opmerking geplaatst",
    "resolved": "opmerking afgehandeld",
    "submitted": "ter review aangeboden",
    "approved": "vastgesteld",
    "sent_back": "teruggestuurd",
    "versioned": "nieuwe versie",
}


def status_of_label(text: str) -> Status | None:
    """The status a person typed ("ter review", "ter_review", "Vastgesteld"), or None."""
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    return next((key for key, label in STATUS_LABELS.items() if label == wanted), None)


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Share(_Record):
    """One colleague's access to one conversation."""

    conversation_id: str
    user: str  # an owner string: "user:<name>"
    role: Role
    by: str
    at: datetime


class Comment(_Record):
    """A remark on one section (or on the whole commission: section None); replies point to
    the comment they answer with `parent_id`."""

    id: int
    conversation_id: str
    section: str | None
    author: str
    text: str
    at: datetime
    parent_id: int | None = None
    resolved: bool = False
    resolved_by: str | None = None
    resolved_at: datetime | None = None


class Version(_Record):
    """A commission as it was at one moment: every confirmed summary, approval, or edit after
    approval. Rows are never changed; an approved one (status vastgesteld) carries the review
    (kwaliteitstoets) as it was at that moment."""

    conversation_id: str
    number: int
    status: Status
    commission_json: str
    review_json: str | None = None
    by: str
    at: datetime
    reason: str | None = None


class AuditEvent(_Record):
    """One line of the audit trail."""

    id: int
    at: datetime
    actor: str
    action: Action
    conversation_id: str
    detail: dict[str, Any] = Field(default_factory=dict)


class Listed(_Record):
    """One commission in a user's list: their standing, its status and latest version."""

    id: str
    title: str
    owner: str
    role: Standing
    status: Status
    version: int  # 0: no version recorded yet
    updated_at: datetime
    completeness: float
