"""The app's API through gradio_client on loopback: the real app, started as a user starts it.

A whole interview ends in a .docx that python-docx opens and that is checked section by
section; conversations survive a restart on the same data directory; browsers are isolated;
everything typed comes back as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from gradio_client import Client
from tests.support.app_process import RunningApp, start_app

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission
from opdrachtassistent.dialogue import texts
from opdrachtassistent.dialogue.scenarios import CONFIRM_ANSWER, get

pytestmark = pytest.mark.slow

# Output order of the view endpoints (gr.State is not part of the API).
OWNER, CHAT, PROGRESS, DOCUMENT, SOURCES, MAP, EDITOR, STATUS = range(8)


def client_for(app: RunningApp, downloads: Path) -> Client:
    return Client(app.url, verbose=False, download_files=str(downloads), analytics_enabled=False)


@pytest.fixture
def client(running_app: RunningApp, tmp_path: Path) -> Iterator[Client]:
    c = client_for(running_app, tmp_path / "downloads")
    yield c
    c.close()


def percent(view: tuple[Any, ...]) -> int:
    m = re.search(r'<progress[^>]*value="(\d+)"', view[PROGRESS])
    assert m, view[PROGRESS]
    return int(m.group(1))


def chat_text(view: tuple[Any, ...]) -> list[str]:
    out = []
    for message in view[CHAT]:
        content = message["content"]
        if isinstance(content, list):
            content = " ".join(part.get("text", "") for part in content if isinstance(part, dict))
        out.append(str(content))
    return out


def start(client: Client, owner: str = "") -> tuple[Any, ...]:
    result: tuple[Any, ...] = client.predict(owner, "context", api_name="/start")
    return result


def answer(client: Client, owner: str, text: str) -> tuple[Any, ...]:
    result: tuple[Any, ...] = client.predict(owner, text, "context", api_name="/answer")
    return result


def test_opening_question_is_shown_at_start(client: Client) -> None:
    view = start(client)
    assert re.fullmatch(r"[0-9a-f]{32}", view[OWNER])
    messages = chat_text(view)
    assert len(messages) == 1
    assert view[CHAT][0]["role"] == "assistant"
    assert "integrale opdracht" in messages[0]
    assert percent(view) == 0
    assert "Waarom" not in view[STATUS]  # no error on start


def test_whole_interview_to_docx(client: Client, tmp_path: Path) -> None:
    owner = start(client)[OWNER]
    progress = [0]
    scenario = get("dorpsstraat")
    for step in scenario.steps:
        view = answer(client, owner, step.text)
        progress.append(percent(view))
        assert view[STATUS].count("Let op") == 0, view[STATUS]
    assert progress == sorted(progress), progress  # progress only advances
    assert progress[-1] == 100
    view = answer(client, owner, CONFIRM_ANSWER)
    assert texts.DONE.split(",")[0] in chat_text(view)[-1]

    path, status = client.predict(owner, api_name="/export_docx")
    assert "download" in status
    assert Path(path).suffix == ".docx"
    document = docx.Document(path)
    paragraphs = [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    body = "\n".join(paragraphs)
    cells = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    # one heading per section, in order
    positions = [
        next(i for i, h in enumerate(headings) if SECTION_TITLES[key] in h) for key in SECTIONS
    ]
    assert positions == sorted(positions)
    # section by section
    assert "zestig jaar oud" in body  # context
    assert "70 mm" in body  # goal results
    assert "Jansen" in body + cells  # mandate
    for party in ("Waterschap Rivierenland", "Stedin", "Vitens"):
        assert party in cells  # stakeholder table
    assert "3.200.000" in cells  # resources table
    assert "2,5" in cells
    assert "2027" in cells
    assert "Omgevingswet" in body  # frameworks
    assert "graafcoördinatie" in body.lower()  # instruments
    assert "projectteam" in body  # organisation
    assert any("Open vragen" in h for h in headings)
    assert len(document.inline_shapes) >= 1  # the stakeholder map

    md_path, _ = client.predict(owner, api_name="/export_md")
    assert "Dorpsstraat" in Path(md_path).read_text(encoding="utf-8")
    json_path, _ = client.predict(owner, api_name="/export_json")
    commission = Commission.model_validate(json.loads(Path(json_path).read_text("utf-8")))
    assert commission.completeness().complete


def test_sessions_survive_a_restart(data_dir: Path, tmp_path: Path) -> None:
    app = start_app(data_dir)
    try:
        c = client_for(app, tmp_path / "dl1")
        owner = start(c)[OWNER]
        answer(c, owner, get("schoolzone").steps[0].text)
        before = answer(c, owner, get("schoolzone").steps[1].text)
        session_id = c.predict(owner, api_name="/list_sessions")["value"]
        assert re.fullmatch(r"[0-9a-f]{32}", session_id)
        c.close()
    finally:
        app.stop()

    app = start_app(data_dir)  # same data directory, new process
    try:
        c = client_for(app, tmp_path / "dl2")
        after = start(c, owner)  # the same browser comes back: its last conversation resumes
        assert chat_text(after) == chat_text(before)
        assert percent(after) == percent(before) > 0
        new = c.predict(owner, "context", api_name="/new_conversation")
        assert len(chat_text(new)) == 1
        resumed = c.predict(owner, session_id, "context", api_name="/resume")
        assert chat_text(resumed) == chat_text(before)
        assert "hervat" in resumed[STATUS]
        c.close()
    finally:
        app.stop()


def test_browsers_are_isolated(running_app: RunningApp, tmp_path: Path) -> None:
    a = client_for(running_app, tmp_path / "a")
    b = client_for(running_app, tmp_path / "b")
    owner_a = start(a)[OWNER]
    answer(a, owner_a, "Geheime herinrichting van het Marktplein wegens verzakte bestrating.")
    session_a = a.predict(owner_a, api_name="/list_sessions")["value"]
    view_b = start(b)
    owner_b = view_b[OWNER]
    assert owner_b != owner_a
    assert all("Marktplein" not in m for m in chat_text(view_b))
    assert b.predict(owner_b, api_name="/list_sessions")["choices"] == []
    stolen = b.predict(owner_b, session_a, "context", api_name="/resume")
    assert "Let op" in stolen[STATUS]
    assert all("Marktplein" not in m for m in chat_text(stolen))
    a.close()
    b.close()


def test_user_text_is_shown_as_text(client: Client) -> None:
    owner = start(client)[OWNER]
    hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> **vet** [link](http://x)'
    view = answer(client, owner, hostile + " Herinrichting van de Stationsstraat.")
    user_message = chat_text(view)[1]
    assert "<script" not in user_message and "<img" not in user_message
    assert "&lt;script&gt;" in user_message
    assert r"\*\*vet\*\*" in user_message
    for panel in (DOCUMENT, MAP, PROGRESS, SOURCES):
        assert "<script" not in view[panel] and "<img" not in view[panel]


def test_direct_edit_keeps_interview_consistent(client: Client) -> None:
    owner = start(client)[OWNER]
    answer(client, owner, get("dorpsstraat").steps[0].text)
    text = client.predict(owner, "resources", api_name="/section_text")[0]
    assert text.startswith("Budget:")
    view = client.predict(
        owner,
        "resources",
        "Budget: 4.000.000\nCapaciteit: 3\nEinddatum: 31-12-2028\nFinanciering: GRP",
        api_name="/edit_section",
    )
    assert "€ 4.000.000" in view[DOCUMENT]
    assert "31 december 2028" in view[DOCUMENT]
    assert texts.EDITED in chat_text(view)[-1]
    assert "Budget: 4.000.000" in view[EDITOR]
    # an invalid edit is refused in Dutch and changes nothing
    bad = client.predict(owner, "resources", "Budget: veel", api_name="/edit_section")
    assert "Let op" in bad[STATUS] and "bedrag" in bad[STATUS]
    assert "€ 4.000.000" in bad[DOCUMENT]
    # the chat goes on from the edited document: resources are not asked again
    for step in get("dorpsstraat").steps[1:]:
        if step.section != "resources":
            view = answer(client, owner, step.text)
    assert percent(view) == 100


def test_scenario_replay_step_by_step(client: Client) -> None:
    owner = start(client)[OWNER]
    view = client.predict(owner, "aardgasvrij", "context", api_name="/scenario_start")
    assert "aardgas" in view[STATUS].lower()
    seen = [percent(view)]
    for _ in range(len(get("aardgasvrij").steps) + 2):
        view = client.predict(owner, "context", api_name="/scenario_step")
        seen.append(percent(view))
        if "helemaal afgespeeld" in view[STATUS]:
            break
    assert seen == sorted(seen) and seen[-1] == 100
    assert texts.DONE.split(",")[0] in " ".join(chat_text(view))
    assert "Liander" in view[DOCUMENT] and "Liander" in view[MAP]


def test_review_panel(client: Client) -> None:
    owner = start(client)[OWNER]
    answer(client, owner, get("schoolzone").steps[0].text)
    review, _status = client.predict(owner, api_name="/review")
    assert "klaar voor de uitvoering" in review.lower()
    assert "<script" not in review
