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
