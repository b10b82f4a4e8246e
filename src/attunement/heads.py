"""Small trained heads over [dense features | hashed n-grams], run in plain numpy.

Weights are stored as .npz (no pickles): readable by any numpy, stable across
scikit-learn versions, and small because unseen hash buckets are never written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import ModelError
from .features import N_HASH

Sparse = dict[int, float]


@dataclass
class LinearHead:
    """softmax (one label of n) or sigmoid (any of n labels) over linear scores."""

    classes: list[str]
    kind: str  # "softmax" | "sigmoid"
    mean: np.ndarray  # dense standardisation
    scale: np.ndarray
    w_dense: np.ndarray  # (n_classes, n_dense)
    w_sparse: np.ndarray  # (n_hash, n_classes): row lookup per n-gram
    bias: np.ndarray  # (n_classes,)
    thresholds: np.ndarray = field(default_factory=lambda: np.zeros(0))
    sparse_scale: float = 1.0  # n-gram values are multiplied by this: less shrinkage for them

    def logits(self, dense: np.ndarray, sparse: Sparse) -> np.ndarray:
        z = self.w_dense @ ((dense - self.mean) / self.scale) + self.bias
        if sparse:
            z = z + self._sparse_term(sparse)
        return z

    def _sparse_term(self, sparse: Sparse) -> np.ndarray:
        """The n-grams' contribution to the logits of one row (a few rows of w_sparse)."""
        keys = np.fromiter(sparse.keys(), dtype=np.int64, count=len(sparse))
        vals = np.fromiter(sparse.values(), dtype=np.float32, count=len(sparse))
        return self.sparse_scale * (vals @ self.w_sparse[keys])

    def _activate(self, z: np.ndarray) -> np.ndarray:
        """Logits (last axis) to probabilities."""
        if self.kind == "softmax":
            z = np.exp(z - z.max(axis=-1, keepdims=True))
            return z / z.sum(axis=-1, keepdims=True)
        return 1.0 / (1.0 + np.exp(-z))

    def proba_many(self, dense: np.ndarray, sparse: list[Sparse]) -> np.ndarray:
        """`proba` for a (k, n_dense) block of rows at once (one matrix product)."""
        z = ((dense - self.mean) / self.scale) @ self.w_dense.T + self.bias
        for i, row in enumerate(sparse):
            if row:
                z[i] += self._sparse_term(row)
        return self._activate(z)

    def proba(self, dense: np.ndarray, sparse: Sparse) -> np.ndarray:
        return self._activate(self.logits(dense, sparse))

    # ---- persistence -------------------------------------------------------------
    def to_arrays(self, prefix: str) -> dict[str, np.ndarray]:
        nz = np.flatnonzero(np.abs(self.w_sparse).sum(axis=1) > 0)
        return {
            f"{prefix}.classes": np.asarray(self.classes),
            f"{prefix}.kind": np.asarray(self.kind),
            f"{prefix}.mean": self.mean.astype(np.float32),
            f"{prefix}.scale": self.scale.astype(np.float32),
            f"{prefix}.w_dense": self.w_dense.astype(np.float32),
            f"{prefix}.sparse_rows": nz.astype(np.int32),
            f"{prefix}.sparse_vals": self.w_sparse[nz].astype(np.float16),
            f"{prefix}.bias": self.bias.astype(np.float32),
            f"{prefix}.thresholds": self.thresholds.astype(np.float32),
            f"{prefix}.sparse_scale": np.asarray(self.sparse_scale, dtype=np.float32),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray], prefix: str) -> "LinearHead":
        try:
            classes = [str(c) for c in arrays[f"{prefix}.classes"]]
            w_sparse = np.zeros((N_HASH, len(classes)), dtype=np.float32)
            w_sparse[arrays[f"{prefix}.sparse_rows"]] = arrays[f"{prefix}.sparse_vals"].astype(np.float32)
            return cls(
                classes=classes,
                kind=str(arrays[f"{prefix}.kind"]),
                mean=arrays[f"{prefix}.mean"],
                scale=arrays[f"{prefix}.scale"],
                w_dense=arrays[f"{prefix}.w_dense"],
                w_sparse=w_sparse,
                bias=arrays[f"{prefix}.bias"],
                thresholds=arrays[f"{prefix}.thresholds"],
                sparse_scale=float(arrays.get(f"{prefix}.sparse_scale", 1.0)),
            )
        except KeyError as exc:
            raise ModelError(f"Model file lacks {exc.args[0]!r}; was it written by another version?") from None


def save_heads(path: Path, heads: dict[str, LinearHead]) -> None:
    arrays: dict[str, np.ndarray] = {}
    for name, head in heads.items():
        arrays.update(head.to_arrays(name))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        np.savez_compressed(f, **arrays)


def load_heads(path: Path, names: tuple[str, ...]) -> dict[str, LinearHead]:
    if not path.exists():
        raise ModelError(f"No model file at {path}.", hint="Train one with `attune train`.")
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path} is not a readable model file ({exc}).") from None
    return {n: LinearHead.from_arrays(arrays, n) for n in names}


def fit_head(dense: np.ndarray, sparse_rows: list[Sparse], y: np.ndarray, classes: list[str], *,
             kind: str, C: float, class_weight: str | dict | None = None, seed: int = 0,
             sparse_scale: float = 1.0) -> LinearHead:
    """Fit with scikit-learn (training only), then keep plain arrays."""
    from scipy import sparse as sp
    from sklearn.linear_model import LogisticRegression

    mean = dense.mean(axis=0)
    scale = dense.std(axis=0) + 1e-6
    xd = (dense - mean) / scale
    xs = _to_csr(sparse_rows) * sparse_scale
    x = sp.hstack([sp.csr_matrix(xd), xs], format="csr")
    n_dense = dense.shape[1]
    if kind == "softmax":
        clf = LogisticRegression(C=C, max_iter=3000, class_weight=class_weight, random_state=seed, tol=1e-5)
        clf.fit(x, y)
        coef = np.zeros((len(classes), x.shape[1]), dtype=np.float64)
        bias = np.zeros(len(classes))
        present = list(clf.classes_)
        for i, c in enumerate(present):
            # two classes: scikit-learn fits one logit z for the second; softmax over (0, z) gives
            # its probability σ(z) exactly ((-z, z) would give σ(2z), overconfident)
            coef[c] = clf.coef_[i] if len(present) > 2 else (clf.coef_[0] if i == 1 else 0.0)
            bias[c] = clf.intercept_[i] if len(present) > 2 else (clf.intercept_[0] if i == 1 else 0.0)
    else:
        coef, bias = _fit_sigmoid(xd, xs, np.asarray(y, dtype=np.float64), C)
    w_sparse = np.ascontiguousarray(coef[:, n_dense:].T.astype(np.float16).astype(np.float32))
    return LinearHead(classes=classes, kind=kind, mean=mean.astype(np.float32), scale=scale.astype(np.float32),
                      w_dense=coef[:, :n_dense].astype(np.float32), w_sparse=w_sparse,
                      bias=bias.astype(np.float32), sparse_scale=sparse_scale)


def _to_csr(rows: list[Sparse]):  # type: ignore[no-untyped-def]
    from scipy import sparse as sp

    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for r in rows:
        indices.extend(r.keys())
        data.extend(r.values())
        indptr.append(len(indices))
    return sp.csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64),
                          np.asarray(indptr, dtype=np.int64)), shape=(len(rows), N_HASH))


def _fit_sigmoid(xd: np.ndarray, xs, y: np.ndarray, C: float, max_iter: int = 300  # type: ignore[no-untyped-def]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """All labels at once: L2-regularised binary cross-entropy, minimised by L-BFGS.

    One product per step serves every label (dense part by BLAS, n-grams sparse), so
    28 labels on 43k texts fit in minutes where 28 separate liblinear fits take half
    an hour.
    """
    from scipy.optimize import minimize

    n, dd = xd.shape
    ds = xs.shape[1]
    k = y.shape[1]
    xst = xs.T.tocsr()
    lam = 1.0 / C
    nd, nsp = dd * k, ds * k

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        wd = theta[:nd].reshape(dd, k)
        ws = theta[nd:nd + nsp].reshape(ds, k)
        b = theta[nd + nsp:]
        z = xd @ wd + xs @ ws + b
        val = np.logaddexp(0.0, z) - y * z
        g = 0.5 * (1.0 + np.tanh(0.5 * z)) - y
        grad_d = xd.T @ g + lam * wd
        grad_s = xst @ g + lam * ws
        f = float(val.sum()) + 0.5 * lam * (float((wd * wd).sum()) + float((ws * ws).sum()))
        return f, np.concatenate([grad_d.ravel(), np.asarray(grad_s).ravel(), g.sum(axis=0)])

    theta0 = np.zeros(nd + nsp + k)
    prior = y.mean(axis=0)
    theta0[nd + nsp:] = np.log((prior + 1e-4) / (1 - prior + 1e-4))
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": max_iter, "maxcor": 20})
    w = np.concatenate([res.x[:nd].reshape(dd, k), res.x[nd:nd + nsp].reshape(ds, k)], axis=0)
    return w.T.copy(), res.x[nd + nsp:].copy()
