"""The published JSON Schema of attunement's results, generated from the pydantic models."""
from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .model import SCHEMA_VERSION, CoachResult, EmotionAnalysis, ReplyAnalysis, ReviewReport, RiskAnalysis


def result_schema() -> dict[str, Any]:
    schemas = {name: TypeAdapter(cls).json_schema() for name, cls in
               (("ReplyAnalysis", ReplyAnalysis), ("EmotionAnalysis", EmotionAnalysis), ("RiskAnalysis", RiskAnalysis))}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://attunement.dev/schema/result-v{SCHEMA_VERSION}.json",
            "title": f"attunement results, schema version {SCHEMA_VERSION}", "oneOf": [
                {"$ref": f"#/$defs/{n}"} for n in schemas],
            "$defs": {**{k: v for s in schemas.values() for k, v in s.pop("$defs", {}).items()}, **schemas}}


def review_schema() -> dict[str, Any]:
    """The session review report (`attune review -o report.json`)."""
    schema = TypeAdapter(ReviewReport).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://attunement.dev/schema/review-v{SCHEMA_VERSION}.json",
            "title": f"attunement session review, schema version {SCHEMA_VERSION}", **schema}


def coach_schema() -> dict[str, Any]:
    """The coach's result (`attune coach --json`, and each row of `attune coach FILE`)."""
    schema = TypeAdapter(CoachResult).json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://attunement.dev/schema/coach-v{SCHEMA_VERSION}.json",
            "title": f"attunement coach result, schema version {SCHEMA_VERSION}", **schema}
