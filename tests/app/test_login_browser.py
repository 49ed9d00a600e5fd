"""The login in headless Chromium: the login form with its Dutch message, and a user who
finds their conversation in a second browser (its own local storage, so another owner
token) while another user does not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.app.test_browser import CHROMIUM, FLAGS, pytestmark, type_answer
from tests.app.test_login import EVERYWHERE, PASSWORDS
from tests.support.app_process import RunningApp, start_app

from opdrachtassistent.auth.users import UsersFile

__all__ = ["pytestmark"]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, sync_playwright
else:  # pragma: no cover
    Browser = Any


@pytest.fixture
def app(data_dir: Path) -> Iterator[RunningApp]:
    users = UsersFile(data_dir / "users.json")
    for name, password in PASSWORDS.items():
        users.add(name, password)
    running = start_app(data_dir, extra_env=EVERYWHERE)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def logged_in_chat(browser: Browser, app: RunningApp, name: str) -> Any:
    """A new browser profile that logs in as `name` and waits for the chat."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(app.url)
    page.get_by_text("Log in met uw gebruikersnaam en wachtwoord").wait_for()
    page.locator("input[type=text]").first.fill(name)
    password = page.locator("input[type=password]")
    password.fill(PASSWORDS[name])
    password.press("Enter")
    page.get_by_text("Goedendag").first.wait_for()
    return page


def test_a_user_finds_their_conversation_in_another_browser(
    browser: Browser, app: RunningApp
) -> None:
    laptop = logged_in_chat(browser, app, "alice")
    type_answer(laptop, "Herinrichting van het Marktplein wegens verzakte bestrating.")
    laptop.get_by_text("Marktplein").first.wait_for()
    laptop.wait_for_timeout(1000)  # the answer is stored once the event is done

    desktop = logged_in_chat(browser, app, "alice")  # a fresh profile: another owner token
    desktop.get_by_text("Marktplein").first.wait_for()

    other = logged_in_chat(browser, app, "bob")
    other.wait_for_timeout(1000)
    assert other.get_by_text("Marktplein").count() == 0
