"""`opdrachten`, `logboek` and `wijzigingen`: the review loop from the command line.

`opdrachten` lists the commissions in the sessions store with where they stand (status,
latest version), for a programme office that lists, say, every commission ter review in a
batch. With `--gebruiker` the list holds what that user may open (their own and those
shared with them, with their role); without it, every commission in the store: whoever can
run this command can read the store anyway.

`logboek` exports one commission's audit trail (CSV, JSON or Markdown) and `wijzigingen`
writes the change report between two versions (Markdown, or Word with --uit); both act
for a named user and follow the same permissions as the app.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
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


# -- logboek ------------------------------------------------------------------------------


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen versienummer; geef 1 of meer")
    return value


def _add_conversation_and_user(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("session_id", metavar="ID", help="de code van de opdracht (zie opdrachten)")
    parser.add_argument(
        "--gebruiker",
        dest="user",
        metavar="NAAM",
        required=True,
        help="de ingelogde gebruiker voor wie u dit opvraagt (zijn of haar rechten gelden)",
    )
    _add_data_dir(parser)


def add_audit_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "logboek",
        help="het logboek van een opdracht exporteren",
        description="Exporteer het logboek van één opdracht: wie wat wanneer deed "
        "(aangemaakt, gedeeld, opmerking, vastgesteld, ...). Alleen voor de opsteller en de "
        "opdrachtgever.",
    )
    _add_conversation_and_user(parser)
    parser.add_argument(
        "--formaat",
        dest="format",
        choices=("csv", "json", "md"),
        default="csv",
        help="csv (standaard), json of md",
    )
    parser.set_defaults(func=run_audit)
    return parser


def run_audit(args: argparse.Namespace) -> int:
    from opdrachtassistent.workflow import report
    from opdrachtassistent.workflow.service import Workflow, member_of

    try:
        flow = Workflow(_store(_settings(args)))
        user = member_of(args.user)
        conv = args.session_id.strip().lower()
        events = flow.audit(conv, user)
        record = flow.open(conv, user)
    except OpdrachtError as exc:
        return report_error(exc)
    if args.format == "json":
        sys.stdout.write(report.audit_json(events))
    elif args.format == "md":
        sys.stdout.write(report.audit_markdown(events, title=record.title if record else ""))
    else:
        sys.stdout.write(report.audit_csv(events))
    return 0


# -- wijzigingen --------------------------------------------------------------------------


def add_changes_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "wijzigingen",
        help="wat er tussen twee versies van een opdracht veranderde",
        description="Vergelijk twee versies van een opdracht per onderdeel: wat er is "
        "toegevoegd, verwijderd of gewijzigd, door wie en wanneer. Zonder --naar: met de "
        "tekst zoals die nu is. Zonder --van: de laatst vastgestelde versie.",
    )
    _add_conversation_and_user(parser)
    parser.add_argument(
        "--van",
        dest="old",
        type=_positive,
        default=None,
        metavar="VERSIE",
        help="de oude versie (standaard: de laatst vastgestelde)",
    )
    parser.add_argument(
        "--naar",
        dest="new",
        type=_positive,
        default=None,
        metavar="VERSIE",
        help="de nieuwe versie (standaard: de tekst zoals die nu is)",
    )
    parser.add_argument(
        "--uit",
        dest="output",
        type=Path,
        default=None,
        metavar="PAD",
        help="schrijf het rapport naar dit bestand; .docx geeft een Word-document, anders "
        "Markdown (standaard: Markdown op het scherm)",
    )
    parser.set_defaults(func=run_changes)
    return parser


def run_changes(args: argparse.Namespace) -> int:
    from opdrachtassistent.workflow import report
    from opdrachtassistent.workflow.service import Workflow, member_of

    try:
        flow = Workflow(_store(_settings(args)))
        user = member_of(args.user)
        conv = args.session_id.strip().lower()
        old = args.old
        if old is None:
            approved = flow.approved(conv, user)
            if approved is None:
                raise InputError(
                    "Deze opdracht heeft nog geen vastgestelde versie; geef --van VERSIE."
                )
            old = approved.number
        diff = flow.diff(conv, old, args.new, user)
        record = flow.open(conv, user)
        title = record.title if record else ""
        output: Path | None = args.output
        if output is None:
            sys.stdout.write(report.diff_markdown(diff, title=title))
            return 0
        try:
            if output.suffix.lower() == ".docx":
                output.write_bytes(report.diff_docx(diff, title=title))
            else:
                output.write_text(report.diff_markdown(diff, title=title), encoding="utf-8")
        except OSError as exc:
            from opdrachtassistent.errors import os_reason

            raise InputError(f"{output}: kan niet worden geschreven ({os_reason(exc)}).") from exc
    except OpdrachtError as exc:
        return report_error(exc)
    count = len(diff.changes)
    print(f"{count} {'wijziging' if count == 1 else 'wijzigingen'} naar {output}", file=sys.stderr)
    return 0
