"""The coach's result as a supervisor would say it in a terminal."""
from __future__ import annotations

from ..model import CoachResult

MARK = {"safety": "!!", "strength": "+ ", "suggestion": "→ "}


def render(result: CoachResult) -> str:
    lines: list[str] = []
    s = result.safety
    if s is not None:
        lines += [f"!! SAFETY FIRST — the seeker's words suggest {s.level.upper()} risk of suicide or self-harm.",
                  *[f"   {i}. {step}" for i, step in enumerate(s.steps, 1)],
                  f"   Crisis support ({s.locale}; emergency {s.emergency}):",
                  *[f"     - {r.name}: {r.contact} ({r.hours})" for r in s.resources], ""]
    e = result.empathy
    lines.append(f"Empathy now {e.total}/6 (reactions {e.emotional_reactions.level}, interpretations "
                 f"{e.interpretations.level}, explorations {e.explorations.level})"
                 + (f" · their feeling: {result.feeling}" if result.feeling else "")
                 + (f" · situation: {result.situation}" if result.situation else ""))
    lines.append("")
    for item in result.feedback:
        lines.append(f"{MARK[item.tone]} {item.message}")
    if result.rewrites:
        lines += ["", "Suggested rewrites (best first):"]
        for i, r in enumerate(result.rewrites, 1):
            lines.append(f"\n{i}. empathy {r.predicted_total}/6 ({r.predicted_change:+d}), similarity {r.similarity:.2f}"
                         + ("" if r.exact else ", estimated"))
            for op in r.operations:
                if op.op == "insert":
                    what = f"insert “{op.text.strip()}” {op.where}"
                elif op.text.strip():
                    what = f"replace “{op.original}” with “{op.text.strip()}”"
                else:
                    what = f"remove “{op.original}”"
                lines.append(f"   {what} — {op.reason}")
            lines.append(f"   → {r.text}")
    elif s is not None and s.only_protocol:
        lines += ["", "At imminent risk only the protocol and escalation are shown."]
    for w in result.warnings:
        lines.append(f"Note ({w.code}): {w.message}")
    return "\n".join(lines)
