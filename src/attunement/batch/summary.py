"""Aggregates over a finished run, read part by part (memory grows with the number of
groups, not rows): per helper, per day, per conversation, and overall."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from ..model import RISK_LEVELS

MEASURES = ("empathy_total", "emotional_reactions", "interpretations", "explorations")


class _Group:
    __slots__ = ("n", "sums", "counts", "risk", "kinds")

    def __init__(self) -> None:
        self.n = 0
        self.sums = dict.fromkeys(MEASURES, 0.0)
        self.counts = dict.fromkeys(MEASURES, 0)
        self.risk = dict.fromkeys(RISK_LEVELS, 0)
        self.kinds: dict[str, int] = defaultdict(int)

    def add(self, row: dict[str, Any]) -> None:
        self.n += 1
        self.kinds[row["kind"]] += 1
        for m in MEASURES:
            if row[m] is not None:
                self.sums[m] += row[m]
                self.counts[m] += 1
        if row["risk_level"]:
            self.risk[row["risk_level"]] += 1

    def report(self) -> dict[str, Any]:
        return {"rows": self.n, "kinds": dict(self.kinds),
                **{f"mean_{m}": round(self.sums[m] / self.counts[m], 4) if self.counts[m] else None for m in MEASURES},
                "risk": {k: v for k, v in self.risk.items() if v},
                "risk_moderate_plus": sum(self.risk[k] for k in RISK_LEVELS[2:])}


def summarise(part_files: list[Path]) -> dict[str, Any]:
    import pyarrow.parquet as pq

    overall = _Group()
    by: dict[str, dict[str, _Group]] = {"helper": defaultdict(_Group), "day": defaultdict(_Group),
                                        "conversation": defaultdict(_Group)}
    cols = ["kind", "helper_id", "speaker", "role", "day", "conversation_id", "risk_level", *MEASURES]
    for f in part_files:
        for row in pq.read_table(f, columns=cols).to_pylist():
            overall.add(row)
            helper = row["helper_id"] or (row["speaker"] if row["role"] == "helper" else None)
            if helper:
                by["helper"][helper].add(row)
            if row["day"]:
                by["day"][row["day"]].add(row)
            if row["conversation_id"]:
                by["conversation"][row["conversation_id"]].add(row)
    return {"overall": overall.report(),
            **{f"per_{k}": {key: g.report() for key, g in sorted(v.items())} for k, v in by.items()}}
