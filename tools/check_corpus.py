"""Check a corpus file written for attunement: schema, label ranges and that every
rationale is an exact substring of the reply (empathy) or message (risk)."""
from __future__ import annotations

import collections
import json
import sys

MECHS = ("emotional_reactions", "interpretations", "explorations")
LEVELS = ("none", "low", "moderate", "high", "imminent")


def check_empathy(row: dict, where: str, errors: list[str]) -> None:
    for key in ("id", "topic", "seeker_post", "response", *MECHS, "rationales"):
        if key not in row:
            errors.append(f"{where}: missing {key}")
            return
    for m in MECHS:
        if row[m] not in (0, 1, 2):
            errors.append(f"{where}: {m} must be 0/1/2")
        spans = row["rationales"].get(m, [])
        if row[m] > 0 and not spans:
            errors.append(f"{where}: {m}={row[m]} but no rationale")
        for s in spans:
            if s not in row["response"]:
                errors.append(f"{where}: rationale not in response: {s!r}")


def check_risk(row: dict, where: str, errors: list[str]) -> None:
    for key in ("id", "text", "level"):
        if key not in row:
            errors.append(f"{where}: missing {key}")
            return
    if row["level"] not in LEVELS:
        errors.append(f"{where}: bad level {row['level']!r}")
    for s in row.get("evidence", []):
        if s not in row["text"]:
            errors.append(f"{where}: evidence not in text: {s!r}")


def main(paths: list[str]) -> int:
    errors: list[str] = []
    ids: set[str] = set()
    dist: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    n = 0
    for path in paths:
        for i, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            where = f"{path}:{i}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: bad JSON ({exc})")
                continue
            n += 1
            if row.get("id") in ids:
                errors.append(f"{where}: duplicate id {row.get('id')}")
            ids.add(row.get("id"))
            if "response" in row:
                check_empathy(row, where, errors)
                for m in MECHS:
                    dist[m][row.get(m)] += 1
            else:
                check_risk(row, where, errors)
                dist["level"][row.get("level")] += 1
    for e in errors[:50]:
        print(e)
    print(f"{n} rows, {len(errors)} errors")
    for k, c in dist.items():
        print(k, dict(sorted(c.items(), key=lambda kv: str(kv[0]))))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
