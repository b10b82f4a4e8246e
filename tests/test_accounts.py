"""Accounts, sessions, CSRF, API keys, throttling and rate limits — over real HTTP semantics
(FastAPI's TestClient), on SQLite and on PostgreSQL."""
from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text, update

from attunement.api.app import create_app
from attunement.api.security import ServiceConfig
from attunement.errors import AuthenticationError, ConflictError, InputError, RateLimitedError
from attunement.store.tables import ApiKey, User, WebSession, utcnow

PW = "correct horse battery staple"


@pytest.fixture
def client(store, pipeline):  # type: ignore[no-untyped-def]
    return TestClient(create_app(pipeline, store=store, config=ServiceConfig(rate_per_minute=10_000)))


def signup(c: TestClient, email: str = "ann@example.org") -> dict:
    r = c.post("/api/v1/auth/signup", json={"email": email, "password": PW, "name": "Ann"})
    assert r.status_code == 201, r.text
    return r.json()


def test_passwords_are_argon2_and_never_stored_in_clear(store) -> None:  # type: ignore[no-untyped-def]
    store.accounts.create_user("Bo@Example.org", PW)
    with store.session() as s:
        u = s.scalar(select(User))
    assert u.email == "bo@example.org" and u.password_hash.startswith("$argon2id$") and PW not in u.password_hash
    assert store.accounts.authenticate("bo@example.org", PW).id == u.id
    with pytest.raises(AuthenticationError):
        store.accounts.authenticate("bo@example.org", PW + "x")
    with pytest.raises(ConflictError):
        store.accounts.create_user("bo@example.org", PW)
    with pytest.raises(InputError, match="10 to 1,024"):
        store.accounts.create_user("cy@example.org", "short")


def test_unknown_email_still_checks_a_hash(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No early return for unknown accounts: the same Argon2 work is done (no timing oracle)."""
    calls = []
    real = store.accounts.hasher

    class Counting:
        def verify(self, h: str, p: str) -> bool:
            calls.append(h)
            return real.verify(h, p)

    monkeypatch.setattr(store.accounts, "hasher", Counting())
    with pytest.raises(AuthenticationError):
        store.accounts.authenticate("nobody@example.org", PW)
    assert calls == [store.accounts._dummy]


def test_login_throttling_per_email_even_with_the_right_password(store) -> None:  # type: ignore[no-untyped-def]
    store.accounts.create_user("dee@example.org", PW)
    for _ in range(store.accounts.throttle.failures):
        with pytest.raises(AuthenticationError):
            store.accounts.authenticate("dee@example.org", "wrong password!", ip="10.0.0.1")
    with pytest.raises(RateLimitedError):
        store.accounts.authenticate("dee@example.org", PW, ip="10.0.0.2")
    # another account from the same address is not locked by these five
    store.accounts.create_user("eve@example.org", PW)
    assert store.accounts.authenticate("eve@example.org", PW, ip="10.0.0.1")


def test_signup_login_cookie_flags_and_rotation(client) -> None:  # type: ignore[no-untyped-def]
    signup(client)
    first = client.cookies.get("attune_session")
    r = client.post("/api/v1/auth/login", json={"email": "ann@example.org", "password": PW})
    assert r.status_code == 200
    cookie_header = ";".join(r.headers.get_list("set-cookie"))
    assert "HttpOnly" in cookie_header and "SameSite=lax" in cookie_header.replace("Lax", "lax")
    second = client.cookies.get("attune_session")
    assert second and second != first
    stale = TestClient(client.app, cookies={"attune_session": first})
    assert stale.get("/api/v1/auth/me").status_code == 401  # the old session ended at login


def test_idle_and_absolute_timeouts(client, store) -> None:  # type: ignore[no-untyped-def]
    signup(client)
    assert client.get("/api/v1/auth/me").status_code == 200
    with store.session() as s:
        s.execute(update(WebSession).values(last_seen=utcnow() - timedelta(minutes=31)))
        s.commit()
    assert client.get("/api/v1/auth/me").status_code == 401
    client.post("/api/v1/auth/login", json={"email": "ann@example.org", "password": PW})
    with store.session() as s:
        s.execute(update(WebSession).values(created_at=utcnow() - timedelta(hours=13)))
        s.commit()
    assert client.get("/api/v1/auth/me").status_code == 401


def test_csrf_and_origin_for_cookie_requests(client) -> None:  # type: ignore[no-untyped-def]
    me = signup(client)
    body = {"seeker_post": "I can't sleep since the layoff.", "response": "That sounds exhausting."}
    assert client.post("/api/v1/score", json=body).json()["error"]["code"] == "E419"
    assert client.post("/api/v1/score", json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    ok = {"X-CSRF-Token": me["csrf_token"]}
    assert client.post("/api/v1/score", json=body, headers=ok).status_code == 200
    evil = {**ok, "Origin": "https://evil.example"}
    assert client.post("/api/v1/score", json=body, headers=evil).json()["error"]["code"] == "E419"
    assert client.get("/api/v1/sessions").status_code == 200  # reads need no token


def test_api_keys_shown_once_hashed_scoped_revocable(client, store) -> None:  # type: ignore[no-untyped-def]
    me = signup(client)
    h = {"X-CSRF-Token": me["csrf_token"]}
    r = client.post("/api/v1/keys", json={"name": "harness", "scopes": ["analyse"]}, headers=h)
    assert r.status_code == 201
    key = r.json()["key"]
    assert key.startswith("atk_")
    with store.session() as s:
        row = s.scalar(select(ApiKey))
        raw = [tuple(x) for x in s.execute(text("SELECT * FROM api_keys")).all()]
    assert key not in repr(raw) and row.key_hash != key
    listed = client.get("/api/v1/keys").json()
    assert "key" not in listed[0] and listed[0]["prefix"] == key[:12]
    machine = TestClient(client.app)
    auth = {"Authorization": f"Bearer {key}"}
    body = {"seeker_post": "I failed my exam.", "response": "That must hurt. What happened?"}
    assert machine.post("/api/v1/score", json=body, headers=auth).status_code == 200  # no CSRF for keys
    assert machine.post("/api/v1/sessions", json={"scenario_id": "grief-widower-leeds"}, headers=auth).status_code == 403
    assert machine.post("/api/v1/keys", json={"name": "x", "scopes": ["analyse"]}, headers=auth).status_code == 403
    assert client.delete(f"/api/v1/keys/{row.id}", headers=h).status_code == 204
    assert machine.post("/api/v1/score", json=body, headers=auth).status_code == 401
    assert machine.get("/api/v1/auth/me", headers={"Authorization": "Bearer atk_made_up"}).status_code == 401
    # a trainee cannot mint an admin-scoped key
    assert client.post("/api/v1/keys", json={"name": "x", "scopes": ["admin"]}, headers=h).status_code == 422


def test_rate_limit_answers_429_with_retry_after(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(create_app(pipeline, store=store, config=ServiceConfig(rate_per_minute=5)))
    signup(c)
    codes = [c.get("/api/v1/auth/me").status_code for _ in range(7)]
    assert codes[:4] == [200] * 4 and codes[-1] == 429
    r = c.get("/api/v1/auth/me")
    assert r.json()["error"]["code"] == "E429" and int(r.headers["Retry-After"]) >= 1


def test_signup_can_be_closed(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(create_app(pipeline, store=store, config=ServiceConfig(allow_signup=False)))
    r = c.post("/api/v1/auth/signup", json={"email": "x@example.org", "password": PW})
    assert r.status_code == 403


def test_password_change_signs_out_everywhere(client) -> None:  # type: ignore[no-untyped-def]
    me = signup(client)
    h = {"X-CSRF-Token": me["csrf_token"]}
    assert client.post("/api/v1/auth/password", json={"current": "nope", "new": PW + "!"}, headers=h).status_code == 401
    assert client.post("/api/v1/auth/password", json={"current": PW, "new": PW + "!"}, headers=h).status_code == 204
    assert client.get("/api/v1/auth/me").status_code == 401
    assert client.post("/api/v1/auth/login", json={"email": "ann@example.org", "password": PW + "!"}).status_code == 200
