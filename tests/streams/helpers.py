"""The loopback HTTP server of the stream tests, and the feeds and pages it serves."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="article:published_time" content="2024-03-0{day}"></head>
<body><article><h1>{title}</h1>{paras}</article></body></html>"""


def page(title: str, *sentences: str, day: int = 4) -> bytes:
    """A news page: a title and one paragraph per sentence."""
    paras = "".join(f"<p>{s}</p>" for s in sentences)
    return PAGE.format(title=title, paras=paras, day=day).encode()


def rss(title: str, items: list[tuple[str, str]], base: str) -> bytes:
    """An RSS 2.0 feed; items are (title, path) pairs, linked under ``base``."""
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link><guid>{base}{p}</guid>"
        f"<pubDate>{formatdate(1709251200 + 86400 * i, usegmt=True)}</pubDate></item>"
        for i, (t, p) in enumerate(items)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/</link><description>test</description>{entries}</channel></rss>").encode()


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    etag: str | None = None


@dataclass
class Server:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def set(self, path: str, body: bytes, **kw) -> str:
        self.routes[path] = Route(body, **kw)
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


def _handler(server: Server):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            server.requests.append((self.path, dict(self.headers)))
            route = server.routes.get(self.path)
            if route is None:
                self.send_error(404, "Not Found")
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return
            try:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout)
                pass

    return Handler


def start_server() -> tuple[Server, ThreadingHTTPServer]:
    """A ``Server`` on 127.0.0.1 and a free port, serving in a thread."""
    state = Server(base="")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return state, httpd
