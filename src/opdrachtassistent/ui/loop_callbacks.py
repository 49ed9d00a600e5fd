"""The callbacks of the tab "Beoordeling": share, submit, approve or send back, comment,
compare versions, read the audit trail. Each translates between components and the
`Workflow` of the app's store, which checks every right itself: a call for a conversation
the user has no standing on (a forged reference, another user's id) is refused there.

Every panel callback returns the panel (`LOOP_OUTPUTS` in events.py) and the status line.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, cast

import gradio as gr

from opdrachtassistent.auth.identity import OWNER_PREFIX
from opdrachtassistent.commission import SECTIONS
from opdrachtassistent.errors import InputError, OpdrachtError
from opdrachtassistent.ui.callbacks import Callbacks
from opdrachtassistent.ui.loop_views import (
    audit_html,
    comments_html,
    diff_html,
    open_threads,
    shares_html,
    version_choices,
)
from opdrachtassistent.ui.loop_views import status_html as loop_status_html
from opdrachtassistent.ui.session import SessionState
from opdrachtassistent.ui.text import TEXT
from opdrachtassistent.ui.views import status_html
from opdrachtassistent.workflow import report
from opdrachtassistent.workflow.diff import Diff
from opdrachtassistent.workflow.model import ROLE_LABELS, ROLES, Role, Standing
from opdrachtassistent.workflow.permissions import NO_ACCESS, Operation, allowed
from opdrachtassistent.workflow.service import StatusInfo

log = logging.getLogger(__name__)

NOW = "nu"  # the "version" that is the commission as it is now


def _stored(state: SessionState) -> str:
    """The id of a stored conversation; InputError (Dutch) for one never stored."""
    if state.version == 0:
        raise InputError(TEXT["not_stored"])
    return state.session_id


def _number(value: Any) -> int | None:
    """A version number from a dropdown or an API call; None for the current text."""
    if value in (None, "", NOW):
        return None
    try:
        return int(str(value))
    except ValueError as exc:
        raise InputError(TEXT["choose_versions"]) from exc


class LoopCallbacks:
    """The review loop's callbacks, over the conversation callbacks of the same app."""

    def __init__(self, base: Callbacks) -> None:
        self.base = base
        self.conv = base.conv
        self.workflow = base.conv.workflow

    # -- the panel ------------------------------------------------------------------------

    def _panel(
        self, owner: str, state: SessionState, note: str = "", error: bool = False
    ) -> tuple[Any, ...]:
        """Status, shares, comments, the open threads and the versions to compare."""
        empty = gr.Dropdown(choices=[], value=None)
        line = status_html(note, kind="error" if error else "info")
        try:
            standing = (
                None if state.version == 0 else self.workflow.role_of(state.session_id, owner)
            )
            if standing is None:
                why = TEXT["not_stored"] if state.version == 0 else NO_ACCESS
                info = StatusInfo("concept", 0)
                shown = loop_status_html(info, None, note=why)
                return (shown, "", "", empty, empty, empty, line, *_buttons(None, False))
            conv = state.session_id
            info = self.workflow.state(conv)
            login = "" if owner.startswith(OWNER_PREFIX) else TEXT["share_needs_login"]
            comments = self.workflow.comments(conv, owner)
            versions = self.workflow.versions(conv, owner)
            shares = self.workflow.shares(conv, owner)
        except OpdrachtError as exc:
            failed = status_html(exc.message, kind="error")
            return ("", "", "", empty, empty, empty, failed, *_buttons(None, False))
        choices = version_choices(versions)
        approved = [v.number for v in versions if v.status == "vastgesteld"]
        if approved:
            old = str(approved[-1])
        elif choices:
            old = choices[-1][1]
        else:
            old = None
        threads = open_threads(comments)
        return (
            loop_status_html(info, standing, note=login),
            shares_html(shares),
            comments_html(comments),
            gr.Dropdown(choices=threads, value=threads[-1][1] if threads else None),
            gr.Dropdown(choices=choices, value=old),
            gr.Dropdown(choices=[*choices, (TEXT["version_now"], NOW)], value=NOW),
            line,
            *_buttons(standing, not login),
        )

    def _act(
        self,
        token: Any,
        value: Any,
        conversation: Any,
        request: gr.Request | None,
        action: Callable[[str, SessionState], str],
    ) -> tuple[Any, ...]:
        """Run one step of the loop on the tab's conversation, then show the panel again."""
        owner = self.base._owner(token, value, request)
        opened = self.base._state(owner, value, conversation)
        state = opened.state
        if opened.error:
            return self._panel(owner, state, opened.note, error=True)
        try:
            note = action(owner, state)
        except OpdrachtError as exc:
            return self._panel(owner, state, exc.message, error=True)
        except Exception:  # the outermost edge: log it, tell the user in Dutch
            log.exception("review loop step failed")
            return self._panel(owner, state, TEXT["unexpected"], error=True)
        return self._panel(owner, state, note)

    def on_loop(
        self, token: Any, value: Any, conversation: Any = "", request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        return self._act(token, value, conversation, request, lambda _o, _s: "")

    # -- sharing --------------------------------------------------------------------------

    def on_share(
        self,
        token: Any,
        value: Any,
        user: Any,
        role: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        def act(owner: str, state: SessionState) -> str:
            if not owner.startswith(OWNER_PREFIX):
                raise InputError(TEXT["share_needs_login"])
            if role not in ROLES:
                raise InputError("Kies een rol: meelezer, bewerker of opdrachtgever.")
            done = self.workflow.share(_stored(state), owner, str(user or ""), cast(Role, role))
            return TEXT["shared_done"].format(
                user=report.person(done.user), role=ROLE_LABELS[done.role]
            )

        return self._act(token, value, conversation, request, act)

    def on_unshare(
        self,
        token: Any,
        value: Any,
        user: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        def act(owner: str, state: SessionState) -> str:
            name = str(user or "").strip()
            gone = self.workflow.unshare(_stored(state), owner, name)
            return TEXT["unshared_done" if gone else "unshared_none"].format(user=name)

        return self._act(token, value, conversation, request, act)

    # -- status ---------------------------------------------------------------------------

    def on_submit(
        self, token: Any, value: Any, conversation: Any = "", request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        def act(owner: str, state: SessionState) -> str:
            self.workflow.submit(_stored(state), owner)
            return TEXT["submitted"]

        return self._act(token, value, conversation, request, act)

    def on_approve(
        self, token: Any, value: Any, conversation: Any = "", request: gr.Request | None = None
    ) -> tuple[Any, ...]:
        def act(owner: str, state: SessionState) -> str:
            made = self.workflow.approve(_stored(state), owner)
            return TEXT["approved"].format(number=made.number)

        return self._act(token, value, conversation, request, act)

    def on_send_back(
        self,
        token: Any,
        value: Any,
        reason: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        def act(owner: str, state: SessionState) -> str:
            self.workflow.send_back(_stored(state), owner, str(reason or ""))
            return TEXT["sent_back"]

        return self._act(token, value, conversation, request, act)

    # -- comments -------------------------------------------------------------------------

    def on_comment(
        self,
        token: Any,
        value: Any,
        section: Any,
        text: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        placed: list[bool] = []

        def act(owner: str, state: SessionState) -> str:
            key = str(section) if section in SECTIONS else None
            self.workflow.comment(_stored(state), owner, key, str(text or ""))
            placed.append(True)
            return TEXT["commented"]

        shown = self._act(token, value, conversation, request, act)
        return (*shown, "" if placed else text)

    def on_reply(
        self,
        token: Any,
        value: Any,
        thread: Any,
        text: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        placed: list[bool] = []

        def act(owner: str, state: SessionState) -> str:
            parent = _thread(thread)
            self.workflow.comment(_stored(state), owner, None, str(text or ""), parent=parent)
            placed.append(True)
            return TEXT["commented"]

        shown = self._act(token, value, conversation, request, act)
        return (*shown, "" if placed else text)

    def on_resolve(
        self,
        token: Any,
        value: Any,
        thread: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[Any, ...]:
        def act(owner: str, state: SessionState) -> str:
            conv = _stored(state)
            wanted = _thread(thread)
            # only a comment of the conversation this tab shows
            if not any(c.id == wanted for c in self.workflow.comments(conv, owner)):
                raise InputError(TEXT["choose_thread"])
            self.workflow.resolve(wanted, owner)
            return TEXT["resolved"]

        return self._act(token, value, conversation, request, act)

    # -- versions and the audit trail -------------------------------------------------------

    def _diff(self, owner: str, state: SessionState, old: Any, new: Any) -> Diff:
        conv = _stored(state)
        first = _number(old)
        if first is None:
            raise InputError(TEXT["no_versions"] if not old else TEXT["choose_versions"])
        return self.workflow.diff(conv, first, _number(new), owner)

    def on_compare(
        self,
        token: Any,
        value: Any,
        old: Any,
        new: Any,
        conversation: Any = "",
        request: gr.Request | None = None,
    ) -> tuple[str, str]:
        owner = self.base._owner(token, value, request)
        opened = self.base._state(owner, value, conversation)
        if opened.error:
            return "", status_html(opened.note, kind="error")
        try:
            return diff_html(self._diff(owner, opened.state, old, new)), status_html("")
        except OpdrachtError as exc:
            return "", status_html(exc.message, kind="error")

    def diff_report(self, fmt: str) -> Callable[..., tuple[str | None, str]]:
        """The callback that writes the change report in Markdown ("md") or Word ("docx")."""

        def on_diff_report(
            token: Any,
            value: Any,
            old: Any,
            new: Any,
            conversation: Any = "",
            request: gr.Request | None = None,
        ) -> tuple[str | None, str]:
            owner = self.base._owner(token, value, request)
            opened = self.base._state(owner, value, conversation)
            if opened.error:
                return None, status_html(opened.note, kind="error")
            state = opened.state
            try:
                diff = self._diff(owner, state, old, new)
                title = self.conv.interview(state).commission.title or ""
                data: str | bytes = (
                    report.diff_markdown(diff, title=title)
                    if fmt == "md"
                    else report.diff_docx(diff, title=title)
                )
                path = self.conv.write_report(state.session_id, f"wijzigingen.{fmt}", data)
                return str(path), status_html(TEXT["export_done"])
            except OpdrachtError as exc:
                return None, status_html(exc.message, kind="error")

        on_diff_report.__name__ = f"diff_{fmt}"
        return on_diff_report

    def on_audit(
        self, token: Any, value: Any, conversation: Any = "", request: gr.Request | None = None
    ) -> tuple[str, str | None, str]:
        owner = self.base._owner(token, value, request)
        opened = self.base._state(owner, value, conversation)
        if opened.error:
            return "", None, status_html(opened.note, kind="error")
        state = opened.state
        try:
            events = self.workflow.audit(_stored(state), owner)
            path = self.conv.write_report(state.session_id, "logboek.csv", report.audit_csv(events))
            return audit_html(events), str(path), status_html(TEXT["export_done"])
        except OpdrachtError as exc:
            return "", None, status_html(exc.message, kind="error")


# The buttons of the panel, in the order of `events.loop_outputs`, with what each needs.
BUTTON_OPERATIONS: tuple[Operation, ...] = ("share", "unshare", "submit", "approve", "send_back")


def _buttons(standing: Standing | None, logged_in: bool) -> list[Any]:
    """Each status and sharing button usable only by whom it is for (the service refuses
    the others anyway); sharing only with a login."""
    return [
        gr.Button(
            interactive=allowed(standing, op) and (logged_in or op not in ("share", "unshare"))
        )
        for op in BUTTON_OPERATIONS
    ]


def _thread(value: Any) -> int:
    try:
        return int(str(value))
    except ValueError as exc:
        raise InputError(TEXT["choose_thread"]) from exc
