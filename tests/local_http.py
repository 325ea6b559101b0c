"""Test helpers for the fetcher and the web app: a real HTTP server on a loopback address,
and a guard that fails the test if anything connects to a non-loopback address."""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Stadtrat streitet über Radwege</title>
<meta name="description" content="Der Stadtrat hat über neue Radwege gestritten.">
<meta property="og:site_name" content="Lokalblatt Nord"></head>
<body><article><h1>Stadtrat streitet über Radwege</h1>
<p>Der Stadtrat hat am Dienstag über neue Radwege in der Innenstadt beraten. Die Grünen wollen zwei Spuren
der Hauptstraße umwidmen, die CDU lehnt das ab.</p>
<p>„Wir brauchen sichere Wege für alle, die mit dem Rad zur Arbeit fahren“, sagte die Fraktionschefin
Anna Berger. Der Verkehrsdezernent Paul Wendt sagte, die Verwaltung prüfe beide Vorschläge sorgfältig.</p>
<p>Ein Sprecher der Industrie- und Handelskammer erklärte, der Handel fürchte weniger Kundschaft, wenn
Parkplätze wegfallen. Eine Entscheidung soll im Herbst fallen.</p>
</article></body></html>
"""

ARTICLE_TEXT = """Streit um Radwege

„Wir brauchen sichere Wege für alle“, sagte die Fraktionschefin Anna Berger am Dienstag.
Der Verkehrsdezernent Paul Wendt sagte, die Verwaltung prüfe beide Vorschläge.
"""


class _Handler(BaseHTTPRequestHandler):
    server: "LocalServer"

    def log_message(self, *args) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urlsplit(self.path)
        self.server.hits[url.path] += 1
        self.server.hosts.append(self.headers.get("Host", ""))
        query = parse_qs(url.query)
        if url.path == "/article.html":
            self._send(200, ARTICLE_HTML.encode("utf-8"), "text/html; charset=utf-8")
        elif url.path == "/article.txt":
            self._send(200, ARTICLE_TEXT.encode("utf-8"), "text/plain; charset=utf-8")
        elif url.path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif url.path == "/to":
            self._send(302, b"", "text/html", {"Location": query["url"][0]})
        elif url.path == "/loop":
            self._send(302, b"", "text/html", {"Location": "/loop"})
        elif url.path == "/big":  # announces 50 MB
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            self._stream(50_000_000)
        elif url.path == "/big-unannounced":  # 50 MB without a Content-Length
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self._stream(50_000_000)
        elif url.path == "/slow":
            time.sleep(float(query.get("s", ["3"])[0]))
            self._send(200, ARTICLE_HTML.encode("utf-8"), "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _stream(self, total: int) -> None:
        chunk = b"<p>" + b"x" * 65_533
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk)
                sent += len(chunk)
                self.server.streamed = sent
        except (BrokenPipeError, ConnectionResetError):
            pass


class LocalServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, host: str = "127.0.0.1", tls: tuple[str, str] | None = None) -> None:
        super().__init__((host, 0), _Handler)
        if tls:  # (certificate, key) files: serve https
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.socket = context.wrap_socket(self.socket, server_side=True)
        self.scheme = "https" if tls else "http"
        self.hits: Counter[str] = Counter()
        self.hosts: list[str] = []
        self.streamed = 0
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def handle_error(self, request, client_address) -> None:
        """A client that gave up (time or size limit) is expected here, not an error to print."""

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://{self.server_address[0]}:{self.port}{path}"

    def __enter__(self) -> "LocalServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


def loopback_only(monkeypatch) -> list:
    """Make every outgoing connection to a non-loopback address fail the test; returns the
    list of (address) each connection attempt went to, loopback ones included."""
    attempts: list = []
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def check(address) -> None:
        attempts.append(address)
        if isinstance(address, tuple):
            ip = ipaddress.ip_address(address[0].split("%", 1)[0])
            if not ip.is_loopback:
                raise AssertionError(f"test tried to connect to non-loopback address {address}")

    def connect(self, address):
        check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return attempts
