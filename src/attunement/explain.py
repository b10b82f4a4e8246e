"""Readable explanations for the terminal: what the reply does, quoted from its own words."""
from __future__ import annotations

from .model import MECHANISMS, ReplyAnalysis

NAMES = {"emotional_reactions": "Emotional reactions", "interpretations": "Interpretations",
         "explorations": "Explorations"}
WHAT = {
    "emotional_reactions": ("expresses no warmth or concern toward the seeker",
                            "expresses some warmth, in general words",
                            "expresses warmth and concern tied to what the seeker shared"),
    "interpretations": ("does not show an understanding of the seeker's feelings",
                        "claims to understand, without saying what",
                        "shows it understands the seeker's feelings or experience"),
    "explorations": ("does not invite the seeker to say more",
                     "invites the seeker to say more, in general terms",
                     "asks about the seeker's own feelings or experience"),
}


def _bar(level: int) -> str:
    return "●" * level + "○" * (2 - level)


def explain_reply(result: ReplyAnalysis) -> str:
    lines: list[str] = []
    risk = result.seeker.risk
    if result.safety is not None:
        s = result.safety
        lines += [f"!! SAFETY FIRST: the seeker's post shows {s.level.upper()} risk of self-harm or suicide.",
                  *[f"   evidence: “{e.text}”" for e in risk.evidence],
                  *[f"   {i}. {step}" for i, step in enumerate(s.steps, 1)],
                  f"   Crisis support ({s.locale}; emergency {s.emergency}):",
                  *[f"     - {r.name}: {r.contact} ({r.hours})" for r in s.resources], ""]
        if s.only_protocol:
            return "\n".join(lines + ["(At imminent risk only the safety protocol is shown.)"])
    for flag in result.reply_safety:
        lines.append(f"!! In the reply, “{flag.span.text}”: {flag.message}")
    e = result.empathy
    lines.append(f"Empathy {e.total}/6")
    for m in MECHANISMS:
        s = e.mechanism(m)
        lines.append(f"  {NAMES[m]:<20} {_bar(s.level)}  {s.label:<6} (confidence {s.confidence:.0%}) — "
                     f"the reply {WHAT[m][s.level]}")
        for span in s.evidence:
            lines.append(f"      “{span.text}”")
    if result.seeker.emotions:
        emo = ", ".join(f"{x.label} {x.score:.0%}" for x in result.seeker.emotions)
        lines.append(f"Seeker's emotions: {emo}")
    lines.append(f"Seeker's risk: {risk.level}")
    for w in result.warnings:
        lines.append(f"Note ({w.code}): {w.message}")
    return "\n".join(lines)


def format_agreement(report: dict, title: str) -> str:
    lines = [title]
    blocks = report.get("mechanisms") or report.get("tasks") or {"": report}
    for name, r in blocks.items():
        if "accuracy" not in r:
            continue
        head = f"\n{NAMES.get(name, name)}" if name else ""
        lines.append(f"{head}\n  n={r['n']}  accuracy {r['accuracy']:.3f}  macro-F1 {r['macro_f1']:.3f}  "
                     f"kappa {r['kappa']:.3f}  linear {r['kappa_linear']:.3f}  quadratic {r['kappa_quadratic']:.3f}")
        if "evidence_token_f1" in r:
            lines.append(f"  evidence token F1 {r['evidence_token_f1']:.3f} (over {r['evidence_n']} rated spans)")
        labels = r["labels"]
        lines.append("  confusion (rows gold, columns predicted): " + " ".join(f"{x:>8}" for x in labels))
        for lab, row in zip(labels, r["confusion"]):
            lines.append(f"  {lab:>40} " + " ".join(f"{v:>8}" for v in row))
    for key in ("recall_imminent", "recall_moderate_plus", "recall_high_plus", "false_alarm_any",
                "false_alarm_moderate_plus", "hard_negatives"):
        if key in report and report[key] is not None:
            v = report[key]
            lines.append(f"  {key.replace('_', ' ')}: {v:.3f}" if isinstance(v, float) else f"  {key}: {v}")
    if "per_label" in report:
        lines.append(f"  macro-F1 over {len(report['per_label'])} labels: {report['macro_f1']:.3f}")
        for lab, s in report["per_label"].items():
            lines.append(f"    {lab:<16} P {s['precision']:.2f}  R {s['recall']:.2f}  F1 {s['f1']:.2f}  n={s['support']}")
    return "\n".join(lines)


def explain_review(report) -> str:  # type: ignore[no-untyped-def]
    """A session review in a few readable lines; the HTML report has the rest."""
    s = report.summary
    lines = [f"Session {report.id or ''}: {s.helper_turns} helper turns, {s.client_turns} client turns"
             + (" (family / couple session)" if report.family else ""),
             "Roles: " + ", ".join(f"{k} = {v}" for k, v in report.roles.roles.items())
             + f" ({report.roles.method}, confidence {report.roles.confidence:.0%})"]
    if report.safety is not None:
        lines.append(f"\n!! SAFETY FIRST: {report.safety.level} risk in this session (turns "
                     + ", ".join(str(i) for i in report.risk_turns) + ")")
        lines += [f"   {i}. {step}" for i, step in enumerate(report.safety.steps, 1)]
        lines.append("   Crisis support: " + "; ".join(f"{r.name} {r.contact}" for r in report.safety.resources))
    lines.append("")
    for key, title in (("reflection_to_question", "Reflections per question"),
                       ("percent_complex_reflections", "% complex reflections"),
                       ("percent_open_questions", "% open questions"), ("relational", "Relational (estimated)"),
                       ("technical", "Technical (estimated)")):
        b = s.bands[key]
        value = "—" if b.value is None else f"{b.value:.2f}"
        lines.append(f"  {title:<28} {value:>7}  {b.band:<15} (fair {b.fair:g}, good {b.good:g})")
    lines.append(f"  {'Helper share of talk':<28} {s.helper_talk_share:>7.0%}")
    lines.append(f"  MI-consistent {s.mi_consistent}, MI-inconsistent {s.mi_inconsistent}; codes: "
                 + ", ".join(f"{k} {v}" for k, v in sorted(s.codes.items(), key=lambda kv: -kv[1])))
    if s.roadblocks:
        lines.append("  Roadblocks: " + ", ".join(f"{k.replace('_', ' ')} × {v}" for k, v in s.roadblocks.items()))
    if report.shifts:
        lines.append("\nSharp emotional shifts:")
        for sh in report.shifts:
            said = "; ".join(f"“{w.text}”" for w in sh.words[:2])
            lines.append(f"  turn {sh.turn} {sh.speaker}: {sh.direction} ({sh.before:+.2f} → {sh.after:+.2f}) {said}")
            lines.append(f"      {sh.helper_response}")
    if report.family:
        lines.append("\nShare of voice: " + ", ".join(f"{sp.speaker} {sp.share_of_voice:.0%}" for sp in report.speakers))
    for w in report.warnings:
        lines.append(f"Note ({w.code}): {w.message}")
    return "\n".join(lines)
