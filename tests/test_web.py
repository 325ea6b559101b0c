"""The web app through FastAPI's TestClient: form, upload, permanent links, de-duplication,
history search, JSON API, URL input behind the SSRF guard, escaping, one-line errors.

Every test runs against SQLite, and against a throwaway PostgreSQL server when Debian's
`postgresql` package is installed (skipped with a message otherwise).
"""

from __future__ import annotations

import re
import uuid

import pytest
from fastapi.testclient import TestClient

from local_http import ARTICLE_HTML, ARTICLE_TEXT, LocalServer, loopback_only
from pg_cluster import Cluster, ClusterUnavailable
from quellenlage.ingest.fetch import Fetcher
from quellenlage.render import render_html
from quellenlage.schema import Analysis
from quellenlage.web import create_app
from quellenlage.web.worker import AnalysisWorker

SECOND_TEXT = """Neue Brücke über den Fluss eröffnet

Die Bürgermeisterin Clara Vogt sagte bei der Eröffnung: „Das ist ein guter Tag für unsere Stadt.“
Nach Angaben des Bauamts kostete die Brücke zwölf Millionen Euro.
"""


@pytest.fixture(scope="module")
def worker():
    w = AnalysisWorker()
    yield w
    w.close()


@pytest.fixture(scope="module")
def postgres():
    try:
        cluster = Cluster().start()
    except ClusterUnavailable as why:
        pytest.skip(f"no PostgreSQL: {why}")
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "analyses.db")
    return request.getfixturevalue("postgres").create_database(f"ql_{uuid.uuid4().hex[:12]}")


@pytest.fixture(autouse=True)
def guard(monkeypatch):
    return loopback_only(monkeypatch)


def make_client(db_url, worker, fetcher=None):
    return TestClient(create_app(db_url, fetcher=fetcher, worker=worker), raise_server_exceptions=False)


@pytest.fixture
def client(db_url, worker):
    with make_client(db_url, worker) as c:
        yield c


def form_token(client) -> str:
    page = client.get("/")
    assert page.status_code == 200
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def submit(client, **fields):
    files = fields.pop("files", None)
    data = {"csrf_token": form_token(client), **fields}
    return client.post("/analyze", data=data, files=files, follow_redirects=False)


def test_form_text_shows_quotes_speakers_and_downloads(client):
    response = submit(client, text=ARTICLE_TEXT)
    assert response.status_code == 303
    link = response.headers["location"]
    assert re.fullmatch(r"/a/[0-9a-f]{16}", link)
    page = client.get(link)
    assert page.status_code == 200
    assert 'class="q q-direct"' in page.text and 'data-label="Anna Berger"' in page.text
    assert "Paul Wendt" in page.text and "Sources" in page.text
    assert f'href="{link}.json"' in page.text and f'href="{link}.html"' in page.text
    analysis = Analysis.model_validate_json(client.get(f"{link}.json").content)
    assert analysis.id == link.rsplit("/", 1)[1]
    assert {q.speaker.name for q in analysis.quotes if q.speaker} >= {"Anna Berger", "Paul Wendt"}
    report = client.get(f"{link}.html")
    assert report.text == render_html(analysis, ui_language="en")  # the UI language of the request (no Accept-Language: English)
    assert "attachment" in report.headers["content-disposition"]


def test_upload_html_and_txt(client):
    response = submit(client, files={"file": ("radwege.html", ARTICLE_HTML.encode("utf-8"), "text/html")})
    assert response.status_code == 303
    analysis = client.get(response.headers["location"] + ".json").json()
    assert analysis["meta"]["title"] == "Stadtrat streitet über Radwege"
    assert analysis["meta"]["site"] == "Lokalblatt Nord"
    response = submit(client, files={"file": ("bruecke.txt", SECOND_TEXT.encode("cp1252"), "text/plain")})
    assert response.status_code == 303
    analysis = client.get(response.headers["location"] + ".json").json()
    assert analysis["text"].startswith("Neue Brücke über den Fluss")  # cp1252 decoded


@pytest.mark.parametrize("name, data, message", [
    ("article.pdf", b"%PDF-1.4", "upload a .html or .txt file"),
    ("article.txt", b"\x00\x01\x02" * 100, "binary file"),
    ("empty.html", b"<html><body><p>Hallo</p></body></html>", "no article text"),
])
def test_bad_uploads_get_a_message_on_the_page(client, name, data, message):
    response = submit(client, files={"file": (name, data, "application/octet-stream")})
    assert response.status_code == 400
    assert message in response.text and "Traceback" not in response.text
    assert 'class="form-error"' in response.text


def test_same_input_is_stored_once(client):
    first = submit(client, text=ARTICLE_TEXT.replace("\n", "\r\n"))  # a browser's line ends
    again = client.post("/api/analyses", json={"text": ARTICLE_TEXT})
    assert again.status_code == 200  # found, not created
    assert first.headers["location"] == f"/a/{again.json()['id']}"
    other = client.post("/api/analyses", json={"text": SECOND_TEXT})
    assert other.status_code == 201 and other.json()["id"] != again.json()["id"]
    assert len(client.get("/api/analyses").json()) == 2


def test_history_newest_first_and_searchable(client):
    ids = [client.post("/api/analyses", json=body).json()["id"]
           for body in ({"text": ARTICLE_TEXT}, {"html": ARTICLE_HTML}, {"text": SECOND_TEXT})]
    page = client.get("/history")
    positions = [page.text.index(f"/a/{i}") for i in ids]
    assert positions == sorted(positions, reverse=True)  # newest first

    def found(**query):
        text = client.get("/history", params=query).text
        return [i for i in ids if f"/a/{i}" in text]

    assert found(q="brücke", field="title") == [ids[2]]
    assert found(q="STADTRAT", field="title") == [ids[1]]
    assert found(q="lokalblatt", field="site") == [ids[1]]
    assert found(q="Vogt", field="speaker") == [ids[2]]
    assert sorted(found(q="anna berger", field="speaker")) == sorted(ids[:2])
    assert found(q="lokalblatt") == [ids[1]]  # any field
    assert found(q="Lokalblatt", field="speaker") == []
    assert "No analysis matches" in client.get("/history", params={"q": "%"}).text  # LIKE wildcard taken literally


def test_api_create_get_and_filter(client):
    created = client.post("/api/analyses", json={"text": SECOND_TEXT})
    assert created.status_code == 201
    body = created.json()
    analysis = Analysis.model_validate(body)
    assert created.headers["location"] == f"/api/analyses/{analysis.id}"
    assert client.get(f"/api/analyses/{analysis.id}").json() == body
    listed = client.get("/api/analyses", params={"speaker": "clara"}).json()
    assert [row["id"] for row in listed] == [analysis.id]
    assert listed[0]["speakers"][0] == "Clara Vogt" and listed[0]["link"] == f"/a/{analysis.id}"
    assert client.get("/api/analyses", params={"speaker": "Niemand"}).json() == []
    missing = client.get("/api/analyses/0123456789abcdef")
    assert missing.status_code == 404 and "no analysis" in missing.json()["detail"]
    assert client.get("/a/0123456789abcdef").status_code == 404
    assert "/api/analyses" in client.get("/openapi.json").json()["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "nonce-" in docs.headers["content-security-policy"]


def test_url_input_only_through_the_guard(db_url, worker):
    with LocalServer() as server:
        url = server.url("/article.html")
        with make_client(db_url, worker) as refusing:
            response = refusing.post("/api/analyses", json={"url": url})
            assert response.status_code == 422
            assert "loopback address" in response.json()["detail"]
            page = submit(refusing, url=url)
            assert page.status_code == 422 and "loopback address" in page.text
        assert sum(server.hits.values()) == 0
        with make_client(db_url, worker, Fetcher.allowing(["127.0.0.1/32"])) as allowing:
            created = allowing.post("/api/analyses", json={"url": url})
            assert created.status_code == 201
            assert created.json()["meta"]["url"] == url
            again = allowing.post("/api/analyses", json={"url": url})  # same URL, same bytes
            assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
        assert server.hits["/article.html"] == 2


def test_article_markup_is_escaped_everywhere(client):
    evil = ('<script>alert("x")</script> sagt: "><img src=x onerror=alert(1)>\n\n'
            '„Wir haben nichts zu verbergen“, sagte der Sprecher <b>Max Muster</b>.\n')
    response = submit(client, text=evil)
    link = response.headers["location"]
    for page in (client.get(link), client.get("/history"), client.get("/")):
        assert "<script" not in page.text
        assert "<img" not in page.text and "<b>Max" not in page.text
        assert "&lt;script&gt;" in page.text
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp  # no script may run at all
    assert "<script" not in client.get(link + ".html").text


@pytest.mark.parametrize("body, status, detail", [
    ({}, 400, "nothing to analyse"),
    ({"text": "   "}, 400, "nothing to analyse"),
    ({"text": "Text", "url": "https://example.org/"}, 400, "give only one input"),
    ({"url": "ftp://example.org/x"}, 400, "not an http(s) URL"),
    ({"url": "http://[::1]/"}, 422, "loopback"),
    ({"html": "<html><body></body></html>"}, 400, "no article text"),
    ({"text": 42}, 422, "text"),
])
def test_api_bad_input_is_one_line(client, body, status, detail):
    response = client.post("/api/analyses", json=body)
    assert response.status_code == status
    assert detail in response.json()["detail"] and "\n" not in response.json()["detail"]


def test_malformed_and_oversized_requests(client):
    response = client.post("/api/analyses", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and isinstance(response.json()["detail"], str)
    huge = client.post("/api/analyses", json={"text": "Wort " * 1_300_000})
    assert huge.status_code == 413 and "too large" in huge.json()["detail"]
    assert client.get("/api/analyses", params={"limit": 0}).status_code == 422


def test_form_needs_its_csrf_token(client):
    client.get("/")
    missing = client.post("/analyze", data={"text": ARTICLE_TEXT}, follow_redirects=False)
    assert missing.status_code == 403 and "security token" in missing.text
    wrong = client.post("/analyze", data={"text": ARTICLE_TEXT, "csrf_token": "forged"}, follow_redirects=False)
    assert wrong.status_code == 403
    assert client.get("/api/analyses").json() == []
    empty = submit(client)
    assert empty.status_code == 400 and "nothing to analyse" in empty.text


def test_unexpected_errors_show_no_traceback(client, monkeypatch):
    def boom(**_kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(client.app.state.service, "submit", boom)
    response = client.post("/api/analyses", json={"text": ARTICLE_TEXT})
    assert response.status_code == 500
    assert response.json()["detail"].startswith("internal error (RuntimeError)")
    assert "secret internals" not in response.text
    page = submit(client, text=ARTICLE_TEXT)
    assert page.status_code == 500 and "Traceback" not in page.text and "secret internals" not in page.text


def test_history_survives_a_restart(db_url, worker):
    with make_client(db_url, worker) as first:
        analysis_id = first.post("/api/analyses", json={"text": SECOND_TEXT}).json()["id"]
    with make_client(db_url, worker) as second:  # a new app on the same database
        assert f"/a/{analysis_id}" in second.get("/history").text
        assert second.post("/api/analyses", json={"text": SECOND_TEXT}).status_code == 200


def test_form_takes_a_long_paste_and_refuses_an_oversized_one(client):
    long_text = "Wort " * 400_000  # 2 MB: over Starlette's default 1 MB per field
    both = submit(client, text=long_text, url="https://example.org/")
    assert both.status_code == 400 and "give only one input" in both.text  # the form was read whole
    huge = submit(client, text="Wort " * 1_150_000)  # 5.75 MB: over the 5 MB article limit
    assert huge.status_code in (400, 413) and "Traceback" not in huge.text
    assert "maximum size" in huge.text or "too large" in huge.text


@pytest.mark.parametrize("db", ["postgresql://nobody@127.0.0.1:1/none", "sqlite:////nonexistent/folder/x.db"])
def test_a_bad_database_is_one_clear_error(db, worker):
    from quellenlage.web.store import StoreError

    with pytest.raises(StoreError, match="cannot open the database") as err:
        create_app(db, worker=worker)
    assert "\n" not in str(err.value)


def test_a_slow_analysis_does_not_block_other_pages(db_url, worker):
    """The analysis waits in a worker thread; meanwhile the history page answers."""
    import threading

    entered, release = threading.Event(), threading.Event()

    class SlowWorker:
        def analyze(self, article):
            entered.set()
            assert release.wait(30)
            return worker.analyze(article)

    with make_client(db_url, SlowWorker()) as c:
        outcome = {}
        pending = threading.Thread(target=lambda: outcome.update(r=c.post("/api/analyses", json={"text": SECOND_TEXT})))
        pending.start()
        try:
            assert entered.wait(30)  # the analysis is under way
            page = c.get("/history")
            assert page.status_code == 200 and "Nothing analysed yet" in page.text
            assert pending.is_alive()  # still analysing while the page was served
        finally:
            release.set()
            pending.join(30)
        assert outcome["r"].status_code == 201
