"""Training rows that come too close to a message the project measures on, and dropping them.

    python tools/near_duplicates.py corpus/risk/train-14a.jsonl [more] [--drop]

A new training file is written by people (or helpers) who never saw the dev, check, next-check
or test sets, yet a common phrase can still land close to one of their messages; training on it
would flatter the figures. Each training row is compared, word set against word set (Jaccard
overlap of lower-cased word tokens), with every message of `corpus/risk/dev/` (above 0.75) and of
`corpus/risk/check/`, `corpus/risk/check-next/` and `corpus/risk/test.jsonl` (above 0.6). Only ids
and overlaps are printed, never a measured message's text. With --drop, the close rows are
removed from the training file in place (the rest keep their order).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from attunement.train.near_duplicates import close_to, measured_sets  # noqa: E402

RISK = ROOT / "corpus" / "risk"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--drop", action="store_true", help="remove the close rows from the training files")
    args = ap.parse_args()
    measured = measured_sets(RISK)
    for path in args.files:
        lines = [line for line in path.open(encoding="utf-8") if line.strip()]
        keep = []
        for line in lines:
            row = json.loads(line)
            close = close_to(row["text"], measured)
            if close:
                print(f"{path.name} {row['id']}: close to {close}")
            else:
                keep.append(line)
        print(f"{path}: {len(lines) - len(keep)} of {len(lines)} rows close to a measured message")
        if args.drop and len(keep) < len(lines):
            path.write_text("".join(keep), encoding="utf-8")


if __name__ == "__main__":
    main()
