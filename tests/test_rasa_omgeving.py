"""The tests in Rasa's own environment (tests/rasa/: our patches of Rasa, our tracker store and
our fast model load against Rasa's own code) as part of this suite: they run under
`.venv-rasa/bin/python -m pytest`, in a process of their own, because this environment cannot
import Rasa. A failure there fails here, with pytest's output from there."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import pg_database

ROOT = Path(__file__).resolve().parent.parent
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"


def rasa_pytest(tmp_path: Path, *opties: str, env: dict[str, str] | None = None) -> str:
    """Run tests/rasa in Rasa's environment; its output (fails with it when a test fails)."""
    omgeving = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    doorgeven = ("CI", "PYTHONWARNINGS", "SQLALCHEMY_SILENCE_UBER_WARNING")  # the known warnings: scripts/env.sh
    omgeving |= {k: os.environ[k] for k in doorgeven if k in os.environ} | (env or {})
    uit = subprocess.run(
        [str(RASA_PYTHON), "-m", "pytest", "-q", "-rs", f"--basetemp={tmp_path / 'rasa'}", *opties, "tests/rasa"],
        cwd=ROOT, capture_output=True, text=True, env=omgeving, timeout=1800,
    )  # fmt: skip
    uitvoer = uit.stdout + uit.stderr
    assert uit.returncode == 0, uitvoer[-20000:]
    return uitvoer


def test_rasa_omgeving(tmp_path: Path) -> None:
    uitvoer = rasa_pytest(tmp_path, "-m", "not postgres")
    assert " passed" in uitvoer, uitvoer[-3000:]  # a skip there (no trained model outside CI) is listed in it (-rs)


@pytest.fixture
def pg_tracker_db() -> Iterator[str]:
    with pg_database("leerroute_tracker") as url:
        yield url.replace("+psycopg2", "")


@pytest.mark.postgres
def test_rasa_omgeving_op_postgresql(tmp_path: Path, pg_tracker_db: str) -> None:
    uitvoer = rasa_pytest(tmp_path, "-m", "postgres", env={"TRACKER_PG_URL": pg_tracker_db})
    assert " passed" in uitvoer and " skipped" not in uitvoer, uitvoer[-3000:]
