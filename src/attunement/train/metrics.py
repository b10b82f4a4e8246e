"""Agreement statistics with human raters: accuracy, macro-F1, Cohen's kappa (unweighted,
linear, quadratic), confusion matrices and token-level F1 of evidence spans."""
from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

_TOKEN = re.compile(r"\w+", re.UNICODE)


def confusion(gold: Sequence[int], pred: Sequence[int], n: int) -> np.ndarray:
    m = np.zeros((n, n), dtype=np.int64)
    for g, p in zip(gold, pred):
        m[g, p] += 1
    return m


def macro_f1(cm: np.ndarray) -> float:
    f1s = []
    for c in range(cm.shape[0]):
        tp = cm[c, c]
        fp = cm[:, c].sum() - tp
        fn = cm[c, :].sum() - tp
        if tp + fp + fn == 0:
            continue  # class absent from both: not counted (scikit-learn's labels= default)
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s)) if f1s else 0.0


def per_class(cm: np.ndarray) -> list[dict[str, float]]:
    out = []
    for c in range(cm.shape[0]):
        tp = cm[c, c]
        fp = cm[:, c].sum() - tp
        fn = cm[c, :].sum() - tp
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out.append({"precision": float(p), "recall": float(r), "f1": float(2 * p * r / (p + r)) if p + r else 0.0,
                    "support": int(cm[c, :].sum())})
    return out


def kappa(cm: np.ndarray, weights: str | None = None) -> float:
    n = cm.shape[0]
    total = cm.sum()
    if total == 0:
        return 0.0
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    if weights is None:
        w = (i != j).astype(float)
    elif weights == "linear":
        w = np.abs(i - j) / max(1, n - 1)
    elif weights == "quadratic":
        w = ((i - j) / max(1, n - 1)) ** 2
    else:
        raise ValueError(weights)
    expected = np.outer(cm.sum(axis=1), cm.sum(axis=0)) / total
    denom = (w * expected).sum()
    return float(1.0 - (w * cm).sum() / denom) if denom else 1.0


def agreement(gold: Sequence[int], pred: Sequence[int], labels: Sequence[str]) -> dict:
    cm = confusion(gold, pred, len(labels))
    return {
        "n": int(cm.sum()),
        "accuracy": float(np.trace(cm) / cm.sum()) if cm.sum() else 0.0,
        "macro_f1": macro_f1(cm),
        "kappa": kappa(cm),
        "kappa_linear": kappa(cm, "linear"),
        "kappa_quadratic": kappa(cm, "quadratic"),
        "labels": list(labels),
        "confusion": cm.tolist(),
        "per_class": dict(zip(labels, per_class(cm))),
    }


def _token_set(text: str, spans: Sequence[tuple[int, int]]) -> set[int]:
    out = set()
    for k, m in enumerate(_TOKEN.finditer(text)):
        for a, b in spans:
            if m.start() < b and a < m.end():
                out.add(k)
                break
    return out


def spans_of(text: str, rationale_texts: Sequence[str]) -> list[tuple[int, int]]:
    """Gold rationales come as strings; find them in the text (first occurrence)."""
    out = []
    for r in rationale_texts:
        r = r.strip()
        if not r:
            continue
        i = text.find(r)
        if i < 0:
            i = text.lower().find(r.lower())
        if i >= 0:
            out.append((i, i + len(r)))
    return out


def token_f1(text: str, gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> float:
    g, p = _token_set(text, gold), _token_set(text, pred)
    if not g and not p:
        return 1.0
    tp = len(g & p)
    if tp == 0:
        return 0.0
    prec, rec = tp / len(p), tp / len(g)
    return 2 * prec * rec / (prec + rec)
