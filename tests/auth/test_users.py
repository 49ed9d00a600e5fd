"""The users file: argon2id hashes, mode 0600, whole-file writes, Dutch refusals, and a
damaged file that is reported instead of overwritten."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from opdrachtassistent.auth.users import UsersFile
from opdrachtassistent.errors import AuthError, InputError

PASSWORD = "correct paard batterij"


@pytest.fixture
def users(tmp_path: Path) -> UsersFile:
    return UsersFile(tmp_path / "sub" / "users.json")


def test_added_user_logs_in_with_the_password_only(users: UsersFile) -> None:
    assert users.add("Alice", PASSWORD) == "alice"
    assert users.verify("alice", PASSWORD)
    assert users.verify(" ALICE ", PASSWORD)  # the same person, whatever the case
    assert not users.verify("alice", PASSWORD + "!")
    assert not users.verify("bob", PASSWORD)
    assert not users.verify("", PASSWORD)
    assert users.names() == ["alice"]


def test_file_holds_an_argon2id_hash_readable_by_the_owner_only(users: UsersFile) -> None:
    users.add("alice", PASSWORD)
    mode = stat.S_IMODE(users.path.stat().st_mode)
    assert mode == 0o600
    text = users.path.read_text(encoding="utf-8")
    assert PASSWORD not in text
    stored = json.loads(text)["users"]["alice"]["hash"]
    assert stored.startswith("$argon2id$")
    assert [p.name for p in users.path.parent.iterdir()] == ["users.json"]  # no temp left


def test_a_loose_mode_is_tightened_on_the_next_write(users: UsersFile) -> None:
    users.add("alice", PASSWORD)
    users.path.chmod(0o644)
    users.add("bob", PASSWORD)
    assert stat.S_IMODE(users.path.stat().st_mode) == 0o600
    assert users.names() == ["alice", "bob"]


def test_existing_user_needs_replace_for_a_new_password(users: UsersFile) -> None:
    users.add("alice", PASSWORD)
    with pytest.raises(InputError, match="bestaat al"):
        users.add("alice", "een ander wachtwoord")
    users.add("alice", "een ander wachtwoord", replace=True)
    assert users.verify("alice", "een ander wachtwoord")
    assert not users.verify("alice", PASSWORD)


def test_remove(users: UsersFile) -> None:
    users.add("alice", PASSWORD)
    assert not users.remove("bob")
    assert users.remove("ALICE")
    assert users.names() == []
    assert not users.has_users()
    assert not users.verify("alice", PASSWORD)


@pytest.mark.parametrize("name", ["", "a b", "-alice", "x" * 65, "jan/../piet", "émile"])
def test_bad_names_are_refused_in_dutch(users: UsersFile, name: str) -> None:
    with pytest.raises(InputError, match="kan geen gebruikersnaam zijn"):
        users.add(name, PASSWORD)
    assert not users.path.exists()


def test_short_and_absurd_passwords_are_refused(users: UsersFile) -> None:
    with pytest.raises(InputError, match="te kort"):
        users.add("alice", "kort")
    with pytest.raises(InputError, match="te lang"):
        users.add("alice", "x" * 2000)
    assert not users.verify("alice", "x" * 2000)


def test_damaged_file_is_reported_and_kept(users: UsersFile) -> None:
    users.path.parent.mkdir(parents=True)
    users.path.write_text('{"users": ', encoding="utf-8")
    with pytest.raises(AuthError, match="beschadigd"):
        users.names()
    with pytest.raises(AuthError, match="beschadigd"):
        users.add("alice", PASSWORD)
    assert users.path.read_text(encoding="utf-8") == '{"users": '  # nothing overwritten
    assert not users.verify("alice", PASSWORD)  # a login is refused, not an error


def test_unwritable_place_is_a_dutch_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(AuthError, match=r"gelezen \(een deel van het pad is geen map"):
        UsersFile(tmp_path / "a-file" / "users.json").add("alice", PASSWORD)


def test_weaker_hash_is_upgraded_at_login(users: UsersFile) -> None:
    users.add("alice", PASSWORD)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    data = json.loads(users.path.read_text(encoding="utf-8"))
    data["users"]["alice"]["hash"] = weak
    users.path.write_text(json.dumps(data), encoding="utf-8")
    assert users.verify("alice", PASSWORD)
    upgraded = json.loads(users.path.read_text(encoding="utf-8"))["users"]["alice"]["hash"]
    assert upgraded != weak and not PasswordHasher().check_needs_rehash(upgraded)
