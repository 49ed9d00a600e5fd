"""`gesprekken`, `gesprek verwijderen` and `opruimen`: the stored conversations for an
operator, on the machine where the app keeps them.

Whoever can run these can read the sessions store anyway; the owner flags are there so a
deletion hits exactly the conversation of the person who asked for it (AVG), not to guard.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from opdrachtassistent.cli.common import report_error
from opdrachtassistent.errors import InputError, OpdrachtError

if TYPE_CHECKING:
    from opdrachtassistent.cli.common import Subparsers
    from opdrachtassistent.config import Settings
    from opdrachtassistent.storage.sessions import SessionStore, SessionSummary

_SESSION_ID = re.compile(r"^[0-9a-f]{32}$")
_BATCH = 200  # conversations read per query while listing


def _settings(args: argparse.Namespace) -> Settings:
    from opdrachtassistent.config import Settings

    data_dir: Path | None = getattr(args, "data_dir", None)
    return Settings(data_dir=data_dir) if data_dir else Settings()


def _store(settings: Settings) -> SessionStore:
    """The sessions store the app uses with these settings (database URL or SQLite file)."""
    from opdrachtassistent.storage.sessions import open_store

    return open_store(settings)


def _owner(args: argparse.Namespace) -> str:
    """The owner the command acts for: a logged-in user, or a browser's code."""
    if args.user is not None:
        name = args.user.strip()
        if not name:
            raise InputError("Geef bij --gebruiker een gebruikersnaam.")
        return f"user:{name}"
    token = (args.owner or "").strip()
    if not token:
        raise InputError("Geef bij --eigenaar de code van een browser.")
    return token


def _add_owner_options(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--gebruiker",
        dest="user",
        metavar="NAAM",
        help="de gesprekken van deze ingelogde gebruiker",
    )
    who.add_argument(
        "--eigenaar",
        dest="owner",
        metavar="CODE",
        help="de gesprekken van deze browsercode (zonder inloggen; de code staat in de "
        "lokale opslag van de browser)",
    )
    _add_data_dir(parser)


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        metavar="MAP",
        help="datamap van de app (standaard: $OPDRACHTASSISTENT_DATA_DIR of "
        "~/.local/share/opdrachtassistent)",
    )


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is geen aantal dagen; geef 1 of meer")
    return value


# -- gesprekken ---------------------------------------------------------------------------


def add_list_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "gesprekken",
        help="opgeslagen gesprekken van een gebruiker tonen",
        description="Toon de opgeslagen gesprekken van één gebruiker of browser, het laatst "
        "gewijzigde eerst: code, laatste wijziging, hoe compleet, titel.",
    )
    parser.add_argument("--zoek", dest="query", metavar="TEKST", help="alleen titels met TEKST")
    parser.add_argument("--json", action="store_true", help="als JSON")
    _add_owner_options(parser)
    parser.set_defaults(func=run_list)
    return parser


def run_list(args: argparse.Namespace) -> int:
    try:
        owner = _owner(args)
        store = _store(_settings(args))
        query = (args.query or "").strip() or None
        found: list[SessionSummary] = []
        while batch := store.list_sessions(
            owner=owner, limit=_BATCH, offset=len(found), query=query
        ):
            found.extend(batch)
    except OpdrachtError as exc:
        return report_error(exc)
    if args.json:
        rows = [
            {
                "id": s.id,
                "titel": s.title,
                "gewijzigd": s.updated_at.isoformat(),
                "aangemaakt": s.created_at.isoformat(),
                "compleet": round(s.completeness, 2),
            }
            for s in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("Geen gesprekken gevonden.", file=sys.stderr)
        return 0
    for s in found:
        changed = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{s.id}  {changed}  {round(s.completeness * 100):>3}%  {s.title}")
    print(f"{len(found)} {'gesprek' if len(found) == 1 else 'gesprekken'}", file=sys.stderr)
    return 0


# -- gesprek verwijderen --------------------------------------------------------------------


def add_conversation_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "gesprek",
        help="één opgeslagen gesprek beheren (verwijderen)",
        description="Beheer één opgeslagen gesprek.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTIE", required=True)
    delete = actions.add_parser(
        "verwijderen",
        help="een gesprek en de exports ervan definitief verwijderen",
        description="Verwijder een gesprek en de exports ervan definitief, bijvoorbeeld op "
        "verzoek van de gebruiker. Alleen een gesprek van de opgegeven gebruiker of browser "
        "wordt verwijderd.",
    )
    delete.add_argument("session_id", metavar="ID", help="de code van het gesprek (zie gesprekken)")
    _add_owner_options(delete)
    delete.set_defaults(func=run_delete)
    return parser


def run_delete(args: argparse.Namespace) -> int:
    from opdrachtassistent.lifecycle import exports

    try:
        owner = _owner(args)
        session_id = args.session_id.strip().lower()
        if not _SESSION_ID.match(session_id):
            raise InputError(
                f"'{args.session_id}' is geen code van een gesprek (32 tekens 0-9 en a-f; "
                "zie opdrachtassistent gesprekken)."
            )
        settings = _settings(args)
        if not _store(settings).delete(session_id, owner=owner):
            raise InputError(
                "Dat gesprek bestaat niet (meer) of hoort bij een andere gebruiker; er is "
                "niets verwijderd."
            )
        removed = exports.remove(Path(settings.data_dir), [session_id])
    except OpdrachtError as exc:
        return report_error(exc)
    print(f"Gesprek {session_id} is verwijderd, met {removed} exportmap(pen).")
    return 0


# -- opruimen -------------------------------------------------------------------------------


def add_purge_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "opruimen",
        help="gesprekken ouder dan de bewaartermijn verwijderen",
        description="Verwijder eenmalig de gesprekken (met hun exports) die langer dan de "
        "bewaartermijn niet zijn gewijzigd; de app doet dit zelf bij de start en elke dag. "
        "De termijn komt uit OPDRACHTASSISTENT_RETENTION_DAYS of --dagen.",
    )
    parser.add_argument(
        "--dagen",
        dest="days",
        type=_days,
        default=None,
        metavar="AANTAL",
        help="bewaartermijn in dagen (standaard: $OPDRACHTASSISTENT_RETENTION_DAYS)",
    )
    _add_data_dir(parser)
    parser.set_defaults(func=run_purge)
    return parser


def run_purge(args: argparse.Namespace) -> int:
    from opdrachtassistent.lifecycle import retention

    try:
        settings = _settings(args)
        days = args.days or settings.retention_days
        if not days:
            print(
                "Er is geen bewaartermijn ingesteld (OPDRACHTASSISTENT_RETENTION_DAYS of "
                "--dagen): er is niets verwijderd."
            )
            return 0
        purged = retention.purge_expired(_store(settings), Path(settings.data_dir), days)
    except OpdrachtError as exc:
        return report_error(exc)
    print(
        f"{purged.conversations} gesprek(ken) ouder dan {days} dagen verwijderd, "
        f"met {purged.exports} exportmap(pen)."
    )
    return 0
