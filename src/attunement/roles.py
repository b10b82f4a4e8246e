"""Who is the helper and who are the clients: given (`--helper`, a roles file, a role
column) or inferred from names and from how each person talks — with a confidence that
the report shows, so a wrong guess is never silent.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TranscriptError
from .io.transcripts import Transcript
from .mi_cues import HELPER_CUES
from .text import words

HELPER_WORDS = {"helper", "therapist", "counsellor", "counselor", "clinician", "interviewer", "supporter", "peer",
                "coach", "bot", "assistant", "agent", "volunteer", "listener", "facilitator", "practitioner",
                "psychologist", "psychiatrist", "nurse", "doctor", "social worker", "caseworker", "provider", "mi"}
CLIENT_WORDS = {"client", "patient", "seeker", "user", "caller", "member", "participant", "texter", "mother",
                "father", "mom", "mum", "dad", "parent", "teen", "teenager", "son", "daughter", "partner", "husband",
                "wife", "child", "youth", "student"}
OTHER_WORDS = {"other", "observer", "interpreter", "narrator"}
_NAME_HINT_HELPER = re.compile(r"^(dr\.?|doctor|prof\.?|therapist|counsel+or|t|th|c?mi|helper|coach|interviewer|"
                               r"clinician|nurse|bot|assistant|agent)\b|\b(therapist|counsel+or|clinician|helper|"
                               r"coach|volunteer|bot|assistant|interviewer|facilitator)\b", re.IGNORECASE)
_NAME_HINT_CLIENT = re.compile(r"^(client|patient|p|c|user|caller|seeker)\b|\b(client|patient|caller|seeker)\b",
                               re.IGNORECASE)


@dataclass
class RoleAssignment:
    roles: dict[str, str]  # speaker name -> helper | client | other
    method: str  # given | file | column | names | inferred
    confidence: float
    reasons: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def helpers(self) -> list[str]:
        return [s for s, r in self.roles.items() if r == "helper"]

    @property
    def clients(self) -> list[str]:
        return [s for s, r in self.roles.items() if r == "client"]


def normalise_role(value: str) -> str:
    v = value.strip().lower()
    if v in HELPER_WORDS:
        return "helper"
    if v in CLIENT_WORDS:
        return "client"
    if v in OTHER_WORDS:
        return "other"
    raise TranscriptError(f"Unknown role {value!r}: use helper, client or other (or a word like therapist, patient).")


def read_roles_file(path: str | Path) -> dict[str, str]:
    """JSON {"Name": "helper", …} or lines `Name: role` / `Name = role`."""
    p = Path(path)
    if not p.exists():
        raise TranscriptError(f"No roles file at {path}.")
    text = p.read_text(encoding="utf-8", errors="replace")
    if text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise TranscriptError(f"{path} is not valid JSON ({exc.msg} at line {exc.lineno}).") from None
        return {str(k).strip(): normalise_role(str(v)) for k, v in data.items()}
    out = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^\s*(.+?)\s*[:=]\s*(\w[\w ]*)\s*$", line)
        if not m:
            raise TranscriptError(f"{path}:{n}: expected 'Name: role', got {line.strip()!r}.")
        out[m.group(1)] = normalise_role(m.group(2))
    return out


def _match(name: str, speakers: list[str]) -> str | None:
    for s in speakers:
        if s == name or s.lower() == name.strip().lower():
            return s
    return None


def assign_roles(transcript: Transcript, helpers: list[str] | None = None,
                 roles: dict[str, str] | None = None) -> RoleAssignment:
    speakers = transcript.speakers
    if len(speakers) < 2:
        raise TranscriptError(f"{transcript.source}: only one speaker ({speakers[0]!r}) — a review needs a helper and "
                              "at least one client.", hint="Check that each turn starts with 'Name:'.")
    if helpers:
        out: dict[str, str] = {}
        for h in helpers:
            s = _match(h, speakers)
            if s is None:
                raise TranscriptError(f"--helper {h!r} is not a speaker in {transcript.source}; the speakers are "
                                      + ", ".join(repr(x) for x in speakers) + ".")
            out[s] = "helper"
        for s in speakers:
            out.setdefault(s, "client")
        return RoleAssignment(out, "given", 1.0, [f"helper given: {', '.join(helpers)}"])
    if roles:
        out, warnings = {}, []
        for name, role in roles.items():
            s = _match(name, speakers)
            if s is None:
                warnings.append(f"the roles file names {name!r}, who does not speak in this transcript")
            else:
                out[s] = role
        missing = [s for s in speakers if s not in out]
        for s in missing:
            out[s] = "client"
        if missing:
            warnings.append("not in the roles file, so taken as clients: " + ", ".join(missing))
        if "helper" not in out.values():
            raise TranscriptError("The roles file names no helper who speaks in this transcript.")
        return RoleAssignment(out, "file", 1.0, ["roles from file"], warnings)
    column = {t.speaker: t.role for t in transcript.turns if t.role}
    if column and len(column) == len(speakers):
        out = {s: normalise_role(r) for s, r in column.items()}
        if "helper" in out.values() and "client" in out.values():
            return RoleAssignment(out, "column", 1.0, ["roles from the file's role column"])
    return infer_roles(transcript)


def helperness(texts: list[str]) -> float:
    """How much a person talks like a helper: asks, reflects, says 'you' more than 'I'."""
    if not texts:
        return 0.0
    q = refl = you = me = 0.0
    for t in texts:
        plain = t.replace("’", "'")
        q += 1.0 if "?" in plain else 0.0
        refl += 1.0 if HELPER_CUES["reflect_start"].search(plain) or HELPER_CUES["you_feel"].search(plain) else 0.0
        ws = [w.text.lower() for w in words(plain)]
        you += sum(w in ("you", "your", "you're", "you've", "yourself") for w in ws)
        me += sum(w in ("i", "i'm", "i've", "me", "my", "myself") for w in ws)
    n = len(texts)
    return q / n + refl / n + 1.5 * (you - me) / (you + me + 1.0)


def infer_roles(transcript: Transcript) -> RoleAssignment:
    speakers = transcript.speakers
    by_name = {s: (1 if _NAME_HINT_HELPER.search(s) else -1 if _NAME_HINT_CLIENT.search(s) else 0) for s in speakers}
    if sum(v == 1 for v in by_name.values()) == 1 and all(v != 0 for v in by_name.values()):
        out = {s: ("helper" if v == 1 else "client") for s, v in by_name.items()}
        return RoleAssignment(out, "names", 0.95, ["roles read from the speaker names"])
    texts: dict[str, list[str]] = {s: [] for s in speakers}
    for t in transcript.turns:
        texts[t.speaker].append(t.text)
    scores = {s: helperness(texts[s]) + 1.0 * by_name[s] for s in speakers}
    ranked = sorted(speakers, key=lambda s: -scores[s])
    margin = scores[ranked[0]] - scores[ranked[1]]
    confidence = round(1.0 / (1.0 + math.exp(-4.0 * margin)), 3)
    out = {s: ("helper" if s == ranked[0] else "client") for s in speakers}
    reasons = [f"{ranked[0]!r} talks most like a helper (questions, reflections, 'you' more than 'I'): score "
               f"{scores[ranked[0]]:.2f} vs {scores[ranked[1]]:.2f} for {ranked[1]!r}"]
    warnings = []
    if confidence < 0.8:
        warnings.append(f"roles are uncertain (confidence {confidence:.0%}): pass --helper NAME to be sure")
    return RoleAssignment(out, "inferred", confidence, reasons, warnings)
