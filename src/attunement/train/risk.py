"""Fit the risk head and measure the risk analyser against labelled messages."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ..analysers.risk import RiskModel, apply_rules, rule_features
from ..encoder import Encoder
from ..errors import InputError, RecordError
from ..features import hashed_ngrams
from ..heads import LinearHead, fit_head
from ..io.records import read_records
from ..model import RISK_LEVELS, RiskAssessment
from .cache import vectors
from .metrics import agreement

SPARSE_SCALE = 10.0  # chosen by 5-fold grouped CV on train.jsonl
HARD_NEGATIVE = {"idiom", "hyperbole", "fiction_news_study", "third_party"}


def read_messages(path: Path) -> list[dict]:
    rows = []
    for n, row in read_records(str(path)):
        if isinstance(row, RecordError):
            raise row
        if row.get("level") not in RISK_LEVELS or not isinstance(row.get("text"), str):
            raise InputError(f"{path}:{n}: needs 'text' and 'level' (one of {', '.join(RISK_LEVELS)}).")
        rows.append(row)
    return rows


def contexts(rows: list[dict], levels: list[int]) -> list[int]:
    """For each message, the highest level voiced earlier in its conversation."""
    seen: dict[str, int] = {}
    order = sorted(range(len(rows)), key=lambda i: (str(rows[i].get("conversation_id") or f"_{i}"),
                                                    int(rows[i].get("turn_index") or 0)))
    ctx = [0] * len(rows)
    for i in order:
        conv = rows[i].get("conversation_id")
        if conv is None:
            continue
        ctx[i] = seen.get(str(conv), 0)
        seen[str(conv)] = max(ctx[i], levels[i])
    return ctx


def everyday_negatives(folder: Path, n: int = 3000, seed: int = 0) -> list[str]:
    """Ordinary comments from GoEmotions (CC BY 4.0) as extra `none` examples, so the head
    learns what everyday talk — idioms and jokes included — looks like. Comments with
    any risk cue or death word are left out, since they could be real disclosures."""
    import random
    import re

    from .goemotions import read_split

    risky = re.compile(r"suicid|kill\w*\s+(my|your|him|her|them)sel|\bdie\b|\bdead\b|\bdeath\b|\bcut(ting)?\s+my|"
                       r"self[\s-]?harm|overdos|end\s+it|kms|unalive|better\s+off|wake\s+up|hopeless|worthless",
                       re.IGNORECASE)
    texts, _ = read_split(Path(folder), "train")
    pool = [t for t in texts if not risky.search(t) and apply_rules(t).level == 0]
    return sorted(random.Random(seed).sample(pool, min(n, len(pool))))


def support_post_negatives() -> list[str]:
    """Seeker posts of the project's empathy corpus (grief, illness, work, family…) with no
    risk cue and no death or self-harm word: hard everyday negatives, so that talk about a
    death in the family is not read as the writer's own risk."""
    import re

    from .corpus import builtin_files, read_pairs

    risky = re.compile(r"suicid|kill|\bdie\b|dying|\bdead\b|wake\s+up|end\s+it|disappear|not\s+be\s+here|"
                       r"\bgone\b|burden|hurt\s+myself|cut|pills|overdos|exist|alive|living|can'?t\s+go\s+on|"
                       r"\bgive\s+up|hopeless|worthless|no\s+point|better\s+off|goodbye|sleep\s+forever", re.IGNORECASE)
    posts = sorted({p.seeker_post for f in builtin_files("empathy") for p in read_pairs(f)})
    return [t for t in posts if not risky.search(t) and apply_rules(t).level == 0]


def counselling_talk_negatives() -> list[str]:
    """Client turns of the project's coded counselling transcripts (drinking, smoking,
    health, probation, families) with no risk cue and no death or self-harm word: ordinary
    session talk — plans, 'I laid my things out the night before', 'I'm done with that' —
    so that reviewing a whole session does not raise false alarms. The mental-health parts
    (05, 10) are left out, since their clients may voice real distress."""
    import json
    import re

    from .corpus import builtin_corpus_dir

    risky = re.compile(r"suicid|kill|\bdie\b|dying|\bdead\b|death|wake\s+up|end\s+it|disappear|not\s+be\s+here|"
                       r"\bgone\b|burden|hurt\s+myself|cut\s+myself|pills|overdos|exist|alive|can'?t\s+go\s+on|"
                       r"\bgive\s+up|hopeless|worthless|no\s+point|better\s+off|goodbye|sleep\s+forever", re.IGNORECASE)
    out = []
    for path in sorted((builtin_corpus_dir() / "mi").glob("part-*.jsonl")):
        if path.stem in ("part-05", "part-10"):
            continue
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            t = row["text"]
            if row["speaker_role"] == "client" and len(t.split()) >= 3 and not risky.search(t) \
                    and apply_rules(t).level == 0:
                out.append(t)
    return sorted(set(out))


def rows_apart_from_measured(files: list[Path], risk_dir: Path) -> tuple[list[dict], int]:
    """The labelled rows of `files` less those too close to a check, next-check or test message
    (word-set overlap, train/near_duplicates.py): training on them would flatter the figures.
    Returns the rows kept and how many were left out."""
    from .near_duplicates import close_to, measured_sets

    measured = measured_sets(risk_dir, with_dev=False)
    rows = [r for f in files for r in read_messages(f)]
    kept = [r for r in rows if not close_to(r["text"], measured)]
    return kept, len(rows) - len(kept)


def fit(files: list[Path], encoder: Encoder, C: float = 1.0, negatives: list[str] | None = None,
        rows: list[dict] | None = None) -> tuple[LinearHead, dict]:
    """Fit the head on the rows of `files` (or on `rows`, already read) and the `negatives`."""
    rows = list(rows) if rows is not None else [r for f in files for r in read_messages(f)]
    rows += [{"id": f"neg-{i}", "text": t, "level": "none"} for i, t in enumerate(negatives or [])]
    gold = [RISK_LEVELS.index(r["level"]) for r in rows]
    ctx = contexts(rows, gold)
    # The head reads one message without its conversation; a turn whose level comes from
    # earlier turns ("yeah. tonight." after talk of pills) would teach it that such words
    # are risky on their own, so those turns are left to the rules' context carry.
    keep = [i for i, c in enumerate(ctx) if c < 2]
    n_context_turns = len(rows) - len(keep)
    rows, gold, ctx = [rows[i] for i in keep], [gold[i] for i in keep], [ctx[i] for i in keep]
    vecs = vectors([r["text"] for r in rows], encoder)
    dense = np.stack([np.concatenate([v, rule_features(apply_rules(r["text"], c))])
                      for v, r, c in zip(vecs, rows, ctx)])
    sparse = [hashed_ngrams(r["text"]) for r in rows]
    head = fit_head(dense, sparse, np.asarray(gold), list(RISK_LEVELS), kind="softmax", C=C,
                    class_weight="balanced", sparse_scale=SPARSE_SCALE)
    return head, {"n_train": len(rows), "n_context_turns_left_to_rules": n_context_turns,
                  "n_everyday_negatives": len(negatives or []), "C": C,
                  "sparse_scale": SPARSE_SCALE,
                  "class_weight": "balanced"}


def read_in_order(model: RiskModel, rows: list[dict]) -> Iterator[tuple[int, int, RiskAssessment]]:
    """Each row's index, context level and reading, a conversation's turns in order, each read
    with what the turns before it passed on (as the engine reads a conversation)."""
    seen: dict[str, int] = {}
    order = sorted(range(len(rows)), key=lambda i: (str(rows[i].get("conversation_id") or f"_{i}"),
                                                    int(rows[i].get("turn_index") or 0)))
    for i in order:
        conv = rows[i].get("conversation_id")
        ctx = seen.get(str(conv), 0) if conv is not None else 0
        result = model.assess(rows[i]["text"], ctx)
        if conv is not None:
            seen[str(conv)] = RISK_LEVELS.index(result.context_after)
        yield i, ctx, result


def evaluate_rows(model: RiskModel, rows: list[dict]) -> dict:
    pred: list[int] = [0] * len(rows)
    gold = [RISK_LEVELS.index(r["level"]) for r in rows]
    for i, _, result in read_in_order(model, rows):
        pred[i] = RISK_LEVELS.index(result.level)
    report = agreement(gold, pred, RISK_LEVELS)
    g, p = np.asarray(gold), np.asarray(pred)

    def recall(mask: np.ndarray, ok: np.ndarray) -> float | None:
        return float(ok[mask].mean()) if mask.any() else None

    report["recall_imminent"] = recall(g == 4, p == 4)
    report["recall_moderate_plus"] = recall(g >= 2, p >= 2)
    report["recall_high_plus"] = recall(g >= 3, p >= 3)
    hard = np.asarray([g_ == 0 and bool(HARD_NEGATIVE & set(r.get("categories") or [])) for r, g_ in zip(rows, gold)])
    report["hard_negatives"] = int(hard.sum())
    report["false_alarm_any"] = float((p[hard] >= 1).mean()) if hard.any() else None
    report["false_alarm_moderate_plus"] = float((p[hard] >= 2).mean()) if hard.any() else None
    misses = [{"id": rows[i].get("id"), "gold": RISK_LEVELS[gold[i]], "pred": RISK_LEVELS[pred[i]]}
              for i in range(len(rows)) if gold[i] != pred[i]]
    report["disagreements"] = misses
    cats: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        for c in r.get("categories") or []:
            cats.setdefault(c, []).append(int(gold[i] == pred[i]))
    report["accuracy_by_category"] = {c: round(float(np.mean(v)), 3) for c, v in sorted(cats.items())}
    return report


def evaluate_file(model: RiskModel, gold: Path) -> dict:
    report = evaluate_rows(model, read_messages(gold))
    report["gold"] = str(gold)
    return report


def evaluate_joined(model: RiskModel, texts: Path, levels: Path, key: str, text_field: str) -> dict:
    """Texts from one file, levels from another, joined on `key` (each key once)."""
    judged: dict[str, dict] = {}
    for n, row in read_records(str(levels)):
        if isinstance(row, RecordError):
            raise row
        if row.get("level") not in RISK_LEVELS or row.get(key) is None:
            raise InputError(f"{levels}:{n}: needs '{key}' and 'level' (one of {', '.join(RISK_LEVELS)}).")
        judged[str(row[key])] = row
    rows: dict[str, dict] = {}
    for n, row in read_records(str(texts)):
        if isinstance(row, RecordError):
            raise row
        k = str(row.get(key))
        if k in judged and k not in rows:
            if not isinstance(row.get(text_field), str):
                raise InputError(f"{texts}:{n}: no text in '{text_field}'.")
            rows[k] = {"id": k, "text": row[text_field], "level": judged[k]["level"],
                       "categories": [judged[k]["basis"]] if judged[k].get("basis") in ("idiom", "third_party") else []}
    missing = len(judged) - len(rows)
    report = evaluate_rows(model, list(rows.values()))
    report.pop("disagreements", None)  # they would carry ids of texts we may not show
    report.update({"gold": str(texts), "levels": str(levels), "joined": len(rows), "judged_not_found": missing})
    return report


def cross_validate(files: list[Path], encoder: Encoder, folds: int = 5, C: float = 1.0,
                   grid: list[tuple[float, ...]] | None = None, negatives: list[str] | None = None,
                   held_negatives: list[str] | None = None) -> list[dict]:
    """Grouped k-fold (a conversation stays in one fold): rules + a head trained on the
    other folds, for each raise-threshold setting in `grid`. `negatives` always train;
    `held_negatives` are folded too, and their false-alarm rate is measured on the fold
    the head did not see."""
    import hashlib

    from ..analysers.risk import HEAD_ALONE_ESCALATE, HEAD_ALONE_PROTOCOL, RAISE_AT

    def fold_of(key: str) -> int:
        return int(hashlib.sha1(key.encode()).hexdigest(), 16) % folds

    rows = [r for f in files for r in read_messages(f)]
    group = [fold_of(str(r.get("conversation_id") or r["id"])) for r in rows]
    held = held_negatives or []
    held_group = [fold_of(t) for t in held]
    grid = grid or [RAISE_AT]
    parts: list[tuple[list[dict], list[str], LinearHead]] = []
    for k in range(folds):
        train = [r for r, g in zip(rows, group) if g != k]
        extra = (negatives or []) + [t for t, g in zip(held, held_group) if g != k]
        head, _ = fit([], encoder, C=C, negatives=extra, rows=train)
        parts.append(([r for r, g in zip(rows, group) if g == k], [t for t, g in zip(held, held_group) if g == k], head))
    out = []
    for g in grid:
        gold_rows: list[dict] = []
        merged_pred: list[str] = []
        held_alarms = [0, 0, 0]
        for test, held_test, head in parts:
            # a setting is (raise thresholds for levels 0..4[, P(≥ level) the model alone needs to escalate
            # [, P(≥ moderate) it needs to ask for the protocol]])
            model = RiskModel(head, encoder, raise_at=tuple(g[:5]), head_alone_at=g[5] if len(g) > 5 else HEAD_ALONE_ESCALATE,
                              head_alone_min=g[6] if len(g) > 6 else HEAD_ALONE_PROTOCOL)
            rep = evaluate_rows(model, test)
            wrong = {d["id"]: d["pred"] for d in rep["disagreements"]}
            gold_rows += test
            merged_pred += [wrong.get(r.get("id"), r["level"]) for r in test]
            for t in held_test:
                lvl = RISK_LEVELS.index(model.assess(t).level)
                held_alarms[0] += lvl >= 1
                held_alarms[1] += lvl >= 2
            held_alarms[2] += len(held_test)
        res = {"raise_at": g, **_summary(gold_rows, merged_pred)}
        if held_alarms[2]:
            res["held_negatives"] = held_alarms[2]
            res["held_false_alarm_any"] = round(held_alarms[0] / held_alarms[2], 4)
            res["held_false_alarm_moderate_plus"] = round(held_alarms[1] / held_alarms[2], 4)
        out.append(res)
    return out


def _summary(rows: list[dict], pred_levels: list[str]) -> dict:
    g = np.asarray([RISK_LEVELS.index(r["level"]) for r in rows])
    p = np.asarray([RISK_LEVELS.index(x) for x in pred_levels])
    rep = agreement(g.tolist(), p.tolist(), RISK_LEVELS)
    hard = np.asarray([gl == 0 and bool(HARD_NEGATIVE & set(r.get("categories") or [])) for r, gl in zip(rows, g)])
    return {"macro_f1": round(rep["macro_f1"], 4), "recall_imminent": round(float((p[g == 4] == 4).mean()), 4),
            "recall_moderate_plus": round(float((p[g >= 2] >= 2).mean()), 4),
            "false_alarm_any": round(float((p[hard] >= 1).mean()), 4) if hard.any() else None,
            "false_alarm_moderate_plus": round(float((p[hard] >= 2).mean()), 4) if hard.any() else None,
            "confusion": rep["confusion"]}
