"""The page says which engine answers (issue 12): the Dutch rules offline, or the model and the
host the text goes to, with the AI notice beside it; and a model is not called at start.

The page's configuration is read from the real app (`python app.py`) as a browser gets it;
one check in headless Chromium sees the banner and the notice and runs axe-core on them.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gradio_client import Client
from tests.support.app_process import CHROMIUM_FLAGS, RunningApp, start_app
from tests.support.fake_llm import FakeOpenAIServer

from opdrachtassistent.config import Settings
from opdrachtassistent.dialogue.scenarios import get
from opdrachtassistent.llm.engine import OFFLINE_LABEL, OFFLINE_NOTICE, describe
from opdrachtassistent.services import build_services
from opdrachtassistent.ui.app import build_app
from opdrachtassistent.ui.layout import LOCAL_ONLY, engine_html
from opdrachtassistent.ui.text import TEXT

CHROMIUM = Path("/usr/bin/chromium")
# Every variable that could switch a model on from the developer's own environment.
NO_MODEL_ENV = {
    "OPDRACHTASSISTENT_LLM_BASE_URL": "",
    "OPDRACHTASSISTENT_LLM_API_KEY": "",
    "OPENAI_API_KEY": "",
    "OPENAI_BASE_URL": "",
}


def model_env(server: FakeOpenAIServer) -> dict[str, str]:
    return {
        **NO_MODEL_ENV,
        "OPDRACHTASSISTENT_LLM_BASE_URL": server.base_url,
        "OPDRACHTASSISTENT_LLM_API_KEY": "test-key",
        "OPDRACHTASSISTENT_LLM_MODEL": "fake-model",
        "OPDRACHTASSISTENT_LLM_TIMEOUT_S": "10",
    }


def components(config: dict[str, Any]) -> dict[str, str]:
    """elem_id -> value of the page's components that have both."""
    out: dict[str, str] = {}
    for c in config["components"]:
        props = c.get("props", {})
        if props.get("elem_id") and isinstance(props.get("value"), str):
            out[props["elem_id"]] = props["value"]
    return out


def markdown_values(config: dict[str, Any]) -> list[str]:
    return [
        str(c["props"].get("value"))
        for c in config["components"]
        if c.get("type") == "markdown" and c.get("props", {}).get("value")
    ]


def page_config(app: RunningApp) -> dict[str, Any]:
    """The page's configuration as the browser fetches it."""
    with urllib.request.urlopen(app.url + "config", timeout=30) as response:
        config: dict[str, Any] = json.loads(response.read())
    return config


# --------------------------------------------------------------------------------------------
# The page as built (no process): the label is escaped, the intro tells no untruth.


@pytest.fixture
def gradio_temp(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRADIO_TEMP_DIR", "")  # build_app sets it; undone after the test
    monkeypatch.delenv("GRADIO_TEMP_DIR")


def test_a_model_name_from_configuration_is_text_not_markup(
    tmp_path: Path, gradio_temp: None
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        llm_base_url="http://gebruiker:geheim@127.0.0.1:9/v1",
        llm_model='<img src=x onerror="alert(1)">',
    )
    values = components(build_app(build_services(settings)).get_config_file())
    assert "<img" not in values["oa-engine"]
    assert "&lt;img src=x" in values["oa-engine"]
    assert "op 127.0.0.1:9" in values["oa-engine"]
    assert "geheim" not in values["oa-engine"]  # no credentials shown
    assert '<span id="oa-ai-notice"' in values["oa-engine"]
    assert "AI-systeem" in values["oa-engine"]


def test_the_intro_promises_local_only_without_a_model() -> None:
    # the promise the banner takes out when a model is on must be in the intro as written
    assert LOCAL_ONLY in TEXT["intro"]
    offline = engine_html(describe(Settings(llm_base_url=None, llm_api_key=None)))
    assert OFFLINE_LABEL in offline and OFFLINE_NOTICE in offline


# --------------------------------------------------------------------------------------------
# The real app


@pytest.fixture
def fake_model() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(model="fake-model") as server:
        yield server


@pytest.fixture
def model_app(data_dir: Path, fake_model: FakeOpenAIServer) -> Iterator[RunningApp]:
    app = start_app(data_dir, extra_env=model_env(fake_model))
    try:
        yield app
    finally:
        app.stop()


@pytest.mark.slow
def test_offline_app_shows_the_rules_and_no_ai_notice(data_dir: Path) -> None:
    app = start_app(data_dir, extra_env=NO_MODEL_ENV)
    try:
        config = page_config(app)
    finally:
        app.stop()
    values = components(config)
    assert OFFLINE_LABEL in values["oa-engine"] and OFFLINE_NOTICE in values["oa-engine"]
    assert "oa-ai-notice" not in values["oa-engine"] and "AI-systeem" not in values["oa-engine"]
    assert any(LOCAL_ONLY.strip() in text for text in markdown_values(config))
    # the banner sits between the intro and the status line, before the chat
    order = [c.get("props", {}).get("elem_id") for c in config["components"]]
    assert order.index("oa-engine") < order.index("oa-status") < order.index("oa-chat")


@pytest.mark.slow
def test_model_app_names_model_and_host_and_calls_it_only_for_an_answer(
    model_app: RunningApp, fake_model: FakeOpenAIServer, tmp_path: Path
) -> None:
    config = page_config(model_app)
    values = components(config)
    banner = values["oa-engine"]
    assert f"Taalmodel: fake-model op 127.0.0.1:{fake_model.port}" in banner
    notice = banner.split('id="oa-ai-notice"', 1)[1]
    assert "U werkt met een AI-systeem" in notice and "Controleer" in notice
    assert f"127.0.0.1:{fake_model.port}" in notice
    assert not any(LOCAL_ONLY.strip() in text for text in markdown_values(config))
    assert fake_model.requests == []  # starting the app and serving the page asks nothing

    client = Client(
        model_app.url, verbose=False, download_files=str(tmp_path), analytics_enabled=False
    )
    try:
        owner = client.predict("", "context", api_name="/start")[0]
        assert fake_model.requests == []  # nor does the opening question
        client.predict(owner, get("dorpsstraat").steps[0].text, "context", api_name="/answer")
    finally:
        client.close()
    assert fake_model.completions  # the first answer goes to the model the banner names


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium ontbreekt")
def test_banner_and_notice_are_visible_and_accessible(
    model_app: RunningApp, fake_model: FakeOpenAIServer
) -> None:
    from playwright.sync_api import sync_playwright
    from tests.app.test_browser import ours, run_axe

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 800}, locale="nl-NL")
            page.set_default_timeout(30_000)
            page.goto(model_app.url)
            page.get_by_text("Goedendag").first.wait_for()
            engine = page.locator("#oa-engine")
            notice = page.locator("#oa-ai-notice")
            assert engine.is_visible() and notice.is_visible()
            assert f"fake-model op 127.0.0.1:{fake_model.port}" in engine.inner_text()
            assert "U werkt met een AI-systeem" in notice.inner_text()
            # at the top, above the chat; the answer box fits the laptop screen, so its
            # autofocus did not scroll the notice out of view
            page.wait_for_timeout(500)
            assert page.evaluate("window.scrollY") == 0
            chat_top = page.locator("#oa-chat").bounding_box()
            notice_box = notice.bounding_box()
            assert chat_top is not None and notice_box is not None
            assert notice_box["y"] + notice_box["height"] <= chat_top["y"]
            serious = [
                (v["id"], n["target"])
                for v in run_axe(page)
                if v["impact"] in ("serious", "critical")
                for n in ours(v)
            ]
            assert serious == [], serious
        finally:
            browser.close()
    assert fake_model.completions == []  # loading the page asked the model nothing
