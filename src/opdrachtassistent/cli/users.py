"""`opdrachtassistent gebruiker toevoegen|verwijderen NAAM` and `opdrachtassistent gebruikers`:
the users who may log in when the app listens on a network address.

    opdrachtassistent gebruiker toevoegen NAAM [--wachtwoord-stdin] [--vervang]
    opdrachtassistent gebruiker verwijderen NAAM
    opdrachtassistent gebruikers

The password is asked twice without echo, or read from the first line of standard input
with --wachtwoord-stdin (for scripts). Exit codes: 0 done; 1 the users file cannot be used;
2 unusable input (a bad name or password, an unknown user).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from opdrachtassistent.auth.users import UsersFile
from opdrachtassistent.errors import InputError, OpdrachtError

if TYPE_CHECKING:
    from opdrachtassistent.cli.common import Subparsers


def _users_file(args: argparse.Namespace) -> UsersFile:
    from opdrachtassistent.config import Settings

    data_dir: Path | None = getattr(args, "data_dir", None)
    settings = Settings(data_dir=data_dir) if data_dir else Settings()
    return UsersFile(settings.users_path)


def _add_data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir",
        type=Path,
        metavar="MAP",
        help="datamap van de app (standaard OPDRACHTASSISTENT_DATA_DIR); het "
        "gebruikersbestand staat daarin, tenzij OPDRACHTASSISTENT_USERS_FILE een ander "
        "bestand noemt",
    )


def add_user_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "gebruiker",
        help="voeg een gebruiker toe of verwijder er een (inloggen op een netwerkadres)",
        description=(
            "Beheer wie mag inloggen. Op 127.0.0.1 is geen inlog nodig; op elk ander adres "
            "start de app alleen met gebruikers of met aanmelden via een proxy."
        ),
    )
    actions = p.add_subparsers(dest="action", metavar="ACTIE", required=True)
    add = actions.add_parser(
        "toevoegen",
        help="voeg een gebruiker toe (het wachtwoord wordt twee keer gevraagd)",
        description="Voeg een gebruiker toe. Het wachtwoord wordt als argon2id-hash bewaard.",
    )
    add.add_argument(
        "name", metavar="NAAM", help="gebruikersnaam (kleine letters, cijfers, . _ - @)"
    )
    add.add_argument(
        "--wachtwoord-stdin",
        dest="password_stdin",
        action="store_true",
        help="lees het wachtwoord van de eerste regel van standaardinvoer (voor scripts)",
    )
    add.add_argument(
        "--vervang",
        dest="replace",
        action="store_true",
        help="geef een bestaande gebruiker een nieuw wachtwoord",
    )
    _add_data_dir(add)
    add.set_defaults(func=run_add)
    remove = actions.add_parser(
        "verwijderen",
        help="verwijder een gebruiker",
        description="Verwijder een gebruiker; de gesprekken van die gebruiker blijven bewaard.",
    )
    remove.add_argument("name", metavar="NAAM", help="gebruikersnaam")
    _add_data_dir(remove)
    remove.set_defaults(func=run_remove)


def add_users_parser(subparsers: Subparsers) -> None:
    p = subparsers.add_parser(
        "gebruikers",
        help="toon wie mag inloggen",
        description="Toon de gebruikers in het gebruikersbestand, een per regel.",
    )
    _add_data_dir(p)
    p.set_defaults(func=run_list)


def _read_password(from_stdin: bool) -> str:
    """The new password: one line of stdin, or asked twice without echo."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    if getpass.getpass("Herhaal het wachtwoord: ") != first:
        raise InputError("De wachtwoorden zijn niet gelijk; er is niets opgeslagen.")
    return first


def run_add(args: argparse.Namespace) -> int:
    try:
        users = _users_file(args)
        password = _read_password(args.password_stdin)
        name = users.add(args.name, password, replace=args.replace)
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\nAfgebroken; er is niets opgeslagen.\n")
        return 2
    except OpdrachtError as exc:
        sys.stderr.write(exc.message + "\n")
        return exc.exit_code
    done = "heeft een nieuw wachtwoord" if args.replace else "is toegevoegd"
    sys.stdout.write(f"Gebruiker '{name}' {done} ({users.path}).\n")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    try:
        users = _users_file(args)
        removed = users.remove(args.name)
    except OpdrachtError as exc:
        sys.stderr.write(exc.message + "\n")
        return exc.exit_code
    if not removed:
        sys.stderr.write(f"Er is geen gebruiker '{args.name}' ({users.path}).\n")
        return 2
    sys.stdout.write(
        f"Gebruiker '{args.name}' is verwijderd. Een geopende sessie van deze gebruiker "
        "loopt door tot de app opnieuw start.\n"
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    try:
        users = _users_file(args)
        names = users.names()
    except OpdrachtError as exc:
        sys.stderr.write(exc.message + "\n")
        return exc.exit_code
    if not names:
        sys.stderr.write(
            f"Er zijn nog geen gebruikers ({users.path}). Voeg er een toe met "
            "'opdrachtassistent gebruiker toevoegen NAAM'.\n"
        )
        return 0
    sys.stdout.write("".join(f"{name}\n" for name in names))
    return 0
