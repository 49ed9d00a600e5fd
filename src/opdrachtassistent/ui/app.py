"""The Gradio app: the chat beside the growing commission, in Dutch.

`build_app(services)` returns the Blocks; `launch(app)` starts it with the theme, styles and
page language (Gradio 6 takes those in `launch()`). Callbacks only translate between
components and `Conversations` (ui_session.py); views come from ui_render.py. Nothing here
holds user data in a global: each browser has an unguessable owner token in its own local
storage (`gr.BrowserState`) and its conversation in `gr.State`.

Named API endpoints (also used by the tests through `gradio_client`): start, answer,
new_conversation, list_sessions, resume, section_text, edit_section, review, export_md,
export_docx, export_json, scenario_start, scenario_step.
"""

from __future__ import annotations

import logging
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from opdrachtassistent.config import set_offline_switches

set_offline_switches()  # before gradio is imported anywhere below

import gradio as gr  # noqa: E402

from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, SectionKey  # noqa: E402
from opdrachtassistent.dialogue import scenarios, texts  # noqa: E402
from opdrachtassistent.errors import OpdrachtError  # noqa: E402
from opdrachtassistent.render import stakeholder_map  # noqa: E402
from opdrachtassistent.ui.forms import FORMAT_HELP, section_to_text  # noqa: E402
from opdrachtassistent.ui.session import (  # noqa: E402
    Conversations,
    ExportFormat,
    Outcome,
    SessionState,
    new_owner,
    valid_owner,
)
from opdrachtassistent.ui.views import (  # noqa: E402
    NO_SOURCES,
    SUMMARY_NO_SOURCES,
    chat_messages,
    document_html,
    progress_html,
    review_html,
    sources_html,
    status_html,
)

if TYPE_CHECKING:
    from opdrachtassistent.services import Services

log = logging.getLogger(__name__)

# Every Dutch text of the app's own chrome, together.
TEXT = {
    "title": "Opdrachtassistent",
    "intro": (
        "# Opdrachtassistent: integrale opdracht voor de openbare ruimte\n"
        "Beantwoord de vragen in het gesprek. Rechts groeit de opdracht mee: per onderdeel "
        "ziet u wat er al staat en wat nog ontbreekt. U kunt een onderdeel ook direct bewerken. "
        "Alles blijft op deze computer."
    ),
    "chat": "Gesprek met de assistent",
    "input": "Uw antwoord",
    "input_placeholder": "Typ uw antwoord en druk op Enter om te versturen",
    "send": "Verstuur",
    "new": "Nieuw gesprek",
    "why": "Waarom vraag ik dit?",
    "doc_tab": "Opdracht",
    "map_tab": "Krachtenveld",
    "edit_tab": "Bewerken",
    "review_tab": "Kwaliteitstoets",
    "export_tab": "Exporteren",
    "sessions_tab": "Gesprekken",
    "scenario_tab": "Oefenen",
    "section": "Onderdeel om te bewerken",
    "editor": "Inhoud van het onderdeel",
    "save_edit": "Wijziging opslaan",
    "review": "Kwaliteitstoets uitvoeren",
    "review_intro": (
        "De kwaliteitstoets kijkt of de opdracht knelpunten voor de uitvoering bevat, met de "
        "bronnen erbij."
    ),
    "export_md": "Exporteer als Markdown",
    "export_docx": "Exporteer als Word (.docx)",
    "export_json": "Exporteer als JSON",
    "download": "Download",
    "sessions": "Kies een eerder gesprek",
    "refresh": "Lijst vernieuwen",
    "resume": "Gesprek hervatten",
    "scenario": "Kies een scenario",
    "scenario_start": "Scenario laden",
    "scenario_step": "Volgende stap",
    "scenario_all": "Alles afspelen",
    "edited": "Uw wijziging is verwerkt in de opdracht en in het gesprek.",
    "unexpected": (
        "Er ging iets mis bij het verwerken. Uw gesprek is niet verloren gegaan; probeer het "
        "nog eens."
    ),
    "export_done": "Het bestand staat klaar om te downloaden.",
}

CSS = """
.oa-sr { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
.oa-progress progress { width:100%; height:1.25rem; accent-color:#1d4ed8; }
.oa-progress label { display:block; font-weight:600; margin-bottom:.25rem; }
.oa-sections { list-style:none; padding-left:0; margin:.5rem 0 0 0; }
.oa-sections li { margin:.15rem 0; }
.oa-missing { color:#4b5563; }
.oa-state-compleet > h3 .oa-badge { background:#dcfce7; color:#14532d; }
.oa-state-gedeeltelijk > h3 .oa-badge { background:#fef3c7; color:#713f12; }
.oa-state-leeg > h3 .oa-badge { background:#f3f4f6; color:#1f2937; }
.oa-badge { font-size:.8rem; font-weight:600; padding:.1rem .45rem; border-radius:.5rem;
            margin-left:.4rem; border:1px solid #6b7280; }
.oa-now { font-size:.85rem; font-weight:600; color:#1e3a8a; }
.oa-empty { color:#4b5563; font-style:italic; }
.oa-doc dt { font-weight:600; } .oa-doc dd { margin:0 0 .4rem 1rem; }
.oa-table { border-collapse:collapse; width:100%; }
.oa-table th, .oa-table td { border:1px solid #9ca3af; padding:.2rem .4rem; text-align:left; }
.oa-cite { display:block; font-size:.85rem; color:#374151; margin:.2rem 0 .5rem 0; }
.oa-sources-list { font-size:.85rem; color:#374151; }
/* The chat's own "clear" icon only blanked the transcript (state and document stayed);
   "Nieuw gesprek" is the way to start over. */
#oa-chat .icon-button-wrapper.top-panel { display:none !important; }
.oa-status-error p { color:#7f1d1d; background:#fee2e2; padding:.4rem .6rem;
                     border-left:4px solid #b91c1c; }
.oa-status-info p { color:#1e3a8a; background:#eff6ff; padding:.4rem .6rem;
                    border-left:4px solid #1d4ed8; }
.oa-map svg { height:auto; }
button[role="tab"].selected { color:#1e40af !important; }
*:focus-visible { outline:3px solid #1d4ed8 !important; outline-offset:2px; }
"""

# Page language for screen readers (WCAG 3.1.1), set as soon as the page runs.
JS = "() => { document.documentElement.lang = 'nl'; }"


def _browser_secret(data_dir: Path) -> str:
    """A stable secret for the owner token in local storage, kept in the data directory.

    Stable across restarts, so a browser still finds its conversations afterwards.
    """
    path = data_dir / "browser-secret"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        data_dir.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(value)
        return value


def _session_choices(conv: Conversations, owner: str) -> list[tuple[str, str]]:
    return [
        (
            f"{s.title} ({round(s.completeness * 100)}% compleet, "
            f"{s.updated_at.astimezone().strftime('%d-%m-%Y %H:%M')})",
            s.id,
        )
        for s in conv.sessions(owner)
    ]


def build_app(services: Services, *, conversations: Conversations | None = None) -> gr.Blocks:
    """The whole app, wired to the services; launch it with `launch(app)`."""
    os.environ.setdefault("GRADIO_TEMP_DIR", tempfile.mkdtemp(prefix="opdrachtassistent-gradio-"))
    conv = conversations or Conversations(services)
    secret = _browser_secret(Path(services.settings.data_dir))

    with gr.Blocks(title=TEXT["title"], analytics_enabled=False, fill_width=True) as app:
        owner_bs = gr.BrowserState("", storage_key="opdrachtassistent-eigenaar", secret=secret)
        ui_state = gr.State(None)
        gr.Markdown(TEXT["intro"])
        status = gr.HTML(status_html(""), elem_id="oa-status", js_on_load=None)
        with gr.Row(equal_height=False):
            with gr.Column(scale=5, min_width=360):
                chatbot = gr.Chatbot(
                    label=TEXT["chat"],
                    elem_id="oa-chat",
                    height=520,
                    feedback_options=None,
                    buttons=["copy"],
                    sanitize_html=True,
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
                with gr.Accordion(TEXT["why"], open=True, elem_id="oa-why"):
                    sources = gr.HTML(elem_id="oa-sources", js_on_load=None)
            with gr.Column(scale=6, min_width=360):
                progress = gr.HTML(elem_id="oa-progress", js_on_load=None)
                # wrap: on a 1280-1366 px laptop "menu" hid Gesprekken and Oefenen behind "..."
                with gr.Tabs(overflow_behavior="wrap", elem_id="oa-tabs"):
                    with gr.Tab(TEXT["doc_tab"], elem_id="oa-tab-doc"):
                        document = gr.HTML(elem_id="oa-document", js_on_load=None)
                    with gr.Tab(TEXT["map_tab"], elem_id="oa-tab-map"):
                        smap = gr.HTML(elem_id="oa-map", js_on_load=None)
                        gr.Markdown(
                            "Pas invloed en belang van een partij aan bij **Bewerken**, "
                            "onderdeel *Stakeholders* (de laatste twee kolommen)."
                        )
                    with gr.Tab(TEXT["edit_tab"], elem_id="oa-tab-edit"):
                        section = gr.Dropdown(
                            choices=[(SECTION_TITLES[k], k) for k in SECTIONS],
                            value="context",
                            label=TEXT["section"],
                            elem_id="oa-section",
                            filterable=False,
                        )
                        edit_help = gr.Markdown(FORMAT_HELP["context"], elem_id="oa-edit-help")
                        editor = gr.Textbox(
                            label=TEXT["editor"], lines=8, max_lines=20, elem_id="oa-editor"
                        )
                        save_edit = gr.Button(
                            TEXT["save_edit"], variant="primary", elem_id="oa-save-edit"
                        )
                    with gr.Tab(TEXT["review_tab"], elem_id="oa-tab-review"):
                        gr.Markdown(TEXT["review_intro"])
                        run_review = gr.Button(TEXT["review"], elem_id="oa-run-review")
                        review_out = gr.HTML(elem_id="oa-review", js_on_load=None)
                    with gr.Tab(TEXT["export_tab"], elem_id="oa-tab-export"):
                        with gr.Row():
                            export_buttons = {
                                fmt: gr.Button(TEXT[f"export_{fmt}"], elem_id=f"oa-export-{fmt}")
                                for fmt in ("md", "docx", "json")
                            }
                        download = gr.File(
                            label=TEXT["download"], interactive=False, elem_id="oa-download"
                        )
                    with gr.Tab(TEXT["sessions_tab"], elem_id="oa-tab-sessions"):
                        # choices differ per browser; the owner check in resume() guards access
                        sessions_dd = gr.Dropdown(
                            choices=[],
                            label=TEXT["sessions"],
                            elem_id="oa-sessions",
                            allow_custom_value=True,
                        )
                        with gr.Row():
                            refresh = gr.Button(TEXT["refresh"], elem_id="oa-refresh")
                            resume = gr.Button(
                                TEXT["resume"], variant="primary", elem_id="oa-resume"
                            )
                    with gr.Tab(TEXT["scenario_tab"], elem_id="oa-tab-scenarios"):
                        scenario_dd = gr.Dropdown(
                            choices=scenarios.choices(),
                            value=scenarios.SCENARIOS[0].id,
                            label=TEXT["scenario"],
                            elem_id="oa-scenario",
                            filterable=False,
                        )
                        scenario_info = gr.Markdown(
                            scenarios.SCENARIOS[0].summary, elem_id="oa-scenario-info"
                        )
                        with gr.Row():
                            scenario_start = gr.Button(
                                TEXT["scenario_start"], elem_id="oa-scenario-start"
                            )
                            scenario_step = gr.Button(
                                TEXT["scenario_step"],
                                variant="primary",
                                elem_id="oa-scenario-step",
                            )

        # -- helpers shared by the callbacks ------------------------------------------------

        view_outputs = [
            owner_bs,
            ui_state,
            chatbot,
            progress,
            document,
            sources,
            smap,
            editor,
            status,
        ]

        def owner_of(token: Any) -> str:
            return token if valid_owner(token) else new_owner()

        def state_of(owner: str, value: Any) -> tuple[SessionState, str]:
            if isinstance(value, SessionState):
                return value, ""
            if isinstance(value, dict):
                return SessionState.model_validate(value), ""
            out = conv.latest_or_start(owner)
            return out.state, out.note

        def view(owner: str, out: Outcome, key: Any) -> tuple[Any, ...]:
            state = out.state
            interview = conv.interview(state)
            commission = interview.commission
            asking = interview.asking
            why = texts.WHY.get(asking) if asking is not None and asking != "confirm" else None
            chosen = cast(SectionKey, key if key in SECTIONS else "context")
            return (
                owner,
                state,
                chat_messages(interview.messages),
                progress_html(commission),
                document_html(commission, asking=asking),
                sources_html(
                    interview.sources,
                    why=why,
                    empty=SUMMARY_NO_SOURCES if asking in ("confirm", None) else NO_SOURCES,
                ),
                stakeholder_map.to_html(commission.stakeholders),
                section_to_text(commission, chosen),
                status_html(out.note, kind="error" if out.error else "info"),
            )

        def guarded(
            owner: str, state: SessionState, key: Any, action: Callable[[], Outcome]
        ) -> tuple[Any, ...]:
            """Run an action; any failure becomes a Dutch note and the old state stays."""
            try:
                return view(owner, action(), key)
            except OpdrachtError as exc:
                return view(owner, Outcome(state=state, note=exc.message, error=True), key)
            except Exception:  # the outermost edge: log it, tell the user in Dutch
                log.exception("callback failed")
                return view(owner, Outcome(state=state, note=TEXT["unexpected"], error=True), key)

        # -- callbacks ----------------------------------------------------------------------

        def on_start(token: Any, key: Any) -> tuple[Any, ...]:
            owner = owner_of(token)
            state, note = state_of(owner, None)
            return guarded(owner, state, key, lambda: Outcome(state=state, note=note))

        def on_answer(token: Any, value: Any, text: str, key: Any) -> tuple[Any, ...]:
            owner = owner_of(token)
            state, _ = state_of(owner, value)
            result: list[Outcome] = []

            def act() -> Outcome:
                out, _turn = conv.answer(owner, state, text or "")
                result.append(out)
                return out

            shown = guarded(owner, state, key, act)
            # keep what the user typed when it could not be processed
            return (*shown, "" if result else text)

        def on_new(token: Any, key: Any) -> tuple[Any, ...]:
            owner = owner_of(token)
            out = conv.start(owner)
            return guarded(owner, out.state, key, lambda: out)

        def on_list(token: Any) -> Any:
            owner = owner_of(token)
            try:
                choices = _session_choices(conv, owner)
            except OpdrachtError as exc:
                log.warning("listing sessions failed: %s", exc)
                choices = []
            return gr.Dropdown(choices=choices, value=choices[0][1] if choices else None)

        def on_resume(token: Any, value: Any, session_id: Any, key: Any) -> tuple[Any, ...]:
            owner = owner_of(token)
            state, _ = state_of(owner, value)
            return guarded(owner, state, key, lambda: conv.resume(owner, str(session_id or "")))

        def on_section(token: Any, value: Any, key: Any) -> tuple[str, str]:
            owner = owner_of(token)
            state, _ = state_of(owner, value)
            chosen = cast(SectionKey, key if key in SECTIONS else "context")
            commission = conv.interview(state).commission
            return section_to_text(commission, chosen), FORMAT_HELP[chosen]

        def on_edit(token: Any, value: Any, key: Any, text: str) -> tuple[Any, ...]:
            owner = owner_of(token)
            state, _ = state_of(owner, value)
            if key not in SECTIONS:
                return guarded(owner, state, key, lambda: Outcome(state=state))

            def act() -> Outcome:
                out, _turn = conv.edit_section(owner, state, cast(SectionKey, key), text or "")
                if not out.error:
                    out.note = TEXT["edited"]
                return out

            return guarded(owner, state, key, act)

        def on_review(token: Any, value: Any) -> tuple[str, str]:
            owner = owner_of(token)
            state, _ = state_of(owner, value)
            try:
                result = conv.review(conv.interview(state).commission)
                return review_html(result), status_html("")
            except OpdrachtError as exc:
                return "", status_html(exc.message, kind="error")
            except Exception:
                log.exception("review failed")
                return "", status_html(TEXT["unexpected"], kind="error")

        def exporter(fmt: ExportFormat) -> Callable[[Any, Any], tuple[str | None, str]]:
            def on_export(token: Any, value: Any) -> tuple[str | None, str]:
                owner = owner_of(token)
                state, _ = state_of(owner, value)
                try:
                    path = conv.export(conv.interview(state).commission, fmt)
                    return str(path), status_html(TEXT["export_done"])
                except OpdrachtError as exc:
                    return None, status_html(exc.message, kind="error")
                except Exception:
                    log.exception("export failed")
                    return None, status_html(TEXT["unexpected"], kind="error")

            on_export.__name__ = f"export_{fmt}"
            return on_export

        def on_scenario_info(scenario_id: Any) -> str:
            try:
                return scenarios.get(str(scenario_id)).summary
            except KeyError:
                return ""

        def on_scenario_start(
            token: Any, value: Any, scenario_id: Any, key: Any
        ) -> tuple[Any, ...]:
            owner = owner_of(token)
            state, _ = state_of(owner, value)

            def act() -> Outcome:
                try:
                    return conv.start_scenario(owner, str(scenario_id))
                except KeyError:
                    return Outcome(state=state, note="Kies een scenario uit de lijst.", error=True)

            return guarded(owner, state, key, act)

        def on_scenario_step(token: Any, value: Any, key: Any) -> tuple[Any, ...]:
            owner = owner_of(token)
            state, _ = state_of(owner, value)
            return guarded(owner, state, key, lambda: conv.next_scenario_step(owner, state)[0])

        # -- events: each with a stable API name ---------------------------------------------

        app.load(on_start, [owner_bs, section], view_outputs, api_name="start").then(
            on_list, [owner_bs], [sessions_dd], api_visibility="private"
        )
        answer_inputs = [owner_bs, ui_state, msg, section]
        send.click(on_answer, answer_inputs, [*view_outputs, msg], api_name="answer").then(
            on_list, [owner_bs], [sessions_dd], api_visibility="private"
        )
        msg.submit(on_answer, answer_inputs, [*view_outputs, msg], api_visibility="private").then(
            on_list, [owner_bs], [sessions_dd], api_visibility="private"
        )
        new.click(on_new, [owner_bs, section], view_outputs, api_name="new_conversation")
        refresh.click(on_list, [owner_bs], [sessions_dd], api_name="list_sessions")
        resume.click(
            on_resume, [owner_bs, ui_state, sessions_dd, section], view_outputs, api_name="resume"
        )
        section.change(
            on_section, [owner_bs, ui_state, section], [editor, edit_help], api_name="section_text"
        )
        save_edit.click(
            on_edit, [owner_bs, ui_state, section, editor], view_outputs, api_name="edit_section"
        ).then(on_list, [owner_bs], [sessions_dd], api_visibility="private")
        run_review.click(on_review, [owner_bs, ui_state], [review_out, status], api_name="review")
        for fmt, button in export_buttons.items():
            button.click(
                exporter(cast(ExportFormat, fmt)),
                [owner_bs, ui_state],
                [download, status],
                api_name=f"export_{fmt}",
            )
        scenario_dd.change(
            on_scenario_info, [scenario_dd], [scenario_info], api_visibility="private"
        )
        scenario_start.click(
            on_scenario_start,
            [owner_bs, ui_state, scenario_dd, section],
            view_outputs,
            api_name="scenario_start",
        )
        scenario_step.click(
            on_scenario_step, [owner_bs, ui_state, section], view_outputs, api_name="scenario_step"
        ).then(on_list, [owner_bs], [sessions_dd], api_visibility="private")
    blocks: gr.Blocks = app
    return blocks


# Gradio's bundled Source Sans Pro / IBM Plex Mono SemiBold (600) files are tiny subsets
# (about 5 KB): every semibold heading, label and badge then mixed a few Source Sans glyphs
# with a fallback font ("A" and "B" visibly different). Regular and Bold are complete, so
# the theme declares 400 and 700 only; CSS weight 600 then resolves to the full Bold face.
FONT_WEIGHTS = (400, 700)


def theme() -> gr.themes.Base:
    """Default Gradio theme with a blue that keeps white button text above 4.5:1 contrast."""
    return gr.themes.Default(
        primary_hue="blue",
        neutral_hue="slate",
        font=(
            gr.themes.LocalFont("Source Sans Pro", weights=FONT_WEIGHTS),
            "ui-sans-serif",
            "system-ui",
            "sans-serif",
        ),
        font_mono=(
            gr.themes.LocalFont("IBM Plex Mono", weights=FONT_WEIGHTS),
            "ui-monospace",
            "Consolas",
            "monospace",
        ),
    ).set(
        button_primary_background_fill="#1d4ed8",
        button_primary_background_fill_hover="#1e40af",
        button_primary_text_color="#ffffff",
    )


def launch(
    app: gr.Blocks,
    *,
    server_name: str | None = None,
    server_port: int | None = None,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
) -> None:
    """Start the app on loopback unless GRADIO_SERVER_NAME/PORT say otherwise."""
    app.queue(default_concurrency_limit=8)
    app.launch(
        server_name=server_name or os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        server_port=server_port or int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        share=False,
        show_error=False,
        theme=theme(),
        css=CSS,
        js=JS,
        footer_links=[],
        ssr_mode=False,
        pwa=False,
        mcp_server=False,
        enable_monitoring=False,
    )
