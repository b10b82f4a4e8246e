"""One-off relabel (2026-11-23), kept for the record: the first labelling guide rated
reassurance and encouragement ("it will get better", "you've got this", "hang in
there") as ER 0. The published framework rates emotions that are alluded to without
being named as *weak* emotional reactions, so the guide was corrected and every reply
still at ER 0 that carries such an allusion was raised to ER 1, with the matched
sentence as its rationale. Run once; it is idempotent."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ALLUSION = re.compile(
    r"[^.!?\n]*\b(it(\s+will|'ll)\s+(all\s+)?(get\s+better|be\s+(ok|okay|alright|fine))|things\s+will\s+(get\s+better|improve|turn\s+around)|"
    r"everything\s+will\s+be\s+(ok|okay|alright|fine)|you('ve|\s+have)\s+got\s+this|you\s+got\s+this|hang\s+in\s+there|stay\s+strong|"
    r"(i|we)\s+(really\s+|truly\s+)?hope\s+(you|things|it|that|this|he|she|they)|hope\s+you('re|\s+are|\s+feel|\s+get|\s+find)|"
    r"you('re|\s+are)\s+not\s+alone|you\s+can\s+do\s+(it|this)|you('ll|\s+will)\s+(get\s+through|be\s+ok|be\s+okay|be\s+fine|make\s+it|find)|"
    r"keep\s+your\s+head\s+up|chin\s+up|rooting\s+for\s+you|thinking\s+of\s+you|praying\s+for\s+you|you\s+deserve\s+(better|happiness|to\s+be)|"
    r"i\s+believe\s+in\s+you|good\s+luck|best\s+of\s+luck|wishing\s+you)[^.!?\n]*[.!?]?",
    re.IGNORECASE)


def relabel(path: Path) -> int:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    changed = 0
    for r in rows:
        if r["emotional_reactions"] != 0:
            continue
        if "judging" in r.get("style", []) or "sarcastic" in r.get("style", []):
            continue
        m = ALLUSION.search(r["response"])
        if m:
            span = m.group().strip()
            r["emotional_reactions"] = 1
            r["rationales"]["emotional_reactions"] = [span]
            r.setdefault("relabelled", []).append("er_allusion")
            changed += 1
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return changed


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(p, relabel(Path(p)))
