"""The coach: feedback, rewrites, the safety gate, the phrase bank and the LLM backend."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from llm_server import ChatServer
from typer.testing import CliRunner

from attunement.cli import app
from attunement.coach import Coach, edits, short_contact
from attunement.coach.bank import (
    KINDS,
    REGISTERS,
    SAFETY_ASK,
    bank_dir,
    check_phrase,
    load_bank,
    read_file,
)
from attunement.coach.feedback import CRISIS_POINTER
from attunement.coach.llm import LLMBackend
from attunement.coach.register import detect_register, writes_lowercase
from attunement.coach.slots import find_slots
from attunement.errors import ConfigError, EmptyTextError, EncodingError
from attunement.model import EditOperation

runner = CliRunner()
LOSS = "My dad passed away last month and I feel so empty. Nobody at school gets it."
JOB = "I got laid off on Friday after nine years. I feel useless and I can't sleep."
MODERATE = "I can't do this anymore. Some nights I just want to go to sleep and never wake up."
IMMINENT = "I have the pills counted out and I'm doing it tonight. Goodbye everyone."


@pytest.fixture(scope="module")
def coach(pipeline) -> Coach:  # type: ignore[no-untyped-def]
    return Coach(pipeline).warm()


def _reconstructs(reply: str, rewrite) -> bool:  # type: ignore[no-untyped-def]
    for op in rewrite.operations:
        assert reply[op.start:op.end] == op.original
        assert (op.start == op.end) == (op.op == "insert")
    return edits.apply(reply, list(rewrite.operations)) == rewrite.text


# ---- phrase bank -------------------------------------------------------------------------
def test_bank_loads_every_register_and_kind() -> None:
    bank = load_bank()
    have = {(p.register, p.kind) for p in bank}
    assert have == {(r, k) for r in REGISTERS for k in KINDS}
    assert len({p.id for p in bank}) == len(bank)
    for kind in ("acknowledge", "reflect", "explore"):
        assert sum(p.register == "peer" and p.kind == kind for p in bank) >= 250


def test_every_bank_file_passes_its_checks() -> None:
    for path in sorted(bank_dir().glob("*.jsonl")):
        _, errors = read_file(path)
        assert errors == [], errors[:3]


@pytest.mark.parametrize("text,kind,problem", [
    ("I know exactly how you feel.", "reflect", "know"),
    ("When I was your age my mum died too.", "acknowledge", "self-disclosure"),
    ("Everything happens for a reason.", "acknowledge", "platitude"),
    ("At least you still have your health.", "reflect", "minimising"),
    ("You should call your doctor.", "acknowledge", "advice"),
    ("Do you feel sad?", "explore", "yes/no"),
    ("That sounds hard", "acknowledge", "end with"),
    ("It sounds like {mood} is heavy.", "reflect", "unknown slot"),
    ("Please call someone.", "safety_connect", "{resource}"),
    ("Are you okay?", "safety_ask", "directly"),
])
def test_check_phrase_explains_each_mistake(text: str, kind: str, problem: str) -> None:
    assert any(problem in p for p in check_phrase(text, kind)), check_phrase(text, kind)


def test_check_phrase_accepts_a_good_sentence() -> None:
    assert check_phrase("It sounds like {situation} has left you feeling {feeling}.", "reflect") == []


def test_bank_checker_reports_near_duplicates_and_bad_names(tmp_path: Path) -> None:
    f = tmp_path / "peer-explore.jsonl"
    f.write_text(json.dumps({"id": "peer-explore-001", "text": "What has {situation} been like for you?"}) + "\n"
                 + json.dumps({"id": "peer-explore-002", "text": "What has {situation} been like for you so far?"}) + "\n")
    _, errors = read_file(f)
    assert any("nearly the same" in e for e in errors)
    bad = tmp_path / "pirate-explore.jsonl"
    bad.write_text("")
    assert "register" in read_file(bad)[1][0]
    with pytest.raises(ConfigError):
        load_bank(str(tmp_path))


# ---- slots and register -----------------------------------------------------------------
@pytest.mark.parametrize("post,feeling,situation_word", [
    (LOSS, "empty", "dad"),
    (JOB, "down on yourself", "job"),
    ("My girlfriend broke up with me and I'm so lost.", "lost", "breakup"),
    ("Finals are next week and I am terrified.", "terrified", "exams"),
    ("I'm tired of my roommate's mess.", None, "roommate"),
])
def test_slots_use_the_seekers_own_words(post: str, feeling: str | None, situation_word: str) -> None:
    s = find_slots(post, [], random.Random(0))
    assert s.feeling == feeling
    assert any(situation_word in x for x in s.situations) or situation_word in (s.topic or "")


@pytest.mark.parametrize("reply,post,register", [
    ("omg that's so rough tbh, u ok?", "", "youth"),
    ("It sounds as though part of you wants to leave and part of you wants to stay.", "", "clinical"),
    ("I'm sorry to hear that.", "My late husband always did the garden. I'm 81 now.", "older_adult"),
    ("That sounds really hard, I'm sorry.", "My boss yelled at me again.", "peer"),
])
def test_register_follows_the_helper(reply: str, post: str, register: str) -> None:
    assert detect_register(reply, post) == register


def test_lowercase_writer_gets_lowercase_suggestions(coach: Coach) -> None:
    reply = "that sucks. my grandpa died last year and it gets easier tho"
    assert writes_lowercase(reply)
    r = coach.coach(LOSS, reply)
    assert r.rewrites and all(not any(ch.isupper() for o in w.operations if o.phrase_id for ch in o.text)
                              for w in r.rewrites)


# ---- edits -------------------------------------------------------------------------------
def test_apply_keeps_insert_order_and_replaces() -> None:
    reply = "You should rest"
    ops = [EditOperation(op="replace", start=0, end=10, original="You should", text="You could", where="", reason=""),
           EditOperation(op="insert", start=0, end=0, original="", text=edits.join_insert(reply, 0, "One."), where="", reason=""),
           EditOperation(op="insert", start=0, end=0, original="", text=edits.join_insert(reply, 0, "Two."), where="", reason=""),
           EditOperation(op="insert", start=15, end=15, original="", text=edits.join_insert(reply, 15, "How?"), where="", reason="")]
    assert edits.apply(reply, ops) == "One. Two. You could rest. How?"


# ---- coaching ----------------------------------------------------------------------------
def test_low_empathy_reply_gets_tailored_rewrites_that_score_higher(coach: Coach) -> None:
    reply = "You should update your CV and start applying this week."
    r = coach.coach(JOB, reply)
    assert r.safety is None and r.rewrites
    assert [w.expected_total for w in r.rewrites] and all(w.predicted_total >= r.empathy.total for w in r.rewrites)
    assert r.rewrites[0].predicted_change > 0 and r.rewrites[0].exact
    for w in r.rewrites:
        assert _reconstructs(reply, w)
        assert "update your CV" in w.text  # the helper's own content stays
    named = [w for w in r.rewrites if "down on yourself" in w.text.lower() or any(
        s in w.text for s in ("job", "let go", "out of work"))]
    assert named, [w.text for w in r.rewrites]
    kinds = [f.kind for f in r.feedback]
    assert "advice_first" in kinds and "missing_explorations" in kinds
    assert r.feedback[0].tone == "strength"


def test_feedback_names_strengths_with_evidence(coach: Coach) -> None:
    reply = "I'm so sorry about your dad. It sounds like you feel really alone at school. What was he like?"
    r = coach.coach(LOSS, reply)
    strengths = [f for f in r.feedback if f.tone == "strength"]
    assert strengths and all(f.evidence and f.evidence[0].text in reply for f in strengths)


@pytest.mark.parametrize("reply,kind", [
    ("Did you talk to your mum about it?", "closed_question"),
    ("Everything happens for a reason, stay strong.", "platitude"),
    ("I know exactly how you feel, my dad died too.", "know_exactly"),
    ("At least you had him for a long time.", "minimising"),
    ("My dad died when I was 12. I was so angry for years. I went to therapy and my life changed.", "self_focus"),
])
def test_feedback_catches_common_misses(coach: Coach, reply: str, kind: str) -> None:
    r = coach.coach(LOSS, reply)
    hit = [f for f in r.feedback if f.kind == kind]
    assert hit, [f.kind for f in r.feedback]
    assert hit[0].evidence and hit[0].evidence[0].text in reply


def test_same_seed_same_suggestions_other_seed_can_differ(pipeline) -> None:  # type: ignore[no-untyped-def]
    reply = "That's rough. Try to get some sleep."
    a = Coach(pipeline, seed=1).coach(JOB, reply)
    b = Coach(pipeline, seed=1).coach(JOB, reply)
    assert [w.text for w in a.rewrites] == [w.text for w in b.rewrites]
    others = {tuple(w.text for w in Coach(pipeline, seed=s).coach(JOB, reply).rewrites) for s in range(2, 6)}
    assert len(others) > 1


def test_live_path_estimates_and_agrees_in_direction(pipeline) -> None:  # type: ignore[no-untyped-def]
    live = Coach(pipeline, exact=False).coach(JOB, "You'll find something better.")
    assert live.rewrites and not any(w.exact for w in live.rewrites)
    exact = Coach(pipeline).coach(JOB, live.rewrites[0].text)
    assert exact.empathy.total > live.empathy.total


def test_language_is_made_safer_in_rewrites(coach: Coach) -> None:
    reply = "My uncle committed suicide, so I get it."
    r = coach.coach(JOB, reply)
    assert any(f.kind == "language" and f.alternative for f in r.feedback)
    assert r.rewrites and all("committed suicide" not in w.text and "died by suicide" in w.text for w in r.rewrites)


def test_unsafe_reply_is_flagged_and_removed(coach: Coach) -> None:
    reply = "Wow. Just kys then."
    r = coach.coach("Everyone at school hates me.", reply)
    assert r.feedback[0].tone == "safety" and r.feedback[0].kind == "unsafe_reply"
    assert all("kys" not in w.text for w in r.rewrites)


# ---- safety gate ---------------------------------------------------------------------------
def test_moderate_risk_protocol_leads_and_every_rewrite_follows_it(coach: Coach) -> None:
    reply = "Don't say that, you have so much to live for! Things will get better."
    r = coach.coach(MODERATE, reply)
    assert r.safety is not None and r.safety.level in ("moderate", "high")
    assert r.feedback[0].kind == "safety_protocol"
    assert all(f.tone == "safety" for f in r.feedback)
    assert {"ask_directly", "connect_support"} <= {f.kind for f in r.feedback}
    assert r.rewrites
    for w in r.rewrites:
        assert SAFETY_ASK.search(w.text) and CRISIS_POINTER.search(w.text)
        assert "so much to live for" not in w.text and "get better" not in w.text
        assert _reconstructs(reply, w)


def test_imminent_risk_shows_only_protocol_and_escalation(coach: Coach) -> None:
    r = coach.coach(IMMINENT, "Please don't, you have so much to live for.")
    assert r.safety is not None and r.safety.only_protocol
    assert r.rewrites == []
    assert [f.kind for f in r.feedback][:2] == ["safety_protocol", "escalate"]
    assert all(f.tone == "safety" for f in r.feedback)


def test_crisis_resource_follows_the_locale(pipeline) -> None:  # type: ignore[no-untyped-def]
    r = Coach(pipeline, locale="GB").coach(MODERATE, "oh no. that's awful.")
    assert r.rewrites and all("Samaritans" in w.text for w in r.rewrites)
    assert short_contact("Call or text 988, or chat at 988lifeline.org") == "Call or text 988"
    assert short_contact("findahelpline.com lists free, confidential helplines by country") == "findahelpline.com"


# ---- bad input ------------------------------------------------------------------------------
def test_bad_input_gets_clear_errors(coach: Coach) -> None:
    with pytest.raises(EmptyTextError):
        coach.coach(JOB, "   ")
    with pytest.raises(EncodingError):
        coach.coach(JOB, "\x00\x01\x02 binary")
    with pytest.raises(ConfigError, match="register"):
        Coach(register="pirate")
    big = "I hear you. " * 20000
    r = coach.coach(JOB, big[:99_000])
    assert r.empathy.total >= 0


# ---- LLM backend over real HTTP ----------------------------------------------------------
def test_llm_proposals_are_rescored_and_marked(pipeline) -> None:  # type: ignore[no-untyped-def]
    with ChatServer("good") as server:
        c = Coach(pipeline, llm=LLMBackend(server.url, n=2))
        r = c.coach(JOB, "You should update your CV.")
    assert server.requests and server.requests[0]["messages"][0]["role"] == "system"
    llm = [w for w in r.rewrites if w.source == "llm"]
    assert llm and llm[0].exact and "down on yourself" in llm[0].text
    assert _reconstructs("You should update your CV.", llm[0])


def test_llm_unsafe_or_garbled_proposals_never_reach_the_user(pipeline) -> None:  # type: ignore[no-untyped-def]
    with ChatServer("unsafe") as server:
        r = Coach(pipeline, llm=LLMBackend(server.url)).coach(JOB, "That sucks.")
    assert r.rewrites and all("dramatic" not in w.text for w in r.rewrites)
    with ChatServer("garbage") as server:
        r = Coach(pipeline, llm=LLMBackend(server.url)).coach(JOB, "That sucks.")
    assert any(w.code == "W300" for w in r.warnings) and r.rewrites
    with ChatServer("bad_replace") as server:
        r = Coach(pipeline, llm=LLMBackend(server.url)).coach(JOB, "That sucks.")
    assert all(w.source == "phrase_bank" for w in r.rewrites)


def test_llm_suggestions_follow_the_safety_protocol(pipeline) -> None:  # type: ignore[no-untyped-def]
    with ChatServer("good") as server:
        r = Coach(pipeline, llm=LLMBackend(server.url)).coach(MODERATE, "That sounds hard.")
    assert r.rewrites
    for w in r.rewrites:
        assert SAFETY_ASK.search(w.text) and CRISIS_POINTER.search(w.text)


def test_llm_server_down_falls_back_to_the_phrase_bank(pipeline) -> None:  # type: ignore[no-untyped-def]
    with ChatServer("good") as server:
        url = server.url
    r = Coach(pipeline, llm=LLMBackend(url, timeout=2)).coach(JOB, "That sucks.")
    assert any(w.code == "W300" for w in r.warnings) and r.rewrites


# ---- CLI --------------------------------------------------------------------------------------
def test_cli_coach_post_reply() -> None:
    res = runner.invoke(app, ["coach", "--post", JOB, "--reply", "You'll find another job."])
    assert res.exit_code == 0, res.output
    assert "Suggested rewrites" in res.stdout and "insert" in res.stdout


def test_cli_coach_file(tmp_path: Path) -> None:
    src = tmp_path / "pairs.jsonl"
    rows = [{"id": "a", "seeker_post": JOB, "response": "Get a new job."},
            {"id": "b", "seeker_post": MODERATE, "response": "Cheer up!"},
            {"id": "c", "seeker_post": JOB, "response": ""}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["coach", str(src), "-o", str(out), "--skip-bad"])
    assert res.exit_code == 0, res.output
    got = [json.loads(x) for x in out.read_text().splitlines()]
    assert [g["id"] for g in got] == ["a", "b"] and "pairs.jsonl:3" in res.output
    assert got[0]["rewrites"][0]["text"] and got[0]["rewrites"][0]["operations"] and "safety" not in got[0]
    assert got[1]["safety"]["level"] in ("moderate", "high") and got[1]["feedback"][0]["kind"] == "safety_protocol"


def test_cli_evaluate_coach(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": i, "seeker_post": JOB, "response_post": r, "emotional_reactions": 0, "interpretations": 0,
             "explorations": 0} for i, r in enumerate(["Get a new job.", "That sucks.", "Try LinkedIn."])]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    res = runner.invoke(app, ["evaluate", "coach", "--gold", str(gold), "--json"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    assert rep["pairs"] == 3 and rep["share_improved"] > 0 and rep["median_similarity"] is not None


@pytest.mark.parametrize("post,expected", [
    ("I feel like nobody at school gets it.", "you feel like nobody at school gets it"),
    ("i just cant stop thinking about Tom, i miss him so much", "you just can't stop thinking about Tom"),
    ("Work is a mess. I was so stressed I couldn't eat.", "you were so stressed you couldn't eat"),
    ("Honestly I'm so tired of pretending everything is fine with my parents.",
     "you're so tired of pretending everything is fine with your parents"),
])
def test_echo_gives_the_seekers_words_back_in_second_person(post: str, expected: str) -> None:
    from attunement.coach.slots import echoes

    assert echoes(post)[0] == expected


@pytest.mark.parametrize("post", ["I have a job interview tomorrow.", "I think I want to kill myself.",
                                  "I told you I can't do this.", "I'm 19."])
def test_echo_leaves_out_plain_facts_risk_words_and_addresses(post: str) -> None:
    from attunement.coach.slots import echoes

    assert echoes(post) == []


def test_fluency_check_blames_only_the_edits() -> None:
    original = "i i dont know . sorry"
    assert edits.fluent(original + " What has it been like?", original)
    assert not edits.fluent("That is is hard. " + original, original)
    assert not edits.fluent("So sorry. So sorry. Hi.", "Hi.")


def test_prepare_analyses_the_post_before_typing(pipeline) -> None:  # type: ignore[no-untyped-def]
    c = Coach(pipeline, exact=False)
    c.prepare(JOB)
    assert c.planner._fragments
    r = c.coach(JOB, "that sucks, you'll find something")
    assert r.rewrites and r.reply_register in ("peer", "youth")


def test_two_inserts_after_an_unfinished_sentence_get_one_full_stop(coach: Coach) -> None:
    reply = "Could be a side effect of some medication"
    r = coach.coach(MODERATE, reply)  # at risk: the question and the crisis line both go at the end
    assert r.rewrites
    for w in r.rewrites:
        assert "?." not in w.text and ".." not in w.text and ". ." not in w.text


def test_a_neutral_question_gets_no_sympathy_suggested(coach: Coach) -> None:
    r = coach.coach("What podcasts do you listen to when you can't sleep? Looking for recommendations.",
                    "I like history podcasts, they're calm.")
    assert all(o.mechanism != "emotional_reactions" for w in r.rewrites for o in w.operations)
    assert "missing_emotional_reactions" not in {f.kind for f in r.feedback}
