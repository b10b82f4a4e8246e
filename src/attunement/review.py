"""Session review: a transcript flows through the same analysers as everything else (risk
first), then the session summary a supervisor reads — MITI-style ratios against their
published bands, estimated global ratings, each person's emotional arc with its sharp
shifts, and the risk turns, which lead the report.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from .analysers.coding import FINE, MI_CONSISTENT, MI_INCONSISTENT
from .analysers.emotions import EMOTIONS, FAMILIES
from .conversation import Conversation, Turn
from .io.transcripts import Transcript, read_transcript
from .model import (RISK_LEVELS, AnalysisWarning, Band, EmotionalShift, ReviewReport, RoleInfo,
                    SessionSummary, SpeakerSummary, TurnReview)
from .roles import RoleAssignment, assign_roles
from .safety import check_helper_text, protocol_for
from .text import words

# Strong emotions move the arc fully; mild ones (approval, curiosity, annoyance…) a third
# as much, so ordinary agreement and disagreement do not read as emotional shifts.
STRONG = frozenset({"grief", "sadness", "fear", "nervousness", "anger", "disgust", "remorse", "disappointment",
                    "embarrassment", "joy", "relief", "excitement", "gratitude", "love", "amusement", "pride"})
_WEIGHT = np.asarray([1.0 if e in STRONG else 0.3 for e in EMOTIONS], dtype=np.float32)
POSITIVE = np.asarray([FAMILIES[e] == "joy" for e in EMOTIONS], dtype=np.float32) * _WEIGHT
NEGATIVE = np.asarray([FAMILIES[e] in ("sadness", "fear", "anger", "disgust") for e in EMOTIONS],
                      dtype=np.float32) * _WEIGHT
NEUTRAL = EMOTIONS.index("neutral")
SHIFT_AT = 0.5  # valence change (on -1..1) from the speaker's recent baseline that counts as sharp…
SUSTAINED = 0.4  # …and that still holds, on average, over this turn and the speaker's next one
BASELINE_TURNS = 3
MIN_WORDS = 4  # shorter turns ("Yeah.", "Okay.") say too little to move an arc
REVIEW_COMPONENTS = ("risk", "emotions", "empathy", "coding", "roadblocks")


def valence(p: np.ndarray) -> tuple[float, float]:
    """(valence in -1..1, intensity in 0..1) from the 28 emotion probabilities."""
    pos, neg = float(p @ POSITIVE), float(p @ NEGATIVE)
    v = (pos - neg) / (pos + neg + 0.25)
    return max(-1.0, min(1.0, v)), max(0.0, min(1.0, 1.0 - float(p[NEUTRAL])))


def band(value: float | None, fair: float, good: float, source: str) -> Band:
    if value is None:
        return Band(value=None, fair=fair, good=good, band="not enough data", source=source)
    label = "good" if value >= good else "fair" if value >= fair else "below fair"
    return Band(value=round(value, 3), fair=fair, good=good, band=label, source=source)  # type: ignore[arg-type]


def conversation_of(transcript: Transcript, roles: RoleAssignment, id: str | None = None) -> Conversation:
    turns = [Turn(i, t.speaker, roles.roles.get(t.speaker, "client"), t.text, line=t.line, start=t.start)  # type: ignore[arg-type]
             for i, t in enumerate(transcript.turns)]
    return Conversation(turns, id=id or Path(transcript.source).stem)


def review_transcript(pipeline, transcript: Transcript, helpers: list[str] | None = None,  # type: ignore[no-untyped-def]
                      roles: dict[str, str] | None = None, id: str | None = None) -> ReviewReport:
    assignment = assign_roles(transcript, helpers, roles)
    conv = conversation_of(transcript, assignment, id)
    pipeline.encoder.prime([t.text for t in conv.turns])
    for analyser in pipeline.analysers_for(REVIEW_COMPONENTS):
        analyser.analyse(conv)
    warnings = [AnalysisWarning(code="W200", message=f"line {line}: {msg}" if line else msg)
                for line, msg in transcript.warnings]
    warnings += [AnalysisWarning(code="W201", message=w) for w in assignment.warnings]
    return build_report(pipeline, conv, assignment, transcript.source, warnings)


def review_file(pipeline, path: str | Path, helpers: list[str] | None = None,  # type: ignore[no-untyped-def]
                roles: dict[str, str] | None = None) -> ReviewReport:
    return review_transcript(pipeline, read_transcript(path), helpers, roles, id=Path(path).stem)


def build_report(pipeline, conv: Conversation, roles: RoleAssignment, source: str | None,  # type: ignore[no-untyped-def]
                 warnings: list[AnalysisWarning]) -> ReviewReport:
    emotion_model = pipeline.emotion_model
    turn_reviews: list[TurnReview] = []
    for t in conv.turns:
        a = t.annotations
        v = inten = None
        if t.role == "client":
            v, inten = valence(emotion_model.probabilities(t.text))
        turn_reviews.append(TurnReview(
            index=t.index, speaker=t.speaker, role=t.role, text=t.text, line=t.line, start=t.start,
            code=a.get("code"), empathy=a.get("empathy"), roadblocks=a.get("roadblocks", []),
            reply_safety=check_helper_text(t.text) if t.role == "helper" else [],
            emotions=a.get("emotions", []), valence=None if v is None else round(v, 4),
            intensity=None if inten is None else round(inten, 4), talk_type=a.get("talk_type"), risk=a.get("risk")))
    risky = [r for r in turn_reviews if r.risk is not None and own_risk(r.risk)]
    risky.sort(key=lambda r: (-RISK_LEVELS.index(r.risk.level), r.index))  # type: ignore[union-attr]
    worst = risky[0].risk if risky else None
    if worst is not None and RISK_LEVELS.index(worst.level) >= 2:
        warnings.insert(0, AnalysisWarning(code="W100", message=f"Turn {risky[0].index} ({risky[0].speaker}) shows "
                                           f"{worst.level} risk of self-harm or suicide: follow the safety protocol."))
    return ReviewReport(
        id=conv.id, source=source,
        roles=RoleInfo(roles=roles.roles, method=roles.method, confidence=roles.confidence, reasons=roles.reasons),  # type: ignore[arg-type]
        family=len(roles.clients) > 1,
        safety=protocol_for(worst, pipeline.locale) if worst is not None else None,
        risk_turns=[r.index for r in risky],
        summary=summarise(turn_reviews, worst.level if worst else "none"),
        speakers=speaker_summaries(turn_reviews),
        shifts=find_shifts(turn_reviews),
        turns=turn_reviews, warnings=warnings, versions=pipeline.versions)


def own_risk(risk) -> bool:  # type: ignore[no-untyped-def]
    """Worth listing: moderate or above, or low for something this turn said (not only
    because of what was said earlier)."""
    if RISK_LEVELS.index(risk.level) >= 2:
        return True
    return risk.level == "low" and any(not r.startswith("raised to low: earlier messages") for r in risk.reasons
                                       if r.startswith("raised"))


def summarise(turns: list[TurnReview], highest_risk: str) -> SessionSummary:
    helper = [t for t in turns if t.role == "helper"]
    client = [t for t in turns if t.role == "client"]
    codes = Counter(t.code.fine for t in helper if t.code)
    coarse = Counter(t.code.coarse for t in helper if t.code)
    questions = coarse["question"]
    reflections = coarse["reflection"]
    open_q, closed_q = codes["open_question"], codes["closed_question"]
    rq = reflections / questions if questions else (None if not reflections else float(reflections))
    pct_open = open_q / (open_q + closed_q) if open_q + closed_q else None
    pct_cr = codes["complex_reflection"] / reflections if reflections else None
    n_words = {t.index: len(words(t.text)) for t in turns}
    total_words = sum(n_words.values()) or 1
    helper_share = sum(n_words[t.index] for t in helper) / total_words
    consistent = sum(codes[c] for c in MI_CONSISTENT)
    inconsistent = sum(codes[c] for c in MI_INCONSISTENT)
    empathy = [t.empathy.total for t in helper if t.empathy]
    roadblocks = Counter(b.kind for t in helper for b in t.roadblocks)
    talk = Counter(t.talk_type.label for t in client if t.talk_type)
    globals_ = global_ratings(helper, codes, reflections, consistent, inconsistent, sum(roadblocks.values()), talk)
    bands = {
        "reflection_to_question": band(rq, 1.0, 2.0, "MITI 4.2.1 (R:Q 1:1 fair, 2:1 good)"),
        "percent_complex_reflections": band(None if pct_cr is None else pct_cr * 100, 40.0, 50.0,
                                            "MITI 4.2.1 (40 % fair, 50 % good)"),
        "percent_open_questions": band(None if pct_open is None else pct_open * 100, 50.0, 70.0,
                                       "MITI 3.1.1 (50 % fair, 70 % good)"),
        "relational": band(globals_["relational"], 3.5, 4.0, "MITI 4.2.1 relational global (3.5 fair, 4 good); estimated"),
        "technical": band(globals_["technical"], 3.0, 4.0, "MITI 4.2.1 technical global (3 fair, 4 good); estimated"),
    }
    return SessionSummary(
        helper_turns=len(helper), client_turns=len(client), codes={c: codes[c] for c in FINE if codes[c]},
        coarse_codes=dict(coarse), reflection_to_question=None if rq is None else round(rq, 3),
        percent_open_questions=None if pct_open is None else round(pct_open * 100, 1),
        percent_complex_reflections=None if pct_cr is None else round(pct_cr * 100, 1),
        helper_talk_share=round(helper_share, 3), mi_consistent=consistent, mi_inconsistent=inconsistent,
        bands=bands, global_ratings=globals_, roadblocks=dict(roadblocks), talk_types=dict(talk),
        mean_empathy=round(float(np.mean(empathy)), 3) if empathy else None, highest_risk=highest_risk)  # type: ignore[arg-type]


def global_ratings(helper: list[TurnReview], codes: Counter, reflections: int, consistent: int, inconsistent: int,
                   roadblocks: int, talk: Counter) -> dict[str, float]:
    """MITI-style globals (1–5) estimated from behaviour counts — a transparent formula,
    not a trained rater: each term is a behaviour that MITI's anchors describe."""
    n = max(1, len(helper))
    weighted_refl = (codes["complex_reflection"] + 0.5 * codes["simple_reflection"]) / n
    levels = [t.empathy.interpretations.level / 2 for t in helper if t.empathy]
    interp = float(np.mean(levels)) if levels else 0.0
    empathy = 1 + 4 * min(1.0, 0.65 * min(1.0, weighted_refl / 0.35) + 0.35 * float(interp))
    open_share = codes["open_question"] / max(1, codes["open_question"] + codes["closed_question"])
    partnership = 1 + 4 * max(0.0, min(1.0, 0.35 * open_share + 0.35 * min(1.0, (consistent + reflections) / n / 0.4)
                                       + 0.3 - 2.0 * (inconsistent + 0.5 * roadblocks) / n))
    change, sustain = talk["change"], talk["sustain"]
    cultivating = 1 + 4 * (change / (change + sustain) if change + sustain else 0.5)
    softening = 1 + 4 * max(0.0, min(1.0, 1.0 - 3.0 * (inconsistent + 0.5 * roadblocks) / n))
    return {"partnership": round(partnership, 2), "empathy": round(empathy, 2),
            "cultivating_change_talk": round(cultivating, 2), "softening_sustain_talk": round(softening, 2),
            "relational": round((partnership + empathy) / 2, 2), "technical": round((cultivating + softening) / 2, 2)}


def speaker_summaries(turns: list[TurnReview]) -> list[SpeakerSummary]:
    total = sum(len(words(t.text)) for t in turns) or 1
    out = []
    for name in dict.fromkeys(t.speaker for t in turns):
        mine = [t for t in turns if t.speaker == name]
        arc = [t.valence for t in mine if t.valence is not None and len(words(t.text)) >= MIN_WORDS]
        emo = Counter(e.label for t in mine for e in t.emotions if e.label != "neutral")
        n_words = sum(len(words(t.text)) for t in mine)
        out.append(SpeakerSummary(speaker=name, role=mine[0].role, turns=len(mine), words=n_words,
                                  share_of_voice=round(n_words / total, 3),
                                  mean_valence=round(float(np.mean(arc)), 3) if arc else None,
                                  arc=[round(v, 3) for v in arc], top_emotions=[e for e, _ in emo.most_common(3)]))
    return out


def find_shifts(turns: list[TurnReview]) -> list[EmotionalShift]:
    """A client turn whose valence moves sharply from that speaker's recent baseline and
    stays moved in their next turn (a one-turn blip is not a shift); the baseline restarts
    after a shift, so one change is reported once."""
    by_speaker: dict[str, list[TurnReview]] = {}
    for t in turns:
        if t.role == "client" and t.valence is not None and len(words(t.text)) >= MIN_WORDS:
            by_speaker.setdefault(t.speaker, []).append(t)
    shifts: list[EmotionalShift] = []
    for speaker, seq in by_speaker.items():
        start = 0
        for k, t in enumerate(seq):
            if k - start < 2:
                continue
            base = float(np.mean([x.valence for x in seq[max(start, k - BASELINE_TURNS):k]]))
            delta = float(t.valence) - base  # type: ignore[arg-type]
            held = float(np.mean([x.valence for x in seq[k:k + 2]])) - base
            if abs(delta) < SHIFT_AT or np.sign(held) != np.sign(delta) or abs(held) < SUSTAINED:
                continue
            helper_turn, response = helper_response(turns, t.index)
            spans = [sp for e in t.emotions if e.label != "neutral" for sp in e.evidence][:3]
            shifts.append(EmotionalShift(
                turn=t.index, speaker=speaker, direction="negative" if delta < 0 else "positive",
                size=round(delta, 3), before=round(base, 3), after=round(float(t.valence), 3),  # type: ignore[arg-type]
                emotions=[e.label for e in t.emotions], words=list(dict.fromkeys(spans)),
                helper_turn=helper_turn, helper_response=response))
            start = k
    return sorted(shifts, key=lambda s: s.turn)


def helper_response(turns: list[TurnReview], after: int) -> tuple[int | None, str]:
    nxt = next((t for t in turns[after + 1:] if t.role == "helper"), None)
    if nxt is None:
        return None, "The session ended without a helper turn after this."
    parts = []
    e = nxt.empathy
    if e is not None and (e.emotional_reactions.level or e.interpretations.level):
        parts.append("acknowledged the feeling")
    if nxt.code is not None:
        parts.append({"open_question": "asked an open question", "closed_question": "asked a closed question",
                      "simple_reflection": "reflected what was said", "complex_reflection": "reflected the meaning "
                      "beneath it", "affirm": "affirmed the client", "giving_information": "gave information",
                      "persuade": "gave advice", "persuade_with_permission": "offered advice with permission",
                      "confront": "confronted the client", "emphasize_autonomy": "stressed the client's choice",
                      "seek_collaboration": "invited collaboration", "other": "said something brief"}[nxt.code.fine])
    if nxt.roadblocks:
        parts.append("with a roadblock (" + ", ".join(b.kind.replace("_", " ") for b in nxt.roadblocks) + ")")
    if e is not None and not (e.emotional_reactions.level or e.interpretations.level) and \
            (nxt.code is None or nxt.code.coarse not in ("reflection",)):
        parts.append("without naming the feeling")
    return nxt.index, "The helper " + (", ".join(parts) if parts else "responded") + "."
