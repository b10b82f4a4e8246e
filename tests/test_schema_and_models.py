from __future__ import annotations

import hashlib
import json
from pathlib import Path

from attunement.analysers import REGISTRY
from attunement.models import bundled_dir
from attunement.schema import result_schema, review_schema

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_is_current() -> None:
    """Regenerate with `attune schema -o schema/result-v1.0.json` and bump the version on breaking changes."""
    published = json.loads((ROOT / "schema" / "result-v1.0.json").read_text(encoding="utf-8"))
    assert published == result_schema()
    review = json.loads((ROOT / "schema" / "review-v1.0.json").read_text(encoding="utf-8"))
    assert review == review_schema()


def test_registry_does_not_change_silently() -> None:
    assert sorted(REGISTRY) == ["coding", "emotions", "empathy", "risk", "roadblocks"]
    for name, cls in REGISTRY.items():
        assert cls.name == name and cls.version and cls.assigns


def test_shipped_weights_match_their_manifests() -> None:
    for name in ("empathy", "emotions", "risk", "coding"):
        manifest = json.loads((bundled_dir() / f"{name}.json").read_text())
        digest = hashlib.sha256((bundled_dir() / f"{name}.npz").read_bytes()).hexdigest()
        assert manifest["weights_sha256"] == digest, name
        assert manifest["data"], name


def test_two_class_head_gives_scikit_learns_probabilities() -> None:
    """A softmax head over two classes must reproduce logistic regression's σ(z), not σ(2z)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from attunement.heads import fit_head

    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 5)).astype(np.float32)
    y = (x[:, 0] + 0.5 * rng.normal(size=200) > 0).astype(int)
    head = fit_head(x, [{} for _ in x], y, ["no", "yes"], kind="softmax", C=1.0)
    ref = LogisticRegression(C=1.0, max_iter=3000, tol=1e-5, random_state=0).fit((x - x.mean(0)) / (x.std(0) + 1e-6), y)
    want = ref.predict_proba((x - x.mean(0)) / (x.std(0) + 1e-6))[:, 1]
    got = np.array([head.proba(row, {})[1] for row in x])
    assert np.abs(got - want).max() < 1e-4
    assert np.abs(head.proba_many(x, [{} for _ in x])[:, 1] - got).max() < 1e-6


def test_batched_sentence_reading_equals_one_by_one() -> None:
    """The risk check pools and scores all sentences of a post at once; same numbers as one by one."""
    import numpy as np

    from attunement.analysers.risk import RiskModel, RuleFinding, rule_features
    from attunement.features import hashed_ngrams
    from attunement.text import sentences

    model = RiskModel.load()
    text = ("Long week at work. The printer jammed twice and my manager cancelled the offsite. "
            "Honestly some nights I wish I could just not wake up. Anyway the dog is fine and the garden looks good. "
            "My sister visits in May.")
    sents = sentences(text)
    enc = model.encoder.encode(text)
    dense, sparse = model._sentence_features(text, sents)
    batch = model.head.proba_many(dense, sparse)
    for i, s in enumerate(sents):
        one = model.head.proba(np.concatenate([enc.pool(s.start, s.end), rule_features(RuleFinding())]),
                               hashed_ngrams(s.text))
        assert np.abs(one - batch[i]).max() < 1e-5


def _ngrams_as_specified(text: str) -> dict[int, float]:
    """The n-gram features as first written (the specification the cached, shared forms must
    equal): word 1–3-grams, start and end markers, character 4-grams of words over four letters,
    each hashed in turn, counted and L2-normalised."""
    import math

    from attunement.features import _h
    from attunement.text import normalise, words

    toks = [w.text for w in words(normalise(text))]
    grams = list(toks)
    grams += [f"{a} {b}" for a, b in zip(toks, toks[1:])]
    grams += [f"{a} {b} {c}" for a, b, c in zip(toks, toks[1:], toks[2:])]
    if toks:
        grams += ["<s> " + toks[0], toks[-1] + " </s>"]
    for t in toks:
        if len(t) > 4:
            padded = f"<{t}>"
            grams += ["#" + padded[i:i + 4] for i in range(len(padded) - 3)]
    counts: dict[int, float] = {}
    for g in grams:
        counts[_h(g)] = counts.get(_h(g), 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) if counts else 1.0
    return {k: v / norm for k, v in counts.items()}


def test_ngram_features_and_sentence_ngrams_are_the_specified_ones() -> None:
    """Every model reads these features: the message's n-grams and each sentence's (built from the
    message's hashes) must be exactly the specified dicts — same keys, order and values — on every
    text of the project's corpora and on edge cases (one word, no word, a character that lowers to two)."""
    import json
    from pathlib import Path

    from attunement.features import _hashed_ngrams, sentence_ngrams
    from attunement.text import sentences

    root = Path(__file__).resolve().parents[1] / "corpus"
    texts = ["", "x", "!!", "İstanbul'da. I want to die. Ok?", "a. b. c", "Hi. Hello there, friend."]
    for path in sorted(root.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            texts += [row[k] for k in ("text", "seeker_post", "response") if isinstance(row.get(k), str)]
    assert len(texts) > 10000
    for text in texts:
        assert list(_hashed_ngrams.__wrapped__(text).items()) == list(_ngrams_as_specified(text).items()), text
        parts = [s.text for s in sentences(text)]
        for some in (parts, [p for p in parts if len(p.split()) >= 4]):
            for part, got in zip(some, sentence_ngrams(text, some)):
                assert list(got.items()) == list(_ngrams_as_specified(part).items()), (text, part)
