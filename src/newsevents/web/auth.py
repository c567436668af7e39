"""Bearer-token guard of the write endpoints.

The operator sets the token in ``$NEWSEVENTS_TOKEN`` (or passes ``token=`` to
``create_app``). Without one, writing is off (403 with how to turn it on) -- unless
the server runs with ``local_writes`` (``newsevents serve`` on a loopback address):
then it makes a one-time *local token*, which ``GET /api/session`` hands only to a page
opened from this computer (a loopback client naming a loopback host, so neither
another machine nor a DNS-rebinding page gets it) and which is accepted only from
loopback clients. A cross-site page cannot read it (no CORS), so it cannot write either.
"""
from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request

TOKEN_ENV = "NEWSEVENTS_TOKEN"


HOW_TO_WRITE = (
    f"start the server with the environment variable {TOKEN_ENV} set to a secret token "
    f"(e.g. {TOKEN_ENV}=s3cret newsevents serve) and type that token in the page, or run "
    "`newsevents serve` on 127.0.0.1 (the default) and open the page on the same computer")


def make_local_token() -> str:
    """A fresh random token for a loopback server's own pages."""
    return secrets.token_urlsafe(24)


def _is_loopback_ip(host: str | None) -> bool:
    return bool(host) and (host == "::1" or str(host).startswith("127."))


def _is_loopback_name(host_header: str) -> bool:
    name = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    name = name.strip("[]").lower()
    return name in ("localhost", "::1") or name.startswith("127.")


def is_local_request(request: Request) -> bool:
    """True when the client is this computer and it asked for a loopback host name."""
    client = request.client.host if request.client else None
    return _is_loopback_ip(client) and _is_loopback_name(request.headers.get("host", ""))


def local_token_for(request: Request) -> str | None:
    """The server's local token when this request may have it, else None."""
    token: str | None = getattr(request.app.state, "local_token", None)
    return token if token and is_local_request(request) else None


def require_token(request: Request) -> None:
    """FastAPI dependency: pass only with ``Authorization: Bearer <the operator's token>``
    (or the local token, from this computer)."""
    expected: str | None = request.app.state.token or local_token_for(request)
    if not expected:
        raise HTTPException(
            403,
            f"writing is disabled on this server: {HOW_TO_WRITE}; clients then send "
            "'Authorization: Bearer <token>'",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(
            401,
            "this endpoint needs the operator's token: send 'Authorization: Bearer <token>'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(403, "wrong token", headers={"WWW-Authenticate": "Bearer"})
