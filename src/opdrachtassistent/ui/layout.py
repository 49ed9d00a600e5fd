"""The app's components, one builder per panel and tab; no behaviour (see `events.py`).

Each builder must be called inside the Gradio context it belongs in, in the order of the
page: Gradio lays components out in the order they are created.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import gradio as gr

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS
from opdrachtassistent.dialogue import scenarios
from opdrachtassistent.documents import SUPPORTED_SUFFIXES
from opdrachtassistent.documents.limits import MAX_FILE_BYTES
from opdrachtassistent.llm.engine import EngineInfo
from opdrachtassistent.ui.forms import FORMAT_HELP
from opdrachtassistent.ui.session import EXPORT_FORMATS, ExportFormat
from opdrachtassistent.ui.text import TEXT
from opdrachtassistent.ui.views import status_html
from opdrachtassistent.workflow.model import ROLE_LABELS, ROLES


@dataclass(frozen=True)
class ChatPanel:
    chatbot: gr.Chatbot
    msg: gr.Textbox
    send: gr.Button
    new: gr.Button
    upload: gr.UploadButton
    sources: gr.HTML


@dataclass(frozen=True)
class EditTab:
    section: gr.Dropdown
    help: gr.Markdown
    editor: gr.Textbox
    save: gr.Button


@dataclass(frozen=True)
class ReviewTab:
    run: gr.Button
    out: gr.HTML


@dataclass(frozen=True)
class ExportTab:
    buttons: dict[ExportFormat, gr.Button]
    download: gr.File
    comments: gr.Checkbox  # the open comments as an appendix (Markdown and Word)


@dataclass(frozen=True)
class LoopTab:
    """The review loop: share, status, comments, versions, audit trail."""

    tab: gr.Tab
    refresh: gr.Button
    state: gr.HTML
    user: gr.Textbox
    role: gr.Dropdown
    share: gr.Button
    unshare: gr.Button
    shares: gr.HTML
    submit: gr.Button
    approve: gr.Button
    reason: gr.Textbox
    send_back: gr.Button
    section: gr.Dropdown
    text: gr.Textbox
    comment: gr.Button
    thread: gr.Dropdown
    reply: gr.Button
    resolve: gr.Button
    comments: gr.HTML
    old: gr.Dropdown
    new: gr.Dropdown
    compare: gr.Button
    diff_md: gr.Button
    diff_docx: gr.Button
    diff: gr.HTML
    audit: gr.Button
    audit_out: gr.HTML
    download: gr.File


@dataclass(frozen=True)
class SessionsTab:
    tab: gr.Tab
    dropdown: gr.Dropdown
    refresh: gr.Button
    resume: gr.Button
    query: gr.Textbox
    search: gr.Button
    previous: gr.Button
    next: gr.Button
    page: gr.Number  # hidden: the page shown, so paging and the API agree
    confirm: gr.Checkbox
    delete: gr.Button


@dataclass(frozen=True)
class ScenarioTab:
    dropdown: gr.Dropdown
    info: gr.Markdown
    start: gr.Button
    step: gr.Button


@dataclass(frozen=True)
class Layout:
    """Every component a callback reads or writes."""

    owner: gr.BrowserState
    state: gr.State
    conversation: gr.Textbox  # the tab's own reference to the conversation it shows
    status: gr.HTML
    chat: ChatPanel
    progress: gr.HTML
    document: gr.HTML
    smap: gr.HTML
    edit: EditTab
    review: ReviewTab
    export: ExportTab
    loop: LoopTab
    sessions: SessionsTab
    scenarios: ScenarioTab


# The intro's promise that holds only without a model: left out when text goes to one.
LOCAL_ONLY = " Alles blijft op deze computer."


def engine_html(engine: EngineInfo) -> str:
    """One line under the intro: the engine's label, and beside it the AI notice when a model
    answers (AI Act art. 50), else the short offline reassurance. One paragraph, so the notice
    costs no more height than it must: the answer box stays in view on a laptop screen, and
    its autofocus does not scroll the notice away. Escaped: the model name and host come from
    configuration."""
    label = f"<strong>{html.escape(engine.label)}</strong>."
    if engine.model:
        notice = f'<span id="oa-ai-notice" class="oa-ai-notice">{html.escape(engine.notice)}</span>'
    else:
        notice = html.escape(engine.notice)
    return f'<div class="oa-engine">{label} {notice}</div>'


def intro_text(engine: EngineInfo) -> str:
    return TEXT["intro"].replace(LOCAL_ONLY, "") if engine.model else TEXT["intro"]


def sources_panel() -> gr.HTML:
    """Why the assistant asks the current question, with its sources."""
    with gr.Accordion(TEXT["why"], open=True, elem_id="oa-why"):
        return gr.HTML(elem_id="oa-sources", js_on_load=None)


def chat_panel() -> ChatPanel:
    chatbot = gr.Chatbot(
        label=TEXT["chat"],
        elem_id="oa-chat",
        # 460, not 520: with the engine line above it the answer box still fits a 1366x800
        # laptop screen, so its autofocus does not scroll the page past the AI notice
        height=460,
        feedback_options=None,
        buttons=["copy"],
        sanitize_html=True,
        # no math: a "$$" in quoted user text is text (the messages escape the rest)
        latex_delimiters=[],
        autoscroll=True,
    )
    msg = gr.Textbox(
        label=TEXT["input"],
        placeholder=TEXT["input_placeholder"],
        lines=1,
        max_lines=8,
        elem_id="oa-input",
        autofocus=True,
    )
    with gr.Row():
        send = gr.Button(TEXT["send"], variant="primary", elem_id="oa-send")
        new = gr.Button(TEXT["new"], elem_id="oa-new")
        upload = gr.UploadButton(
            TEXT["upload"],
            file_count="single",
            file_types=list(SUPPORTED_SUFFIXES),
            type="filepath",
            elem_id="oa-upload",
        )
    gr.Markdown(
        TEXT["upload_help"].format(limit=MAX_FILE_BYTES // 1_000_000), elem_id="oa-upload-help"
    )
    return ChatPanel(
        chatbot=chatbot, msg=msg, send=send, new=new, upload=upload, sources=sources_panel()
    )


def document_tab() -> gr.HTML:
    with gr.Tab(TEXT["doc_tab"], elem_id="oa-tab-doc"):
        return gr.HTML(elem_id="oa-document", js_on_load=None)


def map_tab() -> gr.HTML:
    with gr.Tab(TEXT["map_tab"], elem_id="oa-tab-map"):
        smap = gr.HTML(elem_id="oa-map", js_on_load=None)
        gr.Markdown(TEXT["map_help"])
    return smap


def edit_tab() -> EditTab:
    with gr.Tab(TEXT["edit_tab"], elem_id="oa-tab-edit"):
        section = gr.Dropdown(
            choices=[(SECTION_TITLES[k], k) for k in SECTIONS],
            value="context",
            label=TEXT["section"],
            elem_id="oa-section",
            filterable=False,
        )
        edit_help = gr.Markdown(FORMAT_HELP["context"], elem_id="oa-edit-help")
        editor = gr.Textbox(label=TEXT["editor"], lines=8, max_lines=20, elem_id="oa-editor")
        save = gr.Button(TEXT["save_edit"], variant="primary", elem_id="oa-save-edit")
    return EditTab(section=section, help=edit_help, editor=editor, save=save)


def review_tab() -> ReviewTab:
    with gr.Tab(TEXT["review_tab"], elem_id="oa-tab-review"):
        gr.Markdown(TEXT["review_intro"])
        run = gr.Button(TEXT["review"], elem_id="oa-run-review")
        out = gr.HTML(elem_id="oa-review", js_on_load=None)
    return ReviewTab(run=run, out=out)


def export_tab() -> ExportTab:
    with gr.Tab(TEXT["export_tab"], elem_id="oa-tab-export"):
        with gr.Row():
            buttons = {
                fmt: gr.Button(TEXT[f"export_{fmt}"], elem_id=f"oa-export-{fmt}")
                for fmt in EXPORT_FORMATS
            }
        comments = gr.Checkbox(
            label=TEXT["export_comments"], value=True, elem_id="oa-export-comments"
        )
        download = gr.File(label=TEXT["download"], interactive=False, elem_id="oa-download")
    return ExportTab(buttons=buttons, download=download, comments=comments)


def loop_tab() -> LoopTab:
    with gr.Tab(TEXT["loop_tab"], elem_id="oa-tab-loop") as tab:
        gr.Markdown(TEXT["loop_intro"])
        refresh = gr.Button(TEXT["loop_refresh"], elem_id="oa-loop-refresh")
        state = gr.HTML(elem_id="oa-loop-status", js_on_load=None)
        gr.Markdown(f"### {TEXT['status_heading']}")
        with gr.Row():
            submit = gr.Button(TEXT["submit"], elem_id="oa-submit")
            approve = gr.Button(TEXT["approve"], variant="primary", elem_id="oa-approve")
        with gr.Row(equal_height=True):
            reason = gr.Textbox(
                "", label=TEXT["send_back_reason"], max_length=2000, scale=4, elem_id="oa-reason"
            )
            send_back = gr.Button(TEXT["send_back"], scale=1, elem_id="oa-send-back")
        gr.Markdown(f"### {TEXT['share_heading']}")
        with gr.Row(equal_height=True):
            user = gr.Textbox("", label=TEXT["share_user"], max_length=64, elem_id="oa-share-user")
            role = gr.Dropdown(
                choices=[(ROLE_LABELS[r], r) for r in ROLES],
                value="meelezer",
                label=TEXT["share_role"],
                filterable=False,
                elem_id="oa-share-role",
            )
        with gr.Row():
            share = gr.Button(TEXT["share"], elem_id="oa-share")
            unshare = gr.Button(TEXT["unshare"], elem_id="oa-unshare")
        shares = gr.HTML(elem_id="oa-shares", js_on_load=None)
        gr.Markdown(f"### {TEXT['comments_heading']}")
        section = gr.Dropdown(
            choices=[(TEXT["comment_whole"], ""), *[(SECTION_TITLES[k], k) for k in SECTIONS]],
            value="",
            label=TEXT["comment_section"],
            filterable=False,
            elem_id="oa-comment-section",
        )
        text = gr.Textbox(
            "", label=TEXT["comment_text"], lines=2, max_length=4000, elem_id="oa-comment-text"
        )
        comment = gr.Button(TEXT["comment"], elem_id="oa-comment")
        thread = gr.Dropdown(
            choices=[],
            value=None,
            label=TEXT["comment_thread"],
            allow_custom_value=True,
            elem_id="oa-comment-thread",
        )
        with gr.Row():
            reply = gr.Button(TEXT["reply"], elem_id="oa-reply")
            resolve = gr.Button(TEXT["resolve"], elem_id="oa-resolve")
        comments = gr.HTML(elem_id="oa-comments", js_on_load=None)
        gr.Markdown(f"### {TEXT['versions_heading']}")
        with gr.Row():
            old = gr.Dropdown(
                choices=[], label=TEXT["version_old"], allow_custom_value=True, elem_id="oa-old"
            )
            new = gr.Dropdown(
                choices=[],
                label=TEXT["version_new"],
                allow_custom_value=True,
                elem_id="oa-new-version",
            )
        with gr.Row():
            compare = gr.Button(TEXT["compare"], elem_id="oa-compare")
            diff_md = gr.Button(TEXT["diff_md"], elem_id="oa-diff-md")
            diff_docx = gr.Button(TEXT["diff_docx"], elem_id="oa-diff-docx")
        diff = gr.HTML(elem_id="oa-diff", js_on_load=None)
        gr.Markdown(f"### {TEXT['audit_heading']}")
        audit = gr.Button(TEXT["audit"], elem_id="oa-audit-run")
        audit_out = gr.HTML(elem_id="oa-audit", js_on_load=None)
        download = gr.File(
            label=TEXT["loop_download"], interactive=False, elem_id="oa-loop-download"
        )
    return LoopTab(
        tab=tab,
        refresh=refresh,
        state=state,
        user=user,
        role=role,
        share=share,
        unshare=unshare,
        shares=shares,
        submit=submit,
        approve=approve,
        reason=reason,
        send_back=send_back,
        section=section,
        text=text,
        comment=comment,
        thread=thread,
        reply=reply,
        resolve=resolve,
        comments=comments,
        old=old,
        new=new,
        compare=compare,
        diff_md=diff_md,
        diff_docx=diff_docx,
        diff=diff,
        audit=audit,
        audit_out=audit_out,
        download=download,
    )


def sessions_tab() -> SessionsTab:
    with gr.Tab(TEXT["sessions_tab"], elem_id="oa-tab-sessions") as tab:
        with gr.Row(equal_height=True):
            query = gr.Textbox(
                "",  # a value, so API callers of the list may leave the search out
                label=TEXT["session_query"],
                placeholder=TEXT["session_query_placeholder"],
                max_length=200,
                scale=4,
                elem_id="oa-session-query",
            )
            search = gr.Button(TEXT["session_search"], scale=1, elem_id="oa-session-search")
        # choices differ per browser; the owner check in resume() guards access; the count
        # and page stand in the dropdown's info line
        dropdown = gr.Dropdown(
            choices=[], label=TEXT["sessions"], elem_id="oa-sessions", allow_custom_value=True
        )
        with gr.Row():
            previous = gr.Button(TEXT["session_previous"], elem_id="oa-session-previous")
            next_ = gr.Button(TEXT["session_next"], elem_id="oa-session-next")
        page = gr.Number(value=1, precision=0, visible=False, elem_id="oa-session-page")
        with gr.Row():
            refresh = gr.Button(TEXT["refresh"], elem_id="oa-refresh")
            resume = gr.Button(TEXT["resume"], variant="primary", elem_id="oa-resume")
        gr.Markdown(TEXT["delete_help"], elem_id="oa-delete-help")
        confirm = gr.Checkbox(label=TEXT["delete_confirm"], value=False, elem_id="oa-delete-ok")
        delete = gr.Button(TEXT["delete"], variant="stop", elem_id="oa-delete")
    return SessionsTab(
        tab=tab,
        dropdown=dropdown,
        refresh=refresh,
        resume=resume,
        query=query,
        search=search,
        previous=previous,
        next=next_,
        page=page,
        confirm=confirm,
        delete=delete,
    )


def scenario_tab() -> ScenarioTab:
    with gr.Tab(TEXT["scenario_tab"], elem_id="oa-tab-scenarios"):
        dropdown = gr.Dropdown(
            choices=scenarios.choices(),
            value=scenarios.SCENARIOS[0].id,
            label=TEXT["scenario"],
            elem_id="oa-scenario",
            filterable=False,
        )
        info = gr.Markdown(scenarios.SCENARIOS[0].summary, elem_id="oa-scenario-info")
        with gr.Row():
            start = gr.Button(TEXT["scenario_start"], elem_id="oa-scenario-start")
            step = gr.Button(TEXT["scenario_step"], variant="primary", elem_id="oa-scenario-step")
    return ScenarioTab(dropdown=dropdown, info=info, start=start, step=step)


def build_layout(secret: str, *, engine: EngineInfo) -> Layout:
    """The whole page inside the current `gr.Blocks`: the chat left, the commission right,
    under the intro and the line that says which engine answers."""
    owner = gr.BrowserState("", storage_key="opdrachtassistent-eigenaar", secret=secret)
    state = gr.State(None)
    # kept in the page, not on the server: after a restart the tab still says which
    # conversation it shows (per tab, unlike the owner token in local storage)
    conversation = gr.Textbox("", visible=False, elem_id="oa-conversation")
    gr.Markdown(intro_text(engine))
    gr.HTML(engine_html(engine), elem_id="oa-engine", js_on_load=None)
    status = gr.HTML(status_html(""), elem_id="oa-status", js_on_load=None)
    with gr.Row(equal_height=False):
        with gr.Column(scale=5, min_width=360):
            chat = chat_panel()
        with gr.Column(scale=6, min_width=360):
            progress = gr.HTML(elem_id="oa-progress", js_on_load=None)
            # wrap: on a 1280-1366 px laptop "menu" hid Gesprekken and Oefenen behind "..."
            with gr.Tabs(overflow_behavior="wrap", elem_id="oa-tabs"):
                document = document_tab()
                smap = map_tab()
                edit = edit_tab()
                review = review_tab()
                export = export_tab()
                loop = loop_tab()
                sessions = sessions_tab()
                scenarios_ = scenario_tab()
    return Layout(
        owner=owner,
        state=state,
        conversation=conversation,
        status=status,
        chat=chat,
        progress=progress,
        document=document,
        smap=smap,
        edit=edit,
        review=review,
        export=export,
        loop=loop,
        sessions=sessions,
        scenarios=scenarios_,
    )
