"""REST load on loopback (not a test): N concurrent clients scoring for S seconds against
a real `attune serve` process. Prints requests/s, latency p50/p95/p99, errors, and the
server's resident memory at the start and end of the load (flat means no leak).

    python bench/bench_api.py --clients 200 --seconds 60 [--workers 1]
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


ERROR_KINDS: dict[str, int] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (uvicorn workers), in MB."""
    total = 0
    pids = [pid]
    try:
        out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(p) for p in out]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


async def load(url: str, clients: int, seconds: float, pairs: list[dict]) -> tuple[list[float], int, int]:
    import httpx

    latencies: list[float] = []
    errors = 0
    kinds: dict[str, int] = {}
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as http:
        async def client(k: int) -> None:
            nonlocal errors
            i = k
            while time.perf_counter() < stop:
                body = pairs[i % len(pairs)]
                i += clients
                t0 = time.perf_counter()
                try:
                    r = await http.post("/api/v1/score", json=body)
                    if r.status_code != 200:
                        errors += 1
                        key = f"{r.status_code} {r.json().get('error', {}).get('code', '?')}"
                        kinds[key] = kinds.get(key, 0) + 1
                except httpx.HTTPError as exc:
                    errors += 1
                    kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1
                latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(client(k) for k in range(clients)))
    ERROR_KINDS.update(kinds)
    return latencies, errors, len(latencies)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--server-log", default=os.devnull, help="Where the server's own log goes.")
    args = ap.parse_args()
    from attunement.train.corpus import builtin_files, read_pairs

    pairs = [{"seeker_post": p.seeker_post, "response": p.response} for f in builtin_files() for p in read_pairs(f)]
    port = free_port()
    env = {**os.environ, "ATTUNEMENT_THREADS": "1"}
    server = subprocess.Popen([sys.executable, "-m", "attunement", "serve", "--port", str(port), "--workers",
                               str(args.workers)], env=env, stdout=subprocess.DEVNULL, stderr=open(args.server_log, "w"))
    url = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(600):
            try:
                if httpx.get(url + "/api/v1/ready", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        asyncio.run(load(url, 4, 5, pairs))  # warm-up
        before = rss_mb(server.pid)
        lat, errors, n = asyncio.run(load(url, args.clients, args.seconds, pairs))
        after = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lat.sort()

    def q(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000

    print(json.dumps({"clients": args.clients, "seconds": args.seconds, "server_workers": args.workers,
                      "requests": n, "errors": errors, "error_kinds": ERROR_KINDS, "requests_per_s": round(n / args.seconds, 1),
                      "p50_ms": round(q(.5), 1), "p95_ms": round(q(.95), 1), "p99_ms": round(q(.99), 1),
                      "server_rss_mb_start": round(before, 1), "server_rss_mb_end": round(after, 1)}, indent=2))


if __name__ == "__main__":
    main()
