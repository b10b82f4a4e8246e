"""An append-only, hash-chained audit log of who read, created, changed, exported or
deleted what. Each entry carries the hash of the one before it, so editing, removing or
reordering any entry breaks the chain at that point, which `verify` reports. Entries
name objects by id and never hold message text. Appends from several processes are
serialised by an exclusive file lock.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import ConfigError, IntegrityError

ACTIONS = ("read", "create", "update", "export", "delete", "login", "login_failed", "logout", "revoke",
           "key_rotate", "reencrypt")
GENESIS = "0" * 64


def _digest(entry: dict[str, Any]) -> str:
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
                          .encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    first_bad: int | None = None  # 1-based line of the first entry that breaks the chain
    reason: str = ""


class AuditLog:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def append(self, actor: str, action: str, obj: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
        if action not in ACTIONS:
            raise ConfigError(f"The 'action' parameter of AuditLog.append must be one of {ACTIONS}. Got {action!r} instead.")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "r+b") as f:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            try:
                prev, seq = self._tail(f)
                entry = {"seq": seq + 1, "at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
                         "actor": actor, "action": action, "object": obj, "detail": detail or {}, "prev": prev}
                entry["hash"] = _digest(entry)
                f.seek(0, os.SEEK_END)
                f.write((json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
                f.flush()
                os.fsync(f.fileno())
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)
        return entry

    @staticmethod
    def _tail(f: Any) -> tuple[str, int]:
        """The last entry's hash and sequence number (reads backwards from the end)."""
        f.seek(0, os.SEEK_END)
        size = f.tell()
        if size == 0:
            return GENESIS, 0
        block = min(size, 65536)
        while True:
            f.seek(size - block)
            lines = f.read(block).rstrip(b"\n").split(b"\n")
            if len(lines) > 1 or block == size:
                last = json.loads(lines[-1])
                return str(last["hash"]), int(last["seq"])
            block = min(size, block * 2)

    def entries(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        return [json.loads(line) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def verify(self) -> Verdict:
        """Walk the chain from the start; report the first entry that does not fit."""
        prev, n = GENESIS, 0
        if not self.path.exists():
            return Verdict(True, 0)
        with open(self.path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    return Verdict(False, n - 1, n, "not valid JSON")
                if entry.get("prev") != prev:
                    return Verdict(False, n - 1, n, "does not follow the entry before it (removed or reordered)")
                if entry.get("seq") != n:
                    return Verdict(False, n - 1, n, f"sequence number {entry.get('seq')} where {n} was due")
                if entry.get("hash") != _digest(entry):
                    return Verdict(False, n - 1, n, "its content was changed after it was written")
                prev = entry["hash"]
        return Verdict(True, n)

    def head(self) -> str:
        """The last entry's hash: keep it somewhere else (a ticket, a second system) to
        detect entries cut from the end, which a chain alone cannot show."""
        if not self.path.exists() or self.path.stat().st_size == 0:
            return GENESIS
        with open(self.path, "rb") as f:
            return self._tail(f)[0]

    def require_intact(self) -> None:
        v = self.verify()
        if not v.ok:
            raise IntegrityError(f"The audit log {self.path} is broken at entry {v.first_bad}: {v.reason}.")
