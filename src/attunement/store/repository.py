"""The store: one object that owns the database, the field cipher, the redactor and the
audit log, so that no code path can write a person's words without redacting and
encrypting them, or read them without an audit entry."""
from __future__ import annotations

import json
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ..errors import NotFoundError, PermissionDeniedError
from .accounts import Accounts, Principal, Throttle, Timeouts
from .audit import AuditLog
from .crypto import FieldCipher, Keyring
from .database import migrate, open_engine, session_factory
from .redact import Redactor
from .tables import Cohort, CohortMember

T = TypeVar("T")


def default_home() -> Path:
    """Where a local installation keeps its database, key file and audit log."""
    return Path(os.environ.get("ATTUNE_HOME") or Path.home() / ".attunement")


@dataclass(frozen=True)
class StoreConfig:
    """Everything a deployment chooses about storage; `home` fills in what is not given."""

    url: str | None = None
    key_file: str | None = None
    audit_log: str | None = None
    redact: bool = True
    home: str | None = None

    def resolved(self) -> "StoreConfig":
        home = Path(self.home) if self.home else default_home()
        return StoreConfig(url=self.url or os.environ.get("ATTUNE_DATABASE_URL") or f"sqlite:///{home / 'attunement.db'}",
                           key_file=self.key_file or os.environ.get("ATTUNE_KEY_FILE") or str(home / "keys.json"),
                           audit_log=self.audit_log or os.environ.get("ATTUNE_AUDIT_LOG") or str(home / "audit.log"),
                           redact=self.redact and os.environ.get("ATTUNE_REDACT", "1") != "0", home=str(home))


def load_or_create_keyring(path: str | Path) -> Keyring:
    p = Path(path)
    if p.exists():
        return Keyring.load(p)
    p.parent.mkdir(parents=True, exist_ok=True)
    ring = Keyring.generate()
    ring.save(p)
    return ring


class Store:
    def __init__(self, config: StoreConfig | None = None, *, engine: Engine | None = None,
                 keyring: Keyring | None = None, timeouts: Timeouts | None = None,
                 throttle: Throttle | None = None, argon2: dict[str, int] | None = None) -> None:
        self.config = (config or StoreConfig()).resolved()
        self.engine = engine or open_engine(self.config.url or "")
        migrate(self.engine)
        self._sessions = session_factory(self.engine)
        self._write_lock = threading.Lock()
        self.cipher = FieldCipher(keyring or load_or_create_keyring(self.config.key_file or ""))
        self.audit_log = AuditLog(self.config.audit_log or "")
        self.redactor = Redactor(self.config.redact)
        self.accounts = Accounts(self, timeouts, throttle, argon2)
        from .records import Records

        self.records = Records(self)

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """SQLite: this process's writers of ordered rows take turns (other processes are
        caught by the unique index and retry). PostgreSQL locks rows itself."""
        if self.engine.dialect.name == "sqlite":
            with self._write_lock:
                yield
        else:
            yield

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()

    # ---- what every write and read goes through -------------------------------------
    def audit(self, actor: str, action: str, obj: str, detail: dict[str, Any] | None = None) -> None:
        self.audit_log.append(actor, action, obj, detail or {})

    def seal(self, table: str, row_id: str, column: str, text: str) -> str:
        return self.cipher.encrypt(text, f"{table}:{row_id}:{column}")

    def open(self, table: str, row_id: str, column: str, token: str) -> str:
        return self.cipher.decrypt(token, f"{table}:{row_id}:{column}")

    def seal_json(self, table: str, row_id: str, column: str, value: Any) -> str:
        return self.seal(table, row_id, column, json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def open_json(self, table: str, row_id: str, column: str, token: str) -> Any:
        return json.loads(self.open(table, row_id, column, token))

    @staticmethod
    def require(s: Session, model: type[T], key: str, message: str, **options: Any) -> T:
        """The row with this primary key, or NotFoundError(message)."""
        row = s.get(model, key, **options)
        if row is None:
            raise NotFoundError(message)
        return row

    @classmethod
    def require_cohort(cls, s: Session, cohort_id: str) -> Cohort:
        return cls.require(s, Cohort, cohort_id, "No such cohort.")

    # ---- who may see whose work -----------------------------------------------------
    def supervises(self, s: Session, supervisor_id: str, user_id: str) -> bool:
        member = s.get(CohortMember, user_id)
        if member is None:
            return False
        cohort = s.get(Cohort, member.cohort_id)
        return cohort is not None and cohort.supervisor_id == supervisor_id

    def check_owner(self, s: Session, p: Principal, owner_id: str, *, write: bool = False,
                    delete: bool = False) -> None:
        """Reading: the owner, their cohort's supervisor, an admin. Writing (a reply in a
        practice session): the owner only. Deleting: the owner or an admin."""
        if p.user_id == owner_id:
            return
        if p.role == "admin" and (delete or not write):
            return
        if not write and not delete and p.role == "supervisor" and self.supervises(s, p.user_id, owner_id):
            return
        raise PermissionDeniedError("This belongs to someone else, and your role does not give access to it.")

    def supervised_ids(self, s: Session, supervisor_id: str) -> list[str]:
        cohorts = select(Cohort.id).where(Cohort.supervisor_id == supervisor_id)
        return list(s.scalars(select(CohortMember.user_id).where(CohortMember.cohort_id.in_(cohorts))))

    def reencrypt_all(self, batch: int = 500) -> int:
        """Every encrypted value under the active key (run after a key rotation)."""
        from .tables import ENCRYPTED_COLUMNS

        changed = 0
        for table, columns in ENCRYPTED_COLUMNS.items():
            name = table.__tablename__
            with self.session() as s:
                for row in s.scalars(select(table)).yield_per(batch):
                    for col in columns:
                        token = getattr(row, col)
                        if token is not None and self.cipher.key_of(token) != self.cipher.keyring.active:
                            setattr(row, col, self.cipher.reencrypt(token, f"{name}:{row.id}:{col[:-4]}"))
                            changed += 1
                s.commit()
        self.audit("system", "reencrypt", "database", {"values": changed, "key": self.cipher.keyring.active})
        return changed
