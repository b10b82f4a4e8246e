"""Alembic environment: uses the connection attunement hands it (see store/database.py),
or `sqlalchemy.url` when run by the `alembic` command itself."""
from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool

from attunement.store.tables import Base

config = context.config
target = Base.metadata


def run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run(connection)
else:
    engine = engine_from_config(config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.",
                                poolclass=pool.NullPool)
    with engine.connect() as conn:
        run(conn)
