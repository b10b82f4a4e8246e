from __future__ import annotations

import pytest

from attunement import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline().warm()
