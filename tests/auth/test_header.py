"""The proxy header counts only from a trusted proxy address, and only as a plausible name."""

from __future__ import annotations

import pytest

from opdrachtassistent.auth.header import TrustedHeader
from opdrachtassistent.errors import AuthError

HEADER = TrustedHeader.configured("X-Forwarded-User", ["127.0.0.1", "10.1.0.0/16", "::1"])


@pytest.mark.parametrize("peer", ["127.0.0.1", "10.1.2.3", "::1", "::ffff:127.0.0.1"])
def test_trusted_peer_names_the_user(peer: str) -> None:
    assert HEADER.identity({"x-forwarded-user": " Alice@Gemeente.nl "}, peer) == (
        "alice@gemeente.nl"
    )


@pytest.mark.parametrize("peer", ["10.2.0.1", "192.168.1.5", "127.0.0.2", "", None, "testclient"])
def test_header_from_anyone_else_is_ignored(peer: str | None) -> None:
    assert HEADER.identity({"X-Forwarded-User": "alice"}, peer) is None


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Forwarded-User": ""},
        {"X-Forwarded-User": "   "},
        {"X-Forwarded-User": "jan piet"},
        {"X-Forwarded-User": "a\x00b"},
        {"X-Forwarded-User": "x" * 300},
        {"X-Other": "alice"},
    ],
)
def test_missing_or_implausible_names_are_nobody(headers: dict[str, str]) -> None:
    assert HEADER.identity(headers, "127.0.0.1") is None


def test_two_different_values_are_nobody() -> None:
    class Twice(dict[str, str]):
        def items(self):  # type: ignore[override]  # a header sent twice, as Starlette lists it
            return [("x-forwarded-user", "alice"), ("x-forwarded-user", "bob")]

    assert HEADER.identity(Twice(), "127.0.0.1") is None


def test_configuration_errors_are_dutch() -> None:
    with pytest.raises(AuthError, match="TRUSTED_PROXIES"):
        TrustedHeader.configured("X-Forwarded-User", [])
    with pytest.raises(AuthError, match=r"'proxy\.local' is geen IP-adres"):
        TrustedHeader.configured("X-Forwarded-User", ["proxy.local"])
    with pytest.raises(AuthError, match="geen geldige naam"):
        TrustedHeader.configured("X Forwarded: User", ["127.0.0.1"])
