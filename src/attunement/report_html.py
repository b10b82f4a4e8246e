"""The session review as one self-contained HTML page (inline CSS and SVG, no scripts, no
network), written for a supervisor who is not a programmer, and printable to PDF."""
from __future__ import annotations

import html
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import ConfigError
from .model import ReviewReport, TurnReview

CODE_NAMES = {
    "open_question": "Open question", "closed_question": "Closed question", "simple_reflection": "Simple reflection",
    "complex_reflection": "Complex reflection", "affirm": "Affirmation", "seek_collaboration": "Seeking collaboration",
    "emphasize_autonomy": "Emphasising autonomy", "giving_information": "Giving information",
    "persuade_with_permission": "Persuading with permission", "persuade": "Persuading (no permission)",
    "confront": "Confronting", "other": "Other",
}
BAND_COLOUR = {"good": "#1b7f3b", "fair": "#9a6a00", "below fair": "#b3261e", "not enough data": "#666"}
SPEAKER_COLOURS = ("#1f5fa8", "#b5530a", "#6a3d9a", "#2a7f62", "#a8326e")
RISK_COLOUR = {"none": "#888", "low": "#9a6a00", "moderate": "#c25400", "high": "#b3261e", "imminent": "#7a0010"}

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;max-width:1080px;margin:24px auto;padding:0 16px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.muted{color:#555}.small{font-size:13px}
.safety{border:3px solid #b3261e;background:#fdecea;padding:12px 16px;border-radius:8px;margin:16px 0}
.safety h2{border:0;margin-top:0;color:#7a0010}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px}
.card{border:1px solid #ddd;border-radius:8px;padding:10px 12px;break-inside:avoid}
.card .v{font-size:22px;font-weight:600}.band{font-weight:600}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #e5e5e5;padding:6px;text-align:left;vertical-align:top}
th{background:#f5f5f7}tr.risk td{background:#fff1f0}
.tag{display:inline-block;border-radius:4px;padding:0 6px;margin:1px 2px;font-size:12px;background:#eef;border:1px solid #ccd}
.tag.rb{background:#fff4e5;border-color:#f0c990}.tag.risk{background:#fdecea;border-color:#e6a39e}
.legend span{margin-right:14px}svg text{font:11px system-ui,sans-serif}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
"""


def _e(x: object) -> str:
    return html.escape(str(x), quote=True)


def _fmt(v: float | None, pct: bool = False) -> str:
    if v is None:
        return "—"
    return f"{v:.0f} %" if pct else f"{v:.2f}"


def timeline_svg(report: ReviewReport, width: int = 1040, height: int = 260) -> str:
    """Client valence per speaker (lines) and helper empathy (bars) over the turns; shifts
    and risk turns marked."""
    turns = report.turns
    n = max(1, len(turns) - 1)
    left, right, top, bottom = 64, 12, 14, 36
    w, h = width - left - right, height - top - bottom
    x = lambda i: left + w * i / n  # noqa: E731
    yv = lambda v: top + h * (1 - (v + 1) / 2)  # noqa: E731 - valence -1..1
    parts = [f'<svg role="img" aria-label="Timeline of client emotion and helper empathy" width="100%" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
             f'<rect x="{left}" y="{top}" width="{w}" height="{h}" fill="#fafafa" stroke="#ddd"/>',
             f'<line x1="{left}" x2="{left + w}" y1="{yv(0):.1f}" y2="{yv(0):.1f}" stroke="#bbb" stroke-dasharray="4 3"/>',
             f'<text x="4" y="{yv(1) + 4:.1f}">calm/</text><text x="4" y="{yv(1) + 16:.1f}">positive</text>',
             f'<text x="4" y="{yv(-1):.1f}">distress</text>']
    bar_w = max(2.0, w / (n + 1) * 0.6)
    for t in turns:
        if t.role == "helper" and t.empathy is not None and t.empathy.total:
            bh = h * t.empathy.total / 6 * 0.5
            parts.append(f'<rect x="{x(t.index) - bar_w / 2:.1f}" y="{top + h - bh:.1f}" width="{bar_w:.1f}" '
                         f'height="{bh:.1f}" fill="#9ec5a8"><title>Turn {t.index}: empathy {t.empathy.total}/6</title></rect>')
    clients = [s.speaker for s in report.speakers if s.role == "client"]
    for k, name in enumerate(clients):
        colour = SPEAKER_COLOURS[k % len(SPEAKER_COLOURS)]
        pts = [(x(t.index), yv(t.valence)) for t in turns if t.speaker == name and t.valence is not None]
        if len(pts) > 1:
            parts.append('<polyline fill="none" stroke="' + colour + '" stroke-width="2" points="'
                         + " ".join(f"{a:.1f},{b:.1f}" for a, b in pts) + '"/>')
        for a, b in pts:
            parts.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="2.5" fill="{colour}"/>')
    for s in report.shifts:
        cx, cy = x(s.turn), yv(s.after)
        d = f"M{cx - 7:.1f},{cy - 12:.1f} L{cx + 7:.1f},{cy - 12:.1f} L{cx:.1f},{cy - 2:.1f} Z" if s.direction == "negative" \
            else f"M{cx - 7:.1f},{cy + 12:.1f} L{cx + 7:.1f},{cy + 12:.1f} L{cx:.1f},{cy + 2:.1f} Z"
        parts.append(f'<path d="{d}" fill="#222"><title>Sharp {s.direction} shift at turn {s.turn}</title></path>')
    for t in turns:
        if t.risk is not None and t.risk.level in ("moderate", "high", "imminent"):
            parts.append(f'<line x1="{x(t.index):.1f}" x2="{x(t.index):.1f}" y1="{top}" y2="{top + h}" '
                         f'stroke="{RISK_COLOUR[t.risk.level]}" stroke-width="2"><title>Turn {t.index}: {t.risk.level} '
                         'risk</title></line>')
    step = max(1, round(n / 10))
    for i in range(0, n + 1, step):
        parts.append(f'<text x="{x(i):.1f}" y="{height - 18}" text-anchor="middle">{i}</text>')
    parts.append(f'<text x="{left + w / 2:.1f}" y="{height - 3}" text-anchor="middle">turn</text></svg>')
    legend = ['<div class="legend small">']
    for k, name in enumerate(clients):
        legend.append(f'<span><b style="color:{SPEAKER_COLOURS[k % len(SPEAKER_COLOURS)]}">━</b> {_e(name)} (emotion)</span>')
    legend.append('<span><b style="color:#9ec5a8">▮</b> helper empathy (0–6)</span><span>▼▲ sharp shift</span>'
                  '<span><b style="color:#b3261e">│</b> risk turn</span></div>')
    return "".join(parts) + "".join(legend)


def codes_svg(codes: dict[str, int], width: int = 520) -> str:
    if not codes:
        return '<p class="muted">No helper turns were coded.</p>'
    items = sorted(codes.items(), key=lambda kv: -kv[1])
    top = max(v for _, v in items)
    row, label_w = 22, 190
    height = row * len(items) + 6
    parts = [f'<svg role="img" aria-label="Behaviour code counts" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for k, (code, v) in enumerate(items):
        y = 4 + k * row
        bw = (width - label_w - 40) * v / top
        colour = "#b3261e" if code in ("persuade", "confront") else "#1f5fa8"
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_e(CODE_NAMES.get(code, code))}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{bw:.1f}" height="14" fill="{colour}"/>'
                     f'<text x="{label_w + bw + 4:.1f}" y="{y + 14}">{v}</text>')
    return "".join(parts) + "</svg>"


def band_bar(value: float | None, fair: float, good: float, top: float) -> str:
    w = 200
    pos = lambda v: min(w, max(0.0, w * v / top))  # noqa: E731
    marker = "" if value is None else f'<circle cx="{pos(value):.1f}" cy="8" r="5" fill="#1d1d1f"/>'
    return (f'<svg width="{w}" height="16" aria-hidden="true"><rect x="0" y="5" width="{pos(fair):.1f}" height="6" fill="#f1c4c0"/>'
            f'<rect x="{pos(fair):.1f}" y="5" width="{pos(good) - pos(fair):.1f}" height="6" fill="#f3dfa8"/>'
            f'<rect x="{pos(good):.1f}" y="5" width="{w - pos(good):.1f}" height="6" fill="#bfe3c8"/>{marker}</svg>')


def _turn_row(t: TurnReview) -> str:
    tags = []
    if t.code is not None:
        tags.append(f'<span class="tag">{_e(CODE_NAMES[t.code.fine])}</span>')
    if t.empathy is not None:
        tags.append(f'<span class="tag">empathy {t.empathy.total}/6</span>')
    for b in t.roadblocks:
        tags.append(f'<span class="tag rb" title="{_e(b.message)}">{_e(b.kind.replace("_", " "))}</span>')
    for f in t.reply_safety:
        tags.append(f'<span class="tag risk" title="{_e(f.message)}">{_e(f.kind.replace("_", " "))}</span>')
    if t.talk_type is not None and t.talk_type.label != "neutral":
        tags.append(f'<span class="tag">{_e(t.talk_type.label)} talk</span>')
    if t.emotions and t.emotions[0].label != "neutral":
        tags.append('<span class="tag">' + _e(", ".join(e.label for e in t.emotions[:3])) + "</span>")
    from .review import own_risk

    risky = t.risk is not None and own_risk(t.risk)
    if risky:
        tags.append(f'<span class="tag risk">risk: {_e(t.risk.level)}</span>')  # type: ignore[union-attr]
    when = f'<br><span class="muted small">line {t.line}</span>' if t.line else ""
    return (f'<tr class="{"risk" if risky and t.risk.level != "low" else ""}"><td>{t.index}{when}</td>'  # type: ignore[union-attr]
            f'<td><b>{_e(t.speaker)}</b><br><span class="muted small">{t.role}</span></td>'
            f'<td>{_e(t.text)}</td><td>{"".join(tags)}</td></tr>')


def render_html(report: ReviewReport) -> str:
    s = report.summary
    out = ['<!doctype html><html lang="en"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>Session review — {_e(report.id or 'session')}</title><style>{CSS}</style></head><body>",
           f"<h1>Session review: {_e(report.id or 'session')}</h1>",
           f'<p class="muted">{s.helper_turns} helper turns, {s.client_turns} client turns'
           + (" · family / couple session" if report.family else "") + ". Roles: "
           + ", ".join(f"<b>{_e(k)}</b> {v}" for k, v in report.roles.roles.items())
           + f" ({_e(report.roles.method)}, confidence {report.roles.confidence:.0%}).</p>"]
    if report.safety is not None:
        p = report.safety
        out.append(f'<section class="safety" aria-label="Safety"><h2>Safety first: {p.level} risk in this session</h2>'
                   "<p>Turns with risk are listed first. What the helper should have done — and should check now:</p><ol>"
                   + "".join(f"<li>{_e(step)}</li>" for step in p.steps) + "</ol><p><b>Crisis support ("
                   + _e(p.locale) + f"):</b> emergency {_e(p.emergency)}; "
                   + "; ".join(f"{_e(r.name)}: {_e(r.contact)}" for r in p.resources) + "</p></section>")
    if report.risk_turns:
        out.append("<h2>Risk turns</h2><table><tr><th>Turn</th><th>Who</th><th>Level</th><th>What was said</th>"
                   "<th>Why</th></tr>")
        by_index = {t.index: t for t in report.turns}
        for i in report.risk_turns:
            t = by_index[i]
            r = t.risk
            assert r is not None
            out.append(f'<tr class="risk"><td>{i}</td><td>{_e(t.speaker)}</td><td style="color:{RISK_COLOUR[r.level]}">'
                       f'<b>{r.level}</b></td><td>{_e(t.text)}</td><td class="small">{_e("; ".join(r.reasons[:3]))}</td></tr>')
        out.append("</table>")
    out.append("<h2>How the helper did, against published standards</h2><div class=\"cards\">")
    cards = [("Reflections per question", "reflection_to_question", 3.0, False),
             ("Complex reflections", "percent_complex_reflections", 100.0, True),
             ("Open questions", "percent_open_questions", 100.0, True),
             ("Relational (partnership + empathy)", "relational", 5.0, False),
             ("Technical (change talk)", "technical", 5.0, False)]
    for title, key, top, pct in cards:
        b = s.bands[key]
        out.append(f'<div class="card"><div>{_e(title)}</div><div class="v">{_fmt(b.value, pct)}</div>'
                   f'<div class="band" style="color:{BAND_COLOUR[b.band]}">{b.band}</div>'
                   f"{band_bar(b.value, b.fair, b.good, top)}<div class=\"muted small\">{_e(b.source)}</div></div>")
    g = s.global_ratings
    out.append(f'<div class="card"><div>Estimated global ratings (1–5)</div><div class="small">partnership '
               f'<b>{g["partnership"]:.1f}</b> · empathy <b>{g["empathy"]:.1f}</b><br>cultivating change talk '
               f'<b>{g["cultivating_change_talk"]:.1f}</b> · softening sustain talk <b>{g["softening_sustain_talk"]:.1f}</b>'
               '</div><div class="muted small">Estimated from behaviour counts, not a trained rater.</div></div>')
    out.append(f'<div class="card"><div>Helper share of talk</div><div class="v">{s.helper_talk_share:.0%}</div>'
               f'<div class="muted small">MI-consistent behaviours {s.mi_consistent}, MI-inconsistent {s.mi_inconsistent}'
               + (f"; mean empathy {s.mean_empathy:.1f}/6" if s.mean_empathy is not None else "") + "</div></div></div>")
    if s.roadblocks:
        out.append("<p><b>Roadblocks:</b> " + ", ".join(f"{_e(k.replace('_', ' '))} × {v}" for k, v in s.roadblocks.items())
                   + '. <span class="muted">Hover a tag in the transcript for a kinder alternative.</span></p>')
    out.append("<h2>Emotion and empathy over the session</h2>" + timeline_svg(report))
    out.append("<h2>Sharp emotional shifts</h2>")
    if report.shifts:
        out.append("<table><tr><th>Turn</th><th>Who</th><th>Direction</th><th>The words that carried it</th>"
                   "<th>What the helper did next</th></tr>")
        for sh in report.shifts:
            words_ = "; ".join(f"“{w.text}”" for w in sh.words) or "—"
            out.append(f"<tr><td>{sh.turn}</td><td>{_e(sh.speaker)}</td><td>{sh.direction} ({sh.before:+.2f} → "
                       f"{sh.after:+.2f})</td><td>{_e(words_)}</td><td>{_e(sh.helper_response)}</td></tr>")
        out.append("</table>")
    else:
        out.append('<p class="muted">No sharp shift: each client\'s emotional tone changed gradually, if at all.</p>')
    out.append("<h2>Who spoke, and how they felt</h2><table><tr><th>Person</th><th>Role</th><th>Turns</th>"
               "<th>Share of voice</th><th>Mean tone</th><th>Most frequent emotions</th></tr>")
    for sp in report.speakers:
        out.append(f"<tr><td>{_e(sp.speaker)}</td><td>{sp.role}</td><td>{sp.turns}</td><td>{sp.share_of_voice:.0%}</td>"
                   f"<td>{_fmt(sp.mean_valence)}</td><td>{_e(', '.join(sp.top_emotions) or '—')}</td></tr>")
    out.append("</table><h2>Helper behaviours</h2>" + codes_svg(s.codes))
    out.append("<h2>The session, turn by turn</h2><table><tr><th>#</th><th>Who</th><th>Said</th><th>Notes</th></tr>"
               + "".join(_turn_row(t) for t in report.turns) + "</table>")
    if report.warnings:
        out.append("<h2>Notes on the input</h2><ul>" + "".join(f"<li>{_e(w.message)}</li>" for w in report.warnings) + "</ul>")
    out.append('<p class="muted small">Made by attunement offline; codes and ratings are estimates by models whose '
               "agreement with human coders is published in its model card. Versions: "
               + _e(", ".join(f"{k} {v}" for k, v in report.versions.items())) + "</p></body></html>")
    return "\n".join(out)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def html_to_pdf(html_text: str, pdf_path: Path, timeout: float = 60.0) -> None:
    """Print with headless Chromium, the same engine a supervisor would print from."""
    browser = find_chromium()
    if browser is None:
        raise ConfigError("--pdf needs Chromium (e.g. `apt install chromium`); the HTML report prints to PDF from any "
                          "browser too.")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.html"
        src.write_text(html_text, encoding="utf-8")
        cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               f"--print-to-pdf={pdf_path.resolve()}", src.as_uri()]
        done = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    if done.returncode != 0 or not pdf_path.exists():
        raise ConfigError(f"Chromium could not print the report (exit {done.returncode}): "
                          + done.stderr.decode(errors="replace")[-300:])
