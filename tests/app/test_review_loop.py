"""The review loop in the app (issue 11), through `Conversations` and the callbacks over a
real store, SQLite and PostgreSQL: shared commissions in a colleague's list, read-only for a
meelezer, editable for a bewerker, the tab "Beoordeling" (share, submit, approve, comments,
diff, audit trail), the comments appendix of the exports, and forged calls that are refused."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import pytest
from tests.support.postgres import PostgresServer, missing_reason, start_postgres

from opdrachtassistent.config import Settings
from opdrachtassistent.errors import OpdrachtError
from opdrachtassistent.services import build_services
from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.callbacks import Callbacks
from opdrachtassistent.ui.loop_callbacks import LoopCallbacks
from opdrachtassistent.ui.session import DB_NAME, Conversations, SessionState, conversation_ref
from opdrachtassistent.workflow.permissions import REFUSALS

ANNA, MEES, OTTO, BEA, VIER = (
    "user:opsteller",
    "user:meelezer",
    "user:opdrachtgever",
    "user:bewerker",
    "user:vierde",
)
# The output order of a panel callback (events.loop_outputs): gr.State is not among them.
STATE, SHARES, COMMENTS, THREAD, OLD, NEW, STATUS = range(7)
DOCUMENT, VIEW_STATUS, REF = 4, 8, 9


class Request:
    """What Gradio puts on `gr.Request` after a password login."""

    def __init__(self, owner: str) -> None:
        self.username = owner.removeprefix("user:")


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    reason = missing_reason()
    if reason is not None:
        pytest.skip(reason)
    server = start_postgres()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def conv(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    knowledge_template: Path,
) -> Iterator[Conversations]:
    """The app side over a SQLite file, and over a real PostgreSQL server."""
    data = tmp_path_factory.mktemp("loop") / "data"
    shutil.copytree(knowledge_template, data)
    if request.param == "sqlite":
        store = SessionStore(data / DB_NAME)
    else:
        server: PostgresServer = request.getfixturevalue("postgres")
        store = SessionStore(server.create_database())
    yield Conversations(build_services(Settings(data_dir=data)), store)
    store.close()


@pytest.fixture
def drafted(conv: Conversations) -> SessionState:
    """A stored commission of the opsteller, shared with a meelezer and an opdrachtgever."""
    state = conv.start(ANNA).state
    out, _ = conv.answer(ANNA, state, "We richten de Molenweg opnieuw in na wateroverlast.")
    out, _ = conv.edit_section(ANNA, out.state, "goal", "Doel: droge voeten in 2028.")
    assert out.state.saved and not out.error
    wf = conv.workflow
    wf.share(out.state.session_id, ANNA, "meelezer", "meelezer")
    wf.share(out.state.session_id, ANNA, "opdrachtgever", "opdrachtgever")
    return out.state


def stored_json(conv: Conversations, state: SessionState) -> str:
    record = conv.store.load(state.session_id, owner=ANNA)
    assert record is not None
    return record.state_json


def test_a_shared_commission_is_in_the_colleagues_list_and_nobody_elses(
    conv: Conversations, drafted: SessionState
) -> None:
    labels = {s.id: s for s in conv.sessions_page(MEES).items}
    assert drafted.session_id in labels
    cb = Callbacks(conv)
    choices = dict((v, k) for k, v in cb._session_choices(conv.sessions_page(MEES), MEES))
    assert "gedeeld door opsteller · meelezer · concept" in choices[drafted.session_id]
    assert drafted.session_id not in {s.id for s in conv.sessions_page(VIER).items}
    with pytest.raises(OpdrachtError):
        conv.resume(VIER, drafted.session_id)


def test_a_meelezer_reads_but_cannot_answer_or_edit(
    conv: Conversations, drafted: SessionState
) -> None:
    opened = conv.resume(MEES, drafted.session_id)
    assert "meelezer" in opened.note and "niet antwoorden" in opened.note
    before = stored_json(conv, drafted)
    with pytest.raises(OpdrachtError) as refused:
        conv.answer(MEES, opened.state, "Het budget is tien miljoen euro.")
    assert refused.value.message == REFUSALS["edit"]
    with pytest.raises(OpdrachtError):
        conv.edit_section(MEES, opened.state, "goal", "Doel: iets anders.")
    assert stored_json(conv, drafted) == before
    # through the callback: the answer is refused in Dutch on the status line, kept in the box
    view = Callbacks(conv).on_answer(
        "",
        opened.state,
        "Ander antwoord",
        "context",
        conversation_ref(opened.state),
        Request(MEES),  # type: ignore[arg-type]
    )
    assert "niet bewerken" in view[VIEW_STATUS] and view[-1] == "Ander antwoord"
    assert stored_json(conv, drafted) == before


def test_a_bewerker_edits_under_the_owner_and_is_in_the_audit(
    conv: Conversations, drafted: SessionState
) -> None:
    conv.workflow.share(drafted.session_id, ANNA, "bewerker", "bewerker")
    opened = conv.resume(BEA, drafted.session_id)
    out, _ = conv.edit_section(BEA, opened.state, "goal", "Doel: droge voeten in 2029.")
    assert out.state.saved and not out.error
    record = conv.store.load(drafted.session_id, owner=ANNA)
    assert record is not None and "2029" in record.state_json
    steps = [(e.actor, e.action) for e in conv.workflow.audit(drafted.session_id, ANNA)]
    assert steps[:3] == [(ANNA, "created"), (ANNA, "answered"), (ANNA, "edited")]
    assert (BEA, "edited") in steps


def panel(result: tuple[Any, ...]) -> dict[str, Any]:
    return {"state": result[STATE], "status": result[STATUS], "comments": result[COMMENTS]}


def test_the_whole_loop_in_the_tab(conv: Conversations, drafted: SessionState) -> None:
    cb, loop = Callbacks(conv), LoopCallbacks(Callbacks(conv))
    ref = conversation_ref(drafted)
    conv_id = drafted.session_id
    shown = loop.on_loop("", None, ref, Request(ANNA))  # type: ignore[arg-type]
    assert "concept" in shown[STATE] and "opsteller" in shown[STATE]
    assert "meelezer" in shown[SHARES] and "opdrachtgever" in shown[SHARES]

    # the meelezer may not submit; the opsteller may
    refused = loop.on_submit("", None, ref, Request(MEES))  # type: ignore[arg-type]
    assert "oa-status-error" in refused[STATUS]
    loop.on_submit("", None, ref, Request(ANNA))  # type: ignore[arg-type]
    assert conv.workflow.status(conv_id) == "ter_review"

    # the meelezer comments on a section; it shows in the document panel
    left = loop.on_comment(
        "",
        None,
        "goal",
        "Is 2028 haalbaar?",
        ref,
        Request(MEES),  # type: ignore[arg-type]
    )
    assert "Is 2028 haalbaar?" in left[COMMENTS] and left[-1] == ""
    view = cb.on_resume("", None, conv_id, "context", ref, Request(ANNA))  # type: ignore[arg-type]
    assert "1 open opmerking" in view[DOCUMENT]

    # only the opdrachtgever approves
    assert "oa-status-error" in loop.on_approve("", None, ref, Request(ANNA))[STATUS]  # type: ignore[arg-type]
    assert "oa-status-error" in loop.on_approve("", None, ref, Request(VIER))[STATUS]  # type: ignore[arg-type]
    done = loop.on_approve("", None, ref, Request(OTTO))  # type: ignore[arg-type]
    assert "vastgesteld" in done[STATE], done[STATUS]
    approved = conv.workflow.approved(conv_id, ANNA)
    assert approved is not None

    # the opsteller edits afterwards: a new concept version, the approved one unchanged
    state = conv.resume(ANNA, conv_id).state
    out, _ = conv.edit_section(ANNA, state, "goal", "Doel: droge voeten in 2030.")
    assert out.state.saved
    assert conv.workflow.status(conv_id) == "concept"
    assert conv.workflow.version(conv_id, approved.number, ANNA) == approved
    ref = conversation_ref(out.state)
    diff = loop.on_compare("", None, str(approved.number), "nu", ref, Request(ANNA))  # type: ignore[arg-type]
    assert "2030" in diff[0] and "Doel" in diff[0]
    assert len(re.findall(r'class="oa-change ', diff[0])) == 1, diff[0]
    path, _ = loop.diff_report("docx")("", None, str(approved.number), "nu", ref, Request(ANNA))  # type: ignore[arg-type]
    assert path and "2030" in "\n".join(p.text for p in docx.Document(path).paragraphs)

    # the audit trail: owner and opdrachtgever, not the meelezer
    html, csv_path, _ = loop.on_audit("", None, ref, Request(OTTO))  # type: ignore[arg-type]
    assert csv_path and "opmerking geplaatst" in html and "vastgesteld" in html
    assert "meelezer" in Path(csv_path).read_text(encoding="utf-8")
    assert loop.on_audit("", None, ref, Request(MEES))[1] is None  # type: ignore[arg-type]


def test_exports_carry_the_open_comments_unless_left_out(
    conv: Conversations, drafted: SessionState
) -> None:
    conv.workflow.comment(drafted.session_id, MEES, "goal", "Graag een tussendoel.")
    export_md = Callbacks(conv).exporter("md")
    ref = conversation_ref(drafted)
    with_path, _ = export_md("", None, ref, True, Request(ANNA))  # type: ignore[arg-type]
    without_path, _ = export_md("", None, ref, False, Request(ANNA))  # type: ignore[arg-type]
    assert with_path and without_path
    assert "Graag een tussendoel." in Path(with_path).read_text(encoding="utf-8")
    assert "Graag een tussendoel." not in Path(without_path).read_text(encoding="utf-8")
    export_docx = Callbacks(conv).exporter("docx")
    word, _ = export_docx("", None, ref, True, Request(ANNA))  # type: ignore[arg-type]
    assert word and any("Graag een tussendoel." in p.text for p in docx.Document(word).paragraphs)


def test_forged_calls_with_another_users_reference_change_nothing(
    conv: Conversations, drafted: SessionState
) -> None:
    cb, loop = Callbacks(conv), LoopCallbacks(Callbacks(conv))
    ref = conversation_ref(drafted)
    before = stored_json(conv, drafted)
    view = cb.on_answer("", None, "Budget: 1 euro", "context", ref, Request(VIER))  # type: ignore[arg-type]
    assert "oa-status-error" in view[VIEW_STATUS]
    view = cb.on_edit("", None, "goal", "Doel: weg", ref, Request(VIER))  # type: ignore[arg-type]
    assert view[REF].split(":")[0] != drafted.session_id
    for step in (loop.on_submit, loop.on_approve):
        assert "oa-status-error" in step("", None, ref, Request(VIER))[STATUS]  # type: ignore[arg-type]
    loop.on_share("", None, "vierde", "opdrachtgever", ref, Request(VIER))  # type: ignore[arg-type]
    assert conv.workflow.role_of(drafted.session_id, VIER) is None
    assert stored_json(conv, drafted) == before
    assert conv.workflow.status(drafted.session_id) == "concept"


def test_sharing_needs_a_login(conv: Conversations) -> None:
    token = "c" * 32
    state = conv.start(token).state
    out, _ = conv.answer(token, state, "We vergroenen het Stationsplein.")
    shown = LoopCallbacks(Callbacks(conv)).on_share(
        token, out.state, "meelezer", "meelezer", conversation_ref(out.state)
    )
    assert "inlogt" in shown[STATUS] and "inlogt" in shown[STATE]
    assert conv.workflow.shares(out.state.session_id, token) == []


def test_a_confirmed_summary_is_a_version(conv: Conversations) -> None:
    out = conv.start_scenario(ANNA, "dorpsstraat")
    for _ in range(30):
        out, turn = conv.next_scenario_step(ANNA, out.state)
        if turn is None:
            break
    assert out.state.interview.phase == "done"
    versions = conv.workflow.versions(out.state.session_id, ANNA)
    assert [v.reason for v in versions] == ["samenvatting bevestigd"]


def test_the_buttons_follow_the_role(conv: Conversations, drafted: SessionState) -> None:
    loop = LoopCallbacks(Callbacks(conv))
    ref = conversation_ref(drafted)

    def usable(owner: str) -> list[bool]:
        shown = loop.on_loop("", None, ref, Request(owner))  # type: ignore[arg-type]
        return [button.interactive for button in shown[STATUS + 1 :]]

    # share, unshare, submit, approve, send back
    assert usable(ANNA) == [True, True, True, False, True]
    assert usable(MEES) == [False] * 5
    assert usable(OTTO) == [False, False, False, True, True]
    assert usable(VIER) == [False] * 5


def test_send_back_with_a_reason_and_a_thread_replied_to_and_resolved(
    conv: Conversations, drafted: SessionState
) -> None:
    loop = LoopCallbacks(Callbacks(conv))
    ref, conv_id = conversation_ref(drafted), drafted.session_id
    loop.on_submit("", None, ref, Request(ANNA))  # type: ignore[arg-type]
    no_reason = loop.on_send_back("", None, "  ", ref, Request(OTTO))  # type: ignore[arg-type]
    assert "reden" in no_reason[STATUS]
    refused = loop.on_send_back("", None, "Nee.", ref, Request(MEES))  # type: ignore[arg-type]
    assert "oa-status-error" in refused[STATUS]
    back = loop.on_send_back("", None, "Budget ontbreekt.", ref, Request(OTTO))  # type: ignore[arg-type]
    assert "Budget ontbreekt." in back[STATE] and "concept" in back[STATE]
    assert conv.workflow.status(conv_id) == "concept"

    placed = loop.on_comment("", None, "", "Graag een kaart.", ref, Request(MEES))  # type: ignore[arg-type]
    thread = placed[THREAD]["value"] if isinstance(placed[THREAD], dict) else placed[THREAD].value
    loop.on_reply("", None, thread, "Komt eraan.", ref, Request(ANNA))  # type: ignore[arg-type]
    # the opdrachtgever may not resolve the meelezer's thread, the opsteller may
    assert "oa-status-error" in loop.on_resolve("", None, thread, ref, Request(OTTO))[STATUS]  # type: ignore[arg-type]
    done = loop.on_resolve("", None, thread, ref, Request(ANNA))  # type: ignore[arg-type]
    assert "afgehandeld" in done[COMMENTS] and "Komt eraan." in done[COMMENTS]
    assert conv.workflow.comments(conv_id, ANNA, open_only=True) == []
    # a thread of another conversation is not resolved through this one
    other = conv.start(ANNA).state
    out, _ = conv.answer(ANNA, other, "We vergroenen het Raadhuisplein met bomen.")
    elsewhere = conv.workflow.comment(out.state.session_id, ANNA, None, "Elders.")
    loop.on_resolve("", None, str(elsewhere.id), ref, Request(ANNA))  # type: ignore[arg-type]
    assert not conv.workflow.comments(out.state.session_id, ANNA)[0].resolved
