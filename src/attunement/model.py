"""Typed results shared by every layer (library, CLI, API, storage).

The JSON Schema of these models is published as `schema/result-v{SCHEMA_VERSION}.json`;
bump SCHEMA_VERSION on any change that breaks a reader.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

MECHANISMS: tuple[str, str, str] = ("emotional_reactions", "interpretations", "explorations")
LEVEL_LABELS: tuple[str, str, str] = ("none", "weak", "strong")
RISK_LEVELS: tuple[str, ...] = ("none", "low", "moderate", "high", "imminent")

RiskLevel = Literal["none", "low", "moderate", "high", "imminent"]


class Result(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(Result):
    """A piece of the analysed text, by character offsets (end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class MechanismScore(Result):
    level: Literal[0, 1, 2]
    label: Literal["none", "weak", "strong"]
    confidence: float = Field(ge=0.0, le=1.0, description="Probability of the chosen level.")
    probabilities: tuple[float, float, float] = Field(description="P(none), P(weak), P(strong).")
    evidence: list[Span] = Field(default_factory=list)


class EmpathyScore(Result):
    emotional_reactions: MechanismScore
    interpretations: MechanismScore
    explorations: MechanismScore
    total: int = Field(ge=0, le=6)

    def mechanism(self, name: str) -> MechanismScore:
        return getattr(self, name)


class EmotionScore(Result):
    label: str
    family: str
    score: float = Field(ge=0.0, le=1.0)
    evidence: list[Span] = Field(default_factory=list)


class RiskAssessment(Result):
    level: RiskLevel
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[Span] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list, description="What raised or lowered the level.")
    third_party: list[Span] = Field(default_factory=list, description="Someone else may be at risk.")
    context_after: RiskLevel = Field(
        default="none",
        description="The level the conversation's next message is read with (pass it as that message's "
                    "context_level): the highest risk voiced so far, where a reading of the trained model "
                    "alone counts as moderate at most and an alarm the writer explains is set aside.")


class CrisisResource(Result):
    name: str
    contact: str
    hours: str = ""
    source: str = ""


class SafetyProtocol(Result):
    """What a helper should do now, in order. At `imminent` nothing else is shown."""

    level: str
    steps: list[str]
    escalate: bool
    only_protocol: bool = Field(description="True at imminent: show only the protocol and escalation.")
    locale: str
    emergency: str
    resources: list[CrisisResource]
    resources_reviewed: str


class ReplySafetyFlag(Result):
    kind: str  # encourages_self_harm | method_information | dismisses_disclosure | language
    span: Span
    message: str
    suggestion: str | None = None



HelperFine = Literal["open_question", "closed_question", "simple_reflection", "complex_reflection", "affirm",
                     "seek_collaboration", "emphasize_autonomy", "giving_information", "persuade_with_permission",
                     "persuade", "confront", "other"]
HelperCoarse = Literal["question", "reflection", "input", "other"]
TalkLabel = Literal["change", "neutral", "sustain"]


class BehaviourCode(Result):
    """A helper utterance's behaviour code, MITI-style (docs/mi-coding-guide.md)."""

    coarse: HelperCoarse
    fine: HelperFine
    confidence: float = Field(ge=0.0, le=1.0, description="Probability of the coarse code.")
    fine_confidence: float = Field(ge=0.0, le=1.0)
    cues: list[str] = Field(default_factory=list, description="Named cue patterns found in the utterance.")


class TalkType(Result):
    """A client utterance: toward change, toward keeping things as they are, or neither."""

    label: TalkLabel
    confidence: float = Field(ge=0.0, le=1.0)


class Roadblock(Result):
    """Something in a helper's words that tends to shut the other person down."""

    kind: str  # advice_without_permission | minimising | moralising | blaming | premature_reassurance | know_exactly | changing_subject
    span: Span
    message: str


class SeekerAnalysis(Result):
    emotions: list[EmotionScore]
    risk: RiskAssessment


class AnalysisWarning(Result):
    code: str
    message: str


class ReplyAnalysis(Result):
    """What the engine says about one (seeker post, reply) pair."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    empathy: EmpathyScore
    seeker: SeekerAnalysis
    safety: SafetyProtocol | None = Field(default=None, description="Present when the seeker shows risk >= moderate: "
                                          "it leads everything else.")
    reply_safety: list[ReplySafetyFlag] = Field(default_factory=list, description="Unsafe content or wording in the reply.")
    language: str = Field(description="'en', or 'unsupported' when the text does not look English.")
    warnings: list[AnalysisWarning] = Field(default_factory=list)
    versions: dict[str, str] = Field(default_factory=dict)


class EmotionAnalysis(Result):
    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    emotions: list[EmotionScore]
    warnings: list[AnalysisWarning] = Field(default_factory=list)


class RiskAnalysis(Result):
    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    conversation_id: str | None = None
    turn_index: int | None = None
    risk: RiskAssessment


# ---- session review ----------------------------------------------------------------
class TurnReview(Result):
    index: int
    speaker: str
    role: Literal["helper", "client", "other"]
    text: str
    line: int | None = None
    start: float | None = Field(default=None, description="Seconds from the start, when the transcript says.")
    code: BehaviourCode | None = None
    empathy: EmpathyScore | None = None
    roadblocks: list[Roadblock] = Field(default_factory=list)
    reply_safety: list[ReplySafetyFlag] = Field(default_factory=list)
    emotions: list[EmotionScore] = Field(default_factory=list)
    valence: float | None = Field(default=None, ge=-1.0, le=1.0, description="Client turns: from -1 (distress) to 1.")
    intensity: float | None = Field(default=None, ge=0.0, le=1.0, description="Client turns: 1 - P(neutral).")
    talk_type: TalkType | None = None
    risk: RiskAssessment | None = None


class EmotionalShift(Result):
    """A sharp change in one client's emotional state, and what the helper did next."""

    turn: int
    speaker: str
    direction: Literal["positive", "negative"]
    size: float = Field(description="Change in valence from the speaker's recent turns to this one.")
    before: float
    after: float
    emotions: list[str]
    words: list[Span] = Field(description="The words that carried it (evidence of the turn's emotions).")
    helper_turn: int | None = None
    helper_response: str = Field(description="What the helper did next, in plain words.")


class Band(Result):
    """A summary figure against published fair / good thresholds."""

    value: float | None
    fair: float
    good: float
    band: Literal["below fair", "fair", "good", "not enough data"]
    source: str


class SpeakerSummary(Result):
    speaker: str
    role: Literal["helper", "client", "other"]
    turns: int
    words: int
    share_of_voice: float
    mean_valence: float | None = None
    arc: list[float] = Field(default_factory=list, description="Valence of each substantive turn, in order.")
    top_emotions: list[str] = Field(default_factory=list)


class SessionSummary(Result):
    helper_turns: int
    client_turns: int
    codes: dict[str, int]
    coarse_codes: dict[str, int]
    reflection_to_question: float | None
    percent_open_questions: float | None
    percent_complex_reflections: float | None
    helper_talk_share: float
    mi_consistent: int
    mi_inconsistent: int
    bands: dict[str, Band]
    global_ratings: dict[str, float] = Field(description="Estimated MITI-style global ratings (1–5), from behaviour "
                                             "counts and the empathy engine; see docs/review.md for how.")
    roadblocks: dict[str, int]
    talk_types: dict[str, int]
    mean_empathy: float | None
    highest_risk: RiskLevel


class RoleInfo(Result):
    roles: dict[str, Literal["helper", "client", "other"]]
    method: str
    confidence: float
    reasons: list[str] = Field(default_factory=list)


class ReviewReport(Result):
    """What a supervisor would notice in a whole session."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    source: str | None = None
    roles: RoleInfo
    family: bool = Field(description="More than one client: a family or couple session.")
    safety: SafetyProtocol | None = Field(default=None, description="Present when any client turn shows risk >= "
                                          "moderate; it leads the report.")
    risk_turns: list[int] = Field(default_factory=list, description="Client turns at risk >= moderate, or low for what "
                                  "the turn itself said; most severe first.")
    summary: SessionSummary
    speakers: list[SpeakerSummary]
    shifts: list[EmotionalShift]
    turns: list[TurnReview]
    warnings: list[AnalysisWarning] = Field(default_factory=list)
    versions: dict[str, str] = Field(default_factory=dict)


# ---- coach ---------------------------------------------------------------------------
FeedbackTone = Literal["safety", "strength", "suggestion"]


class FeedbackItem(Result):
    """One thing a warm supervisor would say about a reply, tied to its words."""

    kind: str = Field(description="safety_protocol | unsafe_reply | language | strength_<mechanism> | "
                      "missing_<mechanism> | unnamed_feeling | advice_first | closed_question | platitude | "
                      "minimising | judging | self_focus | know_exactly | premature_reassurance | changing_subject")
    tone: FeedbackTone
    message: str
    evidence: list[Span] = Field(default_factory=list, description="Where in the reply (empty when it is about "
                                 "something the reply does not do yet).")
    alternative: str | None = Field(default=None, description="Wording to use instead, when there is one.")


class EditOperation(Result):
    """An insert or replace on the original reply's characters [start, end)."""

    op: Literal["insert", "replace"]
    start: int = Field(ge=0)
    end: int = Field(ge=0, description="Equal to start for an insert.")
    original: str = Field(description="The text replaced (empty for an insert).")
    text: str = Field(description="The text put in.")
    where: str = Field(description="Where, in words: 'at the start', 'after sentence 2', 'at the end', or the span.")
    reason: str
    mechanism: str | None = Field(default=None, description="The empathy mechanism or safety step it strengthens.")
    phrase_id: str | None = Field(default=None, description="The phrase-bank sentence it came from, if any.")


class Rewrite(Result):
    operations: list[EditOperation]
    text: str = Field(description="The whole reply after the edits.")
    predicted_total: int = Field(ge=0, le=6)
    predicted_change: int
    expected_total: float = Field(description="Sum over mechanisms of P(weak) + 2 P(strong): smoother than the levels.")
    similarity: float = Field(description="Encoder cosine similarity to the original reply.")
    exact: bool = Field(description="True when scored by the engine on the rewritten text; False when the live path "
                        "estimated it from the parts (docs/coach.md).")
    source: Literal["phrase_bank", "llm"]


class CoachResult(Result):
    """Feedback and rewrites for one (post, reply) — or a draft still being typed."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = None
    empathy: EmpathyScore
    seeker: SeekerAnalysis
    safety: SafetyProtocol | None = Field(default=None, description="Present when the seeker shows risk >= moderate; "
                                          "the feedback leads with it and every rewrite follows it.")
    feedback: list[FeedbackItem]
    rewrites: list[Rewrite] = Field(description="Best first. Empty at imminent risk: only the protocol is shown.")
    reply_register: str = Field(description="The voice the suggestions use: peer, youth, clinical or older_adult.")
    feeling: str | None = Field(default=None, description="The seeker's feeling the suggestions name.")
    situation: str | None = None
    warnings: list[AnalysisWarning] = Field(default_factory=list)
    versions: dict[str, str] = Field(default_factory=dict)
