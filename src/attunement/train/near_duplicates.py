"""Word-set overlap between a training message and the messages the project measures on.

A row written for training (or a development row trained on) can land close to a check or
test message by chance — a short "jk im fine" is written alike by many people — and training on it
would flatter the figures. Overlap is the Jaccard index of lower-cased word tokens.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

WORD = re.compile(r"[a-z0-9']+")
DEV_LIMIT = 0.75  # a training row above this overlap with a development message is left out
MEASURED_LIMIT = 0.6  # … and above this with a check, next-check or test message


def words(text: str) -> frozenset[str]:
    return frozenset(WORD.findall(text.lower()))


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _rows(files: list[Path]) -> list[tuple[str, frozenset[str]]]:
    rows = [json.loads(line) for f in files if f.exists() for line in f.open(encoding="utf-8") if line.strip()]
    return [(str(r["id"]), words(r["text"])) for r in rows]


def measured_sets(risk_dir: Path, with_dev: bool = True) -> list[tuple[str, float, list[tuple[str, frozenset[str]]]]]:
    """(name, overlap limit, [(id, words)]) for each set the project measures on."""
    groups = [("check", MEASURED_LIMIT, sorted((risk_dir / "check").glob("*.jsonl"))
               + sorted((risk_dir / "check-next").glob("*.jsonl"))),
              ("test", MEASURED_LIMIT, [risk_dir / "test.jsonl"])]
    if with_dev:
        groups.insert(0, ("dev", DEV_LIMIT, sorted((risk_dir / "dev").glob("*.jsonl"))))
    return [(name, limit, _rows(files)) for name, limit, files in groups]


def close_to(text: str, measured: list[tuple[str, float, list[tuple[str, frozenset[str]]]]]
             ) -> list[tuple[str, str, float]]:
    """The measured messages `text` comes too close to, as (set, id, overlap)."""
    mine = words(text)
    return [(name, mid, round(o, 2)) for name, limit, rows in measured
            for mid, theirs in rows if (o := overlap(mine, theirs)) > limit]
