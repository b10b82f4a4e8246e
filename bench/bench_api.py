"""Load on loopback (not a test) against a real `attune serve` process with its own data
folder. Prints requests/s, latency p50/p95/p99, errors, and the server's resident memory
sampled every 10 s through the load (flat means no leak).

    python bench/bench_api.py --clients 200 --seconds 60            # machine clients scoring (API keys)
    python bench/bench_api.py --mode studio --clients 50 --seconds 60
        # people in the studio: each signed in, in a practice session, typing a reply —
        # a live-feedback request per pause in typing, and now and then sending the reply
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


async def sample_memory(pid: int, seconds: float, out: list[float]) -> None:
    stop = time.perf_counter() + seconds
    while time.perf_counter() < stop:
        out.append(round(rss_mb(pid), 1))
        await asyncio.sleep(10)


async def load(url: str, clients: int, seconds: float, pairs: list[dict], headers: dict[str, str],
               memory: tuple[int, list[float]] | None = None) -> tuple[list[float], int, int]:
    import httpx

    latencies: list[float] = []
    errors = 0
    kinds: dict[str, int] = {}
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits, headers=headers) as http:
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

        extra = [sample_memory(memory[0], seconds, memory[1])] if memory else []
        await asyncio.gather(*(client(k) for k in range(clients)), *extra)
    ERROR_KINDS.update(kinds)
    return latencies, errors, len(latencies)


DRAFT = ("That sounds so hard. It makes sense you feel lost after everything that happened. "
         "What has been the hardest part for you this week?")


async def studio(url: str, users: list[tuple[str, str]], seconds: float,
                 memory: tuple[int, list[float]] | None = None) -> tuple[list[float], int, int, int]:
    """Each user: sign in, start a scenario, then type — a feedback request at every pause
    (every 2–4 words, as the studio's 250 ms debounce does), sending the reply when done."""
    import random

    import httpx

    latencies: list[float] = []
    state = {"errors": 0, "replies": 0}
    kinds: dict[str, int] = {}
    stop = time.perf_counter() + seconds

    def fail(key: str) -> None:
        state["errors"] += 1
        kinds[key] = kinds.get(key, 0) + 1

    async def user(k: int, email: str, password: str) -> None:
        rng = random.Random(k)
        async with httpx.AsyncClient(base_url=url, timeout=120) as http:
            r = await http.post("/api/v1/auth/login", json={"email": email, "password": password})
            if r.status_code != 200:
                fail(f"login {r.status_code}")
                return
            h = {"X-CSRF-Token": r.json()["csrf_token"]}
            scenarios = (await http.get("/api/v1/scenarios")).json()
            sid = None
            while time.perf_counter() < stop:
                if sid is None:
                    r = await http.post("/api/v1/sessions", json={"scenario_id": rng.choice(scenarios)["id"]}, headers=h)
                    if r.status_code != 201:
                        fail(f"start {r.status_code}")
                        await asyncio.sleep(1)
                        continue
                    sid = r.json()["id"]
                words = DRAFT.split()
                n = 0
                while n < len(words) and time.perf_counter() < stop:
                    n = min(len(words), n + rng.randint(2, 4))
                    await asyncio.sleep(rng.uniform(0.3, 0.8))  # typing, then a pause
                    t0 = time.perf_counter()
                    r = await http.post(f"/api/v1/sessions/{sid}/feedback", json={"text": " ".join(words[:n])}, headers=h)
                    latencies.append(time.perf_counter() - t0)
                    if r.status_code != 200:
                        fail(f"feedback {r.status_code}")
                if time.perf_counter() >= stop:
                    break
                r = await http.post(f"/api/v1/sessions/{sid}/replies", json={"text": DRAFT}, headers=h)
                if r.status_code != 200:
                    fail(f"reply {r.status_code}")
                else:
                    state["replies"] += 1
                    if r.json()["status"] != "active":
                        sid = None

    extra = [sample_memory(memory[0], seconds, memory[1])] if memory else []
    await asyncio.gather(*(user(k, e, p) for k, (e, p) in enumerate(users)), *extra)
    ERROR_KINDS.update(kinds)
    return latencies, state["errors"], len(latencies), state["replies"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--mode", choices=["score", "studio"], default="score")
    ap.add_argument("--database-url", default=None, help="PostgreSQL instead of the SQLite file.")
    ap.add_argument("--server-log", default=os.devnull, help="Where the server's own log goes.")
    args = ap.parse_args()
    import tempfile

    from attunement.store.repository import Store, StoreConfig
    from attunement.train.corpus import builtin_files, read_pairs

    pairs = [{"seeker_post": p.seeker_post, "response": p.response} for f in builtin_files() for p in read_pairs(f)]
    home = tempfile.mkdtemp(prefix="attune-bench-")
    store = Store(StoreConfig(url=args.database_url, home=home))
    admin = store.accounts.create_user("bench@example.org", "bench password 1", role="admin")
    key, _ = store.accounts.create_api_key(admin.id, "bench", ["analyse"])
    users = [(f"trainee{k}@example.org", "bench password 1") for k in range(args.clients)]
    for email, password in users:
        store.accounts.create_user(email, password)
    store.close()
    port = free_port()
    env = {**os.environ, "ATTUNEMENT_THREADS": "1", "ATTUNE_HOME": home, "ATTUNE_RATE_PER_MINUTE": "1000000",
           "ATTUNE_ANONYMOUS_PER_MINUTE": "1000000"}
    if args.database_url:
        env["ATTUNE_DATABASE_URL"] = args.database_url
    server = subprocess.Popen([sys.executable, "-m", "attunement", "serve", "--port", str(port), "--workers",
                               str(args.workers)], env=env, stdout=subprocess.DEVNULL, stderr=open(args.server_log, "w"))
    auth = {"Authorization": f"Bearer {key}"}
    replies = None
    samples: list[float] = []
    url = f"http://127.0.0.1:{port}"
    try:
        import httpx

        for _ in range(600):
            try:
                if httpx.get(url + "/api/v1/ready", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        asyncio.run(load(url, 4, 5, pairs, auth))  # warm-up
        before = rss_mb(server.pid)
        if args.mode == "score":
            lat, errors, n = asyncio.run(load(url, args.clients, args.seconds, pairs, auth, (server.pid, samples)))
        else:
            lat, errors, n, replies = asyncio.run(studio(url, users, args.seconds, (server.pid, samples)))
        after = rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    lat.sort()
    if not lat:
        raise SystemExit(f"no request completed: {ERROR_KINDS}")

    def q(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000

    print(json.dumps({"mode": args.mode, "clients": args.clients, "seconds": args.seconds,
                      "server_workers": args.workers, "database": "postgresql" if args.database_url else "sqlite",
                      "requests" if args.mode == "score" else "feedback_requests": n, "replies_sent": replies, "errors": errors, "error_kinds": ERROR_KINDS, "requests_per_s": round(n / args.seconds, 1),
                      "p50_ms": round(q(.5), 1), "p95_ms": round(q(.95), 1), "p99_ms": round(q(.99), 1),
                      "server_rss_mb_start": round(before, 1), "server_rss_mb_every_10s": samples,
                      "server_rss_mb_end": round(after, 1)}, indent=2))


if __name__ == "__main__":
    main()
