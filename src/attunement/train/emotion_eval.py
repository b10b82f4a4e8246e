"""Evaluate the emotion head: macro-F1 over 28 labels, as GoEmotions reports it."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from ..analysers.emotions import EMOTIONS, EmotionModel
from ..errors import InputError, RecordError
from ..heads import LinearHead
from ..io.records import read_records
from .metrics import per_class


def evaluate_arrays(head: LinearHead, dense: np.ndarray, sparse: list[dict[int, float]], y: np.ndarray) -> dict:
    p = np.stack([head.proba(d, s) for d, s in zip(dense, sparse)])
    pred = p >= head.thresholds[None, :]
    return _report(pred, y)


def _report(pred: np.ndarray, y: np.ndarray) -> dict:
    per = {}
    f1s = []
    for c, name in enumerate(EMOTIONS):
        cm = np.array([[((~y[:, c].astype(bool)) & ~pred[:, c]).sum(), ((~y[:, c].astype(bool)) & pred[:, c]).sum()],
                       [(y[:, c].astype(bool) & ~pred[:, c]).sum(), (y[:, c].astype(bool) & pred[:, c]).sum()]])
        stats = per_class(cm)[1]
        per[name] = stats
        f1s.append(stats["f1"])
    return {"n": int(len(y)), "macro_f1": float(np.mean(f1s)), "per_label": per,
            "exact_match": float((pred == y.astype(bool)).all(axis=1).mean())}


def evaluate_file(model: EmotionModel, gold: Path) -> dict:
    texts: list[str] = []
    labels: list[list[int]] = []
    if str(gold).endswith(".tsv"):
        for n, line in enumerate(Path(gold).read_text(encoding="utf-8").splitlines(), 1):
            cols = line.split("\t")
            if len(cols) < 2:
                raise InputError(f"{gold}:{n}: expected text<TAB>label ids.")
            texts.append(cols[0])
            labels.append([int(x) for x in cols[1].split(",")])
    else:
        for n, row in read_records(str(gold)):
            if isinstance(row, RecordError):
                raise row
            ls = row.get("labels") or row.get("emotions") or []
            labels.append([EMOTIONS.index(x) if isinstance(x, str) else int(x) for x in ls])
            texts.append(row["text"])
    y = np.zeros((len(texts), len(EMOTIONS)), dtype=np.int8)
    for r, ls in enumerate(labels):
        y[r, ls] = 1
    from .cache import vectors
    from .goemotions import emotion_features

    vecs = vectors(texts, model.encoder)
    dense = np.stack(vecs)
    sparse = [emotion_features(v, t)[1] for v, t in zip(vecs, texts)]
    report = evaluate_arrays(model.head, dense, sparse, y)
    report["gold"] = str(gold)
    return report
