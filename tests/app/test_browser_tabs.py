"""Two tabs of one browser on one conversation, and a restart of the app with a tab open, in
headless Chromium (issue 14, findings 1 and 2): no answer is lost or lands elsewhere."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from tests.app.test_browser import CHROMIUM, FLAGS, Page, pytestmark, type_answer
from tests.support.app_process import RunningApp, start_app

from opdrachtassistent.ui.session import DB_NAME

__all__ = ["pytestmark"]

if CHROMIUM.exists():
    from playwright.sync_api import BrowserContext, sync_playwright
else:  # pragma: no cover
    BrowserContext = Any

TEXTS = [
    f"De aanleiding is punt {n}: de riolering onder de Kerkstraat is zestig jaar oud."
    for n in range(1, 5)
]


@pytest.fixture
def context(running_app: RunningApp) -> Iterator[BrowserContext]:
    """One browser (one owner token in its local storage) for several tabs."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
        ctx.set_default_timeout(30_000)
        yield ctx
        ctx.close()
        browser.close()


def open_tab(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    page.get_by_text("Goedendag").first.wait_for()
    return page


def send(page: Page, text: str) -> None:
    """Type an answer and wait until the chat shows it back."""
    type_answer(page, text)
    page.locator("#oa-chat").get_by_text(text[:40]).first.wait_for()
    page.wait_for_function("() => !document.querySelector('#oa-chat .pending')")


def stored(data_dir: Path) -> dict[str, list[str]]:
    """Every stored conversation's user messages, by session id (one browser: one owner)."""
    # the owner token is sealed in the browser's local storage, so read every row
    with closing(sqlite3.connect(data_dir / DB_NAME)) as conn:
        rows = conn.execute("SELECT id, state_json FROM sessions").fetchall()
    return {
        session_id: [m["content"] for m in json.loads(state)["messages"] if m["role"] == "user"]
        for session_id, state in rows
    }


def test_two_tabs_on_one_conversation_keep_every_answer(
    running_app: RunningApp, data_dir: Path, context: BrowserContext
) -> None:
    tab1 = open_tab(context, running_app.url)
    send(tab1, TEXTS[0])
    tab2 = open_tab(context, running_app.url)  # opens the same, latest conversation
    tab2.locator("#oa-chat").get_by_text(TEXTS[0][:40]).first.wait_for()
    send(tab1, TEXTS[1])
    send(tab1, TEXTS[2])
    send(tab2, TEXTS[3])
    assert list(stored(data_dir).values()) == [TEXTS]
    tab2.get_by_text("ander venster").first.wait_for()  # told, and shown the newest version
    for text in TEXTS[1:3]:
        assert tab2.locator("#oa-chat").get_by_text(text[:40]).count() >= 1


def test_after_a_restart_an_open_tab_answers_in_its_own_conversation(
    data_dir: Path, context: BrowserContext, running_app: RunningApp
) -> None:
    tab1 = open_tab(context, running_app.url)
    send(tab1, TEXTS[0])
    tab2 = open_tab(context, running_app.url)
    tab2.get_by_role("button", name="Nieuw gesprek").click()
    tab2.wait_for_function(  # the new conversation shows only its opening question
        "() => !document.querySelector('#oa-chat').innerText.includes('punt 1')"
    )
    send(tab2, TEXTS[1])  # the most recent conversation is now tab 2's
    port = int(running_app.url.rstrip("/").rsplit(":", 1)[1])
    running_app.stop()
    again = start_app(data_dir, port=port)
    try:
        send(tab1, TEXTS[2])
        conversations = sorted(stored(data_dir).values())
        assert conversations == sorted([[TEXTS[0], TEXTS[2]], [TEXTS[1]]])
    finally:
        again.stop()
