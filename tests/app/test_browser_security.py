"""The app in headless Chromium under its Content-Security-Policy: it loads and works with
no CSP violation, and an image link in user text never reaches another server (a tiny
HTTP server on loopback counts every request it gets)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import pytest
from tests.app.test_browser import (  # the browser suite's page, guard and helpers
    page,
    pytestmark,
    type_answer,
    wait_progress_above,
)
from tests.support.app_process import free_port

from opdrachtassistent.dialogue.scenarios import get

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["page", "pytestmark"]

PIXEL = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
    b"5\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


class PixelServer(ThreadingHTTPServer):
    hits: list[str]


class _Pixel(BaseHTTPRequestHandler):
    server: PixelServer

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(PIXEL)))
        self.end_headers()
        self.wfile.write(PIXEL)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def pixel_server() -> Iterator[PixelServer]:
    server = PixelServer(("127.0.0.1", free_port()), _Pixel)
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# Installed before any page script runs, so a violation during the load is caught too.
LISTEN = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(
    {directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile}));"""


def test_the_app_works_under_its_csp_and_loads_no_remote_image(
    page: Page, pixel_server: PixelServer
) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(LISTEN)
    page.reload()  # the whole load again, now listened to from its first script
    page.get_by_text("Goedendag").first.wait_for()
    csp = page.evaluate(
        "() => fetch(location.href).then(r => r.headers.get('content-security-policy'))"
    )
    assert csp and "img-src 'self' data: blob:" in csp  # the policy under test is really served

    port = pixel_server.server_address[1]
    pixel = f"http://127.0.0.1:{port}/pixel.png"
    image = f"![x]({pixel})"
    first = get("dorpsstraat").steps[0].text  # fills the first section, so progress moves
    type_answer(page, f"{image} <img src='{pixel}?html'> {first}")
    assert wait_progress_above(page, 0) > 0  # the app answered: scripts and events work
    # the image link is shown as the text the user typed, not turned into an image
    page.get_by_text(image, exact=False).first.wait_for()
    page.wait_for_function("() => !document.querySelector('.pending, .generating')")
    page.wait_for_timeout(1000)
    assert pixel_server.hits == []
    assert page.locator(f"img[src^='http://127.0.0.1:{port}']").count() == 0
    assert page.evaluate("window.cspViolations") == []  # nothing the app needs was refused
    assert [m for m in console if "Content Security Policy" in m] == []

    # and were an image ever rendered, the policy itself stops it
    page.evaluate(
        "src => { const i = document.createElement('img'); i.src = src;"
        " document.body.appendChild(i); }",
        pixel + "?injected",
    )
    page.wait_for_function("() => window.cspViolations.length > 0")
    page.wait_for_timeout(500)
    assert pixel_server.hits == []
    violations = page.evaluate("window.cspViolations")
    assert [(v["directive"], v["blocked"]) for v in violations] == [
        ("img-src", pixel + "?injected")
    ]
