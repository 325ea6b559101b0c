"""Fetching a page for a user, safely enough to run on a server (httpx).

A URL a stranger types must not make the server talk to itself or its neighbours (SSRF):
only http/https; the host is resolved first and every address it resolves to must be public
(no private, loopback, link-local, multicast, reserved, unspecified or IPv4-mapped/embedded
address); the connection then goes to the address that was checked, not to a second DNS
answer; each redirect (at most 5) is checked the same way. Time (10 s overall), size (5 MB,
streamed) and content type (HTML or text) are limited. `allow` names networks that are
fetched even though they are not public: for tests and intranet use, never the default.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from quellenlage.errors import QuellenlageError
from quellenlage.ingest.article import Article
from quellenlage.ingest.text import MAX_BYTES, decode_bytes, looks_like_html

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
USER_AGENT = "Quellenlage (+https://pypi.org/project/quellenlage/)"


class FetchError(QuellenlageError):
    """A URL was refused or could not be fetched; the message says why in one line."""


@dataclass(frozen=True)
class Fetched:
    """What a URL gave: the URL asked for, the one that answered (after redirects), the bytes."""

    url: str
    final_url: str
    content: bytes
    content_type: str


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in an IPv4-mapped, NAT64, 6to4 or Teredo IPv6 address."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in ipaddress.IPv6Network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def refusal(ip: IPAddress) -> str | None:
    """Why `ip` is no place to fetch from for a user, or None if it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            why = refusal(inner)
            return f"IPv6 address embedding {inner} ({why})" if why else "IPv6 address embedding an IPv4 address"
    for attribute, why in (
        ("is_loopback", "loopback address"),
        ("is_link_local", "link-local address"),
        ("is_multicast", "multicast address"),
        ("is_unspecified", "unspecified address"),
        ("is_reserved", "reserved address"),
        ("is_private", "private address"),
    ):
        if getattr(ip, attribute):
            return why
    if not ip.is_global:
        return "non-public address"
    return None


def _resolve(host: str, port: int) -> list[IPAddress]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"{host}: cannot resolve the host name ({err})") from None
    addresses = []
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise FetchError(f"{host}: the host name has no address")
    return addresses


@dataclass
class Fetcher:
    """Fetches one URL at a time under the limits above; `fetch` raises `FetchError`."""

    allow: tuple[IPNetwork, ...] = ()
    timeout: float = 10.0
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5
    #: Certificate check: True (the system's CAs via httpx) or an `ssl.SSLContext`.
    verify: ssl.SSLContext | bool = True
    resolve: Callable[[str, int], list[IPAddress]] = field(default=_resolve, repr=False)

    @classmethod
    def allowing(cls, networks: Iterable[str], **kwargs) -> Fetcher:
        """A fetcher that may also reach `networks` (CIDR strings such as '127.0.0.1/32')."""
        try:
            allow = tuple(ipaddress.ip_network(n.strip(), strict=False) for n in networks if n.strip())
        except ValueError as err:
            raise FetchError(f"not a network address: {err}") from None
        return cls(allow=allow, **kwargs)

    def checked_addresses(self, url: str) -> tuple[httpx.URL, list[IPAddress]]:
        """Parse `url`, resolve its host and refuse it unless every address may be fetched;
        returns the URL and the addresses to connect to."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError, ValueError) as err:
            raise FetchError(f"{url}: not a valid URL ({err})") from None
        if parsed.scheme not in ("http", "https"):
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        if not parsed.host:
            raise FetchError(f"{url}: the URL has no host")
        if parsed.userinfo:
            raise FetchError(f"{url}: URLs with a user name or password are not fetched")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        addresses = self.resolve(parsed.host, port)
        for ip in addresses:
            if any(ip in net for net in self.allow):
                continue
            why = refusal(ip)
            if why:
                raise FetchError(f"{url}: refused ({why}: {ip})")
        return parsed, addresses

    def fetch(self, url: str) -> Fetched:
        """Follow up to `max_redirects` redirects, each one checked before it is requested."""
        deadline = time.monotonic() + self.timeout
        current = url
        with httpx.Client(timeout=self.timeout, follow_redirects=False, trust_env=False, verify=self.verify,
                          headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9"}) as client:
            for _ in range(self.max_redirects + 1):
                parsed, addresses = self.checked_addresses(current)
                response = self._request(client, parsed, addresses, deadline)
                if isinstance(response, str):
                    current = urljoin(current, response)
                    continue
                return Fetched(url, current, *response)
        raise FetchError(f"{url}: more than {self.max_redirects} redirects")

    def _connect(self, client: httpx.Client, parsed: httpx.URL, addresses: list[IPAddress],
                 deadline: float) -> httpx.Response:
        """Send the request to the checked addresses in turn until one accepts the connection;
        the Host header and the TLS server name stay the URL's host."""
        host_header = parsed.netloc.decode("ascii").rsplit("@", 1)[-1]
        for n, ip in enumerate(addresses, 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            request = client.build_request("GET", parsed.copy_with(host=str(ip)), headers={"Host": host_header},
                                           extensions={"sni_hostname": parsed.host}, timeout=remaining)
            try:
                return client.send(request, stream=True)
            except httpx.ConnectError as err:
                if n == len(addresses):
                    raise FetchError(f"{parsed}: cannot connect ({err})") from None
            except httpx.TimeoutException:
                break
            except httpx.HTTPError as err:
                raise FetchError(f"{parsed}: {type(err).__name__}: {err}") from None
        raise FetchError(f"{parsed}: no answer within {self.timeout:g} s")

    def _request(self, client: httpx.Client, parsed: httpx.URL, addresses: list[IPAddress], deadline: float):
        """One request; returns a redirect target, (bytes, content type), or raises `FetchError`."""
        response = self._connect(client, parsed, addresses, deadline)
        try:
            if response.is_redirect:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"{parsed}: redirect without a target")
                return location
            if response.status_code >= 400:
                raise FetchError(f"{parsed}: the server answered {response.status_code} {response.reason_phrase}")
            content_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
            if content_type and content_type not in HTML_TYPES + TEXT_TYPES:
                raise FetchError(f"{parsed}: {content_type} is not an HTML or text page")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(f"{parsed}: {int(declared) / 1e6:.1f} MB is too large (limit {self.max_bytes / 1e6:g} MB)")
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > self.max_bytes:
                    raise FetchError(f"{parsed}: more than {self.max_bytes / 1e6:g} MB, too large")
                if time.monotonic() > deadline:
                    raise FetchError(f"{parsed}: not complete within {self.timeout:g} s")
            return bytes(body), content_type
        except httpx.TimeoutException:
            raise FetchError(f"{parsed}: no answer within {self.timeout:g} s") from None
        except httpx.HTTPError as err:
            raise FetchError(f"{parsed}: {type(err).__name__}: {err}") from None
        finally:
            response.close()

    def fetch_article(self, url: str) -> tuple[Article, bytes]:
        """The article behind `url` and the bytes it came from (for de-duplication)."""
        page = self.fetch(url)
        text = decode_bytes(page.content, url)
        if page.content_type in HTML_TYPES or (not page.content_type and looks_like_html(page.content)):
            from quellenlage.ingest.html import article_from_html

            article = article_from_html(text, name=url, url=page.final_url)
            article.meta["input_name"] = url
        else:
            article = Article(text=text, id=url, meta={"url": page.final_url, "input_name": url})
        return article, page.content


def is_url(value: str) -> bool:
    """Whether a command-line argument names a web page rather than a file."""
    return urlsplit(value).scheme.lower() in ("http", "https")
