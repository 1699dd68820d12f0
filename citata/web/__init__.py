"""The web UI and JSON API over an archive: `citata serve`, or `create_app(db)` for any ASGI server."""
from .app import create_app

__all__ = ["create_app"]
