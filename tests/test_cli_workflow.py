"""`opdrachtassistent opdrachten` over a real SQLite store, and the JSON contract's optional
review-loop keys (status, version, open comments) that a programme office reads in a batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support.factories import complete_commission

from opdrachtassistent.cli import main
from opdrachtassistent.dialogue.interview import InterviewState
from opdrachtassistent.render.as_json import from_json, to_json
from opdrachtassistent.storage.sessions import DEFAULT_DB_NAME, SessionStore
from opdrachtassistent.workflow.service import Workflow

ANNA, CARLA = "user:anna", "user:carla"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("OPDRACHTASSISTENT_DATABASE_URL", raising=False)
    return tmp_path / "data"


@pytest.fixture
def flow(data_dir: Path) -> Workflow:
    return Workflow(SessionStore(data_dir / DEFAULT_DB_NAME))


def _conversation(flow: Workflow, title: str, owner: str = ANNA) -> str:
    commission = complete_commission(title=title)
    record = flow.store.create(
        owner=owner,
        state_json=InterviewState(commission=commission).model_dump_json(),
        title=title,
    )
    flow.record_version(record.id, owner, commission)
    return record.id


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_lists_commissions_by_status_and_user(
    data_dir: Path, flow: Workflow, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _conversation(flow, "Dorpsstraat")
    second = _conversation(flow, "Kerkplein")
    third = _conversation(flow, "Van Bert", owner="user:bert")
    flow.share(first, ANNA, "carla", "opdrachtgever")
    flow.submit(first, ANNA)

    code, out, err = run(
        ["opdrachten", "--status", "ter review", "--json", "--data-dir", str(data_dir)], capsys
    )
    assert code == 0
    assert [(r["id"], r["status"], r["versie"]) for r in json.loads(out)] == [
        (first, "ter_review", 1)
    ]

    code, out, err = run(["opdrachten", "--data-dir", str(data_dir)], capsys)
    assert code == 0 and "3 opdrachten" in err
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert set(lines) == {first, second, third}
    assert "ter review" in lines[first] and "concept" in lines[second]

    code, out, _ = run(["opdrachten", "--gebruiker", "Carla", "--data-dir", str(data_dir)], capsys)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [first]
    assert "(opdrachtgever)" in out

    code, out, err = run(
        ["opdrachten", "--gebruiker", "dirk", "--json", "--data-dir", str(data_dir)], capsys
    )
    assert (code, json.loads(out)) == (0, [])


def test_an_unknown_status_is_refused_in_dutch(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["opdrachten", "--status", "klaar", "--data-dir", str(data_dir)])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "'klaar' is geen status" in err and "'ter review'" in err


def test_the_json_export_carries_the_review_loop_when_known(flow: Workflow) -> None:
    conv = _conversation(flow, "Dorpsstraat")
    flow.share(conv, ANNA, CARLA, "opdrachtgever")
    open_one = flow.comment(conv, CARLA, "goal", "Meetbaar maken graag.")
    done = flow.comment(conv, CARLA, "context", "Prima.")
    flow.resolve(done.id, CARLA)
    commission = complete_commission(title="Dorpsstraat")
    info = flow.state(conv)

    plain = json.loads(to_json(commission))
    assert not {"status", "version", "comments"} & plain.keys()  # unchanged without them

    text = to_json(
        commission,
        status=info.status,
        version=info.version,
        comments=flow.comments(conv, ANNA),
    )
    data = json.loads(text)
    assert (data["status"], data["version"]) == ("concept", 1)
    assert [(c["id"], c["section"], c["author"]) for c in data["comments"]] == [
        (open_one.id, "goal", CARLA)
    ]
    assert from_json(text) == commission  # a reader of the commission ignores them


def test_the_review_command_reads_an_export_with_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "opdracht.json"
    path.write_text(to_json(complete_commission(), status="vastgesteld", version=3), "utf-8")
    code = main(["review", str(path), "--json", "--zonder-bronnen"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "findings" in json.loads(out.out)


def _approved_then_edited(flow: Workflow) -> str:
    conv = _conversation(flow, "Dorpsstraat")
    flow.share(conv, ANNA, "carla", "opdrachtgever")
    flow.submit(conv, ANNA)
    flow.approve(conv, CARLA)
    edited = complete_commission(title="Dorpsstraat")
    edited.resources.budget_eur = 3_500_000
    flow.store.save(
        conv, owner=ANNA, state_json=InterviewState(commission=edited).model_dump_json()
    )
    flow.after_save(conv, ANNA, InterviewState(commission=edited).model_dump_json())
    return conv


def test_the_audit_trail_exports_for_owner_and_opdrachtgever_only(
    data_dir: Path, flow: Workflow, capsys: pytest.CaptureFixture[str]
) -> None:
    conv = _approved_then_edited(flow)
    base = ["logboek", conv, "--data-dir", str(data_dir)]
    code, out, _ = run([*base, "--gebruiker", "anna"], capsys)
    assert code == 0
    rows = [line.split(",") for line in out.splitlines()]
    assert rows[0][:3] == ["tijdstip", "gebruiker", "handeling"]
    assert ("user:carla", "approved") in {(r[1], r[2]) for r in rows[1:]}

    code, out, _ = run([*base, "--gebruiker", "carla", "--formaat", "json"], capsys)
    assert code == 0 and json.loads(out)[-1]["action"] == "edited"

    code, out, err = run([*base, "--gebruiker", "dirk"], capsys)
    assert (code, out) == (3, "") and "geen toegang" in err


def test_the_change_report_since_approval(
    tmp_path: Path, data_dir: Path, flow: Workflow, capsys: pytest.CaptureFixture[str]
) -> None:
    conv = _approved_then_edited(flow)
    base = ["wijzigingen", conv, "--gebruiker", "anna", "--data-dir", str(data_dir)]
    code, out, _ = run(base, capsys)
    assert code == 0
    assert "budget gewijzigd: € 3.200.000 → € 3.500.000" in out
    assert "versie 2, vastgesteld, door carla" in out

    target = tmp_path / "wijzigingen.docx"
    code, _, err = run([*base, "--van", "1", "--naar", "3", "--uit", str(target)], capsys)
    assert code == 0 and "1 wijziging" in err
    assert target.read_bytes()[:2] == b"PK"

    code, _, err = run([*base, "--van", "9"], capsys)
    assert code == 3 and "Versie 9" in err


def test_the_services_build_one_workflow_on_the_apps_store(data_dir: Path) -> None:
    from opdrachtassistent.config import Settings
    from opdrachtassistent.services import build_services

    services = build_services(Settings(data_dir=data_dir))
    flow = services.workflow
    assert services.workflow is flow
    assert flow.store.db_path == data_dir / DEFAULT_DB_NAME
    flow.store.close()
