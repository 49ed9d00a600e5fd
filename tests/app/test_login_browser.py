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
from tests.support.app_process import RunningApp
from tests.support.login import app_with_users
from tests.support.login import log_in as log_in_as

__all__ = ["pytestmark"]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, sync_playwright
else:  # pragma: no cover
    Browser = Any


@pytest.fixture
def app(data_dir: Path) -> Iterator[RunningApp]:
    with app_with_users(data_dir, PASSWORDS, EVERYWHERE) as running:
        yield running


@pytest.fixture
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def logged_in_chat(browser: Browser, app: RunningApp, name: str) -> Any:
    """A new browser profile that logs in as `name` and waits for the chat."""
    return log_in_as(browser, app, name, PASSWORDS[name])


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
