"""Behaviour codes for helper turns (MITI-style, coarse and fine) and talk type for client
turns (change / sustain / neutral), each read with the other speaker's previous words as
context — "Yeah." is change talk after "So you'd like to cut down?" and sustain talk
after "You don't feel ready."
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from ..conversation import Conversation, Turn
from ..encoder import Encoder, Encoding, default_encoder
from ..features import N_HASH, hashed_ngrams
from ..heads import LinearHead, Sparse, load_heads
from ..mi_cues import HELPER_CUES, client_cue_features, cues_found, helper_cue_features
from ..model import BehaviourCode, TalkType
from ..models import model_file
from ..text import sentences
from .base import Analyser, register

COARSE: tuple[str, ...] = ("question", "reflection", "input", "other")
FINE: tuple[str, ...] = ("open_question", "closed_question", "simple_reflection", "complex_reflection", "affirm",
                         "seek_collaboration", "emphasize_autonomy", "giving_information",
                         "persuade_with_permission", "persuade", "confront", "other")
TALK: tuple[str, ...] = ("change", "neutral", "sustain")
# which fine codes a coarse code allows (seeking collaboration can be asked or proposed)
ALLOWED: dict[str, tuple[str, ...]] = {
    "question": ("open_question", "closed_question", "seek_collaboration"),
    "reflection": ("simple_reflection", "complex_reflection"),
    "input": ("giving_information", "persuade_with_permission", "persuade", "confront", "seek_collaboration"),
    "other": ("other", "affirm", "emphasize_autonomy"),
}
FINE_TO_COARSE: dict[str, str] = {
    "open_question": "question", "closed_question": "question", "simple_reflection": "reflection",
    "complex_reflection": "reflection", "affirm": "other", "seek_collaboration": "question",
    "emphasize_autonomy": "other", "giving_information": "input", "persuade_with_permission": "input",
    "persuade": "input", "confront": "input", "other": "other",
}
MI_CONSISTENT = ("affirm", "seek_collaboration", "emphasize_autonomy", "persuade_with_permission")
MI_INCONSISTENT = ("persuade", "confront")


def _context_ngrams(text: str) -> Sparse:
    """The context's n-grams in their own hash space, so "yeah" after a question is not "yeah"."""
    return {(k * 2654435761 + 97) & (N_HASH - 1): v * 0.5 for k, v in hashed_ngrams(text).items()}


_FILLER = re.compile(r"\b(um+|uh+|erm|er|hmm+|mm+)\b[,.]?\s*|\[[^\]]*\]\s*", re.IGNORECASE)


def core_span(text: str) -> tuple[int, int]:
    """The last sentence that does more than acknowledge ("Mm-hmm. Okay. So the evenings
    are hardest." → the last one): coders code what an utterance ends on."""
    sents = [s for s in sentences(text) if not HELPER_CUES["backchannel"].match(_FILLER.sub("", s.text))]
    if not sents:
        return 0, len(text)
    return sents[-1].start, sents[-1].end


def helper_features(text: str, enc: Encoding | np.ndarray, context: str, ctx_vec: np.ndarray
                    ) -> tuple[np.ndarray, Sparse]:
    vec = enc if isinstance(enc, np.ndarray) else enc.vector
    a, b = core_span(text)
    core = vec if isinstance(enc, np.ndarray) else enc.pool(a, b)
    spoken = _FILLER.sub("", text[a:b])
    cos = float(vec @ ctx_vec) if context.strip() else 0.0
    dense = np.concatenate([vec, core, ctx_vec * 0.5, np.asarray([cos], dtype=np.float32),
                            helper_cue_features(text, context), helper_cue_features(spoken, context)])
    sparse = hashed_ngrams(_FILLER.sub("", text))
    for k, v in hashed_ngrams(spoken).items():  # the core sentence's n-grams in their own space
        key = (k * 40503 + 7) & (N_HASH - 1)
        sparse[key] = sparse.get(key, 0.0) + v
    return dense, sparse


def client_features(text: str, vec: np.ndarray, context: str, ctx_vec: np.ndarray) -> tuple[np.ndarray, Sparse]:
    dense = np.concatenate([vec, ctx_vec, client_cue_features(text, context)])
    sparse = hashed_ngrams(text)
    for k, v in _context_ngrams(context).items():
        sparse[k] = sparse.get(k, 0.0) + v
    return dense, sparse


class CodingModel:
    HEADS = ("coarse", "fine", "talk")

    def __init__(self, heads: dict[str, LinearHead], encoder: Encoder | None = None) -> None:
        self.heads = heads
        self.encoder = encoder or default_encoder()
        self._zero = np.zeros(384, dtype=np.float32)

    @classmethod
    def load(cls, model_dir: str | Path | None = None, encoder: Encoder | None = None) -> CodingModel:
        return cls(load_heads(model_file("coding.npz", model_dir), cls.HEADS), encoder)

    def _vec(self, text: str, enc: Encoding | None) -> np.ndarray:
        if enc is not None:
            return enc.vector
        return self.encoder.encode(text, cache=True).vector if text.strip() else self._zero

    def helper_proba(self, text: str, context: str = "", enc: Encoding | None = None,
                     ctx_enc: Encoding | None = None) -> tuple[np.ndarray, np.ndarray]:
        enc = enc or self.encoder.encode(text, cache=True)
        feats = helper_features(text, enc, context, self._vec(context, ctx_enc))
        return self.heads["coarse"].proba(*feats), self.heads["fine"].proba(*feats)

    def code(self, text: str, context: str = "", enc: Encoding | None = None,
             ctx_enc: Encoding | None = None) -> BehaviourCode:
        pc, pf = self.helper_proba(text, context, enc, ctx_enc)
        coarse = COARSE[int(np.argmax(pc))]
        allowed = [FINE.index(f) for f in ALLOWED[coarse]]
        fi = max(allowed, key=lambda i: pf[i])
        fine_conf = float(pf[fi] / (pf[allowed].sum() + 1e-12))
        return BehaviourCode(coarse=coarse, fine=FINE[fi], confidence=round(float(pc.max()), 4),  # type: ignore[arg-type]
                             fine_confidence=round(fine_conf, 4), cues=cues_found(HELPER_CUES, text))

    def talk_type(self, text: str, context: str = "", enc: Encoding | None = None,
                  ctx_enc: Encoding | None = None) -> TalkType:
        p = self.heads["talk"].proba(*client_features(text, self._vec(text, enc), context, self._vec(context, ctx_enc)))
        i = int(np.argmax(p))
        return TalkType(label=TALK[i], confidence=round(float(p[i]), 4))  # type: ignore[arg-type]


HELPER_NAMES = frozenset({"therapist", "helper", "counsellor", "counselor", "interviewer", "supporter", "clinician"})


def speaker_role(speaker: object) -> str:
    """'helper' for the names coded data sets give helpers (AnnoMI's "therapist"), else 'client'."""
    return "helper" if str(speaker or "").strip().lower() in HELPER_NAMES else "client"


def last_said_by(context: list, role: str) -> str:
    """The latest utterance in a `[{speaker, text}]` context list spoken in `role`."""
    for c in reversed(context):
        if isinstance(c, dict) and speaker_role(c.get("speaker")) == role:
            return str(c.get("text") or "")
    return ""


def previous_other(conversation: Conversation, turn: Turn) -> Turn | None:
    """The last turn before this one by someone in the other role."""
    for t in reversed(conversation.turns[:turn.index]):
        if t.role != turn.role and t.role in ("client", "helper"):
            return t
    return None


@register("coding")
class CodingAnalyser(Analyser):
    name = "coding"
    version = "1.0"
    requires = ("encoder",)
    assigns = ("turn.code", "turn.talk_type")

    def __init__(self, model: CodingModel) -> None:
        self.model = model

    def analyse(self, conversation: Conversation) -> None:
        for turn in conversation.turns:
            prev = previous_other(conversation, turn)
            context = prev.text if prev else ""
            if turn.role == "helper":
                turn.annotations["code"] = self.model.code(turn.text, context)
            elif turn.role == "client":
                turn.annotations["talk_type"] = self.model.talk_type(turn.text, context)
