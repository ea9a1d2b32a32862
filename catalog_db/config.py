"""Settings of the catalog, read once from the environment."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = Path(__file__).resolve().parent / "seed"
DEFAULT_DB_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'catalog.db'}"


def catalog_db_url() -> str:
    """`CATALOG_DB_URL` (e.g. postgresql+psycopg2://user@localhost/leerroute); a SQLite file by default."""
    return os.environ.get("CATALOG_DB_URL") or DEFAULT_DB_URL
