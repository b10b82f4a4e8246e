"""Session review benchmark (not a test): a 60-minute session reviewed end to end on one
core, the share of that time spent in bare encoder passes (measured in the same run),
and peak memory for a 60-minute vs a 4-hour transcript (each in a fresh process).

    python bench/bench_review.py [--minutes 60]

A 60-minute session is built from the project's coded excerpts: about 150 spoken words a
minute, so ~9,000 words, ~650 distinct turns, two speakers. The 4-hour session needs
36,000 words; the corpus has fewer distinct ones, so the memory run repeats it.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ATTUNEMENT_THREADS", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement import Pipeline  # noqa: E402
from attunement.report_html import render_html  # noqa: E402
from attunement.text import words  # noqa: E402



def session_lines(minutes: int) -> list[str]:
    """'Therapist: …' / 'Client: …' lines, about 150 words a minute, every turn distinct:
    the project's coded excerpts (corpus/mi) one after another."""
    import json

    pieces: list[tuple[str, str]] = []
    for path in sorted((ROOT / "corpus" / "mi").glob("part-*.jsonl")):
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            pieces.append(("Therapist" if row["speaker_role"] == "helper" else "Client", row["text"]))
    target = 150 * minutes
    out, n_words, last = [], 0, None
    for who, text in pieces:
        if n_words >= target:
            break
        if who == last:
            continue
        out.append(f"{who}: {text}")
        n_words += len(words(text))
        last = who
    if n_words < target:
        out = out * (target // max(1, n_words) + 1)
    return out


def write_session(minutes: int, folder: Path) -> Path:
    path = folder / f"session-{minutes}min.txt"
    path.write_text("\n".join(session_lines(minutes)) + "\n", encoding="utf-8")
    return path


def time_review(pipe: Pipeline, path: Path, repeats: int = 3) -> dict:
    best = None
    for _ in range(repeats):
        pipe.encoder._cache.clear()
        for m in (pipe.emotion_model, pipe.risk_model):
            m._cache.clear()
        pipe.emotion_model._proba_cache.clear()
        t0 = time.perf_counter()
        report = pipe.review(path)
        html = render_html(report)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    texts = [t.text for t in report.turns]
    t0 = time.perf_counter()
    pipe.encoder.encode_many(texts, batch_size=8)  # as the review primes its cache
    bare = time.perf_counter() - t0
    return {"turns": len(report.turns), "words": sum(len(words(x)) for x in texts), "seconds": round(best, 3),
            "bare_encoder_seconds": round(bare, 3), "ratio_full_to_bare_encoder": round(best / bare, 2),
            "html_kb": round(len(html) / 1024, 1)}


def peak_memory(minutes: int, folder: Path) -> float:
    """Peak RSS (MB) of a fresh process that reviews one session of this length."""
    path = write_session(minutes, folder)
    code = ("import resource,sys; sys.path.insert(0, %r); from attunement import Pipeline; "
            "from attunement.report_html import render_html; p = Pipeline(); r = p.review(%r); render_html(r); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)") % (str(ROOT / "src"), str(path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "ATTUNEMENT_THREADS": "1"})
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=int, default=60)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = write_session(args.minutes, folder)
        pipe = Pipeline().warm()
        pipe.coding_model  # noqa: B018 - loaded before timing
        pipe.review(path)  # warm-up
        res = time_review(pipe, path)
        res["minutes"] = args.minutes
        mem_short = peak_memory(args.minutes, folder)
        mem_long = peak_memory(args.minutes * 4, folder)
        res["peak_rss_mb"] = {f"{args.minutes} min": round(mem_short, 1), f"{args.minutes * 4} min": round(mem_long, 1)}
        res["memory_ratio_long_to_short"] = round(mem_long / mem_short, 3)
        res["self_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
