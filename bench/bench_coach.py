"""Coach benchmark (not a test): what live coaching costs while someone types, measured
side by side with the bare encoder pass on the same draft, on one core.

    python bench/bench_coach.py [--posts 40] [--exact-pairs 60]

For each post, a 60-word draft (from the project's own corpus) is "typed" word by word
from word 40 on; every step asks for feedback plus the top-3 rewrites on the live path
(the post's analysis and phrase encodings are cached after the first step, as in the
studio). Printed: p50/p95 per step, the first step for a new post, the bare encoder pass
on the same drafts and the ratio, and the exact path's cost per pair (batch use).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("ATTUNEMENT_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from attunement import Pipeline  # noqa: E402
from attunement.coach import Coach  # noqa: E402
from attunement.train.corpus import builtin_files, read_pairs  # noqa: E402


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))]


def drafts(n: int) -> list[tuple[str, str]]:
    out = []
    for f in builtin_files("empathy"):
        for p in read_pairs(f):
            w = p.response.split()
            if len(w) >= 60:
                out.append((p.seeker_post, " ".join(w[:60])))
    step = max(1, len(out) // n)
    return out[::step][:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--posts", type=int, default=40)
    ap.add_argument("--exact-pairs", type=int, default=60)
    args = ap.parse_args()
    pipe = Pipeline().warm()
    live = Coach(pipe, exact=False).warm()
    enc = pipe.encoder
    work = drafts(args.posts)
    steps, first, bare = [], [], []
    for post, draft in work:
        words = draft.split()
        for k in range(40, 61):
            text = " ".join(words[:k])
            t0 = time.perf_counter()
            r = live.coach(post, text)
            dt = time.perf_counter() - t0
            (first if k == 40 else steps).append(dt)
            if k == 60:
                t0 = time.perf_counter()
                enc.encode_many([text])
                bare.append(time.perf_counter() - t0)
    assert r.feedback is not None
    exact = Coach(pipe).warm()
    ex = []
    for post, draft in work[: args.exact_pairs]:
        t0 = time.perf_counter()
        exact.coach(post, draft)
        ex.append(time.perf_counter() - t0)
    ms = 1000.0
    print(f"drafts: {len(work)} posts × 21 typing steps (40→60 words), one core")
    print(f"live feedback + top-3 rewrites, while typing: p50 {pct(steps, .5) * ms:.1f} ms, "
          f"p95 {pct(steps, .95) * ms:.1f} ms, max {max(steps) * ms:.1f} ms (n={len(steps)})")
    print(f"first step for a new post (post analysed, phrases encoded): p50 {pct(first, .5) * ms:.1f} ms, "
          f"p95 {pct(first, .95) * ms:.1f} ms")
    print(f"bare encoder pass on the 60-word draft: p50 {pct(bare, .5) * ms:.1f} ms")
    print(f"ratio live step ÷ bare encoder pass (p50): {pct(steps, .5) / pct(bare, .5):.2f}")
    print(f"exact path (batch: rewrites re-scored by the engine): p50 {pct(ex, .5) * ms:.0f} ms, "
          f"p95 {pct(ex, .95) * ms:.0f} ms per pair; ÷ live step {pct(ex, .5) / pct(steps, .5):.1f}")


if __name__ == "__main__":
    main()
