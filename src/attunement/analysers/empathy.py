"""Empathy of a helper's reply to the client's last words: emotional reactions,
interpretations and explorations (EPITOME's mechanisms), each none/weak/strong, with
evidence sentences chosen by the same heads applied sentence by sentence."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..conversation import Conversation
from ..encoder import Encoder, Encoding, default_encoder
from ..features import content_words, dense_features, hashed_ngrams
from ..heads import LinearHead, Sparse, load_heads
from ..model import LEVEL_LABELS, MECHANISMS, EmpathyScore, MechanismScore, Span
from ..models import model_file
from ..text import sentences
from .base import Analyser, register

EVIDENCE_MIN = 0.5


def pair_features(post_vec: np.ndarray, post_words: set[str], text: str, vec: np.ndarray
                  ) -> tuple[np.ndarray, Sparse]:
    cos = float(post_vec @ vec)
    dense = np.concatenate([vec, np.asarray([cos], dtype=np.float32), dense_features(text, post_words)])
    return dense, hashed_ngrams(text)


@dataclass
class PostContext:
    """What the engine keeps of a post so that many replies to it cost one encoding."""

    encoding: Encoding
    words: set[str]


class EmpathyModel:
    def __init__(self, heads: dict[str, LinearHead], encoder: Encoder | None = None) -> None:
        self.heads = heads
        self.encoder = encoder or default_encoder()

    @classmethod
    def load(cls, model_dir: str | Path | None = None, encoder: Encoder | None = None) -> EmpathyModel:
        return cls(load_heads(model_file("empathy.npz", model_dir), MECHANISMS), encoder)

    def post_context(self, post: str) -> PostContext:
        return PostContext(self.encoder.encode(post, cache=True), content_words(post))

    def score(self, post: PostContext, reply: str, reply_enc: Encoding | None = None,
              evidence: bool = True) -> EmpathyScore:
        enc = reply_enc or self.encoder.encode(reply)
        dense, sparse = pair_features(post.encoding.vector, post.words, reply, enc.vector)
        sents = sentences(reply) if evidence else []
        sent_feats = [pair_features(post.encoding.vector, post.words, s.text, enc.pool(s.start, s.end))
                      for s in sents] if len(sents) > 1 else []
        out: dict[str, MechanismScore] = {}
        for mech in MECHANISMS:
            head = self.heads[mech]
            p = head.proba(dense, sparse)
            level = int(np.argmax(p))
            spans: list[Span] = []
            if evidence and level > 0 and sents:
                if len(sents) == 1:
                    spans = [Span(start=sents[0].start, end=sents[0].end, text=sents[0].text)]
                else:
                    support = [1.0 - float(head.proba(d, s)[0]) for d, s in sent_feats]
                    best = max(support)
                    chosen = [i for i, v in enumerate(support) if v >= EVIDENCE_MIN and v >= 0.6 * best]
                    chosen = chosen or [int(np.argmax(support))]
                    spans = [Span(start=sents[i].start, end=sents[i].end, text=sents[i].text) for i in chosen]
            out[mech] = MechanismScore(level=level, label=LEVEL_LABELS[level], confidence=round(float(p[level]), 4),
                                       probabilities=tuple(round(float(x), 4) for x in p), evidence=spans)
        total = sum(m.level for m in out.values())
        return EmpathyScore(**out, total=total)


@register("empathy")
class EmpathyAnalyser(Analyser):
    name = "empathy"
    version = "1.0"
    requires = ("encoder",)
    assigns = ("turn.empathy",)

    def __init__(self, model: EmpathyModel) -> None:
        self.model = model

    def analyse(self, conversation: Conversation) -> None:
        for turn in conversation.helper_turns():
            prev = conversation.previous_client(turn)
            post = self.model.post_context(prev.text if prev else "")
            turn.annotations["empathy"] = self.model.score(post, turn.text, self.model.encoder.encode(turn.text, cache=True))
