"""The review loop over the conversations store: share, comment, submit, approve or send
back, record versions, compare them, and keep the audit trail, all in the store's database.

Every method takes the `actor`, an owner string as the store knows it ("user:anna"), and
asks `permissions` before it reads or writes: the owner of a conversation has the owner's
rights, a colleague the rights of the role it was shared with, anyone else none (and is
told only that the commission does not exist or is not theirs). Messages are Dutch.

Status: concept -> ter_review (submit, by the owner; needs an opdrachtgever to share with)
-> vastgesteld (approve, by the opdrachtgever: the commission as stored now and its review
are frozen as a new version), or ter_review -> concept (send back, with a reason). An edit
after approval, or during the review, records a new concept version and makes the status
concept again; the approved version stays as it was (versions are insert-only, down to a
trigger in the database: storage/workflow.py).

Concurrency: each change of status or versions first updates the conversation's status row
(`workflow_status`), which locks it on PostgreSQL (SQLite: the write transaction locks the
file), so two approvals or two new versions of one conversation queue instead of racing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import and_, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Row

from opdrachtassistent.auth.identity import OWNER_PREFIX, normalize, plausible
from opdrachtassistent.commission import SECTION_TITLES, SECTIONS, Commission
from opdrachtassistent.storage.sessions import SESSIONS, SessionRecord, SessionStore
from opdrachtassistent.storage.workflow import AUDIT, COMMENTS, SHARES, STATUS, VERSIONS
from opdrachtassistent.workflow.diff import Diff, Side, compare
from opdrachtassistent.workflow.model import (
    ACTIONS,
    ROLES,
    STATUS_LABELS,
    Action,
    AuditEvent,
    Comment,
    Listed,
    Role,
    Share,
    Standing,
    Status,
    Version,
)
from opdrachtassistent.workflow.permissions import NO_ACCESS, Operation, WorkflowError, check

if TYPE_CHECKING:
    from opdrachtassistent.reviewing.checks import Review

__all__ = ["MAX_COMMENT_CHARS", "StatusInfo", "Workflow", "member_of"]

MAX_COMMENT_CHARS = 4000
MAX_REASON_CHARS = 2000


def member_of(user: str) -> str:
    """The owner string of a colleague named as "anna", "Anna" or "user:anna"."""
    name = user[len(OWNER_PREFIX) :] if user.startswith(OWNER_PREFIX) else user
    clean = normalize(name)
    if not plausible(clean):
        raise WorkflowError(f"'{user.strip()}' is geen gebruikersnaam.")
    return OWNER_PREFIX + clean


def _default_review(commission: Commission) -> Review:
    from opdrachtassistent.reviewing.checks import review

    return review(commission)


@dataclass(frozen=True, slots=True)
class StatusInfo:
    """Where a conversation stands: status, latest version, who changed it last and why."""

    status: Status
    version: int  # the latest version's number; 0: none yet
    by: str | None = None
    at: datetime | None = None
    reason: str | None = None  # why it was sent back, or why it became concept again

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]


class Workflow:
    """The review loop of the conversations in one `SessionStore`."""

    def __init__(
        self,
        store: SessionStore,
        *,
        review: Callable[[Commission], Review] | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.engine = store.engine
        self._review = review or _default_review
        self._clock = clock or (lambda: datetime.now(UTC))

    # -- standing -------------------------------------------------------------------------

    def _connect(self, *, write: bool = False) -> AbstractContextManager[Connection]:
        # The store's own transaction discipline (SQLite: BEGIN IMMEDIATE for writers,
        # errors turned into StorageError): this module's tables live in its database.
        return self.store._connect(write=write)

    @staticmethod
    def _owner_in(conn: Connection, conv: str) -> str | None:
        return conn.execute(select(SESSIONS.c.owner).where(SESSIONS.c.id == conv)).scalar()

    @staticmethod
    def _standing_in(conn: Connection, conv: str, actor: str) -> Standing | None:
        owner = Workflow._owner_in(conn, conv)
        if owner is None or not actor:
            return None
        if owner == actor:
            return "owner"
        role = conn.execute(
            select(SHARES.c.role).where(
                (SHARES.c.conversation_id == conv) & (SHARES.c.member == actor)
            )
        ).scalar()
        return cast(Role, role) if role in ROLES else None

    def role_of(self, conv: str, actor: str) -> Standing | None:
        """How `actor` stands to the conversation: "owner", the role it was shared with
        them in, or None (no access, or no such conversation)."""
        with self._connect() as conn:
            return self._standing_in(conn, conv, actor)

    def _require(self, conn: Connection, conv: str, actor: str, operation: Operation) -> Standing:
        standing = self._standing_in(conn, conv, actor)
        check(standing, operation)
        assert standing is not None
        return standing

    # -- the audit trail ------------------------------------------------------------------

    def _log(
        self, conn: Connection, actor: str, action: Action, conv: str, detail: dict[str, Any]
    ) -> AuditEvent:
        at = self._clock()
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
        new_id = conn.execute(
            insert(AUDIT)
            .values(occurred_at=at, actor=actor, action=action, conversation_id=conv, detail=text)
            .returning(AUDIT.c.id)
        ).scalar_one()
        return AuditEvent(
            id=int(new_id), at=at, actor=actor, action=action, conversation_id=conv, detail=detail
        )

    def record(
        self, actor: str, action: Action, conv: str, detail: dict[str, Any] | None = None
    ) -> AuditEvent:
        """Add one line to the audit trail (for steps taken elsewhere: created, answered,
        edited by the app). `detail` says what, never the content itself."""
        if action not in ACTIONS:
            raise ValueError(f"unknown audit action {action!r}")
        with self._connect(write=True) as conn:
            return self._log(conn, actor, action, conv, dict(detail or {}))

    def audit(self, conv: str, actor: str) -> list[AuditEvent]:
        """The audit trail of one conversation, oldest first (owner and opdrachtgever)."""
        with self._connect() as conn:
            self._require(conn, conv, actor, "read_audit")
            rows = conn.execute(
                select(AUDIT).where(AUDIT.c.conversation_id == conv).order_by(AUDIT.c.id)
            ).all()
        return [_event(r) for r in rows]

    # -- sharing --------------------------------------------------------------------------

    def share(self, conv: str, actor: str, user: str, role: Role) -> Share:
        """Give a colleague a role on this conversation (again: the new role replaces the
        old one)."""
        if role not in ROLES:
            raise WorkflowError(f"'{role}' is geen rol; kies meelezer, bewerker of opdrachtgever.")
        member = member_of(user)
        at = self._clock()
        with self._connect(write=True) as conn:
            self._require(conn, conv, actor, "share")
            if member == self._owner_in(conn, conv):
                raise WorkflowError("U bent zelf de opsteller van deze opdracht.")
            dialect = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
            values = {
                "conversation_id": conv,
                "member": member,
                "role": role,
                "shared_by": actor,
                "shared_at": at,
            }
            statement = dialect.insert(SHARES).values(values)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=[SHARES.c.conversation_id, SHARES.c.member],
                    set_={"role": role, "shared_by": actor, "shared_at": at},
                )
            )
            self._log(conn, actor, "shared", conv, {"user": member, "role": role})
        return Share(conversation_id=conv, user=member, role=role, by=actor, at=at)

    def unshare(self, conv: str, actor: str, user: str) -> bool:
        """Take a colleague's role away; False when they had none."""
        member = member_of(user)
        with self._connect(write=True) as conn:
            self._require(conn, conv, actor, "unshare")
            gone = conn.execute(
                SHARES.delete().where(
                    (SHARES.c.conversation_id == conv) & (SHARES.c.member == member)
                )
            ).rowcount
            if gone:
                self._log(conn, actor, "unshared", conv, {"user": member})
        return bool(gone)

    def shares(self, conv: str, actor: str) -> list[Share]:
        """Who this conversation is shared with, in which role (for anyone who may read it)."""
        with self._connect() as conn:
            self._require(conn, conv, actor, "read")
            rows = conn.execute(
                select(SHARES).where(SHARES.c.conversation_id == conv).order_by(SHARES.c.member)
            ).all()
        return [
            Share(
                conversation_id=r.conversation_id,
                user=r.member,
                role=r.role,
                by=r.shared_by,
                at=r.shared_at,
            )
            for r in rows
        ]

    def shared_with(self, actor: str, *, status: Status | None = None) -> list[Listed]:
        """The conversations of others shared with `actor`, most recently changed first."""
        return self._listing(actor=actor, own=False, shared=True, status=status)

    def visible(self, actor: str, *, status: Status | None = None) -> list[Listed]:
        """Every conversation `actor` may open: their own and those shared with them."""
        return self._listing(actor=actor, own=True, shared=True, status=status)

    def overview(self, *, status: Status | None = None) -> list[Listed]:
        """Every conversation in the store (for an operator: `opdrachten` without a user)."""
        return self._listing(actor=None, own=True, shared=False, status=status)

    def _listing(
        self, *, actor: str | None, own: bool, shared: bool, status: Status | None
    ) -> list[Listed]:
        s, st = SESSIONS.c, STATUS.c
        role = SHARES.c.role.label("role")
        statement = (
            select(
                s.id,
                s.title,
                s.owner,
                s.updated_at,
                s.completeness,
                st.status,
                st.version.label("wf_version"),
                role,
            )
            .select_from(
                SESSIONS.outerjoin(STATUS, st.conversation_id == s.id).outerjoin(
                    SHARES,
                    and_(SHARES.c.conversation_id == s.id, SHARES.c.member == (actor or "")),
                )
            )
            .order_by(s.updated_at.desc(), s.id)
        )
        if actor is not None:
            whose = []
            if own:
                whose.append(s.owner == actor)
            if shared:
                whose.append(SHARES.c.member.is_not(None))
            statement = statement.where(or_(*whose))
        if status is not None:
            current = func.coalesce(st.status, "concept")
            statement = statement.where(current == status)
        with self._connect() as conn:
            rows = conn.execute(statement).all()
        return [
            Listed(
                id=r.id,
                title=r.title,
                owner=r.owner,
                role="owner" if actor is None or r.owner == actor else r.role,
                status=r.status or "concept",
                version=int(r.wf_version or 0),
                updated_at=r.updated_at,
                completeness=float(r.completeness),
            )
            for r in rows
        ]

    # -- the conversation itself ----------------------------------------------------------

    def open(self, conv: str, actor: str) -> SessionRecord | None:
        """The conversation for its owner or anyone it is shared with; None for the rest
        (the same answer as for an id that does not exist)."""
        with self._connect() as conn:
            if self._standing_in(conn, conv, actor) is None:
                return None
            row = conn.execute(select(SESSIONS).where(SESSIONS.c.id == conv)).first()
        return None if row is None else _session(row)

    def save(
        self,
        conv: str,
        actor: str,
        *,
        state_json: str,
        title: str | None = None,
        completeness: float | None = None,
        expected_version: int | None = None,
    ) -> SessionRecord:
        """Save the conversation's state for its owner or a bewerker (`SessionStore.save`
        with the owner's name, so `ConflictError` works the same). When the commission
        changed while ter review or vastgesteld, a new concept version is recorded."""
        with self._connect() as conn:
            self._require(conn, conv, actor, "edit")
            owner = self._owner_in(conn, conv)
        assert owner is not None
        record = self.store.save(
            conv,
            owner=owner,
            state_json=state_json,
            title=title,
            completeness=completeness,
            expected_version=expected_version,
        )
        if self.after_save(conv, actor, state_json) is None and actor != owner:
            self.record(actor, "edited", conv, {"saved": record.version})
        return record

    def after_save(self, conv: str, actor: str, state_json: str) -> Version | None:
        """Call after saving a conversation's state some other way (`SessionStore.save`):
        when it is ter review or vastgesteld and its commission changed since the latest
        version, that change becomes a new concept version (and the status concept), so an
        approved commission never silently differs from its approved version. Returns the
        new version, or None (concept, or nothing changed)."""
        if self.status(conv) == "concept":
            return None
        commission = _commission_of(state_json)
        if commission is None:
            return None
        return self.record_version(conv, actor, commission, reason="gewijzigd")

    # -- comments -------------------------------------------------------------------------

    def comment(
        self,
        conv: str,
        actor: str,
        section: str | None,
        text: str,
        parent: int | None = None,
    ) -> Comment:
        """A comment on one section (None: on the whole commission), or a reply to
        `parent` (then in the parent's section)."""
        body = text.strip()
        if not body:
            raise WorkflowError("Een lege opmerking wordt niet geplaatst.")
        if len(body) > MAX_COMMENT_CHARS:
            raise WorkflowError(
                f"Een opmerking is hoogstens {MAX_COMMENT_CHARS} tekens; deze is {len(body)}."
            )
        if section is not None and section not in SECTIONS:
            raise WorkflowError(f"'{section}' is geen onderdeel van de opdracht.")
        at = self._clock()
        with self._connect(write=True) as conn:
            self._require(conn, conv, actor, "comment")
            if parent is not None:
                above = conn.execute(
                    select(COMMENTS).where(
                        (COMMENTS.c.id == parent) & (COMMENTS.c.conversation_id == conv)
                    )
                ).first()
                if above is None:
                    raise WorkflowError("De opmerking waarop u reageert bestaat niet (meer).")
                root = above.parent_id if above.parent_id is not None else above.id
                section, parent = above.section, int(root)
                conn.execute(  # a reply reopens a resolved thread
                    update(COMMENTS)
                    .where((COMMENTS.c.id == parent) | (COMMENTS.c.parent_id == parent))
                    .values(resolved=0, resolved_by=None, resolved_at=None)
                )
            new_id = conn.execute(
                insert(COMMENTS)
                .values(
                    conversation_id=conv,
                    section=section,
                    author=actor,
                    body=body,
                    created_at=at,
                    parent_id=parent,
                    resolved=0,
                )
                .returning(COMMENTS.c.id)
            ).scalar_one()
            self._log(
                conn,
                actor,
                "commented",
                conv,
                {"comment": int(new_id), "section": section, "reply_to": parent},
            )
        return Comment(
            id=int(new_id),
            conversation_id=conv,
            section=section,
            author=actor,
            text=body,
            at=at,
            parent_id=parent,
        )

    def resolve(self, comment_id: int, actor: str) -> Comment:
        """Mark a comment and its replies resolved (owner, bewerker, or its author)."""
        at = self._clock()
        with self._connect(write=True) as conn:
            row = conn.execute(select(COMMENTS).where(COMMENTS.c.id == comment_id)).first()
            if row is None:
                raise WorkflowError("Die opmerking bestaat niet (meer).")
            conv = row.conversation_id
            standing = self._standing_in(conn, conv, actor)
            if standing is None:
                raise WorkflowError(NO_ACCESS)
            if row.author != actor:
                check(standing, "resolve")
            root = int(row.parent_id if row.parent_id is not None else row.id)
            conn.execute(
                update(COMMENTS)
                .where(
                    ((COMMENTS.c.id == root) | (COMMENTS.c.parent_id == root))
                    & (COMMENTS.c.resolved == 0)
                )
                .values(resolved=1, resolved_by=actor, resolved_at=at)
            )
            self._log(conn, actor, "resolved", conv, {"comment": root})
            done = conn.execute(select(COMMENTS).where(COMMENTS.c.id == comment_id)).one()
        return _comment(done)

    def comments(self, conv: str, actor: str, *, open_only: bool = False) -> list[Comment]:
        """The comments of a conversation, oldest first (threads: a reply after its
        parent's position in time); `open_only`: the unresolved ones."""
        with self._connect() as conn:
            self._require(conn, conv, actor, "read")
            statement = select(COMMENTS).where(COMMENTS.c.conversation_id == conv)
            if open_only:
                statement = statement.where(COMMENTS.c.resolved == 0)
            rows = conn.execute(statement.order_by(COMMENTS.c.id)).all()
        return [_comment(r) for r in rows]

    # -- status ---------------------------------------------------------------------------

    def state(self, conv: str) -> StatusInfo:
        """Status and latest version of a conversation ("concept", 0 when nothing yet)."""
        with self._connect() as conn:
            row = conn.execute(select(STATUS).where(STATUS.c.conversation_id == conv)).first()
        if row is None:
            return StatusInfo("concept", 0)
        return StatusInfo(row.status, int(row.version), row.changed_by, row.changed_at, row.reason)

    def status(self, conv: str) -> Status:
        return self.state(conv).status

    def _lock(self, conn: Connection, conv: str, actor: str) -> tuple[Status, int]:
        """The status row of `conv`, created when missing, locked for this transaction."""
        dialect = pg_dialect if conn.dialect.name == "postgresql" else sqlite_dialect
        conn.execute(
            dialect.insert(STATUS)
            .values(
                conversation_id=conv,
                status="concept",
                version=0,
                changed_by=actor,
                changed_at=self._clock(),
            )
            .on_conflict_do_nothing(index_elements=[STATUS.c.conversation_id])
        )
        row = conn.execute(
            update(STATUS)
            .where(STATUS.c.conversation_id == conv)
            .values(version=STATUS.c.version)  # a no-op write: takes the row lock
            .returning(STATUS.c.status, STATUS.c.version)
        ).one()
        return cast(Status, row.status), int(row.version)

    def _set_status(
        self,
        conn: Connection,
        conv: str,
        actor: str,
        status: Status,
        *,
        version: int | None = None,
        reason: str | None = None,
    ) -> None:
        values: dict[str, Any] = {
            "status": status,
            "changed_by": actor,
            "changed_at": self._clock(),
            "reason": reason,
        }
        if version is not None:
            values["version"] = version
        conn.execute(update(STATUS).where(STATUS.c.conversation_id == conv).values(values))

    def submit(self, conv: str, actor: str) -> Version | None:
        """Offer the commission for review: concept -> ter review. The commission as it is
        now is recorded as a version first when it differs from the latest (returned)."""
        with self._connect(write=True) as conn:
            self._require(conn, conv, actor, "submit")
            status, _number = self._lock(conn, conv, actor)
            if status != "concept":
                raise WorkflowError(
                    f"Deze opdracht is al {STATUS_LABELS[status]}; alleen een concept kan "
                    "ter review worden aangeboden."
                )
            reviewers = conn.execute(
                select(func.count())
                .select_from(SHARES)
                .where((SHARES.c.conversation_id == conv) & (SHARES.c.role == "opdrachtgever"))
            ).scalar_one()
            if not reviewers:
                raise WorkflowError(
                    "Deel de opdracht eerst met een opdrachtgever: die stelt hem vast of "
                    "stuurt hem terug."
                )
            commission = self._current(conn, conv)
            made = None
            if commission is not None:
                made = self._new_version(conn, conv, actor, commission, "ter_review", None, None)
            self._set_status(conn, conv, actor, "ter_review")
            self._log(conn, actor, "submitted", conv, {"version": self._latest_number(conn, conv)})
        return made

    def approve(self, conv: str, actor: str) -> Version:
        """Approve: ter review -> vastgesteld. The commission as stored now and its review
        (kwaliteitstoets) become a new, frozen version.

        The review runs before the write transaction (it may take a while, and SQLite's
        write lock would stop every other conversation meanwhile); when the conversation
        changed in between, nothing is approved and the opdrachtgever is told so."""
        with self._connect() as conn:
            self._require(conn, conv, actor, "approve")
            self._approvable(self._status_in(conn, conv))
            seen = self._state_json(conn, conv)
        commission = None if seen is None else _commission_of(seen)
        if commission is None:
            raise WorkflowError("Deze opdracht heeft nog geen inhoud om vast te stellen.")
        review_json = self._review(commission).model_dump_json()
        with self._connect(write=True) as conn:
            self._require(conn, conv, actor, "approve")
            status, _number = self._lock(conn, conv, actor)
            self._approvable(status)
            if self._state_json(conn, conv) != seen:
                raise WorkflowError(
                    "De opdracht is gewijzigd terwijl u hem vaststelde; bekijk de nieuwe "
                    "tekst en stel hem dan opnieuw vast."
                )
            made = self._new_version(
                conn, conv, actor, commission, "vastgesteld", review_json, None, force=True
            )
            assert made is not None
            self._set_status(conn, conv, actor, "vastgesteld", version=made.number)
            self._log(conn, actor, "approved", conv, {"version": made.number})
        return made

    @staticmethod
    def _approvable(status: Status) -> None:
        if status != "ter_review":
            raise WorkflowError(
                f"Deze opdracht is {STATUS_LABELS[status]}; alleen een opdracht die ter "
                "review ligt kan worden vastgesteld."
            )

    @staticmethod
    def _status_in(conn: Connection, conv: str) -> Status:
        found = conn.execute(
            select(STATUS.c.status).where(STATUS.c.conversation_id == conv)
        ).scalar()
        return cast(Status, found or "concept")

    @staticmethod
    def _state_json(conn: Connection, conv: str) -> str | None:
        found = conn.execute(select(SESSIONS.c.state_json).where(SESSIONS.c.id == conv)).scalar()
        return None if found is None else str(found)

    def send_back(self, conv: str, actor: str, reason: str) -> StatusInfo:
        """Send back: ter review -> concept, with the reason why (required)."""
        why = " ".join((reason or "").split())
        if not why:
            raise WorkflowError("Geef een reden waarom u de opdracht terugstuurt.")
        if len(why) > MAX_REASON_CHARS:
            raise WorkflowError(f"Een reden is hoogstens {MAX_REASON_CHARS} tekens.")
        with self._connect(write=True) as conn:
            self._require(conn, conv, actor, "send_back")
            status, number = self._lock(conn, conv, actor)
            if status != "ter_review":
                raise WorkflowError(
                    f"Deze opdracht is {STATUS_LABELS[status]}; alleen een opdracht die ter "
                    "review ligt kan worden teruggestuurd."
                )
            self._set_status(conn, conv, actor, "concept", reason=why)
            self._log(conn, actor, "sent_back", conv, {"version": number, "reason": why})
        return self.state(conv)

    # -- versions -------------------------------------------------------------------------

    @staticmethod
    def _current(conn: Connection, conv: str) -> Commission | None:
        state_json = conn.execute(
            select(SESSIONS.c.state_json).where(SESSIONS.c.id == conv)
        ).scalar()
        return None if state_json is None else _commission_of(state_json)

    @staticmethod
    def _latest(conn: Connection, conv: str) -> Row[Any] | None:
        return conn.execute(
            select(VERSIONS)
            .where(VERSIONS.c.conversation_id == conv)
            .order_by(VERSIONS.c.number.desc())
            .limit(1)
        ).first()

    def _latest_number(self, conn: Connection, conv: str) -> int:
        latest = self._latest(conn, conv)
        return 0 if latest is None else int(latest.number)

    def _new_version(
        self,
        conn: Connection,
        conv: str,
        actor: str,
        commission: Commission,
        status: Status,
        review_json: str | None,
        reason: str | None,
        *,
        force: bool = False,
    ) -> Version | None:
        """Insert the next version (the status row must be locked); None when the
        commission equals the latest version's and not `force`."""
        latest = self._latest(conn, conv)
        if not force and latest is not None and compare(latest.commission_json, commission).empty:
            return None
        number = 1 if latest is None else int(latest.number) + 1
        at = self._clock()
        body = commission.model_dump_json()
        conn.execute(
            insert(VERSIONS).values(
                conversation_id=conv,
                number=number,
                status=status,
                commission_json=body,
                review_json=review_json,
                made_by=actor,
                made_at=at,
                reason=reason,
            )
        )
        conn.execute(update(STATUS).where(STATUS.c.conversation_id == conv).values(version=number))
        self._log(conn, actor, "versioned", conv, {"version": number, "status": status})
        return Version(
            conversation_id=conv,
            number=number,
            status=status,
            commission_json=body,
            review_json=review_json,
            by=actor,
            at=at,
            reason=reason,
        )

    def record_version(
        self, conv: str, actor: str, commission: Commission, reason: str | None = None
    ) -> Version | None:
        """Record the commission as a new concept version (a confirmed summary, an edit);
        None when nothing changed since the latest version. After approval, or during the
        review, the status becomes concept again: the approved version stays as it was."""
        with self._connect(write=True) as conn:
            self._require(conn, conv, actor, "edit")
            status, _number = self._lock(conn, conv, actor)
            made = self._new_version(conn, conv, actor, commission, "concept", None, reason)
            if made is not None and status != "concept":
                self._set_status(
                    conn,
                    conv,
                    actor,
                    "concept",
                    reason=(
                        "gewijzigd na vaststelling"
                        if status == "vastgesteld"
                        else "gewijzigd tijdens de review"
                    ),
                )
                self._log(conn, actor, "edited", conv, {"version": made.number, "was": status})
        return made

    def versions(self, conv: str, actor: str) -> list[Version]:
        """Every version of a conversation, oldest first."""
        with self._connect() as conn:
            self._require(conn, conv, actor, "read")
            rows = conn.execute(
                select(VERSIONS)
                .where(VERSIONS.c.conversation_id == conv)
                .order_by(VERSIONS.c.number)
            ).all()
        return [_version(r) for r in rows]

    def version(self, conv: str, number: int, actor: str) -> Version | None:
        """One version by number, or None."""
        with self._connect() as conn:
            self._require(conn, conv, actor, "read")
            row = conn.execute(
                select(VERSIONS).where(
                    (VERSIONS.c.conversation_id == conv) & (VERSIONS.c.number == number)
                )
            ).first()
        return None if row is None else _version(row)

    def approved(self, conv: str, actor: str) -> Version | None:
        """The latest approved version, or None."""
        found = [v for v in self.versions(conv, actor) if v.status == "vastgesteld"]
        return found[-1] if found else None

    def diff(self, conv: str, a: int, b: int | None, actor: str) -> Diff:
        """What changed from version `a` to version `b` (None: the commission as it is now)."""
        old = self.version(conv, a, actor)
        if old is None:
            raise WorkflowError(f"Versie {a} van deze opdracht bestaat niet.")
        old_side = Side(number=old.number, status=old.status, by=old.by, at=old.at)
        if b is None:
            record = self.open(conv, actor)
            current = None if record is None else _commission_of(record.state_json)
            if record is None or current is None:
                raise WorkflowError("Deze opdracht heeft nog geen inhoud.")
            now = Side(status=self.status(conv), at=record.updated_at)
            return compare(old.commission_json, current, old_side=old_side, new_side=now)
        new = self.version(conv, b, actor)
        if new is None:
            raise WorkflowError(f"Versie {b} van deze opdracht bestaat niet.")
        new_side = Side(number=new.number, status=new.status, by=new.by, at=new.at)
        return compare(
            old.commission_json, new.commission_json, old_side=old_side, new_side=new_side
        )


# -- rows to records ------------------------------------------------------------------------


def _commission_of(state_json: str) -> Commission | None:
    """The commission in a conversation's state (the interview's JSON), if it has one."""
    try:
        data = json.loads(state_json)
    except ValueError:
        return None
    found = data.get("commission") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        return None
    try:
        return Commission.model_validate(found)
    except ValueError:
        return None


def _session(row: Row[Any]) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        owner=row.owner,
        title=row.title,
        state_json=row.state_json,
        created_at=row.created_at,
        updated_at=row.updated_at,
        completeness=float(row.completeness),
        version=int(row.version),
    )


def _comment(row: Row[Any]) -> Comment:
    return Comment(
        id=int(row.id),
        conversation_id=row.conversation_id,
        section=row.section,
        author=row.author,
        text=row.body,
        at=row.created_at,
        parent_id=None if row.parent_id is None else int(row.parent_id),
        resolved=bool(row.resolved),
        resolved_by=row.resolved_by,
        resolved_at=row.resolved_at,
    )


def _version(row: Row[Any]) -> Version:
    return Version(
        conversation_id=row.conversation_id,
        number=int(row.number),
        status=row.status,
        commission_json=row.commission_json,
        review_json=row.review_json,
        by=row.made_by,
        at=row.made_at,
        reason=row.reason,
    )


def _event(row: Row[Any]) -> AuditEvent:
    return AuditEvent(
        id=int(row.id),
        at=row.occurred_at,
        actor=row.actor,
        action=row.action,
        conversation_id=row.conversation_id,
        detail=json.loads(row.detail),
    )


def section_label(section: str | None) -> str:
    """The Dutch title of a section, or "hele opdracht" for a comment on all of it."""
    if section is None:
        return "hele opdracht"
    titles: dict[str, str] = {str(k): v for k, v in SECTION_TITLES.items()}
    return titles.get(section, section)
