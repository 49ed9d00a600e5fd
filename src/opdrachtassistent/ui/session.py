"""What one browser session does, without Gradio: start, resume, answer, edit, export.

The Gradio callbacks (`ui/callbacks.py`) only translate between components and these methods.
Per-connection state is a small JSON-safe `SessionState` kept in `gr.State`; the store
(SQLite) is the durable copy, written after every change. When a write fails, the state
in the browser session still holds everything, and the next write retries: a conversation
is never lost to a storage hiccup.

One conversation can be changed from several places at once (two tabs, a double submit, two
app processes on one database). Every change runs under that conversation's lock in this
process and on its newest stored version, and is saved with the version it was made on; when
someone else saved in between, the change is made again on what is stored now. So an answer
is never overwritten by another one: it is added after it, and the user is told so.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import uuid
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from opdrachtassistent.auth.identity import user_owner
from opdrachtassistent.commission import SECTION_TITLES, Commission, SectionKey
from opdrachtassistent.dialogue import texts
from opdrachtassistent.dialogue.interview import Interview, InterviewState, Turn
from opdrachtassistent.dialogue.scenarios import Replay
from opdrachtassistent.dialogue.scenarios import get as get_scenario
from opdrachtassistent.documents import read_document
from opdrachtassistent.errors import InputError, OpdrachtError, StorageError
from opdrachtassistent.lifecycle import exports
from opdrachtassistent.render import stakeholder_map
from opdrachtassistent.storage.scratch import scratch_dir
from opdrachtassistent.storage.sessions import (
    DEFAULT_DB_NAME,
    ConflictError,
    SessionRecord,
    SessionStore,
    SessionSummary,
    open_store,
)
from opdrachtassistent.ui.forms import apply_section_text
from opdrachtassistent.ui.locks import KeyedLocks
from opdrachtassistent.ui.text import TEXT
from opdrachtassistent.usertext import check_length, clean
from opdrachtassistent.workflow.model import ROLE_LABELS, Action, Comment, Listed
from opdrachtassistent.workflow.permissions import REFUSALS, WorkflowError, allowed
from opdrachtassistent.workflow.service import Workflow

if TYPE_CHECKING:
    from opdrachtassistent.reviewing.checks import Review
    from opdrachtassistent.services import Services

log = logging.getLogger(__name__)

ExportFormat = Literal["md", "docx", "json"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("md", "docx", "json")
_OWNER = re.compile(r"^[0-9a-f]{32}$")
_SESSION_ID = re.compile(r"^[0-9a-f]{32}$")
DB_NAME = DEFAULT_DB_NAME  # the SQLite file in the data directory when no database URL is set
# Saves refused because another process saved first, before the change is given up (in one
# process the lock already orders the changes, so a retry is rare).
CONFLICT_RETRIES = 5


def new_owner() -> str:
    """A fresh, unguessable identity for one browser."""
    return uuid.uuid4().hex


def valid_owner(token: object) -> bool:
    return isinstance(token, str) and bool(_OWNER.match(token))


def owner_for(token: object, state: object = None, *, user: str | None = None) -> str:
    """The identity of a call: a logged-in `user`'s own owner, whatever the browser sends;
    without a login a valid token as sent; else the one this connection's conversation was
    started under; else a fresh one.

    An API client that sends an empty or invalid token thus gets a fresh token once, on its
    first call, and keeps it for the conversation (every view returns it): refusing the call
    instead would break a browser whose local storage was cleared, and a fresh identity per
    call made the second save "hoort bij een andere gebruiker".
    """
    if user:
        return user_owner(user)
    if valid_owner(token):
        return str(token)
    kept = state.owner if isinstance(state, SessionState) else None
    if isinstance(state, dict):
        kept = state.get("owner")
    return str(kept) if valid_owner(kept) else new_owner()


class SessionState(BaseModel):
    """One browser connection's conversation: its id, interview state and any replay."""

    session_id: str
    interview: InterviewState
    owner: str = ""  # the identity this conversation was started or resumed under
    replay: Replay | None = None
    saved: bool = False
    version: int = 0  # the stored version this state was read as or saved as; 0: not stored


def conversation_ref(state: SessionState) -> str:
    """What a tab keeps of the conversation it shows ("<id>:<version>"), sent with every
    call: after a restart of the app the server-side state is gone, this is not."""
    return f"{state.session_id}:{state.version}"


def parse_ref(value: object) -> tuple[str, int | None] | None:
    """The session id and version of a tab's reference; None when it holds none. A bare id
    (an API client) has no version."""
    if not isinstance(value, str) or not value.strip():
        return None
    session_id, _, version = value.strip().partition(":")
    if not _SESSION_ID.match(session_id):
        return None
    return session_id, int(version) if version.isdigit() else None


class ConversationGone(InputError):
    """The conversation a tab acts on is no longer stored for this owner (deleted)."""


class Outcome(BaseModel):
    """The result of an action: the new state and a note for the status line."""

    state: SessionState
    note: str = ""
    error: bool = False


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug[:60].strip("-") or "opdracht"


def _state_of(record: SessionRecord, owner: str, *, replay: Replay | None = None) -> SessionState:
    """A conversation as stored, for a tab."""
    return SessionState(
        session_id=record.id,
        interview=InterviewState.model_validate_json(record.state_json),
        owner=owner,
        replay=replay,
        saved=True,
        version=record.version,
    )


def _title(interview: Interview) -> str:
    c = interview.commission
    if c.title and c.title.strip():
        return c.title
    first = next((m.content for m in interview.messages if m.role == "user"), "")
    return first or "Nieuw gesprek"


class Conversations:
    """The application side of the app: sessions over the services and the store."""

    def __init__(self, services: Services, store: SessionStore | None = None) -> None:
        self.services = services
        self.store = store or open_store(services.settings)
        scratch = scratch_dir(Path(services.settings.data_dir))
        self.export_root = Path(tempfile.mkdtemp(prefix="export-", dir=scratch))
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.export_root, True)
        self._locks = KeyedLocks()  # one per conversation being changed right now
        # the review loop over the same store: shared conversations open and save through it
        self.workflow = Workflow(self.store)

    # -- interviews -----------------------------------------------------------------------

    def sources_notice(self) -> str:
        """The Dutch status line: a method the model's server refused (said once), and that
        questions go without sources while the index is not ready; else ''."""
        notice = self.services.live_retriever.notice
        client = self.services.model_client
        said = client.take_notice() if client is not None else ""
        return " ".join(part for part in (said, notice) if part)

    def _new_interview(self) -> tuple[Interview, str]:
        """A new interview over the live knowledge base, with its notice (usually '')."""
        knowledge = self.services.live_retriever
        interview = Interview(extractor=self.services.extractor, retriever=knowledge)
        return interview, knowledge.notice

    def interview(self, state: SessionState) -> Interview:
        """The interview of a state; sources come from the live knowledge base, which never
        fails a turn nor makes it wait (without it a question simply has no sources)."""
        return Interview.from_state(
            state.interview,
            extractor=self.services.extractor,
            retriever=self.services.live_retriever,
        )

    def _persist(self, owner: str, state: SessionState, interview: Interview) -> Outcome:
        """Save the conversation as the successor of `state`'s version; on failure keep it in
        the browser session and say so. Raises `ConflictError` when another save came first."""
        new = SessionState(
            session_id=state.session_id,
            interview=interview.to_state(),
            replay=state.replay,
            owner=owner,
            version=state.version,
        )
        state_json = new.interview.model_dump_json()
        title, done = _title(interview), interview.commission.completeness().fraction
        try:
            if state.version == 0:  # a new conversation: it becomes this user's own
                record = self.store.save(
                    new.session_id,
                    owner=owner,
                    state_json=state_json,
                    title=title,
                    completeness=done,
                    expected_version=0,
                )
                self._audit(owner, "created", new.session_id)
            else:  # its owner or a bewerker; an edit after approval becomes a new version
                record = self.workflow.save(
                    new.session_id,
                    owner,
                    state_json=state_json,
                    title=title,
                    completeness=done,
                    expected_version=state.version,
                )
            new.saved, new.version = True, record.version
            return Outcome(state=new)
        except (ConflictError, WorkflowError):
            raise
        except StorageError as exc:
            log.error("saving session %s failed: %s (%s)", new.session_id, exc, exc.detail)
            return Outcome(
                state=new,
                note=exc.message + " Uw gesprek staat nog in dit venster; ik probeer het bij "
                "het volgende antwoord opnieuw.",
                error=True,
            )

    def start(self, owner: str) -> Outcome:
        """A new conversation with its opening question (stored once the user answers)."""
        interview, note = self._new_interview()
        interview.opening()
        state = SessionState(
            session_id=uuid.uuid4().hex, interview=interview.to_state(), owner=owner
        )
        return Outcome(state=state, note=note)

    def start_from_document(self, owner: str, path: Path, *, name: str | None = None) -> Outcome:
        """A new conversation pre-filled from an uploaded document, stored at once; it asks
        only what the document left open. Raises `InputError` (Dutch) for a file that cannot
        be read, before anything changes."""
        read = read_document(path, name=name)
        commission = self.services.draft(read.text, document=read.name)
        interview, note = self._new_interview()
        interview.start_from(commission, document=read.name, notes=read.notes)
        state = SessionState(
            session_id=uuid.uuid4().hex, interview=interview.to_state(), owner=owner
        )
        out = self._persist(owner, state, interview)
        if note and not out.error:
            out.note = note
        return out

    def _change(
        self,
        owner: str,
        state: SessionState,
        change: Callable[[Interview], Turn],
        *,
        action: Action = "answered",
    ) -> tuple[Outcome, Turn]:
        """Make one change (an answer, an edit) on the newest stored version of the
        conversation and save it, one change at a time per conversation; when another
        process saved first, make it again on what is stored now. Nothing is overwritten.

        Only its owner or a bewerker may change a stored conversation: anyone else is refused
        (in Dutch) before anything is worked out. The change goes into the audit trail, and a
        summary it confirms is recorded as a version."""
        with self._locks.hold(state.session_id):
            base, note = self._newest(owner, state)
            self._may_edit(owner, base)
            for _ in range(CONFLICT_RETRIES):
                interview = self.interview(base)
                was_done = interview.complete
                turn = change(interview)
                try:
                    out = self._persist(owner, base, interview)
                except ConflictError as exc:
                    log.info("session %s changed meanwhile, redoing the change", base.session_id)
                    base = _state_of(exc.current, owner, replay=state.replay)
                    note = TEXT["changed_elsewhere"]
                    continue
                if note and not out.error:
                    out.note = note
                if out.state.saved:
                    self._after_change(owner, out.state, interview, action, was_done=was_done)
                return out, turn
        raise InputError(TEXT["conversation_busy"])

    def _may_edit(self, actor: str, state: SessionState) -> None:
        """Refuse (Dutch `WorkflowError`) a change of a stored conversation by anyone but
        its owner or a bewerker."""
        if state.version == 0:
            return
        standing = self.workflow.role_of(state.session_id, actor)
        if standing is None:
            raise ConversationGone(TEXT["conversation_gone"])
        if not allowed(standing, "edit"):
            raise WorkflowError(REFUSALS["edit"])

    def _after_change(
        self,
        actor: str,
        state: SessionState,
        interview: Interview,
        action: Action,
        *,
        was_done: bool,
    ) -> None:
        """The audit line of a saved change and, when it confirmed the summary, a version.
        A failure here is logged: the change itself is stored."""
        detail: dict[str, object] = {"saved": state.version}
        if action == "edited" and self.workflow.role_of(state.session_id, actor) != "owner":
            detail = {}  # the service logged a bewerker's edit already
        try:
            if detail:
                self.workflow.record(actor, action, state.session_id, detail)
            if interview.complete and not was_done:
                self.workflow.record_version(
                    state.session_id, actor, interview.commission, reason="samenvatting bevestigd"
                )
        except OpdrachtError as exc:
            log.warning("recording the change of %s failed: %s", state.session_id, exc)

    def _audit(self, actor: str, action: Action, conv: str) -> None:
        try:
            self.workflow.record(actor, action, conv)
        except OpdrachtError as exc:
            log.warning("recording %s of %s failed: %s", action, conv, exc)

    def _newest(self, owner: str, state: SessionState) -> tuple[SessionState, str]:
        """The state to change: the stored one when it is newer than the tab's (with a note
        saying so), else the tab's own. When the store cannot be read the tab's state is
        used; its save then says what is wrong."""
        try:
            record = self.workflow.open(state.session_id, owner)
        except StorageError as exc:
            log.warning("reading session %s failed: %s", state.session_id, exc.detail)
            return state, ""
        if record is None:
            if state.version > 0:  # it was stored, and is gone: deleted meanwhile
                raise ConversationGone(TEXT["conversation_gone"])
            return state, ""
        if record.version == state.version:
            return state, ""
        return _state_of(record, owner, replay=state.replay), TEXT["changed_elsewhere"]

    def resume(self, owner: str, session_id: str) -> Outcome:
        """Open one of this user's conversations, or one shared with them (a meelezer or
        opdrachtgever is told that it is read-only)."""
        if not _SESSION_ID.match(session_id or ""):
            raise InputError("Kies eerst een gesprek uit de lijst.")
        record = self.workflow.open(session_id, owner)
        if record is None:
            raise InputError("Dat gesprek bestaat niet (meer) of hoort bij een andere browser.")
        state = _state_of(record, owner)
        note = f"Gesprek '{record.title}' hervat."
        if record.owner != owner:
            note = self.standing_note(owner, session_id) or note
        return Outcome(state=state, note=note)

    def standing_note(self, actor: str, session_id: str) -> str:
        """For a colleague's conversation: whose it is and what this user's role allows."""
        standing = self.workflow.role_of(session_id, actor)
        if standing is None or standing == "owner":
            return ""
        if allowed(standing, "edit"):
            return TEXT["shared_edit"].format(role=ROLE_LABELS[standing])
        return TEXT["shared_read"].format(role=ROLE_LABELS[standing])

    def reopen(self, owner: str, session_id: str, version: int | None) -> Outcome:
        """The conversation a tab shows, by its reference (see `conversation_ref`), when this
        process has no state for that tab (after a restart). One never stored (version 0)
        starts afresh under its id; one that is gone or someone else's gives a new
        conversation with a Dutch error note, so nothing is written to another one."""
        record = self.workflow.open(session_id, owner)
        if record is not None:
            changed = version is not None and version != record.version
            note = TEXT["changed_elsewhere"] if changed else ""
            return Outcome(state=_state_of(record, owner), note=note)
        out = self.start(owner)
        if version == 0:  # only its opening question was ever shown
            out.state.session_id = session_id
        else:
            out.note, out.error = TEXT["conversation_gone"], True
        return out

    def latest_or_start(self, owner: str) -> Outcome:
        """On page load: the most recent conversation of this browser, else a new one; when the
        store cannot be read (a read-only or damaged data directory) a new one that says
        saving is not possible now, so an empty conversation is never mistaken for a loss."""
        try:
            sessions = self.store.list_sessions(owner=owner, limit=1)
            if sessions:
                return self.resume(owner, sessions[0].id)
        except StorageError as exc:
            log.error("reading the sessions of %s failed: %s (%s)", owner, exc, exc.detail)
            out = self.start(owner)
            out.note, out.error = texts.STORE_UNAVAILABLE, True
            return out
        except OpdrachtError as exc:
            out = self.start(owner)
            out.note, out.error = exc.message, True
            return out
        return self.start(owner)

    def sessions(self, owner: str) -> list[SessionSummary]:
        return self.store.list_sessions(owner=owner)

    def answer(self, owner: str, state: SessionState, text: str) -> tuple[Outcome, Turn]:
        check_length(text, self.services.settings.max_input_chars)  # before any work on it
        text = clean(text)
        return self._change(owner, state, lambda interview: interview.answer(text))

    def edit_section(
        self, owner: str, state: SessionState, key: SectionKey, text: str
    ) -> tuple[Outcome, Turn]:
        """Apply a direct edit of one section (raises InputError with a Dutch message, for a
        text above the input limit before anything is parsed or stored)."""
        check_length(text, self.services.settings.max_input_chars)  # before any work on it
        text = clean(text)

        def change(interview: Interview) -> Turn:
            return interview.edit(apply_section_text(interview.commission, key, text))

        return self._change(owner, state, change, action="edited")

    # -- scenarios --------------------------------------------------------------------------

    def start_scenario(self, owner: str, scenario_id: str) -> Outcome:
        scenario = get_scenario(scenario_id)
        out = self.start(owner)
        out.state.replay = Replay(scenario_id=scenario.id)
        out.note = (
            f"Scenario '{scenario.title}' geladen. Kies 'Volgende stap' om het antwoord van "
            "de bestuurder te laten invullen."
        )
        return out

    def next_scenario_step(self, owner: str, state: SessionState) -> tuple[Outcome, Turn | None]:
        if state.replay is None:
            raise InputError("Laad eerst een scenario.")
        replay = state.replay.model_copy(deep=True)
        asking = state.interview.asking
        text = replay.next_answer(asking)
        if text is None:
            return Outcome(state=state, note="Het scenario is helemaal afgespeeld."), None
        advanced = state.model_copy(update={"replay": replay})
        out, turn = self.answer(owner, advanced, text)
        if not out.error:  # tell the trainer where the replay stands
            if asking == "confirm":
                out.note = "Laatste stap: de bestuurder bevestigt de samenvatting."
            else:
                section = SECTION_TITLES.get(asking, "") if asking else ""
                out.note = f"Stap {len(replay.used)}: antwoord van de bestuurder" + (
                    f" bij '{section}'." if section else "."
                )
        return out, turn

    # -- review and exports -----------------------------------------------------------------

    def review(self, commission: Commission) -> Review:
        """The quality check; its citations come from the live knowledge base, so without
        it the findings are the same and cite nothing. With a model configured the services
        add its remarks beside the findings (the same ones again for an export)."""
        return self.services.review(commission, retriever=self.services.live_retriever)

    def export(
        self,
        commission: Commission,
        fmt: ExportFormat,
        *,
        session_id: str = "",
        comments: Sequence[Comment] = (),
    ) -> Path:
        """Write one export into a fresh private directory in the folder of its conversation
        (so deleting the conversation deletes it) and return its path; the open `comments`
        of the review loop as an appendix of the Markdown and Word exports."""
        from opdrachtassistent.render import as_json, docx, markdown

        name = _slug((commission.title or "").strip() or "integrale opdracht")
        path = self._export_path(session_id, f"{name}.{fmt}")
        if fmt == "json":
            path.write_text(as_json.to_json(commission), encoding="utf-8")
            return path
        review = self.review(commission)
        if fmt == "md":
            text = markdown.to_markdown(commission, review, comments=comments)
            path.write_text(text, encoding="utf-8")
        else:
            png = stakeholder_map.to_png(commission.stakeholders)
            path.write_bytes(
                docx.to_docx(commission, review, stakeholder_map_png=png, comments=comments)
            )
        return path

    def _export_path(self, session_id: str, name: str) -> Path:
        """A path in a fresh private directory in the folder of its conversation."""
        target_dir = Path(tempfile.mkdtemp(dir=exports.session_dir(self.export_root, session_id)))
        return target_dir / name

    def write_report(self, session_id: str, name: str, data: str | bytes) -> Path:
        """A change report or audit trail of one conversation as a file to download."""
        path = self._export_path(session_id, name)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        return path

    def open_comments(self, actor: str, state: SessionState) -> list[Comment]:
        """The open comments of a stored conversation this user may read ([] otherwise)."""
        if state.version == 0:
            return []
        try:
            return self.workflow.comments(state.session_id, actor, open_only=True)
        except OpdrachtError as exc:
            log.warning("reading the comments of %s failed: %s", state.session_id, exc)
            return []

    # -- the list of conversations, deleting one, the retention period ------------------------

    def sessions_page(self, owner: str, query: str = "", page: int = 1) -> SessionPage:
        """One page of this owner's conversations whose title contains `query`; a page past
        the end shows the last one."""
        query = (query or "").strip()[:MAX_QUERY_CHARS]
        wanted = query.casefold()
        found = [s for s in self.workflow.visible(owner) if wanted in s.title.casefold()]
        total = len(found)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(1, page), pages)
        items = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return SessionPage(items=items, total=total, page=page, pages=pages, query=query)

    def delete(self, owner: str, session_id: str) -> str:
        """Delete one conversation of this owner and its exports; return its title. Raises
        InputError (Dutch) for an id that is not this owner's, and then deletes nothing."""
        if not _SESSION_ID.match(session_id or ""):
            raise InputError("Kies eerst een gesprek uit de lijst.")
        record = self.store.load(session_id, owner=owner)
        if record is None or not self.store.delete(session_id, owner=owner):
            raise InputError(NOT_DELETED)
        removed = exports.remove(Path(self.services.settings.data_dir), [session_id])
        log.info("conversation deleted by its owner, with %d export folder(s)", removed)
        return record.title


PAGE_SIZE = 10  # conversations per page of the list
MAX_QUERY_CHARS = 200
NOT_DELETED = (
    "Dat gesprek bestaat niet (meer) of hoort bij een andere gebruiker; er is niets verwijderd."
)


@dataclass(frozen=True)
class SessionPage:
    """One page of the list of conversations, with where it stands."""

    items: list[Listed]  # this user's own conversations and those shared with them
    total: int
    page: int
    pages: int
    query: str = ""
