"""The real app with users who must log in, and a browser profile that logs one of them in:
shared by the login and review-loop browser tests."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.support.app_process import RunningApp, start_app

from opdrachtassistent.auth.users import UsersFile

LOGIN_TEXT = "Log in met uw gebruikersnaam en wachtwoord"
WELCOME_TEXT = "Goedendag"


@contextmanager
def app_with_users(
    data_dir: Path, passwords: Mapping[str, str], env: Mapping[str, str]
) -> Iterator[RunningApp]:
    """The app started with these users in its users file, stopped afterwards."""
    users = UsersFile(data_dir / "users.json")
    for name, password in passwords.items():
        users.add(name, password)
    running = start_app(data_dir, extra_env=dict(env))
    try:
        yield running
    finally:
        running.stop()


def log_in(browser: Any, app: RunningApp, name: str, password: str) -> Any:
    """A new browser profile (its own storage) that logs in as `name` and waits for the
    chat's greeting; returns the page."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(app.url)
    page.get_by_text(LOGIN_TEXT).wait_for()
    page.locator("input[type=text]").first.fill(name)
    field = page.locator("input[type=password]")
    field.fill(password)
    field.press("Enter")
    page.get_by_text(WELCOME_TEXT).first.wait_for()
    return page
