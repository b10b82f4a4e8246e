"""Optional: proposals from any OpenAI-compatible chat endpoint (a local Ollama,
llama.cpp or vLLM server), configured by URL. Its proposals become the same edit
operations as the phrase bank's and pass the same checks: re-scored by the engine, unsafe
wording dropped, and at risk >= moderate completed with the safety protocol's steps.
Nothing is sent anywhere the user did not configure; the default coach uses no LLM.
"""
from __future__ import annotations

import json
import random
import re
import urllib.error
import urllib.request
from typing import TYPE_CHECKING

from ..errors import BackendError, check_param
from ..model import EditOperation, EmpathyScore
from ..safety import check_helper_text
from ..text import sentences
from . import edits
from .bank import BANNED, SAFETY_ASK
from .slots import Slots

if TYPE_CHECKING:
    from .planner import Candidate, Planner

MAX_EDIT_CHARS = 400
SYSTEM = """You coach peer supporters to write more empathic replies. You never rewrite the whole reply: you \
propose small edits. Rules: keep every fact the helper wrote; never invent facts about the helper or the seeker; \
no self-disclosure; name the seeker's feeling tentatively ("It sounds like..."); ask open questions about their \
experience; ask permission before advice; no platitudes, no minimising, never "I know exactly how you feel". \
Match the helper's register ({register}). {safety}
Answer with JSON only: {{"suggestions": [{{"operations": [{{"op": "insert", "position": "start" | "end" | \
"after_sentence", "sentence": <1-based index, only for after_sentence>, "text": "<one sentence>"}}, {{"op": \
"replace", "original": "<exact text copied from the reply>", "text": "<replacement>"}}]}}]}} with up to {n} \
suggestions, best first."""
SAFETY_RULE = ("The seeker may be thinking about suicide. Every suggestion must acknowledge them, ask directly and "
               "calmly whether they are thinking about suicide, and point to {resource}; never argue or minimise.")


class LLMBackend:
    """Proposals from an OpenAI-compatible `/chat/completions` endpoint."""

    def __init__(self, url: str, model: str = "local", api_key: str | None = None, timeout: float = 20.0,
                 temperature: float = 0.0, seed: int = 0, n: int = 3) -> None:
        check_param("url", "LLMBackend", url, isinstance(url, str) and url.startswith(("http://", "https://")),
                    "an http(s) URL")
        check_param("n", "LLMBackend", n, isinstance(n, int) and 1 <= n <= 8, "an int in [1, 8]")
        self.url = url
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.temperature = temperature
        self.seed = seed
        self.n = n

    @property
    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        if base.endswith("/chat/completions"):
            return base
        return base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")

    def complete(self, messages: list[dict[str, str]]) -> str:
        body = json.dumps({"model": self.model, "messages": messages, "temperature": self.temperature,
                           "seed": self.seed, "response_format": {"type": "json_object"}}).encode()
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        req = urllib.request.Request(self.endpoint, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                payload = json.loads(resp.read(2_000_000).decode("utf-8"))
        except (urllib.error.URLError, OSError, TimeoutError) as exc:
            raise BackendError(f"The LLM at {self.endpoint} did not answer ({exc}).") from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise BackendError(f"The LLM at {self.endpoint} did not return JSON.") from None
        try:
            return str(payload["choices"][0]["message"]["content"])
        except (KeyError, IndexError, TypeError):
            raise BackendError(f"The LLM at {self.endpoint} answered without choices[0].message.content.") from None

    def messages(self, post: str, reply: str, slots: Slots, register: str, safety: bool, resource: str
                 ) -> list[dict[str, str]]:
        system = SYSTEM.format(register=register, n=self.n,
                               safety=SAFETY_RULE.format(resource=resource) if safety else "")
        numbered = "\n".join(f"{i}. {s.text}" for i, s in enumerate(sentences(reply), 1))
        user = json.dumps({"seeker_post": post, "reply": reply, "reply_sentences": numbered,
                           "seeker_feeling": slots.feeling, "seeker_situation": slots.situation,
                           "safety": safety, "crisis_resource": resource if safety else None}, ensure_ascii=False)
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def propose(self, post: str, reply: str, empathy: EmpathyScore, slots: Slots, register: str, safety: bool,
                planner: "Planner", resource: str, lowercase: bool, rng: random.Random) -> list["Candidate"]:
        content = self.complete(self.messages(post, reply, slots, register, safety, resource))
        return parse_proposals(content, reply, safety, planner, slots, register, resource, lowercase, rng)


def _json_block(content: str) -> dict:
    try:
        data = json.loads(content)
    except json.JSONDecodeError:
        m = re.search(r"\{.*\}", content, re.DOTALL)
        if not m:
            raise BackendError("The LLM's answer held no JSON object.") from None
        try:
            data = json.loads(m.group())
        except json.JSONDecodeError:
            raise BackendError("The LLM's answer held malformed JSON.") from None
    if not isinstance(data, dict):
        raise BackendError("The LLM's answer was not a JSON object.")
    return data


def acceptable(text: str) -> bool:
    """An LLM's sentence passes the phrase bank's own rules and the helper-text check."""
    if not text or len(text) > MAX_EDIT_CHARS or "{" in text:
        return False
    if any(pat.search(text) for why, pat in BANNED if not why.startswith("advice")):
        return False
    return not any(f.kind != "language" for f in check_helper_text(text))


def parse_proposals(content: str, reply: str, safety: bool, planner: "Planner", slots: Slots, register: str,
                    resource: str, lowercase: bool, rng: random.Random) -> list["Candidate"]:
    from .planner import Candidate, PhrasePicker, fill

    data = _json_block(content)
    sents = sentences(reply)
    out: list[Candidate] = []
    for sug in (data.get("suggestions") or [])[:8]:
        raw_ops = sug.get("operations") if isinstance(sug, dict) else None
        if not isinstance(raw_ops, list):
            continue
        ops: list[EditOperation] = []
        for raw in raw_ops[:6]:
            if not isinstance(raw, dict):
                continue
            text = str(raw.get("text", "")).strip()
            if raw.get("op") == "replace":
                original = str(raw.get("original", ""))
                at = reply.find(original) if original else -1
                if at < 0 or not acceptable(text) or edits.overlaps(ops, at, at + len(original)):
                    continue
                ops.append(EditOperation(op="replace", start=at, end=at + len(original), original=original, text=text,
                                         where=f"replace “{original}”", reason="Suggested by the local LLM.",
                                         mechanism=None, phrase_id="llm"))
            elif raw.get("op") == "insert" and acceptable(text):
                pos = raw.get("position")
                if pos == "start":
                    at, where = 0, "at the start"
                elif pos == "after_sentence" and isinstance(raw.get("sentence"), int) and 1 <= raw["sentence"] <= len(sents):
                    at, where = sents[raw["sentence"] - 1].end, f"after sentence {raw['sentence']}"
                else:
                    at, where = edits.end_point(reply)
                follows = any(o.op == "insert" and o.start == at for o in ops)
                ops.append(EditOperation(op="insert", start=at, end=at, original="", text=edits.join_insert(reply, at, text, follows),
                                         where=where, reason="Suggested by the local LLM.", mechanism=None, phrase_id="llm"))
        if not ops:
            continue
        if safety:  # the same gate as the phrase bank: the protocol's steps must be there
            joined = " ".join(o.text for o in ops) + " " + reply
            picker = PhrasePicker(planner.pools(register, slots), rng)
            at, where = edits.end_point(reply)
            for kind, present in (("safety_ask", SAFETY_ASK.search(joined)), ("safety_connect", resource in joined)):
                phrase = None if present else picker.pick(kind)
                if phrase is not None:
                    follows = any(o.op == "insert" and o.start == at for o in ops)
                    ops.append(EditOperation(op="insert", start=at, end=at, original="", where=where,
                                             text=edits.join_insert(reply, at, fill(phrase, slots, resource, lowercase, 0),
                                                                    follows),
                                             reason="Added so the suggestion follows the safety protocol.",
                                             mechanism="safety", phrase_id=phrase.id))
        out.append(Candidate(ops=ops, phrases=[o.phrase_id or "" for o in ops]))
    return out
