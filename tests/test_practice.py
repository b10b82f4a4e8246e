"""Practice: the bundled scenarios, the validator's explanations, the facts a script
branches on, a session moving through a script, progress by week."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from attunement.practice.facts import reply_facts
from attunement.practice.progress import streak, weekly
from attunement.practice.scenario import Scenario, bundled, check
from attunement.store.accounts import Principal

ROOT = Path(__file__).resolve().parents[1]
REQUIRED_TOPICS = {"grief", "job-loss", "exam-stress", "burnout", "older-adult", "lgbtq", "immigration", "racism",
                   "veteran", "chronic-illness", "disability", "substance-use", "postpartum", "family", "couple",
                   "suicide-risk"}


def test_the_bundled_library_is_valid_and_covers_the_brief() -> None:
    scenarios = bundled()
    assert len(scenarios) >= 30
    topics = {t for sc in scenarios.values() for t in sc.topics}
    assert REQUIRED_TOPICS <= topics, REQUIRED_TOPICS - topics
    assert sum(sc.risk_emerges for sc in scenarios.values()) >= 3
    assert any(len(sc.clients) == 2 and sc.setting == "family-session" for sc in scenarios.values())
    assert any(len(sc.clients) == 2 and sc.setting == "couple-session" for sc in scenarios.values())


def test_the_published_schema_is_current() -> None:
    published = json.loads((ROOT / "schema" / "scenario-v1.0.json").read_text())
    assert published["$defs"] == json.loads(json.dumps(Scenario.model_json_schema(by_alias=True)))["$defs"]


BROKEN = """schema: attunement.scenario/1.0
id: Broken_Id
title: t
summary: s
topics: [grief]
difficulty: 4
setting: peer-support
locale: en-GB
risk_emerges: false
learning_goals: [x]
clients:
  - {id: a, name: A, background: b, presenting_concern: c, emotional_state: d, hobby: chess}
start: one
nodes:
  one: {text: "hi", risk: none, next: [{goto: two}]}
"""


def test_the_validator_explains_each_mistake_with_its_line() -> None:
    sc, problems = check(BROKEN, "broken.yaml")
    assert sc is None
    text = "\n".join(map(str, problems))
    assert "line 2, id" in text and "line 6, difficulty" in text and "clients.0.hobby" in text
    assert "not a field scenarios have" in text
    source = (ROOT / "src/attunement/resources/scenarios/grief-widower-leeds.yaml").read_text()
    import re

    data = re.sub(r"goto: [\w-]+", "goto: nowhere", source, count=1)
    _, problems = check(data)
    assert any("names 'nowhere', which is not a node" in str(p) and p.line for p in problems)


def test_graph_and_risk_rules() -> None:
    source = (ROOT / "src/attunement/resources/scenarios/risk-farmer-debt.yaml").read_text()
    assert check(source)[1] == []
    _, problems = check(source.replace("risk_emerges: true", "risk_emerges: false"))
    assert any("risk_emerges is false" in p.message for p in problems)
    _, problems = check(source.replace("end: escalated", "end: good"))
    assert any("escalated" in p.message for p in problems)


def test_cli_validate_exit_codes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN)
    good = ROOT / "src/attunement/resources/scenarios/burnout-teacher.yaml"
    run = lambda *f: subprocess.run([sys.executable, "-m", "attunement", "scenarios", "validate", *map(str, f)],  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    assert run(good).returncode == 0
    done = run(good, bad)
    assert done.returncode == 1 and "bad.yaml: " in done.stdout and "problems" in done.stdout


@pytest.mark.parametrize("reply,asks", [
    ("Are you thinking about killing yourself?", True),
    ("have you had thoughts of ending your life?", True),
    ("r u thinking about suicide", True),
    ("When you say you want it to stop, do you mean ending your life?", True),
    ("Are you hurting yourself?", True),
    ("That sounds really hard. What happened?", False),
    ("Suicide prevention week was last month.", False),
])
def test_asking_about_suicide_is_recognised(pipeline, reply: str, asks: bool) -> None:  # type: ignore[no-untyped-def]
    from attunement.coach import Coach

    result = Coach(pipeline, exact=False).coach("I don't see the point anymore.", reply)
    assert reply_facts(result, reply)["asks_about_suicide"] is asks


def test_a_session_follows_the_script(store, pipeline) -> None:  # type: ignore[no-untyped-def]
    from attunement.coach import Coach
    from attunement.practice.session import Practice

    practice = Practice(store, Coach(pipeline))
    u = store.accounts.create_user("p@example.org", "correct horse battery")
    p = Principal(u.id, "trainee", None, "session", ("practice", "read"))
    sc = bundled()["grief-widower-leeds"]
    good = practice.start(p, sc.id)
    assert good["client_message"] == sc.nodes[sc.start].text
    out = practice.reply(p, good["id"], "That sounds so lonely since Pauline died. What are the evenings like for you?")
    expected = sc.next_node(sc.start, out["last_reply"]["facts"])
    assert out["client_message"] == sc.nodes[expected].text and len(out["turns"]) == 3
    bad = practice.start(p, sc.id)
    out2 = practice.reply(p, bad["id"], "You should get out more and join a club, everything happens for a reason.")
    assert out2["last_reply"]["facts"]["roadblock"] and out2["client_message"] != out["client_message"]
    debrief = practice.debrief(p, bad["id"])
    assert debrief["replies"] == 1 and debrief["practise_next"] and debrief["report"]["summary"]["helper_turns"] == 1


def test_progress_by_week_streak_and_self_care() -> None:
    today = date(2026, 12, 1)
    at = lambda d: datetime(d.year, d.month, d.day, 12, tzinfo=timezone.utc)  # noqa: E731
    turns = [{"at": at(today - timedelta(days=k)), "role": "helper", "session": f"s{k}", "scenario": "x",
              "metrics": {"empathy": 2 + k % 3, "er": 1, "ip": 0, "ex": 1, "roadblocks": ["advice_first"] if k else [],
                          "client_intensity": 0.8, "protocol_needed": k == 0, "protocol_followed": True}}
             for k in range(3)]
    turns.append({"at": at(today - timedelta(days=20)), "role": "helper", "session": "old", "scenario": "x",
                  "metrics": {"empathy": 1, "er": 0, "ip": 0, "ex": 1, "roadblocks": [], "client_intensity": 0.1}})
    rows = {"turns": turns, "reviews": [{"at": at(today), "metrics": {"reflection_to_question": 1.5,
                                                                       "percent_open_questions": 60.0,
                                                                       "client_intensity": 0.7,
                                                                       "highest_risk": "moderate"}}]}
    out = weekly(rows, today)
    assert [w["week"] for w in out["weeks"]] == ["2026-W46", "2026-W48", "2026-W49"]
    assert out["streak_days"] == 3 and out["self_care"] and "break" in out["self_care"]
    last = out["weeks"][-1]
    assert last["reviews"] == 1 and last["reflection_to_question"] == 1.5 and last["risk_conversations"] == 2
    assert streak({today - timedelta(days=1)}, today) == 1 and streak(set(), today) == 0
