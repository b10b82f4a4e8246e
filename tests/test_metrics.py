from __future__ import annotations

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score, f1_score

from attunement.train.metrics import agreement, spans_of, token_f1


@pytest.mark.parametrize("seed", range(5))
def test_agreement_matches_scikit_learn(seed: int) -> None:
    rng = np.random.default_rng(seed)
    gold = rng.integers(0, 3, 200)
    pred = np.where(rng.random(200) < 0.6, gold, rng.integers(0, 3, 200))
    r = agreement(gold.tolist(), pred.tolist(), ["none", "weak", "strong"])
    assert r["macro_f1"] == pytest.approx(f1_score(gold, pred, average="macro"))
    assert r["kappa"] == pytest.approx(cohen_kappa_score(gold, pred))
    assert r["kappa_linear"] == pytest.approx(cohen_kappa_score(gold, pred, weights="linear"))
    assert r["kappa_quadratic"] == pytest.approx(cohen_kappa_score(gold, pred, weights="quadratic"))
    assert np.asarray(r["confusion"]).sum() == 200


def test_token_f1() -> None:
    text = "I am so sorry. What happened next?"
    gold = spans_of(text, ["I am so sorry."])
    assert token_f1(text, gold, gold) == 1.0
    assert token_f1(text, gold, [(15, 34)]) == 0.0
    assert 0 < token_f1(text, gold, [(0, 34)]) < 1
