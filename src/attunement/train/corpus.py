"""Labelled (post, reply) pairs: the project's own corpus, EPITOME-style files, or a
user's own annotations, all in one shape."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, RecordError
from ..io.records import read_records
from ..model import MECHANISMS

TEST_SHARE = 15  # percent of the project's posts kept out of training


@dataclass
class LabelledPair:
    id: str
    post_id: str
    seeker_post: str
    response: str
    levels: dict[str, int]
    rationales: dict[str, list[str]] = field(default_factory=dict)
    topic: str = ""


def _level(value: object, where: str) -> int:
    try:
        v = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{where}: level must be 0, 1 or 2. Got {value!r} instead.") from None
    if v not in (0, 1, 2):
        raise InputError(f"{where}: level must be 0, 1 or 2. Got {v} instead.")
    return v


def read_pairs(path: str | Path) -> list[LabelledPair]:
    out: list[LabelledPair] = []
    for n, row in read_records(str(path)):
        if isinstance(row, RecordError):
            raise row
        where = f"{path}:{n}"
        post = row.get("seeker_post")
        reply = row.get("response", row.get("response_post"))
        if not isinstance(post, str) or not isinstance(reply, str):
            raise InputError(f"{where}: needs 'seeker_post' and 'response' (or 'response_post').")
        levels = {m: _level(row.get(m, row.get(f"{m}_level")), where) for m in MECHANISMS}
        rats = row.get("rationales") or {}
        if isinstance(rats, str):
            rats = json.loads(rats) if rats.strip().startswith("{") else {}
        rationales = {m: [r for r in (rats.get(m) or []) if isinstance(r, str)] for m in MECHANISMS}
        pid = str(row.get("post_id") or row.get("sp_id") or hashlib.sha1(post.encode()).hexdigest()[:12])
        out.append(LabelledPair(str(row.get("id", f"{Path(path).name}:{n}")), pid, post, reply, levels,
                                rationales, str(row.get("topic", ""))))
    if not out:
        raise InputError(f"{path} has no labelled pairs.")
    return out


def builtin_corpus_dir() -> Path:
    """The project's own corpus: $ATTUNEMENT_CORPUS, ./corpus, or the source checkout's."""
    candidates = [os.environ.get("ATTUNEMENT_CORPUS"), "corpus", Path(__file__).resolve().parents[3] / "corpus"]
    for c in candidates:
        if c and (Path(c) / "empathy").is_dir():
            return Path(c)
    raise InputError("The project's corpus is not here: run from a source checkout or set ATTUNEMENT_CORPUS.")


def builtin_files(kind: str = "empathy") -> list[Path]:
    return sorted((builtin_corpus_dir() / kind).glob("*.jsonl"))


def is_test(post_id: str) -> bool:
    return int(hashlib.sha1(post_id.encode()).hexdigest(), 16) % 100 < TEST_SHARE


def sha256_files(files: list[Path]) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
