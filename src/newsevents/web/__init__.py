"""The web dashboard and REST API: ``serve(db, host, port)``, ``create_app(db_url)``.

Modules: ``app`` (app factory, error envelope), ``api`` (routes), ``auth`` (bearer
token of the write endpoints, and the local token of a loopback server), ``schemas``
(pydantic models for OpenAPI), ``static/`` (the page: index.html, app.js, timeline.js,
style.css, favicon.svg, the world basemap; no CDN).
"""
from __future__ import annotations

__all__ = ["create_app", "serve"]


def create_app(db_url: str, **kwargs):
    """The FastAPI app over ``db_url`` (see ``newsevents.web.app.create_app``)."""
    from .app import create_app as _create

    return _create(db_url, **kwargs)


def _shown_db(store) -> str:
    """The database as a person reads it: an SQLite file's path, else the URL without
    its password."""
    shown = str(getattr(store, "_display", store.url))
    return shown[len("sqlite:///"):] if shown.startswith("sqlite:///") else shown


LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


def is_loopback(host: str) -> bool:
    """True for an address only this computer can reach (127.x.x.x, ::1, localhost)."""
    host = host.strip().strip("[]").lower()
    return host in LOOPBACK_HOSTS or host.startswith("127.")


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, local_writes: bool = True) -> None:
    """Serve the page and the API with uvicorn until interrupted; prints the URL.

    ``local_writes``: without ``$NEWSEVENTS_TOKEN``, on a loopback ``host``, let this
    computer's browser write (a one-time token handed to the page, see ``auth``). Only
    requests whose ``Host`` names the bound address are answered (the loopback names for
    127.0.0.1; any for 0.0.0.0), unless ``$NEWSEVENTS_ALLOWED_HOSTS`` lists the names.
    """
    import os

    import uvicorn

    from .app import ALLOWED_HOSTS_ENV
    from .app import create_app as _create
    from .auth import TOKEN_ENV
    from .security import host_names

    local = local_writes and is_loopback(host) and not os.environ.get(TOKEN_ENV)
    allowed = None if os.environ.get(ALLOWED_HOSTS_ENV) else host_names(host)
    app = _create(db, local_writes=local, allowed_hosts=allowed)
    shown = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):
        shown = "127.0.0.1"
    url = f"http://{shown}:{port}/"
    if os.environ.get(TOKEN_ENV):
        writes = f"on for clients sending the token of {TOKEN_ENV}"
    elif local:
        writes = "on for this computer only (the page gets a one-time token)"
    else:
        writes = f"off (set {TOKEN_ENV} to a secret to turn it on)"
    print(f"newsevents: serving {_shown_db(app.state.store)} at {url}\n"
          f"newsevents: API docs at {url}docs; writing {writes}. Press Ctrl-C to stop.",
          flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
