"""Runs a batch: plan chunks, skip the ones a previous run finished, score the rest on
the chosen engine, then assemble results.parquet (and .jsonl), rejects, urgent rows, the
summary and the run manifest from the parts. Killed at any point, the same command
resumes; every input row ends up in the results (or rejects) exactly once."""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import ConfigError, InputError, check_param
from .scoring import ChunkScorer, part_name
from .sources import Chunk, fingerprint, input_files, plan_chunks
from .summary import summarise

STATE = "run.json"
OUTPUT_NAMES = {"rejects": "rejects.jsonl", "urgent": "URGENT-risk-high.jsonl"}


@dataclass
class BatchConfig:
    inputs: list[str]
    output: str
    workers: int = 1
    engine: str = "local"           # local | ray
    address: str | None = None      # an existing Ray cluster ("auto", "ray://host:10001"); None starts a local one
    chunk_rows: int = 512
    jsonl: bool = True
    model_dir: str | None = None
    locale: str | None = None
    restart: bool = False
    progress: bool = True

    def check(self) -> None:
        check_param("workers", "batch", self.workers, isinstance(self.workers, int) and self.workers >= 1, "an int >= 1")
        check_param("engine", "batch", self.engine, self.engine in ("local", "ray"), "'local' or 'ray'")
        check_param("chunk_rows", "batch", self.chunk_rows, isinstance(self.chunk_rows, int) and
                    16 <= self.chunk_rows <= 100_000, "an int in [16, 100000]")


class Progress:
    """One line on stderr: rows done, rate and time left."""

    def __init__(self, total: int, done: int, enabled: bool) -> None:
        self.total, self.done, self.enabled = total, done, enabled
        self.start_done = done
        self.t0 = self.last = time.perf_counter()

    def update(self, rows: int, force: bool = False) -> None:
        self.done += rows
        now = time.perf_counter()
        if not self.enabled or (now - self.last < 0.5 and not force):
            return
        self.last = now
        rate = (self.done - self.start_done) / max(now - self.t0, 1e-9)
        left = (self.total - self.done) / rate if rate > 0 else float("inf")
        eta = "—" if left == float("inf") else f"{int(left // 60)}:{int(left % 60):02d}"
        pct = 100.0 * self.done / max(self.total, 1)
        sys.stderr.write(f"\r{self.done:,}/{self.total:,} rows ({pct:.0f}%) · {rate:,.0f} rows/s · ETA {eta}   ")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            self.update(0, force=True)
            sys.stderr.write("\n")


# ---- engines -------------------------------------------------------------------------
_WORKER: ChunkScorer | None = None


def _die_with_parent() -> None:
    """On Linux, ask the kernel to stop this worker when the run that started it dies
    (kill -9 included), so a resumed run never competes with orphans of the last one."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers finish their chunk and exit
        pass


def _init_worker(out: str, model_dir: str | None, locale: str | None) -> None:
    global _WORKER
    _die_with_parent()
    os.environ["ATTUNEMENT_THREADS"] = "1"
    _WORKER = ChunkScorer(out, model_dir, locale)


def _score_in_worker(chunk: Chunk) -> dict[str, Any]:
    assert _WORKER is not None
    return _WORKER(chunk)


def _run_local(cfg: BatchConfig, pending: list[Chunk]) -> Iterator[dict[str, Any]]:
    if cfg.workers == 1:
        scorer = ChunkScorer(cfg.output, cfg.model_dir, cfg.locale)
        for c in pending:
            yield scorer(c)
        return
    import multiprocessing as mp

    with ProcessPoolExecutor(cfg.workers, mp_context=mp.get_context("spawn"), initializer=_init_worker,
                             initargs=(cfg.output, cfg.model_dir, cfg.locale)) as pool:
        todo = iter(pending)
        running = set()
        for c in todo:  # at most 2 chunks per worker in flight: memory stays bounded
            running.add(pool.submit(_score_in_worker, c))
            if len(running) >= 2 * cfg.workers:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for f in done:
                    yield f.result()
        for f in running:
            yield f.result()


class RayChunkScorer:
    """Ray Data actor: loads the models once, then scores one chunk per call."""

    def __init__(self, out: str, model_dir: str | None, locale: str | None) -> None:
        os.environ["ATTUNEMENT_THREADS"] = "1"
        self.scorer = ChunkScorer(out, model_dir, locale)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        stats: list[dict[str, Any]] = []
        for i in range(len(batch["index"])):
            chunk = Chunk(**{k: (v[i].item() if hasattr(v[i], "item") else v[i]) for k, v in batch.items()})
            stats.append(self.scorer(chunk))
        return {k: [s[k] for s in stats] for k in ("index", "rows", "rejects", "urgent", "seconds", "pid")}


def _run_ray(cfg: BatchConfig, pending: list[Chunk]) -> Iterator[dict[str, Any]]:
    try:
        import ray
    except ImportError:
        raise ConfigError("--engine ray needs Ray: pip install 'attunement[ray]'.") from None
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"include_dashboard": False, "ignore_reinit_error": True, "log_to_driver": False}
        if cfg.address:
            ray.init(address=cfg.address, **kwargs)
        else:
            ray.init(num_cpus=cfg.workers, **kwargs)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ds = ray.data.from_items([c.to_dict() for c in pending], override_num_blocks=max(1, len(pending)))
    out = ds.map_batches(RayChunkScorer, fn_constructor_kwargs={"out": str(Path(cfg.output).resolve()),
                                                                "model_dir": cfg.model_dir, "locale": cfg.locale},
                         batch_size=1, concurrency=cfg.workers, num_cpus=1)
    for row in out.iter_rows():
        yield dict(row)


# ---- the run -------------------------------------------------------------------------
def _state(cfg: BatchConfig, files: list[Path]) -> dict[str, Any]:
    return {"fingerprint": fingerprint(files), "chunk_rows": cfg.chunk_rows, "files": [str(f) for f in files],
            "attunement": __version__}


def run_batch(cfg: BatchConfig) -> dict[str, Any]:
    cfg.check()
    t0 = time.perf_counter()
    files = input_files(cfg.inputs)
    out = Path(cfg.output)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file; batch output is a folder.")
    parts = out / "parts"
    state_path = out / STATE
    state = _state(cfg, files)
    if state_path.exists() and not cfg.restart:
        old = json.loads(state_path.read_text(encoding="utf-8"))
        if old.get("fingerprint") != state["fingerprint"] or old.get("chunk_rows") != cfg.chunk_rows:
            raise InputError(f"{out} holds a run over different input (or chunk size); resume needs the same "
                             "input.", hint="Use a new output folder, or --restart to start over.")
    if cfg.restart and parts.exists():
        shutil.rmtree(parts)
    parts.mkdir(parents=True, exist_ok=True)
    for stale in parts.glob("*.tmp"):
        stale.unlink()
    state_path.write_text(json.dumps(state, indent=2), encoding="utf-8")
    t_plan = time.perf_counter()
    chunks = plan_chunks(files, cfg.chunk_rows)
    plan_s = time.perf_counter() - t_plan
    done = {c.index for c in chunks if (parts / f"{part_name(c.index)}.parquet").exists()}
    pending = [c for c in chunks if c.index not in done]
    total_rows = sum(c.rows for c in chunks)
    progress = Progress(total_rows, sum(c.rows for c in chunks if c.index in done), cfg.progress)
    engine = _run_ray if cfg.engine == "ray" else _run_local
    t_score = time.perf_counter()
    pids: set[int] = set()
    for stats in engine(cfg, pending):
        pids.add(int(stats["pid"]))
        progress.update(int(stats["rows"]) + int(stats["rejects"]))
    progress.close()
    score_s = time.perf_counter() - t_score
    manifest = assemble(out, chunks, cfg.jsonl)
    manifest.update(
        config={k: v for k, v in asdict(cfg).items() if k not in ("progress",)},
        input={"files": [str(f) for f in files], "fingerprint": state["fingerprint"], "rows": total_rows,
               "chunks": len(chunks), "resumed_chunks": len(done)},
        timings={"plan_s": round(plan_s, 3), "score_s": round(score_s, 3),
                 "total_s": round(time.perf_counter() - t0, 3),
                 "rows_per_s_this_run": round(sum(c.rows for c in pending) / score_s, 2) if score_s > 0 else None},
        workers_seen=len(pids), versions=_versions(cfg))
    _write_json(out / "manifest.json", manifest)
    return manifest


def _versions(cfg: BatchConfig) -> dict[str, str]:
    from ..pipeline import Pipeline

    return Pipeline(model_dir=cfg.model_dir).versions


def assemble(out: Path, chunks: list[Chunk], jsonl: bool) -> dict[str, Any]:
    """Results, rejects, urgent rows and the summary, rebuilt from the parts (idempotent)."""
    import pyarrow.parquet as pq

    parts = out / "parts"
    files = [parts / f"{part_name(c.index)}.parquet" for c in chunks]
    missing = [f.name for f in files if not f.exists()]
    if missing:
        raise InputError(f"{len(missing)} chunk(s) not scored yet ({missing[0]} …); run the same command again.")
    counts = {"results": 0, "rejects": 0, "urgent": 0}
    writer = None
    tmp = out / "results.parquet.tmp"
    jtmp = out / "results.jsonl.tmp"
    jf = open(jtmp, "w", encoding="utf-8") if jsonl else None
    try:
        for f in files:
            table = pq.read_table(f)
            if writer is None:
                writer = pq.ParquetWriter(tmp, table.schema)
            writer.write_table(table)
            counts["results"] += table.num_rows
            if jf is not None:
                for row in table.to_pylist():
                    jf.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if writer is not None:
            writer.close()
        if jf is not None:
            jf.close()
    if writer is not None:
        os.replace(tmp, out / "results.parquet")
    if jf is not None:
        os.replace(jtmp, out / "results.jsonl")
    for kind in ("rejects", "urgent"):
        name = OUTPUT_NAMES[kind]
        ktmp = out / f"{name}.tmp"
        with open(ktmp, "w", encoding="utf-8") as dst:
            for c in chunks:
                text = (parts / f"{part_name(c.index)}.{kind}.jsonl").read_text(encoding="utf-8")
                counts[kind] += text.count("\n")
                dst.write(text)
        os.replace(ktmp, out / name)
    _write_json(out / "summary.json", summarise(files))
    return {"schema": "attunement.batch-manifest/1", "counts": counts,
            "outputs": {"results": "results.parquet", "results_jsonl": "results.jsonl" if jsonl else None,
                        "rejects": OUTPUT_NAMES["rejects"], "urgent": OUTPUT_NAMES["urgent"], "summary": "summary.json"}}


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    os.replace(tmp, path)
