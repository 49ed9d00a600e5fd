"""Which component event runs which callback, each with a stable API name.

Named endpoints (also used by the tests through `gradio_client`): start, answer,
new_conversation, list_sessions, resume, section_text, edit_section, review, export_md,
export_docx, export_json, scenario_start, scenario_step, start_document, search_sessions,
sessions_previous, sessions_next, delete_session, and for the review loop (tab
"Beoordeling") loop, share, unshare, submit, approve, send_back, comment, reply,
resolve_comment, compare_versions, diff_md, diff_docx, audit. Gradio numbers the
endpoints in the order they are registered here (so a new one goes last).

Every callback that acts on the conversation also gets the tab's reference to the conversation
it shows (`ui.conversation`), as its last input, and every view returns it as its last output.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from opdrachtassistent.ui.callbacks import Callbacks
from opdrachtassistent.ui.layout import Layout
from opdrachtassistent.ui.loop_callbacks import LoopCallbacks


def view_outputs(ui: Layout) -> list[Any]:
    """The components every conversation callback returns, in the order of `Callbacks._view`."""
    return [
        ui.owner,
        ui.state,
        ui.chat.chatbot,
        ui.progress,
        ui.document,
        ui.chat.sources,
        ui.smap,
        ui.edit.editor,
        ui.status,
        ui.conversation,
    ]


def wire(app: gr.Blocks, ui: Layout, cb: Callbacks) -> None:
    """Register every event; call inside the `gr.Blocks` context of `app`."""
    outputs = view_outputs(ui)
    owner, state, section = ui.owner, ui.state, ui.edit.section
    sessions, ref = ui.sessions.dropdown, ui.conversation
    on_list, on_answer = cb.on_list, cb.on_answer  # each shared by several events

    listing = [owner, ui.sessions.query, ui.sessions.page]

    app.load(cb.on_start, [owner, section], outputs, api_name="start")
    answer_inputs = [owner, state, ui.chat.msg, section, ref]
    answer_outputs = [*outputs, ui.chat.msg]
    ui.chat.send.click(on_answer, answer_inputs, answer_outputs, api_name="answer")
    ui.chat.msg.submit(on_answer, answer_inputs, answer_outputs, api_visibility="private")
    ui.chat.new.click(cb.on_new, [owner, section], outputs, api_name="new_conversation")
    ui.sessions.refresh.click(on_list, listing, [sessions], api_name="list_sessions")
    ui.sessions.resume.click(
        cb.on_resume, [owner, state, sessions, section, ref], outputs, api_name="resume"
    )
    section.change(
        cb.on_section,
        [owner, state, section, ref],
        [ui.edit.editor, ui.edit.help],
        api_name="section_text",
    )
    ui.edit.save.click(
        cb.on_edit,
        [owner, state, section, ui.edit.editor, ref],
        outputs,
        api_name="edit_section",
    )
    ui.review.run.click(
        cb.on_review, [owner, state, ref], [ui.review.out, ui.status], api_name="review"
    )
    for fmt, button in ui.export.buttons.items():
        button.click(
            cb.exporter(fmt),
            [owner, state, ref, ui.export.comments],
            [ui.export.download, ui.status],
            api_name=f"export_{fmt}",
        )
    scenario = ui.scenarios
    scenario.dropdown.change(
        cb.on_scenario_info, [scenario.dropdown], [scenario.info], api_visibility="private"
    )
    scenario.start.click(
        cb.on_scenario_start,
        [owner, state, scenario.dropdown, section, ref],
        outputs,
        api_name="scenario_start",
    )
    scenario.step.click(
        cb.on_scenario_step, [owner, state, section, ref], outputs, api_name="scenario_step"
    )
    ui.chat.upload.upload(
        cb.on_document,
        [owner, state, ui.chat.upload, section, ref],
        outputs,
        api_name="start_document",
    )
    wire_session_list(ui, cb)
    wire_loop(ui, LoopCallbacks(cb))


def wire_session_list(ui: Layout, cb: Callbacks) -> None:
    """Searching, paging and deleting in the list of conversations (registered last, so the
    endpoints before them keep their numbers)."""
    tab = ui.sessions
    paged = [tab.dropdown, tab.page]
    tab.search.click(cb.on_search, [ui.owner, tab.query], paged, api_name="search_sessions")
    tab.query.submit(cb.on_search, [ui.owner, tab.query], paged, api_visibility="private")
    listing = [ui.owner, tab.query, tab.page]
    tab.previous.click(cb.pager(-1), listing, paged, api_name="sessions_previous")
    tab.next.click(cb.pager(+1), listing, paged, api_name="sessions_next")
    tab.delete.click(
        cb.on_delete,
        [
            ui.owner,
            ui.state,
            tab.dropdown,
            tab.confirm,
            tab.query,
            tab.page,
            ui.edit.section,
            ui.conversation,
        ],
        [*view_outputs(ui), *paged, tab.confirm],
        api_name="delete_session",
    )
    # The list is read when it is looked at (its tab opened, search, "Vernieuwen"), not after
    # every answer: a chained list event per answer was a second queue round trip per turn.
    tab.tab.select(cb.on_list, listing, [tab.dropdown], api_visibility="private")


def loop_outputs(ui: Layout) -> list[Any]:
    """The components every review-loop callback returns (`LoopCallbacks._panel`)."""
    t = ui.loop
    return [
        t.state,
        t.shares,
        t.comments,
        t.thread,
        t.old,
        t.new,
        ui.status,
        *(t.share, t.unshare, t.submit, t.approve, t.send_back),  # BUTTON_OPERATIONS
    ]


def wire_loop(ui: Layout, cb: LoopCallbacks) -> None:
    """The tab "Beoordeling" (registered after the list, so earlier endpoints keep their
    numbers)."""
    t, me, state, ref = ui.loop, ui.owner, ui.state, ui.conversation
    panel = loop_outputs(ui)
    t.tab.select(cb.on_loop, [me, state, ref], panel, api_visibility="private")
    t.refresh.click(cb.on_loop, [me, state, ref], panel, api_name="loop")
    t.share.click(cb.on_share, [me, state, t.user, t.role, ref], panel, api_name="share")
    t.unshare.click(cb.on_unshare, [me, state, t.user, ref], panel, api_name="unshare")
    t.submit.click(cb.on_submit, [me, state, ref], panel, api_name="submit")
    t.approve.click(cb.on_approve, [me, state, ref], panel, api_name="approve")
    t.send_back.click(cb.on_send_back, [me, state, t.reason, ref], panel, api_name="send_back")
    t.comment.click(
        cb.on_comment,
        [me, state, t.section, t.text, ref],
        [*panel, t.text],
        api_name="comment",
    )
    t.reply.click(
        cb.on_reply, [me, state, t.thread, t.text, ref], [*panel, t.text], api_name="reply"
    )
    t.resolve.click(cb.on_resolve, [me, state, t.thread, ref], panel, api_name="resolve_comment")
    versions = [me, state, t.old, t.new, ref]
    t.compare.click(cb.on_compare, versions, [t.diff, ui.status], api_name="compare_versions")
    t.diff_md.click(cb.diff_report("md"), versions, [t.download, ui.status], api_name="diff_md")
    t.diff_docx.click(
        cb.diff_report("docx"), versions, [t.download, ui.status], api_name="diff_docx"
    )
    t.audit.click(
        cb.on_audit, [me, state, ref], [t.audit_out, t.download, ui.status], api_name="audit"
    )
