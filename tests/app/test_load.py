"""The bench's load generator on a small run, so `make bench` cannot rot: against the real
app and against Gradio's echo app, every answer comes back, none fails and none shows up in
another conversation. Speed is measured by `make bench`, never asserted here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support import load
from tests.support.app_process import RunningApp
from tests.support.echo_app import start_echo

pytestmark = pytest.mark.slow


@pytest.fixture
def echo_app(tmp_path: Path) -> Iterator[RunningApp]:
    app = start_echo(tmp_path / "echo")
    try:
        yield app
    finally:
        app.stop()


def test_five_conversations_against_the_app(running_app: RunningApp) -> None:
    result = load.run(running_app.url, conversations=5, turns=3, probe=running_app.cpu_s)
    report = result.report()
    assert report["errors"] == 0, report
    assert report["crosstalk"] == 0, report
    assert report["turns"] == 15
    assert result.probed is not None and result.probed > 0  # the server did the work


def test_five_conversations_at_a_pace_against_the_echo_app(echo_app: RunningApp) -> None:
    report = load.run(echo_app.url, conversations=5, turns=3, pause_s=0.2).report()
    assert (report["errors"], report["crosstalk"], report["turns"]) == (0, 0, 15), report


def test_an_answer_in_another_conversation_counts_as_crosstalk() -> None:
    """The check itself: a reply showing another tab's mark, or a chat whose last user
    message is not this tab's, is cross-talk; its own reply is not."""
    page = load.Page(base="http://127.0.0.1:1/gradio_api/", dependencies=[], state_ids=frozenset())
    tab = load.Conversation(page, mark="0000aaaa")
    other = "Intern kenmerk 1111bbbb."
    tab.sent.append(f"Hallo. Intern kenmerk {tab.mark}.")
    own = [[{"role": "user", "content": tab.sent[-1]}, {"role": "assistant", "content": "Dank"}]]
    assert tab.check(own)
    assert not tab.check([[*own[0], {"role": "assistant", "content": other}]])
    assert not tab.check([[{"role": "user", "content": "iets anders"}]])
