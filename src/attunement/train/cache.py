"""Embedding cache for training runs: encoding 50k texts takes minutes, so vectors are
kept under .cache/ keyed by the texts and the encoder, never committed."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np

from ..encoder import MODEL_ID, Encoder


def cache_dir() -> Path:
    return Path(os.environ.get("ATTUNEMENT_CACHE", ".cache")) / "vectors"


def vectors(texts: list[str], encoder: Encoder, *, progress: bool = False) -> np.ndarray:
    h = hashlib.sha256(MODEL_ID.encode())
    for t in texts:
        h.update(t.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    path = cache_dir() / f"{h.hexdigest()[:24]}.npy"
    if path.exists():
        return np.load(path)
    out = np.zeros((len(texts), 384), dtype=np.float32)
    step = 512
    for i in range(0, len(texts), step):
        encs = encoder.encode_many(texts[i:i + step], batch_size=64)
        out[i:i + len(encs)] = [e.vector for e in encs]
        if progress:
            print(f"  encoded {min(i + step, len(texts)):,}/{len(texts):,}", flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out
