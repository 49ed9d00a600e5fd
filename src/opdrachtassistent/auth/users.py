"""The users file: names with argon2id password hashes, readable only by the app's account.

JSON, `{"version": 1, "users": {"<name>": {"hash": "$argon2id$...", "added": "<iso>"}}}`,
written whole to a temporary file (mode 0600) and renamed over the old one, so the app,
which reads it at every login, never sees half a file and a user added with the CLI can
log in without a restart. A damaged file is never overwritten: the operator is told.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from opdrachtassistent.auth.identity import normalize
from opdrachtassistent.errors import AuthError, InputError, os_reason

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
NAME = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,63}$")
MIN_PASSWORD_CHARS = 8
MAX_PASSWORD_CHARS = 1024  # longer is refused before hashing: no work for absurd input

_HASHER = PasswordHasher()  # argon2id with the library's defaults (RFC 9106 low-memory)
# Verified when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("niet-een-echt-wachtwoord")


def check_name(name: str) -> str:
    """The name as it is stored, or `InputError` saying in Dutch what a name may hold."""
    normal = normalize(name)
    if not NAME.match(normal):
        raise InputError(
            f"'{name}' kan geen gebruikersnaam zijn: gebruik kleine letters, cijfers en "
            "eventueel . _ - of @ (hoogstens 64 tekens, beginnend met een letter of cijfer)."
        )
    return normal


def check_password(password: str) -> None:
    """`InputError` for a password too short or too long to accept."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise InputError(
            f"Het wachtwoord is te kort: gebruik minstens {MIN_PASSWORD_CHARS} tekens."
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise InputError(f"Het wachtwoord is te lang: hoogstens {MAX_PASSWORD_CHARS} tekens.")


class UsersFile:
    """The users of one installation, read from and written to `path`."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    # -- reading ---------------------------------------------------------------------------

    def _read(self) -> dict[str, dict[str, Any]]:
        """Name -> entry; an absent file is no users; a damaged one is an `AuthError`."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError) as exc:
            reason = os_reason(exc) if isinstance(exc, OSError) else "geen UTF-8-tekst"
            raise AuthError(
                f"Het gebruikersbestand {self.path} kan niet worden gelezen ({reason})."
            ) from exc
        try:
            data = json.loads(text)
            users = data["users"]
            if data.get("version") != FORMAT_VERSION or not isinstance(users, dict):
                raise ValueError("unknown layout")
            if not all(
                isinstance(e, dict) and isinstance(e.get("hash"), str) for e in users.values()
            ):
                raise ValueError("entry without hash")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise AuthError(
                f"Het gebruikersbestand {self.path} is beschadigd. Herstel het uit een "
                "reservekopie, of verplaats het en voeg de gebruikers opnieuw toe met "
                "'opdrachtassistent gebruiker toevoegen NAAM'."
            ) from exc
        return users

    def names(self) -> list[str]:
        """The user names, sorted."""
        return sorted(self._read())

    def has_users(self) -> bool:
        return bool(self._read())

    # -- writing ---------------------------------------------------------------------------

    def _write(self, users: dict[str, dict[str, Any]]) -> None:
        """Replace the file whole; it is created 0600 and stays so."""
        data = {"version": FORMAT_VERSION, "users": dict(sorted(users.items()))}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".users-", dir=self.path.parent)  # mode 0600
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, indent=2, ensure_ascii=False)
                    fh.write("\n")
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise AuthError(
                f"Het gebruikersbestand {self.path} kan niet worden geschreven ({os_reason(exc)})."
            ) from exc

    def add(self, name: str, password: str, *, replace: bool = False) -> str:
        """Add a user (or, with `replace`, set a new password); returns the stored name."""
        normal = check_name(name)
        check_password(password)
        users = self._read()
        if normal in users and not replace:
            raise InputError(
                f"De gebruiker '{normal}' bestaat al. Kies een andere naam, of geef een nieuw "
                "wachtwoord met --vervang."
            )
        users[normal] = {
            "hash": _HASHER.hash(password),
            "added": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        self._write(users)
        return normal

    def remove(self, name: str) -> bool:
        """Remove a user; False when there was no such user."""
        normal = normalize(name)
        users = self._read()
        if users.pop(normal, None) is None:
            return False
        self._write(users)
        return True

    # -- logging in ------------------------------------------------------------------------

    def verify(self, name: str, password: str) -> bool:
        """Whether this name and password log in. Any doubt (unknown name, a hash that cannot
        be read, an unreadable file) is a refusal, never an error at the login form."""
        if not name or len(password) > MAX_PASSWORD_CHARS:
            return False
        normal = normalize(name)
        try:
            users = self._read()
        except AuthError as exc:
            log.error("login refused: %s", exc.message)
            return False
        entry = users.get(normal)
        stored = entry["hash"] if entry else _DUMMY_HASH
        try:
            _HASHER.verify(stored, password)
        except VerifyMismatchError:
            return False
        except (InvalidHashError, VerificationError):
            log.error("login refused: the stored hash of %r cannot be read", normal)
            return False
        if entry is None:
            return False
        if _HASHER.check_needs_rehash(stored):
            self._rehash(normal, password)
        return True

    def _rehash(self, name: str, password: str) -> None:
        """Store a hash with the current parameters; a failure only costs the upgrade."""
        try:
            users = self._read()
            if name in users:
                users[name] = {**users[name], "hash": _HASHER.hash(password)}
                self._write(users)
        except AuthError as exc:
            log.warning("could not upgrade the password hash of %r: %s", name, exc.message)
