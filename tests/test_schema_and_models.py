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
