"""Emotions in the client's words: the 27 GoEmotions categories plus neutral, each with
a score (the model's probability, read as intensity) and evidence sentences."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from ..conversation import Conversation
from ..encoder import Encoder, Encoding, default_encoder
from ..features import hashed_ngrams
from ..heads import LinearHead, load_heads
from ..model import EmotionScore, Span
from ..models import model_file
from ..text import sentences
from .base import Analyser, register

EMOTIONS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion", "curiosity",
    "desire", "disappointment", "disapproval", "disgust", "embarrassment", "excitement", "fear",
    "gratitude", "grief", "joy", "love", "nervousness", "optimism", "pride", "realization", "relief",
    "remorse", "sadness", "surprise", "neutral",
)
# Ekman-style families, as in the GoEmotions paper, for display.
FAMILIES: dict[str, str] = {
    **{e: "joy" for e in ("admiration", "amusement", "approval", "caring", "desire", "excitement",
                          "gratitude", "joy", "love", "optimism", "pride", "relief")},
    **{e: "sadness" for e in ("disappointment", "embarrassment", "grief", "remorse", "sadness")},
    **{e: "fear" for e in ("fear", "nervousness")},
    **{e: "anger" for e in ("anger", "annoyance", "disapproval")},
    "disgust": "disgust",
    **{e: "surprise" for e in ("confusion", "curiosity", "realization", "surprise")},
    "neutral": "neutral",
}


def emotion_features(vec: np.ndarray, text: str) -> tuple[np.ndarray, dict[int, float]]:
    return vec, hashed_ngrams(text)


class EmotionModel:
    def __init__(self, head: LinearHead, encoder: Encoder | None = None) -> None:
        self.head = head
        self.encoder = encoder or default_encoder()
        self._cache: dict[tuple[str, bool, int], tuple[EmotionScore, ...]] = {}
        self._proba_cache: dict[str, np.ndarray] = {}

    @classmethod
    def load(cls, model_dir: str | Path | None = None, encoder: Encoder | None = None) -> EmotionModel:
        return cls(load_heads(model_file("emotions.npz", model_dir), ("emotions",))["emotions"], encoder)

    def probabilities(self, text: str, enc: Encoding | None = None) -> np.ndarray:
        """Cached per text: the review reads them again after the analyser has."""
        hit = self._proba_cache.get(text)
        if hit is None:
            enc = enc or self.encoder.encode(text, cache=True)
            hit = self.head.proba(*emotion_features(enc.vector, text))
            hit.setflags(write=False)
            if len(self._proba_cache) >= 1024:
                self._proba_cache.clear()
            self._proba_cache[text] = hit
        return hit

    def predict(self, text: str, enc: Encoding | None = None, evidence: bool = True,
                top_k: int = 5) -> list[EmotionScore]:
        """Cached per text: many replies to one post cost one emotion analysis."""
        key = (text, evidence, top_k)
        hit = self._cache.get(key)
        if hit is not None:
            return list(hit)
        out = self._predict(text, enc, evidence, top_k)
        if len(self._cache) >= 1024:
            try:
                self._cache.pop(next(iter(self._cache)), None)
            except (RuntimeError, StopIteration):  # another thread changed it; skip
                pass
        self._cache[key] = tuple(out)
        return out

    def _predict(self, text: str, enc: Encoding | None, evidence: bool, top_k: int) -> list[EmotionScore]:
        enc = enc or self.encoder.encode(text, cache=True)
        p = self.probabilities(text, enc)
        th = self.head.thresholds
        idx = [i for i in np.argsort(-p) if p[i] >= th[i]][:top_k]
        neutral = EMOTIONS.index("neutral")
        if len(idx) > 1 and neutral in idx:
            idx.remove(neutral)
        if not idx:
            idx = [neutral]
        sents = sentences(text) if evidence else []
        sent_p = [self.head.proba(*emotion_features(enc.pool(s.start, s.end), s.text)) for s in sents] \
            if len(sents) > 1 else []
        out: list[EmotionScore] = []
        for i in idx:
            label = self.head.classes[i]
            spans: list[Span] = []
            if evidence and label != "neutral" and sents:
                if len(sents) == 1:
                    chosen = [0]
                else:
                    vals = [float(sp[i]) for sp in sent_p]
                    chosen = [j for j, v in enumerate(vals) if v >= th[i]] or [int(np.argmax(vals))]
                spans = [Span(start=sents[j].start, end=sents[j].end, text=sents[j].text) for j in chosen[:3]]
            out.append(EmotionScore(label=label, family=FAMILIES[label], score=round(float(p[i]), 4),
                                    evidence=spans))
        return out


@register("emotions")
class EmotionAnalyser(Analyser):
    name = "emotions"
    version = "1.0"
    requires = ("encoder",)
    assigns = ("turn.emotions",)

    def __init__(self, model: EmotionModel) -> None:
        self.model = model

    def analyse(self, conversation: Conversation) -> None:
        for turn in conversation.client_turns():
            turn.annotations["emotions"] = self.model.predict(turn.text) if turn.text.strip() else []
