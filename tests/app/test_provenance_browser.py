"""In headless Chromium: the document panel shows where a value came from, and a keyboard
user reaches and opens the quote (a native <details> under the value)."""

from __future__ import annotations

from tests.app.test_browser import (  # the page fixture and helpers of the browser suite
    Page,
    page,
    press_tab_until,
    pytestmark,
    type_answer,
    wait_progress_above,
)

from opdrachtassistent.dialogue.scenarios import get

__all__ = ["page", "pytestmark"]

BRON = "#oa-document details.oa-bron summary"


def test_bron_line_is_shown_and_opens_with_the_keyboard(page: Page) -> None:
    answer = get("dorpsstraat").steps[0].text
    type_answer(page, answer)
    wait_progress_above(page, 0)
    page.get_by_role("tab", name="Opdracht").click()
    summary = page.locator(BRON).first
    summary.wait_for()
    assert summary.inner_text().startswith("bron")
    assert "uw antwoord (beurt 1)" in summary.inner_text()
    details = page.locator("#oa-document details.oa-bron").first
    assert details.get_attribute("open") is None
    page.get_by_role("tab", name="Opdracht").focus()
    press_tab_until(page, BRON)
    page.keyboard.press("Enter")
    page.wait_for_function("s => document.querySelector(s)?.parentElement.open === true", arg=BRON)
    quote = details.locator("q").inner_text()
    assert quote and quote in answer
