"""Bearer-token guard of the write endpoints.

The operator sets the token in ``$NEWSEVENTS_TOKEN`` (or passes ``token=`` to
``create_app``). Without one, writing is off: 403 with how to turn it on.
"""
from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

TOKEN_ENV = "NEWSEVENTS_TOKEN"


def require_token(request: Request) -> None:
    """FastAPI dependency: pass only with ``Authorization: Bearer <the operator's token>``."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(
            403,
            "writing is disabled on this server: start it with the environment variable "
            f"{TOKEN_ENV} set to a secret token (e.g. {TOKEN_ENV}=s3cret newsevents serve), "
            "then send 'Authorization: Bearer <token>'",
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
