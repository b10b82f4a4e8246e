"""Risk check latency on chat-length messages and on long support posts, one core, encoding shared (cached first), as
the engine runs it. Prints p50 / mean / p95 per source.

    python tools/risk_latency.py
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("ATTUNEMENT_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement.analysers.risk import RiskModel


def main() -> None:
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
        took = []
        for t in texts:
            t0 = time.perf_counter()
            model._assess(t, 0)
            took.append(time.perf_counter() - t0)
        took.sort()
        words = statistics.mean(len(t.split()) for t in texts)
        print(f"{name}: n={len(texts)}, {words:.0f} words on average, p50 {1e3 * took[len(took) // 2]:.2f} ms, "
              f"mean {1e3 * statistics.mean(took):.2f} ms, p95 {1e3 * took[int(0.95 * len(took))]:.2f} ms")


if __name__ == "__main__":
    main()
