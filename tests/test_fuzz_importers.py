"""Fuzzing the importers: transcripts (txt, csv, jsonl, vtt, srt), record files (JSONL,
CSV) and scenario files. Seeded mutations of valid inputs — byte flips, splices,
separators, BOMs, NULs, other encodings, truncation, huge lines — and each must either
parse or raise the documented error type (InputError and its subclasses); anything else
is a crash. CI runs ATTUNE_FUZZ_N inputs (default 3,000); the issue's figure is from
`ATTUNE_FUZZ_N=100000 pytest tests/test_fuzz_importers.py -q -s`."""
from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from attunement.errors import InputError
from attunement.io.records import read_records
from attunement.io.transcripts import parse_transcript
from attunement.practice.scenario import check

N = int(os.environ.get("ATTUNE_FUZZ_N", "3000"))
SEEDS = {
    "txt": "Counsellor: Hi, what brings you in?\nClient: I can't sleep.\n\nCounsellor: Tell me more.\nClient: Work.\n",
    "csv": 'speaker,text,start\nCounsellor,"Hi, what brings you in?",0:00\nClient,"I can\'t sleep,\nreally",0:05\n',
    "jsonl": '{"speaker": "Counsellor", "text": "Hi"}\n{"speaker": "Client", "text": "I feel low", "start": 3.5}\n',
    "vtt": "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n<v Counsellor>Hi there\n\n00:00:02.500 --> 00:00:05.000\n"
           "<v Client>I've been struggling\n",
    "srt": "1\n00:00:00,000 --> 00:00:02,000\nCounsellor: Hi there\n\n2\n00:00:02,500 --> 00:00:05,000\n"
           "Client: I've been struggling\n",
    "records.jsonl": '{"id": 1, "seeker_post": "I lost my job", "response": "That is hard"}\n{"id": 2, "text": "hi"}\n',
    "records.csv": 'id,seeker_post,response\n1,"I lost my job","That is hard, what happened?"\n',
    "scenario": (Path(__file__).resolve().parents[1] / "src/attunement/resources/scenarios/"
                 "grief-widower-leeds.yaml").read_text(encoding="utf-8")[:3000],
}
TOKENS = [b":", b"\n", b"\r\n", b"-->", b'"', b"{", b"}", b"[", b"]", b",", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe",
          b"\t", b"WEBVTT", b"<v ", b">", b"00:00:00.000", b"\\u0000", b"\xed\xa0\x80", b"\xc3", b"null", b"1e999",
          b"- ", b": &a", b"*a", b"!!python/object", b"\x1b[2J"]


def mutate(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(9)
        i = rng.randrange(len(out) + 1)
        if op == 0 and out:
            out[rng.randrange(len(out))] = rng.randrange(256)
        elif op == 1:
            out[i:i] = rng.choice(TOKENS)
        elif op == 2 and out:
            j = min(len(out), i + rng.randint(1, 40))
            del out[i:j]
        elif op == 3 and out:
            j = min(len(out), i + rng.randint(1, 80))
            out[i:i] = out[i:j] * rng.randint(1, 4)
        elif op == 4:
            out[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 30)))
        elif op == 5:
            other = rng.choice(list(SEEDS.values())).encode("utf-8")
            out[i:i] = other[rng.randrange(len(other)):]
        elif op == 6:
            out = bytearray(out[: rng.randrange(len(out) + 1)])
        elif op == 7 and rng.random() < 0.1:
            out[i:i] = b"x" * rng.randint(10_000, 200_000)  # a huge line
        elif op == 8:
            enc = rng.choice(["utf-16", "latin-1", "cp1252", "utf-32"])
            out = bytearray(bytes(out).decode("utf-8", "replace").encode(enc, "replace"))
    return bytes(out)


def run_target(kind: str, data: bytes, tmp: Path) -> None:
    if kind in ("txt", "csv", "jsonl", "vtt", "srt"):
        parse_transcript(data, kind)
    elif kind.startswith("records."):
        path = tmp / f"in.{kind.split('.')[1]}"
        path.write_bytes(data)
        for _n, row in read_records(str(path)):
            if isinstance(row, Exception):
                assert isinstance(row, InputError)
    else:
        check(data.decode("utf-8", "replace"))


def fuzz(n: int, seed: int = 20261201) -> dict[str, int]:
    rng = random.Random(seed)
    kinds = list(SEEDS)
    counts = {"inputs": 0, "parsed": 0, "refused": 0}
    crashes: list[str] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for k in range(n):
            kind = kinds[k % len(kinds)]
            data = mutate(rng, SEEDS[kind].encode("utf-8"))
            counts["inputs"] += 1
            try:
                run_target(kind, data, tmp)
                counts["parsed"] += 1
            except InputError:
                counts["refused"] += 1
            except Exception as exc:  # noqa: BLE001 - a crash, collected with its input
                crashes.append(f"{kind}: {type(exc).__name__}: {exc!s:.200} <- {data[:200]!r}")
    assert not crashes, f"{len(crashes)} crashes:\n" + "\n".join(crashes[:10])
    return counts


def test_importers_parse_or_refuse_with_the_documented_error() -> None:
    t0 = time.perf_counter()
    counts = fuzz(N)
    print(f"\nfuzzed {counts['inputs']:,} inputs in {time.perf_counter() - t0:.1f} s: {counts['parsed']:,} parsed, "
          f"{counts['refused']:,} refused with InputError, 0 crashes")
    assert counts["parsed"] > 0 and counts["refused"] > 0


