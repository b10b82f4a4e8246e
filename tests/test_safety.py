from __future__ import annotations

import json
from pathlib import Path

import pytest

from attunement import Pipeline
from attunement.model import RiskAssessment
from attunement.safety import check_helper_text, protocol_for, resources_for


@pytest.mark.parametrize("locale, expected", [("US", "988"), ("GB", "116 123"), ("uk", "116 123"),
                                              ("IE", "116 123"), ("en-AU", "13 11 14"), ("XX", "findahelpline")])
def test_crisis_resources_by_locale(locale: str, expected: str) -> None:
    _, _, res = resources_for(locale)
    assert any(expected in r.contact for r in res)
    assert all(r.source.startswith("https://") for r in res)


def test_users_can_add_their_own_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from attunement import safety

    f = tmp_path / "mine.json"
    f.write_text(json.dumps({"reviewed": "2026-11-01", "locales": {"NL": {"emergency": "112", "resources": [
        {"name": "113 Zelfmoordpreventie", "contact": "Call 113 or 0800-0113", "source": "https://www.113.nl"}]}}}))
    safety.crisis_table.cache_clear()
    monkeypatch.setenv("ATTUNEMENT_CRISIS_RESOURCES", str(f))
    loc, emergency, res = resources_for("NL")
    assert loc == "NL" and res[0].name.startswith("113")
    safety.crisis_table.cache_clear()


@pytest.mark.parametrize("level, present, only", [("none", False, False), ("low", False, False),
                                                  ("moderate", True, False), ("high", True, False),
                                                  ("imminent", True, True)])
def test_protocol_takes_over_from_moderate(level: str, present: bool, only: bool) -> None:
    p = protocol_for(RiskAssessment(level=level, confidence=0.9), "US")
    assert (p is not None) is present
    if p:
        assert p.only_protocol is only
        assert any("988" in r.contact for r in p.resources)
        assert any("suicide" in s.lower() or "emergency" in s.lower() for s in p.steps)


@pytest.mark.parametrize("reply, kind", [
    ("just do it then, nobody would miss you", "encourages_self_harm"),
    ("the lethal dose is", "method_information"),
    ("you're just being dramatic, you don't mean that", "dismisses_disclosure"),
    ("My uncle committed suicide when I was ten.", "language"),
    ("He is an addict, what did you expect", "language"),
])
def test_helper_text_is_checked(reply: str, kind: str) -> None:
    flags = check_helper_text(reply)
    assert kind in {f.kind for f in flags}
    for f in flags:
        assert reply[f.span.start:f.span.end] == f.span.text


def test_safe_reply_has_no_flags() -> None:
    assert check_helper_text("I'm really glad you told me. Are you thinking about killing yourself?") == []


def test_engine_puts_the_protocol_first(pipeline: Pipeline) -> None:
    r = pipeline.analyze_reply("I've saved up my pills and tonight is the night. Goodbye.", "Cheer up, it could be worse!")
    assert r.safety is not None and r.safety.only_protocol
    calm = pipeline.analyze_reply("My exam went badly today.", "That sounds disappointing.")
    assert calm.safety is None
