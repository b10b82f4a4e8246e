"""The database layer on SQLite and PostgreSQL: migrations match the models, text is
redacted and encrypted at rest, concurrent writers lose nothing, keys rotate, one
person's data is exported and hard-deleted with the audit entry kept."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from attunement.errors import IntegrityError, PermissionDeniedError
from attunement.store.accounts import Principal
from attunement.store.audit import AuditLog
from attunement.store.crypto import Keyring
from attunement.store.repository import Store, StoreConfig
from attunement.store.tables import PracticeSession, PracticeTurn, Review, User

PW = "correct horse battery staple"
SECRET = "My name is Priya Raman, call me on 07700 900123 or priya.raman@example.co.uk"


def trainee(store: Store, email: str = "t@example.org") -> Principal:
    u = store.accounts.create_user(email, PW, name="T")
    return Principal(u.id, "trainee", None, "session", ("practice", "read", "reviews", "analyse"))


def test_migrations_match_the_models(store) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from attunement.store.tables import Base

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert diff == [] and version == "0001"


def test_text_is_redacted_then_encrypted_at_rest(store) -> None:  # type: ignore[no-untyped-def]
    p = trainee(store)
    row = store.records.start_practice(p, "grief-widower-leeds", "opening")
    store.records.add_turn(p, row.id, "trainee", "helper", SECRET, analysis={"quote": "kept"}, metrics={"empathy": 2})
    with store.session() as s:
        raw = repr(s.execute(text("SELECT * FROM practice_turns")).all())
        turn = s.scalar(select(PracticeTurn))
    for piece in ("Priya", "Raman", "07700", "example.co.uk", "kept"):
        assert piece not in raw
    assert turn.text_enc.startswith("v1.")
    back = store.records.practice(p, row.id)["turns"][0]
    assert back["text"] == "My name is [NAME], call me on [PHONE] or [EMAIL]"
    assert back["analysis"] == {"quote": "kept"} and back["metrics"] == {"empathy": 2}


def test_a_ciphertext_moved_to_another_row_does_not_decrypt(store) -> None:  # type: ignore[no-untyped-def]
    p = trainee(store)
    a = store.records.save_review(p, "a", "Client: one", {"x": 1}, {})
    b = store.records.save_review(p, "b", "Client: two", {"x": 2}, {})
    with store.session() as s:
        ra, rb = s.get(Review, a), s.get(Review, b)
        rb.transcript_enc = ra.transcript_enc
        s.commit()
    with pytest.raises(IntegrityError):
        store.records.review(p, b)
    assert store.records.review(p, a)["transcript"] == "Client: one"


def test_concurrent_writers_to_one_session_lose_nothing(store) -> None:  # type: ignore[no-untyped-def]
    p = trainee(store)
    row = store.records.start_practice(p, "grief-widower-leeds", "opening")
    errors: list[BaseException] = []

    def write(k: int) -> None:
        try:
            for j in range(10):
                store.records.add_turn(p, row.id, "trainee", "helper", f"reply {k}-{j}")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    turns = store.records.practice(p, row.id)["turns"]
    assert [t["index"] for t in turns] == list(range(1, 81))
    assert sorted(t["text"] for t in turns) == sorted(f"reply {k}-{j}" for k in range(8) for j in range(10))


WRITER = """
import sys
from attunement.store.repository import Store, StoreConfig
from attunement.store.accounts import Principal
store = Store(StoreConfig(url=sys.argv[1], home=sys.argv[2]))
p = Principal(sys.argv[3], "trainee", None, "session", ("practice",))
for j in range(15):
    store.records.add_turn(p, sys.argv[4], "trainee", "helper", f"p{sys.argv[5]}-{j}")
"""


def test_concurrent_processes_lose_nothing(store, db_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = trainee(store)
    row = store.records.start_practice(p, "grief-widower-leeds", "opening")
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, db_url, str(tmp_path / "home"), p.user_id, row.id, str(k)])
             for k in range(4)]
    assert all(pr.wait(timeout=120) == 0 for pr in procs)
    texts = sorted(t["text"] for t in store.records.practice(p, row.id)["turns"])
    assert texts == sorted(f"p{k}-{j}" for k in range(4) for j in range(15))


def test_export_and_hard_delete_keep_the_audit_entry(store, db_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = trainee(store, "gone@example.org")
    other = trainee(store, "stays@example.org")
    row = store.records.start_practice(p, "grief-widower-leeds", "opening")
    store.records.add_turn(p, row.id, "trainee", "helper", "That sounds so lonely.")
    store.records.save_review(p, "session 1", "Client: hi", {"r": 1}, {"mean_empathy": 2.0})
    store.records.save_review(other, "theirs", "Client: hello", {"r": 2}, {})
    store.accounts.create_api_key(p.user_id, "k", ["analyse"])
    with pytest.raises(PermissionDeniedError):
        store.records.export_user(other, p.user_id)
    home = str(tmp_path / "home")
    cli = [sys.executable, "-m", "attunement", "users"]
    out = tmp_path / "export.json"
    done = subprocess.run(cli + ["export", "gone@example.org", "-o", str(out), "--data-dir", home,
                                 "--database-url", db_url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text())
    assert data["user"]["email"] == "gone@example.org"
    assert data["practice_sessions"][0]["turns"][0]["text"] == "That sounds so lonely."
    assert data["reviews"][0]["transcript"] == "Client: hi" and len(data["api_keys"]) == 1
    done = subprocess.run(cli + ["delete", "gone@example.org", "--yes", "--data-dir", home, "--database-url", db_url],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with store.session() as s:
        assert s.get(User, p.user_id) is None
        assert s.scalar(select(func.count()).select_from(PracticeSession)) == 0
        assert s.scalar(select(func.count()).select_from(PracticeTurn)) == 0
        assert s.scalar(select(func.count()).select_from(Review)) == 1  # the other person's stays
    log = AuditLog(Path(home) / "audit.log")
    assert log.verify().ok
    entries = log.entries()
    assert any(e["action"] == "export" and e["object"] == f"user:{p.user_id}" for e in entries)
    deleted = [e for e in entries if e["action"] == "delete" and e["object"] == f"user:{p.user_id}"]
    assert deleted and "gone@example.org" not in json.dumps(entries)


def test_key_rotation_then_reencrypt(store, db_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = trainee(store)
    rid = store.records.save_review(p, "before rotation", "Client: hi", {"r": 1}, {})
    key_file = Path(store.config.key_file)
    ring = Keyring.load(key_file).rotated()
    ring.save(key_file)
    rotated = Store(StoreConfig(url=db_url, home=str(tmp_path / "home")))
    assert rotated.records.review(p, rid)["title"] == "before rotation"  # old key still reads
    assert rotated.reencrypt_all() == 3
    with rotated.session() as s:
        row = s.get(Review, rid)
    assert all(t.split(".")[1] == ring.active for t in (row.title_enc, row.transcript_enc, row.report_enc))
    assert rotated.reencrypt_all() == 0
    # the old key can now go: everything reads under the new one alone
    only_new = Keyring({ring.active: ring.keys[ring.active]}, ring.active)
    fresh = Store(StoreConfig(url=db_url, home=str(tmp_path / "home")), keyring=only_new)
    assert fresh.records.review(p, rid)["report"] == {"r": 1}


def test_every_read_and_write_is_audited(store) -> None:  # type: ignore[no-untyped-def]
    p = trainee(store)
    rid = store.records.save_review(p, "t", "Client: hi", {}, {})
    store.records.review(p, rid)
    store.records.delete_review(p, rid)
    actions = [(e["action"], e["object"]) for e in store.audit_log.entries()]
    assert ("create", f"review:{rid}") in actions and ("read", f"review:{rid}") in actions
    assert ("delete", f"review:{rid}") in actions and store.audit_log.verify().ok
