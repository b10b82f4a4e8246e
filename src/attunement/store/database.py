"""Opening the database: SQLite by default (a file, WAL, foreign keys on, writers wait
for each other instead of failing), PostgreSQL by URL. The schema is always brought to
the newest Alembic revision on open, so a deployment upgrades by restarting."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import BackendError, ConfigError

MIGRATIONS = Path(__file__).with_name("migrations")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def open_engine(url: str) -> Engine:
    """An engine for `url` ("sqlite:///path.db" or "postgresql+psycopg://…")."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(f"The database URL {url!r} is not a URL SQLAlchemy understands.",
                          hint="Examples: sqlite:///attunement.db, postgresql+psycopg://user@host/db") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
    elif parsed.get_backend_name() == "postgresql":
        engine = create_engine(parsed, pool_size=10, max_overflow=20, pool_pre_ping=True)
    else:
        raise ConfigError(f"The database {parsed.get_backend_name()!r} is not supported; use SQLite or PostgreSQL.")
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` (Alembic, batch mode on SQLite)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    except OperationalError as exc:
        raise BackendError(f"Cannot open the database ({exc.orig}).") from None


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
