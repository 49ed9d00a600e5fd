"""`opdrachtassistent gebruiker toevoegen|verwijderen` and `gebruikers`: the users file from
the command line, with the password from a prompt (twice) or from stdin for scripts."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from opdrachtassistent.auth.users import UsersFile
from opdrachtassistent.cli import main

PASSWORD = "correct paard batterij"
REPO = Path(__file__).resolve().parents[1]


def test_add_from_stdin_in_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "OPDRACHTASSISTENT_DATA_DIR": str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "opdrachtassistent", "gebruiker", "toevoegen", "Alice",
         "--wachtwoord-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "Gebruiker 'alice' is toegevoegd" in run.stdout
    assert PASSWORD not in run.stdout + run.stderr
    assert UsersFile(tmp_path / "users.json").verify("alice", PASSWORD)


def test_prompt_asks_twice_and_refuses_a_mismatch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["gebruiker", "toevoegen", "bob", "--data-dir", str(tmp_path)]) == 2
    assert "niet gelijk" in capsys.readouterr().err
    assert not (tmp_path / "users.json").exists()

    answers = iter([PASSWORD, PASSWORD])
    assert main(["gebruiker", "toevoegen", "bob", "--data-dir", str(tmp_path)]) == 0
    assert UsersFile(tmp_path / "users.json").verify("bob", PASSWORD)


def test_list_remove_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--data-dir", str(tmp_path)]
    assert main(["gebruikers", *where]) == 0
    assert "nog geen gebruikers" in capsys.readouterr().err

    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["gebruiker", "toevoegen", "carla", "--wachtwoord-stdin", *where]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("kort\n"))
    assert main(["gebruiker", "toevoegen", "dirk", "--wachtwoord-stdin", *where]) == 2
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["gebruiker", "toevoegen", "Carla", "--wachtwoord-stdin", *where]) == 2
    capsys.readouterr()

    assert main(["gebruikers", *where]) == 0
    assert capsys.readouterr().out == "carla\n"

    assert main(["gebruiker", "verwijderen", "niemand", *where]) == 2
    assert "geen gebruiker 'niemand'" in capsys.readouterr().err
    assert main(["gebruiker", "verwijderen", "carla", *where]) == 0
    assert main(["gebruikers", *where]) == 0
    assert capsys.readouterr().out.count("carla") == 1  # only in the removal line


def test_damaged_users_file_is_exit_1_with_dutch_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "users.json").write_text("geen json", encoding="utf-8")
    assert main(["gebruikers", "--data-dir", str(tmp_path)]) == 1
    assert "beschadigd" in capsys.readouterr().err
