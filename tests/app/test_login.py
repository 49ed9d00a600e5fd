"""Login on a network address, with the real app process (`python app.py`).

On 0.0.0.0 without users the start is refused in Dutch; with users every page and API call
needs a login, and a user's conversations are theirs from any browser; behind a proxy the
user header counts only from the proxy's address. The app listens on every interface
(GRADIO_SERVER_NAME=0.0.0.0) and the tests connect through 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from tests.support.app_process import OFFLINE_ENV, REPO, RunningApp, free_port, start_app

from opdrachtassistent.auth.users import UsersFile

pytestmark = pytest.mark.slow

PASSWORDS = {"alice": "alice heeft een lang wachtwoord", "bob": "bob heeft er ook een"}
OWNER, CHAT = 0, 1
EVERYWHERE = {"GRADIO_SERVER_NAME": "0.0.0.0"}
PROXY = {"OPDRACHTASSISTENT_AUTH_HEADER": "X-Forwarded-User", **EVERYWHERE}


def status_of(url: str, *, method: str = "GET", headers: dict[str, str] | None = None) -> int:
    body = b"{}" if method == "POST" else None
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def client(app: RunningApp, downloads: Path, **kwargs: Any) -> Client:
    return Client(
        app.url, verbose=False, download_files=str(downloads), analytics_enabled=False, **kwargs
    )


def first_conversation(c: Client, token: str, text: str) -> str:
    """Start under a browser token, answer once (so it is stored), return its session id."""
    c.predict(token, "context", api_name="/start")
    c.predict(token, text, "context", api_name="/answer")
    session_id: str = c.predict(token, api_name="/list_sessions")["value"]
    return session_id


def session_ids(c: Client, token: str) -> list[str]:
    choices = c.predict(token, api_name="/list_sessions")["choices"]
    return [value for _label, value in choices]


@pytest.fixture
def with_users(data_dir: Path) -> Path:
    users = UsersFile(data_dir / "users.json")
    for name, password in PASSWORDS.items():
        users.add(name, password)
    return data_dir


@pytest.fixture
def password_app(with_users: Path) -> Iterator[RunningApp]:
    app = start_app(with_users, extra_env=EVERYWHERE)
    try:
        yield app
    finally:
        app.stop()


def test_network_address_without_users_is_refused_in_dutch(tmp_path: Path) -> None:
    env = {
        **os.environ,
        **OFFLINE_ENV,
        **EVERYWHERE,
        "GRADIO_SERVER_PORT": str(free_port()),
        "OPDRACHTASSISTENT_DATA_DIR": str(tmp_path),
    }
    run = subprocess.run(
        [sys.executable, "app.py"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1
    assert run.stderr.startswith("Fout: De app luistert op 0.0.0.0"), run.stderr
    assert "opdrachtassistent gebruiker toevoegen NAAM" in run.stderr
    assert str(tmp_path / "users.json") in run.stderr
    assert "Traceback" not in run.stderr + run.stdout


def test_everything_needs_a_login(password_app: RunningApp, tmp_path: Path) -> None:
    url = password_app.url
    assert status_of(url + "config") == 401
    assert status_of(url + "gradio_api/info") == 401
    assert status_of(url + "gradio_api/call/start", method="POST") == 401
    assert status_of(url + "gradio_api/queue/join", method="POST") == 401
    with urllib.request.urlopen(url, timeout=10) as page:  # the login form, not the app
        html = page.read().decode("utf-8")
    compact = html.replace(" ", "")
    assert '"auth_required":true' in compact
    assert '"dependencies":[]' in compact and '"components":[]' in compact
    with pytest.raises(Exception):  # noqa: B017  # gradio_client's own error for a 400
        client(password_app, tmp_path / "x", auth=("alice", "fout wachtwoord"))
    with pytest.raises(Exception):  # noqa: B017
        client(password_app, tmp_path / "y", auth=("carla", PASSWORDS["alice"]))


def test_a_user_sees_only_their_own_conversations_from_any_browser(
    password_app: RunningApp, tmp_path: Path
) -> None:
    laptop = client(password_app, tmp_path / "a", auth=("alice", PASSWORDS["alice"]))
    session = first_conversation(
        laptop, "a" * 32, "Herinrichting van het Marktplein wegens verzakte bestrating."
    )
    # another browser (another token) of the same user, logged in with other capitals
    desktop = client(password_app, tmp_path / "b", auth=("Alice", PASSWORDS["alice"]))
    assert session_ids(desktop, "b" * 32) == [session]
    resumed = desktop.predict("b" * 32, session, "context", api_name="/resume")
    assert any("Marktplein" in str(m["content"]) for m in resumed[CHAT])
    assert resumed[OWNER] == "user:alice"

    bob = client(password_app, tmp_path / "c", auth=("bob", PASSWORDS["bob"]))
    assert session_ids(bob, "a" * 32) == []  # alice's browser token is not an identity
    stolen = bob.predict("a" * 32, session, "context", api_name="/resume")
    assert all("Marktplein" not in str(m["content"]) for m in stolen[CHAT])
    assert session_ids(laptop, "c" * 32) == [session]  # bob's attempt changed nothing
    for c in (laptop, desktop, bob):
        c.close()


def test_login_overhead_per_request(
    password_app: RunningApp, data_dir: Path, tmp_path: Path
) -> None:
    """The hash is verified once per login; a request after that only carries the cookie.
    Prints the figures (run with -s) and bounds the per-request difference loosely."""
    timings: dict[str, float] = {}
    started = time.perf_counter()
    logged_in = client(password_app, tmp_path / "a", auth=("alice", PASSWORDS["alice"]))
    timings["login_and_connect_s"] = time.perf_counter() - started
    open_app = start_app(data_dir.parent / "open", extra_env={})
    try:
        anonymous = client(open_app, tmp_path / "b")
        for name, c in (("with_login", logged_in), ("loopback_open", anonymous)):
            token = c.predict("", "context", api_name="/start")[OWNER]
            c.predict(token, "Herinrichting van de Kerkweg.", "context", api_name="/answer")
            samples = []
            for _ in range(15):
                t = time.perf_counter()
                c.predict(token, api_name="/list_sessions")
                samples.append(time.perf_counter() - t)
            timings[f"{name}_median_ms"] = statistics.median(samples) * 1000
        anonymous.close()
    finally:
        open_app.stop()
        logged_in.close()
    print("login overhead:", json.dumps({k: round(v, 3) for k, v in timings.items()}))
    assert timings["with_login_median_ms"] < timings["loopback_open_median_ms"] * 2 + 50


@pytest.mark.parametrize("trusted", ["127.0.0.1", "10.9.9.9"])
def test_proxy_header_counts_only_from_the_proxy(
    data_dir: Path, tmp_path: Path, trusted: str
) -> None:
    env = {**PROXY, "OPDRACHTASSISTENT_TRUSTED_PROXIES": trusted}
    app = start_app(data_dir, extra_env=env, ready_status=401)
    try:
        as_alice = {"X-Forwarded-User": "alice"}
        if trusted != "127.0.0.1":  # the header from anyone but the proxy is ignored
            assert status_of(app.url + "config", headers=as_alice) == 401
            start_url = app.url + "gradio_api/call/start"
            assert status_of(start_url, method="POST", headers=as_alice) == 401
            return
        assert status_of(app.url + "config") == 401  # without the header: nobody
        assert status_of(app.url + "config", headers=as_alice) == 200
        alice = client(app, tmp_path / "a", headers=as_alice)
        session = first_conversation(alice, "a" * 32, "Herinrichting van het Marktplein.")
        again = client(app, tmp_path / "b", headers={"X-Forwarded-User": "ALICE"})
        assert session_ids(again, "b" * 32) == [session]
        bob = client(app, tmp_path / "c", headers={"X-Forwarded-User": "bob"})
        assert session_ids(bob, "a" * 32) == []
        for c in (alice, again, bob):
            c.close()
    finally:
        app.stop()
