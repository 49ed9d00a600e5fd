"""Which login the app demands, decided once at start from the settings and the address.

- Nothing configured and listening on loopback only: no login, one user (as before).
- A trusted proxy header configured: single sign-on through that proxy.
- Users in the users file: a login with name and password.
- Nothing configured on any other address: the start is refused, with the way out in Dutch.

Once a login is configured it is demanded on loopback too: a reverse proxy on the same
machine would otherwise hand the login-free app to the whole network.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from opdrachtassistent.auth.header import TrustedHeader
from opdrachtassistent.auth.users import UsersFile
from opdrachtassistent.errors import AuthError

if TYPE_CHECKING:
    from opdrachtassistent.config import Settings

log = logging.getLogger(__name__)

LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Whether listening on `host` reaches this machine only. `0.0.0.0`, `::` and an empty
    name mean every interface; a host name counts as loopback only when every address it
    resolves to is; a name that does not resolve is not."""
    host = host.strip().strip("[]")
    if host.casefold() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    if not host:
        return False
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)


@dataclass(frozen=True)
class Login:
    """The login of this start: `open` (none), `password` (the users file) or `header`."""

    mode: Literal["open", "password", "header"]
    users: UsersFile
    header: TrustedHeader | None = None


def refusal(host: str, users: UsersFile) -> str:
    """Why the app does not start on `host`, and how to make it, in Dutch."""
    return (
        f"De app luistert op {host} en is dus vanaf andere computers te bereiken, maar er is "
        "geen inlog ingesteld. Voeg eerst een gebruiker toe met\n"
        "    opdrachtassistent gebruiker toevoegen NAAM\n"
        f"(het gebruikersbestand is {users.path}), of laat een proxy aanmelden met "
        "OPDRACHTASSISTENT_AUTH_HEADER en OPDRACHTASSISTENT_TRUSTED_PROXIES. Zonder inlog "
        "start de app alleen op 127.0.0.1 (GRADIO_SERVER_NAME)."
    )


def login_for(settings: Settings, host: str) -> Login:
    """The login for listening on `host`; `AuthError` when the start must be refused."""
    users = UsersFile(settings.users_path)
    if settings.auth_header or settings.trusted_proxies:
        header = TrustedHeader.configured(settings.auth_header or "", settings.trusted_proxies)
        if users.has_users():
            log.info("login through the %s header; the users file is not used", header.name)
        return Login(mode="header", users=users, header=header)
    if users.has_users():
        return Login(mode="password", users=users)
    if is_loopback(host):
        return Login(mode="open", users=users)
    raise AuthError(refusal(host, users))
