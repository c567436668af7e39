"""The web dashboard and REST API: ``serve(db, host, port)``, ``create_app(db_url)``.

Modules: ``app`` (app factory, error envelope), ``api`` (routes), ``auth`` (bearer
token of the write endpoints), ``schemas`` (pydantic models for OpenAPI), ``static/``
(the page: index.html, app.js, style.css, the world basemap; no CDN).
"""
from __future__ import annotations

__all__ = ["create_app", "serve"]


def create_app(db_url: str, **kwargs):
    """The FastAPI app over ``db_url`` (see ``newsevents.web.app.create_app``)."""
    from .app import create_app as _create

    return _create(db_url, **kwargs)


def serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the page and the API with uvicorn until interrupted; prints the URL.

    Only requests whose ``Host`` names the bound address are answered (the loopback names
    for 127.0.0.1; any for 0.0.0.0), unless ``$NEWSEVENTS_ALLOWED_HOSTS`` lists the names."""
    import os

    import uvicorn

    from .app import ALLOWED_HOSTS_ENV
    from .app import create_app as _create
    from .auth import TOKEN_ENV
    from .security import host_names

    app = _create(db, allowed_hosts=None if os.environ.get(ALLOWED_HOSTS_ENV) else host_names(host))
    shown = f"[{host}]" if ":" in host else host
    if host in ("0.0.0.0", "::"):
        shown = "127.0.0.1"
    url = f"http://{shown}:{port}/"
    writes = "on" if os.environ.get(TOKEN_ENV) else f"off (set {TOKEN_ENV} to enable)"
    print(f"newsevents: serving {app.state.store!r} at {url}  (API docs: {url}docs; "
          f"writing {writes})", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
