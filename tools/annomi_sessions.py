"""Whole-session checks on AnnoMI dev (evaluation only; nothing is stored): are roles
inferred right when speakers are anonymised, and do the estimated global ratings separate
the sessions its experts rated high-quality MI from the low-quality ones?

    python tools/annomi_sessions.py ../shared/data/annomi_dev.jsonl
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement import Pipeline  # noqa: E402
from attunement.io.transcripts import RawTurn, Transcript, _merge_consecutive  # noqa: E402
from attunement.roles import assign_roles  # noqa: E402


def auc(pos: list[float], neg: list[float]) -> float:
    pairs = [(p > n) + 0.5 * (p == n) for p in pos for n in neg]
    return sum(pairs) / len(pairs) if pairs else float("nan")


def main(path: str) -> None:
    convs: dict[str, list[dict]] = defaultdict(list)
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        convs[str(row["conversation_id"])].append(row)
    pipe = Pipeline()
    right = 0
    scores: dict[str, list[dict]] = {"high": [], "low": []}
    for cid, rows in sorted(convs.items()):
        rows.sort(key=lambda r: r["turn_index"])
        names = {"therapist": "A", "client": "B"} if int(cid) % 2 else {"therapist": "B", "client": "A"}
        t = Transcript(source=f"annomi-{cid}", format="jsonl",
                       turns=[RawTurn(names[r["speaker"]], r["text"], i + 1) for i, r in enumerate(rows)])
        t.turns = _merge_consecutive(t.turns)
        roles = assign_roles(t)
        right += roles.helpers == [names["therapist"]]
        report = pipe.review(t)
        scores[rows[0]["mi_quality"]].append(report.summary.global_ratings | {
            "reflection_to_question": report.summary.reflection_to_question or 0.0,
            "percent_complex_reflections": report.summary.percent_complex_reflections or 0.0})
    print(f"roles inferred right (speakers anonymised): {right}/{len(convs)}")
    print(f"sessions: {len(scores['high'])} high-quality, {len(scores['low'])} low-quality MI")
    for key in ("relational", "partnership", "empathy", "technical", "reflection_to_question",
                "percent_complex_reflections"):
        print(f"  AUC high vs low, {key}: {auc([s[key] for s in scores['high']], [s[key] for s in scores['low']]):.3f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/annomi_dev.jsonl")
