"""A practice session: the client's scripted message, the trainee's reply analysed by the
coach (exact scoring), the script's next node chosen from what the reply did, every turn
stored (redacted, encrypted), and a debrief — the review report of the whole session and
what to practise next."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import logging

from ..errors import ConflictError, InputError, NotFoundError
from ..io.transcripts import RawTurn, Transcript
from .facts import reply_facts
from .scenario import Scenario, bundled, load

if TYPE_CHECKING:
    from ..coach import Coach
    from ..model import CoachResult
    from ..store.accounts import Principal
    from ..store.repository import Store

log = logging.getLogger("attunement.practice")
RANK = {"none": 0, "low": 1, "moderate": 2, "high": 3, "imminent": 4}
NEXT_STEPS = {
    "missing_emotional_reactions": "Name the feeling you hear before anything else (\"that sounds so lonely\").",
    "missing_interpretations": "Reflect what the person means, not only what they said (\"it sounds like you feel "
                               "you have to hold everyone together\").",
    "missing_explorations": "Ask one open question about their experience (\"what has that been like for you?\").",
    "advice_first": "Ask before advising (\"would it help to think about options together, or do you want to be "
                    "heard first?\").",
    "minimising": "Leave out \"at least…\" and \"it could be worse\"; stay with how big it is for them.",
    "platitude": "Swap stock phrases for the person's own words reflected back.",
    "premature_reassurance": "Hold off on \"it'll be fine\" until you understand what they fear.",
    "judging": "Describe what you heard without judging it.",
    "know_exactly": "Say what you imagine it is like for them, rather than that you know exactly.",
    "changing_subject": "Stay with what they brought before moving on.",
    "self_focus": "Keep the spotlight on them; one short line about yourself is enough.",
    "safety": "When risk appears: ask directly about suicide, stay, and connect to crisis support — practise "
              "with a scenario where risk emerges.",
}


class Practice:
    def __init__(self, store: "Store", coach: "Coach", live: "Coach | None" = None) -> None:
        self.store = store
        self.coach = coach
        self.live = live or coach
        self._parsed: dict[tuple[str, int], Scenario | None] = {}

    def feedback(self, p: "Principal", session_id: str, draft: str) -> "CoachResult":
        """Live feedback on a draft (nothing stored): only for the trainee in the session."""
        from ..errors import PermissionDeniedError

        row, risks = self.store.records.client_risks(p, session_id)
        if row.user_id != p.user_id:
            raise PermissionDeniedError("Only the trainee in this session can get feedback on it.")
        sc = self.scenario(row.scenario_id)
        level = max(risks, key=lambda x: RANK.get(x, 0), default="none")
        return self.live.coach(sc.nodes[row.node].text, draft, context_level=level, locale=sc.locale)

    # ---- scenarios: the bundled ones and those trainers added ----------------------------
    def scenarios(self) -> dict[str, Scenario]:
        out = dict(bundled())
        for sid, source in self.store.records.scenario_sources().items():
            sc = self._stored(sid, source)
            if sc is not None:
                out.setdefault(sid, sc)
        return out

    def _stored(self, sid: str, source: str) -> Scenario | None:
        """A trainer's scenario, parsed once per version of its file."""
        key = (sid, hash(source))
        if key not in self._parsed:
            try:
                self._parsed[key] = load(source, sid)
            except InputError:  # stored before a stricter validator; one bad file hides only itself
                log.warning("stored scenario %s no longer validates; skipped", sid)
                self._parsed[key] = None
        return self._parsed[key]

    def scenario(self, scenario_id: str) -> Scenario:
        sc = bundled().get(scenario_id)
        if sc is None:
            source = self.store.records.scenario_source(scenario_id)
            sc = self._stored(scenario_id, source) if source is not None else None
        if sc is None:
            raise NotFoundError(f"No scenario {scenario_id!r}.")
        return sc

    # ---- a session ------------------------------------------------------------------------
    def start(self, p: "Principal", scenario_id: str) -> dict[str, Any]:
        sc = self.scenario(scenario_id)
        row = self.store.records.start_practice(p, sc.id, sc.start)
        self._client_turn(p, row.id, sc, sc.start)
        return self.view(p, row.id)

    def _client_turn(self, p: "Principal", session_id: str, sc: Scenario, node_id: str,
                     outcome: str | None = None) -> None:
        node = sc.nodes[node_id]
        self.store.records.add_turn(p, session_id, sc.speaker_of(node).name, "client", node.text,
                                    metrics={"risk": node.risk}, move_to=node_id, outcome=outcome, redact=False)

    def reply(self, p: "Principal", session_id: str, text: str) -> dict[str, Any]:
        """Analyse the trainee's reply, store it, and answer with the client's next message."""
        row = self.store.records.practice_row(p, session_id, write=True)
        if row.status != "active":
            raise ConflictError("This practice session has ended; start a new one to keep practising.")
        sc = self.scenario(row.scenario_id)
        node = sc.nodes[row.node]
        reply = self.store.redactor(text)  # what is analysed is what is stored
        level = self._context_level(p, session_id)
        result = self.coach.coach(node.text, reply, context_level=level, locale=sc.locale)
        facts = reply_facts(result, reply)
        protocol = result.safety is not None
        metrics = {"empathy": facts["empathy"], "er": result.empathy.emotional_reactions.level,
                   "ip": result.empathy.interpretations.level, "ex": result.empathy.explorations.level,
                   "roadblocks": facts["roadblocks"], "asked_about_suicide": facts["asks_about_suicide"],
                   "offered_crisis_line": facts["offers_crisis_line"], "unsafe": facts["unsafe"],
                   "client_risk": result.seeker.risk.level, "protocol_needed": protocol,
                   "protocol_followed": (facts["asks_about_suicide"] and facts["offers_crisis_line"]) if protocol else None,
                   "client_intensity": max((e.score for e in result.seeker.emotions if e.label != "neutral"), default=0.0)}
        nxt = sc.next_node(row.node, facts)
        self.store.records.add_turn(p, session_id, "trainee", "helper", reply,
                                    analysis=result.model_dump(mode="json"), metrics=metrics)
        end = sc.nodes[nxt].end
        self._client_turn(p, session_id, sc, nxt, outcome=end)
        view = self.view(p, session_id)
        view["last_reply"] = {"facts": {k: v for k, v in facts.items()}, "coach": result.model_dump(mode="json")}
        return view

    def _context_level(self, p: "Principal", session_id: str) -> str:
        """The client's highest risk so far, as the script's author rated it."""
        _, levels = self.store.records.client_risks(p, session_id)
        return max(levels, key=lambda x: RANK.get(x, 0), default="none")

    def finish(self, p: "Principal", session_id: str) -> dict[str, Any]:
        self.store.records.end_practice(p, session_id, "neutral")
        return self.view(p, session_id)

    def view(self, p: "Principal", session_id: str) -> dict[str, Any]:
        data = self.store.records.practice(p, session_id)
        sc = self.scenario(data["scenario_id"])
        node = sc.nodes.get(data["node"])
        client_risk = max((t["metrics"].get("risk", "none") for t in data["turns"] if t["role"] == "client"
                           and t["metrics"]), key=lambda x: RANK.get(x, 0), default="none")
        turns = [{k: t[k] for k in ("index", "speaker", "role", "text", "metrics", "at")} for t in data["turns"]]
        return {"id": data["id"], "user_id": data["user_id"], "scenario": sc.public(), "status": data["status"],
                "outcome": data["outcome"], "started_at": data["started_at"], "ended_at": data["ended_at"],
                "client_message": node.text if node else "", "client_speaker": sc.speaker_of(node).name if node else "",
                "highest_client_risk": client_risk, "turns": turns}

    # ---- after the session ------------------------------------------------------------------
    def debrief(self, p: "Principal", session_id: str) -> dict[str, Any]:
        from ..review import review_transcript

        data = self.store.records.practice(p, session_id)
        sc = self.scenario(data["scenario_id"])
        raw = [RawTurn(speaker="Trainee" if t["role"] == "helper" else t["speaker"], text=t["text"], line=t["index"])
               for t in data["turns"]]
        if not any(t["role"] == "helper" for t in data["turns"]):
            raise ConflictError("There is nothing to debrief yet: reply to the client at least once.")
        report = review_transcript(self.coach.pipeline, Transcript(source=f"practice:{session_id}", format="practice",
                                                                  turns=raw), helpers=["Trainee"], id=session_id)
        helper = [t for t in data["turns"] if t["role"] == "helper"]
        counts: dict[str, int] = {}
        for t in helper:
            for kind in (t["metrics"] or {}).get("roadblocks", []):
                counts[kind] = counts.get(kind, 0) + 1
            m = t["metrics"] or {}
            for key, mech in (("er", "emotional_reactions"), ("ip", "interpretations"), ("ex", "explorations")):
                if m.get(key, 0) == 0:
                    counts[f"missing_{mech}"] = counts.get(f"missing_{mech}", 0) + 1
            if m.get("protocol_needed") and not m.get("protocol_followed"):
                counts["safety"] = counts.get("safety", 0) + 3  # a missed protocol outranks style
        practise = [NEXT_STEPS[k] for k, _ in sorted(counts.items(), key=lambda kv: -kv[1]) if k in NEXT_STEPS][:3]
        mean = sum((t["metrics"] or {}).get("empathy", 0) for t in helper) / len(helper)
        return {"session": self.view(p, session_id), "outcome": data["outcome"],
                "mean_empathy": round(mean, 2), "replies": len(helper), "practise_next": practise,
                "learning_goals": sc.learning_goals, "report": report.model_dump(mode="json")}
