"""Who may use the app: the users file with argon2id hashes, the identity a trusted proxy
sends in a header, and the check at start that refuses an open app on a network address.

Pure: no Gradio here. The web edge (`ui/`, the server) asks `login_for` once at start and
turns each request into a user name or None; with a name the conversations belong to
`user_owner(name)`.
"""

from opdrachtassistent.auth.exposure import Login, is_loopback, login_for
from opdrachtassistent.auth.header import TrustedHeader
from opdrachtassistent.auth.identity import normalize, user_owner
from opdrachtassistent.auth.users import UsersFile

__all__ = [
    "Login",
    "TrustedHeader",
    "UsersFile",
    "is_loopback",
    "login_for",
    "normalize",
    "user_owner",
]
