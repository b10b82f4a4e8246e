"""How much the coach's top suggestion helps, measured the way the issue asks: apply it to
low-empathy replies (human total <= 2), re-score with the engine, and report the change,
the share improved, meaning similarity, and the variety of what was suggested."""
from __future__ import annotations

import collections
import re
import statistics
import time
from typing import TYPE_CHECKING

from ..coach.planner import expected_total
from .corpus import LabelledPair

if TYPE_CHECKING:
    from ..coach import Coach


def distinct_n(texts: list[str], n: int = 2) -> float:
    """Distinct-n (Li et al., 2016): unique n-grams over all n-grams, across the texts."""
    grams: list[tuple[str, ...]] = []
    for t in texts:
        w = re.findall(r"[a-z0-9']+|[?!.,]", t.lower())
        grams += [tuple(w[i:i + n]) for i in range(len(w) - n + 1)]
    return len(set(grams)) / len(grams) if grams else 0.0


def _summary(rows: list[dict]) -> dict:
    n = len(rows)
    done = [r for r in rows if r["text"] is not None]
    uses: collections.Counter[str] = collections.Counter(t for r in done for t in r["phrases"])
    top, top_n = uses.most_common(1)[0] if uses else ("", 0)
    sims = [r["similarity"] for r in done]
    return {
        "pairs": n, "rewritten": len(done), "no_rewrite": n - len(done),
        "mean_change": round(statistics.fmean(r["change"] for r in rows), 3) if n else None,
        "mean_expected_change": round(statistics.fmean(r["expected_change"] for r in rows), 3) if n else None,
        "share_improved": round(sum(r["change"] > 0 for r in rows) / n, 3) if n else None,
        "share_worse": round(sum(r["change"] < 0 for r in rows) / n, 3) if n else None,
        "median_similarity": round(statistics.median(sims), 3) if sims else None,
        "share_similarity_075": round(sum(s >= 0.75 for s in sims) / len(sims), 3) if sims else None,
        "distinct_2_inserted": round(distinct_n([r["inserted"] for r in done]), 3),
        "distinct_2_full": round(distinct_n([r["text"] for r in done]), 3),
        "phrases_used": len(uses), "top_phrase": top,
        "top_phrase_share": round(top_n / len(done), 4) if done else None,
    }


def evaluate_coach(coach: "Coach", pairs: list[LabelledPair], max_total: int = 2, limit: int | None = None) -> dict:
    """Apply the top suggestion to every reply whose human total is <= max_total."""
    chosen = [p for p in pairs if sum(p.levels.values()) <= max_total][:limit]
    rows: list[dict] = []
    t0 = time.perf_counter()
    for p in chosen:
        r = coach.coach(p.seeker_post, p.response, id=p.id)
        row = {"id": p.id, "safety": r.safety is not None, "text": None, "change": 0, "expected_change": 0.0,
               "similarity": None, "inserted": "", "phrases": []}
        if r.rewrites:
            top = r.rewrites[0]
            row.update(text=top.text, change=top.predicted_change,
                       expected_change=top.expected_total - expected_total(r.empathy),
                       similarity=top.similarity, phrases=[o.phrase_id for o in top.operations if o.phrase_id],
                       inserted=" ".join(o.text.strip() for o in top.operations if o.phrase_id))
        rows.append(row)
    report = _summary(rows)
    report["safety_led"] = _summary([r for r in rows if r["safety"]])
    report["not_safety_led"] = _summary([r for r in rows if not r["safety"]])
    report["seconds_per_pair"] = round((time.perf_counter() - t0) / max(len(chosen), 1), 4)
    report["exact"] = coach.exact
    return report


def _lines(r: dict, indent: str) -> list[str]:
    if not r["pairs"]:
        return [f"{indent}none"]
    return [f"{indent}replies {r['pairs']}; rewritten {r['rewritten']}; no rewrite {r['no_rewrite']}",
            f"{indent}mean change in predicted total {r['mean_change']:+.3f} of 6 (expected-level change "
            f"{r['mean_expected_change']:+.3f}); improved {r['share_improved']:.3f}; worse {r['share_worse']:.3f}",
            f"{indent}meaning similarity to the original: median {r['median_similarity']}, share >= .75 "
            f"{r['share_similarity_075']}",
            f"{indent}variety: distinct-2 of inserted text {r['distinct_2_inserted']}, of whole rewrites "
            f"{r['distinct_2_full']}; {r['phrases_used']} phrases used; most used {r['top_phrase']} in "
            f"{(r['top_phrase_share'] or 0):.1%} of suggestions"]


def format_coach_report(r: dict, title: str) -> str:
    lines = [title, "  all low-empathy replies (human total <= 2):", *_lines(r, "    "),
             "  seeker at risk (the safety protocol leads the rewrite):", *_lines(r["safety_led"], "    "),
             "  seeker not at risk:", *_lines(r["not_safety_led"], "    "),
             f"  {r['seconds_per_pair'] * 1000:.0f} ms per pair ({'exact re-scoring' if r['exact'] else 'live estimate'})"]
    return "\n".join(lines)
