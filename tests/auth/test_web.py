"""The login as Gradio takes it: the password check runs off the event loop, a few at a
time; the header identity reads the request's peer and headers."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from types import SimpleNamespace

from opdrachtassistent.auth.exposure import Login
from opdrachtassistent.auth.header import TrustedHeader
from opdrachtassistent.auth.users import UsersFile
from opdrachtassistent.auth.web import PARALLEL_VERIFIES, gradio_login

PASSWORD = "correct paard batterij"


class CountingUsers(UsersFile):
    """The real users file, counting how many verifies run at once."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0

    def verify(self, name: str, password: str) -> bool:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            return super().verify(name, password)
        finally:
            with self.lock:
                self.running -= 1


def test_password_check_verifies_a_few_at_a_time(tmp_path: Path) -> None:
    users = CountingUsers(tmp_path / "users.json")
    users.add("alice", PASSWORD)
    kwargs = gradio_login(Login(mode="password", users=users))
    assert "Log in" in kwargs["auth_message"]
    check = kwargs["auth"]

    async def burst() -> list[bool]:
        attempts = [check("alice", PASSWORD)] + [check("alice", "fout") for _ in range(4)]
        return list(await asyncio.gather(*attempts))

    assert asyncio.run(burst()) == [True, False, False, False, False]
    assert users.most <= PARALLEL_VERIFIES


def test_header_identity_reads_peer_and_headers(tmp_path: Path) -> None:
    header = TrustedHeader.configured("X-Forwarded-User", ["127.0.0.1"])
    login = Login(mode="header", users=UsersFile(tmp_path / "users.json"), header=header)
    identity = gradio_login(login)["auth_dependency"]
    request = SimpleNamespace(
        headers={"X-Forwarded-User": "alice"}, client=SimpleNamespace(host="127.0.0.1")
    )
    assert identity(request) == "alice"
    request.client.host = "10.0.0.1"
    assert identity(request) is None
    request.client = None
    assert identity(request) is None


def test_open_login_adds_nothing(tmp_path: Path) -> None:
    assert gradio_login(Login(mode="open", users=UsersFile(tmp_path / "users.json"))) == {}
