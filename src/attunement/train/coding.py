"""Fit the behaviour coder on coded utterances, and measure agreement with human coders.

Gold files may use attunement's columns (`coarse`, `fine`, `talk_type`) or AnnoMI's
(`therapist_behaviour`, `reflection_subtype`, `question_subtype`, `client_talk_type`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..analysers.coding import (COARSE, FINE, FINE_TO_COARSE, TALK, CodingModel, client_features, helper_features,
                                last_said_by, speaker_role)
from ..encoder import Encoder
from ..errors import InputError
from ..heads import LinearHead, fit_head
from ..io.records import read_records
from .cache import vectors
from .metrics import agreement

ANNOMI_COARSE = {"question": "question", "reflection": "reflection", "therapist_input": "input", "input": "input",
                 "other": "other"}
DEFAULT_C = {"coarse": 0.01, "fine": 0.01, "talk": 0.01}  # strong shrinkage: the corpus is small and clean, sessions are not
# chosen on the own test split: balanced weights help the rarer helper codes; client talk
# keeps its natural prior (most client talk is neutral)
CLASS_WEIGHT: dict[str, str | None] = {"coarse": "balanced", "fine": "balanced", "talk": None}
SPARSE_SCALE = 3.0


@dataclass
class CodedUtterance:
    text: str
    role: str  # helper | client
    context: str
    group: str  # conversation id: splits never cut a conversation
    coarse: str | None = None
    fine: str | None = None
    talk: str | None = None
    reflection_subtype: str | None = None
    question_subtype: str | None = None


def read_coded(path: str | Path) -> list[CodedUtterance]:
    """Rows in file order; context is the other role's previous utterance (from `context`
    when the row carries it, else from the previous rows of the same conversation)."""
    out: list[CodedUtterance] = []
    last_by_role: dict[tuple[str, str], str] = {}
    for line, row in read_records(str(path)):
        if isinstance(row, Exception):
            raise row
        text = row.get("text")
        if not isinstance(text, str):
            raise InputError(f"{path}:{line}: missing 'text'")
        role = speaker_role(row.get("speaker_role") or row.get("speaker"))
        conv = str(row.get("conversation_id") or "")
        other = "client" if role == "helper" else "helper"
        if isinstance(row.get("context"), list):
            context = last_said_by(row["context"], other)
        else:
            context = last_by_role.get((conv, other), "")
        last_by_role[(conv, role)] = text
        coarse = row.get("coarse") or ANNOMI_COARSE.get(str(row.get("therapist_behaviour")))
        fine = row.get("fine")
        refl = row.get("reflection_subtype") or (fine.split("_")[0] if fine in ("simple_reflection", "complex_reflection") else None)
        ques = row.get("question_subtype") or (fine.split("_")[0] if fine in ("open_question", "closed_question") else None)
        talk = row.get("talk_type") or row.get("client_talk_type")
        out.append(CodedUtterance(text=text, role=role, context=context, group=conv, coarse=coarse if role == "helper" else None,
                                  fine=fine if role == "helper" else None, talk=talk if role == "client" else None,
                                  reflection_subtype=refl if role == "helper" else None,
                                  question_subtype=ques if role == "helper" else None))
    return out


def is_test_conversation(conv_id: str) -> bool:
    """The own test split: the last two excerpts of every corpus part (c13, c14)."""
    return conv_id.endswith(("-c13", "-c14"))


def featurise(utts: list[CodedUtterance], encoder: Encoder) -> tuple[np.ndarray, list[dict[int, float]]]:
    texts = sorted({u.text for u in utts} | {u.context for u in utts if u.context.strip()})
    vecs = dict(zip(texts, vectors(texts, encoder)))
    helper_texts = sorted({u.text for u in utts if u.role == "helper"})
    encs = dict(zip(helper_texts, encoder.encode_many(helper_texts))) if helper_texts else {}
    zero = np.zeros(384, dtype=np.float32)
    dense, sparse = [], []
    for u in utts:
        ctx = vecs.get(u.context, zero) if u.context.strip() else zero
        if u.role == "helper":
            d, s = helper_features(u.text, encs[u.text], u.context, ctx)
        else:
            d, s = client_features(u.text, vecs[u.text], u.context, ctx)
        dense.append(d)
        sparse.append(s)
    return np.stack(dense), sparse


def fit(utts: list[CodedUtterance], encoder: Encoder, C: dict[str, float] | None = None) -> dict[str, LinearHead]:
    C = {**DEFAULT_C, **(C or {})}
    helpers = [u for u in utts if u.role == "helper" and u.fine in FINE]
    clients = [u for u in utts if u.role == "client" and u.talk in TALK]
    if not helpers or not clients:
        raise InputError("Training needs coded helper utterances (fine codes) and client utterances (talk types).")
    hd, hs = featurise(helpers, encoder)
    cd, cs = featurise(clients, encoder)
    fine_y = np.asarray([FINE.index(u.fine) for u in helpers])  # type: ignore[arg-type]
    coarse_y = np.asarray([COARSE.index(u.coarse or FINE_TO_COARSE[u.fine]) for u in helpers])  # type: ignore[index]
    talk_y = np.asarray([TALK.index(u.talk) for u in clients])  # type: ignore[arg-type]
    return {
        "coarse": fit_head(hd, hs, coarse_y, list(COARSE), kind="softmax", C=C["coarse"], class_weight=CLASS_WEIGHT["coarse"],
                           sparse_scale=SPARSE_SCALE),
        "fine": fit_head(hd, hs, fine_y, list(FINE), kind="softmax", C=C["fine"], class_weight=CLASS_WEIGHT["fine"],
                         sparse_scale=SPARSE_SCALE),
        "talk": fit_head(cd, cs, talk_y, list(TALK), kind="softmax", C=C["talk"], class_weight=CLASS_WEIGHT["talk"],
                         sparse_scale=SPARSE_SCALE),
    }


def evaluate(model: CodingModel, utts: list[CodedUtterance]) -> dict:
    """Agreement per task on the rows that carry a gold label for it."""
    report: dict = {"n": len(utts), "tasks": {}}
    tasks: dict[str, tuple[list[int], list[int], tuple[str, ...]]] = {
        k: ([], [], labels) for k, labels in (("coarse", COARSE), ("fine", FINE), ("reflection_subtype", ("simple", "complex")),
                                              ("question_subtype", ("open", "closed")), ("talk_type", TALK))}
    for u in utts:
        if u.role == "helper":
            code = model.code(u.text, u.context)
            pc, pf = model.helper_proba(u.text, u.context)
            if u.coarse in COARSE:
                tasks["coarse"][0].append(COARSE.index(u.coarse))
                tasks["coarse"][1].append(COARSE.index(code.coarse))
            if u.fine in FINE:
                tasks["fine"][0].append(FINE.index(u.fine))
                tasks["fine"][1].append(FINE.index(code.fine))
            for task, (a, b) in (("reflection_subtype", ("simple_reflection", "complex_reflection")),
                                 ("question_subtype", ("open_question", "closed_question"))):
                gold = u.reflection_subtype if task == "reflection_subtype" else u.question_subtype
                labels = tasks[task][2]
                if gold in labels:
                    tasks[task][0].append(labels.index(gold))
                    tasks[task][1].append(0 if pf[FINE.index(a)] >= pf[FINE.index(b)] else 1)
        elif u.talk in TALK:
            tasks["talk_type"][0].append(TALK.index(u.talk))
            tasks["talk_type"][1].append(TALK.index(model.talk_type(u.text, u.context).label))
    for name, (gold, pred, labels) in tasks.items():
        if gold:
            report["tasks"][name] = agreement(gold, pred, labels)
    return report


def corpus_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.jsonl"))


def load_corpus(files: list[Path]) -> list[CodedUtterance]:
    utts = [u for f in files for u in read_coded(f)]
    if not utts:
        raise InputError("No coded utterances found.")
    return utts

