"""The review loop through the API on both backends: share, comment, submit, approve, edit
after approval, versions and their diff, a fourth user who sees nothing, versions that no
route can change, the audit trail, and every role against the permission table."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import count

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from tests.support.factories import complete_commission

from opdrachtassistent.commission import Commission
from opdrachtassistent.dialogue.interview import InterviewState
from opdrachtassistent.reviewing.checks import Review, review
from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.workflow.model import ROLES, Standing
from opdrachtassistent.workflow.permissions import (
    NO_ACCESS,
    OPERATIONS,
    PERMISSIONS,
    Operation,
    WorkflowError,
    allowed,
)
from opdrachtassistent.workflow.service import Workflow

ANNA = "user:anna"  # opsteller
BEN = "user:ben"  # meelezer
CARLA = "user:carla"  # opdrachtgever
DIRK = "user:dirk"  # a fourth user, with no standing
EVA = "user:eva"  # bewerker


def _state(commission: Commission) -> str:
    return InterviewState(commission=commission).model_dump_json()


class Clock:
    """A clock that moves one minute per reading, so every step has its own time."""

    def __init__(self) -> None:
        self._ticks = count()
        self._start = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self._start + timedelta(minutes=next(self._ticks))


@pytest.fixture
def store(store_url: str) -> Iterator[SessionStore]:
    store = SessionStore(store_url)
    yield store
    store.close()


@pytest.fixture
def flow(store: SessionStore) -> Workflow:
    return Workflow(store, clock=Clock())


def _drafted(store: SessionStore, flow: Workflow) -> str:
    record = store.create(
        owner=ANNA,
        state_json=_state(complete_commission()),
        title="Herinrichting Dorpsstraat",
        completeness=1.0,
    )
    flow.record(ANNA, "created", record.id)
    flow.record_version(record.id, ANNA, complete_commission(), reason="samenvatting bevestigd")
    return record.id


def test_the_issue_flow(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, "Ben", "meelezer")
    flow.share(conv, ANNA, "user:carla", "opdrachtgever")
    assert flow.role_of(conv, ANNA) == "owner"
    assert flow.role_of(conv, BEN) == "meelezer"
    assert flow.role_of(conv, CARLA) == "opdrachtgever"
    assert [(s.id, s.role) for s in flow.shared_with(BEN)] == [(conv, "meelezer")]
    assert flow.open(conv, BEN) is not None

    # the meelezer comments on a section; the opdrachtgever answers in the thread
    remark = flow.comment(conv, BEN, "resources", "Is 2,5 fte genoeg voor drie disciplines?")
    reply = flow.comment(conv, CARLA, None, "Goede vraag, graag toelichten.", parent=remark.id)
    assert reply.section == "resources" and reply.parent_id == remark.id
    assert [c.id for c in flow.comments(conv, ANNA, open_only=True)] == [remark.id, reply.id]

    # the opsteller submits, the opdrachtgever approves: the review is stored with it
    flow.submit(conv, ANNA)
    assert flow.status(conv) == "ter_review"
    assert [listed.id for listed in flow.visible(CARLA, status="ter_review")] == [conv]
    approved = flow.approve(conv, CARLA)
    assert approved.status == "vastgesteld" and approved.by == CARLA
    assert approved.review_json is not None
    assert "findings" in json.loads(approved.review_json)
    assert flow.status(conv) == "vastgesteld"
    assert flow.state(conv).version == approved.number

    # the opsteller edits afterwards: a new concept version, the approved one untouched
    edited = complete_commission()
    edited.resources.capacity_fte = 3.5
    record = store.load(conv, owner=ANNA)
    assert record is not None
    flow.save(conv, ANNA, state_json=_state(edited), expected_version=record.version)
    assert flow.status(conv) == "concept"
    versions = flow.versions(conv, ANNA)
    assert [v.status for v in versions] == ["concept", "vastgesteld", "concept"]
    assert versions[1] == approved
    diff = flow.diff(conv, approved.number, versions[-1].number, ANNA)
    assert [(c.section, c.field, c.kind, c.old, c.new) for c in diff.changes] == [
        ("resources", "resources.capacity_fte", "changed", 2.5, 3.5)
    ]
    assert diff.old.by == CARLA and diff.new.by == ANNA
    assert diff.old.at is not None and diff.new.at is not None and diff.old.at < diff.new.at

    # a fourth user sees nothing of it
    assert flow.open(conv, DIRK) is None
    assert flow.role_of(conv, DIRK) is None
    assert flow.shared_with(DIRK) == [] and flow.visible(DIRK) == []
    for look in (
        lambda: flow.comments(conv, DIRK),
        lambda: flow.versions(conv, DIRK),
        lambda: flow.version(conv, 1, DIRK),
        lambda: flow.audit(conv, DIRK),
        lambda: flow.diff(conv, 1, 2, DIRK),
        lambda: flow.shares(conv, DIRK),
        lambda: flow.comment(conv, DIRK, "goal", "Ik kijk mee"),
        lambda: flow.resolve(remark.id, DIRK),
    ):
        with pytest.raises(WorkflowError) as refused:
            look()
        assert refused.value.message == NO_ACCESS

    # the audit trail lists every step, with user and time, oldest first
    trail = flow.audit(conv, ANNA)
    assert [(e.action, e.actor) for e in trail] == [
        ("created", ANNA),
        ("versioned", ANNA),
        ("shared", ANNA),
        ("shared", ANNA),
        ("commented", BEN),
        ("commented", CARLA),
        ("submitted", ANNA),
        ("versioned", CARLA),
        ("approved", CARLA),
        ("versioned", ANNA),
        ("edited", ANNA),
    ]
    times = [e.at for e in trail]
    assert times == sorted(times) and len(set(times)) == len(times)
    assert trail[2].detail == {"user": BEN, "role": "meelezer"}
    assert flow.audit(conv, CARLA) == trail  # the opdrachtgever reads it too
    with pytest.raises(WorkflowError):
        flow.audit(conv, BEN)


def test_submit_records_no_version_when_unchanged(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    assert flow.submit(conv, ANNA) is None  # version 1 already holds this commission
    assert [v.number for v in flow.versions(conv, ANNA)] == [1]


def test_an_approved_version_cannot_be_changed_by_any_route(
    store: SessionStore, flow: Workflow
) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    flow.submit(conv, ANNA)
    approved = flow.approve(conv, CARLA)

    # the service has no route that changes or removes a version
    assert not [name for name in dir(flow) if name.startswith(("update_", "delete_", "edit_"))]
    # a second approval or a send back of a vastgesteld commission is refused
    with pytest.raises(WorkflowError):
        flow.approve(conv, CARLA)
    with pytest.raises(WorkflowError):
        flow.send_back(conv, CARLA, "toch niet")

    # a forged write through the store's own engine fails in the database
    for forged in (
        "UPDATE workflow_versions SET commission_json = '{}' WHERE conversation_id = :c",
        "UPDATE workflow_versions SET status = 'concept' WHERE conversation_id = :c",
        "DELETE FROM workflow_versions WHERE conversation_id = :c",
    ):
        with pytest.raises(SQLAlchemyError), store.engine.begin() as conn:
            conn.execute(text(forged), {"c": conv})
    assert flow.version(conv, approved.number, ANNA) == approved

    # editing the conversation (state) afterwards does not touch the approved version
    changed = complete_commission(title="Herinrichting Dorpsstraat fase 2")
    flow.record_version(conv, ANNA, changed, reason="titel aangepast")
    assert flow.version(conv, approved.number, ANNA) == approved
    assert flow.status(conv) == "concept"


def test_deleting_the_conversation_removes_its_review_loop(
    store: SessionStore, flow: Workflow
) -> None:
    conv = _drafted(store, flow)
    other = _drafted(store, flow)
    for c in (conv, other):
        flow.share(c, ANNA, CARLA, "opdrachtgever")
        flow.comment(c, CARLA, "goal", "Helder doel.")
        flow.submit(c, ANNA)
        flow.approve(c, CARLA)

    assert store.delete(conv, owner=ANNA)
    with store.engine.connect() as conn:
        for table in (
            "workflow_shares",
            "workflow_status",
            "workflow_comments",
            "workflow_versions",
            "workflow_audit",
        ):
            left = conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE conversation_id = :c"), {"c": conv}
            ).scalar_one()
            kept = conn.execute(
                text(f"SELECT COUNT(*) FROM {table} WHERE conversation_id = :c"), {"c": other}
            ).scalar_one()
            assert (table, left) == (table, 0)
            assert kept > 0, table
    assert flow.visible(CARLA) and [x.id for x in flow.visible(CARLA)] == [other]

    # the retention purge takes the review loop along too
    assert store.purge(older_than=datetime.now(UTC) + timedelta(days=1)) == [other]
    with store.engine.connect() as conn:
        left = conn.execute(text("SELECT COUNT(*) FROM workflow_versions")).scalar_one()
    assert left == 0


def test_send_back_needs_a_reason_and_makes_it_concept(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    with pytest.raises(WorkflowError, match="opdrachtgever"):
        flow.submit(conv, ANNA)  # nobody to approve it yet
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    flow.submit(conv, ANNA)
    with pytest.raises(WorkflowError, match="reden"):
        flow.send_back(conv, CARLA, "   ")
    info = flow.send_back(conv, CARLA, "De escalatieroute ontbreekt nog.")
    assert (info.status, info.reason, info.by) == (
        "concept",
        "De escalatieroute ontbreekt nog.",
        CARLA,
    )
    assert flow.audit(conv, ANNA)[-1].detail["reason"] == "De escalatieroute ontbreekt nog."
    with pytest.raises(WorkflowError):
        flow.approve(conv, CARLA)  # no longer ter review


def test_a_bewerker_edits_for_the_owner(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, EVA, "bewerker")
    edited = complete_commission(instruments=["participatietraject"])
    record = flow.save(conv, EVA, state_json=_state(edited))
    assert record.owner == ANNA
    stored = store.load(conv, owner=ANNA)
    assert stored is not None and stored.state_json == _state(edited)
    made = flow.record_version(conv, EVA, edited, reason="instrument geschrapt")
    assert made is not None and made.by == EVA
    diff = flow.diff(conv, 1, made.number, EVA)
    assert [(c.kind, c.old) for c in diff.changes] == [("removed", "bouwteamcontract")]
    assert flow.record_version(conv, EVA, edited) is None  # nothing new
    flow.share(conv, ANNA, BEN, "meelezer")
    with pytest.raises(WorkflowError, match="niet bewerken"):
        flow.save(conv, BEN, state_json=_state(edited))


def test_comments_resolve_by_thread(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, BEN, "meelezer")
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    first = flow.comment(conv, BEN, "goal", "Wat is 'klimaatbestendig' precies?")
    flow.comment(conv, ANNA, None, "Zie de toelichting.", parent=first.id)
    other = flow.comment(conv, CARLA, "mandate", "Wie besluit bij overschrijding?")
    with pytest.raises(WorkflowError):
        flow.resolve(other.id, BEN)  # not the author, and a meelezer
    done = flow.resolve(first.id, BEN)  # the author resolves their own thread
    assert done.resolved and done.resolved_by == BEN
    assert [c.id for c in flow.comments(conv, CARLA, open_only=True)] == [other.id]
    assert len(flow.comments(conv, CARLA)) == 3
    with pytest.raises(WorkflowError):
        flow.comment(conv, BEN, "nergens", "?")
    with pytest.raises(WorkflowError):
        flow.comment(conv, BEN, "goal", "   ")


def test_unshare_takes_access_away(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, BEN, "meelezer")
    flow.share(conv, ANNA, BEN, "bewerker")  # a new role replaces the old one
    assert [(s.user, s.role) for s in flow.shares(conv, BEN)] == [(BEN, "bewerker")]
    assert flow.unshare(conv, ANNA, "ben")
    assert not flow.unshare(conv, ANNA, "ben")
    assert flow.open(conv, BEN) is None
    with pytest.raises(WorkflowError):
        flow.share(conv, ANNA, ANNA, "meelezer")  # the owner is no colleague of their own


def test_listing_by_status(store: SessionStore, flow: Workflow) -> None:
    first = _drafted(store, flow)
    second = _drafted(store, flow)
    flow.share(first, ANNA, CARLA, "opdrachtgever")
    flow.submit(first, ANNA)
    mine = {x.id: (x.role, x.status, x.version) for x in flow.visible(ANNA)}
    assert mine == {first: ("owner", "ter_review", 1), second: ("owner", "concept", 1)}
    assert [x.id for x in flow.overview(status="ter_review")] == [first]
    assert [x.id for x in flow.visible(CARLA, status="concept")] == []


def test_two_approvals_at_once_make_one_version(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    flow.submit(conv, ANNA)
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def approve() -> None:
        barrier.wait(timeout=30)
        try:
            Workflow(store).approve(conv, CARLA)
        except WorkflowError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(errors) == 1
    assert [v.status for v in flow.versions(conv, ANNA)] == ["concept", "vastgesteld"]


# -- every standing against the permission table -------------------------------------------

STANDINGS: list[Standing | None] = ["owner", *ROLES, None]
ACTOR_OF: dict[Standing | None, str] = {
    "owner": ANNA,
    "meelezer": BEN,
    "opdrachtgever": CARLA,
    "bewerker": EVA,
    None: DIRK,
}


def test_the_table_covers_every_operation_and_role() -> None:
    assert set(PERMISSIONS) == set(OPERATIONS)
    assert PERMISSIONS["share"] == {"owner"} and PERMISSIONS["submit"] == {"owner"}
    assert PERMISSIONS["edit"] == {"owner", "bewerker"}
    assert PERMISSIONS["approve"] == {"opdrachtgever"}
    assert PERMISSIONS["read_audit"] == {"owner", "opdrachtgever"}
    assert all(allowed(s, "read") and allowed(s, "comment") for s in ("owner", *ROLES))
    assert not any(allowed(None, op) for op in OPERATIONS)


def _attempt(flow: Workflow, store: SessionStore, conv: str, op: Operation, actor: str) -> None:
    """Do `op` as `actor` on a conversation that is ter review (for approve/send back) or
    concept (for the rest)."""
    commission = complete_commission(title="Herinrichting Dorpsstraat, bijgesteld")
    steps: dict[Operation, Callable[[], object]] = {
        "read": lambda: flow.versions(conv, actor),
        "comment": lambda: flow.comment(conv, actor, "context", "Een vraag."),
        "resolve": lambda: flow.resolve(flow.comment(conv, ANNA, "goal", "Eigen noot.").id, actor),
        "edit": lambda: flow.record_version(conv, actor, commission),
        "share": lambda: flow.share(conv, actor, "user:frank", "meelezer"),
        "unshare": lambda: flow.unshare(conv, actor, "user:ben"),
        "submit": lambda: flow.submit(conv, actor),
        "approve": lambda: flow.approve(conv, actor),
        "send_back": lambda: flow.send_back(conv, actor, "Nog niet compleet."),
        "read_audit": lambda: flow.audit(conv, actor),
    }
    steps[op]()


@pytest.mark.parametrize("operation", OPERATIONS)
def test_each_standing_may_do_exactly_what_the_table_says(
    store: SessionStore, flow: Workflow, operation: Operation
) -> None:
    for standing in STANDINGS:
        conv = _drafted(store, flow)
        for role, user in (("meelezer", BEN), ("opdrachtgever", CARLA), ("bewerker", EVA)):
            flow.share(conv, ANNA, user, role)  # type: ignore[arg-type]
        if operation in ("approve", "send_back"):
            flow.submit(conv, ANNA)
        actor = ACTOR_OF[standing]
        if allowed(standing, operation):
            _attempt(flow, store, conv, operation, actor)
        else:
            with pytest.raises(WorkflowError):
                _attempt(flow, store, conv, operation, actor)


def test_a_reply_reopens_a_resolved_thread(store: SessionStore, flow: Workflow) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, BEN, "meelezer")
    first = flow.comment(conv, BEN, "goal", "Meetbaar?")
    flow.resolve(first.id, ANNA)
    assert flow.comments(conv, BEN, open_only=True) == []
    flow.comment(conv, BEN, None, "Toch nog niet duidelijk.", parent=first.id)
    reopened = flow.comments(conv, BEN, open_only=True)
    assert [c.id for c in reopened][:1] == [first.id] and len(reopened) == 2


def test_approval_refused_when_the_commission_changed_during_the_review(
    store: SessionStore,
) -> None:
    def review_while_someone_edits(commission: Commission) -> Review:
        store.save(conv, owner=ANNA, state_json=_state(complete_commission(title="Nieuw")))
        return review(commission)

    flow = Workflow(store, review=review_while_someone_edits)
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    flow.submit(conv, ANNA)
    with pytest.raises(WorkflowError, match="gewijzigd"):
        flow.approve(conv, CARLA)
    assert flow.status(conv) == "ter_review"
    assert [v.status for v in flow.versions(conv, ANNA)] == ["concept"]


def test_after_save_versions_an_edit_made_through_the_store(
    store: SessionStore, flow: Workflow
) -> None:
    conv = _drafted(store, flow)
    changed = _state(complete_commission(organisation="Een klein kernteam met de regisseur."))
    store.save(conv, owner=ANNA, state_json=changed)
    assert flow.after_save(conv, ANNA, changed) is None  # a concept: versions at summaries
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    flow.submit(conv, ANNA)  # records the changed commission as version 2
    flow.approve(conv, CARLA)
    assert flow.after_save(conv, ANNA, changed) is None  # nothing changed since approval
    again = _state(complete_commission(organisation="Toch een integraal projectteam."))
    store.save(conv, owner=ANNA, state_json=again)
    made = flow.after_save(conv, ANNA, again)
    assert made is not None and (made.number, made.status) == (4, "concept")
    assert flow.status(conv) == "concept"
    assert [v.status for v in flow.versions(conv, CARLA)] == [
        "concept",
        "ter_review",
        "vastgesteld",
        "concept",
    ]


def test_versions_recorded_at_once_get_their_own_numbers(
    store: SessionStore, flow: Workflow
) -> None:
    conv = _drafted(store, flow)
    flow.share(conv, ANNA, EVA, "bewerker")
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def edit(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            changed = complete_commission(title=f"Dorpsstraat, variant {i}")
            Workflow(store).record_version(conv, ANNA if i % 2 else EVA, changed)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=edit, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert [v.number for v in flow.versions(conv, ANNA)] == [1, 2, 3, 4, 5]
    assert flow.state(conv).version == 5
