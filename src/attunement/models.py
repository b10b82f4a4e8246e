"""Where trained heads live: bundled in the package, or a directory a user trained."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from .errors import ModelError


def bundled_dir() -> Path:
    return Path(str(resources.files("attunement") / "resources" / "models"))


def model_file(name: str, model_dir: str | Path | None = None) -> Path:
    """`name` (e.g. "empathy.npz") from `model_dir` if it has one, else the bundled copy."""
    if model_dir is not None:
        path = Path(model_dir) / name
        if path.exists():
            return path
        if not Path(model_dir).is_dir():
            raise ModelError(f"Model directory {model_dir} does not exist.")
    return bundled_dir() / name


def manifest(name: str, model_dir: str | Path | None = None) -> dict:
    path = model_file(name, model_dir)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except json.JSONDecodeError as exc:
        raise ModelError(f"{path} is not valid JSON ({exc}).") from None
