"""Polite HTTP GETs for feeds and pages (httpx): a user agent, timeouts, retries with back-off,
a delay between two requests to the same host, ``robots.txt``, conditional requests
(ETag / Last-Modified) and a cap on the size of a response.

    with Fetcher(FetchSettings(timeout=5)) as fetch:
        page = fetch.get("https://example.org/news/1")   # a Page, or raises FetchError
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .. import __version__
from ..errors import ReadError

log = logging.getLogger("newsevents.read")

USER_AGENT = f"newsevents/{__version__} (+https://github.com/newsevents/newsevents; event coder)"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(ReadError):
    """A URL could not be fetched (status, timeout, robots.txt, too big); ``origin`` is the URL."""


@dataclass(frozen=True)
class FetchSettings:
    """How to fetch: seconds per request, retries, seconds between requests to one host."""

    timeout: float = 10.0
    retries: int = 2  # more attempts after a timeout, a connection error, 429 or 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    host_delay: float = 1.0
    max_bytes: int = 5_000_000
    user_agent: str = USER_AGENT
    robots: bool = True


@dataclass
class Page:
    """A fetched response: the final URL, status (200 or 304), headers and body."""

    url: str
    status: int
    content_type: str
    content: bytes
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


class Fetcher:
    """One HTTP client for a run; thread-safe per-host delay; robots.txt read once per host."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        import httpx

        self.settings = settings or FetchSettings()
        self._httpx = httpx
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.settings.timeout),
            headers={"User-Agent": self.settings.user_agent},
            follow_redirects=True,
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ politeness

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            at = max(now, self._last.get(host, 0.0) + self.settings.host_delay)
            self._last[host] = at
        if at > now:
            time.sleep(at - now)

    def allowed(self, url: str) -> bool:
        """False when the host's robots.txt disallows ``url`` for our user agent."""
        if not self.settings.robots:
            return True
        parts = urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self._robots:
            self._robots[base] = self._read_robots(base)
        rules = self._robots[base]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    def _read_robots(self, base: str) -> RobotFileParser | None:
        """The parsed robots.txt of ``base``; None (everything allowed) when it has none."""
        try:
            resp = self._request(f"{base}/robots.txt", {})
        except FetchError as exc:
            log.debug("%s/robots.txt: %s; treated as allowing everything", base, exc.reason)
            return None
        if resp.status_code in (401, 403):
            rules = RobotFileParser()
            rules.parse(["User-agent: *", "Disallow: /"])  # as urllib.robotparser treats 401/403
            return rules
        if resp.status_code >= 400:
            return None
        rules = RobotFileParser()
        rules.parse(resp.content[: self.settings.max_bytes].decode("utf-8", "replace").splitlines())
        return rules

    # ------------------------------------------------------------------ requests

    def _request(self, url: str, headers: dict[str, str]):
        """One GET with retries; the body read up to ``max_bytes`` (FetchError beyond)."""
        httpx = self._httpx
        delay = self.settings.backoff
        for attempt in range(self.settings.retries + 1):
            last = attempt == self.settings.retries
            self._wait_for_host(urlsplit(url).netloc)
            try:
                with self._client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code in RETRY_STATUS and not last:
                        raise _Retry(f"HTTP {resp.status_code}")
                    body = bytearray()
                    for chunk in resp.iter_bytes():
                        body += chunk
                        if len(body) > self.settings.max_bytes:
                            raise FetchError(url, f"response over the limit of {self.settings.max_bytes:,} "
                                                  "bytes; skipped (raise it with --max-bytes)")
                    resp._content = bytes(body)  # noqa: SLF001 - what read() would set
                    return resp
            except httpx.TimeoutException as exc:
                reason = f"timed out after {self.settings.timeout:g} s ({type(exc).__name__})"
            except httpx.HTTPError as exc:
                reason = f"cannot connect: {exc}"
            except _Retry as exc:
                reason = str(exc)
            if last:
                raise FetchError(url, f"{reason} (after {attempt + 1} attempts)")
            log.info("%s: %s; retrying in %.1f s", url, reason, delay)
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """GET ``url`` (conditionally when ``etag`` / ``last_modified`` are given): a ``Page``
        with status 200, or 304 (not modified, empty body); FetchError otherwise."""
        if not url.startswith(("http://", "https://")):
            raise FetchError(url, "not an http(s) URL")
        if not self.allowed(url):
            raise FetchError(url, f"robots.txt of {urlsplit(url).netloc} disallows it; skipped")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        resp = self._request(url, headers)
        if resp.status_code >= 400 or (resp.status_code >= 300 and resp.status_code != 304):
            raise FetchError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
        return Page(
            url=str(resp.url),
            status=resp.status_code,
            content_type=resp.headers.get("content-type", "").split(";")[0].strip().lower(),
            content=resp.content if resp.status_code != 304 else b"",
            etag=resp.headers.get("etag") or etag,
            last_modified=resp.headers.get("last-modified") or last_modified,
            headers=dict(resp.headers),
        )


class _Retry(Exception):
    """A status worth another attempt (429, 5xx)."""
