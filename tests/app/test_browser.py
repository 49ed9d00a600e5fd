"""End to end in headless Chromium (Debian's package, driven by Playwright's Python API).

Types answers, sees the progress advance, edits a section, downloads an export, and runs
axe-core on the page: nothing of serious or critical impact may come from our own
components (everything else is reported). Skipped only when /usr/bin/chromium is absent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.support.app_process import CHROMIUM_FLAGS, REPO, RunningApp

from opdrachtassistent.dialogue.scenarios import get

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = CHROMIUM_FLAGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="/usr/bin/chromium ontbreekt: installeer het met scripts/install-test-deps.sh",
    ),
]

if CHROMIUM.exists():
    from playwright.sync_api import Page, sync_playwright
else:  # pragma: no cover
    Page = Any


@pytest.fixture
def page(running_app: RunningApp, tmp_path: Path) -> Iterator[Page]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(
            viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="nl-NL"
        )
        pg = context.new_page()
        pg.set_default_timeout(30_000)
        pg.goto(running_app.url)
        pg.get_by_text("Goedendag").first.wait_for()
        yield pg
        context.close()
        browser.close()


def progress(page: Page) -> int:
    return int(page.locator("#oa-progressbar").get_attribute("value") or "0")


def wait_progress_above(page: Page, value: int) -> int:
    page.wait_for_function(
        "v => Number(document.querySelector('#oa-progressbar')?.getAttribute('value')) > v",
        arg=value,
    )
    return progress(page)


def type_answer(page: Page, text: str) -> None:
    box = page.get_by_label("Uw antwoord")
    box.fill(text)
    box.press("Enter")


# Our own components: everything the app renders itself or configures with an oa- id.
OURS = re.compile(r"#oa-|\.oa-|oa-")


def run_axe(page: Page) -> list[dict[str, Any]]:
    # let Gradio finish its pending-state fade (outputs are dimmed while an event runs),
    # otherwise axe measures contrast halfway through the transition
    page.wait_for_function("() => !document.querySelector('.pending, .generating')")
    page.wait_for_timeout(600)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                          html: n.html.slice(0, 300)}))}));
        }"""
    )
    return violations


def ours(violation: dict[str, Any]) -> list[dict[str, str]]:
    return [n for n in violation["nodes"] if OURS.search(n["target"] + " " + n["html"])]


def test_interview_progress_edit_download_and_accessibility(
    page: Page, tmp_path: Path, record_property: Any
) -> None:
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert progress(page) == 0
    findings: dict[str, list[dict[str, Any]]] = {"start": run_axe(page)}

    # answers typed in the chat: progress advances each time
    steps = get("dorpsstraat").steps
    seen = [0]
    for step in steps[:3]:
        type_answer(page, step.text)
        seen.append(wait_progress_above(page, seen[-1]))
    assert seen == sorted(seen) and seen[-1] > 0
    # what the user typed is shown as text, never as markup
    type_answer(page, '<b>vet</b> <img src=x onerror="window.__pwned=1"> Ook de Kerklaan.')
    page.get_by_text("<b>vet</b>", exact=False).first.wait_for()
    assert page.evaluate("window.__pwned") is None
    findings["after answers"] = run_axe(page)

    # edit a section directly in the document panel
    page.get_by_role("tab", name="Bewerken").click()
    page.locator("#oa-section input").click()
    page.get_by_role("option", name="Middelen: geld, capaciteit en tijd").click()
    editor = page.get_by_label("Inhoud van het onderdeel")
    page.wait_for_function(
        "() => document.querySelector('#oa-editor textarea').value.startsWith('Budget:')"
    )
    editor.fill("Budget: 4.000.000\nCapaciteit: 3\nEinddatum: 31-12-2028\nFinanciering: GRP")
    before = progress(page)
    page.get_by_role("button", name="Wijziging opslaan").click()
    after = wait_progress_above(page, before)
    assert after > before
    page.get_by_text("Uw wijziging is verwerkt").first.wait_for()
    findings["edit tab"] = run_axe(page)
    page.get_by_role("tab", name="Opdracht").click()
    assert "€ 4.000.000" in page.locator("#oa-document").inner_text()
    findings["document tab"] = run_axe(page)
    page.get_by_role("tab", name="Krachtenveld").click()
    findings["map tab"] = run_axe(page)

    # download an export
    page.get_by_role("tab", name="Exporteren").click()
    page.get_by_role("button", name="Exporteer als Word (.docx)").click()
    link = page.locator("#oa-download a").first
    link.wait_for()
    with page.expect_download() as info:
        link.click()
    target = tmp_path / "export.docx"
    info.value.save_as(target)
    import docx

    document = docx.Document(str(target))
    assert any("Aanleiding" in p.text for p in document.paragraphs)
    findings["export tab"] = run_axe(page)

    # report everything; fail only on serious/critical findings in our own components
    report = {
        state: [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"])}
            for v in vs
        ]
        for state, vs in findings.items()
    }
    print("axe-core:", json.dumps(report, indent=1, ensure_ascii=False))
    record_property("axe", json.dumps(report, ensure_ascii=False))
    ours_serious = [
        (state, v["id"], n["target"])
        for state, vs in findings.items()
        for v in vs
        if v["impact"] in ("serious", "critical")
        for n in ours(v)
    ]
    assert ours_serious == [], ours_serious


def test_keyboard_only_answer(page: Page) -> None:
    """The answer box has focus at load; Enter sends; no mouse needed."""
    page.keyboard.type(get("schoolzone").steps[0].text)
    page.keyboard.press("Enter")
    assert wait_progress_above(page, 0) > 0


def press_tab_until(page: Page, selector: str, limit: int = 60) -> None:
    """Tab through the page (keyboard only) until `selector` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_laptop_width_every_tab_visible_and_keyboard_reachable(page: Page) -> None:
    """At 1280 px Gradio hid 'Gesprekken' and 'Oefenen' behind an unlabelled '...' menu; all
    eight tabs (with Beoordeling) stay in view."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=tab]')].filter("
        "t => t.getBoundingClientRect().width > 0).length === 8"
    )
    assert page.locator(".overflow-menu button").filter(visible=True).count() == 0
    # the chat's own 'clear' icon only blanked the transcript; it is not offered
    assert page.locator("#oa-chat .top-panel button").filter(visible=True).count() == 0

    page.get_by_label("Uw antwoord").focus()
    press_tab_until(page, "#oa-tab-scenarios-button")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Scenario laden").wait_for()
    press_tab_until(page, "#oa-scenario-start")
    page.keyboard.press("Enter")
    page.get_by_text("geladen").first.wait_for()
    press_tab_until(page, "#oa-scenario-step")
    page.keyboard.press("Enter")
    assert wait_progress_above(page, 0) > 0


def test_stakeholder_map_labels_stay_in_their_cells(page: Page) -> None:
    """Long names ran into the next cell and past the edge of the grid."""
    page.get_by_role("tab", name="Bewerken").click()
    page.locator("#oa-section input").click()
    page.get_by_role("option", name="Stakeholders").click()
    # the section's text and help arrive together; typing earlier would be overwritten
    page.locator("#oa-edit-help").get_by_text("Eén partij per regel").wait_for()
    page.get_by_label("Inhoud van het onderdeel").fill(
        "ondernemers van de Dorpsstraat | ondernemers\n"
        "bewoners | bewoners\n"
        "Stichting Kinderopvang De Regenboog | school\n"
        "Hoogheemraadschap van Schieland en de Krimpenerwaard | waterschap\n"
        "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW | netbeheerder"
    )
    page.get_by_role("button", name="Wijziging opslaan").click()
    page.get_by_text("Uw wijziging is verwerkt").first.wait_for()
    page.get_by_role("tab", name="Krachtenveld").click()
    page.locator("#oa-map svg text").first.wait_for()
    overflow = page.evaluate(
        """() => {
            const svg = document.querySelector('#oa-map svg');
            const out = [];
            for (const t of svg.querySelectorAll('g[clip-path] text')) {
                const b = t.getBBox();
                const x = Number(t.getAttribute('x'));
                const cells = [...svg.querySelectorAll('rect')].filter(r =>
                    Number(r.getAttribute('width')) === 150 &&
                    Number(r.getAttribute('x')) <= x && x < Number(r.getAttribute('x')) + 150);
                const right = Number(cells[0].getAttribute('x')) + 150;
                if (b.x + b.width > right) out.push([t.textContent, b.x + b.width, right]);
            }
            return out;
        }"""
    )
    assert overflow == []
    texts = page.locator("#oa-map svg g[clip-path] text").all_text_contents()
    assert "Dorpsstraat" in texts  # wrapped, not cut


def test_conversation_list_is_read_when_its_tab_opens(page: Page) -> None:
    """The list of earlier conversations is not refreshed after every answer (that was a
    second round trip per turn) but when its tab is opened."""
    type_answer(page, get("dorpsstraat").steps[0].text)
    wait_progress_above(page, 0)
    page.locator("#oa-tab-sessions-button").click()
    page.locator("#oa-sessions input").click()
    page.get_by_role("option", name=re.compile("compleet")).first.wait_for()
