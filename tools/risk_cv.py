"""Choose the risk head's raise thresholds by 5-fold grouped cross-validation on the
project's training and development messages (as `attune train risk --builtin` trains on them), with false alarms on held-out counselling talk measured too.

    python tools/risk_cv.py [--folds 5]

Prints one JSON line per threshold setting; docs/model-card.md cites the chosen one.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement.encoder import default_encoder  # noqa: E402
from attunement.train.risk import (counselling_talk_negatives, cross_validate, everyday_negatives,  # noqa: E402
                                   support_post_negatives)
from attunement.train.runs import _goemotions_folder  # noqa: E402

GRID = [  # raise thresholds for levels 0..4, P(≥ level) the model alone needs to escalate, and
    # P(≥ moderate) the model alone needs to ask for the protocol (no cue, no earlier risk)
    (1.0, 0.3, 0.2, 0.2, 0.25, 0.3, 0.2),
    (1.0, 0.3, 0.2, 0.2, 0.25, 0.3, 0.25),
    (1.0, 0.3, 0.2, 0.2, 0.25, 0.3, 0.3),
    (1.0, 0.3, 0.15, 0.15, 0.2, 0.3, 0.25),
    (1.0, 0.3, 0.2, 0.2, 0.25, 0.5, 0.25),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    # the messages the shipped head trains on (since stop 21 the development sets too)
    risk = ROOT / "corpus" / "risk"
    files = sorted(risk.glob("train*.jsonl")) + sorted((risk / "dev").glob("*.jsonl"))
    folder = _goemotions_folder(None)
    negatives = (everyday_negatives(folder) if (folder / "train.tsv").exists() else []) + support_post_negatives()
    held = counselling_talk_negatives()
    print(f"{len(files)} files, {len(negatives)} everyday negatives, {len(held)} counselling-talk negatives (folded)",
          file=sys.stderr)
    for res in cross_validate(files, default_encoder(), folds=args.folds, grid=GRID, negatives=negatives,
                              held_negatives=held):
        res.pop("confusion", None)
        print(json.dumps(res), flush=True)


if __name__ == "__main__":
    main()
