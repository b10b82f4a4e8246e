"""Session review on the project's hand-labelled test transcripts: codes, shifts, risk and
roles as the labels say; the summary's arithmetic; roadblocks; the HTML report."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from attunement import Pipeline
from attunement.analysers.roadblocks import find_roadblocks
from attunement.model import RISK_LEVELS, BehaviourCode, ReviewReport, TurnReview
from attunement.report_html import render_html
from attunement.review import summarise

DATA = Path(__file__).parent / "data" / "transcripts"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(pipeline: Pipeline) -> dict[str, ReviewReport]:
    return {name: pipeline.review(DATA / name) for name in EXPECTED}


def _agreement(reports: dict[str, ReviewReport], label: str) -> tuple[int, int]:
    """(agreeing, labelled) turns over all test transcripts for 'coarse' or 'talk_type'."""
    agree = total = 0
    for name, exp in EXPECTED.items():
        for turn, want in zip(reports[name].turns, exp["turns"]):
            if want[label]:
                got = turn.code.coarse if label == "coarse" and turn.code else \
                    turn.talk_type.label if label == "talk_type" and turn.talk_type else None
                total += 1
                agree += got == want[label]
    return agree, total


def test_helper_codes_agree_with_hand_labels(reports: dict[str, ReviewReport]) -> None:
    agree, total = _agreement(reports, "coarse")
    assert total > 150
    assert agree / total >= 0.80, f"coarse agreement {agree}/{total}"


def test_client_talk_type_agrees_with_hand_labels(reports: dict[str, ReviewReport]) -> None:
    agree, total = _agreement(reports, "talk_type")
    assert agree / total >= 0.55, f"talk-type agreement {agree}/{total}"


@pytest.mark.parametrize("name", [n for n, e in EXPECTED.items() if e["shifts"]])
def test_sharp_shifts_are_flagged(reports: dict[str, ReviewReport], name: str) -> None:
    got = reports[name].shifts
    for want in EXPECTED[name]["shifts"]:
        match = [s for s in got if s.speaker == want["speaker"] and s.direction == want["direction"]
                 and abs(s.turn - want["turn"]) <= 1]
        assert match, f"{name}: expected a {want['direction']} shift at turn {want['turn']}, got {got}"
        shift = match[0]
        assert shift.helper_response.startswith("The helper")
        turn_text = reports[name].turns[shift.turn].text
        assert all(turn_text[w.start:w.end] == w.text for w in shift.words)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_risk_turns_are_found_and_lead(reports: dict[str, ReviewReport], name: str) -> None:
    r = reports[name]
    flagged = {t.index for t in r.turns if t.risk is not None and RISK_LEVELS.index(t.risk.level) >= 2}
    want = set(EXPECTED[name]["risk_turns"])
    assert want <= flagged, f"{name}: missed risk turns {sorted(want - flagged)}"
    if want:
        assert r.safety is not None and r.risk_turns[0] in want
        page = render_html(r)
        assert page.index("Safety first") < page.index("How the helper did")


def test_sessions_without_risk_raise_few_false_alarms(reports: dict[str, ReviewReport]) -> None:
    """Ordinary session talk must rarely set off the safety protocol (alarm fatigue is a
    safety problem too); recall comes first, so a few false alarms are tolerated."""
    turns = [t for n, e in EXPECTED.items() if not e["risk_turns"] for t in reports[n].turns if t.role == "client"]
    alarms = [t for t in turns if t.risk is not None and RISK_LEVELS.index(t.risk.level) >= 2]
    assert len(turns) > 120
    assert len(alarms) / len(turns) <= 0.10, [(t.index, t.text) for t in alarms]


@pytest.mark.parametrize("name", [n for n, e in EXPECTED.items() if e["family"]])
def test_family_sessions_show_each_voice(reports: dict[str, ReviewReport], name: str) -> None:
    r = reports[name]
    assert r.family
    clients = [s for s in r.speakers if s.role == "client"]
    assert sorted(s.speaker for s in clients) == sorted(EXPECTED[name]["clients"])
    assert abs(sum(s.share_of_voice for s in r.speakers) - 1.0) < 0.01
    assert all(s.arc for s in clients)


def test_report_round_trips_and_renders(reports: dict[str, ReviewReport]) -> None:
    r = reports["t03-family-curfew.txt"]
    again = ReviewReport.model_validate_json(r.model_dump_json())
    assert again == r
    page = render_html(r)
    for needle in ("<svg", "Reflections per question", "Sharp emotional shifts", "Share of voice", "turn by turn"):
        assert needle in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def _turn(i: int, fine: str | None, coarse: str | None, text: str = "word word word") -> TurnReview:
    code = BehaviourCode(coarse=coarse, fine=fine, confidence=0.9, fine_confidence=0.9) if fine else None  # type: ignore[arg-type]
    return TurnReview(index=i, speaker="H" if fine else "C", role="helper" if fine else "client", text=text, code=code)


def test_summary_ratios_and_bands() -> None:
    turns = [_turn(0, "open_question", "question"), _turn(1, None, None), _turn(2, "closed_question", "question"),
             _turn(3, None, None), _turn(4, "complex_reflection", "reflection"), _turn(5, None, None),
             _turn(6, "simple_reflection", "reflection"), _turn(7, "complex_reflection", "reflection"),
             _turn(8, "persuade", "input"), _turn(9, "affirm", "other")]
    s = summarise(turns, "none")
    assert s.reflection_to_question == 1.5
    assert s.percent_complex_reflections == pytest.approx(66.7, abs=0.1)
    assert s.percent_open_questions == 50.0
    assert s.bands["reflection_to_question"].band == "fair"
    assert s.bands["percent_complex_reflections"].band == "good"
    assert s.mi_consistent == 1 and s.mi_inconsistent == 1
    assert 1.0 <= s.global_ratings["partnership"] <= 5.0
    assert s.helper_talk_share == pytest.approx(7 / 10)


@pytest.mark.parametrize("text,client_before,kinds", [
    ("You should just stop drinking on weeknights.", "I drink most nights.", {"advice_without_permission"}),
    ("Since you asked, you could try the app.", "What should I do?", set()),
    ("You should try the app.", "What should I do about it?", set()),
    ("At least you still have your job.", "I feel awful.", {"minimising"}),
    ("Good mothers don't leave their kids alone like that.", "I went out.", {"moralising"}),
    ("Honestly, your mum is the problem here.", "We fight a lot.", {"blaming"}),
    ("Don't worry, everything will be fine.", "I'm scared of the scan.", {"premature_reassurance"}),
    ("I know exactly how you feel.", "I lost my dad.", {"know_exactly"}),
    ("Anyway, how's the new job going?", "I miss her so much.", {"changing_subject"}),
    ("It sounds like the evenings are the hardest part.", "Evenings are awful.", set()),
    ("What would you like to do about it?", "I don't know.", set()),
])
def test_roadblocks(text: str, client_before: str, kinds: set[str]) -> None:
    found = find_roadblocks(text, client_before)
    assert {b.kind for b in found} == kinds
    assert all(text[b.span.start:b.span.end] == b.span.text for b in found)


def test_code_utterance_library_call(pipeline: Pipeline) -> None:
    q = pipeline.code_utterance("What would make this week different?", "helper", "I keep drinking.")
    assert q.coarse == "question" and q.fine == "open_question"
    r = pipeline.code_utterance("So the drinking helps you switch off after work.", "helper", "It's how I relax.")
    assert r.coarse == "reflection"
    t = pipeline.code_utterance("I'm going to stop buying it on the way home.", "client", "What could you do?")
    assert t.label == "change"
