"""The ASGI app: ``create_app(db_url) -> FastAPI`` with the API, the page and one error
envelope for every error: ``{"error": {"status": 422, "message": "...", "detail": ...}}``.
"""
from __future__ import annotations

import logging
import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Sequence

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError, ResponseValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import NewsEventsError, StoreError
from ..store import Store
from ..store.analytics import QueryCache, ensure_indexes
from .auth import TOKEN_ENV, make_local_token
from .coding import CodingQueue
from .security import HostCheck, SecurityHeaders

log = logging.getLogger("newsevents.web")

STATIC = Path(__file__).resolve().parent / "static"
MAX_ARTICLE_ENV = "NEWSEVENTS_MAX_ARTICLE_BYTES"
ALLOWED_HOSTS_ENV = "NEWSEVENTS_ALLOWED_HOSTS"
DEFAULT_MAX_ARTICLE_BYTES = 2_000_000


def error_response(status: int, message: str, detail: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"status": status, "message": message, "detail": jsonable_encoder(detail)}}
    return JSONResponse(body, status_code=status, headers=headers)


def _loc(loc: Any) -> str:
    parts = [str(p) for p in loc if p not in ("query", "path", "body", "header")]
    return ".".join(parts) or "request"


def _validation_message(errors: list[dict[str, Any]]) -> str:
    msgs = []
    for err in errors[:5]:
        where = _loc(err.get("loc", ()))
        value = err.get("input")
        shown = f" (got {value!r})" if isinstance(value, (str, int, float)) else ""
        msgs.append(f"{where}: {err.get('msg', 'invalid')}{shown}")
    return "invalid request: " + "; ".join(msgs)


def _max_article_bytes(value: int | None) -> int:
    if value is not None:
        return int(value)
    raw = os.environ.get(MAX_ARTICLE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_ARTICLE_BYTES
    try:
        n = int(raw.replace("_", ""))
    except ValueError:
        raise ValueError(f"{MAX_ARTICLE_ENV}: expected a number of bytes, got {raw!r}") from None
    if n <= 0:
        raise ValueError(f"{MAX_ARTICLE_ENV}: expected a positive number of bytes, got {raw!r}")
    return n


def _with_back_link(page: HTMLResponse) -> HTMLResponse:
    """The Swagger page with a link back to the dashboard above it."""
    link = ('<p style="font:14px system-ui,sans-serif;margin:.6em 1em">'
            '<a href="/">← newsevents dashboard</a></p>')
    body = bytes(page.body).decode("utf-8").replace("<body>", "<body>" + link, 1)
    return HTMLResponse(body)


def _allowed_hosts(value: Sequence[str] | None) -> list[str]:
    if value is not None:
        return list(value)
    raw = os.environ.get(ALLOWED_HOSTS_ENV, "").strip()
    return [h.strip() for h in raw.split(",") if h.strip()] if raw else ["*"]


def create_app(db_url: str, *, token: str | None = None, max_article_bytes: int | None = None,
               model: str | None = None, allowed_hosts: Sequence[str] | None = None,
               learned: bool = False, max_coding_queue: int | None = None,
               local_writes: bool = False) -> FastAPI:
    """The app over the database ``db_url`` (a path, ``sqlite:///...`` or ``postgresql://...``).

    ``token``: the bearer token of the write endpoints (default ``$NEWSEVENTS_TOKEN``;
    none = writing disabled). ``max_article_bytes``: largest article accepted by
    ``POST /api/articles`` (default ``$NEWSEVENTS_MAX_ARTICLE_BYTES`` or 2 MB).
    ``model``: the spaCy pipeline that codes posted articles; ``learned``: let the learned
    check relabel them (off, as in the command line's default; needs ``make train``).
    ``allowed_hosts``: the ``Host`` names answered (default ``$NEWSEVENTS_ALLOWED_HOSTS``,
    comma-separated, else any; ``serve`` passes the names of the address it binds).
    ``max_coding_queue``: posted articles waiting to be coded before more get 503.
    ``local_writes``: without a token, let pages opened from this computer write (a one-time
    token, see ``auth``).
    """
    if learned:
        from ..learn.weights import MISSING, weights_path

        if weights_path() is None:
            raise ValueError(f"learned=True: {MISSING}")
    store = Store(db_url)
    ensure_indexes(store)
    cache = QueryCache(store)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.coding.close()
        cache.close()
        store.close()

    app = FastAPI(
        title="newsevents",
        version=__version__,
        description=(
            "Political events (CAMEO / PLOVER) coded from news articles. Read endpoints "
            "are open; `POST /api/articles` needs `Authorization: Bearer $NEWSEVENTS_TOKEN`. "
            "Every error is `{\"error\": {\"status\", \"message\", \"detail\"}}`."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.cache = cache
    app.state.token = token if token is not None else (os.environ.get(TOKEN_ENV) or None)
    app.state.local_token = make_local_token() if local_writes and not app.state.token else None
    app.state.max_article_bytes = _max_article_bytes(max_article_bytes)
    app.state.model = model
    app.state.learned = learned
    app.state.coding = CodingQueue(max_coding_queue)
    app.add_middleware(HostCheck, allowed=_allowed_hosts(allowed_hosts))
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page or endpoint: {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}"
        return error_response(exc.status_code, message, None, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type", "input")}
                  for e in exc.errors()]
        return error_response(422, _validation_message(errors), errors)

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError):
        log.error("database error on %s: %s", request.url.path, exc)
        # the detail (a path, a host, a user name) stays in the server's log
        return error_response(503, "the database failed; try again later (the server's log has the details)")

    @app.exception_handler(NewsEventsError)
    async def _ne_error(request: Request, exc: NewsEventsError):
        return error_response(400, str(exc))

    @app.exception_handler(ResponseValidationError)
    async def _bad_response(request: Request, exc: ResponseValidationError):
        log.error("invalid response on %s: %s", request.url.path, exc)
        return error_response(500, "internal error: the server built an invalid response")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, f"internal error: {type(exc).__name__}")

    from .api import router

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return _with_back_link(get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsevents API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
        ))

    return app
