"""Throwaway PostgreSQL databases for the benchmarks, on a server whose URL names a role that may
create databases."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit


def database_url(url: str, name: str) -> str:
    """The URL of database `name` on `url`'s server, as the same role."""
    return urlunsplit(urlsplit(url)._replace(path="/" + name))


def create_database(admin, name: str, template: str | None = None) -> None:
    """CREATE DATABASE over an autocommit connection `admin`; `template`: template0 makes it without
    the extensions a test server's template1 has (rum), so an archive there gets GIN."""
    admin.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
