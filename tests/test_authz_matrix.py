"""Authorization matrix: every API endpoint × every kind of caller (anonymous, the owning
trainee, another trainee, the owner's supervisor, another supervisor, an admin). The table
below is written from the policy in docs/api.md, not derived from the code; a test also
checks that it lists every endpoint the app has, so a new endpoint cannot slip past it.
Forbidden cells must be denied (401/403/404); allowed cells must succeed (2xx)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from attunement.api.app import create_app
from attunement.api.security import ServiceConfig
from attunement.store.accounts import Principal
from attunement.store.repository import Store, StoreConfig

CALLERS = ("anonymous", "owner", "other_trainee", "supervisor", "other_supervisor", "admin")
SIGNED_IN = frozenset(CALLERS) - {"anonymous"}
EVERYONE = frozenset(CALLERS)
OWNER_SUP_ADMIN = frozenset({"owner", "supervisor", "admin"})
OWNER_ADMIN = frozenset({"owner", "admin"})
OWNER = frozenset({"owner"})
SUP_ADMIN = frozenset({"supervisor", "admin"})
STAFF = frozenset({"supervisor", "other_supervisor", "admin"})
ADMIN = frozenset({"admin"})
PW = "correct horse battery staple"
TRANSCRIPT = "Counsellor: What brings you in?\nClient: I've been so low since I lost my job.\n" \
             "Counsellor: It sounds like losing it shook you. What has been hardest?\nClient: Feeling useless.\n"
SCENARIO = """schema: attunement.scenario/1.0
id: {id}
title: Matrix test
summary: A short scenario for the authorization test.
topics: [work]
difficulty: 1
setting: peer-support
locale: en-GB
risk_emerges: false
learning_goals: [Reflect feelings]
clients:
  - {{id: kim, name: Kim, background: Office worker., presenting_concern: Stress., emotional_state: Tired.}}
start: n1
nodes:
  n1: {{text: "Work is a lot lately.", risk: none, next: [{{when: {{empathy_min: 3}}, goto: n2}}, {{when: {{roadblock: true}}, goto: n2}}, {{goto: n2}}]}}
  n2: {{text: "Yeah. Deadlines.", risk: none, next: [{{when: {{roadblock: true}}, goto: n8}}, {{when: {{unsafe: true}}, goto: n9}}, {{when: {{empathy_max: 0}}, goto: n10}}, {{goto: n3}}]}}
  n3: {{text: "My boss emails at night.", risk: low, next: [{{goto: n4}}]}}
  n4: {{text: "I can't switch off.", risk: low, next: [{{goto: n5}}]}}
  n5: {{text: "Maybe I need a break.", risk: none, next: [{{goto: n6}}]}}
  n6: {{text: "Thanks for listening.", risk: none, next: [{{goto: n7}}]}}
  n7: {{text: "I'll talk to HR.", risk: none, end: good}}
  n8: {{text: "unused", risk: none, end: neutral}}
  n9: {{text: "unused", risk: none, end: neutral}}
  n10: {{text: "unused", risk: none, end: neutral}}
"""


@dataclass
class World:
    client: TestClient
    store: Store
    users: dict[str, str]          # caller → user id
    tokens: dict[str, tuple[str, str]]
    ids: dict[str, str]            # path parameter → the owner's object
    tag: int


_WORLDS = [0]


def build_world(store: Store, app: Any) -> World:
    acc = store.accounts
    _WORLDS[0] += 1
    tag = _WORLDS[0]
    users = {}
    for caller, role in (("owner", "trainee"), ("other_trainee", "trainee"), ("supervisor", "supervisor"),
                         ("other_supervisor", "supervisor"), ("admin", "admin")):
        users[caller] = acc.create_user(f"{caller}-{tag}@example.org", PW, role=role, name=caller).id
    admin = Principal(users["admin"], "admin", None, "session", ("admin",))
    c1 = store.records.create_cohort(admin, "C1", users["supervisor"])["id"]
    c2 = store.records.create_cohort(admin, "C2", users["other_supervisor"])["id"]
    store.records.update_user(admin, users["owner"], cohort_id=c1)
    store.records.update_user(admin, users["other_trainee"], cohort_id=c2)
    owner = acc.session_principal(acc.start_session(acc.get_user(users["owner"]))[0])
    session = store.records.start_practice(owner, "grief-widower-leeds", "opening")
    store.records.add_turn(owner, session.id, "Walter", "client", "Hello. I'm not sure what to say.", redact=False,
                           metrics={"risk": "none"})
    store.records.add_turn(owner, session.id, "trainee", "helper", "That sounds hard. What's been happening?",
                           metrics={"empathy": 3, "er": 1, "ip": 0, "ex": 2, "roadblocks": []})
    review = store.records.save_review(owner, "t", TRANSCRIPT, _report(app), {"mean_empathy": 3.0})
    _, key = acc.create_api_key(users["owner"], "k", ["analyse"])
    sup = acc.session_principal(acc.start_session(acc.get_user(users["supervisor"]))[0])
    scen_id = f"matrix-{tag}"
    store.records.add_scenario(sup, scen_id, SCENARIO.format(id=scen_id))
    job = app.state.jobs.submit(lambda: None, owner=users["owner"])
    tokens = {c: acc.start_session(acc.get_user(u)) for c, u in users.items()}
    ids = {"session_id": session.id, "review_id": review, "key_id": key.id, "user_id": users["owner"],
           "cohort_id": c1, "scenario_id": scen_id, "job_id": job}
    return World(TestClient(app), store, users, tokens, ids, tag)


_REPORT: dict[str, Any] = {}


def _report(app: Any) -> dict[str, Any]:
    if not _REPORT:
        from attunement.io.transcripts import parse_transcript
        from attunement.review import review_transcript

        _REPORT.update(review_transcript(app.state.pipeline, parse_transcript(TRANSCRIPT, "txt")).model_dump(mode="json"))
    return _REPORT


def _next() -> int:
    _WORLDS[0] += 1
    return _WORLDS[0]


def body_for(method: str, path: str, w: World) -> Any:
    pair = {"seeker_post": "I lost my job and feel useless.", "response": "That sounds really hard. What happened?"}
    return {
        ("POST", "/api/v1/auth/signup"): {"email": f"new-{w.tag}-{_next()}@example.org", "password": PW},
        ("POST", "/api/v1/auth/login"): {"email": f"owner-{w.tag}@example.org", "password": PW},
        ("POST", "/api/v1/auth/password"): {"current": PW, "new": PW + "!"},
        ("POST", "/api/v1/keys"): {"name": "n", "scopes": ["analyse"]},
        ("POST", "/api/v1/score"): pair,
        ("POST", "/api/v1/score/batch"): {"items": [pair]},
        ("POST", "/api/v1/coach"): {**pair, "live": True},
        ("POST", "/api/v1/risk"): {"text": "I feel low."},
        ("POST", "/api/v1/code"): {"text": "What happened next?", "role": "helper"},
        ("POST", "/api/v1/review"): {"transcript": TRANSCRIPT},
        ("POST", "/api/v1/review/jobs"): {"transcript": TRANSCRIPT},
        ("POST", "/api/v1/users"): {"email": f"made-{w.tag}-{_next()}@example.org", "password": PW, "role": "trainee"},
        ("PATCH", "/api/v1/users/{user_id}"): {"role": "trainee"},
        ("POST", "/api/v1/cohorts"): {"name": "C3"},
        ("POST", "/api/v1/scenarios"): {"source": SCENARIO.format(id=f"new-{w.tag}-{_next()}")},
        ("POST", "/api/v1/sessions"): {"scenario_id": "grief-widower-leeds"},
        ("POST", "/api/v1/sessions/{session_id}/feedback"): {"text": "That sounds lonely."},
        ("POST", "/api/v1/sessions/{session_id}/replies"): {"text": "That sounds lonely. How are the evenings?"},
        ("POST", "/api/v1/reviews"): {"title": "x", "transcript": TRANSCRIPT},
    }.get((method, path))


# (method, path) → who may; `True` in the third place: the call changes or removes the
# owner's objects, so every caller gets a freshly built world
POLICY: dict[tuple[str, str], tuple[frozenset[str], bool]] = {
    ("GET", "/api/v1/health"): (EVERYONE, False),
    ("GET", "/api/v1/ready"): (EVERYONE, False),
    ("POST", "/api/v1/auth/signup"): (EVERYONE, True),
    ("POST", "/api/v1/auth/login"): (EVERYONE, True),
    ("POST", "/api/v1/auth/logout"): (SIGNED_IN, True),
    ("GET", "/api/v1/auth/me"): (SIGNED_IN, False),
    ("POST", "/api/v1/auth/password"): (SIGNED_IN, True),
    ("GET", "/api/v1/keys"): (SIGNED_IN, False),
    ("POST", "/api/v1/keys"): (SIGNED_IN, False),
    ("DELETE", "/api/v1/keys/{key_id}"): (OWNER, True),
    ("POST", "/api/v1/score"): (SIGNED_IN, False),
    ("POST", "/api/v1/score/batch"): (SIGNED_IN, False),
    ("POST", "/api/v1/coach"): (SIGNED_IN, False),
    ("POST", "/api/v1/risk"): (SIGNED_IN, False),
    ("POST", "/api/v1/code"): (SIGNED_IN, False),
    ("POST", "/api/v1/review"): (SIGNED_IN, False),
    ("POST", "/api/v1/review/jobs"): (SIGNED_IN, False),
    ("GET", "/api/v1/review/jobs/{job_id}"): (OWNER_ADMIN, False),
    ("GET", "/api/v1/users"): (SIGNED_IN, False),
    ("POST", "/api/v1/users"): (ADMIN, True),
    ("GET", "/api/v1/users/{user_id}"): (OWNER_SUP_ADMIN, False),
    ("PATCH", "/api/v1/users/{user_id}"): (ADMIN, True),
    ("GET", "/api/v1/users/{user_id}/export"): (OWNER_ADMIN, False),
    ("DELETE", "/api/v1/users/{user_id}"): (OWNER_ADMIN, True),
    ("GET", "/api/v1/cohorts"): (SIGNED_IN, False),
    ("POST", "/api/v1/cohorts"): (ADMIN, True),
    ("GET", "/api/v1/cohorts/{cohort_id}"): (SUP_ADMIN, False),
    ("GET", "/api/v1/cohorts/{cohort_id}/progress"): (SUP_ADMIN, False),
    ("GET", "/api/v1/cohorts/{cohort_id}/progress.csv"): (SUP_ADMIN, False),
    ("GET", "/api/v1/scenarios"): (SIGNED_IN, False),
    ("GET", "/api/v1/scenarios/{scenario_id}"): (SIGNED_IN, False),
    ("POST", "/api/v1/scenarios"): (STAFF, True),
    ("DELETE", "/api/v1/scenarios/{scenario_id}"): (SUP_ADMIN, True),
    ("GET", "/api/v1/sessions"): (SIGNED_IN, False),
    ("POST", "/api/v1/sessions"): (SIGNED_IN, False),
    ("GET", "/api/v1/sessions/{session_id}"): (OWNER_SUP_ADMIN, False),
    ("POST", "/api/v1/sessions/{session_id}/feedback"): (OWNER, False),
    ("POST", "/api/v1/sessions/{session_id}/replies"): (OWNER, True),
    ("POST", "/api/v1/sessions/{session_id}/finish"): (OWNER, True),
    ("GET", "/api/v1/sessions/{session_id}/debrief"): (OWNER_SUP_ADMIN, False),
    ("GET", "/api/v1/sessions/{session_id}/report.html"): (OWNER_SUP_ADMIN, False),
    ("DELETE", "/api/v1/sessions/{session_id}"): (OWNER_ADMIN, True),
    ("GET", "/api/v1/progress/{user_id}"): (OWNER_SUP_ADMIN, False),
    ("GET", "/api/v1/reviews"): (SIGNED_IN, False),
    ("POST", "/api/v1/reviews"): (SIGNED_IN, False),
    ("GET", "/api/v1/reviews/{review_id}"): (OWNER_SUP_ADMIN, False),
    ("GET", "/api/v1/reviews/{review_id}/report.html"): (OWNER_SUP_ADMIN, False),
    ("GET", "/api/v1/reviews/{review_id}/report.pdf"): (OWNER_SUP_ADMIN, False),
    ("DELETE", "/api/v1/reviews/{review_id}"): (OWNER_ADMIN, True),
}


def call(w: World, caller: str, method: str, path: str) -> int:
    url = path.format(**w.ids)
    headers = {}
    cookies = {}
    if caller != "anonymous":
        token, csrf = w.tokens[caller]
        cookies["attune_session"] = token
        headers["X-CSRF-Token"] = csrf
    client = TestClient(w.client.app, cookies=cookies)
    body = body_for(method, path, w)
    r = client.request(method, url, json=body, headers=headers)
    return r.status_code


@pytest.fixture
def matrix_app(db_url, tmp_path, pipeline):  # type: ignore[no-untyped-def]
    def make() -> tuple[Store, Any]:
        store = Store(StoreConfig(url=db_url, home=str(tmp_path / "home")), argon2={"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
        app = create_app(pipeline, store=store, config=ServiceConfig(rate_per_minute=100_000, anonymous_per_minute=100_000))
        return store, app
    return make


def test_the_table_lists_every_endpoint(matrix_app) -> None:  # type: ignore[no-untyped-def]
    _, app = matrix_app()
    routes = {(m.upper(), path) for path, ops in app.openapi()["paths"].items() for m in ops}
    assert routes == set(POLICY), f"missing: {routes - set(POLICY)}; stale: {set(POLICY) - routes}"


def test_authorization_matrix(matrix_app) -> None:  # type: ignore[no-untyped-def]
    store, app = matrix_app()
    shared = build_world(store, app)
    denied = {401, 403, 404}
    forbidden_cells = allowed_cells = 0
    failures: list[str] = []
    for (method, path), (allowed, destructive) in POLICY.items():
        for caller in CALLERS:
            if destructive:
                w = build_world(store, app)
            else:
                w = shared
            status = call(w, caller, method, path)
            if caller in allowed:
                allowed_cells += 1
                if not 200 <= status < 300:
                    failures.append(f"{caller} {method} {path}: {status}, expected success")
            else:
                forbidden_cells += 1
                if status not in denied:
                    failures.append(f"{caller} {method} {path}: {status}, expected denial")
    assert not failures, "\n".join(failures)
    assert forbidden_cells >= 100 and allowed_cells >= 100


def test_lists_show_only_what_the_caller_may_see(matrix_app) -> None:  # type: ignore[no-untyped-def]
    store, app = matrix_app()
    w = build_world(store, app)

    def get(caller: str, path: str) -> Any:
        token, _ = w.tokens[caller]
        return TestClient(app, cookies={"attune_session": token}).get(path).json()

    owner_session = w.ids["session_id"]
    assert owner_session in {s["id"] for s in get("owner", "/api/v1/sessions")}
    assert owner_session in {s["id"] for s in get("supervisor", "/api/v1/sessions")}
    assert owner_session not in {s["id"] for s in get("other_trainee", "/api/v1/sessions")}
    assert owner_session not in {s["id"] for s in get("other_supervisor", "/api/v1/sessions")}
    assert w.ids["review_id"] not in {r["id"] for r in get("other_trainee", "/api/v1/reviews")}
    assert {u["id"] for u in get("other_trainee", "/api/v1/users")} == {w.users["other_trainee"]}
    assert w.users["owner"] in {u["id"] for u in get("supervisor", "/api/v1/users")}
    assert w.users["owner"] not in {u["id"] for u in get("other_supervisor", "/api/v1/users")}
    assert [c["name"] for c in get("other_supervisor", "/api/v1/cohorts")] == ["C2"]
