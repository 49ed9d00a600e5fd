"""Writes to one conversation from several places at once, on the real app (issue 14, 1 and 2).

Two tabs on one conversation, a double submit and a burst of answers must not lose an answer:
each is stored on top of the newest version, or refused in Dutch. After a restart of the app an
open tab's answer goes to the conversation that tab shows, not to the owner's latest one.
Counts are read from the sessions store itself, not from what the app says.
"""

from __future__ import annotations

import json
import signal
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client
from tests.support.app_process import RunningApp, start_app

from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.session import DB_NAME

pytestmark = pytest.mark.slow

# Output order of the view endpoints (gr.State is not part of the API); CONVERSATION is the
# tab's own reference to the conversation it shows, sent back with every call.
OWNER, CHAT, PROGRESS, DOCUMENT, SOURCES, MAP, EDITOR, STATUS, CONVERSATION = range(9)
CHANGED = "ander venster"  # the Dutch note that the conversation changed elsewhere
BURST, IN_FLIGHT = 300, 16


def client_for(app: RunningApp, downloads: Path) -> Client:
    return Client(app.url, verbose=False, download_files=str(downloads), analytics_enabled=False)


@pytest.fixture
def clients(running_app: RunningApp, tmp_path: Path) -> Iterator[list[Client]]:
    made = [client_for(running_app, tmp_path / f"dl{i}") for i in range(2)]
    yield made
    for c in made:
        c.close()


def start(client: Client, owner: str = "") -> tuple[Any, ...]:
    result: tuple[Any, ...] = client.predict(owner, "context", api_name="/start")
    return result


def answer(client: Client, owner: str, text: str, *conversation: str) -> tuple[Any, ...]:
    result: tuple[Any, ...] = client.predict(
        owner, text, "context", *conversation, api_name="/answer"
    )
    return result


def stored_user_turns(data_dir: Path, owner: str, session_id: str) -> list[str]:
    """The user messages of one conversation as the store holds them."""
    record = SessionStore(data_dir / DB_NAME).load(session_id, owner=owner)
    assert record is not None, session_id
    messages = json.loads(record.state_json)["messages"]
    return [m["content"] for m in messages if m["role"] == "user"]


def only_session(client: Client, owner: str) -> str:
    listed = client.predict(owner, api_name="/list_sessions")
    assert len(listed["choices"]) == 1, listed["choices"]
    session_id: str = listed["value"]
    return session_id


def refused(view: tuple[Any, ...]) -> bool:
    """A Dutch refusal on the status line (the app's error style starts with 'Let op')."""
    return "Let op" in str(view[STATUS])


TEXTS = [
    f"De aanleiding is punt {n}: de riolering onder de Dorpsstraat is zestig jaar oud."
    for n in range(1, 5)
]


def test_two_tabs_on_one_conversation_keep_every_answer(
    running_app: RunningApp, data_dir: Path, clients: list[Client]
) -> None:
    tab1, tab2 = clients
    owner = start(tab1)[OWNER]
    answer(tab1, owner, TEXTS[0])
    shown = start(tab2, owner)  # a second tab opens the same (latest) conversation
    assert TEXTS[0] in " ".join(str(m["content"]) for m in shown[CHAT])
    answer(tab1, owner, TEXTS[1])
    answer(tab1, owner, TEXTS[2])
    view = answer(tab2, owner, TEXTS[3])  # from the stale copy of tab 2
    session_id = only_session(tab1, owner)
    turns = stored_user_turns(data_dir, owner, session_id)
    print(f"two tabs: {sum(t in turns for t in TEXTS)} of 4 user turns stored")
    assert turns == TEXTS
    assert CHANGED in view[STATUS] and not refused(view)
    assert TEXTS[1] in " ".join(str(m["content"]) for m in view[CHAT])  # the fresh view


def test_a_double_submit_never_loses_the_answer(
    running_app: RunningApp, data_dir: Path, clients: list[Client]
) -> None:
    tab = clients[0]
    owner = start(tab)[OWNER]
    answer(tab, owner, TEXTS[0])
    jobs = [
        tab.submit(owner, TEXTS[1], "context", api_name="/answer") for _ in range(2)
    ]  # the same answer twice, at once
    views = [job.result(timeout=120) for job in jobs]
    turns = stored_user_turns(data_dir, owner, only_session(tab, owner))
    stored = turns.count(TEXTS[1])
    print(f"double submit: {len(turns)} of 3 user turns stored")
    assert TEXTS[0] in turns
    assert stored + sum(refused(v) for v in views) == 2, (turns, [v[STATUS] for v in views])
    assert stored >= 1


def rest_answer(http: httpx.Client, app: RunningApp, owner: str, text: str) -> list[Any]:
    """One answer through Gradio's REST route: its own request and its own event stream,
    so nothing is shared between the calls of a burst but the app itself."""
    route = app.url + "gradio_api/call/answer"
    joined = http.post(route, json={"data": [owner, text, "context", ""]})
    joined.raise_for_status()
    event = None
    with http.stream("GET", f"{route}/{joined.json()['event_id']}") as stream:
        for line in stream.iter_lines():
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                assert event == "complete", line
                data: list[Any] = json.loads(line[5:])
                return data
    raise AssertionError(f"no reply to {text!r}")


def test_a_burst_of_answers_to_one_conversation(
    running_app: RunningApp, data_dir: Path, clients: list[Client]
) -> None:
    tab = clients[0]
    owner = start(tab)[OWNER]
    answer(tab, owner, TEXTS[0])
    texts = [f"Antwoord nummer {n} in de reeks." for n in range(BURST)]
    began = time.perf_counter()
    # many calls at once; gradio_client shares one event stream between its calls and now
    # and then cancels one of a burst itself, so each call goes through the REST route
    limits = httpx.Limits(max_connections=2 * IN_FLIGHT)
    with (
        httpx.Client(timeout=120, limits=limits) as http,
        ThreadPoolExecutor(IN_FLIGHT) as pool,
    ):
        views = list(pool.map(lambda text: rest_answer(http, running_app, owner, text), texts))
    took = time.perf_counter() - began
    turns = Counter(stored_user_turns(data_dir, owner, only_session(tab, owner)))
    stored = sum(turns[t] == 1 for t in texts)
    told = sum(refused(tuple(v)) for v, t in zip(views, texts, strict=True) if turns[t] == 0)
    print(f"burst: {stored} of {BURST} stored, {told} refused in Dutch, {took:.1f} s")
    assert all(turns[t] <= 1 for t in texts)  # none stored twice
    assert stored + told == BURST


def test_after_a_restart_an_open_tab_answers_in_its_own_conversation(
    data_dir: Path, tmp_path: Path
) -> None:
    app = start_app(data_dir)
    port = int(app.url.rstrip("/").rsplit(":", 1)[1])
    try:
        tab1 = client_for(app, tmp_path / "dl1")
        tab2 = client_for(app, tmp_path / "dl2")
        owner = start(tab1)[OWNER]
        mine = answer(tab1, owner, TEXTS[0])[CONVERSATION]
        start(tab2, owner)
        tab2.predict(owner, "context", api_name="/new_conversation")
        other = answer(tab2, owner, TEXTS[1])[CONVERSATION]  # now the most recent one
        assert mine and other and mine != other
    finally:
        app.stop()
    app = start_app(data_dir, port=port)  # the same address: the open tab goes on
    try:
        view = answer(tab1, owner, TEXTS[2], mine)
        ids = {ref.split(":")[0] for ref in (mine, other)}
        mine_id, other_id = mine.split(":")[0], other.split(":")[0]
        assert len(ids) == 2
        assert stored_user_turns(data_dir, owner, mine_id) == [TEXTS[0], TEXTS[2]]
        assert stored_user_turns(data_dir, owner, other_id) == [TEXTS[1]]
        assert view[CONVERSATION].split(":")[0] == mine_id and not refused(view)
        # a conversation that is gone is said so, and nothing is written elsewhere
        SessionStore(data_dir / DB_NAME).delete(mine_id, owner=owner)
        fresh = client_for(app, tmp_path / "dl3")  # no server-side state, like after a restart
        gone = answer(fresh, owner, TEXTS[3], view[CONVERSATION])
        assert refused(gone) and "niet meer" in gone[STATUS]
        assert stored_user_turns(data_dir, owner, other_id) == [TEXTS[1]]
        assert SessionStore(data_dir / DB_NAME).count_sessions(owner=owner) == 1
        fresh.close()
        tab1.close()
        tab2.close()
    finally:
        app.stop()


def test_a_killed_app_loses_no_acknowledged_answer(data_dir: Path, tmp_path: Path) -> None:
    """SIGKILL in the middle of a burst: every answer the app acknowledged (returned without
    a refusal) is stored after the restart; the unacknowledged ones may be missing."""
    app = start_app(data_dir)
    tab = client_for(app, tmp_path / "dl")
    owner = start(tab)[OWNER]
    ref = answer(tab, owner, TEXTS[0])[CONVERSATION]
    texts = [f"Antwoord {n} vlak voor de crash." for n in range(120)]
    acknowledged: list[str] = []

    def send(text: str) -> None:
        try:
            view = answer(tab, owner, text, ref)
        except Exception:  # the connection died with the app: not acknowledged
            return
        if not refused(view):
            acknowledged.append(text)

    with ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(send, text) for text in texts]
        while len(acknowledged) < 20 and not all(f.done() for f in futures):
            time.sleep(0.02)
        app.process.send_signal(signal.SIGKILL)
        app.process.wait(timeout=30)
    again = start_app(data_dir)
    try:
        turns = stored_user_turns(data_dir, owner, ref.split(":")[0])
        lost = [t for t in acknowledged if t not in turns]
        print(f"SIGKILL: {len(acknowledged)} acknowledged, {len(lost)} lost")
        assert len(acknowledged) >= 20 and lost == []
    finally:
        tab.close()
        again.stop()
