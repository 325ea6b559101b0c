"""UI strings in German and English: catalogs complete, labels in the chosen language, escaping kept."""

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from quellenlage.render import render_html, render_text
from quellenlage.render.i18n import accepted_language, catalog, ui_language
from quellenlage.render.summary import SOURCE_TYPE_LABELS, VERDICT_LABELS
from quellenlage.schema import Analysis, Line
from quellenlage.web.app import HISTORY_FIELDS, create_app

ROOT = Path(__file__).resolve().parent.parent / "quellenlage"
TEMPLATES = [*(ROOT / "render" / "templates").glob("*.j2"), *(ROOT / "web" / "templates").glob("*.j2")]
GETTEXT = re.compile(r"""\b_\(\s*(["'])(.*?)\1""")
NGETTEXT = re.compile(r"""\bngettext\(\s*(["'])(.*?)\1\s*,\s*(["'])(.*?)\3""")


def template_msgids() -> set[str]:
    ids: set[str] = set()
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        ids |= {m.group(2) for m in GETTEXT.finditer(text)}
        ids |= {m.group(k) for m in NGETTEXT.finditer(text) for k in (2, 4)}
    return ids


def python_msgids() -> set[str]:
    ids = {m.group(2) for name in ("html.py", "text.py", "summary.py")
           for m in GETTEXT.finditer((ROOT / "render" / name).read_text(encoding="utf-8"))}
    return ids | set(SOURCE_TYPE_LABELS.values()) | set(VERDICT_LABELS.values()) | set(HISTORY_FIELDS.values())


def test_every_msgid_is_in_both_catalogs():
    ids = template_msgids() | python_msgids()
    assert len(ids) > 80
    for language in ("de", "en"):
        missing = ids - set(catalog(language))
        assert not missing, (language, sorted(missing))


def test_catalogs_hold_the_same_msgids_and_no_markup():
    assert set(catalog("de")) == set(catalog("en"))
    for language in ("de", "en"):
        for msgid, text in catalog(language).items():
            assert not set("<>&") & set(text), (language, msgid)
            assert re.findall(r"%\(\w+\)s", msgid) == re.findall(r"%\(\w+\)s", text), (language, msgid)


def test_ui_language_choice():
    assert ui_language("auto", "de") == "de" and ui_language("auto", "en") == "en"
    assert ui_language("auto", "fr") == "en" and ui_language(None) == "en"
    assert ui_language("de", "en") == "de" and ui_language("en-GB") == "en"
    assert accepted_language("fr-FR,fr;q=0.9,de;q=0.8,en;q=0.5") == "de"
    assert accepted_language("en-US,en;q=0.9,de;q=0.8") == "en"
    assert accepted_language("fr") is None and accepted_language(None) is None


GERMAN = "Brücke bleibt gesperrt\nDie Stadt hat die Sanierung verschoben, sagte ein Sprecher am Dienstag."
ENGLISH = "Bridge stays closed\nThe city postponed the repairs, a spokesperson said on Tuesday."


def article(text: str, language: str, headline: str | None = None) -> Analysis:
    first = text.split("\n", 1)[0]
    lines = [Line(index=0, role="headline", text=headline or first, start=0),
             Line(index=1, role="paragraph", text=text.split("\n", 1)[1], start=len(first) + 1)]
    a = Analysis(text=text if headline is None else headline + "\n" + text.split("\n", 1)[1], lines=lines)
    a.meta.language = language
    return a


def test_german_report_has_german_labels():
    html = render_html(article(GERMAN, "de"))
    assert '<html lang="de">' in html and '<article class="article" lang="de">' in html
    for label in ("Zitate", "Quellen", "Keine Zitate gefunden.", "Artikel", "wer was sagt, auf wessen Autorität"):
        assert label in html, label
    assert "No quotes found." not in html and ">Sources<" not in html
    text = render_text(article(GERMAN, "de"))
    assert "Keine Zitate gefunden." in text and "Entfernte Zeilen Seitenbeiwerk: 0" in text


def test_english_report_has_english_labels():
    html = render_html(article(ENGLISH, "en"))
    assert '<html lang="en">' in html and '<article class="article" lang="en">' in html
    for label in ("Quotes", "Sources", "No quotes found.", "Article", "who says what, on whose authority"):
        assert label in html, label
    assert "Zitate" not in html
    assert "No quotes found." in render_text(article(ENGLISH, "en"))


def test_ui_language_overrides_the_article_language():
    html = render_html(article(GERMAN, "de"), ui_language="en")
    assert '<html lang="en">' in html and "No quotes found." in html
    assert '<article class="article" lang="de">' in html  # the article keeps its own language


@pytest.mark.parametrize("language", ["de", "en"])
def test_malicious_title_is_escaped_in_both_languages(language):
    evil = '<script>alert("x")</script> & <b>bold</b>'
    a = article(GERMAN, "de", headline=evil)
    a.meta.title = evil
    html = render_html(a, ui_language=language)
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;" in html


@pytest.fixture
def client(tmp_path):
    with TestClient(create_app(f"sqlite:///{tmp_path / 'ui.db'}"), raise_server_exceptions=False) as c:
        yield c


def test_web_honours_lang_parameter_and_accept_language(client):
    page = client.get("/?lang=de")
    assert '<html lang="de">' in page.text and "Neue Analyse" in page.text and "Verlauf" in page.text
    assert 'href="?lang=en"' in page.text  # the language switcher
    page = client.get("/?lang=en", headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert '<html lang="en">' in page.text and "New analysis" in page.text and 'href="?lang=de"' in page.text
    page = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.8"})
    assert '<html lang="de">' in page.text and "Wer sagt was" in page.text
    assert "Accept-Language" in page.headers.get("vary", "")
    page = client.get("/", headers={"Accept-Language": "fr-FR"})
    assert '<html lang="en">' in page.text and "Who says what" in page.text
    page = client.get("/history?lang=de&q=%3Cscript%3Ex")
    assert "Keine Analyse passt zu „&lt;script&gt;x“." in page.text and "<script>x" not in page.text
    missing = client.get("/a/0123456789abcdef?lang=de")
    assert missing.status_code == 404 and "Nicht gefunden" in missing.text
