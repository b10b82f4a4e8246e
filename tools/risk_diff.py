"""Which messages changed reading between another version of the analyser and this one — by id,
level and kind of reason only, never the text, so it may be run on the test set and EPITOME.

    git worktree add /tmp/base <commit>
    python tools/risk_diff.py --base /tmp/base corpus/risk/test.jsonl [more files] [--worse]
    python tools/risk_diff.py --base /tmp/base --epitome

Each file is read turn by turn as `attune evaluate risk` reads it (conversations chained), once by
the analyser in `--base` and once by this checkout's. Reasons are printed with every quoted
stretch of the message replaced by '…'. With --worse, only messages whose new reading is further
from the label than the old one.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
LEVELS = ("none", "low", "moderate", "high", "imminent")

# run inside a checkout: read rows, chain conversations, print {id: [gold, level, context, reasons]}
_READ = r'''
import json, re, sys
sys.path.insert(0, "src")
from attunement.analysers.risk import RiskModel
from attunement.model import RISK_LEVELS
rows = json.loads(sys.stdin.read())
model = RiskModel.load()
order = sorted(range(len(rows)), key=lambda i: (str(rows[i].get("conversation_id") or f"_{i}"),
                                                int(rows[i].get("turn_index") or 0)))
seen, out = {}, {}
for i in order:
    r = rows[i]
    conv = r.get("conversation_id")
    ctx = seen.get(str(conv), 0) if conv is not None else 0
    a = model.assess(r["text"], ctx)
    if conv is not None:  # a version before context_after chained the highest level so far
        after = getattr(a, "context_after", None)
        seen[str(conv)] = RISK_LEVELS.index(after) if after else max(ctx, RISK_LEVELS.index(a.level))
    out[str(r["id"])] = [r["level"], a.level, RISK_LEVELS[ctx], [re.sub(r"'[^']*'", "'…'", x) for x in a.reasons]]
print(json.dumps(out))
'''


def rows_of(paths: list[Path], epitome: bool) -> list[dict]:
    rows = [json.loads(line) for p in paths for line in p.open(encoding="utf-8") if line.strip()]
    if epitome:
        judged = {str(json.loads(line)["sp_id"]): json.loads(line)["level"]
                  for line in (ROOT / "eval/epitome-risk-judgments.jsonl").open(encoding="utf-8")}
        seen: set[str] = set()
        for line in (SHARED / "epitome_dev.jsonl").open(encoding="utf-8"):
            row = json.loads(line)
            key = str(row["sp_id"])
            if key in judged and key not in seen:
                seen.add(key)
                rows.append({"id": key, "text": row["seeker_post"], "level": judged[key]})
    return rows


def read_with(tree: Path, rows: list[dict]) -> dict[str, list]:
    done = subprocess.run([sys.executable, "-c", _READ], cwd=tree, input=json.dumps(rows),
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{tree}: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--base", type=Path, required=True, help="a checkout of the other version (git worktree)")
    ap.add_argument("--epitome", action="store_true", help="also the EPITOME dev posts the project judged")
    ap.add_argument("--worse", action="store_true", help="only readings further from the label than before")
    args = ap.parse_args()
    if any(p.parent.name.startswith("check") for p in args.files):
        sys.exit("risk_diff does not read a blind check set: it is measured once, by its figures only")
    rows = rows_of(args.files, args.epitome)
    old, new = read_with(args.base, rows), read_with(ROOT, rows)
    up = down = 0
    for key, (gold, level, ctx, reasons) in new.items():
        before = old[key][1]
        if before == level:
            continue
        up += LEVELS.index(level) > LEVELS.index(before)
        down += LEVELS.index(level) < LEVELS.index(before)
        worse = abs(LEVELS.index(level) - LEVELS.index(gold)) > abs(LEVELS.index(before) - LEVELS.index(gold))
        if args.worse and not worse:
            continue
        print(f"{key} label={gold} before={before} now={level} context={ctx}{' WORSE' if worse else ''}")
        for reason in reasons:
            print(f"    {reason}")
    print(f"{up + down} of {len(rows)} changed reading: {up} up, {down} down")


if __name__ == "__main__":
    main()
