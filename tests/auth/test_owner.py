"""A logged-in user owns their conversations whatever token the browser sends; without a
login a `user:` owner cannot be claimed by sending it as a token."""

from __future__ import annotations

from opdrachtassistent.auth.identity import user_owner
from opdrachtassistent.ui.session import owner_for, valid_owner


def test_logged_in_user_is_the_owner_whatever_the_token() -> None:
    assert owner_for("a" * 32, user="Alice") == "user:alice"
    assert owner_for("", {"owner": "b" * 32}, user="alice") == user_owner("ALICE")


def test_without_login_a_user_owner_cannot_be_claimed() -> None:
    claimed = owner_for("user:alice", {"owner": "user:alice"})
    assert claimed != "user:alice" and valid_owner(claimed)
    assert owner_for("a" * 32) == "a" * 32
