"""`opdrachtassistent gesprekken`, `gesprek verwijderen` and `opruimen` over a real SQLite
store in a temporary data directory, with an export of the app's layout beside it."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from opdrachtassistent.cli import main
from opdrachtassistent.storage.sessions import SessionStore
from opdrachtassistent.ui.session import DB_NAME

BROWSER = "c" * 32


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> SessionStore:
    return SessionStore(data_dir / DB_NAME)


def export_of(data_dir: Path, session_id: str) -> Path:
    """An export as a running app leaves it: in its run folder, in the conversation's folder."""
    folder = data_dir / "tmp" / "run-1-abcd" / "export-x1" / session_id / "r"
    folder.mkdir(parents=True)
    path = folder / "opdracht.json"
    path.write_text("{}", encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_lists_only_the_conversations_of_the_given_owner(
    data_dir: Path, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = [store.create(owner="user:anna", state_json="{}", title=f"Straat {n}") for n in range(3)]
    store.create(owner="user:bert", state_json="{}", title="Van Bert")
    store.create(owner=BROWSER, state_json="{}", title="Zonder inloggen")

    code, out, err = run(["gesprekken", "--gebruiker", "anna", "--data-dir", str(data_dir)], capsys)
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [r.id for r in reversed(mine)]
    assert "Van Bert" not in out and "3 gesprekken" in err

    code, out, _ = run(
        ["gesprekken", "--eigenaar", BROWSER, "--json", "--data-dir", str(data_dir)], capsys
    )
    assert [row["titel"] for row in json.loads(out)] == ["Zonder inloggen"]

    code, out, _ = run(
        ["gesprekken", "--gebruiker", "anna", "--zoek", "STRAAT 1", "--data-dir", str(data_dir)],
        capsys,
    )
    assert out.count("\n") == 1 and "Straat 1" in out


def test_deletes_a_conversation_and_its_exports_only_for_its_owner(
    data_dir: Path, store: SessionStore, capsys: pytest.CaptureFixture[str]
) -> None:
    record = store.create(owner="user:anna", state_json="{}", title="Dorpsstraat")
    export = export_of(data_dir, record.id)
    base = ["gesprek", "verwijderen", record.id, "--data-dir", str(data_dir)]

    code, _, err = run([*base, "--gebruiker", "bert"], capsys)
    assert code == 2 and "er is niets verwijderd" in err
    assert store.load(record.id, owner="user:anna") is not None and export.exists()

    code, out, _ = run([*base, "--gebruiker", "anna"], capsys)
    assert code == 0 and "verwijderd" in out
    assert store.load(record.id, owner="user:anna") is None
    assert not export.parent.parent.exists()

    code, _, err = run([*base, "--gebruiker", "anna"], capsys)  # once gone, gone
    assert code == 2 and "bestaat niet (meer)" in err


def test_refuses_an_id_that_is_no_conversation_code(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["gesprek", "verwijderen", "../*", "--eigenaar", BROWSER, "--data-dir", str(data_dir)],
        capsys,
    )
    assert code == 2 and "geen code van een gesprek" in err


def test_an_owner_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["gesprekken"])
    assert exited.value.code == 2
    assert "geef een van deze argumenten" in capsys.readouterr().err


def test_opruimen_enforces_the_retention_period_once(
    data_dir: Path,
    store: SessionStore,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = store.create(owner=BROWSER, state_json="{}", title="Oud")
    recent = store.create(owner=BROWSER, state_json="{}", title="Recent")
    export = export_of(data_dir, old.id)
    with sqlite3.connect(data_dir / DB_NAME) as conn:
        conn.execute(
            "UPDATE sessions SET updated_at = ? WHERE id = ?",
            ((datetime.now(UTC) - timedelta(days=100)).isoformat(), old.id),
        )
    monkeypatch.delenv("OPDRACHTASSISTENT_RETENTION_DAYS", raising=False)
    code, out, _ = run(["opruimen", "--data-dir", str(data_dir)], capsys)
    assert code == 0 and "geen bewaartermijn" in out
    assert store.load(old.id, owner=BROWSER) is not None

    monkeypatch.setenv("OPDRACHTASSISTENT_RETENTION_DAYS", "90")
    code, out, _ = run(["opruimen", "--data-dir", str(data_dir)], capsys)
    assert code == 0
    assert out.startswith("1 gesprek(ken) ouder dan 90 dagen verwijderd, met 1 exportmap")
    assert store.load(old.id, owner=BROWSER) is None and not export.exists()
    assert store.load(recent.id, owner=BROWSER) is not None

    code, out, _ = run(["opruimen", "--dagen", "1000", "--data-dir", str(data_dir)], capsys)
    assert code == 0 and out.startswith("0 gesprek(ken) ouder dan 1000 dagen")


@pytest.mark.parametrize(
    "argv", [["gesprekken", "--help"], ["gesprek", "verwijderen", "--help"], ["opruimen", "-h"]]
)
def test_help_is_dutch(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("gebruik: opdrachtassistent")
    assert not [w for w in ("usage:", "options:", "positional arguments") if w in out]
