"""The one scoring function every engine runs: a chunk of input rows in, a Parquet part
(and its rejects and urgent rows) out, written atomically so a killed run never leaves
half a part behind. Local processes and Ray actors both hold one ChunkScorer, which loads
the models once."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from collections.abc import Iterable
from typing import Any

from ..errors import AttunementError, InputError, RecordError
from ..model import RISK_LEVELS
from .sources import Chunk, read_chunk

URGENT_FROM = "high"  # rows whose risk is at or above this also go to URGENT-risk-high.jsonl
ENCODER_CACHE = 256
GROUP_FIELDS = ("conversation_id", "helper_id", "speaker", "timestamp")
COLUMNS: dict[str, str] = {  # name -> Arrow type, the same for every kind of row
    "id": "string", "kind": "string", "source": "string", "conversation_id": "string", "helper_id": "string",
    "speaker": "string", "role": "string", "timestamp": "string", "day": "string",
    "empathy_total": "double", "emotional_reactions": "double", "interpretations": "double", "explorations": "double",
    "risk_level": "string", "risk_confidence": "double", "emotions": "string", "code": "string", "code_fine": "string",
    "talk_type": "string", "reply_safety": "string", "result_json": "string",
}


def part_name(index: int) -> str:
    return f"part-{index:06d}"


def _text(row: dict[str, Any], *names: str) -> str | None:
    for n in names:
        v = row.get(n)
        if isinstance(v, str):
            return v
    return None


def _day(stamp: str | None) -> str | None:
    if not stamp:
        return None
    s = str(stamp)
    return s[:10] if len(s) >= 10 and s[4] == "-" and s[7] == "-" else None


class ChunkScorer:
    """Scores rows of every kind — (post, reply) pairs, single utterances, whole
    conversations — with the engine, and writes one chunk's part files."""

    def __init__(self, out_dir: str, model_dir: str | None = None, locale: str | None = None) -> None:
        from ..encoder import Encoder
        from ..pipeline import Pipeline

        self.out_dir = Path(out_dir)
        # replies rarely repeat in a batch; a small cache still keeps the posts they answer
        encoder = Encoder(threads=int(os.environ.get("ATTUNEMENT_THREADS", "1")), cache_size=ENCODER_CACHE)
        self.pipeline = Pipeline(model_dir=model_dir, locale=locale, encoder=encoder).warm()

    # ---- one row ---------------------------------------------------------------------
    def score_row(self, row: dict[str, Any], where: str) -> dict[str, Any]:
        base = {k: None for k in COLUMNS}
        rid = row.get("id")
        base.update(id=str(rid) if rid is not None else where, source=where)
        for k in GROUP_FIELDS:
            if row.get(k) is not None:
                base[k] = str(row[k])
        base["day"] = _day(base["timestamp"])
        post, reply = _text(row, "seeker_post", "post"), _text(row, "response", "response_post", "reply")
        if post is not None and reply is not None:
            return self._pair(base, post, reply, rid)
        if isinstance(row.get("turns"), list):
            return self._conversation(base, row["turns"], rid)
        text = _text(row, "text", "message", "utterance")
        if text is not None:
            return self._utterance(base, text, row)
        raise InputError("a row needs seeker_post and response (a pair), text (an utterance), or turns "
                         "(a conversation)")

    def _pair(self, base: dict, post: str, reply: str, rid: Any) -> dict[str, Any]:
        p = self.pipeline
        res = p.analyze_reply(post, reply, id=None if rid is None else str(rid))
        code = p.code_utterance(reply, "helper", post)
        e = res.empathy
        base.update(kind="pair", role="helper", empathy_total=float(e.total),
                    emotional_reactions=float(e.emotional_reactions.level),
                    interpretations=float(e.interpretations.level), explorations=float(e.explorations.level),
                    risk_level=res.seeker.risk.level, risk_confidence=res.seeker.risk.confidence,
                    emotions=",".join(x.label for x in res.seeker.emotions), code=code.coarse, code_fine=code.fine,
                    reply_safety=",".join(sorted({f.kind for f in res.reply_safety})) or None,
                    result_json=json.dumps({"analysis": res.model_dump(mode="json"), "code": code.model_dump(mode="json")},
                                           ensure_ascii=False))
        return base

    def _utterance(self, base: dict, text: str, row: dict[str, Any]) -> dict[str, Any]:
        from ..safety import check_helper_text
        from ..text import clean_text

        p = self.pipeline
        role = str(row.get("role") or "client").lower()
        if role not in ("client", "helper"):
            raise InputError(f"role must be client or helper. Got {role!r} instead.")
        context = _text(row, "context") or ""
        text = clean_text(text, max_chars=p.max_chars)
        out: dict[str, Any] = {}
        if role == "helper":
            code = p.code_utterance(text, "helper", context)
            flags = check_helper_text(text)
            base.update(code=code.coarse, code_fine=code.fine,
                        reply_safety=",".join(sorted({f.kind for f in flags})) or None)
            out = {"code": code.model_dump(mode="json"), "reply_safety": [f.model_dump(mode="json") for f in flags]}
        else:  # every client message is checked for risk
            risk = p.assess_risk(text).risk
            emotions = p.analyze_emotions(text).emotions
            talk = p.code_utterance(text, "client", context)
            base.update(risk_level=risk.level, risk_confidence=risk.confidence,
                        emotions=",".join(x.label for x in emotions), talk_type=talk.label)
            out = {"risk": risk.model_dump(mode="json"), "emotions": [x.model_dump(mode="json") for x in emotions],
                   "talk_type": talk.model_dump(mode="json")}
        base.update(kind="utterance", role=role, result_json=json.dumps(out, ensure_ascii=False))
        return base

    def _conversation(self, base: dict, turns: list, rid: Any) -> dict[str, Any]:
        from ..io.transcripts import parse_transcript

        lines = []
        for i, t in enumerate(turns):
            if not isinstance(t, dict) or not isinstance(t.get("text"), str) or not t.get("speaker"):
                raise InputError(f"turn {i + 1} needs a speaker and a text")
            lines.append(json.dumps({"speaker": str(t["speaker"]), "text": t["text"]}, ensure_ascii=False))
        transcript = parse_transcript("\n".join(lines), "jsonl", source=base["source"])
        report = self.pipeline.review(transcript)
        s = report.summary
        base.update(kind="conversation", empathy_total=s.mean_empathy, risk_level=s.highest_risk,
                    code=None, result_json=report.model_dump_json())
        base["conversation_id"] = base["conversation_id"] or base["id"]
        return base

    # ---- one chunk -------------------------------------------------------------------
    def _score_rows(self, window: Iterable[tuple[str, Any]], rows: list[dict[str, Any]], rejects: list[dict[str, Any]],
                      urgent: list[dict[str, Any]]) -> None:
        for where, row in window:
            try:
                if isinstance(row, RecordError):
                    raise row
                scored = self.score_row(row, where)
            except AttunementError as exc:
                rejects.append({"source": where, "id": None if isinstance(row, RecordError) else row.get("id"),
                                "error": exc.code, "reason": exc.message})
                continue
            rows.append(scored)
            if scored["risk_level"] and RISK_LEVELS.index(scored["risk_level"]) >= RISK_LEVELS.index(URGENT_FROM):
                urgent.append({"id": scored["id"], "source": where, "risk_level": scored["risk_level"],
                               "conversation_id": scored["conversation_id"], "kind": scored["kind"],
                               "text": _text(row, "seeker_post", "post", "text", "message") if isinstance(row, dict) else None})

    def __call__(self, chunk: Chunk) -> dict[str, Any]:
        """Score a chunk and write its parts; returns counts and timing (small)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        t0 = time.perf_counter()
        rows: list[dict[str, Any]] = []
        rejects: list[dict[str, Any]] = []
        urgent: list[dict[str, Any]] = []
        # one text at a time: batching the encoder (padding posts of 200+ tokens) was
        # measured 1.1–1.3× slower on one core for this mix of long posts and short replies
        self._score_rows(read_chunk(chunk), rows, rejects, urgent)
        schema = pa.schema([(k, getattr(pa, "float64" if v == "double" else v)()) for k, v in COLUMNS.items()])
        table = pa.Table.from_pylist(rows, schema=schema)
        name = part_name(chunk.index)
        parts = self.out_dir / "parts"
        parts.mkdir(parents=True, exist_ok=True)
        for suffix, items in ((".rejects.jsonl", rejects), (".urgent.jsonl", urgent)):
            _atomic_write_text(parts / (name + suffix), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in items))
        tmp = parts / (name + ".parquet.tmp")
        pq.write_table(table, tmp)
        _fsync_replace(tmp, parts / (name + ".parquet"))  # written last: its presence marks the chunk done
        return {"index": chunk.index, "rows": len(rows), "rejects": len(rejects), "urgent": len(urgent),
                "seconds": time.perf_counter() - t0, "pid": os.getpid()}


def _fsync_replace(tmp: Path, final: Path) -> None:
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, final)


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
