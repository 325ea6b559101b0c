"""The server-safe fetcher: what it fetches, what it refuses, and that a refused URL is never
contacted. Every server here is one the test starts on a loopback address; the connect guard
fails the test on any attempt to reach another address."""

from __future__ import annotations

import ipaddress
import shutil
import ssl
import subprocess

import pytest

from local_http import LocalServer, loopback_only
from quellenlage.ingest.fetch import Fetcher, FetchError, refusal

LOOPBACK = ["127.0.0.1/32"]


@pytest.fixture
def guard(monkeypatch):
    return loopback_only(monkeypatch)


@pytest.fixture
def server(guard):
    with LocalServer() as s:
        yield s


def test_allowed_loopback_page_becomes_an_article(server):
    article, data = Fetcher.allowing(LOOPBACK).fetch_article(server.url("/article.html"))
    assert article.input_format == "html"
    assert article.text.startswith("Stadtrat streitet über Radwege")
    assert "Anna Berger" in article.text
    assert article.meta["url"] == server.url("/article.html")
    assert data.startswith(b"<!DOCTYPE html>")


def test_plain_text_page(server):
    article, _ = Fetcher.allowing(LOOPBACK).fetch_article(server.url("/article.txt"))
    assert article.input_format == "text"
    assert article.text.startswith("Streit um Radwege")


@pytest.mark.parametrize("url, why", [
    ("http://127.0.0.1:{port}/article.html", "loopback"),
    ("http://localhost:{port}/article.html", "loopback"),
    ("http://[::1]:{port}/article.html", "loopback"),
    ("http://0x7f000001:{port}/article.html", "loopback"),
    ("http://2130706433:{port}/article.html", "loopback"),
    ("http://[::ffff:127.0.0.1]:{port}/article.html", "IPv6 address embedding 127.0.0.1"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://10.1.2.3/", "private"),
    ("http://192.168.0.1:{port}/", "private"),
    ("http://0.0.0.0:{port}/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
    ("http://240.0.0.1/", "reserved"),
])
def test_non_public_addresses_are_refused_by_default_and_never_contacted(server, guard, url, why):
    with pytest.raises(FetchError, match=why) as err:
        Fetcher().fetch(url.format(port=server.port))
    assert "\n" not in str(err.value)
    assert sum(server.hits.values()) == 0
    assert guard == []  # not even a connection was opened


@pytest.mark.parametrize("url, why", [
    ("file:///etc/passwd", "only http and https"),
    ("ftp://example.org/x", "only http and https"),
    ("http://user:secret@127.0.0.1/", "user name or password"),
    ("http:///nohost", "no host"),
    ("javascript:alert(1)", "only http and https"),
])
def test_other_schemes_and_odd_urls_are_refused(guard, url, why):
    with pytest.raises(FetchError, match=why):
        Fetcher().fetch(url)
    assert guard == []


def test_redirect_to_a_loopback_address_is_refused_before_it_is_followed(server, guard):
    with LocalServer("127.0.0.2") as target:
        fetcher = Fetcher.allowing(LOOPBACK)  # 127.0.0.1 may be fetched, 127.0.0.2 not
        assert fetcher.fetch(server.url("/article.html")).content  # the allowed server itself is fine
        with pytest.raises(FetchError, match=r"refused \(loopback address: 127.0.0.2\)"):
            fetcher.fetch(server.url(f"/to?url={target.url('/article.html')}"))
        assert target.hits["/article.html"] == 0
        assert server.hits["/to"] == 1
        with pytest.raises(FetchError, match="link-local"):
            fetcher.fetch(server.url("/to?url=http://169.254.169.254/latest/meta-data/"))
    assert all(ipaddress.ip_address(a[0]) == ipaddress.ip_address("127.0.0.1") for a in guard)


def test_allowed_redirects_are_followed_and_limited(server):
    fetcher = Fetcher.allowing(LOOPBACK)
    page = fetcher.fetch(server.url("/to?url=/article.html"))
    assert page.final_url == server.url("/article.html")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.fetch(server.url("/loop"))
    assert server.hits["/loop"] == 6


def test_a_50_mb_response_is_refused(server):
    fetcher = Fetcher.allowing(LOOPBACK)
    with pytest.raises(FetchError, match="50.0 MB is too large"):
        fetcher.fetch(server.url("/big"))
    with pytest.raises(FetchError, match="more than 5 MB"):
        fetcher.fetch(server.url("/big-unannounced"))
    assert server.streamed < 50_000_000  # the download stopped early


def test_content_type_and_status_are_checked(server):
    fetcher = Fetcher.allowing(LOOPBACK)
    with pytest.raises(FetchError, match="image/png is not an HTML or text page"):
        fetcher.fetch(server.url("/image.png"))
    with pytest.raises(FetchError, match="404"):
        fetcher.fetch(server.url("/missing"))


def test_time_limit(server):
    with pytest.raises(FetchError, match="within 0.5 s"):
        Fetcher.allowing(LOOPBACK, timeout=0.5).fetch(server.url("/slow?s=2"))


def test_connects_to_the_checked_address_not_a_second_dns_answer(server):
    """The name is resolved once, checked, and that address is used (no DNS rebinding):
    the server sees the original host name in the Host header."""
    answers = []

    def resolve(host, port):
        answers.append(host)
        return [ipaddress.ip_address("127.0.0.1")]

    fetcher = Fetcher(allow=(ipaddress.ip_network("127.0.0.1/32"),), resolve=resolve)
    page = fetcher.fetch(f"http://news.invalid:{server.port}/article.html")
    assert page.content.startswith(b"<!DOCTYPE html>")
    assert answers == ["news.invalid"]
    assert server.hosts == [f"news.invalid:{server.port}"]


def test_refusal_reasons():
    assert refusal(ipaddress.ip_address("93.184.216.34")) is None
    assert refusal(ipaddress.ip_address("2a00:1450:4001:80b::200e")) is None
    assert refusal(ipaddress.ip_address("100.64.0.1")) == "non-public address"  # carrier-grade NAT
    assert "private" in refusal(ipaddress.ip_address("::ffff:10.0.0.1"))
    assert "embedding" in refusal(ipaddress.ip_address("64:ff9b::7f00:1"))
    assert refusal(ipaddress.ip_address("fe80::1")) == "link-local address"
    assert refusal(ipaddress.ip_address("fc00::1")) == "private address"


def test_bad_allow_list_is_a_clear_error():
    with pytest.raises(FetchError, match="not a network address"):
        Fetcher.allowing(["not-a-net"])


def test_cli_analyze_refuses_a_loopback_url_in_one_line(server):
    from typer.testing import CliRunner

    from quellenlage.cli import app

    result = CliRunner().invoke(app, ["analyze", server.url("/article.html")])
    assert result.exit_code == 2
    assert "refused (loopback address: 127.0.0.1)" in result.output
    assert "Traceback" not in result.output
    assert sum(server.hits.values()) == 0


@pytest.mark.parametrize("kind", ["feed", "sitemap"])
def test_batch_fetches_linked_pages_only_with_fetch(server, tmp_path, kind):
    from quellenlage.batch.runner import run_batch

    link = server.url("/article.html")
    if kind == "feed":
        source = tmp_path / "feed.rss"
        source.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lokalblatt</title>'
                          f'<item><title>Radwege</title><link>{link}</link></item></channel></rss>')
    else:
        source = tmp_path / "sitemap.xml"
        source.write_text(f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                          f'<url><loc>{link}</loc></url></urlset>')
    without = run_batch([source], tmp_path / "without", show_progress=False)
    refused = run_batch([source], tmp_path / "refused", show_progress=False, fetcher=Fetcher())
    assert (without.analysed, without.failed, refused.analysed, refused.failed) == (0, 1, 0, 1)
    assert sum(server.hits.values()) == 0
    fetched = run_batch([source], tmp_path / "fetched", show_progress=False, fetcher=Fetcher.allowing(LOOPBACK))
    assert (fetched.analysed, fetched.failed) == (1, 0)
    assert server.hits["/article.html"] == 1


def test_next_checked_address_is_tried_when_one_refuses_the_connection(server):
    """A name with two addresses: nothing listens on 127.0.0.2 at the server's port, so the
    fetcher goes on to 127.0.0.1; with only the closed one it says it cannot connect."""
    closed, open_ = ipaddress.ip_address("127.0.0.2"), ipaddress.ip_address("127.0.0.1")
    allow = (ipaddress.ip_network("127.0.0.0/8"),)
    page = Fetcher(allow=allow, resolve=lambda host, port: [closed, open_]).fetch(
        f"http://two.invalid:{server.port}/article.txt")
    assert page.content.startswith(b"Streit um Radwege")
    with pytest.raises(FetchError, match="cannot connect"):
        Fetcher(allow=allow, resolve=lambda host, port: [closed]).fetch(f"http://two.invalid:{server.port}/")


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command to make a certificate")
def test_https_checks_the_certificate_against_the_host_name_not_the_address(tmp_path, guard):
    """The connection goes to the checked IP address, yet TLS still verifies the URL's name."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-keyout", str(key),
                    "-out", str(cert), "-subj", "/CN=news.invalid", "-addext", "subjectAltName=DNS:news.invalid"],
                   check=True, capture_output=True)
    trust = ssl.create_default_context(cafile=str(cert))
    loopback = lambda host, port: [ipaddress.ip_address("127.0.0.1")]  # noqa: E731
    fetcher = Fetcher(allow=(ipaddress.ip_network("127.0.0.1/32"),), verify=trust, resolve=loopback)
    with LocalServer(tls=(str(cert), str(key))) as server:
        page = fetcher.fetch(f"https://news.invalid:{server.port}/article.txt")
        assert page.content.startswith(b"Streit um Radwege")
        with pytest.raises(FetchError, match="certificate|hostname"):
            fetcher.fetch(f"https://other.invalid:{server.port}/article.txt")
