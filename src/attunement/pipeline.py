"""The one pipeline: text → Conversation → analysers (risk first) → typed results.

Models load lazily and once; a Pipeline is safe to share between threads. Every
result carries the versions of the analysers and models that produced it.
"""
from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path

from . import __version__
from .analysers.base import REGISTRY, Analyser
from .analysers.coding import CodingAnalyser, CodingModel
from .analysers.emotions import EmotionAnalyser, EmotionModel
from .analysers.empathy import EmpathyAnalyser, EmpathyModel
from .analysers.risk import RiskAnalyser, RiskModel
from .analysers.roadblocks import RoadblockAnalyser
from .conversation import Conversation
from .encoder import MODEL_ID, Encoder, default_encoder
from .errors import ConfigError
from .model import (RISK_LEVELS, AnalysisWarning, EmotionAnalysis, ReplyAnalysis, RiskAnalysis,
                    SeekerAnalysis)
from .models import manifest
from .safety import check_helper_text, protocol_for
from .text import MAX_CHARS, clean_text, looks_english

DEFAULT_COMPONENTS = ("risk", "emotions", "empathy")
ALL_COMPONENTS = ("risk", "emotions", "empathy", "coding", "roadblocks")


class Pipeline:
    """Runs the analysers a task needs, in dependency order.

    Parameters are exactly the constructor's keywords, so a pipeline can be described,
    saved and rebuilt (scikit-learn's habit).
    """

    def __init__(self, model_dir: str | Path | None = None, components: tuple[str, ...] = DEFAULT_COMPONENTS,
                 max_chars: int = MAX_CHARS, encoder: Encoder | None = None, locale: str | None = None) -> None:
        unknown = [c for c in components if c not in REGISTRY]
        if unknown:
            raise ConfigError(f"The 'components' parameter of Pipeline must name registered analysers "
                              f"({', '.join(sorted(REGISTRY))}). Got {unknown!r} instead.")
        self.model_dir = model_dir
        self.components = components
        self.max_chars = max_chars
        self.locale = locale
        self.encoder = encoder or default_encoder()
        self._lock = threading.RLock()
        self._built: dict[str, Analyser] = {}

    # ---- models, loaded once -------------------------------------------------------
    @cached_property
    def empathy_model(self) -> EmpathyModel:
        return EmpathyModel.load(self.model_dir, self.encoder)

    @cached_property
    def emotion_model(self) -> EmotionModel:
        return EmotionModel.load(self.model_dir, self.encoder)

    @cached_property
    def risk_model(self) -> RiskModel:
        return RiskModel.load(self.model_dir, self.encoder)

    @cached_property
    def coding_model(self) -> CodingModel:
        return CodingModel.load(self.model_dir, self.encoder)

    def _build(self, name: str) -> Analyser:
        factories = {"risk": lambda: RiskAnalyser(self.risk_model), "emotions": lambda: EmotionAnalyser(self.emotion_model),
                     "empathy": lambda: EmpathyAnalyser(self.empathy_model),
                     "coding": lambda: CodingAnalyser(self.coding_model),
                     "roadblocks": lambda: RoadblockAnalyser(self.encoder)}
        with self._lock:
            if name not in self._built:
                self._built[name] = factories[name]()
            return self._built[name]

    def analysers_for(self, components: tuple[str, ...]) -> list[Analyser]:
        """The analysers for these components, risk always first (every other feature obeys it)."""
        order = sorted(components, key=lambda c: (c != "risk", ALL_COMPONENTS.index(c)))
        return [self._build(c) for c in order]

    @cached_property
    def analysers(self) -> list[Analyser]:
        return self.analysers_for(self.components)

    @cached_property
    def versions(self) -> dict[str, str]:
        out = {"attunement": __version__, "encoder": MODEL_ID}
        for name in ("empathy", "emotions", "risk", "coding"):
            m = manifest(f"{name}.json", self.model_dir)
            if m:
                out[f"{name}_model"] = f"{m.get('name', name)}@{m.get('weights_sha256', '?')[:12]}"
        return out

    def warm(self) -> "Pipeline":
        with self._lock:
            self.encoder.warm()
            self.analysers  # noqa: B018
        return self

    # ---- tasks ---------------------------------------------------------------------
    def run(self, conversation: Conversation) -> Conversation:
        for analyser in self.analysers:
            analyser.analyse(conversation)
        return conversation

    def analyze_reply(self, seeker_post: str, response: str, id: str | None = None) -> ReplyAnalysis:
        post = clean_text(seeker_post, field="seeker_post", max_chars=self.max_chars)
        reply = clean_text(response, field="response", max_chars=self.max_chars)
        warnings: list[AnalysisWarning] = []
        english = looks_english(reply) and looks_english(post)
        if not english:
            warnings.append(AnalysisWarning(code="W001", message="The text does not look like English, which "
                                            "these models do not support; confidence has been lowered."))
        conv = self.run(Conversation.pair(post, reply, id=id))
        client, helper = conv.turns
        empathy = helper.annotations["empathy"]
        if not english:
            empathy = _lower_confidence(empathy)
        risk = client.annotations["risk"]
        if RISK_LEVELS.index(risk.level) >= 2:
            warnings.append(AnalysisWarning(code="W100", message=f"The seeker's post shows {risk.level} risk of "
                                            "self-harm or suicide: follow the safety protocol first."))
        return ReplyAnalysis(id=id, empathy=empathy, seeker=SeekerAnalysis(emotions=client.annotations["emotions"],
                             risk=risk), safety=protocol_for(risk, self.locale), reply_safety=check_helper_text(reply),
                             language="en" if english else "unsupported", warnings=warnings,
                             versions=self.versions)

    def code_utterance(self, text: str, role: str, context: str = ""):  # type: ignore[no-untyped-def]
        """A helper utterance's behaviour code, or a client utterance's talk type."""
        text = clean_text(text, max_chars=self.max_chars)
        if role == "helper":
            return self.coding_model.code(text, context)
        return self.coding_model.talk_type(text, context)

    def review(self, source, helpers: list[str] | None = None, roles: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        """Review a session transcript (a path, or a parsed Transcript)."""
        from .io.transcripts import Transcript
        from .review import review_file, review_transcript

        if isinstance(source, Transcript):
            return review_transcript(self, source, helpers, roles)
        return review_file(self, source, helpers, roles)

    def analyze_emotions(self, text: str, id: str | None = None) -> EmotionAnalysis:
        text = clean_text(text, max_chars=self.max_chars)
        warnings = [] if looks_english(text) else [AnalysisWarning(
            code="W001", message="The text does not look like English, which this model does not support.")]
        return EmotionAnalysis(id=id, emotions=self.emotion_model.predict(text), warnings=warnings)

    def assess_risk(self, text: str, id: str | None = None, context_level: str = "none",
                    conversation_id: str | None = None, turn_index: int | None = None) -> RiskAnalysis:
        text = clean_text(text, max_chars=self.max_chars)
        risk = self.risk_model.assess(text, RISK_LEVELS.index(context_level))
        return RiskAnalysis(id=id, conversation_id=conversation_id, turn_index=turn_index, risk=risk)


def _lower_confidence(empathy):  # type: ignore[no-untyped-def]
    fields = {}
    for name in ("emotional_reactions", "interpretations", "explorations"):
        m = empathy.mechanism(name)
        fields[name] = m.model_copy(update={"confidence": round(m.confidence * 0.5, 4)})
    return empathy.model_copy(update=fields)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def analyze_reply(seeker_post: str, response: str, id: str | None = None) -> ReplyAnalysis:
    """Score one reply to one post with the bundled models."""
    return default_pipeline().analyze_reply(seeker_post, response, id=id)
