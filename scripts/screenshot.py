"""Save a screenshot of the app to docs/screenshot.png (for the README), under 300 KB.

Starts the real app on a free loopback port with a temporary data directory, replays a few
steps of the school-zone scenario in headless Debian Chromium, and saves the viewport.
Run: .venv/bin/python scripts/screenshot.py
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/support/ lives in the checkout

from tests.support.app_process import CHROMIUM_FLAGS, REPO, start_app

FLAGS = CHROMIUM_FLAGS
TARGET = REPO / "docs" / "screenshot.png"
MAX_BYTES = 300_000


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="opdrachtassistent-shot-") as tmp:
        app = start_app(Path(tmp))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
                page = browser.new_page(viewport={"width": 1360, "height": 900})
                page.set_default_timeout(120_000)
                page.goto(app.url)
                page.get_by_text("Goedendag").first.wait_for()
                tab = page.get_by_role("tab", name="Oefenen")
                if not tab.is_visible():  # narrow window: the tab sits in Gradio's overflow menu
                    page.locator(".overflow-menu button, button.overflow-item").first.click()
                tab.click()
                page.get_by_role("button", name="Scenario laden").click()
                page.get_by_text("geladen").first.wait_for()
                for n in range(4):
                    page.get_by_role("button", name="Volgende stap").click()
                    page.wait_for_function(
                        "n => document.querySelectorAll('#oa-chat [data-testid=user]').length"
                        " > n || document.querySelectorAll('#oa-chat .user').length > n",
                        arg=n,
                    )
                page.get_by_role("tab", name="Opdracht").click()
                page.wait_for_timeout(500)
                raw = page.screenshot()
                browser.close()
        finally:
            app.stop()
    image = Image.open(io.BytesIO(raw)).convert("RGB")
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    for colours in (256, 128, 64):
        buf = io.BytesIO()
        image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(
            buf, format="PNG", optimize=True
        )
        if buf.tell() <= MAX_BYTES:
            break
    TARGET.write_bytes(buf.getvalue())
    print(f"{TARGET} ({buf.tell() // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
