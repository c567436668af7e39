"""Two small ASGI middlewares: security headers on every response, and the ``Host`` check.

- ``SecurityHeaders``: ``Content-Security-Policy`` (the page loads only its own files; the
  API docs page also runs Swagger UI's inline start-up script), ``X-Content-Type-Options:
  nosniff``, ``X-Frame-Options: DENY``, ``Referrer-Policy: no-referrer``.
- ``HostCheck``: a request whose ``Host`` is not one of the names the server answers to gets
  400. A page on another site could otherwise make a browser on this machine read a local
  server's API through a name it controls that resolves to 127.0.0.1 (DNS rebinding).
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Awaitable, Callable

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI's page starts with an inline script (FastAPI's get_swagger_ui_html)
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer")]
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope.get("path") == "/docs" else CSP

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"content-security-policy"]
                message["headers"] = headers + HEADERS + [(b"content-security-policy", csp.encode())]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_names(bound: str) -> list[str]:
    """The host names a server bound to ``bound`` answers to by default: the loopback names
    for a loopback address, that address (and the loopback names) otherwise; ``["*"]`` (any)
    for all interfaces (0.0.0.0, ::), whose names cannot be known."""
    if bound in ("0.0.0.0", "::", ""):
        return ["*"]
    names = [bound.strip("[]").lower()]
    return names + [n for n in LOOPBACK_NAMES if n not in names]


def _host_of(header: str) -> str:
    """The name in a ``Host`` header, without its port ("[::1]:8000" → "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostCheck:
    """Answers 400 to a request whose ``Host`` header names none of ``allowed`` ("*": any)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = {a.strip().strip("[]").lower() for a in allowed if a.strip()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = _host_of(headers.get(b"host", b"").decode("latin-1"))
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        body = json.dumps({"error": {"status": 400, "message": (
            f"invalid Host header {host!r}: this server answers to {', '.join(sorted(self.allowed))} "
            "(the operator can add names with NEWSEVENTS_ALLOWED_HOSTS)"), "detail": None}}).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})
