"""The `attune train …` runs: fit, write weights and a manifest (data checksums, the
command, the figures on held-out data), or check a rebuild against the shipped model."""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np

from .. import __version__
from ..encoder import MODEL_ID, default_encoder
from ..errors import InputError
from ..heads import LinearHead, load_heads, save_heads
from ..model import MECHANISMS
from ..models import bundled_dir


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _write(out: Path, name: str, heads: dict[str, LinearHead], manifest: dict) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    weights = out / f"{name}.npz"
    save_heads(weights, heads)
    manifest = {"name": name, "attunement": __version__, "encoder": MODEL_ID,
                "weights_sha256": hashlib.sha256(weights.read_bytes()).hexdigest(),
                "command": "attune " + " ".join(sys.argv[1:]) if sys.argv and "attune" in sys.argv[0] else None,
                "created": time.strftime("%Y-%m-%d"), **manifest}
    (out / f"{name}.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    _say(f"wrote {weights} ({weights.stat().st_size / 1e6:.1f} MB) and {name}.json")
    return weights


def compare_heads(a: dict[str, LinearHead], b: dict[str, LinearHead]) -> float:
    """Largest absolute difference between two sets of weights."""
    diff = 0.0
    for k in a:
        for x, y in ((a[k].w_dense, b[k].w_dense), (a[k].w_sparse, b[k].w_sparse), (a[k].bias, b[k].bias),
                     (a[k].thresholds, b[k].thresholds)):
            if x.size:
                diff = max(diff, float(np.max(np.abs(x - y))))
    return diff


def _check(name: str, heads: dict[str, LinearHead], names: tuple[str, ...]) -> None:
    shipped = load_heads(bundled_dir() / f"{name}.npz", names)
    diff = compare_heads(heads, shipped)
    tol = 1e-3
    _say(f"largest weight difference from the shipped {name} model: {diff:.2e} (tolerance {tol:g})")
    if diff > tol:
        raise InputError(f"The rebuilt {name} model differs from the shipped one by {diff:.2e} > {tol:g}.")


def train_empathy_run(data: list[Path] | None, out: Path | None, builtin: bool, check: bool) -> None:
    from .corpus import builtin_files, is_test, read_pairs, sha256_files
    from .empathy import DEFAULT_C, SPARSE_SCALE, evaluate, fit
    from ..analysers.empathy import EmpathyModel

    enc = default_encoder()
    if builtin:
        files = builtin_files("empathy")
        pairs = [p for f in files for p in read_pairs(f)]
        train = [p for p in pairs if not is_test(p.post_id)]
        test = [p for p in pairs if is_test(p.post_id)]
    elif data:
        files = list(data)
        train = [p for f in files for p in read_pairs(f)]
        test = []
    else:
        raise InputError("Give --data FILE (repeatable) or --builtin.")
    _say(f"training on {len(train)} pairs from {len(files)} files" + (f"; {len(test)} held out" if test else ""))
    heads = fit(train, enc)
    manifest: dict = {"data": sha256_files(files), "n_train": len(train), "n_test": len(test), "C": DEFAULT_C, "sparse_scale": SPARSE_SCALE,
                      "class_weight": "balanced"}
    if test:
        report = evaluate(EmpathyModel(heads, enc), test)
        manifest["own_test"] = {m: {k: round(report["mechanisms"][m][k], 4)
                                    for k in ("accuracy", "macro_f1", "kappa", "kappa_quadratic")}
                                for m in MECHANISMS}
        for m in MECHANISMS:
            _say(f"  own test {m}: macro-F1 {report['mechanisms'][m]['macro_f1']:.3f}")
    if check:
        _check("empathy", heads, MECHANISMS)
        return
    _write(out or bundled_dir(), "empathy", heads, manifest)


def train_emotions_run(data: Path | None, out: Path | None, builtin: bool, check: bool) -> None:
    from . import goemotions as G
    from .emotion_eval import evaluate_arrays

    folder = _goemotions_folder(data)
    if not (Path(folder) / "train.tsv").exists():
        raise InputError(f"No GoEmotions train.tsv in {folder}.", hint="Use --data PATH/TO/goemotions.")
    enc = default_encoder()
    head = G.train(Path(folder), enc)
    texts, y = G.read_split(Path(folder), "test")
    report = evaluate_arrays(head, *G.featurise(texts, enc), y)
    _say(f"GoEmotions test macro-F1 {report['macro_f1']:.4f} ({len(texts)} comments)")
    manifest = {"data": G.checksums(Path(folder)), "source": "GoEmotions (Demszky et al., ACL 2020), CC BY 4.0",
                "test_macro_f1": round(report["macro_f1"], 4), "C": 4.0}
    if check:
        _check("emotions", {"emotions": head}, ("emotions",))
        return
    _write(out or bundled_dir(), "emotions", {"emotions": head}, manifest)


def train_risk_run(data: list[Path] | None, out: Path | None, builtin: bool, check: bool) -> None:
    from .corpus import builtin_corpus_dir, sha256_files
    from .risk import fit, rows_apart_from_measured

    if builtin:
        # the training files and the development sets (earlier blind check sets, written from the
        # labelling guide by other writers): the head learns from both; the check, next-check and
        # test sets stay unseen, and rows too close to any of their messages are left out
        risk_dir = builtin_corpus_dir() / "risk"
        files = sorted(risk_dir.glob("train*.jsonl")) + sorted((risk_dir / "dev").glob("*.jsonl"))
    elif data:
        files = list(data)
    else:
        raise InputError("Give --data FILE or --builtin.")
    from .risk import everyday_negatives, support_post_negatives

    folder = _goemotions_folder(None)
    negatives = everyday_negatives(folder) if (folder / "train.tsv").exists() else []
    if not negatives:
        _say("GoEmotions not found: training the risk head without everyday negatives")
    from .risk import counselling_talk_negatives

    support = support_post_negatives() if builtin else []
    counselling = counselling_talk_negatives() if builtin else []
    rows, n_close = rows_apart_from_measured(files, risk_dir) if builtin else (None, 0)
    head, info = fit(files, default_encoder(), negatives=negatives + support + counselling, rows=rows)
    info["n_rows_close_to_measured_left_out"] = n_close
    info["n_support_post_negatives"] = len(support)
    info["n_counselling_talk_negatives"] = len(counselling)
    if negatives:
        from .goemotions import checksums
        info["everyday_negatives_source"] = {"GoEmotions train.tsv (CC BY 4.0)": checksums(folder)["train.tsv"]}
    manifest = {"data": sha256_files(files), **info}
    if check:
        _check("risk", {"risk": head}, ("risk",))
        return
    _write(out or bundled_dir(), "risk", {"risk": head}, manifest)


def train_coding_run(data: list[Path] | None, out: Path | None, builtin: bool, check: bool) -> None:
    from ..analysers.coding import CodingModel
    from .coding import CLASS_WEIGHT, DEFAULT_C, SPARSE_SCALE, corpus_files, evaluate, fit, is_test_conversation, load_corpus
    from .corpus import builtin_corpus_dir, sha256_files

    if builtin:
        files = corpus_files(builtin_corpus_dir() / "mi")
    elif data:
        files = list(data)
    else:
        raise InputError("Give --data FILE (repeatable) or --builtin.")
    utts = load_corpus(files)
    train = [u for u in utts if not (builtin and is_test_conversation(u.group))]
    test = [u for u in utts if builtin and is_test_conversation(u.group)]
    _say(f"training on {len(train)} utterances from {len(files)} files" + (f"; {len(test)} held out" if test else ""))
    enc = default_encoder()
    heads = fit(train, enc)
    manifest: dict = {"data": sha256_files(files), "n_train": len(train), "n_test": len(test), "C": DEFAULT_C,
                      "sparse_scale": SPARSE_SCALE, "class_weight": CLASS_WEIGHT}
    if test:
        report = evaluate(CodingModel(heads, enc), test)
        manifest["own_test"] = {k: {m: round(v[m], 4) for m in ("accuracy", "macro_f1", "kappa")}
                                for k, v in report["tasks"].items()}
        for k, v in report["tasks"].items():
            _say(f"  own test {k}: macro-F1 {v['macro_f1']:.3f} (n={v['n']})")
    if check:
        _check("coding", heads, CodingModel.HEADS)
        return
    _write(out or bundled_dir(), "coding", heads, manifest)


def _goemotions_folder(data: Path | None) -> Path:
    """--data, else $ATTUNEMENT_GOEMOTIONS, else ../shared/data/goemotions beside the checkout."""
    import os

    if data is not None:
        return Path(data)
    for cand in (os.environ.get("ATTUNEMENT_GOEMOTIONS"), "../shared/data/goemotions",
                 Path(__file__).resolve().parents[4] / "shared" / "data" / "goemotions"):
        if cand and (Path(cand) / "train.tsv").exists():
            return Path(cand)
    return Path("../shared/data/goemotions")
