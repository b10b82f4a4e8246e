"""Batch benchmark (not a test): throughput, memory against input size, Ray scaling and
Ray's overhead against local processes — each measured side by side in one run.

    python bench/bench_batch.py throughput --rows 10000 --workers 2
    python bench/bench_batch.py memory --small 10000 --large 1000000
    python bench/bench_batch.py ray --rows 2000

Input rows are the project's own (post, reply) pairs, cycled to the size asked for (the
posts repeat, as on a platform where one post gets many replies; 4,200 distinct replies).
`memory` runs each size in a fresh process and reports its peak RSS: with the models
(full analysis) for --small and --small × 5, and — because a full analysis of 10^6 rows
takes hours on 2 cores — the run's own machinery (planning, chunk reading, part writing,
assembly of results.parquet/.jsonl and summary) with a stub scorer for --small vs --large.
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
from typing import Any

os.environ.setdefault("ATTUNEMENT_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def make_input(path: Path, rows: int) -> Path:
    from attunement.train.corpus import builtin_files, read_pairs

    pairs = [(p.seeker_post, p.response, p.post_id) for f in builtin_files("empathy") for p in read_pairs(f)]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(rows):
            post, reply, pid = pairs[i % len(pairs)]
            f.write(json.dumps({"id": f"r{i}", "seeker_post": post, "response": reply, "conversation_id": pid,
                                "helper_id": f"h{i % 50}", "timestamp": f"2026-11-{1 + i % 28:02d}T12:00:00"}) + "\n")
    return path


def run(inputs: Path, out: Path, workers: int, engine: str = "local", chunk_rows: int = 512) -> dict[str, Any]:
    from attunement.batch import BatchConfig, run_batch

    return run_batch(BatchConfig([str(inputs)], str(out), workers=workers, engine=engine, chunk_rows=chunk_rows,
                                 progress=False, jsonl=False))


def throughput(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as d:
        src = make_input(Path(d) / "in.jsonl", args.rows)
        t0 = time.perf_counter()
        m = run(src, Path(d) / "out", args.workers)
        wall = time.perf_counter() - t0
    print(f"throughput: {args.rows:,} pairs, {args.workers} local worker(s): {args.rows / wall:,.1f} pairs/s "
          f"end to end ({wall:.1f} s; scoring {m['timings']['score_s']:.1f} s, "
          f"{m['timings']['rows_per_s_this_run']:,.1f} rows/s while scoring)")


def _stub_row(self: Any, row: dict[str, Any], where: str) -> dict[str, Any]:
    """A fixed-width record from a row, without the models."""
    from attunement.batch.scoring import COLUMNS

    base: dict[str, Any] = dict.fromkeys(COLUMNS)
    base.update(id=str(row.get("id")), kind="pair", source=where, helper_id=row.get("helper_id"),
                conversation_id=row.get("conversation_id"), timestamp=row.get("timestamp"),
                day=str(row.get("timestamp"))[:10], empathy_total=float(len(row["response"]) % 7),
                risk_level="none", result_json=json.dumps({"n": len(row["response"])}))
    return base


def _stub_scorer(out: str) -> Any:
    """The run's own machinery (reading chunks, writing parts) with the stub in place of the models."""
    from attunement.batch.scoring import ChunkScorer

    class StubScorer(ChunkScorer):
        def __init__(self, out: str) -> None:  # no models loaded
            self.out_dir = Path(out)

        score_row = _stub_row

    return StubScorer(out)


def _memory_child(kind: str, rows: int) -> None:
    from attunement.batch import runner
    from attunement.batch.sources import plan_chunks

    with tempfile.TemporaryDirectory() as d:
        src = make_input(Path(d) / "in.jsonl", rows)
        out = Path(d) / "out"
        if kind == "full":
            run(src, out, 1)
        else:
            stub = _stub_scorer(str(out))
            chunks = plan_chunks([src], 512)
            for c in chunks:
                stub(c)
            runner.assemble(out, chunks, jsonl=True)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)


def _peak(kind: str, rows: int) -> int:
    res = subprocess.run([sys.executable, __file__, "_memory_child", kind, str(rows)], capture_output=True, text=True,
                         check=True)
    return int(res.stdout.strip().splitlines()[-1])


def memory(args: argparse.Namespace) -> None:
    a, b = _peak("full", args.small), _peak("full", args.small * 5)
    print(f"full analysis, 1 process: peak RSS {a} MB for {args.small:,} rows vs {b} MB for {args.small * 5:,} "
          f"(× {b / a:.2f})")
    c, d = _peak("stub", args.small), _peak("stub", args.large)
    print(f"run machinery (stub scorer): peak RSS {c} MB for {args.small:,} rows vs {d} MB for {args.large:,} "
          f"(× {d / c:.2f})")


def ray_bench(args: argparse.Namespace) -> None:
    import ray

    results = {}
    with tempfile.TemporaryDirectory() as d:
        src = make_input(Path(d) / "in.jsonl", args.rows)
        for engine, workers in (("local", 1), ("local", 2), ("ray", 1), ("ray", 2)):
            if engine == "ray" and ray.is_initialized():
                ray.shutdown()
            t0 = time.perf_counter()
            m = run(src, Path(d) / f"out-{engine}-{workers}", workers, engine, chunk_rows=128)
            results[(engine, workers)] = (time.perf_counter() - t0, m["timings"]["score_s"])
    for (engine, workers), (wall, score) in results.items():
        print(f"{engine:>5} × {workers}: {args.rows / wall:7.1f} rows/s end to end, {args.rows / score:7.1f} while scoring")
    r1, r2 = results[("ray", 1)][1], results[("ray", 2)][1]
    l1, l2 = results[("local", 1)][1], results[("local", 2)][1]
    print(f"Ray scaling 1 → 2 workers: {r1 / r2:.2f}× ({100 * r1 / r2 / 2:.0f} % of linear); "
          f"local processes: {l1 / l2:.2f}× ({100 * l1 / l2 / 2:.0f} %)")
    print(f"Ray ÷ local time while scoring: 1 worker {r1 / l1:.2f}, 2 workers {r2 / l2:.2f}")


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "_memory_child":
        _memory_child(sys.argv[2], int(sys.argv[3]))
        return
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--rows", type=int, default=10_000)
    t.add_argument("--workers", type=int, default=2)
    m = sub.add_parser("memory")
    m.add_argument("--small", type=int, default=10_000)
    m.add_argument("--large", type=int, default=1_000_000)
    r = sub.add_parser("ray")
    r.add_argument("--rows", type=int, default=2_000)
    args = ap.parse_args()
    {"throughput": throughput, "memory": memory, "ray": ray_bench}[args.cmd](args)


if __name__ == "__main__":
    main()
