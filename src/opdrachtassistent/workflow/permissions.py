"""Who may do what to a shared commission: one table, as data.

The owner (opsteller) drafts, shares and submits; a bewerker edits sections too; a meelezer
reads and comments; the opdrachtgever approves or sends back. Approval is the
opdrachtgever's alone (four eyes: nobody approves their own commission), but the owner may
take a submitted commission back (send back, with a reason). The audit trail is for the
owner and the opdrachtgever. Anyone else has no standing and sees nothing, not even
whether the commission exists.

Pure: stdlib only. The service asks `allowed` before every change and every read, and
raises `refuse(operation)` when the answer is no.
"""

from __future__ import annotations

from typing import Literal, get_args

from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.workflow.model import Standing

Operation = Literal[
    "read",  # open the conversation, its versions, comments and diffs
    "comment",  # place a comment or reply
    "resolve",  # mark a comment resolved (its author may always resolve their own)
    "edit",  # change the commission, record a version
    "share",  # give a colleague a role
    "unshare",  # take a role away
    "submit",  # concept -> ter review
    "approve",  # ter review -> vastgesteld
    "send_back",  # ter review -> concept, with a reason
    "read_audit",  # read and export the audit trail
]
OPERATIONS: tuple[Operation, ...] = get_args(Operation)

PERMISSIONS: dict[Operation, frozenset[Standing]] = {
    "read": frozenset({"owner", "bewerker", "meelezer", "opdrachtgever"}),
    "comment": frozenset({"owner", "bewerker", "meelezer", "opdrachtgever"}),
    "resolve": frozenset({"owner", "bewerker"}),
    "edit": frozenset({"owner", "bewerker"}),
    "share": frozenset({"owner"}),
    "unshare": frozenset({"owner"}),
    "submit": frozenset({"owner"}),
    "approve": frozenset({"opdrachtgever"}),
    "send_back": frozenset({"owner", "opdrachtgever"}),
    "read_audit": frozenset({"owner", "opdrachtgever"}),
}

# Why a user with a standing is refused (Dutch, for the person).
REFUSALS: dict[Operation, str] = {
    "read": "U heeft geen toegang tot deze opdracht.",
    "comment": "U mag bij deze opdracht geen opmerkingen plaatsen.",
    "resolve": "Alleen de opsteller, een bewerker of de schrijver van de opmerking kan een "
    "opmerking afhandelen.",
    "edit": "U mag deze opdracht lezen en van opmerkingen voorzien, maar niet bewerken.",
    "share": "Alleen de opsteller kan deze opdracht delen.",
    "unshare": "Alleen de opsteller kan bepalen wie deze opdracht mag zien.",
    "submit": "Alleen de opsteller kan deze opdracht ter review aanbieden.",
    "approve": "Alleen de opdrachtgever kan deze opdracht vaststellen.",
    "send_back": "Alleen de opdrachtgever (of de opsteller zelf) kan deze opdracht terugsturen.",
    "read_audit": "Het logboek van deze opdracht is alleen voor de opsteller en de opdrachtgever.",
}
# Without any standing: the same words whatever was asked, so nothing leaks.
NO_ACCESS = "Deze opdracht bestaat niet of u heeft er geen toegang toe."


class WorkflowError(OpdrachtError):
    """A step of the review loop that is not allowed (a role without the right, a status
    that does not permit it, a missing reason); `message` says why in Dutch."""

    exit_code = 3


def allowed(standing: Standing | None, operation: Operation) -> bool:
    """Whether a user with this standing (None: none) may do this."""
    return standing is not None and standing in PERMISSIONS[operation]


def refuse(standing: Standing | None, operation: Operation) -> WorkflowError:
    """The error for a refused operation."""
    return WorkflowError(NO_ACCESS if standing is None else REFUSALS[operation])


def check(standing: Standing | None, operation: Operation) -> None:
    """Raise `WorkflowError` unless allowed."""
    if not allowed(standing, operation):
        raise refuse(standing, operation)
