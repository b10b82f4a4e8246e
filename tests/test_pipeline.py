from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from attunement import Pipeline, ReplyAnalysis, analyze_reply
from attunement.errors import ConfigError, EmptyTextError, TextTooLongError
from attunement.model import MECHANISMS

POST = "My mum died in the spring and I still set the table for two. Everyone says I should be over it by now."


def test_analyze_reply_returns_the_typed_result() -> None:
    r = analyze_reply(POST, "I'm so sorry about your mum. What is dinner time like for you now?", id="a1")
    assert isinstance(r, ReplyAnalysis)
    assert r.id == "a1"
    assert r.empathy.total == sum(r.empathy.mechanism(m).level for m in MECHANISMS)
    assert r.seeker.emotions and r.seeker.risk.level in ("none", "low")
    assert r.versions["encoder"].startswith("all-MiniLM")


@pytest.mark.parametrize("reply, mechanism, at_least", [
    ("I'm so sorry you lost your mum, my heart really goes out to you.", "emotional_reactions", 1),
    ("What has it been like sitting down to dinner on your own?", "explorations", 1),
    ("It sounds like you're still grieving and feel judged for it, which must be so lonely.", "interpretations", 1),
])
def test_clear_cues_are_found_with_evidence(pipeline: Pipeline, reply: str, mechanism: str, at_least: int) -> None:
    m = pipeline.analyze_reply(POST, reply).empathy.mechanism(mechanism)
    assert m.level >= at_least
    assert m.evidence and all(reply[s.start:s.end] == s.text for s in m.evidence)


@pytest.mark.parametrize("reply, mechanism", [
    ("You should see a grief counsellor.", "emotional_reactions"),
    ("You should see a grief counsellor.", "explorations"),
    ("Time heals.", "interpretations"),
])
def test_no_cue_scores_none(pipeline: Pipeline, reply: str, mechanism: str) -> None:
    assert pipeline.analyze_reply(POST, reply).empathy.mechanism(mechanism).level == 0


def test_bad_input(pipeline: Pipeline) -> None:
    with pytest.raises(EmptyTextError):
        pipeline.analyze_reply(POST, "   ")
    with pytest.raises(TextTooLongError):
        pipeline.analyze_reply(POST, "so sorry " * 120_000)
    with pytest.raises(ConfigError, match="components"):
        Pipeline(components=("empathy", "telepathy"))


def test_long_reply_within_the_limit(pipeline: Pipeline) -> None:
    r = pipeline.analyze_reply(POST, "I'm so sorry. " * 5000)
    assert r.empathy.emotional_reactions.level >= 1


def test_non_english_is_said_and_confidence_lowered(pipeline: Pipeline) -> None:
    en = pipeline.analyze_reply(POST, "Lo siento mucho por tu madre, ¿cómo estás llevando las cenas?")
    assert en.language == "unsupported"
    assert any(w.code == "W001" for w in en.warnings)
    assert all(en.empathy.mechanism(m).confidence <= 0.5 for m in MECHANISMS)


def test_risk_in_post_warns(pipeline: Pipeline) -> None:
    r = pipeline.analyze_reply("I want to kill myself tonight, I have the pills ready", "ok")
    assert r.seeker.risk.level == "imminent"
    assert any(w.code == "W100" for w in r.warnings)


@given(post=st.text(min_size=1, max_size=200).filter(str.strip), reply=st.text(min_size=1, max_size=200).filter(str.strip))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_scores_are_deterministic_in_range_and_spans_inside(pipeline: Pipeline, post: str, reply: str) -> None:
    try:
        a = pipeline.analyze_reply(post, reply)
    except Exception as exc:  # only our own, clear errors are allowed
        from attunement.errors import AttunementError
        assert isinstance(exc, AttunementError)
        return
    b = pipeline.analyze_reply(post, reply)
    assert a == b
    assert 0 <= a.empathy.total <= 6
    for m in MECHANISMS:
        s = a.empathy.mechanism(m)
        assert 0.0 <= s.confidence <= 1.0 and abs(sum(s.probabilities) - 1) < 1e-3
        for span in s.evidence:
            assert reply[span.start:span.end] == span.text
    for e in a.seeker.emotions:
        assert 0 <= e.score <= 1
        for span in e.evidence:
            assert post[span.start:span.end] == span.text
    for span in a.seeker.risk.evidence:
        assert post[span.start:span.end] == span.text
