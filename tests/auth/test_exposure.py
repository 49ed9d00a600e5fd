"""Which login a start demands: none on loopback only, and a refusal on any other address
when nothing is configured."""

from __future__ import annotations

from pathlib import Path

import pytest

from opdrachtassistent.auth.exposure import is_loopback, login_for
from opdrachtassistent.auth.users import UsersFile
from opdrachtassistent.config import Settings
from opdrachtassistent.errors import AuthError


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost"])
def test_loopback(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "", "192.168.1.10", "no-such-host.invalid"])
def test_not_loopback(host: str) -> None:
    assert not is_loopback(host)


def test_loopback_without_configuration_is_open(tmp_path: Path) -> None:
    assert login_for(Settings(data_dir=tmp_path), "127.0.0.1").mode == "open"


def test_network_address_without_configuration_is_refused_in_dutch(tmp_path: Path) -> None:
    with pytest.raises(AuthError) as refused:
        login_for(Settings(data_dir=tmp_path), "0.0.0.0")
    message = refused.value.message
    assert "opdrachtassistent gebruiker toevoegen NAAM" in message
    assert str(tmp_path / "users.json") in message
    assert "OPDRACHTASSISTENT_AUTH_HEADER" in message


def test_users_demand_a_password_on_every_address(tmp_path: Path) -> None:
    users_file = tmp_path / "elders" / "gebruikers.json"
    UsersFile(users_file).add("alice", "correct paard batterij")
    settings = Settings(data_dir=tmp_path, users_file=users_file)
    assert login_for(settings, "0.0.0.0").mode == "password"
    assert login_for(settings, "127.0.0.1").mode == "password"  # a local proxy is no bypass


def test_proxy_header_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPDRACHTASSISTENT_AUTH_HEADER", "X-Auth-Request-User")
    monkeypatch.setenv("OPDRACHTASSISTENT_TRUSTED_PROXIES", "127.0.0.1, 10.1.0.0/16")
    login = login_for(Settings(data_dir=tmp_path), "0.0.0.0")
    assert login.mode == "header" and login.header is not None
    assert login.header.identity({"X-Auth-Request-User": "bob"}, "10.1.9.9") == "bob"


def test_half_a_proxy_configuration_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AuthError, match="TRUSTED_PROXIES"):
        login_for(Settings(data_dir=tmp_path, auth_header="X-Forwarded-User"), "127.0.0.1")
    with pytest.raises(AuthError, match="AUTH_HEADER"):
        login_for(Settings(data_dir=tmp_path, trusted_proxies=["127.0.0.1"]), "127.0.0.1")
