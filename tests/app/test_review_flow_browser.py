"""The review loop in headless Chromium with four logged-in users (issue 11): the opsteller
drafts and shares, the meelezer comments on a section and cannot answer, the opdrachtgever
approves, the opsteller edits afterwards and the diff shows exactly that change; a fourth
user sees nothing of it. Then the audit trail, read through the service on the same
database, lists every step with user and time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.app.test_browser import CHROMIUM, FLAGS, ours, pytestmark, run_axe
from tests.app.test_login import EVERYWHERE
from tests.app.test_review_api import PASSWORDS
from tests.support.app_process import RunningApp
from tests.support.login import app_with_users
from tests.support.login import log_in as log_in_as

from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.session import DB_NAME
from opdrachtassistent.workflow.service import Workflow

__all__ = ["pytestmark"]

if CHROMIUM.exists():
    from playwright.sync_api import Browser, sync_playwright
else:  # pragma: no cover
    Browser = Any

Page = Any


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


def log_in(browser: Browser, app: RunningApp, name: str) -> Any:
    return log_in_as(browser, app, name, PASSWORDS[name])


def status(page: Page, text: str) -> None:
    page.locator("#oa-status").get_by_text(text).first.wait_for()


def choose(page: Page, dropdown: str, option: str | re.Pattern[str]) -> None:
    page.locator(f"#{dropdown} input").click()
    page.get_by_role("option", name=option).first.click()


def edit_goal(page: Page, text: str) -> None:
    page.get_by_role("tab", name="Bewerken").click()
    choose(page, "oa-section", "Doel en beoogde resultaten")
    page.wait_for_function(
        "() => document.querySelector('#oa-editor textarea').value.startsWith('Doel:')"
    )
    page.get_by_label("Inhoud van het onderdeel").fill(text)
    page.get_by_role("button", name="Wijziging opslaan").click()
    status(page, "Uw wijziging is verwerkt")


def open_shared(page: Page) -> None:
    page.get_by_role("tab", name="Gesprekken").click()
    choose(page, "oa-sessions", re.compile("gedeeld door opsteller"))
    page.get_by_role("button", name="Gesprek hervatten").click()
    status(page, "opdracht van een collega")


def loop_tab(page: Page) -> None:
    page.get_by_role("tab", name="Beoordeling").click()
    page.locator("#oa-loop-state").wait_for()


def test_draft_share_comment_approve_edit_and_diff(
    browser: Browser, app: RunningApp, data_dir: Path
) -> None:
    # the opsteller drafts and shares
    anna = log_in(browser, app, "opsteller")
    box = anna.get_by_label("Uw antwoord")
    box.fill("We richten de Molenweg opnieuw in na wateroverlast in de wijk.")
    box.press("Enter")
    anna.locator("#oa-document").get_by_text("Molenweg").first.wait_for()
    edit_goal(anna, "Doel: droge voeten in de wijk in 2028.")
    loop_tab(anna)
    for user, role in (("meelezer", "meelezer"), ("opdrachtgever", "opdrachtgever")):
        anna.get_by_label("Gebruikersnaam van de collega").fill(user)
        choose(anna, "oa-share-role", role)
        anna.get_by_role("button", name="Delen", exact=True).click()
        status(anna, f"gedeeld met {user}")
    anna.get_by_role("button", name="Ter review aanbieden").click()
    status(anna, "ligt ter review")
    workflow = Workflow(SessionStore(data_dir / DB_NAME))  # the app's own database
    (conv_id,) = [s.id for s in workflow.visible("user:opsteller")]

    # the meelezer finds it, cannot answer, comments on a section
    mees = log_in(browser, app, "meelezer")
    open_shared(mees)
    mees.locator("#oa-document").get_by_text("Molenweg").first.wait_for(state="attached")
    box = mees.get_by_label("Uw antwoord")
    box.fill("Het budget is tien miljoen euro.")
    box.press("Enter")
    status(mees, "niet bewerken")
    loop_tab(mees)
    assert "meelezer" in mees.locator("#oa-loop-state").inner_text()
    choose(mees, "oa-comment-section", "Doel en beoogde resultaten")
    mees.get_by_label("Uw opmerking of reactie").fill("Is 2028 haalbaar met deze aannemer?")
    mees.get_by_role("button", name="Opmerking plaatsen").click()
    mees.locator("#oa-comments").get_by_text("Is 2028 haalbaar").wait_for()

    # the opdrachtgever approves
    otto = log_in(browser, app, "opdrachtgever")
    open_shared(otto)
    loop_tab(otto)
    otto.get_by_role("button", name="Vaststellen").click()
    status(otto, "vastgesteld als versie")
    assert "vastgesteld" in otto.locator("#oa-loop-state").inner_text()

    # the opsteller sees the comment in the document and edits afterwards
    edit_goal(anna, "Doel: droge voeten in de wijk in 2030.")
    anna.get_by_role("tab", name="Opdracht").click()
    anna.locator("#oa-document").get_by_text("1 open opmerking").wait_for()
    loop_tab(anna)
    anna.get_by_role("button", name="Beoordeling vernieuwen").click()
    anna.locator("#oa-loop-state").get_by_text("concept").wait_for()
    anna.get_by_role("button", name="Vergelijk").click()
    changes = anna.locator("#oa-diff li.oa-change")
    changes.first.wait_for()
    assert changes.count() == 1, anna.locator("#oa-diff").inner_text()
    shown = changes.first.inner_text()
    assert "2028" in shown and "2030" in shown and "gewijzigd" in shown
    assert "vastgesteld" in anna.locator("#oa-diff").inner_text()
    # the tab with everything in it: nothing serious from our own components
    serious = [
        (v["id"], n["target"])
        for v in run_axe(anna)
        if v["impact"] in ("serious", "critical")
        for n in ours(v)
    ]
    assert serious == [], serious

    # a fourth user sees nothing, not even by typing the id into the list
    vier = log_in(browser, app, "vierde")
    vier.get_by_role("tab", name="Gesprekken").click()
    vier.locator("#oa-sessions input").click()
    vier.wait_for_timeout(500)
    assert vier.get_by_role("option", name=re.compile("Molenweg")).count() == 0
    vier.locator("#oa-sessions input").fill(conv_id)
    vier.locator("#oa-sessions input").press("Enter")
    vier.get_by_role("button", name="Gesprek hervatten").click()
    status(vier, "bestaat niet")
    assert "Molenweg" not in (vier.locator("#oa-document").text_content() or "")
    loop_tab(vier)
    assert "Molenweg" not in vier.locator("#oa-tab-loop").inner_text()

    # the audit trail lists every step, with user and time
    events = workflow.audit(conv_id, "user:opsteller")
    steps = [(e.actor.removeprefix("user:"), e.action) for e in events]
    for step in [
        ("opsteller", "created"),
        ("opsteller", "answered"),
        ("opsteller", "edited"),
        ("opsteller", "shared"),
        ("opsteller", "submitted"),
        ("meelezer", "commented"),
        ("opdrachtgever", "approved"),
    ]:
        assert step in steps, (step, steps)
    approved_at = steps.index(("opdrachtgever", "approved"))
    assert ("opsteller", "edited") in steps[approved_at:]  # the edit after approval
    assert [s for s in steps if s[1] == "shared"] == [("opsteller", "shared")] * 2
    assert all(e.at.tzinfo is not None for e in events)
    assert [e.at for e in events] == sorted(e.at for e in events)
    assert not any(s[0] == "vierde" for s in steps)
    approved = workflow.approved(conv_id, "user:opsteller")
    assert approved is not None and "2028" in approved.commission_json
