"""Optional login for shared deployments: users with PBKDF2-hashed passwords, from a file or env.

Each line is `name:pbkdf2_sha256$iterations$salt$hash`. Make one with
`python -m medchat.ui.auth NAME` (it asks for the password). The login name becomes the owner of
every session the user creates, so users only ever see their own sessions.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from pathlib import Path

from medchat.config import Settings
from medchat.errors import ConfigError

SCHEME = "pbkdf2_sha256"
ITERATIONS = 600_000  # OWASP 2023 guidance for PBKDF2-HMAC-SHA256
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")  # owners are part of Redis keys


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"{SCHEME}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str) -> bool:
    try:
        scheme, iterations, salt, digest = encoded.split("$")
        if scheme != SCHEME:
            return False
        got = hashlib.pbkdf2_hmac("sha256", password.encode(), _unb64(salt), int(iterations))
        return hmac.compare_digest(got, _unb64(digest))
    except ValueError:
        return False


def parse_users(text: str, source: str) -> dict[str, str]:
    """`name:hash` entries, one per line or comma-separated; '#' starts a comment line."""
    users: dict[str, str] = {}
    entries = [e.strip() for line in text.splitlines() for e in line.split(",")]
    for number, entry in enumerate(entries, 1):
        if not entry or entry.startswith("#"):
            continue
        name, sep, encoded = entry.partition(":")
        if not sep or not _NAME.match(name) or not encoded.startswith(SCHEME + "$"):
            raise ConfigError(
                f"{source}: entry {number} is not `name:{SCHEME}$...` (names use letters, "
                "digits, _ . @ -). Make one with `python -m medchat.ui.auth NAME`."
            )
        users[name] = encoded
    return users


def load_users(settings: Settings) -> dict[str, str]:
    """Users from MEDCHAT_USERS_FILE and MEDCHAT_USERS; empty means login is off."""
    users: dict[str, str] = {}
    if settings.users_file is not None:
        path = Path(settings.users_file).expanduser()
        try:
            users |= parse_users(path.read_text(encoding="utf-8"), str(path))
        except OSError as exc:
            raise ConfigError(f"Cannot read MEDCHAT_USERS_FILE {path}: {exc.strerror}") from None
    if settings.users is not None:
        users |= parse_users(settings.users.get_secret_value(), "MEDCHAT_USERS")
    return users


class Authenticator:
    """Gradio's `auth=` callable. Unknown names cost the same time as wrong passwords."""

    def __init__(self, users: dict[str, str]):
        self.users = users
        self._dummy = hash_password(secrets.token_hex(8), iterations=_iterations(users))

    def __call__(self, username: str, password: str) -> bool:
        encoded = self.users.get(username)
        ok = verify_password(password, encoded or self._dummy)
        return ok and encoded is not None


def _iterations(users: dict[str, str]) -> int:
    for encoded in users.values():
        try:
            return int(encoded.split("$")[1])
        except (IndexError, ValueError):
            continue
    return ITERATIONS


if __name__ == "__main__":
    import getpass
    import sys

    if len(sys.argv) != 2 or not _NAME.match(sys.argv[1]):
        sys.exit("usage: python -m medchat.ui.auth NAME   (prints a MEDCHAT_USERS_FILE line)")
    print(f"{sys.argv[1]}:{hash_password(getpass.getpass('Password: '))}")
