"""Every figure the safety issue asks for, measured side by side in one run.

    python tools/risk_figures.py [--dev] [--show-dev-errors] [--check] [--no-test] [--model-dir DIR]

own test set (`corpus/risk/test.jsonl`), the development set (`corpus/risk/dev/`, with
--dev; the head trains on it since stop 21, so its figures are the fit, not a measure), the blind check set (`corpus/risk/check/`, with --check; figures only, never its errors), EPITOME dev seeker posts judged by the project (`eval/epitome-risk-judgments.jsonl`),
the project's own 700 support posts (no crisis written into them) and AnnoMI dev client
utterances (MI demonstrations, no risk content): false-alarm rates one by one and in
conversation. The shared data sets are read, never copied; nothing is written.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement.analysers.risk import RiskModel
from attunement.model import RISK_LEVELS
from attunement.train.risk import (
    evaluate_file,
    evaluate_joined,
    evaluate_rows,
    read_in_order,
    read_messages,
)

SHARED = ROOT.parent / "shared" / "data"
KEYS = ("macro_f1", "recall_imminent", "recall_moderate_plus", "recall_high_plus", "false_alarm_any",
        "false_alarm_moderate_plus")


def summary(rep: dict) -> dict:
    return {k: round(rep[k], 3) for k in KEYS if rep.get(k) is not None} | {"n": rep["n"]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--show-dev-errors", action="store_true")
    ap.add_argument("--check", action="store_true", help="the blind check set (figures only)")
    ap.add_argument("--no-test", action="store_true", help="leave the test set out (while choosing)")
    ap.add_argument("--model-dir", default=None, help="a folder with risk.npz (default: the shipped one)")
    args = ap.parse_args()
    model = RiskModel.load(args.model_dir)
    out: dict[str, dict] = {}
    if not args.no_test:
        out["test"] = summary(evaluate_file(model, ROOT / "corpus/risk/test.jsonl"))
    if args.dev:
        rows = [r for f in sorted((ROOT / "corpus/risk/dev").glob("*.jsonl")) for r in read_messages(f)]
        rep = evaluate_rows(model, rows)
        out["dev"] = summary(rep)
        if args.show_dev_errors:
            by_id = {r["id"]: r for r in rows}
            for d in rep["disagreements"]:
                r = by_id[d["id"]]
                print(f"{d['id']}\tgold={d['gold']}\tpred={d['pred']}\t{','.join(r.get('categories') or [])}\t"
                      f"{r['text'][:300]!r}", file=sys.stderr)
    if args.check:
        rows = [r for f in sorted((ROOT / "corpus/risk/check").glob("*.jsonl")) for r in read_messages(f)]
        rep = evaluate_rows(model, rows)
        out["check"] = summary(rep) | {"hard_negatives": rep["hard_negatives"],
                                       "accuracy_by_category": rep["accuracy_by_category"]}
    epi = SHARED / "epitome_dev.jsonl"
    if epi.exists():
        rep = evaluate_joined(model, epi, ROOT / "eval/epitome-risk-judgments.jsonl", "sp_id", "seeker_post")
        out["epitome"] = summary(rep)
    posts = list(dict.fromkeys(json.loads(line)["seeker_post"]
                               for f in sorted((ROOT / "corpus/empathy").glob("*.jsonl"))
                               for line in f.read_text(encoding="utf-8").splitlines()))
    lv = [RISK_LEVELS.index(model.assess(p).level) for p in posts]
    out["own_posts"] = {"n": len(posts), "moderate_plus": sum(x >= 2 for x in lv), "high_plus": sum(x >= 3 for x in lv)}
    annomi = SHARED / "annomi_dev.jsonl"
    if annomi.exists():
        convs: dict[str, list[dict]] = defaultdict(list)
        for line in annomi.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["speaker"] == "client":
                convs[str(row["conversation_id"])].append(row)
        alone = ctx_flag = n = 0
        sessions = set()
        turns = [t for ts in convs.values() for t in ts]
        for i, _, res in read_in_order(model, turns):
            n += 1
            alone += RISK_LEVELS.index(model.assess(turns[i]["text"]).level) >= 2
            if RISK_LEVELS.index(res.level) >= 2:
                ctx_flag += 1
                sessions.add(str(turns[i]["conversation_id"]))
        out["annomi_clients"] = {"n": n, "alone_moderate_plus": round(alone / n, 3),
                                 "in_context_moderate_plus": round(ctx_flag / n, 3),
                                 "sessions_flagged": f"{len(sessions)}/{len(convs)}"}
    for k, v in out.items():
        print(k, json.dumps(v))


if __name__ == "__main__":
    main()
