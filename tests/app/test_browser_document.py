""" "Begin met een document" in headless Chromium: upload a Word raadsvoorstel, see the
commission pre-filled and the first question about a section the document left open; an
unreadable file is answered in the chat and nothing is lost."""

from __future__ import annotations

from pathlib import Path

from tests.app.test_browser import Page, page, pytestmark  # the browser suite's page and guard
from tests.support.documents import KERKWEG_RAADSVOORSTEL, write_docx, write_pdf

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS
from opdrachtassistent.documents import read_document
from opdrachtassistent.drafting.notes import draft

__all__ = ["page", "pytestmark"]


def upload(page: Page, path: Path) -> None:
    page.locator("input[type=file]").set_input_files(str(path))


def last_bot_message(page: Page) -> str:
    return str(page.locator("#oa-chat .message.bot").last.inner_text())


def test_upload_prefills_and_asks_the_first_gap(page: Page, tmp_path: Path) -> None:
    button = page.get_by_role("button", name="Begin met een document")
    assert button.is_visible()
    assert "maximaal 25 MB" in page.locator("#oa-upload-help").inner_text()
    path = write_docx(tmp_path / "raadsvoorstel-kerkweg.docx", KERKWEG_RAADSVOORSTEL)
    # what the app should find: the same rules, run here
    expected = draft(read_document(path).text, document=path.name)
    complete = [k for k in SECTIONS if expected.section_status(k).state == "compleet"]
    first_gap = next(k for k in SECTIONS if k not in complete)

    upload(page, path)
    page.get_by_text("raadsvoorstel-kerkweg.docx", exact=False).first.wait_for()
    message = last_bot_message(page)
    assert "raadsvoorstel-kerkweg.docx gelezen" in message
    assert "Al compleet: " + SECTION_TITLES[complete[0]] in message
    assert message.rstrip().splitlines()[-1].startswith(f"{SECTION_TITLES[first_gap]}.")
    for key in complete:  # a complete section is not what is asked
        assert not message.rstrip().splitlines()[-1].startswith(f"{SECTION_TITLES[key]}.")
    panel = page.locator("#oa-document").inner_text()
    assert "€ 2.400.000" in panel and "Jansen" in panel
    assert int(page.locator("#oa-progressbar").get_attribute("value") or "0") > 0

    # the interview continues from there: an answer to the gap is taken in
    shown = page.locator("#oa-chat .message.bot").count()
    box = page.get_by_label("Uw antwoord")
    box.fill("Weet ik niet.")
    box.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#oa-chat .message.bot').length > n", arg=shown
    )
    assert "€ 2.400.000" in page.locator("#oa-document").inner_text()


def test_an_unreadable_upload_is_answered_in_the_chat(page: Page, tmp_path: Path) -> None:
    box = page.get_by_label("Uw antwoord")
    box.fill("Wij vervangen de lantaarnpalen in Hoogland; wethouder Smit is opdrachtgever.")
    box.press("Enter")
    page.get_by_text("Smit", exact=False).first.wait_for()
    panel_before = page.locator("#oa-document").inner_text()
    upload(page, write_pdf(tmp_path / "scan.pdf", [[]]))
    page.get_by_text("scan zonder tekstlaag", exact=False).first.wait_for()
    assert "scan zonder tekstlaag" in last_bot_message(page)
    assert page.locator("#oa-document").inner_text() == panel_before  # nothing lost
