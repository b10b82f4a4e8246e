"""The REST service: every endpoint, its limits and error shapes, the OpenAPI snapshot,
and schemathesis driving every operation from the published schema."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from attunement.api.app import create_app
from attunement.api.security import ServiceConfig

from conftest import BACKENDS, _fresh_pg_database

ROOT = Path(__file__).resolve().parents[1]
POST = "I lost my job last week and I feel useless."
REPLY = "You should update your CV and start applying."
TRANSCRIPT = ("Counsellor: What brings you in today?\nClient: My drinking has got out of hand and my wife is scared.\n"
              "Counsellor: Her fear has got you thinking about it.\nClient: Yeah. I don't want to lose her.\n")


@pytest.fixture(scope="module", params=BACKENDS)
def app(request, pipeline, tmp_path_factory):  # type: ignore[no-untyped-def]
    from attunement.store.repository import Store, StoreConfig

    home = tmp_path_factory.mktemp("home")
    drop = None
    url = f"sqlite:///{home / 'attune.db'}"
    if request.param == "postgresql":
        url, drop = _fresh_pg_database()
    store = Store(StoreConfig(url=url, home=str(home)))
    application = create_app(pipeline, store=store,
                             config=ServiceConfig(rate_per_minute=100_000, anonymous_per_minute=100_000))
    user = store.accounts.create_user("admin@example.org", "correct horse battery staple", role="admin")
    key, _ = store.accounts.create_api_key(user.id, "tests", ["analyse", "practice", "reviews", "read", "admin"])
    application.state.test_auth = {"Authorization": f"Bearer {key}"}
    yield application
    store.close()
    if drop:
        drop()


@pytest.fixture(scope="module")
def client(app):  # type: ignore[no-untyped-def]
    return TestClient(app, raise_server_exceptions=False, headers=app.state.test_auth)


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/api/v1/health").json()["status"] == "ok"
    r = client.get("/api/v1/ready")
    assert r.status_code == 200 and r.json()["versions"]["empathy_model"]


def test_score_and_batch(client: TestClient) -> None:
    r = client.post("/api/v1/score", json={"seeker_post": POST, "response": REPLY, "id": "a"})
    assert r.status_code == 200 and r.json()["id"] == "a" and 0 <= r.json()["empathy"]["total"] <= 6
    r = client.post("/api/v1/score/batch", json={"items": [{"seeker_post": POST, "response": REPLY}] * 3})
    assert r.status_code == 200 and len(r.json()["results"]) == 3


def test_coach_live_and_safety(client: TestClient) -> None:
    r = client.post("/api/v1/coach", json={"seeker_post": POST, "response": REPLY, "live": True})
    assert r.status_code == 200 and r.json()["rewrites"] and not r.json()["rewrites"][0]["exact"]
    r = client.post("/api/v1/coach", json={"seeker_post": "I just want to go to sleep and never wake up. I can't do "
                                           "this anymore.", "response": "Cheer up!"})
    body = r.json()
    assert r.status_code == 200 and body["safety"] and body["feedback"][0]["kind"] == "safety_protocol"


def test_risk_and_code(client: TestClient) -> None:
    r = client.post("/api/v1/risk", json={"text": "I have the pills counted out for tonight."})
    assert r.status_code == 200 and r.json()["risk"]["level"] == "imminent"
    r = client.post("/api/v1/code", json={"text": "What brings you here today?", "role": "helper"})
    assert r.status_code == 200 and r.json()["code"]["coarse"] == "question" and r.json()["talk_type"] is None
    r = client.post("/api/v1/code", json={"text": "I really want to cut down.", "role": "client"})
    assert r.json()["talk_type"]["label"] == "change"


def test_review_sync_and_as_a_job(client: TestClient) -> None:
    r = client.post("/api/v1/review", json={"transcript": TRANSCRIPT, "id": "s1"})
    assert r.status_code == 200 and r.json()["roles"]["roles"]["Counsellor"] == "helper"
    big = TRANSCRIPT * 1500
    r = client.post("/api/v1/review", json={"transcript": big})
    assert r.status_code == 413 and "jobs" in r.json()["error"]["message"]
    r = client.post("/api/v1/review/jobs", json={"transcript": TRANSCRIPT * 3})
    assert r.status_code == 202
    job = r.json()["id"]
    for _ in range(200):
        status = client.get(f"/api/v1/review/jobs/{job}").json()
        if status["status"] in ("done", "failed"):
            break
        import time

        time.sleep(0.05)
    assert status["status"] == "done" and status["result"]["summary"]["helper_turns"] == 6


@pytest.mark.parametrize("payload,status,code", [
    ({"seeker_post": "", "response": "hi"}, 422, "E400"),
    ({"seeker_post": POST, "response": "   "}, 422, "E400"),
    ({"seeker_post": POST, "response": "\x00\x01\x02 junk"}, 422, "E004"),
    ({"seeker_post": POST, "response": "x" * 20_001}, 422, "E400"),
    ({"seeker_post": POST}, 422, "E400"),
    ({"seeker_post": POST, "response": REPLY, "extra": 1}, 422, "E400"),
])
def test_bad_requests_get_stable_codes(client: TestClient, payload: dict, status: int, code: str) -> None:
    r = client.post("/api/v1/score", json=payload)
    assert r.status_code == status and r.json()["error"]["code"] == code and r.json()["error"]["message"]


def test_body_size_limit_unknown_routes_and_no_traces(client: TestClient, app, pipeline, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/v1/score", content=b"{" + b" " * 4_000_001 + b"}", headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "E003"
    r = client.get("/api/v1/nowhere")
    assert r.status_code == 404 and r.json()["error"]["code"] == "E404"
    r = client.get("/api/v1/review/jobs/nope")
    assert r.status_code == 404

    def boom(*a: object, **k: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(pipeline, "assess_risk", boom)
    r = client.post("/api/v1/risk", json={"text": "hello there"})
    assert r.status_code == 500 and r.json() == {"error": {"code": "E500", "message": "internal error"}}
    assert "secret" not in r.text and "Traceback" not in r.text


def test_openapi_snapshot_is_current(app) -> None:  # type: ignore[no-untyped-def]
    """Regenerate with `attune schema --openapi -o schema/openapi-v1.json` after an intended API change."""
    published = json.loads((ROOT / "schema" / "openapi-v1.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(app.openapi()))


def test_schemathesis_every_operation(app) -> None:  # type: ignore[no-untyped-def]
    """Property-based requests generated from the published schema: no server errors, and every
    response matches its documented status codes, content type and schema."""
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis.specs.openapi.checks import positive_data_acceptance

    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    failures: list[str] = []
    ops = 0
    for result in schema.get_all_operations():
        op = result.ok()
        ops += 1

        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
        def run(case) -> None:  # type: ignore[no-untyped-def]
            # Every check but "schema-valid data is accepted": the library refuses some text the
            # schema cannot describe (binary junk, undecodable bytes) with a documented 422 code.
            case.call_and_validate(headers=app.state.test_auth, excluded_checks=[positive_data_acceptance])

        try:
            op.as_strategy  # noqa: B018 - the operation can build cases
            from hypothesis import given

            given(op.as_strategy())(run)()
        except Exception as exc:  # noqa: BLE001 - collected and reported together
            failures.append(f"{op.method.upper()} {op.path}: {str(exc)[:400]}")
    assert ops >= 10
    assert failures == [], "\n".join(failures)


def test_attune_serve_answers_real_http_and_stops_gracefully(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "attunement", "serve", "--port", str(port),
                             "--data-dir", str(tmp_path / "home")], stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(url + "/api/v1/health", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert "attunement studio" in httpx.get(url + "/", timeout=5).text
        web = httpx.Client(base_url=url, timeout=60)
        me = web.post("/api/v1/auth/signup", json={"email": "ann@example.org", "password": "correct horse battery"})
        assert me.status_code == 201 and web.cookies.get("attune_session")
        r = web.post("/api/v1/score", json={"seeker_post": POST, "response": "That sounds so hard. What happened?"},
                     headers={"X-CSRF-Token": me.json()["csrf_token"]})
        assert r.status_code == 200 and r.json()["empathy"]["total"] >= 1
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=30)
        log.close()
    logged = (tmp_path / "server.log").read_text()
    # uvicorn shuts down gracefully, then re-raises the signal so the exit status tells why it stopped
    assert code in (0, -signal.SIGTERM) and "Application shutdown complete" in logged
    assert '"path": "/api/v1/score"' in logged and "That sounds so hard" not in logged  # no message text in logs
