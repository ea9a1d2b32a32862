"""Create the PostgreSQL databases of the production profile when they are missing.

    python scripts/pg_databases.py URL [URL ...]

Each URL is a SQLAlchemy URL (postgresql://user:pass@host:port/db, postgresql+psycopg2://...).
Connects to the server's `postgres` database as the same user and runs CREATE DATABASE for any
database that does not exist yet. Other URLs (sqlite:///...) are skipped. Passwords never printed.
"""

from __future__ import annotations

import sys

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


def zorg_voor_database(url: str) -> bool:
    """True when the database was created, False when it existed or is not PostgreSQL."""
    doel = make_url(url)
    if doel.get_backend_name() != "postgresql" or not doel.database:
        return False
    beheer = create_engine(doel.set(database="postgres"), isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 5})
    try:
        with beheer.connect() as conn:
            if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": doel.database}).first():
                return False
            naam = doel.database.replace('"', '""')
            conn.execute(text(f'CREATE DATABASE "{naam}"'))
            return True
    finally:
        beheer.dispose()


def main(urls: list[str]) -> int:
    for url in urls:
        if zorg_voor_database(url):
            print(f"created database {make_url(url).database}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
