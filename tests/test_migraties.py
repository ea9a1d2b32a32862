"""Alembic knows every table of the catalog database: an autogenerate against a database migrated
to head, through our own `migrations/env.py`, proposes nothing, above all no dropping of the coach
console's tables (`catalog_db.coach_tabellen`, migration 0003)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from catalog_db.migrate import MIGRATIONS, upgrade

ROOT = Path(__file__).resolve().parent.parent


def test_autogenerate_stelt_niets_voor(tmp_path: Path) -> None:
    # Alembic's own command in a fresh process: the metadata holds only what env.py imports, not
    # what other tests in this process happened to import.
    url = f"sqlite:///{tmp_path / 'catalog.db'}"
    upgrade(url)
    ini = tmp_path / "alembic.ini"
    ini.write_text(f"[alembic]\nscript_location = {MIGRATIONS}\nsqlalchemy.url = {url}\n", encoding="utf-8")
    uit = subprocess.run(
        [sys.executable, "-m", "alembic", "-c", str(ini), "check"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "No new upgrade operations detected" in uit.stdout + uit.stderr
