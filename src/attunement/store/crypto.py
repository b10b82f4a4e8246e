"""Encryption at rest, one field at a time: AES-256-GCM with a fresh 96-bit nonce per
value and the row's identity as associated data, so a ciphertext copied into another row
or column does not decrypt. Every token names its key, so keys can be rotated: new writes
use the active key, old tokens stay readable until re-encrypted. Keys live in a key file
(or come from the caller), never in the database.

Token format: ``v1.<key id>.<base64url(nonce ‖ ciphertext ‖ tag)>``
"""
from __future__ import annotations

import base64
import json
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError, IntegrityError

VERSION = "v1"
KEY_BYTES = 32
NONCE_BYTES = 12


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Keyring:
    """Named 256-bit keys and the one new writes use."""

    keys: dict[str, bytes] = field(default_factory=dict)
    active: str = ""

    def __post_init__(self) -> None:
        for kid, key in self.keys.items():
            if not kid or "." in kid or len(key) != KEY_BYTES:
                raise ConfigError(f"Key {kid!r} must have a name without dots and be {KEY_BYTES} bytes.")
        if self.keys and self.active not in self.keys:
            raise ConfigError(f"The active key {self.active!r} is not in the keyring.")

    @classmethod
    def generate(cls, key_id: str = "k1") -> "Keyring":
        return cls({key_id: secrets.token_bytes(KEY_BYTES)}, key_id)

    def rotated(self, key_id: str | None = None) -> "Keyring":
        """A keyring with one new active key; the old keys stay for reading."""
        kid = key_id or f"k{len(self.keys) + 1}"
        if kid in self.keys:
            raise ConfigError(f"A key named {kid!r} already exists.")
        return Keyring({**self.keys, kid: secrets.token_bytes(KEY_BYTES)}, kid)

    # ---- the key file -----------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the key file readable by its owner only (mode 600), atomically."""
        p = Path(path)
        data = {"schema": "attunement.keys/1", "active": self.active,
                "keys": {k: _b64e(v) for k, v in self.keys.items()}}
        tmp = p.with_name(p.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)

    @classmethod
    def load(cls, path: str | Path) -> "Keyring":
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            ring = cls({k: _b64d(v) for k, v in data["keys"].items()}, data["active"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"Cannot read the key file {p} ({exc}).") from None
        if p.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ConfigError(f"The key file {p} is readable by others; run: chmod 600 {p}")
        return ring


class FieldCipher:
    """Encrypts and decrypts text fields bound to their row (the associated data)."""

    def __init__(self, keyring: Keyring) -> None:
        if not keyring.keys:
            raise ConfigError("The keyring has no keys.")
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.keyring = keyring
        self._aead = {kid: AESGCM(key) for kid, key in keyring.keys.items()}

    def encrypt(self, plaintext: str, context: str) -> str:
        """`context` names the row and column (e.g. "transcripts:42:text")."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        kid = self.keyring.active
        sealed = self._aead[kid].encrypt(nonce, plaintext.encode("utf-8"), context.encode("utf-8"))
        return f"{VERSION}.{kid}.{_b64e(nonce + sealed)}"

    def key_of(self, token: str) -> str:
        parts = token.split(".")
        if len(parts) != 3 or parts[0] != VERSION:
            raise IntegrityError("Not an attunement ciphertext (expected v1.<key>.<data>).")
        return parts[1]

    def decrypt(self, token: str, context: str) -> str:
        from cryptography.exceptions import InvalidTag

        kid = self.key_of(token)
        aead = self._aead.get(kid)
        if aead is None:
            raise IntegrityError(f"The value was encrypted with key {kid!r}, which this keyring does not hold.")
        try:
            raw = _b64d(token.split(".")[2])
        except ValueError:
            raise IntegrityError("The ciphertext is not valid base64.") from None
        if len(raw) < NONCE_BYTES + 16:
            raise IntegrityError("The ciphertext is too short to be genuine.")
        try:
            return aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], context.encode("utf-8")).decode("utf-8")
        except InvalidTag:
            raise IntegrityError("The value does not decrypt: it was changed, or belongs to another row.") from None

    def reencrypt(self, token: str, context: str) -> str:
        """The same value under the active key (a no-op copy when it already is)."""
        if self.key_of(token) == self.keyring.active:
            return token
        return self.encrypt(self.decrypt(token, context), context)
