"""Compare two sets of replies to the same posts — two chatbots, or a cohort before and
after training: per-mechanism and total differences with paired bootstrap confidence
intervals and paired tests, the posts where they differ most, unsafe replies on each
side, and a plot (SVG, no plotting library needed)."""
from __future__ import annotations

import hashlib
import math
from pathlib import Path
from typing import Any

import numpy as np

from .errors import InputError, RecordError
from .io.records import read_records
from .model import MECHANISMS

MEASURES = (*MECHANISMS, "total")
NAMES = {"emotional_reactions": "Emotional reactions", "interpretations": "Interpretations",
         "explorations": "Explorations", "total": "Total (0–6)"}


def _rows(path: str, key: str | None) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for line, row in read_records(path):
        if isinstance(row, RecordError):
            raise row
        post = row.get("seeker_post") or row.get("post")
        reply = row.get("response") or row.get("response_post") or row.get("reply")
        if not isinstance(post, str) or not isinstance(reply, str):
            raise RecordError("needs seeker_post and response", path=path, line=line)
        k = str(row[key]) if key and row.get(key) is not None else (
            str(row.get("post_id") or row.get("id")) if (row.get("post_id") or row.get("id")) is not None
            else hashlib.sha1(post.encode()).hexdigest()[:12])
        if k in out:
            raise RecordError(f"the key {k!r} appears twice; give --key a column that names each post once",
                              path=path, line=line)
        out[k] = {"post": post, "reply": reply}
    return out


def bootstrap_ci(diffs: np.ndarray, n_boot: int, seed: int, level: float = 0.95) -> tuple[float, float]:
    """Percentile CI of the mean of paired differences, resampling posts."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(diffs), size=(n_boot, len(diffs)))
    means = diffs[idx].mean(axis=1)
    lo, hi = np.quantile(means, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)


def compare_files(pipeline, a_path: str, b_path: str, key: str | None = None, n_boot: int = 2000,  # type: ignore[no-untyped-def]
                  seed: int = 0, top: int = 10, label_a: str = "A", label_b: str = "B") -> dict[str, Any]:
    from scipy import stats

    a, b = _rows(a_path, key), _rows(b_path, key)
    keys = sorted(set(a) & set(b))
    if len(keys) < 2:
        raise InputError(f"Only {len(keys)} post(s) appear in both files; match them with --key (a column both "
                         "files share, such as post_id).")
    mismatched = [k for k in keys if " ".join(a[k]["post"].split()) != " ".join(b[k]["post"].split())]
    scores: dict[str, dict[str, list[float]]] = {s: {m: [] for m in MEASURES} for s in ("a", "b")}
    unsafe = {"a": 0, "b": 0}
    for k in keys:
        for side, rows in (("a", a), ("b", b)):
            r = pipeline.analyze_reply(rows[k]["post"], rows[k]["reply"], id=k)
            for m in MECHANISMS:
                scores[side][m].append(float(r.empathy.mechanism(m).level))
            scores[side]["total"].append(float(r.empathy.total))
            unsafe[side] += any(f.kind != "language" for f in r.reply_safety)
    report: dict[str, Any] = {"a": {"file": a_path, "label": label_a}, "b": {"file": b_path, "label": label_b},
                              "matched_posts": len(keys), "only_in_a": len(set(a) - set(b)),
                              "only_in_b": len(set(b) - set(a)), "posts_text_differs": len(mismatched),
                              "bootstrap": n_boot, "seed": seed, "measures": {},
                              "unsafe_replies": {label_a: unsafe["a"], label_b: unsafe["b"]}}
    for i, m in enumerate(MEASURES):
        xa, xb = np.asarray(scores["a"][m]), np.asarray(scores["b"][m])
        d = xb - xa
        lo, hi = bootstrap_ci(d, n_boot, seed + i)
        sd = float(d.std(ddof=1)) if len(d) > 1 else 0.0
        nonzero = d[d != 0]
        wil = float(stats.wilcoxon(nonzero).pvalue) if len(nonzero) >= 1 and np.any(nonzero) else 1.0
        tt = float(stats.ttest_rel(xb, xa).pvalue) if sd > 0 else (1.0 if not d.any() else 0.0)
        report["measures"][m] = {"mean_a": round(float(xa.mean()), 4), "mean_b": round(float(xb.mean()), 4),
                                 "mean_difference": round(float(d.mean()), 4), "ci95": [round(lo, 4), round(hi, 4)],
                                 "wilcoxon_p": wil, "paired_t_p": tt if not math.isnan(tt) else 1.0,
                                 "cohens_dz": round(float(d.mean()) / sd, 4) if sd > 0 else None,
                                 "b_higher": int((d > 0).sum()), "a_higher": int((d < 0).sum()),
                                 "tied": int((d == 0).sum())}
    totals = np.asarray(scores["b"]["total"]) - np.asarray(scores["a"]["total"])
    order = np.argsort(-np.abs(totals), kind="stable")[:top]
    report["largest_differences"] = [
        {"key": keys[i], "post": _excerpt(a[keys[i]]["post"]), "reply_a": _excerpt(a[keys[i]]["reply"]),
         "reply_b": _excerpt(b[keys[i]]["reply"]), "total_a": scores["a"]["total"][i],
         "total_b": scores["b"]["total"][i], "difference": float(totals[i])} for i in order if totals[i] != 0]
    return report


def _excerpt(text: str, n: int = 160) -> str:
    t = " ".join(text.split())
    return t if len(t) <= n else t[: n - 1] + "…"


def format_comparison(r: dict[str, Any]) -> str:
    la, lb = r["a"]["label"], r["b"]["label"]
    lines = [f"{lb} − {la}: {r['matched_posts']} posts answered by both ({r['only_in_a']} only in {la}, "
             f"{r['only_in_b']} only in {lb}); paired bootstrap ({r['bootstrap']} resamples) 95 % CI",
             f"  {'measure':<22}{la:>8}{lb:>8}{'diff':>8}  {'95% CI':<18}{'Wilcoxon p':>11}{'t-test p':>10}{'d_z':>7}"]
    for m, s in r["measures"].items():
        dz = f"{s['cohens_dz']:.2f}" if s["cohens_dz"] is not None else "—"
        lines.append(f"  {NAMES[m]:<22}{s['mean_a']:>8.2f}{s['mean_b']:>8.2f}{s['mean_difference']:>+8.2f}  "
                     f"[{s['ci95'][0]:+.2f}, {s['ci95'][1]:+.2f}]    {s['wilcoxon_p']:>9.3g}{s['paired_t_p']:>10.3g}{dz:>7}")
    t = r["measures"]["total"]
    lines.append(f"  {lb} higher on {t['b_higher']} posts, {la} higher on {t['a_higher']}, tied on {t['tied']}.")
    lines.append(f"  Replies flagged unsafe (encouraging self-harm, method details, dismissing a disclosure): "
                 f"{la} {r['unsafe_replies'][la]}, {lb} {r['unsafe_replies'][lb]}.")
    if r["posts_text_differs"]:
        lines.append(f"  Note: {r['posts_text_differs']} matched keys have different post text in the two files.")
    if r["largest_differences"]:
        lines.append("  Where they differ most:")
        for d in r["largest_differences"][:5]:
            lines.append(f"    [{d['key']}] {d['difference']:+.0f} ({la} {d['total_a']:.0f}, {lb} {d['total_b']:.0f}) "
                         f"post: {d['post'][:80]}")
    return "\n".join(lines)


def comparison_svg(r: dict[str, Any]) -> str:
    """Mean difference per measure with its 95 % CI, around a zero line."""
    ms = list(r["measures"].items())
    lo = min(min(s["ci95"][0] for _, s in ms), -0.5)
    hi = max(max(s["ci95"][1] for _, s in ms), 0.5)
    width, left, right, row_h, top = 680, 190, 80, 44, 50
    span = hi - lo

    def x(v: float) -> float:
        return left + (v - lo) / span * (width - left - right)

    h = top + row_h * len(ms) + 40
    la, lb = _esc(r["a"]["label"]), _esc(r["b"]["label"])
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" font-family="sans-serif" '
           f'font-size="13" role="img" aria-label="Difference {lb} minus {la} per empathy measure">',
           f'<title>Empathy: {lb} − {la}, mean difference with 95% bootstrap CI</title>',
           f'<text x="10" y="22" font-size="15" font-weight="bold">Empathy: {lb} − {la} '
           f'({r["matched_posts"]} posts, 95% CI)</text>',
           f'<line x1="{x(0):.1f}" y1="{top - 10}" x2="{x(0):.1f}" y2="{h - 30}" stroke="#555" stroke-dasharray="4 3"/>']
    for i, (m, s) in enumerate(ms):
        y = top + i * row_h + row_h / 2
        colour = "#1b7837" if s["ci95"][0] > 0 else "#b2182b" if s["ci95"][1] < 0 else "#4d4d4d"
        out += [f'<text x="10" y="{y + 4:.1f}">{NAMES[m]}</text>',
                f'<line x1="{x(s["ci95"][0]):.1f}" y1="{y:.1f}" x2="{x(s["ci95"][1]):.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="3"/>',
                f'<circle cx="{x(s["mean_difference"]):.1f}" cy="{y:.1f}" r="6" fill="{colour}"/>',
                f'<text x="{x(s["ci95"][1]) + 8:.1f}" y="{y + 4:.1f}" fill="{colour}">'
                f'{s["mean_difference"]:+.2f}</text>']
    for v in (lo, 0.0, hi):
        out.append(f'<text x="{x(v):.1f}" y="{h - 16}" text-anchor="middle" fill="#333">{v:+.1f}</text>')
    out.append(f'<text x="{x(0):.1f}" y="{h - 2}" text-anchor="middle" fill="#333" font-size="11">'
               f'difference in empathy level ({lb} − {la}); green: {lb} higher, red: {la} higher</text>')
    out.append("</svg>")
    return "\n".join(out)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_svg(r: dict[str, Any], path: str | Path) -> None:
    Path(path).write_text(comparison_svg(r) + "\n", encoding="utf-8")
