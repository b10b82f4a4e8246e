"""Engine benchmark (not a test): latency, throughput, memory, cold start, and ratios
measured side by side in one run.

    python bench/bench_engine.py [--pairs 10000] [--no-roberta]

Ratios printed:
- full analysis of a reply (post encoding cached) ÷ one bare encoder pass on the same reply;
- per-pair cost of EPITOME's design — two RoBERTa-base encoders per mechanism, three
  mechanisms, random weights from the config (needs torch + transformers: `pip install -e '.[bench]'`)
  — ÷ attunement's full analysis.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("ATTUNEMENT_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from attunement import Pipeline  # noqa: E402
from attunement.train.corpus import builtin_files, read_pairs  # noqa: E402


def load_pairs() -> list[tuple[str, str]]:
    return [(p.seeker_post, p.response) for f in builtin_files("empathy") for p in read_pairs(f)]


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def latency(pipe: Pipeline, pairs: list[tuple[str, str]], n: int) -> dict:
    sample = pairs[:n]
    for post, _ in sample:  # cache post encodings, as a live coach would
        pipe.analyze_reply(post, "ok")
    full, bare, risk = [], [], []
    enc = pipe.encoder
    for post, reply in sample:
        t0 = time.perf_counter()
        enc.encode_many([reply])
        t1 = time.perf_counter()
        pipe.analyze_reply(post, reply)
        t2 = time.perf_counter()
        pipe.risk_model._assess(post, 0)
        t3 = time.perf_counter()
        bare.append(t1 - t0)
        full.append(t2 - t1)
        risk.append(t3 - t2)
    ratios = [f / b for f, b in zip(full, bare)]
    return {"n": n, "full_p50_ms": 1e3 * pct(full, .5), "full_p95_ms": 1e3 * pct(full, .95),
            "bare_encoder_p50_ms": 1e3 * pct(bare, .5), "ratio_full_to_bare_median": statistics.median(ratios),
            "risk_check_p50_ms": 1e3 * pct(risk, .5), "risk_check_p95_ms": 1e3 * pct(risk, .95),
            "risk_check_mean_ms": 1e3 * statistics.fmean(risk)}


_PIPE: Pipeline | None = None


def _work(chunk: list[tuple[str, str]]) -> int:
    global _PIPE
    if _PIPE is None:
        _PIPE = Pipeline().warm()
    for post, reply in chunk:
        _PIPE.analyze_reply(post, reply)
    return len(chunk)


def throughput(pairs: list[tuple[str, str]], n: int, workers: int) -> dict:
    data = [pairs[i % len(pairs)] for i in range(n)]
    chunks = [data[i:i + 250] for i in range(0, n, 250)]
    with ProcessPoolExecutor(workers) as ex:
        list(ex.map(_work, [data[:4]] * workers))  # load models in every worker first
        t0 = time.perf_counter()
        done = sum(ex.map(_work, chunks))
        dt = time.perf_counter() - t0
    return {"pairs": done, "workers": workers, "seconds": dt, "pairs_per_s": done / dt}


def cold_start() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "attunement", "score", "--post", "I lost my job.", "--reply",
                    "I'm so sorry."], check=True, capture_output=True)
    return time.perf_counter() - t0


def roberta(pairs: list[tuple[str, str]], n: int, ours_ms: float) -> dict | None:
    try:
        import torch
        from transformers import AutoTokenizer, RobertaConfig, RobertaModel  # noqa: F401
    except ImportError:
        return None
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = RobertaModel(RobertaConfig()).eval()  # RoBERTa-base size, random weights: cost only
    from attunement.encoder import default_encoder
    tok = default_encoder()._tokenizer  # same token counts are close enough for cost
    times = []
    with torch.no_grad():
        for post, reply in pairs[:n]:
            ids_p = torch.tensor([tok.encode(post).ids[:256]])
            ids_r = torch.tensor([tok.encode(reply).ids[:256]])
            t0 = time.perf_counter()
            for _ in range(3):  # three mechanisms, each a seeker encoder and a response encoder
                model(input_ids=ids_p)
                model(input_ids=ids_r)
            times.append(time.perf_counter() - t0)
    p50 = 1e3 * pct(times, .5)
    return {"epitome_style_p50_ms": p50, "speedup_vs_attunement": p50 / ours_ms}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=10_000)
    ap.add_argument("--latency-n", type=int, default=300)
    ap.add_argument("--no-roberta", action="store_true")
    args = ap.parse_args()
    pairs = load_pairs()
    t0 = time.perf_counter()
    pipe = Pipeline().warm()
    print(f"model load in process: {time.perf_counter() - t0:.2f} s")
    lat = latency(pipe, pairs, args.latency_n)
    for k, v in lat.items():
        print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
    print(f"peak memory (this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(f"cold start of `attune score --post --reply`: {cold_start():.2f} s")
    thr = throughput(pairs, args.pairs, 2)
    print(f"throughput, 2 worker processes x 1 thread: {thr['pairs_per_s']:.0f} pairs/s ({thr['pairs']} pairs, {thr['seconds']:.1f} s)")
    if not args.no_roberta:
        rb = roberta(pairs, min(50, args.latency_n), lat["full_p50_ms"])
        if rb is None:
            print("RoBERTa comparison skipped: pip install -e '.[bench]' for torch + transformers")
        else:
            print(f"EPITOME-style 6 x RoBERTa-base passes per pair p50: {rb['epitome_style_p50_ms']:.1f} ms; "
                  f"attunement is {rb['speedup_vs_attunement']:.1f}x faster per pair")


if __name__ == "__main__":
    main()
