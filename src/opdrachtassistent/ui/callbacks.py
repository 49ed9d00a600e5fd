"""The Gradio callbacks: each translates between components and `Conversations`.

A callback reads the browser's owner token (or, once logged in, the user Gradio puts on
the `gr.Request`: then the token is not an identity), its conversation state and the tab's
own reference to the conversation it shows (which survives a restart of the app, the state
does not), asks `Conversations` (ui/session.py) to act, and returns the views (ui/views.py) for the
components of `events.VIEW_OUTPUTS`. Any failure becomes a Dutch note on the status line
and the previous state stays. The method names are the names Gradio gives the endpoints
that `events.py` registers without an explicit API name.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import gradio as gr

from opdrachtassistent.commission import SECTIONS, SectionKey
from opdrachtassistent.dialogue import scenarios
from opdrachtassistent.dialogue.interview import ChatMessage
from opdrachtassistent.errors import InputError, OpdrachtError
from opdrachtassistent.render import stakeholder_map
from opdrachtassistent.ui.forms import FORMAT_HELP, section_to_text
from opdrachtassistent.ui.loop_views import listed_label, open_counts
from opdrachtassistent.ui.session import (
    ConversationGone,
    Conversations,
    ExportFormat,
    Outcome,
    SessionPage,
    SessionState,
    conversation_ref,
    owner_for,
    parse_ref,
)
from opdrachtassistent.ui.text import TEXT
from opdrachtassistent.ui.views import (
    chat_messages,
    document_html,
    progress_html,
    question_sources_html,
    review_html,
    status_html,
)

log = logging.getLogger(__name__)


def _upload_path(upload: Any) -> Path | None:
    """The uploaded file's path: Gradio gives a path string (or an object with `.name`)."""
    if isinstance(upload, list):
        upload = upload[0] if upload else None
    value = getattr(upload, "name", upload)
    return Path(value) if isinstance(value, str) and value else None


def _discard_upload(path: Path | None) -> None:
    """Gradio's copy of an upload is not needed once read: remove it, so no one else can
    fetch it later (only files in Gradio's upload folder, never one a caller named)."""
    folder = os.environ.get("GRADIO_TEMP_DIR")
    if path is None or not folder or not path.resolve().is_relative_to(Path(folder).resolve()):
        return
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        path.parent.rmdir()  # the folder Gradio made for this one file


def _section(key: Any) -> SectionKey:
    """The chosen section of the editor; anything unknown falls back to the first."""
    return cast(SectionKey, key if key in SECTIONS else "context")


class Callbacks:
    """The callbacks of one app, over its `Conversations`."""

    def __init__(self, conversations: Conversations) -> None:
        self.conv = conversations

    # -- shared by the callbacks ----------------------------------------------------------

    def _owner(self, token: Any, value: Any = None, request: gr.Request | None = None) -> str:
        """Whose conversations these are: the logged-in user's (Gradio sets `username` with
        a password login or a trusted proxy header), else the browser token's."""
        return owner_for(token, value, user=getattr(request, "username", None))

    def _state(self, owner: str, value: Any, ref: Any = "") -> Outcome:
        """The conversation a call acts on: the one the tab shows by its reference, from
        this process's state for the tab or, when that is gone (a restart) or holds another
        conversation, from the store; `error` when it cannot be had (nothing is written
        then). Without a reference (an older page) the latest one of this owner."""
        state: SessionState | None = None
        if isinstance(value, SessionState):
            state = value
        elif isinstance(value, dict):
            state = SessionState.model_validate(value)
        wanted = parse_ref(ref)
        if wanted is not None and (state is None or state.session_id != wanted[0]):
            try:
                return self.conv.reopen(owner, *wanted)
            except OpdrachtError as exc:
                out = self.conv.start(owner)
                out.note, out.error = exc.message, True
                return out
        if state is not None:
            return Outcome(state=state)
        return self.conv.latest_or_start(owner)

    def _view(
        self, owner: str, out: Outcome, key: Any, *, say: str | None = None, loaded: bool = False
    ) -> tuple[Any, ...]:
        """The components for a state; `say` adds an assistant message to the chat shown
        (not to the conversation kept), for a failure the user should see there.

        A state an action just made is read as it is (no copy of the conversation per turn);
        a `loaded` one (page load, resume) is read through an `Interview`, which fills in
        where the values of a conversation stored before provenance existed came from."""
        state = out.state
        if loaded:
            interview = self.conv.interview(state)
            commission, asking = interview.commission, interview.asking
            messages, sources = interview.messages, interview.sources
        else:
            kept = state.interview
            commission, asking = kept.commission, kept.asking
            messages, sources = list(kept.messages), kept.last_sources
        if say:
            messages.append(ChatMessage(role="assistant", content=say))
        return (
            owner,
            state,
            chat_messages(messages),
            progress_html(commission),
            document_html(
                commission,
                asking=asking,
                open_comments=open_counts(self.conv.open_comments(owner, state)),
            ),
            question_sources_html(sources, asking),
            stakeholder_map.to_html(commission.stakeholders),
            section_to_text(commission, _section(key)),
            status_html(
                out.note or self.conv.sources_notice(), kind="error" if out.error else "info"
            ),
            conversation_ref(state),
        )

    def _guarded(
        self,
        owner: str,
        state: SessionState,
        key: Any,
        action: Callable[[], Outcome],
        *,
        loaded: bool = False,
    ) -> tuple[Any, ...]:
        """Run an action; any failure becomes a Dutch note and the old state stays."""
        try:
            return self._view(owner, action(), key, loaded=loaded)
        except ConversationGone as exc:  # deleted meanwhile: a new one, nothing written
            gone = self.conv.start(owner)
            gone.note, gone.error = exc.message, True
            return self._view(owner, gone, key)
        except OpdrachtError as exc:
            failed = Outcome(state=state, note=exc.message, error=True)
            return self._view(owner, failed, key, loaded=loaded)
        except Exception:  # the outermost edge: log it, tell the user in Dutch
            log.exception("callback failed")
            failed = Outcome(state=state, note=TEXT["unexpected"], error=True)
            return self._view(owner, failed, key, loaded=loaded)

    def _session_choices(self, listing: SessionPage, owner: str) -> list[tuple[str, str]]:
        return [(listed_label(s, owner), s.id) for s in listing.items]

    # -- the conversation -----------------------------------------------------------------

    def on_start(self, token: Any, key: Any, request: gr.Request | None = None) -> tuple[Any, ...]:
        owner = self._owner(token, request=request)
        out = self.conv.latest_or_start(owner)
        return self._guarded(owner, out.state, key, lambda: out, loaded=True)

    def on_answer(
        self,
        token: Any,
        value: Any,
        text: str,
        key: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        owner = self._owner(token, value, request)
        opened = self._state(owner, value, conversation)
        state = opened.state
        if opened.error:  # the tab's conversation cannot be had: keep the text, write nothing
            return (*self._view(owner, opened, key), text)
        result: list[Outcome] = []

        def act() -> Outcome:
            out, _turn = self.conv.answer(owner, state, text or "")
            result.append(out)
            if opened.note and not out.note:
                out.note = opened.note
            return out

        shown = self._guarded(owner, state, key, act)
        # keep what the user typed when it could not be processed
        return (*shown, "" if result else text)

    def on_document(
        self,
        token: Any,
        value: Any,
        upload: Any,
        key: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        """A new conversation pre-filled from the uploaded document; when it cannot be read,
        the reason is said in the chat and the current conversation stays as it was."""
        owner = self._owner(token, value, request)
        state = self._state(owner, value, conversation).state
        path = _upload_path(upload)
        try:
            if path is None:
                raise InputError(TEXT["upload_none"])
            return self._view(owner, self.conv.start_from_document(owner, path), key)
        except OpdrachtError as exc:
            failed = Outcome(state=state, note=exc.message, error=True)
            return self._view(owner, failed, key, say=exc.message)
        except Exception:  # the outermost edge: log it, tell the user in Dutch
            log.exception("starting from a document failed")
            failed = Outcome(state=state, note=TEXT["unexpected"], error=True)
            return self._view(owner, failed, key, say=TEXT["unexpected"])
        finally:
            _discard_upload(path)

    def on_new(self, token: Any, key: Any, request: gr.Request | None = None) -> tuple[Any, ...]:
        owner = self._owner(token, request=request)
        out = self.conv.start(owner)
        return self._guarded(owner, out.state, key, lambda: out)

    # -- earlier conversations --------------------------------------------------------------

    def on_list(
        self, token: Any, query: Any = "", page: Any = 1, request: gr.Request | None = None
    ) -> Any:
        """The page of conversations shown (the first without a page), its count and page in
        the dropdown's info line."""
        return self._listing(self._owner(token, request=request), query, page)[0]

    def on_resume(
        self,
        token: Any,
        value: Any,
        session_id: Any,
        key: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        owner = self._owner(token, value, request)
        state = self._state(owner, value, conversation).state
        return self._guarded(
            owner, state, key, lambda: self.conv.resume(owner, str(session_id or "")), loaded=True
        )

    # -- direct edits -----------------------------------------------------------------------

    def on_section(
        self,
        token: Any,
        value: Any,
        key: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[str, str]:
        owner = self._owner(token, value, request)
        state = self._state(owner, value, conversation).state
        chosen = _section(key)
        commission = self.conv.interview(state).commission
        return section_to_text(commission, chosen), FORMAT_HELP[chosen]

    def on_edit(
        self,
        token: Any,
        value: Any,
        key: Any,
        text: str,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        owner = self._owner(token, value, request)
        opened = self._state(owner, value, conversation)
        state = opened.state
        if key not in SECTIONS or opened.error:
            return self._guarded(owner, state, key, lambda: opened)

        def act() -> Outcome:
            out, _turn = self.conv.edit_section(owner, state, cast(SectionKey, key), text or "")
            if not out.error:
                out.note = out.note or opened.note or TEXT["edited"]
            return out

        return self._guarded(owner, state, key, act)

    # -- review and exports -----------------------------------------------------------------

    def on_review(
        self, token: Any, value: Any, conversation: Any = "", request: gr.Request | None = None
    ) -> tuple[str, str]:
        owner = self._owner(token, value, request)
        state = self._state(owner, value, conversation).state
        try:
            result = self.conv.review(self.conv.interview(state).commission)
            return review_html(result), status_html(self.conv.sources_notice())
        except OpdrachtError as exc:
            return "", status_html(exc.message, kind="error")
        except Exception:
            log.exception("review failed")
            return "", status_html(TEXT["unexpected"], kind="error")

    def exporter(self, fmt: ExportFormat) -> Callable[..., tuple[str | None, str]]:
        """The export callback of one format, named `export_<fmt>` like its endpoint."""

        def on_export(
            token: Any,
            value: Any,
            conversation: Any = "",
            appendix: Any = True,
            request: gr.Request | None = None,
        ) -> tuple[str | None, str]:
            owner = self._owner(token, value, request)
            state = self._state(owner, value, conversation).state
            try:
                commission = self.conv.interview(state).commission
                comments = self.conv.open_comments(owner, state) if appendix is not False else []
                path = self.conv.export(
                    commission, fmt, session_id=state.session_id, comments=comments
                )
                notice = self.conv.sources_notice() if fmt != "json" else ""
                return str(path), status_html(f"{TEXT['export_done']} {notice}".strip())
            except OpdrachtError as exc:
                return None, status_html(exc.message, kind="error")
            except Exception:
                log.exception("export failed")
                return None, status_html(TEXT["unexpected"], kind="error")

        on_export.__name__ = f"export_{fmt}"
        return on_export

    # -- scenarios --------------------------------------------------------------------------

    def on_scenario_info(self, scenario_id: Any) -> str:
        try:
            return scenarios.get(str(scenario_id)).summary
        except KeyError:
            return ""

    def on_scenario_start(
        self,
        token: Any,
        value: Any,
        scenario_id: Any,
        key: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        owner = self._owner(token, value, request)
        state = self._state(owner, value, conversation).state

        def act() -> Outcome:
            try:
                return self.conv.start_scenario(owner, str(scenario_id))
            except KeyError:
                return Outcome(state=state, note=TEXT["scenario_unknown"], error=True)

        return self._guarded(owner, state, key, act)

    def on_scenario_step(
        self,
        token: Any,
        value: Any,
        key: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        owner = self._owner(token, value, request)
        opened = self._state(owner, value, conversation)
        state = opened.state
        if opened.error:
            return self._guarded(owner, state, key, lambda: opened)
        return self._guarded(
            owner, state, key, lambda: self.conv.next_scenario_step(owner, state)[0]
        )

    # -- the list of conversations: search, pages, deleting one ---------------------------

    def _listing(self, owner: str, query: Any, page: Any) -> tuple[Any, int]:
        """The dropdown for one page of the list (with its count) and the page number."""
        try:
            listing = self.conv.sessions_page(owner, str(query or ""), _page_number(page))
        except OpdrachtError as exc:
            log.warning("listing sessions failed: %s", exc)
            return gr.Dropdown(choices=[], value=None, info=exc.message), 1
        choices = self._session_choices(listing, owner)
        return (
            gr.Dropdown(
                choices=choices,
                value=choices[0][1] if choices else None,
                info=_count_text(listing),
            ),
            listing.page,
        )

    def on_search(
        self, token: Any, query: Any, request: gr.Request | None = None
    ) -> tuple[Any, int]:
        """The first page of the conversations whose title contains `query`."""
        return self._listing(self._owner(token, request=request), query, 1)

    def pager(self, step: int) -> Callable[..., tuple[Any, int]]:
        """The callback of the previous (-1) or next (+1) page button."""

        def on_page(
            token: Any, query: Any, page: Any, request: gr.Request | None = None
        ) -> tuple[Any, int]:
            owner = self._owner(token, request=request)
            return self._listing(owner, query, _page_number(page) + step)

        on_page.__name__ = "sessions_next" if step > 0 else "sessions_previous"
        return on_page

    def on_delete(
        self,
        token: Any,
        value: Any,
        chosen: Any,
        confirmed: Any,
        query: Any,
        page: Any,
        key: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        """Delete the chosen conversation (else the current one) once the box is ticked;
        deleting the current one starts a new one. Then the list again, the box unticked."""
        owner = self._owner(token, value, request)
        state = self._state(owner, value, conversation).state
        target = str(chosen or "") or state.session_id

        def act() -> Outcome:
            if confirmed is not True:
                return Outcome(state=state, note=TEXT["delete_confirm_first"], error=True)
            title = self.conv.delete(owner, target)
            if target != state.session_id:
                return Outcome(state=state, note=TEXT["deleted"].format(title=title))
            out = self.conv.start(owner)
            out.note = " ".join(
                filter(None, [TEXT["deleted_current"].format(title=title), out.note])
            )
            return out

        shown = self._guarded(owner, state, key, act)
        return (*shown, *self._listing(owner, query, page), False)


def _page_number(value: Any) -> int:
    """A page number from the hidden field or an API call; anything else is page 1."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError, OverflowError):
        return 1


def _count_text(listing: SessionPage) -> str:
    """'12 gesprekken, pagina 1 van 2', or that there are none (for this search)."""
    if listing.total == 0:
        if listing.query:
            return TEXT["sessions_none_found"].format(query=listing.query)
        return TEXT["sessions_none"]
    noun = "gesprek" if listing.total == 1 else "gesprekken"
    key = "sessions_count_found" if listing.query else "sessions_count"
    text = TEXT[key].format(count=listing.total, noun=noun, query=listing.query)
    if listing.pages > 1:
        text += TEXT["sessions_page"].format(page=listing.page, pages=listing.pages)
    return text
