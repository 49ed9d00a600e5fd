"""Single sign-on through a reverse proxy: the user's name in a header the proxy sets.

A proxy such as oauth2-proxy logs the user in and passes the name on (`X-Forwarded-User`,
`X-Auth-Request-User`). Anyone can send that header, so it counts only when the request's
TCP peer is one of the configured proxy addresses; from anyone else it is ignored.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from opdrachtassistent.auth.identity import normalize, plausible
from opdrachtassistent.errors import AuthError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
HEADER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")


def parse_proxies(entries: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or networks (`10.0.0.5`, `10.1.0.0/16`, `::1`); `AuthError` for a typo."""
    networks: list[Network] = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as exc:
            raise AuthError(
                f"OPDRACHTASSISTENT_TRUSTED_PROXIES: '{entry}' is geen IP-adres of netwerk. "
                "Geef adressen of netwerken, gescheiden door komma's, bijvoorbeeld "
                "'127.0.0.1, 10.1.0.0/16'."
            ) from exc
    return tuple(networks)


def _address(peer: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not peer:
        return None
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return None  # a unix socket or a test client: no address, no trust
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


@dataclass(frozen=True)
class TrustedHeader:
    """The header that names the user, and the peers allowed to set it."""

    name: str
    proxies: tuple[Network, ...]

    @classmethod
    def configured(cls, header: str, proxies: Iterable[str]) -> TrustedHeader:
        """From the settings; `AuthError` in Dutch when either half is missing or wrong."""
        header = header.strip()
        if not header:
            raise AuthError(
                "OPDRACHTASSISTENT_TRUSTED_PROXIES is ingesteld, maar niet welke header de "
                "gebruikersnaam draagt. Geef die met OPDRACHTASSISTENT_AUTH_HEADER "
                "(bijvoorbeeld X-Forwarded-User)."
            )
        if not HEADER_NAME.match(header):
            raise AuthError(
                f"OPDRACHTASSISTENT_AUTH_HEADER: '{header}' is geen geldige naam van een "
                "HTTP-header (bijvoorbeeld X-Forwarded-User)."
            )
        networks = parse_proxies(proxies)
        if not networks:
            raise AuthError(
                f"Aanmelden via de header {header} is ingesteld, maar niet welke proxy die "
                "header mag zetten. Geef het adres van de proxy met "
                "OPDRACHTASSISTENT_TRUSTED_PROXIES (bijvoorbeeld 127.0.0.1)."
            )
        return cls(name=header, proxies=networks)

    def trusts(self, peer: str | None) -> bool:
        """Whether the TCP peer is one of the proxies."""
        address = _address(peer)
        return address is not None and any(address in net for net in self.proxies)

    def identity(self, headers: Mapping[str, str], peer: str | None) -> str | None:
        """The user's name from a trusted proxy, normalized; None when the peer is not a
        proxy, the header is absent, empty, sent twice with different values, or not a
        plausible name."""
        if not self.trusts(peer):
            return None
        wanted = self.name.lower()
        values = {v.strip() for k, v in headers.items() if k.lower() == wanted}
        if len(values) != 1:
            return None
        value = values.pop()
        return normalize(value) if plausible(value) else None
