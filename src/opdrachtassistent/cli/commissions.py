"""`opdrachten`: the commissions in the sessions store with where they stand in the review
loop (status, latest version), for a programme office that lists, say, every commission ter
review in a batch.

With `--gebruiker` the list holds what that user may open (their own and those shared with
them, with their role); without it, every commission in the store: whoever can run this
command can read the store anyway.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from opdrachtassistent.cli.common import report_error
from opdrachtassistent.cli.conversations import _add_data_dir, _settings, _store
from opdrachtassistent.errors import InputError, OpdrachtError
from opdrachtassistent.workflow.model import ROLE_LABELS, STATUS_LABELS, Listed, status_of_label

if TYPE_CHECKING:
    from opdrachtassistent.cli.common import Subparsers
    from opdrachtassistent.workflow.model import Status

_STATUS_CHOICES = ", ".join(f"'{label}'" for label in STATUS_LABELS.values())


def _status(text: str) -> Status:
    found = status_of_label(text)
    if found is None:
        raise argparse.ArgumentTypeError(f"'{text}' is geen status; kies uit {_STATUS_CHOICES}")
    return found


def add_commissions_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "opdrachten",
        help="opdrachten met hun status en versie tonen",
        description="Toon de opdrachten in de gespreksopslag met hun status (concept, ter "
        "review, vastgesteld) en hun laatste versie, het laatst gewijzigde eerst. Met "
        "--gebruiker alleen wat die gebruiker mag openen: eigen opdrachten en opdrachten "
        "die met hem of haar gedeeld zijn, met de rol.",
    )
    parser.add_argument(
        "--status",
        type=_status,
        default=None,
        metavar="STATUS",
        help=f"alleen opdrachten met deze status ({_STATUS_CHOICES})",
    )
    parser.add_argument(
        "--gebruiker",
        dest="user",
        metavar="NAAM",
        default=None,
        help="alleen de opdrachten die deze ingelogde gebruiker mag openen",
    )
    parser.add_argument("--json", action="store_true", help="als JSON")
    _add_data_dir(parser)
    parser.set_defaults(func=run_commissions)
    return parser


def _row(item: Listed) -> dict[str, object]:
    return {
        "id": item.id,
        "titel": item.title,
        "status": item.status,
        "versie": item.version,
        "rol": item.role,
        "eigenaar": item.owner,
        "gewijzigd": item.updated_at.isoformat(),
        "compleet": round(item.completeness, 2),
    }


def run_commissions(args: argparse.Namespace) -> int:
    from opdrachtassistent.workflow.service import Workflow, member_of

    try:
        user = None
        if args.user is not None:
            if not args.user.strip():
                raise InputError("Geef bij --gebruiker een gebruikersnaam.")
            user = member_of(args.user)
        flow = Workflow(_store(_settings(args)))
        found = (
            flow.visible(user, status=args.status)
            if user is not None
            else flow.overview(status=args.status)
        )
    except OpdrachtError as exc:
        return report_error(exc)
    if args.json:
        print(json.dumps([_row(item) for item in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("Geen opdrachten gevonden.", file=sys.stderr)
        return 0
    width = max(len(label) for label in STATUS_LABELS.values())
    for item in found:
        changed = item.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        version = f"v{item.version}" if item.version else "-"
        role = "" if user is None else f"  ({ROLE_LABELS[item.role]})"
        print(
            f"{item.id}  {STATUS_LABELS[item.status]:<{width}}  {version:>4}  {changed}  "
            f"{item.title}{role}"
        )
    print(f"{len(found)} {'opdracht' if len(found) == 1 else 'opdrachten'}", file=sys.stderr)
    return 0
