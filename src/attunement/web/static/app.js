// attunement studio: a thin page over /api/v1. Every text from the server is set with
// textContent (never innerHTML), so nothing a person typed can run as markup.
"use strict";

const API = "/api/v1";
const state = { me: null, csrf: null };

// ---- small helpers ---------------------------------------------------------------------
function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    el.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return el;
}
const main = () => document.getElementById("main");
function show(...nodes) {
  const m = main();
  m.replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
  m.focus({ preventScroll: true });
}
function toast(msg) {
  const t = document.getElementById("toast");
  t.textContent = msg; t.classList.add("show");
  clearTimeout(toast.timer); toast.timer = setTimeout(() => t.classList.remove("show"), 3500);
}
function fmt(x, digits = 2) { return x === null || x === undefined ? "—" : Number(x).toFixed(digits); }

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || `HTTP ${status}`);
    this.status = status; this.code = body && body.error && body.error.code;
  }
}
async function api(method, path, body, opts = {}) {
  const headers = { "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && state.csrf) headers["X-CSRF-Token"] = state.csrf;
  const res = await fetch(API + path, { method, headers, credentials: "same-origin", signal: opts.signal,
                                        body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}
function errorBox(err) {
  const msg = err.status === 403 ? `You don't have access to this. ${err.message}` : err.message;
  return h("p", { class: "error", role: "alert", text: msg });
}

// ---- navigation ------------------------------------------------------------------------
function renderNav() {
  const nav = document.getElementById("nav");
  const links = [];
  if (state.me) {
    const role = state.me.user.role;
    links.push(["#/", "Practise"], ["#/review", "Review a transcript"], ["#/progress", "My progress"]);
    if (role !== "trainee") links.push(["#/cohorts", "Cohorts"]);
    if (role === "admin") links.push(["#/admin", "Admin"]);
    links.push(["#/keys", "API keys"]);
  } else {
    links.push(["#/login", "Sign in"], ["#/signup", "Sign up"]);
  }
  const here = location.hash || "#/";
  nav.replaceChildren(...links.map(([href, label]) =>
    h("a", { href, "aria-current": here === href ? "page" : null, text: label })));
  if (state.me) {
    nav.append(h("span", { class: "muted small", text: `${state.me.user.name} · ${state.me.user.role}` }),
               h("button", { type: "button", onclick: logout, text: "Sign out" }));
  }
}
async function loadMe() {
  try { const me = await api("GET", "/auth/me"); state.me = me; state.csrf = me.csrf_token; }
  catch (e) { state.me = null; state.csrf = null; }
}
async function logout() {
  try { await api("POST", "/auth/logout"); } catch (e) { /* already gone */ }
  state.me = null; state.csrf = null; location.hash = "#/login";
}

const routes = [
  [/^#\/login$/, viewLogin], [/^#\/signup$/, viewSignup], [/^#\/?$/, viewHome],
  [/^#\/practice\/([\w-]+)$/, viewPractice], [/^#\/debrief\/([\w-]+)$/, viewDebrief],
  [/^#\/review$/, viewReviewUpload], [/^#\/reviews\/([\w-]+)$/, viewReview],
  [/^#\/progress$/, () => viewProgress(state.me.user.id)], [/^#\/progress\/([\w-]+)$/, viewProgress],
  [/^#\/cohorts$/, viewCohorts], [/^#\/admin$/, viewAdmin], [/^#\/keys$/, viewKeys],
];
async function router() {
  const hash = location.hash || "#/";
  if (!state.me && !/^#\/(login|signup)$/.test(hash)) { location.hash = "#/login"; return; }
  renderNav();
  for (const [re, view] of routes) {
    const m = hash.match(re);
    if (m) {
      try { await view(...m.slice(1)); } catch (e) { show(h("h1", { text: "Something went wrong" }), errorBox(e)); }
      return;
    }
  }
  show(h("h1", { text: "Not found" }), h("p", {}, h("a", { href: "#/", text: "Back to practice" })));
}
window.addEventListener("hashchange", router);
window.addEventListener("DOMContentLoaded", async () => { await loadMe(); router(); });

// ---- sign in / sign up -------------------------------------------------------------------
function authForm(kind) {
  const isSignup = kind === "signup";
  const err = h("div", { "aria-live": "assertive" });
  const form = h("form", { class: "card narrow", novalidate: true },
    h("h1", { text: isSignup ? "Create your practice account" : "Sign in" }),
    isSignup ? [h("label", { for: "name", text: "Your name" }), h("input", { id: "name", name: "name", autocomplete: "name" })] : null,
    h("label", { for: "email", text: "E-mail" }),
    h("input", { id: "email", name: "email", type: "email", autocomplete: "email", required: true }),
    h("label", { for: "password", text: isSignup ? "Password (at least 10 characters)" : "Password" }),
    h("input", { id: "password", name: "password", type: "password", required: true,
                 autocomplete: isSignup ? "new-password" : "current-password", minlength: isSignup ? 10 : null }),
    h("button", { class: "primary", type: "submit", text: isSignup ? "Create account" : "Sign in" }),
    err,
    h("p", { class: "small muted" }, isSignup ? "Already have an account? " : "New here? ",
      h("a", { href: isSignup ? "#/login" : "#/signup", text: isSignup ? "Sign in" : "Create an account" })),
    h("p", { class: "small muted", text: "Everything runs on this computer; what you type is redacted and encrypted before it is stored." }));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const body = { email: form.email.value.trim(), password: form.password.value };
    if (isSignup) body.name = form.name.value.trim();
    try {
      const me = await api("POST", isSignup ? "/auth/signup" : "/auth/login", body);
      state.me = me; state.csrf = me.csrf_token; location.hash = "#/";
    } catch (e) {
      const msg = e.status === 422 && isSignup ? "Please give a valid e-mail and a password of at least 10 characters." : e.message;
      err.replaceChildren(h("p", { class: "error", role: "alert", text: msg }));
    }
  });
  return form;
}
function viewLogin() { renderNav(); show(authForm("login")); }
function viewSignup() { renderNav(); show(authForm("signup")); }

// ---- home: the scenario library ---------------------------------------------------------
async function viewHome() {
  const [scenarios, sessions] = await Promise.all([api("GET", "/scenarios"), api("GET", "/sessions")]);
  const mine = sessions.filter((s) => s.user_id === state.me.user.id).slice(0, 8);
  const titles = Object.fromEntries(scenarios.map((s) => [s.id, s.title]));
  const filter = h("input", { id: "filter", type: "search", placeholder: "grief, youth, risk…" });
  const grid = h("div", { class: "grid" });
  const draw = () => {
    const q = filter.value.toLowerCase();
    grid.replaceChildren(...scenarios.filter((s) => !q || JSON.stringify(s).toLowerCase().includes(q)).map((s) =>
      h("article", { class: "card" },
        h("h3", { text: s.title }),
        h("p", { class: "small", text: s.summary }),
        h("div", {}, s.topics.map((t) => h("span", { class: "tag", text: t })),
          s.risk_emerges ? h("span", { class: "tag risk", text: "risk may emerge" }) : null),
        h("p", { class: "small muted", text: `${"★".repeat(s.difficulty)} · ${s.setting} · ${s.clients.map((c) => c.name).join(" & ")}` }),
        h("button", { class: "primary", type: "button", "data-scenario": s.id, text: "Start",
                      onclick: async (ev) => { ev.target.disabled = true;
                        try { const sess = await api("POST", "/sessions", { scenario_id: s.id }); location.hash = `#/practice/${sess.id}`; }
                        catch (e) { ev.target.disabled = false; toast(e.message); } } }))));
  };
  filter.addEventListener("input", draw); draw();
  show(h("h1", { text: "Practise with a simulated client" }),
    h("p", { class: "muted", text: "Pick a scenario. The client answers according to how you reply; feedback updates while you type." }),
    mine.length ? h("section", {}, h("h2", { text: "Your recent sessions" }), h("ul", {}, mine.map((s) =>
      h("li", {}, h("a", { href: s.status === "active" ? `#/practice/${s.id}` : `#/debrief/${s.id}`,
        text: `${titles[s.scenario_id] || s.scenario_id} — ${s.status === "active" ? "continue" : "debrief (" + (s.outcome || "ended") + ")"}` }),
        h("span", { class: "muted small", text: ` · ${new Date(s.started_at).toLocaleString()}` }))))) : null,
    h("label", { for: "filter", text: "Find a scenario" }), filter, h("div", { style: "height:1rem" }), grid);
}

// ---- practice: the conversation and live feedback -----------------------------------------
function meters(empathy) {
  const rows = [["Emotional reactions", "emotional_reactions"], ["Interpretations", "interpretations"], ["Explorations", "explorations"]];
  return h("div", { class: "meters", role: "group", "aria-label": "Empathy meters" }, rows.map(([label, key]) => {
    const lvl = empathy ? empathy[key].level : 0;
    return h("div", { class: "meter", "data-mechanism": key },
      h("span", { text: label }),
      h("div", { class: "bar", role: "meter", "aria-label": label, "aria-valuemin": "0", "aria-valuemax": "2", "aria-valuenow": String(lvl) },
        h("span", { style: `width:${lvl * 50}%` })),
      h("span", { class: "level", text: `${lvl}/2` }));
  }));
}
function safetyBox(p) {
  return h("section", { class: "safety-box", role: "alert", "data-testid": "safety-protocol" },
    h("h2", { text: p.only_protocol ? "Safety first — imminent risk" : `Safety first — ${p.level} risk` }),
    h("ol", {}, p.steps.map((s) => h("li", { text: s }))),
    h("p", {}, h("strong", { text: `Crisis support (${p.locale}): ` }), `emergency ${p.emergency}; `,
      p.resources.map((r) => `${r.name}: ${r.contact}`).join("; ")));
}
function feedbackList(items) {
  const order = { safety: 0, strength: 1, suggestion: 2 };
  return h("ul", { class: "fb" }, [...items].sort((a, b) => order[a.tone] - order[b.tone]).map((f) =>
    h("li", { class: f.tone, "data-kind": f.kind }, f.message, f.alternative ? h("div", { class: "small muted", text: `Try: “${f.alternative}”` }) : null)));
}

async function viewPractice(id) {
  let view = await api("GET", `/sessions/${id}`);
  if (view.status !== "active") { location.hash = `#/debrief/${id}`; return; }
  const chat = h("div", { class: "chat", "aria-live": "polite", "aria-label": "Conversation" });
  const draft = h("textarea", { id: "reply", "aria-describedby": "reply-help", placeholder: "Type your reply…" });
  const panel = h("div", { "aria-live": "polite", "data-testid": "live-feedback" });
  const timing = h("p", { class: "small muted", "data-testid": "timing" });
  const sendBtn = h("button", { class: "primary", type: "button", text: "Send reply" });
  const finishBtn = h("button", { class: "secondary", type: "button", text: "End and debrief" });
  const drawChat = () => {
    chat.replaceChildren(...view.turns.map((t) => h("div", { class: `bubble ${t.role}` },
      h("span", { class: "who", text: t.role === "helper" ? "You" : t.speaker }), t.text)));
    chat.scrollTop = chat.scrollHeight;
  };
  let pending = null, timer = null, seq = 0;
  const drawFeedback = (r) => {
    const parts = [];
    if (r.safety) parts.push(safetyBox(r.safety));
    // the protocol box above already says what the safety_protocol item says
    const items = r.safety ? r.feedback.filter((f) => f.kind !== "safety_protocol") : r.feedback;
    parts.push(h("h2", { text: `Empathy ${r.empathy.total}/6` }), meters(r.empathy), feedbackList(items));
    if (r.rewrites.length) {
      parts.push(h("h3", { text: "Suggestions" }));
      r.rewrites.forEach((w, i) => parts.push(h("div", { class: "suggestion-card", "data-testid": "suggestion" },
        h("div", { class: "ops", text: w.operations.map((o) => `${o.op} ${o.where}: ${o.reason}`).join(" · ") }),
        h("p", { text: w.text }),
        h("button", { class: "secondary", type: "button", text: "Use this", "aria-label": `Use suggestion ${i + 1}`,
                      onclick: () => { draft.value = w.text; draft.focus(); schedule(); } }))));
    }
    panel.replaceChildren(...parts);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = draft.value.trim();
      if (!text) { panel.replaceChildren(h("p", { class: "muted", text: "Feedback appears here as you type." })); return; }
      if (pending) pending.abort();
      pending = new AbortController();
      const mine = ++seq; const t0 = performance.now();
      try {
        const r = await api("POST", `/sessions/${id}/feedback`, { text }, { signal: pending.signal });
        if (mine !== seq) return;
        timing.textContent = `feedback in ${Math.round(performance.now() - t0)} ms`;
        drawFeedback(r);
      } catch (e) { if (e.name !== "AbortError") panel.replaceChildren(errorBox(e)); }
    }, 250);
  };
  draft.addEventListener("input", schedule);
  draft.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) sendBtn.click(); });
  sendBtn.addEventListener("click", async () => {
    const text = draft.value.trim();
    if (!text) { toast("Write a reply first."); return; }
    sendBtn.disabled = true;
    try {
      view = await api("POST", `/sessions/${id}/replies`, { text });
      draft.value = ""; drawChat();
      panel.replaceChildren(h("p", { class: "muted", text: "Feedback appears here as you type." }));
      if (view.status !== "active") { toast("The conversation has ended."); location.hash = `#/debrief/${id}`; return; }
      await api("POST", `/sessions/${id}/feedback`, { text: "I'm here." }).catch(() => null); // warm the next post
    } catch (e) { toast(e.message); } finally { sendBtn.disabled = false; draft.focus(); }
  });
  finishBtn.addEventListener("click", async () => {
    if (!view.turns.some((t) => t.role === "helper")) { toast("Reply at least once before the debrief."); return; }
    await api("POST", `/sessions/${id}/finish`); location.hash = `#/debrief/${id}`;
  });
  const sc = view.scenario;
  show(h("h1", { text: sc.title }),
    h("p", { class: "muted small", text: `${sc.setting} · ${sc.clients.map((c) => `${c.name}${c.age ? ", " + c.age : ""}`).join(" & ")} · goals: ${sc.learning_goals.join("; ")}` }),
    h("div", { class: "practice" },
      h("section", { class: "card", "aria-label": "Conversation" }, chat,
        h("label", { for: "reply", text: "Your reply" }), draft,
        h("p", { id: "reply-help", class: "small muted" }, "Feedback updates as you type. Send with the button or ", h("span", { class: "kbd", text: "Ctrl+Enter" }), "."),
        h("div", { class: "row" }, sendBtn, finishBtn)),
      h("aside", { class: "card", "aria-label": "Live feedback" }, panel, timing)));
  panel.replaceChildren(h("p", { class: "muted", text: "Feedback appears here as you type." }));
  drawChat(); draft.focus();
}

// ---- debrief --------------------------------------------------------------------------------
async function viewDebrief(id) {
  show(h("p", { class: "muted", text: "Preparing your debrief…" }));
  const d = await api("GET", `/sessions/${id}/debrief`);
  const s = d.report.summary;
  const outcomeText = { good: "The client felt heard and the conversation ended well.", neutral: "The conversation ended without a clear turn.",
    disengaged: "The client pulled away. That happens — the notes below show where.", escalated: "You connected the client with crisis support." };
  show(h("h1", { text: `Debrief: ${d.session.scenario.title}` }),
    h("div", { class: "grid" },
      h("div", { class: "card" }, h("div", { class: "stat", "data-testid": "mean-empathy", text: fmt(d.mean_empathy, 1) }), h("div", { class: "muted", text: "mean empathy of your replies (0–6)" })),
      h("div", { class: "card" }, h("div", { class: "stat", text: String(d.replies) }), h("div", { class: "muted", text: "replies" })),
      h("div", { class: "card" }, h("div", { class: "stat", text: d.outcome || "ended" }), h("div", { class: "muted", text: outcomeText[d.outcome] || "" }))),
    h("h2", { text: "What to practise next" }),
    d.practise_next.length ? h("ol", { "data-testid": "practise-next" }, d.practise_next.map((x) => h("li", { text: x }))) : h("p", { text: "Keep doing what you did — your replies covered feelings, meaning and questions." }),
    h("h2", { text: "Session figures" }),
    h("table", {}, h("tbody", {},
      h("tr", {}, h("th", { text: "Reflections per question" }), h("td", { text: fmt(s.reflection_to_question) })),
      h("tr", {}, h("th", { text: "Open questions" }), h("td", { text: s.percent_open_questions === null ? "—" : `${Math.round(s.percent_open_questions)}%` })),
      h("tr", {}, h("th", { text: "Roadblocks" }), h("td", { text: Object.entries(s.roadblocks).map(([k, v]) => `${k.replaceAll("_", " ")} ×${v}`).join(", ") || "none" })),
      h("tr", {}, h("th", { text: "Highest client risk" }), h("td", { text: s.highest_risk })))),
    h("p", {}, h("a", { class: "button", href: `${API}/sessions/${id}/report.html`, target: "_blank", text: "Open the full report" }),
      h("a", { class: "button", href: "#/", text: "Practise again" })));
}

// ---- review a transcript -------------------------------------------------------------------
async function viewReviewUpload() {
  const title = h("input", { id: "title", placeholder: "e.g. Session 3 with a role-play client" });
  const fmtSel = h("select", { id: "format" }, ["txt", "csv", "jsonl", "vtt", "srt"].map((f) => h("option", { value: f, text: f })));
  const file = h("input", { id: "file", type: "file", accept: ".txt,.csv,.jsonl,.vtt,.srt" });
  const text = h("textarea", { id: "transcript", placeholder: "Counsellor: Hi, what brings you in today?\nClient: …", style: "min-height:14rem" });
  const helpers = h("input", { id: "helpers", placeholder: "Counsellor (optional; found automatically otherwise)" });
  const status = h("div", { "aria-live": "polite" });
  file.addEventListener("change", async () => {
    const f = file.files[0]; if (!f) return;
    text.value = await f.text();
    const ext = f.name.split(".").pop().toLowerCase(); if (["txt", "csv", "jsonl", "vtt", "srt"].includes(ext)) fmtSel.value = ext;
    if (!title.value) title.value = f.name;
  });
  const go = h("button", { class: "primary", type: "button", text: "Review", onclick: async () => {
    if (!text.value.trim()) { status.replaceChildren(h("p", { class: "error", text: "Paste a transcript or choose a file first." })); return; }
    go.disabled = true; status.replaceChildren(h("p", { class: "muted", text: "Reviewing… (names, numbers and addresses are redacted first)" }));
    try {
      const body = { title: title.value, transcript: text.value, format: fmtSel.value };
      if (helpers.value.trim()) body.helpers = helpers.value.split(",").map((x) => x.trim()).filter(Boolean);
      const r = await api("POST", "/reviews", body); location.hash = `#/reviews/${r.id}`;
    } catch (e) { status.replaceChildren(errorBox(e)); } finally { go.disabled = false; }
  } });
  const list = await api("GET", "/reviews");
  show(h("h1", { text: "Review a session transcript" }),
    h("div", { class: "card" },
      h("label", { for: "title", text: "Title" }), title,
      h("label", { for: "file", text: "Transcript file" }), file,
      h("label", { for: "format", text: "Format" }), fmtSel,
      h("label", { for: "transcript", text: "…or paste it (one turn per line, “Name: what they said”)" }), text,
      h("label", { for: "helpers", text: "Helper name(s), comma-separated" }), helpers, go, status),
    list.length ? [h("h2", { text: "Earlier reviews" }), h("ul", {}, list.map((r) => h("li", {},
      h("a", { href: `#/reviews/${r.id}`, text: r.title }), h("span", { class: "muted small", text: ` · ${new Date(r.created_at).toLocaleString()}` }))))] : null);
}
async function viewReview(id) {
  const r = await api("GET", `/reviews/${id}`);
  const s = r.report.summary;
  show(h("h1", { text: r.title }),
    h("p", { class: "muted", text: `${s.helper_turns} helper turns · ${s.client_turns} client turns · highest risk: ${s.highest_risk}` }),
    h("p", {}, h("a", { class: "button", href: `${API}/reviews/${id}/report.html`, download: `review-${id}.html`, text: "Download HTML" }),
      h("a", { class: "button", href: `${API}/reviews/${id}/report.pdf`, text: "Download PDF" })),
    h("iframe", { class: "report", title: "Review report", src: `${API}/reviews/${id}/report.html` }));
}

// ---- progress ---------------------------------------------------------------------------------
function linePlot(weeks, series, ymax, label) {
  const W = 560, H = 200, L = 36, B = 28, T = 12, R = 10;
  const svgNS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNS, "svg");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`); svg.setAttribute("class", "plot"); svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  const add = (tag, attrs, text) => { const e = document.createElementNS(svgNS, tag); for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v); if (text) e.textContent = text; svg.append(e); return e; };
  const n = Math.max(weeks.length, 1);
  const x = (i) => L + (n === 1 ? (W - L - R) / 2 : i * (W - L - R) / (n - 1));
  const y = (v) => T + (1 - v / ymax) * (H - T - B);
  for (let k = 0; k <= 4; k++) { const v = ymax * k / 4; add("line", { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: "#e3e6ea" }); add("text", { x: 4, y: y(v) + 4, "font-size": 11, fill: "#5a6270" }, fmt(v, ymax <= 1 ? 2 : 1)); }
  weeks.forEach((w, i) => { if (n <= 12 || i % Math.ceil(n / 12) === 0) add("text", { x: x(i) - 18, y: H - 8, "font-size": 10, fill: "#5a6270" }, w.week.slice(5)); });
  const colours = ["#1f5f8b", "#c2571a", "#2e7d4f", "#7b4ea3"];
  series.forEach(([key, name], si) => {
    const pts = weeks.map((w, i) => [i, w[key]]).filter(([, v]) => v !== null && v !== undefined);
    if (pts.length) add("polyline", { points: pts.map(([i, v]) => `${x(i)},${y(v)}`).join(" "), fill: "none", stroke: colours[si], "stroke-width": 2.5 });
    // later series drawn smaller, so equal values stay visible as rings
    pts.forEach(([i, v]) => add("circle", { cx: x(i), cy: y(v), r: 6 - 1.5 * si, fill: colours[si], stroke: "#fff", "stroke-width": 1 }));
    add("text", { x: L + 8 + si * 140, y: T + 10, "font-size": 11, fill: colours[si] }, `● ${name}`);
  });
  return svg;
}
async function viewProgress(userId) {
  const [p, user] = await Promise.all([api("GET", `/progress/${userId}`), api("GET", `/users/${userId}`)]);
  const own = userId === state.me.user.id;
  const weeks = p.weeks;
  const tw = p.this_week || {};
  show(h("h1", { text: own ? "Your progress" : `Progress: ${user.name}` }),
    p.self_care && own ? h("p", { class: "care", "data-testid": "self-care", text: p.self_care }) : null,
    h("div", { class: "grid" },
      h("div", { class: "card" }, h("div", { class: "stat", "data-testid": "streak", text: String(p.streak_days) }), h("div", { class: "muted", text: "day practice streak" })),
      h("div", { class: "card" }, h("div", { class: "stat", text: String(tw.replies || 0) }), h("div", { class: "muted", text: "replies this week" })),
      h("div", { class: "card" }, h("div", { class: "stat", text: fmt(tw.mean_empathy, 1) }), h("div", { class: "muted", text: "mean empathy this week (0–6)" })),
      h("div", { class: "card" }, h("div", { class: "stat", text: fmt(tw.emotional_load, 2) }), h("div", { class: "muted", text: `emotional load of what ${own ? "you" : "they"} met this week (0–1)` }))),
    weeks.length ? [
      h("h2", { text: "Empathy per mechanism, by week (0–2)" }),
      linePlot(weeks, [["emotional_reactions", "reactions"], ["interpretations", "interpretations"], ["explorations", "explorations"]], 2, "Empathy per mechanism by week"),
      h("h2", { text: "Roadblocks per reply, by week" }),
      linePlot(weeks, [["roadblocks_per_reply", "roadblocks per reply"]], Math.max(1, ...weeks.map((w) => w.roadblocks_per_reply || 0)), "Roadblocks per reply by week"),
      h("h2", { text: "MI ratios from reviewed transcripts" }),
      linePlot(weeks, [["reflection_to_question", "reflections per question"]], Math.max(2, ...weeks.map((w) => w.reflection_to_question || 0)), "Reflections per question by week"),
      linePlot(weeks, [["percent_open_questions", "% open questions"], ["percent_complex_reflections", "% complex reflections"]], 100, "Open questions and complex reflections by week, percent"),
      h("h2", { text: "Week by week" }),
      h("table", {}, h("thead", {}, h("tr", {}, ["Week", "Replies", "Sessions", "Reviews", "Mean empathy", "Roadblocks/reply", "Load"].map((x) => h("th", { text: x })))),
        h("tbody", {}, weeks.map((w) => h("tr", {}, [w.week, w.replies, w.sessions, w.reviews, fmt(w.mean_empathy, 1), fmt(w.roadblocks_per_reply), fmt(w.emotional_load)].map((x) => h("td", { text: String(x) }))))))
    ] : h("p", { class: "muted", text: "No practice yet — the plots appear after the first session." }));
}

// ---- supervisors: cohorts ---------------------------------------------------------------------
async function viewCohorts() {
  const cohorts = await api("GET", "/cohorts");
  const parts = [h("h1", { text: "Cohorts" })];
  if (!cohorts.length) parts.push(h("p", { class: "muted", text: "No cohorts yet. An admin creates cohorts and names their supervisor." }));
  for (const c of cohorts) {
    const rows = await api("GET", `/cohorts/${c.id}/progress`);
    parts.push(h("section", { class: "card" }, h("h2", { text: c.name }),
      h("p", {}, h("a", { class: "button", href: `${API}/cohorts/${c.id}/progress.csv`, download: `cohort-${c.id}.csv`, text: "Export CSV" })),
      h("table", {}, h("thead", {}, h("tr", {}, ["Trainee", "Weeks active", "Replies", "Latest mean empathy", "Roadblocks/reply", "Streak"].map((x) => h("th", { text: x })))),
        h("tbody", {}, rows.map(({ user, progress }) => {
          const last = progress.weeks[progress.weeks.length - 1] || {};
          return h("tr", { "data-user": user.id }, h("td", {}, h("a", { href: `#/progress/${user.id}`, text: user.name })),
            ...[progress.weeks.length, progress.weeks.reduce((a, w) => a + w.replies, 0), fmt(last.mean_empathy, 1), fmt(last.roadblocks_per_reply), progress.streak_days].map((x) => h("td", { text: String(x) })));
        })))));
  }
  show(...parts);
}

// ---- admin ------------------------------------------------------------------------------------
async function viewAdmin() {
  const [users, cohorts] = await Promise.all([api("GET", "/users"), api("GET", "/cohorts")]);
  const cohortName = Object.fromEntries(cohorts.map((c) => [c.id, c.name]));
  const form = h("form", { class: "card" }, h("h2", { text: "New account" }),
    h("label", { for: "u-email", text: "E-mail" }), h("input", { id: "u-email", name: "email", type: "email", required: true }),
    h("label", { for: "u-name", text: "Name" }), h("input", { id: "u-name", name: "name" }),
    h("label", { for: "u-password", text: "Temporary password (10+ characters)" }), h("input", { id: "u-password", name: "password", type: "password", required: true }),
    h("label", { for: "u-role", text: "Role" }), h("select", { id: "u-role", name: "role" }, ["trainee", "supervisor", "admin"].map((r) => h("option", { value: r, text: r }))),
    h("button", { class: "primary", type: "submit", text: "Create" }));
  form.addEventListener("submit", async (ev) => { ev.preventDefault();
    try { await api("POST", "/users", { email: form.email.value, name: form.name.value, password: form.password.value, role: form.role.value }); toast("Account created"); viewAdmin(); }
    catch (e) { toast(e.message); } });
  const cform = h("form", { class: "card" }, h("h2", { text: "New cohort" }),
    h("label", { for: "c-name", text: "Name" }), h("input", { id: "c-name", name: "cname", required: true }),
    h("label", { for: "c-sup", text: "Supervisor" }), h("select", { id: "c-sup", name: "sup" }, users.filter((u) => u.role !== "trainee").map((u) => h("option", { value: u.id, text: u.name }))),
    h("button", { class: "primary", type: "submit", text: "Create cohort" }));
  cform.addEventListener("submit", async (ev) => { ev.preventDefault();
    try { await api("POST", "/cohorts", { name: cform.cname.value, supervisor_id: cform.sup.value || null }); toast("Cohort created"); viewAdmin(); }
    catch (e) { toast(e.message); } });
  show(h("h1", { text: "Admin" }),
    h("table", {}, h("thead", {}, h("tr", {}, ["Name", "E-mail", "Role", "Cohort"].map((x) => h("th", { text: x })))),
      h("tbody", {}, users.map((u) => {
        const sel = h("select", { "aria-label": `Cohort of ${u.name}` }, h("option", { value: "", text: "—" }), cohorts.map((c) => h("option", { value: c.id, text: c.name, selected: u.cohort_id === c.id })));
        sel.addEventListener("change", async () => { try { await api("PATCH", `/users/${u.id}`, sel.value ? { cohort_id: sel.value } : { clear_cohort: true }); toast(`Moved ${u.name}`); } catch (e) { toast(e.message); } });
        return h("tr", {}, h("td", { text: u.name }), h("td", { text: u.email }), h("td", { text: u.role }), h("td", {}, sel));
      }))),
    h("div", { class: "grid", style: "margin-top:1rem" }, form, cform),
    h("p", { class: "small muted", text: `Cohorts: ${Object.values(cohortName).join(", ") || "none"}` }));
}

// ---- API keys ---------------------------------------------------------------------------------
async function viewKeys() {
  const keys = await api("GET", "/keys");
  const shown = h("div", { "aria-live": "polite" });
  const name = h("input", { id: "k-name", placeholder: "e.g. chatbot test harness" });
  const boxes = ["analyse", "practice", "reviews", "read"].map((s) => h("label", { class: "small" }, h("input", { type: "checkbox", value: s, checked: s === "analyse", style: "width:auto" }), ` ${s}`));
  show(h("h1", { text: "API keys" }),
    h("p", { class: "muted", text: "For machine clients (a platform, an LMS, a chatbot test harness). A key is shown once; only its hash is kept." }),
    h("div", { class: "card" }, h("label", { for: "k-name", text: "Name" }), name, h("div", { role: "group", "aria-label": "Scopes" }, boxes),
      h("button", { class: "primary", type: "button", text: "Create key", onclick: async () => {
        const scopes = boxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
        try { const k = await api("POST", "/keys", { name: name.value || "key", scopes }); shown.replaceChildren(h("p", {}, "Copy it now — it will not be shown again: ", h("code", { text: k.key }))); }
        catch (e) { toast(e.message); } } }), shown),
    h("table", {}, h("thead", {}, h("tr", {}, ["Name", "Starts with", "Scopes", "Last used", ""].map((x) => h("th", { text: x })))),
      h("tbody", {}, keys.map((k) => h("tr", {}, h("td", { text: k.name }), h("td", { text: k.prefix + "…" }), h("td", { text: k.scopes.join(", ") }),
        h("td", { text: k.last_used ? new Date(k.last_used).toLocaleString() : "never" }),
        h("td", {}, k.revoked ? "revoked" : h("button", { class: "secondary", type: "button", text: "Revoke", onclick: async () => { await api("DELETE", `/keys/${k.id}`); viewKeys(); } })))))));
}
