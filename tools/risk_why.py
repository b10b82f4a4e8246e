"""Why the risk analyser read each disagreement of a development file as it did.

    python tools/risk_why.py corpus/risk/dev/dev-i1.jsonl [more files] [--all] [--level-gold imminent]

Prints, for each message whose reading differs from its label (or every message with --all),
the label, the reading, the context level it was read in (conversations are read turn by turn,
as `attune evaluate risk` does), the reasons, the evidence and the model's level probabilities.
Meant for development files only: a blind check set's errors are never read.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement.analysers.risk import RiskModel, apply_rules
from attunement.model import RISK_LEVELS
from attunement.train.risk import read_in_order, read_messages


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--all", action="store_true", help="every message, not only the disagreements")
    ap.add_argument("--level-gold", default=None, help="only messages with this label")
    args = ap.parse_args()
    if any("check" in p.parts[-2] for p in args.files):
        sys.exit("risk_why reads development files only; a blind check set's errors stay unread")
    model = RiskModel.load()
    rows = [r for f in args.files for r in read_messages(f)]
    for i, ctx, a in read_in_order(model, rows):
        r = rows[i]
        if (a.level == r["level"] and not args.all) or (args.level_gold and r["level"] != args.level_gold):
            continue
        f = apply_rules(r["text"], ctx)
        p = model.head.proba(*model.features(r["text"], f)) if model.head is not None else None
        print(f"== {r['id']} gold={r['level']} pred={a.level} ctx={RISK_LEVELS[ctx]} "
              f"cats={','.join(r.get('categories') or [])}")
        print(f"   {r['text']}")
        print(f"   rules={RISK_LEVELS[f.level]} own={RISK_LEVELS[f.own_level]} cues={dict(f.cue_counts)} "
              f"lowered={sorted(f.lowered)}")
        if p is not None:
            print("   P=" + " ".join(f"{L[:3]}:{x:.2f}" for L, x in zip(RISK_LEVELS, p)))
        for why in a.reasons:
            print(f"   - {why}")
        if a.evidence:
            print(f"   evidence: {[s.text for s in a.evidence]}")
        if r.get("evidence"):
            print(f"   gold evidence: {r['evidence']}")


if __name__ == "__main__":
    main()
