"""Progress over weeks, from stored numbers only: empathy per mechanism, roadblocks per
reply and MI ratios from reviews, the practice streak, and the emotional load of what a
person practised and read that week — a self-care view, never a diagnosis."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from typing import Any

HEAVY_LOAD = 0.6      # mean intensity of the client messages met in a week
HEAVY_RISK = 2        # risk conversations in a week


def _day(at: datetime) -> date:
    return (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone(timezone.utc).date()


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _mean(xs: list[float]) -> float | None:
    return round(sum(xs) / len(xs), 3) if xs else None


def streak(days: set[date], today: date) -> int:
    """Consecutive days with practice, ending today (or yesterday: today is not over)."""
    d = today if today in days else today - timedelta(days=1)
    n = 0
    while d in days:
        n += 1
        d -= timedelta(days=1)
    return n


def weekly(rows: dict[str, list[dict[str, Any]]], today: date | None = None) -> dict[str, Any]:
    today = today or datetime.now(timezone.utc).date()
    weeks: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    sessions: dict[str, set[str]] = defaultdict(set)
    practice_days: set[date] = set()
    for t in rows["turns"]:
        d = _day(t["at"])
        w = weeks[_week(d)]
        m = t["metrics"]
        if t["role"] == "helper":
            practice_days.add(d)
            sessions[_week(d)].add(t["session"])
            for key in ("empathy", "er", "ip", "ex"):
                if key in m:
                    w[key].append(float(m[key]))
            w["roadblocks"].append(float(len(m.get("roadblocks", []))))
            w["load"].append(float(m.get("client_intensity", 0.0)))
            if m.get("protocol_needed"):
                w["risk"].append(1.0)
                w["protocol_followed"].append(1.0 if m.get("protocol_followed") else 0.0)
    for r in rows["reviews"]:
        d = _day(r["at"])
        w = weeks[_week(d)]
        m = r["metrics"]
        w["reviews"].append(1.0)
        for key in ("reflection_to_question", "percent_open_questions", "percent_complex_reflections",
                    "mean_empathy", "client_intensity"):
            if m.get(key) is not None:
                w["review_" + key].append(float(m[key]))
        if m.get("client_intensity") is not None:
            w["load"].append(float(m["client_intensity"]))
        if m.get("highest_risk") in ("moderate", "high", "imminent"):
            w["risk"].append(1.0)
    out = []
    for wk in sorted(weeks):
        w = weeks[wk]
        load = _mean(w["load"])
        risk = int(sum(w["risk"]))
        out.append({
            "week": wk, "replies": len(w["empathy"]), "sessions": len(sessions[wk]), "reviews": int(sum(w["reviews"])),
            "mean_empathy": _mean(w["empathy"]), "emotional_reactions": _mean(w["er"]),
            "interpretations": _mean(w["ip"]), "explorations": _mean(w["ex"]),
            "roadblocks_per_reply": _mean(w["roadblocks"]),
            "protocol_followed": _mean(w["protocol_followed"]),
            "reflection_to_question": _mean(w["review_reflection_to_question"]),
            "percent_open_questions": _mean(w["review_percent_open_questions"]),
            "percent_complex_reflections": _mean(w["review_percent_complex_reflections"]),
            "emotional_load": load, "risk_conversations": risk,
        })
    this_week = out[-1] if out and out[-1]["week"] == _week(today) else None
    care = None
    if this_week and ((this_week["emotional_load"] or 0) >= HEAVY_LOAD or this_week["risk_conversations"] >= HEAVY_RISK):
        care = ("You have sat with a lot of heavy stories this week. That takes something out of anyone — "
                "consider a real break, something restoring, or a chat with your supervisor before the next one.")
    return {"weeks": out, "streak_days": streak(practice_days, today), "self_care": care,
            "this_week": this_week}
