"""The shipped risk model's decision settings tried side by side on the development set
(`corpus/risk/dev/`), all of it and the newest file pair: the figures used to choose raise
thresholds and the model-alone limits without touching the test or check sets.

    python tools/risk_sweep.py [--newest PREFIX] ['[{"raise_at": [1, .3, .15, .15, .2]}, {"head_alone_at": .4}]']

Since stop 21 the head trains on the development set as well, so a sweep here shows how settings
move the fit, not held-out figures: thresholds are set by cross-validation (`tools/risk_cv.py`).

Prints one line per setting: macro-F1, recall imminent / ≥ moderate / ≥ high, alarms on hard
negatives (any level / ≥ moderate), for all development messages and for the newest files.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement.analysers.risk import RiskModel
from attunement.train.risk import evaluate_rows, read_messages

KEYS = ("macro_f1", "recall_imminent", "recall_moderate_plus", "recall_high_plus", "false_alarm_any",
        "false_alarm_moderate_plus")
SETTINGS = ("raise_at", "head_alone_at", "head_alone_min")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("settings", nargs="?", default='[{}, {"raise_at": [1.0, 0.3, 0.15, 0.15, 0.2]}, '
                    '{"head_alone_at": 0.4}, {"head_alone_at": 0.5}, {"head_alone_min": 0.3}]')
    ap.add_argument("--newest", default="dev-h", help="file-name prefix of the newest development files")
    args = ap.parse_args()
    model = RiskModel.load()
    shipped = {k: getattr(model, k) for k in SETTINGS}
    files = sorted((ROOT / "corpus/risk/dev").glob("*.jsonl"))
    rows = [r for f in files for r in read_messages(f)]
    newest = [r for f in files if f.name.startswith(args.newest) for r in read_messages(f)]
    print("setting | all dev: " + " ".join(KEYS) + f" | {args.newest}: same")
    for setting in json.loads(args.settings):
        unknown = set(setting) - set(SETTINGS)
        if unknown:
            raise SystemExit(f"unknown setting {sorted(unknown)}: use {', '.join(SETTINGS)}")
        for k in SETTINGS:
            value = setting.get(k, shipped[k])
            setattr(model, k, tuple(value) if isinstance(value, list) else value)
        model._cache.clear()
        parts = []
        for part in (rows, newest):
            rep = evaluate_rows(model, part)
            parts.append(" ".join(f"{rep[k]:.3f}" for k in KEYS))
        print(f"{json.dumps(setting) or 'shipped'} | " + " | ".join(parts), flush=True)


if __name__ == "__main__":
    main()
