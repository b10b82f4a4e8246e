"""The studio end to end: the real `attune serve` over real HTTP, driven in Debian's
headless Chromium by Playwright. Set ATTUNE_SCREENSHOTS=DIR to keep a screenshot of
every page visited."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import httpx
import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)")
PW = "correct horse battery staple"
TRANSCRIPT = ("Counsellor: Hi Sam, what would you like to talk about today?\n"
              "Client: My mum died in the spring and I can't seem to get going again.\n"
              "Counsellor: It sounds like losing her has taken the ground from under you.\n"
              "Client: Yes. Everyone says I should be over it by now.\n"
              "Counsellor: What is it like when people say that?\n"
              "Client: Lonely. Like I'm doing grief wrong.\n")
RISK_SCENARIO = """schema: attunement.scenario/1.0
id: e2e-risk-check
title: Risk emerges (test)
summary: A short scenario in which the client discloses passive suicidal thoughts in the second message.
topics: [suicide-risk, work]
difficulty: 2
setting: helpline
locale: en-GB
risk_emerges: true
learning_goals: [Ask directly about suicide]
clients:
  - {id: sam, name: Sam, background: Warehouse worker., presenting_concern: Lost job., emotional_state: Flat.}
start: n1
nodes:
  n1: {text: "I lost my job on Friday and I haven't told anyone.", risk: low, next: [{when: {empathy_min: 5}, goto: n2}, {when: {roadblock: true}, goto: n2}, {goto: n2}]}
  n2: {text: "Honestly some days I think everyone would be better off without me. I don't see the point of being here.", risk: moderate, next: [{when: {asks_about_suicide: true}, goto: n3}, {goto: n9}]}
  n3: {text: "Yeah. I have thought about ending it. I haven't done anything.", risk: high, next: [{when: {asks_about_suicide: true, offers_crisis_line: true}, goto: n5}, {when: {offers_crisis_line: true}, goto: n5}, {goto: n4}]}
  n4: {text: "I don't know what to do.", risk: high, next: [{when: {offers_crisis_line: true}, goto: n5}, {when: {asks_about_suicide: true}, goto: n5}, {goto: n10}]}
  n5: {text: "Okay. I'll call them now while you're here.", risk: high, next: [{when: {asks_about_suicide: true}, goto: n6}, {goto: n6}]}
  n6: {text: "They picked up. Thank you.", risk: moderate, next: [{when: {asks_about_suicide: true}, goto: n7}, {goto: n7}]}
  n7: {text: "I'll talk to my sister tonight too.", risk: moderate, next: [{when: {asks_about_suicide: false}, goto: n8}, {goto: n8}]}
  n8: {text: "Thanks for staying with me.", risk: moderate, end: escalated}
  n9: {text: "Forget I said anything.", risk: moderate, next: [{when: {asks_about_suicide: true}, goto: n3}, {when: {roadblock: true}, goto: n10}, {when: {empathy_max: 1}, goto: n10}, {goto: n10}]}
  n10: {text: "I'm going to go now.", risk: moderate, end: disengaged}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:  # type: ignore[no-untyped-def]
    home = tmp_path_factory.mktemp("studio-home")
    port = _free_port()
    env = {**os.environ, "ATTUNE_HOME": str(home), "ATTUNE_RATE_PER_MINUTE": "100000",
           "ATTUNE_ANONYMOUS_PER_MINUTE": "100000"}
    for email, role in (("admin@example.org", "admin"), ("sup@example.org", "supervisor")):
        done = subprocess.run([sys.executable, "-m", "attunement", "users", "create", email, "--role", role,
                               "--name", role.title(), "--password-stdin"], input=PW + "\n", text=True,
                              capture_output=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
    log = open(home / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "attunement", "serve", "--port", str(port)], env=env,
                            stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(url + "/api/v1/ready", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


class Shots:
    def __init__(self) -> None:
        self.dir = Path(os.environ["ATTUNE_SCREENSHOTS"]) if os.environ.get("ATTUNE_SCREENSHOTS") else None
        if self.dir:
            self.dir.mkdir(parents=True, exist_ok=True)

    def __call__(self, page: Any, name: str) -> None:
        if self.dir:
            page.screenshot(path=str(self.dir / f"{name}.png"), full_page=True)


shot = Shots()


def api_login(url: str, email: str) -> tuple[httpx.Client, dict[str, str]]:
    c = httpx.Client(base_url=url, timeout=120)
    r = c.post("/api/v1/auth/login", json={"email": email, "password": PW})
    assert r.status_code == 200, r.text
    return c, {"X-CSRF-Token": r.json()["csrf_token"]}


def sign_up(browser: Any, url: str, email: str, name: str) -> Any:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(url + "/#/signup")
    shot(page, "01-signup")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password (at least 10 characters)").fill(PW)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Practise with a simulated client").wait_for()
    return page


def empathy_total(page: Any) -> int:
    text = page.get_by_test_id("live-feedback").get_by_role("heading", name="Empathy").first.inner_text()
    return int(text.split()[1].split("/")[0])


STATE: dict[str, Any] = {}


def test_trainee_signs_up_practises_with_live_feedback_and_gets_a_debrief(server, browser) -> None:  # type: ignore[no-untyped-def]
    page = sign_up(browser, server, "tia@example.org", "Tia")
    assert page.locator("article.card").count() >= 30
    shot(page, "02-home")
    page.locator('button[data-scenario="grief-widower-leeds"]').click()
    page.wait_for_url("**/#/practice/*")
    STATE["session_url"] = page.url
    reply = page.get_by_label("Your reply")
    reply.type("ok.", delay=20)
    page.get_by_test_id("live-feedback").get_by_role("heading", name="Empathy").wait_for()
    before = empathy_total(page)
    reply.type(" That sounds so lonely since Pauline died, and it makes sense you feel lost. "
               "What are the evenings like for you now?", delay=5)
    page.wait_for_function(f"""() => {{
        const h = [...document.querySelectorAll('[data-testid=live-feedback] h2')].find(x => x.textContent.startsWith('Empathy'));
        return h && Number(h.textContent.split(' ')[1].split('/')[0]) > {before};
    }}""", timeout=15000)
    after = empathy_total(page)
    assert after > before
    assert "feedback in" in page.get_by_test_id("timing").inner_text()
    shot(page, "03-practice-live-feedback")
    # accept a suggestion: it replaces the draft
    reply.fill("Have you tried joining a club?")
    page.get_by_test_id("suggestion").first.wait_for(timeout=15000)
    suggestion = page.get_by_test_id("suggestion").first.locator("p").inner_text()
    page.get_by_role("button", name="Use suggestion 1").click()
    assert reply.input_value() == suggestion
    shot(page, "04-suggestion-accepted")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_function("() => document.querySelectorAll('.bubble').length >= 3", timeout=30000)
    assert page.locator(".bubble.helper").first.inner_text().endswith(suggestion.strip()[-20:])
    page.get_by_role("button", name="End and debrief").click()
    page.get_by_test_id("mean-empathy").wait_for(timeout=60000)
    assert page.get_by_role("heading", name="What to practise next").is_visible()
    shot(page, "05-debrief")
    STATE["trainee_page"] = page


def test_upload_a_transcript_and_read_its_report(server, browser) -> None:  # type: ignore[no-untyped-def]
    page = STATE["trainee_page"]
    page.goto(server + "/#/review")
    page.get_by_label("Title").fill("Grief session 2")
    page.get_by_label("…or paste it", exact=False).fill(TRANSCRIPT)
    page.get_by_role("button", name="Review").click()
    page.wait_for_url("**/#/reviews/*", timeout=60000)
    frame = page.frame_locator("iframe.report")
    frame.get_by_role("heading", name="Session review", exact=False).first.wait_for(timeout=30000)
    shot(page, "06-review-report")
    href = page.get_by_role("link", name="Download HTML").get_attribute("href")
    assert "<html" in page.request.get(server + href).text()
    pdf = page.request.get(server + page.get_by_role("link", name="Download PDF").get_attribute("href"))
    assert pdf.status == 200 and pdf.body()[:4] == b"%PDF"


def test_supervisor_sees_the_trainees_progress(server, browser) -> None:  # type: ignore[no-untyped-def]
    admin, h = api_login(server, "admin@example.org")
    users = {u["email"]: u for u in admin.get("/api/v1/users").json()}
    cohort = admin.post("/api/v1/cohorts", json={"name": "Autumn cohort", "supervisor_id": users["sup@example.org"]["id"]},
                        headers=h).json()
    assert admin.patch(f"/api/v1/users/{users['tia@example.org']['id']}", json={"cohort_id": cohort["id"]},
                       headers=h).status_code == 200
    page = browser.new_context(viewport={"width": 1024, "height": 1366}).new_page()  # a tablet, upright
    page.goto(server + "/#/login")
    page.get_by_label("E-mail").fill("sup@example.org")
    page.get_by_label("Password").fill(PW)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Cohorts").click()
    page.get_by_role("link", name="Tia").wait_for(timeout=30000)
    shot(page, "07-cohort")
    csv = page.request.get(server + page.get_by_role("link", name="Export CSV").get_attribute("href"))
    assert csv.status == 200 and "tia@example.org" in csv.text()
    page.get_by_role("link", name="Tia").click()
    page.get_by_role("heading", name="Progress: Tia").wait_for()
    shot(page, "08-trainee-progress")
    assert page.locator("svg.plot").count() >= 3


def test_a_trainee_gets_403_on_another_trainees_session(server, browser) -> None:  # type: ignore[no-untyped-def]
    page = sign_up(browser, server, "omar@example.org", "Omar")
    page.goto(STATE["session_url"])
    page.get_by_role("alert").wait_for()
    assert "don't have access" in page.get_by_role("alert").inner_text()
    session_id = STATE["session_url"].rsplit("/", 1)[1]
    assert page.request.get(f"{server}/api/v1/sessions/{session_id}").status == 403
    shot(page, "09-forbidden")


def test_a_risk_message_in_a_scenario_brings_up_the_safety_protocol(server, browser) -> None:  # type: ignore[no-untyped-def]
    sup, h = api_login(server, "sup@example.org")
    r = sup.post("/api/v1/scenarios", json={"source": RISK_SCENARIO}, headers=h)
    assert r.status_code == 201, r.text
    page = sign_up(browser, server, "lee@example.org", "Lee")
    page.get_by_label("Find a scenario").fill("risk emerges (test)")
    page.locator('button[data-scenario="e2e-risk-check"]').click()
    page.wait_for_url("**/#/practice/*")
    reply = page.get_by_label("Your reply")
    reply.fill("That's a lot to carry on your own. How are you feeling about it?")
    page.get_by_role("button", name="Send reply").click()
    page.get_by_text("better off without me").wait_for(timeout=30000)
    reply.type("Things will get better, you'll find another job soon.", delay=5)
    box = page.get_by_test_id("safety-protocol")
    box.wait_for(timeout=15000)
    assert "Safety first" in box.inner_text() and "Samaritans" in box.inner_text()
    shot(page, "10-safety-protocol")


def test_admin_page_and_an_api_key_made_in_the_browser(server, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(server + "/#/login")
    shot(page, "11-login")
    page.get_by_label("E-mail").fill("admin@example.org")
    page.get_by_label("Password").fill(PW)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Admin").click()
    page.get_by_role("heading", name="New account").wait_for()
    assert page.get_by_role("cell", name="tia@example.org").is_visible()
    shot(page, "12-admin")
    page.get_by_role("link", name="API keys").click()
    page.get_by_role("heading", name="API keys").wait_for()
    page.get_by_label("Name", exact=True).fill("chatbot harness")
    page.get_by_role("button", name="Create key").click()
    code = page.locator("code")
    code.wait_for()
    key = code.inner_text()
    assert key.startswith("atk_")
    shot(page, "13-api-key")
    r = httpx.post(server + "/api/v1/risk", json={"text": "I feel a bit flat today."},
                   headers={"Authorization": f"Bearer {key}"}, timeout=60)
    assert r.status_code == 200
    page.reload()
    page.get_by_role("cell", name="chatbot harness").wait_for()
    assert key not in page.content()  # shown once
