"""Train the emotion head on GoEmotions (CC BY 4.0; Demszky et al., ACL 2020), tune one
threshold per label on its dev split, and report on its official test split."""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from ..analysers.emotions import EMOTIONS, emotion_features
from ..encoder import Encoder
from ..errors import InputError
from ..heads import LinearHead, fit_head
from .cache import vectors

SPLITS = ("train", "dev", "test")


def read_split(folder: Path, split: str) -> tuple[list[str], np.ndarray]:
    path = Path(folder) / f"{split}.tsv"
    if not path.exists():
        raise InputError(f"No {split}.tsv in {folder}.", hint="Point --data at the GoEmotions folder.")
    texts: list[str] = []
    labels: list[list[int]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split("\t")
        if len(cols) < 2:
            raise InputError(f"{path}:{n}: expected text<TAB>labels<TAB>id.")
        texts.append(cols[0])
        labels.append([int(x) for x in cols[1].split(",")])
    y = np.zeros((len(texts), len(EMOTIONS)), dtype=np.int8)
    for r, ls in enumerate(labels):
        y[r, ls] = 1
    return texts, y


def checksums(folder: Path) -> dict[str, str]:
    return {f"{s}.tsv": hashlib.sha256((Path(folder) / f"{s}.tsv").read_bytes()).hexdigest() for s in SPLITS}


def featurise(texts: list[str], encoder: Encoder) -> tuple[np.ndarray, list[dict[int, float]]]:
    vecs = vectors(texts, encoder, progress=True)
    sparse = [emotion_features(v, t)[1] for v, t in zip(vecs, texts)]
    return vecs, sparse


def best_thresholds(p: np.ndarray, y: np.ndarray) -> np.ndarray:
    grid = np.linspace(0.05, 0.9, 35)
    th = np.zeros(p.shape[1], dtype=np.float32)
    for c in range(p.shape[1]):
        f1s = [_f1(y[:, c], p[:, c] >= t) for t in grid]
        th[c] = grid[int(np.argmax(f1s))]
    return th


def _f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float((y.astype(bool) & pred).sum())
    fp = float((~y.astype(bool) & pred).sum())
    fn = float((y.astype(bool) & ~pred).sum())
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def train(folder: Path, encoder: Encoder, C: float = 4.0) -> LinearHead:
    texts, y = read_split(folder, "train")
    dense, sparse = featurise(texts, encoder)
    head = fit_head(dense, sparse, y, list(EMOTIONS), kind="sigmoid", C=C, class_weight=None)
    dev_texts, dev_y = read_split(folder, "dev")
    dev_dense, dev_sparse = featurise(dev_texts, encoder)
    p = np.stack([head.proba(d, s) for d, s in zip(dev_dense, dev_sparse)])
    head.thresholds = best_thresholds(p, dev_y)
    return head
