"""Practice scenarios: the file format (docs/scenario-guide.md), loading, and a validator
that explains every mistake with its place in the file."""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError, NotFoundError

SCHEMA = "attunement.scenario/1.0"
LEVELS = ("none", "low", "moderate", "high", "imminent")
ENDS = ("good", "neutral", "disengaged", "escalated")
MIN_NODES = 10
MIN_BEST_PATH = 6
_CONTACT = re.compile(r"\b[\w.+-]+@[\w-]+\.\w{2,}\b|\bhttps?://|\bwww\.|(?:\+?\d[\d ()-]{7,}\d)")


class Client(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,39}$")
    name: str = Field(min_length=1, max_length=60)
    age: int | None = Field(default=None, ge=5, le=110)
    pronouns: str = ""
    background: str = Field(min_length=1, max_length=1500)
    presenting_concern: str = Field(min_length=1, max_length=800)
    emotional_state: str = Field(min_length=1, max_length=800)
    speaking_style: str = Field(default="", max_length=800)


class When(BaseModel):
    """Conditions on the analysis of the trainee's reply; all must hold."""

    model_config = ConfigDict(extra="forbid")
    empathy_min: int | None = Field(default=None, ge=0, le=6)
    empathy_max: int | None = Field(default=None, ge=0, le=6)
    reacts: bool | None = None
    interprets: bool | None = None
    explores: bool | None = None
    roadblock: bool | None = None
    advice: bool | None = None
    asks_about_suicide: bool | None = None
    offers_crisis_line: bool | None = None
    unsafe: bool | None = None

    def holds(self, facts: dict[str, Any]) -> bool:
        for key, want in self.model_dump(exclude_none=True).items():
            if key == "empathy_min" and facts["empathy"] < want:
                return False
            if key == "empathy_max" and facts["empathy"] > want:
                return False
            if key not in ("empathy_min", "empathy_max") and bool(facts[key]) != want:
                return False
        return True


class Branch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    when: When | None = None
    goto: str


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid")
    speaker: str | None = None
    text: str = Field(min_length=1, max_length=600)
    risk: Literal["none", "low", "moderate", "high", "imminent"]
    next: list[Branch] | None = None
    end: Literal["good", "neutral", "disengaged", "escalated"] | None = None


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    schema_: Literal["attunement.scenario/1.0"] = Field(alias="schema")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,79}$")
    title: str = Field(min_length=1, max_length=120)
    summary: str = Field(min_length=1, max_length=800)
    topics: list[str] = Field(min_length=1, max_length=10)
    difficulty: int = Field(ge=1, le=3)
    setting: Literal["peer-support", "counselling", "helpline", "family-session", "couple-session"]
    locale: str = Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")
    risk_emerges: bool
    learning_goals: list[str] = Field(min_length=1, max_length=6)
    clients: list[Client] = Field(min_length=1, max_length=2)
    start: str
    nodes: dict[str, Node]

    def speaker_of(self, node: Node) -> Client:
        wanted = node.speaker or self.clients[0].id
        return next(c for c in self.clients if c.id == wanted)

    def next_node(self, node_id: str, facts: dict[str, Any]) -> str:
        node = self.nodes[node_id]
        for branch in node.next or ():
            if branch.when is None or branch.when.holds(facts):
                return branch.goto
        raise InputError(f"Node {node_id!r} has no branch for this reply.")  # the validator prevents this

    def public(self) -> dict[str, Any]:
        """What a trainee sees before starting (not the script)."""
        return {"id": self.id, "title": self.title, "summary": self.summary, "topics": self.topics,
                "difficulty": self.difficulty, "setting": self.setting, "locale": self.locale,
                "learning_goals": self.learning_goals, "risk_emerges": self.risk_emerges,
                "clients": [{"id": c.id, "name": c.name, "age": c.age, "pronouns": c.pronouns} for c in self.clients]}


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        at = f"line {self.line}, " if self.line else ""
        return f"{at}{self.where}: {self.message}"


def _lines(source: str) -> dict[tuple[str, ...], int]:
    """Each YAML path (keys and list indexes as strings) → its 1-based line."""
    import yaml

    out: dict[tuple[str, ...], int] = {}

    def walk(node: Any, path: tuple[str, ...]) -> None:
        out[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                out[path + (str(k.value),)] = k.start_mark.line + 1
                walk(v, path + (str(k.value),))
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + (str(i),))

    try:
        root = yaml.compose(source)
    except yaml.YAMLError:
        return out
    if root is not None:
        walk(root, ())
    return out


def _friendly(err: dict[str, Any]) -> str:
    kind, msg = err.get("type", ""), err.get("msg", "")
    if kind == "missing":
        return "is required but missing."
    if kind == "extra_forbidden":
        return "is not a field scenarios have (check its spelling in docs/scenario-guide.md)."
    if kind == "literal_error":
        return msg.replace("Input should be", "must be") + "."
    return msg[:1].lower() + msg[1:] + "."


def _graph_problems(sc: Scenario) -> list[Problem]:
    problems: list[Problem] = []
    nodes = sc.nodes
    ids = {c.id for c in sc.clients}
    if len({c.id for c in sc.clients}) != len(sc.clients):
        problems.append(Problem("clients", "two clients share an id."))
    if sc.start not in nodes:
        problems.append(Problem("start", f"names {sc.start!r}, which is not a node."))
    if len(nodes) < MIN_NODES:
        problems.append(Problem("nodes", f"has {len(nodes)} nodes; a scenario needs at least {MIN_NODES}."))
    for nid, node in nodes.items():
        where = f"nodes.{nid}"
        if not re.fullmatch(r"[a-z0-9_][a-z0-9_-]{0,79}", nid):
            problems.append(Problem(where, "node ids are lower-case letters, digits, _ and -."))
        if len(sc.clients) == 2 and node.speaker is None:
            problems.append(Problem(where + ".speaker", "is required when a scenario has two clients."))
        if node.speaker is not None and node.speaker not in ids:
            problems.append(Problem(where + ".speaker", f"{node.speaker!r} is not one of the clients ({', '.join(sorted(ids))})."))
        if _CONTACT.search(node.text):
            problems.append(Problem(where + ".text", "contains what looks like a phone number, e-mail or web address; "
                                    "crisis contacts come from the resources file, never the script."))
        if node.end and node.next:
            problems.append(Problem(where, f"ends the session (end: {node.end}) but also has `next`."))
        if not node.end:
            if not node.next:
                problems.append(Problem(where, "has neither `next` nor `end`: the session would stop here with no outcome."))
                continue
            if node.next[-1].when is not None:
                problems.append(Problem(f"{where}.next.{len(node.next) - 1}",
                                        "the last branch must be the default (no `when`), so every reply leads somewhere."))
            for i, b in enumerate(node.next):
                if b.when is None and i != len(node.next) - 1:
                    problems.append(Problem(f"{where}.next.{i}", "a default branch (no `when`) must come last; "
                                            "the branches after it can never be taken."))
                if b.when is not None and not b.when.model_dump(exclude_none=True):
                    problems.append(Problem(f"{where}.next.{i}.when", "is empty; remove it or add a condition."))
                if b.goto == nid:
                    problems.append(Problem(f"{where}.next.{i}.goto", "links the node back to itself."))
                elif b.goto not in nodes:
                    problems.append(Problem(f"{where}.next.{i}.goto", f"names {b.goto!r}, which is not a node."))
    if problems:
        return problems
    # reachability, and every reachable node can still reach an end
    seen, todo = {sc.start}, [sc.start]
    while todo:
        for b in nodes[todo.pop()].next or ():
            if b.goto not in seen:
                seen.add(b.goto)
                todo.append(b.goto)
    for nid in nodes:
        if nid not in seen:
            problems.append(Problem(f"nodes.{nid}", "cannot be reached from `start`."))
    ending = {n for n, v in nodes.items() if v.end}
    changed = True
    while changed:
        changed = False
        for nid, node in nodes.items():
            if nid not in ending and any(b.goto in ending for b in node.next or ()):
                ending.add(nid)
                changed = True
    for nid in seen - ending:
        problems.append(Problem(f"nodes.{nid}", "starts a loop with no way out: no end can be reached from it."))
    longest = _longest_path(sc, {"good", "escalated"})
    if longest < MIN_BEST_PATH:
        problems.append(Problem("nodes", f"the longest path to a good or escalated end has {longest} client messages; "
                                f"the best path needs at least {MIN_BEST_PATH}."))
    conds = [b.when.model_dump(exclude_none=True) for n in nodes.values() for b in n.next or () if b.when]
    if not any(c.get("empathy_min") or c.get("reacts") or c.get("interprets") or c.get("explores") for c in conds):
        problems.append(Problem("nodes", "no branch rewards a good reply (empathy_min, reacts, interprets or explores)."))
    if not any(c.get("roadblock") or "empathy_max" in c or c.get("unsafe") for c in conds):
        problems.append(Problem("nodes", "no branch shows what roadblocks cost (roadblock: true or empathy_max)."))
    problems += _risk_problems(sc)
    return problems


def _longest_path(sc: Scenario, ends: set[str]) -> int:
    best = 0

    def dfs(nid: str, depth: int, on: set[str]) -> None:
        nonlocal best
        node = sc.nodes[nid]
        if node.end in ends:
            best = max(best, depth)
        for b in node.next or ():
            if b.goto not in on and best < MIN_BEST_PATH:  # enough is enough: simple paths can be many
                on.add(b.goto)
                dfs(b.goto, depth + 1, on)
                on.discard(b.goto)

    dfs(sc.start, 1, {sc.start})
    return best


def _risk_problems(sc: Scenario) -> list[Problem]:
    problems: list[Problem] = []
    rank = {lvl: i for i, lvl in enumerate(LEVELS)}
    at_risk = [nid for nid, n in sc.nodes.items() if rank[n.risk] >= rank["moderate"]]
    if sc.risk_emerges:
        if not at_risk:
            problems.append(Problem("risk_emerges", "is true, but no node is at `moderate` or above."))
        if rank[sc.nodes[sc.start].risk] >= rank["moderate"]:
            problems.append(Problem(f"nodes.{sc.start}.risk", "risk should emerge after a few ordinary turns, not at the start."))
        for nid in at_risk:
            node = sc.nodes[nid]
            if node.end:
                continue
            if not any(b.when is not None and b.when.asks_about_suicide is not None for b in node.next or ()):
                problems.append(Problem(f"nodes.{nid}.next", f"follows a message at `{node.risk}` risk, so it must branch "
                                        "on `asks_about_suicide` (asking directly is what the protocol teaches)."))
        if not any(n.end == "escalated" for n in sc.nodes.values()):
            problems.append(Problem("nodes", "a scenario where risk emerges needs an `end: escalated` (the client "
                                    "connected with crisis support)."))
    else:
        for nid in at_risk:
            problems.append(Problem(f"nodes.{nid}.risk", f"is `{sc.nodes[nid].risk}`, but risk_emerges is false "
                                    "(set it to true, or the level to none/low)."))
    return problems


def check(source: str, name: str = "<scenario>") -> tuple[Scenario | None, list[Problem]]:
    """Parse and validate; returns the scenario (when it parsed) and every problem found."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: several times faster
    try:
        data = yaml.load(source, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(name, f"is not valid YAML: {getattr(exc, 'problem', exc)}.",
                              mark.line + 1 if mark else None)]
    if not isinstance(data, dict):
        return None, [Problem(name, "must be a mapping of fields (schema, id, title, …), see docs/scenario-guide.md.")]
    try:
        sc = Scenario.model_validate(data)
    except ValidationError as exc:
        lines = _lines(source)
        out = []
        for err in exc.errors():
            path = tuple(str(x) for x in err.get("loc", ()))
            where = ".".join(path) or name
            out.append(Problem(where, _friendly(err), lines.get(path) or lines.get(path[:-1])))
        return None, out
    problems = _graph_problems(sc)
    if not problems:
        return sc, []
    lines = _lines(source)
    return sc, [Problem(p.where, p.message, p.line or lines.get(tuple(p.where.split(".")))) for p in problems]


def load(source: str, name: str = "<scenario>") -> Scenario:
    sc, problems = check(source, name)
    if problems or sc is None:
        raise InputError(f"{name} is not a valid scenario: " + "; ".join(str(p) for p in problems[:5])
                         + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""),
                         hint="Run `attune scenarios validate FILE` to see every problem.")
    return sc


_BUNDLED_LOCK = threading.Lock()


def bundled() -> dict[str, Scenario]:
    """The scenarios shipped with the package, by id (read once, even when many requests
    ask at the same moment)."""
    with _BUNDLED_LOCK:
        return _bundled()


@lru_cache(maxsize=1)
def _bundled() -> dict[str, Scenario]:
    folder = resources.files("attunement") / "resources" / "scenarios"
    out: dict[str, Scenario] = {}
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith((".yaml", ".yml")):
            sc = load(entry.read_text(encoding="utf-8"), entry.name)
            out[sc.id] = sc
    return out


def bundled_scenario(scenario_id: str) -> Scenario:
    try:
        return bundled()[scenario_id]
    except KeyError:
        raise NotFoundError(f"No scenario {scenario_id!r}.") from None


def read_file(path: str | Path) -> str:
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{p} is not UTF-8 text.") from None
    except OSError as exc:
        raise InputError(f"Cannot read {p}: {exc.strerror}.") from None
