"""Risk check latency on chat-length messages and on long support posts, one core, encoding shared (cached first), as
the engine runs it. Each message is timed on several passes and its fastest pass kept (the machine's noise only ever
adds time), with the n-gram cache emptied before each pass so every pass reads the message for the first time. Prints
p50 / mean / p95 per source for the whole check and, side by side, for the rules alone and their share.

    python tools/risk_latency.py [--passes 5]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("ATTUNEMENT_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement import features
from attunement.analysers.risk import RiskModel, apply_rules


def fastest(fn: Callable[[str], object], texts: list[str], passes: int) -> list[float]:
    best = [float("inf")] * len(texts)
    for _ in range(passes):
        features._hashed_ngrams.cache_clear()
        features._positional_hashes.cache_clear()
        for i, t in enumerate(texts):
            t0 = time.perf_counter()
            fn(t)
            best[i] = min(best[i], time.perf_counter() - t0)
    return sorted(best)


def summary(took: list[float]) -> str:
    return (f"p50 {1e3 * took[len(took) // 2]:.2f} ms, mean {1e3 * statistics.mean(took):.2f} ms, "
            f"p95 {1e3 * took[int(0.95 * len(took))]:.2f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passes", type=int, default=5, help="passes over each source; each message's fastest is kept")
    args = ap.parse_args()
    model = RiskModel.load()
    sources = {"own risk test set": [json.loads(line)["text"] for line in (ROOT / "corpus/risk/test.jsonl").read_text(encoding="utf-8").splitlines()]}
    sources["own support posts (empathy corpus)"] = list(dict.fromkeys(
        json.loads(line)["seeker_post"] for f in sorted((ROOT / "corpus/empathy").glob("*.jsonl"))
        for line in f.read_text(encoding="utf-8").splitlines()))
    annomi = ROOT.parent / "shared" / "data" / "annomi_dev.jsonl"
    if annomi.exists():
        rows = [json.loads(line) for line in annomi.read_text(encoding="utf-8").splitlines()]
        sources["AnnoMI client turns"] = [r["text"] for r in rows if r["speaker"] == "client"][:500]
    for name, texts in sources.items():
        for t in texts:
            model.encoder.encode(t, cache=True)
        whole = fastest(lambda t: model._assess(t, 0), texts, args.passes)
        rules = fastest(lambda t: apply_rules(t, 0), texts, args.passes)
        words = statistics.mean(len(t.split()) for t in texts)
        print(f"{name}: n={len(texts)}, {words:.0f} words on average\n"
              f"  risk check: {summary(whole)}\n"
              f"  rules alone: {summary(rules)} (rules ÷ check, means: {statistics.mean(rules) / statistics.mean(whole):.2f})")


if __name__ == "__main__":
    main()
