"""Who a request is: a user name (from a login or a trusted proxy header) or nobody.

A logged-in user's conversations belong to `"user:<name>"`, whatever browser they use; the
browser's own token is then not an identity. Names are compared case-insensitively, so
`Alice` and `alice` are the same person (and the same owner).
"""

from __future__ import annotations

import unicodedata

OWNER_PREFIX = "user:"
MAX_NAME_CHARS = 254  # an e-mail address, the longest name a single sign-on proxy sends


def normalize(name: str) -> str:
    """The one spelling of a name: trimmed, NFC, case-folded."""
    return unicodedata.normalize("NFC", name.strip()).casefold()


def plausible(name: str) -> bool:
    """A name that can be an identity: not empty, not too long, no spaces or control
    characters (a proxy header or a login form can carry anything)."""
    return (
        0 < len(name) <= MAX_NAME_CHARS
        and name.isprintable()
        and not any(ch.isspace() for ch in name)
    )


def user_owner(name: str) -> str:
    """The storage owner of a logged-in user's conversations."""
    return OWNER_PREFIX + normalize(name)
