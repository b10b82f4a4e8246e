from __future__ import annotations

import pytest

from attunement import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline().warm()


# ---- databases: every store test runs on SQLite, and on PostgreSQL when a server is given --
import os  # noqa: E402
import secrets  # noqa: E402

PG_URL = os.environ.get("ATTUNE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
if os.environ.get("ATTUNE_REQUIRE_POSTGRES") == "1" and not PG_URL:
    raise RuntimeError("ATTUNE_REQUIRE_POSTGRES=1 but ATTUNE_TEST_POSTGRES_URL is not set (see .ci/start-postgres)")


def _fresh_pg_database() -> tuple[str, object]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = "attune_t_" + secrets.token_hex(6)
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'attune.db'}"
        return
    url, drop = _fresh_pg_database()
    yield url
    drop()


@pytest.fixture
def store(db_url: str, tmp_path):  # type: ignore[no-untyped-def]
    from attunement.store.repository import Store, StoreConfig

    s = Store(StoreConfig(url=db_url, home=str(tmp_path / "home")))
    yield s
    s.close()
