"""Batch scoring: every kind of row, rejects, urgent rows, resume after kill -9 with
exactly-once output, local processes and Ray giving the same results, and compare."""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from attunement.batch import BatchConfig, run_batch
from attunement.cli import app
from attunement.errors import InputError

runner = CliRunner()
POSTS = ["I lost my job today and I feel useless.", "My dad passed away last month and I feel so empty.",
         "Exams start Monday and I am terrified.", "My girlfriend left me and I can't stop crying."]
REPLIES = ["You should update your CV.", "I'm so sorry. What was he like?", "You'll be fine!",
           "That sounds so painful. How are you holding up?"]


def _pairs(n: int) -> list[dict]:
    return [{"id": f"p{i}", "seeker_post": POSTS[i % 4], "response": REPLIES[(i // 4) % 4] + f" ({i})",
             "helper_id": f"h{i % 3}", "timestamp": f"2026-11-{1 + i % 5:02d}T09:00:00", "conversation_id": f"c{i % 6}"}
            for i in range(n)]


def _write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def _results(out: Path) -> list[dict]:
    return pq.read_table(out / "results.parquet").to_pylist()


def test_batch_scores_every_kind_and_keeps_rejects_and_urgent_apart(tmp_path: Path) -> None:
    rows = _pairs(20) + [
        "this is not json",
        {"id": "nothing", "foo": 1},
        {"id": "u1", "text": "I have the pills counted out and I'm doing it tonight.", "role": "client"},
        {"id": "u2", "text": "Have you tried going for a walk?", "role": "helper"},
        {"id": "u3", "text": "   ", "role": "client"},
        {"id": "conv1", "turns": [{"speaker": "Counsellor", "text": "What brings you in today?"},
                                  {"speaker": "Client", "text": "My drinking has got out of hand and my wife is scared."},
                                  {"speaker": "Counsellor", "text": "Her fear has got you thinking about it."}]},
    ]
    src = _write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out"
    m = run_batch(BatchConfig([str(src)], str(out), chunk_rows=16, progress=False))
    got = {r["id"]: r for r in _results(out)}
    assert len(got) == 23 and m["counts"] == {"results": 23, "rejects": 3, "urgent": 1}
    assert got["p5"]["kind"] == "pair" and got["p5"]["empathy_total"] > got["p1"]["empathy_total"] and got["p5"]["code"]
    assert got["u1"]["risk_level"] == "imminent" and got["u2"]["code"] == "question"
    assert got["conv1"]["kind"] == "conversation" and json.loads(got["conv1"]["result_json"])["summary"]
    rejects = [json.loads(x) for x in (out / "rejects.jsonl").read_text().splitlines()]
    assert {r["error"] for r in rejects} == {"E005", "E001", "E002"} and all(r["reason"] for r in rejects)
    urgent = [json.loads(x) for x in (out / "URGENT-risk-high.jsonl").read_text().splitlines()]
    assert [u["id"] for u in urgent] == ["u1"] and "pills" in urgent[0]["text"]
    assert len((out / "results.jsonl").read_text().splitlines()) == 23
    summary = json.loads((out / "summary.json").read_text())
    assert set(summary["per_helper"]) == {"h0", "h1", "h2"} and len(summary["per_day"]) == 5
    assert summary["overall"]["rows"] == 23
    assert m["versions"]["empathy_model"] and m["input"]["chunks"] == 2 and m["timings"]["score_s"] > 0


def test_csv_parquet_and_folders_read_the_same_rows(tmp_path: Path) -> None:
    rows = _pairs(10)
    rows[3]["response"] = 'A reply with, commas\nand a "quoted" newline.'
    folder = tmp_path / "in"
    folder.mkdir()
    with open(folder / "a.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows[:6])
    pq.write_table(pa.Table.from_pylist(rows[6:]), folder / "b.parquet")
    out = tmp_path / "out"
    run_batch(BatchConfig([str(folder)], str(out), chunk_rows=16, progress=False))
    ref = tmp_path / "ref"
    run_batch(BatchConfig([str(_write_jsonl(tmp_path / "all.jsonl", rows))], str(ref), chunk_rows=16, progress=False))
    strip = lambda rs: sorted(({k: v for k, v in r.items() if k != "source"} for r in rs), key=lambda r: r["id"])  # noqa: E731
    assert strip(_results(out)) == strip(_results(ref))


def test_kill_9_mid_run_then_resume_gives_every_row_exactly_once(tmp_path: Path) -> None:
    rows = _pairs(160) + ["broken {"]
    src = _write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "attunement", "batch", str(src), "-o", str(out), "--chunk-rows", "16", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and len(list((out / "parts").glob("*.parquet"))) < 2:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    finished_before = len(list((out / "parts").glob("*.parquet")))
    assert 2 <= finished_before < 11, "the kill should land mid-run"
    assert not (out / "results.parquet").exists()
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    ids = [r["id"] for r in _results(out)]
    assert len(ids) == len(set(ids)) == 160 and set(ids) == {f"p{i}" for i in range(160)}
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["input"]["resumed_chunks"] >= finished_before and manifest["counts"]["rejects"] == 1


def test_resume_refuses_changed_input(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _pairs(8))
    out = tmp_path / "out"
    run_batch(BatchConfig([str(src)], str(out), chunk_rows=16, progress=False))
    _write_jsonl(src, _pairs(9))
    with pytest.raises(InputError, match="different input"):
        run_batch(BatchConfig([str(src)], str(out), chunk_rows=16, progress=False))
    m = run_batch(BatchConfig([str(src)], str(out), chunk_rows=16, progress=False, restart=True))
    assert m["counts"]["results"] == 9


def test_two_local_workers_match_one(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _pairs(48))
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch(BatchConfig([str(src)], str(one), chunk_rows=16, progress=False))
    m = run_batch(BatchConfig([str(src)], str(two), chunk_rows=16, workers=2, progress=False))
    assert 1 <= m["workers_seen"] <= 2  # which process takes which chunk is up to the scheduler
    assert _results(one) == _results(two)


def test_ray_local_cluster_gives_identical_results(tmp_path: Path) -> None:
    pytest.importorskip("ray")
    src = _write_jsonl(tmp_path / "in.jsonl", _pairs(32) + ["not json"])
    local, ray_out = tmp_path / "local", tmp_path / "ray"
    run_batch(BatchConfig([str(src)], str(local), chunk_rows=16, progress=False))
    m = run_batch(BatchConfig([str(src)], str(ray_out), chunk_rows=16, engine="ray", workers=1, progress=False))
    assert m["counts"] == {"results": 32, "rejects": 1, "urgent": 0}
    assert _results(local) == _results(ray_out)


def test_cli_batch_and_compare(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _pairs(6))
    res = runner.invoke(app, ["batch", str(src), "-o", str(tmp_path / "out"), "--quiet"])
    assert res.exit_code == 0, res.output
    a = _write_jsonl(tmp_path / "a.jsonl", [{"id": f"k{i}", "seeker_post": p, "response": "Just get over it."}
                                           for i, p in enumerate(POSTS * 3)])
    b = _write_jsonl(tmp_path / "b.jsonl", [{"id": f"k{i}", "seeker_post": p, "response":
                                            "I'm so sorry you're going through this. It sounds really painful. "
                                            "What has been the hardest part?"} for i, p in enumerate(POSTS * 3)])
    svg = tmp_path / "cmp.svg"
    res = runner.invoke(app, ["compare", str(a), str(b), "--plot", str(svg), "--json", "--bootstrap", "500"])
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    total = rep["measures"]["total"]
    assert rep["matched_posts"] == 12 and total["mean_difference"] > 2 and total["ci95"][0] > 0
    assert total["wilcoxon_p"] < 0.01 and total["b_higher"] == 12
    assert svg.read_text().startswith("<svg") and "Total" in svg.read_text()
    res = runner.invoke(app, ["compare", str(a), str(_write_jsonl(tmp_path / "c.jsonl", [
        {"id": "zzz", "seeker_post": "x", "response": "y"}]))])
    assert res.exit_code == 2 and "both" in res.output


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads worker processes from Linux's /proc")
def test_worker_processes_stop_when_the_run_is_killed(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", _pairs(600))
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "attunement", "batch", str(src), "-o", str(out), "--chunk-rows", "128", "--quiet",
           "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    children: list[int] = []
    while time.time() < deadline and not list((out / "parts").glob("*.parquet")):
        time.sleep(0.05)
    for task in Path(f"/proc/{proc.pid}/task").iterdir():
        children += [int(c) for c in (task / "children").read_text().split()]
    assert children, "the run should have worker processes"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 1.0  # well inside the seconds a worker needs for its chunk
    while time.time() < deadline and any(Path(f"/proc/{c}").exists() for c in children):
        time.sleep(0.1)
    alive = [c for c in children if Path(f"/proc/{c}").exists() and
             "Z" not in Path(f"/proc/{c}/stat").read_text().split()[2]]
    assert alive == [], "workers outlived the killed run"
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    ids = [r["id"] for r in _results(out)]
    assert len(ids) == len(set(ids)) == 600
